"""The indexer under faults, on SQLite and PostgreSQL: a real reorg on Anvil (snapshot, blocks,
revert, different blocks) is detected and repaired; a reorg deeper than the confirmations is
refused; a node refusing large ranges gets halved ones; a SIGKILL in the middle of ingestion
followed by a restart ends identical to a from-scratch index."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from vperp.chain import node
from vperp.chain.config import ROOT
from vperp.chain.rpc import Rpc, RpcError
from vperp.indexer import queries
from vperp.indexer.db import engine_for
from vperp.indexer.ingest import GROW_AFTER, DeepReorg
from vperp.indexer.models import Cursor
from vperp.sim.traffic import prepare, trade_blocks, trader_addresses


def fresh_dump(make_indexer, tmp_path: Path, name: str) -> dict:
    """The dump of a from-scratch index (SQLite) of the node as it is now."""
    idx = make_indexer(f"sqlite:///{tmp_path / name}")
    idx.sync()
    out = queries.dump(idx.engine)
    idx.engine.dispose()
    return out


def test_reorg_is_detected_and_repaired(chain, funded, alice, bob, carol, make_indexer, db_url, tmp_path):
    funded(alice, 20_000).long_quote("vETH", 10_000)
    idx = make_indexer(db_url, confirmations=12)
    idx.sync()
    fork_block = chain.blocks.head.number
    snap = chain.snapshot()
    b = funded(bob, 20_000)
    b.long_quote("vETH", 5_000)
    b.short_quote("vBTC", 3_000)
    assert idx.sync().logs > 0
    bob_rows = [
        r for r in queries.events(idx.engine, "PositionChanged") if r["trader"] == bob.address.lower()
    ]
    assert len(bob_rows) == 2
    old_head = chain.blocks.head.number
    chain.restore(snap)
    c = funded(carol, 30_000)  # other transactions in the same heights: other block hashes
    for _ in range(3):
        c.short_quote("vETH", 2_000)
    assert chain.blocks.head.number >= old_head
    stats = idx.sync()
    assert stats.reorgs == 1 and stats.rolled_back >= len(bob_rows)
    traders = {r["trader"] for r in queries.events(idx.engine, "PositionChanged")}
    assert bob.address.lower() not in traders and carol.address.lower() in traders
    assert all(
        r["block_number"] <= fork_block
        for r in queries.events(idx.engine, "Deposited")
        if r["trader"] == alice.address.lower()
    )
    # repaired: exactly what a from-scratch index of the new chain holds (derived tables included)
    assert queries.dump(idx.engine) == fresh_dump(make_indexer, tmp_path, "fresh.sqlite")
    assert {p["trader"] for p in queries.positions(idx.engine)} == {
        alice.address.lower(),
        carol.address.lower(),
    }
    idx.engine.dispose()


def test_a_reorg_deeper_than_the_confirmations_is_refused(chain, funded, alice, bob, make_indexer, tmp_path):
    a = funded(alice, 20_000)
    snap = chain.snapshot()
    for _ in range(6):
        a.long_quote("vETH", 1_000)
    idx = make_indexer(f"sqlite:///{tmp_path / 'i.sqlite'}", confirmations=2)
    idx.sync()
    chain.restore(snap)
    b = funded(bob, 20_000)
    for _ in range(6):
        b.long_quote("vETH", 1_000)
    with pytest.raises(DeepReorg, match="deeper than 2 confirmations"):
        idx.sync()
    idx.engine.dispose()


class RefusingRpc(Rpc):
    """A node that refuses eth_getLogs over more than `limit` blocks, as hosted providers do."""

    limit = 4
    refused = 0

    def request(self, method, params):
        if method == "eth_getLogs":
            span = int(params[0]["toBlock"], 16) - int(params[0]["fromBlock"], 16) + 1
            if span > self.limit:
                RefusingRpc.refused += 1
                raise RpcError(method, {"code": -32005, "message": f"query exceeds {self.limit} blocks"})
        return super().request(method, params)


def halving_model(head: int, start: int, limit: int) -> tuple[int, int, int]:
    """(refusals, ranges, final span) of indexing blocks 0..head from a range of `start` blocks
    on a node refusing more than `limit`: halve on a refusal, double after GROW_AFTER ranges."""
    lo, span, streak, refusals, ranges = 0, start, 0, 0, 0
    while lo <= head:
        hi = min(lo + span - 1, head)
        if hi - lo + 1 > limit:
            span, streak, refusals = span // 2, 0, refusals + 1
            continue
        lo, ranges, streak = hi + 1, ranges + 1, streak + 1
        if streak >= GROW_AFTER and span < start:
            span, streak = min(start, span * 2), 0
    return refusals, ranges, span


def test_refused_ranges_are_halved(chain, funded, alice, make_indexer, node_url, tmp_path):
    funded(alice, 20_000).long_quote("vETH", 5_000)
    rpc = RefusingRpc(SimpleNamespace(provider=SimpleNamespace(http_uri=node_url)))
    idx = make_indexer(f"sqlite:///{tmp_path / 'i.sqlite'}", rpc=rpc, max_range=64)
    stats = idx.sync()
    # 64 -> 32 -> 16 -> 8 -> 4: four refusals; after GROW_AFTER ranges of 4 blocks it tries 8
    # again (refused again when 8 blocks are left), and so on to the head
    assert (stats.refusals, stats.ranges, idx.span) == halving_model(chain.blocks.head.number, 64, 4)
    assert stats.refusals >= 4
    assert stats.last_block == chain.blocks.head.number
    assert queries.dump(idx.engine) == fresh_dump(make_indexer, tmp_path, "fresh.sqlite")
    idx.engine.dispose()


def _cursor(url: str) -> int:
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            got = conn.execute(select(Cursor.block_number)).scalars().all()
        return min(got) if got else -1
    except Exception:  # the schema may not exist yet
        return -1
    finally:
        engine.dispose()


def test_sigkill_mid_ingestion_then_restart_equals_a_fresh_index(busy_node, make_indexer, db_url, tmp_path):
    assert busy_node.trades > 2_500
    head = int(Rpc.from_url(busy_node.url).request("eth_blockNumber", []), 16)
    cmd = [
        sys.executable, "-m", "vperp.indexer", "--rpc", busy_node.url, "--deployment", str(busy_node.deployment),
        "--db", db_url, "--max-range", "1",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while _cursor(db_url) < head // 3:
        assert proc.poll() is None, proc.stdout.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = _cursor(db_url)
    assert 0 < killed_at < head, "killed in the middle"
    done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"blocks {killed_at + 1}..{head}:" in done.stdout  # it went on from its cursor
    restarted = engine_for(db_url)
    fresh = make_indexer(
        f"sqlite:///{tmp_path / 'fresh.sqlite'}", node=busy_node.url, addresses=busy_node.addresses
    )
    fresh.sync()
    assert queries.dump(restarted) == queries.dump(fresh.engine)
    assert sum(p["trades"] for p in queries.positions(restarted, open_only=False)) >= busy_node.trades
    restarted.dispose()
    fresh.engine.dispose()


def test_scripts_attach_to_the_node_and_the_indexer_follows_it(busy_node, tmp_path):
    """`ape run indexer --follow` and `ape run keeper` attach to the running node through
    APE_FOUNDRY_HOST and find its deployment (deployments/ethereum-local-node.json); the indexer
    follows new blocks and stops cleanly on SIGTERM."""
    ape = str(Path(sys.executable).parent / "ape")
    env = {**busy_node.env, "APE_FOUNDRY_HOST": busy_node.url}
    db = f"sqlite:///{tmp_path / 'follow.sqlite'}"
    rpc = Rpc.from_url(busy_node.url)
    head = int(rpc.request("eth_blockNumber", []), 16)
    cmd = [
        ape,
        "run",
        "indexer",
        "--network",
        "ethereum:local:foundry",
        "--db",
        db,
        "--follow",
        "--poll",
        "0.2",
    ]
    proc = subprocess.Popen(
        cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 90
        while _cursor(db) < head:
            assert proc.poll() is None, proc.stdout.read()
            assert time.monotonic() < deadline
            time.sleep(0.1)
        traders = trader_addresses(10, salt="follow")
        prepare(rpc, busy_node.addresses, traders)
        trade_blocks(rpc, busy_node.addresses, traders, 3)
        new_head = int(rpc.request("eth_blockNumber", []), 16)
        while _cursor(db) < new_head:
            assert proc.poll() is None, proc.stdout.read()
            assert time.monotonic() < deadline
            time.sleep(0.1)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0 and out.rstrip().endswith("stopped"), out
    engine = engine_for(db)
    traded = {p["trader"] for p in queries.positions(engine, open_only=False)}
    assert {t.lower() for t in traders} <= traded
    engine.dispose()
    keeper = subprocess.run(
        [ape, "run", "keeper", "--network", "ethereum:local:foundry", "--once"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert keeper.returncode == 0, keeper.stdout + keeper.stderr
    # the runner's exit line (vperp.bots.runner): one round, nothing to liquidate, nothing sent
    assert " exit reason=done" in keeper.stderr and '"planned": 0' in keeper.stderr, keeper.stderr


def test_the_node_keeps_its_chain_across_restarts(busy_node, tmp_path):
    """make node's Anvil: no step tracing, bounded history, its state dumped at SIGTERM and
    loaded at the next start (same head, same hashes, same logs), and the deployment found
    rather than redeployed; an indexer following it waits through the restart and goes on."""
    s = busy_node.settings
    rpc = Rpc.from_url(busy_node.url)
    db = f"sqlite:///{tmp_path / 'follow.sqlite'}"
    follower = subprocess.Popen(
        [sys.executable, "-m", "vperp.indexer", "--rpc", busy_node.url, "--deployment", str(busy_node.deployment),
         "--db", db, "--follow", "--poll", "0.2"],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    _wait_cursor(db, int(rpc.request("eth_blockNumber", []), 16), follower)
    head = rpc.request("eth_getBlockByNumber", ["latest", False])
    core = busy_node.addresses["clearing_house"]
    logs = rpc.request("eth_getLogs", [{"fromBlock": "0x0", "toBlock": "latest", "address": core}])
    assert len(logs) > busy_node.trades
    args = Path(f"/proc/{node.read_pid(s)}/cmdline").read_bytes().split(b"\0")
    assert b"--steps-tracing" not in args
    assert (
        args[args.index(b"--prune-history") + 1] == str(s.prune_history).encode() and b"--dump-state" in args
    )
    assert node.stop(s) and not node.is_up(busy_node.url)
    assert s.state_file.stat().st_size > 0
    again = busy_node.start()
    assert again.returncode == 0, again.stdout + again.stderr
    assert "found the stack on ethereum:local:node" in again.stdout
    rpc = Rpc.from_url(busy_node.url)
    assert rpc.request("eth_getBlockByNumber", ["latest", False])["hash"] == head["hash"]
    assert rpc.request("eth_getLogs", [{"fromBlock": "0x0", "toBlock": "latest", "address": core}]) == logs
    rpc.request("evm_mine", [])
    assert rpc.request("eth_getBlockByNumber", ["latest", False])["parentHash"] == head["hash"]
    # the follower saw the node go and come back, and indexes what happens next
    traders = trader_addresses(4, salt="after-restart")
    prepare(rpc, busy_node.addresses, traders)
    trade_blocks(rpc, busy_node.addresses, traders, 2)
    _wait_cursor(db, int(rpc.request("eth_blockNumber", []), 16), follower)
    follower.send_signal(signal.SIGTERM)
    out, _ = follower.communicate(timeout=30)
    assert follower.returncode == 0, out
    assert "node unavailable" in out and "node back" in out
    engine = engine_for(db)
    assert {t.lower() for t in traders} <= {p["trader"] for p in queries.positions(engine, open_only=False)}
    engine.dispose()

    # the chain travels a week ahead of the wall clock (as the demo's governance vote does): after
    # a restart it goes on from there, not from the wall-clock time (Anvil's state has no clock)
    rpc.request("evm_increaseTime", [7 * 86_400])
    rpc.request("evm_mine", [])
    ahead = rpc.request("eth_getBlockByNumber", ["latest", False])
    assert node.stop(s)
    assert busy_node.start().returncode == 0
    rpc = Rpc.from_url(busy_node.url)
    rpc.request("evm_mine", [])
    after = rpc.request("eth_getBlockByNumber", ["latest", False])
    assert after["parentHash"] == ahead["hash"]
    assert int(after["timestamp"], 16) == int(ahead["timestamp"], 16) + 1


def _wait_cursor(db: str, block: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while _cursor(db) < block:
        assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
        assert time.monotonic() < deadline
        time.sleep(0.1)
