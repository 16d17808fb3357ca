"""The guardian may do two things: pause opening (one market or all) and cancel a queued
proposal (test_lifecycle). It cannot resume, nor call anything else; only the timelock grants
or revokes the role; closing, withdrawing free collateral and liquidating are never paused."""

from __future__ import annotations

import pytest

from utils.reverts import reverts
from vperp.chain.deploy import set_index_price
from vperp.chain.governance import TIMELOCK_ROLES
from vperp.sdk.client import PerpClient
from vperp.sdk.units import usdc, wad

ZERO = "0x" + "00" * 20


@pytest.mark.parametrize("scope", ["market", "all"])
def test_guardian_pauses_opening_only(gov, chain, accounts, scope):
    d, g = gov.d, gov.guardian
    ch, eth = d.clearing_house, d.base("vETH")
    a, b, keeper = (PerpClient(d, accounts[i]) for i in (1, 2, 9))
    for c in (a, b):
        c.faucet(10_000)
        c.deposit(10_000)
    a.long_quote("vETH", 20_000)
    b.long_quote("vETH", 95_000)  # ~9.5x: liquidatable after a 5% drop
    target = ZERO if scope == "all" else eth.address
    tx = ch.setPaused(target, True, sender=g)
    assert [(e.baseToken, bool(e.wasPaused), bool(e.paused)) for e in tx.decode_logs(ch.PauseChanged)] == [
        (target, False, True)
    ]

    with reverts(ch.MarketPaused, baseToken=eth):
        a.long_quote("vETH", 1_000)
    # closing, withdrawing free collateral and liquidating go on
    a.close("vETH")
    assert int(ch.getPosition(accounts[1], eth).size) == 0
    before = int(d.usdc.balanceOf(accounts[1]))
    a.withdraw(1_000)
    assert int(d.usdc.balanceOf(accounts[1])) - before == usdc(1_000)
    set_index_price(d, chain, "vETH", 2850, gov.deployer)
    assert ch.isLiquidatable(accounts[2])
    ch.liquidate(accounts[2], eth, sender=keeper.account)
    assert not ch.isLiquidatable(accounts[2])

    # the guardian cannot resume: only the timelock, through a vote
    with reverts(ch.GuardianCannotResume, caller=g):
        ch.setPaused(target, False, sender=g)
    gov.executed([{"contract": "ClearingHouse", "function": "setPaused", "args": [target, False]}], "Resume")
    assert not ch.globalPaused() and not ch.getMarket(eth).paused


def test_guardian_cannot_call_anything_else(gov):
    d, g = gov.d, gov.guardian
    ch, eth, tl = d.clearing_house, d.base("vETH"), gov.timelock
    own = [
        (ch, lambda: ch.setMarketParams(eth, _params(ch, eth), sender=g)),
        (ch, lambda: ch.setGlobalParams(wad(10), wad(500), 0, sender=g)),
        (ch, lambda: ch.setGuardian(g, sender=g)),
        (ch, lambda: ch.adjustK(eth, 1, 0, sender=g)),
        (ch, lambda: ch.repeg(eth, 0, sender=g)),
        (ch, lambda: ch.setSystemAccounts(g, g, sender=g)),
        (ch, lambda: ch.transferOwnership(g, sender=g)),
        (d.oracle, lambda: d.oracle.setFeed(eth, d.oracle.getFeed(eth), sender=g)),
        (d.insurance_fund, lambda: d.insurance_fund.withdrawSurplus(g, 1, sender=g)),
        (d.liquidity_pool, lambda: d.liquidity_pool.setParams(100_000, 0, sender=g)),
        (d.liquidity_pool, lambda: d.liquidity_pool.setDepthTarget(eth, 0, sender=g)),
        (d.liquidity_pool, lambda: d.liquidity_pool.setIncomeVestingPeriod(3600, sender=g)),
    ]
    for c, call in own:
        with reverts(c.OwnableUnauthorizedAccount, account=g):
            call()
    roles = TIMELOCK_ROLES
    op = ([ch.address], [0], [b""], bytes(32), bytes(32))
    with reverts(tl.AccessControlUnauthorizedAccount, account=g, neededRole=roles["PROPOSER_ROLE"]):
        tl.scheduleBatch(*op, 2 * 86_400, sender=g)
    with reverts(tl.AccessControlUnauthorizedAccount, account=g, neededRole=roles["EXECUTOR_ROLE"]):
        tl.executeBatch(*op, sender=g)
    with reverts(tl.AccessControlUnauthorizedAccount, account=g, neededRole=roles["DEFAULT_ADMIN_ROLE"]):
        tl.grantRole(roles["PROPOSER_ROLE"], g, sender=g)
    with reverts(tl.TimelockUnauthorizedCaller, caller=g):
        tl.updateDelay(86_400, sender=g)
    with reverts(gov.governor.GovernorOnlyExecutor, account=g):
        gov.governor.relay(ch.address, 0, b"", sender=g)
    with reverts(gov.governor.GovernorOnlyExecutor, account=g):
        gov.governor.setVotingPeriod(1, sender=g)
    with reverts(gov.governor.GovernorOnlyExecutor, account=g):
        gov.governor.updateQuorumNumerator(1, sender=g)


def test_only_the_timelock_grants_and_revokes_the_guardian(gov, accounts):
    ch, tl, new = gov.d.clearing_house, gov.timelock, accounts[4]
    canceller = TIMELOCK_ROLES["CANCELLER_ROLE"]
    calls = [
        {"contract": "ClearingHouse", "function": "setGuardian", "args": [new.address]},
        {
            "contract": "GovernanceTimelock",
            "function": "revokeRole",
            "args": [canceller, gov.guardian.address],
        },
        {"contract": "GovernanceTimelock", "function": "grantRole", "args": [canceller, new.address]},
    ]
    tx = gov.executed(calls, "Replace the guardian")
    (ev,) = tx.decode_logs(ch.GuardianChanged)
    assert (ev.oldGuardian, ev.guardian) == (gov.guardian.address, new.address)
    assert ch.guardian() == new.address
    assert not tl.hasRole(canceller, gov.guardian) and tl.hasRole(canceller, new)
    with reverts(ch.OnlyGuardian, caller=gov.guardian):
        ch.setPaused(gov.d.base("vETH"), True, sender=gov.guardian)
    ch.setPaused(gov.d.base("vETH"), True, sender=new)


def _params(ch, eth) -> tuple:
    m = ch.getMarket(eth)
    return (
        m.imRatio,
        m.mmRatio,
        m.feeRatio,
        m.insuranceFeeShare,
        m.liquidationPenaltyRatio,
        m.maxPriceMoveRatio,
        m.maxSpreadRatio,
        m.fundingInterval,
        10**24,
        10**24,
    )
