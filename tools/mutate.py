#!/usr/bin/env python3
"""Mutation testing of the protocol's Solidity (issue 15): a small mutator of our own.

Every mutant is a one-line change of one contract, with a stable id
``<file>:<line>:<operator>:<index>`` (``index`` counts that operator's mutants on that line).
Operators (``--operators``, default all):

  cmp          comparison flips: >= <-> >, <= <-> <, == <-> !=
  arith        + <-> - (binary, and += <-> -=)
  round        rounding direction: Math.Rounding.Ceil <-> Floor, PerpMath's Up/Down and
               Ceil/Floor helpers (mulUp <-> mulDown, mulRatioUp <-> mulRatioDown, ...)
  bool         true <-> false literals (e.g. PerpMath.mulDiv's `up` argument)
  logic        && <-> ||
  modifier     one modifier removed from a function header (nonReentrant, onlyOwner, ...)
  guard        a `revert ...;`, `if (...) revert ...;` or `require(...)` line deleted
  early-return an `if (...) return ...;` line deleted (e.g. the dust-remainder full close)
  share-swap   `x.mulRatio*(...Share)` -> `(x - x.mulRatio*(...Share))`: the two parts of a
               split swapped (liquidator/fund penalty shares, insurance/pool fee shares)
  cmp-zero     a signed threshold compared to zero instead: `a < int256(b)` -> `a < 0`
  const        a numeric constant (or a constructor default) +1 and -1

Comments, NatSpec, strings, pragma and import lines, and inline assembly are never mutated.

It never touches the working tree: the repository's files (tracked and untracked-not-ignored,
as they are on disk) are copied to a temporary sandbox per job, with .venv and node_modules
symlinked and .solcx/.ape copied; each mutant is applied there and reverted afterwards.

Per mutant, cheapest first, stopping at the first kill:
  1. compile (forge build when the forge stage runs, else `ape compile --force`): a failure
     makes the mutant "stillborn" (not counted);
  2. `forge test` (FOUNDRY_PROFILE=ci, FOUNDRY_INVARIANT_RUNS=16, fixed fuzz seed), when
     forge's test folder (foundry.toml `test`, e.g. tests/forge) holds an invariant suite (a
     `function invariant_` in a *.t.sol);
  3. the Python test files mapped from the mutated contract (PY_TESTS below), with
     `ape compile --force && ape test <files> -x -q -p no:cacheprovider`, under a timeout of
     3x their clean run time (measured once, kept in the results file).

Results go to a JSON file (``--results``) after every mutant; ``--resume`` skips the mutants
already done there. ``--report`` writes the Markdown report from the results (with
``--report-only`` without running anything). Hand-marked equivalent mutants live in
tools/mutation-equivalent.txt (``<id> <reason>`` per line).

Examples:
  python tools/mutate.py --list
  python tools/mutate.py --ids-file tools/mutation-named.txt --resume
  python tools/mutate.py --sample 40 --seed 15 --resume --report reports/mutation.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty, Queue

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SCOPE = ("contracts/core", "contracts/libraries", "contracts/logic")
DEFAULT_RESULTS = "reports/mutation-results.json"
EQUIVALENT_FILE = "tools/mutation-equivalent.txt"
NOTES_FILE = "tools/mutation-notes.md"
FORGE_REL = "node_modules/@foundry-rs/forge-linux-{arch}/bin/forge"
FORGE_SEED = "0x15"
TIMEOUT_FACTOR = 3.0
MIN_TIMEOUT = 120.0

# ------------------------------------------------------------------ mutated contract -> tests
# Python test files per contract (relative to contracts/), the likeliest killers first (the run
# stops at the first failure). Chosen by reading the tests; the gas snapshot is left out on
# purpose (it fails on any change of gas, which says nothing about the tests' strength), and so
# are the slow hypothesis machines and crash replays.
_U = "tests/unit/"
PY_TESTS: dict[str, list[str]] = {
    "core/ClearingHouse.sol": [
        _U + "vault/test_vault.py",
        _U + "trading/test_trading.py",
        _U + "guards/test_guards.py",
        _U + "liquidation/test_liquidation.py",
        _U + "solvency/test_solvency.py",
        _U + "admin/test_admin.py",
        _U + "trading/test_cross_margin.py",
        _U + "amm/test_k_adjust.py",
        _U + "funding/test_funding.py",
    ],
    "core/CoreStorage.sol": [
        _U + "vault/test_vault.py",
        _U + "trading/test_trading.py",
        _U + "admin/test_admin.py",
    ],
    "core/DataTypes.sol": [_U + "trading/test_trading.py", _U + "admin/test_admin.py"],
    "libraries/AccountBalance.sol": [
        _U + "trading/test_trading.py",
        _U + "trading/test_cross_margin.py",
        _U + "funding/test_funding.py",
        _U + "guards/test_guards.py",
        _U + "liquidation/test_liquidation.py",
        _U + "viewer/test_viewer.py",
    ],
    "libraries/CurveMath.sol": [
        _U + "amm/test_amm.py",
        _U + "amm/test_k_adjust.py",
        _U + "trading/test_trading.py",
        _U + "liquidation/test_liquidation.py",
        _U + "solvency/test_solvency.py",
    ],
    "libraries/Funding.sol": [_U + "funding/test_funding.py"],
    "libraries/Ledger.sol": [
        _U + "vault/test_vault.py",
        _U + "liquidation/test_bad_debt.py",
        _U + "trading/test_trading.py",
        _U + "liquidation/test_liquidation.py",
        _U + "solvency/test_solvency.py",
        _U + "funding/test_funding.py",
    ],
    "libraries/Margin.sol": [
        _U + "trading/test_cross_margin.py",
        _U + "liquidation/test_liquidation.py",
        _U + "vault/test_vault.py",
        _U + "trading/test_trading.py",
        _U + "funding/test_funding.py",  # pending funding in account value and free collateral
        _U + "solvency/test_solvency.py",
        _U + "viewer/test_viewer.py",
    ],
    "libraries/PerpMath.sol": [
        _U + "amm/test_perp_math.py",
        _U + "trading/test_trading.py",
        _U + "funding/test_funding.py",
        _U + "liquidation/test_liquidation.py",
        _U + "amm/test_amm.py",
        _U + "vault/test_vault.py",
    ],
    "libraries/Trading.sol": [
        _U + "trading/test_trading.py",
        _U + "guards/test_guards.py",
        _U + "liquidation/test_liquidation.py",
    ],
    "libraries/Twap.sol": [
        _U + "amm/test_amm.py",
        _U + "funding/test_funding.py",
        _U + "oracle/test_oracle.py",
    ],
    "libraries/VirtualAMM.sol": [
        _U + "amm/test_amm.py",
        _U + "guards/test_guards.py",
        _U + "amm/test_k_adjust.py",
        _U + "trading/test_trading.py",
        _U + "liquidation/test_liquidation.py",
    ],
    "logic/ConfigLogic.sol": [
        _U + "admin/test_admin.py",
        _U + "amm/test_k_adjust.py",
        _U + "guards/test_guards.py",
        _U + "solvency/test_solvency.py",
        _U + "pool/test_liquidity_pool.py",
    ],
    "logic/FundingLogic.sol": [_U + "funding/test_funding.py", _U + "pool/test_liquidity_pool.py"],
    "logic/LiquidationLogic.sol": [
        _U + "liquidation/test_liquidation.py",
        _U + "liquidation/test_bad_debt.py",
        _U + "solvency/test_solvency.py",
        _U + "trading/test_cross_margin.py",
        "tests/integration/test_keeper.py",
    ],
    "logic/LogicBase.sol": [_U + "admin/test_admin.py"],
    "logic/ViewLogic.sol": [
        _U + "trading/test_trading.py",
        _U + "viewer/test_viewer.py",
        _U + "admin/test_admin.py",
        _U + "vault/test_vault.py",
        _U + "funding/test_funding.py",
    ],
    "periphery/InsuranceFund.sol": [_U + "insurance/test_insurance_fund.py"],
    "periphery/LiquidityPool.sol": [_U + "pool/test_liquidity_pool.py"],
    "periphery/Viewer.sol": [_U + "viewer/test_viewer.py"],
    "oracle/PriceOracle.sol": [_U + "oracle/test_oracle.py"],
}
FALLBACK_TESTS = [_U + "trading/test_trading.py", _U + "liquidation/test_liquidation.py"]


TEST_OVERRIDE: list[str] = []  # --tests


def py_tests_for(file: str) -> list[str]:
    return TEST_OVERRIDE or PY_TESTS.get(file.removeprefix("contracts/"), FALLBACK_TESTS)


# ------------------------------------------------------------------ mutants


@dataclass(frozen=True)
class Mutant:
    file: str  # relative to the repository root
    line: int  # 1-based
    operator: str
    index: int
    original: str  # the whole original line
    mutated: str  # the whole mutated line ("" for a deleted line)

    @property
    def id(self) -> str:
        return f"{self.file}:{self.line}:{self.operator}:{self.index}"


OPERATORS = (
    "cmp",
    "arith",
    "round",
    "bool",
    "logic",
    "modifier",
    "guard",
    "early-return",
    "share-swap",
    "cmp-zero",
    "const",
)

CMP_RE = re.compile(r"(?<![<>=!])(>=|<=|==|!=|>|<)(?![<>=])")
CMP_SWAP = {">=": ">", ">": ">=", "<=": "<", "<": "<=", "==": "!=", "!=": "=="}
ARITH_RE = re.compile(r"(?<![+\-*/%=<>!&|^])([+-])(=?)(?![+\-=])")
ROUND_SWAP = {
    "Rounding.Ceil": "Rounding.Floor",
    "Rounding.Floor": "Rounding.Ceil",
    "mulUp": "mulDown",
    "mulDown": "mulUp",
    "mulRatioUp": "mulRatioDown",
    "mulRatioDown": "mulRatioUp",
    "mulDivCeilSigned": "mulDivFloorSigned",
    "mulDivFloorSigned": "mulDivCeilSigned",
    "mulCeilSigned": "mulFloorSigned",
    "mulFloorSigned": "mulCeilSigned",
}
ROUND_RE = re.compile(
    r"(?<![\w.])(?:Math\.)?(Rounding\.(?:Ceil|Floor))\b|\b("
    + "|".join(k for k in ROUND_SWAP if not k.startswith("Rounding"))
    + r")\b(?=\s*\()"
)
BOOL_RE = re.compile(r"\b(true|false)\b")
LOGIC_RE = re.compile(r"&&|\|\|")
SHARE_RE = re.compile(r"\b([A-Za-z_][\w.]*)\.(mulRatio(?:Up|Down))\(([^()]*Share[^()]*)\)")
CMP_ZERO_RE = re.compile(r"(<=|>=|<|>)(\s*)int256\(([A-Za-z_][\w.]*)\)")
CONST_DECL_RE = re.compile(
    r"\bconstant\s+\w+\s*=\s*(\d[\d_]*(?:e\d+)?(?:\s+(?:minutes|hours|days|weeks|seconds))?)\s*;"
)
DEFAULT_ASSIGN_RE = re.compile(r"^\s*s\.\w+\s*=\s*(\d[\d_]*(?:e\d+)?)\s*;")
GUARD_RE = re.compile(r"^\s*(?:if\s*\(.*\)\s*)?(?:revert\b|require\s*\().*;\s*$")
EARLY_RETURN_RE = re.compile(r"^\s*if\s*\(.*\)\s*return\b.*;\s*$")
MODIFIER_DECL_RE = re.compile(r"\bmodifier\s+(\w+)")
KNOWN_MODIFIERS = {"nonReentrant", "onlyOwner", "whenNotPaused", "whenPaused", "onlyDelegateCall"}
FUNCTION_KW = {"function", "constructor", "modifier", "fallback", "receive"}


def mask_source(text: str) -> str:
    """The source with every comment and string literal replaced by spaces (newlines kept),
    so that code positions are the same as in `text`."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out[i:j] = " " * (j - i)
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out[i:j] = [ch if ch == "\n" else " " for ch in text[i:j]]
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out[i:j] = [ch if ch == "\n" else " " for ch in text[i:j]]
            i = j
        else:
            i += 1
    return "".join(out)


def _assembly_lines(masked_lines: list[str]) -> set[int]:
    """0-based indexes of lines inside (or opening) an inline assembly block."""
    inside: set[int] = set()
    depth = 0
    active = False
    for k, line in enumerate(masked_lines):
        if not active and re.search(r"\bassembly\b", line):
            active, depth = True, 0
        if active:
            inside.add(k)
            depth += line.count("{") - line.count("}")
            if depth <= 0 and "{" in "".join(masked_lines[min(inside) : k + 1]):
                active = False
    return inside


def _header_lines(masked_lines: list[str]) -> set[int]:
    """0-based indexes of function/constructor header lines (up to the body's brace)."""
    headers: set[int] = set()
    active = False
    for k, line in enumerate(masked_lines):
        words = set(re.findall(r"\w+", line))
        if not active and words & {"function", "constructor"}:
            active = True
        if active:
            headers.add(k)
            if "{" in line or ";" in line:
                active = False
    return headers


def _balanced(code: str) -> bool:
    return code.count("(") == code.count(")")


def mutants_of_file(rel: str, text: str, modifiers: set[str], operators: set[str]) -> list[Mutant]:
    lines = text.split("\n")
    masked = mask_source(text).split("\n")
    asm = _assembly_lines(masked)
    headers = _header_lines(masked)
    result: list[Mutant] = []
    for k, (orig, code) in enumerate(zip(lines, masked, strict=True)):
        stripped = code.strip()
        if not stripped or k in asm:
            continue
        first = stripped.split()[0]
        if first in ("pragma", "import"):
            continue
        in_header = k in headers
        per_op: dict[str, list[str]] = {}

        def add(op: str, new_line: str, _per_op: dict[str, list[str]] = per_op, _orig: str = orig) -> None:
            if op in operators and new_line != _orig:
                _per_op.setdefault(op, []).append(new_line)

        def sub(span: tuple[int, int], repl: str, _orig: str = orig) -> str:
            return _orig[: span[0]] + repl + _orig[span[1] :]

        if not in_header and first not in FUNCTION_KW:
            for m in CMP_RE.finditer(code):
                add("cmp", sub(m.span(1), CMP_SWAP[m.group(1)]))
            for m in ARITH_RE.finditer(code):
                before = code[: m.start()].rstrip()
                if not before or not (before[-1].isalnum() or before[-1] in "_)]"):
                    continue  # unary sign
                if re.search(r"\d[eE]$", before):
                    continue  # exponent
                add("arith", sub(m.span(1), "-" if m.group(1) == "+" else "+"))
            for m in ROUND_RE.finditer(code):
                g = 1 if m.group(1) else 2
                add("round", sub(m.span(g), ROUND_SWAP[m.group(g)]))
            for m in BOOL_RE.finditer(code):
                add("bool", sub(m.span(1), "false" if m.group(1) == "true" else "true"))
            for m in LOGIC_RE.finditer(code):
                add("logic", sub(m.span(), "||" if m.group() == "&&" else "&&"))
            for m in SHARE_RE.finditer(code):
                x = m.group(1)
                add("share-swap", sub(m.span(), f"({x} - {orig[m.start() : m.end()]})"))
            for m in CMP_ZERO_RE.finditer(code):
                add("cmp-zero", sub((m.start(2), m.end()), " 0"))
            if GUARD_RE.match(code) and _balanced(code):
                add("guard", "")
            if EARLY_RETURN_RE.match(code) and _balanced(code):
                add("early-return", "")
        for regex in (CONST_DECL_RE, DEFAULT_ASSIGN_RE):
            m = regex.search(code)
            if m:
                lit = m.group(1)
                add("const", sub(m.span(1), f"({lit} + 1)"))
                add("const", sub(m.span(1), f"({lit} - 1)"))
        if in_header and first != "modifier":
            for name in sorted(modifiers):
                for m in re.finditer(r"\s*\b" + name + r"\b(\s*\([^()]*\))?", code):
                    add("modifier", sub(m.span(), ""))
        for op in OPERATORS:
            for idx, new_line in enumerate(per_op.get(op, [])):
                result.append(Mutant(rel, k + 1, op, idx, orig, new_line))
    return result


def source_files(root: Path, patterns: Iterable[str]) -> list[str]:
    tracked = _git(root, "ls-files", "contracts").split("\n")
    sol = sorted(f for f in tracked if f.endswith(".sol") and (root / f).exists())
    chosen: list[str] = []
    for f in sol:
        for p in patterns:
            p = p.rstrip("/")
            if f == p or f.startswith(p + "/") or fnmatch.fnmatch(f, p):
                chosen.append(f)
                break
    return chosen


def declared_modifiers(root: Path) -> set[str]:
    names = set(KNOWN_MODIFIERS)
    for f in (root / "contracts").rglob("*.sol"):
        if ".cache" in f.parts:
            continue
        names |= set(MODIFIER_DECL_RE.findall(mask_source(f.read_text())))
    return names


def generate(root: Path, patterns: Iterable[str], operators: set[str]) -> list[Mutant]:
    modifiers = declared_modifiers(root)
    out: list[Mutant] = []
    for rel in source_files(root, patterns):
        out += mutants_of_file(rel, (root / rel).read_text(), modifiers, operators)
    return out


# ------------------------------------------------------------------ sandbox and stages


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def forge_binary(root: Path) -> Path:
    arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)
    return root / FORGE_REL.format(arch=arch)


def forge_tests_dir(root: Path) -> str:
    """foundry.toml's `test` folder (forge's default: test)."""
    toml = root / "foundry.toml"
    m = re.search(r'^test\s*=\s*"([^"]+)"', toml.read_text(), re.M) if toml.exists() else None
    return m.group(1) if m else "test"


def has_forge_suite(root: Path) -> bool:
    d = root / forge_tests_dir(root)
    return d.is_dir() and any("function invariant_" in p.read_text() for p in d.rglob("*.t.sol"))


def make_sandbox(root: Path, base: Path) -> Path:
    """Copies the repository's files as they are on disk (tracked and untracked, not ignored)
    to a new folder under `base`; links .venv and node_modules; copies .solcx and .ape."""
    dest = Path(tempfile.mkdtemp(prefix="mutation-", dir=base))
    files = _git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for rel in files:
        src = root / rel
        if not rel or not src.is_file():
            continue
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest / rel)
    for link in (".venv", "node_modules"):
        target = (root / link).resolve()
        if target.exists() and not (dest / link).exists():
            (dest / link).symlink_to(target)
    for copy in (".solcx", ".ape", ".forge"):
        if (root / copy).is_dir() and not (dest / copy).exists():
            shutil.copytree(root / copy, dest / copy, symlinks=True)
    if (dest / ".forge").is_dir():
        shutil.copytree(dest / ".forge", dest / ".forge-pristine", symlinks=True)
    return dest


def sandbox_env(box: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{box / 'node_modules/.bin'}:{box / '.venv/bin'}:{env.get('PATH', '')}"
    env["SOLCX_BINARY_PATH"] = str(box / ".solcx")
    env["APE_DATA_FOLDER"] = str(box / ".ape")
    env["PYTHONPATH"] = str(box)
    env["FOUNDRY_PROFILE"] = "ci"
    env["FOUNDRY_INVARIANT_RUNS"] = env.get("FOUNDRY_INVARIANT_RUNS", "16")
    env.pop("VIRTUAL_ENV", None)
    return env


@dataclass
class Run:
    code: int | None  # None: timed out
    seconds: float
    tail: str


def run(cmd: list[str], box: Path, timeout: float | None = None, extra: dict[str, str] | None = None) -> Run:
    env = sandbox_env(box) | (extra or {})
    t0 = time.monotonic()
    p = subprocess.Popen(
        cmd,
        cwd=box,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        out, _ = p.communicate(timeout=timeout)
        code: int | None = p.returncode
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)  # the process group this call started (pytest and its Anvil)
        out, _ = p.communicate()
        code = None
    except BaseException:  # interrupted: stop what this call started, then let it propagate
        os.killpg(p.pid, 9)
        raise
    tail = "\n".join((out or "").strip().split("\n")[-15:])
    return Run(code, time.monotonic() - t0, tail)


# a compiler diagnostic (solc's own error kinds, or forge's "Error (code)"): the mutant does not compile
COMPILE_ERROR_RE = re.compile(
    r"\b(?:ParserError|TypeError|DeclarationError|SyntaxError|CompilerError|CodeGenerationError"
    r"|UnimplementedFeatureError|DocstringParsingError|YulException)\b|\bError \(\d+\)"
)


def compile_failed(r: Run) -> str | None:
    """None when the compile succeeded; "stillborn" for a compiler diagnostic; "error" for
    anything else (solcjs crashes, e.g. a wasm "memory access out of bounds", or a timeout)."""
    if r.code == 0:
        return None
    return "stillborn" if r.code is not None and COMPILE_ERROR_RE.search(r.tail) else "error"


class Runner:
    """One sandbox and the commands run in it."""

    def __init__(self, root: Path, box: Path, use_forge: bool, baseline: dict[str, float]) -> None:
        self.root, self.box, self.use_forge, self.baseline = root, box, use_forge, baseline
        self.forge = str(forge_binary(box))
        self.ape = str(box / ".venv/bin/ape")

    def forge_build(self) -> Run:
        # Ape's copy of the dependencies (contracts/.cache, left by the previous mutant's ape
        # compile) is under forge's src: forge would compile those 266 files too, which crashed
        # solcjs ("memory access out of bounds"). Ape recreates it.
        shutil.rmtree(self.box / "contracts" / ".cache", ignore_errors=True)
        pristine = self.box / ".forge-pristine"
        if pristine.is_dir():
            shutil.rmtree(self.box / ".forge", ignore_errors=True)
            shutil.copytree(pristine, self.box / ".forge", symlinks=True)
        return self._compile([self.forge, "build"])

    def _compile(self, cmd: list[str]) -> Run:
        """A compile, tried twice when it fails without a compiler diagnostic (solcjs crashes)."""
        r = run(cmd, self.box, timeout=1800)
        if compile_failed(r) == "error":
            r = run(cmd, self.box, timeout=1800)
        return r

    def forge_test(self, timeout: float | None) -> Run:
        # no replay of a failure persisted by an earlier mutant: every mutant gets the same campaign
        shutil.rmtree(self.box / ".forge" / "invariant-failures", ignore_errors=True)
        return run([self.forge, "test", "--fuzz-seed", FORGE_SEED], self.box, timeout=timeout)

    def ape_compile(self) -> Run:
        return self._compile([self.ape, "compile", "--force"])

    def ape_test(self, files: list[str], timeout: float | None, junit: Path | None = None) -> Run:
        cmd = [self.ape, "test", *files, "-x", "-q", "-p", "no:cacheprovider"]
        if junit is not None:
            cmd = [self.ape, "test", *files, "-q", "-p", "no:cacheprovider", f"--junitxml={junit}"]
        return run(cmd, self.box, timeout=timeout)

    def timeout_for(self, files: list[str]) -> float:
        setup = self.baseline.get("_session", 30.0)
        total = setup + sum(self.baseline.get(f, 60.0) for f in files)
        return max(MIN_TIMEOUT, TIMEOUT_FACTOR * total)

    def test_mutant(self, m: Mutant) -> dict[str, object]:
        path = self.box / m.file
        original = path.read_text()
        lines = original.split("\n")
        assert lines[m.line - 1] == m.original, f"{m.id}: the sandbox's line differs"
        lines[m.line - 1] = m.mutated
        path.write_text("\n".join(lines))
        t0 = time.monotonic()
        res: dict[str, object] = {"id": m.id, "forge": self.use_forge}
        try:
            res |= self._stages(m)
        finally:
            path.write_text(original)
        res["seconds"] = round(time.monotonic() - t0, 1)
        res["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        return res

    def _stages(self, m: Mutant) -> dict[str, object]:
        if self.use_forge:
            b = self.forge_build()
            failed = compile_failed(b)
            if failed:
                return {"status": failed, "stage": "forge build", "tail": b.tail}
            t = self.forge_test(TIMEOUT_FACTOR * self.baseline.get("_forge", 120.0) + 60)
            if t.code != 0:
                how = "timeout" if t.code is None else "failed"
                return {"status": "killed", "by": "forge", "how": how, "tail": t.tail}
        c = self.ape_compile()
        failed = compile_failed(c)
        if failed:
            return {"status": "error" if self.use_forge else failed, "stage": "ape compile", "tail": c.tail}
        files = py_tests_for(m.file)
        r = self.ape_test(files, self.timeout_for(files))
        if r.code == 0:
            return {"status": "survived", "tests": files}
        if r.code is None:
            return {"status": "killed", "by": "python", "how": "timeout", "tests": files}
        if r.code == 1:
            return {"status": "killed", "by": "python", "how": "failed", "tests": files, "tail": r.tail}
        return {"status": "error", "stage": f"ape test exit {r.code}", "tests": files, "tail": r.tail}

    def measure_baseline(self, files: list[str]) -> dict[str, float]:
        """Clean run times: the forge suite, and per Python test file from one junit run."""
        out: dict[str, float] = {}
        if self.use_forge:
            b = self.forge_build()
            if b.code != 0:
                raise SystemExit(f"clean forge build fails:\n{b.tail}")
            t = self.forge_test(None)
            if t.code != 0:
                raise SystemExit(f"clean forge test fails:\n{t.tail}")
            out["_forge"] = round(t.seconds, 1)
        if not files:
            return out
        c = self.ape_compile()
        if c.code != 0:
            raise SystemExit(f"clean ape compile fails:\n{c.tail}")
        junit = self.box / ".mutation-baseline.xml"
        r = self.ape_test(files, None, junit=junit)
        if r.code != 0:
            raise SystemExit(f"clean Python tests fail (fix them first):\n{r.tail}")
        per_file: dict[str, float] = dict.fromkeys(files, 0.0)
        for case in ET.parse(junit).getroot().iter("testcase"):
            cls = case.get("classname", "")
            for f in files:
                mod = f.removeprefix("tests/").removesuffix(".py").replace("/", ".")
                if (
                    cls == mod
                    or cls.startswith(mod + ".")
                    or cls.endswith("." + mod)
                    or ("." + mod + ".") in cls
                ):
                    per_file[f] += float(case.get("time", "0"))
        out |= {f: round(s, 1) for f, s in per_file.items()}
        out["_session"] = round(max(10.0, r.seconds - sum(per_file.values())), 1)
        return out


# ------------------------------------------------------------------ results and report


def load_results(path: Path) -> dict[str, object]:
    if path.exists():
        return json.loads(path.read_text())
    return {"baseline": {}, "results": {}}


def save_results(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    tmp.replace(path)


def load_equivalent(path: Path) -> dict[str, str]:
    eq: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().split("\n"):
            line = line.strip()
            if line and not line.startswith("#"):
                mid, _, reason = line.partition(" ")
                eq[mid] = reason.strip()
    return eq


def merge_results(data: dict[str, object], others: list[Path]) -> None:
    """Takes the results of `others` missing here, and those that are kills where this file has
    none (tests are only ever added: a kill stands), else newer ones."""
    results: dict[str, dict[str, object]] = data.setdefault("results", {})  # type: ignore[assignment]
    for path in others:
        other: dict[str, dict[str, object]] = json.loads(path.read_text()).get("results", {})
        for mid, res in other.items():
            mine = results.get(mid)
            killed, mine_killed = (
                res.get("status") == "killed",
                mine is not None and mine.get("status") == "killed",
            )
            newer = mine is not None and str(res.get("finished", "")) > str(mine.get("finished", ""))
            if mine is None or (killed and not mine_killed) or (newer and not mine_killed):
                results[mid] = res
        print(f"merged {len(other)} results from {path}", flush=True)


@dataclass
class Tally:
    generated: int = 0
    stillborn: int = 0
    killed_forge: int = 0
    killed_python: int = 0
    survived: int = 0
    equivalent: int = 0
    error: int = 0
    pending: int = 0
    survivors: list[Mutant] = field(default_factory=list)
    equivalents: list[Mutant] = field(default_factory=list)

    @property
    def killed(self) -> int:
        return self.killed_forge + self.killed_python

    @property
    def score(self) -> float | None:
        denom = self.generated - self.stillborn - self.equivalent - self.error - self.pending
        return self.killed / denom if denom > 0 else None


def tally(mutants: list[Mutant], results: dict[str, dict[str, object]], eq: dict[str, str]) -> Tally:
    t = Tally(generated=len(mutants))
    for m in mutants:
        r = results.get(m.id)
        status = r.get("status") if r else None
        if status == "stillborn":
            t.stillborn += 1
        elif m.id in eq and status == "survived":
            t.equivalent += 1
            t.equivalents.append(m)
        elif status == "killed":
            if r and r.get("by") == "forge":
                t.killed_forge += 1
            else:
                t.killed_python += 1
        elif status == "survived":
            t.survived += 1
            t.survivors.append(m)
        elif status == "error":
            t.error += 1
        else:
            t.pending += 1
    return t


KILLER_RE = re.compile(r"^(?:FAILED|ERROR) (\S+?)(?: - |$)|^\[FAIL[^\]]*\] (\w+)", re.M)


def killer_of(res: dict[str, object]) -> str:
    """The first failing test named in a kill's output tail (pytest's FAILED line, forge's [FAIL])."""
    m = KILLER_RE.search(str(res.get("tail", "")))
    if not m:
        return "timeout" if res.get("how") == "timeout" else ""
    name = m.group(1) or m.group(2)
    return name.split("/")[-1]


def _cell(s: str) -> str:
    return "`" + s.strip().replace("|", "\\|").replace("`", "'") + "`" if s.strip() else "(line deleted)"


def write_report(
    path: Path,
    command: str,
    root: Path,
    mutants: list[Mutant],
    data: dict[str, object],
    eq: dict[str, str],
    in_scope: int,
    notes: Path | None = None,
    report_command: str = "",
) -> Tally:
    results: dict[str, dict[str, object]] = data["results"]  # type: ignore[assignment]
    t = tally(mutants, results, eq)
    commit = _git(root, "rev-parse", "--short", "HEAD")
    dirty = (
        " (with uncommitted changes)" if _git(root, "status", "--porcelain", "--untracked-files=no") else ""
    )
    score = f"{t.score:.1%}" if t.score is not None else "n/a"
    denom = t.generated - t.stillborn - t.equivalent - t.error - t.pending
    ran = sum(1 for m in mutants if m.id in results)
    forge_runs = sum(1 for m in mutants if results.get(m.id, {}).get("forge"))
    lines = [
        "# Mutation testing",
        "",
        "Written by `tools/mutate.py` (`make mutation`); every figure below comes from its results file",
        f"(`{DEFAULT_RESULTS}`). Operators, sandbox and test stages: the tool's docstring.",
        "",
        f"- command (the last run): `{command}`",
        *([f"- report written by: `{report_command}`"] if report_command else []),
        f"- date: {dt.date.today().isoformat()}",
        f"- commit: `{commit}`{dirty}",
        f"- forge stage (invariant suite, {forge_tests_dir(root)}): run for {forge_runs} of the {ran} mutants run",
        "",
        "| mutants | count |",
        "|---|---:|",
        f"| in scope (all operators' mutants of the files) | {in_scope} |",
        f"| generated (selected for this run) | {t.generated} |",
        f"| stillborn (do not compile; not counted) | {t.stillborn} |",
        f"| killed by forge (invariant suite) | {t.killed_forge} |",
        f"| killed by Python tests | {t.killed_python} |",
        f"| survived | {t.survived} |",
        f"| equivalent (marked by hand, {EQUIVALENT_FILE}) | {t.equivalent} |",
    ]
    if t.error:
        lines.append(f"| error (tool or infrastructure; not counted) | {t.error} |")
    if t.pending:
        lines.append(f"| not run yet (not counted) | {t.pending} |")
    lines += [
        "",
        f"**Score = killed / (generated - stillborn - equivalent) = {t.killed} / {denom} = {score}**",
        "",
        "## Survivors",
        "",
    ]
    if t.survivors:
        lines += ["| id | original | mutant | tests run |", "|---|---|---|---|"]
        for m in t.survivors:
            tests = results[m.id].get("tests", [])
            names = ", ".join(Path(str(x)).stem for x in tests) if isinstance(tests, list) else ""
            lines.append(f"| `{m.id}` | {_cell(m.original)} | {_cell(m.mutated)} | {names} |")
    else:
        lines.append("None.")
    lines += ["", "## Equivalent mutants", ""]
    if t.equivalents:
        lines += ["| id | original | mutant | why equivalent |", "|---|---|---|---|"]
        for m in t.equivalents:
            reason = eq[m.id].replace("|", "\\|")
            lines.append(f"| `{m.id}` | {_cell(m.original)} | {_cell(m.mutated)} | {reason} |")
    else:
        lines.append("None.")
    if notes and notes.exists():
        lines += ["", notes.read_text().rstrip()]
    lines += ["", "## Every mutant run", "", "| id | result | mutant |", "|---|---|---|"]
    for m in mutants:
        r = results.get(m.id)
        if not r:
            continue
        status = str(r.get("status"))
        if status == "killed":
            killer = killer_of(r)
            status = f"killed by {r.get('by')}" + (f": `{killer}`" if killer else "")
        if status == "survived" and m.id in eq:
            status = "equivalent"
        lines.append(f"| `{m.id}` | {status} | {_cell(m.mutated)} |")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return t


# ------------------------------------------------------------------ main


def select(mutants: list[Mutant], args: argparse.Namespace) -> list[Mutant]:
    """`--ids`/`--ids-file` and `--sample` together: their union, in generation order."""
    ids: list[str] = list(args.ids or [])
    if args.ids_file:
        for line in Path(args.ids_file).read_text().split("\n"):
            line = line.split("#", 1)[0].strip()
            if line:
                ids.append(line.split()[0])
    if not ids and not args.sample:
        return mutants
    known = {m.id for m in mutants}
    missing = [i for i in ids if i not in known]
    if missing:
        raise SystemExit("unknown mutant ids (sources changed?): " + ", ".join(missing))
    chosen = set(ids)
    if args.sample:
        rng = random.Random(args.seed)
        chosen |= {mutants[k].id for k in rng.sample(range(len(mutants)), min(args.sample, len(mutants)))}
    return [m for m in mutants if m.id in chosen]


def worker(
    runner: Runner, queue: Queue[Mutant], data: dict[str, object], lock: threading.Lock, out: Path
) -> None:
    while True:
        try:
            m = queue.get_nowait()
        except Empty:
            return
        res = runner.test_mutant(m)
        with lock:
            results: dict[str, object] = data["results"]  # type: ignore[assignment]
            results[m.id] = res | {"original": m.original.strip(), "mutated": m.mutated.strip()}
            save_results(out, data)
            extra = f" by {res.get('by')}" if res.get("status") == "killed" else ""
            print(f"[{len(results)}] {m.id}: {res['status']}{extra} ({res['seconds']} s)", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", nargs="+", default=list(DEFAULT_SCOPE), help="files, folders or globs")
    ap.add_argument("--operators", default=",".join(OPERATORS), help="comma-separated operator names")
    ap.add_argument("--ids", nargs="+", help="run exactly these mutant ids")
    ap.add_argument("--ids-file", help="a file of mutant ids (first word per line, # comments)")
    ap.add_argument("--sample", type=int, help="a deterministic random sample of N mutants")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--list", action="store_true", help="print the mutants and exit")
    ap.add_argument("--jobs", type=int, default=1, help="parallel sandboxes")
    ap.add_argument("--results", default=DEFAULT_RESULTS, help="JSON results file")
    ap.add_argument("--resume", action="store_true", help="skip mutants already in the results file")
    ap.add_argument("--retry-errors", action="store_true", help="with --resume: run 'error' ones again")
    ap.add_argument(
        "--rerun", action="store_true", help="with --resume: run the selected ones again (new tests)"
    )
    ap.add_argument("--tests", nargs="+", help="Python test files to run instead of the mapped ones")
    ap.add_argument("--report", help="write the Markdown report here (e.g. reports/mutation.md)")
    ap.add_argument("--report-only", action="store_true", help="only rewrite the report from the results")
    ap.add_argument("--no-forge", action="store_true", help="skip the forge stage")
    ap.add_argument(
        "--merge",
        nargs="+",
        default=[],
        help="results files of runs made in parallel (--results elsewhere): their newer results are taken",
    )
    ap.add_argument("--equivalent", default=EQUIVALENT_FILE)
    ap.add_argument("--notes", default=NOTES_FILE, help="hand-written analysis shown in the report")
    ap.add_argument("--sandbox-dir", default=None, help="where sandboxes go (default: the system temp)")
    ap.add_argument("--keep-sandbox", action="store_true")
    args = ap.parse_args(argv)

    TEST_OVERRIDE[:] = args.tests or []
    operators = {o.strip() for o in args.operators.split(",") if o.strip()}
    unknown = operators - set(OPERATORS)
    if unknown:
        ap.error(f"unknown operators: {sorted(unknown)}; known: {', '.join(OPERATORS)}")
    every = generate(ROOT, args.files, operators)
    mutants = select(every, args)
    if args.list:
        for m in mutants:
            print(f"{m.id}\n    - {m.original.strip()}\n    + {m.mutated.strip() or '(line deleted)'}")
        print(f"{len(mutants)} mutants", file=sys.stderr)
        return 0

    out = ROOT / args.results
    data = load_results(out) if (args.resume or args.report_only) else {"baseline": {}, "results": {}}
    command = "python tools/mutate.py " + " ".join(argv if argv is not None else sys.argv[1:])
    eq = load_equivalent(ROOT / args.equivalent)
    if args.merge:
        merge_results(data, [Path(p) for p in args.merge])
        save_results(out, data)
    if args.report_only:
        if not args.report:
            ap.error("--report-only needs --report")
        run_command = str(data.get("command", command))
        t = write_report(
            ROOT / args.report, run_command, ROOT, mutants, data, eq, len(every), ROOT / args.notes, command
        )
        print(f"report: {args.report}; score {t.score}")
        return 0

    results: dict[str, dict[str, object]] = data.setdefault("results", {})  # type: ignore[assignment]
    todo = [
        m
        for m in mutants
        if args.rerun or m.id not in results or (args.retry_errors and results[m.id].get("status") == "error")
    ]
    use_forge = has_forge_suite(ROOT) and not args.no_forge
    data["forge"] = use_forge
    data["command"] = command
    print(f"{len(mutants)} mutants selected, {len(todo)} to run; forge stage: {use_forge}", flush=True)

    base = Path(args.sandbox_dir) if args.sandbox_dir else None
    if base:
        base.mkdir(parents=True, exist_ok=True)
    boxes: list[Path] = []
    try:
        if todo:
            jobs = max(1, min(args.jobs, len(todo)))
            boxes = [make_sandbox(ROOT, base or Path(tempfile.gettempdir())) for _ in range(jobs)]
            baseline: dict[str, float] = data.setdefault("baseline", {})  # type: ignore[assignment]
            needed = sorted({f for m in todo for f in py_tests_for(m.file)})
            missing = [f for f in needed if f not in baseline]
            forge_missing = use_forge and "_forge" not in baseline
            if missing or forge_missing:
                print(f"baseline: measuring the clean run of {len(missing)} test files", flush=True)
                baseline |= Runner(ROOT, boxes[0], forge_missing, {}).measure_baseline(missing)
                save_results(out, data)
                print(f"baseline: {baseline}", flush=True)
            queue: Queue[Mutant] = Queue()
            for m in todo:
                queue.put(m)
            lock = threading.Lock()
            threads = [
                threading.Thread(
                    target=worker, args=(Runner(ROOT, b, use_forge, baseline), queue, data, lock, out)
                )
                for b in boxes
            ]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
    finally:
        if not args.keep_sandbox:
            for b in boxes:
                shutil.rmtree(b, ignore_errors=True)
    if args.report:
        t = write_report(ROOT / args.report, command, ROOT, mutants, data, eq, len(every), ROOT / args.notes)
        print(f"report: {args.report}; score {t.score}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
