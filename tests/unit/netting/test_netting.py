"""The netting engine (PROTOCOL.md section 5, "Netting engine"; issue 9): queueing with its
margin check and reserve, cancelling inside the batch window, batches netted at the block-start
mark p0 with one swap of the remainder, resting (limit) orders, expiry, reduce-only clipping,
margin failure at execution, the self-trade refusal, the execution fee, bounded execution over
several calls, and the caps on the batch's net flow. Each revert with its error and values,
each event with its arguments, every fill to the wei against the contracts' rounding."""

from __future__ import annotations

from typing import Any

import pytest

from utils.checks import one
from utils.constants import FAR_DEADLINE as FAR
from utils.constants import FEE_RATIO, ONE
from utils.models import curve_of, position_of
from utils.netting import events, queue, run_batch, window_passed
from utils.reverts import reverts
from vperp.sdk.curve import ceil_div, mul_ratio_up
from vperp.sdk.units import wad
from vperp.sim.invariants import solvency, zero_sum_exposure

IMR = 100_000
EXEC_FEE = wad("0.5")  # config/deploy.yaml
RESERVE_UNIT = 10**12
P3000 = wad(3000)


@pytest.fixture
def net(stack):
    return stack.netting


def reserve_of(size: int, acceptable: int, price: int, reduce_only: bool = False) -> int:
    """Netting.reserve: IM on the size at the valuation price (none for reduce-only), the loss of
    filling at the acceptable price, the fee on the acceptable notional, the execution fee;
    rounded up to 1e12."""
    a = abs(size)
    r = mul_ratio_up(ceil_div(a * acceptable, ONE), FEE_RATIO) + EXEC_FEE
    if not reduce_only:
        r += mul_ratio_up(ceil_div(a * price, ONE), IMR)
    loss = acceptable - price if size > 0 else price - acceptable
    if loss > 0:
        r += ceil_div(a * loss, ONE)
    return ceil_div(r, RESERVE_UNIT) * RESERVE_UNIT


def expected_batch(stack: Any, eth: Any, orders: list[tuple[Any, int]]) -> dict:
    """Contract-rounded fills of `orders` (trader, signed size) that all accept: p0 = the mark,
    the larger side's price ceil/floor((small·p0 + Q·1e18) / big)."""
    c = curve_of(stack.amm, eth)
    p0 = c.mark
    longs = sum(s for _, s in orders if s > 0)
    shorts = -sum(s for _, s in orders if s < 0)
    rem = longs - shorts
    if rem > 0:
        q = c.quote_in_for_base_out(rem)
        lp, sp = ceil_div(shorts * p0 + q * ONE, longs), p0
    elif rem < 0:
        q = c.quote_out_for_base_in(-rem)
        lp, sp = p0, (longs * p0 + q * ONE) // shorts
    else:
        q, lp, sp = 0, p0, p0
    fills = {}
    for t, s in orders:
        notional = ceil_div(s * lp, ONE) if s > 0 else -((-s) * sp // ONE)
        fills[t.address] = (s, notional, lp if s > 0 else sp)
    return {"p0": p0, "longs": longs, "shorts": shorts, "q": q, "fills": fills, "lp": lp, "sp": sp}


# ------------------------------------------------------------------ queueing


def test_queue_stores_the_order_reserves_its_margin_and_emits(stack, net, eth, traders, chain):
    alice = traders[0]
    price = int(stack.clearing_house.getValuationPrice(eth)[0])
    free_before = int(stack.clearing_house.getFreeCollateral(alice))
    size, acc = wad(2), wad(3030)
    tx = net.queuePositionChange(eth.address, size, acc, FAR, False, sender=alice)
    r = reserve_of(size, acc, price)
    ev = one(tx, net.OrderQueued)
    assert (
        ev.trader,
        ev.baseToken,
        ev.orderId,
        ev.size,
        ev.acceptablePrice,
        ev.deadline,
        ev.reduceOnly,
        ev.reserve,
    ) == (alice.address, eth.address, 0, size, acc, 2**32 - 1, False, r)
    o = net.getOrder(eth.address, 0)
    assert (o.trader, o.deadline, o.size, o.acceptablePrice, o.reduceOnly, o.status, o.reserve) == (
        alice.address,
        2**32 - 1,
        size,
        acc,
        False,
        1,
        r // RESERVE_UNIT,
    )
    assert int(net.reservedMargin(alice)) == r
    assert tuple(net.getOrderCount(alice, eth.address)) == (1, 0, 0)
    q = net.getOrderQueue(eth.address)
    assert (q.head, q.tail, q.phase, q.windowStart) == (0, 1, 0, chain.blocks.head.timestamp)
    # the reserve is not withdrawable: free collateral drops by it, and withdraw honours it
    free = int(stack.clearing_house.getFreeCollateral(alice))
    assert free == free_before - r
    over = free // 10**12 + 1
    with reverts(
        stack.clearing_house.InsufficientFreeCollateral,
        trader=alice,
        requested=over * 10**12,
        freeCollateral=free,
    ):
        stack.vault.withdraw(over, sender=alice)
    stack.vault.withdraw(free // 10**12, sender=alice)


def test_queue_rejects_bad_input(stack, net, eth, traders, chain, owner):
    alice, bob = traders[0], traders[1]
    ch = stack.clearing_house
    e = eth.address
    with reverts(ch.ZeroAmount):
        net.queuePositionChange(e, 0, P3000, FAR, False, sender=alice)
    with reverts(ch.ZeroAmount):
        net.queuePositionChange(e, wad(1), 0, FAR, False, sender=alice)
    with reverts(ch.AmountTooLarge, amount=2**112 + 1, max=2**112 - 1):
        net.queuePositionChange(e, -(2**112 + 1), P3000, FAR, False, sender=alice)
    with reverts(ch.AmountTooLarge, amount=2**120, max=2**120 - 1):
        net.queuePositionChange(e, wad(1), 2**120, FAR, False, sender=alice)
    with reverts(ch.UnknownMarket, baseToken=bob):
        net.queuePositionChange(bob.address, wad(1), P3000, FAR, False, sender=alice)
    now = chain.pending_timestamp
    chain.pending_timestamp = now
    with reverts(ch.DeadlineExpired, deadline=now - 1, timestamp=now):
        net.queuePositionChange(e, wad(1), P3000, now - 1, False, sender=alice)
    # reduce-only needs an opposite position
    with reverts(ch.NothingToReduce, trader=alice, baseToken=e):
        net.queuePositionChange(e, -wad(1), P3000, FAR, True, sender=alice)
    # margin: the account carries at most ~ 10x its value minus the reserve's other parts (12x
    # of what it holds, whatever an earlier test module left on this shared account)
    too_big = int(ch.getAccountValue(alice)) * 12 * 10**18 // P3000
    with reverts(ch.InsufficientMargin, trader=alice):
        net.queuePositionChange(e, too_big, P3000, FAR, False, sender=alice)
    # pause refuses new (non-reduce-only) orders
    ch.setPaused(e, True, sender=owner)
    with reverts(ch.MarketPaused, baseToken=e):
        net.queuePositionChange(e, wad(1), P3000, FAR, False, sender=alice)


def test_queue_margin_boundary(stack, net, eth, traders):
    """The largest order the margin allows is queued; one reserve unit more is refused."""
    carol = traders[2]
    ch = stack.clearing_house
    price = int(ch.getValuationPrice(eth)[0])
    value = int(ch.getAccountValue(carol))
    acc = price  # no loss term: reserve = IM + fee + execution fee
    # reserve(size) = ceil_unit(size*price*(IMR+fee)/1e6 + fee) <= value
    lo, hi = 0, wad(100)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if reserve_of(mid, acc, price) <= value:
            lo = mid
        else:
            hi = mid - 1
    bigger = lo + 1
    while reserve_of(bigger, acc, price) <= value:
        bigger += 1
    with reverts(
        ch.InsufficientMargin,
        trader=carol,
        accountValue=value,
        initialRequirement=reserve_of(bigger, acc, price),
    ):
        net.queuePositionChange(eth.address, bigger, acc, FAR, False, sender=carol)
    net.queuePositionChange(eth.address, lo, acc, FAR, False, sender=carol)
    assert int(net.reservedMargin(carol)) == reserve_of(lo, acc, price)


def test_self_trade_and_second_reduce_only_are_refused(stack, net, eth, traders, funded):
    alice = traders[0]
    ch = stack.clearing_house
    queue(net, alice, eth, wad(1), wad(3100))
    with reverts(ch.SelfTrade, trader=alice, baseToken=eth.address):
        net.queuePositionChange(eth.address, -wad(1), wad(2900), FAR, False, sender=alice)
    # same side: fine
    queue(net, alice, eth, wad(1), wad(3100))
    assert tuple(net.getOrderCount(alice, eth.address)) == (2, 0, 0)
    # reduce-only: one at a time per market
    bob = traders[1]
    ch.openPosition((eth.address, False, False, wad(2), 0, FAR), sender=bob)
    queue(net, bob, eth, -wad(1), wad(2900), reduce_only=True)
    with reverts(ch.ReduceOnlyOrderExists, trader=bob, baseToken=eth.address):
        net.queuePositionChange(eth.address, -wad(1), wad(2900), FAR, True, sender=bob)
    with reverts(ch.SelfTrade, trader=bob, baseToken=eth.address):
        net.queuePositionChange(eth.address, wad(1), wad(3100), FAR, False, sender=bob)


# ------------------------------------------------------------------ cancelling


def test_cancel_inside_the_window_only(stack, net, eth, traders, chain, owner):
    alice, bob = traders[0], traders[1]
    ch = stack.clearing_house
    net.setNettingParams(EXEC_FEE, 10, sender=owner)
    oid = queue(net, alice, eth, wad(1), wad(3100))
    start = int(net.getOrderQueue(eth.address).windowStart)
    with reverts(ch.NotOrderOwner, caller=bob, trader=alice):
        net.cancelOrder(eth.address, oid, sender=bob)
    with reverts(ch.UnknownOrder, baseToken=eth.address, orderId=7):
        net.cancelOrder(eth.address, 7, sender=alice)
    tx = net.cancelOrder(eth.address, oid, sender=alice)
    ev = one(tx, net.OrderCancelled)
    assert (ev.trader, ev.orderId, ev.reason, ev.fee) == (alice.address, oid, 0, 0)
    assert int(net.reservedMargin(alice)) == 0
    assert tuple(net.getOrderCount(alice, eth.address)) == (0, 0, 0)
    assert net.getOrder(eth.address, oid).status == 0
    with reverts(ch.UnknownOrder, baseToken=eth.address, orderId=oid):
        net.cancelOrder(eth.address, oid, sender=alice)
    # once the window has closed, no cancel: the order belongs to the batch (no free option)
    oid2 = queue(net, alice, eth, wad(1), wad(3100))
    chain.pending_timestamp = start + 10
    with reverts(ch.BatchWindowClosed, baseToken=eth.address, closedAt=start + 10):
        net.cancelOrder(eth.address, oid2, sender=alice)


# ------------------------------------------------------------------ executing


def test_execute_batch_refusals(stack, net, eth, btc, traders, chain, owner):
    ch = stack.clearing_house
    keeper = traders[5]
    with reverts(ch.NoOrders, baseToken=eth.address):
        net.executeBatch(eth.address, 10, sender=keeper)
    with reverts(ch.UnknownMarket, baseToken=keeper.address):
        net.executeBatch(keeper.address, 10, sender=keeper)
    net.setNettingParams(EXEC_FEE, 5, sender=owner)
    queue(net, traders[0], eth, wad(1), wad(3100))
    start = int(net.getOrderQueue(eth.address).windowStart)
    chain.pending_timestamp = start + 4
    with reverts(ch.BatchWindowOpen, baseToken=eth.address, closesAt=start + 5):
        net.executeBatch(eth.address, 10, sender=keeper)
    chain.pending_timestamp = start + 5
    with reverts(ch.ZeroAmount):
        net.executeBatch(eth.address, 0, sender=keeper)
    net.executeBatch(eth.address, 10, sender=keeper)


def test_params_bounds_owner_and_event(stack, net, owner, traders):
    ch = stack.clearing_house
    with reverts(ch.OwnableUnauthorizedAccount, account=traders[0]):
        net.setNettingParams(0, 1, sender=traders[0])
    with reverts(ch.ParamOutOfBounds, value=wad(100) + 1, min=0, max=wad(100)):
        net.setNettingParams(wad(100) + 1, 1, sender=owner)
    with reverts(ch.ParamOutOfBounds, value=0, min=1, max=60):
        net.setNettingParams(0, 0, sender=owner)
    with reverts(ch.ParamOutOfBounds, value=61, min=1, max=60):
        net.setNettingParams(0, 61, sender=owner)
    before = tuple(net.nettingParams())
    tx = net.setNettingParams(wad(100), 60, sender=owner)
    ev = one(tx, net.NettingParamsChanged)
    assert (ev.oldExecutionFee, ev.oldBatchWindow) == before  # the setter emits old and new
    assert (ev.executionFee, ev.batchWindow) == (wad(100), 60)
    assert tuple(net.nettingParams()) == (wad(100), 60)


def test_batch_nets_at_p0_and_swaps_the_remainder(stack, net, eth, traders, chain):
    """Two longs (1 and 2 ETH) against one short (1.5 ETH): the short fills at p0; the longs
    share 1.5 ETH at p0 and one swap of 1.5 ETH pro rata; fees, PnL, OI, events to the wei."""
    a, b, c, keeper = traders[0], traders[1], traders[2], traders[5]
    ch, amm, vault = stack.clearing_house, stack.amm, stack.vault
    orders = [(a, wad(1)), (b, wad(2)), (c, -wad("1.5"))]
    for t, s in orders:
        queue(net, t, eth, s, wad(3100) if s > 0 else wad(2900))
    bal = {t.address: int(vault.balanceOf(t)) for t in traders}
    fund, pool = int(vault.balanceOf(stack.insurance_fund)), int(vault.balanceOf(stack.liquidity_pool))
    window_passed(chain, net)
    exp = expected_batch(stack, eth, orders)  # the mark now is the block-start mark of the batch
    tx = net.executeBatch(eth.address, 100, sender=keeper)
    be = one(tx, net.BatchExecuted)
    assert (be.baseToken, be.longTotal, be.shortTotal, be.p0, be.swapBase, be.swapQuote, be.fills) == (
        eth.address,
        wad(3),
        wad("1.5"),
        exp["p0"],
        wad("1.5"),
        exp["q"],
        3,
    )
    changed = {e.trader: e for e in tx.events.filter(ch.PositionChanged)}
    filled = {e.trader: e for e in tx.events.filter(net.OrderFilled)}
    fees = 0
    for t, _s in orders:
        size, notional, price = exp["fills"][t.address]
        fee = mul_ratio_up(abs(notional), FEE_RATIO)
        fees += fee
        e = changed[t.address]
        assert (e.exchangedSize, e.exchangedNotional, e.fee, e.openNotional, e.realizedPnl) == (
            size,
            notional,
            fee,
            notional,
            0,
        )
        assert (filled[t.address].size, filled[t.address].price, filled[t.address].fee) == (
            size,
            price,
            EXEC_FEE,
        )
        assert position_of(ch, t, eth).size == size
        assert int(vault.balanceOf(t)) == bal[t.address] - fee - EXEC_FEE
        assert int(net.reservedMargin(t)) == 0
    assert int(vault.balanceOf(keeper)) == bal[keeper.address] + 3 * EXEC_FEE
    ins = sum(
        mul_ratio_up(mul_ratio_up(abs(exp["fills"][t.address][1]), FEE_RATIO), 200_000) for t, _ in orders
    )
    assert int(vault.balanceOf(stack.insurance_fund)) == fund + ins
    assert int(vault.balanceOf(stack.liquidity_pool)) == pool + fees - ins
    # the curve moved by the remainder only
    assert int(amm.netBase(eth)) == wad("1.5")
    assert tuple(int(v) for v in ch.getOpenInterest(eth)) == (wad(3), wad("1.5"))
    # the longs' price is the same for both, between p0 and the swap's average
    assert exp["p0"] < exp["lp"] < exp["q"] * ONE // wad("1.5") + 1
    q = net.getOrderQueue(eth.address)
    assert (q.head, q.tail, q.phase) == (3, 3, 0)
    zero_sum_exposure(stack, traders)
    solvency(stack, traders)


def test_equal_sides_fill_at_p0_without_a_swap(stack, net, eth, traders, chain):
    a, b, keeper = traders[0], traders[1], traders[5]
    queue(net, a, eth, wad(1), wad(3001))
    queue(net, b, eth, -wad(1), wad(2999))
    reserves = tuple(stack.amm.getReserves(eth))
    window_passed(chain, net)
    p0 = curve_of(stack.amm, eth).mark
    tx = net.executeBatch(eth.address, 100, sender=keeper)
    be = one(tx, net.BatchExecuted)
    assert (be.longTotal, be.shortTotal, be.p0, be.swapBase, be.swapQuote, be.fills) == (
        wad(1),
        wad(1),
        p0,
        0,
        0,
        2,
    )
    assert tuple(stack.amm.getReserves(eth)) == reserves
    ch = stack.clearing_house
    assert position_of(ch, a, eth).open_notional == ceil_div(wad(1) * p0, ONE)
    assert position_of(ch, b, eth).open_notional == -(wad(1) * p0 // ONE)


def test_limit_order_rests_then_fills_in_a_later_batch(stack, net, eth, traders, chain):
    """A long whose acceptable price is below the longs' batch price drops out (it rests); the
    rest are recomputed without it; later, with shorts to meet it at p0, it fills."""
    a, b, c, d, keeper = traders[0], traders[1], traders[2], traders[3], traders[5]
    ch = stack.clearing_house
    p0 = curve_of(stack.amm, eth).mark
    limit = queue(net, a, eth, wad(3), p0)  # accepts p0 at most: a long side price above p0 fails
    queue(net, b, eth, wad(1), wad(3100))
    queue(net, c, eth, -wad("0.5"), wad(2900))
    window_passed(chain, net)
    exp = expected_batch(stack, eth, [(b, wad(1)), (c, -wad("0.5"))])
    tx = net.executeBatch(eth.address, 100, sender=keeper)
    rested = one(tx, net.OrderRested)
    assert (rested.trader, rested.orderId, rested.newOrderId, rested.size) == (a.address, limit, 3, wad(3))
    be = one(tx, net.BatchExecuted)
    assert (be.longTotal, be.shortTotal, be.fills) == (wad(1), wad("0.5"), 2)
    assert position_of(ch, b, eth).open_notional == exp["fills"][b.address][1]
    assert position_of(ch, a, eth).size == 0
    assert net.getOrder(eth.address, 3).status == 1
    assert int(net.reservedMargin(a)) > 0
    # the resting order can be cancelled in the next window, or fill: a short meets it at the new p0
    p1 = curve_of(stack.amm, eth).mark
    queue(net, d, eth, -wad(3), wad(2000))
    window_passed(chain, net)
    assert p1 > p0  # the remainder swap moved the mark up: the limit long is below it ...
    # ... and a short of 3 makes the longs the smaller side, at p1 > limit: it rests again
    tx = net.executeBatch(eth.address, 100, sender=keeper)
    assert one(tx, net.OrderRested).orderId == 3
    # the shorts sold the mark down: the next batch's p0 is below the limit, and the limit long fills
    queue(net, d, eth, -wad(3), wad(2000))
    window_passed(chain, net)
    p2 = curve_of(stack.amm, eth).mark
    assert p2 <= p0
    tx = net.executeBatch(eth.address, 100, sender=keeper)
    f = {e.trader: e for e in tx.events.filter(net.OrderFilled)}
    assert f[a.address].size == wad(3) and f[a.address].price == p2
    assert int(net.reservedMargin(a)) == 0
    zero_sum_exposure(stack, traders)
    solvency(stack, traders)


def test_expired_order_is_cancelled_with_its_fee_nothing_else_changes(stack, net, eth, traders, chain):
    a, keeper = traders[0], traders[5]
    vault = stack.vault
    deadline = chain.pending_timestamp + 1
    free_before = int(stack.clearing_house.getFreeCollateral(a))
    oid = queue(net, a, eth, wad(1), wad(3100), deadline=deadline)
    assert int(stack.clearing_house.getFreeCollateral(a)) < free_before  # reserved while queued
    reserves = tuple(stack.amm.getReserves(eth))
    bal, kbal = int(vault.balanceOf(a)), int(vault.balanceOf(keeper))
    chain.pending_timestamp = deadline + 5
    tx = net.executeBatch(eth.address, 10, sender=keeper)
    ev = one(tx, net.OrderCancelled)
    assert (ev.trader, ev.orderId, ev.reason, ev.fee) == (a.address, oid, 1, EXEC_FEE)
    be = one(tx, net.BatchExecuted)
    assert (be.longTotal, be.shortTotal, be.fills, be.swapBase) == (0, 0, 0, 0)
    assert tuple(stack.amm.getReserves(eth)) == reserves
    assert int(vault.balanceOf(a)) == bal - EXEC_FEE
    assert int(vault.balanceOf(keeper)) == kbal + EXEC_FEE
    assert int(net.reservedMargin(a)) == 0
    # not filled, and its reserve is released: all its free collateral is back, less the fee
    assert not tx.events.filter(stack.clearing_house.PositionChanged)
    assert not tx.events.filter(net.OrderFilled)
    assert int(stack.clearing_house.getFreeCollateral(a)) == free_before - EXEC_FEE


def test_margin_failure_at_execution_cancels(stack, net, eth, traders, chain):
    """The trader spends the margin behind its queued order on a direct trade (direct trades do
    not see the reserve): at execution the order fails its margin check and is cancelled."""
    a, b, keeper = traders[0], traders[1], traders[5]
    ch = stack.clearing_house
    value = int(ch.getAccountValue(a))  # 10,000 USD, or more if an earlier module left some
    oid = queue(net, a, eth, value * 3 * 10**18 // wad(3000), wad(3100))  # ~3x
    queue(net, b, eth, -wad(1), wad(2900))
    ch.openPosition((eth.address, False, True, value * 6, 0, FAR), sender=a)  # ~6x more
    size_before = position_of(ch, a, eth).size
    window_passed(chain, net)
    tx = net.executeBatch(eth.address, 10, sender=keeper)
    ev = [e for e in tx.events.filter(net.OrderCancelled)]
    assert [(e.trader, e.orderId, e.reason, e.fee) for e in ev] == [(a.address, oid, 2, EXEC_FEE)]
    assert position_of(ch, a, eth).size == size_before
    # the short alone: it is the larger side and swaps on the curve
    be = one(tx, net.BatchExecuted)
    assert (be.longTotal, be.shortTotal, be.fills, be.swapBase) == (0, wad(1), 1, -wad(1))


def test_reduce_only_is_clipped_to_the_position(stack, net, eth, traders, chain):
    a, b, keeper = traders[0], traders[1], traders[5]
    ch = stack.clearing_house
    ch.openPosition((eth.address, False, False, wad(2), 0, FAR), sender=a)
    oid = queue(net, a, eth, -wad(5), wad(2000), reduce_only=True)
    assert int(net.reservedMargin(a)) == reserve_of(
        -wad(5), wad(2000), int(ch.getValuationPrice(eth)[0]), True
    )
    window_passed(chain, net)
    tx = net.executeBatch(eth.address, 10, sender=keeper)
    f = one(tx, net.OrderFilled)
    assert (f.orderId, f.size) == (oid, -wad(2))
    assert position_of(ch, a, eth).size == 0
    assert tuple(net.getOrderCount(a, eth.address)) == (0, 0, 0)
    # a reduce-only order whose position is gone by execution is cancelled (reason 3)
    ch.openPosition((eth.address, False, False, wad(1), 0, FAR), sender=b)
    oid = queue(net, b, eth, -wad(1), wad(2000), reduce_only=True)
    ch.closePosition(eth.address, 0, FAR, sender=b)
    window_passed(chain, net)
    tx = net.executeBatch(eth.address, 10, sender=keeper)
    ev = one(tx, net.OrderCancelled)
    assert (ev.trader, ev.orderId, ev.reason) == (b.address, oid, 3)
    assert position_of(ch, b, eth).size == 0


def test_bounded_execution_gives_the_same_result(stack, net, eth, traders, chain):
    """The same batch run one order per call (a cursor over several transactions, several
    passes) and in one call: identical fills to the wei."""
    orders = [
        (traders[0], wad(1), wad(3100)),
        (traders[1], wad(2), wad(3000)),
        (traders[2], -wad(1), wad(2900)),
        (traders[3], -wad("0.25"), wad(2990)),
        (traders[4], wad("0.7"), wad(3050)),
    ]
    results = []
    for step in (1, 100):
        snap = chain.snapshot()
        for t, s, acc in orders:
            queue(net, t, eth, s, acc)
        receipts = run_batch(chain, net, eth, traders[5], max_orders=step)
        fills = sorted((e.trader, e.size, e.price) for e in events(receipts, net.OrderFilled))
        rested = sorted((e.trader, e.size) for e in events(receipts, net.OrderRested))
        positions = [tuple(stack.clearing_house.getPosition(t, eth)) for t, _, _ in orders]
        results.append((fills, rested, positions, len(receipts)))
        chain.restore(snap)
    assert results[0][:3] == results[1][:3]
    assert results[0][3] > 5 and results[1][3] == 1


def test_get_batch_shows_only_a_running_batch(stack, net, eth, traders, chain):
    """A batch that ends within its call is never stored (BatchExecuted carries its figures):
    getBatch answers zeros whenever no batch runs, and between the calls of a bounded batch the
    running batch's own state (its p0, its end, its passes so far)."""
    orders = [
        (traders[0], wad(1), wad(3100)),
        (traders[1], wad("0.5"), wad(3100)),
        (traders[2], -wad(1), wad(2900)),
    ]
    for step in (100, 1):
        for t, s, acc in orders:
            queue(net, t, eth, s, acc)
        window_passed(chain, net)
        p0 = int(stack.clearing_house.getMarkPrice(eth))
        tail = int(net.getOrderQueue(eth).tail)
        assert all(int(v) == 0 for v in net.getBatch(eth))
        seen = []
        while True:
            tx = net.executeBatch(eth.address, step, sender=traders[5])
            if tx.events.filter(net.BatchExecuted):
                break
            b = net.getBatch(eth)
            seen.append((int(b.p0), int(b.end), int(b.passes)))
        assert all(int(v) == 0 for v in net.getBatch(eth)), "a finished batch leaves nothing"
        if step == 100:
            assert seen == []
        else:  # 3 orders a pass, one order a call: collect then fill, the running state between
            assert len(seen) == 5
            assert {(p, e) for p, e, _ in seen} == {(p0, tail)}
            assert [n for _, _, n in seen] == [0, 0, 1, 1, 1]
        for t, _, _ in orders:  # flat again for the next round
            stack.clearing_house.closePosition(eth.address, 0, FAR, sender=t)


def test_finished_orders_are_gone_though_a_batch_leaves_their_slots(stack, net, eth, traders, chain):
    """A batch does not clear a finished order's slots (the queue's head moves past them): its id
    is then unknown to cancelOrder (no second release of its reserve) and getOrder shows it
    empty, after the batch and, in a running fill pass, below the cursor; an order moved to the
    tail as a rest is known only by its new id."""
    a, b, c, d, keeper = traders[0], traders[1], traders[2], traders[3], traders[5]
    ch = stack.clearing_house
    p0 = curve_of(stack.amm, eth).mark
    filled = queue(net, a, eth, wad(1), wad(3100))
    queue(net, b, eth, -wad("0.5"), wad(2900))
    resting = queue(net, c, eth, wad(1), p0 - 1)  # below the longs' price: rests
    queue(net, d, eth, -wad("0.25"), wad(2000))
    tail = int(net.getOrderQueue(eth).tail)
    window_passed(chain, net)
    seen, receipts = [], []
    while True:  # one order a call: getOrder between the calls of the fill pass
        receipts.append(net.executeBatch(eth.address, 1, sender=keeper))
        if receipts[-1].events.filter(net.BatchExecuted):
            break
        if int(net.getOrderQueue(eth).phase) == 3:
            seen.append([int(net.getOrder(eth.address, i).status) for i in range(tail)])
    # the fill pass: orders below the cursor read empty, the others still queued or resting
    assert seen == [[1, 1, 2, 1], [0, 1, 2, 1], [0, 0, 2, 1], [0, 0, 0, 1]]
    (rest,) = events(receipts, net.OrderRested)
    rested = int(rest.newOrderId)
    assert (int(rest.orderId), rested) == (resting, tail)
    for oid, who in ((filled, a), (resting, c)):
        assert tuple(net.getOrder(eth.address, oid)) == ("0x" + "0" * 40, 0, 0, 0, 0, False, 0)
        reserved, counts = int(net.reservedMargin(who)), tuple(net.getOrderCount(who, eth.address))
        with reverts(ch.UnknownOrder, baseToken=eth.address, orderId=oid):
            net.cancelOrder(eth.address, oid, sender=who)
        assert (int(net.reservedMargin(who)), tuple(net.getOrderCount(who, eth.address))) == (
            reserved,
            counts,
        )
    assert int(net.reservedMargin(a)) == 0 and int(net.reservedMargin(c)) > 0
    o = net.getOrder(eth.address, rested)
    assert (o.trader, o.size, o.status) == (c.address, wad(1), 1)
    net.cancelOrder(eth.address, rested, sender=c)  # the rest is cancelled by its new id
    assert int(net.reservedMargin(c)) == 0


def test_fluctuation_limit_caps_the_net_flow_and_the_rest_stays_queued(
    stack, net, eth, traders, chain, funded, accounts
):
    """A remainder beyond the 2.5% per-block limit: the longs fill pro rata only as far as the
    limit allows (one swap, within it), and each long's unfilled rest stays queued."""
    whales = accounts[7:9]
    for w in whales:
        funded(w, 200_000)
    c = curve_of(stack.amm, eth)
    # 2.5% on a 10,000 ETH curve ~ 124 ETH of base; ask for 300 ETH of longs against 10 of shorts
    queue(net, whales[0], eth, wad(200), wad(3300))
    queue(net, whales[1], eth, wad(100), wad(3300))
    queue(net, traders[0], eth, -wad(10), wad(2900))
    window_passed(chain, net)
    tx = net.executeBatch(eth.address, 100, sender=traders[5])
    be = one(tx, net.BatchExecuted)
    assert be.shortTotal == wad(10) and be.longTotal == wad(300)
    start = c.mark
    after = curve_of(stack.amm, eth).mark
    assert after > start and (after - start) * 10**6 <= start * 25_000  # within the limit
    assert (after - start) * 10**6 > start * 24_900  # and used almost all of it
    fills = {e.trader: e.size for e in tx.events.filter(net.OrderFilled)}
    rested = {e.trader: e.size for e in tx.events.filter(net.OrderRested)}
    for w, s in ((whales[0], wad(200)), (whales[1], wad(100))):
        assert fills[w.address] + rested[w.address] == s
    # pro rata: 2:1, each rounded up
    f0, f1 = fills[whales[0].address], fills[whales[1].address]
    assert abs(f0 - 2 * f1) <= 2
    assert f0 + f1 - wad(10) == be.swapBase
    zero_sum_exposure(stack, list(traders) + whales)
    solvency(stack, list(traders) + whales)
