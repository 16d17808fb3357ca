// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Twap
/// @notice O(1) cumulative price*time accumulator with a small ring of observations
///         (PROTOCOL.md section 9, "Mark TWAP"). The caller supplies the price that has been in
///         force since the last accrual (the AMM: its current mark, derived from the reserves;
///         the oracle: the last observed index), so the state is one storage slot plus the ring.
///         The ring keeps one observation per GRANULARITY seconds, RING of them: any window up to
///         RING * GRANULARITY seconds can be read.
library Twap {
    uint256 internal constant RING = 32;
    uint256 internal constant GRANULARITY = 60;

    struct Observation {
        uint32 time;
        uint224 cumulative;
    }

    /// @dev one slot: 160 bits of cumulative hold price 1e25 (10M USD) x 4e9 years of seconds
    struct Head {
        uint160 cumulative; // sum of price * seconds (price 18 decimals)
        uint32 lastTime; // of the last accrual
        uint32 lastObservation; // time of the newest ring observation
        uint16 ringIndex; // slot of the newest observation
        uint16 ringCount; // observations written, capped at RING
    }

    struct State {
        Head head;
        Observation[RING] ring;
    }

    /// @notice Starts the accumulator now.
    function init(State storage s) internal {
        s.ring[0] = Observation(uint32(block.timestamp), 0);
        s.head = Head(0, uint32(block.timestamp), uint32(block.timestamp), 0, 1);
    }

    /// @notice Accrues `priceInForce` from the last accrual up to now (a no-op within a block).
    function accrue(State storage s, uint256 priceInForce) internal {
        accrueSum(s, priceInForce * (block.timestamp - s.head.lastTime));
    }

    /// @notice Accrues a precomputed price*seconds `sum` covering the span from the last accrual
    ///         up to now (for a price that changed within the span; a no-op within a block, where
    ///         the span, hence the sum, is empty). Same ring bookkeeping as `accrue`.
    /// @return cum the cumulative at now
    function accrueSum(State storage s, uint256 sum) internal returns (uint256 cum) {
        Head memory m = s.head;
        if (block.timestamp == m.lastTime) return m.cumulative;
        cum = m.cumulative + sum;
        m.cumulative = uint160(cum);
        m.lastTime = uint32(block.timestamp);
        if (block.timestamp >= uint256(m.lastObservation) + GRANULARITY) {
            uint16 idx = uint16((m.ringIndex + 1) % RING);
            s.ring[idx] = Observation(uint32(block.timestamp), uint224(cum));
            m.ringIndex = idx;
            m.lastObservation = uint32(block.timestamp);
            if (m.ringCount < RING) m.ringCount += 1;
        }
        s.head = m;
    }

    /// @notice The cumulative extrapolated to now with `priceInForce`.
    function cumulativeNow(State storage s, uint256 priceInForce) internal view returns (uint256) {
        Head memory h = s.head;
        return uint256(h.cumulative) + priceInForce * (block.timestamp - h.lastTime);
    }

    /// @notice Time-weighted average over (about) the last `window` seconds: from the newest
    ///         observation at or before now - window (or the oldest one kept) to now.
    function twap(State storage s, uint256 window, uint256 priceInForce) internal view returns (uint256) {
        return twapCumulative(s, window, cumulativeNow(s, priceInForce), priceInForce);
    }

    /// @notice `twap` with the cumulative at now supplied by the caller (`nowCum`, e.g. accrued
    ///         from a price that changed since the last accrual); `priceInForce` is returned for an
    ///         empty window.
    function twapCumulative(State storage s, uint256 window, uint256 nowCum, uint256 priceInForce)
        internal
        view
        returns (uint256)
    {
        uint256 count = s.head.ringCount;
        if (window == 0 || count == 0) return priceInForce;
        uint256 target = block.timestamp > window ? block.timestamp - window : 0;
        uint256 idx = s.head.ringIndex;
        Observation memory chosen = s.ring[idx];
        for (uint256 i = 0; i < count; ++i) {
            Observation memory o = s.ring[(idx + RING - i) % RING];
            chosen = o;
            if (o.time <= target) break;
        }
        if (chosen.time >= block.timestamp) return priceInForce;
        return (nowCum - chosen.cumulative) / (block.timestamp - chosen.time);
    }
}
