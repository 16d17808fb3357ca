"""Web dashboard: `ape run web [--db URL] [--port 8000] --network ...` (vperp.web).

Serves the dashboard over the deployment in deployments/<ecosystem>-<network>.json (the persistent
node's with `APE_FOUNDRY_HOST=http://127.0.0.1:8645`) and the indexer's database (default:
.indexer/<network>.sqlite, which `ape run indexer --follow` fills). Prints the URL; Ctrl-C stops.
"""

import click
from ape import networks
from ape.cli import ConnectedProviderCommand

from vperp.chain.deploy import deployment_file
from vperp.chain.network import network_name
from vperp.indexer.db import default_url
from vperp.web.server import serve


@click.command(cls=ConnectedProviderCommand)
@click.option("--db", default=None, help="the indexer's database URL (default: .indexer/<network>.sqlite)")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--dev-wallet", is_flag=True, help="trading page signs with the local Anvil's test accounts")
def cli(network, db, host, port, dev_wallet) -> None:
    name = network_name(networks)
    serve(
        db_url=db or default_url(name),
        rpc_url=networks.provider.uri,
        deployment_path=deployment_file(name),
        host=host,
        port=port,
        dev_wallet=dev_wallet,
        echo=click.echo,
    )
