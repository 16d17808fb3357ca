"""InsuranceFund: governance may take out surplus only, above a floor it can never lower:

    floor = max(10,000 USD, 2% of ClearingHouse.openInterestNotional())       (18 decimals, up)
    withdrawableSurplus = floor((balance - floor) / 1e12) USDC units, 0 below the floor

The deployment seeds the fund with 50,000 USDC.
"""

from __future__ import annotations

import pytest

from utils.checks import one
from utils.constants import MAX_UINT256 as MAX
from utils.constants import SCALE, ZERO
from utils.reverts import reverts
from vperp.chain.deploy import take_from_insurance_fund
from vperp.sdk.curve import ceil_div
from vperp.sdk.units import usdc, wad


@pytest.fixture
def fund(stack):
    return stack.insurance_fund


def test_floor_is_the_minimum_reserve_without_open_interest(fund, vault, stack, owner, bob):
    """No open interest: floor 10,000 USD; 40,000 of the 50,000 are surplus. One unit more than
    that reverts with (requested, available, floor); exactly that succeeds, and then nothing."""
    assert int(stack.clearing_house.openInterestNotional()) == 0
    assert int(fund.reserveFloor()) == wad(10_000) == int(fund.MIN_RESERVE())
    assert int(vault.balanceOf(fund)) == wad(50_000)
    assert int(fund.withdrawableSurplus()) == usdc(40_000)
    with reverts(
        fund.SurplusExceeded,
        requestedUsdc=usdc(40_000) + 1,
        availableUsdc=usdc(40_000),
        floorUsdc=usdc(10_000),
    ):
        fund.withdrawSurplus(bob, usdc(40_000) + 1, sender=owner)
    tx = fund.withdrawSurplus(bob, usdc(40_000), sender=owner)
    ev = one(tx, fund.SurplusWithdrawn)
    assert (ev.to, ev.amountUsdc, ev.balanceAfter, ev.floor) == (
        bob.address,
        usdc(40_000),
        wad(10_000),
        wad(10_000),
    )
    assert int(stack.usdc.balanceOf(bob)) == usdc(40_000)
    assert int(vault.balanceOf(fund)) == wad(10_000)
    with reverts(fund.SurplusExceeded, requestedUsdc=1, availableUsdc=0, floorUsdc=usdc(10_000)):
        fund.withdrawSurplus(bob, 1, sender=owner)


def test_floor_follows_open_interest(fund, ch, vault, stack, owner, funded, alice, bob, carol, move_index):
    """Alice longs and Bob shorts ~600,000 USD each (in steps within the 2.5% per-block limit):
    open-interest notional ~1.2M, 2% of it ~24,000 USD > 10,000: the floor. The fund (50,000 plus
    its fee share) may give exactly floor((balance - floor) / 1e12) units, not one more; when the
    index rises, so do the open interest and the floor: no surplus is left."""
    a, b = funded(alice, 200_000), funded(bob, 200_000)
    for _ in range(2):
        a.long_quote("vETH", 300_000)
        b.short_quote("vETH", 300_000)
    oi = int(ch.openInterestNotional())
    floor = ceil_div(oi * 20_000, 10**6)
    assert floor > wad(20_000)
    assert int(fund.reserveFloor()) == floor
    balance = int(vault.balanceOf(fund))
    assert balance > wad(50_000)  # + 20% of the fees
    available = (balance - floor) // SCALE
    assert int(fund.withdrawableSurplus()) == available
    with reverts(
        fund.SurplusExceeded,
        requestedUsdc=available + 1,
        availableUsdc=available,
        floorUsdc=ceil_div(floor, SCALE),
    ):
        fund.withdrawSurplus(carol, available + 1, sender=owner)
    fund.withdrawSurplus(carol, available, sender=owner)
    left = int(vault.balanceOf(fund))
    assert floor <= left < floor + SCALE
    assert int(fund.withdrawableSurplus()) == 0

    move_index("vETH", 3_300)
    assert int(fund.reserveFloor()) > floor
    with reverts(fund.SurplusExceeded, requestedUsdc=1, availableUsdc=0):
        fund.withdrawSurplus(carol, 1, sender=owner)


def test_bad_receivers_amounts_and_callers_revert(fund, vault, owner, alice):
    for to in (ZERO, fund.address, vault.address):
        with reverts(fund.InvalidReceiver, to=to):
            fund.withdrawSurplus(to, usdc(1), sender=owner)
    with reverts(fund.ZeroAmount):
        fund.withdrawSurplus(alice, 0, sender=owner)
    with reverts(fund.SurplusExceeded, requestedUsdc=MAX, availableUsdc=usdc(40_000), floorUsdc=usdc(10_000)):
        fund.withdrawSurplus(alice, MAX, sender=owner)
    with reverts(fund.OwnableUnauthorizedAccount, account=alice):
        fund.withdrawSurplus(alice, usdc(1), sender=alice)
    assert int(vault.balanceOf(fund)) == wad(50_000)


def test_losses_may_take_the_fund_below_the_floor(fund, vault, stack, chain, owner, bob):
    """Losses (bad debt, the funding backstop) are not bound by the floor; below it governance
    can take nothing until the fund is topped up."""
    take_from_insurance_fund(stack, chain, bob, usdc(45_000))
    assert int(vault.balanceOf(fund)) == wad(5_000)
    assert int(fund.withdrawableSurplus()) == 0
    with reverts(fund.SurplusExceeded, requestedUsdc=1, availableUsdc=0, floorUsdc=usdc(10_000)):
        fund.withdrawSurplus(bob, 1, sender=owner)
    stack.usdc.approve(vault.address, MAX, sender=owner)
    stack.usdc.mint(owner, usdc(6_000), sender=owner)
    vault.depositFor(fund.address, usdc(6_000), sender=owner)
    assert int(fund.withdrawableSurplus()) == usdc(1_000)
    fund.withdrawSurplus(bob, usdc(1_000), sender=owner)
    assert int(vault.balanceOf(fund)) == wad(10_000)
