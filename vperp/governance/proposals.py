"""The proposal lifecycle over the Governor and the timelock: propose (from a spec of calls and
metadata), vote, queue, execute, cancel, status. Pure functions over Ape contract instances,
used by `ape run governance` and the tests.

A spec (YAML for the script) is: title, summary, links, and calls, each
`{contract: <name in the deployment>, function: <name>, args: [...], value: 0}`; an argument that
is a market symbol (vETH) or a contract name (ClearingHouse, GovernanceTimelock, ...) is replaced
by its address, a mapping becomes the struct tuple in the ABI's order.

The local folder (default `proposals/`) holds each metadata document as <cid>.json and an index
`proposals.json`: proposal id -> cid and description, so that queue, execute and cancel find the
exact calls and description hash again."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Any

from eth_utils import keccak, to_checksum_address

from vperp.chain.config import ROOT
from vperp.chain.deploy import Deployment
from vperp.governance.metadata import Call, Metadata, privilege_warnings

DEFAULT_FOLDER = ROOT / "proposals"
INDEX = "proposals.json"


class State(IntEnum):
    """IGovernor.ProposalState."""

    Pending = 0
    Active = 1
    Canceled = 2
    Defeated = 3
    Succeeded = 4
    Queued = 5
    Expired = 6
    Executed = 7


class Support(IntEnum):
    Against = 0
    For = 1
    Abstain = 2


@dataclass(frozen=True)
class Proposal:
    """A proposal as recorded locally: what queue, execute and cancel need."""

    id: int
    cid: str
    description: str
    targets: list[str]
    values: list[int]
    calldatas: list[bytes]
    warnings: list[str]

    @property
    def description_hash(self) -> bytes:
        return keccak(text=self.description)


@dataclass(frozen=True)
class Status:
    id: int
    state: State
    time_left: int | None  # seconds until the next step, None when there is none
    next_step: str
    warnings: list[str]

    def line(self) -> str:
        left = "-" if self.time_left is None else _duration(self.time_left)
        out = f"proposal {self.id}: {self.state.name}; {self.next_step}; time left {left}"
        return "\n".join([out, *(f"  WARNING: {w}" for w in self.warnings)])


def named_contracts(d: Deployment) -> dict[str, Any]:
    """The deployment's contracts a proposal may call, by name."""
    out = {
        "ClearingHouse": d.clearing_house,
        "PriceOracle": d.oracle,
        "InsuranceFund": d.insurance_fund,
        "LiquidityPool": d.liquidity_pool,
    }
    if d.netting is not None:  # the core's netting functions (setNettingParams: the execution fee)
        out["NettingEngine"] = d.netting
    if d.governance:
        out |= {
            "GovernanceTimelock": d.governance.timelock,
            "PerpGovernor": d.governance.governor,
            "GovernanceToken": d.governance.token,
        }
    return out


def build_calls(d: Deployment, spec_calls: list[dict[str, Any]]) -> list[Call]:
    """Encodes the spec's calls against the deployment."""
    contracts = named_contracts(d)
    names = {n: c.address for n, c in contracts.items()} | {
        s: m.base_token.address for s, m in d.markets.items()
    }
    calls = []
    for raw in spec_calls:
        contract = contracts[raw["contract"]]
        method = getattr(contract, raw["function"])
        abi = method.abis[0]
        args = [_resolve(a, names) for a in raw.get("args", [])]
        args = [_to_abi(a, i) for a, i in zip(args, abi.inputs, strict=True)]
        calldata = bytes(method.encode_input(*args))
        named = {i.name: _plain(a, i) for a, i in zip(args, abi.inputs, strict=True)}
        calls.append(
            Call(
                contract.address, raw["contract"], raw["function"], named, calldata, int(raw.get("value", 0))
            )
        )
    return calls


def build_metadata(d: Deployment, spec: dict[str, Any], is_contract: Callable[[str], bool]) -> Metadata:
    calls = build_calls(d, spec["calls"])
    return Metadata(
        title=spec["title"],
        summary=spec.get("summary", ""),
        calls=calls,
        links=list(spec.get("links", [])),
        warnings=privilege_warnings(calls, is_contract),
    )


def propose(governor: Any, meta: Metadata, sender: Any, folder: Path = DEFAULT_FOLDER) -> Proposal:
    """Writes the metadata (<folder>/<cid>.json), proposes it and records it in the index."""
    meta.write(folder)
    targets = [c.target for c in meta.calls]
    values = [c.value for c in meta.calls]
    calldatas = [c.calldata for c in meta.calls]
    description = meta.description()
    governor.propose(targets, values, calldatas, description, sender=sender)
    pid = int(governor.hashProposal(targets, values, calldatas, keccak(text=description)))
    p = Proposal(pid, meta.cid(), description, targets, values, calldatas, list(meta.warnings))
    _record(folder, p)
    return p


def load_proposal(pid: int, folder: Path = DEFAULT_FOLDER) -> Proposal:
    """The recorded proposal `pid`: its metadata document and description."""
    entry = json.loads((folder / INDEX).read_text())[str(pid)]
    doc = json.loads((folder / f"{entry['cid']}.json").read_text())
    calls = doc["calls"]
    return Proposal(
        pid,
        entry["cid"],
        entry["description"],
        [c["target"] for c in calls],
        [int(c["value"]) for c in calls],
        [bytes.fromhex(c["calldata"].removeprefix("0x")) for c in calls],
        list(doc["warnings"]),
    )


def vote(governor: Any, pid: int, support: Support, sender: Any, reason: str = "") -> Any:
    if reason:
        return governor.castVoteWithReason(pid, int(support), reason, sender=sender)
    return governor.castVote(pid, int(support), sender=sender)


def queue(governor: Any, p: Proposal, sender: Any) -> Any:
    return governor.queue(p.targets, p.values, p.calldatas, p.description_hash, sender=sender)


def execute(governor: Any, p: Proposal, sender: Any) -> Any:
    return governor.execute(
        p.targets, p.values, p.calldatas, p.description_hash, sender=sender, value=sum(p.values)
    )


def timelock_operation_id(timelock: Any, governor: Any, p: Proposal) -> bytes:
    """The timelock's id of a queued proposal (GovernorTimelockControl's salt)."""
    return bytes(
        timelock.hashOperationBatch(p.targets, p.values, p.calldatas, bytes(32), _salt(governor.address, p))
    )


def cancel(governor: Any, timelock: Any, p: Proposal, sender: Any) -> Any:
    """A queued proposal: cancelled on the timelock (the guardian's CANCELLER_ROLE); a pending
    one: by its proposer through the Governor."""
    if State(int(governor.state(p.id))) == State.Queued:
        return timelock.cancel(timelock_operation_id(timelock, governor, p), sender=sender)
    return governor.cancel(p.targets, p.values, p.calldatas, p.description_hash, sender=sender)


def status(governor: Any, pid: int, now: int, warnings: list[str] | None = None) -> Status:
    """The proposal's state, the next step and the seconds left until it."""
    st = State(int(governor.state(pid)))
    left: int | None = None
    step = "nothing left to do"
    if st == State.Pending:
        left, step = int(governor.proposalSnapshot(pid)) + 1 - now, "voting opens"
    elif st == State.Active:
        left, step = int(governor.proposalDeadline(pid)) + 1 - now, "voting closes"
    elif st == State.Succeeded:
        left, step = 0, "queue it"
    elif st == State.Queued:
        eta = int(governor.proposalEta(pid))
        if now < eta:
            left, step = eta - now, "executable after the timelock delay"
        else:
            left, step = int(governor.proposalExpiry(pid)) - now, "executable now, until it expires"
    return Status(pid, st, None if left is None else max(left, 0), step, list(warnings or []))


# ------------------------------------------------------------------ internals


def _salt(governor_address: str, p: Proposal) -> bytes:
    # GovernorTimelockControl._timelockSalt: bytes20(address(this)) ^ descriptionHash
    g = bytes.fromhex(governor_address[2:]) + bytes(12)
    return bytes(a ^ b for a, b in zip(g, p.description_hash, strict=True))


def _record(folder: Path, p: Proposal) -> None:
    path = folder / INDEX
    index = json.loads(path.read_text()) if path.exists() else {}
    index[str(p.id)] = {"cid": p.cid, "description": p.description}
    path.write_text(json.dumps(index, indent=2, sort_keys=True) + "\n")


def _resolve(a: Any, names: dict[str, str]) -> Any:
    if isinstance(a, str) and a in names:
        return names[a]
    if isinstance(a, list):
        return [_resolve(x, names) for x in a]
    if isinstance(a, dict):
        return {k: _resolve(v, names) for k, v in a.items()}
    return a


def _to_abi(a: Any, abi_input: Any) -> Any:
    """A mapping becomes the struct tuple in the ABI's component order."""
    comps = getattr(abi_input, "components", None)
    if comps and isinstance(a, dict):
        return tuple(_to_abi(a[c.name], c) for c in comps)
    return a


def _plain(a: Any, abi_input: Any) -> Any:
    comps = getattr(abi_input, "components", None)
    if comps and isinstance(a, tuple | list) and not abi_input.type.endswith("]"):
        return {c.name: _plain(x, c) for x, c in zip(a, comps, strict=True)}
    if abi_input.type == "address":
        return to_checksum_address(a)
    if abi_input.type.startswith("bytes") and isinstance(a, str):
        return bytes.fromhex(a.removeprefix("0x"))
    return a


def _duration(s: int) -> str:
    d, r = divmod(s, 86_400)
    h, r = divmod(r, 3_600)
    m, sec = divmod(r, 60)
    return f"{d}d {h:02d}h {m:02d}m {sec:02d}s"
