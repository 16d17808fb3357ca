// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DataTypes} from "../contracts/core/DataTypes.sol";

/// @title IClearingHouseActions
/// @notice What anyone may call: collateral (the Vault's deposit and withdraw), trading,
///         liquidation and funding (PROTOCOL.md section 5).
interface IClearingHouseActions {
    /// @notice Deposits `amountUsdc` (6 decimals) of the caller's USDC as its collateral.
    function deposit(uint256 amountUsdc) external;
    /// @notice Deposits the caller's USDC for `account` (a trader, the insurance fund or the liquidity pool).
    function depositFor(address account, uint256 amountUsdc) external;
    /// @notice Operator action (ACTION_ADD_COLLATERAL): deposits `amountUsdc` of `trader`'s own USDC (its allowance to the core, or a permit) as `trader`'s collateral.
    function depositFrom(address trader, uint256 amountUsdc) external;
    /// @notice Withdraws up to the caller's free collateral (6 decimals), after settling its funding.
    function withdraw(uint256 amountUsdc) external;
    /// @notice Operator action (ACTION_REMOVE_COLLATERAL): withdraws up to `trader`'s free collateral to `trader`'s own address, never to the operator.
    function withdrawFor(address trader, uint256 amountUsdc) external;
    /// @notice Withdraws from the insurance fund's or the pool's balance; only they may call it (their own rules apply there).
    function withdrawSystem(address to, uint256 amountUsdc) external;
    /// @notice Pays USDC (6 decimals) towards the protocol deficit; anyone may, at most the deficit is taken.
    function repayDeficit(uint256 amountUsdc) external;

    /// @notice Opens, increases, reduces or flips the caller's position; returns the base and quote exchanged on the curve (quote before fee).
    function openPosition(DataTypes.OpenPositionParams calldata params) external returns (uint256 base, uint256 quote);
    /// @notice Operator action (ACTION_OPEN): `openPosition` for `trader`, with every check of `trader`'s own trade.
    function openPositionFor(address trader, DataTypes.OpenPositionParams calldata params)
        external
        returns (uint256 base, uint256 quote);
    /// @notice Operator action (ACTION_CLOSE): `closePosition` for `trader`.
    function closePositionFor(address trader, address baseToken, uint256 oppositeAmountBound, uint256 deadline)
        external
        returns (uint256 base, uint256 quote);
    /// @notice Closes the caller's whole position in `baseToken`; `oppositeAmountBound` is the min quote out (long) or max quote in (short), 0 for none.
    function closePosition(address baseToken, uint256 oppositeAmountBound, uint256 deadline)
        external
        returns (uint256 base, uint256 quote);
    /// @notice Liquidates the smallest fraction of `trader`'s position in `baseToken` that restores maintenance margin (or all of it); the caller earns the penalty share.
    function liquidate(address trader, address baseToken) external returns (uint256 base, uint256 quote);
    /// @notice `liquidate` with a bound on the closing swap (min quote out for a long, max quote in for a short).
    function liquidateWithBound(address trader, address baseToken, uint256 oppositeAmountBound)
        external
        returns (uint256 base, uint256 quote);
    /// @notice Settles `trader`'s pending funding in `baseToken` into collateral (permissionless).
    function settleFunding(address trader, address baseToken) external;
    /// @notice Settles `trader`'s pending funding in every market it holds (permissionless).
    function settleAllFunding(address trader) external;
    /// @notice Closes the funding epoch of `baseToken` once its interval has passed (permissionless).
    function updateFundingRate(address baseToken) external;
}
