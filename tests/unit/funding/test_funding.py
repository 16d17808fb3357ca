"""Funding (PROTOCOL.md sections 5 and 9, ClearingHouse.updateFundingRate): every expected value
is recomputed here from the formula with exact integers, in the contract's rounding.

    markTwap, indexTwap = time averages since the last update (floor)
    premium = (markTwap - indexTwap) * 1e18 / indexTwap                  (truncated to zero)
    rate    = clamp(premium * dt / 24h, 1e15 * dt / 8h)                   (truncated to zero)
    delta   = rate * indexTwap / 1e18                                     (truncated to zero)
    a position pays    ceil_signed(size * delta / 1e18)   at its next touch
    the pool receives  floor_signed(net * delta / 1e18)   at the update

The chain clock is pinned (`chain.pending_timestamp`) so that the worked examples in the
docstrings use round times; the default curve is X0 = 10,000 ETH, Y0 = 30,000,000 USD
(mark 3000), and the index stays 3000 unless a test moves it.
"""

from __future__ import annotations

import ape
import pytest

from utils.checks import one
from utils.constants import FEE_RATIO, HOUR, INSURANCE_SHARE, ONE
from utils.models import funding_rate, tdiv
from vperp.bots.funding import run_once
from vperp.chain.deploy import take_from_insurance_fund
from vperp.sdk.curve import Curve, ceil_div, fee_split, trading_fee
from vperp.sdk.units import usdc, wad
from vperp.sim.invariants import funding_conservation

X0, Y0 = 10_000 * ONE, 30_000_000 * ONE


# ------------------------------------------------------------------ reference maths


def mul_ceil_signed(a: int, b: int) -> int:
    """PerpMath.mulCeilSigned: a * b / 1e18 rounded towards +infinity."""
    m = abs(a) * abs(b)
    return ceil_div(m, ONE) if (a >= 0) == (b >= 0) else -(m // ONE)


def mul_floor_signed(a: int, b: int) -> int:
    return -mul_ceil_signed(-a, b)


def twap(segments: list[tuple[int, int]], start: int, end: int) -> int:
    """Average of a step function given as [(from_time, price), ...] over [start, end), floor."""
    total = 0
    for i, (t, p) in enumerate(segments):
        t_next = segments[i + 1][0] if i + 1 < len(segments) else end
        lo, hi = max(t, start), min(t_next, end)
        if hi > lo:
            total += p * (hi - lo)
    return total // (end - start)


def pool_fee(quote: int) -> int:
    return fee_split(trading_fee(quote, FEE_RATIO), INSURANCE_SHARE)[1]


# ------------------------------------------------------------------ fixtures


@pytest.fixture
def t0(ch, eth):
    """Last funding time of vETH (the market's listing)."""
    return int(ch.lastFundingTime(eth))


# ------------------------------------------------------------------ rate and settlement


def test_long_pays_short_receives_pool_takes_the_imbalance(
    stack, ch, eth, vault, funded, alice, bob, keeper, t0, at, pool
):
    """Worked example (index 3000 all the time, interval 1 h, t0 = last update):

    t0 + 600   alice longs 30,000 USD: Y = 30,030,000, X = 3e11 / Y = 9,990.00999 ETH,
               alice size = 9.99000999 ETH, mark = Y^2 / k = 3006.003 (minus 1 wei)
    t0 + 1200  bob shorts for 15,000 USD: Y = 30,015,000, mark = 3003.00075 (minus 1 wei),
               bob size = -4.99250874 ETH; net long N = 4.99750125 ETH
    t0 + 3600  update: markTwap = (3000*600 + 3006.003*600 + 3003.00075*2400) / 3600 = 3003.001
               premium = 3.001 / 3000 = 0.10003333%
               rate = 0.10003333% * 3600/86400 = 0.0041680555% (cap 0.0125%: not hit)
               delta = rate * 3000 = 0.125041666666665 USD per ETH
               alice pays  9.99000999 * 0.12504167 = 1.24916750 USD (rounded up)
               bob gets    4.99250874 * 0.12504167 = 0.62427161 USD (rounded down)
               pool gets   4.99750125 * 0.12504167 = 0.62489589 USD (rounded down)
    """
    a, b = funded(alice, 10_000), funded(bob, 10_000)
    at(t0 + 600)
    tx_a = a.long_quote("vETH", 30_000)
    at(t0 + 1200)
    tx_b = b.short_quote("vETH", 15_000)

    # the curve by hand
    c0 = Curve(X0, Y0)
    size_a, _, c1 = c0.swap(False, True, wad(30_000))
    size_b, _, c2 = c1.swap(True, False, wad(15_000))
    assert one(tx_a, ch.PositionChanged).exchangedSize == size_a
    assert one(tx_b, ch.PositionChanged).exchangedSize == -size_b
    assert (c1.mark, c2.mark) == (3006002999999999999999, 3003000749999999999999)

    at(t0 + HOUR)
    pool_before = int(vault.balanceOf(pool))
    tx = ch.updateFundingRate(eth, sender=keeper)
    assert tx.timestamp == t0 + HOUR

    mark_twap = twap([(t0, 3000 * ONE), (t0 + 600, c1.mark), (t0 + 1200, c2.mark)], t0, t0 + HOUR)
    rate, delta = funding_rate(mark_twap, 3000 * ONE, HOUR)
    assert (mark_twap, rate, delta) == (3003000999999999999999, 41680555555555, 125041666666665000)
    net = size_a - size_b
    pay_a, pay_b, pool_gets = (
        mul_ceil_signed(size_a, delta),
        mul_ceil_signed(-size_b, delta),
        mul_floor_signed(net, delta),
    )
    assert (pay_a, pay_b, pool_gets) == (1249167499167482518, -624271613776852832, 624895885390629684)

    ev = one(tx, ch.FundingUpdated)
    assert (ev.baseToken, ev.rate, ev.markTwap, ev.indexTwap) == (eth.address, rate, mark_twap, 3000 * ONE)
    mv = one(tx, ch.FundingIndexMoved)
    assert (mv.indexDelta, mv.cumulativeIndex, mv.poolReceived, mv.insuranceReceived) == (
        delta,
        delta,
        pool_gets,
        0,
    )
    assert int(vault.balanceOf(pool)) - pool_before == pool_gets
    assert int(vault.fundingEscrow()) == -pool_gets

    # lazily: pending now, settled at the next touch (here: explicit settleFunding, anyone may call)
    assert int(ch.getPendingFunding(alice, eth)) == pay_a
    assert int(ch.getPendingFunding(bob, eth)) == pay_b
    bal_a, bal_b = int(vault.balanceOf(alice)), int(vault.balanceOf(bob))
    tx_sa = ch.settleFunding(alice, eth, sender=keeper)
    tx_sb = ch.settleFunding(bob, eth, sender=keeper)
    assert one(tx_sa, ch.FundingSettled).amount == pay_a
    assert one(tx_sb, ch.FundingSettled).amount == pay_b
    assert int(vault.balanceOf(alice)) == bal_a - pay_a
    assert int(vault.balanceOf(bob)) == bal_b - pay_b
    assert int(ch.getPendingFunding(alice, eth)) == 0
    assert int(ch.getPosition(alice, eth).lastFundingIndex) == delta
    # what is left in the escrow is the rounding, in the protocol's favour
    escrow = int(vault.fundingEscrow())
    assert escrow == pay_a + pay_b - pool_gets == 2
    assert funding_conservation(stack, [alice, bob]) == 2


def test_short_pays_when_mark_below_index_capped_rate(ch, eth, vault, funded, alice, keeper, t0, at, pool):
    """Worked example: alice shorts for 60,000 USD at t0 + 600: Y = 29,940,000,
    mark = Y^2 / k = 2988.012; markTwap = (3000*600 + 2988.012*3000) / 3600 = 2990.01,
    premium = -9.99/3000 = -0.333%, uncapped rate = -0.333% / 24 = -0.01388% per hour, beyond
    the cap of 0.1% / 8 = 0.0125% per hour: rate = -1.25e14, delta = -1.25e-4 * 3000 = -0.375 USD
    per ETH. Short pays 20.04008016 * 0.375 = 7.51503006 USD; the pool (AMM is long) receives
    7.51503006 USD rounded down."""
    a = funded(alice, 10_000)
    at(t0 + 600)
    a.short_quote("vETH", 60_000)
    size, _, c1 = Curve(X0, Y0).swap(True, False, wad(60_000))
    assert c1.mark == 2988011999999999999999

    at(t0 + HOUR)
    tx = ch.updateFundingRate(eth, sender=keeper)
    mark_twap = twap([(t0, 3000 * ONE), (t0 + 600, c1.mark)], t0, t0 + HOUR)
    rate, delta = funding_rate(mark_twap, 3000 * ONE, HOUR)
    assert rate == -(10**15) // 8 == -125000000000000  # capped
    assert delta == -375 * 10**15
    ev = one(tx, ch.FundingUpdated)
    assert (ev.rate, ev.markTwap, ev.indexTwap) == (rate, mark_twap, 3000 * ONE)
    pool_gets = mul_floor_signed(-size, delta)
    assert one(tx, ch.FundingIndexMoved).poolReceived == pool_gets == size * 375 // 1000
    pay = int(ch.getPendingFunding(alice, eth))
    assert pay == mul_ceil_signed(-size, delta) == ceil_div(size * 375, 1000) > 0
    assert (ch.getFundingState(eth).lastRate, ch.getFundingState(eth).cumulativeIndex) == (rate, delta)


def test_balanced_open_interest_pool_receives_nothing(
    ch, eth, vault, funded, alice, bob, keeper, t0, at, pool
):
    """Alice longs 5 ETH at t0 + 600, bob shorts 5 ETH at t0 + 1800: the curve is back at X0,
    the mark above 3000 for 20 minutes: mark1 = k / (X0 - 5)^2 = 3003.00225; markTwap =
    (3000*2400 + 3003.00225*1200)/3600 = 3001.00075, premium = 0.025%, rate = premium / 24,
    delta = 0.025% / 24 * 3000 = 0.0416979 USD per ETH. Net open interest is 0: the pool
    receives exactly 0; alice pays ceil(5 * delta), bob receives floor(5 * delta): the escrow
    keeps at most 1 wei."""
    a, b = funded(alice, 10_000), funded(bob, 10_000)
    at(t0 + 600)
    a.long_base("vETH", 5)
    at(t0 + 1800)
    b.short_base("vETH", 5)
    _, _, c1 = Curve(X0, Y0).swap(False, False, wad(5))
    _, _, c2 = c1.swap(True, True, wad(5))
    assert c2.x == X0

    at(t0 + HOUR)
    pool_before = int(vault.balanceOf(pool))
    tx = ch.updateFundingRate(eth, sender=keeper)
    mark_twap = twap([(t0, 3000 * ONE), (t0 + 600, c1.mark), (t0 + 1800, c2.mark)], t0, t0 + HOUR)
    _, delta = funding_rate(mark_twap, 3000 * ONE, HOUR)
    assert delta == 41697937513026000
    mv = one(tx, ch.FundingIndexMoved)
    assert (mv.indexDelta, mv.poolReceived, mv.insuranceReceived) == (delta, 0, 0)
    assert int(vault.balanceOf(pool)) == pool_before
    pay_a, pay_b = mul_ceil_signed(wad(5), delta), mul_ceil_signed(-wad(5), delta)
    assert pay_a == -pay_b or pay_a == -pay_b + 1
    ch.settleFunding(alice, eth, sender=keeper)
    ch.settleFunding(bob, eth, sender=keeper)
    assert int(vault.fundingEscrow()) == pay_a + pay_b


def test_missed_epochs_one_update_covers_the_span(chain, ch, eth, funded, alice, keeper, set_price, t0, at):
    """Alice longs 30,000 USD at t0 + 600 (mark 3006.003), prices then stay constant. Nobody
    updates for 5 hours: one update at t0 + 5 h uses the TWAPs of the whole span:
    markTwap = (3000*600 + 3006.003*17400)/18000 = 3005.8029, premium = 0.19343%,
    rate = premium * 5/24 = 0.0402979% (cap 0.0625% for 5 h), delta = 1.2089375 USD per ETH.
    Five hourly updates give the same total up to rounding (each update truncates its TWAPs,
    premium, rate and delta)."""
    a = funded(alice, 10_000)
    at(t0 + 600)
    a.long_quote("vETH", 30_000)
    size, _, c1 = Curve(X0, Y0).swap(False, True, wad(30_000))
    marks = [(t0, 3000 * ONE), (t0 + 600, c1.mark)]

    def update_at(t: int):
        at(t - 10)
        set_price("vETH", 3000)  # keeps the index fresh; same price
        at(t)
        return ch.updateFundingRate(eth, sender=keeper)

    snap = chain.snapshot()
    tx = update_at(t0 + 5 * HOUR)
    one_shot = int(ch.getFundingState(eth).cumulativeIndex)
    pay_one_shot = int(ch.getPendingFunding(alice, eth))
    rate, delta = funding_rate(twap(marks, t0, t0 + 5 * HOUR), 3000 * ONE, 5 * HOUR)
    assert one(tx, ch.FundingUpdated).rate == rate
    assert one_shot == delta == 1208937499999998000
    assert pay_one_shot == mul_ceil_signed(size, delta)
    chain.restore(snap)

    expected = 0
    for k in range(1, 6):
        tx = update_at(t0 + k * HOUR)
        r, d = funding_rate(twap(marks, t0 + (k - 1) * HOUR, t0 + k * HOUR), 3000 * ONE, HOUR)
        assert one(tx, ch.FundingIndexMoved).indexDelta == d
        expected += d
    hourly = int(ch.getFundingState(eth).cumulativeIndex)
    assert hourly == expected
    # same funding up to rounding: < 1e-14 USD per ETH, < 1e-12 USD on alice's 10 ETH
    assert abs(hourly - one_shot) < 5 * 2 * 3000 + 5
    assert abs(int(ch.getPendingFunding(alice, eth)) - pay_one_shot) < 10**6


# ------------------------------------------------------------------ touches and account maths


def _epoch_with_four_traders(funded, accounts, ch, eth, keeper, set_price, t0, at):
    """alice long 30k, bob short 15k (quote), carol long 3k, dave long 9k on 1k collateral;
    one update at t0 + 1 h. Returns the clients and the index delta."""
    alice, bob, carol, dave = accounts[1], accounts[2], accounts[3], accounts[4]
    cs = [funded(alice, 10_000), funded(bob, 10_000), funded(carol, 10_000), funded(dave, 1_000)]
    at(t0 + 600)
    cs[0].long_quote("vETH", 30_000)
    cs[1].short_quote("vETH", 15_000)
    cs[2].long_quote("vETH", 3_000)
    cs[3].long_quote("vETH", 9_000)
    at(t0 + HOUR - 10)
    set_price("vETH", 3000)
    at(t0 + HOUR)
    tx = ch.updateFundingRate(eth, sender=keeper)
    return cs, int(one(tx, ch.FundingIndexMoved).indexDelta)


def test_pending_funding_counts_in_account_value_and_free_collateral(
    accounts, ch, eth, vault, funded, keeper, set_price, t0, at
):
    """account value = collateral + size*index - openNotional - pending funding; free collateral
    = min(collateral - pending, account value) - initial requirement (PROTOCOL.md section 5)."""
    alice, bob = accounts[1], accounts[2]
    a = funded(alice, 10_000)
    b = funded(bob, 10_000)
    at(t0 + 600)
    a.long_quote("vETH", 30_000)
    b.short_quote("vETH", 15_000)
    at(t0 + HOUR - 10)
    set_price("vETH", 3000)
    value_before = {t: int(ch.getAccountValue(t)) for t in (alice, bob)}
    at(t0 + HOUR)
    tx = ch.updateFundingRate(eth, sender=keeper)
    delta = int(one(tx, ch.FundingIndexMoved).indexDelta)
    assert delta > 0
    for t in (alice, bob):
        p = ch.getPosition(t, eth)
        size, open_ = int(p.size), int(p.openNotional)
        pending = mul_ceil_signed(size, delta)
        assert int(ch.getPendingFunding(t, eth)) == pending
        collateral = int(vault.balanceOf(t))
        value = collateral + mul_floor_signed(size, 3000 * ONE) - open_ - pending
        assert int(ch.getAccountValue(t)) == value
        assert value_before[t] - value == pending
        im = ceil_div(ceil_div(abs(size) * 3000 * ONE, ONE) * 100_000, 10**6)
        assert int(ch.getFreeCollateral(t)) == min(collateral - pending, value) - im
    # a receiver's unrealised funding is not withdrawable: free collateral uses collateral - pending
    assert int(ch.getPendingFunding(bob, eth)) < 0


def test_every_touch_settles_funding(accounts, ch, eth, vault, funded, keeper, set_price, t0, at):
    """The four touches: a trade, an explicit settleFunding, a withdrawal (the Vault calls
    settleAllFunding first) and a liquidation each settle exactly ceil_signed(size * delta)."""
    cs, delta = _epoch_with_four_traders(funded, accounts, ch, eth, keeper, set_price, t0, at)
    alice, bob, carol, dave = (c.account for c in cs)
    pending = {t: int(ch.getPendingFunding(t, eth)) for t in (alice, bob, carol, dave)}
    for t in pending:
        assert pending[t] == mul_ceil_signed(int(ch.getPosition(t, eth).size), delta)

    # 1. a trade
    bal = int(vault.balanceOf(alice))
    tx = cs[0].long_quote("vETH", 1_000)
    ev = one(tx, ch.FundingSettled)
    assert (ev.trader, ev.baseToken, ev.amount) == (alice.address, eth.address, pending[alice])
    assert int(vault.balanceOf(alice)) == bal - pending[alice] - one(tx, ch.PositionChanged).fee
    # 2. explicit, by anyone
    bal = int(vault.balanceOf(bob))
    tx = ch.settleFunding(bob, eth, sender=keeper)
    assert one(tx, ch.FundingSettled).amount == pending[bob] < 0
    assert int(vault.balanceOf(bob)) == bal - pending[bob]
    # 3. a withdrawal
    bal = int(vault.balanceOf(carol))
    tx = cs[2].withdraw(100)
    assert one(tx, ch.FundingSettled).amount == pending[carol]
    assert int(vault.balanceOf(carol)) == bal - pending[carol] - wad(100)
    # 4. a liquidation (index down to 2800: dave's 10x long is below maintenance)
    set_price("vETH", 2800)
    assert ch.isLiquidatable(dave)
    tx = ch.liquidate(dave, eth, sender=keeper)
    assert one(tx, ch.FundingSettled).amount == pending[dave]
    assert len(tx.events.filter(ch.PositionLiquidated)) == 1
    for t in (alice, bob, carol, dave):
        assert int(ch.getPendingFunding(t, eth)) == 0
    # a second settlement is a no-op (no event)
    assert not ch.settleFunding(bob, eth, sender=keeper).events.filter(ch.FundingSettled)


def test_funding_too_early_last_time_and_state(chain, ch, eth, funded, alice, keeper, t0, at):
    """FundingTooEarly(base, last + interval) before the interval; lastFundingTime moves to the
    update's block; getFundingState's nextRate is the rate an update at that moment would apply,
    lastRate the rate of the last update, 0 in the update's own block."""
    a = funded(alice, 10_000)
    at(t0 + 600)
    a.long_quote("vETH", 30_000)
    _, _, c1 = Curve(X0, Y0).swap(False, True, wad(30_000))
    marks = [(t0, 3000 * ONE), (t0 + 600, c1.mark)]
    with ape.reverts(ch.FundingTooEarly, baseToken=eth.address, nextFundingTime=t0 + HOUR):
        ch.updateFundingRate(eth, sender=keeper)

    chain.mine(timestamp=t0 + 1800)
    assert chain.blocks.head.timestamp == t0 + 1800
    cum, last_rate, next_rate, last_time = ch.getFundingState(eth)
    assert (cum, last_rate, last_time) == (0, 0, t0)
    assert next_rate == funding_rate(twap(marks, t0, t0 + 1800), 3000 * ONE, 1800)[0] > 0

    at(t0 + HOUR)
    tx = ch.updateFundingRate(eth, sender=keeper)
    rate = one(tx, ch.FundingUpdated).rate
    assert rate == funding_rate(twap(marks, t0, t0 + HOUR), 3000 * ONE, HOUR)[0]
    assert int(ch.lastFundingTime(eth)) == t0 + HOUR
    cum, last_rate, next_rate, last_time = ch.getFundingState(eth)
    assert (last_rate, next_rate, last_time) == (rate, 0, t0 + HOUR)
    with ape.reverts(ch.FundingTooEarly, baseToken=eth.address, nextFundingTime=t0 + 2 * HOUR):
        ch.updateFundingRate(eth, sender=keeper)
    chain.mine(timestamp=t0 + HOUR + 900)
    # constant mark c1 and index 3000 since the update
    assert ch.getFundingState(eth).nextRate == funding_rate(c1.mark, 3000 * ONE, 900)[0]


# ------------------------------------------------------------------ the pool's payout budget


def _pool_must_pay(funded, alice, ch, eth, oracle, keeper, set_price, t0, at):
    """alice longs 90,000 USD at t0 + 600 (mark 3018.027, N = 29.9103 ETH); the index moves to
    3300 at t0 + 660 (Chainlink's round: the index TWAP follows Chainlink's own round times, the
    observe at t0 + 700 does not decide when); nobody updates for 5 hours. The longs receive
    funding: markTwap = (3000*600 + 3018.027*17400)/18000 = 3017.43, indexTwap = (3000*660 +
    3300*17340)/18000 = 3289, premium = -8.26%: rate capped at -0.1% * 5/8 = -0.0625%,
    delta = -0.000625 * 3289 = -2.0556 USD per ETH, due from the AMM's side = 29.91 * 2.0556
    = 61.48 USD. The pool's fee income is 80% of the 90 USD fee = 72 USD: it may pay a third,
    24 USD."""
    a = funded(alice, 20_000)
    at(t0 + 600)
    a.long_quote("vETH", 90_000)
    size, quote, c1 = Curve(X0, Y0).swap(False, True, wad(90_000))
    at(t0 + 660)
    set_price("vETH", 3300)
    at(t0 + 700)
    oracle.observe(eth, sender=keeper)
    at(t0 + 5 * HOUR - 10)
    set_price("vETH", 3300)
    mark_twap = twap([(t0, 3000 * ONE), (t0 + 600, c1.mark)], t0, t0 + 5 * HOUR)
    index_twap = twap([(t0, 3000 * ONE), (t0 + 660, 3300 * ONE)], t0, t0 + 5 * HOUR)
    rate, delta = funding_rate(mark_twap, index_twap, 5 * HOUR)
    assert rate == -(10**15) * 5 // 8
    due = -mul_floor_signed(size, delta)  # what the AMM's side must pay, rounded up
    budget = pool_fee(quote) // 3
    assert budget == wad(24) and due > budget
    return size, delta, due, budget


def test_pool_pays_a_third_of_its_fee_income_insurance_the_rest(
    ch, eth, vault, oracle, stack, funded, alice, keeper, set_price, t0, at, pool
):
    size, delta, due, budget = _pool_must_pay(funded, alice, ch, eth, oracle, keeper, set_price, t0, at)
    fund = stack.insurance_fund.address
    pool_before, fund_before = int(vault.balanceOf(pool)), int(vault.balanceOf(fund))
    at(t0 + 5 * HOUR)
    tx = ch.updateFundingRate(eth, sender=keeper)
    mv = one(tx, ch.FundingIndexMoved)
    assert (mv.indexDelta, mv.poolReceived, mv.insuranceReceived) == (delta, -budget, -(due - budget))
    assert int(vault.balanceOf(pool)) == pool_before - budget
    assert int(vault.balanceOf(fund)) == fund_before - (due - budget)
    assert int(vault.fundingPayoutBudget()) == 0
    # alice receives her funding at her next touch, from the escrow
    receive = -mul_ceil_signed(size, delta)
    assert receive == size * -delta // ONE <= due
    bal = int(vault.balanceOf(alice))
    ch.settleFunding(alice, eth, sender=keeper)
    assert int(vault.balanceOf(alice)) == bal + receive
    assert int(vault.fundingEscrow()) == due - receive >= 0


def test_index_move_shrinks_when_pool_budget_and_insurance_are_exhausted(
    ch, eth, vault, oracle, stack, chain, owner, funded, alice, keeper, set_price, t0, at, pool
):
    """As above, with the insurance fund drained (all its 50,000 + 18 USD taken as a loss would:
    governance's withdrawSurplus keeps a floor): only
    the pool's 24 USD budget is available, so the index moves by
    applied = delta * 24 / 61.4718 (truncated) + 1 wei towards zero = -0.8024 USD per ETH, and
    the pool pays 29.9103 * 0.8024 = 24 USD (23.99999999999999997)."""
    size, delta, due, budget = _pool_must_pay(funded, alice, ch, eth, oracle, keeper, set_price, t0, at)
    fund = stack.insurance_fund
    assert int(vault.balanceOf(fund)) == wad(50_018)
    take_from_insurance_fund(stack, chain, owner, usdc(50_018))
    assert int(vault.balanceOf(fund)) == 0
    pool_before = int(vault.balanceOf(pool))

    at(t0 + 5 * HOUR)
    tx = ch.updateFundingRate(eth, sender=keeper)
    applied = tdiv(delta * budget, due) + 1
    paid = -mul_floor_signed(size, applied)
    assert (applied, paid) == (-802399999999999999, 23999999999999999970)
    mv = one(tx, ch.FundingIndexMoved)
    assert (mv.indexDelta, mv.cumulativeIndex, mv.poolReceived, mv.insuranceReceived) == (
        applied,
        applied,
        -paid,
        0,
    )
    assert one(tx, ch.FundingUpdated).rate == -(10**15) * 5 // 8  # the rate is reported unshrunk
    assert int(vault.balanceOf(pool)) == pool_before - paid
    assert int(vault.fundingPayoutBudget()) == budget - paid
    assert int(ch.getPendingFunding(alice, eth)) == mul_ceil_signed(size, applied)


def test_funding_conservation_after_a_sequence(
    chain, accounts, stack, ch, eth, btc, vault, oracle, funded, keeper, set_price, t0, at
):
    """Three epochs over both markets with trades, price moves and settlements in between:
    what traders paid and owe minus what they received and are owed equals what the pool and
    the insurance fund received (invariant 4), up to rounding dust in the escrow."""
    alice, bob, carol = accounts[1], accounts[2], accounts[3]
    t0 = max(t0, int(ch.lastFundingTime(btc)))  # vBTC was listed a little later
    a, b, c = funded(alice, 20_000), funded(bob, 20_000), funded(carol, 20_000)
    at(t0 + 600)
    a.long_quote("vETH", 30_000)
    b.short_quote("vETH", 10_000)
    c.long_quote("vBTC", 20_000)
    a.short_base("vBTC", "0.1")
    moved = []

    def update_both(t: int) -> None:
        at(t - 10)
        set_price("vETH", 3050)
        set_price("vBTC", 59_500)
        for base in (eth, btc):
            # the second market's update can land a second later than `t` (wall clock): each
            # market is updated at the later of `t` and its own due time
            at(max(t, int(ch.lastFundingTime(base)) + HOUR, chain.pending_timestamp))
            moved.append(one(ch.updateFundingRate(base, sender=keeper), ch.FundingIndexMoved))

    update_both(t0 + HOUR)
    b.short_quote("vETH", 5_000)  # settles bob's first epoch
    ch.settleFunding(carol, btc, sender=keeper)
    update_both(t0 + 2 * HOUR)
    a.close("vETH")
    c.long_quote("vBTC", 1_000)
    update_both(t0 + 3 * HOUR)
    assert any(m.poolReceived < 0 for m in moved) and any(m.poolReceived > 0 for m in moved)

    settled = sum(int(ev.amount) for ev in ch.FundingSettled.range(chain.blocks.height + 1))
    to_system = sum(int(m.poolReceived) + int(m.insuranceReceived) for m in moved)
    assert int(vault.fundingEscrow()) == settled - to_system
    dust = funding_conservation(stack, [alice, bob, carol])
    assert 0 <= dust <= 4 * 8


# ------------------------------------------------------------------ funding bot


def test_funding_bot_updates_due_markets_once(chain, stack, ch, eth, btc, keeper, t0):
    assert [x.updated for x in run_once(stack, keeper, chain.pending_timestamp)] == [False, False]
    chain.mine(timestamp=max(t0, int(ch.lastFundingTime(btc))) + HOUR)
    actions = run_once(stack, keeper, chain.pending_timestamp)
    assert [(x.symbol, x.updated) for x in actions] == [("vETH", True), ("vBTC", True)]
    assert int(ch.lastFundingTime(eth)) >= t0 + HOUR and int(ch.lastFundingTime(btc)) >= t0 + HOUR
    assert not any(x.updated for x in run_once(stack, keeper, chain.pending_timestamp))
