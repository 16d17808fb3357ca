"""`ape run governance`'s subcommands (vperp.governance.commands) drive one full proposal on the
local chain, with time travel, in well under a minute; and cancel and status as the script runs
them."""

from __future__ import annotations

import time
from pathlib import Path

from utils.reverts import reverts
from vperp.chain.config import ROOT
from vperp.governance import commands
from vperp.governance.proposals import State

SPEC = ROOT / "config" / "proposals" / "raise-veth-mmr.yaml"


def test_one_full_proposal_through_the_subcommands(gov):
    ch, eth = gov.d.clearing_house, gov.d.base("vETH")
    lines: list[str] = []
    t0 = time.monotonic()
    p = commands.local_full_proposal(
        gov.d, gov.chain, gov.voters["whale"], commands.load_spec(SPEC), gov.folder, lines.append
    )
    assert time.monotonic() - t0 < 60
    assert int(ch.getMarket(eth).mmRatio) == 70_000
    lines = "\n".join(lines).splitlines()
    states = [line.split(": ")[1].split(";")[0] for line in lines if line.startswith("proposal ")]
    assert states == ["Pending", "Active", "Succeeded", "Queued", "Executed"]
    assert all(line.startswith(f"proposal {p.id}: ") for line in lines[1:])
    assert "time left 2d 00h 00m 00s" in lines[-2]  # queued: the timelock's delay
    assert lines[0].startswith(f"metadata ipfs://{p.cid} written to ")
    assert Path(gov.folder / f"{p.cid}.json").exists()


def test_cancel_and_status_subcommands(gov):
    spec = commands.load_spec(SPEC)
    p, _ = commands.propose(gov.d, gov.chain, gov.voters["whale"], spec, gov.folder)
    gov.to_vote(p)
    commands.vote(gov.d, gov.chain, gov.voters["whale"], p.id, "for", "7% is safer", gov.folder)
    gov.past_deadline(p)
    line = commands.queue(gov.d, gov.chain, gov.voters["mid"], p.id, gov.folder)
    assert line == f"proposal {p.id}: Queued; executable after the timelock delay; time left 2d 00h 00m 00s"
    line = commands.cancel(gov.d, gov.chain, gov.guardian, p.id, gov.folder)
    assert line == f"proposal {p.id}: Canceled; nothing left to do; time left -"
    assert gov.state(p) == State.Canceled
    assert commands.status_line(gov.d, gov.chain, p.id, gov.folder) == line


def test_proposer_cancels_a_pending_proposal(gov):
    p, _ = commands.propose(gov.d, gov.chain, gov.voters["whale"], commands.load_spec(SPEC), gov.folder)
    with reverts(gov.governor.GovernorOnlyProposer, account=gov.voters["mid"]):
        commands.cancel(gov.d, gov.chain, gov.voters["mid"], p.id, gov.folder)
    line = commands.cancel(gov.d, gov.chain, gov.voters["whale"], p.id, gov.folder)
    assert line == f"proposal {p.id}: Canceled; nothing left to do; time left -"
