// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IVirtualAMM
/// @notice Per-market virtual constant-product reserves (x*y=k), mark price, mark TWAP,
///         k adjustment and repeg. Only the ClearingHouse moves the curve.
interface IVirtualAMM {
    error OnlyClearingHouse(address caller);
    error UnknownMarket(address baseToken);
    error MarketExists(address baseToken);
    error InvalidReserves(uint256 baseReserve, uint256 quoteReserve);
    error PriceMoveTooLarge(address baseToken, uint256 blockStartPrice, uint256 newPrice, uint256 maxMoveRatio);
    error ZeroAmount();
    error ValueOutOfRange(uint256 value, uint256 min, uint256 max);

    event MarketInitialized(address indexed baseToken, uint256 baseReserve, uint256 quoteReserve);
    event KAdjusted(address indexed baseToken, uint256 oldBase, uint256 oldQuote, uint256 newBase, uint256 newQuote, int256 cost);
    event Repegged(address indexed baseToken, uint256 oldPrice, uint256 newPrice, uint256 newBase, uint256 newQuote, int256 cost);

    /// @notice Creates `baseToken`'s curve with the given reserves (ClearingHouse only).
    function initMarket(address baseToken, uint256 baseReserve, uint256 quoteReserve) external;
    /// @notice Swaps on `baseToken`'s curve (ClearingHouse only); `maxMoveRatio` is the per-block fluctuation limit, 0 for none. Returns base, quote, the new mark and the mark before the swap.
    function swap(address baseToken, bool isBaseToQuote, bool isExactInput, uint256 amount, uint24 maxMoveRatio)
        external
        returns (uint256 base, uint256 quote, uint256 markPrice, uint256 oldMarkPrice);
    /// @notice Scales the curve to `newBaseReserve` keeping the mark; returns the exact cost to the pool (ClearingHouse only).
    function adjustK(address baseToken, uint256 newBaseReserve) external returns (int256 cost);
    /// @notice Moves the curve's price to `newPrice` keeping the base reserve; returns the exact cost (ClearingHouse only).
    function repeg(address baseToken, uint256 newPrice) external returns (int256 cost);

    /// @notice Closing `size` (signed position) now, against valuation `notional`, as a signed 1e6 ratio of the
    ///         notional: curve slippage plus `charges` (1e6-based), rounded up; negative when the curve pays better.
    function closingCost(address baseToken, int256 size, uint256 notional, uint256 charges) external view returns (int256);
    /// @notice Funding over the `dt` seconds since the last update: the mark cumulative now, the mark TWAP since
    ///         `markCumAnchor` and the rate against `indexTwap` (PROTOCOL.md section 5, "Funding").
    function fundingRate(address baseToken, uint256 dt, uint256 markCumAnchor, uint256 indexTwap)
        external
        view
        returns (uint256 markCum, uint256 markTwap, int256 rate);
    /// @notice The largest size of a long (`isLong`) or short whose close now loses at most `accountValue` against
    ///         valuation `price`, `charges` (fee + penalty, 1e6-based) included (CurveMath.bankruptcySize).
    function bankruptcySize(address baseToken, bool isLong, uint256 price, uint256 accountValue, uint256 charges)
        external
        view
        returns (uint256);
    /// @notice The base and quote a swap would exchange now.
    function quoteSwap(address baseToken, bool isBaseToQuote, bool isExactInput, uint256 amount)
        external
        view
        returns (uint256 base, uint256 quote);
    /// @notice Base and quote reserves of `baseToken`'s curve.
    function getReserves(address baseToken) external view returns (uint256 baseReserve, uint256 quoteReserve);
    /// @notice Quote reserve / base reserve, 18 decimals.
    function getMarkPrice(address baseToken) external view returns (uint256);
    /// @notice Time-weighted mark over about the last `window` seconds.
    function getMarkTwap(address baseToken, uint32 window) external view returns (uint256);
    /// @notice The mark TWAP accumulator extrapolated to now.
    function markCumulative(address baseToken) external view returns (uint256);
    /// @notice The traders' net position (reference base reserve - base reserve): + net long.
    function netBase(address baseToken) external view returns (int256);
    /// @notice The base reserve at which the traders' net position is zero.
    function referenceBaseReserve(address baseToken) external view returns (uint256);
    /// @notice Exit value of the traders' net position on the current curve (PROTOCOL.md section 9).
    function netPositionValue(address baseToken) external view returns (int256);
    /// @notice Cost to the pool of moving the curve to the given reserves (V' - V).
    function migrationCost(address baseToken, uint256 newBaseReserve, uint256 newQuoteReserve)
        external
        view
        returns (int256);
}
