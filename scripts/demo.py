"""The main job: `ape run demo --network ethereum:local:foundry` (`make demo`).

Deploys the full stack (as `ape run deploy`, address file included), then runs the scripted
trading session of vperp.sim.session.run_demo and prints its tables and summary.
"""

import time
from pathlib import Path

from ape import accounts, chain, networks, project
from ape.logging import LogLevel, logger

from vperp.chain.network import deploy_to_network, format_addresses, network_name
from vperp.sim.session import NAMES, fixed_clock, run_demo


def proposals_folder(deployment_file: Path) -> Path:
    """Where the demo's proposal metadata goes: beside the deployment file (git ignores both)."""
    return deployment_file.parent / f"{deployment_file.stem}-proposals"


def main() -> None:
    t0 = time.monotonic()
    logger.set_level(LogLevel.WARNING)  # no per-transaction "Confirmed" lines
    with fixed_clock(chain):  # the same numbers every run
        _demo()
    print(f"demo finished in {time.monotonic() - t0:.1f} s")


def _demo() -> None:
    d, path = deploy_to_network(project, chain, networks, accounts)
    print(f"deployed on {network_name(networks)} (chain id {chain.chain_id}); addresses in {path}")
    print(format_addresses(d))
    test = accounts.test_accounts
    named = {name: test[i + 1] for i, name in enumerate(NAMES)}  # test[8] is the guardian
    run_demo(d, chain, d.owner, named, keeper=test[9], proposals=proposals_folder(path))
