"""Viewer (batch reads): `scan`, `liquidatable`, `markets` and `positions` agree exactly with the
ClearingHouse account by account, over 20 accounts with mixed positions, pending funding and a
few liquidatable ones; the gas of `scan` for 200 accounts is measured and printed."""

from __future__ import annotations

from typing import Any

import pytest

from utils.constants import ZERO
from vperp.sdk.units import usdc, wad

N_ACCOUNTS = 20


def _bump(chain: Any) -> None:
    chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + 1


@pytest.fixture(scope="module")
def population(accounts, chain, stack, owner, client, set_price):
    """20 fresh accounts: longs, shorts, two-market accounts, collateral-only ones; then a funding
    epoch (pending funding everywhere) and a 7% ETH drop (the most levered longs go under)."""
    users = [accounts.generate_test_account() for _ in range(N_ACCOUNTS)]
    stack.usdc.mint(owner, usdc(2_000_000), sender=owner)
    for i, u in enumerate(users):
        chain.set_balance(u.address, 10**20)
        stack.vault.depositFor(u.address, usdc(2_000 + 500 * i), sender=owner)
    for i, u in enumerate(users):
        c = client(u)
        kind = i % 5
        if kind == 0:
            c.long_quote("vETH", 8.5 * (2_000 + 500 * i))  # 8.5x: liquidatable after the drop
        elif kind == 1:
            c.short_base("vETH", 1 + i % 3)
        elif kind == 2:
            c.long_quote("vETH", 3_000 + 100 * i)
            c.short_base("vBTC", "0.1")
        elif kind == 3:
            c.long_quote("vBTC", 2_000 + 200 * i)
            c.long_quote("vETH", 10_000 + 300 * i)
        # kind 4: collateral only
    chain.mine(deltatime=3601)
    for sym, px in (("vETH", 3000), ("vBTC", 60000)):
        set_price(sym, px)
        stack.clearing_house.updateFundingRate(stack.base(sym), sender=owner)
    _bump(chain)
    set_price("vETH", 2800)
    return users


def test_scan_and_liquidatable_match_clearing_house(population, stack, ch):
    viewer = stack.viewer
    addrs = [u.address for u in population] + [ZERO]
    risks = viewer.scan(addrs)
    assert len(risks) == len(addrs)
    expected_liq = []
    pending_seen = False
    for addr, r in zip(addrs, risks, strict=True):
        value, im, mm, liq = ch.getAccountState(addr)
        assert r.trader == addr
        assert (
            int(r.accountValue),
            int(r.initialRequirement),
            int(r.maintenanceRequirement),
            bool(r.liquidatable),
        ) == (
            int(value),
            int(im),
            int(mm),
            bool(liq),
        )
        assert bool(r.liquidatable) == bool(ch.isLiquidatable(addr))
        assert int(r.shortfall) == (int(mm) - int(value) if liq else 0)
        # largest market: the largest position notional at the valuation price
        best, best_n = ZERO, 0
        for base in ch.getAccountMarkets(addr):
            price, _ = ch.getValuationPrice(base)
            n = -(-abs(int(ch.getPosition(addr, base).size)) * int(price) // 10**18)
            if n > best_n:
                best, best_n = base, n
            pending_seen |= int(ch.getPendingFunding(addr, base)) != 0
        assert r.largestMarket == best
        if liq:
            expected_liq.append((addr, int(mm) - int(value), best))
    assert pending_seen, "the funding epoch should leave pending funding"
    assert 0 < len(expected_liq) < N_ACCOUNTS
    traders, shortfalls, first = viewer.liquidatable(addrs)
    assert list(zip(traders, (int(s) for s in shortfalls), first, strict=True)) == expected_liq


def test_positions_and_markets_match(population, stack, ch, amm):
    viewer = stack.viewer
    for u in population:
        tokens, pos, pending = viewer.positions(u.address)
        assert list(tokens) == list(ch.getAccountMarkets(u.address))
        for t, p, f in zip(tokens, pos, pending, strict=True):
            q = ch.getPosition(u.address, t)
            assert tuple(int(x) for x in p) == (  # (size, openNotional, lastFundingIndex)
                int(q.size),
                int(q.openNotional),
                int(q.lastFundingIndex),
            )
            assert int(f) == int(ch.getPendingFunding(u.address, t))
    views = viewer.markets()
    assert [v.baseToken for v in views] == list(ch.getMarkets())
    for v in views:
        t = v.baseToken
        price, fresh = ch.getValuationPrice(t)
        cum, last_rate, _, last_time = ch.getFundingState(t)
        assert int(v.markPrice) == int(ch.getMarkPrice(t))
        assert (int(v.valuationPrice), bool(v.indexFresh)) == (int(price), bool(fresh))
        assert int(v.indexPrice) == int(ch.getIndexPrice(t))
        assert (int(v.baseReserve), int(v.quoteReserve)) == tuple(int(x) for x in amm.getReserves(t))
        assert (int(v.longOpenInterest), int(v.shortOpenInterest)) == tuple(
            int(x) for x in ch.getOpenInterest(t)
        )
        assert (int(v.cumulativeFundingIndex), int(v.lastFundingRate), int(v.lastFundingTime)) == (
            int(cum),
            int(last_rate),
            int(last_time),
        )
    assert int(views[0].indexPrice) == wad(2800)


def test_scan_gas_200_accounts(population, stack, owner):
    addrs = [u.address for u in population] * 10  # 200 accounts, 16 of 20 with positions
    gas = int(stack.viewer.scan.estimate_gas_cost(addrs, sender=owner))
    cold = int(stack.viewer.scan.estimate_gas_cost(addrs[:20], sender=owner))
    print(
        f"\nViewer.scan gas: 200 accounts {gas} ({gas // 200}/account); 20 distinct {cold} ({cold // 20}/account)"
    )
    assert len(stack.viewer.scan(addrs)) == 200
    assert gas < 30_000_000  # fits in one block's gas for an eth_call
