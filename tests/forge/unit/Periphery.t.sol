// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {vm, artifact} from "../utils/Vm.sol";
import {UnitBase} from "./UnitBase.sol";
import {DataTypes} from "../../../contracts/core/DataTypes.sol";

interface IInsuranceFund {
    event SurplusWithdrawn(address indexed to, uint256 amountUsdc, uint256 balanceAfter, uint256 floor);

    function balance() external view returns (uint256);
    function reserveFloor() external view returns (uint256);
    function withdrawableSurplus() external view returns (uint256);
    function withdrawSurplus(address to, uint256 amountUsdc) external;
}

interface IViewer {
    struct AccountRisk {
        address trader;
        int256 accountValue;
        uint256 initialRequirement;
        uint256 maintenanceRequirement;
        bool liquidatable;
        uint256 shortfall;
        address largestMarket;
    }

    struct MarketView {
        address baseToken;
        uint256 markPrice;
        uint256 indexPrice;
        bool indexFresh;
        uint256 valuationPrice;
        uint256 baseReserve;
        uint256 quoteReserve;
        uint256 longOpenInterest;
        uint256 shortOpenInterest;
        int256 cumulativeFundingIndex;
        int256 lastFundingRate;
        uint256 lastFundingTime;
    }

    function scan(address[] calldata traders) external view returns (AccountRisk[] memory);
    function liquidatable(address[] calldata traders)
        external
        view
        returns (address[] memory accounts, uint256[] memory shortfalls, address[] memory firstMarkets);
    function markets() external view returns (MarketView[] memory);
    function positions(address trader)
        external
        view
        returns (address[] memory tokens, DataTypes.Position[] memory pos, int256[] memory pendingFunding);
}

/// @notice The insurance fund's surplus withdrawals above its floor, and the Viewer's batch
///         reads against the core's own views.
contract PeripheryTest is UnitBase {
    IInsuranceFund internal insurance;
    IViewer internal viewer;

    function setUp() public override {
        super.setUp();
        insurance = IInsuranceFund(fund);
        viewer = IViewer(vm.deployCode(artifact("Viewer"), abi.encode(address(ch))));
        _deposit(ALICE, 10_000e6);
        _deposit(BOB, 5_500e6);
        _deposit(WHALE, 2_000_000e6);
    }

    // ------------------------------------------------------------------ insurance fund

    function test_fundConstructorRejectsZeroCore() public {
        bytes memory code =
            abi.encodePacked(vm.getCode(artifact("InsuranceFund")), abi.encode(address(0), address(this)));
        vm.expectRevert(abi.encodeWithSignature("ZeroAddress()"));
        assembly {
            pop(create(0, add(code, 32), mload(code)))
        }
    }

    function test_fundSurplusAboveTheFloor() public {
        assertEq(insurance.balance(), FUND_SEED * SCALE, "balance");
        assertEq(insurance.reserveFloor(), 10_000e18, "floor: the minimum with no open interest");
        assertEq(insurance.withdrawableSurplus(), 40_000e6, "surplus");

        vm.expectRevert(abi.encodeWithSignature("InvalidReceiver(address)", address(0)));
        insurance.withdrawSurplus(address(0), 1e6);
        vm.expectRevert(abi.encodeWithSignature("InvalidReceiver(address)", fund));
        insurance.withdrawSurplus(fund, 1e6);
        vm.expectRevert(abi.encodeWithSignature("InvalidReceiver(address)", address(ch)));
        insurance.withdrawSurplus(address(ch), 1e6);
        vm.expectRevert(abi.encodeWithSignature("ZeroAmount()"));
        insurance.withdrawSurplus(BOB, 0);
        vm.expectRevert(abi.encodeWithSignature("SurplusExceeded(uint256,uint256,uint256)", 40_000e6 + 1, 40_000e6, 10_000e6));
        insurance.withdrawSurplus(BOB, 40_000e6 + 1);
        vm.prank(STRANGER);
        vm.expectRevert(abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", STRANGER));
        insurance.withdrawSurplus(BOB, 1e6);

        vm.expectEmit(fund);
        emit IInsuranceFund.SurplusWithdrawn(KEEPER, 1_000e6, 49_000e18, 10_000e18);
        insurance.withdrawSurplus(KEEPER, 1_000e6);
        assertEq(usdc.balanceOf(KEEPER), 1_000e6, "paid out");
        assertEq(insurance.balance(), 49_000e18, "balance after");
    }

    function test_fundFloorFollowsOpenInterest() public {
        _long(WHALE, b0, 300_000e18);
        _nextBlock(12);
        _long(WHALE, b0, 300_000e18);
        uint256 oi = ch.openInterestNotional();
        uint256 floor = (oi * 20_000 + 1e6 - 1) / 1e6;
        assertTrue(floor > 10_000e18, "above the minimum");
        assertEq(insurance.reserveFloor(), floor, "2% of open interest");
        assertEq(insurance.withdrawableSurplus(), (insurance.balance() - floor) / SCALE, "surplus");
    }

    // ------------------------------------------------------------------ viewer

    function test_viewerMarketsAndPositions() public {
        (uint256 size,) = _long(ALICE, b0, 20_000e18);
        (uint256 shortSize,) = _short(ALICE, b1, 5_000e18);
        IViewer.MarketView[] memory mv = viewer.markets();
        assertEq(mv.length, 2, "markets");
        assertEq(mv[0].baseToken, b0, "token");
        assertEq(mv[0].markPrice, ch.getMarkPrice(b0), "mark");
        assertEq(mv[0].indexPrice, ch.getIndexPrice(b0), "index");
        assertTrue(mv[0].indexFresh, "fresh");
        assertEq(mv[0].valuationPrice, ch.getIndexPrice(b0), "valuation");
        (uint256 x, uint256 y) = ch.getReserves(b0);
        assertEq(mv[0].baseReserve, x, "x");
        assertEq(mv[0].quoteReserve, y, "y");
        assertEq(mv[0].longOpenInterest, size, "long oi");
        assertEq(mv[1].shortOpenInterest, shortSize, "short oi");
        assertEq(mv[1].lastFundingTime, ch.lastFundingTime(b1), "funding time");
        // stale: no index price, the valuation at the mark TWAP
        _nextBlock(3901);
        mv = viewer.markets();
        assertTrue(!mv[0].indexFresh, "stale");
        assertEq(mv[0].indexPrice, 0, "no index");
        assertEq(mv[0].valuationPrice, ch.getMarkTwap(b0, 900), "mark TWAP");

        (address[] memory tokens, DataTypes.Position[] memory pos, int256[] memory pending) = viewer.positions(ALICE);
        assertEq(tokens.length, 2, "two markets");
        assertEq(tokens[0], b0, "b0");
        assertEq(tokens[1], b1, "b1");
        assertEq(int256(pos[0].size), int256(size), "long");
        assertEq(int256(pos[1].size), -int256(shortSize), "short");
        assertEq(pending[0], 0, "no funding yet");
    }

    function test_viewerScanAndLiquidatable() public {
        _long(ALICE, b0, 20_000e18);
        _long(BOB, b0, 50_000e18); // about 9x
        _setIndex(0, ch.getIndexPrice(b0) * 94 / 100);
        // 150 accounts: two chunks of the core's batch
        address[] memory who = new address[](150);
        for (uint256 i; i < 150; ++i) {
            who[i] = address(uint160(0xC000 + i));
        }
        (who[3], who[120]) = (ALICE, BOB);
        IViewer.AccountRisk[] memory r = viewer.scan(who);
        assertEq(r.length, 150, "one answer per account");
        (int256 bobValue,, uint256 bobMaintenance, bool bobLiq) = ch.getAccountState(BOB);
        assertTrue(bobLiq, "BOB liquidatable");
        assertEq(r[120].trader, BOB, "trader");
        assertEq(r[120].accountValue, bobValue, "value");
        assertEq(r[120].maintenanceRequirement, bobMaintenance, "maintenance");
        assertTrue(r[120].liquidatable, "flagged");
        assertEq(r[120].shortfall, uint256(int256(bobMaintenance) - bobValue), "shortfall");
        assertEq(r[120].largestMarket, b0, "market first");
        assertTrue(!r[3].liquidatable, "ALICE healthy");
        assertEq(r[3].shortfall, 0, "no shortfall");
        assertEq(r[0].largestMarket, address(0), "empty account");
        assertTrue(!r[0].liquidatable, "empty account not liquidatable");

        (address[] memory accounts, uint256[] memory shortfalls, address[] memory first) = viewer.liquidatable(who);
        assertEq(accounts.length, 1, "only BOB");
        assertEq(accounts[0], BOB, "BOB");
        assertEq(shortfalls[0], uint256(int256(bobMaintenance) - bobValue), "shortfall");
        assertEq(first[0], b0, "market");

        // a word that is not an address: the core's refusal comes back as is
        bytes memory data = abi.encodeWithSignature("scan(address[])", uint256(0x20), uint256(1), uint256(1) << 160);
        (bool ok, bytes memory ret) = address(viewer).staticcall(data);
        assertTrue(!ok, "refused");
        assertEq(ret.length, 0, "empty revert");
    }
}
