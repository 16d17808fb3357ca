"""Dashboard response times: `ape run web_bench [--trades 1000] [--others 9] [--report]` (vperp.web.bench).

Starts a dedicated node (vperp.chain.node) in a temporary folder, deploys, has one account make
--trades trades (open and close alternately, one a block) while --others accounts trade beside it,
indexes the chain into SQLite, serves the dashboard on 127.0.0.1 and times its pages (the account
page of the busy account first); --report writes reports/web.md's measurement section.
"""

import os
import socket
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import click
from ape import accounts, chain, networks, project
from ape.logging import LogLevel, logger

from vperp.chain import node
from vperp.chain.config import ROOT
from vperp.chain.deploy import deploy
from vperp.chain.network import config_from_env
from vperp.chain.rpc import Rpc
from vperp.indexer import queries
from vperp.indexer.cli import abis_from_build, contracts_of
from vperp.indexer.db import connect
from vperp.indexer.ingest import Indexer
from vperp.sim.traffic import prepare, trade_blocks, trader_addresses
from vperp.web.bench import breakdown, candle_plan, pages, row_count, time_get
from vperp.web.context import Dashboard
from vperp.web.node import NodeReader
from vperp.web.server import Background


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@click.command()
@click.option("--trades", default=1000, show_default=True, help="trades of the measured account")
@click.option("--others", default=9, show_default=True, help="accounts trading beside it")
@click.option("--runs", default=30, show_default=True, help="timed requests per page")
@click.option("--port", default=8651, show_default=True, help="the node's port")
@click.option("--report", is_flag=True, help="write the result into reports/web.md")
def cli(trades, others, runs, port, report) -> None:
    logger.set_level(LogLevel.WARNING)
    with tempfile.TemporaryDirectory(prefix="vperp-web-bench-") as tmp:
        s = node.NodeSettings(port=port, directory=Path(tmp) / "node", state_interval=3600)
        node.start(s)
        try:
            os.environ["APE_FOUNDRY_HOST"] = s.url
            with networks.parse_network_choice("ethereum:local:foundry"):
                d = deploy(project, chain, accounts.test_accounts[0], config_from_env())
            addresses = d.addresses()
            rpc = Rpc.from_url(s.url)
            traders = trader_addresses(1 + others, salt="web-bench")
            prepare(rpc, addresses, traders)
            # trader 0 trades every block (open, close, ...): `trades` blocks, its last trade an open
            blocks = trades if trades % 2 else trades + 1
            emitted = trade_blocks(rpc, addresses, traders, blocks)
            abis = abis_from_build()
            engine = connect(f"sqlite:///{tmp}/index.sqlite")
            Indexer(engine, rpc, contracts_of(addresses, abis)).sync()
            busy = traders[0]
            n_trades = sum(1 for h in queries.account_history(engine, busy) if h["kind"] == "trade")
            history_rows = row_count(engine, "account_history")
            click.echo(
                f"{emitted} trades indexed; {busy}: {n_trades} trades; account_history {history_rows} rows"
            )
            token = addresses["markets"]["vETH"]["base_token"]
            plan = candle_plan(engine, token)
            click.echo("candle query plan: " + " | ".join(plan))
            dashboard = Dashboard(engine, NodeReader(s.url, addresses, abis), addresses)
            server = Background(dashboard, _free_port())
            try:
                timings = [
                    (name, time_get(url, runs)) for name, url in pages(server.url, busy, "vETH").items()
                ]
            finally:
                server.stop()
            parts = breakdown(dashboard, busy)
            for name, ms in parts.items():
                click.echo(f"  {name}: {ms:.1f} ms")
            for name, t in timings:
                click.echo(
                    f"{name:18} median {t.median_ms:6.1f} ms  p95 {t.p95_ms:6.1f}  max {t.max_ms:6.1f}  ({t.bytes:,} bytes)"
                )
            load = os.getloadavg()[0]
        finally:
            node.stop(s)
    if report:
        lines = [
            "# Dashboard response times",
            "",
            "Written by `ape run web_bench --report` (scripts/web_bench.py, vperp/web/bench.py): a dedicated node,",
            "one account trading every block among others (vperp.sim.traffic), the chain indexed into SQLite,",
            "the app served by uvicorn on 127.0.0.1 and each page fetched sequentially over HTTP",
            "(wall time from the request to the last byte: routing, index queries, node reads, rendering).",
            "",
            f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `ape run web_bench --trades {trades} --others {others} --runs {runs} --report`",
            f"(load average {load:.1f} on {os.cpu_count()} cores while measuring; SQLite index; the node a local Anvil):",
            f"the account has {n_trades:,} trades among {history_rows:,} account-history rows of {1 + others} accounts.",
            "",
            "| page | requests | median ms | p95 ms | max ms | bytes |",
            "|---|---:|---:|---:|---:|---:|",
            *(
                f"| {name} (`/{t.path}`) | {t.runs} | {t.median_ms:.1f} | {t.p95_ms:.1f} | {t.max_ms:.1f} | {t.bytes:,} |"
                for name, t in timings
            ),
            "",
            "Where the account page's time goes (in-process medians of its data, same account):",
            "",
            "| part | median ms |",
            "|---|---:|",
            *(f"| {name} | {ms:.1f} |" for name, ms in parts.items()),
            "",
            "The rest is rendering (50 history rows, 50 PositionNFT rows), uvicorn and the HTTP round trip.",
            "The figures are one client's sequential requests on a shared 2-core machine (other jobs were",
            "running: see the load average), so they are indicative, not a capacity test. The totals read",
            "the account's whole history (they grow linearly with it); the table reads only the newest 50",
            "rows through the `ix_account_history_trader` index. The PositionNFT rows (the account opens and",
            "closes alternately: a mint and a burn every two trades) read the newest 50 mints and burns",
            "through their `ix_ev_position_minted_trader` and `ix_ev_position_burned_trader` indexes.",
            "",
            "Candle query plan (SQLite `EXPLAIN QUERY PLAN` of `queries.candles`):",
            "",
            *(f"    {p}" for p in plan),
            "",
        ]
        path = ROOT / "reports" / "web.md"
        path.write_text("\n".join(lines))
        click.echo(f"wrote {path}")
