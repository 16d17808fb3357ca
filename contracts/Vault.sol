// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient as ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IVault} from "../interfaces/IVault.sol";
import {IClearingHouse} from "../interfaces/IClearingHouse.sol";

/// @title Vault
/// @notice Holds every USDC of the protocol. Every claim on it is a ledger entry here:
///         traders' collateral (shares of the collateral index, or debt), the insurance fund,
///         the liquidity pool and the funding escrow (what traders owe or are owed in funding
///         that the pool has already settled at epoch updates).
contract Vault is IVault, ReentrancyGuard, Ownable2Step {
    using SafeERC20 for IERC20;

    struct Balance {
        uint128 shares; // of the collateral index
        uint128 debt; // negative collateral, 18 decimals, outside the index
    }

    uint256 internal constant SCALE = 1e12; // USDC 6 decimals -> 18
    uint256 internal constant ONE = 1e18;
    /// @dev Socialisation never takes the collateral index below this (1e-6 of its initial
    ///      value): the index never reaches zero, so deposits, withdrawals and share maths keep
    ///      working; what a loss would take beyond it is recorded as the protocol deficit.
    uint256 public constant MIN_COLLATERAL_INDEX = 1e12;
    /// @dev Largest USDC amount (6 decimals) one call moves: 1e12 USDC. Keeps every 18-decimal
    ///      balance and share count far inside 128 bits at the minimum index.
    uint256 public constant MAX_AMOUNT_USDC = 1e18;

    IERC20 internal immutable _usdc;

    address public immutable clearingHouse;
    address public insuranceFund;
    address public liquidityPool;

    uint128 internal _collateralIndex = uint128(ONE); // collateral per share, 18 decimals
    uint128 internal _totalShares; // same slot: every share change reads the index
    uint256 public totalDebt;
    /// @notice Bad debt that neither the insurance fund nor socialisation could cover (18 decimals).
    uint256 public protocolDeficit;

    uint128 internal _insuranceBalance;
    uint128 internal _poolBalance;
    int128 internal _fundingEscrow;
    uint128 internal _poolFeeIncome;
    /// @notice What the pool may still pay in funding: a third of its fee income not yet spent on funding.
    uint128 public fundingPayoutBudget;
    uint128 internal _feeIncomeCheckpoint; // fee income already counted into the budget

    mapping(address => Balance) internal _balances;

    modifier onlyClearingHouse() {
        if (msg.sender != clearingHouse) revert OnlyClearingHouse(msg.sender);
        _;
    }

    /// @param usdc_ the collateral token (6 decimals)
    /// @param clearingHouse_ the only contract that moves balances (immutable: deployments
    ///        predict its address, as the ClearingHouse names this Vault immutably too)
    /// @param owner_ governance
    constructor(address usdc_, address clearingHouse_, address owner_) Ownable(owner_) {
        if (usdc_ == address(0) || clearingHouse_ == address(0)) revert ZeroAddress();
        _usdc = IERC20(usdc_);
        clearingHouse = clearingHouse_;
    }

    /// @notice Wires the two system accounts, once.
    /// @param insuranceFund_ the insurance fund's address (its balance lives here)
    /// @param liquidityPool_ the liquidity pool's address (its balance lives here)
    function setSystemAccounts(address insuranceFund_, address liquidityPool_) external onlyOwner {
        if (insuranceFund != address(0)) revert AlreadyInitialized();
        if (insuranceFund_ == address(0) || liquidityPool_ == address(0)) revert ZeroAddress();
        insuranceFund = insuranceFund_;
        liquidityPool = liquidityPool_;
        emit SystemAccountsSet(clearingHouse, insuranceFund_, liquidityPool_);
    }

    // ------------------------------------------------------------------ user entry points

    /// @notice Deposits USDC (6 decimals) as the caller's collateral.
    /// @param amountUsdc amount in USDC units (6 decimals)
    function deposit(uint256 amountUsdc) external nonReentrant {
        _deposit(msg.sender, amountUsdc);
    }

    /// @notice Deposits the caller's USDC for `account` (a trader, the insurance fund or the pool).
    /// @param account credited account
    /// @param amountUsdc amount in USDC units (6 decimals)
    function depositFor(address account, uint256 amountUsdc) external nonReentrant {
        if (account == address(0)) revert ZeroAddress();
        _deposit(account, amountUsdc);
    }

    /// @notice Withdraws USDC up to the caller's free collateral (PROTOCOL.md section 5, Margin).
    /// @param amountUsdc amount in USDC units (6 decimals)
    function withdraw(uint256 amountUsdc) external nonReentrant {
        uint256 amount = _checkedAmount(amountUsdc);
        // pending funding first, so that the ledger is what the free-collateral check sees
        IClearingHouse(clearingHouse).settleAllFunding(msg.sender);
        int256 free = IClearingHouse(clearingHouse).getFreeCollateral(msg.sender);
        if (free < 0 || uint256(free) < amount) revert InsufficientFreeCollateral(msg.sender, amount, free);
        _debitTrader(msg.sender, amount);
        emit Withdrawn(msg.sender, msg.sender, amount);
        _usdc.safeTransfer(msg.sender, amountUsdc);
    }

    /// @notice Withdraws from a system account's balance: called by the insurance fund or the
    ///         liquidity pool contract itself (their own rules apply there).
    /// @param to USDC receiver
    /// @param amountUsdc amount in USDC units (6 decimals)
    function withdrawSystem(address to, uint256 amountUsdc) external nonReentrant {
        if (msg.sender != insuranceFund && msg.sender != liquidityPool) revert OnlySystemAccount(msg.sender);
        if (to == address(0)) revert ZeroAddress();
        uint256 amount = _checkedAmount(amountUsdc);
        _add(msg.sender, -int256(amount));
        emit Withdrawn(msg.sender, to, amount);
        _usdc.safeTransfer(to, amountUsdc);
    }

    // ------------------------------------------------------------------ clearing house hooks

    /// @notice Settles a trade: realized PnL and fee for the trader, fee shares to the insurance
    ///         fund and the pool. Returns the trader's new balance.
    function settleTrade(address trader, int256 realizedPnl, uint256 fee, uint256 insuranceFee)
        external
        onlyClearingHouse
        returns (int256 balance)
    {
        balance = _addTrader(trader, realizedPnl - int256(fee));
        uint256 poolFee = fee - insuranceFee;
        _insuranceBalance += uint128(insuranceFee);
        _poolBalance += uint128(poolFee);
        _poolFeeIncome += uint128(poolFee);
        // no event: the ClearingHouse's PositionChanged carries realised PnL and fee
    }

    /// @notice Adds a signed amount to an account with no counterpart entry (realized PnL
    ///         against the curve, k-adjustment cost).
    function settle(address account, int256 amount) external onlyClearingHouse {
        _add(account, amount);
        emit PnlSettled(account, amount);
    }

    /// @notice Moves `amount` from one account to another (penalties, bad-debt cover).
    function transferBalance(address from, address to, uint256 amount) external onlyClearingHouse {
        _add(from, -int256(amount));
        _add(to, int256(amount));
        emit BalanceTransferred(from, to, amount);
    }

    /// @notice Funding between an account and the escrow: `payment` > 0 is paid by the account.
    function settleFunding(address account, int256 payment) external onlyClearingHouse {
        _settleFunding(account, payment);
    }

    /// @notice The AMM's side of a funding update: traders' net long `net` times the index move
    ///         `delta`. When traders pay, the pool receives it through the escrow. When the pool
    ///         must pay, the payout is limited by its funding budget (a third of its fee income
    ///         not yet spent on funding) and balance, then the insurance fund backs it; the index
    ///         moves only as far as they can pay (`applied`).
    /// @return poolReceived signed amount the pool received (negative: paid)
    /// @return insuranceReceived signed amount the insurance fund received (<= 0)
    /// @return applied the index move actually applied
    function settleAmmFunding(int256 net, int256 delta)
        external
        onlyClearingHouse
        returns (int256 poolReceived, int256 insuranceReceived, int256 applied)
    {
        applied = delta;
        int256 due = _mulFloorSigned(net, delta); // what the pool receives, rounded down
        if (due >= 0) {
            if (due > 0) _settleFunding(liquidityPool, -due);
            return (due, 0, applied);
        }
        uint256 payout = uint256(-due);
        uint256 income = _poolFeeIncome;
        uint256 budget = fundingPayoutBudget + (income - _feeIncomeCheckpoint) / 3;
        _feeIncomeCheckpoint = uint128(income);
        uint256 poolCap = Math.min(budget, _poolBalance);
        uint256 fundBal = _insuranceBalance;
        if (payout > poolCap + fundBal) {
            uint256 available = poolCap + fundBal;
            // shrink the index move so that |net * applied| <= available (one unit of margin)
            applied = delta * int256(available) / int256(payout);
            applied += applied > 0 ? int256(-1) : (applied < 0 ? int256(1) : int256(0));
            if ((applied > 0) != (delta > 0)) applied = 0;
            due = _mulFloorSigned(net, applied);
            payout = due < 0 ? uint256(-due) : 0;
            if (payout > available) (applied, payout) = (0, 0); // sub-unit net: rounding left no room
        }
        uint256 fromPool = Math.min(payout, poolCap);
        uint256 fromFund = payout - fromPool;
        fundingPayoutBudget = uint128(budget - fromPool);
        if (fromPool != 0) _settleFunding(liquidityPool, int256(fromPool));
        if (fromFund != 0) _settleFunding(insuranceFund, int256(fromFund));
        return (-int256(fromPool), -int256(fromFund), applied);
    }

    /// @notice Spreads a bankrupt trader's remaining debt over every trader's collateral by
    ///         lowering the collateral index (O(1)), at most down to MIN_COLLATERAL_INDEX; what
    ///         is left is recorded as the protocol deficit (PROTOCOL.md section 5, "Bad debt").
    ///         The trader's debt is cleared. debt = socialized + deficit, exactly.
    /// @return socialized the amount taken from collateral through the index
    /// @return deficit the amount added to the protocol deficit
    function socializeLoss(address trader)
        external
        onlyClearingHouse
        returns (uint256 socialized, uint256 deficit)
    {
        Balance storage b = _balances[trader];
        uint256 debt = b.debt;
        if (debt == 0) return (0, 0);
        b.debt = 0;
        totalDebt -= debt;
        uint256 shares = _totalShares;
        uint256 oldIndex = _collateralIndex;
        if (shares != 0 && oldIndex > MIN_COLLATERAL_INDEX) {
            // the most the index can carry: floor((index - min) * shares / 1e18)
            uint256 capacity = Math.mulDiv(oldIndex - MIN_COLLATERAL_INDEX, shares, ONE);
            socialized = debt < capacity ? debt : capacity;
        }
        if (socialized != 0) {
            // cut rounded up (the protocol's favour); ceil(floor(c * S) / S) <= c keeps the floor
            uint256 newIndex = oldIndex - Math.mulDiv(socialized, ONE, shares, Math.Rounding.Ceil);
            _collateralIndex = uint128(newIndex);
            emit LossSocialized(trader, socialized, oldIndex, newIndex, shares);
        }
        deficit = debt - socialized;
        if (deficit != 0) {
            uint256 total = protocolDeficit + deficit;
            protocolDeficit = total;
            emit DeficitRecorded(trader, deficit, total);
        }
    }

    /// @notice Pays USDC towards the protocol deficit (anyone may: governance, a backstop, a
    ///         donor). At most the deficit is taken.
    /// @param amountUsdc amount in USDC units (6 decimals)
    function repayDeficit(uint256 amountUsdc) external nonReentrant {
        uint256 amount = _checkedAmount(amountUsdc);
        uint256 total = protocolDeficit;
        if (amount > total) revert AmountTooLarge(amount, total);
        total -= amount;
        protocolDeficit = total;
        emit DeficitRepaid(msg.sender, amount, total);
        _usdc.safeTransferFrom(msg.sender, address(this), amountUsdc);
    }

    // ------------------------------------------------------------------ views

    /// @notice An account's balance, 18 decimals (negative: debt).
    function balanceOf(address account) public view returns (int256) {
        if (account == insuranceFund) return int256(uint256(_insuranceBalance));
        if (account == liquidityPool) return int256(uint256(_poolBalance));
        Balance memory b = _balances[account];
        return int256(Math.mulDiv(b.shares, _collateralIndex, ONE)) - int256(uint256(b.debt));
    }

    /// @notice Collateral per share (18 decimals); lowered by socialised losses.
    function collateralIndex() external view returns (uint256) {
        return _collateralIndex;
    }

    /// @notice Shares of the collateral index held by all traders.
    function totalShares() external view returns (uint256) {
        return _totalShares;
    }

    /// @notice The collateral token (USDC).
    function usdc() external view returns (address) {
        return address(_usdc);
    }

    /// @notice Funding settled by the pool at epoch updates and not yet settled by traders
    ///         (positive: traders have paid in more than the pool took).
    function fundingEscrow() external view returns (int256) {
        return _fundingEscrow;
    }

    /// @notice Fees the liquidity pool has earned since deployment.
    function poolFeeIncome() external view returns (uint256) {
        return _poolFeeIncome;
    }

    /// @notice Shares and debt of a trader.
    function rawBalance(address trader) external view returns (uint256 shares, uint256 debt) {
        Balance memory b = _balances[trader];
        return (b.shares, b.debt);
    }

    // ------------------------------------------------------------------ internals

    function _settleFunding(address account, int256 payment) internal {
        _add(account, -payment);
        int128 escrow = _fundingEscrow + int128(payment);
        _fundingEscrow = escrow;
        emit FundingEscrowChanged(account, payment, escrow);
    }

    /// @dev signed a*b/1e18 rounded towards -infinity.
    function _mulFloorSigned(int256 a, int256 b) internal pure returns (int256) {
        uint256 m = uint256(a >= 0 ? a : -a);
        uint256 n = uint256(b >= 0 ? b : -b);
        if ((a >= 0) == (b >= 0)) return int256(Math.mulDiv(m, n, ONE));
        return -int256(Math.mulDiv(m, n, ONE, Math.Rounding.Ceil));
    }

    /// @dev USDC units -> 18 decimals; rejects 0 and amounts above MAX_AMOUNT_USDC.
    function _checkedAmount(uint256 amountUsdc) internal pure returns (uint256) {
        if (amountUsdc == 0) revert ZeroAmount();
        if (amountUsdc > MAX_AMOUNT_USDC) revert AmountTooLarge(amountUsdc, MAX_AMOUNT_USDC);
        return amountUsdc * SCALE;
    }

    function _deposit(address account, uint256 amountUsdc) internal {
        uint256 amount = _checkedAmount(amountUsdc);
        _add(account, int256(amount));
        emit Deposited(account, msg.sender, amount);
        _usdc.safeTransferFrom(msg.sender, address(this), amountUsdc);
    }

    function _add(address account, int256 amount) internal {
        if (account == insuranceFund) {
            _insuranceBalance = uint128(_addSystem(account, _insuranceBalance, amount));
        } else if (account == liquidityPool) {
            _poolBalance = uint128(_addSystem(account, _poolBalance, amount));
        } else {
            _addTrader(account, amount);
        }
    }

    function _addSystem(address account, uint256 balance, int256 amount) internal pure returns (uint256) {
        if (amount >= 0) return balance + uint256(amount);
        uint256 debit = uint256(-amount);
        if (debit > balance) revert InsufficientBalance(account, debit, int256(balance));
        return balance - debit;
    }

    /// @dev Returns the trader's new balance.
    function _addTrader(address trader, int256 amount) internal returns (int256) {
        if (amount > 0) return _creditTrader(trader, uint256(amount));
        if (amount < 0) return _debitTrader(trader, uint256(-amount));
        return balanceOf(trader);
    }

    /// @dev Credits repay debt first; the rest buys shares rounded down.
    function _creditTrader(address trader, uint256 amount) internal returns (int256) {
        Balance memory b = _balances[trader];
        uint256 index = _collateralIndex;
        if (b.debt != 0) {
            uint256 repay = amount < b.debt ? amount : b.debt;
            b.debt -= uint128(repay);
            totalDebt -= repay;
            amount -= repay;
        }
        if (amount != 0) {
            uint256 shares = Math.mulDiv(amount, ONE, index);
            b.shares += uint128(shares);
            _totalShares += uint128(shares);
        }
        _balances[trader] = b;
        return int256(Math.mulDiv(b.shares, index, ONE)) - int256(uint256(b.debt));
    }

    /// @dev Debits burn shares rounded up; what the shares cannot cover becomes debt.
    function _debitTrader(address trader, uint256 amount) internal returns (int256) {
        Balance memory b = _balances[trader];
        uint256 index = _collateralIndex;
        uint256 value = Math.mulDiv(b.shares, index, ONE);
        if (amount <= value) {
            uint256 burn = Math.mulDiv(amount, ONE, index, Math.Rounding.Ceil);
            if (burn > b.shares) burn = b.shares;
            b.shares -= uint128(burn);
            _totalShares -= uint128(burn);
        } else {
            _totalShares -= b.shares;
            b.shares = 0;
            uint256 newDebt = amount - value;
            b.debt += uint128(newDebt);
            totalDebt += newDebt;
        }
        _balances[trader] = b;
        return int256(Math.mulDiv(b.shares, index, ONE)) - int256(uint256(b.debt));
    }
}
