"""The main job: `ape run demo --network ethereum:local:foundry` (`make demo`).

Deploys the full stack (as `ape run deploy`, address file included), then runs the scripted
trading session of vperp.sim.session.run_demo and prints its tables and summary.
"""

import time

from ape import accounts, chain, networks, project
from ape.logging import LogLevel, logger

from vperp.chain.network import deploy_to_network, format_addresses, network_name
from vperp.sim.session import TRADERS, run_demo


def main() -> None:
    t0 = time.monotonic()
    logger.set_level(LogLevel.WARNING)  # no per-transaction "Confirmed" lines
    d, path = deploy_to_network(project, chain, networks, accounts)
    print(f"deployed on {network_name(networks)} (chain id {chain.chain_id}); addresses in {path}")
    print(format_addresses(d))
    test = accounts.test_accounts
    traders = {name: test[i + 1] for i, name in enumerate(TRADERS)}
    run_demo(d, chain, d.owner, traders, keeper=test[9])
    print(f"demo finished in {time.monotonic() - t0:.1f} s")
