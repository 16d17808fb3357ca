// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Twap
/// @notice O(1) cumulative price*time accumulator with a small ring of observations
///         (PROTOCOL.md section 9, "Mark TWAP"). `update` is called before the price changes
///         (once per block matters; later calls in the same block add nothing). The ring keeps
///         one observation per GRANULARITY seconds, RING of them: any window up to
///         RING * GRANULARITY seconds can be read.
library Twap {
    uint256 internal constant RING = 32;
    uint256 internal constant GRANULARITY = 60;

    struct Observation {
        uint32 time;
        uint224 cumulative;
    }

    struct State {
        uint256 cumulative; // sum of price * seconds (price 18 decimals)
        uint128 lastPrice; // price in force since lastTime
        uint64 lastTime;
        uint16 ringIndex; // slot of the newest observation
        uint16 ringCount; // observations written, capped at RING
        Observation[RING] ring;
    }

    /// @notice Starts the accumulator at `price`.
    function init(State storage s, uint256 price) internal {
        s.lastPrice = uint128(price);
        s.lastTime = uint64(block.timestamp);
        s.ring[0] = Observation(uint32(block.timestamp), 0);
        s.ringCount = 1;
    }

    /// @notice Accrues the price in force up to now, then sets the new price in force.
    function update(State storage s, uint256 newPrice) internal {
        uint64 last = s.lastTime;
        uint128 lastPrice = s.lastPrice;
        if (block.timestamp != last) {
            uint256 cum = s.cumulative + uint256(lastPrice) * (block.timestamp - last);
            s.cumulative = cum;
            s.lastTime = uint64(block.timestamp);
            uint16 idx = s.ringIndex;
            if (block.timestamp >= uint256(s.ring[idx].time) + GRANULARITY) {
                idx = uint16((idx + 1) % RING);
                s.ring[idx] = Observation(uint32(block.timestamp), uint224(cum));
                s.ringIndex = idx;
                if (s.ringCount < RING) s.ringCount += 1;
            }
        }
        if (newPrice != lastPrice) s.lastPrice = uint128(newPrice);
    }

    /// @notice The cumulative extrapolated to now with the price in force.
    function cumulativeNow(State storage s) internal view returns (uint256) {
        return s.cumulative + uint256(s.lastPrice) * (block.timestamp - s.lastTime);
    }

    /// @notice Time-weighted average over (about) the last `window` seconds: from the newest
    ///         observation at or before now - window (or the oldest one kept) to now.
    function twap(State storage s, uint256 window) internal view returns (uint256) {
        uint256 nowCum = cumulativeNow(s);
        uint256 count = s.ringCount;
        if (window == 0 || count == 0) return s.lastPrice;
        uint256 target = block.timestamp > window ? block.timestamp - window : 0;
        uint256 idx = s.ringIndex;
        Observation memory chosen = s.ring[idx];
        for (uint256 i = 0; i < count; ++i) {
            Observation memory o = s.ring[(idx + RING - i) % RING];
            chosen = o;
            if (o.time <= target) break;
        }
        if (chosen.time >= block.timestamp) return s.lastPrice;
        return (nowCum - chosen.cumulative) / (block.timestamp - chosen.time);
    }
}
