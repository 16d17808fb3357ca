// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// solhint-disable-next-line interface-starts-with-i
interface PointerInterface {
  function getAddress() external view returns (address);
}
