// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title BrokenFeed
/// @notice Test double for a misbehaving price feed: answers every call with `data` (or
///         reverts with it, or burns all its gas), to show that malformed, reverting or
///         gas-burning feeds count as stale.
contract BrokenFeed {
    bytes internal _data;
    bool internal _revert;
    bool internal _burn;

    /// @notice Sets what every call returns (or reverts with).
    function configure(bytes calldata data, bool shouldRevert) external {
        _data = data;
        _revert = shouldRevert;
    }

    /// @notice Makes every call burn all the gas it is given (an endless loop).
    function configureBurn(bool burn) external {
        _burn = burn;
    }

    /// @notice Chainlink's decimals(), so that setFeed accepts the feed.
    function decimals() external pure returns (uint8) {
        return 8;
    }

    fallback(bytes calldata) external returns (bytes memory) {
        if (_burn) {
            uint256 i;
            while (true) {
                i++;
            }
        }
        bytes memory d = _data;
        if (_revert) {
            assembly {
                revert(add(d, 32), mload(d))
            }
        }
        return d;
    }
}
