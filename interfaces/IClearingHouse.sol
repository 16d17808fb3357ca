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
    error PoolMismatch(address pool, address vaultPool);
    error AmountTooLarge(uint256 amount, uint256 max);
    error AccountUnderWater(address trader, int256 collateral, int256 accountValue);
    error LiquidationBeyondBankruptcy(address trader, address baseToken, int256 accountValue);
    error MarginRaiseTooFast(address baseToken, uint256 oldMmRatio, uint256 newMmRatio, uint256 maxMmRatio, uint256 nextRaiseTime);
    error KChangeTooLarge(address baseToken, uint256 oldBaseReserve, uint256 newBaseReserve);
    error CurveChangeTooSoon(address baseToken, uint256 nextChangeTime);

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
    event BadDebtCovered(address indexed trader, uint256 debt, uint256 coveredByInsurance, uint256 socialized, uint256 deficit);
    event LiquidationCapped(address indexed trader, address indexed baseToken, uint256 plannedSize, uint256 closedSize, int256 accountValue);
    event MarketAdded(address indexed baseToken, uint8 id, uint256 baseReserve, uint256 quoteReserve);
    event MarketParamsChanged(address indexed baseToken, MarketParams params);
    event GlobalParamsChanged(uint256 minPositionNotional, uint256 fullLiquidationThreshold, uint24 liquidatorShare);
    event GuardianChanged(address guardian);
    event PauseChanged(address indexed baseToken, bool paused);
    event CurveMigrated(address indexed baseToken, int256 cost, bool isRepeg);

    // ------------------------------------------------------------------ trading
    /// @notice Opens, increases, reduces or flips the caller's position; returns the base and quote exchanged on the curve (quote before fee).
    function openPosition(OpenPositionParams calldata params) external returns (uint256 base, uint256 quote);
    /// @notice Closes the caller's whole position in `baseToken`; `oppositeAmountBound` is the min quote out (long) or max quote in (short), 0 for none.
    function closePosition(address baseToken, uint256 oppositeAmountBound, uint256 deadline)
        external
        returns (uint256 base, uint256 quote);
    /// @notice Liquidates the smallest fraction of `trader`'s position in `baseToken` that restores maintenance margin (or all of it); the caller earns the penalty share.
    function liquidate(address trader, address baseToken) external returns (uint256 base, uint256 quote);
    /// @notice `liquidate` with a bound on the closing swap (min quote out for a long, max quote in for a short).
    function liquidateWithBound(address trader, address baseToken, uint256 oppositeAmountBound)
        external
        returns (uint256 base, uint256 quote);
    /// @notice Settles `trader`'s pending funding in `baseToken` into collateral (permissionless).
    function settleFunding(address trader, address baseToken) external;
    /// @notice Settles `trader`'s pending funding in every market it holds (permissionless; the Vault calls it before a withdrawal).
    function settleAllFunding(address trader) external;
    /// @notice Closes the funding epoch of `baseToken` once its interval has passed (permissionless).
    function updateFundingRate(address baseToken) external;

    // ------------------------------------------------------------------ views
    /// @notice `trader`'s position in `baseToken`: size, open notional, last funding index.
    function getPosition(address trader, address baseToken) external view returns (Position memory);
    /// @notice collateral + sum(size * valuation price - open notional) - pending funding, 18 decimals.
    function getAccountValue(address trader) external view returns (int256);
    /// @notice Initial and maintenance requirements: sum(|size| * valuation price * ratio), rounded up.
    function getMarginRequirements(address trader) external view returns (uint256 initial, uint256 maintenance);
    /// @notice min(collateral, account value) - initial requirement: what `trader` may withdraw.
    function getFreeCollateral(address trader) external view returns (int256);
    /// @notice True when `trader` holds a position and its account value is below the maintenance requirement.
    function isLiquidatable(address trader) external view returns (bool);
    /// @notice Funding `trader` owes in `baseToken` since its last settlement (> 0: pays), rounded up.
    function getPendingFunding(address trader, address baseToken) external view returns (int256);
    /// @notice The price positions are valued at: the index when fresh, else the 15-minute mark TWAP.
    function getValuationPrice(address baseToken) external view returns (uint256 price, bool indexFresh);
    /// @notice The curve's price, quote reserve / base reserve.
    function getMarkPrice(address baseToken) external view returns (uint256);
    /// @notice The oracle's index price (0 when stale).
    function getIndexPrice(address baseToken) external view returns (uint256);
    /// @notice Every listed market, by id.
    function getMarkets() external view returns (address[] memory);
    /// @notice The markets in which `trader` holds a position.
    function getAccountMarkets(address trader) external view returns (address[] memory);
    /// @notice Long and short open interest of `baseToken`, in base units.
    function getOpenInterest(address baseToken) external view returns (uint256 longSize, uint256 shortSize);
    /// @notice Timestamp of `baseToken`'s last funding update.
    function lastFundingTime(address baseToken) external view returns (uint256);
}
