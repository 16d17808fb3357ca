// SPDX-License-Identifier: MIT
pragma solidity ^0.8.4;

/**
 * @notice IAutomationRegistryConsumer defines the LTS user-facing interface that we intend to maintain for
 * across upgrades. As long as users use functions from within this interface, their upkeeps will retain
 * backwards compatability across migrations.
 * @dev Functions can be added to this interface, but not removed.
 */
interface IAutomationRegistryConsumer {
  function getBalance(
    uint256 id
  ) external view returns (uint96 balance);

  function getMinBalance(
    uint256 id
  ) external view returns (uint96 minBalance);

  function cancelUpkeep(
    uint256 id
  ) external;

  function pauseUpkeep(
    uint256 id
  ) external;

  function unpauseUpkeep(
    uint256 id
  ) external;

  function addFunds(uint256 id, uint96 amount) external;

  function withdrawFunds(uint256 id, address to) external;
}
