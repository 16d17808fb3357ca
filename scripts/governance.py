"""Governance: `ape run governance <propose|vote|queue|execute|cancel|status|local-demo> --network ...`.

Each subcommand takes --network and --account (an `ape accounts` alias, or TEST::<n> for a test
account) and prints the proposal's id, state and time left (vperp.governance.commands).
Proposals are recorded in --folder (default proposals/): the metadata as <cid>.json, ready to be
pinned, and proposals.json (id -> cid and description). `local-demo` deploys a governed stack on
a local chain and runs one proposal end to end with time travel.
"""

from pathlib import Path

import click
from ape import accounts, chain, networks, project
from ape.cli import ConnectedProviderCommand

from vperp.chain.deploy import load_deployment
from vperp.chain.network import deploy_to_network
from vperp.governance import commands
from vperp.governance.proposals import DEFAULT_FOLDER

folder_option = click.option("--folder", type=Path, default=DEFAULT_FOLDER, show_default=True)
account_option = click.option("--account", "alias", required=True, help="ape accounts alias, or TEST::<n>")
pid_argument = click.argument("proposal_id", type=int)


def _account(alias: str):
    if alias.startswith("TEST::"):
        return accounts.test_accounts[int(alias.removeprefix("TEST::"))]
    return accounts.load(alias)


@click.group()
def cli() -> None:
    """Token-vote governance over the timelock."""


@cli.command(cls=ConnectedProviderCommand)
@account_option
@folder_option
@click.option("--spec", type=Path, required=True, help="YAML: title, summary, links, calls")
def propose(network, alias: str, folder: Path, spec: Path) -> None:
    d = load_deployment(project, network.choice)
    _, line = commands.propose(d, chain, _account(alias), commands.load_spec(spec), folder)
    click.echo(line)


@cli.command(cls=ConnectedProviderCommand)
@account_option
@folder_option
@pid_argument
@click.option("--support", type=click.Choice(["for", "against", "abstain"]), required=True)
@click.option("--reason", default="")
def vote(network, alias: str, folder: Path, proposal_id: int, support: str, reason: str) -> None:
    d = load_deployment(project, network.choice)
    click.echo(commands.vote(d, chain, _account(alias), proposal_id, support, reason, folder))


@cli.command(cls=ConnectedProviderCommand)
@account_option
@folder_option
@pid_argument
def queue(network, alias: str, folder: Path, proposal_id: int) -> None:
    d = load_deployment(project, network.choice)
    click.echo(commands.queue(d, chain, _account(alias), proposal_id, folder))


@cli.command(cls=ConnectedProviderCommand)
@account_option
@folder_option
@pid_argument
def execute(network, alias: str, folder: Path, proposal_id: int) -> None:
    d = load_deployment(project, network.choice)
    click.echo(commands.execute(d, chain, _account(alias), proposal_id, folder))


@cli.command(cls=ConnectedProviderCommand)
@account_option
@folder_option
@pid_argument
def cancel(network, alias: str, folder: Path, proposal_id: int) -> None:
    """Queued: the guardian cancels it on the timelock; pending: its proposer, on the Governor."""
    d = load_deployment(project, network.choice)
    click.echo(commands.cancel(d, chain, _account(alias), proposal_id, folder))


@cli.command(cls=ConnectedProviderCommand)
@click.option("--account", "alias", default=None, help="unused (status only reads)")
@folder_option
@pid_argument
def status(network, alias: str | None, folder: Path, proposal_id: int) -> None:
    d = load_deployment(project, network.choice)
    click.echo(commands.status_line(d, chain, proposal_id, folder))


@cli.command("local-demo", cls=ConnectedProviderCommand)
@click.option("--account", "alias", default="TEST::0", show_default=True, help="deployer, treasury and voter")
@folder_option
@click.option("--spec", type=Path, default=Path("config/proposals/raise-veth-mmr.yaml"), show_default=True)
def local_demo(network, alias: str, folder: Path, spec: Path) -> None:
    """Local chains: deploy the governed stack, then one proposal end to end with time travel."""
    if not network.is_dev:
        raise SystemExit("local-demo travels in time: local networks only")
    d, path = deploy_to_network(project, chain, networks, accounts)
    click.echo(f"deployed; addresses in {path}")
    commands.local_full_proposal(d, chain, _account(alias), commands.load_spec(spec), folder, click.echo)
