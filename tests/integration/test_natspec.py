"""Every external or public function of the protocol's contracts and interfaces carries NatSpec
(a /// comment, or @inheritdoc of a documented interface function)."""

from __future__ import annotations

import re
from pathlib import Path

from vperp.chain.config import ROOT

FUNCTION = re.compile(r"\s*function\s+(\w+)\s*\(")


def _undocumented(path: Path, root: Path = ROOT) -> list[str]:
    lines = path.read_text().splitlines()
    missing = []
    for i, line in enumerate(lines):
        m = FUNCTION.match(line)
        if not m:
            continue
        signature = " ".join(lines[i : i + 8]).split("{")[0]
        if not re.search(r"\b(external|public)\b", signature):
            continue
        j = i - 1
        while j >= 0 and lines[j].strip().startswith("//") and not lines[j].strip().startswith("///"):
            j -= 1
        if j < 0 or not lines[j].strip().startswith("///"):
            missing.append(f"{path.relative_to(root)}:{i + 1} {m.group(1)}")
    return missing


def test_every_external_function_has_natspec():
    sources = [p for p in (ROOT / "contracts").rglob("*.sol") if ".cache" not in p.parts]
    sources += list((ROOT / "interfaces").glob("*.sol"))
    assert len(sources) >= 10
    missing = [m for p in sorted(sources) for m in _undocumented(p)]
    assert missing == []


def test_checker_detects_a_missing_comment(tmp_path):
    src = tmp_path / "X.sol"
    src.write_text(
        "contract X {\n    function f() external {}\n    /// @notice g\n    function g() external {}\n"
        "    // plain comment\n    function h() public {}\n    function i() internal {}\n}\n"
    )
    assert _undocumented(src, tmp_path) == ["X.sol:2 f", "X.sol:6 h"]
