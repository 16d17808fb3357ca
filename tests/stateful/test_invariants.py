"""Stateful property tests of PROTOCOL.md section 7's invariants (hypothesis state machines).

Three machines, each run alone by its own test with its own settings; every example starts from
the fresh session deployment (chain snapshot in the machine's __init__, restore in teardown) with
wallets funded beforehand. Random sequences of actions by four traders and a liquidator (plus
LPs in the pool machine); the invariants are checked after every step through the shared
checkers of vperp/sim/invariants.py:

1. TradingMachine: deposits, withdrawals (invariant 5), opens in all four modes, reduces, flips,
   closes; invariants 1 and 2 after each step, invariant 8 after closing everything at the end.
2. RiskMachine: adds index moves and time, oracle outages, leveraged opens, arbitrage towards
   the index, crashes (the index moves against a position, an arbitrageur drags the mark after
   it), liquidations (invariant 3 after each), bad debt with the insurance fund drained on
   demand: BadDebtCovered must account for every account left flat with negative collateral
   (tests/stateful/machine.py, check_bad_debt_events). test_risk_crash_replay replays one
   such crash with socialised losses step by step.
3. FundingPoolMachine: adds funding epochs and settlements (invariant 4), LP deposits and
   withdrawals, k adjustments and repegs (invariant 6), invariant 8 when no curve change happened.

Every revert must be one of the errors the action may meet (tests/utils/reverts.py). Each
test also asserts that its machine exercised the paths it claims to test (counts printed with -s).
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Collection
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import initialize, invariant, precondition, rule, run_state_machine_as_test

from stateful.machine import (
    Env,
    FixedDraws,
    InvariantViolation,
    ProtocolMachine,
    check_bad_debt_events,
    machine_settings,
    negative_flat_accounts,
)
from utils.actions import prepare_wallets
from utils.constants import MARKETS, ONE, SCALE
from utils.reverts import OPEN_ERRORS, Protocol, Reverted
from vperp.sim.invariants import after_liquidation, check_all, socialisation_dust, solvency, zero_sum_exposure

N_TRADERS = 4
WALLET_USDC = 10_000_000 * 10**6


def explore_settings(examples: int, steps: int) -> settings:
    """Fixed, derandomised runs for CI. For a bug hunt: INVARIANTS_EXPLORE=N runs N times the
    examples with random seeds (e.g. INVARIANTS_EXPLORE=10 ape test tests/stateful/test_invariants.py)."""
    explore = int(os.environ.get("INVARIANTS_EXPLORE", "0"))
    return machine_settings(examples * max(explore, 1), steps, randomise=bool(explore))


trader_ix = st.integers(0, N_TRADERS - 1)
market = st.sampled_from(MARKETS)
side = st.booleans()  # True: long
exact_input = st.booleans()
# % of the max leverage on the free collateral; 0: a 5 USD dust order; > 100: over the limit
leverage = st.sampled_from([0, 5, 30, 60, 90, 97, 110, 250])
withdraw_pct = st.sampled_from([10, 50, 90, 100, 101, 150])


@pytest.fixture(scope="module")
def env(stack, chain, owner, accounts) -> Env:
    traders = [accounts[i] for i in range(1, 1 + N_TRADERS)]
    liquidator = accounts[1 + N_TRADERS]
    lps = [owner, accounts[2 + N_TRADERS], accounts[3 + N_TRADERS]]
    return Env(Protocol(stack, chain, owner), traders, liquidator, lps, accounts[4 + N_TRADERS])


@pytest.fixture
def funded_env(env) -> Env:
    prepare_wallets(env.d, [*env.traders, *env.lps[1:], env.arbitrageur], WALLET_USDC)
    return env


# ====================================================================================== 1


class TradingMachine(ProtocolMachine):
    """Invariants 1, 2, 5 and 8 under random trading by four accounts."""

    stats: Counter = Counter()
    positions: list[tuple[int, str]]

    def __init__(self) -> None:
        super().__init__()
        self.positions = []

    def trader(self, i: int) -> Any:
        return self.env.traders[i]

    def notional(self, trader: Any, lev_pct: int) -> int:
        """Notional (18 decimals) of lev_pct% of the max leverage on the free collateral (0: dust)."""
        if lev_pct == 0:
            return 5 * ONE  # below the 10 USD minimum
        free = self.free_collateral(trader)
        if free <= 0:
            return 100 * ONE
        return free * 10 * lev_pct // 100

    def count(self, what: str, r: Any) -> None:
        self.stats[
            f"{what}:{r.name}"
            if isinstance(r, Reverted)
            else f"{what}:ok"
            if r is not None
            else f"{what}:skip"
        ] += 1

    @initialize(
        amounts=st.lists(st.sampled_from([0, 1_000, 10_000, 60_000]), min_size=N_TRADERS, max_size=N_TRADERS)
    )
    def fund_traders(self, amounts: list[int]) -> None:
        self.begin()
        for t, usd in zip(self.env.traders, amounts, strict=True):
            if usd:
                self.do_deposit(t, usd)

    @rule(i=trader_ix, usd=st.sampled_from([1_000, 20_000, 60_000]), pct=withdraw_pct, deposit=st.booleans())
    def move_collateral(self, i: int, usd: int, pct: int, deposit: bool) -> None:
        """Deposits `usd`, or withdraws pct% of the free collateral (over 100%: must revert)."""
        self.begin()
        t = self.trader(i)
        if deposit:
            self.count("deposit", self.do_deposit(t, usd))
        elif int(self.d.vault.balanceOf(t.address)) > 0:
            self.count("withdraw", self.do_withdraw(t, pct))

    @rule(i=trader_ix, sym=market, is_long=side, exact_in=exact_input, lev=leverage)
    def open(self, i: int, sym: str, is_long: bool, exact_in: bool, lev: int) -> None:
        self.begin()
        t = self.trader(i)
        self.count("open", self.do_open(t, sym, is_long, exact_in, self.notional(t, lev)))

    def pick_position(self, data: st.DataObject) -> tuple[Any, str]:
        i, sym = data.draw(st.sampled_from(self.positions), label="position")
        return self.trader(i), sym

    @precondition(lambda self: self.positions)
    @rule(data=st.data(), pct=st.sampled_from([1, 10, 50, 90, 99]))
    def reduce(self, data: st.DataObject, pct: int) -> None:
        self.begin()
        t, sym = self.pick_position(data)
        self.count("reduce", self.do_reduce(t, sym, pct))

    @precondition(lambda self: self.positions)
    @rule(data=st.data(), lev=st.sampled_from([0, 10, 50, 90, 200]))
    def flip(self, data: st.DataObject, lev: int) -> None:
        self.begin()
        t, sym = self.pick_position(data)
        self.count("flip", self.do_flip(t, sym, self.notional(t, lev)))

    @precondition(lambda self: self.positions)
    @rule(data=st.data())
    def close(self, data: st.DataObject) -> None:
        self.begin()
        t, sym = self.pick_position(data)
        self.count("close", self.do_close(t, sym))

    def refresh_positions(self) -> None:
        """(trader index, market) of the open positions, for the rules' preconditions."""
        self.positions = [
            (i, sym) for i, t in enumerate(self.env.traders) for sym in MARKETS if self.size(t, sym) != 0
        ]

    @invariant()
    def after_each_step(self) -> None:
        self.check_state()
        self.refresh()
        self.end()

    def check_state(self) -> None:
        zero_sum_exposure(self.d, self.accounts)  # invariant 1
        solvency(self.d, self.accounts)  # invariant 2

    def refresh(self) -> None:
        self.refresh_positions()

    def final_check(self) -> None:
        self.check_reserves_restored()  # invariant 8
        solvency(self.d, self.accounts)


def test_trading_machine(funded_env: Env) -> None:
    TradingMachine.env = funded_env
    TradingMachine.stats = Counter()
    run_state_machine_as_test(TradingMachine, settings=explore_settings(30, 16))
    s = TradingMachine.stats
    print("\ntrading:", dict(sorted(s.items())))
    # the machine must have exercised the paths it claims to test
    for key in (
        "open:ok",
        "reduce:ok",
        "flip:ok",
        "close:ok",
        "withdraw:ok",
        "withdraw:InsufficientFreeCollateral",
    ):
        assert s[key] > 0, key
    assert s["open:InsufficientMargin"] > 0 and s["open:DustPosition"] > 0


# ====================================================================================== 2


class RiskMachine(TradingMachine):
    """Adds index moves, liquidations (invariant 3) and bad debt, on top of invariants 1, 2, 4."""

    stats: Counter = Counter()

    def __init__(self) -> None:
        super().__init__()
        self.drained = False
        self.liquidatable: list[Any] = []
        self.social_dust = 0  # rounding kept by socialised losses (vperp.invariants.socialisation_dust)

    @initialize(
        books=st.lists(
            st.tuples(st.sampled_from([2_000, 10_000, 50_000]), market, side, st.integers(50, 99)),
            min_size=N_TRADERS,
            max_size=N_TRADERS,
        ),
        drain=st.booleans(),
    )
    def fund_traders(self, books: list[tuple[int, str, bool, int]], drain: bool) -> None:
        """Every trader deposits and opens a leveraged position (lev% of the 10x maximum); the
        insurance fund is emptied at the start of half the examples."""
        self.begin()
        if drain:
            self.drain_fund(100)
        for t, (usd, sym, is_long, lev) in zip(self.env.traders, books, strict=True):
            self.do_deposit(t, usd)
            self.count("open_levered", self.do_open(t, sym, is_long, True, self.notional(t, lev)))
        self.do_deposit(self.env.arbitrageur, 5_000_000)
        self.track(self.env.liquidator)

    @rule(i=trader_ix, sym=market, is_long=side, exact_in=exact_input, lev=st.integers(60, 99))
    def open_levered(self, i: int, sym: str, is_long: bool, exact_in: bool, lev: int) -> None:
        self.begin()
        t = self.trader(i)
        self.count("open_levered", self.do_open(t, sym, is_long, exact_in, self.notional(t, lev)))

    def move(self, sym: str, bp: int, dt: int) -> None:
        self.chain.pending_timestamp += dt
        self.refresh_stale_feeds()  # ends an oracle outage
        self.open_errors = OPEN_ERRORS
        self.set_price(sym, self.prices[sym] * (10_000 + bp) // 10_000)
        self.stats["move_index"] += 1

    @rule(
        sym=market,
        bp=st.sampled_from([-800, -500, -200, -50, 50, 200, 500, 800]),
        dt=st.sampled_from([1, 300, 900]),
        sweep=st.booleans(),
    )
    def move_index(self, sym: str, bp: int, dt: int, sweep: bool) -> None:
        self.begin()
        self.move(sym, bp, dt)
        if sweep:
            self.sweep()

    def push_mark(self, trader: Any, sym: str, pct: int, max_move_pct: int = 2) -> Any:
        """`trader` trades the mark pct% of the way to the index, moving it at most max_move_pct%."""
        x, y = (int(v) for v in self.d.amm.getReserves(self.base(sym)))
        mark, index = y * ONE // x, self.prices[sym]
        target = mark + (index - mark) * pct // 100
        target = min(max(target, mark * (100 - max_move_pct) // 100), mark * (100 + max_move_pct) // 100)
        new_y = math.isqrt(x * y * target // ONE)
        quote = abs(new_y - y)
        if quote < 20 * ONE:
            return None
        return self.do_open(trader, sym, new_y > y, new_y > y, quote)

    @rule(i=trader_ix, sym=market, pct=st.integers(20, 100))
    def arbitrage(self, i: int, sym: str, pct: int) -> None:
        """A trader trades the mark towards the index."""
        self.begin()
        self.count("arbitrage", self.push_mark(self.trader(i), sym, pct))

    @precondition(lambda self: self.positions)
    @rule(data=st.data(), bp=st.sampled_from([400, 800]), legs=st.integers(1, 2), sweep=st.booleans())
    def crash(self, data: st.DataObject, bp: int, legs: int, sweep: bool) -> None:
        """A large adverse move on one position, in one or two legs: each leg moves the index bp
        against it, then a well-funded arbitrageur drags the mark after it for three blocks."""
        self.begin()
        t, sym = self.pick_position(data)
        down = self.size(t, sym) > 0
        for _ in range(legs):
            self.move(sym, -bp if down else bp, 60)
            for _ in range(3):
                self.count("crash_arbitrage", self.push_mark(self.env.arbitrageur, sym, 100, 2))
        self.stats["crash"] += 1
        if sweep:
            self.sweep()

    @rule(dt=st.sampled_from([4_000, 20_000]))
    def oracle_outage(self, dt: int) -> None:
        """Both feeds go stale (until the next index move): opening and increasing revert with
        IndexStale; reducing, closing and liquidating go on at the 15-minute mark TWAP."""
        self.begin()
        self.chain.pending_timestamp += dt
        self.chain.mine(1)
        self.open_errors = OPEN_ERRORS | {"IndexStale"}
        self.stats["oracle_outage"] += 1

    @precondition(lambda self: not self.drained)
    @rule(pct=st.sampled_from([60, 99, 100]))
    def drain_insurance(self, pct: int) -> None:
        self.begin()
        self.drain_fund(pct)

    def drain_fund(self, pct: int) -> None:
        """Losses take (most of) the insurance fund: later bad debt is socialised. (Governance's
        withdrawSurplus keeps a floor, so the fund is impersonated at Vault.withdrawSystem.)"""
        fund = self.d.insurance_fund
        amount = int(fund.balance()) * pct // 100 // SCALE
        if amount:
            self.proto.rpc.request("anvil_impersonateAccount", [fund.address])
            self.proto.rpc.request("anvil_setBalance", [fund.address, hex(10**18)])
            self.proto.send(self.d.vault, "withdrawSystem", self.proto.owner.address, amount, sender=fund)
            self.stats["drain_insurance"] += 1
        self.drained = True

    @precondition(lambda self: self.liquidatable)
    @rule(largest_first=st.booleans())
    def liquidate(self, largest_first: bool) -> None:
        self.begin()
        self.sweep(largest_first)

    def sweep(self, largest_first: bool = True) -> None:
        """The liquidator liquidates every liquidatable account, a position at a time, the
        largest or the smallest notional first (invariant 3 after each call)."""
        for t in self.env.traders:
            for _ in range(4):
                if not self.ch.isLiquidatable(t.address):
                    break
                open_ = sorted(
                    (abs(self.size(t, s)) * self.prices[s], s) for s in MARKETS if self.size(t, s) != 0
                )
                sym = open_[-1 if largest_first else 0][1]
                r = self.guarded(
                    t,
                    lambda t=t, sym=sym: self.proto.send(
                        self.ch,
                        "liquidate",
                        t.address,
                        self.base(sym),
                        sender=self.env.liquidator,
                        allowed={"LiquidationBeyondBankruptcy"},  # the curve is past its bankruptcy price
                    ),
                )
                if isinstance(r, Reverted):
                    self.stats["liquidation_beyond_bankruptcy"] += 1
                    break
                capped = any(e.event_name == "LiquidationCapped" for e in r.events)
                after_liquidation(self.d, t, self.base(sym), capped)  # invariant 3
                self.stats["liquidation_capped" if capped else "liquidation"] += 1

    @precondition(lambda self: self.positions)
    @rule(data=st.data())
    def close(self, data: st.DataObject) -> None:
        self.begin()
        t, sym = self.pick_position(data)
        self.count("close", self.guarded(t, lambda: self.do_close(t, sym)))

    @precondition(lambda self: self.positions)
    @rule(data=st.data(), pct=st.sampled_from([1, 10, 50, 90, 99]))
    def reduce(self, data: st.DataObject, pct: int) -> None:
        self.begin()
        t, sym = self.pick_position(data)
        self.count("reduce", self.guarded(t, lambda: self.do_reduce(t, sym, pct)))

    def guarded(self, trader: Any, action: Any) -> Any:
        """Runs an action that may leave `trader` flat, then checks the bad-debt events."""
        before = int(self.d.vault.balanceOf(trader.address))
        index = int(self.d.vault.collateralIndex())
        r = action()
        if r is None or isinstance(r, Reverted):
            return r
        for e in r.events:
            if e.event_name == "LossSocialized":
                self.social_dust += socialisation_dust(int(e.totalShares))
        if check_bad_debt_events(self.d, r, trader, before, index):
            self.stats["bad_debt"] += 1
            if int(self.d.vault.collateralIndex()) != index:
                self.stats["socialised"] += 1
        return r

    def check_state(self) -> None:
        check_all(self.d, self.accounts, self.social_dust)  # invariants 1, 2, 4
        bad = negative_flat_accounts(self.d, self.accounts)
        if bad:
            raise InvariantViolation(f"accounts with no position and negative collateral: {bad}")

    def refresh(self) -> None:
        self.refresh_positions()
        self.liquidatable = [t for t in self.env.traders if self.ch.isLiquidatable(t.address)]

    def final_check(self) -> None:
        for t in self.env.traders:
            for sym in MARKETS:
                if self.size(t, sym) != 0:
                    self.guarded(t, lambda t=t, sym=sym: self.do_close(t, sym))
        if negative_flat_accounts(self.d, self.accounts):
            raise InvariantViolation("negative collateral left after closing everything")
        check_all(self.d, self.accounts, self.social_dust)


def test_risk_machine(funded_env: Env) -> None:
    RiskMachine.env = funded_env
    RiskMachine.stats = Counter()
    run_state_machine_as_test(RiskMachine, settings=explore_settings(30, 16))
    s = RiskMachine.stats
    print("\nrisk:", dict(sorted(s.items())))
    # socialisation is rarer (bad debt with the fund drained): test_risk_crash_replay pins it down
    assert s["liquidation"] > 0 and s["bad_debt"] > 0, dict(s)


def test_risk_crash_replay(funded_env: Env) -> None:
    """A crash sequence the risk machine found, replayed step by step: a 6x BTC short is caught
    by two BTC rallies with the mark dragged along and the insurance fund drained; liquidations
    of accounts still solvent at the index stop at their bankruptcy size, and once the rally
    puts them under water at the index they leave bad debt that is socialised. Invariants after every step; the socialised
    losses' rounding is the dust vperp.invariants.socialisation_dust allows."""
    RiskMachine.env = funded_env
    RiskMachine.stats = Counter()
    m = RiskMachine()
    try:
        books = [(50_000, "vBTC", False, 61), (2_000, "vETH", True, 75), (10_000, "vBTC", False, 50)]
        m.fund_traders([*books, (2_000, "vBTC", False, 51)], drain=True)
        m.after_each_step()
        m.crash(FixedDraws((0, "vBTC")), bp=400, legs=1, sweep=False)
        m.after_each_step()
        m.arbitrage(2, "vETH", 84)
        m.after_each_step()
        m.arbitrage(1, "vBTC", 54)
        m.after_each_step()
        m.crash(FixedDraws((0, "vBTC")), bp=800, legs=2, sweep=False)
        m.after_each_step()
        # the rally goes on: the shorts whose liquidation stopped at their bankruptcy size (the
        # dragged mark was past it) are now under water at the index itself and are closed
        # out, leaving bad debt that the drained fund cannot cover
        m.move_index("vBTC", 800, 1, sweep=True)
        m.after_each_step()
        m.final_check()
    finally:
        m.chain.restore(m.snapshot)
    s = RiskMachine.stats
    print("\nrisk crash replay:", dict(sorted(s.items())))
    assert s["liquidation"] >= 2 and s["bad_debt"] >= 2 and s["socialised"] >= 2, dict(s)
    assert m.social_dust > 0


# ====================================================================================== 3


class FundingPoolMachine(TradingMachine):
    """Adds funding epochs (invariant 4), LP flows and k adjustments / repegs (invariant 6)."""

    stats: Counter = Counter()

    def __init__(self) -> None:
        super().__init__()
        self.curve_changed = False

    @initialize(
        books=st.lists(
            st.tuples(st.sampled_from([5_000, 20_000, 100_000]), market, side, st.integers(10, 90)),
            min_size=N_TRADERS,
            max_size=N_TRADERS,
        ),
        depth_target=st.booleans(),
    )
    def fund_traders(self, books: list[tuple[int, str, bool, int]], depth_target: bool) -> None:
        """Every trader deposits and opens a position (an open-interest imbalance for funding and
        a net position for k costs). With `depth_target`, vETH's depth follows the pool's value
        (quote reserve = 31x pool value, 3% deeper than now): LP flows then adjust k through the pool."""
        self.begin()
        for t, usd, sym, is_long, lev in ((t, *b) for t, b in zip(self.env.traders, books, strict=True)):
            self.do_deposit(t, usd)
            self.count("open", self.do_open(t, sym, is_long, True, self.notional(t, lev)))
        if depth_target:
            self.proto.send(
                self.d.liquidity_pool,
                "setDepthTarget",
                self.base("vETH"),
                30_000_000,
                sender=self.proto.owner,
            )
            self.stats["depth_target"] += 1
            self.pool_call(self.env.liquidator, "syncDepth", (), 0)

    @rule(dt=st.sampled_from([60, 900, 1800, 3600, 4000]))
    def pass_time(self, dt: int) -> None:
        self.begin()
        self.chain.pending_timestamp += dt
        self.refresh_stale_feeds()
        self.stats["pass_time"] += 1

    @rule(sym=market, bp=st.integers(-300, 300))
    def move_index(self, sym: str, bp: int) -> None:
        self.begin()
        self.set_price(sym, self.prices[sym] * (10_000 + bp) // 10_000)

    def funding_update(self, sym: str) -> None:
        """updateFundingRate: FundingTooEarly exactly when the interval has not passed."""
        base = self.base(sym)
        due = int(self.ch.lastFundingTime(base)) + int(self.ch.getMarket(base).fundingInterval)
        now = self.chain.pending_timestamp  # the transaction lands at now or a second or two later
        allowed = {"FundingTooEarly"} if now < due + 3 else ()
        r = self.proto.send(self.ch, "updateFundingRate", base, sender=self.env.liquidator, allowed=allowed)
        if not isinstance(r, Reverted) and now < due - 3:
            raise InvariantViolation(f"funding updated at {now}, before {due}")
        self.count("update_funding", r)

    @rule(sym=market)
    def update_funding(self, sym: str) -> None:
        self.begin()
        self.funding_update(sym)

    @rule(sym=market, dt=st.sampled_from([3600, 4000, 3 * 3600]))
    def funding_epoch(self, sym: str, dt: int) -> None:
        """Time passes by at least an interval, then the epoch closes."""
        self.begin()
        self.chain.pending_timestamp += dt
        self.refresh_stale_feeds()
        self.funding_update(sym)

    @precondition(lambda self: self.positions)
    @rule(data=st.data())
    def settle_funding(self, data: st.DataObject) -> None:
        self.begin()
        t, sym = self.pick_position(data)
        r = self.proto.send(self.ch, "settleFunding", t.address, self.base(sym), sender=self.env.liquidator)
        self.count("settle_funding", r)

    def lp(self, j: int) -> Any:
        return self.env.lps[j]

    def pool_call(
        self, sender: Any, method: str, args: tuple, assets: int, allowed: Collection[str] = ()
    ) -> Any:
        """A liquidity-pool call (LP deposit/withdrawal of `assets` USDC, signed, or syncDepth);
        when it re-targets k (depth sync), invariant 6 on it: the pool's balance moves by the
        assets minus the CurveMigrated costs, and the traders' net exit value by the costs."""
        pool, vault, amm = self.d.liquidity_pool, self.d.vault, self.d.amm
        v0 = {s: int(amm.netPositionValue(self.base(s))) for s in MARKETS}
        pool0 = int(vault.balanceOf(pool.address))
        r = self.proto.send(pool, method, *args, sender=sender, allowed=allowed)
        if isinstance(r, Reverted):
            return r
        costs = {s: 0 for s in MARKETS}
        for e in r.events:
            if e.event_name == "CurveMigrated":
                sym = next(s for s in MARKETS if self.base(s) == e.baseToken)
                costs[sym] += int(e.cost)
                self.curve_changed = True
                self.stats["depth_sync"] += 1
            elif e.event_name == "DepthSyncSkipped":
                self.stats["depth_sync_skipped"] += 1
        signed = assets * SCALE
        pool1 = int(vault.balanceOf(pool.address))
        if pool1 - pool0 != signed - sum(costs.values()):
            raise InvariantViolation(
                f"inv6 LP {method}: pool moved {pool1 - pool0}, assets {signed}, costs {costs}"
            )
        for s in MARKETS:
            v1 = int(amm.netPositionValue(self.base(s)))
            if v1 - v0[s] != costs[s]:
                raise InvariantViolation(
                    f"inv6 depth sync {s}: net exit value moved {v1 - v0[s]}, cost {costs[s]}"
                )
        return r

    @rule(j=st.integers(0, 2), usd=st.sampled_from([1_000, 50_000, 500_000]))
    def lp_deposit(self, j: int, usd: int) -> None:
        self.begin()
        lp = self.lp(j)
        if int(self.d.usdc.balanceOf(lp.address)) < usd * 10**6:
            return
        self.count("lp_deposit", self.pool_call(lp, "deposit", (usd * 10**6, lp.address), usd * 10**6))

    @rule(j=st.sampled_from([0, 0, 1, 2]), pct=st.sampled_from([1, 30, 90, 100]))
    def lp_withdraw(self, j: int, pct: int) -> None:
        """Withdraws pct% of the LP's claim; it must revert with UtilisationTooHigh exactly when
        the amount is over maxWithdraw (the deployer's seed makes the pool thin enough)."""
        self.begin()
        pool, lp = self.d.liquidity_pool, self.lp(j)
        claim = int(pool.previewRedeem(pool.balanceOf(lp.address)))
        assets = claim * pct // 100
        if assets == 0:
            return
        over = assets > int(pool.maxWithdraw(lp.address))
        allowed = {"UtilisationTooHigh"} if over else ()
        r = self.pool_call(lp, "withdraw", (assets, lp.address, lp.address), -assets, allowed)
        if over and not isinstance(r, Reverted):
            raise InvariantViolation(f"LP withdrew {assets} above maxWithdraw")
        self.count("lp_withdraw", r)

    def curve_op(self, sym: str, method: str, args: tuple, max_cost: int) -> None:
        """adjustK / repeg, invariant 6: the traders' net exit value moves by exactly the cost
        the pool is charged (CurveMigrated.cost); adjustK keeps the mark (to a wei)."""
        base = self.base(sym)
        amm, vault, pool = self.d.amm, self.d.vault, self.d.liquidity_pool.address
        mark0, v0, n0 = self.mark(sym), int(amm.netPositionValue(base)), int(amm.netBase(base))
        reserves0 = tuple(amm.getReserves(base))
        pool0 = int(vault.balanceOf(pool))
        r = self.proto.send(
            self.ch,
            method,
            base,
            *args,
            max_cost,
            sender=self.proto.owner,
            # governance bounds: k at most 2x per call, one costly change per market per hour
            allowed={"KCostExceedsBudget", "KChangeTooLarge", "CurveChangeTooSoon", "KBelowOpenInterest"},
        )
        if isinstance(r, Reverted) and r.name != "KCostExceedsBudget":
            self.stats[f"{method}:{r.name}"] += 1
            return
        if isinstance(r, Reverted):
            cost, budget = int(r.values["cost"]), int(r.values["budget"])
            if (
                abs(cost) <= budget
                or budget != min(max_cost, max(pool0, 0) // 100)  # at most 1% of the pool's balance
                or tuple(amm.getReserves(base)) != reserves0
            ):
                raise InvariantViolation(f"{method}: KCostExceedsBudget with cost {cost}, budget {budget}")
            self.stats[f"{method}:over_budget"] += 1
            return
        self.curve_changed = True
        (ev,) = [e for e in r.events if e.event_name == "CurveMigrated"]
        cost = int(ev.cost)
        v1, n1, pool1, mark1 = (
            int(amm.netPositionValue(base)),
            int(amm.netBase(base)),
            int(vault.balanceOf(pool)),
            self.mark(sym),
        )
        if n1 != n0:
            raise InvariantViolation(f"{method}: traders' net position moved {n0} -> {n1}")
        if v1 - v0 != cost:
            raise InvariantViolation(f"inv6 {method}: net exit value moved {v1 - v0}, cost charged {cost}")
        if pool1 - pool0 != -cost:
            raise InvariantViolation(f"inv6 {method}: pool balance moved {pool1 - pool0}, cost {cost}")
        if method == "adjustK" and abs(mark1 - mark0) > 1:
            raise InvariantViolation(f"inv6 adjustK moved the mark {mark0} -> {mark1}")
        if method == "repeg" and abs(mark1 - self.prices[sym]) > 1:
            raise InvariantViolation(f"repeg: mark {mark1} != index {self.prices[sym]}")
        self.stats[f"{method}:ok" + (":nonzero" if cost else "")] += 1

    @rule(sym=market, pct=st.sampled_from([50, 80, 97, 103, 125, 200]), tight=st.booleans())
    def adjust_k(self, sym: str, pct: int, tight: bool) -> None:
        self.begin()
        x, _y = (int(v) for v in self.d.amm.getReserves(self.base(sym)))
        self.curve_op(sym, "adjustK", (x * pct // 100,), 1 if tight else 2**255)

    @rule(sym=market, tight=st.booleans())
    def repeg(self, sym: str, tight: bool) -> None:
        self.begin()
        self.curve_op(sym, "repeg", (), 1 if tight else 2**255)

    def check_state(self) -> None:
        check_all(self.d, self.accounts)  # invariants 1, 2, 4

    def final_check(self) -> None:
        self.close_everything()
        check_all(self.d, self.accounts)
        if not self.curve_changed:
            self.check_reserves_restored()
            self.stats["reserves_restored"] += 1


def test_funding_pool_machine(funded_env: Env) -> None:
    FundingPoolMachine.env = funded_env
    FundingPoolMachine.stats = Counter()
    run_state_machine_as_test(FundingPoolMachine, settings=explore_settings(40, 16))
    s = FundingPoolMachine.stats
    print("\nfunding/pool:", dict(sorted(s.items())))
    for key in (
        "update_funding:ok",
        "settle_funding:ok",
        "depth_sync",
        "lp_withdraw:UtilisationTooHigh",
        "lp_deposit:ok",
        "lp_withdraw:ok",
        "adjustK:ok:nonzero",
        "repeg:ok:nonzero",
        "reserves_restored",
    ):
        assert s[key] > 0, key
