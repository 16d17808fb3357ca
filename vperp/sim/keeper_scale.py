"""Keeper at scale (issue 12, Keeper scale): a crowd of accounts, a share of them liquidatable
after a 10% price drop, liquidated by the bots' keeper (vperp.bots: the runner and
KeeperStrategy) one by one and in LiquidationBatcher batches, from the same chain state (an
Anvil snapshot): wall time, transactions, blocks and gas of each.

The crowd (`build`): fresh impersonated addresses, set up in JSON-RPC batches with automine off
(vperp.sim.traffic.prepare, then one block of opens per `per_block` accounts). The doomed
accounts deposit 200 USDC and go long 1,800 USD of vETH (9x: a 10% drop leaves them below half
of maintenance, so each is closed whole); the others deposit 1,000 USDC and go long or short about
1,000 USD (the shorts a little more, so that the crowd's net position is flat and the mark stays
at the index).

    make keeper-scale                                  # 5,000 accounts, 250 liquidatable
    python -m vperp.sim.keeper_scale --accounts 600 --liquidatable 30 --out /tmp/k.md

(`main` starts its own Anvil without step tracing and runs `ape run keeper_scale` against it.)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eth_abi import decode as abi_decode
from eth_abi import encode as abi_encode
from eth_utils import keccak

from vperp.bots.keeper import KeeperStrategy
from vperp.bots.runner import Log, Options, Runner, Signer, abis_from_build
from vperp.chain.config import ROOT
from vperp.chain.rpc import Rpc
from vperp.sim.traffic import FAR_DEADLINE, OPEN, prepare, send_block, trader_addresses, tx_of

DOOMED_DEPOSIT = 200 * 10**6  # USDC
DOOMED_LONG = 1_800 * 10**18  # USD: 9x
OTHER_DEPOSIT = 1_000 * 10**6
OTHER_TRADE = 1_000 * 10**18
DROP_TO = 2_700  # vETH index after the drop (-10% from the config's 3,000)
LIQUIDATED_TOPIC = (
    "0x" + keccak(text="PositionLiquidated(address,address,uint256,uint256,uint256,address)").hex()
)
CHANGED_TOPIC = (
    "0x" + keccak(text="PositionChanged(address,address,int256,int256,uint256,int256,int256,uint256)").hex()
)


@dataclass
class Crowd:
    traders: list[str]
    doomed: list[str]
    first_block: int  # first block of the crowd's trades
    setup_seconds: float


def build(
    rpc: Rpc,
    addresses: Mapping[str, Any],
    n: int,
    liquidatable: int,
    per_block: int = 100,
    salt: str = "keeper-scale",
) -> Crowd:
    """`n` accounts with a vETH position each, the first `liquidatable` of them doomed by the drop
    (every `n // liquidatable`-th account, so that each block of opens mixes both kinds)."""
    if not 0 < liquidatable <= n:
        raise ValueError(f"liquidatable {liquidatable} outside 1..{n}")
    t0 = time.monotonic()
    traders = trader_addresses(n, salt)
    step = n // liquidatable
    doomed = [traders[i * step] for i in range(liquidatable)]
    doomed_set = set(doomed)
    others = [t for t in traders if t not in doomed_set]
    shorts = others[0::2]
    # the shorts carry the doomed longs too: the crowd's net position is flat
    short_quote = OTHER_TRADE + (DOOMED_LONG * liquidatable) // max(1, len(shorts))
    deposits = {t: DOOMED_DEPOSIT if t in doomed_set else OTHER_DEPOSIT for t in traders}
    prepare(rpc, addresses, traders, per_block=per_block, deposits=deposits)
    base = addresses["markets"]["vETH"]["base_token"]
    short_set = set(shorts)
    first = int(rpc.request("eth_blockNumber", []), 16) + 1
    rpc.request("evm_setAutomine", [False])
    try:
        for i in range(0, n, per_block):
            txs = []
            for t in traders[i : i + per_block]:
                if t in doomed_set:
                    params = (base, False, True, DOOMED_LONG, 0, FAR_DEADLINE)
                elif t in short_set:  # exact quote out
                    params = (base, True, False, short_quote, 0, FAR_DEADLINE)
                else:
                    params = (base, False, True, OTHER_TRADE, 0, FAR_DEADLINE)
                data = OPEN + abi_encode(["(address,bool,bool,uint256,uint256,uint256)"], [params])
                txs.append(tx_of(t, addresses["clearing_house"], data))
            send_block(rpc, txs)
    finally:
        rpc.request("evm_setAutomine", [True])
    last = int(rpc.request("eth_blockNumber", []), 16)
    opened = rpc.request(
        "eth_getLogs",
        [
            {
                "fromBlock": hex(first),
                "toBlock": hex(last),
                "address": addresses["clearing_house"],
                "topics": [CHANGED_TOPIC],
            }
        ],
    )
    if len(opened) != n:
        raise RuntimeError(f"{len(opened)} of {n} opens went through")
    return Crowd(traders, doomed, first, time.monotonic() - t0)


@dataclass
class KeeperRun:
    mode: str  # "one by one" or "batches of N"
    wall_seconds: float  # keeper start to its last mined transaction
    check_seconds: float  # the final round that found nothing left
    rounds: int
    transactions: int
    blocks: list[int]
    gas: list[int]  # per transaction
    liquidations: int
    doomed_sent: int  # transactions the runner's simulation stopped (should be 0 here)
    reverted: int
    plan_seconds: float = 0.0  # Viewer scans and batch dry runs, summed over rounds
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def total_gas(self) -> int:
        return sum(self.gas)

    @property
    def gas_per_liquidation(self) -> int:
        return self.total_gas // max(1, self.liquidations)


def run_keeper(
    url: str, deployment: Mapping[str, Any], signer: Signer, batch: int, from_block: int, chunk: int = 100
) -> KeeperRun:
    """The bots' keeper (runner + KeeperStrategy) round after round until a round mines nothing."""
    strategy = KeeperStrategy(from_block=from_block, chunk=chunk, batch=batch)
    # the runner's own pricing (base fee x 1.2 + a fixed tip: it no longer compounds over one
    # sender's consecutive transactions as eth_gasPrice x 1.2 did)
    opts = Options(poll=0, check_mempool=False)
    # the runner's log lines: VPERP_KEEPER_SCALE_LOG=1 shows them (stderr)
    stream = None if os.environ.get("VPERP_KEEPER_SCALE_LOG") else open(os.devnull, "w")  # noqa: SIM115
    log = Log("keeper", stream=stream)
    rt = Runner(strategy, url, signer, deployment, abis_from_build(), opts, log)
    rt.chain_id = int(rt.request("eth_chainId", []), 16)
    rt.resync_nonce()
    start_block = int(rt.request("eth_blockNumber", []), 16)
    t0 = time.monotonic()
    done_at = t0
    rounds = 0
    plan_seconds = 0.0
    original_plan = strategy.plan

    def timed_plan(rt_: Any, now: Any) -> list[Any]:
        nonlocal plan_seconds
        p0 = time.monotonic()
        try:
            return original_plan(rt_, now)
        finally:
            plan_seconds += time.monotonic() - p0

    strategy.plan = timed_plan  # type: ignore[method-assign]
    while True:
        r0 = time.monotonic()
        mined = rt.run_round()
        rounds += 1
        if not mined:
            check = time.monotonic() - r0
            break
        done_at = time.monotonic()
    end_block = int(rt.request("eth_blockNumber", []), 16)
    logs = rt.request(
        "eth_getLogs",
        [
            {
                "fromBlock": hex(start_block + 1),
                "toBlock": hex(end_block),
                "address": deployment["clearing_house"],
                "topics": [LIQUIDATED_TOPIC],
            }
        ],
    )
    mined_logs = log.events("mined")
    return KeeperRun(
        mode=f"batches of up to {batch}" if batch else "one by one",
        wall_seconds=done_at - t0,
        check_seconds=check,
        rounds=rounds,
        transactions=len(mined_logs),
        blocks=sorted({int(e["block"]) for e in mined_logs}),
        gas=[int(e["gas_used"]) for e in mined_logs],
        liquidations=len(logs),
        doomed_sent=rt.counters.doomed,
        reverted=rt.counters.reverted,
        plan_seconds=plan_seconds,
        extra={
            "dropped_by_dry_run": strategy.dropped,
            "liquidated": sorted({"0x" + lg["topics"][1][-40:] for lg in logs}),
        },
    )


def compare(
    url: str,
    deployment: Mapping[str, Any],
    signer: Signer,
    crowd: Crowd,
    drop: Callable[[], None],
    batch: int = 100,
) -> list[KeeperRun]:
    """Drops the price, then runs the keeper one by one and in batches, each from the same state
    (evm_snapshot / evm_revert); checks that each run liquidated exactly the doomed accounts and
    left nothing liquidatable."""
    rpc = Rpc.from_url(url)
    drop()
    runs = []
    for b in (0, batch):
        snap = rpc.request("evm_snapshot", [])
        run = run_keeper(url, deployment, signer, b, crowd.first_block)
        left = _liquidatable(rpc, deployment, crowd.traders)
        if set(run.extra["liquidated"]) != {d.lower() for d in crowd.doomed} or left:
            raise RuntimeError(
                f"{run.mode}: liquidated {len(run.extra['liquidated'])} of {len(crowd.doomed)}, {len(left)} left"
            )
        runs.append(run)
        if not rpc.request("evm_revert", [snap]):
            raise RuntimeError("evm_revert failed")
    return runs


def _liquidatable(rpc: Rpc, deployment: Mapping[str, Any], traders: list[str]) -> list[str]:
    sel = keccak(text="liquidatable(address[])")[:4]
    found: list[str] = []
    for i in range(0, len(traders), 500):
        data = sel + abi_encode(["address[]"], [traders[i : i + 500]])
        out = rpc.request("eth_call", [{"to": deployment["viewer"], "data": "0x" + data.hex()}, "latest"])
        accounts, _, _ = abi_decode(["address[]", "uint256[]", "address[]"], bytes.fromhex(out[2:]))
        found += list(accounts)
    return found


def markdown(n: int, crowd: Crowd, runs: list[KeeperRun], command: str, measured: str) -> str:
    lines = [
        "# Keeper at scale",
        "",
        f"{n:,} accounts with a vETH position, {len(crowd.doomed):,} of them ({100 * len(crowd.doomed) / n:g}%) "
        "liquidatable after the index drops 10% (3,000 to 2,700 USD). The bots' keeper (vperp.bots: the runner "
        "with its simulate-before-send rule, KeeperStrategy) liquidates them one transaction per account, then, "
        "from the same chain state (Anvil snapshot), in LiquidationBatcher batches "
        "(contracts/periphery/LiquidationBatcher.sol: each batch dry-run first, the targets it would skip dropped). "
        "Anvil without step tracing, automine (one block per transaction), block gas limit 30M.",
        "",
        "| mode | wall time | transactions | blocks | rounds | gas total | gas per liquidation | liquidations | planning (scan + dry runs) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(
            f"| {r.mode} | {r.wall_seconds:.2f} s | {r.transactions} | {len(r.blocks)} | {r.rounds - 1} | "
            f"{r.total_gas:,} | {r.gas_per_liquidation:,} | {r.liquidations} | {r.plan_seconds:.2f} s |"
        )
    batched = runs[-1]
    lines += [
        "",
        f"Batch transactions' gas: {', '.join(f'{g:,}' for g in batched.gas)} (blocks {', '.join(map(str, batched.blocks))}).",
        f"Wall time runs from the keeper's start to its last mined transaction; the round after it, which "
        f"finds nothing left, took {runs[0].check_seconds:.2f} s (one by one) and {batched.check_seconds:.2f} s (batches). "
        f"Simulated and not sent: {runs[0].doomed_sent} and {batched.doomed_sent}; reverted on chain: "
        f"{runs[0].reverted} and {batched.reverted}. Crowd set-up: {crowd.setup_seconds:.1f} s.",
        "",
        "Each run is checked: exactly the doomed accounts liquidated, and the Viewer finds no liquidatable account after it.",
        "",
        f"Reproduce: `{command}`",
        "",
        f"Measured {measured}.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Starts an Anvil without step tracing on a free port and runs `ape run keeper_scale` on it."""
    from vperp.chain.node import anvil_binary, is_up
    from vperp.sim.replay.batch import ANVIL_FLAGS, free_port

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--accounts", type=int, default=5_000)
    p.add_argument("--liquidatable", type=int, default=250)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--out", type=Path, default=ROOT / "reports" / "keeper-scale.md")
    a = p.parse_args(argv)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    # the replays' flags without history pruning (the keeper reads the crowd's events from its first block)
    flags = list(ANVIL_FLAGS)
    i = flags.index("--prune-history")
    del flags[i : i + 2]
    with tempfile.TemporaryDirectory(prefix="vperp-keeper-scale-") as tmp:
        with (Path(tmp) / "anvil.log").open("wb") as anvil_log:
            anvil = subprocess.Popen(
                [anvil_binary(), *flags, "--port", str(port)], stdout=anvil_log, stderr=subprocess.STDOUT
            )
        try:
            deadline = time.monotonic() + 60
            while not is_up(url):
                if anvil.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"anvil did not start on {url}")
                time.sleep(0.1)
            env = {**os.environ, "APE_FOUNDRY_HOST": url}
            ape = str(Path(sys.executable).with_name("ape"))
            cmd = [
                ape,
                "run",
                "keeper_scale",
                "--accounts",
                str(a.accounts),
                "--liquidatable",
                str(a.liquidatable),
            ]
            cmd += ["--batch", str(a.batch), "--out", str(a.out), "--network", "ethereum:local:foundry"]
            return subprocess.run(cmd, env=env, cwd=ROOT, check=False).returncode
        finally:
            anvil.terminate()
            anvil.wait(timeout=60)


if __name__ == "__main__":
    sys.exit(main())
