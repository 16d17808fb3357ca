"""Plain-text tables for the demo session (no dependencies beyond the standard library).

`render_table` lays out rows of already-formatted cells; `positions_table` and `markets_table`
turn the session's snapshots (vperp.session.PositionRow / MarketRow) into text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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


POSITIONS_LEGEND = (
    "positions: size in base units (+ long); entry = open notional / size; mark = vAMM price; index = oracle;"
    " uPnL at the valuation price (index); rPnL and fees summed from PositionChanged events;"
    " funding due > 0: owed, < 0: to receive; collateral, account value and margin"
    " (= account value / position notional) per account, on its first row"
)

POSITION_HEADERS = (
    "trader",
    "market",
    "size",
    "entry",
    "mark",
    "index",
    "uPnL",
    "rPnL",
    "fees",
    "funding due",
    "collateral",
    "acct value",
    "margin",
)


def positions_table(rows: Sequence[PositionRow], title: str = "positions") -> str:
    """One row per (trader, market) with a position or a trading history; account-wide figures
    (collateral, account value, margin ratio) on each trader's first row. Margin ratio =
    account value / total position notional at valuation prices. 'funding due' > 0: owed."""
    out = []
    last_trader = None
    for r in rows:
        first = r.trader != last_trader
        last_trader = r.trader
        out.append(
            (
                r.trader if first else "",
                r.market,
                fmt(r.size, 4, sign=True) if r.market != "-" else "-",
                fmt(r.entry),
                fmt(r.mark) if r.mark is not None else "-",
                fmt(r.index) if r.index is not None else "-",
                fmt(r.unrealized_pnl, sign=True),
                fmt(r.realized_pnl, sign=True),
                fmt(r.fees),
                fmt(r.pending_funding, 4, sign=True),
                fmt(r.collateral) if first else "",
                fmt(r.account_value) if first else "",
                pct(r.margin_ratio) if first else "",
            )
        )
    return render_table(POSITION_HEADERS, out, title)


MARKET_HEADERS = (
    "market",
    "mark",
    "index",
    "spread",
    "base reserve",
    "quote reserve",
    "long OI",
    "short OI",
    "funding idx",
)


def markets_table(
    rows: Sequence[MarketRow], insurance_fund: Decimal, pool: Decimal, title: str = "markets"
) -> str:
    """Market rows plus the two system balances (18-decimal ledger values in USD)."""
    out = [
        (
            r.symbol,
            fmt(r.mark),
            fmt(r.index),
            pct((r.mark - r.index) / r.index, 3),
            fmt(r.base_reserve, 4),
            fmt(r.quote_reserve),
            fmt(r.long_oi, 4),
            fmt(r.short_oi, 4),
            fmt(r.funding_index, 6, sign=True),
        )
        for r in rows
    ]
    table = render_table(MARKET_HEADERS, out, title)
    return f"{table}\ninsurance fund: {fmt(insurance_fund)} USD   liquidity pool: {fmt(pool)} USD"
