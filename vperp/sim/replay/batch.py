"""Runs crash replays each on its own Anvil without step tracing and measures their memory
(`make replays`: every window at the default size, into reports/replays/).

For each window: start an Anvil (the node's flags, vperp.chain.node: Ape's test mnemonic, no
`--steps-tracing`, `--prune-history 16`, no state dump) on a free port, run `ape run replay
--window W --accounts N` attached to it (APE_FOUNDRY_HOST), read the Anvil's peak resident memory
(VmHWM in /proc/<pid>/status) before stopping it, and write `<window>.json` (the summary, with
`anvil_peak_rss_mb`; `python_peak_rss_mb` is the replaying process's own ru_maxrss) and
`<window>.png` (vperp.sim.replay.plots). With every window, also README.md there (the table,
vperp.sim.replay.report) and, when writing to reports/replays/, the table and plots in the
repository's README (between its `replays:begin` / `replays:end` markers).

    python -m vperp.sim.replay.batch                       # all windows, 306 accounts, reports/replays
    python -m vperp.sim.replay.batch --window 2022-06 --accounts 36 --out /tmp/r
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from vperp.chain.config import ROOT
from vperp.chain.node import TEST_MNEMONIC, anvil_binary, is_up
from vperp.sim.replay.cohorts import DEFAULT_ACCOUNTS
from vperp.sim.replay.plots import plot_window
from vperp.sim.replay.report import markdown, update_readme
from vperp.sim.replay.summary import dump_json
from vperp.sim.replay.windows import WINDOWS

REPORTS = ROOT / "reports" / "replays"
ANVIL_FLAGS = [
    "--host",
    "127.0.0.1",
    "--mnemonic",
    TEST_MNEMONIC,
    "--accounts",
    "10",
    "--balance",
    "1000000",
    "--hardfork",
    "cancun",
    "--block-base-fee-per-gas",
    "0",
    "--gas-price",
    "0",
    "--prune-history",
    "16",
]
"""Like the persistent node's (vperp.chain.node.anvil_command) without the state dump; like Ape's
test Anvil (same accounts and balance) without `--steps-tracing`."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def peak_rss_mb(pid: int) -> float:
    """VmHWM (the peak resident set size) of a live process, MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError(f"no VmHWM for pid {pid}")


def run_one(window: str, accounts: int, out: Path, log_dir: Path) -> dict[str, Any]:
    """One window on its own Anvil: the summary (also written to out/<window>.json)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [anvil_binary(), *ANVIL_FLAGS, "--port", str(port)]
    with (log_dir / f"anvil-{window}.log").open("wb") as anvil_log:
        anvil = subprocess.Popen(cmd, stdout=anvil_log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not is_up(url):
            if anvil.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"anvil did not start on {url}: {log_dir / f'anvil-{window}.log'}")
            time.sleep(0.1)
        env = {**os.environ, "APE_FOUNDRY_HOST": url}
        ape = str(Path(sys.executable).with_name("ape"))
        replay = [ape, "run", "replay", "--window", window, "--accounts", str(accounts)]
        replay += ["--json-dir", str(log_dir), "--network", "ethereum:local:foundry"]
        with (log_dir / f"replay-{window}.log").open("w") as replay_log:
            done = subprocess.run(replay, env=env, cwd=ROOT, stdout=replay_log, stderr=subprocess.STDOUT)
        if done.returncode != 0:
            tail = (log_dir / f"replay-{window}.log").read_text().splitlines()[-30:]
            raise RuntimeError(f"replay {window} failed ({done.returncode}):\n" + "\n".join(tail))
        anvil_peak = peak_rss_mb(anvil.pid)
    finally:
        anvil.terminate()
        anvil.wait(timeout=60)
    summary = json.loads((log_dir / f"{window}.json").read_text())
    summary["anvil_peak_rss_mb"] = anvil_peak
    summary["anvil_command"] = " ".join(
        ["anvil", *("'<test mnemonic>'" if a == TEST_MNEMONIC else a for a in ANVIL_FLAGS)]
    )
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{window}.json").write_text(dump_json(summary))
    plot_window(summary, out / f"{window}.png")
    return summary


def run_batch(windows: list[str], accounts: int, out: Path, log: Any = print) -> list[dict[str, Any]]:
    summaries = []
    with tempfile.TemporaryDirectory(prefix="vperp-replays-") as tmp:
        for w in windows:
            t0 = time.monotonic()
            s = run_one(w, accounts, out, Path(tmp))
            log(
                f"{w}: {s['traders']} accounts, liquidations long {s['liquidations_long']} short"
                f" {s['liquidations_short']}, bad debt {s['bad_debt_total']:.2f} USD, anvil peak"
                f" {s['anvil_peak_rss_mb']} MB, python peak {s['python_peak_rss_mb']} MB,"
                f" {time.monotonic() - t0:.0f} s"
            )
            summaries.append(s)
    return summaries


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m vperp.sim.replay.batch", description=__doc__.split("\n")[0])
    ap.add_argument("--window", action="append", choices=list(WINDOWS), help="repeatable; default: all")
    ap.add_argument("--accounts", type=int, default=DEFAULT_ACCOUNTS)
    ap.add_argument("--out", type=Path, default=REPORTS)
    ap.add_argument(
        "--replot", action="store_true", help="only redraw plots and table from the JSON in --out"
    )
    args = ap.parse_args(argv)
    windows = args.window or list(WINDOWS)
    if args.replot:
        summaries = [json.loads((args.out / f"{w}.json").read_text()) for w in windows]
        for s in summaries:
            plot_window(s, args.out / f"{s['window']}.png")
    else:
        summaries = run_batch(windows, args.accounts, args.out)
    if set(windows) == set(WINDOWS):
        (args.out / "README.md").write_text(markdown(summaries, "make replays"))
        if args.out.resolve() == REPORTS.resolve():
            update_readme(ROOT / "README.md", summaries)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
