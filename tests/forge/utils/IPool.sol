// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice What the campaigns call on the LiquidityPool (an ERC-4626 vault over the core's ledger).
interface IPool {
    error UtilisationTooHigh(uint256 openInterestNotional, uint256 poolValueAfter, uint256 maxUtilisation);
    error ZeroAssets(uint256 shares);

    function deposit(uint256 assets, address receiver) external returns (uint256);
    function redeem(uint256 shares, address receiver, address owner) external returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function maxRedeem(address owner) external view returns (uint256);
    function previewRedeem(uint256 shares) external view returns (uint256);
    function setParams(uint32 maxUtilisation, uint24 minDepthChange) external;
}
