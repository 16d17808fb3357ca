"""Counterexamples of the forge invariant campaigns (tests/forge), shrunk and replayed here
through Ape, so that each finding stays pinned in the Python suite too.

1. With the user-trade guards (a) and (b) of hole 1 removed (no-negative-equity and the spread
   band), the coalition campaign found in 2,750 calls, shrunk to 7: one account drags the mark
   up 2.4% a block for 14 blocks; a second account with no collateral at all opens a short at
   the inflated mark (valued at the index it looks in profit) and closes it into negative
   collateral: silent bad debt. On main the band stops the drag at 10%, and a zero-collateral
   short at the band's edge is worth about 9.1% of its notional, under the 10% initial margin.
2. The main campaign found a short that could not be closed at all (InsufficientLiquidity) after
   the owner halved k repeatedly while the traders' net position was near zero (changes that
   cost nothing are not paced): the base reserve fell below the short open interest. A k
   adjustment now keeps the base reserve above it (KBelowOpenInterest).
3. The main campaign found the pool's ledger at 27x the USDC the core held, and an LP redemption
   failing inside USDC's transfer: halvings of k against a net position booked the traders' lost
   paper value to the pool with no budget and no pace. A gain is now bounded and paced as a cost
   is (test_k_adjust.py pins the exact budget and pace; here, the repeated halving).
4. With the fluctuation limit made exclusive (`>` -> `>=`, a planted mutant), both campaigns
   failed on the handler's `edge` action, shrunk to one call: the first trade of a block sized
   so that the mark ends exactly at the limit was refused. Its Python regression is
   tests/unit/guards/test_guards.py::test_fluctuation_limit_is_inclusive_to_the_wei (both
   directions, and one wei past the limit refused).
5. With the under-water threshold weakened (`value < penalty` -> `value < 0`, a planted mutant),
   the main campaign failed under fuzz seed 3 on the handler's `lateLiquidate` action (a late
   keeper; shrunk to 12 calls): an account still solvent but short of the whole penalty paid
   all of it and left bad debt. Its Python regression is
   tests/unit/liquidation/test_liquidation.py::test_under_water_means_unable_to_pay_the_penalty.
"""

from __future__ import annotations

import ape

from utils.coalition import base_for_move, drag
from utils.constants import FAR_DEADLINE
from vperp.sdk.units import wad

BIG = 2**255


def test_zero_collateral_short_at_the_band_edge_is_refused(chain, ch, amm, eth, funded, alice, bob):
    """Finding 1 on main: the drag stops at the band, the zero-collateral short is refused with
    InsufficientMargin and no account is left with negative collateral."""
    whale = funded(alice, 1_800_954)  # the campaign's deposit, 1,800,953.998056 USDC, rounded up
    index = int(ch.getIndexPrice(eth))
    with ape.reverts(ch.SpreadTooLarge):
        drag(whale, amm, eth, "vETH", index * 139 // 100)  # 14 blocks x 2.4% asked
    mark = int(amm.getMarkPrice(eth))
    assert index * 107 // 100 < mark <= index * 110 // 100  # within the band, near its edge
    assert int(ch.balanceOf(bob)) == 0
    x = int(amm.getReserves(eth)[0])
    amount = base_for_move(x, 1 - 0.0129)  # the campaign's push: the mark down by 1.29%
    with ape.reverts(ch.InsufficientMargin, trader=bob.address):
        ch.openPosition((eth, True, True, amount, 0, FAR_DEADLINE), sender=bob)
    assert int(ch.getPosition(bob, eth).size) == 0
    assert int(ch.protocolDeficit()) == 0


def test_k_never_shrinks_below_the_short_open_interest(chain, ch, amm, eth, funded, owner, alice, bob):
    """Finding 2: alice short and bob long the same base (net zero: every change is free, so not
    paced); halving k stops with KBelowOpenInterest before the base reserve reaches alice's
    short, one wei either side, and alice can still buy her short back on the curve."""
    a = funded(alice, 100_000)
    b = funded(bob, 100_000)
    short = wad(100)
    a.short_base("vETH", 100)  # about 2% of the curve's 10,000 base: one block's move
    b.long_base("vETH", 100)
    assert int(amm.netBase(eth)) == 0
    assert int(ch.getOpenInterest(eth)[1]) == short
    for _ in range(6):  # 10,000 -> 156.25 base: each halving free, never paced
        x = int(amm.getReserves(eth)[0])
        tx = ch.adjustK(eth, x // 2, 0, sender=owner)
        assert int(tx.decode_logs(ch.CurveMigrated)[0].cost) == 0
    x = int(amm.getReserves(eth)[0])
    assert short < x < 2 * short
    with ape.reverts(
        ch.KBelowOpenInterest, baseToken=eth.address, newBaseReserve=short, shortOpenInterest=short
    ):
        ch.adjustK(eth, short, 0, sender=owner)
    ch.adjustK(eth, short + 1, BIG, sender=owner)  # one wei above: allowed (free, net zero)
    ch.adjustK(eth, 2 * short, BIG, sender=owner)
    # buying all the short base back on this curve is priced, never InsufficientLiquidity
    base_out, quote = (int(v) for v in amm.quoteSwap(eth, False, False, short))
    assert base_out == short and quote > 0


def test_repeated_halvings_against_a_net_position_are_budgeted_and_paced(
    chain, stack, ch, amm, vault, eth, funded, owner, alice, pool
):
    """Finding 3: with a net long open, a halving of k books the pool a gain; the next one
    within the hour is refused (CurveChangeTooSoon), one whose gain exceeds 1% of the pool's
    balance is refused (KCostExceedsBudget), and the pool's ledger stays within the USDC held."""
    funded(alice, 200_000).long_quote("vETH", 300_000)
    x = int(amm.getReserves(eth)[0])
    tx = ch.adjustK(eth, x // 2, BIG, sender=owner)
    assert int(tx.decode_logs(ch.CurveMigrated)[0].cost) < 0  # a gain to the pool
    next_time = chain.blocks[tx.block_number].timestamp + 3_600
    x, y = (int(v) for v in amm.getReserves(eth))
    with ape.reverts(ch.CurveChangeTooSoon, baseToken=eth.address, nextChangeTime=next_time):
        ch.adjustK(eth, x // 2, BIG, sender=owner)
    chain.pending_timestamp = next_time
    new_x = x // 2
    cost = int(amm.migrationCost(eth, new_x, -(-new_x * y // x)))
    budget = int(vault.balanceOf(pool)) // 100
    assert cost < 0
    with ape.reverts(ch.KCostExceedsBudget, baseToken=eth.address, cost=cost, budget=-cost - 1):
        ch.adjustK(eth, new_x, -cost - 1, sender=owner)
    if -cost > budget:
        with ape.reverts(ch.KCostExceedsBudget, baseToken=eth.address, cost=cost, budget=budget):
            ch.adjustK(eth, new_x, BIG, sender=owner)
    else:
        ch.adjustK(eth, new_x, BIG, sender=owner)
    assert int(vault.balanceOf(pool)) <= int(stack.usdc.balanceOf(ch.address)) * 10**12
