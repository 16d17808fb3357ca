// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title CurveMath
/// @notice Constant-product formulas of PROTOCOL.md section 9 over virtual reserves (X base,
///         Y quote, k = X*Y as a 512-bit product). Every result rounds against the trader:
///         what the trader receives is rounded down, what the trader pays is rounded up.
library CurveMath {
    error InsufficientLiquidity(uint256 reserve, uint256 requested);

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
        if (b >= x) revert InsufficientLiquidity(x, b);
        return kDivUp(x, y, x - b) - y;
    }

    /// @notice short, exact base in b: quote out = Y - ceil(k/(X+b)).
    function quoteOutForBaseIn(uint256 x, uint256 y, uint256 b) internal pure returns (uint256) {
        return y - kDivUp(x, y, x + b);
    }

    /// @notice short, exact quote out q: base in = ceil(k/(Y-q)) - X.
    function baseInForQuoteOut(uint256 x, uint256 y, uint256 q) internal pure returns (uint256) {
        if (q >= y) revert InsufficientLiquidity(y, q);
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
}
