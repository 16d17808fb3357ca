"""Set-up and trading helpers used by several test files."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vperp.chain.deploy import Deployment, feed_struct
from vperp.sdk.units import chainlink_answer, wad


def prepare_wallets(d: Deployment, wallets: Iterable[Any], usdc_amount: int) -> None:
    """Mints test USDC to the wallets and approves the vault and the pool (once per test)."""
    for w in wallets:
        d.usdc.mint(w.address, usdc_amount, sender=w)
        d.usdc.approve(d.vault.address, 2**256 - 1, sender=w)
        d.usdc.approve(d.liquidity_pool.address, 2**256 - 1, sender=w)


def new_token_with_feed(
    project: Any, stack: Any, owner: Any, name: str = "Virtual Sol", symbol: str = "vSOL"
) -> Any:
    """A base token with a Chainlink-only feed at 100 USD (as vperp/chain/deploy.py wires one),
    not listed."""
    tx = {"sender": owner}
    base = project.BaseToken.deploy(name, symbol, **tx)
    feed = project.ChainlinkAggregatorMock.deploy(8, chainlink_answer(100), **tx)
    stack.oracle.setFeed(base, feed_struct(feed.address, max_price=10_000), **tx)
    return base


def index_mover(chain: Any, oracle: Any, stack: Any, set_price: Any, source: int | None = None) -> Any:
    """move(symbol, price): set_price one second later (MockPyth ignores an update that is not
    newer than the last one, so two set_price calls in the same second would leave Pyth's old
    price in force), asserting the index moved to `price` (and, unless None, its `source`)."""

    def move(symbol: str, px: Any) -> None:
        chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + 1
        set_price(symbol, px)
        index = tuple(oracle.getIndexPrice(stack.base(symbol)))
        assert (index[0] == wad(px)) if source is None else (index == (wad(px), source))

    return move
