"""The plots of one crash replay (matplotlib, PNG), from its summary's per-step series: four
panels over the window's time, one under the other:

1. the index (the replayed Chainlink series) and the mark after the arbitrage, with the step at
   which the short cohort opened;
2. liquidations per step, longs and shorts;
3. the insurance fund's balance;
4. bad debt (cumulative) and how it was covered: insurance fund, socialised, protocol deficit.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only, no display

import matplotlib.dates as mdates  # noqa: E402 (after the backend is chosen)
import matplotlib.pyplot as plt  # noqa: E402


def plot_window(summary: dict[str, Any], path: Path) -> Path:
    """Writes the four panels of `summary` (a ReplaySummary as a dict) to `path`."""
    ser = summary["series"]
    times = [datetime.fromtimestamp(t, UTC) for t in ser["time"]]
    fig, axes = plt.subplots(4, 1, figsize=(10, 11), sharex=True, gridspec_kw={"hspace": 0.12})
    price, liq, fund, debt = axes
    fig.suptitle(
        f"{summary['window']}: {summary['traders']} accounts ({summary['longs']} long, {summary['shorts']} short),"
        f" {summary['liquidation_calls']} liquidations",
        fontsize=11,
        y=0.91,
    )

    price.plot(times, ser["index"], label="index (Chainlink)", color="black", linewidth=1.2)
    price.plot(times, ser["mark"], label="mark (after arbitrage)", color="tab:orange", linewidth=0.8)
    opened = datetime.strptime(summary["short_open_utc"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    price.axvline(opened, color="tab:blue", linestyle=":", linewidth=1, label="shorts open (lowest index)")
    price.set_ylabel("ETH/USD")
    price.legend(loc="best", fontsize=8)

    width = _bar_width(times)
    liq.bar(times, ser["liquidations_long"], width=width, color="tab:red", label="long")
    liq.bar(
        times,
        ser["liquidations_short"],
        width=width,
        bottom=ser["liquidations_long"],
        color="tab:green",
        label="short",
    )
    liq.set_ylabel("liquidations / step")
    liq.legend(loc="upper left", fontsize=8)

    fund.plot(times, ser["insurance_fund"], color="tab:purple", linewidth=1.2)
    fund.set_ylabel("insurance fund (USD)")

    covered, social, deficit = ser["covered_by_insurance"], ser["socialized"], ser["deficit"]
    debt.stackplot(
        times,
        covered,
        social,
        deficit,
        labels=["covered by the insurance fund", "socialised (LossSocialized)", "protocol deficit"],
        colors=["tab:purple", "tab:olive", "tab:gray"],
        alpha=0.7,
    )
    debt.plot(times, ser["bad_debt"], color="black", linewidth=1, label="bad debt")
    debt.set_ylabel("bad debt, cumulative (USD)")
    if ser["bad_debt"][-1] == 0:
        debt.text(0.5, 0.5, "no bad debt", transform=debt.transAxes, ha="center", va="center")
        debt.set_ylim(0, 1)
    debt.legend(loc="upper left", fontsize=8)
    debt.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))
    debt.set_xlabel("UTC")
    for ax in axes:
        ax.grid(alpha=0.3)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=80, bbox_inches="tight")
    plt.close(fig)
    return path


def _bar_width(times: list[datetime]) -> float:
    """Bar width in days: the median step, so hourly bars touch."""
    if len(times) < 2:
        return 1 / 24
    gaps = sorted((b - a).total_seconds() for a, b in zip(times, times[1:], strict=False))
    return max(gaps[len(gaps) // 2], 60) / 86_400
