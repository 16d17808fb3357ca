// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IClearingHouse
/// @notice The trading entry of the protocol: open, increase, reduce, flip and close positions,
///         liquidate, settle funding, and read accounts (PROTOCOL.md sections 3-5).
interface IClearingHouse {
    /// @notice Trade parameters (Perp v2 vocabulary).
    /// @param baseToken market
    /// @param isBaseToQuote true: sell base (short / reduce a long); false: buy base (long)
    /// @param isExactInput true: `amount` is what goes into the curve; false: what comes out
    /// @param amount base (base->quote exact input, quote->base exact output) or quote otherwise
    /// @param oppositeAmountBound min out for exact input, max in for exact output; 0: no bound
    /// @param deadline last valid timestamp
    struct OpenPositionParams {
        address baseToken;
        bool isBaseToQuote;
        bool isExactInput;
        uint256 amount;
        uint256 oppositeAmountBound;
        uint256 deadline;
    }

    /// @notice Per-market risk and fee parameters; ratios are 1e6-based (1e6 = 100%).
    struct MarketParams {
        uint24 imRatio;
        uint24 mmRatio;
        uint24 feeRatio;
        uint24 insuranceFeeShare;
        uint24 liquidationPenaltyRatio;
        uint24 maxPriceMoveRatio;
        uint24 maxSpreadRatio;
        uint32 fundingInterval;
        uint128 maxLongOpenInterest;
        uint128 maxShortOpenInterest;
    }

    struct Position {
        int128 size; // signed base, + long
        int128 openNotional; // signed cost basis: + for a long (quote paid), - for a short
        int128 lastFundingIndex;
    }

    // ------------------------------------------------------------------ errors
    error ZeroAmount();
    error ZeroAddress();
    error DeadlineExpired(uint256 deadline, uint256 timestamp);
    error SlippageExceeded(uint256 amount, uint256 bound);
    error UnknownMarket(address baseToken);
    error MarketExists(address baseToken);
    error TooManyMarkets(address trader, uint256 maxMarkets);
    error InsufficientMargin(address trader, int256 accountValue, uint256 initialRequirement);
    error DustPosition(address baseToken, uint256 notional, uint256 minNotional);
    error IndexStale(address baseToken);
    error MarketPaused(address baseToken);
    error SpreadTooLarge(address baseToken, uint256 markPrice, uint256 indexPrice, uint256 maxSpreadRatio);
    error OpenInterestCapExceeded(address baseToken, bool isLong, uint256 openInterest, uint256 cap);
    error NoPosition(address trader, address baseToken);
    error NotLiquidatable(address trader, int256 accountValue, uint256 maintenanceRequirement);
    error ParamOutOfBounds(uint256 value, uint256 min, uint256 max);
    error OnlyGuardian(address caller);
    error OnlyLiquidityPool(address caller);
    error FundingTooEarly(address baseToken, uint256 nextFundingTime);
    error KCostExceedsBudget(address baseToken, int256 cost, uint256 budget);
    error TooManyTotalMarkets(uint256 count);

    // ------------------------------------------------------------------ events
    event PositionChanged(
        address indexed trader,
        address indexed baseToken,
        int256 exchangedSize,
        int256 exchangedNotional,
        uint256 fee,
        int256 openNotional,
        int256 realizedPnl,
        uint256 markPrice
    );
    event PositionLiquidated(
        address indexed trader,
        address indexed baseToken,
        uint256 liquidatedSize,
        uint256 liquidatedNotional,
        uint256 penalty,
        address indexed liquidator
    );
    event FundingUpdated(address indexed baseToken, int256 rate, uint256 markTwap, uint256 indexTwap);
    event FundingIndexMoved(address indexed baseToken, int256 indexDelta, int256 cumulativeIndex, int256 poolReceived, int256 insuranceReceived);
    event FundingSettled(address indexed trader, address indexed baseToken, int256 amount);
    event BadDebtCovered(address indexed trader, uint256 debt, uint256 coveredByInsurance, uint256 socialized);
    event MarketAdded(address indexed baseToken, uint8 id, uint256 baseReserve, uint256 quoteReserve);
    event MarketParamsChanged(address indexed baseToken, MarketParams params);
    event GlobalParamsChanged(uint256 minPositionNotional, uint256 fullLiquidationThreshold, uint24 liquidatorShare);
    event GuardianChanged(address guardian);
    event PauseChanged(address indexed baseToken, bool paused);
    event CurveMigrated(address indexed baseToken, int256 cost, bool isRepeg);

    // ------------------------------------------------------------------ trading
    function openPosition(OpenPositionParams calldata params) external returns (uint256 base, uint256 quote);
    function closePosition(address baseToken, uint256 oppositeAmountBound, uint256 deadline)
        external
        returns (uint256 base, uint256 quote);
    function liquidate(address trader, address baseToken) external returns (uint256 base, uint256 quote);
    function liquidateWithBound(address trader, address baseToken, uint256 oppositeAmountBound)
        external
        returns (uint256 base, uint256 quote);
    function settleFunding(address trader, address baseToken) external;
    function settleAllFunding(address trader) external;
    function updateFundingRate(address baseToken) external;

    // ------------------------------------------------------------------ views
    function getPosition(address trader, address baseToken) external view returns (Position memory);
    function getAccountValue(address trader) external view returns (int256);
    function getMarginRequirements(address trader) external view returns (uint256 initial, uint256 maintenance);
    function getFreeCollateral(address trader) external view returns (int256);
    function isLiquidatable(address trader) external view returns (bool);
    function getPendingFunding(address trader, address baseToken) external view returns (int256);
    function getValuationPrice(address baseToken) external view returns (uint256 price, bool indexFresh);
    function getMarkPrice(address baseToken) external view returns (uint256);
    function getIndexPrice(address baseToken) external view returns (uint256);
    function getMarkets() external view returns (address[] memory);
    function getAccountMarkets(address trader) external view returns (address[] memory);
    function getOpenInterest(address baseToken) external view returns (uint256 longSize, uint256 shortSize);
    function lastFundingTime(address baseToken) external view returns (uint256);
}
