// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient as ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IClearingHouse} from "../../interfaces/IClearingHouse.sol";
import {ILiquidationBatcher} from "../../interfaces/ILiquidationBatcher.sol";
import {IPriceOracle} from "../../interfaces/IPriceOracle.sol";

/// @title LiquidationBatcher
/// @notice The keepers' batch entry (ILiquidationBatcher), kept out of the core: a bounded loop
///         over the core's permissionless `liquidate`, each call in its own try/catch so that a
///         target that is no longer liquidatable (or was liquidated by another keeper first, or
///         is repeated in the batch) is skipped rather than reverting the batch. The core pays
///         the liquidator's penalty share to its caller, this contract; the batch's whole gain
///         is passed on to the keeper's collateral in the core in the same transaction
///         (withdrawn in USDC, then `depositFor` the keeper), so nothing accrues here but
///         rounding dust below 1e-6 USDC per batch. Holds no role and no owner.
contract LiquidationBatcher is ILiquidationBatcher, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @inheritdoc ILiquidationBatcher
    uint256 public constant MAX_BATCH = 100;
    /// @dev Collateral is 18 decimals in the core's ledger, USDC has 6.
    uint256 internal constant USDC_SCALE = 1e12;

    /// @notice The core.
    IClearingHouse public immutable clearingHouse;
    /// @notice The core's collateral token.
    IERC20 public immutable usdc;

    /// @param clearingHouse_ the core; its collateral token is read from it
    constructor(IClearingHouse clearingHouse_) {
        if (address(clearingHouse_) == address(0)) revert ZeroAddress();
        clearingHouse = clearingHouse_;
        usdc = IERC20(clearingHouse_.usdc());
        usdc.forceApprove(address(clearingHouse_), type(uint256).max); // depositFor the keeper
    }

    /// @inheritdoc ILiquidationBatcher
    function liquidateBatch(Target[] calldata targets, uint256 minLiquidated)
        external
        nonReentrant
        returns (bool[] memory liquidated, uint256 rewardUsdc)
    {
        uint256 n = targets.length;
        if (n == 0 || n > MAX_BATCH) revert InvalidBatchLength(n, MAX_BATCH);
        IClearingHouse core = clearingHouse;
        int256 before = core.balanceOf(address(this));
        liquidated = new bool[](n);
        uint256 count;
        for (uint256 i; i < n; ++i) {
            Target calldata t = targets[i];
            uint256 gasBefore = gasleft();
            try core.liquidate(t.trader, t.baseToken) {
                liquidated[i] = true;
                ++count;
            } catch (bytes memory reason) {
                // gas starvation is the caller's gas limit, not the target's own failure: refuse
                // to skip it (the oracle's InsufficientGasForFeed, or an empty revert with
                // almost nothing left: the 63/64 rule's out-of-gas)
                if (_starved(reason, gasBefore)) revert BatchOutOfGas(i, gasBefore);
                emit LiquidationSkipped(msg.sender, t.trader, t.baseToken, i, reason);
            }
        }
        if (count == 0 || count < minLiquidated) revert TooFewLiquidated(count, minLiquidated);
        int256 gain = core.balanceOf(address(this)) - before;
        if (gain > 0) {
            rewardUsdc = uint256(gain) / USDC_SCALE;
            if (rewardUsdc != 0) {
                core.withdraw(rewardUsdc);
                core.depositFor(msg.sender, rewardUsdc);
            }
        }
        emit BatchLiquidated(msg.sender, n, count, rewardUsdc);
    }

    /// @dev Whether a failed target failed for want of gas.
    function _starved(bytes memory reason, uint256 gasBefore) internal view returns (bool) {
        if (reason.length == 0) return gasleft() <= gasBefore / 63;
        return bytes4(reason) == IPriceOracle.InsufficientGasForFeed.selector;
    }
}
