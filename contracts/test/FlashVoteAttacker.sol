// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

/// @title FlashVoteAttacker
/// @notice Test only: a flash-loan vote in one transaction (so one block). It borrows governance
///         tokens from a lender that approved it (a flash-loan pool), delegates them to itself,
///         votes, and repays, all inside one call; or tries to propose with the borrowed votes.
contract FlashVoteAttacker {
    /// @notice Borrow `amount`, delegate to self, vote `support` on `proposalId`, repay.
    /// @return weight the weight the Governor counted
    function borrowDelegateVote(IERC20 token, address lender, IGovernor governor, uint256 proposalId, uint8 support, uint256 amount)
        external
        returns (uint256 weight)
    {
        token.transferFrom(lender, address(this), amount);
        IVotes(address(token)).delegate(address(this));
        weight = governor.castVote(proposalId, support);
        token.transfer(lender, amount);
    }

    /// @notice Borrow `amount`, delegate to self, propose, repay (the threshold reads the past).
    function borrowDelegatePropose(
        IERC20 token,
        address lender,
        IGovernor governor,
        uint256 amount,
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata calldatas,
        string calldata description
    ) external returns (uint256 proposalId) {
        token.transferFrom(lender, address(this), amount);
        IVotes(address(token)).delegate(address(this));
        proposalId = governor.propose(targets, values, calldatas, description);
        token.transfer(lender, amount);
    }
}
