"""The trader CLI end to end on the session's Anvil and deployment (its address file written to a
temporary folder): every command, in text and JSON, as a trader would run them, signing with an
Ape test account (TEST::6); tables fit 100 columns; reverts print the SDK's messages."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from decimal import Decimal
from importlib import import_module
from pathlib import Path

import pytest
from click.testing import CliRunner

from vperp.cli.main import cli
from vperp.cli.views import fits
from vperp.sdk.units import ONE, wad

ROOT = Path(__file__).resolve().parents[2]
TRADER = "TEST::6"


@pytest.fixture(scope="module")
def deployment_file(stack, chain, tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "local.json"
    path.write_text(
        json.dumps({"network": "ethereum:local", "chain_id": chain.chain_id, **stack.addresses()})
    )
    return path


@pytest.fixture
def vperp(deployment_file):
    """vperp(*args, ok=True) -> output; runs the CLI in-process on the test's network."""
    runner = CliRunner()

    def run(*args: str, ok: bool = True, account: bool = True) -> str:
        argv = [*args, "--deployment", str(deployment_file), "--network", "ethereum:local"]
        if account:
            argv += ["--account", TRADER]
        r = runner.invoke(cli, argv, catch_exceptions=False)
        assert (r.exit_code == 0) == ok, r.output
        assert fits(r.output), max(r.output.splitlines(), key=len)
        return r.output

    return run


def test_console_script_is_declared():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, _, func = scripts["vperp"].partition(":")
    assert getattr(import_module(module), func) is not None
    out = subprocess.run(
        [sys.executable, "-m", "vperp.cli", "--help"], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    commands = ("markets", "quote", "deposit", "open", "close", "positions", "account", "withdraw", "lp")
    for command in (*commands, "orders", "queue", "cancel"):
        assert f"  {command} " in out


def test_markets(vperp, stack):
    out = vperp("markets", account=False)
    assert "vETH" in out and "vBTC" in out and "3,000.00" in out
    data = json.loads(vperp("markets", "--json", account=False))
    assert (
        Decimal(data["vETH"]["mark"])
        == Decimal(int(stack.clearing_house.getMarkPrice(stack.base("vETH")))) / ONE
    )
    assert data["vBTC"]["index_fresh"] is True


def test_trading_session(vperp, stack, accounts):
    """deposit -> quote -> open -> positions -> account -> close -> withdraw, each checked
    against the chain."""
    ch, trader = stack.clearing_house, accounts[6]
    assert "deposited 5,000.00 USDC; collateral 5,000.00 USD" in vperp("deposit", "5000", "--mint")
    assert int(ch.balanceOf(trader)) == wad(5_000)

    q = json.loads(vperp("quote", "vETH", "long", "--notional", "10000", "--json"))
    assert q["ok"] is True and q["mode"] == "long_quote_in"
    text = vperp("quote", "vETH", "long", "--notional", "10000")
    assert "guards" in text and "pass" in text and "liquidation price" in text

    o = json.loads(vperp("open", "vETH", "long", "--notional", "10000", "--slippage", "1", "--json"))
    p = ch.getPosition(trader, stack.base("vETH"))
    assert Decimal(o["size_after"]) == Decimal(int(p.size)) / ONE  # the quoted fill, to the wei
    assert int(o["opposite_amount_bound"]) == int(Decimal(o["base"]) * ONE * Decimal("0.99"))

    pos = json.loads(vperp("positions", "--json"))
    assert [r["market"] for r in pos] == ["vETH"] and pos[0]["side"] == "long"
    assert "vETH" in vperp("positions")

    acct = json.loads(vperp("account", "--json"))
    assert Decimal(acct["free_collateral"]) == Decimal(int(ch.getFreeCollateral(trader))) / ONE
    value, im, mm, liq = ch.getAccountState(trader)
    assert Decimal(acct["account_value"]) == Decimal(int(value)) / ONE
    assert Decimal(acct["maintenance_requirement"]) == Decimal(int(mm)) / ONE
    assert acct["liquidatable"] is False and Decimal(acct["liquidation_prices"]["vETH"]) > 0
    assert "free collateral" in vperp("account")

    # more than the free collateral: the SDK's message, exit status 1
    out = vperp("withdraw", "4900", ok=False)
    assert "Error: withdraw exceeds free collateral: asked 4,900.00 USDC, free " in out

    closed = json.loads(vperp("close", "vETH", "--json"))
    assert closed["size_after"] == "0" and int(ch.getPosition(trader, stack.base("vETH")).size) == 0
    assert json.loads(vperp("positions", "--json")) == []
    left = Decimal(int(ch.balanceOf(trader))) / ONE
    vperp("withdraw", str(left.quantize(Decimal("0.01")) - Decimal("0.01")))
    assert int(ch.balanceOf(trader)) < wad("0.02")


def test_refusals_are_readable(vperp):
    vperp("deposit", "100", "--mint")
    out = vperp("open", "vETH", "long", "--notional", "5", ok=False)
    assert "Error: not sent: position too small in vETH: notional " in out
    out = vperp("open", "vETH", "short", "--size", "1", ok=False)  # 3,000 USD on 100 USDC
    assert "not sent: initial margin not met: account value" in out
    out = vperp("quote", "vETH", "short", "--size", "100")  # a long reason, wrapped to 100 columns
    assert "FAIL: initial margin not met: account value" in out
    out = vperp("open", "vETH", "short", "--size", "100", ok=False)
    assert " ".join(out.split()).startswith("Error: not sent: initial margin not met: account value")
    err = json.loads(vperp("close", "vBTC", "--json", ok=False))
    assert err == {"error": "NoPosition", "message": "not sent: your account has no position in vBTC"}
    assert "unknown market vSOL (markets: vETH, vBTC)" in vperp(
        "quote", "vSOL", "long", "--size", "1", ok=False
    )
    assert "give exactly one of --size and --notional" in vperp("quote", "vETH", "long", ok=False)
    assert "slippage 'x' is not a number" in vperp(
        "quote", "vETH", "long", "--size", "1", "--slippage", "x", ok=False
    )
    assert "'1e' is not a number" in vperp("deposit", "1e", ok=False)
    assert "--account is required" in vperp("positions", ok=False, account=False)


def test_quote_without_account(vperp):
    """A quote for an empty account: the fill, and the margin guard in words."""
    q = json.loads(vperp("quote", "vBTC", "short", "--size", "0.1", "--json", account=False))
    assert q["error"] == "InsufficientMargin" and q["reason"].startswith("initial margin not met")
    assert Decimal(q["base"]) == Decimal("0.1")


def test_liquidity_pool(vperp, stack, accounts):
    pool, lp = stack.liquidity_pool, accounts[6]
    stack.usdc.mint(lp.address, 10**9, sender=lp)
    out = vperp("lp", "deposit", "1000")
    shares = int(pool.balanceOf(lp))
    assert shares > 0 and "pool shares worth 1,000.00 USDC" in out
    half = Decimal(shares) / 2 / ONE
    out = json.loads(vperp("lp", "redeem", str(half), "--json"))
    assert int(pool.balanceOf(lp)) == shares - int(half * ONE)
    assert Decimal(out["value_usdc"]) == Decimal("500")
    out = vperp("lp", "redeem", "1000000", ok=False)
    assert "Error: pool redemption too large for your account: 1,000,000.000000 shares, at most " in out


def test_leveraged_open_through_the_router(vperp, stack, accounts):
    """'5x long vETH with 1,000 USDC': one router call deposits 1,000 USDC from the wallet and
    opens 5,000 USD of notional at the quoted fill; the router keeps nothing."""
    ch, trader, eth = stack.clearing_house, accounts[6], stack.base("vETH")
    stack.usdc.mint(trader.address, 1_000 * 10**6, sender=trader)
    wallet, collateral = int(stack.usdc.balanceOf(trader)), int(ch.balanceOf(trader))
    size = int(ch.getPosition(trader, eth).size)
    out = json.loads(vperp("open", "vETH", "long", "--collateral", "1000", "--leverage", "5", "--json"))
    assert Decimal(out["quote"]) == 5_000 and out["mode"] == "long_quote_in"
    assert int(stack.usdc.balanceOf(trader)) == wallet - 1_000 * 10**6
    assert int(ch.getPosition(trader, eth).size) - size == int(Decimal(out["base"]) * ONE)
    fee = int(Decimal(out["fee"]) * ONE)
    assert int(ch.balanceOf(trader)) == collateral + wad(1_000) - fee
    assert int(stack.usdc.balanceOf(stack.router)) == 0 and int(ch.balanceOf(stack.router)) == 0
    stack.usdc.mint(trader.address, 100 * 10**6, sender=trader)
    text = vperp("open", "vETH", "short", "--collateral", "100", "--leverage", "2")
    assert "opened through the router: 2.00x with 100.00 USDC" in text
    assert "the deposit needs 100.00" in vperp(
        "open", "vETH", "short", "--collateral", "100", "--leverage", "2", ok=False
    )
    assert "give --collateral and --leverage together" in vperp(
        "open", "vETH", "long", "--collateral", "1", ok=False
    )
    assert "either --size / --notional or --collateral" in vperp(
        "open", "vETH", "long", "--size", "1", "--collateral", "1", "--leverage", "2", ok=False
    )


def test_netting_orders_queue_list_cancel(vperp, stack, accounts, owner):
    """queue -> orders (yours, everyone's, JSON) -> cancel, each against the netting engine. The
    batch window is its maximum, 60 s, here (orders can be cancelled only while it is open; the
    default 2 s would make the test depend on the wall clock)."""
    net, trader, eth = stack.netting, accounts[6], stack.base("vETH")
    fee, _window = net.nettingParams()
    net.setNettingParams(int(fee), 60, sender=owner)
    vperp("deposit", "2000", "--mint")
    q = json.loads(vperp("queue", "vETH", "long", "--size", "0.5", "--price", "3100", "--json"))
    oid = q["order_id"]
    o = net.getOrder(eth, oid)
    assert o.trader == trader.address and int(o.size) == wad("0.5") and int(o.acceptablePrice) == wad(3100)
    assert Decimal(q["reserve_usdc"]) == Decimal(int(o.reserve)) / 10**6 > 0
    short = json.loads(vperp("queue", "vETH", "long", "--size", "0.25", "--slippage", "1", "--json"))
    mark = Decimal(int(stack.clearing_house.getMarkPrice(eth))) / ONE
    assert Decimal(short["acceptable_price"]) == (mark * Decimal("1.01")).quantize(Decimal("0.000001"))
    # a short in the same batch is a self-trade: refused in words
    assert "already has an order on the other side" in vperp(
        "queue", "vETH", "short", "--size", "1", ok=False
    )
    mine = json.loads(vperp("orders", "vETH", "--json"))
    assert [r["order_id"] for r in mine] == [oid, short["order_id"]]
    assert [r["side"] for r in mine] == ["long", "long"] and mine[0]["status"] == "queued"
    text = vperp("orders")
    assert "netting queue" in text and "3,100.00" in text
    everyone = json.loads(vperp("orders", "vETH", "--all", "--json", account=False))
    assert {r["order_id"] for r in everyone} >= {oid, short["order_id"]}
    assert "cancelled order" in vperp("cancel", "vETH", str(oid))
    assert int(net.getOrder(eth, oid).status) not in (1, 2)  # deleted or marked cancelled
    assert [r["order_id"] for r in json.loads(vperp("orders", "vETH", "--json"))] == [short["order_id"]]
    vperp("cancel", "vETH", str(short["order_id"]))
    assert json.loads(vperp("orders", "--json")) == []
    assert "unknown market vSOL" in vperp("orders", "vSOL", ok=False)
    again = vperp("cancel", "vETH", str(oid), ok=False)
    assert again.startswith("Error: ")


def test_wrong_deployment_file(deployment_file, tmp_path):
    """An address file for another chain, or one whose contracts are gone, is refused in words."""
    raw = json.loads(deployment_file.read_text())
    runner = CliRunner()

    def refused(content: dict) -> str:
        path = tmp_path / "d.json"
        path.write_text(json.dumps(content))
        r = runner.invoke(cli, ["markets", "--deployment", str(path)], catch_exceptions=False)
        assert r.exit_code == 1 and fits(r.output)
        return " ".join(r.output.split())

    assert "is for chain 5, the network is chain" in refused({**raw, "chain_id": 5})
    gone = refused({**raw, "clearing_house": "0x" + "12" * 20})
    assert "no contract at 0x1212121212121212121212121212121212121212" in gone and "deploy again" in gone
    r = runner.invoke(cli, ["markets", "--deployment", str(tmp_path / "none.json")])
    assert r.exit_code == 1 and "no deployment file" in r.output
