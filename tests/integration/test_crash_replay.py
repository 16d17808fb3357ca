"""Crash replays on real ETH/USD oracle data (vperp.sim.replay, data/SOURCES.md).

Each test runs one window exactly as `make replays` does (vperp.sim.replay.batch.run_one): its
own Anvil without step tracing, `ape run replay` attached to it, the Anvil's peak memory read
before it stops, the summary JSON and the plot written. The keeper is the bot runner's
KeeperStrategy in LiquidationBatcher batches, least margin first (`--batch 100 --order margin`).
The engine raises as soon as a check fails after a step (an account still liquidatable after the
keeper's pass other than one the core refuses, LiquidationBeyondBankruptcy; invariants 1/2/4 via
check_all and 10 via bad_debt_accounted after every step; invariant 3 after each liquidation; a
bad debt neither covered, socialised nor recorded as deficit), so the script fails; the test then
asserts the summary.

Size: the test command runs one window (2022-06, hourly closes with a 50% crash and its bounce) at
TEST_ACCOUNTS accounts, to keep the suite within its budget. VPERP_REPLAY_FULL=1 runs all
five windows at the full 306 accounts (what `make replays` commits, about 1 min a window);
VPERP_WRITE_REPORTS=1 writes into reports/replays/ instead of a temporary folder.
"""

from __future__ import annotations

import os

import pytest

from vperp.sim.replay.batch import REPORTS, run_one
from vperp.sim.replay.cohorts import DEFAULT_ACCOUNTS, LEVERAGES
from vperp.sim.replay.keeper import BATCH
from vperp.sim.replay.windows import WINDOWS, oracle_steps

FULL = os.environ.get("VPERP_REPLAY_FULL") == "1"
TEST_ACCOUNTS = 36  # 4 per leverage: 18 long, 18 short
ACCOUNTS = DEFAULT_ACCOUNTS if FULL else TEST_ACCOUNTS
RUN_WINDOWS = list(WINDOWS) if FULL else ["2022-06"]
MEMORY_GOAL_MB = 1024


@pytest.mark.parametrize("window", RUN_WINDOWS)
def test_crash_replay(window, tmp_path):
    out = REPORTS if os.environ.get("VPERP_WRITE_REPORTS") == "1" else tmp_path / "out"
    s = run_one(window, ACCOUNTS, out, tmp_path)
    print(f"\n== crash replay {window}\n" + "\n".join(f"{k:>40}: {v}" for k, v in s.items() if k != "series"))

    steps = oracle_steps(WINDOWS[window])
    assert s["steps"] == len(steps)
    assert s["index_min"] == float(min(x.price for x in steps))
    assert s["traders"] == ACCOUNTS
    assert s["longs"] == s["shorts"] == ACCOUNTS // 2
    # the shorts opened at the lowest index
    assert s["short_open_price"] == s["index_min"]

    # checked after every step and every liquidation (the engine raises otherwise)
    assert s["invariant_checks"] == s["steps"]
    assert s["invariant3_checks"] == s["liquidation_calls"]
    # after each keeper pass only accounts held by the core's bankruptcy cap may be left
    # liquidatable (the engine raises otherwise); each run of more than one step is listed
    held = s["held_by_bankruptcy_cap"]
    assert all(h["steps"] >= 2 for h in held)
    assert s["max_steps_liquidatable"] <= max([1, *(h["steps"] for h in held)])
    assert len(held) <= s["liquidations_capped"] + s["liquidations_deferred"]
    # each account left liquidatable after a pass: solvent at the anchor (value 0 after a capped
    # liquidation, never under water), and the core refuses to close any of it; the keeper's
    # next round had tried it (its batch dry run dropped it)
    left = s["left_after_pass"]
    assert len(left) == s["liquidatable_left_after_any_step"]
    assert all(x["liquidation_now"] == "LiquidationBeyondBankruptcy" for x in left)
    assert all(0 <= x["anchored_value"] < x["maintenance"] for x in left)
    assert s["keeper_dropped_targets"] >= len(left)
    assert len(s["capped_liquidations"]) == s["liquidations_capped"]
    # none stays liquidatable for more than one step (the keeper's margin order: no account meets
    # a curve the batch's earlier liquidations moved; vperp.bots.keeper.by_margin)
    assert s["max_steps_liquidatable"] <= 1
    assert held == []

    # liquidations on both sides: the longs in the crash, the shorts on the bounce from the low
    assert s["liquidation_calls"] == s["liquidations_long"] + s["liquidations_short"]
    assert s["liquidation_calls"] == s["partial_liquidations"] + s["full_liquidations"]
    assert s["liquidations_long"] >= 1
    assert s["liquidations_short"] >= 1
    assert s["shorts_liquidated_after_low"] == s["liquidations_short"]
    by_lev = s["liquidated_by_leverage"]
    high = [f"{lev}x" for lev in LEVERAGES if lev >= 5]
    assert sum(by_lev[k]["long"] for k in high) >= 1
    assert sum(by_lev[k]["short"] for k in high) >= 1
    assert s["accounts_liquidated_long"] + s["accounts_liquidated_short"] == s["accounts_liquidated"]
    # the keeper bot liquidates in LiquidationBatcher batches: several liquidations in one
    # transaction, each recorded (liquidator: the batcher), none skipped on chain (each batch is
    # dry-run first and its doomed targets dropped), the liquidator's penalty shares passed on
    # to the keeper less USDC rounding (< 1e-6 USD a batch)
    assert s["keeper_batch"] == BATCH
    assert s["max_liquidations_in_one_step"] >= 2
    assert s["max_liquidations_in_one_transaction"] >= 2
    assert 1 <= s["keeper_transactions"] < s["liquidation_calls"]
    assert s["liquidations_skipped"] == {}
    assert s["keeper_doomed_calls"] == 0
    assert 0 <= s["penalties_to_liquidator"] - s["keeper_reward"] <= s["keeper_transactions"] * 1e-6 + 1e-6
    assert s["keeper_rounds"] >= s["steps"]

    # every loss covered by the insurance fund, socialised (LossSocialized) or recorded as deficit
    assert s["unaccounted_loss"] == 0
    assert s["bad_debt_total"] == pytest.approx(
        s["bad_debt_covered_by_insurance"] + s["bad_debt_socialized"] + s["bad_debt_deficit"], abs=1e-5
    )
    if s["bad_debt_socialized"] > 0:
        assert s["loss_socialized_events"] >= 1
    else:
        assert s["insurance_fund_end"] > 0
    assert s["penalties_total"] == pytest.approx(
        s["penalties_to_liquidator"] + s["penalties_to_insurance_fund"], abs=1e-5
    )
    assert s["penalties_to_liquidator"] > 0
    # the arbitrageur kept the mark on the index (within its 0.1% tolerance) after each step
    assert s["max_mark_index_gap_after_arb"] <= 0.0011
    assert s["funding_updates"] >= 1

    # the series the plots draw, one value per step, adding up to the totals
    ser = s["series"]
    assert all(len(v) == s["steps"] for v in ser.values())
    assert sum(ser["liquidations_long"]) == s["liquidations_long"]
    assert sum(ser["liquidations_short"]) == s["liquidations_short"]
    assert ser["bad_debt"][-1] == pytest.approx(s["bad_debt_total"], abs=1e-5)
    assert ser["insurance_fund"][-1] == pytest.approx(s["insurance_fund_end"], abs=1e-5)
    png = out / f"{window}.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # memory: an Anvil without step tracing, measured
    assert "--steps-tracing" not in s["anvil_command"]
    assert 0 < s["anvil_peak_rss_mb"] < MEMORY_GOAL_MB
    assert 0 < s["python_peak_rss_mb"] < MEMORY_GOAL_MB
