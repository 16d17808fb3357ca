// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MockV3Aggregator} from "@chainlink/contracts/src/v0.8/shared/mocks/MockV3Aggregator.sol";

/// @title ChainlinkAggregatorMock
/// @notice Chainlink's own MockV3Aggregator, wrapped so that Ape builds an artifact for it.
///         `updateRoundData(roundId, answer, updatedAt, startedAt)` replays recorded rounds.
contract ChainlinkAggregatorMock is MockV3Aggregator {
    constructor(uint8 decimals_, int256 initialAnswer) MockV3Aggregator(decimals_, initialAnswer) {}
}
