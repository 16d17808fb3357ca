// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IOperatorApproval} from "../../interfaces/IOperatorApproval.sol";

/// @title HostileTrader
/// @notice A trader that is a contract, for the router's attacker tests: it approves the core and
///         the router, calls the router with ETH, and on the refund either rejects it
///         (`mode` 1) or tries to re-enter the router with `reentry` (`mode` 2, recording the
///         revert data it got and then accepting the ETH).
contract HostileTrader {
    uint8 public mode;
    bytes public reentry;
    bytes public reentryError;
    bool public reentered;

    /// @notice Approves `spender` for the USDC and grants `operator` `actions` on the core.
    function setUp(IERC20 usdc, address core, address operator, uint256 actions) external {
        usdc.approve(core, type(uint256).max);
        IOperatorApproval(core).approveOperator(operator, actions);
    }

    /// @notice Sets what happens when ETH arrives.
    function setMode(uint8 mode_, bytes calldata reentry_) external {
        (mode, reentry) = (mode_, reentry_);
    }

    /// @notice Calls `target` with `value` wei and `data`, bubbling a revert up.
    function call(address target, uint256 value, bytes calldata data) external payable returns (bytes memory ret) {
        bool ok;
        (ok, ret) = target.call{value: value}(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
    }

    receive() external payable {
        if (mode == 1) revert("no refunds");
        if (mode == 2 && !reentered) {
            reentered = true;
            (bool ok, bytes memory ret) = msg.sender.call(reentry);
            reentryError = ok ? bytes("") : ret;
        }
    }
}
