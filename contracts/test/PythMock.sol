// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {MockPyth} from "@pythnetwork/pyth-sdk-solidity/MockPyth.sol";

/// @title PythMock
/// @notice Pyth's own MockPyth, wrapped so that Ape builds an artifact for it.
contract PythMock is MockPyth {
    constructor(uint256 validTimePeriod, uint256 singleUpdateFeeInWei) MockPyth(validTimePeriod, singleUpdateFeeInWei) {}
}
