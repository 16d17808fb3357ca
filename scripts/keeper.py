"""Liquidation keeper: `ape run keeper [--once] [--poll SECONDS] [--from-block N] --network ...`.

Reads deployments/<ecosystem>-<network>.json; liquidates through a test account on local/fork
networks, the `ape accounts` alias in $VPERP_KEEPER on live ones. Each round watches every
trader seen in PositionChanged events since --from-block (vperp.bots.keeper.LiquidationKeeper).
"""

import time

import click
from ape import accounts, chain, project
from ape.cli import ConnectedProviderCommand

from vperp.bots.keeper import LiquidationKeeper, accounts_from_events
from vperp.chain.deploy import load_deployment
from vperp.chain.signers import pick_account


@click.command(cls=ConnectedProviderCommand)
@click.option("--once", is_flag=True, help="one pass, then exit")
@click.option("--poll", default=15, show_default=True, help="seconds between passes")
@click.option("--from-block", default=0, show_default=True, help="first block to read PositionChanged from")
@click.option("--chunk", default=100, show_default=True, help="accounts per Viewer call")
def cli(network, once: bool, poll: int, from_block: int, chunk: int) -> None:
    d = load_deployment(project, network.choice)
    keeper = LiquidationKeeper(d, pick_account(accounts, network, "VPERP_KEEPER"), chunk_size=chunk)
    watched: dict[str, None] = {}
    next_block = from_block
    while True:
        head = chain.blocks.head.number
        if head >= next_block:
            watched.update(dict.fromkeys(accounts_from_events(d, next_block, head)))
            next_block = head + 1
        click.echo(keeper.run_once(list(watched)).summary())
        if once:
            return
        time.sleep(poll)
