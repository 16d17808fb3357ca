// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {vm, Vm} from "../utils/Vm.sol";
import {UnitBase} from "./UnitBase.sol";
import {IClearingHouseErrors as E} from "../../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../../interfaces/IClearingHouseEvents.sol";

/// @notice Funding epochs (FundingLogic): timing, the capped rate, the AMM's side paid by the
///         pool within its budget, backed by the fund, and the index moving only as far as they
///         can pay; per-trader settlement.
contract FundingTest is UnitBase {
    int256 internal constant CAP_PER_8H = 1e15;

    function test_timing() public {
        vm.expectRevert(abi.encodeWithSelector(E.UnknownMarket.selector, STRANGER));
        ch.updateFundingRate(STRANGER);
        uint256 last = ch.lastFundingTime(b0);
        assertEq(last, _timestamp, "clock starts at listing");
        // same second as the last update: no next rate yet
        (int256 cum, int256 lastRate, int256 nextRate, uint256 lastTime) = ch.getFundingState(b0);
        assertEq(cum, 0, "index");
        assertEq(lastRate, 0, "rate");
        assertEq(nextRate, 0, "next rate");
        assertEq(lastTime, last, "time");
        _nextBlock(3599);
        vm.expectRevert(abi.encodeWithSelector(E.FundingTooEarly.selector, b0, last + 3600));
        ch.updateFundingRate(b0);
        vm.expectRevert(abi.encodeWithSelector(E.UnknownMarket.selector, STRANGER));
        ch.getFundingState(STRANGER);
        vm.expectRevert(abi.encodeWithSelector(E.UnknownMarket.selector, STRANGER));
        ch.settleFunding(ALICE, STRANGER);
    }

    /// @dev Index 1% above the mark for an hour: the premium's rate (-1% x 1/24) is beyond the
    ///      cap for an hour (0.1% per 8 h / 8), so the rate is the cap.
    function test_rateIsCappedForTheElapsedSpan() public {
        _setIndex(0, ch.getIndexPrice(b0) * 101 / 100);
        _nextBlock(3600);
        int256 cap = CAP_PER_8H * 3600 / 8 hours;
        (,, int256 nextRate,) = ch.getFundingState(b0);
        assertEq(nextRate, -cap, "view: next rate at the cap");
        vm.recordLogs();
        ch.updateFundingRate(b0);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        (int256 rate, uint256 markTwap, uint256 indexTwap) = (0, 0, 0);
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == keccak256("FundingUpdated(address,int256,uint256,uint256)")) {
                (rate, markTwap, indexTwap) = abi.decode(logs[i].data, (int256, uint256, uint256));
            }
        }
        assertEq(rate, -cap, "event rate");
        assertTrue(markTwap < indexTwap, "mark below the index");
        (int256 cum, int256 lastRate,, uint256 lastTime) = ch.getFundingState(b0);
        assertEq(lastRate, -cap, "rate");
        assertEq(lastTime, _timestamp, "time");
        // no open interest: nobody pays, the index moves by rate x index TWAP all the same
        assertEq(cum, rate * int256(indexTwap) / 1e18, "index move");
        assertEq(ch.fundingEscrow(), 0, "no payment");
    }

    function _netLongPaidByThePool() internal returns (int256 delta) {
        _deposit(BOB, 10_000e6);
        _long(BOB, b0, 50_000e18);
        uint256 index = ch.getIndexPrice(b0) * 101 / 100;
        _setIndex(0, index);
        for (uint256 h; h < 8; ++h) {
            _nextBlock(1 hours); // a Chainlink round every hour (its max age is 3900 s)
            _setIndex(0, index);
        }
        (,, int256 rate,) = ch.getFundingState(b0);
        assertEq(rate, -CAP_PER_8H, "8 h at the cap");
        delta = rate * int256(ch.getIndexPrice(b0)) / 1e18;
    }

    function test_poolPaysWithinItsBudgetThenTheFund() public {
        _netLongPaidByThePool();
        uint256 budget = ch.poolFeeIncome() / 3;
        int256 poolBefore = ch.balanceOf(address(pool));
        int256 fundBefore = ch.balanceOf(fund);
        ch.updateFundingRate(b0);
        assertEq(ch.fundingPayoutBudget(), 0, "budget spent");
        assertEq(ch.balanceOf(address(pool)), poolBefore - int256(budget), "the pool paid its budget");
        int256 fromFund = fundBefore - ch.balanceOf(fund);
        assertTrue(fromFund > 0, "the fund paid the rest");
        // the escrow now holds what the longs are owed
        assertEq(ch.fundingEscrow(), int256(budget) + fromFund, "escrow");
        int256 pending = ch.getPendingFunding(BOB, b0);
        assertTrue(pending < 0, "the long receives");
        int256 before = ch.balanceOf(BOB);
        vm.expectEmit(address(ch));
        emit Ev.FundingSettled(BOB, b0, pending);
        ch.settleAllFunding(BOB);
        assertEq(ch.balanceOf(BOB), before - pending, "settled into collateral");
        assertEq(ch.getPendingFunding(BOB, b0), 0, "nothing pending");
        // a second settlement is a no-op
        ch.settleFunding(BOB, b0);
        assertEq(ch.balanceOf(BOB), before - pending, "no double settlement");
    }

    function test_indexMovesOnlyAsFarAsThePoolCanPay() public {
        int256 delta = _netLongPaidByThePool();
        _setInsuranceBalance(0); // no backing
        uint256 budget = ch.poolFeeIncome() / 3;
        int256 poolBefore = ch.balanceOf(address(pool));
        ch.updateFundingRate(b0);
        (int256 applied,,,) = ch.getFundingState(b0);
        assertTrue(applied < 0 && applied > delta, "index moved less than the rate asks");
        uint256 paid = uint256(poolBefore - ch.balanceOf(address(pool)));
        assertTrue(paid <= budget, "within the budget");
        assertEq(ch.fundingPayoutBudget(), budget - paid, "budget left");
        int256 net = ch.netBase(b0);
        assertEq(int256(paid), -((net * applied - 1e18 + 1) / 1e18), "paid = net x applied, rounded down");
    }
}
