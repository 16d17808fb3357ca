"""The Arbitrum One scenarios of scenarios.py against a real fork (ape-arbitrum's
arbitrum:mainnet-fork network on Anvil, upstream ARBITRUM_RPC_URL, the block pinned in
ape-config.yaml): the real native USDC (a holder impersonated), the real Chainlink ETH/USD proxy,
Pyth and the sequencer uptime feed. The scenario code is test_twin.py's, unchanged.

Run (README, "Arbitrum: twin and fork tests"):

    ARBITRUM_RPC_URL=https://... make test-fork

Skipped, with the reason, when ARBITRUM_RPC_URL is unset (without it Ape would try public RPCs)
or when the session does not run on the fork network. ARBITRUM_USDC_HOLDER may name a USDC holder
to impersonate; without it a holder is funded through the token's own master minter
(impersonated)."""

from __future__ import annotations

import os

import pytest

from integration.arbitrum import scenarios
from vperp.chain.twin import ETH_USD, PYTH, SEQUENCER_UPTIME_FEED, USDC, attach_fork

FORK_NETWORK = "arbitrum:mainnet-fork:foundry"

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("ARBITRUM_RPC_URL"),
        reason="ARBITRUM_RPC_URL is unset: the Arbitrum One fork tests need an RPC "
        "(ARBITRUM_RPC_URL=https://... make test-fork)",
    ),
]


@pytest.fixture(scope="module")
def arb(project, chain, accounts, networks):
    net = networks.provider.network
    if f"{net.ecosystem.name}:{net.name}" != "arbitrum:mainnet-fork":
        pytest.skip(f"fork tests run on {FORK_NETWORK} (make test-fork), this session is on {net.choice}")
    env = attach_fork(project, chain, os.environ.get("ARBITRUM_USDC_HOLDER") or None)
    return scenarios.deploy_on_arbitrum(project, chain, env, accounts)


def test_real_contracts_at_the_addresses(chain, arb):
    for a in (USDC, ETH_USD, PYTH, SEQUENCER_UPTIME_FEED):
        assert len(chain.provider.get_code(a)) > 0
    assert arb.env.usdc.symbol() == "USDC" and int(arb.env.usdc.decimals()) == 6
    assert int(arb.env.eth_usd.decimals()) == 8


def test_wiring(arb):
    scenarios.check_wiring(arb)


def test_open_close_liquidate(chain, arb):
    scenarios.open_close_liquidate(chain, arb)


def test_crash_replay_from_chainlink_rounds(chain, arb):
    assert scenarios.crash_replay(chain, arb) >= 3


def test_sequencer_rule_against_the_uptime_feed(chain, arb):
    scenarios.sequencer_rule(chain, arb)


def test_blacklisted_trader_cannot_withdraw(chain, arb):
    scenarios.fiat_token_blacklist(chain, arb)


def test_usdc_pause_stops_deposits(chain, arb):
    scenarios.fiat_token_pause(chain, arb)
