// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient as ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {IPyth} from "@pythnetwork/pyth-sdk-solidity/IPyth.sol";
import {IPriceOracle} from "../../interfaces/IPriceOracle.sol";
import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {Twap} from "../libraries/Twap.sol";

/// @title PriceOracle
/// @notice Index prices (18 decimals) per market from a Chainlink aggregator and a Pyth feed.
///
///         Spot index (`getIndexPrice`, margin and trading; PROTOCOL.md section 5): Pyth when
///         fresh and within the max deviation of a fresh Chainlink; else Chainlink when fresh;
///         else Pyth when fresh; else stale. Zero, negative, future-dated, out-of-range and
///         unrepresentable answers, Pyth prices whose confidence interval exceeds the feed's
///         maximum share of the price, and feeds that revert or answer garbage, count as stale:
///         reading a feed never reverts (except for a caller that does not leave the feed call
///         its gas allowance, see `InsufficientGasForFeed`).
///
///         Index TWAP (funding): it must not depend on who calls `observe`, or when. It accrues
///         Chainlink's own answers by their own `updatedAt` times: each accrual walks back the
///         aggregator's rounds since the last accrual (at most MAX_ROUNDS of them, within the
///         aggregator's current phase) and adds every answer times the seconds it was in force
///         and fresh. Nobody but the oracle network can move those, so while Chainlink is fresh
///         the accumulator is the same whoever observes and whenever. Only the seconds in which
///         Chainlink was stale (older than its max age), absent or unreadable fall back to
///         sample-and-hold of the spot index (Pyth): they are priced at the price recorded by the
///         previous accrual (Chainlink's answer, or the spot index while Chainlink was stale).
///         Known limits, all documented here: that fallback depends on observer timing (during
///         a Chainlink outage an observer picks which genuine Pyth print is held until the next
///         observation); when more than MAX_ROUNDS rounds (or a phase change, or a malformed
///         round) lie between two accruals, the rest of the span is priced at the recorded price
///         as well (funding updates, repegs and `observe` accrue, and the funding bot observes
///         every market between epochs, so this needs MAX_ROUNDS rounds between two of those;
///         trades read the index through the `getPrices` view and write nothing here: an
///         accrual per trade cost ~35k gas); a latest round that is malformed, non-positive, out of range or
///         future-dated prices the whole span at the recorded price.
///         Every state-changing read (`observe`, `observeCumulative`) commits its accrual, so a
///         cumulative it returned is never revised: later cumulatives are never smaller.
///
///         L2 sequencer rule (PROTOCOL.md section 5, as Aave v3's PriceOracleSentinel): with an
///         uptime feed set, opening and increasing (`requireSequencerUp(false)`, called by the
///         core and the netting engine) and liquidations (`requireSequencerUp(true)`) wait while
///         the feed says down and until `gracePeriod` seconds after it came back up: refused for
///         block.timestamp < startedAt + gracePeriod, allowed from startedAt + gracePeriod on
///         (Aave allows only after it, one second later). A feed that cannot be read, answers
///         anything but 0 (up), or dates its status change 0 or in the future counts as down.
contract PriceOracle is IPriceOracle, Ownable2Step, ReentrancyGuard {
    using Twap for Twap.State;

    /// @notice Chainlink rounds read back per accrual (beyond the latest one).
    uint256 public constant MAX_ROUNDS = 8;
    /// @notice Gas each feed call gets (a real aggregator proxy or Pyth read costs ~10-30k).
    uint256 public constant FEED_CALL_GAS = 100_000;
    /// @dev gas a caller must have left before a feed call: the allowance, the 1/64 that
    ///      EIP-150 keeps back, and the call's own cost (cold account, memory)
    uint256 internal constant FEED_CALL_RESERVE = FEED_CALL_GAS + FEED_CALL_GAS / 63 + 5_000;

    uint256 internal constant MAX_CHAINLINK_DECIMALS = 36; // 10**(decimals - 18) overflows from 96 on
    uint256 internal constant MAX_CHAINLINK_AGE = 2 days;
    uint256 internal constant MAX_PYTH_AGE = 1 hours;
    uint256 internal constant MAX_DEVIATION = 100_000; // 10%
    uint256 internal constant MAX_CONFIDENCE = 100_000; // 10%
    /// @dev 1e12 USD per unit: keeps price * seconds far inside the TWAP's 160 bits (and the
    ///      ClearingHouse's 128-bit funding anchors for 10 years at that price)
    uint256 internal constant MAX_PRICE = 1e30;
    /// @notice Bounds of the grace period after a sequencer restart (default 1 hour).
    uint256 public constant MIN_SEQUENCER_GRACE_PERIOD = 1 minutes;
    /// @notice Bounds of the grace period after a sequencer restart (default 1 hour).
    uint256 public constant MAX_SEQUENCER_GRACE_PERIOD = 1 days;

    /// @dev One Chainlink round as read. `price` is the answer in 18 decimals (0 when it cannot
    ///      be represented); `valid`: well formed, answer > 0, dated (0, now], price in range;
    ///      `fresh` (latest round only): valid and no older than the feed's max age.
    struct Round {
        uint256 roundId;
        uint256 price;
        uint256 updatedAt;
        bool valid;
        bool fresh;
    }

    /// @inheritdoc IPriceOracle
    IPyth public immutable pyth;
    mapping(address baseToken => Feed) internal _feeds;
    mapping(address baseToken => Twap.State) internal _twaps;
    mapping(address baseToken => uint256) internal _lastIndex; // the TWAP's price recorded at the last accrual
    /// @dev The L2 sequencer rule's settings, one slot (one read per check): the uptime feed
    ///      (zero: the rule is off) and the grace period after a restart (s, default 1 hour).
    address internal _sequencerFeed;
    uint32 internal _sequencerGracePeriod = 1 hours;

    /// @param pyth_ Pyth contract; zero for an oracle with Chainlink feeds only
    /// @param owner_ owner (governance), who sets the feeds
    constructor(address pyth_, address owner_) Ownable(owner_) {
        pyth = IPyth(pyth_);
    }

    // ------------------------------------------------------------------ configuration

    /// @inheritdoc IPriceOracle
    /// @dev Validates every field (custom errors carrying the values), reads the Chainlink
    ///      decimals from the aggregator, and starts the index TWAP of a new market at its
    ///      current index (a new market's index must not be stale). Reconfiguring a market first
    ///      accrues its TWAP with the old feed, then continues with the new one.
    function setFeed(address baseToken, Feed calldata feed) external onlyOwner {
        if (baseToken == address(0)) revert InvalidBaseToken(baseToken);
        Feed memory f = feed;
        _validate(baseToken, f);
        Feed memory old = _feeds[baseToken];
        bool existed = _known(old);
        if (existed) _accrue(baseToken, old);
        _feeds[baseToken] = f;
        emit FeedSet(baseToken, old, f);

        Round memory cl = _latest(f);
        (uint256 spot, Source spotSource) = _spot(f, cl);
        (uint256 price, Source source) = _twapPrice(cl, spot, spotSource);
        if (!existed) {
            if (source == Source.Stale) revert InitialIndexStale(baseToken);
            _twaps[baseToken].init();
        }
        if (source == Source.Stale) return; // a reconfigured market keeps its last price in force
        if (price != _lastIndex[baseToken]) {
            _lastIndex[baseToken] = price;
            emit IndexObserved(baseToken, price, source);
        }
    }

    /// @inheritdoc IPriceOracle
    function getFeed(address baseToken) external view returns (Feed memory) {
        return _feed(baseToken);
    }

    /// @inheritdoc IPriceOracle
    /// @dev A non-zero feed must answer `latestRoundData` now (SequencerFeedUnreadable).
    function setSequencerUptimeFeed(address feed) external onlyOwner {
        if (feed != address(0)) {
            (bool ok,) = _call(feed, abi.encodeCall(AggregatorV3Interface.latestRoundData, ()), 160);
            if (!ok) revert SequencerFeedUnreadable(feed);
        }
        emit SequencerUptimeFeedSet(_sequencerFeed, feed);
        _sequencerFeed = feed;
    }

    /// @inheritdoc IPriceOracle
    function setSequencerGracePeriod(uint256 gracePeriod) external onlyOwner {
        if (gracePeriod < MIN_SEQUENCER_GRACE_PERIOD || gracePeriod > MAX_SEQUENCER_GRACE_PERIOD) {
            revert SequencerGracePeriodOutOfBounds(gracePeriod, MIN_SEQUENCER_GRACE_PERIOD, MAX_SEQUENCER_GRACE_PERIOD);
        }
        emit SequencerGracePeriodSet(_sequencerGracePeriod, gracePeriod);
        _sequencerGracePeriod = uint32(gracePeriod); // <= 1 day
    }

    /// @inheritdoc IPriceOracle
    function sequencerUptimeFeed() external view returns (address) {
        return _sequencerFeed;
    }

    /// @inheritdoc IPriceOracle
    function sequencerGracePeriod() external view returns (uint256) {
        return _sequencerGracePeriod;
    }

    // ------------------------------------------------------------------ L2 sequencer

    /// @inheritdoc IPriceOracle
    function sequencerStatus() public view returns (bool ready, bool down, uint256 since, uint256 readyAt) {
        (address feed, uint256 grace) = (_sequencerFeed, _sequencerGracePeriod);
        if (feed == address(0)) return (true, false, 0, 0);
        (bool ok, bytes memory data) = _call(feed, abi.encodeCall(AggregatorV3Interface.latestRoundData, ()), 160);
        if (!ok) return (false, true, 0, 0);
        int256 answer;
        (, answer, since,,) = abi.decode(data, (uint256, int256, uint256, uint256, uint256));
        if (answer != 0 || since == 0 || since > block.timestamp) return (false, true, since, 0);
        readyAt = since + grace; // since <= now, grace <= 1 day: no overflow
        ready = block.timestamp >= readyAt;
    }

    /// @inheritdoc IPriceOracle
    function requireSequencerUp(bool liquidation) external view {
        (bool ready, bool down, uint256 since, uint256 readyAt) = sequencerStatus();
        if (ready) return;
        if (liquidation) revert E.LiquidationWaitsForSequencer(down, since, readyAt);
        revert E.SequencerUnavailable(down, since, readyAt);
    }

    // ------------------------------------------------------------------ prices

    /// @inheritdoc IPriceOracle
    function getIndexPrice(address baseToken) external view returns (uint256 price, Source source) {
        Feed memory f = _feed(baseToken);
        return _spot(f, _latest(f));
    }

    /// @inheritdoc IPriceOracle
    function chainlinkPrice(address baseToken) external view returns (uint256 price, bool fresh) {
        Feed memory f = _feed(baseToken);
        Round memory r = _latest(f);
        if (r.price == 0 || block.timestamp - r.updatedAt > f.chainlinkMaxAge) return (0, false);
        return (r.price, r.fresh); // an out-of-range answer: its price, not fresh
    }

    /// @inheritdoc IPriceOracle
    function pythPrice(address baseToken) external view returns (uint256 price, bool fresh) {
        return _pyth(_feed(baseToken));
    }

    /// @inheritdoc IPriceOracle
    function getPrices(address baseToken) external view returns (uint256 index, uint256 anchor, Source source) {
        Feed memory f = _feed(baseToken);
        Round memory cl = _latest(f);
        (index, source) = _spot(f, cl);
        anchor = cl.fresh ? cl.price : index;
    }

    // ------------------------------------------------------------------ index TWAP

    /// @inheritdoc IPriceOracle
    /// @dev Permissionless; the TWAP it accrues does not depend on who calls or when while
    ///      Chainlink is fresh (see the contract's notice).
    function observe(address baseToken) external returns (uint256 price, Source source) {
        (price, source,,) = _accrue(baseToken, _feed(baseToken));
    }

    /// @inheritdoc IPriceOracle
    function observePrices(address baseToken) external returns (uint256 index, uint256 anchor, Source source) {
        (index, source,, anchor) = _accrue(baseToken, _feed(baseToken));
    }

    /// @inheritdoc IPriceOracle
    function observeCumulative(address baseToken) external returns (uint256 price, Source source, uint256 cumulative) {
        (price, source, cumulative,) = _accrue(baseToken, _feed(baseToken));
    }

    /// @inheritdoc IPriceOracle
    function indexCumulative(address baseToken) external view returns (uint256 cumulative, uint256 lastPrice, uint64 lastTime) {
        return _indexCumulative(baseToken);
    }

    /// @inheritdoc IPriceOracle
    function indexTwap(address baseToken, uint32 window) external view returns (uint256) {
        (uint256 cumulative, uint256 price,) = _indexCumulative(baseToken);
        return _twaps[baseToken].twapCumulative(window, cumulative, price);
    }

    // ------------------------------------------------------------------ Pyth updates

    /// @inheritdoc IPriceOracle
    /// @dev Forwards exactly the fee Pyth asks for and refunds the rest.
    function updatePythPrice(bytes[] calldata updateData) external payable nonReentrant {
        uint256 fee = _pythFee(updateData);
        if (msg.value < fee) revert InsufficientPythFee(fee, msg.value);
        pyth.updatePriceFeeds{value: fee}(updateData);
        emit PythUpdated(msg.sender, fee);
        uint256 refund = msg.value - fee;
        if (refund != 0) {
            (bool ok,) = msg.sender.call{value: refund}("");
            if (!ok) revert RefundFailed(msg.sender, refund);
        }
    }

    /// @inheritdoc IPriceOracle
    function pythUpdateFee(bytes[] calldata updateData) external view returns (uint256) {
        return _pythFee(updateData);
    }

    // ------------------------------------------------------------------ internals: TWAP

    /// @dev Reads the feeds once, accrues the TWAP up to now (always, so that the cumulative
    ///      returned is committed) and records the price in force from now on: Chainlink's answer
    ///      when fresh, else the spot index (Pyth) when fresh, else the recorded one.
    function _accrue(address baseToken, Feed memory f)
        internal
        returns (uint256 price, Source source, uint256 cumulative, uint256 anchor)
    {
        Round memory cl = _latest(f);
        (price, source) = _spot(f, cl);
        anchor = cl.fresh ? cl.price : price;
        Twap.State storage t = _twaps[baseToken];
        uint256 last = _lastIndex[baseToken];
        cumulative = t.accrueSum(_pending(f, cl, t.head.lastTime, last));
        (uint256 next, Source nextSource) = _twapPrice(cl, price, source);
        if (nextSource != Source.Stale && next != last) {
            _lastIndex[baseToken] = next;
            emit IndexObserved(baseToken, next, nextSource);
        }
    }

    function _indexCumulative(address baseToken) internal view returns (uint256 cumulative, uint256 price, uint64 lastTime) {
        Feed memory f = _feed(baseToken);
        Round memory cl = _latest(f);
        Twap.Head memory h = _twaps[baseToken].head;
        uint256 last = _lastIndex[baseToken];
        cumulative = uint256(h.cumulative) + _pending(f, cl, h.lastTime, last);
        (uint256 spot, Source source) = _spot(f, cl);
        (price, source) = _twapPrice(cl, spot, source);
        if (source == Source.Stale) price = last;
        lastTime = h.lastTime;
    }

    /// @dev The price the TWAP takes from now on: Chainlink's when fresh, else the spot index
    ///      (Stale: keep the recorded one).
    function _twapPrice(Round memory cl, uint256 spot, Source source) internal pure returns (uint256, Source) {
        if (cl.fresh) return (cl.price, Source.Chainlink);
        return (spot, source);
    }

    /// @dev The TWAP's price * seconds over (since, now]. Walks Chainlink's rounds back from the
    ///      latest; a round is in force from its `updatedAt` to the next round's, at its answer
    ///      while fresh (up to `updatedAt` + max age), at `last` after that. The walk ends at a
    ///      round dated at or before `since` (the normal end), after MAX_ROUNDS rounds, at the
    ///      first round of the aggregator's phase, or at a malformed, non-positive, out-of-range
    ///      or later-dated round; what is left of the span is priced at `last`, and so is the
    ///      whole span when the latest round is not valid (Chainlink absent or unreadable).
    ///      No overflow: prices <= MAX_PRICE, times <= now, max age <= 2 days.
    function _pending(Feed memory f, Round memory cl, uint256 since, uint256 last) internal view returns (uint256 sum) {
        uint256 end = block.timestamp;
        if (!cl.valid) return last * (end - since);
        if (cl.fresh && cl.updatedAt <= since) return cl.price * (end - since); // no new round: the common case
        Round memory r = cl;
        for (uint256 i = 0;; ++i) {
            uint256 start = r.updatedAt > since ? r.updatedAt : since;
            uint256 freshUntil = r.updatedAt + f.chainlinkMaxAge;
            if (freshUntil < end) {
                uint256 staleFrom = freshUntil > start ? freshUntil : start;
                sum += last * (end - staleFrom);
                end = staleFrom;
            }
            sum += r.price * (end - start);
            if (r.updatedAt <= since) return sum;
            end = r.updatedAt;
            // uint64(id) <= 1: the first round of a phase (or no round id at all)
            if (i == MAX_ROUNDS || uint64(r.roundId) <= 1 || r.roundId > type(uint80).max) break;
            Round memory prev = _round(f, abi.encodeCall(AggregatorV3Interface.getRoundData, (uint80(r.roundId - 1))));
            if (!prev.valid || prev.updatedAt > r.updatedAt) break;
            r = prev;
        }
        return sum + last * (end - since);
    }

    // ------------------------------------------------------------------ internals: feeds

    function _feed(address baseToken) internal view returns (Feed memory f) {
        f = _feeds[baseToken];
        if (!_known(f)) revert UnknownFeed(baseToken);
    }

    function _known(Feed memory f) internal pure returns (bool) {
        return f.chainlink != address(0) || f.pythId != bytes32(0);
    }

    function _spot(Feed memory f, Round memory cl) internal view returns (uint256, Source) {
        bool clFresh = cl.fresh;
        (uint256 py, bool pyFresh) = _pyth(f);
        if (pyFresh && clFresh) {
            // both <= MAX_PRICE: no overflow
            uint256 diff = py > cl.price ? py - cl.price : cl.price - py;
            if (diff * 1e6 <= cl.price * f.maxDeviation) return (py, Source.Pyth);
            return (cl.price, Source.Chainlink);
        }
        if (clFresh) return (cl.price, Source.Chainlink);
        if (pyFresh) return (py, Source.Pyth);
        return (0, Source.Stale);
    }

    function _latest(Feed memory f) internal view returns (Round memory r) {
        if (f.chainlink == address(0)) return r;
        r = _round(f, abi.encodeCall(AggregatorV3Interface.latestRoundData, ()));
        r.fresh = r.valid && block.timestamp - r.updatedAt <= f.chainlinkMaxAge;
    }

    /// @dev A feed that reverts, has no code or returns malformed data gives an invalid round:
    ///      it must never make the index revert (liquidations and closing go on with a stale
    ///      index). Every word is decoded at full width and range-checked here.
    function _round(Feed memory f, bytes memory callData) internal view returns (Round memory r) {
        (bool ok, bytes memory data) = _call(f.chainlink, callData, 160);
        if (!ok) return r;
        (uint256 id, int256 answer,, uint256 updatedAt,) = abi.decode(data, (uint256, int256, uint256, uint256, uint256));
        if (answer <= 0 || updatedAt == 0 || updatedAt > block.timestamp) return r;
        (uint256 price, bool representable) = _scale(uint256(answer), -int256(uint256(f.chainlinkDecimals)));
        r.roundId = id;
        r.price = price;
        r.updatedAt = updatedAt;
        r.valid = representable && price != 0 && price >= f.minPrice && price <= f.maxPrice;
    }

    /// @dev Pyth's price in 18 decimals and whether it is fresh, sane and confident enough:
    ///      conf * 1e6 <= price * maxConfidence (both in the feed's own exponent).
    function _pyth(Feed memory f) internal view returns (uint256, bool) {
        if (f.pythId == bytes32(0)) return (0, false);
        (bool ok, bytes memory data) = _call(address(pyth), abi.encodeCall(IPyth.getPriceUnsafe, (f.pythId)), 128);
        if (!ok) return (0, false);
        (int256 p, uint256 conf, int256 expo, uint256 publishTime) = abi.decode(data, (int256, uint256, int256, uint256));
        if (p <= 0 || p > type(int64).max || expo < -36 || expo > 18) return (0, false);
        if (publishTime > block.timestamp || block.timestamp - publishTime > f.pythMaxAge) return (0, false);
        (uint256 price,) = _scale(uint256(p), expo); // < 2^63 * 1e36: always representable
        bool confident = conf <= type(uint64).max && conf * 1e6 <= uint256(p) * f.maxConfidence;
        return (price, confident && price != 0 && price >= f.minPrice && price <= f.maxPrice);
    }

    /// @dev value * 10^(18 + expo), rounded down; false when the result does not fit 256 bits.
    ///      No exponent (or value) can make it panic.
    function _scale(uint256 value, int256 expo) internal pure returns (uint256, bool) {
        if (expo >= -18) {
            if (expo > 59) return (0, false); // 10**78 and up do not fit
            uint256 m = 10 ** uint256(expo + 18);
            if (value > type(uint256).max / m) return (0, false);
            return (value * m, true);
        }
        uint256 d = uint256(-(expo + 18));
        if (d > 77) return (0, true); // any uint256 / 10**78 is 0
        return (value / 10 ** d, true);
    }

    /// @dev staticcall with a fixed gas allowance that copies at most `size` bytes of return data
    ///      (no return-data bomb) and fails when fewer come back. A caller that cannot give the
    ///      feed its whole allowance is refused (InsufficientGasForFeed): with the gas limit
    ///      chosen by the caller, a starved call would otherwise pass for a stale feed and let
    ///      the caller pick the index source (e.g. fall back to a Pyth print of its choice).
    function _call(address target, bytes memory callData, uint256 size) internal view returns (bool ok, bytes memory out) {
        uint256 left = gasleft();
        if (left < FEED_CALL_RESERVE) revert InsufficientGasForFeed(left, FEED_CALL_RESERVE);
        uint256 gasAllowance = FEED_CALL_GAS;
        assembly ("memory-safe") {
            // `size` bytes of fresh memory, not zeroed: every byte is written when `ok`
            out := mload(0x40)
            mstore(out, size)
            mstore(0x40, add(add(out, 32), size))
            ok := staticcall(gasAllowance, target, add(callData, 32), mload(callData), add(out, 32), size)
            if lt(returndatasize(), size) { ok := 0 }
        }
    }

    function _validate(address baseToken, Feed memory f) internal view {
        if (!_known(f)) revert NoPriceSource(baseToken);
        if (f.chainlink != address(0)) {
            if (f.chainlinkMaxAge == 0 || f.chainlinkMaxAge > MAX_CHAINLINK_AGE) {
                revert ChainlinkMaxAgeOutOfBounds(baseToken, f.chainlinkMaxAge, 1, MAX_CHAINLINK_AGE);
            }
            (bool ok, bytes memory data) = _call(f.chainlink, abi.encodeCall(AggregatorV3Interface.decimals, ()), 32);
            if (!ok) revert ChainlinkDecimalsUnreadable(baseToken, f.chainlink);
            uint256 decimals = abi.decode(data, (uint256));
            if (decimals > MAX_CHAINLINK_DECIMALS) {
                revert ChainlinkDecimalsOutOfBounds(baseToken, decimals, MAX_CHAINLINK_DECIMALS);
            }
            f.chainlinkDecimals = uint8(decimals);
        } else {
            f.chainlinkDecimals = 0;
        }
        if (f.pythId != bytes32(0)) {
            if (address(pyth) == address(0)) revert PythUnavailable(baseToken, f.pythId);
            if (f.pythMaxAge == 0 || f.pythMaxAge > MAX_PYTH_AGE) {
                revert PythMaxAgeOutOfBounds(baseToken, f.pythMaxAge, 1, MAX_PYTH_AGE);
            }
            if (f.maxConfidence == 0 || f.maxConfidence > MAX_CONFIDENCE) {
                revert MaxConfidenceOutOfBounds(baseToken, f.maxConfidence, 1, MAX_CONFIDENCE);
            }
        }
        if (f.maxDeviation > MAX_DEVIATION) revert MaxDeviationOutOfBounds(baseToken, f.maxDeviation, MAX_DEVIATION);
        if (f.minPrice == 0 || f.minPrice >= f.maxPrice || f.maxPrice > MAX_PRICE) {
            revert PriceRangeInvalid(baseToken, f.minPrice, f.maxPrice, MAX_PRICE);
        }
    }

    function _pythFee(bytes[] calldata updateData) internal view returns (uint256) {
        if (address(pyth) == address(0)) revert PythUnavailable(address(0), bytes32(0));
        if (updateData.length == 0) revert NoPythUpdate();
        return pyth.getUpdateFee(updateData);
    }
}
