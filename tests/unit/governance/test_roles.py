"""After the governed deployment no EOA holds a privileged role: every owner is the timelock,
the timelock administers itself, the Governor is its only proposer and executor, and the
guardian holds exactly its two powers (pause opening, cancel a queued proposal)."""

from __future__ import annotations

import pytest
from eth_abi import encode as abi_encode

from utils.reverts import decode_error, reverts
from vperp.chain.governance import TIMELOCK_ROLES, owned_contracts

ZERO = "0x" + "00" * 20


def has_code(chain, address: str) -> bool:
    return len(chain.provider.get_code(address)) > 0


def deployed_contracts(gov) -> dict[str, object]:
    """Every contract of the governed deployment (the local mocks aside: TestUSDC, MockPyth and
    the Chainlink mocks stand for external contracts)."""
    d = gov.d
    out = {
        "ClearingHouse": d.clearing_house,
        "PriceOracle": d.oracle,
        "InsuranceFund": d.insurance_fund,
        "LiquidityPool": d.liquidity_pool,
        "Viewer": d.viewer,
        "GovernanceToken": gov.token,
        "GovernanceTimelock": gov.timelock,
        "PerpGovernor": gov.governor,
        **d.logic,
    }
    for s, m in d.markets.items():
        out[f"BaseToken {s}"] = m.base_token
    return out


def role_holders(chain, timelock, role: bytes) -> set[str]:
    """Every account ever granted `role` on the timelock that still holds it (from the logs)."""
    granted = {
        log.account
        for log in timelock.RoleGranted.range(0, chain.blocks.head.number + 1)
        if bytes(log.role) == role
    }
    return {a for a in granted if timelock.hasRole(role, a)}


def test_every_owner_is_the_timelock_and_no_eoa_holds_a_role(gov, chain):
    tl = gov.timelock.address
    owners_checked = []
    for name, c in deployed_contracts(gov).items():
        methods = {m.name for m in c.contract_type.abi if getattr(m, "type", "") == "function"}
        if "owner" in methods:
            assert c.owner() == tl, name
            assert c.pendingOwner() == ZERO, name
            owners_checked.append(name)
        # no other access-control scheme is hiding anywhere
        assert not {"grantRole", "hasRole"} & methods or name == "GovernanceTimelock", name
    assert sorted(owners_checked) == sorted(owned_contracts(gov.d))

    holders = {n: role_holders(chain, gov.timelock, r) for n, r in TIMELOCK_ROLES.items()}
    assert holders == {
        "DEFAULT_ADMIN_ROLE": {tl},
        "PROPOSER_ROLE": {gov.governor.address},
        "EXECUTOR_ROLE": {gov.governor.address},
        "CANCELLER_ROLE": {gov.governor.address, gov.guardian.address},
    }
    for name, role in TIMELOCK_ROLES.items():
        assert gov.timelock.getRoleAdmin(role) == TIMELOCK_ROLES["DEFAULT_ADMIN_ROLE"], name
        assert not gov.timelock.hasRole(role, ZERO), f"{name} is open to anyone"
        for a in holders[name]:
            assert has_code(chain, a) or a == gov.guardian.address, f"EOA {a} holds {name}"
    # the guardian's core role is the guardian, nobody else's; the deployer kept nothing
    assert gov.d.clearing_house.guardian() == gov.guardian.address
    assert not any(gov.timelock.hasRole(r, gov.deployer) for r in TIMELOCK_ROLES.values())
    # the Governor executes through the timelock, the timelock delay is section 4's
    assert gov.governor.timelock() == tl
    assert int(gov.timelock.getMinDelay()) == 2 * 86_400
    assert gov.governor.CLOCK_MODE() == gov.token.CLOCK_MODE() == "mode=timestamp"
    assert int(gov.token.clock()) == int(chain.blocks.head.timestamp)
    assert int(gov.governor.quorumNumerator()) == 4
    assert int(gov.token.balanceOf(gov.deployer)) + 17_000_000 * 10**18 == int(gov.token.totalSupply())


def test_timelock_administers_itself(gov):
    tl = gov.timelock
    admin = TIMELOCK_ROLES["DEFAULT_ADMIN_ROLE"]
    assert tl.hasRole(admin, tl.address)
    # nobody outside grants roles, changes the delay or accepts ownerships
    for who in (gov.deployer, gov.guardian, gov.voters["whale"]):
        with reverts(tl.AccessControlUnauthorizedAccount, account=who, neededRole=admin):
            tl.grantRole(TIMELOCK_ROLES["PROPOSER_ROLE"], who, sender=who)
        with reverts(tl.TimelockUnauthorizedCaller, caller=who):
            tl.updateDelay(86_400, sender=who)
        with reverts(tl.AccessControlUnauthorizedAccount, account=who, neededRole=admin):
            tl.acceptOwnerships([gov.d.clearing_house.address], sender=who)


@pytest.mark.parametrize(
    ("delay", "ok"),
    [(86_399, False), (86_400, True), (30 * 86_400, True), (30 * 86_400 + 1, False), (0, False)],
)
def test_timelock_delay_bounds_at_deployment(project, chain, gov, delay, ok):
    args = (delay, [], [], "0x" + "00" * 20)
    if ok:
        assert int(project.GovernanceTimelock.deploy(*args, sender=gov.deployer).getMinDelay()) == delay
    else:
        data = deployment_revert(chain, project.GovernanceTimelock, gov.deployer, *args)
        err = project.GovernanceTimelock.DelayOutOfBounds
        assert decode_error(err, data) == {"delay": delay, "min": 86_400, "max": 30 * 86_400}


def test_delay_change_by_proposal_within_bounds(gov):
    call = {"contract": "GovernanceTimelock", "function": "updateDelay"}
    tx = gov.executed([{**call, "args": [86_400]}], "Delay to 1 day")
    (ev,) = tx.decode_logs(gov.timelock.MinDelayChange)
    assert (int(ev.oldDuration), int(ev.newDuration)) == (2 * 86_400, 86_400)
    assert int(gov.timelock.getMinDelay()) == 86_400
    # out of bounds: the proposal passes but its execution reverts with the bound
    with reverts(gov.timelock.DelayOutOfBounds, delay=86_399, min=86_400, max=30 * 86_400):
        gov.executed([{**call, "args": [86_399]}], "Delay below the bound")


def test_governor_settings_are_bounded(gov, project, chain):
    g = gov.governor
    calls = [
        {"contract": "PerpGovernor", "function": "setVotingDelay", "args": [3600]},
        {"contract": "PerpGovernor", "function": "setVotingPeriod", "args": [30 * 86_400]},
        {"contract": "PerpGovernor", "function": "updateQuorumNumerator", "args": [50]},
        {"contract": "PerpGovernor", "function": "setProposalThreshold", "args": [10**6 * 10**18]},  # 1%
    ]
    # one past a bound: the vote passes, the execution reverts with the bound
    with reverts(g.SettingOutOfBounds, value=51, min=1, max=50):
        gov.executed([{**calls[2], "args": [51]}], "Quorum 51%")
    tx = gov.executed(calls, "Settings at their bounds")
    (q,) = tx.decode_logs(g.QuorumNumeratorUpdated)
    assert (int(q.oldQuorumNumerator), int(q.newQuorumNumerator)) == (4, 50)
    (p,) = tx.decode_logs(g.VotingPeriodSet)
    assert (int(p.oldVotingPeriod), int(p.newVotingPeriod)) == (5 * 86_400, 30 * 86_400)
    assert (int(g.votingDelay()), int(g.quorumNumerator()), int(g.proposalThreshold())) == (3600, 50, 10**24)
    # the constructor refuses what a proposal could not set
    err = project.PerpGovernor.SettingOutOfBounds
    for args, inputs in (
        ((3599, 86_400, 0), {"value": 3599, "min": 3600, "max": 14 * 86_400}),
        ((3600, 86_399, 0), {"value": 86_399, "min": 86_400, "max": 30 * 86_400}),
        ((3600, 86_400, 10**24 + 1), {"value": 10**24 + 1, "min": 0, "max": 10**24}),
    ):
        data = deployment_revert(chain, project.PerpGovernor, gov.deployer, gov.token, gov.timelock, *args)
        assert decode_error(err, data) == inputs


def deployment_revert(chain, container, sender, *args) -> bytes:
    """The revert data of a deployment, by eth_call (Ape does not always decode a constructor's
    custom error)."""
    ctor = container.contract_type.constructor
    code = bytes.fromhex(container.contract_type.deployment_bytecode.bytecode.removeprefix("0x"))
    encoded = abi_encode([i.canonical_type for i in ctor.inputs], [getattr(a, "address", a) for a in args])
    try:
        chain.provider.web3.eth.call({"from": sender.address, "data": "0x" + (code + encoded).hex()})
    except Exception as exc:  # web3 raises ContractCustomError / ContractLogicError with .data
        return bytes.fromhex(str(exc.data).removeprefix("0x"))
    raise AssertionError("the deployment did not revert")
