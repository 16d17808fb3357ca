"""Typed loaders for the real ETH/USD price files in data/ (see data/SOURCES.md).

Two layouts:
- candles: `timestamp,price,open,high,low,close` (timestamp = interval start, unix s UTC;
  price == close = the last price of the interval)
- Chainlink rounds: `timestamp,price,round_id,answer,started_at` (timestamp = updatedAt;
  price = answer / 1e8 exactly; answer is the raw 8-decimal integer)

Prices are parsed as Decimal from the files' decimal strings: never floats, never rounded.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from vperp.chain.config import ROOT

DATA_DIR = ROOT / "data"
CANDLE_COLUMNS = ("timestamp", "price", "open", "high", "low", "close")
ROUND_COLUMNS = ("timestamp", "price", "round_id", "answer", "started_at")
CHAINLINK_ETH_USD_DECIMALS = 8


class MarketDataError(ValueError):
    """A file that does not have the expected layout or violates its conventions."""


@dataclass(frozen=True)
class Candle:
    timestamp: int  # interval start, unix seconds UTC
    price: Decimal  # == close
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal


@dataclass(frozen=True)
class ChainlinkRound:
    timestamp: int  # updatedAt, unix seconds UTC
    price: Decimal  # answer / 10**8
    round_id: int
    answer: int  # raw, 8 decimals
    started_at: int


def _path(name: str | Path) -> Path:
    p = Path(name)
    return p if p.is_absolute() or p.exists() else DATA_DIR / p


def _rows(path: Path, columns: Sequence[str]) -> list[dict[str, str]]:
    with path.open(newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != tuple(columns):
            raise MarketDataError(f"{path.name}: header {reader.fieldnames}, expected {list(columns)}")
        return list(reader)


def _check_increasing(path: Path, stamps: Sequence[int], strict: bool = True) -> None:
    for a, b in zip(stamps, stamps[1:], strict=False):
        if b < a or (strict and b == a):
            raise MarketDataError(f"{path.name}: timestamps not increasing at {a} -> {b}")


def load_candles(name: str | Path) -> list[Candle]:
    """Reads a candle file (a name in data/ or a path)."""
    path = _path(name)
    out = [
        Candle(
            timestamp=int(r["timestamp"]),
            price=Decimal(r["price"]),
            open=Decimal(r["open"]),
            high=Decimal(r["high"]),
            low=Decimal(r["low"]),
            close=Decimal(r["close"]),
        )
        for r in _rows(path, CANDLE_COLUMNS)
    ]
    _check_increasing(path, [c.timestamp for c in out])
    for c in out:
        if c.price != c.close or not (c.low <= min(c.open, c.close) and max(c.open, c.close) <= c.high):
            raise MarketDataError(f"{path.name}: inconsistent candle at {c.timestamp}")
    return out


def load_chainlink_rounds(name: str | Path) -> list[ChainlinkRound]:
    """Reads a Chainlink round file (a name in data/ or a path)."""
    path = _path(name)
    out = [
        ChainlinkRound(
            timestamp=int(r["timestamp"]),
            price=Decimal(r["price"]),
            round_id=int(r["round_id"]),
            answer=int(r["answer"]),
            started_at=int(r["started_at"]),
        )
        for r in _rows(path, ROUND_COLUMNS)
    ]
    # two rounds may share an updatedAt (it happens in the 2023-08-17 file): non-decreasing
    _check_increasing(path, [r.timestamp for r in out], strict=False)
    scale = Decimal(10) ** CHAINLINK_ETH_USD_DECIMALS
    for a, b in zip(out, out[1:], strict=False):
        if b.round_id <= a.round_id:
            raise MarketDataError(f"{path.name}: round ids not increasing at {a.round_id}")
    for r in out:
        if Decimal(r.answer) / scale != r.price or r.started_at > r.timestamp:
            raise MarketDataError(f"{path.name}: inconsistent round {r.round_id}")
    return out
