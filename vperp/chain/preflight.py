"""Checks before anything is deployed on a live network: the connected chain is the network file's,
every external address has code and answers as its file says (decimals, feed description), the
deployer can pay the seeds, and verification can run (ETHERSCAN_API_KEY). Every problem is
collected and reported at once (PreflightFailed, a SystemExit)."""

from __future__ import annotations

import os
from typing import Any

from vperp.chain.config import DeployConfig
from vperp.chain.live import LiveNetwork
from vperp.sdk.units import usdc

API_KEY_VAR = "ETHERSCAN_API_KEY"


class PreflightFailed(SystemExit):
    pass


def _call(read: Any) -> Any:
    try:
        return read()
    except Exception as err:  # noqa: BLE001 - any failure to answer is a finding
        return err


def preflight_problems(
    project: Any, chain: Any, live: LiveNetwork, cfg: DeployConfig, deployer: str, publish: bool
) -> list[str]:
    """Every reason not to deploy (empty: go)."""
    problems: list[str] = []
    if chain.chain_id != live.chain_id:
        problems.append(f"connected chain id {chain.chain_id}, but {live.path} is for {live.chain_id}")
    if publish and not os.environ.get(API_KEY_VAR):
        problems.append(f"{API_KEY_VAR} is not set: contract verification needs an Etherscan (v2) API key")
    for c in live.external():
        if not chain.provider.get_code(c.address):
            problems.append(f"no code at the {c.name} address {c.address} (source: {c.source})")
            continue
        if c is not live.usdc and c is not live.pyth:  # an AggregatorV3 proxy
            feed = project.ChainlinkAggregatorMock.at(c.address)
            if c.decimals is not None and (got := _call(feed.decimals)) != c.decimals:
                problems.append(f"{c.name} {c.address}: decimals() is {got!r}, expected {c.decimals}")
            if c.description is not None and (got := _call(feed.description)) != c.description:
                problems.append(f"{c.name} {c.address}: description() is {got!r}, expected {c.description!r}")
    now = chain.blocks.head.timestamp
    for m in cfg.markets:  # the oracle refuses a market whose first index is stale (InitialIndexStale)
        if m.chainlink and chain.provider.get_code(m.chainlink):
            rnd = _call(project.ChainlinkAggregatorMock.at(m.chainlink).latestRoundData)
            if isinstance(rnd, Exception) or rnd[1] <= 0:
                problems.append(f"{m.symbol} Chainlink feed {m.chainlink}: no usable round ({rnd!r})")
            elif now - rnd[3] > m.chainlink_max_age:
                problems.append(
                    f"{m.symbol} Chainlink feed {m.chainlink}: last updated {now - rnd[3]} s ago, over the "
                    f"market's chainlink_max_age ({m.chainlink_max_age} s): the first index would be stale"
                )
    if chain.provider.get_code(live.usdc.address):
        token = project.TestUSDC.at(live.usdc.address)
        if live.usdc.decimals is not None and (got := _call(token.decimals)) != live.usdc.decimals:
            problems.append(f"USDC {live.usdc.address}: decimals() is {got!r}, expected {live.usdc.decimals}")
        need = usdc(cfg.insurance_fund_seed) + usdc(cfg.liquidity_pool_seed)
        have = _call(lambda: token.balanceOf(deployer))
        if isinstance(have, Exception) or have < need:
            problems.append(
                f"the deployer {deployer} holds {have!r} USDC units, the seeds need {need} "
                "(testnet USDC: https://faucet.circle.com)"
            )
    if not chain.provider.get_balance(deployer):
        problems.append(f"the deployer {deployer} has no ETH for gas")
    return problems


def require_preflight(
    project: Any, chain: Any, live: LiveNetwork, cfg: DeployConfig, deployer: str, publish: bool
) -> None:
    """Raises PreflightFailed listing every problem; nothing has been deployed then."""
    problems = preflight_problems(project, chain, live, cfg, deployer, publish)
    if problems:
        lines = "\n".join(f"  - {p}" for p in problems)
        raise PreflightFailed(f"deploy to {live.network} refused before any transaction:\n{lines}")
