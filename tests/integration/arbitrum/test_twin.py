"""The offline twin of Arbitrum One (vperp.chain.twin.build_twin): the real contracts' code at
their real addresses on the local Anvil, the protocol deployed on them, and the scenarios of
scenarios.py, which test_fork.py runs unchanged against a real fork. Runs everywhere, no RPC.

Twin-only checks: the placed contracts are what they claim (FiatTokenProxy's admin and
implementation slots, FiatTokenV2_2 initialised through all four initialisers, the Chainlink
proxy's phase and aggregator, MockPyth at Pyth's address)."""

from __future__ import annotations

import ape
import pytest
from eth_utils import to_checksum_address

from integration.arbitrum import scenarios
from vperp.chain.deploy import push_pyth_price
from vperp.chain.twin import (
    ETH_USD,
    PROXY_ADMIN_SLOT,
    PROXY_IMPLEMENTATION_SLOT,
    PYTH,
    SEQUENCER_UPTIME_FEED,
    USDC,
    TwinRoles,
    build_twin,
)


@pytest.fixture(scope="module")
def arb(project, chain, accounts):
    env = build_twin(project, chain, accounts[0])
    return scenarios.deploy_on_arbitrum(project, chain, env, accounts)


def _slot_address(chain, address: str, slot: int) -> str:
    return to_checksum_address(chain.provider.get_storage(address, slot)[-20:])


def test_twin_places_the_real_contracts(chain, arb):
    env, roles = arb.env, TwinRoles()
    for a in (USDC, ETH_USD, PYTH, SEQUENCER_UPTIME_FEED):
        assert len(chain.provider.get_code(a)) > 0
    # FiatTokenProxy: zeppelinos slots; the admin sees them through the proxy's own functions
    impl = _slot_address(chain, USDC, PROXY_IMPLEMENTATION_SLOT)
    assert _slot_address(chain, USDC, PROXY_ADMIN_SLOT) == roles.proxy_admin
    assert env.usdc_proxy.implementation(sender=_impersonated(roles.proxy_admin)) == impl
    assert env.usdc_proxy.admin(sender=_impersonated(roles.proxy_admin)) == roles.proxy_admin
    assert len(chain.provider.get_code(impl)) > 20_000
    # FiatTokenV2_2 initialised as Circle deploys it (initialize .. initializeV2_2)
    t = env.usdc
    assert (t.name(), t.symbol(), t.currency(), int(t.decimals())) == ("USD Coin", "USDC", "USD", 6)
    assert (t.masterMinter(), t.pauser(), t.blacklister(), t.owner()) == (
        roles.master_minter,
        roles.pauser,
        roles.blacklister,
        roles.token_owner,
    )
    assert t.version() == "2"
    with ape.reverts():  # every initialiser ran: the last one refuses a second run
        t.initializeV2_2([], "USDC", sender=_impersonated(roles.token_owner))
    # Chainlink: EACAggregatorProxy -> (after the take-over) the scenario's FluxAggregator
    assert env.eth_usd.aggregator() == env.price_feed.address
    assert int(env.eth_usd.phaseId()) == 2 and int(env.eth_usd.decimals()) == 8
    assert env.sequencer.aggregator() == env.sequencer_feed.address
    assert int(env.sequencer.latestRoundData()[1]) == 0  # up


def _impersonated(address: str):
    return ape.accounts[address]


def test_mock_pyth_at_pyths_address(chain, arb):
    """MockPyth answers at Pyth's address: a pushed price makes Pyth the index (within 2% of
    Chainlink), as on the real chain."""
    d = arb.d
    cl = int(arb.env.eth_usd.latestAnswer())
    push_pyth_price(d, "vETH", cl / 10**8 * 1.001, chain.pending_timestamp, sender=d.owner)
    price, source = d.oracle.getIndexPrice(d.base("vETH"))
    assert int(source) == 1 and abs(int(price) - cl * 10**10) * 100 < cl * 10**10


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
