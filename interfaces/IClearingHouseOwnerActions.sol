// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DataTypes} from "../contracts/core/DataTypes.sol";

/// @title IClearingHouseOwnerActions
/// @notice Governance (the owner), the guardian's pause and the liquidity pool's depth sync,
///         every value bounded (PROTOCOL.md section 4).
interface IClearingHouseOwnerActions {
    /// @notice Wires the insurance fund and the liquidity pool (their balances live in the core), once.
    function setSystemAccounts(address insuranceFund, address liquidityPool) external;
    /// @notice Lists a market: its curve, parameters and caps; its oracle feed must be set.
    function addMarket(address baseToken, uint256 baseReserve, uint256 quoteReserve, DataTypes.MarketParams calldata params)
        external;
    /// @notice Changes a market's parameters within bounds; a maintenance-ratio raise at most up to the initial ratio, once a day.
    function setMarketParams(address baseToken, DataTypes.MarketParams calldata params) external;
    /// @notice Changes the minimum position notional, the full-liquidation threshold and the liquidator's penalty share.
    function setGlobalParams(uint128 minPositionNotional, uint128 fullLiquidationThreshold, uint24 liquidatorShare)
        external;
    /// @notice Sets the guardian, who may only pause opening (owner only; revoke by setting another, e.g. the owner).
    function setGuardian(address guardian) external;
    /// @notice Pauses or resumes opening and increasing in one market (address(0): all): the guardian may only pause, the owner pauses and resumes; closing, withdrawing free collateral and liquidating are never paused.
    function setPaused(address baseToken, bool paused) external;
    /// @notice Changes `baseToken`'s k keeping the mark; the exact cost is charged to the pool (owner: k at most 2x either way, cost at most 1% of the pool, once an hour; the pool: only when it costs nothing).
    function adjustK(address baseToken, uint256 newBaseReserve, uint256 maxCost) external returns (int256 cost);
    /// @notice Moves `baseToken`'s curve price to the fresh index keeping the base reserve; the exact cost is charged to the pool.
    function repeg(address baseToken, uint256 maxCost) external returns (int256 cost);
}
