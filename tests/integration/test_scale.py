"""Flat cost and batch reads at scale (issue 8).

- A trade costs the same after 0, 10, 100 and 1,000 earlier trades and accounts: no storage
  structure grows with the number of accounts or trades (positions are per-account slots, the
  account's markets a bitmap, the TWAP rings fixed-size).
- The Viewer scans 2,000 accounts with open positions in one eth_call, at most 10,000 gas per
  account, reading the core's own account maths (no copy of its own).

The crowd is built over raw JSON-RPC (Anvil's impersonation, one block per transaction), about
two transactions per account, so that 2,000 accounts take seconds rather than minutes.
"""

from __future__ import annotations

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

    def _send(self, sender: str, to: str, data: bytes) -> None:
        h = self.w3.eth.send_transaction(
            {"from": sender, "to": to, "data": "0x" + bytes(data).hex(), "gas": 2_000_000}
        )
        r = self.w3.eth.wait_for_transaction_receipt(h, timeout=30, poll_latency=0.01)
        assert r["status"] == 1, f"crowd transaction reverted: {h.hex()}"

    def grow(self, n: int) -> None:
        """`n` more accounts, each with 500 USDC and a 0.05 vETH position; sides alternate so the
        mark stays near the index."""
        ch = self.d.clearing_house.address
        rpc = self.chain.provider.make_request
        start = len(self.accounts)
        for i in range(start, start + n):
            a = to_checksum_address((0xC0DE0000 + i).to_bytes(20, "big"))
            rpc("anvil_impersonateAccount", [a])
            rpc("anvil_setBalance", [a, hex(10**18)])
            self._send(self.owner.address, ch, self._deposit.encode_input(a, usdc(500)))
            params = (self.eth, i % 2 == 1, i % 2 == 1, wad("0.05"), 0, FAR)
            self._send(a, ch, self._open.encode_input(params))
            self.accounts.append(a)


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
    crowd.grow(CROWD - len(crowd.accounts))
    viewer = stack.viewer
    traders = crowd.accounts[:CROWD]
    # one eth_call with a gas allowance of 10,000 per account (plus the call's base and the
    # 2,000 addresses of calldata): it must complete within it
    data = viewer.scan.encode_input(traders)
    allowance = 10_000 * CROWD + 200_000
    raw = chain.provider.web3.eth.call(
        {"to": viewer.address, "data": "0x" + bytes(data).hex(), "gas": allowance}
    )
    assert len(raw) > 32 * CROWD
    out = viewer.scan(traders)
    assert len(out) == CROWD
    # the Viewer reports the core's own figures, account by account
    ch = stack.clearing_house
    for i in (0, 1, CROWD // 2, CROWD - 1):
        v, im, mm, liq = ch.getAccountState(traders[i])
        assert (out[i].accountValue, out[i].initialRequirement, out[i].maintenanceRequirement) == (v, im, mm)
        assert out[i].liquidatable == liq
