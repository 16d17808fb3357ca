// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title PerpMath
/// @notice 18-decimal fixed point helpers. Every function states its rounding direction;
///         callers pick the one that goes against the account (section 2 of PROTOCOL.md).
library PerpMath {
    uint256 internal constant ONE = 1e18;
    uint256 internal constant RATIO_ONE = 1e6; // ratios (margin, fee, shares) are 1e6-based

    /// @dev a*b/1e18 rounded down.
    function mulDown(uint256 a, uint256 b) internal pure returns (uint256) {
        return Math.mulDiv(a, b, ONE);
    }

    /// @dev a*b/1e18 rounded up.
    function mulUp(uint256 a, uint256 b) internal pure returns (uint256) {
        return Math.mulDiv(a, b, ONE, Math.Rounding.Ceil);
    }

    /// @dev a*ratio/1e6 rounded up (requirements, fees, penalties).
    function mulRatioUp(uint256 a, uint256 ratio) internal pure returns (uint256) {
        return Math.mulDiv(a, ratio, RATIO_ONE, Math.Rounding.Ceil);
    }

    /// @dev a*ratio/1e6 rounded down (credits).
    function mulRatioDown(uint256 a, uint256 ratio) internal pure returns (uint256) {
        return Math.mulDiv(a, ratio, RATIO_ONE);
    }

    /// @dev signed a*b/d rounded towards +infinity.
    function mulDivCeilSigned(int256 a, uint256 b, uint256 d) internal pure returns (int256) {
        if (a >= 0) return SafeCast.toInt256(Math.mulDiv(uint256(a), b, d, Math.Rounding.Ceil));
        return -SafeCast.toInt256(Math.mulDiv(abs(a), b, d));
    }

    /// @dev signed a*b/d rounded towards -infinity.
    function mulDivFloorSigned(int256 a, uint256 b, uint256 d) internal pure returns (int256) {
        if (a >= 0) return SafeCast.toInt256(Math.mulDiv(uint256(a), b, d));
        return -SafeCast.toInt256(Math.mulDiv(abs(a), b, d, Math.Rounding.Ceil));
    }

    /// @dev signed a*b/1e18 rounded towards +infinity.
    function mulCeilSigned(int256 a, int256 b) internal pure returns (int256) {
        uint256 m = abs(a);
        uint256 n = abs(b);
        if ((a >= 0) == (b >= 0)) return SafeCast.toInt256(Math.mulDiv(m, n, ONE, Math.Rounding.Ceil));
        return -SafeCast.toInt256(Math.mulDiv(m, n, ONE));
    }

    /// @dev signed a*b/1e18 rounded towards -infinity.
    function mulFloorSigned(int256 a, int256 b) internal pure returns (int256) {
        return -mulCeilSigned(-a, b);
    }

    function abs(int256 a) internal pure returns (uint256) {
        return a >= 0 ? uint256(a) : uint256(-a);
    }

    function min(int256 a, int256 b) internal pure returns (int256) {
        return a < b ? a : b;
    }

    function clamp(int256 x, int256 bound) internal pure returns (int256) {
        if (x > bound) return bound;
        if (x < -bound) return -bound;
        return x;
    }
}
