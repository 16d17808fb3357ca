// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {vm, artifact} from "../utils/Vm.sol";
import {UnitBase} from "./UnitBase.sol";
import {DataTypes} from "../../../contracts/core/DataTypes.sol";
import {BaseToken} from "../../../contracts/BaseToken.sol";
import {IClearingHouse} from "../../../interfaces/IClearingHouse.sol";
import {IPriceOracle} from "../../../interfaces/IPriceOracle.sol";
import {IClearingHouseErrors as E} from "../../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../../interfaces/IClearingHouseEvents.sol";

interface ILogicDirect {
    function setPaused(address baseToken, bool paused, bool byOwner) external;
    function setGuardian(address guardian) external;
    function liquidate(address trader, address baseToken, uint256 bound) external returns (uint256, uint256);
    function updateFundingRate(address baseToken) external;
    function getMarkets() external view returns (address[] memory);
    function executeBatch(address baseToken, uint256 maxOrders) external returns (bool);
    function cancelOrder(address baseToken, uint256 orderId) external;
}

/// @notice Governance (ConfigLogic through the core): construction, system accounts, markets,
///         parameters and their bounds (PROTOCOL.md section 4), pauses and the guardian, k
///         adjustments and repegs with their budget and pacing, and the logic contracts' refusal
///         of direct calls.
contract GovernanceTest is UnitBase {
    bytes4 internal constant UNAUTHORIZED = bytes4(keccak256("OwnableUnauthorizedAccount(address)"));

    // ------------------------------------------------------------------ construction

    function _logic() internal returns (address[6] memory l) {
        bytes memory byOracle = abi.encode(address(oracle));
        l[0] = vm.deployCode(artifact("LiquidationLogic"), byOracle);
        l[1] = vm.deployCode(artifact("FundingLogic"), byOracle);
        l[2] = vm.deployCode(artifact("ConfigLogic"), byOracle);
        l[3] = vm.deployCode(artifact("ViewLogic"), byOracle);
        l[4] = vm.deployCode(artifact("OrderLogic"), byOracle);
        l[5] = vm.deployCode(artifact("NettingLogic"), byOracle);
    }

    function _create(bytes memory args) internal returns (address a) {
        bytes memory code = abi.encodePacked(vm.getCode(artifact("ClearingHouse")), args);
        assembly {
            a := create(0, add(code, 32), mload(code))
        }
    }

    function test_constructorRejectsZeroAddresses() public {
        address[6] memory l = _logic();
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAddress.selector));
        _create(abi.encode(address(0), address(oracle), l, address(this)));
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAddress.selector));
        _create(abi.encode(address(usdc), address(0), l, address(this)));
        l[3] = address(0);
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAddress.selector));
        _create(abi.encode(address(usdc), address(oracle), l, address(this)));
        l = _logic();
        l[5] = address(0);
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAddress.selector));
        _create(abi.encode(address(usdc), address(oracle), l, address(this)));
    }

    function test_freshCoreDefaultsAndSystemAccounts() public {
        IClearingHouse core = IClearingHouse(_create(abi.encode(address(usdc), address(oracle), _logic(), address(this))));
        assertEq(core.guardian(), address(this), "guardian is the owner");
        assertEq(uint256(core.liquidatorShare()), 500_000, "liquidator share");
        assertEq(uint256(core.minPositionNotional()), 10e18, "min notional");
        assertEq(uint256(core.fullLiquidationThreshold()), 500e18, "full-liquidation threshold");
        assertEq(core.collateralIndex(), 1e18, "index");
        assertEq(core.usdc(), address(usdc), "usdc");
        // no market before the system accounts
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAddress.selector));
        core.addMarket(b0, 1e21, 1e24, _params());
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAddress.selector));
        core.setSystemAccounts(address(0), BOB);
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAddress.selector));
        core.setSystemAccounts(BOB, address(0));
        vm.expectEmit(address(core));
        emit Ev.SystemAccountsSet(ALICE, BOB);
        core.setSystemAccounts(ALICE, BOB);
        assertEq(core.insuranceFund(), ALICE, "fund");
        assertEq(core.liquidityPool(), BOB, "pool");
        vm.expectRevert(abi.encodeWithSelector(E.AlreadyInitialized.selector));
        core.setSystemAccounts(ALICE, BOB);
    }

    function test_logicContractsRefuseDirectCalls() public {
        address[6] memory l = _logic();
        bytes memory err = abi.encodeWithSelector(E.OnlyDelegateCall.selector);
        vm.expectRevert(err);
        ILogicDirect(l[0]).liquidate(ALICE, b0, 0);
        vm.expectRevert(err);
        ILogicDirect(l[1]).updateFundingRate(b0);
        vm.expectRevert(err);
        ILogicDirect(l[2]).setPaused(b0, true, true);
        vm.expectRevert(err);
        ILogicDirect(l[2]).setGuardian(ALICE);
        vm.expectRevert(err);
        ILogicDirect(l[3]).getMarkets();
        vm.expectRevert(err);
        ILogicDirect(l[4]).cancelOrder(b0, 0);
        vm.expectRevert(err);
        ILogicDirect(l[5]).executeBatch(b0, 1);
    }

    /// @dev Market ids are below 254 (bit 255 of an account's high market word is a flag; 254 is spare).
    function test_atMost254Markets() public {
        IPriceOracle.Feed memory f = oracle.getFeed(b0);
        for (uint256 i = 2; i < 254; ++i) {
            address token = address(uint160(0x100000 + i));
            oracle.setFeed(token, f);
            ch.addMarket(token, 1e21, 2e24, _params());
        }
        assertEq(ch.getMarkets().length, 254, "254 markets");
        address last = address(uint160(0x100000 + 254));
        oracle.setFeed(last, f);
        vm.expectRevert(abi.encodeWithSelector(E.TooManyTotalMarkets.selector, 254));
        ch.addMarket(last, 1e21, 2e24, _params());
    }

    // ------------------------------------------------------------------ markets

    function test_addMarketChecks() public {
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAddress.selector));
        ch.addMarket(address(0), 1e21, 1e24, _params());
        vm.expectRevert(abi.encodeWithSelector(E.MarketExists.selector, b0));
        ch.addMarket(b0, 1e21, 1e24, _params());
        vm.prank(STRANGER);
        vm.expectRevert(abi.encodeWithSelector(UNAUTHORIZED, STRANGER));
        ch.addMarket(STRANGER, 1e21, 1e24, _params());
        // the oracle must know the market
        address token = address(new BaseToken("New", "N"));
        vm.expectRevert(abi.encodeWithSelector(IPriceOracle.UnknownFeed.selector, token));
        ch.addMarket(token, 1e21, 1e24, _params());
        IPriceOracle.Feed memory f = oracle.getFeed(b0);
        oracle.setFeed(token, f);
        vm.expectRevert(abi.encodeWithSelector(E.InvalidReserves.selector, 1e8, 1e24));
        ch.addMarket(token, 1e8, 1e24, _params());
        uint256 tooBig = uint256(type(uint112).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(E.InvalidReserves.selector, 1e21, tooBig));
        ch.addMarket(token, 1e21, tooBig, _params());

        vm.expectEmit(address(ch));
        emit Ev.MarketAdded(token, 2, 1e21, 2e24);
        ch.addMarket(token, 1e21, 2e24, _params());
        DataTypes.Market memory m = ch.getMarket(token);
        assertEq(uint256(m.id), 2, "id");
        assertTrue(m.listed && !m.paused, "listed");
        assertEq(ch.getMarkPrice(token), 2_000e18, "mark");
        assertEq(ch.lastFundingTime(token), _timestamp, "funding clock");
        assertEq(ch.referenceBaseReserve(token), 1e21, "reference base");
    }

    function test_setMarketParamsBounds() public {
        vm.expectRevert(abi.encodeWithSelector(E.UnknownMarket.selector, STRANGER));
        ch.setMarketParams(STRANGER, _params());
        DataTypes.MarketParams memory p;
        p = _params();
        p.imRatio = 9_999;
        _expectBound(p, 9_999, 10_000, 500_000);
        p = _params();
        p.imRatio = 500_001;
        _expectBound(p, 500_001, 10_000, 500_000);
        p = _params();
        p.mmRatio = 4_999;
        _expectBound(p, 4_999, 5_000, 100_000);
        p = _params();
        p.mmRatio = 100_001;
        _expectBound(p, 100_001, 5_000, 100_000);
        p = _params();
        p.feeRatio = 10_001;
        _expectBound(p, 10_001, 0, 10_000);
        p = _params();
        p.insuranceFeeShare = 99_999;
        _expectBound(p, 99_999, 100_000, 1e6);
        p = _params();
        p.insuranceFeeShare = 1e6 + 1;
        _expectBound(p, 1e6 + 1, 100_000, 1e6);
        p = _params();
        p.liquidationPenaltyRatio = 100_001;
        _expectBound(p, 100_001, 0, 100_000);
        p = _params();
        p.maxPriceMoveRatio = 999;
        _expectBound(p, 999, 1_000, 500_000);
        p = _params();
        p.maxPriceMoveRatio = 500_001;
        _expectBound(p, 500_001, 1_000, 500_000);
        p = _params();
        p.maxSpreadRatio = 999;
        _expectBound(p, 999, 1_000, 500_000);
        p = _params();
        p.maxSpreadRatio = 500_001;
        _expectBound(p, 500_001, 1_000, 500_000);
        p = _params();
        p.fundingInterval = 59;
        _expectBound(p, 59, 60, 8 hours);
        p = _params();
        p.fundingInterval = 8 hours + 1;
        _expectBound(p, 8 hours + 1, 60, 8 hours);

        DataTypes.MarketParams memory old = _params();
        p = _params();
        p.feeRatio = 2_000;
        p.mmRatio = 50_000; // a cut takes effect at once
        vm.expectEmit(address(ch));
        emit Ev.MarketParamsChanged(b0, old, p);
        ch.setMarketParams(b0, p);
        DataTypes.Market memory m = ch.getMarket(b0);
        assertEq(uint256(m.feeRatio), 2_000, "fee");
        assertEq(uint256(m.mmRatio), 50_000, "mm");
        assertEq(uint256(m.mmRaisedAt), 0, "no raise");
    }

    function _expectBound(DataTypes.MarketParams memory p, uint256 v, uint256 lo, uint256 hi) internal {
        vm.expectRevert(abi.encodeWithSelector(E.ParamOutOfBounds.selector, v, lo, hi));
        ch.setMarketParams(b0, p);
    }

    function test_maintenanceRaisePacing() public {
        DataTypes.MarketParams memory p = _params();
        // above the initial ratio in force (raised in the same call)
        p.imRatio = 200_000;
        p.mmRatio = 150_000;
        vm.expectRevert(
            abi.encodeWithSelector(E.MarginRaiseTooFast.selector, b0, 62_500, 150_000, 100_000, uint256(1 days))
        );
        ch.setMarketParams(b0, p);
        // a first raise (never raised: due since day one)
        p = _params();
        p.mmRatio = 70_000;
        ch.setMarketParams(b0, p);
        assertEq(uint256(ch.getMarket(b0).mmRaisedAt), _timestamp, "raised at");
        // a second one within a day
        p.mmRatio = 80_000;
        vm.expectRevert(
            abi.encodeWithSelector(E.MarginRaiseTooFast.selector, b0, 70_000, 80_000, 100_000, _timestamp + 1 days)
        );
        ch.setMarketParams(b0, p);
        _nextBlock(1 days);
        ch.setMarketParams(b0, p);
        assertEq(uint256(ch.getMarket(b0).mmRatio), 80_000, "mm after a day");
    }

    function test_setGlobalParamsBounds() public {
        vm.expectRevert(abi.encodeWithSelector(E.ParamOutOfBounds.selector, 1e6 + 1, 0, 1e6));
        ch.setGlobalParams(10e18, 500e18, 1e6 + 1);
        vm.expectRevert(abi.encodeWithSelector(E.ParamOutOfBounds.selector, 1e18 - 1, 1e18, 1_000e18));
        ch.setGlobalParams(1e18 - 1, 500e18, 0);
        vm.expectRevert(abi.encodeWithSelector(E.ParamOutOfBounds.selector, 1_000e18 + 1, 1e18, 1_000e18));
        ch.setGlobalParams(1_000e18 + 1, 500e18, 0);
        vm.expectRevert(abi.encodeWithSelector(E.ParamOutOfBounds.selector, 100_000e18 + 1, 0, 100_000e18));
        ch.setGlobalParams(10e18, 100_000e18 + 1, 0);
        vm.prank(STRANGER);
        vm.expectRevert(abi.encodeWithSelector(UNAUTHORIZED, STRANGER));
        ch.setGlobalParams(10e18, 500e18, 0);

        vm.expectEmit(address(ch));
        emit Ev.GlobalParamsChanged(10e18, 500e18, LIQUIDATOR_SHARE, 20e18, 100_000e18, 1e6);
        ch.setGlobalParams(20e18, 100_000e18, 1e6);
        assertEq(uint256(ch.minPositionNotional()), 20e18, "min notional");
        assertEq(uint256(ch.fullLiquidationThreshold()), 100_000e18, "threshold");
        assertEq(uint256(ch.liquidatorShare()), 1e6, "share");
    }

    // ------------------------------------------------------------------ pauses, guardian

    function test_guardianAndPauses() public {
        vm.prank(STRANGER);
        vm.expectRevert(abi.encodeWithSelector(E.OnlyGuardian.selector, STRANGER));
        ch.setPaused(b0, true);
        vm.expectRevert(abi.encodeWithSelector(E.ZeroAddress.selector));
        ch.setGuardian(address(0));
        vm.prank(STRANGER);
        vm.expectRevert(abi.encodeWithSelector(UNAUTHORIZED, STRANGER));
        ch.setGuardian(STRANGER);

        vm.expectEmit(address(ch));
        emit Ev.GuardianChanged(address(this), KEEPER);
        ch.setGuardian(KEEPER);
        assertEq(ch.guardian(), KEEPER, "guardian");
        vm.prank(KEEPER);
        ch.setPaused(b1, true);
        assertTrue(ch.getMarket(b1).paused, "paused by the guardian");
        vm.prank(KEEPER);
        vm.expectRevert(abi.encodeWithSelector(E.GuardianCannotResume.selector, KEEPER));
        ch.setPaused(b1, false); // the guardian may only pause
        ch.setPaused(b1, false); // the owner resumes
        assertTrue(!ch.getMarket(b1).paused, "resumed by the owner");
        vm.prank(KEEPER);
        vm.expectRevert(abi.encodeWithSelector(E.UnknownMarket.selector, STRANGER));
        ch.setPaused(STRANGER, true);
        vm.prank(KEEPER);
        vm.expectEmit(address(ch));
        emit Ev.PauseChanged(address(0), false, true);
        ch.setPaused(address(0), true);
        assertTrue(ch.globalPaused(), "global pause");
    }

    // ------------------------------------------------------------------ curve changes

    function test_adjustKChecks() public {
        (uint256 x, uint256 y) = ch.getReserves(b0);
        vm.prank(STRANGER);
        vm.expectRevert(abi.encodeWithSelector(UNAUTHORIZED, STRANGER));
        ch.adjustK(b0, x, 0);
        vm.expectRevert(abi.encodeWithSelector(E.UnknownMarket.selector, STRANGER));
        ch.adjustK(STRANGER, x, 0);
        vm.expectRevert(abi.encodeWithSelector(E.KChangeTooLarge.selector, b0, x, x / 2 - 1));
        ch.adjustK(b0, x / 2 - 1, 0);
        vm.expectRevert(abi.encodeWithSelector(E.KChangeTooLarge.selector, b0, x, 2 * x + 1));
        ch.adjustK(b0, 2 * x + 1, 0);
        // the pool's depth syncs have no 2x limit, only the reserve range
        address p = address(pool);
        vm.prank(p);
        vm.expectRevert(abi.encodeWithSelector(E.ValueOutOfRange.selector, 0, 1, uint256(type(uint112).max)));
        ch.adjustK(b0, 0, 0);
        vm.prank(p);
        vm.expectRevert(
            abi.encodeWithSelector(
                E.ValueOutOfRange.selector, uint256(type(uint112).max) + 1, 1, uint256(type(uint112).max)
            )
        );
        ch.adjustK(b0, uint256(type(uint112).max) + 1, 0);

        // no net position: free, any time, the mark kept
        uint256 mark = ch.getMarkPrice(b0);
        uint256 newQuote = Math.mulDiv(x * 3 / 2, y, x, Math.Rounding.Ceil);
        vm.expectEmit(address(ch));
        emit Ev.KAdjusted(b0, x, y, x * 3 / 2, newQuote, 0);
        vm.expectEmit(address(ch));
        emit Ev.CurveMigrated(b0, 0, false);
        int256 cost = ch.adjustK(b0, x * 3 / 2, 0);
        assertEq(cost, 0, "cost");
        (uint256 x2, uint256 y2) = ch.getReserves(b0);
        assertEq(x2, x * 3 / 2, "base reserve");
        assertEq(y2, newQuote, "quote reserve");
        assertTrue(ch.getMarkPrice(b0) >= mark && ch.getMarkPrice(b0) - mark <= 1, "mark kept");
    }

    function test_adjustKWithNetPositionIsBudgetedAndPaced() public {
        _deposit(ALICE, 100_000e6);
        _short(ALICE, b0, 50_000e18);
        (, uint256 shortOi) = ch.getOpenInterest(b0);
        assertEq(ch.netBase(b0), -int256(shortOi), "net short");
        // never below the short open interest
        vm.prank(address(pool));
        vm.expectRevert(abi.encodeWithSelector(E.KBelowOpenInterest.selector, b0, shortOi, shortOi));
        ch.adjustK(b0, shortOi, 0);
        // the migration view refuses a curve the net short cannot be bought back on
        (, uint256 y) = ch.getReserves(b0);
        vm.expectRevert(abi.encodeWithSelector(E.InvalidReserves.selector, shortOi, y));
        ch.migrationCost(b0, shortOi, y);

        (uint256 x,) = ch.getReserves(b0);
        uint256 newBase = x * 11 / 10;
        uint256 newQuote = Math.mulDiv(newBase, y, x, Math.Rounding.Ceil);
        int256 expected = ch.migrationCost(b0, newBase, newQuote);
        assertTrue(expected != 0, "a net position makes k changes cost");
        vm.expectRevert(abi.encodeWithSelector(E.KCostExceedsBudget.selector, b0, expected, 0));
        ch.adjustK(b0, newBase, 0);

        int256 poolBefore = ch.balanceOf(address(pool));
        int256 cost = ch.adjustK(b0, newBase, type(uint256).max);
        assertEq(cost, expected, "cost as the view said");
        assertEq(ch.balanceOf(address(pool)), poolBefore - cost, "charged to the pool");
        assertEq(ch.netBase(b0), -int256(shortOi), "net position kept");

        (x, y) = ch.getReserves(b0);
        newBase = x * 10 / 11;
        vm.expectRevert(abi.encodeWithSelector(E.CurveChangeTooSoon.selector, b0, _timestamp + 1 hours));
        ch.adjustK(b0, newBase, type(uint256).max);
        _nextBlock(1 hours);
        ch.adjustK(b0, newBase, type(uint256).max);
    }

    function test_repeg() public {
        vm.expectRevert(abi.encodeWithSelector(E.UnknownMarket.selector, STRANGER));
        ch.repeg(STRANGER, 0);
        vm.prank(STRANGER);
        vm.expectRevert(abi.encodeWithSelector(UNAUTHORIZED, STRANGER));
        ch.repeg(b0, 0);
        uint256 oldMark = ch.getMarkPrice(b0);
        uint256 index = oldMark * 105 / 100;
        _setIndex(0, index);
        index = ch.getIndexPrice(b0); // cut to the feed's 8 decimals
        (uint256 x,) = ch.getReserves(b0);
        vm.expectEmit(address(ch));
        emit Ev.Repegged(b0, oldMark, index, x, x * index / ONE, 0);
        int256 cost = ch.repeg(b0, 0);
        assertEq(cost, 0, "no net position: free");
        assertTrue(ch.getMarkPrice(b0) <= index && index - ch.getMarkPrice(b0) <= 1, "mark at the index");
        // a stale index: no repeg
        _nextBlock(3901);
        vm.expectRevert(abi.encodeWithSelector(E.IndexStale.selector, b0));
        ch.repeg(b0, 0);
    }
}
