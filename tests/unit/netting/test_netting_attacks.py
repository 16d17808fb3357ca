"""The netting engine against its attackers (issue 9, "No free option"): an executor or a
trader moving the mark just before a batch, a trader who sees the batch price coming and tries
to cancel. p0 is the block-start mark of the batch's first block: nothing sent in that block
moves it; a push in the block before shifts it by the pusher's own price impact only, costs the
pusher the fee both ways, and never fills anybody beyond their acceptable price (who would be
filled worse rests instead)."""

from __future__ import annotations

from typing import Any

from utils.checks import one
from utils.constants import FAR_DEADLINE as FAR
from utils.models import curve_of, position_of
from utils.netting import queue, window_passed
from utils.reverts import reverts
from vperp.sdk.units import wad
from vperp.sim.invariants import solvency, zero_sum_exposure


def _raw_send(chain: Any, sender: Any, to: str, data: bytes) -> str:
    web3 = chain.provider.web3
    return web3.eth.send_transaction(
        {"from": sender.address, "to": to, "data": "0x" + data.hex(), "gas": 3_000_000}
    )


def test_a_push_inside_the_execution_block_does_not_move_p0(stack, eth, traders, chain):
    """The executor buys 30 ETH in the batch's own block, just before executeBatch (both
    transactions mined in one block): p0 is still the mark at the block's start, and the
    batch's fills are what they would have been without the push."""
    net, ch = stack.netting, stack.clearing_house
    a, b, attacker = traders[0], traders[1], traders[4]
    queue(net, a, eth, wad(2), wad(3200))
    queue(net, b, eth, -wad(2), wad(2800))
    window_passed(chain, net)
    chain.mine()
    start_mark = curve_of(stack.amm, eth).mark
    push = ch.openPosition.encode_input((eth.address, False, False, wad(30), 0, FAR))
    batch = net.executeBatch.encode_input(eth.address, 100)
    chain.provider.make_request("evm_setAutomine", [False])
    try:
        _raw_send(chain, attacker, ch.address, push)
        h = _raw_send(chain, attacker, ch.address, batch)
        chain.provider.make_request("evm_mine", [])
    finally:
        chain.provider.make_request("evm_setAutomine", [True])
    receipt = chain.provider.get_receipt(h.hex() if hasattr(h, "hex") else h)
    be = [log for log in receipt.decode_logs(net.BatchExecuted)]
    assert len(be) == 1 and int(be[0].p0) == start_mark
    assert curve_of(stack.amm, eth).mark > start_mark  # the push happened, before the batch
    fills = {log.trader: log for log in receipt.decode_logs(net.OrderFilled)}
    assert int(fills[a.address].price) == start_mark == int(fills[b.address].price)
    assert position_of(ch, attacker, eth).size == wad(30)


def test_a_push_in_the_block_before_gains_the_pusher_nothing_and_fills_nobody_beyond_acceptable(
    stack, eth, traders, chain
):
    """A trader with a queued 5 ETH short pushes the mark up with a 20 ETH direct long in the
    block before the batch (so that its short fills at a higher p0), then unwinds after the
    batch. The longs whose acceptable price the pushed batch price exceeds rest; the one that
    accepts fills within its price; the pusher ends with less collateral than it started with
    (the fee both ways exceeds what 5 ETH gains from its own impact)."""
    net, ch, vault = stack.netting, stack.clearing_house, stack.vault
    tight, loose, attacker = traders[0], traders[1], traders[4]
    mark = curve_of(stack.amm, eth).mark
    queue(net, tight, eth, wad(3), mark * 10_010 // 10_000)  # accepts 0.1% above today's mark
    queue(net, loose, eth, wad(5), mark * 10_300 // 10_000)
    queue(net, attacker, eth, -wad(5), mark * 9_700 // 10_000)
    before = int(vault.balanceOf(attacker))
    window_passed(chain, net)
    ch.openPosition((eth.address, False, False, wad(20), 0, FAR), sender=attacker)  # the push
    pushed = curve_of(stack.amm, eth).mark
    assert pushed > mark * 10_030 // 10_000
    tx = net.executeBatch(eth.address, 100, sender=traders[5])
    be = one(tx, net.BatchExecuted)
    assert int(be.p0) == pushed
    rested = {e.trader for e in tx.events.filter(net.OrderRested)}
    fills = {e.trader: e for e in tx.events.filter(net.OrderFilled)}
    assert rested == {tight.address}  # would fill above its price: it rests
    assert int(fills[loose.address].price) <= mark * 10_300 // 10_000
    assert int(fills[attacker.address].price) == pushed
    # unwind: close the push and the netted short
    ch.closePosition(eth.address, 0, FAR, sender=attacker)
    assert position_of(ch, attacker, eth).size == 0
    assert int(vault.balanceOf(attacker)) < before
    zero_sum_exposure(stack, traders)
    solvency(stack, traders)


def test_an_executor_pushing_before_its_batch_loses_more_than_it_earns(stack, eth, traders, chain):
    """The executor pushes the mark before executing (it has no order: it earns only the
    execution fees) and unwinds after: it ends below where it started plus its fees."""
    net, ch, vault = stack.netting, stack.clearing_house, stack.vault
    executor = traders[5]
    for i, t in enumerate(traders[:4]):
        queue(net, t, eth, wad(1 + i) * (1 if i % 2 else -1), wad(3300) if i % 2 else wad(2700))
    before = int(vault.balanceOf(executor))
    window_passed(chain, net)
    ch.openPosition((eth.address, True, True, wad(20), 0, FAR), sender=executor)  # push down
    tx = net.executeBatch(eth.address, 100, sender=executor)
    earned = sum(int(e.fee) for e in tx.events.filter(net.OrderFilled))
    assert earned == 4 * int(net.nettingParams()[0])
    ch.closePosition(eth.address, 0, FAR, sender=executor)
    assert int(vault.balanceOf(executor)) < before + earned
    for e in tx.events.filter(net.OrderFilled):
        assert (int(e.price) <= wad(3300)) if int(e.size) > 0 else (int(e.price) >= wad(2700))


def test_no_cancel_once_the_window_has_closed_or_during_a_batch(stack, eth, traders, chain):
    """A trader who sees the mark move against its order after the window closed cannot cancel:
    the order belongs to the batch and fills (within its acceptable price). Nor can anyone
    cancel while a batch runs over several calls."""
    net, ch = stack.netting, stack.clearing_house
    a, b, c = traders[0], traders[1], traders[2]
    oid = queue(net, a, eth, wad(2), wad(3200))
    queue(net, b, eth, -wad(1), wad(2800))
    start = int(net.getOrderQueue(eth.address).windowStart)
    _, window = net.nettingParams()
    chain.pending_timestamp = start + int(window)
    # the mark moves down: the long would rather not buy now
    ch.openPosition((eth.address, True, True, wad(10), 0, FAR), sender=c)
    with reverts(ch.BatchWindowClosed, baseToken=eth.address, closedAt=start + int(window)):
        net.cancelOrder(eth.address, oid, sender=a)
    # a batch running one order per call: no cancel in the middle either
    net.executeBatch(eth.address, 1, sender=traders[5])
    assert int(net.getOrderQueue(eth.address).phase) != 0
    with reverts(ch.BatchInProgress, baseToken=eth.address):
        net.cancelOrder(eth.address, oid, sender=a)
    done = False
    while not done:
        tx = net.executeBatch(eth.address, 1, sender=traders[5])
        done = bool(tx.events.filter(net.BatchExecuted))
    assert position_of(ch, a, eth).size == wad(2)


def test_fills_do_not_depend_on_arrival_order_or_on_max_orders(stack, eth, traders, chain):
    """An executor (or the traders) cannot gain by ordering the queue or by splitting the batch:
    the same six orders (one of which drops and rests, one reduce-only clipped to its position)
    queued in three arrival orders and executed 100, 2 and 1 orders per call give the same fills,
    rests, positions and balances to the wei."""
    net, ch, vault = stack.netting, stack.clearing_house, stack.vault
    keeper = traders[5]
    ch.openPosition((eth.address, False, False, wad(1), 0, FAR), sender=traders[4])
    mark = curve_of(stack.amm, eth).mark
    orders = [
        (0, wad(3), mark * 10_200 // 10_000, False),
        (1, wad("1.5"), mark * 10_150 // 10_000, False),
        (2, wad("0.5"), mark, False),  # a long at today's mark: the longs' price is above, it rests
        (3, -wad(2), mark * 9_800 // 10_000, False),
        (4, -wad(3), mark * 9_800 // 10_000, True),  # reduce-only: clipped to the 1 ETH long
        (0, wad("0.25"), mark * 10_200 // 10_000, False),  # trader 0's second order
    ]
    ready = chain.snapshot()
    outcomes = []
    for arrival, step in (((0, 1, 2, 3, 4, 5), 100), ((5, 4, 3, 2, 1, 0), 2), ((3, 0, 4, 2, 5, 1), 1)):
        chain.restore(ready)
        ready = chain.snapshot()
        ids = {}
        for k in arrival:
            t, size, acceptable, reduce_only = orders[k]
            ids[queue(net, traders[t], eth, size, acceptable, reduce_only=reduce_only)] = k
        window_passed(chain, net)
        fills, rested, calls = {}, set(), 0
        while True:
            tx = net.executeBatch(eth.address, step, sender=keeper)
            calls += 1
            fills.update(
                {ids[int(e.orderId)]: (int(e.size), int(e.price)) for e in tx.events.filter(net.OrderFilled)}
            )
            rested |= {ids[int(e.orderId)] for e in tx.events.filter(net.OrderRested)}
            if tx.events.filter(net.BatchExecuted):
                break
        assert calls > 1 if step < 6 else calls == 1
        outcomes.append(
            (
                fills,
                rested,
                [tuple(ch.getPosition(t, eth)) for t in traders],
                [int(vault.balanceOf(t)) for t in traders],
            )
        )
    assert outcomes[0][1] == {2}
    assert outcomes[0][0][4][0] == -wad(1)
    assert outcomes[0] == outcomes[1] == outcomes[2]
