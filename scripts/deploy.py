"""Deploys the full stack: `ape run deploy --network ethereum:local:foundry`.

Config: config/deploy.yaml, or the file in $VPERP_CONFIG. Deployer: the first test account on
local/fork networks; on a live network the `ape accounts` alias in $VPERP_DEPLOYER.
Addresses: deployments/<ecosystem>-<network>.json.
"""

from ape import accounts, chain, networks, project

from vperp.chain.network import deploy_to_network, format_addresses, network_name


def main() -> None:
    d, path = deploy_to_network(project, chain, networks, accounts)
    print(f"deployed on {network_name(networks)} (chain id {chain.chain_id}); addresses in {path}")
    print(format_addresses(d))
