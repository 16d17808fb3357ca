// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import "@openzeppelin/contracts@4.9.6/proxy/transparent/ProxyAdmin.sol";

contract VRFV2ProxyAdmin is ProxyAdmin {
// Nothing here, this is just to generate the gethwrapper for tests.
}
