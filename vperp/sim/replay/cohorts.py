"""The replay's traders: who opens what, and when.

`plan_accounts(n)` gives n accounts spread evenly over LEVERAGES (account i at LEVERAGES[i % 9]),
then, per leverage, alternating long and short and cycling through NOTIONALS. Longs open at the
window's first row; shorts open at the step of the window's lowest index (`low_step`), so a bounce
from the low liquidates them. The default, DEFAULT_ACCOUNTS = 306, is 34 accounts per leverage:
153 longs and 153 shorts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from vperp.sim.replay.windows import OracleStep

LEVERAGES: tuple[Decimal, ...] = tuple(Decimal(x) for x in ("2", "3", "4", "5", "6", "7", "8", "9", "9.5"))
"""Leverage = position notional / collateral at opening. 10x itself cannot open (the initial
requirement is 10% of the notional and the fee and slippage come off the collateral first): the
top bucket is 9.5x, which leaves room for the fee (0.1%), the fill's impact and the mark being up
to the arbitrageur's tolerance (0.1%) off the index."""
NOTIONALS: tuple[int, ...] = (2_000, 5_000, 10_000, 20_000)  # USD per position
DEFAULT_ACCOUNTS = 306


@dataclass(frozen=True)
class Plan:
    leverage: Decimal
    notional: int  # USD
    is_long: bool

    @property
    def side(self) -> str:
        return "long" if self.is_long else "short"


def plan_accounts(n: int = DEFAULT_ACCOUNTS) -> list[Plan]:
    """n accounts: leverage i % 9; per leverage (k = i // 9) long when k is even, notional
    NOTIONALS[(k // 2) % 4], so each side of each leverage gets every notional in turn."""
    if n < 2 * len(LEVERAGES):
        raise ValueError(f"at least {2 * len(LEVERAGES)} accounts (one long and one short per leverage)")
    out = []
    for i in range(n):
        k = i // len(LEVERAGES)
        out.append(Plan(LEVERAGES[i % len(LEVERAGES)], NOTIONALS[(k // 2) % len(NOTIONALS)], k % 2 == 0))
    return out


def low_step(steps: list[OracleStep]) -> int:
    """The index of the window's lowest price (the first one if it repeats): the shorts open there."""
    low = min(s.price for s in steps)
    return next(i for i, s in enumerate(steps) if s.price == low)
