// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IClearingHouseErrors
/// @notice Every error of the core, its libraries and its logic contracts, declared once.
interface IClearingHouseErrors {
    // input
    error ZeroAmount();
    error ZeroAddress();
    error AmountTooLarge(uint256 amount, uint256 max);
    error ValueOutOfRange(uint256 value, uint256 min, uint256 max);
    error ParamOutOfBounds(uint256 value, uint256 min, uint256 max);
    error DeadlineExpired(uint256 deadline, uint256 timestamp);
    error UnknownMarket(address baseToken);
    // access
    error OnlyGuardian(address caller);
    /// @dev the guardian may pause opening; only the owner (the timelock) resumes it
    error GuardianCannotResume(address caller);
    error OnlySystemAccount(address caller);
    error OnlyDelegateCall();
    error AlreadyInitialized();
    /// @notice The insurance fund and the liquidity pool must be two accounts.
    error SystemAccountsEqual(address account);
    /// @notice A system account must not hold trader collateral or a position when it is wired.
    error SystemAccountInUse(address account);
    // ledger (the Vault)
    error InsufficientFreeCollateral(address trader, uint256 requested, int256 freeCollateral);
    error InsufficientBalance(address account, uint256 requested, int256 balance);
    // curve (the VirtualAMM)
    error InvalidReserves(uint256 baseReserve, uint256 quoteReserve);
    error InsufficientLiquidity(uint256 reserve, uint256 requested);
    error PriceMoveTooLarge(address baseToken, uint256 blockStartPrice, uint256 newPrice, uint256 maxMoveRatio);
    // trading
    error SlippageExceeded(uint256 amount, uint256 bound);
    error TooManyMarkets(address trader, uint256 maxMarkets);
    error InsufficientMargin(address trader, int256 accountValue, uint256 initialRequirement);
    error DustPosition(address baseToken, uint256 notional, uint256 minNotional);
    error IndexStale(address baseToken);
    error MarketPaused(address baseToken);
    error SpreadTooLarge(address baseToken, uint256 markPrice, uint256 indexPrice, uint256 maxSpreadRatio);
    error OpenInterestCapExceeded(address baseToken, bool isLong, uint256 openInterest, uint256 cap);
    error NoPosition(address trader, address baseToken);
    error AccountUnderWater(address trader, int256 collateral, int256 accountValue);
    // L2 sequencer rule (raised by the PriceOracle's requireSequencerUp, PROTOCOL.md section 5)
    /// @dev Opening and increasing (direct or queued, and netting batches) wait while the L2
    ///      sequencer is down (`down`, since `since`) or within the grace period after it came
    ///      back up at `since` (trading resumes at `readyAt`; 0 while down).
    error SequencerUnavailable(bool down, uint256 since, uint256 readyAt);
    /// @dev Liquidations wait while the L2 sequencer is down or within the grace period after its
    ///      restart (same values as SequencerUnavailable).
    error LiquidationWaitsForSequencer(bool down, uint256 since, uint256 readyAt);
    // liquidation
    error NotLiquidatable(address trader, int256 accountValue, uint256 maintenanceRequirement);
    error LiquidationBeyondBankruptcy(address trader, address baseToken, int256 accountValue);
    // funding
    error FundingTooEarly(address baseToken, uint256 nextFundingTime);
    // configuration
    error MarketExists(address baseToken);
    error TooManyTotalMarkets(uint256 count);
    error KCostExceedsBudget(address baseToken, int256 cost, uint256 budget);
    error MarginRaiseTooFast(
        address baseToken, uint256 oldMmRatio, uint256 newMmRatio, uint256 maxMmRatio, uint256 nextRaiseTime
    );
    error KChangeTooLarge(address baseToken, uint256 oldBaseReserve, uint256 newBaseReserve);
    error KBelowOpenInterest(address baseToken, uint256 newBaseReserve, uint256 shortOpenInterest);
    error CurveChangeTooSoon(address baseToken, uint256 nextChangeTime);
    // netting engine
    error NoOrders(address baseToken);
    error BatchWindowOpen(address baseToken, uint256 closesAt);
    error BatchWindowClosed(address baseToken, uint256 closedAt);
    error BatchInProgress(address baseToken);
    error UnknownOrder(address baseToken, uint256 orderId);
    error NotOrderOwner(address caller, address trader);
    error SelfTrade(address trader, address baseToken);
    error ReduceOnlyOrderExists(address trader, address baseToken);
    error NothingToReduce(address trader, address baseToken);
    // operators
    error NotOperator(address trader, address operator, uint256 action);
    error InvalidOperatorActions(uint256 actions);
    error SelfOperator(address trader);
}
