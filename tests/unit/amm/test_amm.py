"""VirtualAMM: swaps against the reference curve maths (vperp/sdk/curve.py), reserves, net position,
mark price and mark TWAP, access control and the error paths."""

from __future__ import annotations

import random
from typing import Any

import ape
import pytest

from utils.constants import FAR_DEADLINE as FAR
from utils.constants import FEE_RATIO
from utils.models import curve_of
from vperp.sdk.curve import ONE, Position, apply_trade, signed_exchange, trading_fee
from vperp.sdk.units import wad

MODES = [(b2q, exact) for b2q in (False, True) for exact in (True, False)]


def trade(ch: Any, sender: Any, token: Any, b2q: bool, exact_in: bool, amount: int, bound: int = 0) -> Any:
    tx = ch.openPosition((token.address, b2q, exact_in, amount, bound, FAR), sender=sender)
    (ev,) = tx.decode_logs(ch.PositionChanged)
    return ev


def random_amount(rng: random.Random, b2q: bool, exact_in: bool, price: int) -> int:
    """A quote amount of 50..50k USD or a base amount of the same value, at wei precision."""
    usd = rng.randint(50 * ONE, 50_000 * ONE)
    base_side = b2q == exact_in  # exact base: short exact input or long exact output
    return usd * ONE // price if base_side else usd


def test_quote_swap_matches_reference_all_modes(amm, eth, btc, funded, alice):
    """quoteSwap == reference for many random amounts, on the initial and on a moved curve."""
    rng = random.Random(1234)
    funded(alice, 100_000).long_quote("vETH", 200_000)
    for token in (eth, btc):
        c = curve_of(amm, token)
        for _ in range(40):
            b2q, exact_in = rng.choice(MODES)
            amount = rng.choice(
                [1, 10**6, rng.randint(1, c.x // 10), random_amount(rng, b2q, exact_in, c.mark)]
            )
            base, quote = amm.quoteSwap(token, b2q, exact_in, amount)
            assert (base, quote) == c.quote(b2q, exact_in, amount), (b2q, exact_in, amount)


def test_random_trades_match_reference(ch, amm, vault, eth, btc, funded, alice, bob, carol):
    """Seeded random trades (all four modes, longs and shorts, increases, reduces, flips) by
    three traders on two markets: every event, reserve, position and balance matches the model."""
    rng = random.Random(42)
    traders = [alice, bob, carol]
    for t in traders:
        funded(t, 2_000_000)
    tokens = {"vETH": eth, "vBTC": btc}
    index = {"vETH": wad(3000), "vBTC": wad(60000)}
    curves = {s: curve_of(amm, t) for s, t in tokens.items()}
    initial = dict(curves)
    positions = {(t.address, s): Position() for t in traders for s in tokens}
    balances = {t.address: int(vault.balanceOf(t)) for t in traders}
    trades = 0
    seen: set[str] = set()
    while trades < 36:
        sym = rng.choice(list(tokens))
        token, c = tokens[sym], curves[sym]
        trader = rng.choice(traders)
        b2q, exact_in = rng.choice(MODES)
        # lean against the curve's drift so that increases stay within the spread breaker
        drift = (c.mark - index[sym]) * 100 // index[sym]
        if abs(drift) >= 4:
            b2q = drift > 0
        amount = random_amount(rng, b2q, exact_in, c.mark)
        base, quote, after = c.swap(b2q, exact_in, amount)
        ex_size, ex_notional = signed_exchange(b2q, base, quote)
        old = positions[(trader.address, sym)]
        new, pnl = apply_trade(old, ex_size, ex_notional)
        if new.size != 0 and abs(new.size) * index[sym] < 20 * ONE * ONE:
            continue  # would leave dust
        ev = trade(ch, trader, token, b2q, exact_in, amount)
        fee = trading_fee(quote, FEE_RATIO)
        assert ev.trader == trader.address and ev.baseToken == token.address
        assert (ev.exchangedSize, ev.exchangedNotional) == (ex_size, ex_notional)
        assert ev.fee == fee
        assert ev.openNotional == new.open_notional
        assert ev.realizedPnl == pnl
        assert ev.markPrice == after.mark
        assert curve_of(amm, token) == after
        p = ch.getPosition(trader, token)
        assert (p.size, p.openNotional) == (new.size, new.open_notional)
        balances[trader.address] += pnl - fee
        assert vault.balanceOf(trader) == balances[trader.address]
        curves[sym] = after
        positions[(trader.address, sym)] = new
        trades += 1
        seen.add(f"{'short' if b2q else 'long'}-{'in' if exact_in else 'out'}")
        if old.size != 0 and (old.size > 0) != (ex_size > 0):
            seen.add("flip" if new.size != 0 and (new.size > 0) != (old.size > 0) else "reduce")

    assert seen == {"long-in", "long-out", "short-in", "short-out", "reduce", "flip"}
    for sym, token in tokens.items():
        net = sum(positions[(t.address, sym)].size for t in traders)
        assert amm.netBase(token) == net == initial[sym].x - curves[sym].x
        assert amm.netPositionValue(token) == curves[sym].net_position_value(net)
        assert amm.getMarkPrice(token) == ch.getMarkPrice(token) == curves[sym].mark
        longs = sum(p.size for (_, s), p in positions.items() if s == sym and p.size > 0)
        shorts = -sum(p.size for (_, s), p in positions.items() if s == sym and p.size < 0)
        assert ch.getOpenInterest(token) == (longs, shorts)


def test_initial_curve_and_mark(amm, eth, btc, cfg):
    for token, m in ((eth, cfg.markets[0]), (btc, cfg.markets[1])):
        y = wad(m.quote_reserve)
        x = y * ONE // wad(m.price)
        assert amm.getReserves(token) == (x, y)
        assert amm.referenceBaseReserve(token) == x
        assert amm.getMarkPrice(token) == wad(m.price)
        assert amm.netBase(token) == 0
        assert amm.netPositionValue(token) == 0


def test_net_position_value_short_side(amm, eth, funded, alice):
    """A net short is valued at minus the quote needed to buy it back."""
    funded(alice, 50_000).short_base("vETH", 30)
    c = curve_of(amm, eth)
    assert amm.netBase(eth) == -wad(30)
    assert amm.netPositionValue(eth) == c.net_position_value(-wad(30)) == -c.quote_in_for_base_out(wad(30))
    assert amm.netPositionValue(eth) < -wad(30) * c.mark // ONE  # buying back costs more than the mark


def test_mark_twap_weights_prices_by_time(chain, amm, eth, funded, alice, bob, set_price):
    """TWAP over a window that starts at an observation = time-weighted mean of the marks."""
    a, b = funded(alice, 100_000), funded(bob, 100_000)
    chain.mine(deltatime=120)
    set_price("vETH", 3000)
    tx_a = a.long_quote("vETH", 300_000)
    p1 = int(amm.getMarkPrice(eth))
    chain.mine(deltatime=300)
    set_price("vETH", 3000)
    tx_b = b.short_base("vETH", 100)
    p2 = int(amm.getMarkPrice(eth))
    t_a = chain.blocks[tx_a.block_number].timestamp
    t_b = chain.blocks[tx_b.block_number].timestamp
    assert t_b - t_a >= 300 and p1 > wad(3000) and p2 < p1
    chain.mine(deltatime=400)
    now = chain.blocks.head.timestamp
    window = now - t_a  # starts exactly at trade A's observation
    expected = (p1 * (t_b - t_a) + p2 * (now - t_b)) // (now - t_a)
    assert amm.getMarkTwap(eth, window) == expected
    # a window shorter than the age of the newest observation reads from trade B on: p2 only
    assert amm.getMarkTwap(eth, 60) == p2
    assert amm.getMarkTwap(eth, 0) == p2


def test_mark_twap_ring_keeps_one_observation_a_minute(chain, amm, eth, funded, alice, set_price):
    """Issue 15's mutation run (Twap.GRANULARITY 60 -> 59 survived): an accrual writes a ring
    observation only once 60 seconds have passed since the last one. Trade A writes one; trade B
    59 seconds later writes none, so a window reaching back exactly to B's time still starts at
    A's observation (with one every 59 seconds it would start at B's and read p2 only)."""
    a = funded(alice, 100_000)
    chain.mine(deltatime=120)
    set_price("vETH", 3000)
    tx_a = a.long_quote("vETH", 100_000)
    p1 = int(amm.getMarkPrice(eth))
    t_a = chain.blocks[tx_a.block_number].timestamp
    chain.pending_timestamp = t_a + 59
    tx_b = a.long_quote("vETH", 100_000)
    p2 = int(amm.getMarkPrice(eth))
    t_b = chain.blocks[tx_b.block_number].timestamp
    assert t_b == t_a + 59 and p2 > p1
    chain.mine(deltatime=100)
    now = chain.blocks.head.timestamp
    expected = (p1 * (t_b - t_a) + p2 * (now - t_b)) // (now - t_a)
    assert amm.getMarkTwap(eth, now - t_b) == expected != p2


def test_unknown_market(amm, alice):
    # views are sent as transactions: Ape decodes custom errors of transactions only
    tx = {"sender": alice}
    for call in (
        lambda: amm.quoteSwap.transact(alice.address, False, True, wad(1), **tx),
        lambda: amm.getMarkPrice.transact(alice.address, **tx),
        lambda: amm.getMarkTwap.transact(alice.address, 900, **tx),
    ):
        with ape.reverts(amm.UnknownMarket) as info:
            call()
        assert info.value.inputs == {"baseToken": alice.address}


def test_zero_output_swap_reverts(ch, amm, eth, funded, alice):
    """1 wei of quote buys 0 base on the curve: the swap refuses it."""
    funded(alice, 1_000)
    assert amm.quoteSwap(eth, False, True, 1) == (0, 1)
    with ape.reverts(ch.ZeroAmount):
        ch.openPosition((eth.address, False, True, 1, 0, FAR), sender=alice)


@pytest.mark.parametrize("b2q", [False, True])
def test_insufficient_liquidity(amm, eth, alice, b2q):
    """An exact output at or beyond the reserve that pays it."""
    x, y = amm.getReserves(eth)
    reserve = y if b2q else x
    with ape.reverts(amm.InsufficientLiquidity) as info:
        amm.quoteSwap.transact(eth, b2q, False, reserve, sender=alice)
    assert info.value.inputs == {"reserve": reserve, "requested": reserve}


def test_insufficient_liquidity_through_trade(ch, amm, eth, funded, alice):
    funded(alice, 1_000)
    x, _ = amm.getReserves(eth)
    with ape.reverts(amm.InsufficientLiquidity) as info:
        ch.openPosition((eth.address, False, False, x + 1, 0, FAR), sender=alice)
    assert info.value.inputs == {"reserve": x, "requested": x + 1}


def test_fluctuation_limit(ch, amm, eth, funded, alice):
    """One block may not move the mark more than 2.5% from its start."""
    funded(alice, 1_000_000)
    c = curve_of(amm, eth)
    q = wad(500_000)  # (Y+q)^2/k - 1 = 3.4% > 2.5%
    _, _, after = c.swap(False, True, q)
    with ape.reverts(amm.PriceMoveTooLarge) as info:
        ch.openPosition((eth.address, False, True, q, 0, FAR), sender=alice)
    assert info.value.inputs == {
        "baseToken": eth.address,
        "blockStartPrice": c.mark,
        "newPrice": after.mark,
        "maxMoveRatio": 25_000,
    }
