"""The scripts' logic run in-process: the deploy path (address file), the demo session and the
gas scenario, against the test deployment."""

from __future__ import annotations

import dataclasses
import json
import re
import time
from decimal import Decimal
from types import SimpleNamespace

import ape
import pytest

import vperp.chain.deploy as deploy_mod
from vperp.chain.governance import deploy_governance
from vperp.chain.network import deploy_to_network, pick_deployer
from vperp.reports.gas import TARGETS, render_markdown, run_gas_scenario, run_netting_gas_scenario
from vperp.reports.tables import fmt, render_table
from vperp.sdk.units import ONE, from_usdc, wad
from vperp.sim.session import NAMES, TRADERS, fixed_clock, run_demo

ADDRESS_KEYS = (
    "usdc",
    "pyth",
    "vault",
    "oracle",
    "amm",
    "clearing_house",
    "insurance_fund",
    "liquidity_pool",
    "viewer",
    "owner",
)


def test_deploy_path_writes_every_address(project, chain, networks, accounts, monkeypatch, tmp_path):
    monkeypatch.setattr(deploy_mod, "DEPLOYMENTS_DIR", tmp_path)
    d, path = deploy_to_network(project, chain, networks, ape.accounts)  # the script's objects
    assert path == tmp_path / "ethereum-local.json"
    raw = json.loads(path.read_text())
    assert raw["network"] == "ethereum:local"
    assert raw["chain_id"] == chain.chain_id
    # the governance step: the timelock owns the protocol, the deployer nothing
    # (tests/unit/governance/test_roles.py walks every role)
    assert raw["deployer"] == accounts[0].address
    assert raw["owner"] == raw["governance"]["timelock"] == d.clearing_house.owner()
    assert set(raw["governance"]) == {"token", "timelock", "governor", "guardian"}
    assert raw["governance"]["guardian"] == accounts[8].address == d.clearing_house.guardian()
    for key in ADDRESS_KEYS[:-1]:
        assert chain.provider.get_code(raw[key]), f"no code at {key} {raw[key]}"
    assert set(raw["markets"]) == {"vETH", "vBTC"}
    for m in raw["markets"].values():
        assert chain.provider.get_code(m["base_token"]) and chain.provider.get_code(m["chainlink"])
        assert len(m["pyth_id"]) == 66
    # one core: the recorded vault (ledger) and AMM (curves) are the ClearingHouse itself, wired
    # to the recorded oracle; its logic contracts are recorded too
    again = deploy_mod.load_deployment(project, "ethereum:local")
    assert again.clearing_house.address == d.clearing_house.address
    assert again.governance is not None and again.governance.governor.address == raw["governance"]["governor"]
    assert raw["vault"] == raw["amm"] == raw["clearing_house"]
    assert again.clearing_house.oracle() == raw["oracle"]
    assert set(raw["logic"]) == {
        "LiquidationLogic",
        "FundingLogic",
        "ConfigLogic",
        "ViewLogic",
        "OrderLogic",
        "NettingLogic",
    }
    assert set(again.logic) == set(raw["logic"])


def test_live_network_needs_a_deployer_alias(monkeypatch):
    live = SimpleNamespace(is_dev=False, choice="arbitrum:sepolia")
    loaded = []
    fake_accounts = SimpleNamespace(load=lambda alias: loaded.append(alias) or alias, test_accounts=[])
    monkeypatch.delenv("VPERP_DEPLOYER", raising=False)
    with pytest.raises(SystemExit, match="VPERP_DEPLOYER"):
        pick_deployer(fake_accounts, live)
    monkeypatch.setenv("VPERP_DEPLOYER", "perp-deployer")
    assert pick_deployer(fake_accounts, live) == "perp-deployer"
    assert loaded == ["perp-deployer"]


def test_demo_session_ends_where_the_script_says(
    project, stack, chain, owner, accounts, keeper, ch, vault, eth, btc, cfg, tmp_path
):
    # governance owns the protocol, as after `ape run demo`'s deployment (on a copy of the stack
    # object; the chain's ownership is reverted after the test)
    d = dataclasses.replace(stack)
    deploy_governance(project, owner, d, cfg.governance, owner.address, accounts[8].address)
    lines: list[str] = []
    named = {n: accounts[i + 1] for i, n in enumerate(NAMES)}
    pool_shares_before = int(stack.liquidity_pool.totalSupply())
    res = run_demo(d, chain, owner, named, keeper, out=lines.append, proposals=tmp_path)
    alice, bob, carol, dave, frank, grace = (named[n] for n in TRADERS)
    text = "\n".join(lines)
    flat = " ".join(text.split())  # the words, whatever the wrapping

    # first contact: every line fits 100 columns; a quote is printed before each trader's trade
    assert max(len(line) for line in text.splitlines()) <= 100
    trades = [ln for ln in text.splitlines() if re.match(r"  (alice|bob|carol|dave|frank|grace) .* @ ", ln)]
    assert len(trades) == 19  # 5 opening, 3 in phase 4, 1 in phase 7, 10 in the crash
    quotes = [i for i, ln in enumerate(text.splitlines()) if ln.strip().startswith("quote: ")]
    assert len(quotes) == len(trades)
    for i in quotes:  # each quote is followed by its trade
        assert " @ " in text.splitlines()[i + 1] or " @ " in text.splitlines()[i + 2]

    # alice sold half of her opening long, then bought 3 + 1 vETH through the netting engine
    opened = int(res.opened["alice/vETH"] * ONE)
    assert opened > 0
    assert ch.getPosition(alice, eth).size == opened - opened // 2 + wad(4)
    # bob flipped from short 10 to long 5 exactly (exact-output trade), bought 2 netted, sold 5
    assert res.opened["bob/vETH"] == -10
    assert ch.getPosition(bob, eth).size == wad(2)
    # dave's ETH long is reduced by his two netted shorts (4 + 2) and the whale's 8 x 100 sales;
    # his BTC short is untouched; carol's BTC long is closed
    assert ch.getPosition(dave, eth).size == int(res.opened["dave/vETH"] * ONE) - wad(806)
    assert ch.getPosition(dave, btc).size == int(res.opened["dave/vBTC"] * ONE) < 0
    assert ch.getPosition(carol, btc).size == 0
    # open interest is exactly the traders' longs and shorts
    sizes = [int(ch.getPosition(t, eth).size) for t in (alice, bob, dave, frank, grace)]
    assert tuple(ch.getOpenInterest(eth)) == (sum(x for x in sizes if x > 0), -sum(x for x in sizes if x < 0))
    assert tuple(ch.getOpenInterest(btc)) == (0, -int(ch.getPosition(dave, btc).size))

    # carol withdrew everything she had: deposit + realised PnL - fees, to the USDC unit
    book = res.session.books[("carol", "vBTC")]
    assert book.trades == 2 and book.fees > 0
    left = Decimal(5_000) + book.realized_pnl - book.fees
    assert vault.balanceOf(carol) < 10**12  # less than one USDC unit of dust
    assert from_usdc(stack.usdc.balanceOf(carol)) == res.session.withdrawn["carol"]
    assert abs(res.session.withdrawn["carol"] - left) < Decimal("0.000001")

    # funding: mark ~3.5% below index on ETH (longs receive), ~4% above on BTC (longs pay);
    # both premiums exceed the cap, 0.1% per 8 h scaled to the elapsed span (one hour + a few s)
    hour_cap, span_cap = Decimal("0.001") / 8, Decimal("0.001") * 3_660 / 28_800
    assert -span_cap <= res.funding_rates["vETH"] <= -hour_cap
    assert hour_cap <= res.funding_rates["vBTC"] <= span_cap
    # dave (long ETH, short BTC) received on both when his withdrawal settled his funding
    assert res.session.books[("dave", "vETH")].funding_paid < 0
    assert res.session.books[("dave", "vBTC")].funding_paid < 0
    assert from_usdc(stack.usdc.balanceOf(dave)) == 5_000
    # one sign everywhere: + paid by the account; dave received, so his summary figure is < 0
    headers = [ln for ln in text.splitlines() if ln.startswith("trader |") and "funding" in ln]
    assert headers and all("funding +paid" in h for h in headers)
    assert "+ received" not in text and "> 0: owed" not in text
    dave_row = next(ln for ln in text.split("SUMMARY")[1].splitlines() if ln.startswith("dave "))
    assert dave_row.split("|")[5].strip().startswith("-")

    # the crash: frank's liquidation is solvent (the penalty split liquidatorShare : rest),
    # grace's leaves a bad debt the insurance fund covers in full
    share = int(ch.liquidatorShare())
    (fl,) = res.liquidations["frank"].decode_logs(ch.PositionLiquidated)
    assert list(res.liquidations["frank"].decode_logs(ch.BadDebtCovered)) == []
    to_keeper = int(fl.penalty) * share // 10**6
    assert f"{fmt(Decimal(to_keeper) / ONE)} to the keeper" in flat
    assert f"{fmt(Decimal(int(fl.penalty) - to_keeper) / ONE)} to the insurance fund" in flat
    (bad,) = res.liquidations["grace"].decode_logs(ch.BadDebtCovered)
    assert int(bad.debt) > 0 and int(bad.coveredByInsurance) == int(bad.debt) and int(bad.socialized) == 0
    assert vault.balanceOf(grace) == 0 and ch.getAccountMarkets(grace) == []
    assert ch.getPosition(frank, eth).size > 0  # a partial liquidation

    # the k adjustment went through the Governor and the timelock: the cost is the event's
    (proposal,) = list(tmp_path.glob("bafkrei*.json"))
    assert "adjustK" in proposal.read_text()
    assert f"exact cost {fmt(Decimal(res.k_cost) / ONE, 6, sign=True)} USD" in flat

    # the LP's deposit bought shares at 1 USDC each; the pool's income shows in what they redeem
    assert res.lp_shares == wad(100_000)
    assert int(d.liquidity_pool.totalSupply()) == pool_shares_before + res.lp_shares
    value = int(d.liquidity_pool.convertToAssets(res.lp_shares))
    assert f"shares redeem for {fmt(Decimal(value) / 10**6)} USDC" in flat

    # the final table agrees with the chain, and the summary is printed last
    rows = {(r.trader, r.market): r for r in res.final.positions}
    assert rows[("bob", "vETH")].size == 2
    assert rows[("alice", "vETH")].account_value == Decimal(int(ch.getAccountValue(alice))) / ONE
    assert res.solvency_surplus >= 0
    # phase 7: two batches; alice's limit order rests in the first and fills in the second
    assert text.count("executeBatch") == 2
    assert "rests order 3 alice" in text and "fill  order 4 alice" in text
    assert "[final] positions" in text and "[final] accounts" in text and "SUMMARY" in text
    assert "invariants" in "\n".join(lines[-3:])


def test_the_demo_clock_is_the_same_every_run(chain, accounts):
    """`ape run demo` runs under fixed_clock: from the next midnight (UTC) of chain time, one
    second per block plus explicit time travel, whatever the wall clock does; Anvil's wall clock
    comes back after it."""
    with fixed_clock(chain):
        start = int(chain.blocks.head.timestamp) + 1
        accounts[1].transfer(accounts[2], 1)
        first = int(chain.blocks.head.timestamp)
        assert first % 86_400 == 0 and first >= start
        time.sleep(1.5)  # wall-clock time passes: the chain's does not
        accounts[1].transfer(accounts[2], 1)
        chain.mine(deltatime=3_600)
        accounts[1].transfer(accounts[2], 1)
        assert int(chain.blocks.head.timestamp) == first + 1 + 3_601 + 1  # mine(deltatime): + 3,600 + 1
    chain.mine()  # the next block is one second after the head; after it, the wall clock counts
    head = int(chain.blocks.head.timestamp)
    time.sleep(2.2)
    chain.mine()
    assert int(chain.blocks.head.timestamp) >= head + 2


def test_gas_scenario_measures_every_hot_path(stack, chain, owner, accounts):
    records = run_gas_scenario(stack, chain, owner, [accounts[i] for i in (1, 2, 3, 4, 5, 9)])
    by_op = {r.op: r for r in records}
    required = {
        "deposit (first)",
        "deposit",
        "withdraw (no position)",
        "withdraw",
        "first open",
        "increase",
        "reduce",
        "flip",
        "close",
        "partial liquidation",
        "full liquidation",
        "updateFundingRate (first epoch)",
        "updateFundingRate (next epoch)",
        "settleFunding",
        "LP deposit",
        "LP withdraw",
    }
    assert required <= set(by_op)
    assert all(r.gas > 21_000 for r in records)
    # storage cost structure: a first write (0 -> non-zero) costs more than a rewrite, and a
    # trade without TWAP ring writes costs less than one with them
    assert by_op["deposit (first)"].gas > by_op["deposit"].gas + 15_000
    assert by_op["increase (same minute)"].gas < by_op["increase"].gas
    assert by_op["first open"].gas > by_op["increase"].gas
    assert by_op["first open"].target == TARGETS["first open"]
    # one core: a trade calls only the oracle (the curve, the ledger and the positions are the
    # core's own storage): its price read, and on an increase the L2 sequencer rule's check
    # (requireSequencerUp, PROTOCOL.md section 5); the breakdown never exceeds the total
    for op in ("first open", "increase", "close"):
        names = [k for k, _g, _n in by_op[op].breakdown]
        expected = ["PriceOracle.requireSequencerUp"] if op != "close" else []
        assert names[0].startswith("PriceOracle.getPrices") and names[1:] == expected, names
    assert all(sum(g for _k, g, _n in r.breakdown) < r.gas for r in records)
    md = render_markdown(records, "header")
    for r in records:
        assert f"| {r.op} | {r.gas:,} |" in md


def test_netting_gas_scenario_measures_queueing_and_a_batch(stack, chain, owner, accounts):
    """The netting part of the gas report on a batch of 10 (the report runs 10, 50 and 200, and
    50 of accounts holding positions): both queueing costs, and the cost per order of one
    executeBatch call, from accounts without a position and from accounts holding one."""
    eth = stack.base("vETH")
    oi = tuple(stack.clearing_house.getOpenInterest(eth))
    records = run_netting_gas_scenario(stack, chain, owner, accounts[9], batches=(10,), held=(10,))
    by_op = {r.op: r for r in records}
    assert set(by_op) == {
        "queue order (first of the account)",
        "queue order",
        "netting: per order, batch of 10",
        "netting: per order, batch of 10, accounts holding positions",
    }
    # a fill that rewrites a position costs less than one that creates it (0 -> non-zero slots)
    held = by_op["netting: per order, batch of 10, accounts holding positions"]
    assert held.gas < by_op["netting: per order, batch of 10"].gas
    assert "holding a position on its side" in held.conditions
    assert by_op["queue order (first of the account)"].gas > by_op["queue order"].gas > 21_000
    assert by_op["queue order"].target == TARGETS["queue order"] == 80_000
    assert "in 1 call(s)" in by_op["netting: per order, batch of 10"].conditions
    assert 21_000 < by_op["netting: per order, batch of 10"].gas < 200_000
    # every account was unwound: no position, nothing queued
    q = stack.netting.getOrderQueue(eth.address)
    assert int(q.tail) == int(q.head)
    assert tuple(stack.clearing_house.getOpenInterest(eth)) == oi


def test_table_formatting():
    assert fmt(Decimal("-0.001")) == "0.00"
    assert fmt(Decimal("1234567.891"), 2, sign=True) == "+1,234,567.89"
    assert fmt(None) == "-"
    t = render_table(("a", "b"), [("x", "1"), ("yy", "22")])
    assert t.splitlines() == ["a  |  b", "---+---", "x  |  1", "yy | 22"]
