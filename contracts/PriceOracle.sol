// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient as ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {IPyth} from "@pythnetwork/pyth-sdk-solidity/IPyth.sol";
import {IPriceOracle} from "../interfaces/IPriceOracle.sol";
import {Twap} from "./libraries/Twap.sol";

/// @title PriceOracle
/// @notice Index prices (18 decimals) per market from a Chainlink aggregator and a Pyth feed.
///         Rule (PROTOCOL.md section 5): Pyth when fresh and within the max deviation of a fresh
///         Chainlink; else Chainlink when fresh; else Pyth when fresh; else stale. Zero, negative,
///         future-dated and out-of-range answers, and feeds that revert, count as stale.
///         `observe` accrues the index TWAP (same accumulator as the mark TWAP).
contract PriceOracle is IPriceOracle, Ownable2Step, ReentrancyGuard {
    using Twap for Twap.State;

    struct Feed {
        address chainlink; // AggregatorV3Interface, may be zero
        uint8 chainlinkDecimals;
        uint32 chainlinkMaxAge; // seconds: heartbeat + margin
        uint32 pythMaxAge; // seconds
        uint24 maxDeviation; // 1e6 = 100%
        bytes32 pythId; // zero: no Pyth feed
        uint128 minPrice; // 18 decimals; answers outside [min, max] are stale
        uint128 maxPrice;
    }

    IPyth public immutable pyth;
    mapping(address baseToken => Feed) internal _feeds;
    mapping(address baseToken => Twap.State) internal _twaps;
    mapping(address baseToken => uint256) internal _lastIndex; // the index in force in the TWAP

    constructor(address pyth_, address owner_) Ownable(owner_) {
        pyth = IPyth(pyth_);
    }

    /// @notice Sets a market's feeds and limits; starts its index TWAP at the current index.
    /// @param baseToken market
    /// @param feed sources and limits (decimals of the Chainlink feed are read from it)
    function setFeed(address baseToken, Feed calldata feed) external onlyOwner {
        Feed memory f = feed;
        if (
            (f.chainlink == address(0) && f.pythId == bytes32(0)) || f.maxDeviation > 1e6 || f.minPrice >= f.maxPrice
                || (f.pythId != bytes32(0) && address(pyth) == address(0))
        ) revert InvalidFeedConfig(baseToken);
        if (f.chainlink != address(0)) f.chainlinkDecimals = AggregatorV3Interface(f.chainlink).decimals();
        bool existed = _feeds[baseToken].chainlink != address(0) || _feeds[baseToken].pythId != bytes32(0);
        _feeds[baseToken] = f;
        if (!existed) {
            (uint256 price, Source source) = _index(f);
            if (source == Source.Stale) revert InvalidFeedConfig(baseToken);
            _twaps[baseToken].init();
            _lastIndex[baseToken] = price;
        }
        emit FeedSet(baseToken, f.chainlink, f.pythId, f.chainlinkMaxAge, f.pythMaxAge, f.maxDeviation);
    }

    /// @notice The feed configuration of a market.
    function getFeed(address baseToken) external view returns (Feed memory) {
        return _feeds[baseToken];
    }

    /// @inheritdoc IPriceOracle
    function getIndexPrice(address baseToken) public view returns (uint256 price, Source source) {
        Feed memory f = _feeds[baseToken];
        if (f.chainlink == address(0) && f.pythId == bytes32(0)) revert UnknownFeed(baseToken);
        return _index(f);
    }

    /// @inheritdoc IPriceOracle
    function getPrices(address baseToken) external view returns (uint256 index, uint256 anchor, Source source) {
        Feed memory f = _feeds[baseToken];
        if (f.chainlink == address(0) && f.pythId == bytes32(0)) revert UnknownFeed(baseToken);
        (index, source) = _index(f);
        (uint256 cl, bool clFresh) = _chainlink(f);
        anchor = clFresh ? cl : index;
    }

    /// @inheritdoc IPriceOracle
    /// @dev Permissionless: accrues the TWAP with the price in force, then takes the fresh index
    ///      (a stale index leaves the last good price in force).
    function observe(address baseToken) external returns (uint256 price, Source source) {
        (price, source,) = _observe(baseToken);
    }

    /// @inheritdoc IPriceOracle
    function observeCumulative(address baseToken) external returns (uint256 price, Source source, uint256 cumulative) {
        return _observe(baseToken);
    }

    function _observe(address baseToken) internal returns (uint256 price, Source source, uint256 cumulative) {
        (price, source) = getIndexPrice(baseToken);
        Twap.State storage t = _twaps[baseToken];
        uint256 last = _lastIndex[baseToken];
        if (source != Source.Stale) {
            t.accrue(last);
            if (price != last) {
                _lastIndex[baseToken] = price;
                emit IndexObserved(baseToken, price, source);
            }
        }
        cumulative = t.cumulativeNow(last); // the price in force up to now is `last`
    }

    /// @inheritdoc IPriceOracle
    function indexCumulative(address baseToken) external view returns (uint256 cumulative, uint256 lastPrice, uint64 lastTime) {
        Twap.State storage t = _twaps[baseToken];
        uint256 last = _lastIndex[baseToken];
        return (t.cumulativeNow(last), last, t.head.lastTime);
    }

    /// @inheritdoc IPriceOracle
    function indexTwap(address baseToken, uint32 window) external view returns (uint256) {
        if (_twaps[baseToken].head.lastTime == 0) revert UnknownFeed(baseToken);
        return _twaps[baseToken].twap(window, _lastIndex[baseToken]);
    }

    /// @inheritdoc IPriceOracle
    /// @dev Forwards exactly the fee Pyth asks for and refunds the rest to the caller.
    function updatePythPrice(bytes[] calldata updateData) external payable nonReentrant {
        uint256 fee = pyth.getUpdateFee(updateData);
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
        return pyth.getUpdateFee(updateData);
    }

    /// @notice Chainlink's answer in 18 decimals and whether it is fresh and sane.
    function chainlinkPrice(address baseToken) external view returns (uint256 price, bool fresh) {
        return _chainlink(_feeds[baseToken]);
    }

    /// @notice Pyth's price in 18 decimals and whether it is fresh and sane.
    function pythPrice(address baseToken) external view returns (uint256 price, bool fresh) {
        return _pyth(_feeds[baseToken]);
    }

    // ------------------------------------------------------------------ internals

    function _index(Feed memory f) internal view returns (uint256, Source) {
        (uint256 cl, bool clFresh) = _chainlink(f);
        (uint256 py, bool pyFresh) = _pyth(f);
        if (pyFresh && clFresh) {
            uint256 diff = py > cl ? py - cl : cl - py;
            if (diff * 1e6 <= cl * f.maxDeviation) return (py, Source.Pyth);
            return (cl, Source.Chainlink);
        }
        if (clFresh) return (cl, Source.Chainlink);
        if (pyFresh) return (py, Source.Pyth);
        return (0, Source.Stale);
    }

    /// @dev A feed that reverts, has no code or returns malformed data counts as stale: it must
    ///      never make the index revert (liquidations and closing go on with a stale index).
    ///      Hence low-level calls with a length check instead of try/catch, which cannot catch a
    ///      decoding failure.
    function _chainlink(Feed memory f) internal view returns (uint256, bool) {
        if (f.chainlink == address(0)) return (0, false);
        (bool ok, bytes memory data) =
            f.chainlink.staticcall(abi.encodeCall(AggregatorV3Interface.latestRoundData, ()));
        if (!ok || data.length < 160) return (0, false);
        (, int256 answer,, uint256 updatedAt,) = abi.decode(data, (uint256, int256, uint256, uint256, uint256));
        if (answer <= 0 || updatedAt > block.timestamp || block.timestamp - updatedAt > f.chainlinkMaxAge) {
            return (0, false);
        }
        uint256 price = _scale(uint256(answer), -int32(uint32(f.chainlinkDecimals)));
        return (price, price >= f.minPrice && price <= f.maxPrice);
    }

    function _pyth(Feed memory f) internal view returns (uint256, bool) {
        if (f.pythId == bytes32(0)) return (0, false);
        (bool ok, bytes memory data) = address(pyth).staticcall(abi.encodeCall(IPyth.getPriceUnsafe, (f.pythId)));
        if (!ok || data.length < 128) return (0, false);
        // full-width words: narrow types would make abi.decode revert on out-of-range data
        (int256 p,, int256 expo, uint256 publishTime) = abi.decode(data, (int256, uint256, int256, uint256));
        if (p <= 0 || p > type(int64).max || expo < -36 || expo > 18) return (0, false);
        if (publishTime > block.timestamp || block.timestamp - publishTime > f.pythMaxAge) return (0, false);
        uint256 price = _scale(uint256(p), int32(expo));
        return (price, price >= f.minPrice && price <= f.maxPrice);
    }

    /// @dev value * 10^(18 + expo), rounded down.
    function _scale(uint256 value, int32 expo) internal pure returns (uint256) {
        int256 e = 18 + int256(expo);
        if (e >= 0) return value * 10 ** uint256(e);
        return value / 10 ** uint256(-e);
    }
}
