"""The batch executor bot (vperp/bots/executor.py's ExecutorStrategy, run by vperp/bots/runner.py;
`ape run executor`): it waits for the batch window, then runs each due market's batch to
completion, over several calls when the batch is larger than its per-call bound, and earns the
execution fees; RPC errors are retried with backoff; a call that would revert is never sent."""

from __future__ import annotations

import os

import pytest

from utils.flaky_rpc import FlakyProxy
from utils.netting import queue
from vperp.bots.executor import ExecutorStrategy
from vperp.bots.runner import KeySigner, Log, Options, Runner, abis_from_build
from vperp.sdk.units import wad


@pytest.fixture(scope="module")
def abis():
    return abis_from_build()


def executor_bot(stack, abis, url, account, max_orders=200, **opts) -> Runner:
    return Runner(
        ExecutorStrategy(max_orders=max_orders),
        url,
        KeySigner(account.private_key),
        stack.addresses(),
        abis,
        Options(**{"rounds": 1, "poll": 0, "backoff_base": 0.05, "backoff_max": 0.2, **opts}),
        Log("executor", stream=open(os.devnull, "w")),  # noqa: SIM115
    )


def queue_orders(stack, accounts, funded, n):
    net, eth = stack.netting, stack.base("vETH")
    for t in accounts[1 : 1 + n]:
        funded(t, 10_000)
    for i, t in enumerate(accounts[1 : 1 + n]):
        queue(net, t, eth, wad(1 + i) * (1 if i % 2 else -1), wad(3500) if i % 2 else wad(2500))


def test_executor_runs_due_batches_only(stack, chain, accounts, funded, abis):
    net, eth = stack.netting, stack.base("vETH")
    executor = accounts[9]
    url = chain.provider.http_uri
    idle = executor_bot(stack, abis, url, executor)
    assert idle.run() == 0 and idle.counters.planned == 0  # nothing queued
    queue_orders(stack, accounts, funded, 5)
    due = int(net.getOrderQueue(eth.address).windowStart) + int(net.nettingParams()[1])
    if chain.blocks.head.timestamp < due:  # the 2 s window may be over already on a loaded machine
        early = executor_bot(stack, abis, url, executor)
        assert early.run() == 0 and early.counters.planned == 0  # the window has not passed
    chain.mine(timestamp=chain.blocks.head.timestamp + int(net.nettingParams()[1]) + 1)
    before = int(stack.vault.balanceOf(executor))
    bot = executor_bot(stack, abis, url, executor, max_orders=2, rounds=8)
    assert bot.run() == 0
    s = bot.strategy
    assert (s.batches, s.fills, s.cancels) == (1, 5, 0)
    assert s.calls >= 3  # 5 orders, 2 per call: at least two passes, planned again at once
    assert bot.counters.reverted == bot.counters.doomed == 0
    assert int(stack.vault.balanceOf(executor)) == before + 5 * int(net.nettingParams()[0])
    q = net.getOrderQueue(eth.address)
    assert int(q.tail) == int(q.head) and int(q.phase) == 0
    after = executor_bot(stack, abis, url, executor)
    assert after.run() == 0 and after.counters.planned == 0


def test_executor_survives_rpc_errors_and_backs_off(stack, chain, accounts, funded, abis):
    """The node fails the bot's first three reads (HTTP 500, an error reply, HTTP 500): each is
    retried after a growing, jittered wait, and the due batch runs."""
    net, eth = stack.netting, stack.base("vETH")
    queue_orders(stack, accounts, funded, 2)
    chain.mine(timestamp=chain.blocks.head.timestamp + int(net.nettingParams()[1]) + 1)
    with FlakyProxy(chain.provider.http_uri, rate=0.0) as proxy:
        proxy.forced["eth_call"] = ["http500", "rpc_error", "http500"]
        bot = executor_bot(stack, abis, proxy.url, accounts[9], rounds=3)
        assert bot.run() == 0
    assert bot.counters.rpc_errors == 3
    waits = [e["retry_in"] for e in bot.log.events("rpc_error")]
    assert [e["attempt"] for e in bot.log.events("rpc_error")] == [1, 2, 3]
    for n, w in enumerate(waits, 1):  # exponential with jitter: in [d/2, d], d = 0.05 x 2^(n-1)
        assert 0.05 * 2 ** (n - 1) / 2 - 1e-3 <= w <= 0.05 * 2 ** (n - 1) + 1e-3
    assert bot.strategy.fills == 2 and bot.strategy.batches == 1
    assert int(net.getOrderQueue(eth.address).tail) == int(net.getOrderQueue(eth.address).head)


def test_a_reverting_batch_call_is_never_sent(stack, chain, accounts, funded, abis):
    """A batch call whose simulation reverts (here maxOrders = 0: ZeroAmount) is skipped with its
    error in words, and no transaction is sent (the nonce does not move)."""
    net, eth = stack.netting, stack.base("vETH")
    executor = accounts[9]
    queue_orders(stack, accounts, funded, 2)
    chain.mine(timestamp=chain.blocks.head.timestamp + int(net.nettingParams()[1]) + 1)
    nonce = executor.nonce
    bot = executor_bot(stack, abis, chain.provider.http_uri, executor, max_orders=0, rounds=2)
    assert bot.run() == 0
    assert (bot.counters.doomed, bot.counters.sent) == (2, 0)
    assert executor.nonce == nonce
    doomed = bot.log.events("doomed")
    assert {e["error"] for e in doomed} == {"ZeroAmount"} and "amount is zero" in doomed[0]["reason"]
    assert int(net.getOrderQueue(eth.address).tail) - int(net.getOrderQueue(eth.address).head) == 2
