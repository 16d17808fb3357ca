"""Replays a real ETH crash window on a fresh local deployment and prints the summary.

    ape run replay --window 2022-06 --network ethereum:local:foundry
    ape run replay --window all --json-dir reports/replays

Windows: see vperp.sim.replay.windows.WINDOWS (2022-06, 2024-08: hourly Chainlink closes; 2023-08-17:
Chainlink rounds). Local chains only (mock feeds, impersonated accounts).
"""

from __future__ import annotations

import json
from pathlib import Path

import click
from ape import accounts, chain, project
from ape.cli import ConnectedProviderCommand, ape_cli_context

from vperp.sim.replay.runner import run_window
from vperp.sim.replay.windows import WINDOWS


@click.command(cls=ConnectedProviderCommand)
@ape_cli_context()
@click.option(
    "--window", "window", type=click.Choice([*WINDOWS, "all"]), default="2022-06", show_default=True
)
@click.option(
    "--json-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="write <window>.json here",
)
def cli(cli_ctx, window: str, json_dir: Path | None) -> None:
    owner = accounts.test_accounts[0]
    for name in WINDOWS if window == "all" else [window]:
        snapshot = chain.snapshot()
        summary = run_window(project, chain, owner, name, log=click.echo)
        chain.restore(snapshot)
        click.echo("\n".join(summary.lines()))
        if json_dir:
            json_dir.mkdir(parents=True, exist_ok=True)
            (json_dir / f"{name}.json").write_text(json.dumps(summary.to_dict(), indent=2) + "\n")
