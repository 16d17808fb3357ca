// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {vm} from "../utils/Vm.sol";
import {UnitBase} from "./UnitBase.sol";
import {IClearingHouseErrors as E} from "../../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../../interfaces/IClearingHouseEvents.sol";

/// @notice The collateral entry points (the Vault): deposits, withdrawals, the system accounts'
///         withdrawals and deficit repayment, with their input errors.
contract CollateralTest is UnitBase {
    function test_depositRejectsZeroAndTooLarge() public {
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAmount.selector));
        ch.deposit(0);
        uint256 max = ch.MAX_AMOUNT_USDC();
        vm.expectRevert(abi.encodeWithSelector(E.AmountTooLarge.selector, max + 1, max));
        ch.deposit(max + 1);
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAddress.selector));
        ch.depositFor(address(0), 1e6);
    }

    function test_depositForCreditsTheAccount() public {
        usdc.mint(address(this), 250e6);
        vm.expectEmit(address(ch));
        emit Ev.Deposited(ALICE, address(this), 250e18);
        ch.depositFor(ALICE, 250e6);
        assertEq(ch.balanceOf(ALICE), int256(250e18), "balance");
        (uint256 shares, uint256 debt) = ch.rawBalance(ALICE);
        assertEq(shares, 250e18, "shares at index 1");
        assertEq(debt, 0, "debt");
        assertEq(ch.getFreeCollateral(ALICE), int256(250e18), "free collateral");
    }

    function test_withdrawChecksFreeCollateral() public {
        _deposit(ALICE, 1_000e6);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAmount.selector));
        ch.withdraw(0);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.InsufficientFreeCollateral.selector, ALICE, 1_000e18 + 1e12, int256(1_000e18)));
        ch.withdraw(1_000e6 + 1);

        vm.prank(ALICE);
        vm.expectEmit(address(ch));
        emit Ev.Withdrawn(ALICE, ALICE, 400e18);
        ch.withdraw(400e6);
        assertEq(usdc.balanceOf(ALICE), 400e6, "usdc out");
        assertEq(ch.balanceOf(ALICE), int256(600e18), "ledger");
    }

    function test_withdrawSystemOnlyForSystemAccounts() public {
        vm.prank(STRANGER);
        vm.expectRevert(abi.encodeWithSelector(E.OnlySystemAccount.selector, STRANGER));
        ch.withdrawSystem(STRANGER, 1e6);
        vm.prank(fund);
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAddress.selector));
        ch.withdrawSystem(address(0), 1e6);
        vm.prank(fund);
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAmount.selector));
        ch.withdrawSystem(BOB, 0);
        // more than the fund holds: the ledger refuses it
        vm.prank(fund);
        vm.expectRevert(
            abi.encodeWithSelector(E.InsufficientBalance.selector, fund, (FUND_SEED + 1) * SCALE, int256(FUND_SEED * SCALE))
        );
        ch.withdrawSystem(BOB, FUND_SEED + 1);

        vm.prank(fund);
        vm.expectEmit(address(ch));
        emit Ev.Withdrawn(fund, BOB, 1_000e18);
        ch.withdrawSystem(BOB, 1_000e6);
        assertEq(usdc.balanceOf(BOB), 1_000e6, "usdc out");
        assertEq(ch.balanceOf(fund), int256((FUND_SEED - 1_000e6) * SCALE), "fund ledger");
    }

    function test_repayDeficit() public {
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAmount.selector));
        ch.repayDeficit(0);
        vm.expectRevert(abi.encodeWithSelector(E.AmountTooLarge.selector, 1e12, 0));
        ch.repayDeficit(1);
        // a deficit of 500 (bad debt the fund and socialisation did not cover; see
        // LiquidationTest for one made by a liquidation)
        vm.store(address(ch), bytes32(uint256(CORE_SLOT) + SLOT_DEFICIT), bytes32(uint256(500e18)));
        assertEq(ch.protocolDeficit(), 500e18, "deficit");
        vm.expectRevert(abi.encodeWithSelector(E.AmountTooLarge.selector, 501e18, 500e18));
        ch.repayDeficit(501e6);

        usdc.mint(address(this), 500e6);
        uint256 held = usdc.balanceOf(address(ch));
        vm.expectEmit(address(ch));
        emit Ev.DeficitRepaid(address(this), 200e18, 300e18);
        ch.repayDeficit(200e6);
        assertEq(ch.protocolDeficit(), 300e18, "deficit after");
        assertEq(usdc.balanceOf(address(ch)), held + 200e6, "usdc in");
    }
}
