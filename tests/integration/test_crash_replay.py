"""Crash replays on real ETH/USD oracle data (vperp.sim.replay, data/SOURCES.md).

Each window runs on its own fresh deployment (vETH only, curve and feeds started at the series'
first price) with 54 traders at 2x..9.7x long and short, an arbitrageur that keeps the mark on
the index, a funding keeper and a liquidator. The engine raises as soon as a check fails after a
step (account still liquidatable after the liquidation pass, invariants 1/2/4 via check_all,
invariant 3 after each liquidation, a bad debt neither covered nor socialised); the test then
asserts the summary. Summaries are printed (run with -s) and written as JSON to a temporary
folder, or to reports/replays/ with VPERP_WRITE_REPORTS=1 (how the committed ones were made).

Index: the Chainlink series (hourly closes for 2022-06 and 2024-08, recorded rounds for
2023-08-17), every row of each file; Pyth is left stale so Chainlink is the index. The Binance
files only report the exchange low of the same window (the arbitrageur targets the index).
"""

from __future__ import annotations

import json
import os

import pytest

from vperp.chain.config import ROOT
from vperp.sim.replay.runner import LEVERAGES, run_window
from vperp.sim.replay.windows import WINDOWS, oracle_steps

REPORTS = ROOT / "reports" / "replays"


@pytest.mark.parametrize("window", ["2022-06", "2024-08", "2023-08-17"])
def test_crash_replay(project, chain, accounts, window, tmp_path):
    summary = run_window(project, chain, accounts[0], window)
    print(f"\n== crash replay {window}\n" + "\n".join(summary.lines()))
    out = REPORTS if os.environ.get("VPERP_WRITE_REPORTS") == "1" else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{window}.json").write_text(json.dumps(summary.to_dict(), indent=2) + "\n")

    steps = oracle_steps(WINDOWS[window])
    assert summary.steps == len(steps)
    assert summary.index_min == float(min(s.price for s in steps))
    assert summary.traders >= 50
    # checked after every step (the engine raises otherwise)
    assert summary.invariant_checks == summary.steps
    assert summary.liquidatable_left_after_any_step == 0
    # every loss covered by the insurance fund or socialised, never silent
    assert summary.unaccounted_loss == 0
    assert summary.bad_debt_total == pytest.approx(
        summary.bad_debt_covered_by_insurance + summary.bad_debt_socialized, abs=1e-5
    )
    if summary.bad_debt_socialized == 0:
        assert summary.insurance_fund_end > 0
    # the crash must liquidate someone, and among the 5x..10x accounts
    assert summary.liquidation_calls >= 1
    assert summary.liquidation_calls == summary.partial_liquidations + summary.full_liquidations
    high = [f"{lev}x" for lev in LEVERAGES if lev >= 5]
    by_lev = summary.liquidated_by_leverage
    assert sum(by_lev[k]["long"] + by_lev[k]["short"] for k in high) >= 1
    # penalties: the liquidator's and the insurance fund's shares add up to the total
    assert summary.penalties_total == pytest.approx(
        summary.penalties_to_liquidator + summary.penalties_to_insurance_fund, abs=1e-5
    )
    assert summary.penalties_to_liquidator > 0
    # the arbitrageur kept the mark on the index (within its 0.1% tolerance) after each step
    assert summary.max_mark_index_gap_after_arb <= 0.0011
