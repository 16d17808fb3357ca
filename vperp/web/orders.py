"""A trade from the trading page, planned: the SDK's quote from a fresh snapshot of the exchange
and the account (vperp.sdk.quote), and, when it passes, the ClearingHouse call that makes it
(the bound from the slippage tolerance). The dev wallet sends the call itself; a browser wallet
(EIP-1193) gets its calldata to sign."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from eth_utils import to_checksum_address

from vperp.sdk.quote import Mode, Quote, quote_close, quote_trade
from vperp.sdk.state import read_account, read_exchange
from vperp.sdk.units import wad
from vperp.web.node import NodeReader

FAR_DEADLINE = 2**63


@dataclass(frozen=True)
class Planned:
    quote: Quote
    fn: str  # the ClearingHouse function
    args: tuple[Any, ...]
    what: str  # the trade in words ("opened long vETH")

    @property
    def ok(self) -> bool:
        return self.quote.ok


def _snapshot(node: NodeReader, account: str) -> Any:
    with node.lock:
        ex = read_exchange(node.ch, node.oracle, node.tokens)
        return ex, read_account(node.ch, to_checksum_address(account), ex)


def quote_open(node: NodeReader, account: str, symbol: str, side: str, notional: Decimal) -> Quote:
    ex, acct = _snapshot(node, account)
    return quote_trade(
        ex, acct, symbol, Mode.of(side, False), wad(notional), 0, {acct.address: "your account"}
    )


def plan_open(
    node: NodeReader, account: str, symbol: str, side: str, notional: Decimal, tolerance: Decimal
) -> Planned:
    q = quote_open(node, account, symbol, side, notional)
    params = (
        node.tokens[symbol],
        q.mode.is_base_to_quote,
        q.mode.is_exact_input,
        q.amount,
        q.bound(tolerance) if q.ok else 0,
        FAR_DEADLINE,
    )
    return Planned(q, "openPosition", (params,), f"opened {side} {symbol}")


def plan_close(node: NodeReader, account: str, symbol: str, tolerance: Decimal) -> Planned:
    ex, acct = _snapshot(node, account)
    q = quote_close(ex, acct, symbol, 0, {acct.address: "your account"})
    bound = q.bound(tolerance) if q.ok else 0
    return Planned(q, "closePosition", (node.tokens[symbol], bound, FAR_DEADLINE), f"closed {symbol}")


def calldata(node: NodeReader, p: Planned) -> bytes:
    return bytes(getattr(node.ch, p.fn).encode_input(*p.args))
