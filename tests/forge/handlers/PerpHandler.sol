// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {vm, Vm} from "../utils/Vm.sol";
import {Stack} from "../utils/Stack.sol";
import {DataTypes} from "../../../contracts/core/DataTypes.sol";
import {IClearingHouseErrors as E} from "../../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../../interfaces/IClearingHouseEvents.sol";
import {IPool} from "../utils/IPool.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {CurveMath} from "../../../contracts/libraries/CurveMath.sol";

/// @notice Drives the protocol for the forge invariant campaigns with bounded inputs, as the
///         actors of PROTOCOL.md would: traders, a coalition of attackers, an LP, a liquidator
///         and a keeper, plus the owner's curve changes and the index walking real prices.
/// @dev    Every call is wrapped: a revert must be one of the errors the entry point documents
///         for that situation, anything else (a raw panic, an empty revert, an undocumented
///         error) is recorded as a liveness failure that `invariant_liveness` reports. Checks
///         that hold right after one action (invariants 3, 5, 6 and the bad-debt identities of
///         10) are made here and recorded the same way.
contract PerpHandler is Stack {
    uint256 internal constant ACTORS = 8; // 0-3 traders, 4-6 the coalition, 7 a passive depositor
    uint256 internal constant COALITION_FIRST = 4;
    uint256 internal constant COALITION_END = 7;
    uint256 internal constant PASSIVE = 7;
    uint256 internal constant MAX_DEPOSIT = 60_000e6;
    uint256 internal constant MAX_TRADE_NOTIONAL = 600_000e18; // about 2% of a curve's depth
    bytes4 internal constant PANIC = 0x4e487b71;
    uint256 internal constant DEADLINE = type(uint64).max;

    /// @notice true: the coalition campaign (index fixed, no funding update, no curve change).
    bool public immutable fixedIndex;

    address[ACTORS] public actors;
    address public lp = address(0x1Fa);
    address public liquidator = address(0x11d);
    address public keeper = address(0x4ee9);
    address public prober = address(0xED6E); // trades exactly to the fluctuation limit (edge)
    uint256 internal constant PROBER_DEPOSIT = 500_000e6;

    // ------------------------------------------------------------------ ghost state
    mapping(address => uint256) public deposited; // USDC (6 decimals)
    mapping(address => uint256) public withdrawn;
    uint256 public curveChanges; // successful adjustK / repeg with a change (invariant 8's precondition)
    uint256 public deficitRecorded; // Σ BadDebtCovered.deficit
    uint256 public deficitRepaid;
    uint256 public badDebt; // Σ BadDebtCovered.debt
    uint256 public badDebtCovered; // Σ coveredByInsurance
    uint256 public badDebtSocialised; // Σ socialized
    uint256 public lossSocialised; // Σ LossSocialized.loss
    uint256 public socialisations; // LossSocialized events (each may round up to one wei per share)
    uint256 public failures; // liveness and in-action invariant failures
    string public firstFailure;
    mapping(bytes32 => uint256) public counts; // "open:ok", "open:SpreadTooLarge", ...
    // The handler's clock, kept in storage: under via-IR, block.number and block.timestamp read
    // in a loop of one call may be the values at its start, so `vm.roll(block.number + 1)` in a
    // loop would roll to the same block every time
    uint256 internal clockTime;
    uint256 internal clockBlock;
    bytes32[] public countKeys;

    constructor(bool fixedIndex_) {
        fixedIndex = fixedIndex_;
        for (uint256 i; i < ACTORS; ++i) {
            actors[i] = address(uint160(0xA000 + i));
        }
        (clockTime, clockBlock) = (1_700_000_000, 1);
        vm.warp(clockTime);
        vm.roll(clockBlock);
        _deployStack();
        // the passive account only deposits: whatever anyone else does, it must keep it all
        _deposit(PASSIVE, 100_000e6);
        usdc.mint(prober, PROBER_DEPOSIT);
        vm.prank(prober);
        usdc.approve(address(ch), PROBER_DEPOSIT);
        vm.prank(prober);
        ch.deposit(PROBER_DEPOSIT);
        deposited[prober] = PROBER_DEPOSIT;
    }

    // ================================================================== actions

    /// @notice A trader (or a coalition member) deposits USDC.
    function deposit(uint256 actorSeed, uint256 amount) external {
        uint256 a = _actor(actorSeed);
        _deposit(a, _bound(amount, 1e6, MAX_DEPOSIT));
    }

    /// @notice Withdraws pct% of the free collateral (above 100: more than allowed).
    function withdraw(uint256 actorSeed, uint256 pct) external {
        address a = actors[_actor(actorSeed)];
        pct = _bound(pct, 1, 120);
        int256 free = ch.getFreeCollateral(a);
        uint256 amount = free > 0 ? uint256(free) * pct / 100 / SCALE : 0;
        if (amount == 0) amount = 1;
        bool over = amount * SCALE > (free > 0 ? uint256(free) : 0);
        vm.prank(a);
        try ch.withdraw(amount) {
            if (over) _fail("withdrew above the free collateral");
            withdrawn[a] += amount;
            (int256 value, uint256 im,,) = ch.getAccountState(a);
            if (ch.getAccountMarkets(a).length != 0 && value < int256(im)) {
                _fail("inv5: a withdrawal left the account below its initial requirement");
            }
            _count("withdraw:ok");
        } catch (bytes memory err) {
            bytes4 s = bytes4(err);
            // documented: InsufficientFreeCollateral (only when over the limit), IndexStale
            if (s == E.InsufficientFreeCollateral.selector && over) _count("withdraw:over");
            else if (s == E.IndexStale.selector) _count("withdraw:IndexStale");
            else _unexpected("withdraw", err);
        }
    }

    /// @notice openPosition in one of the four modes (`mode` bit 0: long, bit 1: exact input)
    ///         for `notional` USD (10 .. 2M).
    function open(uint256 actorSeed, uint256 marketSeed, uint256 mode, uint256 notional) external {
        uint256 m = marketSeed % MARKETS;
        bool isLong = mode & 1 == 1;
        bool exactInput = mode & 2 == 2;
        address a = actors[_actor(actorSeed)];
        // 1x .. 12x leverage on the account's value (above the 10x the initial margin allows,
        // so that refusals are explored too), never below the minimum notional's scale
        int256 value = ch.getAccountValue(a);
        uint256 cap = value > 1e18 ? uint256(value) * 12 : 100e18;
        if (cap > MAX_TRADE_NOTIONAL) cap = MAX_TRADE_NOTIONAL;
        notional = _bound(notional, cap / 12, cap);
        if (notional < 5e18) notional = 5e18;
        bool quoteMode = (!isLong) != exactInput;
        uint256 amount = quoteMode ? notional : notional * ONE / ch.getMarkPrice(bases[m]);
        if (amount == 0) amount = 1;
        _trade("open", a, m, !isLong, exactInput, amount);
    }

    /// @notice Moves a market's mark by 0.01% .. 2.6% in one trade (the per-block limit is
    ///         2.5%): the attacker's step when dragging a curve away from the index.
    function push(uint256 actorSeed, uint256 marketSeed, uint256 dirSeed, uint256 bpsSeed) external {
        _push(_actor(actorSeed), marketSeed % MARKETS, dirSeed % 2 == 0, _bound(bpsSeed, 1, 260));
    }

    /// @notice An arbitrageur (a trader) moves the mark towards the index by up to 2.4%, as
    ///         markets do when the curve lags a moving index.
    function arbitrage(uint256 actorSeed, uint256 marketSeed) external {
        uint256 m = marketSeed % MARKETS;
        address b = bases[m];
        uint256 mark = ch.getMarkPrice(b);
        uint256 index = ch.getIndexPrice(b);
        if (index == 0 || mark == index) return;
        uint256 gap = (mark > index ? mark - index : index - mark) * 10_000 / mark;
        if (gap == 0) return;
        _push(_actor(actorSeed), m, index > mark, gap < 240 ? gap : 240);
    }

    /// @notice One account drags a mark 2.4% per block over 2 .. 8 blocks (12 s each): the
    ///         colluding close's legs (build a position while moving the curve, or dump one).
    function drag(uint256 actorSeed, uint256 marketSeed, uint256 dirSeed, uint256 blocksSeed) external {
        uint256 i = _actor(actorSeed);
        uint256 m = marketSeed % MARKETS;
        bool up = dirSeed % 2 == 0;
        uint256 n = _bound(blocksSeed, 2, 8);
        for (uint256 k; k < n; ++k) {
            _push(i, m, up, 240);
            _advance(12);
        }
    }

    function _push(uint256 i, uint256 m, bool up, uint256 bps) internal {
        address a = actors[i];
        (uint256 x, uint256 y) = ch.getReserves(bases[m]);
        uint256 mark = y * ONE / x;
        uint256 target = up ? mark * (10_000 + bps) / 10_000 : mark * (10_000 - bps) / 10_000;
        // x' = sqrt(k / p'), with k = x * y (18-decimal prices)
        uint256 x1 = Math.sqrt(Math.mulDiv(x * ONE, y, target));
        uint256 amount = up ? (x > x1 ? x - x1 : 0) : (x1 > x ? x1 - x : 0);
        if (amount == 0) return;
        // up: buy exact base out (quote -> base); down: sell exact base in
        _trade("push", a, m, !up, !up, amount);
    }

    /// @notice The prober's first trade of a new block, sized so that the mark ends exactly at
    ///         the fluctuation limit (PROTOCOL.md section 5: a move equal to the limit is
    ///         allowed), closed again in the same block. It may be refused for margin, open
    ///         interest or the spread band, never for the fluctuation limit. A separate,
    ///         well-funded account makes the probe, so that it leaves the actors' state alone.
    function edge(uint256 marketSeed, uint256 dirSeed) external {
        uint256 m = marketSeed % MARKETS;
        bool up = dirSeed % 2 == 0;
        if (ch.getPosition(prober, bases[m]).size != 0) return; // a close that was refused
        _advance(12); // a new block: the block-start mark is the mark now
        (uint256 x, uint256 y) = ch.getReserves(bases[m]);
        uint256 start = Math.mulDiv(y, ONE, x);
        uint256 move = start * MAX_PRICE_MOVE_RATIO / 1e6;
        uint256 target = up ? start + move : start - move;
        // the smallest quote amount whose trade reaches the target (long: exact quote in;
        // short: exact quote out); the price moves by far less than a wei per wei of quote
        (uint256 lo, uint256 hi) = (1, y / 2);
        while (lo < hi) {
            uint256 mid = (lo + hi) / 2;
            uint256 p = _priceAfter(x, y, up, mid);
            if (up ? p >= target : p <= target) hi = mid;
            else lo = mid + 1;
        }
        if (_priceAfter(x, y, up, lo) != target) {
            _count("edge:miss");
            return;
        }
        vm.prank(prober);
        try ch.openPosition(_params(m, !up, up, lo)) {
            _count("edge:ok");
        } catch (bytes memory err) {
            bytes4 s = bytes4(err);
            if (s == E.PriceMoveTooLarge.selector) {
                _fail("edge: a trade ending exactly at the fluctuation limit was refused");
            } else if (
                s == E.InsufficientMargin.selector || s == E.OpenInterestCapExceeded.selector
                    || s == E.SpreadTooLarge.selector || s == E.IndexStale.selector
            ) {
                _count("edge:refused");
            } else {
                _unexpected("edge", err);
            }
            return;
        }
        vm.prank(prober);
        try ch.closePosition(bases[m], 0, DEADLINE) {
            _count("edge:closed");
        } catch (bytes memory err) {
            _expectReduceError("edge:close", err);
        }
    }

    /// @dev The mark after a long of exact quote in `q` (up) or a short of exact quote out `q`.
    function _priceAfter(uint256 x, uint256 y, bool up, uint256 q) internal pure returns (uint256) {
        if (up) return Math.mulDiv(y + q, ONE, x - CurveMath.baseOutForQuoteIn(x, y, q));
        return Math.mulDiv(y - q, ONE, x + CurveMath.baseInForQuoteOut(x, y, q));
    }

    /// @notice Reduces a position by pct%, or flips it (pct > 100).
    function reduce(uint256 actorSeed, uint256 marketSeed, uint256 pct) external {
        uint256 m = marketSeed % MARKETS;
        address a = actors[_actor(actorSeed)];
        int256 size = ch.getPosition(a, bases[m]).size;
        if (size == 0) return;
        pct = _bound(pct, 1, 200);
        uint256 amount = _abs(size) * pct / 100;
        if (amount == 0) return;
        _trade(pct > 100 ? "flip" : "reduce", a, m, size > 0, size > 0, amount);
    }

    /// @notice closePosition: documented reverts only (liveness).
    function close(uint256 actorSeed, uint256 marketSeed) external {
        uint256 m = marketSeed % MARKETS;
        address a = actors[_actor(actorSeed)];
        if (ch.getPosition(a, bases[m]).size == 0) return;
        vm.prank(a);
        try ch.closePosition(bases[m], 0, DEADLINE) {
            _count("close:ok");
        } catch (bytes memory err) {
            _expectReduceError("close", err);
        }
    }

    /// @notice Liquidates `target`'s position in a market. The liquidator is the keeper, or, in
    ///         the coalition campaign, a coalition member liquidating a partner or itself.
    function liquidate(uint256 targetSeed, uint256 marketSeed, uint256 liquidatorSeed) external {
        uint256 m = marketSeed % MARKETS;
        address t = actors[_actor(targetSeed)];
        // a keeper looks for a liquidatable account first (odd seeds try the random one as is)
        for (uint256 k; k < ACTORS && targetSeed % 2 == 0; ++k) {
            address c = actors[_actor(targetSeed % ACTORS + k)];
            if (ch.isLiquidatable(c)) {
                t = c;
                if (ch.getPosition(c, bases[m]).size == 0) m = 1 - m;
                break;
            }
        }
        address by = fixedIndex ? actors[COALITION_FIRST + liquidatorSeed % (COALITION_END - COALITION_FIRST)] : liquidator;
        if (ch.getPosition(t, bases[m]).size == 0) return;
        _liquidate(t, m, by);
    }

    /// @dev One liquidation of `t` in market `m` by `by`, checked (_afterLiquidation) and counted.
    function _liquidate(address t, uint256 m, address by) internal {
        bool liquidatable = ch.isLiquidatable(t);
        Before memory before = Before({
            index: ch.collateralIndex(),
            byBalance: ch.balanceOf(by),
            anchoredValue: _anchoredValue(t),
            liquidator: by
        });
        vm.recordLogs();
        vm.prank(by);
        try ch.liquidate(t, bases[m]) {
            if (!liquidatable) _fail("liquidated an account that was not liquidatable");
            _afterLiquidation(t, m, before);
            _count("liquidate:ok");
        } catch (bytes memory err) {
            vm.getRecordedLogs();
            bytes4 s = bytes4(err);
            if (s == E.NotLiquidatable.selector && !liquidatable) _count("liquidate:NotLiquidatable");
            else if (s == E.PriceMoveTooLarge.selector) _count("liquidate:PriceMoveTooLarge");
            else if (s == E.LiquidationBeyondBankruptcy.selector) _count("liquidate:BeyondBankruptcy");
            else if (s == E.IndexStale.selector) _count("liquidate:IndexStale");
            else _unexpected("liquidate", err);
        }
    }

    /// @notice A late keeper: the index walks hour by hour along its real path against one
    ///         account's position, nobody liquidating, until the account is still solvent but
    ///         can no longer pay the whole penalty of a full liquidation (0 <= value < penalty);
    ///         then it is liquidated. PROTOCOL.md section 5: it pays what it has, all of it to
    ///         the liquidator, and makes no bad debt. The walk goes forwards or back, towards
    ///         the worse of the two extremes within 72 hours, and stops there, in the band, or
    ///         once the value is below zero.
    function lateLiquidate(uint256 targetSeed, uint256 marketSeed) external {
        if (fixedIndex) return;
        uint256 m = marketSeed % MARKETS;
        address t = actors[_actor(targetSeed)];
        int256 size = ch.getPosition(t, bases[m]).size;
        if (size == 0) return;
        (uint256 end, bool forwards) = _worstWithin(m, pathPos[m], size > 0, 72);
        while (true) {
            int256 value = _anchoredValue(t);
            if (value < 0) {
                _count("late:belowZero");
                return;
            }
            (uint256 price,) = ch.getValuationPrice(bases[m]);
            if (value < int256(_abs(size) * price / ONE * PENALTY_RATIO / 1e6) && ch.isLiquidatable(t)) {
                _count("late:inBand");
                _liquidate(t, m, liquidator);
                return;
            }
            uint256 pos = pathPos[m];
            if (pos == end) {
                _count("late:notReached");
                return;
            }
            pos = forwards ? pos + 1 : pos - 1;
            pathPos[m] = pos;
            _publish(m, _pathPrice(m, pos));
        }
    }

    /// @dev The step within `span` of `pos` (forwards or back) where market m's path is
    ///      lowest (`low`) or highest, and its direction (span: hours).
    function _worstWithin(uint256 m, uint256 pos, bool low, uint256 span)
        internal
        pure
        returns (uint256 end, bool forwards)
    {
        uint256 n = _pathLength(m);
        end = pos;
        uint256 best = _pathPrice(m, pos);
        uint256 lo = pos > span ? pos - span : 0;
        uint256 hi = pos + span < n ? pos + span : n - 1;
        for (uint256 i = lo; i <= hi; ++i) {
            uint256 p = _pathPrice(m, i);
            if (low ? p < best : p > best) (best, end) = (p, i);
        }
        forwards = end > pos;
    }

    /// @notice Moves a market's index 1..24 hours along its real price path, forwards or back.
    function movePrice(uint256 marketSeed, uint256 hoursSeed, uint256 backSeed) external {
        bool back = backSeed % 3 == 0; // the crash windows: mostly forwards
        if (fixedIndex) return;
        uint256 m = marketSeed % MARKETS;
        uint256 n = _pathLength(m);
        uint256 step = _bound(hoursSeed, 1, 24);
        uint256 pos = pathPos[m];
        pos = back ? (pos >= step ? pos - step : 0) : (pos + step < n ? pos + step : n - 1);
        pathPos[m] = pos;
        _publish(m, _pathPrice(m, pos));
        _count("movePrice");
    }

    /// @notice Advances time by 1 s .. 2 h and the block by one (the fluctuation limit is per
    ///         block); the feeds publish a new round of the same price before they go stale.
    function nextBlock(uint256 secondsSeed) external {
        uint256 dt = _bound(secondsSeed, 1, fixedIndex ? 120 : 7200);
        _advance(dt);
        for (uint256 m; m < MARKETS; ++m) {
            (,,, uint256 updatedAt,) = feeds[m].latestRoundData();
            if (clockTime - updatedAt > 3000) _publish(m, _pathPrice(m, pathPos[m]));
        }
        _count("nextBlock");
    }

    /// @notice The keeper closes a funding epoch.
    function updateFunding(uint256 marketSeed) external {
        if (fixedIndex) return;
        uint256 m = marketSeed % MARKETS;
        vm.prank(keeper);
        try ch.updateFundingRate(bases[m]) {
            _count("updateFunding:ok");
        } catch (bytes memory err) {
            bytes4 s = bytes4(err);
            if (s == E.FundingTooEarly.selector) _count("updateFunding:TooEarly");
            else if (s == E.IndexStale.selector) _count("updateFunding:IndexStale");
            else _unexpected("updateFunding", err);
        }
    }

    /// @notice Anyone settles a trader's funding.
    function settleFunding(uint256 actorSeed, uint256 marketSeed) external {
        uint256 m = marketSeed % MARKETS;
        address a = actors[_actor(actorSeed)];
        vm.prank(keeper);
        try ch.settleFunding(a, bases[m]) {
            _count("settleFunding:ok");
        } catch (bytes memory err) {
            _unexpected("settleFunding", err);
        }
    }

    /// @notice The owner scales k to pct% (50..200) of the base reserve; invariant 6.
    function adjustK(uint256 marketSeed, uint256 pct, uint256 tightSeed) external {
        bool tight = tightSeed % 4 == 0; // a budget of 1 wei: only a free change passes
        if (fixedIndex) return;
        uint256 m = marketSeed % MARKETS;
        (uint256 x,) = ch.getReserves(bases[m]);
        _curveChange(m, true, x * _bound(pct, 50, 200) / 100, tight);
    }

    /// @notice The owner repegs a curve to the index; invariant 6.
    function repeg(uint256 marketSeed, uint256 tightSeed) external {
        if (fixedIndex) return;
        _curveChange(marketSeed % MARKETS, false, 0, tightSeed % 4 == 0);
    }

    /// @notice The LP deposits into the pool.
    function lpDeposit(uint256 amount) external {
        if (fixedIndex) return;
        amount = _bound(amount, 1e6, 1_000_000e6);
        usdc.mint(lp, amount);
        vm.prank(lp);
        usdc.approve(address(pool), amount);
        vm.prank(lp);
        try pool.deposit(amount, lp) {
            _count("lpDeposit:ok");
        } catch (bytes memory err) {
            _unexpected("lpDeposit", err);
        }
    }

    /// @notice The LP redeems pct% of its shares (above 100: more than it may).
    function lpRedeem(uint256 pct) external {
        if (fixedIndex) return;
        uint256 shares = pool.balanceOf(lp) * _bound(pct, 1, 110) / 100;
        if (shares == 0) return;
        bool over = shares > pool.maxRedeem(lp);
        bool dust = pool.previewRedeem(shares) == 0; // shares worth less than 1 micro-USDC
        vm.prank(lp);
        try pool.redeem(shares, lp, lp) {
            if (over) _fail("LP redeemed above maxRedeem");
            _count("lpRedeem:ok");
        } catch (bytes memory err) {
            bytes4 s = bytes4(err);
            if (over && (s == IPool.UtilisationTooHigh.selector || s == bytes4(keccak256("ERC4626ExceededMaxRedeem(address,uint256,uint256)")))) {
                _count("lpRedeem:over");
            } else if (dust && s == IPool.ZeroAssets.selector) {
                _count("lpRedeem:dust");
            } else {
                _unexpected("lpRedeem", err);
            }
        }
    }

    // ================================================================== helpers for the tests

    function actorCount() external pure returns (uint256) {
        return ACTORS;
    }

    function isCoalition(uint256 i) public pure returns (bool) {
        return i >= COALITION_FIRST && i < COALITION_END;
    }

    function countKeyCount() external view returns (uint256) {
        return countKeys.length;
    }

    /// @notice Closes every position (halving chunks over blocks past the fluctuation limit,
    ///         liquidating accounts under water), for the end-of-run invariants. Returns false
    ///         if some position could not be closed within the round limit.
    function closeEverything() external returns (bool) {
        for (uint256 round; round < 60; ++round) {
            bool open_;
            for (uint256 i; i <= ACTORS; ++i) {
                address a = i < ACTORS ? actors[i] : prober;
                for (uint256 m; m < MARKETS; ++m) {
                    int256 size = ch.getPosition(a, bases[m]).size;
                    if (size == 0) continue;
                    open_ = true;
                    uint256 chunk = _abs(size) >> (round / 4); // halve every few rounds
                    if (chunk == 0) chunk = _abs(size);
                    vm.prank(a);
                    if (chunk == _abs(size)) {
                        try ch.closePosition(bases[m], 0, DEADLINE) {} catch {}
                    } else {
                        try ch.openPosition(_params(m, size > 0, size > 0, chunk)) {} catch {}
                    }
                    if (ch.getPosition(a, bases[m]).size != 0 && ch.isLiquidatable(a)) {
                        vm.prank(liquidator);
                        try ch.liquidate(a, bases[m]) {} catch {}
                    }
                }
            }
            if (!open_) return true;
            _advance(1);
        }
        return false;
    }

    /// @notice Withdraws every active actor's whole withdrawable balance (after closeEverything).
    function withdrawEverything() external {
        for (uint256 i; i < PASSIVE; ++i) {
            address a = actors[i];
            int256 free = ch.getFreeCollateral(a);
            if (free <= 0) continue;
            uint256 amount = uint256(free) / SCALE;
            if (amount == 0) continue;
            vm.prank(a);
            try ch.withdraw(amount) {
                withdrawn[a] += amount;
            } catch (bytes memory err) {
                _unexpected("withdrawEverything", err);
            }
        }
    }

    // ================================================================== internals

    /// @dev The next block, `dt` seconds later.
    function _advance(uint256 dt) internal {
        clockTime += dt;
        clockBlock += 1;
        vm.warp(clockTime);
        vm.roll(clockBlock);
    }

    function _actor(uint256 seed) internal view returns (uint256) {
        // the coalition campaign drives only the coalition (others are passive)
        if (fixedIndex) return COALITION_FIRST + seed % (COALITION_END - COALITION_FIRST);
        return seed % PASSIVE;
    }

    function _deposit(uint256 i, uint256 amount) internal {
        address a = actors[i];
        usdc.mint(a, amount);
        vm.prank(a);
        usdc.approve(address(ch), amount);
        vm.prank(a);
        try ch.deposit(amount) {
            deposited[a] += amount;
            _count("deposit:ok");
        } catch (bytes memory err) {
            _unexpected("deposit", err);
        }
    }

    function _params(uint256 m, bool isBaseToQuote, bool isExactInput, uint256 amount)
        internal
        view
        returns (DataTypes.OpenPositionParams memory)
    {
        return DataTypes.OpenPositionParams({
            baseToken: bases[m],
            isBaseToQuote: isBaseToQuote,
            isExactInput: isExactInput,
            amount: amount,
            oppositeAmountBound: 0,
            deadline: DEADLINE
        });
    }

    function _trade(string memory what, address a, uint256 m, bool isBaseToQuote, bool isExactInput, uint256 amount)
        internal
    {
        DataTypes.OpenPositionParams memory p = _params(m, isBaseToQuote, isExactInput, amount);
        vm.prank(a);
        try ch.openPosition(p) {
            _count(string.concat(what, ":ok"));
        } catch (bytes memory err) {
            bytes4 s = bytes4(err);
            if (
                s == E.InsufficientMargin.selector || s == E.OpenInterestCapExceeded.selector
                    || s == E.InsufficientLiquidity.selector || s == E.IndexStale.selector
            ) {
                _count(string.concat(what, ":refused"));
            } else {
                _expectReduceError(what, err);
            }
        }
    }

    /// @dev The errors a reduce or close may meet (PROTOCOL.md section 5, Guards).
    function _expectReduceError(string memory what, bytes memory err) internal {
        bytes4 s = bytes4(err);
        if (
            s == E.DustPosition.selector || s == E.PriceMoveTooLarge.selector || s == E.SpreadTooLarge.selector
                || s == E.AccountUnderWater.selector || s == E.IndexStale.selector
        ) {
            _count(string.concat(what, ":guard"));
        } else {
            _unexpected(what, err);
        }
    }

    struct Before {
        uint256 index;
        int256 byBalance;
        int256 anchoredValue;
        address liquidator;
    }

    function _anchoredValue(address t) internal view returns (int256) {
        address[] memory one = new address[](1);
        one[0] = t;
        return ch.getAccountStates(one)[0].anchoredValue;
    }

    /// @dev After one liquidation, from its logs: invariant 3; the bad-debt identities of
    ///      invariant 10; an account solvent at the anchor prices before it makes no bad debt;
    ///      the penalty split (the liquidator's share, or all of what an account that cannot pay
    ///      the whole penalty pays); no dust remainder.
    function _afterLiquidation(address t, uint256 m, Before memory before) internal {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bool capped;
        bool socialisedEvent;
        uint256 penalty;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(ch)) continue;
            bytes32 topic = logs[i].topics[0];
            if (topic == Ev.LiquidationCapped.selector) {
                capped = true;
            } else if (topic == Ev.PositionLiquidated.selector) {
                (,, penalty) = abi.decode(logs[i].data, (uint256, uint256, uint256));
            } else if (topic == Ev.BadDebtCovered.selector) {
                if (before.anchoredValue >= 0) _fail("bad debt from the liquidation of a solvent account");
                (uint256 debt, uint256 covered, uint256 social, uint256 deficit) =
                    abi.decode(logs[i].data, (uint256, uint256, uint256, uint256));
                if (covered + social + deficit != debt) _fail("inv10: debt != covered + socialised + deficit");
                badDebt += debt;
                badDebtCovered += covered;
                badDebtSocialised += social;
                deficitRecorded += deficit;
                _count("badDebt");
            } else if (topic == Ev.LossSocialized.selector) {
                (uint256 loss,,,) = abi.decode(logs[i].data, (uint256, uint256, uint256, uint256));
                lossSocialised += loss;
                socialisations += 1;
                socialisedEvent = true;
            }
        }
        if (ch.collateralIndex() != before.index && !socialisedEvent) _fail("inv10: index moved without LossSocialized");
        int256 size = ch.getPosition(t, bases[m]).size;
        if (size != 0 && !capped) {
            (int256 value,, uint256 mm,) = ch.getAccountState(t);
            if (value < int256(mm)) _fail("inv3: after a liquidation the account is below maintenance");
        }
        if (size != 0) {
            (uint256 price,) = ch.getValuationPrice(bases[m]);
            if (_abs(size) * price / ONE < ch.minPositionNotional()) _fail("a liquidation left a dust position");
        }
        // the liquidator's ledger moves by its share of the penalty, rounded down, or by all of
        // the penalty when the account could not pay the whole of it (collateral index 1e18:
        // no socialised loss in between, else shares round)
        if (before.index == ONE && ch.collateralIndex() == ONE && before.liquidator != t) {
            uint256 got = uint256(ch.balanceOf(before.liquidator) - before.byBalance);
            if (got != penalty * LIQUIDATOR_SHARE / 1e6 && got != penalty) _fail("penalty split: wrong liquidator share");
            if (got == penalty && penalty != 0 && got != penalty * LIQUIDATOR_SHARE / 1e6) _count("liquidate:penaltyAllToLiquidator");
        }
        if (ch.getAccountMarkets(t).length == 0 && ch.balanceOf(t) < 0) {
            _fail("inv10: a flat account kept negative collateral (silent bad debt)");
        }
    }

    /// @dev adjustK / repeg: the traders' net exit value moves by exactly the cost charged to
    ///      the pool, the net position not at all, and adjustK keeps the mark to a wei.
    function _curveChange(uint256 m, bool isAdjustK, uint256 newBase, bool tight) internal {
        address b = bases[m];
        uint256 mark0 = ch.getMarkPrice(b);
        int256 v0 = ch.netPositionValue(b);
        int256 n0 = ch.netBase(b);
        int256 pool0 = ch.balanceOf(address(pool));
        uint256 maxCost = tight ? 1 : type(uint256).max;
        int256 cost;
        bool ok;
        bytes memory err;
        if (isAdjustK) {
            try this.ownerAdjustK(b, newBase, maxCost) returns (int256 c) {
                (ok, cost) = (true, c);
            } catch (bytes memory e) {
                err = e;
            }
        } else {
            try this.ownerRepeg(b, maxCost) returns (int256 c) {
                (ok, cost) = (true, c);
            } catch (bytes memory e) {
                err = e;
            }
        }
        string memory what = isAdjustK ? "adjustK" : "repeg";
        if (!ok) {
            bytes4 s = bytes4(err);
            if (
                s == E.KCostExceedsBudget.selector || s == E.KChangeTooLarge.selector
                    || s == E.KBelowOpenInterest.selector
                    || s == E.CurveChangeTooSoon.selector || s == E.InvalidReserves.selector
                    || s == E.IndexStale.selector
            ) {
                _count(string.concat(what, ":refused"));
            } else {
                _unexpected(what, err);
            }
            return;
        }
        curveChanges += 1;
        if (ch.netBase(b) != n0) _fail("inv6: a curve change moved the traders' net position");
        if (ch.netPositionValue(b) - v0 != cost) _fail("inv6: net exit value moved by other than the cost");
        if (ch.balanceOf(address(pool)) - pool0 != -cost) _fail("inv6: pool charged other than the cost");
        if (isAdjustK) {
            uint256 mark1 = ch.getMarkPrice(b);
            if (mark1 > mark0 + 1 || mark0 > mark1 + 1) _fail("inv6: adjustK moved the mark");
        }
        _count(string.concat(what, ":ok"));
    }

    /// @dev External so that a revert can be caught (the handler is the owner).
    function ownerAdjustK(address b, uint256 newBase, uint256 maxCost) external returns (int256) {
        require(msg.sender == address(this));
        return ch.adjustK(b, newBase, maxCost);
    }

    function ownerRepeg(address b, uint256 maxCost) external returns (int256) {
        require(msg.sender == address(this));
        return ch.repeg(b, maxCost);
    }

    function _unexpected(string memory what, bytes memory err) internal {
        bytes4 s = bytes4(err);
        string memory kind = err.length == 0 ? "empty revert" : s == PANIC ? "panic" : "undocumented error";
        _fail(string.concat(what, ": ", kind, " ", vm.toString(uint256(uint32(s)))));
    }

    function _fail(string memory why) internal {
        if (failures == 0) firstFailure = why;
        failures += 1;
    }

    function _count(string memory key) internal {
        bytes32 k = bytes32(bytes(key));
        if (counts[k] == 0) countKeys.push(k);
        counts[k] += 1;
    }

    function _bound(uint256 x, uint256 lo, uint256 hi) internal pure returns (uint256) {
        return lo + x % (hi - lo + 1);
    }

    function _abs(int256 x) internal pure returns (uint256) {
        return uint256(x >= 0 ? x : -x);
    }
}
