// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {vm, artifact} from "../utils/Vm.sol";
import {UnitBase} from "./UnitBase.sol";
import {IPriceOracle} from "../../../interfaces/IPriceOracle.sol";

interface ILP {
    struct DepthTarget {
        address baseToken;
        uint32 depthRatio;
    }

    event DepthTargetSet(address indexed baseToken, uint32 oldDepthRatio, uint32 depthRatio);
    event DepthSynced(address indexed baseToken, uint256 oldQuoteReserve, uint256 newQuoteReserve, int256 cost);
    event DepthSyncSkipped(address indexed baseToken, uint256 targetQuoteReserve, bytes reason);
    event PoolParamsChanged(
        uint32 oldMaxUtilisation, uint24 oldMinDepthChange, uint32 maxUtilisation, uint24 minDepthChange
    );
    event IncomeVestingPeriodSet(uint32 oldPeriod, uint32 period);

    function deposit(uint256 assets, address receiver) external returns (uint256);
    function mint(uint256 shares, address receiver) external returns (uint256);
    function withdraw(uint256 assets, address receiver, address owner) external returns (uint256);
    function redeem(uint256 shares, address receiver, address owner) external returns (uint256);
    function previewDeposit(uint256 assets) external view returns (uint256);
    function previewMint(uint256 shares) external view returns (uint256);
    function maxDeposit(address receiver) external view returns (uint256);
    function maxMint(address receiver) external view returns (uint256);
    function maxWithdraw(address owner) external view returns (uint256);
    function checkpoint() external;
    function lockedIncome() external view returns (uint256);
    function previewRedeem(uint256 shares) external view returns (uint256);
    function approve(address spender, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
    function totalAssets() external view returns (uint256);
    function previewWithdraw(uint256 assets) external view returns (uint256);
    function setIncomeVestingPeriod(uint32 period) external;
    function incomeVestingPeriod() external view returns (uint32);
    function setParams(uint32 maxUtilisation, uint24 minDepthChange) external;
    function maxUtilisation() external view returns (uint32);
    function minDepthChange() external view returns (uint24);
    function setDepthTarget(address baseToken, uint32 depthRatio) external;
    function getDepthTargets() external view returns (DepthTarget[] memory);
    function syncDepth() external;
    function utilisation() external view returns (uint256);
}

/// @notice The liquidity pool (an ERC-4626 vault over the core's ledger): input errors, its
///         bounded parameters, depth targets and syncs, utilisation, withdrawals by an approved
///         spender.
contract PoolTest is UnitBase {
    ILP internal lp;

    function setUp() public override {
        super.setUp();
        lp = ILP(address(pool));
    }

    function test_constructorRejectsZeroAddresses() public {
        bytes memory code =
            abi.encodePacked(vm.getCode(artifact("LiquidityPool")), abi.encode(address(0), address(ch), address(this)));
        vm.expectRevert(abi.encodeWithSignature("ZeroAddress()"));
        assembly {
            pop(create(0, add(code, 32), mload(code)))
        }
    }

    function test_zeroAmountsAndReceivers() public {
        bytes memory zero = abi.encodeWithSignature("ZeroAmount()");
        vm.expectRevert(zero);
        lp.deposit(0, address(this));
        vm.expectRevert(zero);
        lp.mint(0, address(this));
        vm.expectRevert(zero);
        lp.withdraw(0, address(this), address(this));
        vm.expectRevert(zero);
        lp.redeem(0, address(this), address(this));
        vm.expectRevert(abi.encodeWithSignature("ERC20InvalidReceiver(address)", address(0)));
        lp.deposit(1e6, address(0));
        vm.expectRevert(abi.encodeWithSignature("ERC20InvalidReceiver(address)", address(0)));
        lp.withdraw(1e6, address(0), address(this));
        // conversions are bounded
        vm.expectRevert(abi.encodeWithSignature("AmountTooLarge(uint256,uint256)", 1e18 + 1, 1e18));
        lp.previewDeposit(1e18 + 1);
        vm.expectRevert(abi.encodeWithSignature("AmountTooLarge(uint256,uint256)", 2 ** 192 + 1, 2 ** 192));
        lp.previewRedeem(2 ** 192 + 1);
    }

    function test_incomeVestsAndLimits() public {
        assertEq(lp.maxDeposit(address(this)), 1e18 - POOL_SEED, "up to one trillion USDC");
        assertEq(lp.maxMint(address(this)), lp.previewDeposit(1e18 - POOL_SEED), "the shares that buys");
        assertEq(lp.maxWithdraw(address(this)), lp.previewRedeem(lp.balanceOf(address(this))), "no open interest: all");
        _deposit(ALICE, 20_000e6);
        _long(ALICE, b0, 100_000e18);
        uint256 income = ch.poolFeeIncome();
        assertEq(income, 80e18, "the pool's 80% of the 0.1% fee");
        assertEq(lp.lockedIncome(), income, "new income is locked");
        uint256 assets = lp.totalAssets();
        lp.checkpoint();
        assertEq(lp.totalAssets(), assets, "a checkpoint never changes totalAssets");
        _nextBlock(12 hours); // half of the one-day vesting period
        assertEq(lp.lockedIncome(), income / 2, "half vested");
        assertEq(lp.totalAssets(), assets + income / 2 / SCALE, "vested income counts");
        // mint: exact shares for the assets previewMint asks
        usdc.mint(address(this), 2_000e6);
        uint256 cost = lp.previewMint(1_000e18);
        uint256 before = lp.balanceOf(address(this));
        assertEq(lp.mint(1_000e18, address(this)), cost, "assets paid");
        assertEq(lp.balanceOf(address(this)), before + 1_000e18, "shares minted");
    }

    function test_emptyPool() public {
        lp.setDepthTarget(b0, 40_000_000);
        lp.redeem(lp.balanceOf(address(this)), address(this), address(this)); // no open interest: all of it
        assertEq(lp.totalAssets(), 0, "empty");
        assertEq(lp.utilisation(), type(uint256).max, "utilisation of an empty pool");
        (uint256 x,) = ch.getReserves(b0);
        lp.syncDepth(); // nothing to size the curves by
        (uint256 x2,) = ch.getReserves(b0);
        assertEq(x2, x, "untouched");
    }

    function test_atMost16DepthTargets() public {
        IPriceOracle.Feed memory f = oracle.getFeed(b0);
        lp.setDepthTarget(b0, 1_000_000);
        lp.setDepthTarget(b1, 1_000_000);
        for (uint256 i; i < 15; ++i) {
            address token = address(uint160(0x200000 + i));
            oracle.setFeed(token, f);
            ch.addMarket(token, 1e21, 2e24, _params());
            if (i < 14) lp.setDepthTarget(token, 1_000_000);
        }
        assertEq(lp.getDepthTargets().length, 16, "16 targets");
        vm.expectRevert(abi.encodeWithSignature("TooManyDepthTargets(uint256)", 16));
        lp.setDepthTarget(address(uint160(0x200000 + 14)), 1_000_000);
    }

    function test_parameterBounds() public {
        vm.expectRevert(abi.encodeWithSignature("ParamOutOfBounds(uint256,uint256,uint256)", 3599, 3600, 7 days));
        lp.setIncomeVestingPeriod(3599);
        vm.expectRevert(abi.encodeWithSignature("ParamOutOfBounds(uint256,uint256,uint256)", 7 days + 1, 3600, 7 days));
        lp.setIncomeVestingPeriod(7 days + 1);
        vm.expectEmit(address(lp));
        emit ILP.IncomeVestingPeriodSet(1 days, 2 days);
        lp.setIncomeVestingPeriod(2 days);
        assertEq(uint256(lp.incomeVestingPeriod()), 2 days, "vesting period");

        bytes4 sel = bytes4(keccak256("ParamOutOfBounds(uint256,uint256,uint256)"));
        vm.expectRevert(abi.encodeWithSelector(sel, 99_999, 100_000, 100_000_000));
        lp.setParams(99_999, 0);
        vm.expectRevert(abi.encodeWithSelector(sel, 100_000_001, 100_000, 100_000_000));
        lp.setParams(100_000_001, 0);
        vm.expectRevert(abi.encodeWithSelector(sel, 500_001, 0, 500_000));
        lp.setParams(1_000_000, 500_001);
        vm.expectEmit(address(lp));
        emit ILP.PoolParamsChanged(5_000_000, 10_000, 2_000_000, 20_000);
        lp.setParams(2_000_000, 20_000);
        assertEq(uint256(lp.maxUtilisation()), 2_000_000, "max utilisation");
        assertEq(uint256(lp.minDepthChange()), 20_000, "min depth change");
        vm.prank(STRANGER);
        vm.expectRevert(abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", STRANGER));
        lp.setParams(2_000_000, 20_000);
    }

    function test_depthTargetsAndSync() public {
        vm.expectRevert(abi.encodeWithSignature("UnknownMarket(address)", STRANGER));
        lp.setDepthTarget(STRANGER, 1_000_000);
        vm.expectRevert(
            abi.encodeWithSignature(
                "DepthRatioOutOfBounds(address,uint256,uint256,uint256)", b0, 999_999, 1_000_000, 1_000_000_000
            )
        );
        lp.setDepthTarget(b0, 999_999);
        lp.setDepthTarget(b0, 20_000_000);
        vm.expectEmit(address(lp));
        emit ILP.DepthTargetSet(b0, 20_000_000, 40_000_000);
        lp.setDepthTarget(b0, 40_000_000); // updates the entry
        lp.setDepthTarget(b1, 0); // listed, off
        ILP.DepthTarget[] memory t = lp.getDepthTargets();
        assertEq(t.length, 2, "two targets");
        assertEq(uint256(t[0].depthRatio), 40_000_000, "updated in place");

        // no net position: the sync to 40x the pool's value is free
        (uint256 x, uint256 y) = ch.getReserves(b0);
        uint256 targetY = lp.totalAssets() * SCALE * 40;
        uint256 newX = Math.mulDiv(x, targetY, y);
        uint256 newY = Math.mulDiv(newX, y, x, Math.Rounding.Ceil);
        vm.expectEmit(address(lp));
        emit ILP.DepthSynced(b0, y, newY, 0);
        lp.syncDepth();
        (uint256 x2, uint256 y2) = ch.getReserves(b0);
        assertEq(x2, newX, "base reserve");
        assertEq(y2, newY, "quote reserve");
        // on target (within the 1% tolerance): nothing to do
        vm.recordLogs();
        lp.syncDepth();
        assertEq(vm.getRecordedLogs().length, 0, "no sync, no event");
        (x2,) = ch.getReserves(b0);
        assertEq(x2, newX, "unchanged");
        (uint256 x1,) = ch.getReserves(b1);
        assertEq(x1, 30_000_000e18 * ONE / _pathPrice(1, 0), "market with target 0 untouched");

        // with a net position open, the sync is skipped
        _deposit(ALICE, 10_000e6);
        (uint256 size,) = _long(ALICE, b0, 10_000e18);
        lp.setDepthTarget(b0, 20_000_000);
        vm.expectEmit(address(lp));
        emit ILP.DepthSyncSkipped(
            b0, lp.totalAssets() * SCALE * 20, abi.encodeWithSignature("NetPositionOpen(address,int256)", b0, int256(size))
        );
        lp.syncDepth();
    }

    function test_utilisationAndWithdrawalsBySpender() public {
        _deposit(ALICE, 100_000e6);
        _long(ALICE, b0, 200_000e18);
        uint256 value = lp.totalAssets() * SCALE;
        assertEq(lp.utilisation(), Math.mulDiv(ch.openInterestNotional(), 1e6, value, Math.Rounding.Ceil), "utilisation");

        // a spender withdraws for the owner with an allowance
        uint256 shares = lp.previewWithdraw(1_000e6);
        lp.approve(BOB, shares);
        vm.prank(BOB);
        lp.withdraw(1_000e6, BOB, address(this));
        assertEq(usdc.balanceOf(BOB), 1_000e6, "paid to the receiver");
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSignature("ERC20InsufficientAllowance(address,uint256,uint256)", BOB, 0, shares));
        lp.withdraw(1_000e6, BOB, address(this));

        // utilisation cap: 0.1x of the pool's value
        lp.setParams(100_000, 10_000);
        uint256 oi = ch.openInterestNotional();
        uint256 after_ = (lp.totalAssets() - 1_000e6) * SCALE;
        vm.expectRevert(abi.encodeWithSelector(IPoolErrors.UtilisationTooHigh.selector, oi, after_, 100_000));
        lp.withdraw(1_000e6, address(this), address(this));
    }
}

interface IPoolErrors {
    error UtilisationTooHigh(uint256 openInterestNotional, uint256 poolValueAfter, uint256 maxUtilisation);
}
