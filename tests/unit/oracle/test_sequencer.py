"""The L2 sequencer rule (PROTOCOL.md section 5, "Oracle"; Aave v3's PriceOracleSentinel), with
Chainlink's MockV3Aggregator as the sequencer uptime feed (answer 1 = down, 0 = up; startedAt =
the time of the last status change):

- down, and up within the grace period: opening and increasing are refused (SequencerUnavailable,
  direct and queued), liquidations wait (LiquidationWaitsForSequencer); reducing, closing and
  withdrawing free collateral go on;
- up after the grace period: everything goes on;
- the boundary: refused for block.timestamp < startedAt + grace period, allowed from
  startedAt + grace period on (one second before: refused; at the boundary: allowed);
- no feed configured (address 0): the rule is off; the setters' bounds, events and access."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from utils.constants import FAR_DEADLINE, HOUR, ZERO
from utils.netting import queue, run_batch, window_passed
from utils.reverts import reverts
from vperp.sdk.units import usdc, wad

DOWN, UP = 1, 0
GRACE = HOUR  # PROTOCOL.md section 4: 1 hour
MIN_GRACE, MAX_GRACE = 60, 86_400


@pytest.fixture
def uptime(project, oracle, owner):
    """The uptime feed (up since long ago), set on the oracle; set(status, started_at) moves it."""
    feed = project.ChainlinkAggregatorMock.deploy(0, 0, sender=owner)
    oracle.setSequencerUptimeFeed(feed, sender=owner)
    round_id = [1]

    def set_status(status: int, started_at: int) -> None:
        round_id[0] += 1
        feed.updateRoundData(round_id[0], status, started_at, started_at, sender=owner)

    set_status(UP, 1)
    return set_status


def _now(chain: Any) -> int:
    return int(chain.blocks.head.timestamp)


def _open(c: Any) -> None:
    c.short_quote("vETH", 1_000)  # towards the index after the crash (the spread band)


def test_no_feed_skips_the_rule(chain, oracle, alice, funded):
    assert oracle.sequencerUptimeFeed() == ZERO
    assert int(oracle.sequencerGracePeriod()) == GRACE
    assert tuple(oracle.sequencerStatus()) == (True, False, 0, 0)
    oracle.requireSequencerUp(False)
    oracle.requireSequencerUp(True)
    _open(funded(alice))


def test_setters_bounds_events_access(project, oracle, owner, alice):
    feed = project.ChainlinkAggregatorMock.deploy(0, 0, sender=owner)
    tx = oracle.setSequencerUptimeFeed(feed, sender=owner)
    assert [(e.old, e.feed) for e in tx.decode_logs(oracle.SequencerUptimeFeedSet)] == [(ZERO, feed.address)]
    assert oracle.sequencerUptimeFeed() == feed.address
    with reverts(oracle.SequencerFeedUnreadable, feed=alice):  # no code: cannot answer
        oracle.setSequencerUptimeFeed(alice, sender=owner)
    with reverts(oracle.OwnableUnauthorizedAccount, account=alice):
        oracle.setSequencerUptimeFeed(feed, sender=alice)
    tx = oracle.setSequencerUptimeFeed(ZERO, sender=owner)  # zero: the rule is off
    assert [(e.old, e.feed) for e in tx.decode_logs(oracle.SequencerUptimeFeedSet)] == [(feed.address, ZERO)]
    assert tuple(oracle.sequencerStatus()) == (True, False, 0, 0)

    for bad in (0, MIN_GRACE - 1, MAX_GRACE + 1, 2**256 - 1):
        with reverts(oracle.SequencerGracePeriodOutOfBounds, gracePeriod=bad, min=MIN_GRACE, max=MAX_GRACE):
            oracle.setSequencerGracePeriod(bad, sender=owner)
    with reverts(oracle.OwnableUnauthorizedAccount, account=alice):
        oracle.setSequencerGracePeriod(600, sender=alice)
    for ok in (MIN_GRACE, MAX_GRACE, 600):
        old = int(oracle.sequencerGracePeriod())
        tx = oracle.setSequencerGracePeriod(ok, sender=owner)
        assert [(e.old, e.gracePeriod) for e in tx.decode_logs(oracle.SequencerGracePeriodSet)] == [(old, ok)]
        assert int(oracle.sequencerGracePeriod()) == ok


def test_sequencer_down(chain, stack, ch, oracle, eth, alice, bob, keeper, funded, uptime, levered):
    """Down: no opening or increasing (direct or queued), no liquidation; reducing, closing and
    withdrawing free collateral go on."""
    b = levered(bob)
    a = funded(alice)
    down_since = _now(chain) - 10
    uptime(DOWN, down_since)
    assert tuple(oracle.sequencerStatus()) == (False, True, down_since, 0)
    with reverts(ch.SequencerUnavailable, down=True, since=down_since, readyAt=0):
        _open(a)
    with reverts(ch.SequencerUnavailable, down=True, since=down_since, readyAt=0):
        b.long_quote("vETH", 100)  # an increase
    with reverts(ch.SequencerUnavailable, down=True, since=down_since, readyAt=0):
        stack.netting.queuePositionChange(eth, wad(1), wad(4000), FAR_DEADLINE, False, sender=alice)
    assert ch.isLiquidatable(bob)
    with reverts(ch.LiquidationWaitsForSequencer, down=True, since=down_since, readyAt=0):
        ch.liquidate(bob, eth, sender=keeper)
    with reverts(ch.LiquidationWaitsForSequencer, down=True, since=down_since, readyAt=0):
        ch.liquidateWithBound(bob, eth, 1, sender=keeper)
    # what goes on: alice (no position) withdraws free collateral; bob reduces, then closes
    before = int(stack.usdc.balanceOf(alice))
    a.withdraw(100)
    assert int(stack.usdc.balanceOf(alice)) == before + usdc(100)
    size = int(ch.getPosition(bob, eth).size)
    b.short_base("vETH", Decimal(size // 2) / 10**18)
    assert 0 < int(ch.getPosition(bob, eth).size) < size
    b.close("vETH")
    assert int(ch.getPosition(bob, eth).size) == 0


def test_feed_answers_that_count_as_down(project, chain, oracle, owner, uptime):
    """Anything but 0 (up) with a sane startedAt counts as down; so does an unreadable feed."""
    now = _now(chain)
    for answer, started in ((2, now), (-1, now), (UP, 0), (UP, now + 1000)):
        uptime(answer, started)
        assert tuple(oracle.sequencerStatus()) == (False, True, started, 0)
    # the feed loses its code (a broken proxy): down, closing still goes on
    chain.provider.set_code(oracle.sequencerUptimeFeed(), b"")
    assert tuple(oracle.sequencerStatus()) == (False, True, 0, 0)
    with reverts(oracle.SequencerUnavailable, down=True, since=0, readyAt=0):
        oracle.requireSequencerUp(False)


def test_up_within_grace(chain, ch, oracle, eth, alice, bob, keeper, funded, uptime, levered):
    b = levered(bob)
    a = funded(alice)
    up_since = _now(chain) - 60
    uptime(UP, up_since)
    ready_at = up_since + GRACE
    assert tuple(oracle.sequencerStatus()) == (False, False, up_since, ready_at)
    with reverts(ch.SequencerUnavailable, down=False, since=up_since, readyAt=ready_at):
        _open(a)
    with reverts(ch.LiquidationWaitsForSequencer, down=False, since=up_since, readyAt=ready_at):
        ch.liquidate(bob, eth, sender=keeper)
    b.close("vETH")  # closing goes on
    assert int(ch.getPosition(bob, eth).size) == 0


def test_up_after_grace(chain, ch, oracle, eth, alice, bob, keeper, funded, uptime, levered):
    levered(bob)
    a = funded(alice)
    up_since = _now(chain) - GRACE - 1
    uptime(UP, up_since)
    assert tuple(oracle.sequencerStatus()) == (True, False, up_since, up_since + GRACE)
    _open(a)
    tx = ch.liquidate(bob, eth, sender=keeper)
    assert len(list(tx.decode_logs(ch.PositionLiquidated))) == 1


def test_liquidation_at_the_grace_boundary(chain, ch, oracle, eth, bob, keeper, set_price, uptime, levered):
    """Restart at t0: at t0 + grace - 1 the liquidation is refused (mined in a block of that
    timestamp), at t0 + grace (the boundary) it goes through."""
    levered(bob, crash=False)
    t0 = _now(chain) + 10
    uptime(UP, t0)
    boundary = t0 + GRACE
    chain.pending_timestamp = boundary - 20
    set_price("vETH", 2_800)  # the crash lands during the grace period (fresh feeds at the boundary)
    assert ch.isLiquidatable(bob)
    chain.pending_timestamp = boundary - 1
    with reverts(ch.LiquidationWaitsForSequencer, down=False, since=t0, readyAt=boundary):
        ch.liquidate(bob, eth, sender=keeper, gas_limit=3_000_000)  # mined: the block's time is the check's
    assert _now(chain) == boundary - 1
    chain.pending_timestamp = boundary
    tx = ch.liquidate(bob, eth, sender=keeper)
    assert _now(chain) == boundary
    assert len(list(tx.decode_logs(ch.PositionLiquidated))) == 1


@pytest.fixture
def levered(funded, set_price, chain):
    """levered(account, crash=True): 10k USDC, long 95k of vETH (~9.5x); with `crash` the index
    then falls to 2,800 (liquidatable), before the sequencer feed is touched."""

    def make(account: Any, crash: bool = True) -> Any:
        c = funded(account, 10_000)
        c.long_quote("vETH", 95_000)
        if crash:
            chain.pending_timestamp = max(chain.pending_timestamp, _now(chain)) + 1
            set_price("vETH", 2_800)
        return c

    return make


def test_netting_orders_and_batches_wait(chain, stack, ch, eth, alice, bob, keeper, funded, uptime):
    """Queued increases are refused and batches wait while the rule holds; reduce-only orders may
    still be queued; after the grace period the batch runs."""
    funded(alice)
    b = funded(bob)
    b.short_quote("vETH", 1_000)
    net = stack.netting
    mark = int(ch.getMarkPrice(eth))
    queue(net, alice, eth, wad(1), mark * 2)
    up_since = _now(chain)
    uptime(UP, up_since)  # a restart: in the grace period
    with reverts(ch.SequencerUnavailable, down=False, since=up_since, readyAt=up_since + GRACE):
        queue(net, bob, eth, -wad(1), 1)
    queue(net, bob, eth, wad(1), mark * 2, reduce_only=True)  # reduce-only: queued
    window_passed(chain, net)
    with reverts(ch.SequencerUnavailable, down=False, since=up_since, readyAt=up_since + GRACE):
        net.executeBatch(eth, 100, sender=keeper)
    uptime(UP, up_since - GRACE)  # as if up for the whole grace period: the batch runs
    receipts = run_batch(chain, net, eth, keeper)
    assert receipts[-1].events.filter(net.BatchExecuted)
    assert int(ch.getPosition(alice, eth).size) > 0
