"""The dashboard in headless Chromium over an indexed scenario (conftest.web): every page loads
with no console error and no request leaving 127.0.0.1; the market chart draws candles from the
index on its canvas; the account page shows the position the SDK reports, with the same numbers;
the liquidation is on the risk page. Screenshots of each page: reports/web/*.png."""

from __future__ import annotations

import urllib.error
import urllib.request
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from integration.web.conftest import free_port, screenshot
from vperp.chain.rpc import Rpc
from vperp.indexer import queries
from vperp.indexer.cli import abis_from_build, contracts_of
from vperp.indexer.db import connect
from vperp.indexer.ingest import Indexer
from vperp.sdk import display
from vperp.sdk.client import PerpClient
from vperp.sdk.units import usdc, wad
from vperp.web import data
from vperp.web.bench import candle_plan, query_plans
from vperp.web.context import make_dashboard
from vperp.web.devwallet import DevWalletRefused
from vperp.web.server import Background

# pixels of the candles' colours (app.js: up #1f9d55, down #d64545) on the chart's canvases
CANDLE_PIXELS_JS = """
(el) => {
  let n = 0;
  for (const c of el.querySelectorAll('canvas')) {
    if (!c.width || !c.height) continue;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b, a] = [d[i], d[i + 1], d[i + 2], d[i + 3]];
      const up = Math.abs(r - 31) < 12 && Math.abs(g - 157) < 12 && Math.abs(b - 85) < 12;
      const down = Math.abs(r - 214) < 12 && Math.abs(g - 69) < 12 && Math.abs(b - 69) < 12;
      if (a > 200 && (up || down)) n++;
    }
  }
  return n;
}
"""


def clean(v, path: str) -> None:
    assert not v.console_errors, f"{path}: console errors {v.console_errors}"
    assert not v.blocked, f"{path}: requests leaving the machine {v.blocked}"
    assert v.requests and all(u.startswith("http://127.0.0.1:") for u in v.requests)


@pytest.mark.parametrize(
    "name, path",
    [
        ("markets-vBTC", "/markets/vBTC"),
        ("account-lookup", "/account"),
        ("pool", "/pool"),
        ("netting", "/netting"),
        ("governance", "/governance"),
    ],
)
def test_page_loads_clean(web, visit, name, path):
    v = visit(path)
    clean(v, path)
    assert v.page.locator("main h1").count() == 1
    if name == "governance":  # the test deployment has no governance
        assert "not deployed" in v.page.inner_text("#not-deployed")
    if name == "pool":
        v.page.wait_for_selector("#chart[data-points]")
        assert int(v.page.get_attribute("#chart", "data-points")) >= 2  # the scenario's deposit and redeem
        pool, ch = web.stack.liquidity_pool, web.stack.clearing_house
        income = v.page.locator("#income")
        assert income.locator("tr[data-source='trading fees'] td").inner_text() == _signed(
            int(ch.poolFeeIncome())
        )
        funding = sum(r["pool_received"] or 0 for r in queries.funding_history(web.dashboard.engine))
        assert funding != 0
        assert income.locator("tr[data-source=funding] td").inner_text() == _signed(funding)
        # the withdrawal limit is what caps every LP's maxWithdraw (the owner holds nearly all shares)
        owner = web.stack.owner
        mine = int(pool.convertToAssets(pool.balanceOf(owner)))
        limit = web.dashboard.node.pool()["withdrawable"]
        assert int(pool.maxWithdraw(owner)) == min(mine, limit)
        assert v.page.inner_text("[data-field=withdrawable]") == f"{display.usdc(limit)} USDC"
    screenshot(v, name)


def _signed(x: int) -> str:
    s = display.usd(x)
    return s if s.startswith("-") or x == 0 else "+" + s


def test_netting_page_shows_the_queue_and_the_batches(web, visit):
    """The scenario's batch (one long filled, one short resting: OrderRested) with its L, S, p0,
    remainder swap and fills from the index, and the resting order in the node's queue."""
    (batch,) = queries.batch_events(web.dashboard.engine)
    assert batch["fills"] == len(batch["fill_rows"]) >= 1
    v = visit("/netting")
    clean(v, "/netting")
    row = v.page.locator(f"#batches tr[data-block='{batch['block_number']}']")
    assert row.locator("[data-field=L]").inner_text() == display.base(batch["long_total"], 4)
    assert row.locator("[data-field=S]").inner_text() == display.base(batch["short_total"], 4)
    assert row.locator("[data-field=p0]").inner_text() == display.price(batch["p0"])
    assert row.locator("[data-field=swap-base]").inner_text() == display.base(batch["swap_base"], 4)
    assert v.page.locator("#batches tr[data-fill]").count() == len(batch["fill_rows"])
    q = web.dashboard.node.order_queue("vETH")
    assert q["orders"], "the rested short is still queued"
    net, eth = web.stack.netting, web.stack.base("vETH")
    for o in q["orders"]:
        assert int(net.getOrder(eth, o["id"]).size) == o["size"]
        cell = v.page.locator(f"table.queue[data-market=vETH] tr[data-order='{o['id']}'] [data-field=size]")
        assert cell.inner_text() == display.base(o["size"], 4)
    screenshot(v, "netting")


def test_market_chart_draws_indexed_candles(web, visit):
    symbol = "vETH"
    token = web.stack.base(symbol).address
    n_mark = len(queries.candles(web.dashboard.engine, token, "mark"))
    n_index = len(queries.candles(web.dashboard.engine, token, "index"))
    n_funding = len(queries.funding_history(web.dashboard.engine, token))
    assert n_mark and n_index and n_funding
    v = visit(f"/markets/{symbol}")
    clean(v, "/markets/vETH")
    chart = v.page.locator("#chart")
    v.page.wait_for_selector("#chart[data-points]")
    n_spread = len(data.market_chart(web.dashboard, symbol)["spread"])  # hours with a mark and an index
    assert n_spread
    assert int(chart.get_attribute("data-points")) == n_mark + n_index + n_funding + n_spread
    v.page.wait_for_timeout(300)  # the next animation frame paints
    assert chart.evaluate(CANDLE_PIXELS_JS) > 50, "no candle drawn on the chart's canvas"
    mark = int(web.stack.clearing_house.getMarkPrice(token))
    assert v.page.inner_text("[data-field=mark]") == display.price(mark)
    assert v.page.locator("#depth tr").count() >= 2  # the header and the listing
    screenshot(v, "markets")


def test_depth_k_over_time_ends_at_the_curves_k(web, chain):
    """vBTC: listed, k adjusted twice, depth synced (the pool's adjustK), repegged, then traded:
    each row's k is the one its transaction's MarketAdded, KAdjusted or Repegged states, and the
    newest is the curve's x·y now (trades keep it, to the swaps' rounding)."""
    token = web.stack.base("vBTC").address
    rows = queries.depth_history(web.dashboard.engine, token)
    kinds = [r["kind"] for r in rows]
    assert kinds[-1] == "listed" and "depth sync" in kinds and "k adjusted" in kinds
    ch, head = web.stack.clearing_house, chain.blocks.head.number
    stated = {}
    for ev in (ch.KAdjusted, ch.Repegged):
        for e in ev.range(0, head + 1):
            if e.baseToken == token:
                stated[str(e.transaction_hash)] = int(e.newBase) * int(e.newQuote)
    (listed,) = [e for e in ch.MarketAdded.range(0, head + 1) if e.baseToken == token]
    assert rows[-1]["k"] == int(listed.baseReserve) * int(listed.quoteReserve)
    for r in rows[:-1]:
        assert r["k"] == stated[r["tx_hash"]], r
    x, y = ch.getReserves(token)
    assert abs(rows[0]["k"] - int(x) * int(y)) <= int(x) * int(y) // 10**9


def test_account_page_shows_the_sdks_position(web, visit, alice):
    sdk = PerpClient(web.stack, alice).position("vETH")
    assert sdk.size != 0
    v = visit(f"/account/{alice.address}")
    clean(v, "/account")
    row = v.page.locator("#positions tr[data-market=vETH]")
    assert row.locator("[data-field=size]").inner_text() == display.base(wad(sdk.size))
    assert row.locator("[data-field=pnl]").inner_text().lstrip("+") == display.usd(wad(sdk.unrealized_pnl))
    assert row.locator("[data-field=entry]").inner_text() == display.price(wad(sdk.entry_price))
    assert row.locator("[data-field=mark]").inner_text() == display.price(wad(sdk.mark))
    state = PerpClient(web.stack, alice).state()
    assert v.page.inner_text("[data-field=free-collateral]") == display.usd(wad(state.free_collateral))
    assert v.page.inner_text("[data-field=liq-price]") != "–"
    assert v.page.locator("#history tr").count() > 1
    nfts = queries.position_nfts(web.dashboard.engine, alice.address)
    assert nfts and {n["kind"] for n in nfts} <= {"minted", "burned"}
    assert v.page.locator("#nfts tr[data-token]").count() == len(nfts)
    eth = web.stack.base("vETH").address
    nft = int(web.stack.position_nft.tokenIdOf(alice, eth))
    assert web.stack.position_nft.ownerOf(nft) == alice.address  # her vETH position is open
    assert [n["kind"] for n in nfts if n["token_id"] == nft] == ["minted"]
    assert v.page.locator(f"#nfts tr[data-token='{nft}'] [data-field=token-id]").inner_text() == str(nft)
    screenshot(v, "account")


def test_keepers_liquidation_appears_on_the_risk_page(web, visit, bob, keeper):
    (liq,) = queries.liquidations(web.dashboard.engine)
    assert liq["trader"] == bob.address.lower()
    # run by the keeper bot (vperp.bots.keeper), not a direct call: its one liquidation sent
    sent = web.keeper_log.events("sent")
    assert len(sent) == 1 and "liquidate" in sent[0]["call"], sent
    assert liq["liquidator"] == keeper.address.lower()
    v = visit("/risk")
    clean(v, "/risk")
    table = v.page.locator("#liquidations")
    assert bob.address.lower() in table.inner_text().lower()
    assert display.usd(liq["penalty"]) in table.inner_text()
    assert v.page.locator("#bad-debts tr").count() == 1 + len(queries.bad_debts(web.dashboard.engine))
    # InsuranceFund.balance() (Ape's `.balance` of a contract is its ether)
    fund = max(int(web.stack.clearing_house.balanceOf(web.stack.insurance_fund)), 0)
    assert v.page.inner_text("[data-field=insurance-balance]") == display.usd(fund)
    screenshot(v, "risk")


def test_candle_and_account_queries_search_an_index(web, alice):
    engine = web.dashboard.engine
    token = web.stack.base("vETH").address
    plan = candle_plan(engine, token)
    assert any(p.startswith("SEARCH candles USING INDEX") for p in plan), plan
    plan = query_plans(engine, lambda: queries.account_history(engine, alice.address, limit=50))
    assert any(p.startswith("SEARCH account_history USING INDEX") for p in plan), plan
    plan = query_plans(engine, lambda: queries.position_nfts(engine, alice.address, limit=50))
    for t in ("ev_position_minted", "ev_position_burned"):
        assert any(p.startswith(f"SEARCH {t} USING INDEX ix_{t}_trader") for p in plan), plan


def test_the_pages_are_the_same_on_postgresql(web, pg_url, node_url, deployment_addresses, alice):
    """The same chain indexed into PostgreSQL: the pages and the chart series are byte for byte
    those served from SQLite (before the tests below trade)."""
    engine = connect(pg_url)
    abis = abis_from_build()
    Indexer(engine, Rpc.from_url(node_url), contracts_of(deployment_addresses, abis)).sync()
    pg = Background(make_dashboard(engine, node_url, deployment_addresses, abis), free_port())
    try:
        for path in (
            "/markets/vETH",
            "/markets/vETH/chart.json",
            f"/account/{alice.address}",
            "/risk",
            "/pool",
        ):
            with urllib.request.urlopen(web.url + path) as a, urllib.request.urlopen(pg.url + path) as b:
                assert a.read() == b.read(), path
    finally:
        pg.stop()
        engine.dispose()


def test_a_node_that_does_not_answer_is_said_in_words(web, deployment_addresses):
    d = make_dashboard(
        web.dashboard.engine, f"http://127.0.0.1:{free_port()}", deployment_addresses, abis_from_build()
    )
    server = Background(d, free_port())
    try:
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(server.url + "/risk")
        assert e.value.code == 500
        assert "ConnectionRefusedError" in e.value.read().decode()
    finally:
        server.stop()


def test_a_new_trade_appears_live_without_a_reload(web, visit, accounts, funded):
    """Last in the module: the trade is reverted after the test (Ape's isolation) but stays in
    this module's index."""
    dave = accounts[4]
    v = visit(f"/account/{dave.address}")
    clean(v, "/account (empty)")
    assert v.page.locator("#no-positions").count() == 1
    funded(dave, 5_000).short_quote("vBTC", 2_000)
    web.indexer.sync()
    sdk = PerpClient(web.stack, dave).position("vBTC")
    row = v.page.locator("#positions tr[data-market=vBTC] [data-field=size]")
    row.wait_for(timeout=10_000)  # the next htmx poll (every 3 s) swaps the fragment in
    assert row.inner_text() == display.base(wad(sdk.size))
    assert v.page.locator("#history tr").count() == 1 + 2  # the header, the deposit and the trade
    assert not v.console_errors and not v.blocked


def test_dev_wallet_trades_and_the_account_page_shows_it(web, visit, accounts):
    """Last in the module (its trades are reverted after it, not its index): deposit and open in
    the browser with the dev wallet, the quote shown first; a trade breaking a guard is refused
    with the protocol's error in words; the position is on the account page with the SDK's numbers."""
    eve = accounts[5]
    v = visit("/trade")
    p = v.page
    p.select_option("#account", eve.address)
    p.fill("#amount", "10000")
    p.click("#deposit-btn")
    expect(p.locator("#trade-ok")).to_contain_text("deposited 10000 USDC with a permit")
    usdc_token, ch = web.stack.usdc, web.stack.clearing_house
    assert int(usdc_token.nonces(eve)) == 1  # the permit was used (no approve transaction)
    assert int(usdc_token.allowance(eve, ch)) == 0  # and the deposit spent all of it
    p.select_option("#market", "vETH")
    p.select_option("#side", "long")
    p.fill("#notional", "50000")  # 5x: a liquidation price above zero
    p.click("#quote-btn")
    fill = p.locator("#quote [data-field=fill-base]").inner_text()
    assert p.locator("#quote [data-field=liq-after]").inner_text() != "–"
    screenshot(v, "trade")
    p.click("#open-btn")
    expect(p.locator("#trade-ok")).to_contain_text("opened long vETH")  # replaces the deposit's
    sdk = PerpClient(web.stack, eve)
    assert display.base(wad(sdk.position("vETH").size)) == fill  # the quote is the fill, to the wei
    # a guard: far beyond the margin; not sent, the reason in the SDK's words
    p.fill("#notional", "10000000")
    p.click("#open-btn")
    expected = sdk.quote("vETH", "long", notional=10_000_000).reason
    assert expected and p.locator("#trade-error").inner_text() == f"not sent: {expected}"
    screenshot(v, "trade-refused")
    # a withdrawal beyond the free collateral: the contract's revert, decoded into words
    p.fill("#amount", "1000000")
    p.click("#withdraw-btn")
    expect(p.locator("#trade-error")).to_contain_text(
        "reverted: withdraw exceeds free collateral: asked 1,000,000.00 USDC"
    )
    # a netted order: quoted, queued, and in the node's queue on the netting page
    p.fill("#notional", "5000")
    p.click("#queue-btn")
    expect(p.locator("#trade-ok")).to_contain_text("queued a netted long order in vETH")
    queued = [o for o in web.dashboard.node.order_queue("vETH")["orders"] if o["trader"] == eve.address]
    assert len(queued) == 1 and queued[0]["size"] > 0
    assert display.base(queued[0]["size"]) == p.locator("#quote [data-field=fill-base]").inner_text()
    clean(v, "/trade")
    n = visit("/netting")
    assert (
        eve.address[:6].lower() in n.page.locator(f"tr[data-order='{queued[0]['id']}']").inner_text().lower()
    )
    clean(n, "/netting (queued)")
    # the account page, once indexed
    web.indexer.sync()
    a = visit(f"/account/{eve.address}")
    clean(a, "/account (dev wallet)")
    pos = sdk.position("vETH")
    row = a.page.locator("#positions tr[data-market=vETH]")
    assert row.locator("[data-field=size]").inner_text() == display.base(wad(pos.size))
    assert row.locator("[data-field=pnl]").inner_text().lstrip("+") == display.usd(wad(pos.unrealized_pnl))
    # close, quoted first: the position is gone
    p.click("#close-btn")
    expect(p.locator("#trade-ok")).to_contain_text("closed vETH")
    assert sdk.position("vETH").size == 0
    clean(v, "/trade (close)")


def test_the_dev_wallet_refuses_a_chain_that_is_not_the_local_anvil(web, monkeypatch):
    wallet = web.dashboard.wallet
    wallet.check()  # the test node: Anvil, chain 31337
    real = wallet.rpc.request

    def mainnet(method, params):
        return "0x1" if method == "eth_chainId" else real(method, params)

    monkeypatch.setattr(wallet.rpc, "request", mainnet)
    with pytest.raises(DevWalletRefused, match="only on a local Anvil"):
        wallet.accounts()


def injected_wallet(provider):
    """An EIP-1193 provider for the page (window.ethereum) whose requests `provider(method,
    params)` answers in Python: a stand-in for a wallet extension."""

    def before(ctx):
        ctx.expose_function("__eip1193", provider)
        ctx.add_init_script(
            "window.ethereum = { request: ({ method, params }) => window.__eip1193(method, params || []) };"
        )

    return before


def test_a_browser_wallet_trades_through_eip1193(web, visit, accounts, funded, node_url):
    frank = accounts[6]
    web.stack.usdc.mint(frank, usdc(12_000), sender=frank)  # TestUSDC's open faucet
    rpc = Rpc.from_url(node_url)
    asked: list[str] = []

    def wallet(method, params):  # signs as frank (the test node's unlocked account)
        asked.append(method)
        return [frank.address] if method == "eth_requestAccounts" else rpc.request(method, params)

    v = visit("/trade", before=injected_wallet(wallet))
    p = v.page
    p.click("#connect-btn")
    expect(p.locator("#wallet-address")).to_have_text(frank.address)
    # deposit: the permit signed in the wallet (eth_signTypedData_v4), then the permit and the deposit
    p.fill("#amount", "10000")
    p.click("#wallet-deposit-btn")
    expect(p.locator("#trade-ok")).to_contain_text("deposited 10000 USDC with a permit", timeout=30_000)
    assert asked.count("eth_signTypedData_v4") == 1 and asked.count("eth_sendTransaction") == 2
    assert int(web.stack.usdc.nonces(frank)) == 1
    # the ledger's shares round down by a wei (the scenario socialised a loss: index above one)
    assert 0 <= 10_000 - PerpClient(web.stack, frank).collateral() < Decimal("1e-17")
    p.fill("#amount", "1000")
    p.click("#wallet-withdraw-btn")
    expect(p.locator("#trade-ok")).to_contain_text("withdrew 1000 USDC", timeout=30_000)
    assert 0 <= 9_000 - PerpClient(web.stack, frank).collateral() < Decimal("1e-17")
    sent = asked.count("eth_sendTransaction")
    p.select_option("#market", "vETH")
    p.fill("#notional", "20000")
    p.click("#wallet-open-btn")
    # the page's wallet calls come back through the test's Python binding, and the page polls for
    # the receipt every 0.5 s: on a loaded machine this took more than Playwright's default 5 s once
    expect(p.locator("#trade-ok")).to_contain_text("opened long vETH", timeout=30_000)
    fill = p.locator("#quote [data-field=fill-base]").inner_text()
    assert display.base(wad(PerpClient(web.stack, frank).position("vETH").size)) == fill
    assert asked.count("eth_sendTransaction") == sent + 1
    screenshot(v, "trade-wallet")
    p.fill("#notional", "2000")  # a netted order, quoted first
    p.click("#wallet-queue-btn")
    expect(p.locator("#trade-ok")).to_contain_text("queued a netted long order in vETH", timeout=30_000)
    queued = [o for o in web.dashboard.node.order_queue("vETH")["orders"] if o["trader"] == frank.address]
    assert len(queued) == 1
    assert display.base(queued[0]["size"]) == p.locator("#quote [data-field=fill-base]").inner_text()
    p.click("#wallet-close-btn")
    expect(p.locator("#trade-ok")).to_contain_text("closed vETH", timeout=30_000)
    assert PerpClient(web.stack, frank).position("vETH").size == 0
    p.fill("#notional", "10000000")  # a guard: refused before the wallet is asked
    p.click("#wallet-open-btn")
    expect(p.locator("#trade-error")).to_contain_text("not sent: fluctuation limit")
    assert asked.count("eth_sendTransaction") == sent + 3
    clean(v, "/trade (browser wallet)")
    # a wallet on another chain is refused
    w = visit("/trade", before=injected_wallet(lambda m, a: "0x1" if m == "eth_chainId" else wallet(m, a)))
    w.page.click("#connect-btn")
    expect(w.page.locator("#wallet-status")).to_contain_text("the wallet is on chain 1")
    assert w.page.locator("#wallet-open-btn").is_hidden()
