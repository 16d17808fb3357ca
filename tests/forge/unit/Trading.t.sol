// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {vm} from "../utils/Vm.sol";
import {UnitBase} from "./UnitBase.sol";
import {DataTypes} from "../../../contracts/core/DataTypes.sol";
import {BaseToken} from "../../../contracts/BaseToken.sol";
import {ChainlinkAggregatorMock} from "../../../contracts/test/ChainlinkAggregatorMock.sol";
import {IPriceOracle} from "../../../interfaces/IPriceOracle.sol";
import {IClearingHouseErrors as E} from "../../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../../interfaces/IClearingHouseEvents.sol";

/// @notice The user-trade entry points and the guards of PROTOCOL.md section 5: input errors,
///         slippage bounds, pauses, a stale index, open-interest caps, dust, margin, the spread
///         band, the per-block move limit, the market-count limit and negative equity.
contract TradingTest is UnitBase {
    function setUp() public override {
        super.setUp();
        _deposit(ALICE, 10_000e6);
        _deposit(WHALE, 2_000_000e6);
    }

    // ------------------------------------------------------------------ inputs

    function test_openPositionRejectsBadInput() public {
        DataTypes.OpenPositionParams memory p = _params(b0, false, true, 1_000e18, 0);
        p.deadline = _timestamp - 1;
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.DeadlineExpired.selector, _timestamp - 1, _timestamp));
        ch.openPosition(p);

        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAmount.selector));
        ch.openPosition(_params(b0, false, true, 0, 0));

        uint256 max = ch.MAX_TRADE_AMOUNT();
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.AmountTooLarge.selector, max + 1, max));
        ch.openPosition(_params(b0, false, true, max + 1, 0));

        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.UnknownMarket.selector, STRANGER));
        ch.openPosition(_params(STRANGER, false, true, 1_000e18, 0));

        // one wei of quote buys no base: the curve refuses an empty fill
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAmount.selector));
        ch.openPosition(_params(b0, false, true, 1, 0));
    }

    function test_closePositionWithoutPosition() public {
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.NoPosition.selector, ALICE, b0));
        ch.closePosition(b0, 0, DEADLINE);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.UnknownMarket.selector, STRANGER));
        ch.closePosition(STRANGER, 0, DEADLINE);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.DeadlineExpired.selector, _timestamp - 1, _timestamp));
        ch.closePosition(b0, 0, _timestamp - 1);
    }

    function test_slippageBounds() public {
        // exact quote in: the base out must reach the bound
        (uint256 base,) = ch.quoteSwap(b0, false, true, 1_000e18);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.SlippageExceeded.selector, base, base + 1));
        ch.openPosition(_params(b0, false, true, 1_000e18, base + 1));
        // exact base out: the quote in must not exceed the bound
        (, uint256 quoteIn) = ch.quoteSwap(b0, false, false, base);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.SlippageExceeded.selector, quoteIn, quoteIn - 1));
        ch.openPosition(_params(b0, false, false, base, quoteIn - 1));
        // exact bounds pass
        vm.prank(ALICE);
        (uint256 b, uint256 q) = ch.openPosition(_params(b0, false, false, base, quoteIn));
        assertEq(b, base, "base");
        assertEq(q, quoteIn, "quote");
        // closing a long (exact base in): min quote out
        (, uint256 quoteOut) = ch.quoteSwap(b0, true, true, base);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.SlippageExceeded.selector, quoteOut, quoteOut + 1));
        ch.closePosition(b0, quoteOut + 1, DEADLINE);
        vm.prank(ALICE);
        (b, q) = ch.closePosition(b0, quoteOut, DEADLINE);
        assertEq(b, base, "closed base");
        assertEq(q, quoteOut, "closed quote");
        assertEq(int256(ch.getPosition(ALICE, b0).size), 0, "flat");
    }

    function test_feeFreeOpenBooksNoCollateralChange() public {
        DataTypes.MarketParams memory mp = _params();
        mp.feeRatio = 0;
        ch.setMarketParams(b0, mp);
        (uint256 base,) = _long(ALICE, b0, 1_000e18);
        assertEq(ch.balanceOf(ALICE), int256(10_000e18), "no fee, no realised PnL");
        assertEq(uint256(int256(ch.getPosition(ALICE, b0).size)), base, "size");
        assertEq(int256(ch.getPosition(ALICE, b0).openNotional), int256(1_000e18), "open notional");
    }

    // ------------------------------------------------------------------ guards

    function test_pausedMarketRefusesIncreasesNotReductions() public {
        (uint256 base,) = _long(ALICE, b0, 1_000e18);
        vm.expectEmit(address(ch));
        emit Ev.PauseChanged(b0, false, true);
        ch.setPaused(b0, true);
        assertTrue(ch.getMarket(b0).paused, "paused");
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.MarketPaused.selector, b0));
        ch.openPosition(_params(b0, false, true, 100e18, 0));
        // reducing is allowed
        vm.prank(ALICE);
        ch.openPosition(_params(b0, true, true, base / 2, 0));
        assertEq(uint256(int256(ch.getPosition(ALICE, b0).size)), base - base / 2, "reduced");

        // the global pause stops every market
        ch.setPaused(b0, false);
        ch.setPaused(address(0), true);
        assertTrue(ch.globalPaused(), "global");
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.MarketPaused.selector, b1));
        ch.openPosition(_params(b1, false, true, 100e18, 0));
        ch.setPaused(address(0), false);
        _long(ALICE, b1, 100e18);
    }

    function test_staleIndexRefusesIncreasesAndClosesAtTheMarkTwap() public {
        _long(ALICE, b0, 1_000e18);
        _nextBlock(3901); // past the Chainlink max age (3900 s), no new round
        assertEq(ch.getIndexPrice(b0), 0, "stale index reads 0");
        (uint256 price, bool fresh) = ch.getValuationPrice(b0);
        assertTrue(!fresh, "stale");
        assertEq(price, ch.getMarkPrice(b0), "valuation at the mark TWAP (flat mark)");
        assertEq(ch.getMarkTwap(b0, 900), price, "mark TWAP");
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.IndexStale.selector, b0));
        ch.openPosition(_params(b0, false, true, 100e18, 0));
        vm.prank(ALICE);
        ch.closePosition(b0, 0, DEADLINE);
        assertEq(int256(ch.getPosition(ALICE, b0).size), 0, "closed while stale");
    }

    function test_openInterestCap() public {
        DataTypes.MarketParams memory mp = _params();
        mp.maxLongOpenInterest = 1e18;
        ch.setMarketParams(b0, mp);
        (uint256 longCap, uint256 shortCap) = ch.getOpenInterestCaps(b0);
        assertEq(longCap, 1e18, "long cap");
        assertEq(shortCap, 5_000e18, "short cap");
        (uint256 base,) = ch.quoteSwap(b0, false, true, 10_000e18);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.OpenInterestCapExceeded.selector, b0, true, base, 1e18));
        ch.openPosition(_params(b0, false, true, 10_000e18, 0));
    }

    function test_dustPosition() public {
        (uint256 base,) = ch.quoteSwap(b0, false, true, 5e18);
        uint256 notional = _mulDown(base, ch.getIndexPrice(b0));
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.DustPosition.selector, b0, notional, 10e18));
        ch.openPosition(_params(b0, false, true, 5e18, 0));
    }

    function test_insufficientMargin() public {
        _deposit(BOB, 100e6);
        uint256 q = 2_000e18;
        (uint256 base,) = ch.quoteSwap(b0, false, true, q);
        uint256 index = ch.getIndexPrice(b0);
        int256 collateral = int256(100e18 - _ratioUp(q, 1_000));
        int256 value = collateral + int256(_mulDown(base, index)) - int256(q);
        uint256 initial = _ratioUp(_mulUp(base, index), 100_000);
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(E.InsufficientMargin.selector, BOB, value, initial));
        ch.openPosition(_params(b0, false, true, q, 0));
    }

    function test_priceMoveLimitPerBlock() public {
        (uint256 x, uint256 y) = ch.getReserves(b0);
        uint256 q = 600_000e18;
        (uint256 base,) = ch.quoteSwap(b0, false, true, q);
        uint256 start = y * ONE / x;
        uint256 after_ = Math.mulDiv(y + q, ONE, x - base);
        vm.prank(WHALE);
        vm.expectRevert(abi.encodeWithSelector(E.PriceMoveTooLarge.selector, b0, start, after_, 25_000));
        ch.openPosition(_params(b0, false, true, q, 0));
    }

    function test_spreadBand() public {
        DataTypes.MarketParams memory mp = _params();
        mp.maxSpreadRatio = 1_000; // 0.1%
        ch.setMarketParams(b0, mp);
        uint256 index = ch.getIndexPrice(b0);
        (uint256 x, uint256 y) = ch.getReserves(b0);
        uint256 q = 300_000e18;
        (uint256 base,) = ch.quoteSwap(b0, false, true, q);
        uint256 mark = Math.mulDiv(y + q, ONE, x - base);
        vm.prank(WHALE);
        vm.expectRevert(abi.encodeWithSelector(E.SpreadTooLarge.selector, b0, mark, index, 1_000));
        ch.openPosition(_params(b0, false, true, q, 0));

        // outside the band already (band widened, mark pushed, band narrowed): a trade back
        // towards the index passes, a trade further away does not
        mp.maxSpreadRatio = 100_000;
        ch.setMarketParams(b0, mp);
        _long(WHALE, b0, q);
        mp.maxSpreadRatio = 1_000;
        ch.setMarketParams(b0, mp);
        uint256 before = ch.getMarkPrice(b0);
        _short(ALICE, b0, 1_000e18);
        assertTrue(ch.getMarkPrice(b0) < before, "moved back towards the index");
        (x, y) = ch.getReserves(b0);
        (base,) = ch.quoteSwap(b0, false, true, 1_000e18);
        mark = Math.mulDiv(y + 1_000e18, ONE, x - base);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.SpreadTooLarge.selector, b0, mark, index, 1_000));
        ch.openPosition(_params(b0, false, true, 1_000e18, 0));
    }

    function test_accountUnderWaterCannotRealiseTheLoss() public {
        _deposit(BOB, 1_000e6);
        _long(BOB, b0, 9_000e18);
        // the index falls 15% and the curve follows it
        uint256 index = ch.getIndexPrice(b0) * 85 / 100;
        _setIndex(0, index);
        _pushMarkTo(0, index);
        vm.prank(BOB);
        try ch.closePosition(b0, 0, DEADLINE) {
            revert("closed under water");
        } catch (bytes memory err) {
            assertTrue(bytes4(err) == E.AccountUnderWater.selector, "AccountUnderWater");
            (address trader, int256 collateral, int256 value) = _decode3(err);
            assertEq(trader, BOB, "trader");
            assertTrue(collateral < 0, "collateral negative after the close");
            assertEq(value, collateral, "flat: anchored value is the collateral");
        }
        assertTrue(ch.isLiquidatable(BOB), "left to the liquidators");
    }

    function test_tooManyMarketsPerAccount() public {
        uint256 price = _pathPrice(0, 0);
        address[] memory extra = new address[](9);
        for (uint256 i; i < 9; ++i) {
            extra[i] = address(new BaseToken("Extra", "X"));
            ChainlinkAggregatorMock feed = new ChainlinkAggregatorMock(8, int256(price / 1e10));
            IPriceOracle.Feed memory f = oracle.getFeed(b0);
            f.chainlink = address(feed);
            oracle.setFeed(extra[i], f);
            ch.addMarket(extra[i], 30_000_000e18 * ONE / price, 30_000_000e18, _params());
        }
        assertEq(ch.getMarkets().length, 11, "markets");
        _long(ALICE, b0, 100e18);
        _long(ALICE, b1, 100e18);
        for (uint256 i; i < 8; ++i) {
            _long(ALICE, extra[i], 100e18);
        }
        assertEq(ch.getAccountMarkets(ALICE).length, 10, "ten markets");
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.TooManyMarkets.selector, ALICE, 10));
        ch.openPosition(_params(extra[8], false, true, 100e18, 0));
    }

    function _decode3(bytes memory err) internal pure returns (address a, int256 b, int256 c) {
        assembly {
            a := mload(add(err, 36))
            b := mload(add(err, 68))
            c := mload(add(err, 100))
        }
    }
}
