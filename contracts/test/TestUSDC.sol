// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title TestUSDC
/// @notice 6-decimal USDC stand-in for local chains and tests, with an open faucet and EIP-2612
///         permit (as Circle's FiatTokenV2 has).
contract TestUSDC is ERC20, ERC20Permit {
    constructor() ERC20("USD Coin (test)", "USDC") ERC20Permit("USD Coin (test)") {}

    /// @notice USDC has 6 decimals.
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Faucet: mints `amount` (6 decimals) to `to`.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
