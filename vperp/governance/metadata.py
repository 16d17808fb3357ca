"""Proposal metadata: a JSON document (title, summary, the calls in words, links, warnings),
addressed by its IPFS CIDv1 (vperp.governance.cid) and written to a local folder to be pinned
later. A call that hands a privileged role to an externally owned account is flagged in words,
both in the document and in the proposal's description (the status command shows it)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vperp.chain.governance import TIMELOCK_ROLES
from vperp.governance.cid import cid_v1_raw

# function name -> (argument naming the grantee, what the grantee gets)
PRIVILEGE_GRANTS: dict[str, tuple[str, str]] = {
    "grantRole": ("account", "a timelock role"),
    "transferOwnership": ("newOwner", "the ownership (every owner-only function)"),
    "setGuardian": ("guardian_", "the guardian role (pauses opening)"),
}
ROLE_NAMES = {role: name for name, role in TIMELOCK_ROLES.items()}


@dataclass(frozen=True)
class Call:
    """One call of a proposal: encoded, and described."""

    target: str
    contract: str  # the deployment's name for the target
    function: str
    args: dict[str, Any]  # argument name -> value as given (addresses checksummed)
    calldata: bytes
    value: int = 0

    def words(self) -> str:
        shown = ", ".join(f"{k}={_show(v)}" for k, v in self.args.items())
        eth = f" sending {self.value} wei" if self.value else ""
        return f"call {self.contract}.{self.function}({shown}) at {self.target}{eth}"


@dataclass
class Metadata:
    title: str
    summary: str
    calls: list[Call]
    links: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def document(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "summary": self.summary,
            "calls": [
                {
                    "target": c.target,
                    "contract": c.contract,
                    "function": c.function,
                    "value": str(c.value),
                    "calldata": "0x" + c.calldata.hex(),
                    "words": c.words(),
                }
                for c in self.calls
            ],
            "links": list(self.links),
            "warnings": list(self.warnings),
        }

    def to_bytes(self) -> bytes:
        """The canonical bytes (sorted keys, two-space indent, UTF-8, final newline): the CID's input."""
        return (json.dumps(self.document(), indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()

    def cid(self) -> str:
        return cid_v1_raw(self.to_bytes())

    def description(self) -> str:
        """The proposal's on-chain description: title, summary, warnings in words, and the CID."""
        lines = [f"# {self.title}", "", self.summary, ""]
        if self.warnings:
            lines += [f"WARNING: {w}" for w in self.warnings] + [""]
        lines.append(f"Metadata: ipfs://{self.cid()}")
        return "\n".join(lines)

    def write(self, folder: Path) -> Path:
        """Writes <folder>/<cid>.json (the exact bytes the CID addresses)."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.cid()}.json"
        path.write_bytes(self.to_bytes())
        return path


def privilege_warnings(calls: list[Call], is_contract: Callable[[str], bool]) -> list[str]:
    """Every call that gives a privileged role to an address without code (an EOA), in words."""
    out = []
    for c in calls:
        grant = PRIVILEGE_GRANTS.get(c.function)
        if grant is None:
            continue
        arg, what = grant
        grantee = c.args.get(arg)
        if grantee is None or is_contract(str(grantee)):
            continue
        if c.function == "grantRole":
            role = c.args.get("role", b"")
            role = role if isinstance(role, bytes) else bytes.fromhex(str(role).removeprefix("0x"))
            what = f"{ROLE_NAMES.get(role, '0x' + role.hex())} of {c.contract}"
        out.append(f"{c.contract}.{c.function} gives {what} to {grantee}, an externally owned account")
    return out


def _show(v: Any) -> str:
    if isinstance(v, bytes):
        return "0x" + v.hex()
    if isinstance(v, dict):
        return "(" + ", ".join(f"{k}={_show(x)}" for k, x in v.items()) + ")"
    if isinstance(v, list | tuple):
        return "[" + ", ".join(_show(x) for x in v) + "]"
    return str(v)
