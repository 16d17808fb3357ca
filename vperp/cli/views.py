"""What the CLI prints: each command's answer as a plain dict (the `--json` output, amounts as
decimal strings in human units) and as text (tables of at most 100 columns, vperp.reports.tables).
Pure functions over the SDK's snapshots and quotes: no chain access here."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from typing import Any

from vperp.reports.tables import render_table
from vperp.sdk import display
from vperp.sdk.client import OrderView
from vperp.sdk.quote import Quote, account_now, liquidation_price
from vperp.sdk.state import AccountSnapshot, ExchangeState
from vperp.sdk.units import ONE

MAX_WIDTH = 100


def _d(x: int | None, places: int = 18) -> str | None:
    """An 18-decimal int -> exact decimal string (JSON); None stays None."""
    if x is None:
        return None
    return f"{(Decimal(x) / ONE).quantize(Decimal(1).scaleb(-places)).normalize():f}"


def _opt(x: Decimal | None, places: int = 2, pct: bool = False) -> str:
    if x is None:
        return "-"
    return display.percent(x, places) if pct else display.number(x, places)


def _side(size: int) -> str:
    return "long" if size > 0 else "short" if size < 0 else "-"


def _kv(rows: list[tuple[str, str]], title: str) -> str:
    """A titled list of `label  value` lines, long values wrapped to fit MAX_WIDTH."""
    w = max(len(k) for k, _ in rows)
    avail = MAX_WIDTH - w - 2
    lines = [title, "-" * min(MAX_WIDTH, max(len(title), w + 2 + max(len(v) for _, v in rows)))]
    for k, v in rows:
        chunks = textwrap.wrap(v, avail, break_on_hyphens=False) or [""]
        lines.append(f"{k.ljust(w)}  {chunks[0]}")
        lines += [" " * (w + 2) + c for c in chunks[1:]]
    return "\n".join(lines)


# ------------------------------------------------------------------------- markets


def markets(ex: ExchangeState) -> dict[str, Any]:
    return {
        s: {
            "token": m.token,
            "mark": _d(m.mark),
            "index": _d(m.index) if m.fresh else None,
            "index_fresh": m.fresh,
            "long_open_interest": _d(m.oi_long),
            "short_open_interest": _d(m.oi_short),
            "long_cap": _d(m.cap_long),
            "short_cap": _d(m.cap_short),
            "fee_ratio": m.fee_ratio / 1e6,
            "initial_margin_ratio": m.im_ratio / 1e6,
            "maintenance_margin_ratio": m.mm_ratio / 1e6,
            "paused": m.paused or ex.global_paused,
        }
        for s, m in ex.markets.items()
    }


def markets_text(ex: ExchangeState) -> str:
    rows = []
    for s, m in ex.markets.items():
        spread = Decimal(m.mark - m.index) / m.index if m.fresh and m.index else None
        rows.append(
            (
                s,
                display.price(m.mark),
                display.price(m.index) if m.fresh else "stale",
                _opt(spread, 2, pct=True),
                f"{display.base(m.oi_long, 2)}/{display.base(m.cap_long, 0)}",
                f"{display.base(m.oi_short, 2)}/{display.base(m.cap_short, 0)}",
                display.ratio(m.fee_ratio),
                f"{display.ratio(m.im_ratio)}/{display.ratio(m.mm_ratio)}",
                "paused" if m.paused or ex.global_paused else "open",
            )
        )
    headers = ("market", "mark", "index", "spread", "long OI/cap", "short OI/cap", "fee", "IM/MM", "state")
    return render_table(headers, rows, "markets (OI in base units; spread = mark vs index)")


# ------------------------------------------------------------------------- quotes


def quote(q: Quote, tolerance: Decimal) -> dict[str, Any]:
    a = q.after
    return {
        "market": q.symbol,
        "mode": q.mode.name.lower(),
        "is_base_to_quote": q.mode.is_base_to_quote,
        "is_exact_input": q.mode.is_exact_input,
        "amount": _d(q.amount),
        "base": _d(q.base),
        "quote": _d(q.quote),
        "average_price": str(q.average_price) if q.average_price is not None else None,
        "mark_before": _d(q.mark_before),
        "mark_after": _d(q.mark_after),
        "price_impact": str(q.price_impact) if q.price_impact is not None else None,
        "fee": _d(q.fee),
        "size_before": _d(q.old_size),
        "size_after": _d(q.new_size),
        "realized_pnl": _d(q.realized_pnl),
        "collateral_after": _d(a.collateral) if a else None,
        "account_value_after": _d(a.account_value) if a else None,
        "initial_requirement_after": _d(a.initial_requirement) if a else None,
        "maintenance_requirement_after": _d(a.maintenance_requirement) if a else None,
        "margin_ratio_after": str(a.margin_ratio) if a and a.margin_ratio is not None else None,
        "leverage_after": str(a.leverage) if a and a.leverage is not None else None,
        "liquidation_price": _d(q.liquidation_price),
        "slippage_tolerance": str(tolerance),
        "opposite_amount_bound": str(q.bound(tolerance)) if q.base and q.quote else None,
        "ok": q.ok,
        "error": q.error,
        "reason": q.reason,
    }


def quote_text(q: Quote, tolerance: Decimal, title: str = "quote") -> str:
    a = q.after
    bound_of = "min quote out" if q.mode == q.mode.SHORT_BASE_IN else "min base out"
    if not q.mode.is_exact_input:
        bound_of = "max quote in" if q.mode.amount_is_base else "max base in"
    rows = [
        ("market, mode", f"{q.symbol}, {q.mode.name.lower().replace('_', ' ')}"),
        ("fill", f"{display.base(q.base)} base for {display.usd(q.quote)} USD"),
        ("average price", _opt(q.average_price, 4)),
        ("mark", f"{display.price(q.mark_before)} -> {display.price(q.mark_after)}"),
        ("price impact", _opt(q.price_impact, 4, pct=True)),
        ("fee", f"{display.usd(q.fee)} USD"),
        ("position", f"{display.base(q.old_size)} -> {display.base(q.new_size)} base (+ long)"),
        ("realised PnL", f"{display.usd(q.realized_pnl)} USD"),
    ]
    if a is not None:
        rows += [
            ("account value after", f"{display.usd(a.account_value)} USD"),
            (
                "initial / maint. req.",
                f"{display.usd(a.initial_requirement)} / {display.usd(a.maintenance_requirement)}",
            ),
            ("margin ratio after", _opt(a.margin_ratio, 2, pct=True)),
            ("leverage after", _opt(a.leverage, 2) + "x" if a.leverage is not None else "-"),
            ("liquidation price", display.price(q.liquidation_price) if q.liquidation_price else "-"),
        ]
    if q.base and q.quote:
        rows.append(
            (
                f"bound ({display.percent(tolerance)} slippage)",
                f"{bound_of} {display.number(Decimal(q.bound(tolerance)) / ONE, 6)}",
            )
        )
    rows.append(("guards", "pass" if q.ok else f"FAIL: {q.reason}"))
    return _kv(rows, title)


# ------------------------------------------------------------------------- account


def positions(ex: ExchangeState, acct: AccountSnapshot, collateral: int) -> list[dict[str, Any]]:
    now = account_now(ex, acct, collateral)
    out = []
    for s, p in acct.positions.items():
        m = ex.markets[s]
        upnl = p.size * m.valuation // ONE - p.open_notional
        out.append(
            {
                "market": s,
                "side": _side(p.size),
                "size": _d(p.size),
                "open_notional": _d(p.open_notional),
                "entry_price": str(Decimal(p.open_notional) / Decimal(p.size)),
                "mark": _d(m.mark),
                "valuation_price": _d(m.valuation),
                "unrealized_pnl": _d(upnl),
                "pending_funding": _d(p.pending_funding),
                "liquidation_price": _d(liquidation_price(ex, s, p, now)),
            }
        )
    return out


def positions_text(ex: ExchangeState, acct: AccountSnapshot, collateral: int) -> str:
    rows = []
    for r in positions(ex, acct, collateral):
        rows.append(
            (
                r["market"],
                r["side"],
                display.number(Decimal(r["size"]).copy_abs(), 4),
                display.number(Decimal(r["entry_price"]), 2),
                display.number(Decimal(r["mark"]), 2),
                display.number(Decimal(r["valuation_price"]), 2),
                display.number(Decimal(r["unrealized_pnl"]), 2),
                display.number(Decimal(r["pending_funding"]), 2),
                display.number(Decimal(r["liquidation_price"]), 2) if r["liquidation_price"] else "-",
            )
        )
    headers = ("market", "side", "size", "entry", "mark", "index", "uPnL", "funding due", "liq. price")
    title = "positions (USD; funding due > 0: paid by the account; uPnL and liq. price at the index)"
    return render_table(headers, rows, title)


def account(
    ex: ExchangeState, acct: AccountSnapshot, collateral: int, free: int, liquidatable: bool
) -> dict[str, Any]:
    now = account_now(ex, acct, collateral)
    return {
        "address": acct.address,
        "collateral": _d(collateral),
        "account_value": _d(now.account_value),
        "initial_requirement": _d(now.initial_requirement),
        "maintenance_requirement": _d(now.maintenance_requirement),
        "free_collateral": _d(free),
        "margin_ratio": str(now.margin_ratio) if now.margin_ratio is not None else None,
        "leverage": str(now.leverage) if now.leverage is not None else None,
        "liquidatable": liquidatable,
        "liquidation_prices": {s: _d(liquidation_price(ex, s, p, now)) for s, p in acct.positions.items()},
    }


def account_text(
    ex: ExchangeState, acct: AccountSnapshot, collateral: int, free: int, liquidatable: bool
) -> str:
    a = account(ex, acct, collateral, free, liquidatable)

    def usd(k: str) -> str:
        return display.number(Decimal(a[k]), 2) + " USD"

    rows = [
        ("account", acct.address),
        ("collateral", usd("collateral")),
        ("account value", usd("account_value")),
        ("initial requirement", usd("initial_requirement")),
        ("maintenance requirement", usd("maintenance_requirement")),
        ("free collateral", usd("free_collateral")),
        ("margin ratio", _opt(Decimal(a["margin_ratio"]), 2, pct=True) if a["margin_ratio"] else "-"),
        ("leverage", display.number(Decimal(a["leverage"]), 2) + "x" if a["leverage"] else "-"),
        ("liquidatable", "yes" if liquidatable else "no"),
    ]
    for s, px in a["liquidation_prices"].items():
        rows.append((f"liquidation price {s}", display.number(Decimal(px), 2) if px else "-"))
    return _kv(rows, "account (values at the index; margin ratio = account value / notional)")


def fits(text: str, width: int = MAX_WIDTH) -> bool:
    return all(len(line) <= width for line in text.splitlines())


# ------------------------------------------------------------------------- netting orders


def order(o: OrderView | None) -> dict[str, Any]:
    if o is None:
        return {}
    return {
        "order_id": o.order_id,
        "market": o.symbol,
        "trader": o.trader,
        "side": _side(1 if o.size > 0 else -1),
        "size": str(o.size),
        "acceptable_price": str(o.acceptable_price),
        "reserve_usdc": str(o.reserve),
        "deadline": o.deadline,
        "reduce_only": o.reduce_only,
        "status": o.status,
    }


def orders_text(rows: list[OrderView | None], everyone: bool, title: str = "orders") -> str:
    """The netting queue in 100 columns: acceptable price = a long's maximum, a short's minimum."""
    body = [
        (
            str(o.order_id),
            o.symbol,
            *((display.short_address(o.trader),) if everyone else ()),
            _side(1 if o.size > 0 else -1) + (" (reduce)" if o.reduce_only else ""),
            display.number(abs(o.size), 4),
            display.number(o.acceptable_price),
            display.number(o.reserve),
            display.timestamp(o.deadline)[5:16],
            o.status,
        )
        for o in rows
        if o is not None
    ]
    headers = ("id", "market", *(("trader",) if everyone else ()), "side", "size", "acceptable", "reserve")
    headers += ("deadline (UTC)", "status")
    return render_table(headers, body, f"{title} (netting queue; reserve in USDC)")
