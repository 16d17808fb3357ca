"""Liquidation (PROTOCOL.md sections 4, 5 and 9): the smallest fraction, full liquidation of
small positions and of accounts below MMR/2, the penalty split, the under-water rule, events,
errors, the liquidator's bound, liquidation while paused / with a stale index, cross margin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from utils.actions import index_mover
from utils.checks import one
from utils.constants import ONE
from utils.constants import RATIO_ONE as R
from utils.models import curve_of, solve_exact
from utils.reverts import norm as _norm
from utils.reverts import reverts
from vperp.sdk.curve import Curve
from vperp.sdk.curve import ceil_div as cdiv
from vperp.sdk.units import wad

MMR, IMR, FEE, PENALTY, INS_SHARE, LIQ_SHARE = 62_500, 100_000, 1_000, 25_000, 200_000, 500_000


def ratio_up(a: int, r: int) -> int:
    return cdiv(a * r, R)


@dataclass
class Book:
    """One-market account + curve, to replay a liquidation's arithmetic in Python (no funding)."""

    x: int
    y: int
    size: int
    open_notional: int
    collateral: int
    price: int  # valuation price

    @classmethod
    def read(cls, ch: Any, amm: Any, vault: Any, trader: Any, base: Any) -> Book:
        x, y = (int(v) for v in amm.getReserves(base))
        p = ch.getPosition(trader, base)
        price, _ = ch.getValuationPrice(base)
        return cls(x, y, int(p.size), int(p.openNotional), int(vault.balanceOf(trader)), int(price))

    def value(self) -> int:
        return self.collateral + _floor_signed(self.size * self.price, ONE) - self.open_notional

    def notional(self) -> int:
        return cdiv(abs(self.size) * self.price, ONE)

    def mm(self) -> int:
        return ratio_up(self.notional(), MMR)

    def close_long(self, b: int) -> tuple[Book, int, int, int]:
        """Liquidates b of a long: (new book, quote out, fee, penalty)."""
        assert self.size > 0 and 0 < b <= self.size
        new_x = self.x + b
        quote = self.y - cdiv(self.x * self.y, new_x)
        basis = cdiv(self.open_notional * b, self.size)
        pnl = quote - basis
        fee, penalty = ratio_up(quote, FEE), ratio_up(quote, PENALTY)
        book = Book(
            new_x,
            self.y - quote,
            self.size - b,
            self.open_notional - basis,
            self.collateral + pnl - fee - penalty,
            self.price,
        )
        return book, quote, fee, penalty

    def planned_close(self, threshold: int = wad(500), min_notional: int = wad(10)) -> int:
        """ClearingHouse._liquidationSize: PROTOCOL.md section 9's f with lambda + fee + sigma as
        one signed cost (charges on the exchanged quote, sigma < 0 when the curve pays better);
        `threshold` and `min_notional` are the full-liquidation threshold and the minimum
        position notional (the defaults of config/deploy.yaml)."""
        a, m, n = self.value(), self.mm(), self.notional()
        if n < threshold or 2 * a < m:
            return self.size
        exit_quote = self.y - cdiv(self.x * self.y, self.x + self.size)
        cost = R - exit_quote * (R - PENALTY - FEE) // n
        if cost >= MMR:
            return self.size
        f = cdiv((m - a) * ONE * R, n * (MMR - cost))
        if f >= ONE:
            return self.size
        close = cdiv(self.size * f, ONE)
        if (self.size - close) * self.price // ONE < min_notional:
            return self.size
        return close


def _floor_signed(a: int, d: int) -> int:
    return a // d  # Python floors towards -inf


def balances(vault: Any, *accounts: Any) -> list[int]:
    return [int(vault.balanceOf(_norm(a))) for a in accounts]


@pytest.fixture
def move_index(chain, oracle, stack, set_price):
    """set_price one second later; the index must then be Pyth's (source 1)."""
    return index_mover(chain, oracle, stack, set_price, source=1)


@pytest.fixture
def levered_bob(funded, bob, alice):
    """bob: 10k USDC, long 95k of vETH (~9.5x); alice: a smaller long that moves the mark up."""
    funded(alice, 20_000).long_quote("vETH", 20_000)
    b = funded(bob, 10_000)
    b.long_quote("vETH", 95_000)
    return b


# ====================================================================== partial liquidation


def test_partial_liquidation_smallest_fraction(
    stack, ch, amm, vault, eth, bob, keeper, levered_bob, move_index
):
    fund = stack.insurance_fund.address
    pool = stack.liquidity_pool.address
    assert not ch.isLiquidatable(bob)
    with reverts(ch.NotLiquidatable, trader=bob, accountValue=int(ch.getAccountValue(bob))):
        ch.liquidate(bob, eth, sender=keeper)
    move_index("vETH", 2850)
    assert ch.isLiquidatable(bob)
    book = Book.read(ch, amm, vault, bob, eth)
    value, _, mm, liq = ch.getAccountState(bob)
    assert (int(value), int(mm), liq) == (book.value(), book.mm(), True)
    assert 2 * book.value() > book.mm() and book.notional() > wad(500)  # the partial path

    close = book.planned_close()
    assert 0 < close < book.size
    after, quote, fee, penalty = book.close_long(close)
    before = balances(vault, keeper, fund, pool)
    tx = ch.liquidate(bob, eth, sender=keeper)

    ev = list(tx.decode_logs(ch.PositionLiquidated))
    assert len(ev) == 1
    e = ev[0]
    assert (e.trader, e.baseToken, e.liquidator) == (bob.address, eth.address, keeper.address)
    assert (e.liquidatedSize, e.liquidatedNotional, e.penalty) == (close, quote, penalty)
    # on-chain state is exactly the replay
    pos = ch.getPosition(bob, eth)
    assert (int(pos.size), int(pos.openNotional)) == (after.size, after.open_notional)
    assert int(vault.balanceOf(bob)) == after.collateral
    # above maintenance afterwards (invariant 3) ...
    value, _, mm, liq = ch.getAccountState(bob)
    assert (int(value), int(mm), liq) == (after.value(), after.mm(), False)
    assert after.value() >= after.mm()
    # ... and the smallest fraction: closing 5% less would not have sufficed
    less, _, _, _ = book.close_long(close * 95 // 100)
    assert less.value() < less.mm()
    # PROTOCOL.md section 9: f = (M - A) / (n (m - lambda - sigma)) with the signed slippage of
    # closing the whole position (here the curve pays above the index: sigma < 0), plus the fee
    exit_quote = book.y - cdiv(book.x * book.y, book.x + book.size)
    sigma = (book.notional() - exit_quote) / book.notional()
    assert sigma < 0
    f_spec = (book.mm() - book.value()) / (
        book.notional() * (MMR - PENALTY - FEE) / R - book.notional() * sigma
    )
    assert f_spec <= close / book.size <= f_spec * 1.05
    # penalty 50/50 liquidator / insurance fund; the fund also gets its fee share
    ins_fee = ratio_up(fee, INS_SHARE)
    to_liq = penalty * LIQ_SHARE // R
    after_bal = balances(vault, keeper, fund, pool)
    assert after_bal[0] - before[0] == to_liq
    assert after_bal[1] - before[1] == penalty - to_liq + ins_fee
    assert after_bal[2] - before[2] == fee - ins_fee


@pytest.mark.parametrize("share", [300_000, 700_000, 0, 1_000_000])
def test_penalty_split_follows_the_liquidator_share(
    stack, ch, amm, vault, eth, bob, keeper, owner, levered_bob, move_index, share
):
    """Issue 15's surviving mutant (the liquidator's and the fund's shares swapped): with a
    30/70 split (and 70/30, and the extremes) the liquidator gets exactly share x penalty, rounded
    down, and the fund the rest, on top of its fee share; 50/50 would hide a swap."""
    ch.setGlobalParams(ch.minPositionNotional(), ch.fullLiquidationThreshold(), share, sender=owner)
    fund = stack.insurance_fund.address
    move_index("vETH", 2850)
    book = Book.read(ch, amm, vault, bob, eth)
    close = book.planned_close()
    _after, _quote, fee, penalty = book.close_long(close)
    before = balances(vault, keeper, fund)
    tx = ch.liquidate(bob, eth, sender=keeper)
    assert list(tx.decode_logs(ch.PositionLiquidated))[0].penalty == penalty > 0
    to_liq = penalty * share // R
    after_bal = balances(vault, keeper, fund)
    assert after_bal[0] - before[0] == to_liq
    assert after_bal[1] - before[1] == penalty - to_liq + ratio_up(fee, INS_SHARE)


def test_liquidate_with_bound(ch, amm, vault, eth, bob, keeper, levered_bob, move_index):
    move_index("vETH", 2850)
    book = Book.read(ch, amm, vault, bob, eth)
    close = book.planned_close()
    _, quote, _, _ = book.close_long(close)
    with reverts(ch.SlippageExceeded, amount=quote, bound=quote + 1):
        ch.liquidateWithBound(bob, eth, quote + 1, sender=keeper)
    tx = ch.liquidateWithBound(bob, eth, quote, sender=keeper)  # exactly the bound: fine
    e = list(tx.decode_logs(ch.PositionLiquidated))[0]
    assert (e.liquidatedSize, e.liquidatedNotional) == (close, quote)
    assert not ch.isLiquidatable(bob)


def test_liquidation_errors(ch, eth, btc, alice, bob, keeper, levered_bob):
    value, _, mm, liq = ch.getAccountState(bob)
    assert not liq
    with reverts(ch.NotLiquidatable, trader=bob, accountValue=int(value), maintenanceRequirement=int(mm)):
        ch.liquidate(bob, eth, sender=keeper)
    with reverts(ch.NoPosition, trader=bob, baseToken=btc):
        ch.liquidate(bob, btc, sender=keeper)
    with reverts(ch.NoPosition, trader=keeper, baseToken=eth):
        ch.liquidateWithBound(keeper, eth, 0, sender=alice)
    assert not ch.isLiquidatable(keeper)  # no positions: never liquidatable


# ====================================================================== full liquidation


def test_full_liquidation_small_position(stack, ch, amm, vault, eth, carol, keeper, funded, move_index):
    c = funded(carol, 50)
    c.long_quote("vETH", 450)
    move_index("vETH", 2800)
    book = Book.read(ch, amm, vault, carol, eth)
    assert book.notional() < wad(500) and 2 * book.value() >= book.mm() > book.value()
    _, quote, fee, penalty = book.close_long(book.size)
    before = balances(vault, keeper, stack.insurance_fund)
    tx = ch.liquidate(carol, eth, sender=keeper)
    e = list(tx.decode_logs(ch.PositionLiquidated))[0]
    assert (e.liquidatedSize, e.liquidatedNotional, e.penalty) == (book.size, quote, penalty)
    assert int(ch.getPosition(carol, eth).size) == 0
    assert ch.getAccountMarkets(carol) == []
    after = balances(vault, keeper, stack.insurance_fund)
    to_liq = penalty * LIQ_SHARE // R
    assert after[0] - before[0] == to_liq
    assert after[1] - before[1] == penalty - to_liq + ratio_up(fee, INS_SHARE)


def test_full_liquidation_below_half_mmr(ch, amm, vault, eth, bob, keeper, levered_bob, move_index):
    move_index("vETH", 2760)
    book = Book.read(ch, amm, vault, bob, eth)
    assert 0 < 2 * book.value() < book.mm() and book.notional() > wad(500)
    _, quote, _, penalty = book.close_long(book.size)
    tx = ch.liquidate(bob, eth, sender=keeper)
    e = list(tx.decode_logs(ch.PositionLiquidated))[0]
    assert (e.liquidatedSize, e.liquidatedNotional, e.penalty) == (book.size, quote, penalty)
    assert ch.getAccountMarkets(bob) == []


def crash(whale: Any, steps: int = 6) -> None:
    """Pushes the vETH mark down ~2% per block (within the fluctuation limit)."""
    for _ in range(steps):
        whale.short_base("vETH", 100)


def test_under_water_penalty_all_to_liquidator(
    stack, ch, amm, vault, eth, bob, carol, keeper, funded, levered_bob, move_index
):
    # under water at the index itself (a liquidation of a solvent account would stop at its
    # bankruptcy size instead: tests/test_solvency.py)
    move_index("vETH", 2650)
    crash(funded(carol, 200_000))
    assert int(amm.getMarkPrice(eth)) < wad(2700)
    book = Book.read(ch, amm, vault, bob, eth)
    assert book.value() < 0
    closed, quote, fee, penalty = book.close_long(book.size)
    assert closed.collateral + penalty < 0  # under water even before the penalty
    fund = stack.insurance_fund
    before = balances(vault, keeper, fund)
    tx = ch.liquidate(bob, eth, sender=keeper)
    e = list(tx.decode_logs(ch.PositionLiquidated))[0]
    assert (e.liquidatedSize, e.liquidatedNotional, e.penalty) == (book.size, quote, penalty)
    after = balances(vault, keeper, fund)
    assert after[0] - before[0] == penalty  # the whole penalty
    debt = -closed.collateral
    # the fund gets its fee share and covers the debt (penalty included); bob ends at zero
    assert after[1] - before[1] == ratio_up(fee, INS_SHARE) - debt
    assert int(vault.balanceOf(bob)) == 0
    bd = list(tx.decode_logs(ch.BadDebtCovered))
    assert len(bd) == 1
    assert (bd[0].trader, bd[0].debt, bd[0].coveredByInsurance, bd[0].socialized) == (
        bob.address,
        debt,
        debt,
        0,
    )


# ====================================================================== paused / stale index


def test_liquidation_while_paused_and_index_stale(
    chain, owner, ch, amm, oracle, vault, eth, alice, bob, keeper, funded
):
    b = funded(bob, 10_000)
    b.long_quote("vETH", 95_000)
    a = funded(alice, 150_000)
    for _ in range(3):  # push the mark ~6% down, one block at a time (fluctuation limit)
        a.short_base("vETH", 100)
    mark = int(amm.getMarkPrice(eth))
    assert mark < wad(2850)
    ch.setPaused("0x" + "00" * 20, True, sender=owner)
    chain.mine(deltatime=3901)  # both feeds stale; the 15-minute mark TWAP is the mark
    # the liquidation runs in the same second as the views below (the TWAP window moves with
    # time: one second later it can value the account differently; issue 15's flaky run)
    chain.pending_timestamp = chain.blocks.head.timestamp
    assert int(oracle.getIndexPrice(eth).source) == 0
    assert tuple(ch.getValuationPrice(eth)) == (int(amm.getMarkTwap(eth, 900)), False)
    twap = int(amm.getMarkTwap(eth, 900))
    assert abs(twap - mark) * 1000 < mark  # ~ the mark (the window reaches back to the last observation)
    assert ch.isLiquidatable(bob)
    book = Book.read(ch, amm, vault, bob, eth)
    assert book.price == twap
    close = book.planned_close()
    after, quote, _, penalty = book.close_long(close)
    tx = ch.liquidate(bob, eth, sender=keeper)
    e = list(tx.decode_logs(ch.PositionLiquidated))[0]
    assert (e.liquidatedSize, e.liquidatedNotional, e.penalty) == (close, quote, penalty)
    assert int(ch.getPosition(bob, eth).size) == after.size
    # valued at the TWAP read before the trade (the TWAP window still holds the old mark)
    assert after.value() >= after.mm() or after.size == 0


# ====================================================================== cross margin


def test_cross_margin_liquidation(stack, ch, amm, vault, eth, btc, bob, keeper, funded, move_index):
    """BTC losses make the account liquidatable; the liquidator closes part of the (healthy,
    larger) ETH position, which brings the whole account back above maintenance."""
    b = funded(bob, 10_000)
    b.long_quote("vETH", 50_000)
    b.long_quote("vBTC", 45_000)
    assert not ch.isLiquidatable(bob)
    move_index("vBTC", 52_800)  # -12%
    value, _, mm, liq = ch.getAccountState(bob)
    assert liq and 2 * int(value) > int(mm)
    eth_before = int(ch.getPosition(bob, eth).size)
    btc_before = ch.getPosition(bob, btc)
    tx = ch.liquidate(bob, eth, sender=keeper)
    e = list(tx.decode_logs(ch.PositionLiquidated))[0]
    assert e.baseToken == eth.address and 0 < e.liquidatedSize < eth_before
    assert int(ch.getPosition(bob, eth).size) == eth_before - e.liquidatedSize
    assert ch.getPosition(bob, btc) == btc_before  # untouched
    value, _, mm, liq = ch.getAccountState(bob)
    assert not liq and int(value) >= int(mm)
    # the account's value counts both markets
    total = int(vault.balanceOf(bob))
    for base in (eth, btc):
        p = ch.getPosition(bob, base)
        price, _ = ch.getValuationPrice(base)
        total += int(p.size) * int(price) // ONE - int(p.openNotional)
    assert int(value) == total
    # and the liquidated account is no longer liquidatable in either market
    with reverts(ch.NotLiquidatable, trader=bob, accountValue=int(value), maintenanceRequirement=int(mm)):
        ch.liquidate(bob, btc, sender=keeper)


# ====================================================================== boundaries (issue 15)


@pytest.mark.parametrize("gap", [-1, 0, 1], ids=["one-wei-below", "equal", "one-wei-above"])
def test_liquidatable_boundary_to_the_wei(chain, ch, amm, vault, eth, carol, keeper, funded, move_index, gap):
    """Issue 15's surviving mutant (LiquidationLogic's `value >= maintenance` -> NotLiquidatable
    turned into `value > maintenance`): an account is liquidatable when its value is below the
    maintenance requirement, strictly (PROTOCOL.md section 5). carol's opening quote (exact
    input, found on the reference curve) puts her account value at index 2850 one wei below the
    requirement, exactly on it, and one wei above it."""
    deposit, price = 1_000, wad(2850)
    c0 = curve_of(amm, eth)

    def value_less_mm(q: int) -> int:  # value - maintenance at `price` after a long of quote q
        size = c0.base_out_for_quote_in(q)
        value = wad(deposit) - ratio_up(q, FEE) + size * price // ONE - q
        return value - ratio_up(cdiv(size * price, ONE), MMR)

    q = solve_exact(value_less_mm, gap, wad(9_000), -0.11)
    funded(carol, deposit).open("vETH", is_base_to_quote=False, is_exact_input=True, amount=q)
    assert int(ch.getPosition(carol, eth).size) == c0.base_out_for_quote_in(q)
    move_index("vETH", 2850)
    chain.pending_timestamp = chain.blocks.head.timestamp  # the liquidation sees these views' second
    value, _, mm, liq = ch.getAccountState(carol)
    assert int(value) - int(mm) == gap
    assert bool(liq) == bool(ch.isLiquidatable(carol)) == (gap < 0)
    if gap >= 0:
        with reverts(
            ch.NotLiquidatable, trader=carol, accountValue=int(value), maintenanceRequirement=int(mm)
        ):
            ch.liquidate(carol, eth, sender=keeper)
        return
    book = Book.read(ch, amm, vault, carol, eth)
    assert (book.value(), book.mm()) == (int(value), int(mm))
    close = book.planned_close()
    assert 0 < close < book.size  # one wei below: the smallest fraction, a partial liquidation
    after, quote, _, penalty = book.close_long(close)
    e = one(ch.liquidate(carol, eth, sender=keeper), ch.PositionLiquidated)
    assert (e.liquidatedSize, e.liquidatedNotional, e.penalty) == (close, quote, penalty)
    assert int(ch.getPosition(carol, eth).size) == after.size
    assert not ch.isLiquidatable(carol)


@pytest.mark.parametrize("gap", [0, -1], ids=["value-equals-penalty", "one-wei-short"])
def test_under_water_means_unable_to_pay_the_penalty(
    stack, ch, amm, vault, eth, bob, carol, keeper, funded, move_index, gap
):
    """Issue 15's surviving mutant (`value < penalty` -> `value < 0` in LiquidationLogic's
    penalty): an account that cannot pay the whole penalty after its close is under water even
    when what it has left is positive (PROTOCOL.md section 5). carol (50 USDC, a long below the
    full-liquidation threshold, solvent at the index) is closed whole after the mark fell ~9%;
    her opening quote (found on the reference curve) leaves her exactly the penalty after the
    close, or one wei less. Exactly the penalty: it is split with the fund as usual. One wei
    short: she pays what she has, all of it to the liquidator, and ends at zero: no bad debt."""
    deposit, steps = 50, 5
    c0 = curve_of(amm, eth)

    def after_close(q: int) -> tuple[int, int, int]:
        """(balance after the full close, its exchanged quote, size) for a long of quote q."""
        size = c0.base_out_for_quote_in(q)
        c = Curve(c0.x - size, c0.y + q)
        for _ in range(steps):  # crash(): the whale's shorts of 100 vETH
            c = c.swap(True, True, wad(100))[2]
        exit_quote = c.quote_out_for_base_in(size)
        left = wad(deposit) - ratio_up(q, FEE) + exit_quote - q - ratio_up(exit_quote, FEE)
        return left, exit_quote, size

    def left_less_penalty(q: int) -> int:
        left, exit_quote, _ = after_close(q)
        return left - ratio_up(exit_quote, PENALTY)

    q = solve_exact(left_less_penalty, gap, wad(420), -0.12)
    left, exit_quote, size = after_close(q)
    penalty = ratio_up(exit_quote, PENALTY)
    assert left == penalty + gap > 0
    funded(carol, deposit).open("vETH", is_base_to_quote=False, is_exact_input=True, amount=q)
    move_index("vETH", 2750)
    crash(funded(bob, 200_000), steps)
    book = Book.read(ch, amm, vault, carol, eth)
    assert book.size == size
    # solvent at the index (Chainlink's too), liquidatable, and closed whole (small notional)
    assert 0 <= book.value() < book.mm() and book.notional() < wad(500)
    fund = stack.insurance_fund
    before = balances(vault, keeper, fund)
    tx = ch.liquidate(carol, eth, sender=keeper)
    charged = penalty if gap == 0 else left
    e = one(tx, ch.PositionLiquidated)
    assert (e.liquidatedSize, e.liquidatedNotional, e.penalty) == (size, exit_quote, charged)
    to_liquidator = penalty * LIQ_SHARE // R if gap == 0 else charged
    after = balances(vault, keeper, fund)
    assert after[0] - before[0] == to_liquidator
    assert after[1] - before[1] == charged - to_liquidator + ratio_up(ratio_up(exit_quote, FEE), INS_SHARE)
    assert int(vault.balanceOf(carol)) == 0 and tuple(vault.rawBalance(carol)) == (0, 0)
    assert list(tx.decode_logs(ch.BadDebtCovered)) == []


@pytest.mark.parametrize("extra", [0, 1], ids=["remainder-at-the-minimum", "remainder-one-wei-below"])
def test_partial_liquidation_leaving_dust_closes_everything(
    ch, amm, vault, eth, owner, carol, keeper, funded, move_index, extra
):
    """Issue 15's surviving mutant (LiquidationLogic's full close of a position whose remainder
    would be dust, removed): a partial liquidation that would leave less than the minimum
    position notional closes the whole position (PROTOCOL.md section 4). carol: 100 USDC, long
    900 (above the full-liquidation threshold: the partial path). After she opened, governance
    sets the minimum notional to exactly the notional the planned partial close would leave (it
    stays: a partial close), then to one wei more (dust: everything is closed)."""
    funded(carol, 100).long_quote("vETH", 900)
    move_index("vETH", 2800)
    book = Book.read(ch, amm, vault, carol, eth)
    assert book.notional() >= wad(500) and book.mm() <= 2 * book.value() < 2 * book.mm()
    close = book.planned_close()
    assert 0 < close < book.size
    rest = (book.size - close) * book.price // ONE  # the remainder's notional, PerpMath.mulDown
    minimum = rest + extra
    ch.setGlobalParams(minimum, ch.fullLiquidationThreshold(), ch.liquidatorShare(), sender=owner)
    assert int(ch.minPositionNotional()) == minimum
    expected = close if extra == 0 else book.size
    assert book.planned_close(min_notional=minimum) == expected
    after, quote, _, penalty = book.close_long(expected)
    e = one(ch.liquidate(carol, eth, sender=keeper), ch.PositionLiquidated)
    assert (e.liquidatedSize, e.liquidatedNotional, e.penalty) == (expected, quote, penalty)
    pos = ch.getPosition(carol, eth)
    assert (int(pos.size), int(pos.openNotional)) == (after.size, after.open_notional)
    if extra == 0:
        assert after.size * book.price // ONE == minimum and after.value() >= after.mm()
        assert not ch.isLiquidatable(carol)
    else:
        assert after.size == 0 and ch.getAccountMarkets(carol) == []
