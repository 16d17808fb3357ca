// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";

/// @title GovernanceTimelock
/// @notice OpenZeppelin's TimelockController with PROTOCOL.md section 4's bounds on the minimum
///         delay (1 .. 30 days; 2 days at deployment). It owns every privileged function of the
///         protocol. Roles after deployment: the timelock is its own (only) admin; the Governor is
///         the only proposer and the only executor (anyone may execute a passed proposal through
///         the Governor's permissionless `execute`, which also enforces the proposal's expiry);
///         the Governor and the guardian are the cancellers (the guardian cancels queued
///         proposals).
contract GovernanceTimelock is TimelockController {
    /// @notice Section 4's bounds on the minimum delay.
    uint256 public constant MIN_DELAY_LOWER = 1 days;
    uint256 public constant MIN_DELAY_UPPER = 30 days;

    error DelayOutOfBounds(uint256 delay, uint256 min, uint256 max);
    /// @param target a contract whose ownership was offered to the timelock
    event OwnershipAccepted(address indexed target);

    uint256 private _boundedMinDelay;

    /// @param minDelay minimum delay of every operation, seconds (1 .. 30 days)
    /// @param proposers accounts granted the proposer and canceller roles
    /// @param executors accounts granted the executor role (address(0): anyone)
    /// @param admin optional deploy-time admin (address(0): none); it must renounce the role
    constructor(uint256 minDelay, address[] memory proposers, address[] memory executors, address admin)
        TimelockController(minDelay, proposers, executors, admin)
    {
        _checkDelay(minDelay);
        _boundedMinDelay = minDelay;
    }

    /// @notice The minimum delay of an operation, seconds.
    function getMinDelay() public view override returns (uint256) {
        return _boundedMinDelay;
    }

    /// @notice Changes the minimum delay within 1 .. 30 days; only the timelock itself (a passed,
    ///         queued and delayed proposal). Emits MinDelayChange(old, new).
    /// @param newDelay seconds
    function updateDelay(uint256 newDelay) external override {
        if (msg.sender != address(this)) revert TimelockUnauthorizedCaller(msg.sender);
        _checkDelay(newDelay);
        emit MinDelayChange(_boundedMinDelay, newDelay);
        _boundedMinDelay = newDelay;
    }

    /// @notice Accepts the ownerships (Ownable2Step) offered to the timelock. Admin only: at
    ///         deployment the deployer's temporary admin role hands every contract to the
    ///         timelock without waiting for a vote, then is renounced; afterwards only the
    ///         timelock itself (a proposal) can call it. Accepting can only give the timelock power.
    /// @param targets contracts whose pendingOwner is this timelock (a bounded list chosen by the caller)
    function acceptOwnerships(Ownable2Step[] calldata targets) external onlyRole(DEFAULT_ADMIN_ROLE) {
        for (uint256 i; i < targets.length; ++i) {
            targets[i].acceptOwnership();
            emit OwnershipAccepted(address(targets[i]));
        }
    }

    function _checkDelay(uint256 delay) internal pure {
        if (delay < MIN_DELAY_LOWER || delay > MIN_DELAY_UPPER) {
            revert DelayOutOfBounds(delay, MIN_DELAY_LOWER, MIN_DELAY_UPPER);
        }
    }
}
