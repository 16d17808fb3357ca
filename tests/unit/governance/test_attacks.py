"""Attacks on governance: flash-loan votes and proposals, delegation replays, and the owner
attacks of the solvency issue's hole 9 (drain the insurance fund, MMR = IMR, an unbounded
adjustK), now impossible without a passed vote and the 2-day delay."""

from __future__ import annotations

from eth_abi import encode as abi_encode
from eth_utils import keccak

from utils.checks import call_revert, error_data
from utils.reverts import reverts
from utils.signing import sign_typed
from vperp.chain.config import load_config
from vperp.chain.deploy import market_params
from vperp.governance.proposals import State, Support, execute, timelock_operation_id, vote
from vperp.governance.proposals import queue as queue_
from vperp.sdk.units import usdc, wad

VETH = load_config().market("vETH").params


# ------------------------------------------------------------------ flash-loan votes


def test_flash_loan_vote_carries_no_weight(gov, project):
    """Borrow 50% of the supply, delegate and vote in one transaction (one block): the Governor
    counts the votes delegated at the snapshot, so the weight is zero; the proposal (no other
    vote) misses quorum."""
    attacker = project.FlashVoteAttacker.deploy(sender=gov.voters["small"])
    lender = gov.deployer  # the treasury stands for a lending pool's reserve: 83% of the supply
    gov.token.approve(attacker, 2**256 - 1, sender=lender)
    p = gov.propose(
        [{"contract": "InsuranceFund", "function": "withdrawSurplus", "args": ["ClearingHouse", 1]}]
    )
    gov.to_vote(p)
    borrowed = wad(50_000_000)
    tx = attacker.borrowDelegateVote(
        gov.token, lender, gov.governor, p.id, int(Support.For), borrowed, sender=gov.voters["small"]
    )
    (ev,) = tx.decode_logs(gov.governor.VoteCast)
    assert ev.voter == attacker.address and int(ev.weight) == 0
    assert [int(v) for v in gov.governor.proposalVotes(p.id)] == [0, 0, 0]
    assert int(gov.token.balanceOf(attacker)) == 0  # repaid in the same transaction
    assert int(gov.governor.getVotes(attacker, tx.timestamp - 1)) == 0
    gov.past_deadline(p)
    assert gov.state(p) == State.Defeated


def test_votes_bought_after_the_snapshot_carry_no_weight(gov, accounts):
    """Not only flash loans: tokens bought and delegated after the snapshot weigh nothing for
    that proposal, even held until the vote ends."""
    late = accounts[4]
    p = gov.propose(
        [{"contract": "InsuranceFund", "function": "withdrawSurplus", "args": ["ClearingHouse", 1]}]
    )
    gov.to_vote(p)  # the snapshot is past
    gov.token.transfer(late, wad(20_000_000), sender=gov.deployer)
    gov.token.invoke_transaction("delegate", late, sender=late)
    gov.advance(3600)
    assert int(gov.token.getVotes(late)) == wad(20_000_000)
    tx = vote(gov.governor, p.id, Support.For, late)
    assert int(tx.decode_logs(gov.governor.VoteCast)[0].weight) == 0
    # a vote cannot be cast twice either
    with reverts(gov.governor.GovernorAlreadyCastVote, voter=late):
        vote(gov.governor, p.id, Support.For, late)


def test_flash_loan_cannot_reach_the_proposal_threshold(gov, project):
    attacker = project.FlashVoteAttacker.deploy(sender=gov.voters["small"])
    gov.token.approve(attacker, 2**256 - 1, sender=gov.deployer)
    meta = gov.metadata(
        [{"contract": "InsuranceFund", "function": "withdrawSurplus", "args": ["ClearingHouse", 1]}]
    )
    with reverts(
        gov.governor.GovernorInsufficientProposerVotes, proposer=attacker, votes=0, threshold=wad(100_000)
    ):
        attacker.borrowDelegatePropose(
            gov.token,
            gov.deployer,
            gov.governor,
            wad(50_000_000),
            [c.target for c in meta.calls],
            [0],
            [c.calldata for c in meta.calls],
            meta.description(),
            sender=gov.voters["small"],
        )


# ------------------------------------------------------------------ delegation by signature


def delegation_signature(gov, chain, signer, delegatee: str, nonce: int, expiry: int):
    fields = [("delegatee", "address"), ("nonce", "uint256"), ("expiry", "uint256")]
    message = {"delegatee": delegatee, "nonce": nonce, "expiry": expiry}
    return sign_typed(signer, gov.token, chain.chain_id, "Delegation", fields, message)


def test_token_permit_sets_an_allowance_once(gov, chain, accounts):
    """ERC20Permit on the governance token: a holder's signature sets a spender's allowance
    (nonce used, replay refused), a permit signed for another spender does not apply to this
    one, and one past its deadline is refused."""
    holder, spender, other = accounts[4], accounts[5], accounts[6]
    fields = [
        ("owner", "address"),
        ("spender", "address"),
        ("value", "uint256"),
        ("nonce", "uint256"),
        ("deadline", "uint256"),
    ]
    deadline = gov.now() + 3600

    def permit(to: str, value: int, nonce: int, when: int):
        message = {"owner": holder.address, "spender": to, "value": value, "nonce": nonce, "deadline": when}
        return sign_typed(holder, gov.token, chain.chain_id, "Permit", fields, message)

    nonce = int(gov.token.nonces(holder))
    v, r, s = permit(spender.address, wad(7), nonce, deadline)
    gov.token.permit(holder, spender, wad(7), deadline, v, r, s, sender=other)  # anyone relays it
    assert int(gov.token.allowance(holder, spender)) == wad(7)
    assert int(gov.token.nonces(holder)) == nonce + 1
    with reverts(gov.token.ERC2612InvalidSigner):
        gov.token.permit(holder, spender, wad(7), deadline, v, r, s, sender=other)  # replayed
    v, r, s = permit(other.address, wad(9), nonce + 1, deadline)
    with reverts(gov.token.ERC2612InvalidSigner):  # signed for another spender
        gov.token.permit(holder, spender, wad(9), deadline, v, r, s, sender=other)
    late = gov.now() - 1
    v, r, s = permit(spender.address, wad(9), nonce + 1, late)
    with reverts(gov.token.ERC2612ExpiredSignature, deadline=late):
        gov.token.permit(holder, spender, wad(9), late, v, r, s, sender=other)
    assert int(gov.token.allowance(holder, spender)) == wad(7)


def test_delegation_by_signature_cannot_be_replayed(gov, chain, accounts):
    holder, delegatee, relayer = accounts[4], gov.voters["small"], accounts[3]
    gov.token.transfer(holder, wad(1_000_000), sender=gov.deployer)
    expiry = gov.now() + 3600
    v, r, s = delegation_signature(gov, chain, holder, delegatee.address, 0, expiry)
    gov.token.delegateBySig(delegatee, 0, expiry, v, r, s, sender=relayer)
    assert gov.token.delegates(holder) == delegatee.address
    assert int(gov.token.nonces(holder)) == 1
    # the holder moves its votes back to itself; replaying the old signature is refused
    gov.token.invoke_transaction("delegate", holder, sender=holder)
    with reverts(gov.token.InvalidAccountNonce, account=holder, currentNonce=1):
        gov.token.delegateBySig(delegatee, 0, expiry, v, r, s, sender=relayer)
    assert gov.token.delegates(holder) == holder.address
    # a signature past its expiry is refused, at the head's timestamp exactly (eth_call): valid
    # in the last second (`expiry` inclusive), refused one second later
    expiry = gov.now() + 10
    v, r, s = delegation_signature(gov, chain, holder, delegatee.address, 1, expiry)
    data = bytes(gov.token.delegateBySig.encode_input(delegatee, 1, expiry, v, r, s))
    gov.advance(expiry - gov.now())
    assert call_revert(chain, relayer.address, gov.token.address, data) is None
    gov.advance(1)
    expired = error_data("VotesExpiredSignature(uint256)", expiry)
    assert call_revert(chain, relayer.address, gov.token.address, data) == expired
    assert gov.token.delegates(holder) == holder.address


# ------------------------------------------------------------------ owner attacks (hole 9)


def test_former_owner_can_do_nothing(gov):
    d, eoa = gov.d, gov.deployer
    eth = d.base("vETH")
    im_equal = list(market_params(VETH))
    im_equal[1] = im_equal[0]  # MMR = IMR
    calls = [
        (d.insurance_fund, lambda: d.insurance_fund.withdrawSurplus(eoa, 1, sender=eoa)),
        (d.clearing_house, lambda: d.clearing_house.setMarketParams(eth, tuple(im_equal), sender=eoa)),
        (d.clearing_house, lambda: d.clearing_house.adjustK(eth, 1, 0, sender=eoa)),
        (d.clearing_house, lambda: d.clearing_house.repeg(eth, 0, sender=eoa)),
        (d.clearing_house, lambda: d.clearing_house.setGuardian(eoa, sender=eoa)),
        (d.clearing_house, lambda: d.clearing_house.setGlobalParams(wad(10), wad(500), 0, sender=eoa)),
        (d.oracle, lambda: d.oracle.setFeed(eth, d.oracle.getFeed(eth), sender=eoa)),
        (d.liquidity_pool, lambda: d.liquidity_pool.setParams(100_000, 0, sender=eoa)),
        (d.liquidity_pool, lambda: d.liquidity_pool.setDepthTarget(eth, 0, sender=eoa)),
        (d.liquidity_pool, lambda: d.liquidity_pool.setIncomeVestingPeriod(3600, sender=eoa)),
    ]
    for c, call in calls:
        with reverts(c.OwnableUnauthorizedAccount, account=eoa):
            call()
    with reverts(d.clearing_house.OnlyGuardian, caller=eoa):
        d.clearing_house.setPaused(eth, True, sender=eoa)


def test_draining_the_insurance_fund_stops_at_its_floor(gov, accounts):
    fund, to = gov.d.insurance_fund, accounts[4]
    surplus = int(fund.withdrawableSurplus())
    assert surplus == usdc(40_000)  # 50,000 seed - 10,000 floor, no open interest
    withdraw = {"contract": "InsuranceFund", "function": "withdrawSurplus"}
    # the whole balance, or one micro-USDC over the surplus: the vote passes, the 2 days go by,
    # and the execution still cannot take the fund below its floor
    ps = gov.queued_together(
        {
            "Drain the fund": [{**withdraw, "args": [to.address, usdc(50_000)]}],
            "One micro-USDC over the surplus": [{**withdraw, "args": [to.address, surplus + 1]}],
            "Take the surplus": [{**withdraw, "args": [to.address, surplus]}],
        }
    )
    at_eta(gov, *ps.values())
    for title, asked in (("Drain the fund", usdc(50_000)), ("One micro-USDC over the surplus", surplus + 1)):
        refused = error_data("SurplusExceeded(uint256,uint256,uint256)", asked, surplus, usdc(10_000))
        assert execution_revert(gov, ps[title]) == refused, title
    before = int(gov.d.usdc.balanceOf(to))
    tx = execute(gov.governor, ps["Take the surplus"], gov.deployer)
    assert int(gov.d.usdc.balanceOf(to)) - before == surplus
    (ev,) = tx.decode_logs(fund.SurplusWithdrawn)
    assert int(ev.balanceAfter) == int(ev.floor) == wad(10_000)


def at_eta(gov, *ps) -> None:
    """Mines the head at the latest ETA of `ps`: all are executable."""
    eta = max(int(gov.governor.proposalEta(p.id)) for p in ps)
    gov.advance(eta - gov.now())


def execution_revert(gov, p) -> bytes | None:
    """The revert data of executing `p` now (eth_call at the head): the target's error bubbles
    up through the timelock and the Governor."""
    data = gov.governor.execute.encode_input(p.targets, p.values, p.calldatas, p.description_hash)
    return call_revert(gov.chain, gov.deployer.address, gov.governor.address, bytes(data))


def test_mmr_equal_to_imr_needs_a_vote_and_two_days(gov):
    ch, eth = gov.d.clearing_house, gov.d.base("vETH")
    params = list(market_params(VETH))
    params[1] = params[0]  # MMR = IMR = 10%: allowed by the bounds, but only through a vote
    call = {"contract": "ClearingHouse", "function": "setMarketParams", "args": ["vETH", tuple(params)]}
    p = gov.queued([call])
    eta = int(gov.governor.proposalEta(p.id))
    assert eta - int(gov.governor.proposalDeadline(p.id)) >= 2 * 86_400
    assert int(ch.getMarket(eth).mmRatio) == 62_500  # nothing before the delay
    gov.advance(eta - gov.now())
    execute(gov.governor, p, gov.deployer)
    assert int(ch.getMarket(eth).mmRatio) == int(ch.getMarket(eth).imRatio) == 100_000
    # above the IMR: out of section 4's bounds even with a vote
    params[1] = params[0] + 1
    with reverts(ch.ParamOutOfBounds, value=params[0] + 1, min=5_000, max=params[0]):
        gov.executed([{**call, "args": ["vETH", tuple(params)]}], "MMR above IMR")


def test_unbounded_adjust_k_is_refused_even_with_a_vote(gov):
    ch, eth = gov.d.clearing_house, gov.d.base("vETH")
    base = int(ch.getReserves(eth)[0])
    call = {"contract": "ClearingHouse", "function": "adjustK"}
    sizes = {
        "k x2 + 1 wei": base * 2 + 1,
        "k / 2 - 1 wei": base // 2 - 1,
        "k x10": base * 10,
        "k x2": base * 2,
    }
    ps = gov.queued_together({t: [{**call, "args": ["vETH", n, 0]}] for t, n in sizes.items()})
    at_eta(gov, *ps.values())
    for title in ("k x2 + 1 wei", "k / 2 - 1 wei", "k x10"):
        refused = error_data("KChangeTooLarge(address,uint256,uint256)", eth.address, base, sizes[title])
        assert execution_revert(gov, ps[title]) == refused, title
    execute(gov.governor, ps["k x2"], gov.deployer)  # no open interest: costs nothing
    assert int(ch.getReserves(eth)[0]) == base * 2


def test_hole_9_attacks_wait_for_a_passed_vote_and_two_days(gov, accounts):
    """The three owner attacks as proposals: none executes before its vote has passed, nor one
    second before the 2-day delay is over (the guardian's window to cancel); then only within
    the bounds (the tests above)."""
    d, eth, to = gov.d, gov.d.base("vETH"), accounts[4]
    params = list(market_params(VETH))
    params[1] = params[0]  # MMR = IMR
    base = int(d.clearing_house.getReserves(eth)[0])
    attacks = {
        "Drain the fund": [
            {"contract": "InsuranceFund", "function": "withdrawSurplus", "args": [to.address, usdc(40_000)]}
        ],
        "MMR = IMR": [
            {"contract": "ClearingHouse", "function": "setMarketParams", "args": ["vETH", tuple(params)]}
        ],
        "k x2": [{"contract": "ClearingHouse", "function": "adjustK", "args": ["vETH", base * 2, 0]}],
    }
    # not before the vote: a pending proposal cannot be queued or executed
    p = gov.propose(attacks["k x2"], "k x2, straight away")
    for step in (queue_, execute):
        with reverts(
            gov.governor.GovernorUnexpectedProposalState, proposalId=p.id, current=int(State.Pending)
        ):
            step(gov.governor, p, gov.deployer)
    ps = gov.queued_together(attacks)
    for title, p in ps.items():  # queued one after the other: ETAs in that order
        eta = int(gov.governor.proposalEta(p.id))
        assert eta - int(gov.governor.proposalDeadline(p.id)) >= 2 * 86_400, title
        if eta - 1 > gov.now():
            gov.advance(eta - 1 - gov.now())  # the head: the last second before the ETA
        assert gov.now() == eta - 1
        data = gov.governor.execute.encode_input(p.targets, p.values, p.calldatas, p.description_hash)
        op = timelock_operation_id(gov.timelock, gov.governor, p)
        expected = error_data(
            "TimelockUnexpectedOperationState(bytes32,bytes32)", op, (1 << 2).to_bytes(32, "big")
        )
        assert call_revert(gov.chain, gov.deployer.address, gov.governor.address, bytes(data)) == expected, (
            title
        )
    assert int(d.usdc.balanceOf(to)) == 0
    assert int(d.clearing_house.getMarket(eth).mmRatio) == 62_500
    assert int(d.clearing_house.getReserves(eth)[0]) == base


def test_borrow_delegate_vote_repay_as_separate_transactions_in_one_block(gov, chain, accounts):
    """The same flash loan as four ordinary transactions mined in one block (automine off):
    borrow, delegate, vote, repay. The vote counts zero."""
    attacker, lender = accounts[4], gov.deployer
    p = gov.propose(
        [{"contract": "InsuranceFund", "function": "withdrawSurplus", "args": ["ClearingHouse", 1]}]
    )
    gov.to_vote(p)
    amount = wad(50_000_000)
    token, w3 = gov.token, chain.provider.web3
    txs = [
        (lender, token, token.transfer.encode_input(attacker.address, amount)),
        (attacker, token, _delegate_data(attacker.address)),
        (attacker, gov.governor, gov.governor.castVote.encode_input(p.id, int(Support.For))),
        (attacker, token, token.transfer.encode_input(lender.address, amount)),
    ]
    chain.provider.make_request("evm_setAutomine", [False])
    try:
        hashes = [
            w3.eth.send_transaction({"from": s.address, "to": c.address, "data": bytes(data), "gas": 500_000})
            for s, c, data in txs
        ]
        chain.provider.make_request("evm_mine", [])
    finally:
        chain.provider.make_request("evm_setAutomine", [True])
    receipts = [w3.eth.get_transaction_receipt(h) for h in hashes]
    assert all(r["status"] == 1 for r in receipts)
    assert len({r["blockNumber"] for r in receipts}) == 1  # one block
    assert [int(v) for v in gov.governor.proposalVotes(p.id)] == [0, 0, 0]
    assert gov.governor.hasVoted(p.id, attacker)
    assert int(token.balanceOf(attacker)) == 0


def _delegate_data(delegatee: str) -> bytes:
    """delegate(delegatee) calldata (Ape's ContractInstance.delegate is Ape's own attribute)."""
    return keccak(text="delegate(address)")[:4] + abi_encode(["address"], [delegatee])
