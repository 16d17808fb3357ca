// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title BaseToken
/// @notice A market's identifier and metadata (e.g. vETH). Positions are accounting entries in
///         the ClearingHouse, not balances of this token: it has no supply and no transfers.
contract BaseToken {
    string public name;
    string public symbol;
    uint8 public constant decimals = 18;

    constructor(string memory name_, string memory symbol_) {
        name = name_;
        symbol = symbol_;
    }
}
