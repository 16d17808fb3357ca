"""Indexer: `ape run indexer [--from N] [--follow] [--db URL] --network ...` (vperp.indexer).

Indexes the deployment in deployments/<ecosystem>-<network>.json (ethereum-local-node.json on the
persistent node: `APE_FOUNDRY_HOST=http://127.0.0.1:8645`) into SQLite (default:
.indexer/<network>.sqlite) or PostgreSQL (`--db postgresql+psycopg://user@host/db`).
"""

import click
from ape import networks, project
from ape.cli import ConnectedProviderCommand

from vperp.chain.deploy import deployment_file
from vperp.chain.network import network_name
from vperp.indexer.cli import INDEXED, run
from vperp.indexer.db import default_url


@click.command(cls=ConnectedProviderCommand)
@click.option("--from", "from_block", default=0, show_default=True, help="first block for new cursors")
@click.option("--to", "to_block", default=None, type=int, help="last block (default: the head)")
@click.option("--follow", is_flag=True, help="keep following the head (Ctrl-C or SIGTERM stops)")
@click.option("--db", default=None, help="database URL (default: sqlite file .indexer/<network>.sqlite)")
@click.option("--poll", default=2.0, show_default=True, help="seconds between passes with --follow")
@click.option("--confirmations", default=12, show_default=True, help="blocks after which rows are final")
@click.option(
    "--max-range", default=5000, show_default=True, help="blocks per eth_getLogs (halved on refusal)"
)
def cli(network, from_block, to_block, follow, db, poll, confirmations, max_range) -> None:
    name = network_name(networks)
    abis = {
        c: [a.model_dump(mode="json", by_alias=True) for a in getattr(project, c).contract_type.abi]
        for _k, c in INDEXED
    }
    run(
        rpc_url=networks.provider.uri,
        deployment_path=deployment_file(name),
        db_url=db or default_url(name),
        abis=abis,
        from_block=from_block,
        to_block=to_block,
        follow=follow,
        poll=poll,
        confirmations=confirmations,
        max_range=max_range,
        echo=click.echo,
    )
