"""A live network's addresses: config/networks/<ecosystem>-<network>.yaml (or $VPERP_NETWORK_CONFIG),
merged over config/deploy.yaml. Each external address (USDC, Pyth, each market's Chainlink proxy,
the sequencer uptime feed) carries its source; a required one left null is unconfirmed and the
deploy refuses to run for that network."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from eth_utils import is_checksum_address

from vperp.chain.config import ROOT, DeployConfig, GovernanceConfig

NETWORKS_DIR = ROOT / "config" / "networks"
DEPLOYER = "deployer"  # governance.treasury / guardian: the deploying account
MARKET_OVERRIDES = ("chainlink_max_age",)  # per-market fields a network file may set


class UnconfirmedAddress(SystemExit):
    """A required address of the network file is missing: the deploy must not run."""


@dataclass(frozen=True)
class ExternalContract:
    """An address the protocol uses but does not deploy, with where it comes from."""

    name: str
    address: str | None
    source: str
    checked: str = ""
    decimals: int | None = None
    description: str | None = None


@dataclass(frozen=True)
class LiveNetwork:
    network: str  # ecosystem:network
    chain_id: int
    path: Path
    usdc: ExternalContract
    pyth: ExternalContract
    sequencer_uptime_feed: ExternalContract
    feeds: dict[str, ExternalContract] = field(default_factory=dict)  # market symbol -> Chainlink proxy
    overrides: dict[str, Any] = field(default_factory=dict)  # seeds, governance
    market_overrides: dict[str, dict[str, Any]] = field(default_factory=dict)  # symbol -> MarketConfig fields

    def external(self) -> list[ExternalContract]:
        """Every external contract with an address (the sequencer feed only when there is one)."""
        found = [self.usdc, self.pyth, *self.feeds.values(), self.sequencer_uptime_feed]
        return [c for c in found if c.address]

    def deploy_config(self, base: DeployConfig, deployer: str) -> DeployConfig:
        """`base` (config/deploy.yaml) with this network's addresses: its markets reduced to those
        with a feed here, each pointed at its Chainlink proxy; seeds and governance overridden;
        `deployer` for a treasury or guardian written as "deployer"."""
        markets = [
            replace(m, chainlink=self.feeds[m.symbol].address, **self.market_overrides.get(m.symbol, {}))
            for m in base.markets
            if m.symbol in self.feeds
        ]
        gov: dict[str, Any] = dict(self.overrides.get("governance") or {})
        for key in ("treasury", "guardian"):
            if gov.get(key) == DEPLOYER:
                gov[key] = deployer
        seeds = {
            k: self.overrides[k]
            for k in ("insurance_fund_seed", "liquidity_pool_seed")
            if k in self.overrides
        }
        return replace(
            base,
            usdc=self.usdc.address,
            pyth=self.pyth.address,
            markets=markets,
            governance=replace(base.governance, **gov) if gov else base.governance,
            **seeds,
        )


def network_file(network: str) -> Path:
    """$VPERP_NETWORK_CONFIG, else config/networks/<ecosystem>-<network>.yaml."""
    return Path(os.environ.get("VPERP_NETWORK_CONFIG") or NETWORKS_DIR / f"{network.replace(':', '-')}.yaml")


def _external(path: Path, name: str, raw: Any, required: bool) -> ExternalContract:
    if not isinstance(raw, dict) or not raw.get("source"):
        raise UnconfirmedAddress(f"{path}: `{name}` needs an address and a `source` line (the official page)")
    address = raw.get("address")
    if address is None and required:
        why = raw.get("checked") or "no confirmed address"
        raise UnconfirmedAddress(
            f"{path}: the {name} address is unconfirmed ({why}); the deploy refuses to run on this network "
            f"until it is set from {raw['source']}"
        )
    if address is not None and not is_checksum_address(address):
        raise UnconfirmedAddress(f"{path}: {name} address {address} is not a checksummed address")
    return ExternalContract(
        name=name,
        address=address,
        source=raw["source"],
        checked=raw.get("checked", ""),
        decimals=raw.get("decimals"),
        description=raw.get("description"),
    )


def load_live_network(network: str, path: Path | None = None) -> LiveNetwork:
    """The network file of `network` (ecosystem:network); refuses (UnconfirmedAddress, a SystemExit)
    when it is missing, names another network, or leaves a required address unconfirmed."""
    path = path or network_file(network)
    if not path.is_file():
        raise UnconfirmedAddress(
            f"no network file for {network}: {path} (copy config/networks/arbitrum-sepolia.yaml and fill in "
            "each address from its official source)"
        )
    raw: dict[str, Any] = yaml.safe_load(path.read_text())
    if raw.get("network") != network:
        raise UnconfirmedAddress(f"{path} is for {raw.get('network')}, not {network}")
    markets = raw.get("markets") or {}
    if not markets:
        raise UnconfirmedAddress(f"{path}: no market has a Chainlink feed")
    GovernanceConfig(**{k: v for k, v in (raw.get("governance") or {}).items()})  # rejects unknown keys
    return LiveNetwork(
        network=network,
        chain_id=int(raw["chain_id"]),
        path=path,
        usdc=_external(path, "USDC", raw.get("usdc"), required=True),
        pyth=_external(path, "Pyth", raw.get("pyth"), required=True),
        sequencer_uptime_feed=_external(
            path, "sequencer uptime feed", raw.get("sequencer_uptime_feed"), required=False
        ),
        feeds={s: _external(path, f"{s} Chainlink feed", m, required=True) for s, m in markets.items()},
        overrides={
            k: raw[k] for k in ("insurance_fund_seed", "liquidity_pool_seed", "governance") if k in raw
        },
        market_overrides={
            s: {k: m[k] for k in MARKET_OVERRIDES if k in m}
            for s, m in markets.items()
            if isinstance(m, dict)
        },
    )
