// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title BrokenFeed
/// @notice Test double for a misbehaving price feed: answers every call with `data` (or
///         reverts with it), to show that malformed or reverting feeds count as stale.
contract BrokenFeed {
    bytes internal _data;
    bool internal _revert;

    /// @notice Sets what every call returns (or reverts with).
    function configure(bytes calldata data, bool shouldRevert) external {
        _data = data;
        _revert = shouldRevert;
    }

    /// @notice Chainlink's decimals(), so that setFeed accepts the feed.
    function decimals() external pure returns (uint8) {
        return 8;
    }

    fallback(bytes calldata) external returns (bytes memory) {
        bytes memory d = _data;
        if (_revert) {
            assembly {
                revert(add(d, 32), mload(d))
            }
        }
        return d;
    }
}
