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
    error AmountTooLarge(uint256 amount, uint256 max);

    event Deposited(address indexed trader, address indexed payer, uint256 amount);
    event Withdrawn(address indexed trader, address indexed to, uint256 amount);
    event BalanceTransferred(address indexed from, address indexed to, uint256 amount);
    event PnlSettled(address indexed account, int256 amount);
    event FundingEscrowChanged(address indexed counterparty, int256 payment, int256 escrow);
    event LossSocialized(address indexed trader, uint256 loss, uint256 oldIndex, uint256 newIndex, uint256 totalShares);
    event DeficitRecorded(address indexed trader, uint256 amount, uint256 totalDeficit);
    event DeficitRepaid(address indexed payer, uint256 amount, uint256 totalDeficit);
    event SystemAccountsSet(address clearingHouse, address insuranceFund, address liquidityPool);

    /// @notice Deposits `amountUsdc` (6 decimals) of the caller's USDC as its collateral.
    function deposit(uint256 amountUsdc) external;
    /// @notice Deposits the caller's USDC for `account` (a trader, the insurance fund or the liquidity pool).
    function depositFor(address account, uint256 amountUsdc) external;
    /// @notice Withdraws up to the caller's free collateral, after settling its funding.
    function withdraw(uint256 amountUsdc) external;
    /// @notice Withdraws from the insurance fund's or the pool's balance; only they may call it.
    function withdrawSystem(address to, uint256 amountUsdc) external;

    /// @notice ClearingHouse hook: realised PnL and fee for a trader, fee shares to the insurance fund and the pool.
    function settleTrade(address trader, int256 realizedPnl, uint256 fee, uint256 insuranceFee)
        external
        returns (int256 balance);
    /// @notice ClearingHouse hook: adds a signed amount to an account with no counterpart entry (realised PnL, k cost).
    function settle(address account, int256 amount) external;
    /// @notice ClearingHouse hook: moves `amount` between two accounts (penalties, bad-debt cover).
    function transferBalance(address from, address to, uint256 amount) external;
    /// @notice ClearingHouse hook: `account` pays `payment` (> 0) to, or receives it from, the funding escrow.
    function settleFunding(address account, int256 payment) external;
    /// @notice ClearingHouse hook: the AMM's side of a funding update (net long x index move), paid to or by the
    ///         pool within its funding budget, the insurance fund backing it; returns what each received and the
    ///         index move applied.
    function settleAmmFunding(int256 net, int256 delta)
        external
        returns (int256 poolReceived, int256 insuranceReceived, int256 applied);
    /// @notice ClearingHouse hook: spreads `trader`'s remaining debt over all collateral through the index, at most
    ///         down to the minimum index; what is left becomes the recorded protocol deficit. The debt is cleared.
    function socializeLoss(address trader) external returns (uint256 socialized, uint256 deficit);
    /// @notice Pays USDC (6 decimals) towards the protocol deficit; anyone may.
    function repayDeficit(uint256 amountUsdc) external;
    /// @notice Bad debt that neither the insurance fund nor socialisation could cover (18 decimals).
    function protocolDeficit() external view returns (uint256);

    /// @notice `account`'s balance in 18 decimals (negative: debt).
    function balanceOf(address account) external view returns (int256);
    /// @notice The collateral token.
    function usdc() external view returns (address);
    /// @notice Collateral per share (18 decimals); lowered by socialised losses.
    function collateralIndex() external view returns (uint256);
    /// @notice Shares of the collateral index held by all traders.
    function totalShares() external view returns (uint256);
    /// @notice Sum of traders' negative balances not yet covered.
    function totalDebt() external view returns (uint256);
    /// @notice Funding settled with the pool and not yet settled by traders (positive: paid in by traders).
    function fundingEscrow() external view returns (int256);
    /// @notice Fees the liquidity pool has earned since deployment.
    function poolFeeIncome() external view returns (uint256);
    /// @notice The insurance fund's address.
    function insuranceFund() external view returns (address);
    /// @notice The liquidity pool's address.
    function liquidityPool() external view returns (address);
}
