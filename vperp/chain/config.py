"""Deployment configuration: one YAML file (config/deploy.yaml) with embedded defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]  # vperp/chain/config.py -> the repository
DEFAULT_CONFIG = ROOT / "config" / "deploy.yaml"
DEPLOYMENTS_DIR = Path(
    os.environ.get("VPERP_DEPLOYMENTS_DIR") or ROOT / "deployments"
)  # env: tests, benchmarks


@dataclass(frozen=True)
class MarketConfig:
    symbol: str
    name: str
    price: float
    quote_reserve: float
    depth_ratio: int
    chainlink: str | None
    chainlink_max_age: int
    pyth_id: str
    pyth_max_age: int
    max_deviation: int
    min_price: float
    max_price: float
    params: dict[str, int]
    pyth_max_confidence: int = 10_000  # of the price, 1e6 = 100% (PROTOCOL.md section 4: 1%)


@dataclass(frozen=True)
class GovernanceConfig:
    """The `governance:` section: token, Governor settings, timelock delay, treasury, guardian."""

    token_name: str = "vPerp Governance"
    token_symbol: str = "VPG"
    token_supply: int = 100_000_000  # whole tokens, minted to the treasury
    treasury: str | None = None  # null: the deployer (local networks only)
    guardian: str | None = None  # null: the 9th test account (local networks only)
    voting_delay: int = 86_400  # s between a proposal and its snapshot
    voting_period: int = 432_000  # s
    proposal_threshold: int = 100_000  # whole tokens
    timelock_min_delay: int = 172_800  # s (PROTOCOL.md section 4: 2 days, bounds 1 .. 30 days)


@dataclass(frozen=True)
class DeployConfig:
    usdc: str | None
    pyth: str | None
    pyth_valid_time: int
    pyth_update_fee_wei: int
    global_params: dict[str, int]
    insurance_fund_seed: float
    liquidity_pool_seed: float
    pool: dict[str, int]
    markets: list[MarketConfig] = field(default_factory=list)
    governance: GovernanceConfig = field(default_factory=GovernanceConfig)
    netting: dict[str, Any] = field(default_factory=dict)  # execution_fee (USD), batch_window (s)
    # L2 sequencer rule (PROTOCOL.md section 5): Chainlink's uptime feed (None: no feed, the rule
    # is off) and the grace period after a restart (s)
    sequencer_uptime_feed: str | None = None
    sequencer_grace_period: int = 3600

    def market(self, symbol: str) -> MarketConfig:
        for m in self.markets:
            if m.symbol == symbol:
                return m
        raise KeyError(symbol)


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> DeployConfig:
    """Reads the deployment config; `overrides` replaces top-level keys (tests use it)."""
    raw: dict[str, Any] = yaml.safe_load(Path(path or DEFAULT_CONFIG).read_text())
    raw.update(overrides or {})
    markets = [MarketConfig(**m) for m in raw.pop("markets")]
    return DeployConfig(
        usdc=raw["usdc"],
        pyth=raw["pyth"],
        pyth_valid_time=raw["pyth_valid_time"],
        pyth_update_fee_wei=raw["pyth_update_fee_wei"],
        global_params=raw["global"],
        insurance_fund_seed=raw["insurance_fund_seed"],
        liquidity_pool_seed=raw["liquidity_pool_seed"],
        pool=raw["pool"],
        markets=markets,
        governance=GovernanceConfig(**(raw.get("governance") or {})),
        netting=raw.get("netting", {}),
        sequencer_uptime_feed=raw.get("sequencer_uptime_feed"),
        sequencer_grace_period=int(raw.get("sequencer_grace_period", 3600)),
    )
