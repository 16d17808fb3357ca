"""Resident memory of the persistent node over a long run: `ape run node_memory [--txs 10000]
[--report]`.

Starts the persistent node's Anvil (vperp.chain.node: no step tracing, `--prune-history`) on
--port in a temporary folder, deploys the stack, then sends --txs trades (vperp.sim.traffic,
--per-block a block) and samples the node's RSS every --every transactions; stops the node
(its state dump is timed too). --report writes reports/node-memory.md.
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
from vperp.sim.traffic import prepare, trade_blocks, trader_addresses


@click.command()
@click.option("--txs", default=10_000, show_default=True)
@click.option("--per-block", default=50, show_default=True)
@click.option("--every", default=1_000, show_default=True, help="transactions between samples")
@click.option("--prune", default=16, show_default=True, help="--prune-history N of the node (0: none)")
@click.option("--block-keeper", default=0, show_default=True, help="--transaction-block-keeper N (0: none)")
@click.option("--port", default=8652, show_default=True)
@click.option("--report", is_flag=True, help="write reports/node-memory.md")
def cli(txs, per_block, every, prune, block_keeper, port, report) -> None:
    logger.set_level(LogLevel.WARNING)
    samples: list[tuple[int, int, float]] = []  # (transactions, head block, RSS MB)
    with tempfile.TemporaryDirectory(prefix="vperp-mem-") as tmp:
        s = node.NodeSettings(
            port=port,
            directory=Path(tmp),
            prune_history=prune,
            state_interval=3600,
            block_keeper=block_keeper,
        )
        before = _tmp_dirs()
        pid, _ = node.start(s)
        try:
            os.environ["APE_FOUNDRY_HOST"] = s.url
            with networks.parse_network_choice("ethereum:local:foundry"):
                d = deploy(project, chain, accounts.test_accounts[0], config_from_env())
            rpc = Rpc.from_url(s.url)
            addresses = d.addresses()
            traders = trader_addresses(per_block, salt="memory")
            prepare(rpc, addresses, traders, per_block)
            head = lambda: int(rpc.request("eth_blockNumber", []), 16)  # noqa: E731
            samples.append((0, head(), node.rss_mb(pid)))
            click.echo(f"{0:>7} txs  block {samples[-1][1]:>6}  RSS {samples[-1][2]:8.1f} MB")
            sent = 0
            t0 = time.perf_counter()
            while sent < txs:
                blocks = max(1, every // per_block)
                sent += trade_blocks(rpc, addresses, traders, blocks)
                samples.append((sent, head(), node.rss_mb(pid)))
                click.echo(f"{sent:>7} txs  block {samples[-1][1]:>6}  RSS {samples[-1][2]:8.1f} MB")
            run_s = time.perf_counter() - t0
            disk_mb = sum(_du_mb(p) for p in _tmp_dirs() - before)
            t1 = time.perf_counter()
        finally:
            node.stop(s)
        dump_s = time.perf_counter() - t1
        state_mb = s.state_file.stat().st_size / 2**20 if s.state_file.exists() else 0.0
    click.echo(f"{sent} trades in {run_s:.0f} s; state dump at stop {dump_s:.1f} s, {state_mb:.1f} MB")
    if not report:
        return
    first, last = samples[1][2], samples[-1][2]
    path = ROOT / "reports" / "node-memory.md"
    if not path.exists():
        path.write_text(HEADER)
    pruning = f"`--prune-history {prune}`" if prune else "no `--prune-history` (Anvil's default)"
    if block_keeper:
        pruning += f", `--transaction-block-keeper {block_keeper}`"
    lines = [
        "",
        f"### {sent:,} transactions, {per_block} a block, {pruning}",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC (load average {os.getloadavg()[0]:.1f} on"
        f" {os.cpu_count()} cores), run time {run_s:.0f} s:",
        "",
        "```sh",
        f"ape run node_memory --txs {txs} --per-block {per_block} --every {every} --prune {prune}"
        + (f" --block-keeper {block_keeper}" if block_keeper else "")
        + " --report",
        "```",
        "",
        "| transactions | head block | RSS (MB) |",
        "|---:|---:|---:|",
        *[f"| {n:,} | {b:,} | {m:,.1f} |" for n, b, m in samples],
        "",
        f"From {samples[1][0]:,} to {sent:,} transactions: {first:,.1f} MB to {last:,.1f} MB,"
        f" {(last - first) / max(1, sent - samples[1][0]) * 1024:,.1f} KB per transaction. State dump at stop:"
        f" {dump_s:.1f} s, {state_mb:.1f} MB. States Anvil moved to disk (~/.foundry/anvil/tmp): {disk_mb:,.1f} MB.",
    ]
    with path.open("a") as f:
        f.write("\n".join(lines) + "\n")
    click.echo(f"appended to {path}")


ANVIL_TMP = Path.home() / ".foundry" / "anvil" / "tmp"


def _tmp_dirs() -> set[Path]:
    return set(ANVIL_TMP.iterdir()) if ANVIL_TMP.is_dir() else set()


def _du_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


HEADER = """# Memory of the persistent node

Resident memory (VmRSS) of the long-lived Anvil that `make node` starts (vperp/chain/node.py: no
`--steps-tracing`, `--prune-history 16`, state dumped on exit) while it takes trade
transactions on the deployed stack (vperp.sim.traffic: impersonated accounts opening and closing
1,000 USD positions). Ape's own Anvil runs with `--steps-tracing`, measured at about 6 MB kept per
transaction (../shared/TOOLCHAIN.md: 9.6 GB for a 1,102-transaction crash replay): 10,000
transactions would take about 60 GB. Blocks, receipts and logs are kept on purpose (the indexer
reads the whole history; `--transaction-block-keeper` would drop them), so memory grows by what
a block and its receipts take. `--prune-history N` keeps at most N historical world states in
memory and none on disk; without it Anvil keeps a window in memory and moves older states to
disk (~/.foundry/anvil/tmp), without bound. Each run below: `source tools/env.sh`, then the
command shown.
"""
