// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {vm} from "../utils/Vm.sol";
import {CoreStorage} from "../../../contracts/core/CoreStorage.sol";
import {DataTypes} from "../../../contracts/core/DataTypes.sol";
import {Ledger} from "../../../contracts/libraries/Ledger.sol";

/// @dev The ledger over a core storage layout of its own, one trader.
contract LedgerHarness {
    address internal constant T = address(0xA11CE);

    function set(uint256 shares, uint256 debt, uint256 index) external {
        CoreStorage.Layout storage s = CoreStorage.layout();
        s.balances[T] = DataTypes.Balance(uint120(shares), uint104(debt), 0);
        s.collateralIndex = uint128(index);
        s.totalShares = uint128(shares + 1e24);
        s.totalDebt = debt;
    }

    function settleFill(int256 amount, uint256 maxFee) external returns (uint256 fee, uint256 burnt) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        return Ledger.settleFill(s, T, amount, maxFee, s.collateralIndex);
    }

    function addTrader(int256 amount) external {
        Ledger.addTrader(CoreStorage.layout(), T, amount);
    }

    function state() external view returns (uint256 shares, uint256 debt, uint256 markets, uint256 total, uint256 debts) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        DataTypes.Balance memory b = s.balances[T];
        return (b.shares, b.debt, b.markets, s.totalShares, s.totalDebt);
    }
}

/// @notice Ledger.settleFill, the netting engine's entry for a fill or a cancelled order's fee,
///         against the general path: its fee is the governance fee at most the balance the
///         entry leaves (never below zero), and its balance word, debt and shares are exactly
///         what `addTrader(amount - fee)` makes of them, the shares it burns aside (the caller
///         takes them off the total). Fuzzed over zero and huge balances, debts, indices,
///         amounts and fees.
contract LedgerTest {
    uint256 internal constant ONE = 1e18;

    function testFuzz_settleFillIsTheGeneralEntryLessItsFee(
        uint256 shares,
        uint256 debt,
        uint256 index,
        int256 amount,
        uint256 maxFee
    ) public {
        shares = shares % 2 == 0 ? 0 : shares % (1 << 110);
        debt = shares != 0 ? 0 : debt % (1 << 100); // a debt only on an account without shares
        index = 1e12 + index % 2e18; // the collateral index: from its floor to 2e18
        amount = amount % 1e28;
        maxFee = maxFee % 3 == 0 ? 0 : maxFee % 101e18;
        LedgerHarness fast = new LedgerHarness();
        LedgerHarness general = new LedgerHarness();
        fast.set(shares, debt, index);
        general.set(shares, debt, index);

        int256 left = int256(shares * index / ONE) - int256(debt) + amount;
        uint256 fee;
        if (left > 0) fee = uint256(left) < maxFee ? uint256(left) : maxFee;
        (uint256 got, uint256 burnt) = fast.settleFill(amount, maxFee);
        require(got == fee, "fee: the governance fee, at most the balance left");
        general.addTrader(amount - int256(fee));
        _sameAsGeneral(fast, general, burnt);
        (uint256 s1, uint256 d1,,,) = fast.state();
        require(burnt == 0 || burnt == shares - s1, "burnt: the trader's shares that went");
        if (left >= 0) require(d1 <= debt, "no new debt when the balance covers the entry");
        if (amount == 0 && maxFee == 0) require(s1 == shares && d1 == debt && burnt == 0, "nothing");
    }

    function _sameAsGeneral(LedgerHarness fast, LedgerHarness general, uint256 burnt) internal view {
        (uint256 s1, uint256 d1, uint256 m1, uint256 t1, uint256 td1) = fast.state();
        (uint256 s2, uint256 d2, uint256 m2, uint256 t2, uint256 td2) = general.state();
        require(s1 == s2 && d1 == d2 && m1 == m2, "the balance word of the general entry");
        require(t1 - burnt == t2, "the burnt shares are what the general entry takes off the total");
        require(td1 == td2, "the total debt");
    }
}
