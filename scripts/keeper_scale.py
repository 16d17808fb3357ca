"""Keeper at scale: deploys on the connected local node, builds a crowd of accounts, drops the
vETH index 10% and runs the bots' keeper one by one and in LiquidationBatcher batches from the
same state; writes the figures (vperp.sim.keeper_scale).

    make keeper-scale     # its own Anvil without step tracing: 5,000 accounts, 250 liquidatable

Local chains only (mock feeds, impersonated accounts). Ape's own Anvil keeps a step trace per
transaction (about 6 MB each): run it through `make keeper-scale` (python -m vperp.sim.keeper_scale).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import click
from ape import accounts, chain, project
from ape.cli import ConnectedProviderCommand, ape_cli_context

from vperp.bots.runner import test_account_signer
from vperp.chain.config import load_config
from vperp.chain.deploy import deploy, set_index_price
from vperp.chain.rpc import Rpc
from vperp.sim.keeper_scale import DROP_TO, build, compare, markdown


@click.command(cls=ConnectedProviderCommand)
@ape_cli_context()
@click.option("--accounts", "n_accounts", type=int, default=5_000, show_default=True)
@click.option("--liquidatable", type=int, default=250, show_default=True)
@click.option("--batch", type=int, default=100, show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None)
def cli(cli_ctx, n_accounts: int, liquidatable: int, batch: int, out: Path | None) -> None:
    owner = accounts.test_accounts[0]
    d = deploy(project, chain, owner, load_config())
    url = chain.provider.http_uri
    rpc = Rpc.from_url(url)
    addresses = d.addresses()
    click.echo(f"building {n_accounts} accounts ({liquidatable} to be liquidatable)")
    crowd = build(rpc, addresses, n_accounts, liquidatable)
    click.echo(f"crowd ready in {crowd.setup_seconds:.1f} s")

    def drop() -> None:
        chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + 1
        set_index_price(d, chain, "vETH", DROP_TO, owner)

    runs = compare(url, addresses, test_account_signer(9), crowd, drop, batch=batch)
    for r in runs:
        click.echo(
            f"{r.mode}: {r.wall_seconds:.2f} s, {r.transactions} transactions in {len(r.blocks)} blocks, "
            f"gas {r.total_gas:,} ({r.gas_per_liquidation:,} per liquidation), {r.liquidations} liquidations"
        )
    if out:
        command = "make keeper-scale"
        if (n_accounts, liquidatable, batch) != (5_000, 250, 100):
            command = (
                f"python -m vperp.sim.keeper_scale --accounts {n_accounts} --liquidatable {liquidatable}"
                f" --batch {batch}"
            )
        load = os.getloadavg()[0]
        measured = f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} (load average {load:.1f} on {os.cpu_count()} cores, shared)"
        out.write_text(markdown(n_accounts, crowd, runs, command, measured))
        click.echo(f"wrote {out}")
