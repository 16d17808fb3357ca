// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../interfaces/IClearingHouseEvents.sol";
import {CoreStorage} from "../core/CoreStorage.sol";
import {DataTypes} from "../core/DataTypes.sol";

/// @title Ledger
/// @notice The collateral ledger (PROTOCOL.md section 3, "Vault"): every claim on the core's
///         USDC is an entry here. Traders hold shares of the collateral index (so that a
///         socialised loss is O(1)) or debt; the insurance fund and the liquidity pool hold plain
///         balances; the funding escrow holds what traders owe or are owed in funding that the
///         pool has already settled at epoch updates. 18 decimals throughout.
library Ledger {
    uint256 internal constant ONE = 1e18;
    /// @dev Socialisation never takes the collateral index below this (1e-6 of its initial value).
    uint256 internal constant MIN_COLLATERAL_INDEX = 1e12;
    /// @dev The largest USDC amount (6 decimals) one deposit, withdrawal or repayment may move.
    uint256 internal constant MAX_AMOUNT_USDC = 1e18;
    /// @dev Set in the insurance fund's and the liquidity pool's `balances` word (its market
    ///      bits, DataTypes.Balance.markets), whose collateral lives in `insuranceBalance` and
    ///      `poolBalance`: a trader's credit or debit reads only its own slot to know it is not
    ///      one of them.
    uint32 internal constant SYSTEM_ACCOUNT = 1 << 29;

    /// @notice USDC units -> 18 decimals; rejects 0 and amounts above MAX_AMOUNT_USDC.
    function checkedAmount(uint256 amountUsdc) internal pure returns (uint256) {
        if (amountUsdc == 0) revert E.ZeroAmount();
        if (amountUsdc > MAX_AMOUNT_USDC) revert E.AmountTooLarge(amountUsdc, MAX_AMOUNT_USDC);
        return amountUsdc * 1e12;
    }

    /// @notice An account's balance (negative: debt).
    function balanceOf(CoreStorage.Layout storage s, address account) internal view returns (int256) {
        DataTypes.Balance memory b = s.balances[account];
        if (b.markets & SYSTEM_ACCOUNT != 0) {
            return int256(uint256(account == s.insuranceFund ? s.insuranceBalance : s.poolBalance));
        }
        return int256(Math.mulDiv(b.shares, s.collateralIndex, ONE)) - int256(uint256(b.debt));
    }

    /// @notice A trader's balance (not a system account).
    function traderBalance(CoreStorage.Layout storage s, address trader) internal view returns (int256) {
        return traderBalanceAt(s, trader, s.collateralIndex);
    }

    /// @notice A trader's balance at collateral index `index` (a batch reads the index once).
    function traderBalanceAt(CoreStorage.Layout storage s, address trader, uint256 index)
        internal
        view
        returns (int256)
    {
        DataTypes.Balance storage b = s.balances[trader];
        uint256 shares;
        uint256 debt;
        assembly ("memory-safe") {
            let w := sload(b.slot) // (shares, debt, markets): one read
            shares := and(w, 0xffffffffffffffffffffffffffffff) // 120 bits
            debt := and(shr(120, w), 0xffffffffffffffffffffffffff) // 104 bits
        }
        return int256(shares * index / ONE) - int256(debt); // shares, index < 2^128
    }

    /// @notice Adds a signed amount to any account.
    function add(CoreStorage.Layout storage s, address account, int256 amount) internal {
        if (s.balances[account].markets & SYSTEM_ACCOUNT == 0) addTrader(s, account, amount);
        else addSystem(s, account, amount);
    }

    /// @notice Credits (or debits) the insurance fund or the liquidity pool (`account` is one of
    ///         them); a debit beyond the balance reverts.
    function addSystem(CoreStorage.Layout storage s, address account, int256 amount) internal {
        if (account == s.insuranceFund) {
            s.insuranceBalance = uint128(_addSystem(account, s.insuranceBalance, amount));
        } else {
            s.poolBalance = uint128(_addSystem(account, s.poolBalance, amount));
            s.poolOtherFlows += int128(amount);
        }
    }

    /// @notice Moves `amount` from one account to another (penalties, bad-debt cover).
    function transfer(CoreStorage.Layout storage s, address from, address to, uint256 amount) internal {
        add(s, from, -int256(amount));
        add(s, to, int256(amount));
        emit Ev.BalanceTransferred(from, to, amount);
    }

    /// @notice A trade's settlement: realised PnL and fee for the trader, the fee's shares to
    ///         the insurance fund and the pool. Returns the trader's new balance.
    function settleTrade(CoreStorage.Layout storage s, address trader, int256 realizedPnl, uint256 fee, uint256 insuranceFee)
        internal
        returns (int256 balance)
    {
        balance = addTrader(s, trader, realizedPnl - int256(fee));
        if (fee != 0) {
            // one slot: the fund's share and the pool's (its fee income is derived, poolFeeIncome)
            s.insuranceBalance += uint128(insuranceFee);
            s.poolBalance += uint128(fee - insuranceFee);
        }
    }

    /// @notice Fees the liquidity pool has earned: its balance less every other flow.
    function poolFeeIncome(CoreStorage.Layout storage s) internal view returns (uint256) {
        return uint256(int256(uint256(s.poolBalance)) - s.poolOtherFlows);
    }

    /// @notice Funding between a trader and the escrow: `payment` > 0 is paid by the trader.
    function settleFunding(CoreStorage.Layout storage s, address trader, int256 payment) internal {
        addTrader(s, trader, -payment);
        _escrow(s, trader, payment);
    }

    /// @notice `settleFunding` for the insurance fund or the liquidity pool.
    function settleSystemFunding(CoreStorage.Layout storage s, address account, int256 payment) internal {
        addSystem(s, account, -payment);
        _escrow(s, account, payment);
    }

    function _escrow(CoreStorage.Layout storage s, address account, int256 payment) private {
        int128 escrow = s.fundingEscrow + int128(payment);
        s.fundingEscrow = escrow;
        emit Ev.FundingEscrowChanged(account, payment, escrow);
    }

    function addTrader(CoreStorage.Layout storage s, address trader, int256 amount) internal returns (int256) {
        if (amount > 0) return credit(s, trader, uint256(amount));
        if (amount < 0) return debit(s, trader, uint256(-amount));
        return traderBalance(s, trader);
    }

    /// @dev Credits repay debt first; the rest buys shares rounded down.
    function credit(CoreStorage.Layout storage s, address trader, uint256 amount) internal returns (int256) {
        DataTypes.Balance memory b = s.balances[trader];
        uint256 index = s.collateralIndex;
        if (b.debt != 0) {
            uint256 repay = amount < b.debt ? amount : b.debt;
            b.debt -= uint104(repay); // repay <= debt
            s.totalDebt -= repay;
            amount -= repay;
        }
        if (amount != 0) {
            uint256 shares = Math.mulDiv(amount, ONE, index);
            b.shares = SafeCast.toUint120(b.shares + shares);
            s.totalShares += uint128(shares); // < 2^120
        }
        _store(s, trader, b);
        return int256(Math.mulDiv(b.shares, index, ONE)) - int256(uint256(b.debt));
    }

    /// @dev Debits burn shares rounded up; what the shares cannot cover becomes debt.
    function debit(CoreStorage.Layout storage s, address trader, uint256 amount) internal returns (int256) {
        DataTypes.Balance memory b = s.balances[trader];
        uint256 index = s.collateralIndex;
        uint256 value = Math.mulDiv(b.shares, index, ONE);
        if (amount <= value) {
            uint256 burn = Math.mulDiv(amount, ONE, index, Math.Rounding.Ceil);
            if (burn > b.shares) burn = b.shares;
            b.shares -= uint120(burn); // burn <= shares
            s.totalShares -= uint128(burn);
        } else {
            s.totalShares -= b.shares;
            b.shares = 0;
            uint256 newDebt = amount - value;
            b.debt = SafeCast.toUint104(b.debt + newDebt);
            s.totalDebt += newDebt;
        }
        _store(s, trader, b);
        return int256(Math.mulDiv(b.shares, index, ONE)) - int256(uint256(b.debt));
    }

    /// @notice The netting engine's ledger entry for one fill (or a cancelled order's fee:
    ///         `amount` 0): adds `amount` (the fill's realised PnL less its trading fee) to
    ///         `trader`'s balance, less an execution fee of at most `maxFee` taken from the balance
    ///         that leaves (never a debt), at the collateral index `index`. Returns the fee taken
    ///         and the shares burnt. A debit that shares cover (a fill's usual entry: its fees) is
    ///         `debit` on the balance word, read and written once, whose burnt shares the caller
    ///         takes off `totalShares` (the netting engine once a call); any other entry goes
    ///         through `addTrader` (burnt = 0).
    function settleFill(
        CoreStorage.Layout storage s,
        address trader,
        int256 amount,
        uint256 maxFee,
        uint256 index
    ) internal returns (uint256 fee, uint256 burnt) {
        DataTypes.Balance storage b = s.balances[trader];
        uint256 w;
        assembly ("memory-safe") {
            w := sload(b.slot)
        }
        uint256 shares = w & type(uint120).max;
        uint256 value = shares * index / ONE; // shares, index < 2^128: as debit's mulDiv
        int256 left = int256(value) - int256((w >> 120) & type(uint104).max) + amount;
        if (left > 0) fee = uint256(left) < maxFee ? uint256(left) : maxFee;
        amount -= int256(fee);
        if (amount >= 0 || uint256(-amount) > value) {
            addTrader(s, trader, amount);
            return (fee, 0);
        }
        // debit within the shares' value: burn rounded up, capped at the shares (as debit)
        burnt = (uint256(-amount) * ONE + (index - 1)) / index;
        if (burnt > shares) burnt = shares;
        assembly ("memory-safe") {
            sstore(b.slot, sub(w, burnt)) // shares are the word's low 120 bits, burnt <= shares
        }
    }

    /// @notice Spreads a bankrupt trader's remaining debt over every trader's collateral by
    ///         lowering the collateral index (O(1)), at most down to MIN_COLLATERAL_INDEX; the
    ///         rest becomes the protocol deficit. debt = socialized + deficit, exactly.
    function socializeLoss(CoreStorage.Layout storage s, address trader)
        internal
        returns (uint256 socialized, uint256 deficit)
    {
        DataTypes.Balance storage b = s.balances[trader];
        uint256 debt = b.debt;
        if (debt == 0) return (0, 0);
        b.debt = 0;
        s.totalDebt -= debt;
        uint256 shares = s.totalShares;
        uint256 oldIndex = s.collateralIndex;
        if (shares != 0 && oldIndex > MIN_COLLATERAL_INDEX) {
            // the most the index can carry: floor((index - min) * shares / 1e18)
            uint256 capacity = Math.mulDiv(oldIndex - MIN_COLLATERAL_INDEX, shares, ONE);
            socialized = debt < capacity ? debt : capacity;
        }
        if (socialized != 0) {
            // cut rounded up (the protocol's favour); ceil(floor(c * S) / S) <= c keeps the floor
            uint256 newIndex = oldIndex - Math.mulDiv(socialized, ONE, shares, Math.Rounding.Ceil);
            s.collateralIndex = uint128(newIndex);
            emit Ev.LossSocialized(trader, socialized, oldIndex, newIndex, shares);
        }
        deficit = debt - socialized;
        if (deficit != 0) {
            uint256 total = s.protocolDeficit + deficit;
            s.protocolDeficit = total;
            emit Ev.DeficitRecorded(trader, deficit, total);
        }
    }

    /// @dev Writes a balance word once (a struct copy writes member by member). Every member is
    ///      within its type: the casts above are checked.
    function _store(CoreStorage.Layout storage s, address trader, DataTypes.Balance memory b) private {
        DataTypes.Balance storage slot = s.balances[trader];
        uint256 w = uint256(b.shares) | uint256(b.debt) << 120 | uint256(b.markets) << 224;
        assembly ("memory-safe") {
            sstore(slot.slot, w)
        }
    }

    function _addSystem(address account, uint256 balance, int256 amount) private pure returns (uint256) {
        if (amount >= 0) return balance + uint256(amount);
        uint256 debitAmount = uint256(-amount);
        if (debitAmount > balance) revert E.InsufficientBalance(account, debitAmount, int256(balance));
        return balance - debitAmount;
    }
}
