"""The subcommands of `ape run governance` (propose, vote, queue, execute, cancel, status) and
`local-demo` (one full proposal on a local chain with time travel), as functions over a
deployment. Each returns the proposal's status line: its id, state, next step and time left."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from vperp.chain.deploy import Deployment, Governance
from vperp.governance import proposals as gp
from vperp.governance.proposals import Proposal, State, Support

Printer = Callable[[str], None]


def _gov(d: Deployment) -> Governance:
    if d.governance is None:
        raise SystemExit("this deployment has no governance (deploy with `ape run deploy`)")
    return d.governance


def now(chain: Any) -> int:
    return int(chain.blocks.head.timestamp)


def is_contract(chain: Any) -> Callable[[str], bool]:
    return lambda a: len(chain.provider.get_code(a)) > 0


def load_spec(path: Path) -> dict[str, Any]:
    spec = yaml.safe_load(Path(path).read_text())
    missing = {"title", "calls"} - set(spec)
    if missing:
        raise SystemExit(f"{path}: missing {sorted(missing)}")
    return spec


def status_line(d: Deployment, chain: Any, pid: int, folder: Path) -> str:
    try:
        warnings = gp.load_proposal(pid, folder).warnings
    except (FileNotFoundError, KeyError):
        warnings = []
    return gp.status(_gov(d).governor, pid, now(chain), warnings).line()


def propose(
    d: Deployment, chain: Any, account: Any, spec: dict[str, Any], folder: Path
) -> tuple[Proposal, str]:
    meta = gp.build_metadata(d, spec, is_contract(chain))
    p = gp.propose(_gov(d).governor, meta, account, folder)
    head = f"metadata ipfs://{p.cid} written to {folder / (p.cid + '.json')}"
    return p, head + "\n" + status_line(d, chain, p.id, folder)


def vote(d: Deployment, chain: Any, account: Any, pid: int, support: str, reason: str, folder: Path) -> str:
    gp.vote(_gov(d).governor, pid, Support[support.capitalize()], account, reason)
    return status_line(d, chain, pid, folder)


def queue(d: Deployment, chain: Any, account: Any, pid: int, folder: Path) -> str:
    gp.queue(_gov(d).governor, gp.load_proposal(pid, folder), account)
    return status_line(d, chain, pid, folder)


def execute(d: Deployment, chain: Any, account: Any, pid: int, folder: Path) -> str:
    gp.execute(_gov(d).governor, gp.load_proposal(pid, folder), account)
    return status_line(d, chain, pid, folder)


def cancel(d: Deployment, chain: Any, account: Any, pid: int, folder: Path) -> str:
    g = _gov(d)
    gp.cancel(g.governor, g.timelock, gp.load_proposal(pid, folder), account)
    return status_line(d, chain, pid, folder)


def advance_to(chain: Any, t: int) -> None:
    """Local chains: mines a block at time `t` exactly (or the next second if `t` is past). An
    exact timestamp, not a delta: Anvil's pending timestamp follows the wall clock, so a delta
    lands late by however long the previous steps took."""
    chain.mine(1, timestamp=max(t, now(chain) + 1))


def local_full_proposal(
    d: Deployment, chain: Any, voter: Any, spec: dict[str, Any], folder: Path, out: Printer
) -> Proposal:
    """Local chains: one proposal from start to finish with time travel. `voter` must hold at
    least the quorum (4%) of the supply; it delegates to itself first."""
    g = _gov(d)
    g.token.invoke_transaction("delegate", voter, sender=voter)  # Ape's ContractInstance.delegate shadows it
    chain.mine(1, deltatime=1)
    p, line = propose(d, chain, voter, spec, folder)
    out(line)
    advance_to(chain, int(g.governor.proposalSnapshot(p.id)) + 1)
    out(vote(d, chain, voter, p.id, "for", "", folder))
    advance_to(chain, int(g.governor.proposalDeadline(p.id)) + 1)
    out(status_line(d, chain, p.id, folder))
    out(queue(d, chain, voter, p.id, folder))
    advance_to(chain, int(g.governor.proposalEta(p.id)))
    out(execute(d, chain, voter, p.id, folder))
    if State(int(g.governor.state(p.id))) != State.Executed:
        raise SystemExit(f"proposal {p.id} did not execute")
    return p
