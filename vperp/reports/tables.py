"""Plain-text tables for the demo session (no dependencies beyond the standard library).

`render_table` lays out rows of already-formatted cells; `positions_table` and `markets_table`
turn the session's snapshots (vperp.session.PositionRow / MarketRow) into text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vperp.sim.session import MarketRow, PositionRow


def fmt(x: Decimal | int | float | None, places: int = 2, sign: bool = False) -> str:
    """Thousands separators and fixed decimals; '-' for None."""
    if x is None:
        return "-"
    d = Decimal(str(x)) if not isinstance(x, Decimal) else x
    q = d.quantize(Decimal(1).scaleb(-places)) if places > 0 else d.quantize(Decimal(1))
    if q == 0:
        q = abs(q)  # no "-0.00"
    return f"{q:+,.{places}f}" if sign else f"{q:,.{places}f}"


def pct(x: Decimal | None, places: int = 2) -> str:
    """Ratio -> percent string; '-' for None."""
    return "-" if x is None else f"{fmt(x * 100, places)}%"


def render_table(headers: Sequence[str], rows: Iterable[Sequence[str]], title: str | None = None) -> str:
    """Fixed-width table: first column left-aligned, the others right-aligned."""
    body = [list(r) for r in rows]
    widths = [len(h) for h in headers]
    for r in body:
        for i, cell in enumerate(r):
            widths[i] = max(widths[i], len(cell))

    def line(cells: Sequence[str]) -> str:
        out = []
        for i, cell in enumerate(cells):
            out.append(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]))
        return " | ".join(out).rstrip()

    sep = "-+-".join("-" * w for w in widths)
    lines = [] if title is None else [title]
    lines += [line(headers), sep]
    lines += [line(r) for r in body] if body else ["(none)"]
    return "\n".join(lines)


MAX_WIDTH = 100  # every line the demo prints fits this many columns

POSITIONS_LEGEND = (
    "positions: size in base units (+ long); entry = open notional / size; uPnL at the valuation"
    " price (the index; mark and index are in the markets table); rPnL and fees summed from"
    " PositionChanged events. Funding, in every table: + paid by the account, - received."
    " accounts: collateral, account value and margin ratio (= account value / position notional)."
)

POSITION_HEADERS = ("trader", "market", "size", "entry", "uPnL", "rPnL", "fees", "funding +paid")
ACCOUNT_HEADERS = ("trader", "collateral", "acct value", "margin ratio", "positions")


def positions_table(rows: Sequence[PositionRow], title: str = "positions") -> str:
    """One row per (trader, market) with a position or a trading history. 'funding +paid': the
    pending funding, > 0 owed by the account (paid at its next settlement), < 0 to receive."""
    out = []
    last_trader = None
    for r in rows:
        if r.market == "-":
            continue
        first = r.trader != last_trader
        last_trader = r.trader
        out.append(
            (
                r.trader if first else "",
                r.market,
                fmt(r.size, 4, sign=True),
                fmt(r.entry),
                fmt(r.unrealized_pnl, sign=True),
                fmt(r.realized_pnl, sign=True),
                fmt(r.fees),
                fmt(r.pending_funding, 4, sign=True),
            )
        )
    return render_table(POSITION_HEADERS, out, title)


def accounts_table(rows: Sequence[PositionRow], title: str = "accounts") -> str:
    """One row per trader: the account-wide figures (the same on each of its position rows) and
    how many positions it holds."""
    first: dict[str, PositionRow] = {}
    held: dict[str, int] = {}
    for r in rows:
        first.setdefault(r.trader, r)
        held[r.trader] = held.get(r.trader, 0) + (r.size != 0)
    out = [
        (t, fmt(r.collateral), fmt(r.account_value), pct(r.margin_ratio), str(held[t]))
        for t, r in first.items()
    ]
    return render_table(ACCOUNT_HEADERS, out, title)


MARKET_HEADERS = (
    "market",
    "mark",
    "index",
    "spread",
    "long OI",
    "short OI",
    "funding idx",
    "base res.",
    "quote res.",
)


def markets_table(
    rows: Sequence[MarketRow], insurance_fund: Decimal, pool: Decimal, title: str = "markets"
) -> str:
    """Market rows plus the two system balances (18-decimal ledger values in USD). Spread = mark
    vs index; open interest in base units; the curve's reserves in base units and millions of USD."""
    out = [
        (
            r.symbol,
            fmt(r.mark),
            fmt(r.index),
            pct((r.mark - r.index) / r.index) if r.index else "-",
            fmt(r.long_oi, 3),
            fmt(r.short_oi, 3),
            fmt(r.funding_index, 6, sign=True),
            fmt(r.base_reserve, 2),
            f"{fmt(r.quote_reserve / 1_000_000, 3)}M",
        )
        for r in rows
    ]
    table = render_table(MARKET_HEADERS, out, title)
    return f"{table}\ninsurance fund: {fmt(insurance_fund)} USD   liquidity pool: {fmt(pool)} USD"


def fitting(out: Callable[[str], None], width: int = MAX_WIDTH) -> Callable[[str], None]:
    """`out` with every line of its text wrapped to `width` columns: a wrapped line goes on
    eight columns further in than the line's own indent (tables never need it: they fit)."""

    def emit(text: str) -> None:
        lines: list[str] = []
        for line in text.split("\n"):
            if len(line) <= width:
                lines.append(line)
                continue
            lead = len(line) - len(line.lstrip(" "))
            indent = " " * min(lead + 8, width // 3)
            lines += textwrap.wrap(
                line, width, subsequent_indent=indent, break_on_hyphens=False, break_long_words=True
            )
        out("\n".join(lines))

    return emit
