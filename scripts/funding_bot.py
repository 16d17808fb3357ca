"""Funding updater: `ape run funding_bot [--once] [--poll SECONDS] --network ...`.

Reads deployments/<ecosystem>-<network>.json; keeper: a test account on local/fork networks,
the `ape accounts` alias in $VPERP_KEEPER on live ones. Each round updates every market whose
funding interval has passed (vperp.bots.funding.run_once).
"""

import os
import time

import click
from ape import accounts, chain, project
from ape.cli import ConnectedProviderCommand

from vperp.bots.funding import format_actions, pick_keeper, run_once
from vperp.chain.deploy import load_deployment


@click.command(cls=ConnectedProviderCommand)
@click.option("--once", is_flag=True, help="one round, then exit")
@click.option("--poll", default=30, show_default=True, help="seconds between rounds")
def cli(network, once: bool, poll: int) -> None:
    d = load_deployment(project, network.choice)
    keeper = pick_keeper(accounts, network, dict(os.environ))
    while True:
        click.echo(format_actions(run_once(d, keeper, chain.pending_timestamp)))
        if once:
            return
        time.sleep(poll)
