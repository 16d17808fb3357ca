"""Solidity line, branch and function coverage of contracts/ (forge coverage over tests/forge),
written to reports/coverage.md: per-file figures, totals for the core and its libraries
(contracts/core, contracts/libraries, contracts/logic) and for all of contracts/, then every
uncovered branch (with its source line) and the uncovered lines, file by file.

    python tools/coverage_report.py --forge node_modules/@foundry-rs/forge-linux-amd64/bin/forge
    python tools/coverage_report.py --lcov lcov.info   # report on an existing lcov file, no run

`forge coverage` builds without the optimizer and via-IR (`--ir-minimum` if stack-too-deep ever
appears). The invariant campaigns count for coverage but are not its point: they run shorter
here (FOUNDRY_INVARIANT_RUNS / _DEPTH, see --invariant-runs / --invariant-depth) so that the run
stays a few minutes. `make coverage` runs this script.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "reports" / "coverage.md"
DEFAULT_FORGE = ROOT / "node_modules" / "@foundry-rs" / "forge-linux-amd64" / "bin" / "forge"
# forge matches this against source paths: the tests and the test doubles are not measured
NO_MATCH_COVERAGE = "(tests/|contracts/test/)"
CORE_DIRS = ("contracts/core/", "contracts/libraries/", "contracts/logic/")
ALL_DIR = "contracts/"
GOAL_LINES = 95.0
GOAL_BRANCHES = 90.0


@dataclass
class Branch:
    line: int
    block: str
    branch: str
    taken: int  # 0 when lcov says "-" (never evaluated) or 0


@dataclass
class FileCov:
    path: str
    lines: dict[int, int] = field(default_factory=dict)  # line -> hits
    functions: dict[str, int] = field(default_factory=dict)  # name -> hits
    function_lines: dict[str, int] = field(default_factory=dict)  # name -> first line
    branches: list[Branch] = field(default_factory=list)

    def line_counts(self) -> tuple[int, int]:
        return sum(1 for h in self.lines.values() if h > 0), len(self.lines)

    def branch_counts(self) -> tuple[int, int]:
        return sum(1 for b in self.branches if b.taken > 0), len(self.branches)

    def function_counts(self) -> tuple[int, int]:
        return sum(1 for h in self.functions.values() if h > 0), len(self.functions)


def parse_lcov(text: str, root: Path = ROOT) -> dict[str, FileCov]:
    """lcov records (SF, DA, FN, FNDA, BRDA) by repository-relative path; records of one file
    spread over several sections (one per build) are merged, hits summed."""
    files: dict[str, FileCov] = {}
    cur: FileCov | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("SF:"):
            path = Path(line[3:])
            if path.is_absolute():
                with contextlib.suppress(ValueError):
                    path = path.relative_to(root)
            key = path.as_posix()
            cur = files.setdefault(key, FileCov(key))
        elif cur is None or line == "end_of_record":
            if line == "end_of_record":
                cur = None
        elif line.startswith("DA:"):
            no, hits = line[3:].split(",")[:2]
            cur.lines[int(no)] = cur.lines.get(int(no), 0) + int(hits)
        elif line.startswith("FN:"):
            # FN:<line>,<name> (lcov 1.x) or FN:<line>,<end line>,<name> (lcov 2.x)
            parts = line[3:].split(",")
            name = parts[-1]
            cur.function_lines.setdefault(name, int(parts[0]))
            cur.functions.setdefault(name, 0)
        elif line.startswith("FNDA:"):
            hits, name = line[5:].split(",", 1)
            cur.functions[name] = cur.functions.get(name, 0) + int(hits)
        elif line.startswith("BRDA:"):
            no, block, branch, taken = line[5:].split(",")[:4]
            n = 0 if taken == "-" else int(taken)
            for b in cur.branches:
                if (b.line, b.block, b.branch) == (int(no), block, branch):
                    b.taken += n
                    break
            else:
                cur.branches.append(Branch(int(no), block, branch, n))
    return files


def pct(hit: int, total: int) -> str:
    return "n/a" if total == 0 else f"{100.0 * hit / total:.2f}%"


def fraction(hit: int, total: int) -> str:
    return f"{pct(hit, total)} ({hit}/{total})"


def totals(files: Iterable[FileCov]) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    lh = lt = bh = bt = fh = ft = 0
    for f in files:
        a, b = f.line_counts()
        lh, lt = lh + a, lt + b
        a, b = f.branch_counts()
        bh, bt = bh + a, bt + b
        a, b = f.function_counts()
        fh, ft = fh + a, ft + b
    return (lh, lt), (bh, bt), (fh, ft)


def source_line(path: str, no: int, root: Path = ROOT) -> str:
    try:
        lines = (root / path).read_text().splitlines()
    except OSError:
        return ""
    return lines[no - 1].strip() if 0 < no <= len(lines) else ""


def ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> '3-5, 9'."""
    out: list[str] = []
    start = prev = None
    for n in sorted(numbers):
        if start is None:
            start = prev = n
        elif prev is not None and n == prev + 1:
            prev = n
        else:
            out.append(f"{start}" if start == prev else f"{start}-{prev}")
            start = prev = n
    if start is not None:
        out.append(f"{start}" if start == prev else f"{start}-{prev}")
    return ", ".join(out)


def git(*args: str) -> str:
    try:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def render(
    files: dict[str, FileCov], command: str, elapsed: float | None, notes: list[str], root: Path = ROOT
) -> str:
    measured = {p: f for p, f in sorted(files.items()) if p.startswith(ALL_DIR)}
    core = [f for p, f in measured.items() if p.startswith(CORE_DIRS)]
    commit = git("rev-parse", "HEAD")
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "contracts", "tests/forge")
    out: list[str] = ["# Solidity coverage", ""]
    out.append("Generated by `tools/coverage_report.py` (`make coverage`). Do not edit by hand.")
    out.append("")
    out.append(f"- Command: `{command}`")
    out.append(f"- Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}")
    out.append(
        f"- Commit: `{commit}` ({git('rev-parse', '--abbrev-ref', 'HEAD')})"
        + (" with uncommitted changes to contracts/ or tests/forge/" if dirty not in ("", "unknown") else "")
    )
    if elapsed is not None:
        out.append(f"- Run time: {elapsed / 60:.1f} min")
    out.extend(f"- {n}" for n in notes)
    out.append(
        "- Measured: contracts/ without contracts/test/ (mocks); tests/ excluded. Built without the "
        "optimizer (forge coverage), so the figures are of the unoptimised code."
    )
    out.append("")
    out.append("## Totals")
    out.append("")
    out.append("| Scope | Lines | Branches | Functions |")
    out.append("|---|---|---|---|")
    for name, group in (
        ("core and libraries (contracts/core, libraries, logic)", core),
        ("all of contracts/", list(measured.values())),
    ):
        (lh, lt), (bh, bt), (fh, ft) = totals(group)
        out.append(f"| {name} | {fraction(lh, lt)} | {fraction(bh, bt)} | {fraction(fh, ft)} |")
    (lh, lt), (bh, bt), _ = totals(core)
    met = lt and bt and 100 * lh / lt >= GOAL_LINES and 100 * bh / bt >= GOAL_BRANCHES
    out.append("")
    out.append(
        f"Goal for core and libraries: at least {GOAL_LINES:.0f}% of lines and {GOAL_BRANCHES:.0f}% of "
        f"branches: **{'met' if met else 'not met'}**."
    )
    out.append("")
    out.append("## Per file")
    out.append("")
    out.append("| File | Lines | Branches | Functions |")
    out.append("|---|---|---|---|")
    for p, f in measured.items():
        (lh, lt), (bh, bt), (fh, ft) = f.line_counts(), f.branch_counts(), f.function_counts()
        out.append(f"| {p} | {fraction(lh, lt)} | {fraction(bh, bt)} | {fraction(fh, ft)} |")
    out.append("")
    out.append("## Uncovered branches")
    out.append("")
    out.append(
        "Each branch forge counts (an `if`'s taken and not-taken paths, a `require`, a ternary's "
        "sides) that no test took; `file:line`, the branch's block and path ids, the source line."
    )
    for p, f in measured.items():
        missed = sorted((b for b in f.branches if b.taken == 0), key=lambda b: (b.line, b.block, b.branch))
        if not missed:
            continue
        out.append("")
        out.append(f"### {p} ({len(missed)})")
        out.append("")
        for b in missed:
            text = source_line(p, b.line, root).replace("`", "'")
            out.append(f"- `{p}:{b.line}` (block {b.block}, path {b.branch}): `{text}`")
    out.append("")
    out.append("## Uncovered lines")
    out.append("")
    for p, f in measured.items():
        missed_lines = [n for n, h in f.lines.items() if h == 0]
        missed_fns = sorted(n for n, h in f.functions.items() if h == 0)
        if not missed_lines and not missed_fns:
            continue
        out.append(f"### {p}")
        out.append("")
        if missed_lines:
            out.append(f"Lines {ranges(missed_lines)}:")
            out.append("")
            out.append("```solidity")
            for n in sorted(missed_lines):
                out.append(f"{n:>5}  {source_line(p, n, root)}")
            out.append("```")
            out.append("")
        if missed_fns:
            out.append("Functions never called: " + ", ".join(f"`{n}`" for n in missed_fns))
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def run_forge(
    forge: str, lcov: Path, runs: int, depth: int, ir_minimum: bool, extra: list[str]
) -> tuple[str, float]:
    cmd = [
        forge,
        "coverage",
        "--no-match-coverage",
        NO_MATCH_COVERAGE,
        "--report",
        "summary",
        "--report",
        "lcov",
        "--report-file",
        str(lcov),
    ]
    if ir_minimum:
        cmd.append("--ir-minimum")
    cmd.extend(extra)
    env = dict(os.environ)
    env["FOUNDRY_INVARIANT_RUNS"] = str(runs)
    env["FOUNDRY_INVARIANT_DEPTH"] = str(depth)
    shown = f"FOUNDRY_INVARIANT_RUNS={runs} FOUNDRY_INVARIANT_DEPTH={depth} " + shlex.join(
        ["forge", *cmd[1:]]
    ).replace(str(lcov), "<tmp>/lcov.info")
    print(f"$ {shown}", flush=True)
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, env=env)
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit(f"forge coverage failed (exit {proc.returncode}); no report written")
    return shown, elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--forge", default=str(DEFAULT_FORGE), help="the native forge binary")
    ap.add_argument("--lcov", type=Path, help="report on this lcov file instead of running forge")
    ap.add_argument("--out", type=Path, default=REPORT, help="the markdown report (reports/coverage.md)")
    ap.add_argument("--invariant-runs", type=int, default=8, help="FOUNDRY_INVARIANT_RUNS for the run")
    ap.add_argument("--invariant-depth", type=int, default=100, help="FOUNDRY_INVARIANT_DEPTH for the run")
    ap.add_argument("--ir-minimum", action="store_true", help="pass --ir-minimum (stack too deep)")
    ap.add_argument("--keep-lcov", type=Path, help="also copy the lcov file here")
    ap.add_argument("forge_args", nargs="*", help="more forge coverage arguments (after --)")
    args = ap.parse_args()

    notes: list[str] = []
    if args.lcov is not None:
        text = args.lcov.read_text()
        command = f"(from an existing lcov file: {args.lcov})"
        elapsed = None
    else:
        with tempfile.TemporaryDirectory() as tmp:
            lcov = Path(tmp) / "lcov.info"
            command, elapsed = run_forge(
                args.forge, lcov, args.invariant_runs, args.invariant_depth, args.ir_minimum, args.forge_args
            )
            text = lcov.read_text()
        notes.append(
            f"Invariant campaigns shortened for coverage: {args.invariant_runs} runs x depth "
            f"{args.invariant_depth} (the CI profile runs 64 x 250); every unit and path test runs in full."
        )
    if args.keep_lcov is not None:
        args.keep_lcov.parent.mkdir(parents=True, exist_ok=True)
        args.keep_lcov.write_text(text)
    files = parse_lcov(text)
    if not any(p.startswith(ALL_DIR) for p in files):
        sys.exit("no contracts/ file in the lcov data")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(files, command, elapsed, notes))
    measured = [f for p, f in files.items() if p.startswith(ALL_DIR)]
    core = [f for p, f in files.items() if p.startswith(CORE_DIRS)]
    for name, group in (("core and libraries", core), ("all of contracts/", measured)):
        (lh, lt), (bh, bt), (fh, ft) = totals(group)
        print(f"{name}: lines {fraction(lh, lt)}, branches {fraction(bh, bt)}, functions {fraction(fh, ft)}")
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
