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

    event MarketInitialized(address indexed baseToken, uint256 baseReserve, uint256 quoteReserve);
    event KAdjusted(address indexed baseToken, uint256 oldBase, uint256 oldQuote, uint256 newBase, uint256 newQuote, int256 cost);
    event Repegged(address indexed baseToken, uint256 oldPrice, uint256 newPrice, uint256 newBase, uint256 newQuote, int256 cost);

    function initMarket(address baseToken, uint256 baseReserve, uint256 quoteReserve) external;
    function swap(address baseToken, bool isBaseToQuote, bool isExactInput, uint256 amount, uint24 maxMoveRatio)
        external
        returns (uint256 base, uint256 quote, uint256 markPrice);
    function adjustK(address baseToken, uint256 newBaseReserve) external returns (int256 cost);
    function repeg(address baseToken, uint256 newPrice) external returns (int256 cost);

    function quoteSwap(address baseToken, bool isBaseToQuote, bool isExactInput, uint256 amount)
        external
        view
        returns (uint256 base, uint256 quote);
    function getReserves(address baseToken) external view returns (uint256 baseReserve, uint256 quoteReserve);
    function getMarkPrice(address baseToken) external view returns (uint256);
    function getMarkTwap(address baseToken, uint32 window) external view returns (uint256);
    function markCumulative(address baseToken) external view returns (uint256);
    function netBase(address baseToken) external view returns (int256);
    function referenceBaseReserve(address baseToken) external view returns (uint256);
    function netPositionValue(address baseToken) external view returns (int256);
    function migrationCost(address baseToken, uint256 newBaseReserve, uint256 newQuoteReserve)
        external
        view
        returns (int256);
}
