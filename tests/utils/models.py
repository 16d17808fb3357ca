"""Reference values shared by several test files: chain state read into the Python models of
vperp.sdk.curve, and reference maths of the contracts (exact integers, the contracts' rounding)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from utils.constants import HOUR, ONE
from vperp.sdk.curve import Curve, Position, ceil_div

PERIOD = 24 * HOUR  # funding: the premium is paid over a day
CAP_PER_8H = 10**15  # funding: rate cap, 0.1% per 8 hours


def curve_of(amm: Any, token: Any) -> Curve:
    x, y = amm.getReserves(token)
    return Curve(int(x), int(y))


def position_of(ch: Any, trader: Any, token: Any) -> Position:
    p = ch.getPosition(trader, token)
    return Position(int(p.size), int(p.openNotional))


def adjusted(c: Curve, new_x: int) -> Curve:
    """VirtualAMM.adjustK: the quote reserve scales with the base reserve, rounded up."""
    return Curve(new_x, ceil_div(new_x * c.y, c.x))


def tdiv(a: int, b: int) -> int:
    """Solidity's signed division (truncates towards zero)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def funding_rate(mark_twap: int, index_twap: int, dt: int) -> tuple[int, int]:
    """(rate, index delta) of one update over `dt` seconds."""
    premium = tdiv((mark_twap - index_twap) * ONE, index_twap)
    cap = CAP_PER_8H * dt // (8 * HOUR)
    rate = max(-cap, min(cap, tdiv(premium * dt, PERIOD)))
    return rate, tdiv(rate * index_twap, ONE)


def smallest(pred: Callable[[int], bool], lo: int, hi: int) -> int:
    """The smallest n in [lo, hi] with pred(n), for a monotone pred (False ... False True ...)
    true at hi: a binary search."""
    assert pred(hi), "pred must hold at hi"
    while lo < hi:
        mid = (lo + hi) // 2
        if pred(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


def solve_exact(f: Callable[[int], int], target: int, guess: int, slope: float, window: int = 10**6) -> int:
    """An n with f(n) == target exactly, for an f that is about linear with `slope` overall but
    rounds in steps (e.g. an account figure against a trade amount in wei): secant steps on the
    trend, then a scan of `window` values either side. Raises when none is found."""
    n = guess
    for _ in range(100):
        d = f(n) - target
        if abs(d) <= abs(slope) * window / 4:
            break
        n -= int(d / slope)
    for step in range(window):
        for m in (n + step, n - step):
            if f(m) == target:
                return m
    raise ValueError(f"no n near {n} with f(n) == {target}")
