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
        return mulDiv(a, b, ONE, false);
    }

    /// @dev a*b/1e18 rounded up.
    function mulUp(uint256 a, uint256 b) internal pure returns (uint256) {
        return mulDiv(a, b, ONE, true);
    }

    /// @dev a*ratio/1e6 rounded up (requirements, fees, penalties).
    function mulRatioUp(uint256 a, uint256 ratio) internal pure returns (uint256) {
        return mulDiv(a, ratio, RATIO_ONE, true);
    }

    /// @dev a*ratio/1e6 rounded down (credits).
    function mulRatioDown(uint256 a, uint256 ratio) internal pure returns (uint256) {
        return mulDiv(a, ratio, RATIO_ONE, false);
    }

    /// @dev signed a*b/d rounded towards +infinity.
    function mulDivCeilSigned(int256 a, uint256 b, uint256 d) internal pure returns (int256) {
        if (a >= 0) return SafeCast.toInt256(mulDiv(uint256(a), b, d, true));
        return -SafeCast.toInt256(mulDiv(abs(a), b, d, false));
    }

    /// @dev signed a*b/d rounded towards -infinity.
    function mulDivFloorSigned(int256 a, uint256 b, uint256 d) internal pure returns (int256) {
        if (a >= 0) return SafeCast.toInt256(mulDiv(uint256(a), b, d, false));
        return -SafeCast.toInt256(mulDiv(abs(a), b, d, true));
    }

    /// @dev signed a*b/1e18 rounded towards +infinity.
    function mulCeilSigned(int256 a, int256 b) internal pure returns (int256) {
        uint256 m = abs(a);
        uint256 n = abs(b);
        if ((a >= 0) == (b >= 0)) return SafeCast.toInt256(mulDiv(m, n, ONE, true));
        return -SafeCast.toInt256(mulDiv(m, n, ONE, false));
    }

    /// @dev signed a*b/1e18 rounded towards -infinity.
    function mulFloorSigned(int256 a, int256 b) internal pure returns (int256) {
        return -mulCeilSigned(-a, b);
    }

    /// @dev a*b/d rounded down, or up when `up`; exact for all inputs (OpenZeppelin's 512-bit
    ///      mulDiv), with a single multiplication and division when both factors are below 2^128
    ///      (the product then fits 256 bits): every position, price and ratio of the protocol.
    function mulDiv(uint256 a, uint256 b, uint256 d, bool up) internal pure returns (uint256 r) {
        if ((a | b) >> 128 == 0) {
            unchecked {
                uint256 p = a * b;
                r = p / d;
                if (up && p % d != 0) ++r;
            }
            return r;
        }
        return Math.mulDiv(a, b, d, up ? Math.Rounding.Ceil : Math.Rounding.Floor);
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
