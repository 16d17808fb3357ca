"""The indexer's command line, shared by `ape run indexer` (ABIs from the Ape project, node from
the connected provider) and `python -m vperp.indexer` (ABIs from .build/__local__.json, node by
--rpc): `run(...)` does the work for both."""

from __future__ import annotations

import json
import signal
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from vperp.chain.config import ROOT
from vperp.chain.rpc import Rpc
from vperp.indexer.db import connect
from vperp.indexer.ingest import Contract, Indexer, Stats

# the deployment's contracts that emit the indexed events (the logic contracts emit from the
# core), by their key in the address file (`governance.x`: inside its "governance" object)
INDEXED = (
    ("clearing_house", "ClearingHouse"),
    ("oracle", "PriceOracle"),
    ("insurance_fund", "InsuranceFund"),
    ("liquidity_pool", "LiquidityPool"),
    ("liquidation_batcher", "LiquidationBatcher"),
    ("governance.governor", "PerpGovernor"),
    ("governance.timelock", "GovernanceTimelock"),
    ("governance.token", "GovernanceToken"),
)


def address_of(deployment: Mapping[str, Any], key: str) -> str | None:
    """The address at `key` (dotted: nested objects) of an address file, None when absent."""
    v: Any = deployment
    for part in key.split("."):
        v = v.get(part) if isinstance(v, Mapping) else None
    return v.lower() if isinstance(v, str) else None


def contracts_of(
    deployment: Mapping[str, Any], abis: Mapping[str, Sequence[Mapping[str, Any]]]
) -> list[Contract]:
    """The indexed contracts of a deployment file's addresses, with their ABIs by contract name
    (a deployment without governance or without the batcher: the others)."""
    out = []
    for key, name in INDEXED:
        address = address_of(deployment, key)
        if address is not None:
            out.append(Contract(name, address, abis[name]))
    return out


def abis_from_build(build: Path = ROOT / ".build" / "__local__.json") -> dict[str, list[dict[str, Any]]]:
    """The JSON ABIs of the compiled project (Ape's manifest; `ape compile` writes it)."""
    manifest = json.loads(build.read_text())
    return {name: ct["abi"] for name, ct in manifest["contractTypes"].items()}


def run(
    *,
    rpc_url: str,
    deployment_path: Path,
    db_url: str,
    abis: Mapping[str, Sequence[Mapping[str, Any]]],
    from_block: int = 0,
    to_block: int | None = None,
    follow: bool = False,
    poll: float = 2.0,
    confirmations: int = 12,
    max_range: int = 5_000,
    echo: Callable[[str], None] = print,
) -> Stats:
    """Indexes the deployment recorded in `deployment_path` from the node at `rpc_url` into
    `db_url`: one pass to the head (or `to_block`), then, with `follow`, a pass every `poll`
    seconds until SIGINT or SIGTERM (each range is committed on its own, so stopping anywhere
    loses nothing)."""
    deployment = json.loads(deployment_path.read_text())
    engine = connect(db_url)
    idx = Indexer(
        engine,
        Rpc.from_url(rpc_url),
        contracts_of(deployment, abis),
        start_block=from_block,
        confirmations=confirmations,
        max_range=max_range,
        log=echo,
    )
    stats = idx.sync(to_block)
    echo(stats.summary())
    if follow:
        stopping: list[int] = []

        def on_signal(signum: int, _frame: Any) -> None:
            stopping.append(signum)

        old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            echo(f"following {rpc_url} every {poll} s (Ctrl-C stops)")
            idx.follow(poll, stop=lambda: bool(stopping))
        finally:
            for s, h in old.items():
                signal.signal(s, h)
        echo("stopped")
    engine.dispose()
    return stats


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m vperp.indexer", description=__doc__)
    p.add_argument("--rpc", required=True, help="node URL, e.g. http://127.0.0.1:8645")
    p.add_argument("--deployment", required=True, type=Path, help="deployments/<network>.json")
    p.add_argument("--db", required=True, help="sqlite:///file.sqlite or postgresql+psycopg://...")
    p.add_argument("--from", dest="from_block", type=int, default=0, help="first block (new cursors)")
    p.add_argument("--to", dest="to_block", type=int, default=None, help="last block (default: head)")
    p.add_argument("--follow", action="store_true", help="keep following the head")
    p.add_argument("--poll", type=float, default=2.0)
    p.add_argument("--confirmations", type=int, default=12)
    p.add_argument("--max-range", type=int, default=5_000)
    p.add_argument("--build", type=Path, default=ROOT / ".build" / "__local__.json")
    a = p.parse_args(argv)
    run(
        rpc_url=a.rpc,
        deployment_path=a.deployment,
        db_url=a.db,
        abis=abis_from_build(a.build),
        from_block=a.from_block,
        to_block=a.to_block,
        follow=a.follow,
        poll=a.poll,
        confirmations=a.confirmations,
        max_range=a.max_range,
        echo=lambda m: print(m, flush=True),
    )
    return 0
