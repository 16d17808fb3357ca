// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {IPriceOracle} from "../../interfaces/IPriceOracle.sol";

/// @title LogicBase
/// @notice Base of the core's cold-path logic contracts (liquidation, funding epochs,
///         configuration). Like Aave v3's logic libraries they have their own size budget and
///         run in the core's context (the core delegatecalls them; all state is the core's
///         CoreStorage). Ape links no external libraries without recompiling per deployment,
///         so they are deployed as plain contracts whose functions refuse a direct call.
abstract contract LogicBase {
    uint256 internal constant RATIO_ONE = 1e6;

    address private immutable _self;
    IPriceOracle internal immutable oracle;

    modifier onlyDelegateCall() {
        if (address(this) == _self) revert E.OnlyDelegateCall();
        _;
    }

    constructor(IPriceOracle oracle_) {
        _self = address(this);
        oracle = oracle_;
    }
}
