"""Flat cost and batch reads at scale (issue 8).

- A trade costs the same after 0, 10, 100 and 1,000 earlier trades and accounts: no storage
  structure grows with the number of accounts or trades (positions are per-account slots, the
  account's markets a bitmap, the TWAP rings fixed-size).
- The Viewer scans 2,000 accounts with open positions in one eth_call, at most 10,000 gas per
  account, reading the core's own account maths (no copy of its own).

The crowd is built over raw JSON-RPC (Anvil impersonation, automine off, about 100
transactions per block), so that 2,000 accounts take seconds rather than minutes.
"""

from __future__ import annotations

from typing import Any

import pytest
from eth_utils import to_checksum_address

from utils.constants import FAR_DEADLINE as FAR
from vperp.chain.deploy import set_index_price
from vperp.sdk.client import PerpClient
from vperp.sdk.units import usdc, wad

CHECKPOINTS = (0, 10, 100, 1_000)
CROWD = 2_000


class Crowd:
    """Synthetic accounts trading through raw RPC."""

    def __init__(self, stack, chain, owner):
        self.d, self.chain, self.owner = stack, chain, owner
        self.w3 = chain.provider.web3
        self.eth = stack.base("vETH").address
        self.accounts: list[str] = []
        ch = stack.clearing_house
        self._deposit = ch.depositFor
        self._open = ch.openPosition

    def _send(self, sender: str, to: str, data: bytes) -> Any:
        return self.w3.eth.send_transaction(
            {"from": sender, "to": to, "data": "0x" + bytes(data).hex(), "gas": 1_000_000}
        )

    def _mine_all(self, hashes: list[Any]) -> None:
        """Mines the pending transactions (about 100 per block) and checks that all succeeded."""
        rpc = self.chain.provider.make_request
        while int(rpc("txpool_status", [])["pending"], 16):
            rpc("evm_mine", [])
        for h in hashes:
            r = self.w3.eth.get_transaction_receipt(h)
            assert r["status"] == 1, f"crowd transaction reverted: {h.hex()}"

    def grow(self, n: int) -> None:
        """`n` more accounts, in rounds of at most 250 (Anvil's pool is kept small)."""
        while n > 0:
            k = min(n, 250)
            self._grow(k)
            n -= k

    def _grow(self, n: int) -> None:
        """`n` more accounts, each with 500 USDC and a 0.05 vETH position; sides alternate so the
        mark stays near the index. Sent with automine off and mined in full blocks (deposits,
        then trades), so that thousands of accounts take seconds."""
        ch = self.d.clearing_house.address
        rpc = self.chain.provider.make_request
        start = len(self.accounts)
        new = [to_checksum_address((0xC0DE0000 + i).to_bytes(20, "big")) for i in range(start, start + n)]
        if not new:
            return
        for a in new:
            rpc("anvil_impersonateAccount", [a])
            rpc("anvil_setBalance", [a, hex(10**18)])
        rpc("evm_setAutomine", [False])
        try:
            hashes = [
                self._send(self.owner.address, ch, self._deposit.encode_input(a, usdc(500))) for a in new
            ]
            self._mine_all(hashes)
            hashes = []
            for k, a in enumerate(new):
                short = (start + k) % 2 == 1
                params = (self.eth, short, short, wad("0.05"), 0, FAR)
                hashes.append(self._send(a, ch, self._open.encode_input(params)))
            self._mine_all(hashes)
        finally:
            rpc("evm_setAutomine", [True])
        self.accounts += new


@pytest.fixture(scope="module")
def crowd(stack, chain, owner, accounts):
    with chain.isolate():
        stack.usdc.mint(owner.address, usdc(CROWD * 500), sender=owner)
        c = Crowd(stack, chain, owner)
        # steady state before the first checkpoint, as in the gas report: both sides of the
        # market hold open interest and both TWAP rings (32 one-minute slots) have wrapped, so no
        # measured trade pays a first (0 -> non-zero) write of a shared slot
        seed = PerpClient(stack, accounts[8])
        seed.faucet(50_000)
        seed.deposit(50_000)
        seed.short_base("vETH", 1)
        seed.long_base("vETH", "0.5")
        for i in range(34):
            chain.mine(deltatime=61)
            set_index_price(stack, chain, "vETH", 3_000, owner)
            (seed.long_base if i % 2 == 0 else seed.short_base)("vETH", "0.01")
        yield c


def _measured_trade(d, chain, owner, trader) -> tuple[int, int]:
    """A first open and an increase by a fresh account, each the first trade of a new minute
    with both feeds pushed (the gas report's conditions); then it closes."""
    c = PerpClient(d, trader)
    c.faucet(5_000)
    c.deposit(5_000)
    out = []
    for usd in (2_000, 1_000):
        chain.mine(deltatime=61)
        set_index_price(d, chain, "vETH", 3_000, owner)
        out.append(int(c.long_quote("vETH", usd).gas_used))
    c.close("vETH")
    return out[0], out[1]


def test_trade_gas_is_flat_in_accounts_and_trades(crowd, stack, chain, owner, accounts):
    measured = {}
    for i, n in enumerate(CHECKPOINTS):
        crowd.grow(n - len(crowd.accounts))
        measured[n] = _measured_trade(stack, chain, owner, accounts[4 + (i % 4)])
    firsts = [m[0] for m in measured.values()]
    increases = [m[1] for m in measured.values()]
    # identical up to the few hundred gas that values (not counts) change: a zero vs non-zero
    # intermediate, the Chainlink round walk
    assert max(firsts) - min(firsts) <= 300, measured
    assert max(increases) - min(increases) <= 300, measured


def test_viewer_scans_2000_accounts_in_one_call(crowd, stack, chain):
    """Issue 8: the Viewer values accounts through the core's own maths (getAccountStates, no
    copy of its own), at most 10,000 gas per account: 2,000 accounts with open positions fit one
    eth_call with a 10,000-per-account allowance (plus 200,000 for the call and its calldata)."""
    crowd.grow(CROWD - len(crowd.accounts))
    viewer = stack.viewer
    traders = crowd.accounts[:CROWD]
    w3 = chain.provider.web3
    per_account = {}
    for k in (100, CROWD):
        data = "0x" + bytes(viewer.scan.encode_input(traders[:k])).hex()
        per_account[k] = w3.eth.estimate_gas({"to": viewer.address, "data": data}) / k
    print(f"\nViewer.scan gas per account: {per_account}")
    assert all(g <= 10_000 for g in per_account.values()), per_account
    data = "0x" + bytes(viewer.scan.encode_input(traders)).hex()
    raw = w3.eth.call({"to": viewer.address, "data": data, "gas": 10_000 * CROWD + 200_000})
    assert len(raw) > 32 * CROWD
    out = viewer.scan(traders)
    assert len(out) == CROWD
    ch = stack.clearing_house
    for i in (0, 1, CROWD // 2, CROWD - 1):
        v, im, mm, liq = ch.getAccountState(traders[i])
        assert (out[i].accountValue, out[i].initialRequirement, out[i].maintenanceRequirement) == (v, im, mm)
        assert out[i].liquidatable == liq
