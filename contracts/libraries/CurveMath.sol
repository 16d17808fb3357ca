// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";

/// @title CurveMath
/// @notice Constant-product formulas of PROTOCOL.md section 9 over virtual reserves (X base,
///         Y quote, k = X*Y as a 512-bit product). Every result rounds against the trader:
///         what the trader receives is rounded down, what the trader pays is rounded up.
library CurveMath {
    /// @dev ceil(X*Y / d) without materialising k.
    function kDivUp(uint256 x, uint256 y, uint256 d) internal pure returns (uint256) {
        return Math.mulDiv(x, y, d, Math.Rounding.Ceil);
    }

    /// @notice long, exact quote in q: base out = X - ceil(k/(Y+q)).
    function baseOutForQuoteIn(uint256 x, uint256 y, uint256 q) internal pure returns (uint256) {
        return x - kDivUp(x, y, y + q);
    }

    /// @notice long, exact base out b: quote in = ceil(k/(X-b)) - Y.
    function quoteInForBaseOut(uint256 x, uint256 y, uint256 b) internal pure returns (uint256) {
        if (b >= x) revert E.InsufficientLiquidity(x, b);
        return kDivUp(x, y, x - b) - y;
    }

    /// @notice short, exact base in b: quote out = Y - ceil(k/(X+b)).
    function quoteOutForBaseIn(uint256 x, uint256 y, uint256 b) internal pure returns (uint256) {
        return y - kDivUp(x, y, x + b);
    }

    /// @notice short, exact quote out q: base in = ceil(k/(Y-q)) - X.
    function baseInForQuoteOut(uint256 x, uint256 y, uint256 q) internal pure returns (uint256) {
        if (q >= y) revert E.InsufficientLiquidity(y, q);
        return kDivUp(x, y, y - q) - x;
    }

    /// @notice Exit value of the traders' net position `n` (signed base, + net long) on curve (x, y):
    ///         V = Y - k/(X+N) for N > 0, V = -(k/(X-|N|) - Y) for N < 0, 0 for N = 0.
    ///         Rounded as the traders would get it on exit (down).
    function netPositionValue(uint256 x, uint256 y, int256 n) internal pure returns (int256) {
        if (n == 0) return 0;
        if (n > 0) return int256(quoteOutForBaseIn(x, y, uint256(n)));
        return -int256(quoteInForBaseOut(x, y, uint256(-n)));
    }

    /// @notice The largest size s whose close on curve (x, y) changes an account's value, at
    ///         valuation price p, by no more than -a: the curve price plus charges (fee and
    ///         penalty, 1e6-based ratio of the exchanged quote) included.
    ///         Long (sells s, receives q = Y s / (X + s)):  A + (1 - c) q - p s >= 0
    ///         Short (buys s, pays q = Y s / (X - s)):      A + p s - (1 + c) q >= 0
    ///         Both reduce to s^2 - B s - A X / p <= 0, so s = (B + sqrt(B^2 + 4 A X / p)) / 2 with
    ///         B = (A + (1 - c) Y) / p - X (long) or B = X - (A + (1 + c) Y) / p (short). Every
    ///         rounding shrinks s, and s is shaved by 1e-9 of itself plus one wei for the curve's
    ///         and the charges' own roundings (each at most a wei of quote).
    function bankruptcySize(uint256 x, uint256 y, bool isLong, uint256 price, uint256 a, uint256 charges)
        internal
        pure
        returns (uint256 s)
    {
        bool negative;
        uint256 b;
        if (isLong) {
            uint256 t = Math.mulDiv(a + Math.mulDiv(y, 1e6 - charges, 1e6), 1e18, price);
            (negative, b) = t >= x ? (false, t - x) : (true, x - t);
        } else {
            uint256 t =
                Math.mulDiv(a + Math.mulDiv(y, 1e6 + charges, 1e6, Math.Rounding.Ceil), 1e18, price, Math.Rounding.Ceil);
            (negative, b) = x >= t ? (false, x - t) : (true, t - x);
        }
        if (b > 2 ** 120) return 0; // far outside any real curve: close nothing rather than guess
        uint256 c = Math.mulDiv(a, 1e18, price) * x; // A X / p in base wei^2 (< 2^230: reserves < 2^112)
        uint256 disc = Math.sqrt(b * b + 4 * c);
        s = negative ? (disc - b) / 2 : (b + disc) / 2;
        uint256 shave = s / 1e9 + 1;
        s = s > shave ? s - shave : 0;
    }
}
