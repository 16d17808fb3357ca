"""Vault: deposits and withdrawals at the 6 -> 18 decimal boundary, the free-collateral check of
PROTOCOL.md section 5, and access control of the ClearingHouse hooks and system accounts."""

from __future__ import annotations

from typing import Any

import ape

from utils.constants import MAX_UINT256, SCALE
from utils.reverts import reverts
from vperp.sdk.curve import Position, account_value, requirement
from vperp.sdk.units import wad

IMR = 100_000


def args(tx: Any, event: Any) -> list[dict]:
    return [dict(e.event_arguments) for e in tx.decode_logs(event)]


def free_collateral_model(ch: Any, vault: Any, trader: Any, token: Any) -> int:
    """min(collateral, account value) - initial requirement, one market, no funding pending."""
    p = ch.getPosition(trader, token)
    pos = Position(int(p.size), int(p.openNotional))
    price = int(ch.getIndexPrice(token))
    collateral = int(vault.balanceOf(trader))
    value = account_value(collateral, [(pos, price, 0)])
    return min(collateral, value) - requirement([(pos, price, IMR)])


def test_deposit_converts_and_emits(stack, vault, alice):
    amount = 1_234_567_891  # 1234.567891 USDC
    stack.usdc.mint(alice, amount, sender=alice)
    stack.usdc.approve(vault, amount, sender=alice)
    held = stack.usdc.balanceOf(vault)
    tx = vault.deposit(amount, sender=alice)
    assert args(tx, vault.Deposited) == [
        {"trader": alice.address, "payer": alice.address, "amount": amount * SCALE}
    ]
    assert vault.balanceOf(alice) == amount * SCALE
    assert stack.usdc.balanceOf(alice) == 0
    assert stack.usdc.balanceOf(vault) == held + amount


def test_deposit_for_credits_account_and_charges_payer(stack, vault, alice, bob):
    stack.usdc.mint(bob, 500 * 10**6, sender=bob)
    stack.usdc.approve(vault, 2**256 - 1, sender=bob)
    tx = vault.depositFor(alice, 300 * 10**6, sender=bob)
    assert args(tx, vault.Deposited) == [{"trader": alice.address, "payer": bob.address, "amount": wad(300)}]
    assert vault.balanceOf(alice) == wad(300)
    assert vault.balanceOf(bob) == 0
    assert stack.usdc.balanceOf(bob) == 200 * 10**6
    # the insurance fund's balance is a plain system balance
    fund = stack.insurance_fund
    before = int(vault.balanceOf(fund))
    vault.depositFor(fund, 100 * 10**6, sender=bob)
    assert vault.balanceOf(fund) == before + wad(100)


def test_withdraw_converts_and_emits(stack, vault, funded, alice):
    funded(alice, 1_000)
    tx = vault.withdraw(400_500_001, sender=alice)  # 400.500001 USDC
    assert args(tx, vault.Withdrawn) == [
        {"trader": alice.address, "to": alice.address, "amount": 400_500_001 * SCALE}
    ]
    assert vault.balanceOf(alice) == wad(1_000) - 400_500_001 * SCALE
    assert stack.usdc.balanceOf(alice) == 400_500_001


def test_zero_amounts(vault, funded, alice):
    funded(alice, 10)
    with ape.reverts(vault.ZeroAmount):
        vault.deposit(0, sender=alice)
    with ape.reverts(vault.ZeroAmount):
        vault.withdraw(0, sender=alice)
    with ape.reverts(vault.ZeroAmount):
        vault.depositFor(alice, 0, sender=alice)
    with ape.reverts(vault.ZeroAddress):
        vault.depositFor("0x0000000000000000000000000000000000000000", 1, sender=alice)


def test_over_withdrawal_without_positions(vault, ch, funded, alice):
    funded(alice, 1_000)
    assert ch.getFreeCollateral(alice) == wad(1_000)
    with ape.reverts(vault.InsufficientFreeCollateral) as info:
        vault.withdraw(1_000_000_001, sender=alice)
    assert info.value.inputs == {
        "trader": alice.address,
        "requested": 1_000_000_001 * SCALE,
        "freeCollateral": wad(1_000),
    }
    vault.withdraw(1_000_000_000, sender=alice)
    assert vault.balanceOf(alice) == 0


def test_withdraw_with_open_position_limited_by_free_collateral(vault, ch, eth, funded, alice):
    """Buying pushes the mark above the index: account value < collateral, so the account value
    binds; the largest withdrawal in whole USDC units passes, one unit more does not."""
    a = funded(alice, 1_000)
    a.long_quote("vETH", 5_000)
    free = free_collateral_model(ch, vault, alice, eth)
    collateral = int(vault.balanceOf(alice))
    assert int(ch.getAccountValue(alice)) < collateral
    assert ch.getFreeCollateral(alice) == free
    assert 0 < free < wad(1_000) - wad(500)
    units = free // SCALE
    with ape.reverts(vault.InsufficientFreeCollateral) as info:
        vault.withdraw(units + 1, sender=alice)
    assert info.value.inputs == {
        "trader": alice.address,
        "requested": (units + 1) * SCALE,
        "freeCollateral": free,
    }
    vault.withdraw(units, sender=alice)
    left = free_collateral_model(ch, vault, alice, eth)
    assert ch.getFreeCollateral(alice) == left == free - units * SCALE
    assert 0 <= left < SCALE
    value, initial = int(ch.getAccountValue(alice)), int(ch.getMarginRequirements(alice)[0])
    assert value >= initial  # PROTOCOL.md invariant 5


def test_unrealised_profit_not_withdrawable(vault, ch, eth, funded, alice, move_index):
    a = funded(alice, 1_000)
    a.long_quote("vETH", 5_000)
    move_index("vETH", 3_600)  # +20%: ~ +980 USD unrealised
    collateral = int(vault.balanceOf(alice))
    initial = int(ch.getMarginRequirements(alice)[0])
    value = int(ch.getAccountValue(alice))
    assert value > collateral + wad(900)
    assert ch.getFreeCollateral(alice) == collateral - initial == free_collateral_model(ch, vault, alice, eth)
    units = (collateral - initial) // SCALE
    with ape.reverts(vault.InsufficientFreeCollateral):
        vault.withdraw(units + 1, sender=alice)
    vault.withdraw(units, sender=alice)


def test_ledger_has_no_external_hooks(vault):
    """One core: the ledger moves only inside the ClearingHouse (settlements, transfers, funding,
    socialisation are internal library calls), so there are no privileged hooks left to call."""
    names = {m.name for m in vault.contract_type.mutable_methods}
    for hook in ("settleTrade", "settle", "transferBalance", "socializeLoss", "settleAmmFunding"):
        assert hook not in names


def test_withdraw_system_only_system_accounts(vault, alice):
    with ape.reverts(vault.OnlySystemAccount) as info:
        vault.withdrawSystem(alice, 1, sender=alice)
    assert info.value.inputs == {"caller": alice.address}


def test_set_system_accounts_once(vault, owner, alice):
    with ape.reverts(vault.AlreadyInitialized):
        vault.setSystemAccounts(alice, alice, sender=owner)
    with ape.reverts(vault.OwnableUnauthorizedAccount) as info:
        vault.setSystemAccounts(alice, alice, sender=alice)
    assert info.value.inputs == {"account": alice.address}


def test_collateral_scale_is_exact(vault, funded, alice):
    """1 USDC unit = 1e12 internal units; no rounding at the boundary."""
    funded(alice, "0.000001")
    assert vault.balanceOf(alice) == SCALE
    vault.withdraw(1, sender=alice)
    assert vault.balanceOf(alice) == 0


# ====================================================================== re-entrancy


def test_withdraw_cannot_be_reentered(hooked, alice, bob):
    """Issue 15's surviving mutant (nonReentrant removed from withdraw): a collateral token whose
    transfer calls back into the core's withdraw (its own account there has free collateral, so
    without the guard the inner withdrawal would go through) makes the outer withdrawal revert
    with OpenZeppelin's ReentrancyGuardReentrantCall, every balance intact (PROTOCOL.md section 5,
    Guards: reentrancy guard on every state-changing entry)."""
    d, token = hooked
    core = d.clearing_house
    assert core.usdc() == token.address
    for who, amount in ((alice, 1_000), (bob, 100)):
        token.mint(who, amount * 10**6, sender=who)
        token.approve(core, MAX_UINT256, sender=who)
    core.deposit(1_000 * 10**6, sender=alice)
    core.depositFor(token, 100 * 10**6, sender=bob)  # the token's own collateral in the core
    token.arm(core, core.withdraw.encode_input(100 * 10**6), sender=alice)

    def state() -> tuple[int, ...]:
        return (
            int(core.balanceOf(alice)),
            int(core.balanceOf(token)),
            int(token.balanceOf(alice)),
            int(token.balanceOf(token)),
            int(token.balanceOf(core)),
        )

    before = state()
    assert before == (wad(1_000), wad(100), 0, 0, int(token.balanceOf(core)))
    with reverts(core.ReentrancyGuardReentrantCall):
        core.withdraw(400 * 10**6, sender=alice)
    assert state() == before and token.armed()


def test_reentrant_token_hook_runs_inside_withdraw(hooked, alice):
    """The control of test_withdraw_cannot_be_reentered: armed with a harmless call (a view of
    the core), the hook runs inside withdraw and the withdrawal goes through; so the revert above
    is the guard's, not the hook's."""
    d, token = hooked
    core = d.clearing_house
    token.mint(alice, 1_000 * 10**6, sender=alice)
    token.approve(core, MAX_UINT256, sender=alice)
    core.deposit(1_000 * 10**6, sender=alice)
    data = core.balanceOf.encode_input(alice)
    token.arm(core, data, sender=alice)
    tx = core.withdraw(400 * 10**6, sender=alice)
    assert [(e.target, bytes(e.data)) for e in tx.decode_logs(token.Reentered)] == [
        (core.address, bytes(data))
    ]
    assert not token.armed()
    assert int(core.balanceOf(alice)) == wad(600)
    assert int(token.balanceOf(alice)) == 400 * 10**6


def test_every_guarded_entry_refuses_reentry(hooked, alice, bob):
    """Issue 15's mutation run (nonReentrant removed from repayDeficit, liquidateWithBound, ...):
    the hooked token re-enters each state-changing entry point from inside withdraw's transfer;
    every one must refuse with ReentrancyGuardReentrantCall. Without its guard the inner call runs
    and ends its own way (its own custom error, or success), which this test tells apart. repeg
    is left out: its onlyOwner check runs before the guard, so a non-owner hook never reaches it."""
    d, token = hooked
    core = d.clearing_house
    eth = d.base("vETH").address
    token.mint(alice, 1_000 * 10**6, sender=alice)
    token.approve(core, MAX_UINT256, sender=alice)
    core.deposit(1_000 * 10**6, sender=alice)
    far = 2**40
    x, _ = core.getReserves(eth)
    calls = {
        "deposit": core.deposit.encode_input(10**6),
        "depositFor": core.depositFor.encode_input(bob, 10**6),
        "withdraw": core.withdraw.encode_input(10**6),
        "withdrawSystem": core.withdrawSystem.encode_input(bob, 10**6),
        "repayDeficit": core.repayDeficit.encode_input(10**6),
        "openPosition": core.openPosition.encode_input((eth, False, True, 10**17, 0, far)),
        "closePosition": core.closePosition.encode_input(eth, 0, far),
        "liquidate": core.liquidate.encode_input(alice, eth),
        "liquidateWithBound": core.liquidateWithBound.encode_input(alice, eth, 0),
        "settleFunding": core.settleFunding.encode_input(alice, eth),
        "settleAllFunding": core.settleAllFunding.encode_input(alice),
        "updateFundingRate": core.updateFundingRate.encode_input(eth),
        "adjustK": core.adjustK.encode_input(eth, int(x) * 2, 0),
    }
    for name, data in calls.items():
        token.arm(core, data, sender=alice)
        try:
            with reverts(core.ReentrancyGuardReentrantCall):
                core.withdraw(100 * 10**6, sender=alice)
        except AssertionError as e:
            raise AssertionError(f"{name} can be re-entered") from e
    assert int(core.balanceOf(alice)) == wad(1_000)
