"""The crash replays' parts that need no chain (vperp.sim.replay): the account plan, the low
step, invariant 10's checker, the table and the plot. The replays themselves:
tests/integration/test_crash_replay.py."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from types import SimpleNamespace

import pytest

from vperp.sim import invariants
from vperp.sim.replay.cohorts import DEFAULT_ACCOUNTS, LEVERAGES, NOTIONALS, low_step, plan_accounts
from vperp.sim.replay.plots import plot_window
from vperp.sim.replay.report import readme_block, table
from vperp.sim.replay.windows import WINDOWS, oracle_steps


def test_plan_spreads_leverages_sides_and_notionals():
    plan = plan_accounts(DEFAULT_ACCOUNTS)
    assert len(plan) >= 300
    per_leverage = Counter(p.leverage for p in plan)
    assert set(per_leverage) == set(LEVERAGES) and min(per_leverage.values()) == 34
    assert min(LEVERAGES) == 2 and max(LEVERAGES) >= Decimal("9.5")
    assert sum(p.is_long for p in plan) == sum(not p.is_long for p in plan) == DEFAULT_ACCOUNTS // 2
    for lev in LEVERAGES:
        for is_long in (True, False):
            assert {p.notional for p in plan if p.leverage == lev and p.is_long == is_long} == set(NOTIONALS)
    with pytest.raises(ValueError):
        plan_accounts(2 * len(LEVERAGES) - 1)


@pytest.mark.parametrize("name", list(WINDOWS))
def test_shorts_open_at_the_low_and_the_window_bounces(name):
    steps = oracle_steps(WINDOWS[name])
    i = low_step(steps)
    assert steps[i].price == min(s.price for s in steps)
    assert 0 < i < len(steps) - 1
    # a bounce after the low that a 9.5x short cannot take (its margin is ~10.5% of the notional)
    assert max(s.price for s in steps[i:]) / steps[i].price > Decimal("1.09")


def _deployment(deficit: int) -> SimpleNamespace:
    return SimpleNamespace(clearing_house=SimpleNamespace(protocolDeficit=lambda: deficit))


def test_invariant_10_checker_fails_on_any_unaccounted_loss():
    t = invariants.BadDebtTotals()
    t.add(debt=100, covered=60, socialized=30, deficit=10)
    invariants.bad_debt_accounted(_deployment(10), t)
    with pytest.raises(invariants.InvariantViolation, match="inv10: protocolDeficit"):
        invariants.bad_debt_accounted(_deployment(9), t)
    t.repaid = 10
    invariants.bad_debt_accounted(_deployment(0), t)
    t.add(debt=5, covered=4, socialized=0, deficit=0)  # 1 wei neither covered nor socialised
    with pytest.raises(invariants.InvariantViolation, match="inv10: bad debt"):
        invariants.bad_debt_accounted(_deployment(0), t)


def _summary(window: str, bad_debt: float) -> dict:
    n = 4
    return {
        "window": window,
        "description": "test",
        "steps": n,
        "traders": 18,
        "longs": 9,
        "shorts": 9,
        "short_open_utc": "2022-06-18 20:00:00",
        "liquidation_calls": 3,
        "liquidations_long": 2,
        "liquidations_short": 1,
        "accounts_liquidated_long": 2,
        "accounts_liquidated_short": 1,
        "bad_debt_total": bad_debt,
        "bad_debt_covered_by_insurance": bad_debt,
        "bad_debt_socialized": 0.0,
        "insurance_fund_start": 50_000.0,
        "insurance_fund_end": 50_100.0,
        "anvil_peak_rss_mb": 120.4,
        "python_peak_rss_mb": 210.0,
        "wall_time_s": 12.3,
        "transactions": 100,
        "keeper_transactions": 2,
        "max_liquidations_in_one_transaction": 2,
        "max_steps_liquidatable": 1,
        "series": {
            "time": [1655582400 + 3600 * k for k in range(n)],
            "index": [1000.0, 900.0, 950.0, 1000.0],
            "mark": [1000.0, 900.5, 950.0, 999.0],
            "liquidations_long": [0, 2, 0, 0],
            "liquidations_short": [0, 0, 1, 0],
            "insurance_fund": [50_000.0, 50_050.0, 50_100.0, 50_100.0],
            "bad_debt": [0.0, 0.0, bad_debt, bad_debt],
            "covered_by_insurance": [0.0, 0.0, bad_debt, bad_debt],
            "socialized": [0.0] * n,
            "deficit": [0.0] * n,
        },
    }


def test_table_and_readme_block():
    rows = [_summary("2022-06", 12.5), _summary("2023-08-17", 0.0)]
    text = table(rows)
    assert text.count("\n") == 3
    assert "| 2022-06 | 4 | 18 (9 / 9) | 2 / 1 | 2 / 1 | 2 (2) | 12.50 |" in text
    assert "| 1 (none) | 120 / 210 | 12 |" in text
    block = readme_block(rows)
    assert "![2023-08-17](reports/replays/2023-08-17.png)" in block
    assert "peak RSS 120 MB for the Anvil" in block


@pytest.mark.parametrize("bad_debt", [0.0, 12.5])
def test_plot_is_a_png(tmp_path, bad_debt):
    path = plot_window(_summary("2022-06", bad_debt), tmp_path / "p.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
