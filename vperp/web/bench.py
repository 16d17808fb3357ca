"""The dashboard's response times (`ape run web_bench`, reports/web.md): a dedicated node with
one account of many trades among others (vperp.sim.traffic), indexed into SQLite, the app served
on 127.0.0.1, each page requested many times over HTTP (the full server path: routing, index
queries, node reads, rendering). Also the query plan of the candle query (it must search an index)."""

from __future__ import annotations

import statistics
import time
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event, text

from vperp.indexer import queries


@dataclass(frozen=True)
class Timing:
    path: str
    runs: int
    median_ms: float
    p95_ms: float
    max_ms: float
    bytes: int


def time_get(url: str, runs: int = 30, warmup: int = 3) -> Timing:
    """`runs` sequential GETs of `url` after `warmup` ones: wall time of each, request to last byte."""
    samples: list[float] = []
    size = 0
    for i in range(warmup + runs):
        t0 = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as r:
            body = r.read()
            assert r.status == 200, f"{url}: HTTP {r.status}"
        if i >= warmup:
            samples.append((time.perf_counter() - t0) * 1000)
            size = len(body)
    samples.sort()
    return Timing(
        url.split("/", 3)[-1],
        runs,
        statistics.median(samples),
        samples[min(len(samples) - 1, int(0.95 * len(samples)))],
        samples[-1],
        size,
    )


def breakdown(d: Any, account: str, runs: int = 20) -> dict[str, float]:
    """Median ms of each part of the account page's data, in-process (`d`: a Dashboard)."""
    parts: dict[str, Callable[[], Any]] = {
        "node: exchange snapshot": d.node.exchange,
        "node: account (snapshot, state, free collateral)": lambda: d.node.account(account, ex),
        "index: history (newest 50)": lambda: queries.account_history(d.engine, account, limit=50),
        "index: totals (whole history)": lambda: queries.account_totals(d.engine, account),
        "index: positions": lambda: queries.positions(d.engine, account, open_only=False),
        "index: PositionNFTs (newest 50)": lambda: queries.position_nfts(d.engine, account, limit=50),
        "index: liquidations (newest 50)": lambda: queries.liquidations(d.engine, account, limit=50),
    }
    ex = d.node.exchange()
    out = {}
    for name, fn in parts.items():
        samples = []
        for _ in range(runs):
            t0 = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - t0) * 1000)
        out[name] = statistics.median(samples)
    return out


def query_plans(engine: Engine, run: Callable[[], Any]) -> list[str]:
    """The plan of every SELECT that `run()` executes (SQLite's EXPLAIN QUERY PLAN, PostgreSQL's
    EXPLAIN), one line per step."""
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    explain = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
    out: list[str] = []
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        for statement, parameters in seen:
            cur = raw.cursor()  # the driver's own cursor: the statement and parameters as executed
            cur.execute(explain + statement, parameters)
            out += [" ".join(str(c) for c in row[-1:]) for row in cur.fetchall()]
            cur.close()
    return out


def candle_plan(engine: Engine, base_token: str) -> list[str]:
    return query_plans(engine, lambda: queries.candles(engine, base_token, "mark"))


def row_count(engine: Engine, table: str) -> int:
    with engine.connect() as c:
        return int(c.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def pages(base_url: str, account: str, symbol: str) -> Mapping[str, str]:
    return {
        "account": f"{base_url}/account/{account}",
        "account fragment": f"{base_url}/account/{account}/live",
        "market": f"{base_url}/markets/{symbol}",
        "candles JSON": f"{base_url}/markets/{symbol}/chart.json",
        "risk": f"{base_url}/risk",
    }
