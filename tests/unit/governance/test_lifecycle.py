"""Issue 11's lifecycle on a local chain: a market's MMR changed end to end through propose,
vote, queue, the 2-day delay and execute; early execution, a missed quorum, a defeated proposal,
the guardian's cancel of a queued proposal, and expiry."""

from __future__ import annotations

from utils.reverts import reverts
from vperp.chain.config import load_config
from vperp.chain.deploy import market_params
from vperp.governance.proposals import (
    State,
    Support,
    cancel,
    execute,
    queue,
    status,
    timelock_operation_id,
    vote,
)
from vperp.sdk.units import wad

TWO_DAYS = 2 * 86_400
GRACE = 14 * 86_400


VETH_PARAMS = load_config().market("vETH").params


def mmr_call(mm_ratio: int) -> dict:
    """ClearingHouse.setMarketParams(vETH, the configured parameters with this MMR)."""
    params = list(market_params(VETH_PARAMS))
    params[1] = mm_ratio
    return {"contract": "ClearingHouse", "function": "setMarketParams", "args": ["vETH", tuple(params)]}


def test_mmr_change_end_to_end(gov):
    ch, eth = gov.d.clearing_house, gov.d.base("vETH")
    assert int(ch.getMarket(eth).mmRatio) == 62_500
    p = gov.propose([mmr_call(70_000)], "Raise vETH MMR to 7%")
    assert gov.state(p) == State.Pending
    st = status(gov.governor, p.id, gov.now())
    assert st.time_left == int(gov.governor.proposalSnapshot(p.id)) + 1 - gov.now() > 86_000
    with reverts(gov.governor.GovernorUnexpectedProposalState, proposalId=p.id, current=int(State.Pending)):
        vote(gov.governor, p.id, Support.For, gov.voters["whale"])  # not open yet

    gov.to_vote(p)
    vote(gov.governor, p.id, Support.For, gov.voters["whale"])
    vote(gov.governor, p.id, Support.Against, gov.voters["small"])
    against, for_, abstain = (int(v) for v in gov.governor.proposalVotes(p.id))
    assert (against, for_, abstain) == (wad(2_000_000), wad(10_000_000), 0)
    with reverts(gov.governor.GovernorUnexpectedProposalState, proposalId=p.id, current=int(State.Active)):
        queue(gov.governor, p, gov.voters["whale"])  # voting still open
    gov.past_deadline(p)
    assert gov.state(p) == State.Succeeded

    tx = queue(gov.governor, p, gov.deployer)  # anyone queues
    eta = int(gov.governor.proposalEta(p.id))
    assert eta == tx.timestamp + TWO_DAYS
    assert gov.state(p) == State.Queued
    op = timelock_operation_id(gov.timelock, gov.governor, p)
    assert gov.timelock.isOperationPending(op) and not gov.timelock.isOperationReady(op)

    # executing early reverts, one second before the delay is over too (the next block's
    # timestamp pinned: under load Anvil's clock would otherwise move on by a second or more)
    gov.chain.pending_timestamp = eta - 1
    with reverts(
        gov.timelock.TimelockUnexpectedOperationState, operationId=op, expectedStates=state_bit_ready()
    ):
        execute(gov.governor, p, gov.deployer)
    assert int(ch.getMarket(eth).mmRatio) == 62_500

    gov.chain.pending_timestamp = eta
    tx = execute(gov.governor, p, gov.deployer)  # anyone executes, through the Governor
    assert tx.timestamp == eta
    assert gov.state(p) == State.Executed
    assert int(ch.getMarket(eth).mmRatio) == 70_000
    (ev,) = tx.decode_logs(ch.MarketParamsChanged)
    assert ev.old[1] == 62_500 and ev.params[1] == 70_000  # (imRatio, mmRatio, ...)


def state_bit_ready() -> bytes:
    # TimelockController.OperationState.Ready = 2
    return (1 << 2).to_bytes(32, "big")


def test_quorum_missed_fails(gov):
    p = gov.propose([mmr_call(70_000)])
    gov.to_vote(p)
    vote(gov.governor, p.id, Support.For, gov.voters["small"])  # 2% of the supply, quorum 4%
    gov.past_deadline(p)
    snapshot = int(gov.governor.proposalSnapshot(p.id))
    assert int(gov.governor.quorum(snapshot)) == wad(4_000_000)
    assert gov.state(p) == State.Defeated
    with reverts(gov.governor.GovernorUnexpectedProposalState, proposalId=p.id, current=int(State.Defeated)):
        queue(gov.governor, p, gov.deployer)


def test_quorum_boundary_and_abstain(gov, accounts):
    """Quorum is 4,000,000 votes (4% of the supply): one wei short fails, exactly 4% passes;
    abstentions count towards quorum, not towards the majority."""
    voter = accounts[4]
    gov.token.transfer(voter, wad(4_000_000) - 1, sender=gov.deployer)
    gov.token.invoke_transaction("delegate", voter, sender=voter)
    gov.advance(1)
    short = gov.propose([mmr_call(70_000)], "one wei short of quorum")
    gov.to_vote(short)
    gov.token.transfer(voter, 1, sender=gov.deployer)  # after short's snapshot
    gov.advance(1)
    exact = gov.propose([mmr_call(70_000)], "exactly the quorum")
    vote(gov.governor, short.id, Support.For, voter)
    gov.to_vote(exact)
    vote(gov.governor, exact.id, Support.For, voter)
    # abstain: 5% abstaining and 2% for reach quorum; for > against decides
    mixed = gov.propose([mmr_call(70_000)], "abstentions count for quorum")
    gov.to_vote(mixed)
    vote(gov.governor, mixed.id, Support.Abstain, gov.voters["mid"])
    vote(gov.governor, mixed.id, Support.For, gov.voters["small"])
    gov.past_deadline(mixed)
    assert gov.state(short) == State.Defeated
    assert gov.state(exact) == State.Succeeded
    assert gov.state(mixed) == State.Succeeded


def test_defeated_proposal_cannot_be_queued(gov):
    p = gov.propose([mmr_call(70_000)])
    gov.to_vote(p)
    vote(gov.governor, p.id, Support.For, gov.voters["mid"])  # 5%: quorum met
    vote(gov.governor, p.id, Support.Against, gov.voters["whale"])  # 10% against
    gov.past_deadline(p)
    assert gov.state(p) == State.Defeated
    with reverts(gov.governor.GovernorUnexpectedProposalState, proposalId=p.id, current=int(State.Defeated)):
        queue(gov.governor, p, gov.voters["mid"])
    with reverts(gov.governor.GovernorUnexpectedProposalState, proposalId=p.id, current=int(State.Defeated)):
        execute(gov.governor, p, gov.voters["mid"])


def test_guardian_cancels_a_queued_proposal(gov):
    ch, eth = gov.d.clearing_house, gov.d.base("vETH")
    p = gov.queued([mmr_call(70_000)])
    tx = cancel(gov.governor, gov.timelock, p, gov.guardian)
    op = timelock_operation_id(gov.timelock, gov.governor, p)
    assert [e.id for e in tx.decode_logs(gov.timelock.Cancelled)] == [op]
    assert gov.state(p) == State.Canceled  # GovernorTimelockControl reads the timelock
    assert status(gov.governor, p.id, gov.now()).state == State.Canceled
    gov.advance(TWO_DAYS + 1)
    with reverts(gov.governor.GovernorUnexpectedProposalState, proposalId=p.id, current=int(State.Canceled)):
        execute(gov.governor, p, gov.deployer)
    assert int(ch.getMarket(eth).mmRatio) == 62_500


def test_only_cancellers_cancel(gov):
    p = gov.queued([mmr_call(70_000)])
    op = timelock_operation_id(gov.timelock, gov.governor, p)
    role = gov.timelock.CANCELLER_ROLE()
    for who in (gov.deployer, gov.voters["whale"]):
        with reverts(gov.timelock.AccessControlUnauthorizedAccount, account=who, neededRole=role):
            gov.timelock.cancel(op, sender=who)
    assert gov.state(p) == State.Queued


def test_expired_proposal_cannot_be_executed(gov):
    ch, eth = gov.d.clearing_house, gov.d.base("vETH")
    p = gov.queued([mmr_call(70_000)])
    eta = int(gov.governor.proposalEta(p.id))
    assert int(gov.governor.proposalExpiry(p.id)) == eta + GRACE
    gov.advance(eta + GRACE - gov.now())
    assert gov.state(p) == State.Queued  # the last second of the grace period
    gov.advance(1)
    assert gov.state(p) == State.Expired
    assert status(gov.governor, p.id, gov.now()).time_left is None
    with reverts(gov.governor.GovernorUnexpectedProposalState, proposalId=p.id, current=int(State.Expired)):
        execute(gov.governor, p, gov.deployer)
    # nor around the Governor: it is the timelock's only executor
    with reverts(gov.timelock.AccessControlUnauthorizedAccount, account=gov.deployer):
        gov.timelock.executeBatch(p.targets, p.values, p.calldatas, bytes(32), bytes(32), sender=gov.deployer)
    assert int(ch.getMarket(eth).mmRatio) == 62_500


def test_proposal_threshold(gov):
    # 100,000 votes needed; an account with none cannot propose
    nobody = gov.d.owner  # the deployer holds tokens but never delegated: no votes
    meta = gov.metadata([mmr_call(70_000)])
    with reverts(
        gov.governor.GovernorInsufficientProposerVotes, proposer=nobody, votes=0, threshold=wad(100_000)
    ):
        gov.governor.propose(
            [c.target for c in meta.calls], [0], [c.calldata for c in meta.calls], "x", sender=nobody
        )
