"""Priced k adjustment and repeg (PROTOCOL.md sections 5 and 9, ClearingHouse.adjustK / repeg,
VirtualAMM.adjustK / repeg / _cost).

A migration from curve (X, Y) to (X', Y') costs the liquidity pool V' - V, where V is the exit
value of the traders' net position N on a curve: V = Y - ceil(k / (X + N)) (for either sign of
N; X + N is the reference base reserve, where N would be zero). Positions are never touched.

Every expected value is recomputed here with vperp.sdk.curve (exact integers, the contract's rounding).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import ape
import pytest

from utils.checks import one
from utils.constants import FEE_RATIO, INSURANCE_SHARE, ONE
from utils.models import adjusted
from vperp.sdk.curve import Curve, Position, apply_trade, ceil_div, fee_split, trading_fee
from vperp.sdk.units import usdc, wad

BIG = 10**40  # a maxCost that never binds


def args(log) -> tuple:
    """An event's arguments in ABI order (ints as ints)."""
    return tuple(v if isinstance(v, str) else int(v) for v in log.event_arguments.values())


def repegged(c: Curve, price: int) -> Curve:
    """VirtualAMM.repeg: base reserve kept, quote reserve = X * price rounded down."""
    return Curve(c.x, c.x * price // ONE)


@dataclass
class Sim:
    """The exchange as the curve maths says it must be: curves, positions, realised PnL, fees."""

    stack: Any
    curves: dict[str, Curve] = field(default_factory=dict)
    positions: dict[tuple[str, str], Position] = field(default_factory=dict)
    realized: dict[str, int] = field(default_factory=dict)
    pool_fees: int = 0
    costs: list[int] = field(default_factory=list)
    k_growth: int = 0  # sum over trades of ceil(k'/ref) - ceil(k/ref): what traders leave in the curve
    trades: int = 0

    def __post_init__(self) -> None:
        for sym, m in self.stack.markets.items():
            x, y = (int(v) for v in self.stack.amm.getReserves(m.base_token))
            self.curves[sym] = Curve(x, y)

    def net(self, sym: str) -> int:
        return sum(p.size for (_, s), p in self.positions.items() if s == sym)

    def trade(self, client: Any, sym: str, kind: str, amount: Any = None) -> Any:
        """kind: long_quote, short_base, long_base, short_quote (plain amounts) or close."""
        who = client.account.address
        pos = self.positions.get((who, sym), Position())
        if kind == "close":
            is_b2q, exact_in, raw = (True, True, pos.size) if pos.size > 0 else (False, False, -pos.size)
            tx = client.close(sym)
        else:
            is_b2q, exact_in = {
                "long_quote": (False, True),
                "short_base": (True, True),
                "long_base": (False, False),
                "short_quote": (True, False),
            }[kind]
            raw = wad(amount)
            tx = getattr(client, kind)(sym, amount)
        c = self.curves[sym]
        ref = c.x + self.net(sym)
        base, quote, after = c.swap(is_b2q, exact_in, raw)
        self.k_growth += ceil_div(after.k, ref) - ceil_div(c.k, ref)
        self.curves[sym] = after
        ex_size, ex_notional = (-base, -quote) if is_b2q else (base, quote)
        new_pos, pnl = apply_trade(pos, ex_size, ex_notional)
        self.positions[(who, sym)] = new_pos
        self.realized[who] = self.realized.get(who, 0) + pnl
        fee = trading_fee(quote, FEE_RATIO)
        self.pool_fees += fee_split(fee, INSURANCE_SHARE)[1]
        self.trades += 1
        ev = one(tx, self.stack.clearing_house.PositionChanged)
        got = (ev.exchangedSize, ev.exchangedNotional, ev.fee, ev.openNotional, ev.realizedPnl, ev.markPrice)
        assert got == (ex_size, ex_notional, fee, new_pos.open_notional, pnl, after.mark)
        return tx

    def migrate(self, sym: str, new: Curve) -> int:
        old = self.curves[sym]
        n = self.net(sym)
        cost = new.net_position_value(n) - old.net_position_value(n)
        self.curves[sym] = new
        self.costs.append(cost)
        return cost


def positions_of(ch, traders, bases) -> list:
    return [tuple(ch.getPosition(t, b)) for t in traders for b in bases]


@pytest.fixture
def sim(stack):
    return Sim(stack)


# ------------------------------------------------------------------ adjustK


def test_adjust_k_keeps_mark_and_charges_the_exact_cost(
    stack, ch, amm, vault, eth, btc, owner, funded, alice, bob, sim, pool
):
    """Worked example: alice longs 30,000 USD of ETH: N = +9.99001 ETH, Y = 30,030,000,
    X = 9,990.00999; V = Y - k/(X + N) = 30,030,000 - 3e11/10,000 = 30,000 (her exit value,
    what she paid). Doubling k (X' = 2X, Y' = 2Y): V' = Y' N / (X' + N) = 60,060,000 * 9.99001
    / 19,990.01998 = 30,014.9925: the pool pays V' - V = 14.9925 USD (her exit is better on
    the deeper curve).
    Bob is net short on BTC: doubling k raises his exit value too (he buys back cheaper)."""
    a, b = funded(alice, 10_000), funded(bob, 10_000)
    sim.trade(a, "vETH", "long_quote", 30_000)
    sim.trade(b, "vBTC", "short_base", "0.2")
    traders, bases = [alice, bob], [eth, btc]
    before_positions = positions_of(ch, traders, bases)
    for sym, base in (("vETH", eth), ("vBTC", btc)):
        old = sim.curves[sym]
        new = adjusted(old, 2 * old.x)
        npv_before = int(amm.netPositionValue(base))
        net_before = int(amm.netBase(base))
        pool_before = int(vault.balanceOf(pool))
        tx = ch.adjustK(base, new.x, BIG, sender=owner)
        cost = sim.migrate(sym, new)
        assert cost > 0
        assert args(one(tx, amm.KAdjusted)) == (base.address, old.x, old.y, new.x, new.y, cost)
        assert args(one(tx, ch.CurveMigrated)) == (base.address, cost, False)
        assert int(amm.netPositionValue(base)) - npv_before == cost
        assert int(vault.balanceOf(pool)) - pool_before == -cost
        # mark unchanged up to the documented rounding (the quote reserve rounds up: never lower)
        mark = int(amm.getMarkPrice(base))
        assert old.mark <= mark <= old.mark + ONE // new.x + 1
        assert tuple(int(v) for v in amm.getReserves(base)) == (new.x, new.y)
        assert int(amm.netBase(base)) == net_before  # the traders' net position is unchanged
    assert sim.costs[0] == 14992503748125937028  # 14.9925 USD, as in the docstring
    assert positions_of(ch, traders, bases) == before_positions


def test_adjust_k_down_credits_the_pool(ch, amm, vault, eth, owner, funded, alice, sim, pool):
    """Halving k with a net long: V' < V, the cost is negative and the pool is credited."""
    sim.trade(funded(alice, 10_000), "vETH", "long_quote", 30_000)
    old = sim.curves["vETH"]
    new = adjusted(old, old.x // 2)
    pool_before = int(vault.balanceOf(pool))
    gain = -(new.net_position_value(sim.net("vETH")) - old.net_position_value(sim.net("vETH")))
    assert gain > 0
    # a gain is bounded as a cost is: paper value until the traders pay it (PROTOCOL.md section 5)
    with ape.reverts(ch.KCostExceedsBudget, baseToken=eth.address, cost=-gain, budget=gain - 1):
        ch.adjustK(eth, new.x, gain - 1, sender=owner)
    tx = ch.adjustK(eth, new.x, gain, sender=owner)  # exactly the budget is enough
    cost = sim.migrate("vETH", new)
    assert cost < 0 and one(tx, ch.CurveMigrated).cost == cost
    assert int(vault.balanceOf(pool)) - pool_before == -cost
    assert old.mark <= int(amm.getMarkPrice(eth)) <= old.mark + 1


def test_cost_over_budget_or_pool_balance_reverts(
    stack, chain, ch, amm, vault, eth, owner, funded, alice, sim, pool
):
    """KCostExceedsBudget(base, cost, budget) with budget = min(maxCost, 1% of the pool balance);
    k moves by at most 2x either way (KChangeTooLarge); a costly change at most once an hour per
    market (CurveChangeTooSoon)."""
    lp = stack.liquidity_pool
    lp.withdraw(usdc(950_000), owner, owner, sender=owner)  # leave 50,000 USDC in the pool
    sim.trade(funded(alice, 60_000), "vETH", "long_quote", 300_000)
    old = sim.curves["vETH"]
    pool_bal = int(vault.balanceOf(pool))
    assert pool_bal == wad(50_000) + sim.pool_fees
    cap = pool_bal * 10_000 // 10**6

    small = adjusted(old, old.x * 21 // 20)
    cost = small.net_position_value(sim.net("vETH")) - old.net_position_value(sim.net("vETH"))
    assert 0 < cost < cap and int(amm.migrationCost(eth, small.x, small.y)) == cost
    with ape.reverts(ch.KCostExceedsBudget, baseToken=eth.address, cost=cost, budget=cost - 1):
        ch.adjustK(eth, small.x, cost - 1, sender=owner)
    double = adjusted(old, 2 * old.x)
    big_cost = double.net_position_value(sim.net("vETH")) - old.net_position_value(sim.net("vETH"))
    assert big_cost > cap
    with ape.reverts(ch.KCostExceedsBudget, baseToken=eth.address, cost=big_cost, budget=cap):
        ch.adjustK(eth, double.x, BIG, sender=owner)
    for x in (old.x * 2 + 1, old.x // 2 - 1, 2**256 - 1, 0):
        with ape.reverts(ch.KChangeTooLarge, baseToken=eth.address, oldBaseReserve=old.x, newBaseReserve=x):
            ch.adjustK(eth, x, BIG, sender=owner)
    tx = ch.adjustK(eth, small.x, cost, sender=owner)  # exactly the budget is enough
    assert int(vault.balanceOf(pool)) == pool_bal - cost
    sim.migrate("vETH", small)
    again = adjusted(small, small.x * 21 // 20)
    next_time = chain.blocks[tx.block_number].timestamp + 3_600
    with ape.reverts(ch.CurveChangeTooSoon, baseToken=eth.address, nextChangeTime=next_time):
        ch.adjustK(eth, again.x, BIG, sender=owner)
    # a change that pays the pool is paced as a cost is
    shallower = adjusted(small, small.x * 19 // 20)
    with ape.reverts(ch.CurveChangeTooSoon, baseToken=eth.address, nextChangeTime=next_time):
        ch.adjustK(eth, shallower.x, BIG, sender=owner)
    chain.pending_timestamp = next_time
    assert int(ch.adjustK(eth, shallower.x, BIG, sender=owner).decode_logs(ch.CurveMigrated)[0].cost) < 0


def test_only_owner_or_pool(ch, eth, alice):
    with ape.reverts(ch.OwnableUnauthorizedAccount, account=alice.address):
        ch.adjustK(eth, wad(20_000), BIG, sender=alice)
    with ape.reverts(ch.OwnableUnauthorizedAccount, account=alice.address):
        ch.repeg(eth, BIG, sender=alice)


# ------------------------------------------------------------------ repeg


def test_repeg_moves_mark_to_index_and_charges_the_cost(
    chain, ch, amm, vault, eth, owner, funded, alice, set_price, sim, pool
):
    """Alice is long N = 9.99001 ETH on X = 9,990.00999 (exit value V = Y N / (X + N) = 30,000).
    The index moves to 3100: repeg keeps X and sets Y' = 3100 X = 30,969,030.97, the mark becomes
    3100 (to 1 wei); V' = Y' N / (X + N) = 30,938.09: the pool pays 938.09 USD. Then to 2950:
    Y'' = 29,470,529.47, V'' = 29,441.09: the pool gains 1,497.00 USD."""
    sim.trade(funded(alice, 10_000), "vETH", "long_quote", 30_000)
    before = tuple(ch.getPosition(alice, eth))
    for price in (3100, 2950):
        if price == 2950:
            chain.pending_timestamp += 3_600  # a gain is paced as a cost is: once an hour per market
        set_price("vETH", price)
        old = sim.curves["vETH"]
        new = repegged(old, wad(price))
        pool_before = int(vault.balanceOf(pool))
        tx = ch.repeg(eth, BIG, sender=owner)
        cost = sim.migrate("vETH", new)
        assert (cost > 0) == (wad(price) > old.mark)
        assert args(one(tx, amm.Repegged)) == (eth.address, old.mark, wad(price), old.x, new.y, cost)
        assert args(one(tx, ch.CurveMigrated)) == (eth.address, cost, True)
        assert int(vault.balanceOf(pool)) - pool_before == -cost
        mark = int(amm.getMarkPrice(eth))
        assert mark == new.mark and wad(price) - ONE // old.x - 1 <= mark <= wad(price)
    assert sim.costs == [938092876154814216662, -1497004494007491010340]
    assert tuple(ch.getPosition(alice, eth)) == before


def test_repeg_with_stale_index_reverts(chain, ch, eth, owner):
    chain.mine(timestamp=chain.pending_timestamp + 4_000)  # past Pyth's 60 s and Chainlink's 3900 s
    with ape.reverts(ch.IndexStale, baseToken=eth.address):
        ch.repeg(eth, BIG, sender=owner)


# ------------------------------------------------------------------ headline


def test_many_traders_k_up_k_down_repeg_then_close_all(
    stack, accounts, chain, ch, amm, vault, eth, btc, owner, funded, set_price, sim, pool
):
    """Ten traders, long and short, both markets; k up, a few trades, k down, repeg both markets,
    then everyone closes. Every trade's exchanged size, notional, fee, cost basis and realised PnL
    is the curve's (vperp.curve, exact); each migration's cost is V' - V; positions never change
    in a migration; and the books close:

        sum of realised PnL = sum of migration costs - what the trades left in the curve (k growth
                                                       from rounding: ceil(k'/ref) - ceil(k/ref))
        pool balance change = pool fee income - sum of migration costs   (no funding update)
    """
    extra = accounts.generate_test_account()
    chain.set_balance(extra.address, 10**21)
    traders = [funded(acc, 20_000) for acc in [*(accounts[i] for i in range(1, 10)), extra]]
    bases = {"vETH": eth, "vBTC": btc}
    pool_before, income_before = int(vault.balanceOf(pool)), int(vault.poolFeeIncome())
    t = traders
    opening = [
        (0, "vETH", "long_quote", 20_000),
        (0, "vBTC", "short_base", "0.2"),
        (1, "vETH", "short_base", 5),
        (2, "vETH", "long_base", 3),
        (2, "vBTC", "long_quote", 15_000),
        (3, "vETH", "short_quote", 12_000),
        (4, "vETH", "long_quote", 8_000),
        (4, "vBTC", "short_quote", 9_000),
        (5, "vBTC", "long_quote", 30_000),
        (6, "vBTC", "short_base", "0.3"),
        (6, "vETH", "long_quote", 5_000),
        (7, "vBTC", "long_base", "0.1"),
        (8, "vETH", "short_quote", 25_000),
        (9, "vETH", "long_quote", 40_000),
        (9, "vBTC", "long_quote", 10_000),
    ]
    for i, sym, kind, amount in opening:
        sim.trade(t[i], sym, kind, amount)

    def migrate_all(step: str) -> None:
        snapshot = positions_of(ch, [c.account for c in t], bases.values())
        for sym, base in bases.items():
            old = sim.curves[sym]
            if step == "repeg":
                tx = ch.repeg(base, BIG, sender=owner)
                new = repegged(old, int(ch.getIndexPrice(base)))
            else:
                new = adjusted(old, old.x * 3 // 2 if step == "up" else old.x * 3 // 5)
                tx = ch.adjustK(base, new.x, BIG, sender=owner)
                assert old.mark <= int(amm.getMarkPrice(base)) <= old.mark + 1
            cost = sim.migrate(sym, new)
            assert one(tx, ch.CurveMigrated).cost == cost
            assert tuple(int(v) for v in amm.getReserves(base)) == (new.x, new.y)
        assert positions_of(ch, [c.account for c in t], bases.values()) == snapshot

    migrate_all("up")
    sim.trade(t[2], "vETH", "long_base", 2)  # increase
    sim.trade(t[5], "vBTC", "short_base", "0.1")  # reduce
    sim.trade(t[8], "vETH", "long_quote", 40_000)  # flip short -> long
    # a costly governance curve change at most once an hour per market (test_solvency.py)
    chain.pending_timestamp += 3_600
    set_price("vETH", 3_000)
    set_price("vBTC", 60_000)
    migrate_all("down")
    chain.pending_timestamp += 3_600
    set_price("vETH", 2950)
    set_price("vBTC", 61_000)
    migrate_all("repeg")
    for c in t:
        for sym in bases:
            if sim.positions.get((c.account.address, sym), Position()).size != 0:
                sim.trade(c, sym, "close")

    # everything is closed, on chain as in the simulation
    assert all(p.size == 0 for p in sim.positions.values())
    assert all(int(ch.getOpenInterest(b)[0]) == int(ch.getOpenInterest(b)[1]) == 0 for b in bases.values())
    # every trader's realised PnL is the curve's
    logs = list(ch.PositionChanged.range(chain.blocks.height + 1))
    by_trader: dict[str, int] = {}
    for ev in logs:
        by_trader[ev.trader] = by_trader.get(ev.trader, 0) + int(ev.realizedPnl)
    assert len(logs) == sim.trades
    assert by_trader == {k: v for k, v in sim.realized.items()}
    # the books close: traders' PnL is the migrations' cost less the rounding left in the curves
    costs = [int(ev.cost) for ev in ch.CurveMigrated.range(chain.blocks.height + 1)]
    assert costs == sim.costs and len(costs) == 6
    assert any(x > 0 for x in costs) and any(x < 0 for x in costs)
    assert sum(by_trader.values()) == sum(costs) - sim.k_growth
    assert 0 <= sim.k_growth <= sim.trades * 70_000  # below 1e-13 USD per trade
    # the pool paid exactly the reported costs
    fee_income = int(vault.poolFeeIncome()) - income_before
    assert fee_income == sim.pool_fees
    assert not list(ch.FundingIndexMoved.range(chain.blocks.height + 1))
    assert int(vault.balanceOf(pool)) - pool_before == fee_income - sum(costs)


def test_k_change_of_exactly_half_or_double_is_allowed(ch, eth, owner):
    """Issue 15's mutation run (`newBaseReserve < old / 2` -> `<=`, `> old * 2` -> `>=`): the
    owner's 2x bound is inclusive both ways. No open interest: the changes cost nothing."""
    x, _ = (int(v) for v in ch.getReserves(eth))
    ch.adjustK(eth, x // 2, 0, sender=owner)
    assert int(ch.getReserves(eth)[0]) == x // 2
    ch.adjustK(eth, x // 2 * 2, 0, sender=owner)
    assert int(ch.getReserves(eth)[0]) == x // 2 * 2
