"""Ingestion: eth_getLogs over block ranges into the event tables and the derived tables.

- One eth_getLogs per range for every contract not yet past it (through vperp.chain.rpc.Rpc);
  a refused or failed request halves the range (down to `min_range`), and the range grows back
  (doubling) after 8 successes in a row. The next range's request runs in a worker thread while
  the current range is written.
- One database transaction per range: the events (bulk insert; a log already present, same
  (chain id, block hash, log index), is skipped), the derived tables (vperp.indexer.derive), the
  recent block hashes and the cursors. A crash anywhere leaves the database at the end of the
  last committed range, and the next run continues from there.
- A cursor per contract: the last block whose logs are all stored. A contract added later (a new
  deployment) starts at `start_block` while the others go on from their own cursors.
- Reorgs: the hashes of recent blocks (range ends, blocks with logs) within `confirmations` of
  the head are kept; before every pass the newest one is compared with the node's. On a mismatch
  the fork point is the newest stored block the node still has; every row above it is deleted,
  the cursors move back to it, the derived tables are rebuilt, and the pass reindexes from there.
  Blocks deeper than `confirmations` are final: a reorg below every kept hash raises DeepReorg.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from vperp.chain.rpc import Rpc, RpcError
from vperp.indexer import derive
from vperp.indexer.bulk import insert_rows
from vperp.indexer.decode import Decoder
from vperp.indexer.models import EVENT_TABLES, Block, Cursor

GROW_AFTER = 8  # successful ranges in a row before the range doubles again


class DeepReorg(RuntimeError):
    """The node no longer has any block hash the indexer kept: the reorg is deeper than the
    confirmations depth, so rows the indexer treated as final changed."""


class _Retry(Exception):
    """The chain moved under a range being read (a log of a recent block is not canonical)."""


@dataclass(frozen=True)
class Contract:
    name: str
    address: str
    abi: Sequence[Mapping[str, Any]]


@dataclass
class Stats:
    ranges: int = 0
    logs: int = 0  # logs read and stored
    refusals: int = 0  # eth_getLogs requests that failed and were retried with half the range
    reorgs: int = 0
    rolled_back: int = 0  # event rows deleted by reorgs
    first_block: int | None = None
    last_block: int | None = None
    seconds: float = 0.0
    by_event: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def summary(self) -> str:
        rate = self.logs / self.seconds if self.seconds else 0.0
        return (
            f"blocks {self.first_block}..{self.last_block}: {self.logs} events in {self.ranges} ranges, "
            f"{self.seconds:.2f} s ({rate:,.0f} events/s), {self.refusals} refused ranges, {self.reorgs} reorgs"
        )


class Indexer:
    def __init__(
        self,
        engine: Engine,
        rpc: Rpc,
        contracts: Iterable[Contract],
        *,
        start_block: int = 0,
        confirmations: int = 12,
        max_range: int = 5_000,
        min_range: int = 1,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.engine = engine
        self.rpc = rpc
        self.contracts = {c.address.lower(): c for c in contracts}
        self.start_block = start_block
        self.confirmations = confirmations
        self.max_range = max_range
        self.min_range = min_range
        self.span = max_range
        self._streak = 0
        self.log = log or (lambda _m: None)
        self.decoder = Decoder(c.abi for c in self.contracts.values())
        # eth_getLogs of the next range runs in a worker thread on `rpc`; the other requests of a
        # pass go through `aux`, a second connection (HTTP nodes only; otherwise no prefetch)
        http = getattr(rpc, "_target", None)
        self.prefetch = http is not None
        self.aux = Rpc.from_url(f"http://{http[0]}:{http[1]}{http[2]}") if http is not None else rpc
        self.chain_id = int(rpc.request("eth_chainId", []), 16)

    # ------------------------------------------------------------------ node
    def head(self) -> int:
        return int(self.rpc.request("eth_blockNumber", []), 16)

    def _hashes(self, numbers: Sequence[int]) -> dict[int, str | None]:
        blocks = self.aux.batch([("eth_getBlockByNumber", [hex(n), False]) for n in numbers])
        return {n: (b["hash"] if b else None) for n, b in zip(numbers, blocks, strict=True)}

    def get_logs(self, addresses: Sequence[str], lo: int, hi: int) -> list[dict[str, Any]]:
        return self.rpc.request(
            "eth_getLogs", [{"fromBlock": hex(lo), "toBlock": hex(hi), "address": list(addresses)}]
        )

    # ------------------------------------------------------------------ state
    def cursors(self, conn: Connection) -> dict[str, int]:
        """Last ingested block per contract (start_block - 1 for one never ingested)."""
        stored = {
            r.contract: r.block_number
            for r in conn.execute(select(Cursor).where(Cursor.chain_id == self.chain_id))
        }
        return {a: stored.get(a, self.start_block - 1) for a in self.contracts}

    # ------------------------------------------------------------------ passes
    def sync(self, to_block: int | None = None) -> Stats:
        """Detects and repairs a reorg, then ingests every range up to `to_block` (the head
        when None)."""
        stats = Stats()
        t0 = time.perf_counter()
        while True:
            head = self.head()
            target = head if to_block is None else min(to_block, head)
            self.check_reorg(head, stats)
            try:
                self._catch_up(target, head, stats)
                break
            except _Retry:
                continue
        stats.seconds = time.perf_counter() - t0
        return stats

    def follow(self, poll: float = 2.0, stop: Callable[[], bool] = lambda: False) -> None:
        """Passes forever (until `stop()`), `poll` seconds apart. A node that does not answer
        (restarting, say) is retried every pass; a reorg deeper than the confirmations stops it."""
        down = False
        while not stop():
            try:
                stats = self.sync()
            except (RpcError, OSError) as e:
                if not down:
                    self.log(f"node unavailable ({e}); retrying every {poll} s")
                down = True
            else:
                if down:
                    self.log("node back")
                down = False
                if stats.logs or stats.reorgs:
                    self.log(stats.summary())
            deadline = time.monotonic() + poll
            while time.monotonic() < deadline and not stop():
                time.sleep(min(0.2, poll))

    def _catch_up(self, target: int, head: int, stats: Stats) -> None:
        """Ranges from the cursors to `target`. The next range's eth_getLogs runs in a worker
        thread while this range is written (the node and the database work at the same time);
        a prefetched answer is used only for exactly the range the cursors then ask for."""
        pending: tuple[tuple[int, int, tuple[str, ...]], Future[list[dict[str, Any]]]] | None = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="getlogs") as pool:
            while True:
                with self.engine.connect() as conn:
                    cur = self.cursors(conn)
                lo = min(cur.values()) + 1
                if lo > target:
                    return
                hi = min(lo + self.span - 1, target)
                active = tuple(a for a, c in cur.items() if c < hi)
                if pending is not None and pending[0] == (lo, hi, active):
                    fut = pending[1]
                else:
                    fut = pool.submit(self.get_logs, active, lo, hi)
                pending = None
                try:
                    logs = fut.result()
                except (RpcError, OSError) as e:
                    if self.span <= self.min_range:
                        raise
                    self.span = max(self.min_range, self.span // 2)
                    self._streak = 0
                    stats.refusals += 1
                    self.log(f"eth_getLogs {lo}..{hi} failed ({e}); range now {self.span} blocks")
                    continue
                self._streak += 1
                if self._streak >= GROW_AFTER and self.span < self.max_range:
                    self.span = min(self.max_range, self.span * 2)
                    self._streak = 0
                if hi < target and self.prefetch:
                    after = {a: max(c, hi) for a, c in cur.items()}
                    n_lo, n_hi = hi + 1, min(hi + self.span, target)
                    n_active = tuple(a for a, c in after.items() if c < n_hi)
                    pending = ((n_lo, n_hi, n_active), pool.submit(self.get_logs, n_active, n_lo, n_hi))
                self._ingest(lo, hi, logs, cur, head, stats)

    def _ingest(
        self, lo: int, hi: int, logs: list[dict[str, Any]], cur: dict[str, int], head: int, stats: Stats
    ) -> None:
        recent_floor = head - self.confirmations
        # the hash of the range's last block, and of every recent block with logs: all canonical
        recent = sorted({int(x["blockNumber"], 16) for x in logs} | {hi})
        recent = [n for n in recent if n >= recent_floor or n == hi]
        canonical = self._hashes(recent)
        for x in logs:
            n = int(x["blockNumber"], 16)
            if n in canonical and canonical[n] != x["blockHash"]:
                raise _Retry
        if canonical[hi] is None:
            raise _Retry
        stamps = self._timestamps(logs)
        rows_by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
        events: list[dict[str, Any]] = []
        for x in logs:
            addr = x["address"].lower()
            if int(x["blockNumber"], 16) <= cur.get(addr, hi):
                continue  # this contract's cursor is past this block already
            row = self.decoder.decode(x, self.chain_id, stamps[x["blockHash"]])
            if row is None:
                continue
            events.append(row)
            name = row["event"]
            rows_by_table[name].append(row)  # its `event` key is not a column: insert_rows ignores it
            stats.by_event[name] += 1
        events.sort(key=lambda r: (r["block_number"], r["log_index"]))
        with self.engine.begin() as conn:
            for name, rows in rows_by_table.items():
                insert_rows(conn, EVENT_TABLES[name], rows, ignore_conflicts=True)
            derive.apply(conn, self.chain_id, events)
            self._record_blocks(conn, {n: h for n, h in canonical.items() if h}, recent_floor, hi)
            self._advance(conn, [a for a, c in cur.items() if c < hi], hi)
        stats.ranges += 1
        stats.logs += len(events)
        stats.first_block = lo if stats.first_block is None else stats.first_block
        stats.last_block = hi

    def _timestamps(self, logs: list[dict[str, Any]]) -> dict[str, int]:
        """Block hash -> timestamp: from the logs (`blockTimestamp`, Anvil and recent nodes),
        else from the blocks."""
        out: dict[str, int] = {}
        missing: dict[str, int] = {}
        for x in logs:
            ts = x.get("blockTimestamp")
            if ts is not None:
                out[x["blockHash"]] = int(ts, 16)
            elif x["blockHash"] not in out:
                missing[x["blockHash"]] = int(x["blockNumber"], 16)
        missing = {h: n for h, n in missing.items() if h not in out}
        if missing:
            blocks = self.aux.batch([("eth_getBlockByHash", [h, False]) for h in missing])
            for h, b in zip(missing, blocks, strict=True):
                if b is None:
                    raise _Retry
                out[h] = int(b["timestamp"], 16)
        return out

    def _record_blocks(self, conn: Connection, hashes: Mapping[int, str], floor: int, hi: int) -> None:
        t = Block.__table__
        if hashes:
            conn.execute(delete(t).where(t.c.chain_id == self.chain_id, t.c.number.in_(list(hashes))))
            conn.execute(
                insert(t), [{"chain_id": self.chain_id, "number": n, "hash": h} for n, h in hashes.items()]
            )
        # final blocks need no hash; the newest one stays (the next pass compares it)
        conn.execute(delete(t).where(t.c.chain_id == self.chain_id, t.c.number < floor, t.c.number < hi))

    def _advance(self, conn: Connection, addresses: Sequence[str], block: int) -> None:
        t = Cursor.__table__
        have = set(
            conn.execute(
                select(t.c.contract).where(t.c.chain_id == self.chain_id, t.c.contract.in_(list(addresses)))
            ).scalars()
        )
        if have:
            conn.execute(
                update(t)
                .where(t.c.chain_id == self.chain_id, t.c.contract.in_(list(have)))
                .values(block_number=block)
            )
        new = [a for a in addresses if a not in have]
        if new:
            conn.execute(
                insert(t),
                [
                    {
                        "chain_id": self.chain_id,
                        "contract": a,
                        "name": self.contracts[a].name,
                        "block_number": block,
                    }
                    for a in new
                ],
            )

    # ------------------------------------------------------------------ reorgs
    def check_reorg(self, head: int, stats: Stats | None = None) -> int | None:
        """Compares the newest kept block hash with the node's; on a mismatch rolls back to the
        fork point (returned) and rebuilds the derived tables. None when nothing changed."""
        t = Block.__table__
        with self.engine.connect() as conn:
            kept = conn.execute(
                select(t.c.number, t.c.hash).where(t.c.chain_id == self.chain_id).order_by(t.c.number.desc())
            ).all()
        if not kept:
            return None
        top_n, top_h = kept[0]
        if top_n <= head and self._hashes([top_n])[top_n] == top_h:
            return None
        numbers = [n for n, _h in kept if n <= head]
        node = self._hashes(numbers) if numbers else {}
        fork = next((n for n, h in kept if node.get(n) == h), None)
        if fork is None:
            raise DeepReorg(
                f"no kept block hash (blocks {kept[-1][0]}..{top_n}) is on the node's chain any more: "
                f"a reorg deeper than {self.confirmations} confirmations; reindex into a new database"
            )
        deleted = self.rollback(fork)
        self.log(f"reorg: rolled back to block {fork} ({deleted} event rows deleted), reindexing")
        if stats is not None:
            stats.reorgs += 1
            stats.rolled_back += deleted
        return fork

    def rollback(self, fork: int) -> int:
        """Deletes every row above block `fork`, moves the cursors back to it and rebuilds the
        derived tables, in one transaction: the number of event rows deleted."""
        deleted = 0
        with self.engine.begin() as conn:
            for t in EVENT_TABLES.values():
                deleted += conn.execute(
                    delete(t).where(t.c.chain_id == self.chain_id, t.c.block_number > fork)
                ).rowcount
            b = Block.__table__
            conn.execute(delete(b).where(b.c.chain_id == self.chain_id, b.c.number > fork))
            c = Cursor.__table__
            conn.execute(
                update(c)
                .where(c.c.chain_id == self.chain_id, c.c.block_number > fork)
                .values(block_number=fork)
            )
            derive.rebuild(conn, self.chain_id)
        return deleted


def count_events(engine: Engine, chain_id: int | None = None) -> int:
    with engine.connect() as conn:
        total = 0
        for t in EVENT_TABLES.values():
            q = select(func.count()).select_from(t)
            if chain_id is not None:
                q = q.where(t.c.chain_id == chain_id)
            total += conn.execute(q).scalar_one()
        return total
