// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClearingHouseErrors} from "./IClearingHouseErrors.sol";
import {IClearingHouseEvents} from "./IClearingHouseEvents.sol";

/// @title IOperatorApproval
/// @notice Operators (Perp v2's DelegateApproval): a trader lets an address (the ExchangeRouter, a
///         bot, a vault contract) act for it, one scope at a time: DataTypes.ACTION_OPEN (1:
///         `openPositionFor`), ACTION_CLOSE (2: `closePositionFor`), ACTION_ADD_COLLATERAL (4:
///         `depositFrom`, the trader's own USDC), ACTION_REMOVE_COLLATERAL (8: `withdrawFor`, to
///         the trader's own address). It lives at the core's address (OrderLogic, through the
///         core's fallback); its events and errors are the core's.
interface IOperatorApproval is IClearingHouseErrors, IClearingHouseEvents {
    /// @notice Grants `operator` the scopes in `actions` (a non-zero subset of the four bits) on the caller's account; scopes already held stay.
    function approveOperator(address operator, uint256 actions) external;
    /// @notice Revokes the scopes in `actions` (a non-zero subset of the four bits) from `operator` on the caller's account.
    function revokeOperator(address operator, uint256 actions) external;
    /// @notice The scopes `operator` holds on `trader`'s account (a bitmask of the ACTION_* bits).
    function operatorActions(address trader, address operator) external view returns (uint256);
}
