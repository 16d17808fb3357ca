"""Gas report of the hot paths: `ape run gas_report --network ethereum:local:foundry` (`make gas`).

Deploys a fresh stack, runs vperp.reports.gas.run_gas_scenario and writes reports/gas.md.
"""

import time
from pathlib import Path

from ape import accounts, chain, networks, project
from ape.logging import LogLevel, logger

from vperp.chain.network import deploy_to_network
from vperp.reports.gas import (
    contract_sizes,
    render_markdown,
    render_sizes,
    run_gas_scenario,
    run_netting_gas_scenario,
)

REPORT = Path(__file__).resolve().parent.parent / "reports" / "gas.md"


def main() -> None:
    t0 = time.monotonic()
    logger.set_level(LogLevel.WARNING)
    d, path = deploy_to_network(project, chain, networks, accounts)
    print(f"deployed on {networks.provider.network.choice}; addresses in {path}")
    test = accounts.test_accounts
    records = run_gas_scenario(d, chain, d.owner, [test[i] for i in (1, 2, 3, 4, 5, 9)], log=print)
    records += run_netting_gas_scenario(d, chain, d.owner, test[9], log=print)
    version = chain.provider.make_request("web3_clientVersion", [])
    header = (
        f"Measured with `ape run gas_report` on {networks.provider.network.choice} ({version}), "
        "contracts compiled by solc 0.8.28, optimizer on, 20 runs, via IR, EVM cancun. "
        "Gas used is the whole transaction's (`receipt.gas_used`, 21,000 intrinsic included)."
    )
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(render_markdown(records, header) + "\n" + render_sizes(contract_sizes(project)))
    over = [r.op for r in records if r.within_target is False]
    print(f"wrote {REPORT} ({len(records)} operations; over target: {', '.join(over) or 'none'})")
    print(f"gas report finished in {time.monotonic() - t0:.1f} s")
