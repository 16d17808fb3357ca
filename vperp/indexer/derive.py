"""The derived tables, computed from decoded events in chain order.

`apply(conn, chain_id, events)` folds one ingested range's events (rows as vperp.indexer.decode
gives them, in (block, log index) order) into the derived tables, in the caller's transaction:
positions and candles are read for the keys the range touches, folded and written back; the
history tables get one row per event; running totals (bad debt, pool share supply) continue from
the last row. `rebuild(conn, chain_id)` empties them and replays every stored event through the
same `apply` (after a reorg rollback), so an incremental index and a rebuilt one are the same.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, delete, select, tuple_

from vperp.indexer.bulk import insert_rows
from vperp.indexer.models import (
    DERIVED_TABLES,
    EVENT_TABLES,
    AccountEntry,
    BadDebtEntry,
    Candle,
    FundingEntry,
    LiquidationEntry,
    PoolSharePrice,
    Position,
)

HOUR = 3600
ZERO = "0x" + "0" * 40
# the events the derived tables read
SOURCES = (
    "PositionChanged",
    "PositionLiquidated",
    "LiquidationCapped",
    "FundingSettled",
    "FundingUpdated",
    "FundingIndexMoved",
    "Deposited",
    "Withdrawn",
    "BadDebtCovered",
    "IndexObserved",
    "Deposit",
    "Withdraw",
    "Transfer",
)

Ev = dict[str, Any]


def _place(e: Ev) -> dict[str, Any]:
    return {
        "chain_id": e["chain_id"],
        "block_number": e["block_number"],
        "block_hash": e["block_hash"],
        "log_index": e["log_index"],
        "timestamp": e["timestamp"],
    }


def _entry(e: Ev, trader: str, base: str | None, kind: str, **amounts: int) -> dict[str, Any]:
    row = {
        **_place(e),
        "trader": trader,
        "base_token": base,
        "kind": kind,
        "size": 0,
        "realized_pnl": 0,
        "funding": 0,
        "fee": 0,
        "collateral": 0,
    }
    row.update(amounts)
    return row


def apply(conn: Connection, chain_id: int, events: Sequence[Ev]) -> None:
    evs = [e for e in events if e["event"] in _SOURCE_SET]
    if not evs:
        return
    _positions(conn, chain_id, evs)
    _candles(conn, chain_id, evs)
    _history(conn, chain_id, evs)


_SOURCE_SET = frozenset(SOURCES)


def _positions(conn: Connection, chain_id: int, evs: Sequence[Ev]) -> None:
    keys = {
        (e["trader"], e["base_token"])
        for e in evs
        if e["event"] in ("PositionChanged", "FundingSettled", "PositionLiquidated")
    }
    if not keys:
        return
    t = Position.__table__
    cur: dict[tuple[str, str], dict[str, Any]] = {}
    key_list = sorted(keys)
    for i in range(0, len(key_list), 500):
        part = key_list[i : i + 500]
        for r in conn.execute(
            select(t).where(t.c.chain_id == chain_id, tuple_(t.c.trader, t.c.base_token).in_(part))
        ).mappings():
            cur[(r["trader"], r["base_token"])] = dict(r)
    for e in evs:
        name = e["event"]
        if name not in ("PositionChanged", "FundingSettled", "PositionLiquidated"):
            continue
        k = (e["trader"], e["base_token"])
        p = cur.get(k)
        if p is None:
            p = cur[k] = {
                "chain_id": chain_id,
                "trader": k[0],
                "base_token": k[1],
                "size": 0,
                "open_notional": 0,
                "realized_pnl": 0,
                "fees": 0,
                "funding": 0,
                "trades": 0,
                "liquidations": 0,
                "last_block": 0,
            }
        if name == "PositionChanged":
            p["size"] += e["exchanged_size"]
            p["open_notional"] = e["open_notional"]
            p["realized_pnl"] += e["realized_pnl"]
            p["fees"] += e["fee"]
            p["trades"] += 1
        elif name == "FundingSettled":
            p["funding"] += e["amount"]
        else:
            p["liquidations"] += 1
        p["last_block"] = e["block_number"]
    for i in range(0, len(key_list), 500):
        part = key_list[i : i + 500]
        conn.execute(delete(t).where(t.c.chain_id == chain_id, tuple_(t.c.trader, t.c.base_token).in_(part)))
    insert_rows(conn, t, list(cur.values()))


def _candles(conn: Connection, chain_id: int, evs: Sequence[Ev]) -> None:
    points: list[tuple[str, str, int, int]] = []  # (market, kind, hour, price)
    for e in evs:
        if e["event"] == "PositionChanged":
            points.append((e["base_token"], "mark", e["timestamp"] // HOUR * HOUR, e["mark_price"]))
        elif e["event"] == "IndexObserved":
            points.append((e["base_token"], "index", e["timestamp"] // HOUR * HOUR, e["price"]))
    if not points:
        return
    t = Candle.__table__
    keys = sorted({p[:3] for p in points})
    cur: dict[tuple[str, str, int], dict[str, Any]] = {}
    for i in range(0, len(keys), 300):
        part = keys[i : i + 300]
        for r in conn.execute(
            select(t).where(t.c.chain_id == chain_id, tuple_(t.c.base_token, t.c.kind, t.c.hour).in_(part))
        ).mappings():
            cur[(r["base_token"], r["kind"], r["hour"])] = dict(r)
    for market, kind, hour, price in points:
        c = cur.get((market, kind, hour))
        if c is None:
            cur[(market, kind, hour)] = {
                "chain_id": chain_id,
                "base_token": market,
                "kind": kind,
                "hour": hour,
                "open": price,
                "high": price,
                "low": price,
                "close": price,
                "count": 1,
            }
        else:
            c["high"] = max(c["high"], price)
            c["low"] = min(c["low"], price)
            c["close"] = price
            c["count"] += 1
    for i in range(0, len(keys), 300):
        part = keys[i : i + 300]
        conn.execute(
            delete(t).where(t.c.chain_id == chain_id, tuple_(t.c.base_token, t.c.kind, t.c.hour).in_(part))
        )
    insert_rows(conn, t, list(cur.values()))


def _last(conn: Connection, table: Any, chain_id: int) -> Any:
    return (
        conn.execute(
            select(table)
            .where(table.c.chain_id == chain_id)
            .order_by(table.c.block_number.desc(), table.c.log_index.desc())
            .limit(1)
        )
        .mappings()
        .first()
    )


def _history(conn: Connection, chain_id: int, evs: Sequence[Ev]) -> None:
    account: list[dict[str, Any]] = []
    funding: dict[tuple[str, str], dict[str, Any]] = {}
    moved: dict[tuple[str, str], Ev] = {}
    liqs: dict[tuple[str, str, str], dict[str, Any]] = {}
    capped: dict[tuple[str, str, str], Ev] = {}
    bad: list[dict[str, Any]] = []
    shares: list[dict[str, Any]] = []
    bt = BadDebtEntry.__table__
    pt = PoolSharePrice.__table__
    totals: dict[str, int] | None = None
    supply: int | None = None
    for e in evs:
        name = e["event"]
        if name == "PositionChanged":
            account.append(
                _entry(
                    e,
                    e["trader"],
                    e["base_token"],
                    "trade",
                    size=e["exchanged_size"],
                    realized_pnl=e["realized_pnl"],
                    fee=e["fee"],
                )
            )
        elif name == "FundingSettled":
            account.append(_entry(e, e["trader"], e["base_token"], "funding", funding=e["amount"]))
        elif name == "Deposited":
            account.append(_entry(e, e["trader"], None, "deposit", collateral=e["amount"]))
        elif name == "Withdrawn":
            account.append(_entry(e, e["trader"], None, "withdraw", collateral=-e["amount"]))
        elif name == "PositionLiquidated":
            account.append(
                _entry(
                    e, e["trader"], e["base_token"], "liquidated", size=e["liquidated_size"], fee=e["penalty"]
                )
            )
            liqs[(e["tx_hash"], e["trader"], e["base_token"])] = {
                **_place(e),
                "tx_hash": e["tx_hash"],
                "trader": e["trader"],
                "base_token": e["base_token"],
                "liquidator": e["liquidator"],
                "size": e["liquidated_size"],
                "notional": e["liquidated_notional"],
                "penalty": e["penalty"],
                "capped": False,
                "planned_size": None,
            }
        elif name == "LiquidationCapped":
            capped[(e["tx_hash"], e["trader"], e["base_token"])] = e
        elif name == "BadDebtCovered":
            if totals is None:
                last = _last(conn, bt, chain_id)
                totals = {
                    k: (last[k] if last else 0)
                    for k in ("total_debt", "total_covered", "total_socialized", "total_deficit")
                }
            totals["total_debt"] += e["debt"]
            totals["total_covered"] += e["covered_by_insurance"]
            totals["total_socialized"] += e["socialized"]
            totals["total_deficit"] += e["deficit"]
            bad.append(
                {
                    **_place(e),
                    "trader": e["trader"],
                    "debt": e["debt"],
                    "covered": e["covered_by_insurance"],
                    "socialized": e["socialized"],
                    "deficit": e["deficit"],
                    **totals,
                }
            )
            account.append(_entry(e, e["trader"], None, "bad_debt", collateral=e["debt"]))
        elif name == "FundingUpdated":
            funding[(e["tx_hash"], e["base_token"])] = {
                **_place(e),
                "tx_hash": e["tx_hash"],
                "base_token": e["base_token"],
                "rate": e["rate"],
                "mark_twap": e["mark_twap"],
                "index_twap": e["index_twap"],
                "index_delta": None,
                "cumulative_index": None,
                "pool_received": None,
                "insurance_received": None,
            }
        elif name == "FundingIndexMoved":
            moved[(e["tx_hash"], e["base_token"])] = e
        elif name in ("Transfer", "Deposit", "Withdraw"):
            if supply is None:
                last = _last(conn, pt, chain_id)
                supply = last["total_supply"] if last else 0
            if name == "Transfer":
                if e["from_address"] == ZERO:
                    supply += e["value"]
                if e["to_address"] == ZERO:
                    supply -= e["value"]
            else:
                shares.append(
                    {
                        **_place(e),
                        "kind": "deposit" if name == "Deposit" else "withdraw",
                        "assets": e["assets"],
                        "shares": e["shares"],
                        "price": e["assets"] * 10**18 // e["shares"] if e["shares"] else 0,
                        "total_supply": supply,
                    }
                )
    for k, m in moved.items():
        f = funding.get(k)
        if f is not None:
            f.update(
                index_delta=m["index_delta"],
                cumulative_index=m["cumulative_index"],
                pool_received=m["pool_received"],
                insurance_received=m["insurance_received"],
            )
    for k, c in capped.items():
        liq = liqs.get(k)
        if liq is not None:
            liq.update(capped=True, planned_size=c["planned_size"])
    for table, rows in (
        (AccountEntry.__table__, account),
        (FundingEntry.__table__, list(funding.values())),
        (LiquidationEntry.__table__, list(liqs.values())),
        (bt, bad),
        (pt, shares),
    ):
        insert_rows(conn, table, rows)


def stored_events(conn: Connection, chain_id: int, batch: int = 20_000) -> Iterator[list[Ev]]:
    """Every stored event the derived tables read, in chain order, in lists that end at a block
    boundary (so that a transaction's events stay together)."""

    def rows(name: str) -> Iterator[tuple[int, int, Ev]]:
        t = EVENT_TABLES[name]
        q = select(t).where(t.c.chain_id == chain_id).order_by(t.c.block_number, t.c.log_index)
        for r in conn.execute(q).mappings():
            d = dict(r)
            d.pop("id")
            d["event"] = name
            yield d["block_number"], d["log_index"], d

    out: list[Ev] = []
    for _b, _i, e in heapq.merge(*(rows(n) for n in SOURCES), key=lambda x: (x[0], x[1])):
        if len(out) >= batch and e["block_number"] != out[-1]["block_number"]:
            yield out
            out = []
        out.append(e)
    if out:
        yield out


def rebuild(conn: Connection, chain_id: int) -> None:
    """Empties the derived tables of `chain_id` and recomputes them from the stored events."""
    for t in DERIVED_TABLES:
        conn.execute(delete(t).where(t.c.chain_id == chain_id))
    for chunk in list(stored_events(conn, chain_id)):
        apply(conn, chain_id, chunk)
