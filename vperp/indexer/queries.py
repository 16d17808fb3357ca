"""Read side of the indexer, for the dashboard and the CLI: plain functions over an Engine that
return lists of dicts (amounts as Python ints in the contracts' units, addresses lower-case)."""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import Engine, Table, select

from vperp.indexer.models import (
    DERIVED_TABLES,
    EVENT_TABLES,
    AccountEntry,
    BadDebtEntry,
    Block,
    Candle,
    Cursor,
    FundingEntry,
    LiquidationEntry,
    NettingBatch,
    NettingOrder,
    PoolSharePrice,
    Position,
    ProposalEntry,
)


def _rows(engine: Engine, q: Any) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def _lower(a: str | None) -> str | None:
    return a.lower() if a else None


def _indexed_chains(t: Table) -> Any:
    """`t.chain_id IN (the chains with cursors)`: the same rows (every indexed chain has its
    cursors), and the leading column of the derived tables' keys and indexes, so a lookup by
    account or market searches the index instead of scanning it (the dashboard's account page
    and candle chart)."""
    return t.c.chain_id.in_(select(Cursor.__table__.c.chain_id).distinct())


def positions(engine: Engine, trader: str | None = None, open_only: bool = True) -> list[dict[str, Any]]:
    """Current positions (size, open notional, realised PnL, fees, funding, trade count)."""
    t = Position.__table__
    q = select(t).order_by(t.c.trader, t.c.base_token)
    if trader:
        q = q.where(t.c.trader == _lower(trader))
    rows = _rows(engine, q)
    return [r for r in rows if r["size"] != 0] if open_only else rows


def account_history(engine: Engine, trader: str, limit: int | None = None) -> list[dict[str, Any]]:
    """An account's trades, liquidations, funding settlements, deposits, withdrawals and bad
    debt, newest first."""
    t = AccountEntry.__table__
    q = (
        select(t)
        .where(_indexed_chains(t), t.c.trader == _lower(trader))
        .order_by(t.c.block_number.desc(), t.c.log_index.desc())
        .limit(limit)
    )
    return _rows(engine, q)


def account_totals(engine: Engine, trader: str) -> dict[str, int]:
    """Σ realised PnL, funding (> 0 paid), fees and net deposits of an account."""
    out = {"realized_pnl": 0, "funding": 0, "fees": 0, "net_deposits": 0}
    for r in account_history(engine, trader):
        out["realized_pnl"] += r["realized_pnl"]
        out["funding"] += r["funding"]
        if r["kind"] == "trade":
            out["fees"] += r["fee"]
        if r["kind"] in ("deposit", "withdraw"):
            out["net_deposits"] += r["collateral"]
    return out


def candles(
    engine: Engine, base_token: str, kind: str = "mark", since: int | None = None
) -> list[dict[str, Any]]:
    """Hourly OHLC of a market's mark or index, oldest first."""
    t = Candle.__table__
    q = (
        select(t)
        .where(_indexed_chains(t), t.c.base_token == _lower(base_token), t.c.kind == kind)
        .order_by(t.c.hour)
    )
    if since is not None:
        q = q.where(t.c.hour >= since)
    return _rows(engine, q)


def funding_history(
    engine: Engine, base_token: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    t = FundingEntry.__table__
    q = select(t).order_by(t.c.block_number.desc(), t.c.log_index.desc()).limit(limit)
    if base_token:
        q = q.where(_indexed_chains(t), t.c.base_token == _lower(base_token))
    return _rows(engine, q)


def liquidations(engine: Engine, trader: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    t = LiquidationEntry.__table__
    q = select(t).order_by(t.c.block_number.desc(), t.c.log_index.desc()).limit(limit)
    if trader:
        q = q.where(t.c.trader == _lower(trader))
    return _rows(engine, q)


def bad_debts(engine: Engine) -> list[dict[str, Any]]:
    t = BadDebtEntry.__table__
    return _rows(engine, select(t).order_by(t.c.block_number, t.c.log_index))


def bad_debt_totals(engine: Engine) -> dict[str, int]:
    """Σ debt, insurance cover, socialised loss and recorded deficit (invariant 10)."""
    rows = bad_debts(engine)
    last = rows[-1] if rows else None
    keys = ("total_debt", "total_covered", "total_socialized", "total_deficit")
    return {k.removeprefix("total_"): (last[k] if last else 0) for k in keys}


def pool_share_prices(engine: Engine, limit: int | None = None) -> list[dict[str, Any]]:
    """The pool's share price at each LP deposit and withdrawal, newest first."""
    t = PoolSharePrice.__table__
    return _rows(engine, select(t).order_by(t.c.block_number.desc(), t.c.log_index.desc()).limit(limit))


def depth_changes(engine: Engine, base_token: str, limit: int | None = None) -> list[dict[str, Any]]:
    """A market's curve depth changes, newest first: governance's k adjustments and repegs and the
    pool's depth syncs, each as {kind, block_number, log_index, timestamp, old_quote, new_quote,
    cost} (quote reserves, 18 decimals; a repeg's old quote reserve is not in its event: None)."""
    rows: list[dict[str, Any]] = []
    for name, kind, old_col, new_col in (
        ("KAdjusted", "k adjusted", "old_quote", "new_quote"),
        ("Repegged", "repeg", None, "new_quote"),
        ("DepthSynced", "depth sync", "old_quote_reserve", "new_quote_reserve"),
    ):
        t = EVENT_TABLES[name]
        q = select(t).where(t.c.base_token == _lower(base_token))
        for r in _rows(engine, q):
            rows.append(
                {
                    "kind": kind,
                    "block_number": r["block_number"],
                    "log_index": r["log_index"],
                    "timestamp": r["timestamp"],
                    "old_quote": r[old_col] if old_col else None,
                    "new_quote": r[new_col],
                    "cost": r["cost"],
                    "tx_hash": r["tx_hash"],
                }
            )
    rows.sort(key=lambda r: (r["block_number"], r["log_index"]), reverse=True)
    return rows[:limit] if limit is not None else rows


def depth_history(engine: Engine, base_token: str, limit: int | None = None) -> list[dict[str, Any]]:
    """A market's depth k = x·y over time, newest first: its listing (MarketAdded's reserves),
    then every depth change (depth_changes' rows) with the k after it (36 decimals). A k
    adjustment or repeg states its new reserves; a depth sync is the pool's call of adjustK, so
    the k adjustment in its transaction states its k (without one, the sync kept the price x/y:
    k scaled by (new quote reserve / old)²). Trades keep k (constant product), so the newest
    row's k is the curve's k now (to the swaps' rounding)."""
    t = EVENT_TABLES["MarketAdded"]
    listed = _rows(engine, select(t).where(t.c.base_token == _lower(base_token)))
    if not listed:
        return []
    m = listed[0]
    k = m["base_reserve"] * m["quote_reserve"]
    rows = [
        {
            "kind": "listed",
            "block_number": m["block_number"],
            "log_index": m["log_index"],
            "timestamp": m["timestamp"],
            "old_quote": None,
            "new_quote": m["quote_reserve"],
            "cost": 0,
            "k": k,
        }
    ]
    stated: dict[tuple[int, int], int] = {}  # (block, log index) -> k of a k adjustment or repeg
    by_tx: dict[str, int] = {}  # transaction -> the k its last k adjustment or repeg stated
    for name in ("KAdjusted", "Repegged"):
        e = EVENT_TABLES[name]
        q = select(e).where(e.c.base_token == _lower(base_token)).order_by(e.c.block_number, e.c.log_index)
        for r in _rows(engine, q):
            stated[(r["block_number"], r["log_index"])] = by_tx[r["tx_hash"]] = r["new_base"] * r["new_quote"]
    for c in reversed(depth_changes(engine, base_token)):
        key = (c["block_number"], c["log_index"])
        if key in stated:
            k = stated[key]
        elif c["tx_hash"] in by_tx:
            k = by_tx[c["tx_hash"]]
        elif c["old_quote"]:
            k = k * c["new_quote"] ** 2 // c["old_quote"] ** 2
        rows.append({**c, "k": k})
    rows.reverse()
    return rows[:limit] if limit is not None else rows


def batch_events(
    engine: Engine, base_token: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Netting batches, newest first (BatchExecuted: longTotal L, shortTotal S, p0, the remainder
    swap and the fill count), each with its fills: the market's OrderFilled events after its
    previous batch and up to it (a batch may take several executeBatch calls)."""
    t = EVENT_TABLES["BatchExecuted"]
    q = select(t).order_by(t.c.block_number.desc(), t.c.log_index.desc())
    if base_token:
        q = q.where(t.c.base_token == _lower(base_token))
    rows = _rows(engine, q)
    shown = rows[:limit] if limit is not None else rows
    f = EVENT_TABLES["OrderFilled"]
    for i, b in enumerate(shown):
        prev = next((p for p in rows[i + 1 :] if p["base_token"] == b["base_token"]), None)
        after = (prev["block_number"], prev["log_index"]) if prev else (-1, -1)
        fills = _rows(
            engine,
            select(f)
            .where(
                f.c.base_token == b["base_token"],
                f.c.block_number >= after[0],
                f.c.block_number <= b["block_number"],
            )
            .order_by(f.c.block_number, f.c.log_index),
        )
        b["fill_rows"] = [
            r
            for r in fills
            if after < (r["block_number"], r["log_index"]) < (b["block_number"], b["log_index"])
        ]
    return shown


def position_nfts(engine: Engine, trader: str, limit: int | None = None) -> list[dict[str, Any]]:
    """An account's PositionNFT mints and burns (PositionMinted, PositionBurned: one token per
    position, minted when it opens, burned when it closes), newest first."""
    rows: list[dict[str, Any]] = []
    for name, kind in (("PositionMinted", "minted"), ("PositionBurned", "burned")):
        t = EVENT_TABLES[name]
        q = (
            select(t)
            .where(t.c.trader == _lower(trader))
            .order_by(t.c.block_number.desc(), t.c.log_index.desc())
            .limit(limit)
        )
        rows += [{**r, "kind": kind} for r in _rows(engine, q)]
    rows.sort(key=lambda r: (r["block_number"], r["log_index"]), reverse=True)
    return rows[:limit] if limit is not None else rows


def pool_income(engine: Engine) -> dict[str, int]:
    """The pool's indexed income by source (18 decimals, > 0 earned): funding received
    (FundingIndexMoved.poolReceived) and the depth changes' costs it paid (k adjustments, repegs
    and depth syncs: each event's cost, charged to the pool). Trading fees are a node view
    (ClearingHouse.poolFeeIncome)."""
    funding = sum(r["pool_received"] or 0 for r in funding_history(engine))
    depth = 0
    for name in ("KAdjusted", "Repegged", "DepthSynced"):
        t = EVENT_TABLES[name]
        depth -= sum(r["cost"] for r in _rows(engine, select(t.c.cost)))
    return {"funding": funding, "depth_changes": depth}


def liquidation_batches(
    engine: Engine, keeper: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """The LiquidationBatcher's batches, newest first: keeper, targets, liquidated, reward (USDC,
    6 decimals), and `skipped`: the targets it skipped as (index, trader, market, revert data)."""
    t = EVENT_TABLES["BatchLiquidated"]
    q = select(t).order_by(t.c.block_number.desc(), t.c.log_index.desc()).limit(limit)
    if keeper:
        q = q.where(t.c.keeper == _lower(keeper))
    rows = _rows(engine, q)
    if not rows:
        return rows
    sk = EVENT_TABLES["LiquidationSkipped"]
    skipped: dict[str, list[dict[str, Any]]] = {}
    for r in _rows(
        engine, select(sk).where(sk.c.tx_hash.in_([r["tx_hash"] for r in rows])).order_by(sk.c.log_index)
    ):
        skipped.setdefault(r["tx_hash"], []).append(
            {"index": r["index"], "trader": r["trader"], "base_token": r["base_token"], "reason": r["reason"]}
        )
    for r in rows:
        r["skipped"] = skipped.get(r["tx_hash"], [])
    return rows


def batches(engine: Engine, base_token: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Netting batches, newest first (a market's, or all): L, S, p0, the remainder's swap, fills,
    cancellations, rests and fees."""
    t = NettingBatch.__table__
    q = select(t).order_by(t.c.block_number.desc(), t.c.log_index.desc()).limit(limit)
    if base_token:
        q = q.where(_indexed_chains(t), t.c.base_token == _lower(base_token))
    return _rows(engine, q)


def orders(
    engine: Engine,
    trader: str | None = None,
    base_token: str | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Netting orders with their lifecycle (queued, filled, rested, cancelled), newest first."""
    t = NettingOrder.__table__
    q = select(t).order_by(t.c.queued_block.desc(), t.c.order_id.desc()).limit(limit)
    if trader:
        q = q.where(_indexed_chains(t), t.c.trader == _lower(trader))
    if base_token:
        q = q.where(t.c.base_token == _lower(base_token))
    if status:
        q = q.where(t.c.status == status)
    return _rows(engine, q)


def batch_orders(engine: Engine, batch: dict[str, Any]) -> list[dict[str, Any]]:
    """The orders a batch (a row of `batches`) settled: filled, rested or cancelled in its fill
    pass, in queue order."""
    t = NettingOrder.__table__
    q = (
        select(t)
        .where(
            t.c.chain_id == batch["chain_id"],
            t.c.base_token == batch["base_token"],
            t.c.batch_block == batch["block_number"],
            t.c.batch_log_index == batch["log_index"],
        )
        .order_by(t.c.order_id)
    )
    return _rows(engine, q)


# PerpGovernor.GRACE_PERIOD: a queued proposal expires this long after its ETA
GRACE_PERIOD = 14 * 86_400
# GovernorVotesQuorumFraction.quorumDenominator()
QUORUM_DENOMINATOR = 100


def _at(rows: list[dict[str, Any]], t: int) -> list[dict[str, Any]]:
    return [r for r in rows if r["timestamp"] <= t]


def proposals(engine: Engine, now: int | None = None) -> list[dict[str, Any]]:
    """The Governor's proposals, newest first, each with its calls decoded from JSON, its
    `quorum` (the governance token's supply at the vote start times the quorum numerator then,
    from the indexed Transfer and QuorumNumeratorUpdated events; None when the token is not
    indexed) and `state`, the Governor's ProposalState name at time `now` (unix seconds; the
    wall clock when None: pass the chain's head time on a chain that travels in time), as
    PerpGovernor.state computes it: Executed, Canceled, Pending (until the vote start), Active
    (until the vote end), Defeated (quorum of for + abstain not reached, or for <= against),
    Succeeded, Queued, Expired (queued, GRACE_PERIOD past its ETA)."""
    now = int(time.time()) if now is None else now
    t = ProposalEntry.__table__
    rows = _rows(engine, select(t).order_by(t.c.created_block.desc(), t.c.proposal_id))
    if not rows:
        return rows
    cursors_t = Cursor.__table__
    tokens = [
        r["contract"] for r in _rows(engine, select(cursors_t).where(cursors_t.c.name == "GovernanceToken"))
    ]
    tr = EVENT_TABLES["Transfer"]
    zero = "0x" + "0" * 40
    supply_moves = (
        _rows(
            engine,
            select(tr).where(
                tr.c.contract.in_(tokens), (tr.c.from_address == zero) | (tr.c.to_address == zero)
            ),
        )
        if tokens
        else []
    )
    qn = EVENT_TABLES["QuorumNumeratorUpdated"]
    numerators = _rows(engine, select(qn).order_by(qn.c.block_number, qn.c.log_index))
    for r in rows:
        for k in ("targets", "values", "signatures", "calldatas"):
            r[k] = json.loads(r[k])
        snap = r["vote_start"]
        num = [n for n in _at(numerators, snap) if n["contract"] == r["governor"]]
        if tokens and num:
            supply = sum(
                (m["value"] if m["from_address"] == zero else -m["value"]) for m in _at(supply_moves, snap)
            )
            r["quorum"] = supply * num[-1]["new_quorum_numerator"] // QUORUM_DENOMINATOR
        else:
            r["quorum"] = None
        r["state"] = _state(r, now)
    return rows


def _state(p: dict[str, Any], now: int) -> str:
    if p["status"] == "executed":
        return "Executed"
    if p["status"] == "canceled":
        return "Canceled"
    if p["vote_start"] >= now:
        return "Pending"
    if p["vote_end"] >= now:
        return "Active"
    if p["for_votes"] <= p["against_votes"]:
        return "Defeated"
    if p["quorum"] is None:
        return "Ended"  # for > against; whether the quorum was reached is unknown
    if p["for_votes"] + p["abstain_votes"] < p["quorum"]:
        return "Defeated"
    if p["status"] != "queued":
        return "Succeeded"
    return "Expired" if now > p["eta"] + GRACE_PERIOD else "Queued"


def votes(engine: Engine, proposal_id: int) -> list[dict[str, Any]]:
    """The votes on a proposal in chain order: voter, support (0 against, 1 for, 2 abstain),
    weight, reason (and params when cast with params)."""
    out: list[dict[str, Any]] = []
    for name in ("VoteCast", "VoteCastWithParams"):
        t = EVENT_TABLES[name]
        out += _rows(engine, select(t).where(t.c.proposal_id == proposal_id))
    out.sort(key=lambda r: (r["block_number"], r["log_index"]))
    return out


def events(engine: Engine, name: str, limit: int | None = None) -> list[dict[str, Any]]:
    """Raw rows of one event table (by event name, e.g. "PositionChanged"), oldest first."""
    t = EVENT_TABLES[name]
    return _rows(engine, select(t).order_by(t.c.block_number, t.c.log_index).limit(limit))


def cursors(engine: Engine) -> dict[str, int]:
    """Contract name -> last block ingested."""
    return {r["name"]: r["block_number"] for r in _rows(engine, select(Cursor.__table__))}


def _dump_table(engine: Engine, t: Table) -> list[tuple[Any, ...]]:
    cols = [c for c in t.columns if c.name != "id"]
    rows = _rows(engine, select(*cols))
    return sorted(tuple(r[c.name] for c in cols) for r in rows)


def dump(engine: Engine, include_blocks: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every event and derived table (and the cursors), rows without their surrogate ids, sorted:
    two databases hold the same index exactly when their dumps are equal."""
    tables: list[Table] = [*EVENT_TABLES.values(), *DERIVED_TABLES, Cursor.__table__]
    if include_blocks:
        tables.append(Block.__table__)
    return {t.name: _dump_table(engine, t) for t in tables}
