"""Shared fixtures: one full deployment per session on a real Anvil node; Ape isolates every
test with a chain snapshot, so each test starts from the freshly deployed stack."""

from __future__ import annotations

from typing import Any

import pytest

from vperp.chain.config import load_config
from vperp.chain.deploy import deploy, set_index_price
from vperp.sdk.client import PerpClient
from vperp.sdk.units import wad


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
    """client(account) -> PerpClient"""
    return lambda account: PerpClient(stack, account)


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

    def move(symbol: str, px: Any) -> None:
        chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + 1
        set_price(symbol, px)
        assert oracle.getIndexPrice(stack.base(symbol))[0] == wad(px)

    return move
