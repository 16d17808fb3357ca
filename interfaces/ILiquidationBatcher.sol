// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title ILiquidationBatcher
/// @notice Many liquidations in one transaction, outside the core (PROTOCOL.md section 5,
///         Liquidation: `liquidate` is permissionless, so a batch is a periphery loop over it).
///         Each target is one `liquidate(trader, baseToken)`; a target that fails (healthy again,
///         already liquidated by someone else, no position, unknown market, beyond bankruptcy)
///         is skipped with its error, and the rest of the batch goes on.
interface ILiquidationBatcher {
    /// @notice One liquidation of a batch: `trader`'s position in `baseToken`.
    struct Target {
        address trader;
        address baseToken;
    }

    /// @notice A batch of no targets, or of more than `max`.
    error InvalidBatchLength(uint256 length, uint256 max);
    /// @notice No target, or fewer than `minLiquidated`, was liquidated: the whole batch reverts,
    ///         so a keeper that simulates first sends nothing doomed.
    error TooFewLiquidated(uint256 liquidated, uint256 minLiquidated);
    /// @notice Target `index` was starved of gas (`gasLeft` before its call): out of gas, or the
    ///         oracle's InsufficientGasForFeed. The batch reverts rather than skip a target for
    ///         want of gas (an eth_estimateGas search would otherwise settle on a limit that
    ///         silently drops targets).
    error BatchOutOfGas(uint256 index, uint256 gasLeft);
    /// @notice A zero core address at construction.
    error ZeroAddress();

    /// @notice Target `index` (`trader` in `baseToken`) of `keeper`'s batch failed with `reason`
    ///         (the core's revert data) and was skipped.
    event LiquidationSkipped(
        address indexed keeper, address indexed trader, address indexed baseToken, uint256 index, bytes reason
    );
    /// @notice `keeper`'s batch of `targets` ended with `liquidated` liquidations; `rewardUsdc`
    ///         (6 decimals) of penalty share was credited to the keeper's collateral in the core.
    event BatchLiquidated(address indexed keeper, uint256 targets, uint256 liquidated, uint256 rewardUsdc);

    /// @notice Liquidates each target in order through the core's `liquidate`, skipping (with
    ///         LiquidationSkipped) those that fail; reverts TooFewLiquidated when none, or fewer
    ///         than `minLiquidated`, went through. The penalty share the batch earns is credited to
    ///         the caller's collateral in the core (whole USDC units of 1e-6; the rounding dust
    ///         stays with the batcher). Returns which targets were liquidated and the reward.
    function liquidateBatch(Target[] calldata targets, uint256 minLiquidated)
        external
        returns (bool[] memory liquidated, uint256 rewardUsdc);

    /// @notice The most targets in one batch.
    function MAX_BATCH() external view returns (uint256);
}
