"""Fault tests of the bots' runner (vperp/bots/runner.py) with the keeper strategy, on the test
node: a flaky RPC (a local proxy injecting errors, dropped connections, timeouts and delays into
~20% of the requests), two keepers racing over the same accounts, SIGTERM in the middle of a send
and a restart that resumes from the state file, a low balance and a gas price above the cap.

The guarantees checked each time: every liquidatable account is liquidated exactly once, no
transaction of a keeper reverts (a doomed one is caught by the simulation and never sent), and
the keeper's nonce moved by exactly the transactions it counted as sent."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from eth_account import Account

from utils.flaky_rpc import FlakyProxy
from vperp.bots.keeper import KeeperStrategy
from vperp.bots.runner import WEI, KeySigner, Log, Options, Runner, abis_from_build
from vperp.chain.config import ROOT


@pytest.fixture(scope="module")
def abis():
    return abis_from_build()


@pytest.fixture
def node_url(chain) -> str:
    return chain.provider.http_uri


@pytest.fixture
def doomed(chain, accounts, stack, ch, funded, set_price) -> list[str]:
    """Four ~9x ETH longs and two safe accounts, then ETH -10%: the four are liquidatable."""
    risky = [accounts[i] for i in (1, 2, 3, 4)]
    for a in risky:
        funded(a, 3_000).long_quote("vETH", 27_000)
    funded(accounts[5], 20_000).short_base("vETH", 2)
    funded(accounts[6], 20_000).long_quote("vETH", 5_000)
    chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + 1
    set_price("vETH", 2700)
    out = [a.address for a in risky]
    assert [a for a in out if ch.isLiquidatable(a)] == out
    assert not ch.isLiquidatable(accounts[5]) and not ch.isLiquidatable(accounts[6])
    return out


def make_runner(stack, abis, url, key, log=None, **opts) -> Runner:
    defaults = {
        "poll": 0.05,
        "rounds": 4,
        "timeout": 0.4,
        "backoff_base": 0.05,
        "backoff_max": 0.5,
        "retries": 8,
    }
    return Runner(
        KeeperStrategy(),
        url,
        KeySigner(key),
        stack.addresses(),
        abis,
        Options(**{**defaults, **opts}),
        log or Log("keeper", stream=open(os.devnull, "w")),  # noqa: SIM115
    )


def liquidations(chain, ch, start: int) -> list[tuple[str, str, str]]:
    """(trader, market, tx hash) of every PositionLiquidated since block `start`."""
    return [
        (str(x.trader), str(x.baseToken), str(x.transaction_hash))
        for x in ch.PositionLiquidated.range(start, chain.blocks.head.number + 1)
    ]


def sent_by(chain, address: str, start: int) -> list[dict]:
    """Receipts of the transactions `address` sent since block `start` (status, hash)."""
    web3 = chain.provider.web3
    out = []
    for n in range(start, chain.blocks.head.number + 1):
        for tx in web3.eth.get_block(n, full_transactions=True).transactions:
            if tx["from"].lower() == address.lower():
                out.append(web3.eth.get_transaction_receipt(tx["hash"]))
    return out


def assert_each_once(chain, ch, stack, doomed, start) -> list[tuple[str, str, str]]:
    liq = liquidations(chain, ch, start)
    assert sorted(t for t, _m, _h in liq) == sorted(doomed)  # each account exactly once
    assert len({h for _t, _m, h in liq}) == len(liq)
    assert not any(ch.isLiquidatable(a) for a in doomed)
    return liq


def test_flaky_rpc_liquidates_each_account_once(chain, stack, ch, accounts, abis, node_url, doomed):
    start = chain.blocks.head.number + 1
    keeper = accounts[9]
    nonce = keeper.nonce
    with FlakyProxy(node_url, rate=0.2) as proxy:
        bot = make_runner(stack, abis, proxy.url, keeper.private_key, rounds=6)
        assert bot.run() == 0
    liq = assert_each_once(chain, ch, stack, doomed, start)
    receipts = sent_by(chain, keeper.address, start)
    assert [r["status"] for r in receipts] == [1] * len(liq)  # no reverted, no duplicate
    assert keeper.nonce - nonce == bot.counters.sent == bot.counters.mined == len(liq)
    assert bot.counters.reverted == 0 and bot.counters.rpc_errors > 0
    assert sum(proxy.injected.values()) >= 0.1 * len(proxy.methods), proxy.injected
    assert len(proxy.injected) == 5  # every kind of fault happened


def test_a_send_that_reached_the_node_without_reply_is_not_sent_again(
    chain, stack, ch, accounts, abis, node_url, doomed
):
    """The first sends reach the node but their replies are lost (a timeout after forwarding, a
    dropped connection after forwarding; the transport's own retry hits the same fate): the runner
    finds its transaction's hash on the node, counts it as sent, resyncs its nonce and never signs
    that call again."""
    start = chain.blocks.head.number + 1
    keeper = accounts[9]
    nonce = keeper.nonce
    with FlakyProxy(node_url, rate=0.0) as proxy:
        proxy.forced["eth_sendRawTransaction"] = ["delay_after", "delay_after", "drop_after", "drop_after"]
        bot = make_runner(stack, abis, proxy.url, keeper.private_key, rounds=3)
        assert bot.run() == 0
        sends = proxy.methods.count("eth_sendRawTransaction")
    assert_each_once(chain, ch, stack, doomed, start)
    lost = bot.log.events("send_error")
    assert len(lost) == 2 and all(e["reached_node"] for e in lost)
    assert sends == len(doomed) + 2  # the transport's one retry of each lost reply, same bytes
    assert keeper.nonce - nonce == bot.counters.sent == bot.counters.mined == len(doomed)
    assert all(r["status"] == 1 for r in sent_by(chain, keeper.address, start))


def test_two_keepers_race_and_the_loser_sends_nothing_doomed(
    chain, stack, ch, accounts, abis, node_url, doomed
):
    """B plans the same liquidations as A, then A executes them all before B sends: B's
    simulation catches every one (nothing sent, no gas). Then both race freely on new victims."""
    start = chain.blocks.head.number + 1
    a_key, b_key = accounts[9].private_key, accounts[8].private_key
    a = make_runner(stack, abis, node_url, a_key, rounds=1)
    b = make_runner(stack, abis, node_url, b_key, rounds=1)
    b_plan = b.strategy.plan

    def plan_then_wait(rt, now):
        calls = b_plan(rt, now)
        assert len(calls) == len(doomed)
        a.run()  # A wins every race
        return calls

    b.strategy.plan = plan_then_wait
    nonce_b = accounts[8].nonce
    assert b.run() == 0
    assert_each_once(chain, ch, stack, doomed, start)
    assert a.counters.mined == len(doomed) and a.counters.reverted == 0
    assert (b.counters.sent, b.counters.doomed) == (0, len(doomed))
    assert accounts[8].nonce == nonce_b
    # the account is gone (fully liquidated) or healthy again: the decoded protocol error says so
    assert {e["error"] for e in b.log.events("doomed")} <= {"NoPosition", "NotLiquidatable"}


def test_two_keepers_racing_concurrently(chain, stack, ch, accounts, abis, node_url, funded, set_price):
    """Both keepers in threads over the same seven accounts: each liquidated once, and every
    liquidation mined by exactly one of them. A reverted transaction is still possible here, and
    counted: the other keeper's transaction can land in the sub-millisecond gap between the last
    simulation (and pool check) and the send; the deterministic race above shows the simulation
    catching the loser's calls. Only a private, revert-protected relay would close that gap."""
    victims = [accounts[i] for i in range(1, 8)]
    for v in victims:
        funded(v, 1_000).long_quote("vBTC", 9_000)
    chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + 1
    set_price("vBTC", 54_000)
    doomed = [v.address for v in victims if ch.isLiquidatable(v)]
    assert len(doomed) == len(victims)
    start = chain.blocks.head.number + 1
    bots = [make_runner(stack, abis, node_url, accounts[i].private_key, rounds=3) for i in (8, 9)]
    threads = [threading.Thread(target=b.run) for b in bots]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert_each_once(chain, ch, stack, doomed, start)
    assert sum(b.counters.mined for b in bots) == len(doomed)
    for i, b in zip((8, 9), bots, strict=True):
        receipts = sent_by(chain, accounts[i].address, start)
        assert sum(r["status"] == 0 for r in receipts) == b.counters.reverted <= 1
        assert len(receipts) == b.counters.sent


def _bot_cmd(url: str, deployment: Path, state: Path, key_env: str) -> list[str]:
    return [
        sys.executable, "-m", "vperp.bots", "keeper", "--rpc-url", url, "--deployment", str(deployment),
        "--key-env", key_env, "--state-file", str(state), "--poll", "0.1", "--json-logs",
    ]  # fmt: skip


def test_sigterm_during_a_send_ends_cleanly_and_the_next_start_resumes(
    chain, stack, ch, accounts, node_url, doomed, tmp_path
):
    """The proxy holds the reply of the first eth_sendRawTransaction for 1 s; SIGTERM arrives
    then. The bot settles that transaction, sends nothing more, writes its state and exits 0. The
    next start reads the state (cursor, watched accounts, counters) and liquidates the rest."""
    start = chain.blocks.head.number + 1
    dep = tmp_path / "deployment.json"
    dep.write_text(json.dumps(stack.addresses()))
    state = tmp_path / "keeper.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KEEPER_KEY": accounts[9].private_key}
    with FlakyProxy(node_url, rate=0.0) as proxy:
        proxy.hold_seconds = 1.0
        proc = subprocess.Popen(
            _bot_cmd(proxy.url, dep, state, "KEEPER_KEY"), env=env, cwd=ROOT,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert proxy.send_seen.wait(60), proc.stderr.read() if proc.poll() is not None else ""
            proc.send_signal(signal.SIGTERM)
            _out, err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
    logs = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert proc.returncode == 0, err
    exit_rec = logs[-1]
    assert exit_rec["event"] == "exit" and exit_rec["reason"] == "SIGTERM"
    saved = json.loads(state.read_text())
    assert saved["pending"] is None  # the send under way was settled, not left half-done
    assert saved["last_block"] is None  # its round did not complete
    assert saved["counters"]["sent"] == saved["counters"]["mined"] == 1
    assert sorted(saved["strategy"]["watched"]) == sorted(
        {str(x.trader) for x in ch.PositionChanged.range(0, chain.blocks.head.number + 1)}
    )
    assert len(liquidations(chain, ch, start)) == 1
    cursor = saved["strategy"]["cursor"]

    with FlakyProxy(node_url, rate=0.0) as proxy:
        proc = subprocess.Popen(
            _bot_cmd(proxy.url, dep, state, "KEEPER_KEY"), env=env, cwd=ROOT,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while len(liquidations(chain, ch, start)) < len(doomed):
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
            proc.send_signal(signal.SIGINT)
            _out, err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
        first_logs = [r for r in proxy.requests if isinstance(r, dict) and r["method"] == "eth_getLogs"]
    assert proc.returncode == 0, err
    assert int(first_logs[0]["params"][0]["fromBlock"], 16) == cursor  # resumed, not rescanned
    assert_each_once(chain, ch, stack, doomed, start)
    saved = json.loads(state.read_text())
    assert saved["counters"]["sent"] == saved["counters"]["mined"] == len(doomed)
    assert saved["last_block"] >= cursor
    assert saved["strategy"]["liquidations"] == len(doomed)


def test_low_balance_stops_sending_and_gas_cap_skips(chain, stack, ch, abis, node_url, doomed):
    poor = Account.create()
    chain.provider.make_request("anvil_setBalance", [poor.address, hex(WEI // 200)])  # 0.005 ETH
    lines: list[str] = []

    class Sink:
        def write(self, s: str) -> None:
            lines.append(s)

        def flush(self) -> None:
            pass

    bot = make_runner(stack, abis, node_url, poor.key, log=Log("keeper", stream=Sink()), rounds=3)
    assert bot.run() == 3
    assert bot.stop_reason == "low_balance" and bot.counters.sent == 0
    assert any(
        "low_balance_stop" in s and "below the stop threshold 0.01 ETH: not sending" in s for s in lines
    )
    assert all(ch.isLiquidatable(a) for a in doomed)

    chain.provider.make_request("anvil_setBalance", [poor.address, hex(WEI // 20)])  # 0.05: warn only
    capped = make_runner(stack, abis, node_url, poor.key, rounds=1, gas_price_cap=1)
    assert capped.run() == 0
    assert capped.counters.gas_capped == len(doomed) and capped.counters.sent == 0
    assert capped.log.events("low_balance")[0]["level"] == "warning"
    assert all(ch.isLiquidatable(a) for a in doomed)


def test_gas_price_follows_the_base_fee_not_its_own_tips(chain, stack, abis, node_url, accounts):
    """One sender's consecutive transactions bid base fee x 1.2 + the tip, block after block: the
    bid never compounds (eth_gasPrice x 1.2 did: Anvil's eth_gasPrice follows recent tips)."""
    key = Account.create()
    chain.provider.make_request("anvil_setBalance", [key.address, hex(10 * WEI)])
    bot = make_runner(stack, abis, node_url, key.key, priority_fee=12_345)
    bids = []
    for _ in range(6):
        base_fee = int(
            chain.provider.make_request("eth_getBlockByNumber", ["latest", False])["baseFeePerGas"], 16
        )
        price = bot.gas_price()
        assert price == int(base_fee * 1.2) + 12_345
        bids.append(price)
        accounts[1].transfer(key.address, 1, gas_price=price)  # a mined block paying that bid
    assert max(bids) <= int(min(bids) * 1.2) + 12_345  # Anvil's base fee stays put on empty blocks


def test_funding_and_executor_strategies_through_the_runner(
    chain, stack, ch, accounts, abis, node_url, funded
):
    """The same runner drives the funding updater (both markets due after an hour: one update
    each, then nothing) and the batch executor (a due netting batch run to completion, over
    several calls when it is larger than --max-orders)."""
    from utils.netting import queue
    from vperp.bots.executor import ExecutorStrategy
    from vperp.bots.funding import FundingStrategy
    from vperp.sdk.units import wad

    key = accounts[9].private_key
    eth = stack.base("vETH")
    chain.mine(timestamp=max(int(ch.lastFundingTime(stack.base(s))) for s in ("vETH", "vBTC")) + 3600)
    fund = Runner(
        FundingStrategy(), node_url, KeySigner(key), stack.addresses(), abis, Options(rounds=2, poll=0)
    )
    assert fund.run() == 0
    assert (fund.strategy.updates, fund.counters.reverted, fund.counters.doomed) == (2, 0, 0)

    net = stack.netting
    for i, t in enumerate(accounts[1:6]):
        funded(t, 10_000)
        queue(net, t, eth, wad(1 + i) * (1 if i % 2 else -1), wad(3500) if i % 2 else wad(2500))
    chain.mine(timestamp=chain.blocks.head.timestamp + int(net.nettingParams()[1]) + 1)
    ex = Runner(
        ExecutorStrategy(max_orders=2),
        node_url,
        KeySigner(key),
        stack.addresses(),
        abis,
        Options(rounds=6, poll=0),
    )
    assert ex.run() == 0
    q = net.getOrderQueue(eth.address)
    assert int(q.tail) == int(q.head) and int(q.phase) == 0  # the batch ran to its end
    assert ex.strategy.calls >= 3 and ex.counters.reverted == 0 and ex.counters.doomed == 0


def test_node_stopped_and_restarted_mid_run(chain, stack, ch, accounts, abis, doomed, tmp_path):
    """The keeper runs against a persistent node of its own (vperp.chain.node, loaded with the test
    chain's state). Right after its first liquidation reaches the node, the node is stopped
    (SIGTERM: Anvil dumps its state) and started again 1 s later from that state. The keeper rides
    out the outage (backoff), reconnects, settles the transaction under way and liquidates the
    rest: each account once, none of its transactions reverted or sent twice."""
    import gzip
    import socket

    from vperp.chain import node
    from vperp.chain.node import NodeSettings
    from vperp.chain.rpc import FastContract, Rpc

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = NodeSettings(port=port, directory=tmp_path / "node", state_interval=3600)
    dump = chain.provider.make_request("anvil_dumpState", [])  # hex of gzipped JSON: --load-state's file
    settings.directory.mkdir(parents=True)
    settings.state_file.write_bytes(gzip.decompress(bytes.fromhex(dump.removeprefix("0x"))))
    node.start(settings)
    try:
        rpc = Rpc.from_url(settings.url, [ch])
        assert int(rpc.request("eth_blockNumber", []), 16) == chain.blocks.head.number
        start = int(rpc.request("eth_blockNumber", []), 16) + 1
        keeper = accounts[9].address
        with FlakyProxy(settings.url, rate=0.0) as proxy:
            bot = make_runner(
                stack, abis, proxy.url, accounts[9].private_key, rounds=None, receipt_timeout=10
            )
            thread = threading.Thread(target=bot.run)
            thread.start()
            try:
                assert proxy.send_seen.wait(30)
                node.stop(settings)
                time.sleep(1.0)
                node.start(settings)
                topic = next(
                    "0x" + t.hex() for t, e in rpc.events.items() if e[0].name == "PositionLiquidated"
                )
                deadline = time.monotonic() + 45
                while time.monotonic() < deadline:
                    head = int(rpc.request("eth_blockNumber", []), 16)
                    got = rpc.request(
                        "eth_getLogs", [{"fromBlock": hex(start), "toBlock": hex(max(head, start)), "topics": [topic]}]
                    ) if head >= start else []  # fmt: skip
                    if len(got) >= len(doomed):
                        break
                    time.sleep(0.2)
                time.sleep(0.5)  # a round more: nothing left to do, nothing sent
            finally:
                bot.stop()
                thread.join(30)
        logs = rpc.request("eth_getLogs", [{"fromBlock": hex(start), "toBlock": "latest", "topics": [topic]}])
        traders = [str(rpc.decode_log(x).args["trader"]) for x in logs]
        assert len(traders) == len(set(traders))  # no account liquidated twice on the chain as it is
        fast_ch = FastContract(ch, rpc)
        assert not any(fast_ch.isLiquidatable(a) for a in doomed)  # and none left behind
        statuses = []
        for n in range(start, int(rpc.request("eth_blockNumber", []), 16) + 1):
            for tx in rpc.request("eth_getBlockByNumber", [hex(n), True])["transactions"]:
                if tx["from"].lower() == keeper.lower():
                    statuses.append(rpc.request("eth_getTransactionReceipt", [tx["hash"]])["status"])
        assert statuses == ["0x1"] * len(traders)  # one transaction per liquidation, none reverted
        # the restarted node may come back from an older state (Anvil's dump: blocks, or blocks and
        # accounts, lost as after a kill): the runner resyncs its nonce after the outage and
        # liquidates again whatever the chain lost
        assert bot.counters.mined >= len(traders) and bot.counters.reverted == 0
        assert bot.counters.rpc_errors > 0  # it did see the node go away
    finally:
        node.stop(settings)
