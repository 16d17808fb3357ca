// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IVault} from "../interfaces/IVault.sol";

/// @title InsuranceFund
/// @notice Receives its share of trading fees and liquidation penalties, covers bad debt and
///         backs the liquidity pool's funding payouts. Its balance is a claim inside the Vault
///         (no token moves on a trade); anyone may top it up with `Vault.depositFor`.
contract InsuranceFund is Ownable2Step {
    error ZeroAmount();

    event SurplusWithdrawn(address indexed to, uint256 amountUsdc);

    IVault public immutable vault;

    constructor(IVault vault_, address owner_) Ownable(owner_) {
        vault = vault_;
    }

    /// @notice The fund's balance, 18 decimals.
    function balance() external view returns (uint256) {
        int256 b = vault.balanceOf(address(this));
        return b > 0 ? uint256(b) : 0;
    }

    /// @notice Governance takes surplus out of the fund.
    /// @param to USDC receiver
    /// @param amountUsdc amount in USDC units (6 decimals)
    function withdrawSurplus(address to, uint256 amountUsdc) external onlyOwner {
        if (amountUsdc == 0) revert ZeroAmount();
        emit SurplusWithdrawn(to, amountUsdc);
        vault.withdrawSystem(to, amountUsdc);
    }
}
