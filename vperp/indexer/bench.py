"""Indexer throughput: a dedicated node filled with trades (vperp.sim.traffic), then one full
index from block 0 into each database, timed (`ape run indexer_bench`, reports/indexer.md)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import create_engine, text

from vperp.chain.rpc import Rpc
from vperp.indexer.db import connect
from vperp.indexer.ingest import Contract, Indexer, Stats, count_events


@dataclass
class Result:
    backend: str
    stats: Stats
    rows: int  # event rows in the database afterwards


@contextmanager
def fresh_database(url: str, tmp_dir: str) -> Iterator[str]:
    """A new empty database: a new SQLite file in `tmp_dir` for "sqlite", else a new database on
    the PostgreSQL server of `url` (dropped afterwards)."""
    if url == "sqlite":
        yield f"sqlite:///{tmp_dir}/bench-{uuid.uuid4().hex[:8]}.sqlite"
        return
    name = f"vperp_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def measure(
    node_url: str,
    contracts: Sequence[Contract],
    databases: Sequence[str],
    tmp_dir: str,
    max_range: int = 5_000,
    echo: Callable[[str], None] = print,
) -> list[Result]:
    out = []
    for db in databases:
        with fresh_database(db, tmp_dir) as url:
            engine = connect(url)
            idx = Indexer(engine, Rpc.from_url(node_url), contracts, max_range=max_range)
            t0 = time.perf_counter()
            stats = idx.sync()
            stats.seconds = time.perf_counter() - t0
            rows = count_events(engine)
            engine.dispose()
            backend = engine.dialect.name
            echo(f"{backend}: {stats.summary()}")
            out.append(Result(backend, stats, rows))
    return out
