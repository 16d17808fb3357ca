"""Liquidation keeper: `ape run keeper [--once] [--poll S] [--from-block N] [runner options] --network ...`.

Attaches to the connected network's node and deployments/<network>.json (ethereum-local-node.json
on the persistent node: `APE_FOUNDRY_HOST=http://127.0.0.1:8645`). The bot is
vperp.bots.keeper.KeeperStrategy run by vperp.bots.runner (`--help` lists the runner's options);
`python -m vperp.bots keeper --rpc-url URL --deployment FILE` runs the same without Ape.
"""

import click
from ape.cli import ConnectedProviderCommand

from vperp.bots.cli import KEEPER_OPTIONS, ape_run, runner_options


@click.command(cls=ConnectedProviderCommand)
@click.option("--key-env", default=None, help="environment variable holding the private key (live networks)")
@runner_options
def cli(key_env, **kw) -> None:
    ape_run("keeper", key_env, kw)


for _o in reversed(KEEPER_OPTIONS):
    cli = _o(cli)
