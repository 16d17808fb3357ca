// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../interfaces/IClearingHouseEvents.sol";
import {IPriceOracle} from "../../interfaces/IPriceOracle.sol";
import {CoreStorage} from "../core/CoreStorage.sol";
import {DataTypes} from "../core/DataTypes.sol";
import {Ledger} from "../libraries/Ledger.sol";
import {PerpMath} from "../libraries/PerpMath.sol";
import {Twap} from "../libraries/Twap.sol";
import {VirtualAMM} from "../libraries/VirtualAMM.sol";
import {LogicBase} from "./LogicBase.sol";

/// @title ConfigLogic
/// @notice Markets, bounded parameters (PROTOCOL.md section 4), pauses, system accounts, and the
///         governance curve changes (k adjustment, repeg) with their exact cost to the pool.
///         Delegatecalled by the core, which checks the caller's role first.
contract ConfigLogic is LogicBase {
    using Twap for Twap.State;
    using PerpMath for uint256;

    /// @dev A maintenance-ratio raise takes effect at most once a day, and at most up to the
    ///      initial ratio in force.
    uint256 internal constant MM_RAISE_INTERVAL = 1 days;
    /// @dev Governance curve changes that cost the pool: at most 1% of the pool's balance each,
    ///      one per market per hour.
    uint256 internal constant MAX_CURVE_COST_RATIO = 10_000;
    uint256 internal constant CURVE_CHANGE_INTERVAL = 1 hours;

    constructor(IPriceOracle oracle_) LogicBase(oracle_) {}

    /// @notice The ledger side of IClearingHouseActions.withdrawSystem (the core sends the USDC after).
    function withdrawSystem(address to, uint256 amountUsdc) external onlyDelegateCall {
        CoreStorage.Layout storage s = CoreStorage.layout();
        if (msg.sender != s.insuranceFund && msg.sender != s.liquidityPool) revert E.OnlySystemAccount(msg.sender);
        if (to == address(0)) revert E.ZeroAddress();
        uint256 amount = Ledger.checkedAmount(amountUsdc);
        Ledger.add(s, msg.sender, -int256(amount));
        emit Ev.Withdrawn(msg.sender, to, amount);
    }

    /// @notice The ledger side of IClearingHouseActions.repayDeficit (the core takes the USDC after).
    function repayDeficit(uint256 amountUsdc) external onlyDelegateCall {
        uint256 amount = Ledger.checkedAmount(amountUsdc);
        CoreStorage.Layout storage s = CoreStorage.layout();
        uint256 total = s.protocolDeficit;
        if (amount > total) revert E.AmountTooLarge(amount, total);
        total -= amount;
        s.protocolDeficit = total;
        emit Ev.DeficitRepaid(msg.sender, amount, total);
    }

    /// @notice Wires the insurance fund and the liquidity pool (their balances live in the core), once.
    function setSystemAccounts(address insuranceFund, address liquidityPool) external onlyDelegateCall {
        CoreStorage.Layout storage s = CoreStorage.layout();
        if (s.insuranceFund != address(0)) revert E.AlreadyInitialized();
        if (insuranceFund == address(0) || liquidityPool == address(0)) revert E.ZeroAddress();
        if (insuranceFund == liquidityPool) revert E.SystemAccountsEqual(insuranceFund);
        s.insuranceFund = insuranceFund;
        s.liquidityPool = liquidityPool;
        // their collateral lives in insuranceBalance and poolBalance (Ledger.SYSTEM_ACCOUNT)
        _markSystem(s, insuranceFund);
        _markSystem(s, liquidityPool);
        emit Ev.SystemAccountsSet(insuranceFund, liquidityPool);
    }

    /// @dev Flags `account`'s balance word as a system account's; it must be unused.
    function _markSystem(CoreStorage.Layout storage s, address account) private {
        DataTypes.Balance storage b = s.balances[account];
        if (b.shares != 0 || b.debt != 0 || b.markets != 0) revert E.SystemAccountInUse(account);
        b.markets = Ledger.SYSTEM_ACCOUNT;
    }

    /// @notice Lists a market: its curve, parameters and caps. The oracle feed must be set.
    function addMarket(address baseToken, uint256 baseReserve, uint256 quoteReserve, DataTypes.MarketParams calldata p)
        external
        onlyDelegateCall
    {
        CoreStorage.Layout storage s = CoreStorage.layout();
        if (baseToken == address(0) || s.liquidityPool == address(0)) revert E.ZeroAddress();
        if (s.markets[baseToken].listed) revert E.MarketExists(baseToken);
        uint256 id = s.marketList.length;
        if (id >= 254) revert E.TooManyTotalMarkets(id); // below 254: bit 255 of accountMarkets is a flag, 254 spare
        oracle.getIndexPrice(baseToken); // reverts for an unknown feed
        VirtualAMM.init(s.curves[baseToken], s.markTwaps[baseToken], baseReserve, quoteReserve);
        s.marketList.push(baseToken);
        s.markets[baseToken].id = uint8(id);
        s.markets[baseToken].listed = true;
        _setParams(s, baseToken, p);
        s.funding[baseToken].lastTime = uint64(block.timestamp);
        (,, uint256 indexCum) = oracle.observeCumulative(baseToken); // committed, never revised
        uint256 markCum = s.markTwaps[baseToken].cumulativeNow(VirtualAMM.price(baseReserve, quoteReserve));
        s.fundingAnchors[baseToken] = DataTypes.FundingAnchor(uint128(markCum), uint128(indexCum));
        emit Ev.MarketAdded(baseToken, uint8(id), baseReserve, quoteReserve);
    }

    /// @notice Changes a market's parameters within section 4's bounds. A maintenance-ratio
    ///         raise goes at most up to the initial ratio in force and at most once a day.
    function setMarketParams(address baseToken, DataTypes.MarketParams calldata p) external onlyDelegateCall {
        CoreStorage.Layout storage s = CoreStorage.layout();
        DataTypes.Market memory m = _requireMarket(s, baseToken);
        _setParams(s, baseToken, p);
        if (p.mmRatio > m.mmRatio) {
            uint256 next = uint256(m.mmRaisedAt) + MM_RAISE_INTERVAL;
            if (p.mmRatio > m.imRatio || block.timestamp < next) {
                revert E.MarginRaiseTooFast(baseToken, m.mmRatio, p.mmRatio, m.imRatio, next);
            }
            s.markets[baseToken].mmRaisedAt = uint32(block.timestamp);
        }
    }

    /// @notice Changes the global thresholds.
    function setGlobalParams(uint128 minPositionNotional, uint128 fullLiquidationThreshold, uint24 liquidatorShare)
        external
        onlyDelegateCall
    {
        _bound(liquidatorShare, 0, RATIO_ONE);
        _bound(minPositionNotional, 1e18, 1_000e18);
        _bound(fullLiquidationThreshold, 0, 100_000e18);
        CoreStorage.Layout storage s = CoreStorage.layout();
        emit Ev.GlobalParamsChanged(
            s.minPositionNotional,
            s.fullLiquidationThreshold,
            s.liquidatorShare,
            minPositionNotional,
            fullLiquidationThreshold,
            liquidatorShare
        );
        s.minPositionNotional = minPositionNotional;
        s.fullLiquidationThreshold = uint96(fullLiquidationThreshold); // bounded above
        s.liquidatorShare = liquidatorShare;
    }

    /// @notice Sets the guardian (who may only pause opening); the owner revokes a guardian by
    ///         setting another one, e.g. itself.
    function setGuardian(address guardian) external onlyDelegateCall {
        if (guardian == address(0)) revert E.ZeroAddress();
        CoreStorage.Layout storage s = CoreStorage.layout();
        emit Ev.GuardianChanged(s.guardian, guardian);
        s.guardian = guardian;
    }

    /// @notice Pauses or resumes opening and increasing in one market (address(0): all markets).
    ///         The guardian may only pause; the owner (the timelock) may pause and resume.
    ///         Closing, reducing, withdrawing free collateral and liquidating are never paused.
    /// @param byOwner the core's caller is the owner
    function setPaused(address baseToken, bool paused, bool byOwner) external onlyDelegateCall {
        CoreStorage.Layout storage s = CoreStorage.layout();
        if (!byOwner) {
            if (msg.sender != s.guardian) revert E.OnlyGuardian(msg.sender);
            if (!paused) revert E.GuardianCannotResume(msg.sender);
        }
        bool wasPaused;
        if (baseToken == address(0)) {
            wasPaused = s.globalPaused;
            s.globalPaused = paused;
        } else {
            _requireMarket(s, baseToken);
            wasPaused = s.markets[baseToken].paused;
            s.markets[baseToken].paused = paused;
        }
        emit Ev.PauseChanged(baseToken, wasPaused, paused);
    }

    /// @notice Changes a market's k keeping the mark; the exact change in the traders' net
    ///         position value is charged to (or credited to) the liquidity pool. `byOwner`: k
    ///         scaled by at most 2x either way (the pool's depth syncs pass maxCost 0 instead).
    function adjustK(address baseToken, uint256 newBaseReserve, uint256 maxCost, bool byOwner)
        external
        onlyDelegateCall
        returns (int256 cost)
    {
        CoreStorage.Layout storage s = CoreStorage.layout();
        _requireMarket(s, baseToken);
        DataTypes.Curve memory c = s.curves[baseToken];
        if (byOwner && (newBaseReserve < c.baseReserve / 2 || newBaseReserve > uint256(c.baseReserve) * 2)) {
            revert E.KChangeTooLarge(baseToken, c.baseReserve, newBaseReserve);
        }
        if (newBaseReserve == 0 || newBaseReserve > VirtualAMM.MAX_RESERVE) {
            revert E.ValueOutOfRange(newBaseReserve, 1, VirtualAMM.MAX_RESERVE);
        }
        // every short must stay closable: buying back all short base needs a larger reserve
        // (found by the forge campaign: after two halvings a short's close met InsufficientLiquidity)
        uint256 shortOi = s.openInterest[baseToken].short;
        if (newBaseReserve <= shortOi) revert E.KBelowOpenInterest(baseToken, newBaseReserve, shortOi);
        // the mark is unchanged up to one wei of quote reserve (rounded so it never drops)
        uint256 newQuote = Math.mulDiv(newBaseReserve, c.quoteReserve, c.baseReserve, Math.Rounding.Ceil);
        cost = VirtualAMM.migrate(s.curves[baseToken], s.markTwaps[baseToken], newBaseReserve, newQuote);
        emit Ev.KAdjusted(baseToken, c.baseReserve, c.quoteReserve, newBaseReserve, newQuote, cost);
        _chargeCurveCost(s, baseToken, cost, maxCost, false);
    }

    /// @notice Moves a market's curve price to the (fresh) index price, keeping its base
    ///         reserve; the exact cost is charged to the liquidity pool.
    function repeg(address baseToken, uint256 maxCost) external onlyDelegateCall returns (int256 cost) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        _requireMarket(s, baseToken);
        (uint256 index, IPriceOracle.Source source) = oracle.observe(baseToken);
        if (source == IPriceOracle.Source.Stale) revert E.IndexStale(baseToken);
        DataTypes.Curve memory c = s.curves[baseToken];
        uint256 oldPrice = VirtualAMM.price(c.baseReserve, c.quoteReserve);
        uint256 newQuote = PerpMath.mulDown(c.baseReserve, index);
        cost = VirtualAMM.migrate(s.curves[baseToken], s.markTwaps[baseToken], c.baseReserve, newQuote);
        emit Ev.Repegged(baseToken, oldPrice, index, c.baseReserve, newQuote, cost);
        _chargeCurveCost(s, baseToken, cost, maxCost, true);
    }

    /// @dev A change of the traders' net exit value, either way, is refused over min(maxCost, 1%
    ///      of the pool's balance) and more often than once per market per CURVE_CHANGE_INTERVAL.
    ///      A gain is bounded as a cost is: it is booked to the pool from the traders' paper
    ///      value on the curve, and LPs could withdraw it in USDC before any trader pays it
    ///      (found by the forge campaign: repeated halvings of k against a net position booked
    ///      the pool 27x the USDC the core held).
    function _chargeCurveCost(CoreStorage.Layout storage s, address baseToken, int256 cost, uint256 maxCost, bool isRepeg)
        internal
    {
        if (cost != 0) {
            uint256 budget = Math.min(maxCost, uint256(s.poolBalance).mulRatioDown(MAX_CURVE_COST_RATIO));
            if (PerpMath.abs(cost) > budget) revert E.KCostExceedsBudget(baseToken, cost, budget);
            uint256 next = s.lastCurveChange[baseToken] + CURVE_CHANGE_INTERVAL;
            if (block.timestamp < next) revert E.CurveChangeTooSoon(baseToken, next);
            s.lastCurveChange[baseToken] = block.timestamp;
        }
        if (cost != 0) {
            Ledger.addSystem(s, s.liquidityPool, -cost);
            emit Ev.PnlSettled(s.liquidityPool, -cost);
        }
        emit Ev.CurveMigrated(baseToken, cost, isRepeg);
    }

    function _setParams(CoreStorage.Layout storage s, address baseToken, DataTypes.MarketParams calldata p) internal {
        DataTypes.Market memory o = s.markets[baseToken];
        DataTypes.OpenInterestCap memory oc = s.oiCaps[baseToken];
        DataTypes.MarketParams memory old = DataTypes.MarketParams(
            o.imRatio,
            o.mmRatio,
            o.feeRatio,
            o.insuranceFeeShare,
            o.liquidationPenaltyRatio,
            o.maxPriceMoveRatio,
            o.maxSpreadRatio,
            o.fundingInterval,
            oc.long,
            oc.short
        );
        _bound(p.imRatio, 10_000, 500_000);
        _bound(p.mmRatio, 5_000, p.imRatio);
        _bound(p.feeRatio, 0, 10_000);
        _bound(p.insuranceFeeShare, 100_000, RATIO_ONE);
        _bound(p.liquidationPenaltyRatio, 0, 100_000);
        _bound(p.maxPriceMoveRatio, 1_000, 500_000);
        _bound(p.maxSpreadRatio, 1_000, 500_000);
        _bound(p.fundingInterval, 1 minutes, 8 hours);
        DataTypes.Market storage m = s.markets[baseToken];
        m.imRatio = p.imRatio;
        m.mmRatio = p.mmRatio;
        m.feeRatio = p.feeRatio;
        m.insuranceFeeShare = p.insuranceFeeShare;
        m.liquidationPenaltyRatio = p.liquidationPenaltyRatio;
        m.maxPriceMoveRatio = p.maxPriceMoveRatio;
        m.maxSpreadRatio = p.maxSpreadRatio;
        m.fundingInterval = p.fundingInterval;
        s.oiCaps[baseToken] = DataTypes.OpenInterestCap(p.maxLongOpenInterest, p.maxShortOpenInterest);
        emit Ev.MarketParamsChanged(baseToken, old, p);
    }

    function _requireMarket(CoreStorage.Layout storage s, address baseToken)
        internal
        view
        returns (DataTypes.Market memory m)
    {
        m = s.markets[baseToken];
        if (!m.listed) revert E.UnknownMarket(baseToken);
    }

    function _bound(uint256 value, uint256 lo, uint256 hi) internal pure {
        if (value < lo || value > hi) revert E.ParamOutOfBounds(value, lo, hi);
    }
}
