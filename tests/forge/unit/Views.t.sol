// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {vm} from "../utils/Vm.sol";
import {UnitBase} from "./UnitBase.sol";
import {DataTypes} from "../../../contracts/core/DataTypes.sol";
import {IClearingHouseErrors as E} from "../../../interfaces/IClearingHouseErrors.sol";

/// @notice The core's views (its own getters and ViewLogic's), checked against values computed
///         here: globals, the mark TWAP over its observation ring, quotes, curve figures,
///         account figures and batches, and the unknown-market errors.
contract ViewsTest is UnitBase {
    function test_globals() public view {
        assertEq(ch.usdc(), address(usdc), "usdc");
        assertEq(ch.insuranceFund(), fund, "fund");
        assertEq(ch.liquidityPool(), address(pool), "pool");
        assertEq(ch.guardian(), address(this), "guardian");
        assertTrue(!ch.globalPaused(), "not paused");
        assertEq(uint256(ch.liquidatorShare()), LIQUIDATOR_SHARE, "share");
        assertEq(uint256(ch.minPositionNotional()), 10e18, "min notional");
        assertEq(uint256(ch.fullLiquidationThreshold()), 500e18, "threshold");
        assertEq(ch.totalShares(), 0, "no trader collateral");
        assertEq(ch.totalDebt(), 0, "debt");
        assertEq(ch.protocolDeficit(), 0, "deficit");
        assertEq(ch.poolFeeIncome(), 0, "no fees yet");
        assertEq(ch.fundingPayoutBudget(), 0, "budget");
        assertEq(ch.balanceOf(fund), int256(FUND_SEED * SCALE), "fund");
        assertEq(ch.balanceOf(address(pool)), int256(POOL_SEED * SCALE), "pool");
        address[] memory m = ch.getMarkets();
        assertEq(m.length, 2, "markets");
        assertEq(m[0], b0, "market 0");
        assertEq(m[1], b1, "market 1");
        assertEq(uint256(ch.MARK_TWAP_WINDOW()), 900, "twap window");
        assertEq(ch.MAX_MARKETS_PER_ACCOUNT(), 10, "max markets");
    }

    function test_unknownMarketViews() public {
        bytes memory err = abi.encodeWithSelector(E.UnknownMarket.selector, STRANGER);
        vm.expectRevert(err);
        ch.getMarkPrice(STRANGER);
        vm.expectRevert(err);
        ch.getMarkTwap(STRANGER, 900);
        vm.expectRevert(err);
        ch.markCumulative(STRANGER);
        vm.expectRevert(err);
        ch.getValuationPrice(STRANGER);
        vm.expectRevert(err);
        ch.quoteSwap(STRANGER, true, true, 1e18);
        vm.expectRevert(err);
        ch.migrationCost(STRANGER, 1e21, 1e24);
    }

    function test_markTwapOverTheRing() public {
        uint256 p0 = ch.getMarkPrice(b0);
        // listed this block: the ring's only observation is now, the TWAP is the mark
        assertEq(ch.getMarkTwap(b0, 900), p0, "fresh market");
        assertEq(ch.getMarkTwap(b0, 0), p0, "empty window");
        _deposit(ALICE, 10_000e6);
        _nextBlock(600);
        _long(ALICE, b0, 20_000e18);
        uint256 p1 = ch.getMarkPrice(b0);
        assertTrue(p1 > p0, "mark up");
        _nextBlock(600);
        uint256 cum = p0 * 600 + p1 * 600;
        assertEq(ch.markCumulative(b0), cum, "cumulative");
        // 900 s back is before the trade's observation: from the listing's
        assertEq(ch.getMarkTwap(b0, 900), cum / 1200, "twap 900");
        // 300 s back: from the trade's observation
        assertEq(ch.getMarkTwap(b0, 300), p1, "twap 300");
        // longer than the ring: from the oldest observation
        assertEq(ch.getMarkTwap(b0, 1 days), cum / 1200, "twap 1 day");
    }

    function test_quotes() public {
        (uint256 x, uint256 y) = ch.getReserves(b0);
        uint256 k0 = x * y;
        (uint256 b, uint256 q) = ch.quoteSwap(b0, true, true, 1e18);
        assertEq(b, 1e18, "exact base in");
        assertEq(q, y - (k0 + x + 1e18 - 1) / (x + 1e18), "quote out");
        (b, q) = ch.quoteSwap(b0, true, false, 1_000e18);
        assertEq(q, 1_000e18, "exact quote out");
        assertEq(b, (k0 + y - 1_000e18 - 1) / (y - 1_000e18) - x, "base in");
        (b, q) = ch.quoteSwap(b0, false, true, 1_000e18);
        assertEq(b, x - (k0 + y + 1_000e18 - 1) / (y + 1_000e18), "base out");
        (b, q) = ch.quoteSwap(b0, false, false, 1e18);
        assertEq(q, (k0 + x - 1e18 - 1) / (x - 1e18) - y, "quote in");
        vm.expectRevert(abi.encodeWithSelector(E.InsufficientLiquidity.selector, x, x));
        ch.quoteSwap(b0, false, false, x);
        vm.expectRevert(abi.encodeWithSelector(E.InsufficientLiquidity.selector, y, y));
        ch.quoteSwap(b0, true, false, y);
    }

    function test_accountAndCurveFigures() public {
        _deposit(ALICE, 10_000e6);
        (uint256 size, uint256 paid) = _long(ALICE, b0, 20_000e18);
        uint256 index = ch.getIndexPrice(b0);
        uint256 notional = _mulUp(size, index);
        (uint256 initial, uint256 maintenance) = ch.getMarginRequirements(ALICE);
        assertEq(initial, _ratioUp(notional, 100_000), "initial");
        assertEq(maintenance, _ratioUp(notional, 62_500), "maintenance");
        int256 value = ch.balanceOf(ALICE) + int256(_mulDown(size, index)) - int256(paid);
        assertEq(ch.getAccountValue(ALICE), value, "account value");
        assertEq(ch.openInterestNotional(), notional, "open interest at the index (one market)");
        assertEq(ch.netBase(b0), int256(size), "net base");
        (, uint256 exit) = ch.quoteSwap(b0, true, true, size);
        assertEq(ch.netPositionValue(b0), int256(exit), "net position value");
        assertEq(ch.netPositionValue(b1), 0, "flat market");
        address[] memory mk = ch.getAccountMarkets(ALICE);
        assertEq(mk.length, 1, "one market");
        assertEq(mk[0], b0, "market");
        assertTrue(!ch.isLiquidatable(BOB), "no position, not liquidatable");

        address[] memory who = new address[](3);
        (who[0], who[1], who[2]) = (ALICE, fund, BOB);
        DataTypes.AccountState[] memory st = ch.getAccountStates(who);
        assertEq(st.length, 3, "batch");
        assertEq(st[0].accountValue, value, "batch value");
        assertEq(st[0].initialRequirement, initial, "batch initial");
        assertEq(st[0].largestMarket, b0, "largest market");
        assertEq(st[0].largestNotional, notional, "largest notional");
        assertEq(st[1].accountValue, ch.balanceOf(fund), "system account");
        assertEq(st[2].accountValue, 0, "empty account");
    }

    function test_accountStatesRejectsANonAddress() public view {
        bytes memory data = abi.encodeWithSignature("getAccountStates(address[])", uint256(0x20), uint256(1), uint256(1) << 160);
        (bool ok, bytes memory ret) = address(ch).staticcall(data);
        assertTrue(!ok, "refused");
        assertEq(ret.length, 0, "as the ABI decoder: no data");
    }

    // ------------------------------------------------------------------ 512-bit valuation

    /// @dev Margin's 512-bit path, for an account with a price of 2^128 or more: no trade can
    ///      take a mark there (the packed block-start price, the oracle's price range), so the
    ///      test writes market 0's reserves directly (1e9 / 1e30: a mark of 1e39) under a short,
    ///      with a long in market 1 that the fast path has not loaded when it gives up. With the
    ///      index stale both are valued at their mark TWAPs; checked against the same formula
    ///      (every rounding against the account) computed here.
    function test_wideValuationPath() public {
        _deposit(ALICE, 10_000e6);
        _short(ALICE, b0, 1_000e18);
        _long(ALICE, b1, 2_000e18);
        bytes32 curveSlot = keccak256(abi.encode(b0, uint256(CORE_SLOT) + 13)); // curves[b0]
        (uint256 x,) = ch.getReserves(b0);
        assertEq(uint256(vm.load(address(ch), curveSlot)) & type(uint128).max, x, "curve slot");
        vm.store(address(ch), curveSlot, bytes32((uint256(1e30) << 128) | 1e9));
        assertTrue(ch.getMarkPrice(b0) >= 2 ** 128, "mark beyond 128 bits");
        _nextBlock(3901); // both indexes stale: the mark TWAPs value the account

        int256 value = ch.balanceOf(ALICE);
        uint256 initial;
        uint256 largest;
        address largestMarket;
        address[2] memory mk = [b0, b1];
        for (uint256 i; i < 2; ++i) {
            DataTypes.Position memory pos = ch.getPosition(ALICE, mk[i]);
            uint256 twap = ch.getMarkTwap(mk[i], 900);
            uint256 abs = pos.size > 0 ? uint256(int256(pos.size)) : uint256(-int256(pos.size));
            int256 worth = pos.size > 0
                ? int256(Math.mulDiv(abs, twap, 1e18))
                : -int256(Math.mulDiv(abs, twap, 1e18, Math.Rounding.Ceil));
            value += worth - pos.openNotional;
            uint256 notional = Math.mulDiv(abs, twap, 1e18, Math.Rounding.Ceil);
            initial += _ratioUp(notional, 100_000);
            if (notional > largest) (largest, largestMarket) = (notional, mk[i]);
        }
        assertTrue(ch.getMarkTwap(b0, 900) >= 2 ** 128, "TWAP beyond 128 bits");
        (int256 v, uint256 im,,) = ch.getAccountState(ALICE);
        assertEq(v, value, "account value");
        assertEq(im, initial, "initial requirement");
        address[] memory who = new address[](1);
        who[0] = ALICE;
        DataTypes.AccountState memory st = ch.getAccountStates(who)[0];
        assertEq(st.accountValue, value, "batch value");
        assertEq(st.anchoredValue, value, "stale: anchored at the same prices");
        assertEq(st.largestNotional, largest, "largest notional");
        assertEq(st.largestMarket, largestMarket, "largest market");
    }
}
