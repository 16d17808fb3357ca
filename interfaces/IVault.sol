// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IVault
/// @notice USDC custody and the collateral ledger. Balances are 18-decimal; USDC (6 decimals) is
///         converted at this boundary only. Traders' positive balances are held as shares of a
///         global collateral index so that a socialised loss is O(1); negative balances are debt,
///         never socialised. The insurance fund and the liquidity pool hold plain balances here.
interface IVault {
    error ZeroAmount();
    error ZeroAddress();
    error AlreadyInitialized();
    error OnlyClearingHouse(address caller);
    error OnlySystemAccount(address caller);
    error InsufficientFreeCollateral(address trader, uint256 requested, int256 freeCollateral);
    error InsufficientBalance(address account, uint256 requested, int256 balance);
    error NothingToSocialize(address trader, uint256 totalShares);

    event Deposited(address indexed trader, address indexed payer, uint256 amount);
    event Withdrawn(address indexed trader, address indexed to, uint256 amount);
    event BalanceTransferred(address indexed from, address indexed to, uint256 amount);
    event TradeSettled(address indexed trader, int256 realizedPnl, uint256 fee, uint256 insuranceFee);
    event PnlSettled(address indexed account, int256 amount);
    event FundingEscrowChanged(address indexed counterparty, int256 payment, int256 escrow);
    event LossSocialized(address indexed trader, uint256 loss, uint256 oldIndex, uint256 newIndex, uint256 totalShares);
    event SystemAccountsSet(address clearingHouse, address insuranceFund, address liquidityPool);

    function deposit(uint256 amountUsdc) external;
    function depositFor(address account, uint256 amountUsdc) external;
    function withdraw(uint256 amountUsdc) external;
    function withdrawSystem(address to, uint256 amountUsdc) external;

    function settleTrade(address trader, int256 realizedPnl, uint256 fee, uint256 insuranceFee) external;
    function settle(address account, int256 amount) external;
    function transferBalance(address from, address to, uint256 amount) external;
    function settleFunding(address account, int256 payment) external;
    function socializeLoss(address trader) external returns (uint256 loss);

    function balanceOf(address account) external view returns (int256);
    function usdc() external view returns (address);
    function collateralIndex() external view returns (uint256);
    function totalShares() external view returns (uint256);
    function totalDebt() external view returns (uint256);
    function fundingEscrow() external view returns (int256);
    function poolFeeIncome() external view returns (uint256);
    function insuranceFund() external view returns (address);
    function liquidityPool() external view returns (address);
}
