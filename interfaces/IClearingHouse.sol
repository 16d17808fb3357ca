// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClearingHouseActions} from "./IClearingHouseActions.sol";
import {IClearingHouseErrors} from "./IClearingHouseErrors.sol";
import {IClearingHouseEvents} from "./IClearingHouseEvents.sol";
import {IClearingHouseOwnerActions} from "./IClearingHouseOwnerActions.sol";
import {IClearingHouseState} from "./IClearingHouseState.sol";

/// @title IClearingHouse
/// @notice The core, split by role like IUniswapV3Pool: actions anyone may call, governance
///         actions, state views, events and errors.
interface IClearingHouse is
    IClearingHouseErrors,
    IClearingHouseEvents,
    IClearingHouseActions,
    IClearingHouseOwnerActions,
    IClearingHouseState
{}
