"""What each page shows, assembled from the indexer's read side (vperp.indexer.queries: history)
and the node (vperp.web.node: live values). Plain dicts and dataclasses for the templates, plus
the chart series as JSON-ready floats. No formatting here (the templates' filters do it)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from vperp.governance.cid import cid_v1_raw
from vperp.indexer import queries
from vperp.sdk.units import ONE
from vperp.web.context import Dashboard

HISTORY_ROWS = 50  # an account's newest entries shown (the totals cover all of them)


def _f(wad: int) -> float:
    return float(Decimal(wad) / ONE)


def markets(d: Dashboard) -> dict[str, Any]:
    """Every market's live figures (the markets overview and each market's header)."""
    ex = d.node.exchange()
    rows = []
    for s, m in ex.markets.items():
        spread = Decimal(m.mark - m.index) / Decimal(m.index) if m.index else None
        rows.append({"symbol": s, "m": m, "spread": spread, "band": Decimal(m.max_spread_ratio) / 10**6})
    return {"exchange": ex, "markets": rows}


def market(d: Dashboard, symbol: str) -> dict[str, Any]:
    """One market: live figures and parameters from the node, funding history from the index."""
    overview = markets(d)
    row = next(r for r in overview["markets"] if r["symbol"] == symbol)
    return {
        **overview,
        "symbol": symbol,
        "row": row,
        "funding": queries.funding_history(d.engine, d.token(symbol), limit=20),
        "depth": queries.depth_history(d.engine, d.token(symbol), limit=20),
    }


def market_chart(d: Dashboard, symbol: str) -> dict[str, Any]:
    """The chart's series: hourly mark and index candles, the funding rate
    (% per update) at each update, and the spread of the hourly closes (mark / index - 1, %),
    oldest first (lightweight-charts' {time, ...} points)."""
    token = d.token(symbol)
    mark = [
        {
            "time": c["hour"],
            "open": _f(c["open"]),
            "high": _f(c["high"]),
            "low": _f(c["low"]),
            "close": _f(c["close"]),
        }
        for c in queries.candles(d.engine, token, "mark")
    ]
    index = [
        {
            "time": c["hour"],
            "open": _f(c["open"]),
            "high": _f(c["high"]),
            "low": _f(c["low"]),
            "close": _f(c["close"]),
        }
        for c in queries.candles(d.engine, token, "index")
    ]
    funding: dict[int, float] = {}
    for f in reversed(queries.funding_history(d.engine, token)):
        funding[f["timestamp"]] = _f(f["rate"]) * 100  # one point a second (the chart's resolution)
    closes = {p["time"]: p["close"] for p in index}
    spread = [
        {"time": c["time"], "value": (c["close"] / closes[c["time"]] - 1) * 100}
        for c in mark
        if closes.get(c["time"])
    ]
    return {
        "mark": mark,
        "index": index,
        "funding": [{"time": t, "value": v} for t, v in sorted(funding.items())],
        "spread": spread,
    }


def account(d: Dashboard, address: str) -> dict[str, Any]:
    """An account: live positions, margin and free collateral from the node; totals and the
    newest history entries from the index."""
    ex = d.node.exchange()
    live = d.node.account(address, ex)
    history = queries.account_history(d.engine, address, limit=HISTORY_ROWS)
    indexed = {p["base_token"]: p for p in queries.positions(d.engine, address, open_only=False)}
    return {
        "address": live.address,
        "live": live,
        "totals": queries.account_totals(d.engine, address),
        "history": history,
        "history_limit": HISTORY_ROWS,
        "trade_counts": {d.symbol_of(t): p["trades"] for t, p in indexed.items()},
        "liquidations": queries.liquidations(d.engine, address, limit=HISTORY_ROWS),
        "nfts": queries.position_nfts(d.engine, address, limit=HISTORY_ROWS),
    }


def risk(d: Dashboard, nearest: int = 10) -> dict[str, Any]:
    """Liquidations, bad debts and how each was covered, the insurance fund, and the accounts
    with open positions (in the index) nearest to liquidation (by the Viewer's scan)."""
    traders = sorted({p["trader"] for p in queries.positions(d.engine)})
    return {
        "liquidations": queries.liquidations(d.engine, limit=50),
        "bad_debts": list(reversed(queries.bad_debts(d.engine))),
        "bad_debt_totals": queries.bad_debt_totals(d.engine),
        "fund": d.node.insurance_fund(),
        "nearest": d.node.risk(traders)[:nearest],
        "scanned": len(traders),
    }


def pool(d: Dashboard) -> dict[str, Any]:
    """The pool now (value, supply, utilisation and its limit, locked income) and its share
    price at each LP deposit and withdrawal."""
    live = d.node.pool()
    prices = queries.pool_share_prices(d.engine, limit=100)
    share_price = (
        Decimal(live["total_assets"]) * 10**12 / Decimal(live["total_supply"])
        if live["total_supply"]
        else None
    )
    income = queries.pool_income(d.engine)
    return {
        "live": live,
        "share_price": share_price,
        "prices": prices,
        "income": {
            "trading fees": live["fee_income"],
            "funding": income["funding"],
            "depth changes": income["depth_changes"],
        },
    }


def netting(d: Dashboard, batches: int = 20) -> dict[str, Any]:
    """Each market's queue now (the node) and the recent batches with their fills (the index)."""
    return {
        "queues": [d.node.order_queue(s) for s in d.symbols],
        "batches": queries.batch_events(d.engine, limit=batches),
    }


def pool_chart(d: Dashboard) -> dict[str, Any]:
    """Share price (USDC per share) at each LP deposit and withdrawal, oldest first."""
    points: dict[int, float] = {}
    for p in reversed(queries.pool_share_prices(d.engine)):
        points[p["timestamp"]] = float(Decimal(p["price"]) / 10**6)
    return {"share_price": [{"time": t, "value": v} for t, v in sorted(points.items())]}


PROPOSAL_STATES = (
    "Pending",
    "Active",
    "Canceled",
    "Defeated",
    "Succeeded",
    "Queued",
    "Expired",
    "Executed",
)


METADATA_CID = re.compile(r"^Metadata: ipfs://(b[a-z2-7]+)$", re.MULTILINE)


def metadata_document(d: Dashboard, cid: str) -> dict[str, Any] | None:
    """A proposal's metadata document by its CID, from the local proposals folder (where
    `ape run governance propose` writes <cid>.json), only when its bytes hash to that CID;
    None when the folder does not have it."""
    path = d.proposals_dir / f"{cid}.json"
    if not re.fullmatch(r"b[a-z2-7]+", cid) or not path.is_file():
        return None
    raw = path.read_bytes()
    if cid_v1_raw(raw) != cid:
        return None
    doc: dict[str, Any] = json.loads(raw)
    return doc


def governance(d: Dashboard) -> dict[str, Any]:
    """The Governor's proposals with their state, votes, time left and metadata (the CID its
    description names, and the document when the local folder holds it); None: no governance
    deployed."""
    proposals = d.node.proposals()
    _block, now = d.node.head()
    if proposals is not None:
        for p in proposals:
            p["state_name"] = (
                PROPOSAL_STATES[p["state"]] if p["state"] < len(PROPOSAL_STATES) else str(p["state"])
            )
            p["time_left"] = max(p["deadline"] - now, 0)
            m = METADATA_CID.search(p["description"])
            p["cid"] = m.group(1) if m else None
            p["metadata"] = metadata_document(d, p["cid"]) if p["cid"] else None
            p["title"] = (p["metadata"] or {}).get("title") or p["description"].split("\n", 1)[0].lstrip("# ")
    return {"proposals": proposals, "deployment_governance": d.deployment.get("governance")}
