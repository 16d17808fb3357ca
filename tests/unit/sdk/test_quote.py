"""The SDK's quote (vperp.sdk.quote) against the contract: hundreds of random trades over both
markets and the four exact-in/exact-out modes, quoted off chain from one snapshot and run as
eth_calls of openPosition (one batch): the fill equals the contract's to the wei, and the guard the
quote names is the error the contract reverts with. Executed trades leave the account exactly as
quoted. The slippage bound of each mode passes at the bound and reverts one wei tighter."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest
from eth_abi import decode as abi_decode

from utils.constants import FAR_DEADLINE as FAR
from utils.reverts import reverts
from vperp.chain.deploy import market_params, push_pyth_price
from vperp.chain.rpc import FastContract, Rpc
from vperp.sdk.quote import Mode, quote_trade, slippage_bound
from vperp.sdk.units import ONE, wad

CASES = 400


@pytest.fixture
def book(stack, chain, owner, cfg, funded, bob, carol, move_index):
    """carol holds 100k USDC, long vETH and short vBTC with funding pending in vETH; vETH's
    index sits 8% under its mark (the spread band is near for longs), vBTC's long OI cap is 4 BTC."""
    eth, btc = stack.base("vETH").address, stack.base("vBTC").address
    params = dict(cfg.market("vBTC").params, max_long_open_interest=4)
    stack.clearing_house.setMarketParams(btc, market_params(params), sender=owner)
    c = funded(carol, 100_000)
    c.long_quote("vETH", 60_000)
    c.short_base("vBTC", "0.5")
    funded(bob, 50_000).long_quote("vBTC", 90_000)
    chain.pending_timestamp = chain.blocks.head.timestamp + 3_601
    move_index("vETH", 2_990)
    move_index("vBTC", 60_000)
    stack.clearing_house.updateFundingRate(eth, sender=owner)
    move_index("vETH", round(float(stack.clearing_house.getMarkPrice(eth)) / 1e18 * 0.92, 2))
    return c


def norm(values: Any) -> tuple[Any, ...]:
    return tuple(v.lower() if isinstance(v, str) else v for v in values)


def random_case(rng: random.Random) -> tuple[str, Mode, int]:
    symbol = rng.choice(["vETH", "vBTC"])
    mode = rng.choice(list(Mode))
    px = 3_000 if symbol == "vETH" else 60_000
    notional = Decimal(10) ** Decimal(rng.uniform(0.5, 6.2))  # 3 USD .. 1.6M USD
    amount = notional / px if mode.amount_is_base else notional
    return symbol, mode, wad(amount.quantize(Decimal("1e-12"))) + rng.randrange(10**6)


def on_chain(stack: Any, chain: Any, cases: list[tuple[Any, str, Mode, int]]) -> list[tuple[Any, Any]]:
    """openPosition of each (account snapshot, symbol, mode, amount) as eth_calls on the pending
    block, in one batch: (output, Reverted or None) each."""
    ch = stack.clearing_house
    rpc = Rpc(chain, [ch, stack.oracle, *stack.logic.values()])
    fch = FastContract(ch, rpc)
    calls = [
        {
            "from": acct.address,
            "to": ch.address,
            "data": "0x"
            + fch.openPosition.encode_input(
                (stack.base(s).address, m.is_base_to_quote, m.is_exact_input, a, 0, FAR)
            ).hex(),
        }
        for acct, s, m, a in cases
    ]
    return rpc.call_many(calls, "pending")


def assert_same(q: Any, outcome: tuple[Any, Any]) -> str:
    """The quote and the contract agree: same fill, or same error with the same values."""
    out, rev = outcome
    assert q.error == (rev.name if rev else None), (q.symbol, q.mode, q.amount, q.reason, rev)
    if rev is None:
        assert (q.base, q.quote) == tuple(abi_decode(["uint256", "uint256"], out))
        return "ok"
    assert norm(q.error_values) == norm(rev.values.values()), (q.reason, rev)
    return rev.name


def test_quotes_equal_the_contract(stack, chain, accounts, funded, book, carol):
    """Two accounts: carol (positions in both markets, pending funding, 100k USDC) and dave (no
    position, 1,000 USDC: small trades are dust, large ones lack margin)."""
    dave = funded(accounts[4], 1_000)
    ex, carol_acct = book.snapshot()
    _, dave_acct = dave.snapshot(ex)
    assert carol_acct.positions["vETH"].pending_funding != 0
    rng = random.Random(10)
    cases = [random_case(rng) for _ in range(CASES)]
    who = [rng.choice([carol_acct, dave_acct]) for _ in cases]
    quotes = [quote_trade(ex, acct, s, m, a) for acct, (s, m, a) in zip(who, cases, strict=True)]
    outcomes = on_chain(stack, chain, [(acct, *c) for acct, c in zip(who, cases, strict=True)])
    seen: dict[str, int] = {}
    for q, outcome in zip(quotes, outcomes, strict=True):
        name = assert_same(q, outcome)
        seen[name] = seen.get(name, 0) + 1
    # the random cases reach passing trades and every guard the set-up makes reachable
    assert seen["ok"] >= 100
    for guard in ("DustPosition", "InsufficientMargin", "PriceMoveTooLarge", "SpreadTooLarge"):
        assert seen.get(guard, 0) >= 3, seen
    assert seen.get("OpenInterestCapExceeded", 0) >= 1, seen


def test_executed_trades_leave_the_account_as_quoted(stack, chain, book, carol):
    ch = stack.clearing_house
    rng = random.Random(3)
    done = 0
    while done < 8:
        symbol, mode, amount = random_case(rng)
        ex, acct = book.snapshot()
        q = quote_trade(ex, acct, symbol, mode, amount)
        if not q.ok:
            continue
        snap = chain.snapshot()
        book.execute(q)
        value, im, mm, _liq = ch.getAccountState(carol)
        p = ch.getPosition(carol, stack.base(symbol))
        assert (int(p.size), int(p.openNotional)) == (q.new_size, q.new_open_notional)
        assert int(ch.balanceOf(carol)) == q.after.collateral
        assert (int(value), int(im), int(mm)) == (
            q.after.account_value,
            q.after.initial_requirement,
            q.after.maintenance_requirement,
        )
        assert int(ch.getMarkPrice(stack.base(symbol))) == q.mark_after
        assert int(ch.getAccountStates([carol])[0].anchoredValue) == q.after.anchored_value
        chain.restore(snap)
        done += 1


@pytest.mark.parametrize("mode", list(Mode), ids=lambda m: m.name)
def test_slippage_bound_each_mode(stack, chain, book, carol, mode):
    ch = stack.clearing_house
    amount = wad(2) if mode.amount_is_base else wad(5_000)
    ex, acct = book.snapshot()
    q = quote_trade(ex, acct, "vETH", mode, amount)
    assert q.ok, q.reason
    bound = q.bound()
    assert bound == q.opposite
    tighter = bound + 1 if mode.is_exact_input else bound - 1
    token = stack.base("vETH").address
    # one wei tighter: the protocol's error, and the quote names it
    assert quote_trade(ex, acct, "vETH", mode, amount, tighter).error == "SlippageExceeded"
    with reverts(ch.SlippageExceeded, amount=q.opposite, bound=tighter):
        ch.openPosition((token, *mode.value, amount, tighter, FAR), sender=carol)
    # at the bound: passes with the quoted fill
    tx = ch.openPosition((token, *mode.value, amount, bound, FAR), sender=carol)
    assert tuple(tx.return_value) == (q.base, q.quote)


def test_tolerance_to_bound():
    # exact input: the minimum out, rounded down; exact output: the maximum in, rounded up
    assert slippage_bound(Mode.LONG_QUOTE_IN, 1_000, "0.01") == 990
    assert slippage_bound(Mode.SHORT_BASE_IN, 999, "0.01") == 989  # floor(989.01)
    assert slippage_bound(Mode.LONG_BASE_OUT, 999, "0.01") == 1_009  # ceil(1008.99)
    assert slippage_bound(Mode.SHORT_QUOTE_OUT, 1_000, 0) == 1_000
    with pytest.raises(ValueError):
        slippage_bound(Mode.LONG_QUOTE_IN, 1_000, 1)


def test_quote_reports_fee_impact_and_liquidation_price(stack, accounts, funded, book, move_index):
    ch = stack.clearing_house
    erin = accounts[5]
    trader = funded(erin, 2_000)
    q = trader.quote("vETH", "short", notional=15_000)
    assert q.ok, q.reason
    m = ch.getMarket(stack.base("vETH"))
    assert q.fee == -(-q.quote * int(m.feeRatio) // 1_000_000)
    assert q.price_impact is not None and q.price_impact > 0
    assert abs(q.after.leverage * q.after.margin_ratio - 1) < Decimal("1e-12")
    trader.execute(q)
    liq = Decimal(q.liquidation_price) / ONE
    # (a short) the index a hair below the liquidation price: safe; a hair above: liquidatable
    move_index("vETH", round(liq * Decimal("0.9995"), 2))
    assert not ch.isLiquidatable(erin)
    move_index("vETH", round(liq * Decimal("1.0005"), 2))
    assert ch.isLiquidatable(erin)


def test_paused_and_stale_markets(stack, chain, owner, book):
    """Paused: increases refused (MarketPaused), reduces allowed; stale index: increases refused
    (IndexStale), reduces valued at the mark TWAP."""
    ch, eth = stack.clearing_house, stack.base("vETH").address
    reduce = ("vETH", Mode.SHORT_BASE_IN, wad("0.5"))
    increase = ("vETH", Mode.LONG_QUOTE_IN, wad(1_000))
    ch.setPaused(eth, True, sender=owner)
    ex, acct = book.snapshot()
    qs = [quote_trade(ex, acct, *c) for c in (reduce, increase)]
    outcomes = on_chain(stack, chain, [(acct, *c) for c in (reduce, increase)])
    assert [assert_same(q, o) for q, o in zip(qs, outcomes, strict=True)] == ["ok", "MarketPaused"]
    assert qs[1].reason == "vETH is paused: only reducing and closing are allowed"
    ch.setPaused(eth, False, sender=owner)
    chain.mine(timestamp=chain.blocks.head.timestamp + 4_000)  # past both feeds' max ages
    ex, acct = book.snapshot()
    assert not ex.market("vETH").fresh
    qs = [quote_trade(ex, acct, *c) for c in (reduce, increase)]
    outcomes = on_chain(stack, chain, [(acct, *c) for c in (reduce, increase)])
    assert [assert_same(q, o) for q, o in zip(qs, outcomes, strict=True)] == ["ok", "IndexStale"]


def test_account_under_water_at_the_anchor(stack, chain, owner, accounts, bob, funded, set_price):
    """Pyth (the index) 2710, Chainlink (the anchor) 2660, and a seller has walked the mark down
    to the index: a 10x long from 3000 is worth ~+120 at the index but below zero at the anchor,
    and a reduce that realises its loss on the curve leaves it there, so it is refused
    (AccountUnderWater); the quote says so with the same values."""
    trader = funded(accounts[7], 1_000)
    trader.long_quote("vETH", 9_000)
    set_price("vETH", 2_660)
    chain.pending_timestamp = chain.pending_timestamp + 1
    push_pyth_price(stack, "vETH", 2_710, chain.pending_timestamp, sender=owner)
    seller = funded(bob, 300_000)
    eth = stack.base("vETH")
    while int(stack.clearing_house.getMarkPrice(eth)) > wad(2_725):  # one block each: 2.5% a block
        seller.short_quote("vETH", 250_000)
    ex, acct = trader.snapshot()
    m = ex.market("vETH")
    assert (m.index, m.anchor) == (wad(2_710), wad(2_660))
    reduce = ("vETH", Mode.SHORT_BASE_IN, wad("0.2"))
    q = quote_trade(ex, acct, *reduce)
    assert q.error == "AccountUnderWater" and q.after.account_value > 0 > q.after.anchored_value
    assert assert_same(q, on_chain(stack, chain, [(acct, *reduce)])[0]) == "AccountUnderWater"
    assert q.reason.startswith("the trade would leave the account under water: collateral 9")
