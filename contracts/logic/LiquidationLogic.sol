// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../interfaces/IClearingHouseEvents.sol";
import {IPriceOracle} from "../../interfaces/IPriceOracle.sol";
import {CoreStorage} from "../core/CoreStorage.sol";
import {DataTypes} from "../core/DataTypes.sol";
import {AccountBalance} from "../libraries/AccountBalance.sol";
import {CurveMath} from "../libraries/CurveMath.sol";
import {Ledger} from "../libraries/Ledger.sol";
import {Margin} from "../libraries/Margin.sol";
import {PerpMath} from "../libraries/PerpMath.sol";
import {Trading} from "../libraries/Trading.sol";
import {VirtualAMM} from "../libraries/VirtualAMM.sol";
import {LogicBase} from "./LogicBase.sol";

/// @title LiquidationLogic
/// @notice Liquidation (PROTOCOL.md sections 5 and 9): sizing, the bankruptcy cap, the penalty
///         and bad debt. Delegatecalled by the core's `liquidate`.
contract LiquidationLogic is LogicBase {
    using PerpMath for uint256;

    /// @dev One liquidation call: its plan and running totals.
    struct Liquidation {
        address trader;
        address baseToken;
        uint256 price; // valuation price
        uint256 anchor; // anchor price (solvency guards)
        uint256 planned; // size section 9 asks for
        uint256 absSize;
        int256 value; // account value at the anchor prices before
        bool isLong;
        bool capped; // stopped at the bankruptcy size
        uint256 base;
        uint256 quote;
        uint256 penalty;
        DataTypes.PriceCache cache;
    }

    constructor(IPriceOracle oracle_) LogicBase(oracle_) {}

    /// @notice Liquidates the smallest fraction of `trader`'s position in `baseToken` that brings
    ///         the account back above maintenance (or all of it), closing no further than its
    ///         bankruptcy size at the anchor price while it is solvent; `bound` bounds the
    ///         closing swap (min quote out for a long, max quote in for a short; 0: none).
    ///         Waits (LiquidationWaitsForSequencer) while the L2 sequencer is down or within the
    ///         grace period after its restart.
    /// @return base base closed
    /// @return quote quote exchanged for it
    function liquidate(address trader, address baseToken, uint256 bound)
        external
        onlyDelegateCall
        returns (uint256, uint256)
    {
        CoreStorage.Layout storage s = CoreStorage.layout();
        DataTypes.Market memory m = s.markets[baseToken];
        if (!m.listed) revert E.UnknownMarket(baseToken);
        // L2 sequencer down or in its grace period after a restart: liquidations wait
        // (IClearingHouseErrors.LiquidationWaitsForSequencer; the oracle's rule, PROTOCOL.md section 5)
        oracle.requireSequencerUp(true);
        Liquidation memory l = _plan(s, trader, baseToken, m);
        uint256 closeSize = _capAtBankruptcy(s, m, l, l.absSize, l.planned, l.value);
        if (closeSize == 0) revert E.LiquidationBeyondBankruptcy(trader, baseToken, l.value);
        l.capped = closeSize < l.planned;
        int256 newSize = _close(s, m, l, closeSize, bound);
        if (newSize != 0 && !l.capped) {
            // the estimate fell short: close the rest in the same call (invariant 3)
            DataTypes.AccountState memory st = _state(s, l);
            if (st.accountValue < int256(st.maintenanceRequirement)) {
                uint256 rest = PerpMath.abs(newSize);
                closeSize = _capAtBankruptcy(s, m, l, rest, rest, st.anchoredValue);
                l.capped = closeSize < rest;
                if (closeSize != 0) _close(s, m, l, closeSize, 0);
            }
        }
        if (l.capped) emit Ev.LiquidationCapped(trader, baseToken, l.planned, l.base, l.value);
        emit Ev.PositionLiquidated(trader, baseToken, l.base, l.quote, l.penalty, msg.sender);
        if (AccountBalance.marketBits(s, trader) == 0) _settleBadDebt(s, trader);
        return (l.base, l.quote);
    }

    /// @dev One closing swap of a liquidation and its penalty, added to `l`.
    function _close(CoreStorage.Layout storage s, DataTypes.Market memory m, Liquidation memory l, uint256 size, uint256 bound)
        internal
        returns (int256)
    {
        DataTypes.TradeResult memory r = Trading.trade(
            s, DataTypes.TradeParams(l.trader, l.baseToken, l.isLong, l.isLong, size, bound, true), m
        );
        l.base += r.base;
        l.quote += r.quote;
        l.penalty += _chargePenalty(s, m, r.quote, l);
        return r.newSize;
    }

    /// @dev Checks that the account is liquidatable; plans how much of the position to close.
    function _plan(CoreStorage.Layout storage s, address trader, address baseToken, DataTypes.Market memory m)
        internal
        returns (Liquidation memory l)
    {
        int256 size = s.positions[trader][baseToken].size;
        if (size == 0) revert E.NoPosition(trader, baseToken);
        l.trader = trader;
        l.baseToken = baseToken;
        IPriceOracle.Source source;
        (l.price, l.anchor, source) = oracle.getPrices(baseToken);
        if (source == IPriceOracle.Source.Stale) {
            l.price = l.anchor =
                VirtualAMM.markTwap(s.curves[baseToken], s.markTwaps[baseToken], VirtualAMM.MARK_TWAP_WINDOW);
        }
        l.cache = Margin.newCacheFor(s, trader, baseToken, m, l.price, l.anchor);
        DataTypes.AccountState memory st = _state(s, l);
        if (st.accountValue >= int256(st.maintenanceRequirement)) {
            revert E.NotLiquidatable(trader, st.accountValue, st.maintenanceRequirement);
        }
        l.planned = _size(s, baseToken, m, size, l.price, st);
        l.isLong = size > 0;
        l.absSize = PerpMath.abs(size);
        l.value = st.anchoredValue;
    }

    function _state(CoreStorage.Layout storage s, Liquidation memory l)
        internal
        view
        returns (DataTypes.AccountState memory)
    {
        uint8 id = s.markets[l.baseToken].id;
        Margin.setPrices(l.cache, id, l.price, l.anchor);
        return Margin.accountState(s, oracle, l.trader, Ledger.traderBalance(s, l.trader), l.cache);
    }

    /// @dev `want` limited to the bankruptcy size at the anchor price, keeping any remainder at
    ///      or above the minimum position; 0 when nothing can be closed.
    function _capAtBankruptcy(
        CoreStorage.Layout storage s,
        DataTypes.Market memory m,
        Liquidation memory l,
        uint256 absSize,
        uint256 want,
        int256 value
    ) internal view returns (uint256) {
        // under water already (a market move: with Chainlink fixed no trade or capped
        // liquidation gets an account here): close as planned, the bad debt is the market's
        if (value < 0) return want;
        // solvent: the close (curve price and fee) may take at most the account's value; the
        // penalty then takes at most what is left (_chargePenalty)
        DataTypes.Curve memory c = s.curves[l.baseToken];
        if (uint256(value) > type(uint128).max) return want;
        uint256 cap = CurveMath.bankruptcySize(c.baseReserve, c.quoteReserve, l.isLong, l.anchor, uint256(value), m.feeRatio);
        if (cap >= want) return want;
        uint256 minSize = Math.mulDiv(s.minPositionNotional, 1e18, l.price, Math.Rounding.Ceil) + 1;
        if (absSize <= minSize) return 0;
        uint256 maxClose = absSize - minSize;
        return cap < maxClose ? cap : maxClose;
    }

    /// @dev PROTOCOL.md section 9: f = (M - A) / (n * (m - lambda - sigma)), rounded up; the whole
    ///      position when it is small, when A < M/2, when m <= lambda + sigma or f >= 1.
    function _size(
        CoreStorage.Layout storage s,
        address baseToken,
        DataTypes.Market memory m,
        int256 size,
        uint256 price,
        DataTypes.AccountState memory st
    ) internal view returns (uint256) {
        uint256 absSize = PerpMath.abs(size);
        uint256 notional = absSize.mulUp(price);
        if (notional < s.fullLiquidationThreshold || st.accountValue * 2 < int256(st.maintenanceRequirement)) {
            return absSize;
        }
        int256 cost = VirtualAMM.closingCost(
            s.curves[baseToken], size, notional, uint256(m.liquidationPenaltyRatio) + m.feeRatio
        );
        if (int256(uint256(m.mmRatio)) <= cost) return absSize;
        // fraction of the position, 1e18 = all
        uint256 f = Math.mulDiv(
            uint256(int256(st.maintenanceRequirement) - st.accountValue),
            1e18 * RATIO_ONE,
            notional * uint256(int256(uint256(m.mmRatio)) - cost),
            Math.Rounding.Ceil
        );
        if (f >= 1e18) return absSize;
        uint256 closeSize = absSize.mulUp(f);
        if ((absSize - closeSize).mulDown(price) < s.minPositionNotional) return absSize;
        return closeSize;
    }

    /// @dev Penalty on the liquidated notional. When the account cannot pay all of it after the
    ///      close, all of what it pays goes to the liquidator (the fund's half would only come
    ///      back out of the fund); an account solvent before the liquidation (at the anchor
    ///      prices) pays at most what it still has, so its liquidation never makes bad debt.
    function _chargePenalty(CoreStorage.Layout storage s, DataTypes.Market memory m, uint256 notional, Liquidation memory l)
        internal
        returns (uint256 penalty)
    {
        penalty = notional.mulRatioUp(m.liquidationPenaltyRatio);
        DataTypes.AccountState memory st = _state(s, l);
        int256 value = l.value >= 0 ? st.anchoredValue : st.accountValue;
        uint256 toLiquidator = penalty.mulRatioDown(s.liquidatorShare);
        if (value < int256(penalty)) {
            if (l.value >= 0) penalty = value > 0 ? uint256(value) : 0;
            toLiquidator = penalty;
        }
        if (penalty == 0) return 0;
        Ledger.transfer(s, l.trader, msg.sender, toLiquidator);
        if (penalty > toLiquidator) Ledger.transfer(s, l.trader, s.insuranceFund, penalty - toLiquidator);
    }

    /// @dev An account with no positions and negative collateral: the insurance fund covers
    ///      what it can, the rest is socialised over all collateral (never silent).
    function _settleBadDebt(CoreStorage.Layout storage s, address trader) internal {
        int256 balance = Ledger.traderBalance(s, trader);
        if (balance >= 0) return;
        uint256 debt = uint256(-balance);
        address fund = s.insuranceFund;
        uint256 fundBalance = s.insuranceBalance;
        uint256 covered = Math.min(debt, fundBalance);
        if (covered != 0) Ledger.transfer(s, fund, trader, covered);
        (uint256 socialized, uint256 deficit) = covered < debt ? Ledger.socializeLoss(s, trader) : (0, 0);
        emit Ev.BadDebtCovered(trader, debt, covered, socialized, deficit);
    }
}
