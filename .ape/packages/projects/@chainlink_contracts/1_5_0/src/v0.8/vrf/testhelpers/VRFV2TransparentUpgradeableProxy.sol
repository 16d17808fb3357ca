// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import "@openzeppelin/contracts@4.9.6/proxy/transparent/TransparentUpgradeableProxy.sol";

contract VRFV2TransparentUpgradeableProxy is TransparentUpgradeableProxy {
  // Nothing special here, this is just to generate the gethwrapper for tests.
  constructor(
    address _logic,
    address admin_,
    bytes memory _data
  ) payable TransparentUpgradeableProxy(_logic, admin_, _data) {}
}
