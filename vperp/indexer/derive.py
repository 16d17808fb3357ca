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
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, delete, select, tuple_, update

from vperp.indexer.bulk import insert_rows
from vperp.indexer.models import (
    DERIVED_TABLES,
    EVENT_TABLES,
    AccountEntry,
    BadDebtEntry,
    Candle,
    FundingEntry,
    LiquidationEntry,
    NettingBatch,
    NettingOrder,
    PoolSharePrice,
    Position,
    ProposalEntry,
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
    "BatchLiquidated",
    "OrderQueued",
    "OrderFilled",
    "OrderRested",
    "OrderCancelled",
    "BatchExecuted",
    "ProposalCreated",
    "VoteCast",
    "VoteCastWithParams",
    "ProposalQueued",
    "ProposalExecuted",
    "ProposalCanceled",
    "CallScheduled",
    "Cancelled",
)
NETTING = frozenset({"OrderQueued", "OrderFilled", "OrderRested", "OrderCancelled", "BatchExecuted"})
GOVERNANCE = frozenset(
    {
        "ProposalCreated",
        "VoteCast",
        "VoteCastWithParams",
        "ProposalQueued",
        "ProposalExecuted",
        "ProposalCanceled",
        "CallScheduled",
        "Cancelled",
    }
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
    if any(e["event"] in NETTING for e in evs):
        _netting(conn, chain_id, [e for e in evs if e["event"] in NETTING])
    if any(e["event"] in GOVERNANCE for e in evs):
        _proposals(conn, chain_id, [e for e in evs if e["event"] in GOVERNANCE])


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
    # share supply per emitting contract: the pool's continues from the last pool_share_prices
    # row; another ERC-20's (the governance token) is counted but never read
    supply: dict[str, int] = {}
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
                "keeper": e["liquidator"],
                "batched": False,
                "size": e["liquidated_size"],
                "notional": e["liquidated_notional"],
                "penalty": e["penalty"],
                "capped": False,
                "planned_size": None,
            }
        elif name == "LiquidationCapped":
            capped[(e["tx_hash"], e["trader"], e["base_token"])] = e
        elif name == "BatchLiquidated":
            # at the end of the batch's transaction: its liquidations (the batcher's) were
            # the keeper's
            found = False
            for liq in liqs.values():
                if liq["tx_hash"] == e["tx_hash"] and liq["liquidator"] == e["contract"]:
                    liq.update(keeper=e["keeper"], batched=True)
                    found = True
            if not found:
                # stored by an earlier range: the batcher indexed after the core (a contract
                # added to the deployment file later starts from its own cursor)
                lt = LiquidationEntry.__table__
                conn.execute(
                    update(lt)
                    .where(
                        lt.c.chain_id == chain_id,
                        lt.c.tx_hash == e["tx_hash"],
                        lt.c.liquidator == e["contract"],
                    )
                    .values(keeper=e["keeper"], batched=True)
                )
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
            c = e["contract"]
            if c not in supply:
                last = _last(conn, pt, chain_id)
                supply[c] = last["total_supply"] if last else 0
            if name == "Transfer":
                if e["from_address"] == ZERO:
                    supply[c] += e["value"]
                if e["to_address"] == ZERO:
                    supply[c] -= e["value"]
            else:
                shares.append(
                    {
                        **_place(e),
                        "kind": "deposit" if name == "Deposit" else "withdraw",
                        "assets": e["assets"],
                        "shares": e["shares"],
                        "price": e["assets"] * 10**18 // e["shares"] if e["shares"] else 0,
                        "total_supply": supply[c],
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


def _load(
    conn: Connection, table: Any, where: Any, key: Callable[[dict[str, Any]], Any]
) -> dict[Any, dict[str, Any]]:
    return {key(d): d for d in (dict(r) for r in conn.execute(select(table).where(where)).mappings())}


def _settled_by_batch(o: dict[str, Any]) -> bool:
    """An order a batch's fill pass finished (not one its trader cancelled, not one waiting)."""
    return o["batch_block"] is None and (
        o["status"] in ("filled", "rested") or (o["status"] == "cancelled" and o["cancel_reason"] != 0)
    )


def _netting(conn: Connection, chain_id: int, evs: Sequence[Ev]) -> None:
    """netting_orders and netting_batches. The order events of a fill pass precede their
    BatchExecuted, possibly by several transactions (and ranges): every order of the market that
    a fill pass settled and no batch has claimed yet belongs to the next BatchExecuted."""
    t = NettingOrder.__table__
    bt = NettingBatch.__table__
    keys = sorted({(e["base_token"], e["order_id"]) for e in evs if e["event"] != "BatchExecuted"})
    parents = sorted({(e["base_token"], e["order_id"]) for e in evs if e["event"] == "OrderRested"})
    orders: dict[tuple[str, int], dict[str, Any]] = {}
    wanted = sorted(set(keys) | set(parents))
    for i in range(0, len(wanted), 300):
        part = wanted[i : i + 300]
        orders.update(
            _load(
                conn,
                t,
                (t.c.chain_id == chain_id) & tuple_(t.c.base_token, t.c.order_id).in_(part),
                lambda d: (d["base_token"], d["order_id"]),
            )
        )
    batch_markets = sorted({e["base_token"] for e in evs if e["event"] == "BatchExecuted"})
    numbers: dict[str, int] = {}
    for m in batch_markets:
        unclaimed = (
            (t.c.chain_id == chain_id)
            & (t.c.base_token == m)
            & t.c.batch_block.is_(None)
            & (t.c.status != "queued")
            & (t.c.cancel_reason.is_(None) | (t.c.cancel_reason != 0))
        )
        for k, d in _load(conn, t, unclaimed, lambda d: (d["base_token"], d["order_id"])).items():
            orders.setdefault(k, d)
        last = conn.execute(
            select(bt.c.number)
            .where(bt.c.chain_id == chain_id, bt.c.base_token == m)
            .order_by(bt.c.number.desc())
            .limit(1)
        ).scalar()
        numbers[m] = last or 0
    touched: set[tuple[str, int]] = set()
    batches: list[dict[str, Any]] = []
    for e in evs:
        name = e["event"]
        m = e["base_token"]
        if name == "BatchExecuted":
            mine = [o for (mk, _i), o in orders.items() if mk == m and _settled_by_batch(o)]
            for o in mine:
                o.update(batch_block=e["block_number"], batch_log_index=e["log_index"])
                touched.add((m, o["order_id"]))
            numbers[m] += 1
            batches.append(
                {
                    **_place(e),
                    "tx_hash": e["tx_hash"],
                    "base_token": m,
                    "number": numbers[m],
                    "long_total": e["long_total"],
                    "short_total": e["short_total"],
                    "p0": e["p0"],
                    "swap_base": e["swap_base"],
                    "swap_quote": e["swap_quote"],
                    "fills": e["fills"],
                    "cancelled": sum(o["status"] == "cancelled" for o in mine),
                    "rested": sum(o["status"] == "rested" for o in mine),
                    "fees": sum(o["fee"] for o in mine),
                    "first_block": min([o["closed_block"] for o in mine] + [e["block_number"]]),
                }
            )
            continue
        k = (m, e["order_id"])
        touched.add(k)
        if name == "OrderQueued":
            orders[k] = _order(
                e,
                size=e["size"],
                acceptable_price=e["acceptable_price"],
                deadline=e["deadline"],
                reduce_only=e["reduce_only"],
                reserve=e["reserve"],
            )
            continue
        o = orders.get(k)
        if o is None:  # queued before the indexed blocks (--from)
            o = orders[k] = _order(e, size=0)
        if name == "OrderFilled":
            o.update(
                status="filled",
                filled_size=o["filled_size"] + e["size"],
                fill_price=e["price"],
                fee=o["fee"] + e["fee"],
            )
        elif name == "OrderCancelled":
            o.update(status="cancelled", cancel_reason=e["reason"], fee=o["fee"] + e["fee"])
        else:  # OrderRested: the order (or its unfilled rest) queued again as newOrderId
            o.update(status="rested", rested_as=e["new_order_id"])
            child = (m, e["new_order_id"])
            orders[child] = {
                **_order(e, size=e["size"]),
                "order_id": e["new_order_id"],
                "acceptable_price": o["acceptable_price"],
                "deadline": o["deadline"],
                "reduce_only": o["reduce_only"],
                "reserve": o["reserve"],
                "parent_id": e["order_id"],
            }
            touched.add(child)
        o.update(closed_block=e["block_number"], closed_timestamp=e["timestamp"])
    rows = [orders[k] for k in sorted(touched)]
    done = sorted(touched)
    for i in range(0, len(done), 300):
        part = done[i : i + 300]
        conn.execute(
            delete(t).where(t.c.chain_id == chain_id, tuple_(t.c.base_token, t.c.order_id).in_(part))
        )
    insert_rows(conn, t, rows)
    insert_rows(conn, bt, batches)


def _order(e: Ev, size: int, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "chain_id": e["chain_id"],
        "base_token": e["base_token"],
        "order_id": e["order_id"],
        "trader": e["trader"],
        "size": size,
        "acceptable_price": None,
        "deadline": None,
        "reduce_only": None,
        "reserve": None,
        "parent_id": None,
        "status": "queued",
        "cancel_reason": None,
        "filled_size": 0,
        "fill_price": None,
        "fee": 0,
        "rested_as": None,
        "queued_block": e["block_number"],
        "queued_timestamp": e["timestamp"],
        "queued_tx": e["tx_hash"],
        "closed_block": None,
        "closed_timestamp": None,
        "batch_block": None,
        "batch_log_index": None,
    }
    row.update(fields)
    return row


_CID = re.compile(r"ipfs://([A-Za-z0-9]+)")
_SUPPORT = {0: "against_votes", 1: "for_votes", 2: "abstain_votes"}


def _proposals(conn: Connection, chain_id: int, evs: Sequence[Ev]) -> None:
    """proposals: created, voted on, queued (with the timelock operation its transaction
    scheduled), executed, cancelled (through the Governor, or on the timelock)."""
    t = ProposalEntry.__table__
    ids = sorted({e["proposal_id"] for e in evs if "proposal_id" in e})
    ops = sorted({e["operation_id"] for e in evs if e["event"] == "Cancelled"})
    cur: dict[int, dict[str, Any]] = {}
    for i in range(0, len(ids), 300):
        cur.update(
            _load(
                conn,
                t,
                (t.c.chain_id == chain_id) & t.c.proposal_id.in_(ids[i : i + 300]),
                lambda d: d["proposal_id"],
            )
        )
    for i in range(0, len(ops), 300):
        cur.update(
            _load(
                conn,
                t,
                (t.c.chain_id == chain_id) & t.c.timelock_id.in_(ops[i : i + 300]),
                lambda d: d["proposal_id"],
            )
        )
    scheduled: dict[str, str] = {}  # tx hash -> timelock operation id
    for e in evs:
        if e["event"] == "CallScheduled":
            scheduled[e["tx_hash"]] = e["operation_id"]
    touched: set[int] = set()
    for e in evs:
        name = e["event"]
        if name == "CallScheduled":
            continue
        if name == "Cancelled":
            for p in cur.values():
                if p["timelock_id"] == e["operation_id"] and p["status"] == "queued":
                    p.update(status="canceled", canceled_block=e["block_number"])
                    touched.add(p["proposal_id"])
            continue
        pid = e["proposal_id"]
        if name == "ProposalCreated":
            description = e["description"]
            first = description.split("\n", 1)[0]
            cid = _CID.search(description)
            cur[pid] = {
                "chain_id": chain_id,
                "proposal_id": pid,
                "governor": e["contract"],
                "proposer": e["proposer"],
                "targets": e["targets"],
                "values": e["values"],
                "signatures": e["signatures"],
                "calldatas": e["calldatas"],
                "description": description,
                "title": first.removeprefix("# ").strip(),
                "cid": cid.group(1) if cid else None,
                "vote_start": e["vote_start"],
                "vote_end": e["vote_end"],
                "for_votes": 0,
                "against_votes": 0,
                "abstain_votes": 0,
                "voters": 0,
                "status": "proposed",
                "eta": None,
                "timelock_id": None,
                "created_block": e["block_number"],
                "created_timestamp": e["timestamp"],
                "created_tx": e["tx_hash"],
                "queued_block": None,
                "executed_block": None,
                "canceled_block": None,
            }
            touched.add(pid)
            continue
        p = cur.get(pid)
        if p is None:  # created before the indexed blocks (--from)
            continue
        touched.add(pid)
        if name in ("VoteCast", "VoteCastWithParams"):
            col = _SUPPORT[e["support"]]
            p[col] += e["weight"]
            p["voters"] += 1
        elif name == "ProposalQueued":
            p.update(
                status="queued",
                eta=e["eta_seconds"],
                queued_block=e["block_number"],
                timelock_id=scheduled.get(e["tx_hash"]),
            )
        elif name == "ProposalExecuted":
            p.update(status="executed", executed_block=e["block_number"])
        else:  # ProposalCanceled
            p.update(status="canceled", canceled_block=e["block_number"])
    done = sorted(touched)
    for i in range(0, len(done), 300):
        conn.execute(delete(t).where(t.c.chain_id == chain_id, t.c.proposal_id.in_(done[i : i + 300])))
    insert_rows(conn, t, [cur[k] for k in done])


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
