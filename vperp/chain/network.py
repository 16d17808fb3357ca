"""Deployment for the connected Ape network: the one path `ape run deploy`, `ape run demo` and
`ape run gas_report` share: config file (config/deploy.yaml or $VPERP_CONFIG), deployer (first
test account on local/fork networks, the `accounts.load` alias in $VPERP_DEPLOYER on live ones),
deployment, address file (deployments/<ecosystem>-<network>.json)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from vperp.chain.config import DeployConfig, load_config
from vperp.chain.deploy import Deployment, deploy, save_deployment
from vperp.chain.signers import pick_account


def config_from_env() -> DeployConfig:
    """config/deploy.yaml, or the file named by $VPERP_CONFIG."""
    return load_config(os.environ.get("VPERP_CONFIG") or None)


def pick_deployer(accounts: Any, network: Any) -> Any:
    """The deployer: see `vperp.chain.signers.pick_account` ($VPERP_DEPLOYER on live networks)."""
    return pick_account(accounts, network, "VPERP_DEPLOYER")


def deploy_to_network(
    project: Any, chain: Any, networks: Any, accounts: Any, cfg: DeployConfig | None = None
) -> tuple[Deployment, Path]:
    """Deploys the stack on the connected network and writes deployments/<ecosystem>-<network>.json."""
    network = networks.provider.network
    deployer = pick_deployer(accounts, network)
    d = deploy(project, chain, deployer, cfg or config_from_env())
    path = save_deployment(d, network.choice, chain.chain_id)
    return d, path


def format_addresses(d: Deployment) -> str:
    """The recorded addresses as an aligned list."""
    a = d.addresses()
    lines = [f"  {k:<16} {v}" for k, v in a.items() if k != "markets"]
    for sym, m in a["markets"].items():
        lines.append(f"  {sym:<16} base {m['base_token']}  chainlink {m['chainlink']}")
    return "\n".join(lines)
