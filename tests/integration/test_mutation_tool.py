"""tools/mutate.py (issue 15): the mutant generator (no chain, no compile). The seven mutant
classes the issue names are generated, tools/mutation-named.txt names them, and comments,
strings, pragma, import and assembly lines are never mutated."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("mutate", ROOT / "tools" / "mutate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["mutate"] = module
    spec.loader.exec_module(module)
    return module


def test_the_seven_named_mutant_classes_are_generated():
    mt = _tool()
    mutants = mt.generate(ROOT, mt.DEFAULT_SCOPE, set(mt.OPERATORS))
    ids = {m.id: m for m in mutants}
    assert len(ids) == len(mutants), "mutant ids are unique"

    def one(file: str, op: str, before: str, after: str | None) -> str:
        found = [
            m.id
            for m in mutants
            if m.file == file
            and m.operator == op
            and before in m.original
            and (after is None and not m.mutated.strip() or after is not None and after in m.mutated)
        ]
        assert found, (file, op, before, after)
        return found[0]

    liq, ledger = "contracts/logic/LiquidationLogic.sol", "contracts/libraries/Ledger.sol"
    named = {
        one(liq, "cmp", "st.accountValue >= int256(st.maintenanceRequirement)", "st.accountValue > int256"),
        one(ledger, "round", "uint256 burn = Math.mulDiv(amount, ONE, index, Math.Rounding.Ceil)", "Floor"),
        one(liq, "share-swap", "penalty.mulRatioDown(s.liquidatorShare)", "(penalty - penalty.mulRatioDown"),
        one(liq, "cmp-zero", "value < int256(penalty)", "value < 0"),
        one("contracts/core/ClearingHouse.sol", "modifier", "function withdraw(", "external {"),
        one(liq, "early-return", ".mulDown(price) < s.minPositionNotional) return absSize;", None),
        one("contracts/libraries/VirtualAMM.sol", "cmp", "diff > PerpMath.mulRatioDown", "diff >= PerpMath"),
    }
    listed = {
        line.split("#", 1)[0].split()[0]
        for line in (ROOT / "tools" / "mutation-named.txt").read_text().splitlines()
        if line.split("#", 1)[0].strip()
    }
    assert listed == named


def test_comments_strings_pragma_imports_and_assembly_are_not_mutated():
    mt = _tool()
    source = "\n".join(
        [
            "pragma solidity 0.8.28;",
            'import {A} from "./A.sol";',
            "/// @dev a >= b + c",
            "/* x == y",
            "   z < 1 */",
            "contract C {",
            "    uint256 internal constant N = 10;",
            "    function f(uint256 a, uint256 b) internal pure returns (uint256) {",
            '        string memory s = "a >= b";  // c + d',
            "        assembly { let z := add(a, b) }",
            "        if (a >= b) return a + b;",
            "        return a;",
            "    }",
            "}",
        ]
    )
    mutants = mt.mutants_of_file("C.sol", source, set(), set(mt.OPERATORS))
    assert {m.line for m in mutants} == {7, 11}
    by_op = {(m.operator, m.index): m.mutated.strip() for m in mutants}
    assert by_op[("cmp", 0)] == "if (a > b) return a + b;"
    assert by_op[("arith", 0)] == "if (a >= b) return a - b;"
    assert by_op[("early-return", 0)] == ""
    assert by_op[("const", 0)] == "uint256 internal constant N = (10 + 1);"


def test_every_equivalent_mutant_is_still_generated():
    """The hand-marked equivalent mutants (tools/mutation-equivalent.txt) name mutants by file and
    line: a line moved by an edit must be renamed there, or the list would mark a different
    mutant (or none). Each listed id is generated, and its reason names the code it mutates."""
    mt = _tool()
    mutants = {m.id: m for m in mt.generate(ROOT, mt.DEFAULT_SCOPE, set(mt.OPERATORS))}
    listed = mt.load_equivalent(ROOT / mt.EQUIVALENT_FILE)
    assert listed
    missing = sorted(set(listed) - set(mutants))
    assert not missing, f"equivalent mutants not generated (moved lines?): {missing}"
