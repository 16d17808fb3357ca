"""After the governed deployment no EOA holds a privileged role: every owner is the timelock,
the timelock administers itself, the Governor is its only proposer and executor, and the
guardian holds exactly its two powers (pause opening, cancel a queued proposal)."""

from __future__ import annotations

from typing import Any

import pytest

from utils.checks import call_revert, deployment_revert, error_data, zero_value
from utils.reverts import decode_error, reverts
from vperp.chain.governance import TIMELOCK_ROLES, owned_contracts
from vperp.sdk.units import wad

ZERO = "0x" + "00" * 20
# the local stand-ins for external contracts: no part of the protocol, no roles to hand over
MOCKS = {"usdc", "pyth", "chainlink"}


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
        "ExchangeRouter": d.router,
        "PositionNFT": d.position_nft,
        "LiquidationBatcher": d.liquidation_batcher,
        "GovernanceToken": gov.token,
        "GovernanceTimelock": gov.timelock,
        "PerpGovernor": gov.governor,
        **d.logic,
    }
    for s, m in d.markets.items():
        out[f"BaseToken {s}"] = m.base_token
    return out


def recorded_addresses(record: Any, key: str = "") -> set[str]:
    """Every contract address of a deployment's address file (`Deployment.addresses()`), the
    mocks, the deployer and the guardian (EOAs) aside."""
    if isinstance(record, dict):
        skip = MOCKS | {"deployer", "guardian", "owner", "pyth_id"}
        return set().union(*(recorded_addresses(v, k) for k, v in record.items() if k not in skip))
    return {record} if isinstance(record, str) and record.startswith("0x") and len(record) == 42 else set()


def test_the_walk_covers_every_contract_of_the_deployment(gov):
    """A contract added to the deployment (and so to its address file) must be added to the walk."""
    walked = {c.address for c in deployed_contracts(gov).values()}
    assert recorded_addresses(gov.d.addresses()) == walked


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


# ------------------------------------------------------------------ every function, by who may call it

TIMELOCK_OPERATIONS = {"schedule", "scheduleBatch", "execute", "executeBatch", "cancel"}
OWNABLE = {"acceptOwnership", "renounceOwnership", "transferOwnership"}
ERC20 = {"approve", "transfer", "transferFrom"}
# Every state-changing function of every contract: the privileged ones (refused to every EOA)
# and the open ones. A function in neither set fails the walk: classify it.
PRIVILEGED = {
    "ClearingHouse": OWNABLE
    | {
        "addMarket",
        "adjustK",
        "repeg",
        "setGlobalParams",
        "setGuardian",
        "setMarketParams",
        "setPaused",
        "setSystemAccounts",
        "withdrawSystem",
    },
    "NettingEngine": {"setNettingParams"},  # the core's fallback: the netting execution fee
    "PriceOracle": OWNABLE | {"setFeed", "setSequencerGracePeriod", "setSequencerUptimeFeed"},
    "InsuranceFund": OWNABLE | {"withdrawSurplus"},
    "LiquidityPool": OWNABLE | {"setDepthTarget", "setIncomeVestingPeriod", "setParams"},
    "GovernanceTimelock": {
        "acceptOwnerships",
        "cancel",
        "execute",
        "executeBatch",
        "grantRole",
        "revokeRole",
        "schedule",
        "scheduleBatch",
        "updateDelay",
    },
    "PerpGovernor": {
        "relay",
        "setProposalThreshold",
        "setVotingDelay",
        "setVotingPeriod",
        "updateQuorumNumerator",
        "updateTimelock",
    },
}
OPEN = {
    "ClearingHouse": {
        "closePosition",
        "closePositionFor",  # operators: the trader's own approval
        "deposit",
        "depositFor",
        "depositFrom",
        "liquidate",
        "liquidateWithBound",
        "openPosition",
        "openPositionFor",
        "repayDeficit",
        "settleAllFunding",
        "settleFunding",
        "updateFundingRate",
        "withdraw",
        "withdrawFor",
    },
    "NettingEngine": {
        "approveOperator",
        "cancelOrder",
        "executeBatch",
        "queuePositionChange",
        "revokeOperator",
    },
    "PriceOracle": {"observe", "observeCumulative", "observePrices", "updatePythPrice"},
    "InsuranceFund": set(),
    "LiquidityPool": ERC20 | {"checkpoint", "deposit", "mint", "redeem", "syncDepth", "withdraw"},
    "GovernanceTimelock": {"onERC1155BatchReceived", "onERC1155Received", "onERC721Received", "renounceRole"},
    "PerpGovernor": {
        "cancel",  # its proposer, while pending (test_commands)
        "castVote",
        "castVoteBySig",
        "castVoteWithReason",
        "castVoteWithReasonAndParams",
        "castVoteWithReasonAndParamsBySig",
        "execute",
        "onERC1155BatchReceived",
        "onERC1155Received",
        "onERC721Received",
        "propose",
        "queue",
    },
    "GovernanceToken": ERC20 | {"delegate", "delegateBySig", "permit"},
    "LiquidationBatcher": {"liquidateBatch"},  # keepers: the core's permissionless liquidate, batched
    "ExchangeRouter": {
        "closePosition",
        "closePositionAndWithdraw",
        "deposit",
        "multicall",
        "openPosition",
        "openPositionWithCollateral",
        "permitUsdc",
        "updatePrice",
        "updatePriceAndTrade",
        "withdraw",
    },
}


def state_changing(contract: Any) -> set[str]:
    return {
        a.name
        for a in contract.contract_type.abi
        if a.type == "function" and a.stateMutability not in ("view", "pure")
    }


def refusal(contract: str, fn: str, caller: str) -> bytes:
    """What `caller` (not the timelock) meets calling `contract.fn` with all-zero arguments."""
    roles = TIMELOCK_ROLES
    if contract == "PerpGovernor":
        return error_data("GovernorOnlyExecutor(address)", caller)
    if contract == "GovernanceTimelock":
        if fn == "updateDelay":
            return error_data("TimelockUnauthorizedCaller(address)", caller)
        role = {
            "schedule": "PROPOSER_ROLE",
            "scheduleBatch": "PROPOSER_ROLE",
            "execute": "EXECUTOR_ROLE",
            "executeBatch": "EXECUTOR_ROLE",
            "cancel": "CANCELLER_ROLE",
        }.get(fn, "DEFAULT_ADMIN_ROLE")  # grantRole, revokeRole (role 0's admin), acceptOwnerships
        return error_data("AccessControlUnauthorizedAccount(address,bytes32)", caller, roles[role])
    if fn == "setPaused":
        return error_data("OnlyGuardian(address)", caller)
    if fn == "withdrawSystem":
        return error_data("OnlySystemAccount(address)", caller)
    return error_data("OwnableUnauthorizedAccount(address)", caller)


def test_every_privileged_function_is_refused_to_every_eoa(gov, project, chain, accounts):
    """The walk over functions: every state-changing function of every contract is classified
    (privileged or open; a new one fails here until it is), and every privileged one, called with
    all-zero arguments by the deployer, the guardian, the largest voter and an outsider, reverts
    with its access error naming the caller; called by the timelock, it never does. The guardian's
    two powers are the only exceptions: setPaused(x, true) (with false: GuardianCannotResume) and
    the timelock's cancel (its CANCELLER_ROLE)."""
    d = gov.d
    contracts = {n: c for n, c in deployed_contracts(gov).items() if n in PRIVILEGED or n in OPEN}
    contracts["NettingEngine"] = d.netting
    # the logic contracts run only in the core's context (every function refuses a direct call,
    # views too: no state of their own, nothing to own); the rest change no state at all
    for name, c in deployed_contracts(gov).items():
        if name in d.logic:
            for abi in (a for a in c.contract_type.abi if a.type == "function"):
                data = bytes(getattr(c, abi.name).encode_input(*(zero_value(i) for i in abi.inputs)))
                assert call_revert(chain, gov.deployer.address, c.address, data) == error_data(
                    "OnlyDelegateCall()"
                ), f"{name}.{abi.name}"
        elif name not in contracts:
            assert state_changing(c) == set(), name
    callers = {
        "deployer": gov.deployer.address,
        "guardian": gov.guardian.address,
        "whale": gov.voters["whale"].address,
        "outsider": accounts[3].address,
    }
    checked = 0
    for name, c in contracts.items():
        privileged, open_ = PRIVILEGED.get(name, set()), OPEN.get(name, set())
        assert not privileged & open_, name
        functions = state_changing(c)
        if name == "NettingEngine":  # the core's fallback runs OrderLogic's and NettingLogic's
            functions = state_changing(project.OrderLogic) | state_changing(project.NettingLogic)
        assert functions == privileged | open_, f"{name}: classify {functions ^ (privileged | open_)}"
        for fn in sorted(privileged):
            handler = getattr(c, fn)
            for abi in handler.abis:  # every overload
                data = bytes(handler.encode_input(*(zero_value(i) for i in abi.inputs)))
                for who, caller in callers.items():
                    got = call_revert(chain, caller, c.address, data)
                    if who == "guardian" and fn == "setPaused":
                        assert got == error_data("GuardianCannotResume(address)", caller)
                    elif who == "guardian" and (name, fn) == ("GovernanceTimelock", "cancel"):
                        assert got != refusal(name, fn, caller)  # it holds the role (an unknown id)
                    else:
                        assert got == refusal(name, fn, caller), f"{name}.{fn} by the {who}"
                    checked += 1
                # its holder passes the access check (the zero arguments may fail later): the
                # timelock; the Governor for the timelock's operations; the system accounts for
                # withdrawSystem; acceptOwnership: nobody (no ownership is pending, see
                # test_every_owner_is_the_timelock_and_no_eoa_holds_a_role)
                holder = gov.timelock.address
                if name == "GovernanceTimelock" and fn in TIMELOCK_OPERATIONS:
                    holder = gov.governor.address
                elif fn == "withdrawSystem":
                    holder = d.insurance_fund.address
                if fn != "acceptOwnership":
                    got = call_revert(chain, holder, c.address, data)
                    assert got != refusal(name, fn, holder), f"{name}.{fn}"
    assert checked == 4 * sum(
        len(getattr(c, f).abis) for n, c in contracts.items() for f in PRIVILEGED.get(n, ())
    )


def test_the_rest_of_what_the_timelock_owns_changes_by_proposal(gov):
    """One proposal over the settable things no other governance test moves: the netting
    execution fee and batch window (the core's fallback), the oracle's sequencer grace period,
    the pool's limits, vesting period and a depth target, and the core's global parameters. Each
    event carries the old and the new values."""
    d, eth = gov.d, gov.d.base("vETH")
    calls = [
        {"contract": "NettingEngine", "function": "setNettingParams", "args": [wad(2), 30]},
        {"contract": "PriceOracle", "function": "setSequencerGracePeriod", "args": [7_200]},
        {"contract": "LiquidityPool", "function": "setParams", "args": [2_000_000, 20_000]},
        {"contract": "LiquidityPool", "function": "setIncomeVestingPeriod", "args": [3_600]},
        {"contract": "LiquidityPool", "function": "setDepthTarget", "args": ["vETH", 2_000_000]},
        {"contract": "ClearingHouse", "function": "setGlobalParams", "args": [wad(20), wad(1_000), 400_000]},
    ]
    meta = gov.metadata(calls, "The rest")
    assert meta.calls[0].target == d.clearing_house.address  # the netting engine is the core
    assert (
        meta.calls[0]
        .words()
        .startswith("call NettingEngine.setNettingParams(executionFee=2000000000000000000")
    )
    tx = gov.executed(calls, "The rest")
    events = [
        (d.netting.NettingParamsChanged, (wad("0.5"), 2, wad(2), 30)),
        (d.oracle.SequencerGracePeriodSet, (3_600, 7_200)),
        (d.liquidity_pool.PoolParamsChanged, (5_000_000, 10_000, 2_000_000, 20_000)),
        (d.liquidity_pool.IncomeVestingPeriodSet, (86_400, 3_600)),
        (d.liquidity_pool.DepthTargetSet, (eth.address, 0, 2_000_000)),
        (
            d.clearing_house.GlobalParamsChanged,
            (wad(10), wad(500), 500_000, wad(20), wad(1_000), 400_000),
        ),
    ]
    for event, values in events:
        (log,) = tx.decode_logs(event)
        assert tuple(log.event_arguments.values()) == values, event.name
    assert tuple(int(v) for v in d.netting.nettingParams()) == (wad(2), 30)
    assert int(d.oracle.sequencerGracePeriod()) == 7_200
