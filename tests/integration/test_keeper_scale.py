"""Keeper scale (issue 12), the test-suite size: 60 accounts, 3 of them liquidatable after a 10%
drop, liquidated by the bots' keeper one by one (three transactions) and, from the same state, in
one LiquidationBatcher batch (one transaction, one block, less gas per liquidation). The issue's
size (5,000 accounts, 250 liquidatable) is `make keeper-scale` (reports/keeper-scale.md).

Also: two batch keepers over the same accounts; the one that comes second sends nothing doomed
(the runner's simulation of its batch reverts: TooFewLiquidated)."""

from __future__ import annotations

import os
from typing import Any

from vperp.bots.keeper import KeeperStrategy
from vperp.bots.runner import Log, Options, Runner
from vperp.bots.runner import test_account_signer as signer_of
from vperp.chain.rpc import Rpc
from vperp.sim.keeper_scale import DROP_TO, LIQUIDATED_TOPIC, build, compare


def _crowd(stack, chain, n, k):
    return build(
        Rpc.from_url(chain.provider.http_uri), stack.addresses(), n, k, per_block=60, salt="keeper-scale-test"
    )


def test_sixty_accounts_three_liquidatable_one_batch(chain, stack, owner, set_price):
    crowd = _crowd(stack, chain, 60, 3)
    assert len(crowd.doomed) == 3

    def drop() -> None:
        chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + 1
        set_price("vETH", DROP_TO)

    one, batched = compare(chain.provider.http_uri, stack.addresses(), signer_of(9), crowd, drop)
    # compare() checked each: exactly the doomed accounts liquidated, nothing liquidatable left
    assert (one.transactions, one.liquidations, len(one.blocks)) == (3, 3, 3)
    assert (batched.transactions, batched.liquidations, len(batched.blocks)) == (1, 3, 1)
    assert one.reverted == batched.reverted == 0
    assert one.doomed_sent == batched.doomed_sent == 0
    assert batched.extra["dropped_by_dry_run"] == 0
    # the batch saves the per-transaction overhead (21,000 intrinsic gas and the first, cold reads)
    assert batched.gas_per_liquidation < one.gas_per_liquidation
    print(
        f"\none by one: {one.gas}; batch: {batched.gas}; {one.wall_seconds:.2f} s vs {batched.wall_seconds:.2f} s"
    )


def test_two_batch_keepers_race_and_the_loser_sends_nothing(chain, stack, set_price, accounts):
    """B plans its batch (dry run: all four targets would go through), then A liquidates them all
    before B sends: B's simulation of the exact batch now reverts (TooFewLiquidated), so B sends
    nothing and spends no gas; every account is liquidated once, by A's one batch."""
    crowd = _crowd(stack, chain, 40, 4)
    chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + 1
    set_price("vETH", DROP_TO)
    url, addresses = chain.provider.http_uri, stack.addresses()
    opts = Options(poll=0, rounds=1, check_mempool=False)
    make = lambda i: Runner(  # noqa: E731
        KeeperStrategy(from_block=crowd.first_block, batch=100),
        url,
        signer_of(i),
        addresses,
        None,
        opts,
        Log("keeper", stream=open(os.devnull, "w")),  # noqa: SIM115
    )
    a, b = make(9), make(8)
    b_plan = b.strategy.plan

    def plan_then_wait(rt, now):
        calls = b_plan(rt, now)
        assert [c.label for c in calls] == ["liquidateBatch(4 targets)"]
        a.run()  # A wins the race
        return calls

    b.strategy.plan = plan_then_wait
    nonce_b = accounts[8].nonce
    assert b.run() == 0
    assert (a.counters.mined, a.counters.reverted, a.strategy.liquidations) == (1, 0, 4)
    assert (b.counters.sent, b.counters.doomed) == (0, 1)
    assert accounts[8].nonce == nonce_b
    assert [e["error"] for e in b.log.events("doomed")] == ["TooFewLiquidated"]
    logs = liquidation_logs(url, addresses, crowd)
    assert sorted("0x" + lg["topics"][1][-40:] for lg in logs) == sorted(d.lower() for d in crowd.doomed)


def test_batch_dry_run_drops_targets_taken_meanwhile(chain, stack, set_price, accounts):
    """Between B's Viewer scan and its batch's dry run, another keeper liquidates two of the four
    accounts directly: the dry run reports them as skipped, B drops them and sends one batch of
    the other two (no gas spent on the two); each account is liquidated once."""
    crowd = _crowd(stack, chain, 40, 4)
    chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + 1
    set_price("vETH", DROP_TO)
    url, addresses = chain.provider.http_uri, stack.addresses()
    ch, eth = stack.clearing_house, stack.base("vETH")
    opts = Options(poll=0, rounds=1, check_mempool=False)
    strategy = KeeperStrategy(from_block=crowd.first_block, batch=100)
    silent = Log("keeper", stream=open(os.devnull, "w"))  # noqa: SIM115
    b = Runner(strategy, url, signer_of(8), addresses, None, opts, silent)
    plan_batches = strategy.plan_batches
    taken: list[str] = []

    def others_first(rt, targets):
        assert sorted(t for t, _ in targets) == sorted(crowd.doomed)
        for trader, _market in targets[:2]:
            ch.liquidate(trader, eth, sender=accounts[7])
            taken.append(trader)
        return plan_batches(rt, targets)

    strategy.plan_batches = others_first
    assert b.run() == 0
    assert strategy.dropped == 2
    assert (b.counters.sent, b.counters.mined, b.counters.doomed, strategy.liquidations) == (1, 1, 0, 2)
    assert [e["call"] for e in b.log.events("mined")] == ["liquidateBatch(2 targets)"]
    logs = liquidation_logs(url, addresses, crowd)
    liquidators = {"0x" + lg["topics"][1][-40:]: lg for lg in logs}
    assert sorted(liquidators) == sorted(d.lower() for d in crowd.doomed) and len(logs) == 4
    assert {t.lower() for t in taken} < set(liquidators)


def liquidation_logs(url: str, addresses: dict, crowd: Any) -> list:
    """Every PositionLiquidated of the core since the crowd was built."""
    return Rpc.from_url(url).request(
        "eth_getLogs",
        [
            {
                "fromBlock": hex(crowd.first_block),
                "toBlock": "latest",
                "address": addresses["clearing_house"],
                "topics": [LIQUIDATED_TOPIC],
            }
        ],
    )
