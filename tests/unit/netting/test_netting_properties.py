"""Invariant 7 (PROTOCOL.md section 7) as a property test: random sets of queued orders (sizes,
sides, acceptable prices, reduce-only flags, accounts with and without positions, several
orders per account) are batched, and

- every fill equals what the exact model of section 5 (tests/utils/netting.py, Python
  Fractions) computes: the same orders drop out (rest), each fill's size exactly, its price
  within a few wei, rounded against the trader;
- no fill is worse than its order's acceptable price;
- the same orders queued in another order (shuffled) give identical fills, positions and
  collateral to the wei, also when the batch runs over several calls (a cursor);
- the batch makes at most one swap: the curve moves by exactly one swap of the remainder;
- invariants 1 and 2 hold after each batch.

CI runs NETTING_EXAMPLES (default 20) examples; e.g. NETTING_EXAMPLES=300 for a deep run."""

from __future__ import annotations

import os
import random
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from utils.constants import FAR_DEADLINE as FAR
from utils.models import curve_of
from utils.netting import Order, events, net, queue, run_batch
from vperp.sim.invariants import solvency, zero_sum_exposure

EXAMPLES = int(os.environ.get("NETTING_EXAMPLES", "10"))  # 10 in CI; NETTING_EXAMPLES=200 for a hunt
N_TRADERS = 5
MAX_WEI_OFF = 64  # a fill's price may be this many wei worse than the exact model's (rounding)
MAX_QUOTE_WEI_OFF = 4  # ... plus this many wei of its quote (the swap's quote is rounded up)


@st.composite
def scenarios(draw):
    """Per trader: a side, an optional position opened directly before (either side), and 1..3
    orders on that side (sizes 0.01..10 ETH; acceptable prices p0 -1.5% .. +1.5%; reduce-only
    when the trader holds an opposite position, at most one); then a shuffle and a cursor step."""
    traders = draw(st.lists(st.integers(0, N_TRADERS - 1), min_size=2, max_size=N_TRADERS, unique=True))
    plan = []
    for t in traders:
        side = draw(st.sampled_from((1, -1)))
        pre = draw(st.sampled_from((0, 0, 1, -1))) * draw(st.integers(1, 5)) * 10**18
        n = draw(st.integers(1, 3))
        ro_left = pre != 0 and (pre > 0) != (side > 0)
        for _ in range(n):
            size = draw(st.integers(1, 1000)) * 10**16
            bps = draw(st.integers(-150, 150))
            ro = ro_left and draw(st.booleans())
            ro_left = ro_left and not ro
            plan.append((t, side * size, bps, ro))
        if pre:
            plan.append((t, pre, None, None))  # marker: the position opened before
    seed = draw(st.integers(0, 2**32 - 1))
    step = draw(st.sampled_from((1000, 1000, 3, 1)))
    return plan, seed, step


@pytest.fixture(scope="module")
def traders(accounts, funded):
    """The traders, funded once for the module (each example restores a snapshot after this)."""
    ts = list(accounts[1 : 1 + N_TRADERS])
    for t in ts:
        funded(t, 50_000)
    return ts


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sc=scenarios())
def test_netting_fills_match_the_exact_model_in_any_order(sc, stack, chain, accounts, traders):
    plan, seed, step = sc
    executor = accounts[8]
    base = chain.snapshot()
    try:
        _example(plan, seed, step, stack, chain, traders, executor)
    finally:
        chain.restore(base)


def _example(plan, seed, step, stack, chain, traders, executor) -> None:
    everyone = [*traders, executor]
    ch, amm, netting = stack.clearing_house, stack.amm, stack.netting
    eth = stack.base("vETH")
    pre = [(t, s) for t, s, bps, _ in plan if bps is None]
    for t, s in pre:
        ch.openPosition((eth.address, s < 0, s < 0, abs(s), 0, FAR), sender=traders[t])
    orders = [(i, t, s, bps, ro) for i, (t, s, bps, ro) in enumerate(plan) if bps is not None]
    ready = chain.snapshot()

    outcomes = []
    for attempt in range(2):
        if attempt:
            chain.restore(ready)
            ready = chain.snapshot()
        seq = list(orders)
        random.Random(seed + attempt).shuffle(seq)
        mark = curve_of(amm, eth).mark
        ids = {}
        accept = {}
        for i, t, s, bps, ro in seq:
            accept[i] = mark * (10_000 + bps) // 10_000
            ids[queue(netting, traders[t], eth, s, accept[i], reduce_only=ro)] = i
        positions = {t: int(ch.getPosition(traders[t], eth).size) for t in range(N_TRADERS)}
        c0 = curve_of(amm, eth)
        receipts = run_batch(chain, netting, eth, executor, max_orders=step)
        be = events(receipts, netting.BatchExecuted)[0]
        p0 = int(be.p0)
        assert p0 == c0.mark  # no swap yet in the batch's first block: its start mark is the mark
        fills = {
            ids[int(e.orderId)]: (int(e.size), int(e.price)) for e in events(receipts, netting.OrderFilled)
        }
        rested = {ids[int(e.orderId)] for e in events(receipts, netting.OrderRested)}
        # the model, with reduce-only orders clipped to the position at execution
        model_orders = []
        for i, t, s, _bps, ro in orders:
            if ro:
                s = -positions[t] if abs(s) > abs(positions[t]) else s
            model_orders.append(Order(i, s, accept[i]))
        m = net(model_orders, p0, c0.x, c0.y)
        assert rested == set(m.dropped)
        assert set(fills) == set(m.fills)
        for i, (size, price) in fills.items():
            msize, mprice = m.fills[i]
            assert size == msize
            exact = mprice
            # rounded against the trader, by at most a few wei of price and of the fill's quote (a
            # wei of quote is 10^18 / size wei of price: 100 wei on a 0.01 ETH fill); never beyond
            # the acceptable price
            off = MAX_WEI_OFF + MAX_QUOTE_WEI_OFF * 10**18 // abs(size)
            if size > 0:
                assert exact <= price <= exact + off, (i, price, float(exact))
                assert price <= accept[i]
            else:
                assert exact - off <= price <= exact, (i, price, float(exact))
                assert price >= accept[i]
        # one swap at most: the curve moved by exactly one swap of the remainder
        assert (
            int(be.swapBase) == m.swap_base
            and int(be.longTotal) == m.longs
            and int(be.shortTotal) == m.shorts
        )
        c1 = curve_of(amm, eth)
        if m.swap_base > 0:
            assert (c1.x, c1.y) == (c0.x - m.swap_base, c0.y + c0.quote_in_for_base_out(m.swap_base))
        elif m.swap_base < 0:
            assert (c1.x, c1.y) == (c0.x - m.swap_base, c0.y - c0.quote_out_for_base_in(-m.swap_base))
        else:
            assert (c1.x, c1.y) == (c0.x, c0.y)
        # signed alike (+ quote into the curve); the contract's rounds against the traders
        assert abs(Fraction(int(be.swapQuote)) - m.swap_quote) <= 1
        zero_sum_exposure(stack, everyone)
        solvency(stack, everyone)
        outcomes.append(
            (
                fills,
                rested,
                [tuple(ch.getPosition(t, eth)) for t in traders],
                [int(stack.vault.balanceOf(t)) for t in everyone],
            )
        )
    # the fills and the rests are identical to the wei in any arrival order; so are the positions
    # and balances of every account with one order in the batch. An account with several orders
    # has them booked one by one in queue order: when they reduce or flip its position, the split
    # of a fill into its closing and opening parts (and the realised PnL) rounds differently by
    # at most a wei per booking (sizes stay identical)
    (fills0, rested0, pos0, bal0), (fills1, rested1, pos1, bal1) = outcomes
    assert (fills0, rested0) == (fills1, rested1)
    n_orders = {t: sum(1 for _i, tt, *_ in orders if tt == t) for t in range(N_TRADERS)}
    for t in range(N_TRADERS):
        slack = 2 * (n_orders[t] - 1) if n_orders[t] > 1 else 0
        (size0, notional0, index0), (size1, notional1, index1) = pos0[t], pos1[t]
        assert (size0, index0) == (size1, index1), t
        assert abs(notional0 - notional1) <= slack, (t, notional0, notional1)
        assert abs(bal0[t] - bal1[t]) <= slack, (t, bal0[t], bal1[t])
    assert bal0[N_TRADERS:] == bal1[N_TRADERS:]  # the executor: the same fees
