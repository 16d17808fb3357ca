// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient as ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IVault} from "../interfaces/IVault.sol";
import {IClearingHouse} from "../interfaces/IClearingHouse.sol";
import {IVirtualAMM} from "../interfaces/IVirtualAMM.sol";
import {IPriceOracle} from "../interfaces/IPriceOracle.sol";
import {AccountBalance} from "./AccountBalance.sol";
import {PerpMath} from "./libraries/PerpMath.sol";

/// @title ClearingHouse
/// @notice The trading entry. One internal pipeline (`_trade`) serves opening, increasing,
///         reducing, flipping, closing and liquidating: settle funding, swap on the curve, check
///         the bound, realise PnL pro rata to the cost basis, charge the fee, update open interest
///         and the account's market set. Entry points add their own checks around it.
contract ClearingHouse is AccountBalance, Ownable2Step, ReentrancyGuard {
    using PerpMath for uint256;

    struct TradeParams {
        address trader;
        address baseToken;
        bool isBaseToQuote;
        bool isExactInput;
        uint256 amount;
        uint256 oppositeAmountBound;
        bool isLiquidation;
    }

    struct TradeResult {
        uint256 base;
        uint256 quote;
        int256 oldSize;
        int256 newSize;
        int256 realizedPnl;
        uint256 fee;
        uint256 markPrice;
        int256 collateral; // the trader's balance after settlement
        uint256 oldMarkPrice; // the mark before the swap
    }

    /// @dev One liquidation call: its plan and running totals.
    struct Liquidation {
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
    }

    struct FundingUpdate {
        uint256 markTwap;
        uint256 indexTwap;
        int256 rate;
        uint256 markCum;
        uint256 indexCum;
    }

    uint256 internal constant RATIO_ONE = 1e6;
    /// @dev No trade amount can exceed a curve reserve (both are below 2^112).
    uint256 public constant MAX_TRADE_AMOUNT = type(uint112).max;
    /// @dev A maintenance-ratio raise takes effect at most once a day, and at most up to the
    ///      initial ratio in force: an account that met the initial requirement is never made
    ///      liquidatable by one parameter change.
    uint256 internal constant MM_RAISE_INTERVAL = 1 days;
    /// @dev Governance curve changes that cost the pool: at most 1% of the pool's balance each,
    ///      k scaled by at most 2x either way, one per market per hour.
    uint256 internal constant MAX_CURVE_COST_RATIO = 10_000;
    uint256 internal constant CURVE_CHANGE_INTERVAL = 1 hours;

    address public guardian;
    address public liquidityPool;
    bool public globalPaused;
    uint24 public liquidatorShare = 500_000; // of the penalty, when the account is not under water
    uint128 public minPositionNotional = 10e18;
    uint128 public fullLiquidationThreshold = 500e18;


    /// @dev TWAP accumulators at the last funding update (one slot: 128 bits hold 1e25 x 1e13 s)
    struct FundingAnchor {
        uint128 markCumulative;
        uint128 indexCumulative;
    }

    mapping(address baseToken => FundingAnchor) internal _fundingAnchors;
    /// @dev last governance curve change per market (adjustK / repeg with a cost to the pool)
    mapping(address baseToken => uint256) internal _lastCurveChange;

    modifier checkDeadline(uint256 deadline) {
        if (block.timestamp > deadline) revert DeadlineExpired(deadline, block.timestamp);
        _;
    }

    constructor(IVault vault_, IVirtualAMM amm_, IPriceOracle oracle_, address owner_)
        AccountBalance(vault_, amm_, oracle_)
        Ownable(owner_)
    {
        guardian = owner_;
    }

    // ================================================================== trading

    /// @notice Opens, increases, reduces or flips a position (PROTOCOL.md section 5).
    /// @param params see IClearingHouse.OpenPositionParams
    /// @return base base amount exchanged on the curve
    /// @return quote quote amount exchanged on the curve (before fee)
    function openPosition(OpenPositionParams calldata params)
        external
        nonReentrant
        checkDeadline(params.deadline)
        returns (uint256 base, uint256 quote)
    {
        if (params.amount == 0) revert ZeroAmount();
        if (params.amount > MAX_TRADE_AMOUNT) revert AmountTooLarge(params.amount, MAX_TRADE_AMOUNT);
        Market memory m = _requireMarket(params.baseToken);
        (uint256 indexPrice, uint256 anchor, IPriceOracle.Source source) = oracle.observePrices(params.baseToken);
        TradeResult memory r = _trade(
            TradeParams(
                msg.sender,
                params.baseToken,
                params.isBaseToQuote,
                params.isExactInput,
                params.amount,
                params.oppositeAmountBound,
                false
            ),
            m
        );
        _afterUserTrade(msg.sender, params.baseToken, m, r, indexPrice, anchor, source != IPriceOracle.Source.Stale);
        return (r.base, r.quote);
    }

    /// @notice Closes the caller's whole position in a market.
    /// @param baseToken market
    /// @param oppositeAmountBound min quote out when closing a long, max quote in for a short; 0: none
    /// @param deadline last valid timestamp
    function closePosition(address baseToken, uint256 oppositeAmountBound, uint256 deadline)
        external
        nonReentrant
        checkDeadline(deadline)
        returns (uint256 base, uint256 quote)
    {
        Market memory m = _requireMarket(baseToken);
        int256 size = _positions[msg.sender][baseToken].size;
        if (size == 0) revert NoPosition(msg.sender, baseToken);
        (uint256 indexPrice, uint256 anchor, IPriceOracle.Source source) = oracle.observePrices(baseToken);
        TradeResult memory r =
            _trade(TradeParams(msg.sender, baseToken, size > 0, size > 0, PerpMath.abs(size), oppositeAmountBound, false), m);
        _afterUserTrade(msg.sender, baseToken, m, r, indexPrice, anchor, source != IPriceOracle.Source.Stale);
        return (r.base, r.quote);
    }

    /// @notice Liquidates the smallest fraction of `trader`'s position in `baseToken` that
    ///         brings the account back above maintenance (or all of it; PROTOCOL.md section 5).
    /// @return base base closed
    /// @return quote quote exchanged for it
    function liquidate(address trader, address baseToken) external nonReentrant returns (uint256 base, uint256 quote) {
        return _liquidate(trader, baseToken, 0);
    }

    /// @notice `liquidate` with a bound on the closing swap: min quote out when the position is
    ///         a long, max quote in when it is a short (a liquidator's slippage protection).
    function liquidateWithBound(address trader, address baseToken, uint256 oppositeAmountBound)
        external
        nonReentrant
        returns (uint256 base, uint256 quote)
    {
        return _liquidate(trader, baseToken, oppositeAmountBound);
    }

    /// @notice Settles `trader`'s pending funding in one market into collateral.
    function settleFunding(address trader, address baseToken) external nonReentrant {
        _requireMarket(baseToken);
        _settleFunding(trader, baseToken);
    }

    /// @notice Settles `trader`'s pending funding in all its markets (the Vault calls it before
    ///         a withdrawal).
    function settleAllFunding(address trader) external nonReentrant {
        uint256 bitmap = _marketBits(trader);
        while (bitmap != 0) {
            uint256 id = _lowestBit(bitmap);
            bitmap &= bitmap - 1;
            _settleFunding(trader, _marketList[id]);
        }
    }

    // ================================================================== funding

    /// @notice Closes a funding epoch: premium of the mark TWAP over the index TWAP since the
    ///         last update, rate = premium * elapsed / period clamped to the cap for the elapsed
    ///         time, cumulative index += rate * indexTwap. Permissionless once the interval has
    ///         passed. Missed epochs: the whole elapsed span is settled at once with the TWAPs of
    ///         the whole span and a cap scaled to it, so funding neither lapses nor doubles.
    ///         The AMM's side of the open-interest imbalance is paid to or by the liquidity pool
    ///         (its payouts capped by a third of its fee income), the insurance fund backing it;
    ///         if both cannot pay, the index moves only as far as they can.
    function updateFundingRate(address baseToken) external nonReentrant {
        Market memory m = _requireMarket(baseToken);
        FundingState memory fs = _funding[baseToken];
        uint256 next = uint256(fs.lastTime) + m.fundingInterval;
        if (block.timestamp < next) revert FundingTooEarly(baseToken, next);
        (,, uint256 indexCum) = oracle.observeCumulative(baseToken);
        FundingUpdate memory u = _fundingRate(baseToken, fs.lastTime, indexCum);
        _fundingAnchors[baseToken] = FundingAnchor(uint128(u.markCum), uint128(indexCum));

        int256 delta = u.rate * int256(u.indexTwap) / 1e18; // quote per base, rounded towards zero
        OpenInterest memory oi = _openInterest[baseToken];
        (int256 poolReceived, int256 insuranceReceived, int256 applied) =
            vault.settleAmmFunding(int256(uint256(oi.long)) - int256(uint256(oi.short)), delta);

        fs.cumulativeIndex += int128(applied);
        fs.rate = int64(u.rate);
        fs.lastTime = uint64(block.timestamp);
        _funding[baseToken] = fs;
        emit FundingUpdated(baseToken, u.rate, u.markTwap, u.indexTwap);
        emit FundingIndexMoved(baseToken, applied, fs.cumulativeIndex, poolReceived, insuranceReceived);
    }

    /// @inheritdoc IClearingHouse
    function lastFundingTime(address baseToken) external view returns (uint256) {
        return _funding[baseToken].lastTime;
    }

    /// @notice Funding state: cumulative index, the rate applied at the last update (for the
    ///         span it covered) and the rate an update now would apply.
    function getFundingState(address baseToken)
        external
        view
        returns (int256 cumulativeIndex, int256 lastRate, int256 nextRate, uint256 lastTime)
    {
        FundingState memory fs = _funding[baseToken];
        if (block.timestamp > fs.lastTime) {
            (uint256 indexCum,,) = oracle.indexCumulative(baseToken);
            nextRate = _fundingRate(baseToken, fs.lastTime, indexCum).rate;
        }
        return (fs.cumulativeIndex, fs.rate, nextRate, fs.lastTime);
    }

    // ================================================================== curve governance

    /// @notice Changes a market's k keeping the mark; the exact change in the traders' net
    ///         position value is charged to (or credited to) the liquidity pool.
    /// @param newBaseReserve new base reserve; the quote reserve scales with it
    /// @param maxCost budget: reverts when the pool would pay more
    ///      Governance: k scaled by at most 2x either way per call, a cost of at most 1% of the
    ///      pool's balance, one costly change per market per hour. The liquidity pool's depth
    ///      syncs pass maxCost 0: they apply only when they cost the pool nothing.
    function adjustK(address baseToken, uint256 newBaseReserve, uint256 maxCost) external nonReentrant returns (int256 cost) {
        bool byOwner = msg.sender == owner();
        if (!byOwner && msg.sender != liquidityPool) revert OwnableUnauthorizedAccount(msg.sender);
        _requireMarket(baseToken);
        if (byOwner) {
            (uint256 x,) = amm.getReserves(baseToken);
            if (newBaseReserve < x / 2 || newBaseReserve > x * 2) revert KChangeTooLarge(baseToken, x, newBaseReserve);
        }
        cost = amm.adjustK(baseToken, newBaseReserve);
        _chargeCurveCost(baseToken, cost, maxCost, false);
    }

    /// @notice Moves a market's curve price to the (fresh) index price, keeping its base
    ///         reserve; the exact cost is charged to the liquidity pool.
    function repeg(address baseToken, uint256 maxCost) external onlyOwner nonReentrant returns (int256 cost) {
        _requireMarket(baseToken);
        (uint256 index, IPriceOracle.Source source) = oracle.observe(baseToken);
        if (source == IPriceOracle.Source.Stale) revert IndexStale(baseToken);
        cost = amm.repeg(baseToken, index);
        _chargeCurveCost(baseToken, cost, maxCost, true);
    }

    // ================================================================== administration

    /// @notice Lists a market: its curve, parameters and caps. The oracle feed must be set.
    function addMarket(address baseToken, uint256 baseReserve, uint256 quoteReserve, MarketParams calldata params)
        external
        onlyOwner
    {
        if (baseToken == address(0) || liquidityPool == address(0)) revert ZeroAddress();
        if (_markets[baseToken].listed) revert MarketExists(baseToken);
        uint256 id = _marketList.length;
        if (id >= 255) revert TooManyTotalMarkets(id);
        oracle.getIndexPrice(baseToken); // reverts for an unknown feed
        amm.initMarket(baseToken, baseReserve, quoteReserve);
        _marketList.push(baseToken);
        _markets[baseToken].id = uint8(id);
        _markets[baseToken].listed = true;
        _setParams(baseToken, params);
        _funding[baseToken].lastTime = uint64(block.timestamp);
        (,, uint256 indexCum) = oracle.observeCumulative(baseToken); // committed, never revised
        _fundingAnchors[baseToken] = FundingAnchor(uint128(amm.markCumulative(baseToken)), uint128(indexCum));
        emit MarketAdded(baseToken, uint8(id), baseReserve, quoteReserve);
    }

    /// @notice Changes a market's parameters within PROTOCOL.md section 4's bounds.
    ///         A maintenance-ratio raise goes at most up to the initial ratio in force and at
    ///         most once a day, so that no account meeting its initial requirement becomes
    ///         liquidatable by one change.
    function setMarketParams(address baseToken, MarketParams calldata params) external onlyOwner {
        Market memory m = _requireMarket(baseToken);
        _setParams(baseToken, params);
        if (params.mmRatio > m.mmRatio) {
            uint256 next = uint256(m.mmRaisedAt) + MM_RAISE_INTERVAL;
            if (params.mmRatio > m.imRatio || block.timestamp < next) {
                revert MarginRaiseTooFast(baseToken, m.mmRatio, params.mmRatio, m.imRatio, next);
            }
            _markets[baseToken].mmRaisedAt = uint32(block.timestamp);
        }
    }

    /// @notice Changes the global thresholds.
    function setGlobalParams(uint128 minPositionNotional_, uint128 fullLiquidationThreshold_, uint24 liquidatorShare_)
        external
        onlyOwner
    {
        _bound(liquidatorShare_, 0, RATIO_ONE);
        _bound(minPositionNotional_, 1e18, 1_000e18);
        _bound(fullLiquidationThreshold_, 0, 100_000e18);
        minPositionNotional = minPositionNotional_;
        fullLiquidationThreshold = fullLiquidationThreshold_;
        liquidatorShare = liquidatorShare_;
        emit GlobalParamsChanged(minPositionNotional_, fullLiquidationThreshold_, liquidatorShare_);
    }

    /// @notice Sets the guardian, who can pause opening.
    function setGuardian(address guardian_) external onlyOwner {
        if (guardian_ == address(0)) revert ZeroAddress();
        guardian = guardian_;
        emit GuardianChanged(guardian_);
    }

    /// @notice Sets the liquidity pool contract (funding counterparty, pays k costs, may adjust k
    ///         for depth); it must be the Vault's liquidity pool account.
    function setLiquidityPool(address pool) external onlyOwner {
        address expected = vault.liquidityPool();
        if (pool == address(0) || pool != expected) revert PoolMismatch(pool, expected);
        liquidityPool = pool;
    }

    /// @notice Pauses or resumes opening and increasing in one market (address(0): all markets).
    ///         Closing, reducing, withdrawing free collateral and liquidating are never paused.
    function setPaused(address baseToken, bool paused) external {
        if (msg.sender != guardian && msg.sender != owner()) revert OnlyGuardian(msg.sender);
        if (baseToken == address(0)) {
            globalPaused = paused;
        } else {
            _requireMarket(baseToken);
            _markets[baseToken].paused = paused;
        }
        emit PauseChanged(baseToken, paused);
    }

    // ================================================================== internals: trade

    /// @dev The shared trade path. Settles funding first, swaps, realises PnL, charges the fee.
    function _trade(TradeParams memory p, Market memory m) internal returns (TradeResult memory r) {
        _settleFunding(p.trader, p.baseToken);
        (r.base, r.quote, r.markPrice, r.oldMarkPrice) =
            amm.swap(p.baseToken, p.isBaseToQuote, p.isExactInput, p.amount, p.isLiquidation ? 0 : m.maxPriceMoveRatio);
        if (p.oppositeAmountBound != 0) {
            uint256 opposite = p.isBaseToQuote == p.isExactInput ? r.quote : r.base;
            bool minOut = p.isExactInput;
            if (minOut ? opposite < p.oppositeAmountBound : opposite > p.oppositeAmountBound) {
                revert SlippageExceeded(opposite, p.oppositeAmountBound);
            }
        }
        int256 exSize = p.isBaseToQuote ? -int256(r.base) : int256(r.base);
        int256 exNotional = p.isBaseToQuote ? -int256(r.quote) : int256(r.quote);

        Position storage pos = _positions[p.trader][p.baseToken];
        int256 size = pos.size;
        int256 open = pos.openNotional;
        r.oldSize = size;
        if (size == 0 || (size > 0) == (exSize > 0)) {
            open += exNotional;
        } else if (PerpMath.abs(exSize) <= PerpMath.abs(size)) {
            // reduce or close: the closed cost basis rounds towards +inf, so PnL rounds down
            int256 closedBasis = PerpMath.mulDivCeilSigned(open, PerpMath.abs(exSize), PerpMath.abs(size));
            r.realizedPnl = -(exNotional + closedBasis);
            open -= closedBasis;
        } else {
            // flip: the closing share of the exchanged notional rounds towards +inf
            int256 closedPart = PerpMath.mulDivCeilSigned(exNotional, PerpMath.abs(size), PerpMath.abs(exSize));
            r.realizedPnl = -(closedPart + open);
            open = exNotional - closedPart;
        }
        size += exSize;
        r.newSize = size;
        if (size == 0) {
            delete _positions[p.trader][p.baseToken];
        } else {
            pos.size = int128(size);
            pos.openNotional = int128(open);
        }
        _updateOpenInterest(p.baseToken, r.oldSize, size);
        _updateAccountMarkets(p.trader, m.id, r.oldSize, size);

        r.fee = r.quote.mulRatioUp(m.feeRatio);
        r.collateral = vault.settleTrade(p.trader, r.realizedPnl, r.fee, r.fee.mulRatioUp(m.insuranceFeeShare));
        emit PositionChanged(p.trader, p.baseToken, exSize, exNotional, r.fee, open, r.realizedPnl, r.markPrice);
    }

    /// @dev Checks of a user trade (not of a liquidation), PROTOCOL.md section 5 "Guards":
    ///      increases need no pause, a fresh index, the OI cap and the initial requirement; every
    ///      user trade keeps the mark inside the spread band (or moves it back towards the index
    ///      on the same side), leaves no dust, and never leaves the account's collateral negative
    ///      or its account value below zero: only a liquidation may realise a loss the account
    ///      cannot pay.
    function _afterUserTrade(
        address trader,
        address baseToken,
        Market memory m,
        TradeResult memory r,
        uint256 indexPrice,
        uint256 anchor,
        bool indexFresh
    ) internal {
        bool increased = r.newSize != 0 && (r.oldSize == 0 || (r.oldSize > 0) != (r.newSize > 0)
            || PerpMath.abs(r.newSize) > PerpMath.abs(r.oldSize));
        uint256 price = indexPrice;
        if (increased) {
            if (m.paused || globalPaused) revert MarketPaused(baseToken);
            if (!indexFresh) revert IndexStale(baseToken);
            _checkOpenInterestCap(baseToken, r.newSize > 0);
        }
        if (indexFresh) _checkSpread(baseToken, m, r, indexPrice);
        else price = anchor = amm.getMarkTwap(baseToken, MARK_TWAP_WINDOW);
        if (r.newSize != 0) {
            uint256 notional = PerpMath.abs(r.newSize).mulDown(price);
            if (notional < minPositionNotional) revert DustPosition(baseToken, notional, minPositionNotional);
        }
        AccountState memory s = _accountStateFrom(trader, r.collateral, baseToken, price, anchor);
        if (increased && s.accountValue < int256(s.initialRequirement)) {
            revert InsufficientMargin(trader, s.accountValue, s.initialRequirement);
        }
        if (r.collateral < 0 || s.anchoredValue < 0) revert AccountUnderWater(trader, r.collateral, s.anchoredValue);
    }

    /// @dev No user trade leaves the mark beyond the max spread from the index, unless it moves
    ///      it back towards the index without crossing it (reduce-only beyond the band applies to
    ///      every trade, reduces included).
    function _checkSpread(address baseToken, Market memory m, TradeResult memory r, uint256 index) internal pure {
        uint256 mark = r.markPrice;
        uint256 diff = mark > index ? mark - index : index - mark;
        if (diff * RATIO_ONE <= index * m.maxSpreadRatio) return;
        uint256 old = r.oldMarkPrice;
        uint256 oldDiff = old > index ? old - index : index - old;
        if ((old > index) != (mark > index) || diff >= oldDiff) {
            revert SpreadTooLarge(baseToken, mark, index, m.maxSpreadRatio);
        }
    }

    function _checkOpenInterestCap(address baseToken, bool isLong) internal view {
        OpenInterest memory oi = _openInterest[baseToken];
        OpenInterestCap memory cap = _oiCaps[baseToken];
        if (isLong ? oi.long > cap.long : oi.short > cap.short) {
            revert OpenInterestCapExceeded(baseToken, isLong, isLong ? oi.long : oi.short, isLong ? cap.long : cap.short);
        }
    }

    function _updateOpenInterest(address baseToken, int256 oldSize, int256 newSize) internal {
        OpenInterest memory oi = _openInterest[baseToken];
        if (oldSize > 0) oi.long -= uint128(uint256(oldSize));
        else oi.short -= uint128(uint256(-oldSize));
        if (newSize > 0) oi.long += uint128(uint256(newSize));
        else oi.short += uint128(uint256(-newSize));
        _openInterest[baseToken] = oi;
    }

    function _updateAccountMarkets(address trader, uint8 id, int256 oldSize, int256 newSize) internal {
        if ((oldSize == 0) == (newSize == 0)) return;
        uint256 bitmap = _marketBits(trader);
        if (newSize == 0) {
            bitmap &= ~(uint256(1) << id);
        } else {
            bitmap |= uint256(1) << id;
            if (_popcount(bitmap) > MAX_MARKETS_PER_ACCOUNT) revert TooManyMarkets(trader, MAX_MARKETS_PER_ACCOUNT);
        }
        _accountMarkets[trader] = bitmap | ACCOUNT_TOUCHED;
    }

    function _settleFunding(address trader, address baseToken) internal {
        Position storage pos = _positions[trader][baseToken];
        int128 index = _funding[baseToken].cumulativeIndex;
        int128 last = pos.lastFundingIndex;
        if (index == last) return;
        int256 size = pos.size;
        pos.lastFundingIndex = index;
        if (size == 0) return;
        int256 payment = PerpMath.mulCeilSigned(size, int256(index) - last);
        if (payment != 0) vault.settleFunding(trader, payment);
        emit FundingSettled(trader, baseToken, payment);
    }

    // ================================================================== internals: liquidation

    /// @dev Closes the planned fraction (section 9), then the rest if the estimate fell short
    ///      (invariant 3). No close goes beyond the account's bankruptcy point at the anchor
    ///      price: while the account is solvent, a liquidation never realises a loss (curve
    ///      price, fee and penalty) larger than the account's value; once it is under water, the
    ///      curve may not add to the loss (only the charges do). So a curve pushed away from the
    ///      index cannot turn an account into bad debt (invariant 9). A capped liquidation stops
    ///      there and emits LiquidationCapped; the rest waits for a better curve.
    function _liquidate(address trader, address baseToken, uint256 bound) internal returns (uint256, uint256) {
        Market memory m = _requireMarket(baseToken);
        Liquidation memory l = _liquidationPlan(trader, baseToken, m);
        uint256 closeSize = _capAtBankruptcy(baseToken, m, l, l.absSize, l.planned, l.value);
        if (closeSize == 0) revert LiquidationBeyondBankruptcy(trader, baseToken, l.value);
        l.capped = closeSize < l.planned;
        int256 newSize = _liquidationClose(trader, baseToken, m, l, closeSize, bound);
        if (newSize != 0 && !l.capped) {
            // the estimate fell short: close the rest in the same call (invariant 3)
            AccountState memory s = _liquidationState(trader, baseToken, l);
            if (s.accountValue < int256(s.maintenanceRequirement)) {
                uint256 rest = PerpMath.abs(newSize);
                closeSize = _capAtBankruptcy(baseToken, m, l, rest, rest, s.anchoredValue);
                l.capped = closeSize < rest;
                if (closeSize != 0) _liquidationClose(trader, baseToken, m, l, closeSize, 0);
            }
        }
        if (l.capped) emit LiquidationCapped(trader, baseToken, l.planned, l.base, l.value);
        emit PositionLiquidated(trader, baseToken, l.base, l.quote, l.penalty, msg.sender);
        if (_marketBits(trader) == 0) _settleBadDebt(trader);
        return (l.base, l.quote);
    }

    /// @dev One closing swap of a liquidation and its penalty, added to `l`.
    function _liquidationClose(
        address trader,
        address baseToken,
        Market memory m,
        Liquidation memory l,
        uint256 size,
        uint256 bound
    ) internal returns (int256) {
        TradeResult memory r = _trade(TradeParams(trader, baseToken, l.isLong, l.isLong, size, bound, true), m);
        l.base += r.base;
        l.quote += r.quote;
        l.penalty += _chargePenalty(trader, baseToken, m, r.quote, l);
        return r.newSize;
    }

    /// @dev Checks that the account is liquidatable; returns the valuation price (index, or the
    ///      mark TWAP when the index is stale), how much of the position to close and the
    ///      account value.
    function _liquidationPlan(address trader, address baseToken, Market memory m)
        internal
        returns (Liquidation memory l)
    {
        int256 size = _positions[trader][baseToken].size;
        if (size == 0) revert NoPosition(trader, baseToken);
        IPriceOracle.Source source;
        (l.price, l.anchor, source) = oracle.observePrices(baseToken);
        if (source == IPriceOracle.Source.Stale) l.price = l.anchor = amm.getMarkTwap(baseToken, MARK_TWAP_WINDOW);
        AccountState memory s = _liquidationState(trader, baseToken, l);
        if (s.accountValue >= int256(s.maintenanceRequirement)) {
            revert NotLiquidatable(trader, s.accountValue, s.maintenanceRequirement);
        }
        l.planned = _liquidationSize(baseToken, m, size, l.price, s);
        l.isLong = size > 0;
        l.absSize = PerpMath.abs(size);
        l.value = s.anchoredValue;
    }

    function _liquidationState(address trader, address baseToken, Liquidation memory l)
        internal
        view
        returns (AccountState memory)
    {
        return _accountStateFrom(trader, vault.balanceOf(trader), baseToken, l.price, l.anchor);
    }

    /// @dev `want` limited to the bankruptcy size at the anchor price, keeping any remainder at
    ///      or above the minimum position; 0 when nothing can be closed.
    function _capAtBankruptcy(
        address baseToken,
        Market memory m,
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
        uint256 cap = amm.bankruptcySize(baseToken, l.isLong, l.anchor, uint256(value), m.feeRatio);
        if (cap >= want) return want;
        uint256 minSize = Math.mulDiv(minPositionNotional, 1e18, l.price, Math.Rounding.Ceil) + 1;
        if (absSize <= minSize) return 0;
        uint256 maxClose = absSize - minSize;
        return cap < maxClose ? cap : maxClose;
    }

    /// @dev PROTOCOL.md section 9: f = (M - A) / (n * (m - lambda - sigma)), rounded up; the whole
    ///      position when it is small, when A < M/2, when m <= lambda + sigma or f >= 1.
    function _liquidationSize(address baseToken, Market memory m, int256 size, uint256 price, AccountState memory s)
        internal
        view
        returns (uint256)
    {
        uint256 absSize = PerpMath.abs(size);
        uint256 notional = absSize.mulUp(price);
        if (notional < fullLiquidationThreshold || s.accountValue * 2 < int256(s.maintenanceRequirement)) {
            return absSize;
        }
        int256 cost = amm.closingCost(baseToken, size, notional, uint256(m.liquidationPenaltyRatio) + m.feeRatio);
        if (int256(uint256(m.mmRatio)) <= cost) return absSize;
        // fraction of the position, 1e18 = all
        uint256 f = Math.mulDiv(
            uint256(int256(s.maintenanceRequirement) - s.accountValue),
            1e18 * RATIO_ONE,
            notional * uint256(int256(uint256(m.mmRatio)) - cost),
            Math.Rounding.Ceil
        );
        if (f >= 1e18) return absSize;
        uint256 closeSize = absSize.mulUp(f);
        if ((absSize - closeSize).mulDown(price) < minPositionNotional) return absSize;
        return closeSize;
    }

    /// @dev Penalty on the liquidated notional. When the account cannot pay all of it after the
    ///      close, all of what it pays goes to the liquidator (the fund's half would only come
    ///      back out of the fund); an account solvent before the liquidation (at the anchor
    ///      prices) pays at most what it still has, so its liquidation never makes bad debt.
    function _chargePenalty(address trader, address baseToken, Market memory m, uint256 notional, Liquidation memory l)
        internal
        returns (uint256 penalty)
    {
        penalty = notional.mulRatioUp(m.liquidationPenaltyRatio);
        AccountState memory s = _liquidationState(trader, baseToken, l);
        int256 value = l.value >= 0 ? s.anchoredValue : s.accountValue;
        uint256 toLiquidator = penalty.mulRatioDown(liquidatorShare);
        if (value < int256(penalty)) {
            if (l.value >= 0) penalty = value > 0 ? uint256(value) : 0;
            toLiquidator = penalty;
        }
        if (penalty == 0) return 0;
        vault.transferBalance(trader, msg.sender, toLiquidator);
        if (penalty > toLiquidator) vault.transferBalance(trader, vault.insuranceFund(), penalty - toLiquidator);
    }

    /// @dev An account with no positions and negative collateral: the insurance fund covers
    ///      what it can, the rest is socialised over all collateral (never silent).
    function _settleBadDebt(address trader) internal {
        int256 balance = vault.balanceOf(trader);
        if (balance >= 0) return;
        uint256 debt = uint256(-balance);
        address fund = vault.insuranceFund();
        int256 fundBalance = vault.balanceOf(fund);
        uint256 covered = fundBalance <= 0 ? 0 : Math.min(debt, uint256(fundBalance));
        if (covered != 0) vault.transferBalance(fund, trader, covered);
        (uint256 socialized, uint256 deficit) = covered < debt ? vault.socializeLoss(trader) : (0, 0);
        emit BadDebtCovered(trader, debt, covered, socialized, deficit);
    }

    // ================================================================== internals: funding

    function _fundingRate(address baseToken, uint64 since, uint256 indexCum)
        internal
        view
        returns (FundingUpdate memory u)
    {
        uint256 dt = block.timestamp - since;
        FundingAnchor memory a = _fundingAnchors[baseToken];
        u.indexCum = indexCum;
        u.indexTwap = (indexCum - a.indexCumulative) / dt;
        (u.markCum, u.markTwap, u.rate) = amm.fundingRate(baseToken, dt, a.markCumulative, u.indexTwap);
    }

    /// @dev A cost to the pool is refused over min(maxCost, 1% of the pool's balance) and more
    ///      often than once per market per CURVE_CHANGE_INTERVAL; a gain is credited to it.
    function _chargeCurveCost(address baseToken, int256 cost, uint256 maxCost, bool isRepeg) internal {
        if (cost > 0) {
            uint256 poolBal = _nonNegative(vault.balanceOf(liquidityPool));
            uint256 budget = Math.min(maxCost, poolBal.mulRatioDown(MAX_CURVE_COST_RATIO));
            if (uint256(cost) > budget) revert KCostExceedsBudget(baseToken, cost, budget);
            uint256 next = _lastCurveChange[baseToken] + CURVE_CHANGE_INTERVAL;
            if (block.timestamp < next) revert CurveChangeTooSoon(baseToken, next);
            _lastCurveChange[baseToken] = block.timestamp;
        }
        if (cost != 0) vault.settle(liquidityPool, -cost);
        emit CurveMigrated(baseToken, cost, isRepeg);
    }

    function _setParams(address baseToken, MarketParams calldata p) internal {
        _bound(p.imRatio, 10_000, 500_000);
        _bound(p.mmRatio, 5_000, p.imRatio);
        _bound(p.feeRatio, 0, 10_000);
        _bound(p.insuranceFeeShare, 100_000, RATIO_ONE);
        _bound(p.liquidationPenaltyRatio, 0, 100_000);
        _bound(p.maxPriceMoveRatio, 1_000, 500_000);
        _bound(p.maxSpreadRatio, 1_000, 500_000);
        _bound(p.fundingInterval, 1 minutes, 8 hours);
        Market storage m = _markets[baseToken];
        m.imRatio = p.imRatio;
        m.mmRatio = p.mmRatio;
        m.feeRatio = p.feeRatio;
        m.insuranceFeeShare = p.insuranceFeeShare;
        m.liquidationPenaltyRatio = p.liquidationPenaltyRatio;
        m.maxPriceMoveRatio = p.maxPriceMoveRatio;
        m.maxSpreadRatio = p.maxSpreadRatio;
        m.fundingInterval = p.fundingInterval;
        _oiCaps[baseToken] = OpenInterestCap(p.maxLongOpenInterest, p.maxShortOpenInterest);
        emit MarketParamsChanged(baseToken, p);
    }

    function _bound(uint256 value, uint256 lo, uint256 hi) internal pure {
        if (value < lo || value > hi) revert ParamOutOfBounds(value, lo, hi);
    }

    function _nonNegative(int256 x) internal pure returns (uint256) {
        return x > 0 ? uint256(x) : 0;
    }
}
