"""Shared fixtures: one full deployment per session on a real Anvil node; Ape isolates every
test with a chain snapshot, so each test starts from the freshly deployed stack.

Layout: unit/<area>/ (one folder per area of the protocol), stateful/ (the hypothesis state
machines and their machinery), integration/ (scripts, smoke, bots, crash replays, NatSpec) and
utils/ (helpers shared by all, each defined once). This file's folder, tests/, is on sys.path
(pytest's prepend import mode, tests/ having no __init__.py), so tests import `utils.<module>`
and `stateful.machine`; the sub-folders are packages (unique module names)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from utils.actions import index_mover
from vperp.chain.config import load_config
from vperp.chain.deploy import Deployment, deploy, set_index_price
from vperp.chain.etherscan import pin_chain_list
from vperp.sdk.client import PerpClient


@pytest.fixture(scope="session")
def owner(accounts):
    return accounts[0]


@pytest.fixture(scope="session")
def cfg():
    return load_config()


@pytest.fixture(scope="session")
def stack(project, chain, owner, cfg):
    return deploy(project, chain, owner, cfg)


@pytest.fixture(scope="session")
def ch(stack):
    return stack.clearing_house


@pytest.fixture(scope="session")
def vault(stack):
    return stack.vault


@pytest.fixture(scope="session")
def amm(stack):
    return stack.amm


@pytest.fixture(scope="session")
def oracle(stack):
    return stack.oracle


@pytest.fixture(scope="session")
def eth(stack):
    return stack.base("vETH")


@pytest.fixture(scope="session")
def btc(stack):
    return stack.base("vBTC")


@pytest.fixture(scope="session")
def alice(accounts):
    return accounts[1]


@pytest.fixture(scope="session")
def bob(accounts):
    return accounts[2]


@pytest.fixture(scope="session")
def carol(accounts):
    return accounts[3]


@pytest.fixture(scope="session")
def keeper(accounts):
    return accounts[9]


@pytest.fixture(scope="session")
def client(stack):
    """client(account) -> PerpClient (reverts raise Ape's exceptions, for `reverts`)"""
    return lambda account: PerpClient(stack, account, raw_errors=True)


@pytest.fixture(scope="session")
def funded(stack, client):
    """funded(account, usd) -> PerpClient with `usd` USDC deposited."""

    def make(account, amount=10_000):
        c = client(account)
        c.faucet(amount)
        c.deposit(amount)
        return c

    return make


@pytest.fixture(scope="session")
def set_price(stack, chain, owner):
    """set_price(symbol, price): moves Chainlink and Pyth mocks to `price`."""
    return lambda symbol, price: set_index_price(stack, chain, symbol, price, owner)


@pytest.fixture(scope="session")
def move_index(chain, oracle, stack, set_price):
    """move_index(symbol, price): set_price one second later, asserting the index moved."""
    return index_mover(chain, oracle, stack, set_price)


@pytest.fixture
def hooked(project, chain, owner, cfg) -> tuple[Deployment, Any]:
    """(Re-entrancy tests: the vault's entries, the liquidation batcher.) A second full stack whose collateral token is ReentrantUSDC (a transfer hook that makes
    one armed call), deployed as on a live network: the config names the token (seeds minted
    to the deployer beforehand)."""
    token = project.ReentrantUSDC.deploy(sender=owner)
    seed = (cfg.insurance_fund_seed + cfg.liquidity_pool_seed) * 10**6
    token.mint(owner, int(seed), sender=owner)
    return deploy(project, chain, owner, replace(cfg, usdc=token.address)), token


@pytest.fixture
def at(chain):
    """at(t): the next transaction is mined at timestamp t."""

    def pin(t: int) -> None:
        chain.pending_timestamp = t

    return pin


@pytest.fixture
def pool(stack):
    """The liquidity pool's address."""
    return stack.liquidity_pool.address


def pytest_configure(config):
    """ape-etherscan's chain list from ape-config.yaml, never from the network
    (vperp.chain.etherscan: otherwise every uncached contract lookup on the local chain fails
    offline)."""
    pin_chain_list()


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (`make test` runs two workers, `--dist loadgroup`), each module of
    tests/integration runs whole on one worker: those modules start nodes, servers and databases
    in module fixtures, and some measure time. Unit and stateful tests, and the crash replays (one
    window each), are spread test by test."""
    for item in items:
        path = item.path.as_posix()
        if "/tests/integration/" in path and not path.endswith("test_crash_replay.py"):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
