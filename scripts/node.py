"""The persistent local node: `ape run node [start|stop|status]` (`make node`, `make node-stop`).

start: starts the long-lived Anvil of vperp.chain.node in the background (no step tracing,
bounded state history, state dumped on exit and loaded at the next start), attaches to it and,
when the chain has no deployment yet, deploys the stack and writes
deployments/ethereum-local-node.json. Everything else attaches with
`APE_FOUNDRY_HOST=http://127.0.0.1:8645 ape run <script> --network ethereum:local:foundry`.
"""

import os

import click
from ape import accounts, chain, networks, project
from ape.logging import LogLevel, logger

from vperp.chain import node
from vperp.chain.deploy import deployment_file
from vperp.chain.network import ensure_deployment, format_addresses, network_name


@click.command()
@click.argument("action", type=click.Choice(["start", "stop", "status"]), default="start")
def cli(action: str) -> None:
    s = node.NodeSettings.from_env()
    if action == "stop":
        raise SystemExit(node.main(["stop"]))
    if action == "status":
        raise SystemExit(node.main(["status"]))
    pid, new = node.start(s)
    click.echo(f"node {'started' if new else 'already running'}: {s.url} (pid {pid}, state {s.state_file})")
    os.environ["APE_FOUNDRY_HOST"] = s.url
    logger.set_level(LogLevel.WARNING)
    with networks.parse_network_choice("ethereum:local:foundry"):
        name = network_name(networks, s)
        d, deployed = ensure_deployment(project, chain, networks, accounts)
        verb = "deployed" if deployed else "found"
        click.echo(f"{verb} the stack on {name} (block {chain.blocks.head.number}): {deployment_file(name)}")
        click.echo(format_addresses(d))
    click.echo(f"attach with: export APE_FOUNDRY_HOST={s.url}  (then --network ethereum:local:foundry)")
