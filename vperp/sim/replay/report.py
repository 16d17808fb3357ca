"""The crash replays' table: one row per window, from their summaries (reports/replays/README.md,
and the README's copy of it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

BEGIN, END = "<!-- replays:begin (make replays) -->", "<!-- replays:end -->"

HEADER = (
    "| window | steps | accounts (long / short) | liquidations long / short | accounts liquidated long / short"
    " | keeper batches (largest) | bad debt (USD) | covered by the fund / socialised"
    " | insurance fund start -> end (USD) | max steps liquidatable (held > 1 step)"
    " | peak RSS anvil / python (MB) | run time (s) |"
)


def _money(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.2f}"


def _mb(x: float | None) -> str:
    return "-" if x is None else f"{x:,.0f}"


def _held(held: list[dict[str, Any]]) -> str:
    if not held:
        return "none"
    return ", ".join(f"{h['side']} {h['leverage']}x: {h['steps']} steps" for h in held)


def _batches(s: dict[str, Any]) -> str:
    """The keeper's transactions and its largest batch (liquidations in one transaction)."""
    if "keeper_transactions" not in s:
        return "-"
    return f"{s['keeper_transactions']} ({s['max_liquidations_in_one_transaction']})"


def row(s: dict[str, Any]) -> str:
    return (
        f"| {s['window']} | {s['steps']} | {s['traders']} ({s['longs']} / {s['shorts']})"
        f" | {s['liquidations_long']} / {s['liquidations_short']}"
        f" | {s['accounts_liquidated_long']} / {s['accounts_liquidated_short']}"
        f" | {_batches(s)}"
        f" | {_money(s['bad_debt_total'])}"
        f" | {_money(s['bad_debt_covered_by_insurance'])} / {_money(s['bad_debt_socialized'])}"
        f" | {_money(s['insurance_fund_start'])} -> {_money(s['insurance_fund_end'])}"
        f" | {s.get('max_steps_liquidatable', 0)} ({_held(s.get('held_by_bankruptcy_cap', []))})"
        f" | {_mb(s.get('anvil_peak_rss_mb'))} / {_mb(s.get('python_peak_rss_mb'))}"
        f" | {s['wall_time_s']:.0f} |"
    )


def table(summaries: list[dict[str, Any]]) -> str:
    sep = "|" + "|".join("---:" if i else "---" for i in range(HEADER.count("|") - 1)) + "|"
    return "\n".join([HEADER, sep, *(row(s) for s in summaries)])


def largest(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """The window with the most transactions."""
    return max(summaries, key=lambda s: s["transactions"])


def _highest(summaries: list[dict[str, Any]]) -> str:
    """The highest peaks of any window."""
    anvil = max((s.get("anvil_peak_rss_mb") or 0.0) for s in summaries)
    python = max((s.get("python_peak_rss_mb") or 0.0) for s in summaries)
    return f"the highest of any window: {_mb(anvil)} MB and {_mb(python)} MB"


def markdown(summaries: list[dict[str, Any]], command: str) -> str:
    big = largest(summaries)
    lines = [
        "# Crash replays",
        "",
        f"Written by `{command}` (vperp/sim/replay/batch.py): each window on a fresh deployment and its own",
        "Anvil without step tracing; the JSON summaries (`<window>.json`, with the per-step series) and plots",
        "(`<window>.png`) beside this file. The keeper is the bot runner's KeeperStrategy in LiquidationBatcher",
        "batches of up to 100 targets, least margin first (`--batch 100 --order margin`).",
        "",
        table(summaries),
        "",
        f"Largest window: {big['window']}, {big['transactions']:,} transactions:"
        f" peak RSS {_mb(big.get('anvil_peak_rss_mb'))} MB (anvil, VmHWM) and"
        f" {_mb(big.get('python_peak_rss_mb'))} MB (the replaying Python process, Ape included); {_highest(summaries)}.",
        "",
    ]
    for s in summaries:
        lines += [f"## {s['window']}", "", s["description"], "", f"![{s['window']}]({s['window']}.png)", ""]
    return "\n".join(lines)


def readme_block(summaries: list[dict[str, Any]], folder: str = "reports/replays") -> str:
    """The README's part: the table, the peak memory of the largest window, the plots two a row."""
    big = largest(summaries)
    lines = [
        table(summaries),
        "",
        f"Largest window ({big['window']}, {big['transactions']:,} transactions): peak RSS"
        f" {_mb(big.get('anvil_peak_rss_mb'))} MB for the Anvil and {_mb(big.get('python_peak_rss_mb'))} MB"
        f" for the replaying Python process; {_highest(summaries)}.",
        "",
    ]
    cells = [f"![{s['window']}]({folder}/{s['window']}.png)" for s in summaries]
    if len(cells) % 2:
        cells.append("")
    lines += ["| | |", "|---|---|"]
    lines += [f"| {a} | {b} |" for a, b in zip(cells[::2], cells[1::2], strict=True)]
    return "\n".join(lines)


def update_readme(path: Path, summaries: list[dict[str, Any]]) -> None:
    """Replaces the text between BEGIN and END in the README with `readme_block`."""
    text = path.read_text()
    a, b = text.index(BEGIN) + len(BEGIN), text.index(END)
    path.write_text(text[:a] + "\n" + readme_block(summaries) + "\n" + text[b:])
