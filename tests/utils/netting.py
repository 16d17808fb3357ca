"""The netting engine in tests: an exact model of PROTOCOL.md section 5 ("Netting engine") in
Python Fractions, independent of the contracts, and the helpers that queue orders and run
batches.

Model (`net`): orders (size signed, + long; acceptable price) at uniform price p0 on a curve
(X, Y). L = Σ long sizes, S = Σ short sizes. The smaller side fills at p0; the larger side fills
min(L, S) at p0 and the remainder |L - S| through one swap of exact base on the curve, sharing its
average price pro rata: price = (min(L, S)·p0 + swap quote) / max(L, S). Every order whose side
price is worse than its acceptable price drops out at once; the prices are recomputed until none
fails. (The fluctuation limit and OI caps are not modelled: callers keep the remainder within them.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from utils.constants import FAR_DEADLINE
from vperp.sdk.units import ONE


@dataclass(frozen=True)
class Order:
    key: Any  # the caller's label (trader, index, ...)
    size: int  # 18 decimals, + long
    acceptable: int  # 18 decimals


@dataclass(frozen=True)
class Netting:
    fills: dict[Any, tuple[int, Fraction]]  # key -> (signed size filled, exact price, 18 decimals)
    dropped: frozenset
    longs: int
    shorts: int
    swap_base: int  # signed: + the traders bought base from the curve
    swap_quote: Fraction  # signed: + quote paid into the curve


def swap_quote(x: int, y: int, base: int) -> Fraction:
    """Exact quote of a swap of `base` on the curve (x, y): > 0 buys base out (quote paid in),
    < 0 sells base in (quote received, returned negative)."""
    k = Fraction(x * y)
    if base > 0:
        return k / (x - base) - y
    if base < 0:
        return -(y - k / (x - base))
    return Fraction(0)


def net(orders: Sequence[Order], p0: int, x: int, y: int) -> Netting:
    active = list(orders)
    dropped: set = set()
    while True:
        longs = sum(o.size for o in active if o.size > 0)
        shorts = -sum(o.size for o in active if o.size < 0)
        rem = longs - shorts
        q = swap_quote(x, y, rem)
        p = Fraction(p0)  # prices in 18-decimal units, sizes and quotes in wei
        small = min(longs, shorts)
        big = max(longs, shorts)
        big_price = (small * p + q * (1 if rem > 0 else -1) * ONE) / big if big else p
        long_price = big_price if rem > 0 else p
        short_price = big_price if rem < 0 else p
        failing = [
            o
            for o in active
            if (o.size > 0 and o.acceptable < long_price) or (o.size < 0 and o.acceptable > short_price)
        ]
        if not failing:
            fills = {o.key: (o.size, long_price if o.size > 0 else short_price) for o in active}
            return Netting(fills, frozenset(dropped), longs, shorts, rem, q)
        dropped |= {o.key for o in failing}
        active = [o for o in active if o.key not in dropped]


def window_passed(chain: Any, netting: Any) -> None:
    """Moves the next block past the batch window."""
    _, window = netting.nettingParams()
    chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + int(window) + 1


def queue(
    netting: Any,
    trader: Any,
    token: Any,
    size: int,
    acceptable: int,
    reduce_only: bool = False,
    deadline: int = FAR_DEADLINE,
) -> int:
    """Queues an order; returns its id."""
    tx = netting.queuePositionChange(token.address, size, acceptable, deadline, reduce_only, sender=trader)
    return int(tx.events.filter(netting.OrderQueued)[0].orderId)


def run_batch(chain: Any, netting: Any, token: Any, executor: Any, max_orders: int = 1000) -> list[Any]:
    """Runs the market's batch to completion once its window has passed: the receipts."""
    window_passed(chain, netting)
    receipts = []
    while True:
        tx = netting.executeBatch(token.address, max_orders, sender=executor)
        receipts.append(tx)
        if tx.events.filter(netting.BatchExecuted):
            return receipts


def events(receipts: Iterable[Any], event: Any) -> list[Any]:
    return [log for r in receipts for log in r.events.filter(event)]
