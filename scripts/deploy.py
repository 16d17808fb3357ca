"""Deploys the full stack: `ape run deploy --network ethereum:local:foundry`, or on a testnet
`ape run deploy --network arbitrum:sepolia:<provider or RPC URL>` (optimism:sepolia alike).

Config: config/deploy.yaml, or the file in $VPERP_CONFIG; on a live network merged with
config/networks/<ecosystem>-<network>.yaml ($VPERP_NETWORK_CONFIG). Deployer: the first test
account on local/fork networks; on a live network the `ape accounts` alias in $VPERP_DEPLOYER.
On a live network every created contract is verified on the explorer (ETHERSCAN_API_KEY) and a
failed verification exits non-zero. Addresses: deployments/<ecosystem>-<network>.json.
The steps live in vperp.chain.network.deploy_to_network.
"""

from ape import accounts, chain, networks, project

from vperp.chain.network import deploy_to_network, format_addresses, network_name


def main() -> None:
    d, path = deploy_to_network(project, chain, networks, accounts)
    print(f"deployed on {network_name(networks)} (chain id {chain.chain_id}); addresses in {path}")
    print(format_addresses(d))
