"""Replays a real ETH crash window on a fresh local deployment and prints the summary.

    ape run replay --window 2022-06 --network ethereum:local:foundry
    ape run replay --window all --accounts 306 --json-dir reports/replays

Windows: see vperp.sim.replay.windows.WINDOWS (hourly Chainlink closes, and Chainlink rounds for
2023-08-17). Local chains only (mock feeds, impersonated accounts). Ape's own Anvil runs with
step tracing (about 6 MB kept per transaction): `make replays` (vperp.sim.replay.batch) runs this
script on an Anvil started without it, one per window, and measures its memory.
"""

from __future__ import annotations

from pathlib import Path

import click
from ape import accounts, chain, project
from ape.cli import ConnectedProviderCommand, ape_cli_context

from vperp.sim.replay.cohorts import DEFAULT_ACCOUNTS
from vperp.sim.replay.runner import run_window
from vperp.sim.replay.summary import dump_json
from vperp.sim.replay.windows import WINDOWS


@click.command(cls=ConnectedProviderCommand)
@ape_cli_context()
@click.option(
    "--window", "window", type=click.Choice([*WINDOWS, "all"]), default="2022-06", show_default=True
)
@click.option("--accounts", "n_accounts", type=int, default=DEFAULT_ACCOUNTS, show_default=True)
@click.option(
    "--json-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="write <window>.json here",
)
def cli(cli_ctx, window: str, n_accounts: int, json_dir: Path | None) -> None:
    owner = accounts.test_accounts[0]
    for name in WINDOWS if window == "all" else [window]:
        snapshot = chain.snapshot()
        summary = run_window(project, chain, owner, name, log=click.echo, accounts=n_accounts)
        chain.restore(snapshot)
        click.echo("\n".join(summary.lines()))
        if json_dir:
            json_dir.mkdir(parents=True, exist_ok=True)
            (json_dir / f"{name}.json").write_text(dump_json(summary.to_dict()))
