// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {vm, Vm} from "../utils/Vm.sol";
import {UnitBase} from "./UnitBase.sol";
import {DataTypes} from "../../../contracts/core/DataTypes.sol";
import {IClearingHouseErrors as E} from "../../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../../interfaces/IClearingHouseEvents.sol";

/// @notice Liquidation (LiquidationLogic): its refusals, a partial liquidation of a long and
///         its penalty split, the caller's bound, a liquidation on a stale index, and bad debt:
///         covered by the fund, socialised over the collateral, left as a protocol deficit.
contract LiquidationTest is UnitBase {
    function setUp() public override {
        super.setUp();
        _deposit(BOB, 5_500e6);
        _long(BOB, b0, 50_000e18); // about 9x
    }

    function test_refusals() public {
        vm.prank(KEEPER);
        vm.expectRevert(abi.encodeWithSelector(E.UnknownMarket.selector, STRANGER));
        ch.liquidate(BOB, STRANGER);
        vm.prank(KEEPER);
        vm.expectRevert(abi.encodeWithSelector(E.NoPosition.selector, ALICE, b0));
        ch.liquidate(ALICE, b0);
        (int256 value,, uint256 maintenance, bool liquidatable) = ch.getAccountState(BOB);
        assertTrue(!liquidatable, "healthy");
        vm.prank(KEEPER);
        vm.expectRevert(abi.encodeWithSelector(E.NotLiquidatable.selector, BOB, value, maintenance));
        ch.liquidate(BOB, b0);
    }

    /// @dev The index falls 6%: below maintenance (6.25%) but above half of it, so section 9's
    ///      fraction closes part of the long, within its bankruptcy size.
    function _dropIndexSixPercent() internal {
        _setIndex(0, ch.getIndexPrice(b0) * 94 / 100);
        (int256 value,, uint256 maintenance, bool liquidatable) = ch.getAccountState(BOB);
        assertTrue(liquidatable, "liquidatable");
        assertTrue(value * 2 >= int256(maintenance), "above half of maintenance: partial");
    }

    function test_partialLiquidationOfALong() public {
        _dropIndexSixPercent();
        uint256 size = uint256(int256(ch.getPosition(BOB, b0).size));
        vm.prank(KEEPER);
        (uint256 base, uint256 quote) = ch.liquidate(BOB, b0);
        assertTrue(base > 0 && base < size, "partial");
        assertEq(uint256(int256(ch.getPosition(BOB, b0).size)), size - base, "rest kept");
        uint256 penalty = _ratioUp(quote, 25_000);
        assertEq(ch.balanceOf(KEEPER), int256(_ratioDown(penalty, LIQUIDATOR_SHARE)), "liquidator's 30%");
        assertTrue(!ch.isLiquidatable(BOB), "back above maintenance");
        (int256 value,,,) = ch.getAccountState(BOB);
        assertTrue(value > 0, "solvent");
    }

    function test_noPenaltyMarket() public {
        DataTypes.MarketParams memory p = _params();
        p.liquidationPenaltyRatio = 0;
        ch.setMarketParams(b0, p);
        _dropIndexSixPercent();
        int256 fundBefore = ch.balanceOf(fund);
        vm.prank(KEEPER);
        (, uint256 quote) = ch.liquidate(BOB, b0);
        assertEq(ch.balanceOf(KEEPER), 0, "no penalty, nothing to the liquidator");
        // the fund gets only its share of the closing fee
        uint256 fee = _ratioUp(quote, 1_000);
        assertEq(ch.balanceOf(fund), fundBefore + int256(_ratioUp(fee, 200_000)), "fund: fee share only");
    }

    function test_liquidateWithBound() public {
        _dropIndexSixPercent();
        uint256 snap = vm.snapshotState();
        vm.prank(KEEPER);
        (, uint256 quote) = ch.liquidateWithBound(BOB, b0, 1);
        vm.revertToState(snap);
        vm.prank(KEEPER);
        vm.expectRevert(abi.encodeWithSelector(E.SlippageExceeded.selector, quote, quote + 1));
        ch.liquidateWithBound(BOB, b0, quote + 1);
        vm.prank(KEEPER);
        (, uint256 q) = ch.liquidateWithBound(BOB, b0, quote);
        assertEq(q, quote, "same fill at the exact bound");
    }

    // ------------------------------------------------------------------ bad debt

    /// @dev The index falls 15% and governance repegs the curve to it (the pool gains the
    ///      traders' loss): the 9x long is under water at the curve price too. No penalty, so
    ///      that the liquidator holds no collateral that could carry a socialised loss.
    function _crash() internal {
        DataTypes.MarketParams memory p = _params();
        p.liquidationPenaltyRatio = 0;
        ch.setMarketParams(b0, p);
        uint256 index = ch.getIndexPrice(b0) * 85 / 100;
        _setIndex(0, index);
        int256 cost = ch.repeg(b0, type(uint256).max);
        assertTrue(cost < 0, "the net long lost: the pool gains");
        (int256 value,,,) = ch.getAccountState(BOB);
        assertTrue(value < 0, "under water");
    }

    /// @dev Liquidates BOB; returns BadDebtCovered's figures and the fund's share of the closing
    ///      fee (credited to the fund before the bad debt is settled).
    function _badDebt()
        internal
        returns (uint256 debt, uint256 covered, uint256 socialized, uint256 deficit, uint256 feeShare)
    {
        vm.recordLogs();
        vm.prank(KEEPER);
        (, uint256 quote) = ch.liquidate(BOB, b0);
        feeShare = _ratioUp(_ratioUp(quote, 1_000), 200_000);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bytes32 topic = keccak256("BadDebtCovered(address,uint256,uint256,uint256,uint256)");
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == topic) {
                assertEq(address(uint160(uint256(logs[i].topics[1]))), BOB, "trader");
                (debt, covered, socialized, deficit) = abi.decode(logs[i].data, (uint256, uint256, uint256, uint256));
            }
        }
        assertTrue(debt > 0, "bad debt");
        assertEq(debt, covered + socialized + deficit, "debt = covered + socialised + deficit");
        assertEq(int256(ch.getPosition(BOB, b0).size), 0, "closed");
        assertEq(ch.balanceOf(BOB), 0, "account cleared");
        assertEq(ch.totalDebt(), 0, "no trader debt left");
    }

    function test_badDebtCoveredByTheFund() public {
        _crash();
        int256 fundBefore = ch.balanceOf(fund);
        (uint256 debt, uint256 covered, uint256 socialized, uint256 deficit,) = _badDebt();
        assertEq(covered, debt, "all covered");
        assertEq(socialized + deficit, 0, "nothing else");
        assertTrue(ch.balanceOf(fund) < fundBefore, "the fund paid");
        assertEq(ch.collateralIndex(), 1e18, "index untouched");
    }

    function test_badDebtSocialised() public {
        _deposit(ALICE, 100_000e6); // a passive depositor: its collateral carries the loss
        _crash();
        _setInsuranceBalance(1_000e18);
        (uint256 debt, uint256 covered, uint256 socialized, uint256 deficit, uint256 feeShare) = _badDebt();
        assertEq(covered, 1_000e18 + feeShare, "the fund's all");
        assertEq(socialized, debt - covered, "the rest socialised");
        assertEq(deficit, 0, "no deficit");
        uint256 newIndex = 1e18 - (socialized * 1e18 + 100_000e18 - 1) / 100_000e18; // cut rounded up
        assertEq(ch.collateralIndex(), newIndex, "index cut");
        assertEq(ch.balanceOf(ALICE), int256(100_000e18 * newIndex / 1e18), "the depositor's share of the loss");
    }

    function test_badDebtBeyondSocialisationIsADeficit() public {
        _deposit(ALICE, 1e6); // one USDC of other collateral: the index carries at most that
        _crash();
        _setInsuranceBalance(1_000e18);
        (uint256 debt, uint256 covered, uint256 socialized, uint256 deficit, uint256 feeShare) = _badDebt();
        assertEq(covered, 1_000e18 + feeShare, "the fund's all");
        assertEq(socialized, 1e18 - 1e12, "down to the minimum index");
        assertEq(deficit, debt - covered - socialized, "the rest is a deficit");
        assertEq(ch.collateralIndex(), ch.MIN_COLLATERAL_INDEX(), "index at its floor");
        assertEq(ch.protocolDeficit(), deficit, "recorded");
        // anyone may repay it
        usdc.mint(address(this), 100e6);
        ch.repayDeficit(100e6);
        assertEq(ch.protocolDeficit(), deficit - 100e18, "repaid");
    }

    function test_badDebtWithNoOtherCollateralIsADeficit() public {
        _crash();
        _setInsuranceBalance(0);
        (uint256 debt, uint256 covered, uint256 socialized, uint256 deficit, uint256 feeShare) = _badDebt();
        assertEq(covered, feeShare, "the fund holds only the close's fee share");
        assertEq(socialized, 0, "no collateral to carry it");
        assertEq(deficit, debt - covered, "the rest is a deficit");
        assertEq(ch.protocolDeficit(), deficit, "recorded");
    }

    function test_liquidationOnAStaleIndexUsesTheMarkTwap() public {
        _crash();
        _nextBlock(3901); // no Chainlink round for longer than its max age
        (uint256 price, bool fresh) = ch.getValuationPrice(b0);
        assertTrue(!fresh, "stale");
        assertEq(price, ch.getMarkTwap(b0, 900), "valued at the mark TWAP");
        assertTrue(ch.isLiquidatable(BOB), "still liquidatable");
        (uint256 debt, uint256 covered,,,) = _badDebt();
        assertEq(covered, debt, "covered by the fund");
    }

    // ------------------------------------------------------------------ small positions

    /// @dev A position of about 10.5 quote, liquidated with no full-liquidation threshold:
    ///      section 9's fraction would leave less than the minimum position, so all of it closes.
    function test_partialThatWouldLeaveDustClosesAll() public {
        ch.setGlobalParams(10e18, 0, LIQUIDATOR_SHARE);
        _deposit(ALICE, 1_200_000); // 1.2 USDC
        (uint256 size,) = _long(ALICE, b0, 10.5e18);
        _setIndex(0, ch.getIndexPrice(b0) * 92 / 100);
        (int256 value,, uint256 maintenance, bool liquidatable) = ch.getAccountState(ALICE);
        assertTrue(liquidatable, "liquidatable");
        assertTrue(value * 2 >= int256(maintenance), "partial by section 9");
        vm.prank(KEEPER);
        (uint256 base,) = ch.liquidate(ALICE, b0);
        assertEq(base, size, "all of it");
        assertEq(int256(ch.getPosition(ALICE, b0).size), 0, "closed");
    }

    /// @dev A small solvent long whose close on the curve (pushed below the index) would cost
    ///      more than the account is worth, and that cannot be cut without leaving dust: refused.
    function test_liquidationBeyondBankruptcyIsRefused() public {
        _deposit(WHALE, 2_000_000e6);
        _deposit(ALICE, 1_300_000); // 1.3 USDC
        _long(ALICE, b0, 11e18);
        uint256 index = ch.getIndexPrice(b0) * 90 / 100;
        _setIndex(0, index);
        _pushMarkTo(0, index * 95 / 100);
        _setIndex(0, index); // a fresh round after the pushes
        (int256 value,,, bool liquidatable) = ch.getAccountState(ALICE);
        assertTrue(liquidatable && value > 0, "liquidatable, solvent at the anchor");
        vm.prank(KEEPER);
        vm.expectRevert(abi.encodeWithSelector(E.LiquidationBeyondBankruptcy.selector, ALICE, b0, value));
        ch.liquidate(ALICE, b0);
    }
}
