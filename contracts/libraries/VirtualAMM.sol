// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {DataTypes} from "../core/DataTypes.sol";
import {CurveMath} from "./CurveMath.sol";
import {PerpMath} from "./PerpMath.sol";
import {Twap} from "./Twap.sol";

/// @title VirtualAMM
/// @notice A market's virtual x*y=k curve over its storage struct (PROTOCOL.md section 3,
///         "VirtualAMM"): swap with the per-block fluctuation limit, quotes, the mark and its
///         TWAP, and curve migrations (k adjustment, repeg) with their exact cost. No tokens:
///         reserves are numbers. The traders' net position is referenceBase - baseReserve
///         (invariant 1); migrations move the reference with the curve so that it is unchanged.
///         Pricing only: booking a fill on an account is AccountBalance's job, so that one swap
///         can price many fills.
library VirtualAMM {
    using Twap for Twap.State;

    uint256 internal constant MAX_RESERVE = type(uint112).max;
    uint32 internal constant MARK_TWAP_WINDOW = 15 minutes;

    struct Swap {
        uint256 base;
        uint256 quote;
        uint256 newPrice;
        uint256 oldPrice;
    }

    function init(DataTypes.Curve storage c, Twap.State storage t, uint256 x, uint256 y) internal {
        checkReserves(x, y);
        c.baseReserve = uint128(x);
        c.quoteReserve = uint128(y);
        c.referenceBase = uint128(x);
        t.init();
    }

    /// @notice Swaps on the curve. `maxMoveRatio` (1e6 = 100%) is the fluctuation limit against
    ///         the mark at the block's first swap; 0 disables it (liquidations).
    function swap(
        DataTypes.Curve storage cs,
        Twap.State storage t,
        address baseToken,
        bool isBaseToQuote,
        bool isExactInput,
        uint256 amount,
        uint24 maxMoveRatio
    ) internal returns (Swap memory r) {
        DataTypes.Curve memory c = cs;
        uint256 x = c.baseReserve;
        uint256 y = c.quoteReserve;
        r.oldPrice = price(x, y);
        (r.base, r.quote) = quote(x, y, isBaseToQuote, isExactInput, amount);
        if (r.base == 0 || r.quote == 0) revert E.ZeroAmount();
        (x, y) = isBaseToQuote ? (x + r.base, y - r.quote) : (x - r.base, y + r.quote);
        r.newPrice = price(x, y);
        if (uint32(block.number) != c.blockNumber) {
            c.blockNumber = uint32(block.number);
            c.blockStartPrice = uint96(r.oldPrice);
        }
        if (maxMoveRatio != 0) {
            uint256 start = c.blockStartPrice;
            uint256 diff = r.newPrice > start ? r.newPrice - start : start - r.newPrice;
            if (diff > PerpMath.mulRatioDown(start, maxMoveRatio)) {
                revert E.PriceMoveTooLarge(baseToken, start, r.newPrice, maxMoveRatio);
            }
        }
        checkReserves(x, y);
        cs.baseReserve = uint128(x);
        cs.quoteReserve = uint128(y);
        if (c.blockNumber != cs.blockNumber) {
            cs.blockNumber = c.blockNumber;
            cs.blockStartPrice = c.blockStartPrice;
        }
        t.accrue(r.oldPrice); // the mark in force since the last accrual
    }

    /// @notice Moves the curve to new reserves keeping the traders' net position; returns the
    ///         exact cost of the change in its value (positive: traders gain, the pool pays).
    function migrate(DataTypes.Curve storage cs, Twap.State storage t, uint256 newBase, uint256 newQuote)
        internal
        returns (int256 cost)
    {
        DataTypes.Curve memory c = cs;
        cost = migrationCost(c, newBase, newQuote);
        int256 n = netBase(c);
        // the TWAP accrues the old price up to now; the new curve's price is in force from now on
        t.accrue(price(c.baseReserve, c.quoteReserve));
        cs.baseReserve = uint128(newBase);
        cs.quoteReserve = uint128(newQuote);
        cs.referenceBase = uint128(uint256(int256(newBase) + n));
    }

    /// @notice V' - V of the traders' net position (PROTOCOL.md section 9). V is each curve's
    ///         exit value, rounded against the traders on both sides.
    function migrationCost(DataTypes.Curve memory c, uint256 newBase, uint256 newQuote) internal pure returns (int256) {
        checkReserves(newBase, newQuote);
        int256 n = netBase(c);
        if (n < 0 && uint256(-n) >= newBase) revert E.InvalidReserves(newBase, newQuote);
        return CurveMath.netPositionValue(newBase, newQuote, n)
            - CurveMath.netPositionValue(c.baseReserve, c.quoteReserve, n);
    }

    /// @notice lambda + fee + sigma of PROTOCOL.md section 9 as one signed 1e6 ratio, rounded
    ///         up: closing the whole position on the curve changes the account value by
    ///         -cost * notional. A partial close gets a better average price (the curve is
    ///         concave), so the estimate never falls short on that account.
    function closingCost(DataTypes.Curve memory c, int256 size, uint256 notional, uint256 charges)
        internal
        pure
        returns (int256)
    {
        bool isLong = size > 0;
        (, uint256 exitQuote) = quote(c.baseReserve, c.quoteReserve, isLong, isLong, PerpMath.abs(size));
        if (isLong) return 1e6 - int256(Math.mulDiv(exitQuote, 1e6 - charges, notional));
        return int256(Math.mulDiv(exitQuote, 1e6 + charges, notional, Math.Rounding.Ceil)) - 1e6;
    }

    function quote(uint256 x, uint256 y, bool isBaseToQuote, bool isExactInput, uint256 amount)
        internal
        pure
        returns (uint256 base, uint256 quoteAmount)
    {
        if (isBaseToQuote) {
            if (isExactInput) return (amount, CurveMath.quoteOutForBaseIn(x, y, amount));
            return (CurveMath.baseInForQuoteOut(x, y, amount), amount);
        }
        if (isExactInput) return (CurveMath.baseOutForQuoteIn(x, y, amount), amount);
        return (amount, CurveMath.quoteInForBaseOut(x, y, amount));
    }

    function markPrice(DataTypes.Curve storage c) internal view returns (uint256) {
        return price(c.baseReserve, c.quoteReserve);
    }

    function markTwap(DataTypes.Curve storage c, Twap.State storage t, uint256 window) internal view returns (uint256) {
        return t.twap(window, price(c.baseReserve, c.quoteReserve));
    }

    function netBase(DataTypes.Curve memory c) internal pure returns (int256) {
        return int256(uint256(c.referenceBase)) - int256(uint256(c.baseReserve));
    }

    function price(uint256 x, uint256 y) internal pure returns (uint256) {
        return Math.mulDiv(y, 1e18, x);
    }

    /// @dev Bounded so that prices fit the packed block-start price and k fits 512-bit maths.
    function checkReserves(uint256 x, uint256 y) internal pure {
        if (x < 1e9 || y < 1e9 || x > MAX_RESERVE || y > MAX_RESERVE) revert E.InvalidReserves(x, y);
    }
}
