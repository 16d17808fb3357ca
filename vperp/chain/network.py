"""Deployment for the connected Ape network: the one path `ape run deploy`, `ape run demo` and
`ape run gas_report` share: config file (config/deploy.yaml or $VPERP_CONFIG), deployer (first
test account on local/fork networks, the `accounts.load` alias in $VPERP_DEPLOYER on live ones),
deployment, address file (deployments/<ecosystem>-<network>.json).

On a live network (a testnet) the same path also: merges the network file's addresses
(vperp.chain.live), checks them on chain before any transaction (vperp.chain.preflight), verifies
every created contract on the explorer (vperp.chain.verify; $VPERP_VERIFY=0 skips it), records
links and statuses in the address file (vperp.chain.addressbook), and exits non-zero after writing
it when a verification failed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from vperp.chain.addressbook import live_record, provenance
from vperp.chain.config import DeployConfig, load_config
from vperp.chain.deploy import Deployment, deploy, deployment_file, load_deployment, save_deployment
from vperp.chain.etherscan import pin_chain_list
from vperp.chain.governance import deploy_governance, treasury_and_guardian
from vperp.chain.live import load_live_network
from vperp.chain.node import NODE_NETWORK, NodeSettings
from vperp.chain.preflight import require_preflight
from vperp.chain.signers import pick_account
from vperp.chain.verify import Verification, require_verified, verify_deployment


def config_from_env() -> DeployConfig:
    """config/deploy.yaml, or the file named by $VPERP_CONFIG."""
    return load_config(os.environ.get("VPERP_CONFIG") or None)


def pick_deployer(accounts: Any, network: Any) -> Any:
    """The deployer: see `vperp.chain.signers.pick_account` ($VPERP_DEPLOYER on live networks)."""
    return pick_account(accounts, network, "VPERP_DEPLOYER")


def _same_endpoint(a: str, b: str) -> bool:
    def norm(u: str) -> str:
        return u.rstrip("/").replace("localhost", "127.0.0.1").removeprefix("http://")

    return norm(a) == norm(b)


def network_name(networks: Any, node: NodeSettings | None = None) -> str:
    """The name the connected network's deployment is recorded under: `ethereum:local:node` when
    attached to the persistent node (vperp.chain.node: `APE_FOUNDRY_HOST=<its url>`), else the
    network's choice (`ethereum:local` for Ape's own throwaway Anvil)."""
    provider = networks.provider
    uri = getattr(provider, "uri", None) or getattr(provider, "http_uri", None) or ""
    if uri and _same_endpoint(uri, (node or NodeSettings.from_env()).url):
        return NODE_NETWORK
    return provider.network.choice


def deploy_to_network(
    project: Any, chain: Any, networks: Any, accounts: Any, cfg: DeployConfig | None = None
) -> tuple[Deployment, Path]:
    """Deploys the stack on the connected network, hands every owner and role to the governance
    timelock (vperp.chain.governance) and writes deployments/<ecosystem>-<network>.json."""
    pin_chain_list()  # the explorer of a network comes from ape-config.yaml, never from a lookup online
    network = networks.provider.network
    cfg = cfg or config_from_env()
    live = None if network.is_dev else load_live_network(network.choice)  # refuses unconfirmed addresses
    deployer = pick_deployer(accounts, network)
    publish = live is not None and os.environ.get("VPERP_VERIFY", "1") != "0"
    if live is not None:
        cfg = live.deploy_config(cfg, deployer.address)
        require_preflight(project, chain, live, cfg, deployer.address, publish)
        if hasattr(deployer, "set_autosign"):  # a keystore account: one passphrase for the whole run
            deployer.set_autosign(True)
    first_nonce, first_block = deployer.nonce, chain.blocks.height + 1
    d = deploy(project, chain, deployer, cfg)
    treasury, guardian = treasury_and_guardian(cfg.governance, deployer, accounts, network.is_dev)
    deploy_governance(project, deployer, d, cfg.governance, treasury, guardian)
    extra = provenance(first_block, chain.blocks.height)
    verification: list[Verification] | None = None
    if live is not None:
        explorer = network.explorer
        if publish:
            verification = verify_deployment(
                project, chain, explorer, deployer.address, first_nonce, deployer.nonce
            )
        extra |= live_record(live, explorer, verification)
    path = save_deployment(d, network_name(networks), chain.chain_id, extra)
    require_verified(verification or [], path)
    return d, path


def recorded_deployment(project: Any, chain: Any, name: str) -> Deployment | None:
    """The deployment recorded for `name` when its file exists and its core has code on the
    connected chain (a node restarted without its state has none), else None."""
    if not deployment_file(name).is_file():
        return None
    d = load_deployment(project, name)
    return d if chain.provider.get_code(d.clearing_house.address) else None


def ensure_deployment(project: Any, chain: Any, networks: Any, accounts: Any) -> tuple[Deployment, bool]:
    """The recorded deployment of the connected network, or a new one (written to its file):
    (deployment, deployed now)."""
    d = recorded_deployment(project, chain, network_name(networks))
    if d is not None:
        return d, False
    return deploy_to_network(project, chain, networks, accounts)[0], True


def format_addresses(d: Deployment) -> str:
    """The recorded addresses as an aligned list."""
    a = d.addresses()
    lines = [f"  {k:<16} {v}" for k, v in a.items() if k not in ("markets", "governance", "logic")]
    for k, v in (a.get("logic") or {}).items():
        lines.append(f"  {k:<16} {v}")
    for k, v in (a["governance"] or {}).items():
        lines.append(f"  {k:<16} {v}")
    for sym, m in a["markets"].items():
        lines.append(f"  {sym:<16} base      {m['base_token']}")
        lines.append(f"  {'':<16} chainlink {m['chainlink']}")
    return "\n".join(lines)
