// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IVirtualAMM} from "../interfaces/IVirtualAMM.sol";
import {CurveMath} from "./libraries/CurveMath.sol";
import {PerpMath} from "./libraries/PerpMath.sol";
import {Twap} from "./libraries/Twap.sol";

/// @title VirtualAMM
/// @notice Virtual x*y=k curves, one per market, keyed by base token. No tokens live here:
///         reserves are numbers. The traders' net position is referenceBase - baseReserve
///         (PROTOCOL.md invariant 1); k adjustments and repegs move the reference with the curve
///         so that the net position is unchanged, and report their exact cost (section 9).
contract VirtualAMM is IVirtualAMM {
    using Twap for Twap.State;

    struct Curve {
        uint128 baseReserve;
        uint128 quoteReserve;
        uint128 referenceBase; // base reserve at which the traders' net position is zero
        uint96 blockStartPrice; // mark at the first trade of the current block
        uint32 blockNumber;
    }

    uint256 public constant FUNDING_PERIOD = 24 hours;
    /// @dev 0.1% per 8 hours, 18 decimals; scaled linearly to the elapsed span
    int256 public constant FUNDING_CAP_PER_8H = 1e15;

    uint256 internal constant MAX_RESERVE = type(uint112).max;

    address public immutable clearingHouse;
    mapping(address baseToken => Curve) internal _curves;
    mapping(address baseToken => Twap.State) internal _twaps;

    modifier onlyClearingHouse() {
        if (msg.sender != clearingHouse) revert OnlyClearingHouse(msg.sender);
        _;
    }

    constructor(address clearingHouse_) {
        clearingHouse = clearingHouse_;
    }

    /// @inheritdoc IVirtualAMM
    function initMarket(address baseToken, uint256 baseReserve, uint256 quoteReserve) external onlyClearingHouse {
        if (_curves[baseToken].baseReserve != 0) revert MarketExists(baseToken);
        _checkReserves(baseReserve, quoteReserve);
        _curves[baseToken] = Curve(uint128(baseReserve), uint128(quoteReserve), uint128(baseReserve), 0, 0);
        _twaps[baseToken].init();
        emit MarketInitialized(baseToken, baseReserve, quoteReserve);
    }

    /// @inheritdoc IVirtualAMM
    /// @dev maxMoveRatio (1e6 = 100%) is the fluctuation limit against the mark at the block's
    ///      first trade; 0 disables it (liquidations). The ClearingHouse's PositionChanged event
    ///      carries the swap (exchanged size, notional, new mark), so none is emitted here.
    function swap(address baseToken, bool isBaseToQuote, bool isExactInput, uint256 amount, uint24 maxMoveRatio)
        external
        onlyClearingHouse
        returns (uint256 base, uint256 quote, uint256 newPrice, uint256 oldPrice)
    {
        if (amount == 0) revert ZeroAmount();
        Curve memory c = _curves[baseToken];
        if (c.baseReserve == 0) revert UnknownMarket(baseToken);
        uint256 x = c.baseReserve;
        uint256 y = c.quoteReserve;
        oldPrice = _price(x, y);
        (base, quote) = _quote(x, y, isBaseToQuote, isExactInput, amount);
        if (base == 0 || quote == 0) revert ZeroAmount();
        (x, y) = isBaseToQuote ? (x + base, y - quote) : (x - base, y + quote);
        newPrice = _price(x, y);

        if (uint32(block.number) != c.blockNumber) {
            c.blockNumber = uint32(block.number);
            c.blockStartPrice = uint96(oldPrice);
        }
        if (maxMoveRatio != 0) {
            uint256 start = c.blockStartPrice;
            uint256 diff = newPrice > start ? newPrice - start : start - newPrice;
            if (diff > PerpMath.mulRatioDown(start, maxMoveRatio)) {
                revert PriceMoveTooLarge(baseToken, start, newPrice, maxMoveRatio);
            }
        }
        _checkReserves(x, y);
        c.baseReserve = uint128(x);
        c.quoteReserve = uint128(y);
        _curves[baseToken] = c;
        _twaps[baseToken].accrue(oldPrice); // the mark in force since the last accrual
    }

    /// @inheritdoc IVirtualAMM
    /// @dev Scales both reserves by newBaseReserve/baseReserve: the mark is unchanged up to one
    ///      wei of quote reserve (rounded so the mark never drops). Returns the exact cost of the
    ///      change in the traders' net-position value (positive: traders gain, the pool pays).
    function adjustK(address baseToken, uint256 newBaseReserve) external onlyClearingHouse returns (int256 cost) {
        Curve memory c = _requireCurve(baseToken);
        _checkRange(newBaseReserve, 1, MAX_RESERVE);
        uint256 newQuote = Math.mulDiv(newBaseReserve, c.quoteReserve, c.baseReserve, Math.Rounding.Ceil);
        (uint256 oldBase, uint256 oldQuote) = (c.baseReserve, c.quoteReserve); // _migrate updates c
        cost = _migrate(baseToken, c, newBaseReserve, newQuote);
        emit KAdjusted(baseToken, oldBase, oldQuote, newBaseReserve, newQuote, cost);
    }

    /// @inheritdoc IVirtualAMM
    /// @dev Keeps the base reserve and moves the quote reserve so that mark = newPrice.
    function repeg(address baseToken, uint256 newPrice) external onlyClearingHouse returns (int256 cost) {
        Curve memory c = _requireCurve(baseToken);
        uint256 oldPrice = _price(c.baseReserve, c.quoteReserve);
        _checkRange(newPrice, 1, MAX_RESERVE);
        uint256 newQuote = PerpMath.mulDown(c.baseReserve, newPrice);
        cost = _migrate(baseToken, c, c.baseReserve, newQuote);
        emit Repegged(baseToken, oldPrice, newPrice, c.baseReserve, newQuote, cost);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IVirtualAMM
    function quoteSwap(address baseToken, bool isBaseToQuote, bool isExactInput, uint256 amount)
        external
        view
        returns (uint256 base, uint256 quote)
    {
        Curve memory c = _requireCurve(baseToken);
        return _quote(c.baseReserve, c.quoteReserve, isBaseToQuote, isExactInput, amount);
    }

    /// @inheritdoc IVirtualAMM
    /// @dev lambda + fee + sigma of PROTOCOL.md section 9 as one signed 1e6 ratio, rounded up:
    ///      closing the whole position on the curve changes the account value by -cost * notional
    ///      (penalty and fee are charged on the exchanged quote). A partial close gets a better
    ///      average price (the curve is concave), so the estimate never falls short on that account.
    function closingCost(address baseToken, int256 size, uint256 notional, uint256 charges)
        external
        view
        returns (int256)
    {
        Curve memory c = _requireCurve(baseToken);
        if (notional == 0) revert ZeroAmount();
        _checkRange(charges, 0, 1e6 - 1);
        // |size| (int256.min included) must fit a reserve
        _checkRange(size < 0 ? uint256(-(size + 1)) + 1 : uint256(size), 0, MAX_RESERVE);
        bool isLong = size > 0;
        (, uint256 exitQuote) = _quote(c.baseReserve, c.quoteReserve, isLong, isLong, PerpMath.abs(size));
        if (isLong) return 1e6 - int256(Math.mulDiv(exitQuote, 1e6 - charges, notional));
        return int256(Math.mulDiv(exitQuote, 1e6 + charges, notional, Math.Rounding.Ceil)) - 1e6;
    }

    /// @inheritdoc IVirtualAMM
    /// @dev premium = (markTwap - indexTwap) / indexTwap over the span, rate = premium * dt / 24 h
    ///      clamped to 0.1% per 8 hours scaled to dt (PROTOCOL.md section 5, "Funding").
    function fundingRate(address baseToken, uint256 dt, uint256 markCumAnchor, uint256 indexTwap)
        external
        view
        returns (uint256 markCum, uint256 markTwap, int256 rate)
    {
        Curve memory c = _requireCurve(baseToken);
        if (dt == 0 || indexTwap == 0) revert ZeroAmount();
        _checkRange(dt, 1, type(uint64).max);
        _checkRange(indexTwap, 1, MAX_RESERVE);
        markCum = _twaps[baseToken].cumulativeNow(_price(c.baseReserve, c.quoteReserve));
        _checkRange(markCumAnchor, 0, markCum);
        markTwap = (markCum - markCumAnchor) / dt;
        int256 premium = (int256(markTwap) - int256(indexTwap)) * 1e18 / int256(indexTwap);
        rate = PerpMath.clamp(premium * int256(dt) / int256(FUNDING_PERIOD), FUNDING_CAP_PER_8H * int256(dt) / 8 hours);
    }

    /// @inheritdoc IVirtualAMM
    function bankruptcySize(address baseToken, bool isLong, uint256 price, uint256 accountValue, uint256 charges)
        external
        view
        returns (uint256)
    {
        Curve memory c = _requireCurve(baseToken);
        if (price == 0) revert ZeroAmount();
        _checkRange(charges, 0, 1e6 - 1);
        _checkRange(accountValue, 0, type(uint128).max);
        return CurveMath.bankruptcySize(c.baseReserve, c.quoteReserve, isLong, price, accountValue, charges);
    }

    /// @inheritdoc IVirtualAMM
    function getReserves(address baseToken) external view returns (uint256, uint256) {
        Curve memory c = _curves[baseToken];
        return (c.baseReserve, c.quoteReserve);
    }

    /// @inheritdoc IVirtualAMM
    function getMarkPrice(address baseToken) external view returns (uint256) {
        Curve memory c = _requireCurve(baseToken);
        return _price(c.baseReserve, c.quoteReserve);
    }

    /// @inheritdoc IVirtualAMM
    function getMarkTwap(address baseToken, uint32 window) external view returns (uint256) {
        Curve memory c = _requireCurve(baseToken);
        return _twaps[baseToken].twap(window, _price(c.baseReserve, c.quoteReserve));
    }

    /// @inheritdoc IVirtualAMM
    function markCumulative(address baseToken) external view returns (uint256) {
        Curve memory c = _requireCurve(baseToken);
        return _twaps[baseToken].cumulativeNow(_price(c.baseReserve, c.quoteReserve));
    }

    /// @inheritdoc IVirtualAMM
    function netBase(address baseToken) external view returns (int256) {
        Curve memory c = _curves[baseToken];
        return int256(uint256(c.referenceBase)) - int256(uint256(c.baseReserve));
    }

    /// @inheritdoc IVirtualAMM
    function referenceBaseReserve(address baseToken) external view returns (uint256) {
        return _curves[baseToken].referenceBase;
    }

    /// @inheritdoc IVirtualAMM
    function netPositionValue(address baseToken) external view returns (int256) {
        Curve memory c = _curves[baseToken];
        return CurveMath.netPositionValue(
            c.baseReserve, c.quoteReserve, int256(uint256(c.referenceBase)) - int256(uint256(c.baseReserve))
        );
    }

    /// @inheritdoc IVirtualAMM
    function migrationCost(address baseToken, uint256 newBaseReserve, uint256 newQuoteReserve)
        external
        view
        returns (int256)
    {
        Curve memory c = _requireCurve(baseToken);
        _checkReserves(newBaseReserve, newQuoteReserve);
        return _cost(c, newBaseReserve, newQuoteReserve);
    }

    // ---------------------------------------------------------------- internals

    function _migrate(address baseToken, Curve memory c, uint256 newBase, uint256 newQuote)
        internal
        returns (int256 cost)
    {
        cost = _cost(c, newBase, newQuote);
        int256 n = int256(uint256(c.referenceBase)) - int256(uint256(c.baseReserve));
        _checkReserves(newBase, newQuote);
        if (n < 0 && uint256(-n) >= newBase) revert InvalidReserves(newBase, newQuote);
        // the TWAP accrues the old price up to now; the new curve's price is in force from now on
        _twaps[baseToken].accrue(_price(c.baseReserve, c.quoteReserve));
        c.baseReserve = uint128(newBase);
        c.quoteReserve = uint128(newQuote);
        c.referenceBase = uint128(uint256(int256(newBase) + n));
        _curves[baseToken] = c;
    }

    /// @dev V' - V of the traders' net position (PROTOCOL.md section 9). V is each curve's exit
    ///      value, rounded against the traders on both sides; the difference is exact for the
    ///      two curves as the traders would exit them.
    function _cost(Curve memory c, uint256 newBase, uint256 newQuote) internal pure returns (int256) {
        int256 n = int256(uint256(c.referenceBase)) - int256(uint256(c.baseReserve));
        if (n < 0 && uint256(-n) >= newBase) revert InvalidReserves(newBase, newQuote);
        return CurveMath.netPositionValue(newBase, newQuote, n)
            - CurveMath.netPositionValue(c.baseReserve, c.quoteReserve, n);
    }

    function _quote(uint256 x, uint256 y, bool isBaseToQuote, bool isExactInput, uint256 amount)
        internal
        pure
        returns (uint256 base, uint256 quote)
    {
        if (isBaseToQuote) {
            if (isExactInput) return (amount, CurveMath.quoteOutForBaseIn(x, y, amount));
            return (CurveMath.baseInForQuoteOut(x, y, amount), amount);
        }
        if (isExactInput) return (CurveMath.baseOutForQuoteIn(x, y, amount), amount);
        return (amount, CurveMath.quoteInForBaseOut(x, y, amount));
    }

    function _requireCurve(address baseToken) internal view returns (Curve memory c) {
        c = _curves[baseToken];
        if (c.baseReserve == 0) revert UnknownMarket(baseToken);
    }

    function _checkReserves(uint256 x, uint256 y) internal pure {
        // bounded so that prices fit the packed block-start price and k fits 512-bit math
        if (x < 1e9 || y < 1e9 || x > MAX_RESERVE || y > MAX_RESERVE) revert InvalidReserves(x, y);
    }

    function _checkRange(uint256 value, uint256 min, uint256 max) internal pure {
        if (value < min || value > max) revert ValueOutOfRange(value, min, max);
    }

    function _price(uint256 x, uint256 y) internal pure returns (uint256) {
        return Math.mulDiv(y, 1e18, x);
    }
}
