// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient as ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../interfaces/IClearingHouseEvents.sol";
import {IPriceOracle} from "../../interfaces/IPriceOracle.sol";
import {CoreStorage} from "../core/CoreStorage.sol";
import {DataTypes} from "../core/DataTypes.sol";
import {AccountBalance} from "../libraries/AccountBalance.sol";
import {CurveMath} from "../libraries/CurveMath.sol";
import {Ledger} from "../libraries/Ledger.sol";
import {Margin} from "../libraries/Margin.sol";
import {Netting} from "../libraries/Netting.sol";
import {PerpMath} from "../libraries/PerpMath.sol";
import {VirtualAMM} from "../libraries/VirtualAMM.sol";
import {LogicBase} from "./LogicBase.sol";

/// @title NettingLogic
/// @notice The netting engine (PROTOCOL.md section 5, "Netting engine"), run in the core's
///         context through the core's fallback (INettingEngine). Orders queue per market; a batch
///         nets the long total L against the short total S at p0, the block-start mark of the
///         batch's first block (nobody can move it inside that block): the smaller side fills
///         at p0, the larger side shares min(L, S) at p0 and one AMM swap of the remainder,
///         pro rata. Orders whose side price is worse than their acceptable price drop out all
///         at once and the prices are recomputed until none fails; dropped orders rest (they stay
///         queued, a limit order). The net flow is capped by the fluctuation limit, the spread
///         band and the OI cap: beyond them the larger side fills pro rata only as far as they
///         allow and each order's unfilled rest stays queued. Every fill is booked as
///         Trading.book books a direct trade's (_book).
///
///         A batch runs in passes over its orders [head, end), at most `maxOrders` per call (a
///         cursor): collect (expired, margin-failing and reduce-only-with-nothing-to-reduce
///         orders are cancelled, reduce-only orders clipped), then check passes while an order
///         fails (each drops every failing order at once), then the swap and the fill pass.
///         Only totals and extremes are kept between passes, so every order's fill depends on
///         the set of orders, never on their order.
contract NettingLogic is LogicBase, ReentrancyGuard {
    using PerpMath for uint256;

    /// @dev Price margin kept inside the fluctuation and spread bounds, so that the swap's
    ///      rounding never crosses them (1e-9 of the bound).
    uint256 internal constant BOUND_MARGIN = 1e9;

    /// @dev What one executeBatch call carries besides the batch.
    struct Ctx {
        address baseToken;
        DataTypes.Market m;
        uint256 price; // valuation price
        uint256 executionFee;
        uint256 fees; // execution fees earned by the caller in this call
        uint256 minNotional;
        DataTypes.PriceCache cache;
        // a call's fills, booked once at its end (nothing in the fill pass reads them)
        uint256 tradeFees; // trading fees of the fills
        uint256 insuranceFees; // the insurance fund's shares of them
        uint256 burnt; // collateral shares the fills' debits burnt (Ledger.settleFill)
        uint256 index; // the collateral index (no batch step changes it)
    }

    constructor(IPriceOracle oracle_) LogicBase(oracle_) {}

    // ================================================================== entry point

    /// @notice See INettingEngine.executeBatch.
    function executeBatch(address baseToken, uint256 maxOrders)
        external
        onlyDelegateCall
        nonReentrant
        returns (bool done)
    {
        CoreStorage.Layout storage s = CoreStorage.layout();
        Ctx memory x;
        x.baseToken = baseToken;
        x.m = s.markets[baseToken];
        if (!x.m.listed) revert E.UnknownMarket(baseToken);
        if (maxOrders == 0) revert E.ZeroAmount();
        DataTypes.OrderQueue memory q = s.orderQueues[baseToken];
        DataTypes.Batch memory b;
        if (q.phase == Netting.IDLE) {
            if (q.head == q.tail) revert E.NoOrders(baseToken);
            uint256 closes = uint256(q.windowStart) + Netting.window(s);
            if (block.timestamp < closes) revert E.BatchWindowOpen(baseToken, closes);
            b.p0 = uint128(_blockStartMark(s.curves[baseToken]));
            b.end = q.tail;
            b.minLongAccept = type(uint128).max;
            q.phase = Netting.COLLECT;
            q.cursor = q.head;
        } else {
            b = s.batches[baseToken];
        }
        uint256 anchor;
        IPriceOracle.Source source;
        (x.price, anchor, source) = oracle.getPrices(baseToken);
        if (source == IPriceOracle.Source.Stale) revert E.IndexStale(baseToken);
        oracle.requireSequencerUp(false); // orders wait while the L2 sequencer rule holds trading
        if (x.m.paused || s.globalPaused) revert E.MarketPaused(baseToken);
        x.cache = Margin.newCache(s);
        Margin.setPrices(x.cache, x.m.id, x.price, anchor);
        x.executionFee = s.executionFee;
        x.minNotional = s.minPositionNotional;
        x.index = s.collateralIndex;

        for (uint256 budget = maxOrders; budget != 0; --budget) {
            uint256 id = q.cursor;
            if (q.phase == Netting.COLLECT) {
                _checkOne(s, x, b, id, true); // may load a market into x.cache: its memory stays
            } else {
                // a fill or check step keeps nothing it allocates: its memory is reused by the
                // next step, so that a call's memory (and its quadratic cost) does not grow with
                // the number of orders
                uint256 fmp;
                assembly ("memory-safe") {
                    fmp := mload(0x40)
                }
                if (q.phase == Netting.FILL) _fillOne(s, x, b, q, id);
                else _checkOne(s, x, b, id, false);
                assembly ("memory-safe") {
                    mstore(0x40, fmp)
                }
            }
            if (++q.cursor == b.end) {
                if (q.phase == Netting.FILL) {
                    emit Ev.BatchExecuted(
                        baseToken,
                        b.longTotal,
                        b.shortTotal,
                        b.p0,
                        b.bigIsLong ? int256(uint256(b.swapBase)) : -int256(uint256(b.swapBase)),
                        b.bigIsLong ? int256(uint256(b.swapQuote)) : -int256(uint256(b.swapQuote)),
                        b.fills
                    );
                    q.head = b.end;
                    q.phase = Netting.IDLE;
                    q.windowStart = uint40(block.timestamp);
                    done = true;
                    break;
                }
                q.phase = _endPass(s, x, b, anchor) ? Netting.FILL : Netting.CHECK;
                q.cursor = q.head;
                ++b.passes;
            }
        }
        s.orderQueues[baseToken] = q;
        // a batch that ends in this call is never stored (BatchExecuted carries its figures): only
        // a running batch's state outlives the call
        if (!done) s.batches[baseToken] = b;
        _bookTotals(s, x);
        if (x.fees != 0) Ledger.add(s, msg.sender, int256(x.fees));
    }

    /// @dev Books what a call's fills add up to: the trading fees' insurance and pool shares
    ///      (each fill's share rounded as a direct trade's) and the shares their debits burnt.
    function _bookTotals(CoreStorage.Layout storage s, Ctx memory x) internal {
        if (x.burnt != 0) s.totalShares -= SafeCast.toUint128(x.burnt);
        if (x.tradeFees == 0) return;
        s.insuranceBalance += SafeCast.toUint128(x.insuranceFees);
        s.poolBalance += SafeCast.toUint128(x.tradeFees - x.insuranceFees);
    }

    // ================================================================== passes

    /// @dev A collect or check pass over one order: cancels (collect only) or drops it, or adds
    ///      it to the pass's totals.
    function _checkOne(CoreStorage.Layout storage s, Ctx memory x, DataTypes.Batch memory b, uint256 id, bool collect)
        internal
    {
        DataTypes.Order storage os = s.orders[x.baseToken][id];
        DataTypes.Order memory o = os;
        if (o.status != Netting.QUEUED) return;
        if (collect) {
            uint8 reason = _collect(s, x, os, o);
            if (reason != type(uint8).max) {
                os.status = Netting.CANCELLED + reason; // finished (event, fee, release) by the fill pass
                return;
            }
        } else if (o.size > 0 ? o.acceptablePrice < b.longPrice : o.acceptablePrice > b.shortPrice) {
            os.status = Netting.DROPPED;
            b.dropped = true;
            return;
        }
        uint256 size = PerpMath.abs(o.size);
        if (o.size > 0) {
            b.longTotal += uint128(size);
            if (o.acceptablePrice < b.minLongAccept) b.minLongAccept = o.acceptablePrice;
        } else {
            b.shortTotal += uint128(size);
            if (o.acceptablePrice > b.maxShortAccept) b.maxShortAccept = o.acceptablePrice;
        }
        if (b.sized && (o.size > 0) == b.bigIsLong) b.fillSum += uint128(_fillOf(b, size));
    }

    /// @dev The collect checks of one order: returns a cancel reason, or type(uint8).max to keep
    ///      it. Deadline; reduce-only clipped to the position (cancelled when nothing is left to
    ///      reduce); otherwise the margin check of queueing, at today's valuation price, with the
    ///      trader's other reserves still held; dust and the account's market count.
    function _collect(CoreStorage.Layout storage s, Ctx memory x, DataTypes.Order storage os, DataTypes.Order memory o)
        internal
        returns (uint8)
    {
        if (block.timestamp > o.deadline) return Netting.EXPIRED;
        int256 pos = s.positions[o.trader][x.baseToken].size;
        if (o.reduceOnly) {
            if (pos == 0 || (pos > 0) == (o.size > 0)) return Netting.NOTHING_TO_REDUCE;
            if (PerpMath.abs(o.size) > PerpMath.abs(pos)) {
                o.size = int120(-pos);
                os.size = o.size;
            }
        }
        int256 newSize = pos + o.size;
        if (newSize != 0 && PerpMath.abs(newSize).mulDown(x.price) < x.minNotional) return Netting.MARGIN_FAILED;
        if (o.reduceOnly) return type(uint8).max;
        if (pos == 0) {
            uint256 bits = AccountBalance.marketBits(s, o.trader);
            if (AccountBalance.popcount(bits) >= AccountBalance.MAX_MARKETS_PER_ACCOUNT) return Netting.MARGIN_FAILED;
        }
        uint256 need = Netting.reserve(x.m, o.size, o.acceptablePrice, x.price, false, x.executionFee);
        uint256 others = s.reservedMargin[o.trader] - uint256(o.reserve) * Netting.RESERVE_UNIT;
        DataTypes.AccountState memory st =
            Margin.accountState(s, oracle, o.trader, Ledger.traderBalance(s, o.trader), x.cache);
        if (st.accountValue < int256(st.initialRequirement + others + need)) return Netting.MARGIN_FAILED;
        return type(uint8).max;
    }

    /// @dev End of a collect or check pass: the side prices of the orders still active. Returns
    ///      true when every active order accepts them and the larger side's fills are known (the
    ///      remainder swap is then done and the fill pass follows), else prepares the next check
    ///      pass (at these prices and this fill target).
    function _endPass(CoreStorage.Layout storage s, Ctx memory x, DataTypes.Batch memory b, uint256 index)
        internal
        returns (bool)
    {
        uint256 longs = b.longTotal;
        uint256 shorts = b.shortTotal;
        bool bigIsLong = longs > shorts;
        (uint256 big, uint256 small) = bigIsLong ? (longs, shorts) : (shorts, longs);
        DataTypes.Curve storage c = s.curves[x.baseToken];
        uint256 target = small + _maxRemainder(s, x, c, bigIsLong, big - small, index);
        // the larger side's fills are exact when it fills whole, or when this pass summed them at
        // the same target over the same orders
        bool exact = target == big
            || (b.sized && !b.dropped && b.bigIsLong == bigIsLong && b.bigTotal == big && b.fillTarget == target);
        uint256 filled = target == big ? big : b.fillSum;
        (b.bigIsLong, b.bigTotal, b.fillTarget, b.sized) = (bigIsLong, uint128(big), uint128(target), true);
        uint256 swapBase = (exact ? filled : target) - small;
        uint256 swapQuote = swapBase == 0 ? 0 : _quote(c, bigIsLong, swapBase);
        uint256 bigPrice = _sidePrice(b.p0, small, swapQuote, small + swapBase, bigIsLong);
        (b.longPrice, b.shortPrice) = bigIsLong ? (uint128(bigPrice), b.p0) : (b.p0, uint128(bigPrice));
        if (exact && !b.dropped && b.minLongAccept >= b.longPrice && b.maxShortAccept <= b.shortPrice) {
            if (swapBase != 0) {
                VirtualAMM.Swap memory sw = VirtualAMM.swap(
                    c, s.markTwaps[x.baseToken], x.baseToken, !bigIsLong, !bigIsLong, swapBase, x.m.maxPriceMoveRatio
                );
                (b.swapBase, b.swapQuote, b.markAfter) = (uint128(sw.base), uint128(sw.quote), uint128(sw.newPrice));
            } else {
                b.markAfter = uint128(VirtualAMM.markPrice(c));
            }
            return true;
        }
        // next check pass: fresh totals
        (b.longTotal, b.shortTotal, b.fillSum, b.dropped) = (0, 0, 0, false);
        (b.minLongAccept, b.maxShortAccept) = (type(uint128).max, 0);
        return false;
    }

    /// @dev The fill pass over one order: books an active order's fill at its side's price
    ///      (_book), moves a dropped order or an unfilled rest to the queue's tail, and
    ///      finishes a cancelled one; releases reserves and takes execution fees.
    function _fillOne(
        CoreStorage.Layout storage s,
        Ctx memory x,
        DataTypes.Batch memory b,
        DataTypes.OrderQueue memory q,
        uint256 id
    ) internal {
        DataTypes.Order memory o = s.orders[x.baseToken][id];
        if (o.status == 0) return;
        // a finished order's slots are left as they are: ids below the queue's head (and below the
        // cursor of a running fill pass) are never read again, and getOrder shows them empty
        if (o.status >= Netting.CANCELLED) {
            uint256 cancelFee = _chargeFee(s, x, o.trader);
            x.fees += cancelFee;
            Netting.release(s, x.baseToken, o);
            emit Ev.OrderCancelled(o.trader, x.baseToken, id, o.status - Netting.CANCELLED, cancelFee);
            return;
        }
        if (o.status == Netting.QUEUED) {
            bool isLong = o.size > 0;
            uint256 size = PerpMath.abs(o.size);
            uint256 fill = isLong == b.bigIsLong ? _fillOf(b, size) : size;
            if (fill != 0) {
                uint256 price = isLong ? b.longPrice : b.shortPrice;
                uint256 notional = isLong ? fill.mulUp(price) : fill.mulDown(price);
                int256 exSize = isLong ? int256(fill) : -int256(fill);
                uint256 fee = _book(s, x, o.trader, exSize, isLong ? int256(notional) : -int256(notional), b.markAfter);
                x.fees += fee;
                ++b.fills;
                emit Ev.OrderFilled(o.trader, x.baseToken, id, exSize, price, fee);
            }
            if (fill == size) {
                Netting.release(s, x.baseToken, o);
                return;
            }
            o.size = isLong ? int120(int256(size - fill)) : -int120(int256(size - fill));
        }
        // rests: the order (or its rest) moves to the tail, for the next batches
        o.status = Netting.QUEUED;
        uint256 newId = q.tail++;
        s.orders[x.baseToken][newId] = o;
        emit Ev.OrderRested(o.trader, x.baseToken, id, newId, o.size);
    }

    // ================================================================== maths

    /// @dev The larger side's fill of an order of `size`: all of it, or its share of the target
    ///      rounded up (so that the side's fills never sum below the smaller side's total; the
    ///      swap takes the few wei above the target).
    function _fillOf(DataTypes.Batch memory b, uint256 size) internal pure returns (uint256) {
        if (b.fillTarget == b.bigTotal) return size;
        return Math.mulDiv(size, b.fillTarget, b.bigTotal, Math.Rounding.Ceil);
    }

    /// @dev The larger side's price: (small * p0 + swap quote) / filled, rounded against it (up
    ///      for longs who pay, down for shorts who receive).
    function _sidePrice(uint256 p0, uint256 small, uint256 swapQuote, uint256 filled, bool bigIsLong)
        internal
        pure
        returns (uint256)
    {
        if (filled == 0) return p0;
        uint256 num = small * p0 + swapQuote * 1e18; // base, price < 2^120, quote < 2^112
        return bigIsLong ? Math.mulDiv(num, 1, filled, Math.Rounding.Ceil) : num / filled;
    }

    /// @dev Quote of the remainder swap: a long remainder buys `base` out, a short one sells it in.
    function _quote(DataTypes.Curve storage c, bool bigIsLong, uint256 base) internal view returns (uint256) {
        (uint256 x, uint256 y) = (c.baseReserve, c.quoteReserve);
        if (bigIsLong) return base >= x ? type(uint112).max : CurveMath.quoteInForBaseOut(x, y, base);
        return CurveMath.quoteOutForBaseIn(x, y, base);
    }

    /// @dev The largest remainder the batch's net flow may swap: within the fluctuation limit
    ///      against the block-start mark, within the spread band around the index (or back
    ///      towards it), and within the larger side's open-interest cap.
    function _maxRemainder(
        CoreStorage.Layout storage s,
        Ctx memory x,
        DataTypes.Curve storage c,
        bool bigIsLong,
        uint256 want,
        uint256 index
    ) internal view returns (uint256) {
        if (want == 0) return 0;
        DataTypes.OpenInterest memory oi = s.openInterest[x.baseToken];
        DataTypes.OpenInterestCap memory cap = s.oiCaps[x.baseToken];
        (uint256 open, uint256 limit) = bigIsLong ? (oi.long, cap.long) : (oi.short, cap.short);
        uint256 room = open >= limit ? 0 : limit - open;
        if (room < want) want = room;
        if (want == 0) return 0;
        (uint256 bx, uint256 by) = (c.baseReserve, c.quoteReserve);
        uint256 start = _blockStartMark(c);
        uint256 k = bx * by; // reserves < 2^112
        uint256 maxBase;
        if (bigIsLong) {
            uint256 bound = Math.min(
                start + start.mulRatioDown(x.m.maxPriceMoveRatio), index + index.mulRatioDown(x.m.maxSpreadRatio)
            );
            bound -= bound / BOUND_MARGIN;
            // price after = k / x'^2 <= bound  <=>  x' >= sqrt(k * 1e18 / bound)
            uint256 minX = Math.sqrt(Math.mulDiv(k, 1e18, bound, Math.Rounding.Ceil), Math.Rounding.Ceil) + 1;
            maxBase = bx > minX ? bx - minX : 0;
        } else {
            uint256 lo = start - start.mulRatioDown(x.m.maxPriceMoveRatio);
            uint256 lo2 = index - index.mulRatioDown(x.m.maxSpreadRatio);
            uint256 bound = lo > lo2 ? lo : lo2;
            bound += bound / BOUND_MARGIN + 1;
            uint256 maxX = Math.sqrt(Math.mulDiv(k, 1e18, bound));
            maxX = maxX > 1 ? maxX - 1 : 0;
            maxBase = maxX > bx ? maxX - bx : 0;
            if (maxX > VirtualAMM.MAX_RESERVE) maxBase = VirtualAMM.MAX_RESERVE - bx;
        }
        if (maxBase < want) want = maxBase;
        // a remainder the curve prices at zero quote cannot be swapped
        if (want != 0 && !bigIsLong && CurveMath.quoteOutForBaseIn(bx, by, want) == 0) return 0;
        return want;
    }

    /// @dev The mark at the start of this block: the block-start price a swap recorded in this
    ///      block, else the current mark (no swap yet this block).
    function _blockStartMark(DataTypes.Curve storage c) internal view returns (uint256) {
        DataTypes.Curve memory cm = c;
        if (cm.blockNumber == uint32(block.number)) return cm.blockStartPrice;
        return VirtualAMM.price(cm.baseReserve, cm.quoteReserve);
    }



    /// @dev Books one fill as Trading.book books a direct trade's (its funding first, the position,
    ///      realised PnL, open interest and the trading fee, PositionChanged at `mark`), with the
    ///      order's execution fee (the governance fee, at most the balance left after the fill)
    ///      taken in the same ledger entry; the fees' system shares go to the call's totals
    ///      (_bookTotals). Returns the execution fee taken.
    function _book(
        CoreStorage.Layout storage s,
        Ctx memory x,
        address trader,
        int256 exSize,
        int256 exNotional,
        uint256 mark
    ) internal returns (uint256 charged) {
        AccountBalance.settleFunding(s, trader, x.baseToken);
        AccountBalance.Fill memory f = AccountBalance.book(s, trader, x.baseToken, x.m.id, exSize, exNotional);
        uint256 fee = PerpMath.abs(exNotional).mulRatioUp(x.m.feeRatio);
        x.tradeFees += fee;
        x.insuranceFees += fee.mulRatioUp(x.m.insuranceFeeShare);
        uint256 burnt;
        (charged, burnt) = Ledger.settleFill(s, trader, f.realizedPnl - int256(fee), x.executionFee, x.index);
        x.burnt += burnt;
        emit Ev.PositionChanged(trader, x.baseToken, exSize, exNotional, fee, f.openNotional, f.realizedPnl, mark);
    }

    /// @dev Takes a cancelled order's execution fee: the governance fee, at most the balance
    ///      (Ledger.settleFill's rule, with nothing else in the entry).
    function _chargeFee(CoreStorage.Layout storage s, Ctx memory x, address trader) internal returns (uint256 fee) {
        if (x.executionFee == 0) return 0;
        uint256 burnt;
        (fee, burnt) = Ledger.settleFill(s, trader, 0, x.executionFee, x.index);
        x.burnt += burnt;
    }

}
