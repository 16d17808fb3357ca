"""Funding updater: `ape run funding_bot [--once] [--poll S] [runner options] --network ...`.

Attaches to the connected network's node and deployments/<network>.json (ethereum-local-node.json
on the persistent node: `APE_FOUNDRY_HOST=http://127.0.0.1:8645`). The bot is
vperp.bots.funding.FundingStrategy run by vperp.bots.runner; `python -m vperp.bots funding` runs
the same without Ape.
"""

import click
from ape.cli import ConnectedProviderCommand

from vperp.bots.cli import ape_run, runner_options


@click.command(cls=ConnectedProviderCommand)
@click.option("--key-env", default=None, help="environment variable holding the private key (live networks)")
@runner_options
def cli(key_env, **kw) -> None:
    ape_run("funding", key_env, kw)
