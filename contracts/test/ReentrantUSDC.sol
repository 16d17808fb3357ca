// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ReentrantUSDC
/// @notice Test double for a collateral token with a transfer hook (as an ERC-777 style token
///         would have): a 6-decimal ERC20 with an open faucet that, once armed, makes one call
///         from inside its next `transfer` (e.g. back into the core's `withdraw`) and bubbles up
///         that call's revert. It shows that the core's entries are guarded against re-entry.
contract ReentrantUSDC is ERC20 {
    address internal _target;
    bytes internal _data;
    bool internal _armed;

    /// @notice Emitted when the hook's call returned (the re-entry was let through).
    event Reentered(address target, bytes data);

    constructor() ERC20("USD Coin (re-entrant test)", "rUSDC") {}

    /// @notice USDC has 6 decimals.
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Faucet: mints `amount` (6 decimals) to `to`.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Arms the hook: the next `transfer` calls `target` with `data` (from this
    ///         contract), once.
    function arm(address target, bytes calldata data) external {
        (_target, _data, _armed) = (target, data, true);
    }

    /// @notice True until the armed call has been made.
    function armed() external view returns (bool) {
        return _armed;
    }

    /// @notice ERC20 transfer, then the armed call (if any); its revert is this call's revert.
    function transfer(address to, uint256 value) public override returns (bool) {
        bool ok = super.transfer(to, value);
        if (_armed) {
            _armed = false;
            (bool success, bytes memory ret) = _target.call(_data);
            if (!success) {
                assembly ("memory-safe") {
                    revert(add(ret, 32), mload(ret))
                }
            }
            emit Reentered(_target, _data);
        }
        return ok;
    }
}
