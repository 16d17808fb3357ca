"""ClearingHouse trading: every entry point against the reference maths (vperp/sdk/curve.py), the
PositionChanged event with all its arguments, the fee split, collateral to the wei, every guard's
revert with its values, and the account views."""

from __future__ import annotations

from typing import Any

import ape
import pytest

from utils.actions import new_token_with_feed
from utils.constants import FAR_DEADLINE as FAR
from utils.constants import FEE_RATIO, INSURANCE_SHARE
from utils.models import curve_of, position_of
from vperp.sdk.curve import (
    ONE,
    Position,
    account_value,
    apply_trade,
    fee_split,
    requirement,
    signed_exchange,
    trading_fee,
)
from vperp.sdk.units import wad

IMR, MMR = 100_000, 62_500
MIN_NOTIONAL = wad(10)
LONG_EXACT_IN, LONG_EXACT_OUT = (False, True), (False, False)
SHORT_EXACT_IN, SHORT_EXACT_OUT = (True, True), (True, False)
MODES = {
    "long_exact_quote_in": LONG_EXACT_IN,
    "long_exact_base_out": LONG_EXACT_OUT,
    "short_exact_base_in": SHORT_EXACT_IN,
    "short_exact_quote_out": SHORT_EXACT_OUT,
}


def open_position(
    ch: Any, trader: Any, token: Any, mode: tuple[bool, bool], amount: int, bound: int = 0
) -> Any:
    b2q, exact_in = mode
    return ch.openPosition((token.address, b2q, exact_in, amount, bound, FAR), sender=trader)


def checked(
    stack: Any, trader: Any, token: Any, mode: tuple[bool, bool], amount: int, close: bool = False
) -> dict:
    """Performs a trade (or a close) and checks everything it changes against the model:
    the event's arguments, the position, the curve, the trader's collateral and the fee split.
    Returns the expected event arguments."""
    ch, amm, vault = stack.clearing_house, stack.amm, stack.vault
    fund, pool = stack.insurance_fund, stack.liquidity_pool
    b2q, exact_in = mode
    curve, old = curve_of(amm, token), position_of(ch, trader, token)
    base, quote, after = curve.swap(b2q, exact_in, amount)
    ex_size, ex_notional = signed_exchange(b2q, base, quote)
    new, pnl = apply_trade(old, ex_size, ex_notional)
    fee = trading_fee(quote, FEE_RATIO)
    to_fund, to_pool = fee_split(fee, INSURANCE_SHARE)
    before = {a: int(vault.balanceOf(a)) for a in (trader, fund, pool)}

    tx = (
        ch.closePosition(token, 0, FAR, sender=trader)
        if close
        else open_position(ch, trader, token, mode, amount)
    )

    expected = {
        "trader": trader.address,
        "baseToken": token.address,
        "exchangedSize": ex_size,
        "exchangedNotional": ex_notional,
        "fee": fee,
        "openNotional": new.open_notional,
        "realizedPnl": pnl,
        "markPrice": after.mark,
    }
    assert [dict(e.event_arguments) for e in tx.decode_logs(ch.PositionChanged)] == [expected]
    assert position_of(ch, trader, token) == new
    assert curve_of(amm, token) == after
    assert vault.balanceOf(trader) == before[trader] + pnl - fee
    assert vault.balanceOf(fund) == before[fund] + to_fund
    assert vault.balanceOf(pool) == before[pool] + to_pool
    return expected


def reverted_inputs(info: Any) -> dict:
    return dict(info.value.inputs)


# ------------------------------------------------------------------ opening


@pytest.mark.parametrize("mode", MODES.values(), ids=MODES.keys())
def test_open_each_mode(stack, eth, funded, alice, mode):
    funded(alice, 10_000)
    b2q, exact_in = mode
    amount = wad(4_500) if b2q != exact_in else wad("1.5")  # quote or base side
    ev = checked(stack, alice, eth, mode, amount)
    assert (ev["exchangedSize"] > 0) == (not b2q)
    assert ev["realizedPnl"] == 0
    assert (ev["openNotional"] > 0) == (not b2q)


def test_fee_split_rounding(stack, eth, funded, alice):
    """A fee that is not a multiple of 5: the insurance share rounds up."""
    funded(alice, 1_000)
    quote = wad(1_000) + 7  # fee = ceil(quote / 1000) = 1e18 + 1
    assert trading_fee(quote, FEE_RATIO) == ONE + 1
    assert fee_split(ONE + 1, INSURANCE_SHARE) == (ONE // 5 + 1, ONE - ONE // 5)
    checked(stack, alice, eth, LONG_EXACT_IN, quote)


def test_increase_reduce_flip_close_long(stack, ch, eth, funded, alice, bob):
    funded(alice, 20_000)
    funded(bob, 20_000)
    checked(stack, alice, eth, LONG_EXACT_IN, wad(6_000))
    checked(stack, alice, eth, LONG_EXACT_OUT, wad("1.3"))  # increase
    checked(stack, bob, eth, LONG_EXACT_IN, wad(30_000))  # mark up: alice in profit
    ev = checked(stack, alice, eth, SHORT_EXACT_IN, wad("0.7"))  # reduce
    assert ev["realizedPnl"] > 0
    ev = checked(stack, alice, eth, SHORT_EXACT_OUT, wad(3_000))  # reduce by quote
    assert ev["realizedPnl"] > 0
    size = position_of(ch, alice, eth).size
    ev = checked(stack, alice, eth, SHORT_EXACT_IN, size + wad(2))  # flip to 2 short
    assert position_of(ch, alice, eth).size == -wad(2)
    assert ev["realizedPnl"] > 0
    assert ev["openNotional"] < 0
    checked_close(stack, alice, eth)
    assert position_of(ch, alice, eth) == Position()
    assert list(ch.getAccountMarkets(alice)) == []
    assert ch.getOpenInterest(eth) == (position_of(ch, bob, eth).size, 0)


def checked_close(stack: Any, trader: Any, token: Any) -> dict:
    """closePosition = the opposite exact-base trade of the whole size."""
    size = position_of(stack.clearing_house, trader, token).size
    mode = SHORT_EXACT_IN if size > 0 else LONG_EXACT_OUT
    ev = checked(stack, trader, token, mode, abs(size), close=True)
    assert ev["exchangedSize"] == -size and ev["openNotional"] == 0
    return ev


def test_short_reduce_at_loss_and_close(stack, ch, eth, funded, alice, bob):
    funded(alice, 10_000)
    funded(bob, 50_000)
    checked(stack, alice, eth, SHORT_EXACT_OUT, wad(9_000))
    checked(stack, alice, eth, SHORT_EXACT_IN, wad("0.4"))  # increase the short
    checked(stack, bob, eth, LONG_EXACT_IN, wad(60_000))  # mark up: alice loses
    ev = checked(stack, alice, eth, LONG_EXACT_OUT, wad(1))  # reduce by base
    assert ev["realizedPnl"] < 0
    ev = checked(stack, alice, eth, LONG_EXACT_IN, wad(1_500))  # reduce by quote
    assert ev["realizedPnl"] < 0
    checked_close(stack, alice, eth)
    assert ch.getOpenInterest(eth) == (position_of(ch, bob, eth).size, 0)


def test_flip_short_to_long(stack, ch, eth, funded, alice):
    funded(alice, 10_000)
    checked(stack, alice, eth, SHORT_EXACT_IN, wad(2))
    ev = checked(stack, alice, eth, LONG_EXACT_OUT, wad(3))
    assert position_of(ch, alice, eth).size == wad(1)
    assert ev["openNotional"] > 0 and ev["realizedPnl"] < 0  # the round trip paid the spread
    assert ch.getOpenInterest(eth) == (wad(1), 0)


# ------------------------------------------------------------------ reverts


def test_zero_amount(ch, eth, funded, alice):
    funded(alice, 100)
    with ape.reverts(ch.ZeroAmount):
        open_position(ch, alice, eth, LONG_EXACT_IN, 0)


def test_deadline_expired(chain, ch, eth, funded, alice):
    a = funded(alice, 1_000)
    a.long_quote("vETH", 100)
    t = chain.pending_timestamp + 5
    chain.pending_timestamp = t
    with ape.reverts(ch.DeadlineExpired) as info:
        ch.openPosition((eth.address, False, True, wad(100), 0, t - 1), sender=alice)
    assert reverted_inputs(info) == {"deadline": t - 1, "timestamp": t}
    chain.pending_timestamp = t
    with ape.reverts(ch.DeadlineExpired) as info:
        ch.closePosition(eth, 0, t - 1, sender=alice)
    assert reverted_inputs(info) == {"deadline": t - 1, "timestamp": t}
    chain.pending_timestamp = t
    ch.openPosition((eth.address, False, True, wad(100), 0, t), sender=alice)  # deadline inclusive


@pytest.mark.parametrize("mode", MODES.values(), ids=MODES.keys())
def test_slippage_bound_each_mode(ch, amm, eth, funded, alice, mode):
    """The opposite amount is checked against the bound: min out for an exact input, max in for
    an exact output; the exact expected amount passes."""
    funded(alice, 10_000)
    b2q, exact_in = mode
    amount = wad(3_000) if b2q != exact_in else wad(1)
    base, quote = curve_of(amm, eth).quote(b2q, exact_in, amount)
    opposite = quote if b2q == exact_in else base
    bad = opposite + 1 if exact_in else opposite - 1
    with ape.reverts(ch.SlippageExceeded) as info:
        open_position(ch, alice, eth, mode, amount, bad)
    assert reverted_inputs(info) == {"amount": opposite, "bound": bad}
    open_position(ch, alice, eth, mode, amount, opposite)
    assert abs(position_of(ch, alice, eth).size) == base


def test_close_slippage_bound(ch, amm, eth, funded, alice):
    funded(alice, 10_000).long_base("vETH", 1)
    quote_out = curve_of(amm, eth).quote_out_for_base_in(wad(1))
    with ape.reverts(ch.SlippageExceeded) as info:
        ch.closePosition(eth, quote_out + 1, FAR, sender=alice)
    assert reverted_inputs(info) == {"amount": quote_out, "bound": quote_out + 1}
    ch.closePosition(eth, quote_out, FAR, sender=alice)


def test_unknown_market(ch, funded, alice):
    funded(alice, 100)
    with ape.reverts(ch.UnknownMarket) as info:
        ch.openPosition((alice.address, False, True, wad(100), 0, FAR), sender=alice)
    assert reverted_inputs(info) == {"baseToken": alice.address}
    with ape.reverts(ch.UnknownMarket):
        ch.closePosition(alice.address, 0, FAR, sender=alice)


def test_insufficient_margin_over_ten_x(ch, amm, vault, eth, funded, alice):
    funded(alice, 1_000)
    quote = wad(10_100)
    base = curve_of(amm, eth).base_out_for_quote_in(quote)
    pos = Position(base, quote)
    collateral = wad(1_000) - trading_fee(quote, FEE_RATIO)
    value = account_value(collateral, [(pos, wad(3000), 0)])
    initial = requirement([(pos, wad(3000), IMR)])
    with ape.reverts(ch.InsufficientMargin) as info:
        open_position(ch, alice, eth, LONG_EXACT_IN, quote)
    assert reverted_inputs(info) == {
        "trader": alice.address,
        "accountValue": value,
        "initialRequirement": initial,
    }
    open_position(ch, alice, eth, LONG_EXACT_IN, wad(9_000))  # 9x passes
    assert vault.balanceOf(alice) == wad(1_000) - wad(9)


def test_dust_position(ch, eth, funded, alice):
    funded(alice, 1_000)
    size = wad("0.003")  # 9 USD at the index
    with ape.reverts(ch.DustPosition) as info:
        open_position(ch, alice, eth, LONG_EXACT_OUT, size)
    assert reverted_inputs(info) == {
        "baseToken": eth.address,
        "notional": wad(9),
        "minNotional": MIN_NOTIONAL,
    }
    open_position(ch, alice, eth, LONG_EXACT_OUT, wad("0.1"))
    # a reduce that leaves 0.001 ETH = 3 USD
    with ape.reverts(ch.DustPosition) as info:
        open_position(ch, alice, eth, SHORT_EXACT_IN, wad("0.099"))
    assert reverted_inputs(info) == {
        "baseToken": eth.address,
        "notional": wad(3),
        "minNotional": MIN_NOTIONAL,
    }
    open_position(ch, alice, eth, SHORT_EXACT_IN, wad("0.096"))  # leaves 12 USD: fine


def test_no_position_on_close(ch, eth, funded, alice):
    funded(alice, 100)
    with ape.reverts(ch.NoPosition) as info:
        ch.closePosition(eth, 0, FAR, sender=alice)
    assert reverted_inputs(info) == {"trader": alice.address, "baseToken": eth.address}


def test_open_interest_cap(ch, eth, owner, funded, alice, bob):
    params = ch.getMarket(eth)
    caps = (wad(2), wad(3))
    new = (100_000, 62_500, 1_000, 200_000, 25_000, 25_000, 100_000, 3600, *caps)
    assert (params.imRatio, params.feeRatio, params.fundingInterval) == (100_000, 1_000, 3600)
    ch.setMarketParams(eth, new, sender=owner)
    funded(alice, 10_000)
    funded(bob, 10_000)
    open_position(ch, alice, eth, LONG_EXACT_OUT, wad(2))  # exactly at the cap
    with ape.reverts(ch.OpenInterestCapExceeded) as info:
        open_position(ch, bob, eth, LONG_EXACT_OUT, wad("0.01"))
    assert reverted_inputs(info) == {
        "baseToken": eth.address,
        "isLong": True,
        "openInterest": wad("2.01"),
        "cap": wad(2),
    }
    with ape.reverts(ch.OpenInterestCapExceeded) as info:
        open_position(ch, bob, eth, SHORT_EXACT_IN, wad("3.5"))
    assert reverted_inputs(info) == {
        "baseToken": eth.address,
        "isLong": False,
        "openInterest": wad("3.5"),
        "cap": wad(3),
    }
    # reducing is never capped
    open_position(ch, alice, eth, SHORT_EXACT_IN, wad(1))
    assert ch.getOpenInterest(eth) == (wad(1), 0)


def list_market(project: Any, stack: Any, owner: Any, n: int) -> Any:
    """Lists an extra market at 100 USD with a Chainlink-only feed (as vperp/chain/deploy.py does)."""
    tx = {"sender": owner}
    base = new_token_with_feed(project, stack, owner, f"Extra {n}", f"vX{n}")
    stack.clearing_house.addMarket(
        base,
        wad(10_000),
        wad(1_000_000),
        (100_000, 62_500, 1_000, 200_000, 25_000, 25_000, 100_000, 3600, wad(10**6), wad(10**6)),
        **tx,
    )
    return base


def test_too_many_markets(project, stack, ch, eth, btc, owner, funded, alice):
    extra = [list_market(project, stack, owner, i) for i in range(9)]
    assert len(ch.getMarkets()) == 11
    funded(alice, 10_000)
    tokens = [eth, btc, *extra]
    for token in tokens[:10]:
        open_position(ch, alice, token, LONG_EXACT_IN, wad(50))
    assert len(ch.getAccountMarkets(alice)) == 10
    with ape.reverts(ch.TooManyMarkets) as info:
        open_position(ch, alice, tokens[10], LONG_EXACT_IN, wad(50))
    assert reverted_inputs(info) == {"trader": alice.address, "maxMarkets": 10}
    # closing one market frees a slot
    ch.closePosition(tokens[0], 0, FAR, sender=alice)
    open_position(ch, alice, tokens[10], LONG_EXACT_IN, wad(50))
    assert set(ch.getAccountMarkets(alice)) == {t.address for t in tokens[1:]}


# ------------------------------------------------------------------ views


def test_views(stack, ch, amm, vault, eth, btc, funded, alice, move_index):
    funded(alice, 20_000)
    open_position(ch, alice, eth, LONG_EXACT_IN, wad(30_000))
    open_position(ch, alice, btc, SHORT_EXACT_IN, wad(1))
    move_index("vETH", 3_100)
    assert list(ch.getMarkets()) == [eth.address, btc.address]
    assert list(ch.getAccountMarkets(alice)) == [eth.address, btc.address]
    assert ch.getIndexPrice(eth) == wad(3_100) and ch.getIndexPrice(btc) == wad(60_000)
    assert ch.getMarkPrice(eth) == curve_of(amm, eth).mark == amm.getMarkPrice(eth)
    assert ch.getMarkPrice(btc) == curve_of(amm, btc).mark
    e, b = position_of(ch, alice, eth), position_of(ch, alice, btc)
    assert b.size == -wad(1) and b.open_notional == curve_of(amm, btc).y - wad(60_000_000)
    assert ch.getOpenInterest(eth) == (e.size, 0)
    assert ch.getOpenInterest(btc) == (0, wad(1))
    prices = {eth: wad(3_100), btc: wad(60_000)}
    collateral = int(vault.balanceOf(alice))
    value = account_value(collateral, [(e, prices[eth], 0), (b, prices[btc], 0)])
    initial = requirement([(e, prices[eth], IMR), (b, prices[btc], IMR)])
    maintenance = requirement([(e, prices[eth], MMR), (b, prices[btc], MMR)])
    assert ch.getAccountValue(alice) == value
    assert ch.getMarginRequirements(alice) == (initial, maintenance)
    assert ch.getFreeCollateral(alice) == min(collateral, value) - initial
    assert ch.getPosition(alice, eth).lastFundingIndex == 0
    # an account without positions
    assert ch.getAccountValue(stack.owner) == vault.balanceOf(stack.owner)
    assert ch.getMarginRequirements(stack.owner) == (0, 0)
