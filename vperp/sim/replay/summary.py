"""The result of one crash replay: what happened (liquidations, bad debt, the insurance fund, the
mark against the index), as written to reports/replays/<window>.json, with its step-by-step
series (`Series`, what the plots draw) and the peak memory of the run."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from vperp.sdk.units import ONE

# amounts the engine sums in 18 decimals during the run and writes as USD at the end
RAW_AMOUNTS = (
    "penalties_total",
    "penalties_to_liquidator",
    "penalties_to_insurance_fund",
    "bad_debt_total",
    "bad_debt_covered_by_insurance",
    "bad_debt_socialized",
    "bad_debt_deficit",
    "unaccounted_loss",
    "keeper_reward",
)


@dataclass
class Series:
    """One value per step (after the step's liquidations): columns of equal length."""

    time: list[int] = field(default_factory=list)  # unix seconds of the data row
    index: list[float] = field(default_factory=list)  # USD
    mark: list[float] = field(default_factory=list)  # USD, after the arbitrage
    liquidations_long: list[int] = field(default_factory=list)  # liquidation calls this step
    liquidations_short: list[int] = field(default_factory=list)
    insurance_fund: list[float] = field(default_factory=list)  # USD, its balance in the ledger
    bad_debt: list[float] = field(default_factory=list)  # USD, cumulative
    covered_by_insurance: list[float] = field(default_factory=list)  # cumulative
    socialized: list[float] = field(default_factory=list)  # cumulative
    deficit: list[float] = field(default_factory=list)  # cumulative, recorded as protocol deficit


@dataclass
class ReplaySummary:
    window: str
    description: str
    source_file: str
    first_row_utc: str
    last_row_utc: str
    steps: int = 0
    traders: int = 0
    longs: int = 0  # opened at the first row
    shorts: int = 0  # opened at the step of the lowest index (short_open_utc)
    short_open_utc: str = ""
    short_open_price: float = 0.0
    leverages: list[str] = field(default_factory=list)
    liquidation_calls: int = 0
    liquidations_long: int = 0  # calls on long positions
    liquidations_short: int = 0
    accounts_liquidated_long: int = 0
    accounts_liquidated_short: int = 0
    shorts_liquidated_after_low: int = 0  # short liquidations at or after the low (the bounce)
    partial_liquidations: int = 0
    full_liquidations: int = 0
    accounts_liquidated: int = 0
    accounts_closed_out: int = 0
    max_liquidatable_accounts_in_one_step: int = 0
    max_liquidations_in_one_step: int = 0  # liquidations mined in one step (all its keeper rounds)
    keeper_batch: int = 0  # targets per LiquidationBatcher transaction at most (0: one liquidate each)
    keeper_transactions: int = 0  # the keeper's mined transactions (batches)
    max_liquidations_in_one_transaction: int = 0  # the largest batch mined
    keeper_rounds: int = 0  # the bot runner's rounds (each plans its batches of liquidations)
    max_keeper_rounds_in_one_step: int = 0
    keeper_doomed_calls: int = 0  # planned, simulated, not sent (the simulation reverted)
    keeper_dropped_targets: int = 0  # targets a batch's dry run would skip, left out of the batch
    liquidations_skipped: dict[str, int] = field(
        default_factory=dict
    )  # on chain (LiquidationSkipped), by error
    liquidatable_left_after_any_step: int = 0  # after a pass: only beyond-bankruptcy accounts
    # each account left liquidatable after a step's pass: its figures then (see runner._liquidate_all)
    left_after_pass: list[dict[str, Any]] = field(default_factory=list)
    max_steps_liquidatable: int = 0  # longest run of steps an account stayed liquidatable after the pass
    # runs of >= 2 steps: accounts the core capped at or refused beyond their bankruptcy size
    held_by_bankruptcy_cap: list[dict[str, Any]] = field(default_factory=list)
    # liquidations stopped at the account's bankruptcy size (LiquidationCapped) or refused
    # (LiquidationBeyondBankruptcy): such an account may stay liquidatable until the curve allows
    liquidations_capped: int = 0
    # each capped liquidation: its place in the keeper's batch, the mark it met, its value before
    capped_liquidations: list[dict[str, Any]] = field(default_factory=list)
    liquidations_deferred: int = 0
    penalties_total: float = 0.0
    penalties_to_liquidator: float = 0.0  # to the liquidator of the core's ledger (the batcher)
    keeper_reward: float = 0.0  # what the batches passed on to the keeper (BatchLiquidated, USDC)
    penalties_to_insurance_fund: float = 0.0
    bad_debt_events: int = 0
    bad_debt_total: float = 0.0
    bad_debt_covered_by_insurance: float = 0.0
    bad_debt_socialized: float = 0.0
    bad_debt_deficit: float = 0.0  # recorded as protocol deficit (0 unless both ran out)
    loss_socialized_events: int = 0
    unaccounted_loss: float = 0.0  # asserted 0
    liquidated_by_leverage: dict[str, dict[str, int]] = field(
        default_factory=dict
    )  # accounts, of N per leverage
    insurance_fund_start: float = 0.0
    insurance_fund_end: float = 0.0
    index_min: float = 0.0
    index_max: float = 0.0
    reference_low: float | None = None  # exchange low in the same window (report only)
    mark_min: float = 0.0
    mark_max: float = 0.0
    max_mark_index_gap_after_arb: float = 0.0  # |mark/index - 1| after each step's arbitrage
    arbitrage_trades: int = 0
    funding_updates: int = 0
    invariant_checks: int = 0  # steps after which invariants 1, 2, 4 and 10 were checked
    invariant3_checks: int = 0  # liquidations after which invariant 3 was checked
    transactions: int = 0
    max_time_lag_s: int = 0  # chain time behind the data's time offset (rounds seconds apart)
    wall_time_s: float = 0.0
    python_peak_rss_mb: float = 0.0  # the replaying process (Ape included)
    anvil_peak_rss_mb: float | None = None  # the node's VmHWM, written by vperp.sim.replay.batch
    anvil_command: str | None = None
    series: Series = field(default_factory=Series)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        return [f"{k:>40}: {v}" for k, v in self.to_dict().items() if k != "series"]


def usd(x: int) -> float:
    """18 decimals -> float USD, rounded to 6 places (the summary's amounts)."""
    return round(float(Decimal(x) / ONE), 6)


def utc(ts: int) -> str:
    """Unix seconds -> "YYYY-MM-DD HH:MM:SS" (UTC)."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%S")


def dump_json(summary: dict[str, Any]) -> str:
    """A summary as JSON: indented, each series column on one line (diff-friendly, compact)."""
    series = summary.get("series")
    if not series:
        return json.dumps(summary, indent=2) + "\n"
    columns = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v)}" for k, v in series.items())
    text = json.dumps({**summary, "series": "@series@"}, indent=2)
    return text.replace('"@series@"', "{\n" + columns + "\n  }") + "\n"
