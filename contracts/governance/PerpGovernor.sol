// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGovernor, Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {GovernorVotesQuorumFraction} from
    "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title PerpGovernor
/// @notice The token vote: OpenZeppelin 5.1's Governor with GovernorSettings (voting delay,
///         voting period and proposal threshold, changeable by a proposal), GovernorCountingSimple
///         (for, against, abstain; quorum counts for + abstain), GovernorVotes (the governance
///         token, timestamp clock), GovernorVotesQuorumFraction (4% of the supply at the snapshot)
///         and GovernorTimelockControl (every passed proposal waits the timelock's delay).
///
///         Settings a proposal may change are bounded: voting delay 1 hour .. 14 days, voting
///         period 1 .. 30 days, quorum 1 .. 50% of the supply, proposal threshold at most 1% of
///         the supply (SettingOutOfBounds).
///
///         Expiry: a queued proposal must be executed within GRACE_PERIOD after its ETA; after
///         that `state` is Expired and `execute` reverts (the Governor is the timelock's only
///         executor, so the operation cannot be run around it). A queued proposal cancelled on
///         the timelock by the guardian (CANCELLER_ROLE) reads as Canceled.
contract PerpGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorTimelockControl
{
    /// @notice Quorum: 4% of the token supply at the proposal's snapshot.
    uint256 public constant QUORUM_PERCENT = 4;
    /// @notice How long after its ETA a queued proposal may still be executed (seconds).
    uint256 public constant GRACE_PERIOD = 14 days;
    /// @notice Bounds of the settings a proposal may change (and of the constructor's).
    uint256 public constant MIN_VOTING_DELAY = 1 hours;
    uint256 public constant MAX_VOTING_DELAY = 14 days;
    uint256 public constant MIN_VOTING_PERIOD = 1 days;
    uint256 public constant MAX_VOTING_PERIOD = 30 days;
    uint256 public constant MIN_QUORUM_PERCENT = 1;
    uint256 public constant MAX_QUORUM_PERCENT = 50;
    /// @notice The proposal threshold is at most 1% of the token supply (a higher one could lock
    ///         everyone out of proposing, for ever).
    uint256 public constant MAX_THRESHOLD_PERCENT = 1;

    /// @param value the setting asked for
    error SettingOutOfBounds(uint256 value, uint256 min, uint256 max);

    /// @param token the governance token (ERC20Votes, timestamp clock)
    /// @param timelock_ the timelock that owns the protocol
    /// @param votingDelay_ seconds between a proposal and its snapshot (the vote's start)
    /// @param votingPeriod_ seconds the vote lasts
    /// @param proposalThreshold_ votes (18 decimals) a proposer needs
    constructor(
        IVotes token,
        TimelockController timelock_,
        uint48 votingDelay_,
        uint32 votingPeriod_,
        uint256 proposalThreshold_
    )
        Governor("vPerp Governor")
        GovernorSettings(votingDelay_, votingPeriod_, proposalThreshold_)
        GovernorVotes(token)
        GovernorVotesQuorumFraction(QUORUM_PERCENT)
        GovernorTimelockControl(timelock_)
    {
        _bound(votingDelay_, MIN_VOTING_DELAY, MAX_VOTING_DELAY);
        _bound(votingPeriod_, MIN_VOTING_PERIOD, MAX_VOTING_PERIOD);
        _bound(proposalThreshold_, 0, _maxThreshold());
    }

    /// @notice Sets the voting delay (seconds, 1 hour .. 14 days); only by a proposal.
    function setVotingDelay(uint48 newVotingDelay) public override {
        super.setVotingDelay(newVotingDelay);
        _bound(newVotingDelay, MIN_VOTING_DELAY, MAX_VOTING_DELAY);
    }

    /// @notice Sets the voting period (seconds, 1 .. 30 days); only by a proposal.
    function setVotingPeriod(uint32 newVotingPeriod) public override {
        super.setVotingPeriod(newVotingPeriod);
        _bound(newVotingPeriod, MIN_VOTING_PERIOD, MAX_VOTING_PERIOD);
    }

    /// @notice Sets the proposal threshold (votes, at most 1% of the supply); only by a proposal.
    function setProposalThreshold(uint256 newProposalThreshold) public override {
        super.setProposalThreshold(newProposalThreshold);
        _bound(newProposalThreshold, 0, _maxThreshold());
    }

    /// @notice Sets the quorum (percent of the supply, 1 .. 50); only by a proposal.
    function updateQuorumNumerator(uint256 newQuorumNumerator) external override onlyGovernance {
        _bound(newQuorumNumerator, MIN_QUORUM_PERCENT, MAX_QUORUM_PERCENT);
        _updateQuorumNumerator(newQuorumNumerator);
    }

    /// @notice A proposal's state; a queued proposal past its ETA + GRACE_PERIOD is Expired.
    function state(uint256 proposalId)
        public
        view
        override(Governor, GovernorTimelockControl)
        returns (ProposalState)
    {
        ProposalState s = super.state(proposalId);
        if (s == ProposalState.Queued && block.timestamp > proposalEta(proposalId) + GRACE_PERIOD) {
            return ProposalState.Expired;
        }
        return s;
    }

    /// @notice The last moment (seconds) a queued proposal may be executed; 0 when not queued.
    function proposalExpiry(uint256 proposalId) external view returns (uint256) {
        uint256 eta = proposalEta(proposalId);
        return eta == 0 ? 0 : eta + GRACE_PERIOD;
    }

    /// @inheritdoc IGovernor
    function votingDelay() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingDelay();
    }

    /// @inheritdoc IGovernor
    function votingPeriod() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingPeriod();
    }

    /// @inheritdoc IGovernor
    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        return super.quorum(timepoint);
    }

    /// @inheritdoc IGovernor
    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    /// @inheritdoc IGovernor
    function proposalNeedsQueuing(uint256 proposalId)
        public
        view
        override(Governor, GovernorTimelockControl)
        returns (bool)
    {
        return super.proposalNeedsQueuing(proposalId);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(address[] memory targets, uint256[] memory values, bytes[] memory calldatas, bytes32 descriptionHash)
        internal
        override(Governor, GovernorTimelockControl)
        returns (uint256)
    {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }

    function _maxThreshold() internal view returns (uint256) {
        return IERC20(address(token())).totalSupply() * MAX_THRESHOLD_PERCENT / 100;
    }

    function _bound(uint256 value, uint256 lo, uint256 hi) internal pure {
        if (value < lo || value > hi) revert SettingOutOfBounds(value, lo, hi);
    }
}
