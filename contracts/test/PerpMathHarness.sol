// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PerpMath} from "../libraries/PerpMath.sol";

/// @title PerpMathHarness
/// @notice Test double: PerpMath's internal functions as external pure ones, so that the tests
///         can check every rounding direction directly, including the signed helpers that only the
///         wide (price >= 2^128) valuation path uses.
contract PerpMathHarness {
    /// @notice PerpMath.mulDown: a*b/1e18 rounded down.
    function mulDown(uint256 a, uint256 b) external pure returns (uint256) {
        return PerpMath.mulDown(a, b);
    }

    /// @notice PerpMath.mulUp: a*b/1e18 rounded up.
    function mulUp(uint256 a, uint256 b) external pure returns (uint256) {
        return PerpMath.mulUp(a, b);
    }

    /// @notice PerpMath.mulRatioUp: a*ratio/1e6 rounded up.
    function mulRatioUp(uint256 a, uint256 ratio) external pure returns (uint256) {
        return PerpMath.mulRatioUp(a, ratio);
    }

    /// @notice PerpMath.mulRatioDown: a*ratio/1e6 rounded down.
    function mulRatioDown(uint256 a, uint256 ratio) external pure returns (uint256) {
        return PerpMath.mulRatioDown(a, ratio);
    }

    /// @notice PerpMath.mulDivCeilSigned: a*b/d rounded towards +infinity.
    function mulDivCeilSigned(int256 a, uint256 b, uint256 d) external pure returns (int256) {
        return PerpMath.mulDivCeilSigned(a, b, d);
    }

    /// @notice PerpMath.mulDivFloorSigned: a*b/d rounded towards -infinity.
    function mulDivFloorSigned(int256 a, uint256 b, uint256 d) external pure returns (int256) {
        return PerpMath.mulDivFloorSigned(a, b, d);
    }

    /// @notice PerpMath.mulCeilSigned: a*b/1e18 rounded towards +infinity.
    function mulCeilSigned(int256 a, int256 b) external pure returns (int256) {
        return PerpMath.mulCeilSigned(a, b);
    }

    /// @notice PerpMath.mulFloorSigned: a*b/1e18 rounded towards -infinity.
    function mulFloorSigned(int256 a, int256 b) external pure returns (int256) {
        return PerpMath.mulFloorSigned(a, b);
    }

    /// @notice PerpMath.mulDiv: a*b/d rounded down, or up when `up`.
    function mulDiv(uint256 a, uint256 b, uint256 d, bool up) external pure returns (uint256) {
        return PerpMath.mulDiv(a, b, d, up);
    }

    /// @notice PerpMath.clamp: x bounded to [-bound, bound].
    function clamp(int256 x, int256 bound) external pure returns (int256) {
        return PerpMath.clamp(x, bound);
    }
}
