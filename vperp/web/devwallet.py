"""The trading page's local dev wallet: trades signed by the local node's unlocked test accounts
(Anvil's eth_accounts, eth_sendTransaction), so the demo can be driven in a browser without a
wallet extension. It refuses any chain but a local Anvil (chain id 31337, client "anvil").

Every trade is quoted first with the SDK (vperp.sdk.quote: fill, fee, impact, the account and
its liquidation price after) and not sent when the quote says it would fail; a revert that gets
through anyway is decoded. Errors come back as the protocol's sentences (vperp.sdk.errors)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from eth_utils import to_checksum_address

from vperp.chain.rpc import Reverted
from vperp.sdk import errors
from vperp.sdk.quote import Quote
from vperp.sdk.units import usdc
from vperp.web import orders
from vperp.web.node import NodeReader, contract

LOCAL_CHAIN_ID = 31337
DEV_ACCOUNTS = 7  # the node's first 7 test accounts: `make up`'s bots sign with accounts 7, 8 and 9


class DevWalletRefused(RuntimeError):
    pass


@dataclass(frozen=True)
class Sent:
    ok: bool
    message: str  # what was done, or the protocol error in words
    tx: str | None = None
    quote: Quote | None = None


class DevWallet:
    def __init__(self, node: NodeReader, deployment: Mapping[str, Any], abis: Mapping[str, Sequence[Any]]):
        self.node = node
        self.rpc = node.rpc
        self.usdc = contract(self.rpc, "TestUSDC", deployment["usdc"], abis["TestUSDC"])
        self.permits = orders.Permits(node, deployment["usdc"], abis)
        self.names = {
            deployment["insurance_fund"]: "the insurance fund",
            deployment["liquidity_pool"]: "the liquidity pool",
            deployment["clearing_house"]: "the clearing house",
        }

    # ------------------------------------------------------------------ the chain
    def check(self) -> None:
        """Raises DevWalletRefused unless the node is a local Anvil."""
        with self.node.lock:
            chain_id = int(self.rpc.request("eth_chainId", []), 16)
            client = str(self.rpc.request("web3_clientVersion", []))
        if chain_id != LOCAL_CHAIN_ID or not client.lower().startswith("anvil"):
            raise DevWalletRefused(
                f"the dev wallet signs only on a local Anvil (chain {LOCAL_CHAIN_ID}); this node is "
                f"chain {chain_id} ({client})"
            )

    def accounts(self) -> list[str]:
        self.check()
        with self.node.lock:
            return [to_checksum_address(a) for a in self.rpc.request("eth_accounts", [])][:DEV_ACCOUNTS]

    def _account(self, account: str) -> str:
        a = to_checksum_address(account)
        if a not in self.accounts():
            raise DevWalletRefused(f"{a} is not one of the node's unlocked test accounts")
        return a

    def _words(self, rev: Reverted, account: str) -> str:
        return errors.describe(rev.name, rev.values, {**self.names, account: "your account"})

    # ------------------------------------------------------------------ quotes and trades
    def quote(self, account: str, symbol: str, side: str, notional: Decimal) -> Quote:
        return orders.quote_open(self.node, self._account(account), symbol, side, notional)

    def open(self, account: str, symbol: str, side: str, notional: Decimal, tolerance: Decimal) -> Sent:
        a = self._account(account)
        return self._send_planned(a, orders.plan_open(self.node, a, symbol, side, notional, tolerance))

    def close(self, account: str, symbol: str, tolerance: Decimal) -> Sent:
        a = self._account(account)
        return self._send_planned(a, orders.plan_close(self.node, a, symbol, tolerance))

    def _send_planned(self, account: str, p: orders.Planned) -> Sent:
        if not p.ok:
            return Sent(False, f"not sent: {p.quote.reason}", quote=p.quote)
        return self._send(account, p.fn, p.args, p.what, p.quote)

    def deposit(self, account: str, amount: Decimal) -> Sent:
        """Mints `amount` test USDC (TestUSDC's open faucet), signs a USDC permit for the core
        (eth_signTypedData_v4: no approval transaction), sends it and deposits."""
        a = self._account(account)
        raw = usdc(amount)
        if raw <= 0:
            return Sent(False, "not sent: the amount must be positive")
        with self.node.lock:
            self.usdc.send("mint", a, raw, sender=a)
        typed = self.permits.typed_data(a, raw)
        with self.node.lock:
            signature = self.rpc.request("eth_signTypedData_v4", [a, json.dumps(typed)])
        (usdc_to, permit), (_ch, deposit) = self.permits.deposit_calls(typed, signature)
        with self.node.lock:
            _rcpt, rev = self.rpc.transact(usdc_to, permit, a)
        if rev is not None:
            return Sent(False, f"reverted: {self._words(rev, a)}")
        return self._send_data(a, deposit, f"deposited {amount} USDC with a permit")

    def queue(self, account: str, symbol: str, side: str, notional: Decimal, tolerance: Decimal) -> Sent:
        """Queues a netted order for the quote's base (orders.plan_queue), quoted first."""
        a = self._account(account)
        p = orders.plan_queue(self.node, a, symbol, side, notional, tolerance)
        if not p.ok:
            return Sent(False, f"not sent: {p.quote.reason}", quote=p.quote)
        return self._send_data(a, orders.queue_calldata(self.node, p), p.what, p.quote)

    def withdraw(self, account: str, amount: Decimal) -> Sent:
        """Withdraws `amount` USDC of free collateral (a revert comes back in words)."""
        a = self._account(account)
        raw = usdc(amount)
        if raw <= 0:
            return Sent(False, "not sent: the amount must be positive")
        return self._send(a, "withdraw", (raw,), f"withdrew {amount} USDC")

    def _send(self, account: str, fn: str, args: tuple[Any, ...], done: str, q: Quote | None = None) -> Sent:
        return self._send_data(account, bytes(getattr(self.node.ch, fn).encode_input(*args)), done, q)

    def _send_data(self, account: str, data: bytes, done: str, q: Quote | None = None) -> Sent:
        """Sends `data` to the core (the netting engine's functions too: its fallback) from `account`."""
        with self.node.lock:
            rcpt, rev = self.rpc.transact(self.node.ch.address, data, account)
        if rev is not None:
            return Sent(False, f"reverted: {self._words(rev, account)}", quote=q)
        assert rcpt is not None
        return Sent(True, f"{done} in block {rcpt.block_number}", rcpt.txn_hash, q)
