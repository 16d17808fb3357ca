"""Batch executor: `ape run executor [--once] [--poll S] [--max-orders N] [runner options] --network ...`.

Attaches to the connected network's node and deployments/<network>.json. The bot is
vperp.bots.executor.ExecutorStrategy run by vperp.bots.runner (simulation, gas cap, nonce,
backoff, state file, signals); `python -m vperp.bots executor` runs the same without Ape.
"""

import click
from ape.cli import ConnectedProviderCommand

from vperp.bots.cli import EXECUTOR_OPTIONS, ape_run, runner_options


@click.command(cls=ConnectedProviderCommand)
@click.option("--key-env", default=None, help="environment variable holding the private key (live networks)")
@runner_options
def cli(key_env, **kw) -> None:
    ape_run("executor", key_env, kw)


for _o in reversed(EXECUTOR_OPTIONS):
    cli = _o(cli)
