// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";

/// @title GovernanceToken
/// @notice The protocol's vote: an ERC20Votes token with ERC20Permit and a timestamp clock
///         (ERC-6372: `clock()` is block.timestamp, `CLOCK_MODE()` is "mode=timestamp"). The
///         whole supply is minted once, to the treasury; there is no owner and no further mint.
///         Votes count only once delegated (to oneself or another account), and a vote's weight
///         is the delegated balance at the proposal's snapshot, so tokens bought, borrowed or
///         delegated after the snapshot carry no weight.
contract GovernanceToken is ERC20, ERC20Permit, ERC20Votes {
    error ZeroAddress();
    error ZeroAmount();
    /// @param pos the checkpoint asked for
    /// @param count the account's number of checkpoints
    error CheckpointOutOfRange(address account, uint32 pos, uint32 count);

    /// @param name_ token name (also the EIP-712 domain name of permits and delegations)
    /// @param symbol_ token symbol
    /// @param supply the whole supply (18 decimals), minted to `treasury`
    /// @param treasury receives the supply
    constructor(string memory name_, string memory symbol_, uint256 supply, address treasury)
        ERC20(name_, symbol_)
        ERC20Permit(name_)
    {
        if (treasury == address(0)) revert ZeroAddress();
        if (supply == 0) revert ZeroAmount();
        _mint(treasury, supply);
    }

    /// @notice ERC-6372 clock: the block timestamp.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 clock mode.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice The `pos`-th checkpoint of `account`'s votes; a position past the last one
    ///         reverts CheckpointOutOfRange (not an array panic).
    function checkpoints(address account, uint32 pos) public view override returns (Checkpoints.Checkpoint208 memory) {
        uint32 count = numCheckpoints(account);
        if (pos >= count) revert CheckpointOutOfRange(account, pos, count);
        return super.checkpoints(account, pos);
    }

    /// @notice The next nonce of `owner` for permits and delegations by signature (one sequence).
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
