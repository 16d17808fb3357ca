"""The windows of the crash replays (real ETH/USD oracle series in data/, see data/SOURCES.md) and
their rows as oracle updates: hourly Chainlink closes (round ids numbered from
FIRST_SYNTHETIC_ROUND on) or recorded Chainlink rounds, each at its time offset from the first."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from vperp.sim.market_data import load_candles, load_chainlink_rounds

FIRST_SYNTHETIC_ROUND = 2  # the aggregator mock's constructor writes round 1


@dataclass(frozen=True)
class Window:
    name: str
    index_file: str  # Chainlink series (hourly candles or rounds)
    kind: str  # "candles" | "rounds"
    reference_file: str | None = None  # exchange candles, reported only (spot low vs oracle low)
    start: int | None = None  # unix seconds: first row used (None: the file's first)
    end: int | None = None  # unix seconds: last row used, inclusive
    description: str = ""


WINDOWS: dict[str, Window] = {
    "2022-06": Window(
        "2022-06",
        "eth_2022-06_crash_chainlink_1h.csv",
        "candles",
        "eth_2022-06_crash_binance_1h.csv",
        description="2022-06-10 -> 06-20, every hourly Chainlink close (Jun 13 -16%, Jun 18 low)",
    ),
    "2022-11": Window(
        "2022-11",
        "eth_2022-11_ftx_chainlink_1h.csv",
        "candles",
        "eth_2022-11_ftx_binance_1h.csv",
        description="2022-11-05 -> 11-14, every hourly Chainlink close (FTX collapse: -33% to the Nov 9 low)",
    ),
    "2023-08-17": Window(
        "2023-08-17",
        "eth_2023-08-17_drop_chainlink_rounds.csv",
        "rounds",
        description="2023-08-14 -> 08-20, all 257 Chainlink mainnet rounds (Aug 17 drop)",
    ),
    "2024-08": Window(
        "2024-08",
        "eth_2024-08_crash_chainlink_1h.csv",
        "candles",
        "eth_2024-08_crash_binance_1h.csv",
        description="2024-08-01 -> 08-09, every hourly Chainlink close (Aug 5 crash)",
    ),
    "2025-10": Window(
        "2025-10",
        "eth_2025-10_crash_chainlink_1h.csv",
        "candles",
        "eth_2025-10_crash_binance_1h.csv",
        description="2025-10-07 -> 10-14, every hourly Chainlink close (Oct 10 crash)",
    ),
}


@dataclass(frozen=True)
class OracleStep:
    source_time: int  # unix seconds of the row (candle start / round updatedAt)
    offset: int  # seconds since the first step
    price: Decimal
    round_id: int
    answer: int  # 8 decimals
    started_offset: int  # startedAt - updatedAt (<= 0)


def _answer(price: Decimal) -> int:
    raw = price * 10**8
    if raw != raw.to_integral_value():
        raise ValueError(f"price {price} has more than 8 decimals")
    return int(raw)


def oracle_steps(window: Window) -> list[OracleStep]:
    """The window's rows as oracle updates, in order."""
    if window.kind == "candles":
        rows = [
            (c.timestamp, c.close, None, 0)
            for c in load_candles(window.index_file)
            if (window.start is None or c.timestamp >= window.start)
            and (window.end is None or c.timestamp <= window.end)
        ]
    elif window.kind == "rounds":
        rows = [
            (r.timestamp, r.price, r.round_id, r.started_at - r.timestamp)
            for r in load_chainlink_rounds(window.index_file)
            if (window.start is None or r.timestamp >= window.start)
            and (window.end is None or r.timestamp <= window.end)
        ]
    else:
        raise ValueError(window.kind)
    t0 = rows[0][0]
    return [
        OracleStep(
            ts, ts - t0, price, rid if rid is not None else FIRST_SYNTHETIC_ROUND + i, _answer(price), started
        )
        for i, (ts, price, rid, started) in enumerate(rows)
    ]
