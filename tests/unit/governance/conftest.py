"""The governed stack: a fresh deployment handed to governance exactly as `ape run deploy` does
(vperp.chain.governance), with three delegated voters. The unit fixtures elsewhere keep an EOA
owner for mechanics tests; everything here runs against the timelock."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from vperp.chain.deploy import Deployment, deploy
from vperp.chain.governance import deploy_governance
from vperp.governance.metadata import Metadata
from vperp.governance.proposals import Proposal, State, Support, build_metadata, execute, propose, queue, vote
from vperp.sdk.units import wad

# votes delegated by each voter (tokens); quorum is 4% of 100,000,000 = 4,000,000
VOTES = {"whale": 10_000_000, "mid": 5_000_000, "small": 2_000_000}


@dataclass
class Gov:
    d: Deployment
    chain: Any
    token: Any
    timelock: Any
    governor: Any
    deployer: Any
    guardian: Any
    voters: dict[str, Any]
    folder: Any

    def advance(self, seconds: int) -> None:
        """Mines a block exactly `seconds` after the head (the Governor's clock is the block
        timestamp). Not `chain.mine(deltatime=...)`: that adds to Anvil's pending timestamp, which
        follows the wall clock, so on a loaded machine the block landed a second or more late
        (test_expired_proposal_cannot_be_executed failed at its "last second" check)."""
        if seconds < 1:
            raise ValueError(f"advance by {seconds} s: the next block must be later than the head")
        self.chain.mine(1, timestamp=self.now() + seconds)

    def now(self) -> int:
        return int(self.chain.blocks.head.timestamp)

    def metadata(self, calls: list[dict[str, Any]], title: str = "a proposal", **kw: Any) -> Metadata:
        spec = {"title": title, "summary": kw.pop("summary", "what it does"), "calls": calls, **kw}
        return build_metadata(self.d, spec, lambda a: len(self.chain.provider.get_code(a)) > 0)

    def propose(self, calls: list[dict[str, Any]], title: str = "a proposal", by: str = "whale") -> Proposal:
        return propose(self.governor, self.metadata(calls, title), self.voters[by], self.folder)

    def to_vote(self, p: Proposal) -> None:
        """Past the snapshot: voting is open."""
        self.advance(int(self.governor.proposalSnapshot(p.id)) + 1 - self.now())
        assert self.state(p) == State.Active

    def past_deadline(self, p: Proposal) -> None:
        self.advance(int(self.governor.proposalDeadline(p.id)) + 1 - self.now())

    def state(self, p: Proposal) -> State:
        return State(int(self.governor.state(p.id)))

    def passed(self, calls: list[dict[str, Any]], title: str = "a proposal") -> Proposal:
        """Proposed, voted for by the whale (10%), past the deadline: Succeeded."""
        p = self.propose(calls, title)
        self.to_vote(p)
        vote(self.governor, p.id, Support.For, self.voters["whale"])
        self.past_deadline(p)
        assert self.state(p) == State.Succeeded
        return p

    def queued(self, calls: list[dict[str, Any]], title: str = "a proposal") -> Proposal:
        p = self.passed(calls, title)
        queue(self.governor, p, self.voters["whale"])
        assert self.state(p) == State.Queued
        return p

    def queued_together(self, proposals: dict[str, list[dict[str, Any]]]) -> dict[str, Proposal]:
        """Several proposals (title -> calls) through propose, the whale's vote and queue side by
        side: one cycle of time travel for all."""
        ps = {title: self.propose(calls, title) for title, calls in proposals.items()}
        ids = [p.id for p in ps.values()]
        self.advance(max(int(self.governor.proposalSnapshot(i)) for i in ids) + 1 - self.now())
        for p in ps.values():
            vote(self.governor, p.id, Support.For, self.voters["whale"])
        self.advance(max(int(self.governor.proposalDeadline(i)) for i in ids) + 1 - self.now())
        for p in ps.values():
            queue(self.governor, p, self.voters["whale"])
            assert self.state(p) == State.Queued
        return ps

    def executed(self, calls: list[dict[str, Any]], title: str = "a proposal") -> Any:
        p = self.queued(calls, title)
        self.advance(int(self.governor.proposalEta(p.id)) - self.now())
        return execute(self.governor, p, self.voters["mid"])


@pytest.fixture(scope="package")
def gov(project, chain, accounts, cfg, tmp_path_factory) -> Gov:
    deployer, guardian = accounts[0], accounts[8]
    d = deploy(project, chain, deployer, cfg)
    g = deploy_governance(project, deployer, d, cfg.governance, deployer.address, guardian.address)
    voters = {"whale": accounts[5], "mid": accounts[6], "small": accounts[7]}
    for name, a in voters.items():
        g.token.transfer(a, wad(VOTES[name]), sender=deployer)
        g.token.invoke_transaction(
            "delegate", a, sender=a
        )  # ContractInstance.delegate is Ape's own attribute
    chain.mine(1, deltatime=1)  # the delegations are in the past of any later snapshot
    return Gov(
        d,
        chain,
        g.token,
        g.timelock,
        g.governor,
        deployer,
        guardian,
        voters,
        tmp_path_factory.mktemp("proposals"),
    )
