"""Indexer throughput benchmark: `ape run indexer_bench [--events 100000] [--db sqlite --db URL]`.

Starts a dedicated persistent-style node (vperp.chain.node: no step tracing, bounded history) on
--port in a temporary folder, deploys the stack, fills the chain with --events trades
(vperp.sim.traffic), then indexes it from block 0 into each --db (`sqlite`: a new file;
a PostgreSQL URL: a new database on that server), timing each, and stops the node. --report
appends the result to reports/indexer.md.
"""

import os
import tempfile
import time
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
from vperp.indexer.bench import measure
from vperp.indexer.cli import INDEXED, contracts_of
from vperp.sim.traffic import prepare, trade_blocks, trader_addresses


@click.command()
@click.option("--events", default=100_000, show_default=True, help="trades (one event each) to generate")
@click.option("--per-block", default=100, show_default=True, help="trades per block")
@click.option("--db", "dbs", multiple=True, default=("sqlite",), show_default=True)
@click.option("--port", default=8650, show_default=True)
@click.option("--max-range", default=5_000, show_default=True)
@click.option("--report", is_flag=True, help="append the result to reports/indexer.md")
def cli(events, per_block, dbs, port, max_range, report) -> None:
    logger.set_level(LogLevel.WARNING)
    with tempfile.TemporaryDirectory(prefix="vperp-bench-") as tmp:
        s = node.NodeSettings(port=port, directory=Path(tmp) / "node", state_interval=3600)
        pid, _ = node.start(s)
        try:
            os.environ["APE_FOUNDRY_HOST"] = s.url
            with networks.parse_network_choice("ethereum:local:foundry"):
                d = deploy(project, chain, accounts.test_accounts[0], config_from_env())
            rpc = Rpc.from_url(s.url)
            traders = trader_addresses(per_block)
            t0 = time.perf_counter()
            prepare(rpc, d.addresses(), traders, per_block)
            blocks = -(-events // per_block) + 1
            emitted = trade_blocks(
                rpc,
                d.addresses(),
                traders,
                blocks,
                progress=lambda b: b % 100 == 0 and click.echo(f"  block {b}/{blocks}"),
            )
            gen = time.perf_counter() - t0
            head = int(rpc.request("eth_blockNumber", []), 16)
            click.echo(f"generated {emitted} trades in {blocks} blocks ({gen:.0f} s); head {head}")
            abis = {
                n: [a.model_dump(mode="json", by_alias=True) for a in getattr(project, n).contract_type.abi]
                for _k, n in INDEXED
            }
            contracts = contracts_of(d.addresses(), abis)
            results = measure(s.url, contracts, dbs, tmp, max_range=max_range, echo=click.echo)
            rss = node.rss_mb(pid)
            load = os.getloadavg()[0]
        finally:
            node.stop(s)
    if report:
        lines = [
            "",
            f"### {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {emitted:,} trades, {head:,} blocks, node RSS {rss:.0f} MB, load average {load:.1f} on {os.cpu_count()} cores",
            "",
            f"Command: `ape run indexer_bench --events {events} --per-block {per_block} "
            + " ".join(f"--db {'sqlite' if db == 'sqlite' else 'postgresql+psycopg://…'}" for db in dbs)
            + f" --max-range {max_range} --report`",
            "",
            "| backend | events stored | rows | ranges | seconds | events/s |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for r in results:
            rate = r.stats.logs / r.stats.seconds
            lines.append(
                f"| {r.backend} | {r.stats.logs:,} | {r.rows:,} | {r.stats.ranges} | {r.stats.seconds:.2f} | {rate:,.0f} |"
            )
        path = ROOT / "reports" / "indexer.md"
        with path.open("a") as f:
            f.write("\n".join(lines) + "\n")
        click.echo(f"appended to {path}")
