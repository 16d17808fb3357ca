"""Bad debt (PROTOCOL.md section 5 and 9): an account pushed under water and fully liquidated;
the insurance fund covers the debt, and what it cannot cover is socialised over all collateral
through the Vault's collateral index (O(1), with events, never silent)."""

from __future__ import annotations

from typing import Any

import pytest

from utils.constants import INSURANCE_SHARE as INS_SHARE
from utils.constants import ONE, SCALE
from utils.constants import RATIO_ONE as R
from vperp.chain.deploy import take_from_insurance_fund
from vperp.sdk.curve import ceil_div as cdiv
from vperp.sdk.units import wad


@pytest.fixture
def under_water(chain, oracle, stack, set_price, funded, alice, bob, carol):
    """bob: 10k USDC, ~9.5x long of vETH; then the index falls to 2650, where bob is under water at
    the index itself, and a whale (carol) pushes the mark down towards it in six blocks. (A
    liquidation of an account still solvent at the index stops at its bankruptcy size and never
    makes bad debt: tests/unit/solvency/test_solvency.py.)"""
    funded(alice, 20_000).long_quote("vETH", 20_000)
    funded(bob, 10_000).long_quote("vETH", 95_000)
    whale = funded(carol, 200_000)
    chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + 1
    set_price("vETH", 2650)
    assert tuple(oracle.getIndexPrice(stack.base("vETH"))) == (wad(2650), 1)
    for _ in range(6):
        whale.short_base("vETH", 100)
    return bob


def _debt_from_logs(ch: Any, tx: Any, collateral_before: int) -> tuple[int, int, int]:
    """(debt, fee, penalty) of a full liquidation, from its own events."""
    changed = list(tx.decode_logs(ch.PositionChanged))
    liq = list(tx.decode_logs(ch.PositionLiquidated))
    assert len(changed) == 1 and len(liq) == 1
    pnl, fee, penalty = int(changed[0].realizedPnl), int(changed[0].fee), int(liq[0].penalty)
    return -(collateral_before + pnl - fee - penalty), fee, penalty


def test_insurance_fund_covers_bad_debt(stack, ch, vault, eth, keeper, under_water):
    bob = under_water
    fund = stack.insurance_fund
    coll = int(vault.balanceOf(bob))
    fund_before = int(vault.balanceOf(fund))
    tx = ch.liquidate(bob, eth, sender=keeper)
    debt, fee, _ = _debt_from_logs(ch, tx, coll)
    assert debt > 0
    ev = list(tx.decode_logs(ch.BadDebtCovered))
    assert len(ev) == 1
    assert (ev[0].trader, ev[0].debt, ev[0].coveredByInsurance, ev[0].socialized) == (
        bob.address,
        debt,
        debt,
        0,
    )
    assert list(tx.decode_logs(vault.LossSocialized)) == []
    # the fund: + its share of the liquidation trade's fee - the debt, exactly
    assert int(vault.balanceOf(fund)) - fund_before == cdiv(fee * INS_SHARE, R) - debt
    assert int(vault.balanceOf(bob)) == 0
    assert tuple(vault.rawBalance(bob)) == (0, 0)
    assert ch.getAccountMarkets(bob) == []


def test_socialized_loss_when_fund_is_short(
    stack, chain, owner, ch, vault, eth, alice, carol, keeper, under_water
):
    bob = under_water
    fund = stack.insurance_fund
    # drain the fund to ~300 USDC (as losses would: governance's withdrawSurplus keeps a floor)
    fund_usdc = int(vault.balanceOf(fund)) // 10**12
    take_from_insurance_fund(stack, chain, owner, fund_usdc - 300 * 10**6)
    fund_left = int(vault.balanceOf(fund))
    assert wad(300) <= fund_left < wad(300) + 10**12

    others = [alice, carol, keeper, owner]
    shares = {a.address: int(vault.rawBalance(a).shares) for a in others}
    before = {a.address: int(vault.balanceOf(a)) for a in others}
    coll = int(vault.balanceOf(bob))
    old_index = int(vault.collateralIndex())

    tx = ch.liquidate(bob, eth, sender=keeper)
    debt, fee, penalty = _debt_from_logs(ch, tx, coll)
    covered = fund_left + cdiv(fee * INS_SHARE, R)  # the fund's balance at settlement time
    socialized = debt - covered
    assert socialized > 0
    ev = list(tx.decode_logs(ch.BadDebtCovered))
    assert len(ev) == 1
    assert (ev[0].trader, ev[0].debt, ev[0].coveredByInsurance, ev[0].socialized) == (
        bob.address,
        debt,
        covered,
        socialized,
    )
    assert int(vault.balanceOf(fund)) == 0

    # the keeper received the whole penalty (bob under water) before the loss was spread
    shares[keeper.address] = int(vault.rawBalance(keeper).shares)
    total = int(vault.totalShares())
    ls = list(tx.decode_logs(vault.LossSocialized))
    assert len(ls) == 1
    cut = cdiv(socialized * ONE, total)
    assert (ls[0].trader, ls[0].loss, ls[0].oldIndex, ls[0].newIndex, ls[0].totalShares) == (
        bob.address,
        socialized,
        old_index,
        old_index - cut,
        total,
    )
    new_index = old_index - cut
    assert int(vault.collateralIndex()) == new_index
    # every other trader's collateral drops pro rata to its shares, exact to rounding
    for a in others:
        expected = shares[a.address] * new_index // ONE
        assert int(vault.balanceOf(a)) == expected
        drop = shares[a.address] * old_index // ONE - expected
        # the index cut is rounded up to one unit of 1e-18 per share: at most shares/1e18 wei more
        assert 0 <= drop - socialized * shares[a.address] // total <= shares[a.address] // ONE + 1
    assert before[keeper.address] + penalty == shares[keeper.address] * old_index // ONE
    assert int(vault.balanceOf(bob)) == 0 and int(vault.totalDebt()) == 0


def test_debit_after_a_socialised_loss_takes_at_least_the_amount(
    stack, chain, owner, accounts, ch, vault, eth, keeper, funded, under_water
):
    """Issue 15's surviving mutant (Ledger.debit's shares burnt rounded down instead of up):
    with the collateral index below 1e18, a debit of an amount that is not a multiple of the
    index burns ceil(amount / index) shares, so the balance drops by at least the amount, never
    less (PROTOCOL.md section 2: debits round against the account). dave deposits after the loss
    (his shares are not a round number), then withdraws an amount picked so that burning the
    floor would drop his balance by one wei less than it pays out."""
    fund_usdc = int(vault.balanceOf(stack.insurance_fund)) // SCALE
    take_from_insurance_fund(stack, chain, owner, fund_usdc - 300 * 10**6)
    tx = ch.liquidate(under_water, eth, sender=keeper)
    assert len(list(tx.decode_logs(vault.LossSocialized))) == 1
    index = int(vault.collateralIndex())
    assert index < ONE
    dave = accounts[4]
    funded(dave, 1_000)  # plain collateral, no position
    shares = int(vault.rawBalance(dave).shares)
    assert shares == wad(1_000) * ONE // index  # credits buy shares rounded down
    balance = int(vault.balanceOf(dave))
    assert balance == shares * index // ONE

    def drop(burn: int) -> int:  # what burning `burn` shares takes off dave's balance
        return balance - (shares - burn) * index // ONE

    def floor_under_debits(amount: int) -> bool:
        return drop(amount * ONE // index) < amount

    # the first whole-cent amount from 1 USDC up that a floor burn would under-debit
    cents = [c for c in range(100, 100_000) if floor_under_debits(c * 10**4 * SCALE)]
    assert cents, "no such amount"
    amount_usdc = cents[0] * 10**4
    amount = amount_usdc * SCALE
    assert amount * ONE % index != 0  # not a multiple of the index
    burn = cdiv(amount * ONE, index)
    usdc_before = int(stack.usdc.balanceOf(dave))
    vault.withdraw(amount_usdc, sender=dave)
    assert int(stack.usdc.balanceOf(dave)) - usdc_before == amount_usdc
    dropped = balance - int(vault.balanceOf(dave))
    assert dropped >= amount  # never less than what was paid out (a floor burn: amount - 1)
    assert dropped == drop(burn) and tuple(vault.rawBalance(dave)) == (shares - burn, 0)


def test_netting_fills_after_a_socialised_loss_book_as_direct_debits_and_credits(
    stack, chain, owner, accounts, ch, vault, eth, carol, keeper, funded, under_water
):
    """Ledger.settleFill, the netting engine's ledger entry for a fill, with the collateral index
    below 1e18: a fill whose fees are a debit burns ceil(debit / index) shares (as Ledger.debit),
    a fill that realises a profit above its fees credits floor(credit / index) shares (as
    Ledger.credit), and the shares burnt, which the engine takes off totalShares once a call,
    leave totalShares moved by exactly what the batch's accounts' shares moved."""
    from utils.netting import events, queue, run_batch

    net = stack.netting
    fund_usdc = int(vault.balanceOf(stack.insurance_fund)) // SCALE
    take_from_insurance_fund(stack, chain, owner, fund_usdc - 300 * 10**6)
    ch.liquidate(under_water, eth, sender=keeper)
    index = int(vault.collateralIndex())
    assert index < ONE
    dave, erin = accounts[4], accounts[5]
    funded(dave, 2_000)
    funded(erin, 2_000)
    batch_accounts = (dave, erin, keeper)

    def shares() -> dict[str, int]:
        return {a.address: int(vault.rawBalance(a).shares) for a in batch_accounts}

    def run(orders: list[tuple[Any, int, int]]) -> tuple[dict[str, int], dict[str, int], list[Any]]:
        for t, size, acceptable in orders:
            queue(net, t, eth, size, acceptable)
        before, total = shares(), int(vault.totalShares())
        receipts = run_batch(chain, net, eth, keeper)
        after = shares()
        moved = sum(after[a] - before[a] for a in after)
        assert int(vault.totalShares()) - total == moved
        return before, after, receipts

    mark = int(ch.getMarkPrice(eth))
    before, after, receipts = run([(dave, wad("0.2"), mark * 2), (erin, -wad("0.1"), mark // 2)])
    changed = {e.trader: e for e in events(receipts, ch.PositionChanged)}
    filled = {e.trader: e for e in events(receipts, net.OrderFilled)}
    for t in (dave, erin):
        assert int(changed[t.address].realizedPnl) == 0  # opening: the entry is the fees' debit
        debit = int(changed[t.address].fee) + int(filled[t.address].fee)
        assert after[t.address] == before[t.address] - cdiv(debit * ONE, index)
    earned = sum(int(e.fee) for e in filled.values())
    assert after[keeper.address] == before[keeper.address] + earned * ONE // index

    # the whale (carol) buys back: the mark rises, and dave's close (the remainder swap) gains
    for _ in range(3):
        ch.openPosition((eth.address, False, True, wad(50_000), 0, 2**32 - 1), sender=carol)
    before, after, receipts = run([(dave, -wad("0.2"), 1)])
    (c,) = events(receipts, ch.PositionChanged)
    (f,) = events(receipts, net.OrderFilled)
    credit = int(c.realizedPnl) - int(c.fee) - int(f.fee)
    assert credit > 0
    assert after[dave.address] == before[dave.address] + credit * ONE // index
