// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DataTypes} from "../contracts/core/DataTypes.sol";
import {IClearingHouseErrors} from "./IClearingHouseErrors.sol";
import {IClearingHouseEvents} from "./IClearingHouseEvents.sol";

/// @title INettingEngine
/// @notice The netting engine (PROTOCOL.md section 5): orders queued per market, netted in
///         batches at one uniform price with at most one AMM swap for the remainder. It lives
///         at the core's address (NettingLogic, run in the core's context through its fallback);
///         its events and errors are the core's (IClearingHouseEvents, IClearingHouseErrors).
interface INettingEngine is IClearingHouseErrors, IClearingHouseEvents {
    /// @notice Queues an order of `size` base (+ long, - short) in `baseToken` that fills no worse
    ///         than `acceptablePrice` (max for a long, min for a short) until `deadline`; checks
    ///         margin as an increase would at the acceptable price and reserves it (with the
    ///         trading fee and the execution fee) against withdrawals. A reduce-only order never
    ///         increases or flips. Returns the order id.
    function queuePositionChange(
        address baseToken,
        int256 size,
        uint256 acceptablePrice,
        uint256 deadline,
        bool reduceOnly
    ) external returns (uint256 orderId);
    /// @notice Cancels the caller's order `orderId` in `baseToken` while its batch window is open; releases its reserve.
    function cancelOrder(address baseToken, uint256 orderId) external;
    /// @notice Runs `baseToken`'s batch once its window has passed (permissionless), processing at most `maxOrders` orders; returns true when the batch is complete. The caller earns the execution fee of every order this call fills or cancels.
    function executeBatch(address baseToken, uint256 maxOrders) external returns (bool done);
    /// @notice Sets the execution fee (18 decimals, at most 100 USD) and the batch window (1 to 60 s); owner only.
    function setNettingParams(uint128 executionFee, uint32 batchWindow) external;

    /// @notice Order `orderId` of `baseToken` (status 0: none, or finished: filled whole or
    ///         cancelled by a batch, or moved to the tail as a rest).
    function getOrder(address baseToken, uint256 orderId) external view returns (DataTypes.Order memory);
    /// @notice `baseToken`'s order queue and batch cursor.
    function getOrderQueue(address baseToken) external view returns (DataTypes.OrderQueue memory);
    /// @notice `baseToken`'s running batch: all zero when none is running (a finished batch's
    ///         figures are in its BatchExecuted event).
    function getBatch(address baseToken) external view returns (DataTypes.Batch memory);
    /// @notice `trader`'s queued orders in `baseToken`: long and short counts, reduce-only count.
    function getOrderCount(address trader, address baseToken) external view returns (DataTypes.OrderCount memory);
    /// @notice Margin reserved by `trader`'s queued orders (18 decimals), not withdrawable.
    function reservedMargin(address trader) external view returns (uint256);
    /// @notice (execution fee, batch window in seconds).
    function nettingParams() external view returns (uint256 executionFee, uint32 batchWindow);
}
