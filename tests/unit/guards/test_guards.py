"""Trading guards (PROTOCOL.md sections 4-5): fluctuation limit per block, spread circuit
breaker (reduce-only beyond 10%), per-side open-interest caps, minimum position size and the
guardian pause (per market and global; never of closing, reducing, withdrawing or liquidating)."""

from __future__ import annotations

from typing import Any

import pytest

from utils.actions import index_mover
from utils.constants import FAR_DEADLINE, ONE, ZERO
from utils.constants import RATIO_ONE as R
from utils.models import curve_of, smallest
from utils.reverts import check_inputs as _check_inputs
from utils.reverts import decode_error as _decode_error
from utils.reverts import reverts
from vperp.chain.deploy import market_params
from vperp.sdk.units import usdc, wad


def curve_long_quote(x: int, y: int, q: int) -> tuple[int, int, int]:
    """PROTOCOL.md section 9: long with exact quote in q -> (base out, new X, new Y)."""
    new_x = -(-x * y // (y + q))
    return x - new_x, new_x, y + q


def price(x: int, y: int) -> int:
    return y * ONE // x


def params_with(cfg: Any, symbol: str, **over: int) -> tuple:
    m = next(m for m in cfg.markets if m.symbol == symbol)
    return market_params({**m.params, **over})


@pytest.fixture
def move_index(chain, oracle, stack, set_price):
    """set_price one second later; the index must then be Pyth's (source 1)."""
    return index_mover(chain, oracle, stack, set_price, source=1)


def _open_tx(ch: Any, base: Any, sender: Any, quote: int) -> dict[str, Any]:
    data = ch.openPosition.encode_input((base.address, False, True, quote, 0, FAR_DEADLINE))
    return {"from": sender.address, "to": ch.address, "data": "0x" + bytes(data).hex(), "gas": 2_000_000}


# ====================================================================== fluctuation limit


def test_fluctuation_limit_single_trade(ch, amm, eth, funded, alice):
    a = funded(alice, 100_000)
    x, y = (int(v) for v in amm.getReserves(eth))
    q = wad(400_000)
    _, nx, ny = curve_long_quote(x, y, q)
    new_price = price(nx, ny)
    assert new_price > wad(3000) * 1025 // 1000  # > 2.5%
    with reverts(
        amm.PriceMoveTooLarge,
        baseToken=eth,
        blockStartPrice=wad(3000),
        newPrice=new_price,
        maxMoveRatio=25_000,
    ):
        a.long_quote("vETH", 400_000)
    # a 2% move is fine, and another 2% in the next block as well
    a.long_quote("vETH", 300_000)
    p1 = int(amm.getMarkPrice(eth))
    assert wad(3000) * 1_019 // 1000 < p1 < wad(3000) * 1_025 // 1000
    a.long_quote("vETH", 300_000)
    assert int(amm.getMarkPrice(eth)) > p1 * 1_019 // 1000


def test_fluctuation_limit_within_one_block(chain, ch, amm, eth, funded, alice, bob):
    """Two trades in the same block, 2% each: the second moves the mark > 2.5% from the block's
    first price and reverts; the same two trades in consecutive blocks both pass."""
    funded(alice, 100_000)
    funded(bob, 100_000)
    x, y = (int(v) for v in amm.getReserves(eth))
    q = wad(300_000)
    _, x1, y1 = curve_long_quote(x, y, q)
    _, x2, y2 = curve_long_quote(x1, y1, q)
    w3 = chain.provider.web3
    chain.provider.make_request("evm_setAutomine", [False])
    try:
        h1 = w3.eth.send_transaction(_open_tx(ch, eth, alice, q))
        h2 = w3.eth.send_transaction(_open_tx(ch, eth, bob, q))
        chain.provider.make_request("evm_mine", [])
    finally:
        chain.provider.make_request("evm_setAutomine", [True])
    r1, r2 = w3.eth.get_transaction_receipt(h1), w3.eth.get_transaction_receipt(h2)
    assert r1["blockNumber"] == r2["blockNumber"]
    assert (r1["status"], r2["status"]) == (1, 0)
    trace = chain.provider.make_request("debug_traceTransaction", [h2.hex(), {"tracer": "callTracer"}])
    out = bytes.fromhex(trace["output"].removeprefix("0x"))
    _check_inputs(
        amm.PriceMoveTooLarge,
        _decode_error(amm.PriceMoveTooLarge, out),
        {"baseToken": eth, "blockStartPrice": wad(3000), "newPrice": price(x2, y2), "maxMoveRatio": 25_000},
    )
    assert int(amm.getMarkPrice(eth)) == price(x1, y1)
    # next block: the same trade passes (the block's first price is now price(x1, y1))
    ch.openPosition((eth.address, False, True, q, 0, FAR_DEADLINE), sender=bob)
    assert int(amm.getMarkPrice(eth)) == price(x2, y2)


@pytest.mark.parametrize("is_short", [False, True], ids=["up", "down"])
def test_fluctuation_limit_is_inclusive_to_the_wei(ch, amm, eth, funded, alice, is_short):
    """Issue 15's surviving mutant (`diff > limit` -> `diff >= limit` in VirtualAMM.swap): a trade
    that moves the mark by exactly max_price_move_ratio of the block's start price passes, and
    the smallest larger trade, which moves it one wei further, reverts. Exact quote amounts (a
    long's quote in, a short's quote out) step the mark by far less than a wei, so both sides of
    the boundary are hit exactly (the amounts are found on the reference curve)."""
    funded(alice, 100_000)
    c = curve_of(amm, eth)
    ratio = int(ch.getMarket(eth).maxPriceMoveRatio)
    assert ratio == 25_000
    start = c.mark
    limit = start * ratio // R  # PerpMath.mulRatioDown
    sign = -1 if is_short else 1

    def move(q: int) -> int:  # the mark's move towards the trade's side, in wei
        return sign * (c.swap(is_short, not is_short, q)[2].mark - start)

    at = smallest(lambda q: move(q) >= limit, 1, c.y // 2)
    over = smallest(lambda q: move(q) >= limit + 1, 1, c.y // 2)
    assert (move(at), move(over)) == (limit, limit + 1) and at < over

    over_mark = c.swap(is_short, not is_short, over)[2].mark
    with reverts(
        amm.PriceMoveTooLarge, baseToken=eth, blockStartPrice=start, newPrice=over_mark, maxMoveRatio=ratio
    ):
        ch.openPosition((eth.address, is_short, not is_short, over, 0, FAR_DEADLINE), sender=alice)
    base, _quote, after = c.swap(is_short, not is_short, at)
    ch.openPosition((eth.address, is_short, not is_short, at, 0, FAR_DEADLINE), sender=alice)
    assert int(amm.getMarkPrice(eth)) == after.mark == start + sign * limit
    assert tuple(int(v) for v in amm.getReserves(eth)) == (after.x, after.y)
    assert int(ch.getPosition(alice, eth).size) == sign * base


# ====================================================================== spread circuit breaker


def test_spread_breaker_mark_above_index(ch, amm, eth, funded, alice, bob, carol, move_index):
    a, b, c = funded(alice, 20_000), funded(bob, 20_000), funded(carol, 20_000)
    a.long_quote("vETH", 30_000)  # opened before the index moves
    move_index("vETH", 2740)  # mark ~3006 is 9.7% above: within the spread
    mark = int(amm.getMarkPrice(eth))
    assert (mark - wad(2740)) * 10**6 < wad(2740) * 100_000
    # an increase that takes the spread beyond 10% (moving away from the index) reverts
    x, y = (int(v) for v in amm.getReserves(eth))
    _, nx, ny = curve_long_quote(x, y, wad(200_000))
    with reverts(
        ch.SpreadTooLarge,
        baseToken=eth,
        markPrice=price(nx, ny),
        indexPrice=wad(2740),
        maxSpreadRatio=100_000,
    ):
        b.long_quote("vETH", 200_000)
    # once beyond 10%, every increase away from the index reverts, even a small one
    move_index("vETH", 2700)
    with reverts(ch.SpreadTooLarge, baseToken=eth, indexPrice=wad(2700)):
        b.long_quote("vETH", 100)
    with reverts(ch.SpreadTooLarge, baseToken=eth, indexPrice=wad(2700)):
        a.long_quote("vETH", 100)
    # trades towards the index are allowed: a new short, while the spread is still > 10% after it
    c.short_base("vETH", "0.5")
    assert (int(amm.getMarkPrice(eth)) - wad(2700)) * 10**6 > wad(2700) * 100_000
    assert int(ch.getPosition(carol, eth).size) == -wad("0.5")
    # reducing the long (also towards the index) is allowed
    size = int(ch.getPosition(alice, eth).size)
    a.short_base("vETH", "1")
    assert int(ch.getPosition(alice, eth).size) == size - wad(1)


def test_spread_breaker_mark_below_index(ch, amm, eth, funded, alice, bob, move_index):
    a, b = funded(alice, 20_000), funded(bob, 20_000)
    a.short_base("vETH", 5)
    move_index("vETH", 3400)  # mark ~2997 is 11.9% below
    with reverts(ch.SpreadTooLarge, baseToken=eth, indexPrice=wad(3400), maxSpreadRatio=100_000):
        b.short_base("vETH", "0.1")
    with reverts(ch.SpreadTooLarge, baseToken=eth, indexPrice=wad(3400)):
        a.short_base("vETH", "0.1")
    b.long_quote("vETH", 1_000)  # towards the index
    assert int(ch.getPosition(bob, eth).size) > 0
    a.close("vETH")  # reduce / close
    assert int(ch.getPosition(alice, eth).size) == 0


# ====================================================================== open-interest caps


def test_open_interest_caps(ch, cfg, owner, eth, funded, alice, bob, carol):
    ch.setMarketParams(
        eth, params_with(cfg, "vETH", max_long_open_interest=10, max_short_open_interest=5), sender=owner
    )
    assert tuple(ch.getOpenInterestCaps(eth)) == (wad(10), wad(5))
    a, b, c = funded(alice, 20_000), funded(bob, 20_000), funded(carol, 20_000)
    a.long_base("vETH", 9)
    with reverts(ch.OpenInterestCapExceeded, baseToken=eth, isLong=True, openInterest=wad(11), cap=wad(10)):
        b.long_base("vETH", 2)
    b.long_base("vETH", 1)  # exactly at the cap
    assert tuple(ch.getOpenInterest(eth)) == (wad(10), 0)
    with reverts(ch.OpenInterestCapExceeded, baseToken=eth, isLong=False, openInterest=wad(6), cap=wad(5)):
        c.short_base("vETH", 6)
    c.short_base("vETH", 5)
    # a flip adds to the other side: bob long 1 -> short 1 takes the short side to 6
    with reverts(ch.OpenInterestCapExceeded, baseToken=eth, isLong=False, openInterest=wad(6), cap=wad(5)):
        b.short_base("vETH", 2)
    # caps lowered below the open interest: reducing still works, increasing does not
    ch.setMarketParams(
        eth, params_with(cfg, "vETH", max_long_open_interest=5, max_short_open_interest=5), sender=owner
    )
    a.short_base("vETH", 1)
    assert tuple(ch.getOpenInterest(eth)) == (wad(9), wad(5))
    with reverts(
        ch.OpenInterestCapExceeded, baseToken=eth, isLong=True, openInterest=wad(9) + wad("0.01"), cap=wad(5)
    ):
        a.long_base("vETH", "0.01")


# ====================================================================== minimum position size


def test_dust_position(ch, amm, eth, funded, alice):
    a = funded(alice, 1_000)
    x, y = (int(v) for v in amm.getReserves(eth))
    base, _, _ = curve_long_quote(x, y, wad(9))
    notional = base * wad(3000) // ONE
    with reverts(ch.DustPosition, baseToken=eth, notional=notional, minNotional=wad(10)):
        a.long_quote("vETH", 9)
    a.long_base("vETH", "0.01")  # 30 USD
    # a reduce that would leave dust reverts; closing the rest does not
    with reverts(ch.DustPosition, baseToken=eth, notional=wad("0.003") * 3000, minNotional=wad(10)):
        a.short_base("vETH", "0.007")
    a.short_base("vETH", "0.005")
    assert int(ch.getPosition(alice, eth).size) == wad("0.005")
    a.close("vETH")
    assert int(ch.getPosition(alice, eth).size) == 0


def test_dust_boundary_exactly_the_minimum_is_a_position(ch, eth, owner, funded, alice):
    """Issue 15's mutation run (DustPosition for notional <= minimum instead of <): a position
    whose notional at the index is exactly the minimum is allowed. With the minimum at 30 USD,
    0.01 ETH at 3,000 is exactly 30 USD; one wei of base less is dust."""
    ch.setGlobalParams(wad(30), ch.fullLiquidationThreshold(), ch.liquidatorShare(), sender=owner)
    a = funded(alice, 1_000)
    with reverts(ch.DustPosition, baseToken=eth, notional=wad(30) - 3000, minNotional=wad(30)):
        a.long_base("vETH", "0.009999999999999999")
    a.long_base("vETH", "0.01")
    assert int(ch.getPosition(alice, eth).size) == wad("0.01")


# ====================================================================== guardian pause


def test_pause_permissions(ch, owner, eth, alice, carol):
    with reverts(ch.OnlyGuardian, caller=alice):
        ch.setPaused(eth, True, sender=alice)
    with reverts(ch.OwnableUnauthorizedAccount, account=alice):
        ch.setGuardian(alice, sender=alice)
    ch.setGuardian(carol, sender=owner)
    assert ch.guardian() == carol.address
    tx = ch.setPaused(eth, True, sender=carol)
    ev = list(tx.decode_logs(ch.PauseChanged))
    assert len(ev) == 1 and ev[0].baseToken == eth.address and bool(ev[0].paused)
    assert not bool(ev[0].wasPaused)
    assert ch.getMarket(eth).paused
    ch.setPaused(ZERO, True, sender=owner)  # the owner can too
    assert ch.globalPaused()
    with reverts(ch.UnknownMarket, baseToken=alice):
        ch.setPaused(alice, True, sender=carol)


@pytest.mark.parametrize("scope", ["market", "global"])
def test_pause_blocks_opening_only(
    scope, ch, vault, eth, btc, owner, funded, alice, bob, keeper, move_index, stack
):
    a, b = funded(alice, 10_000), funded(bob, 10_000)
    a.long_quote("vETH", 20_000)
    a.long_quote("vBTC", 5_000)
    b.long_quote("vETH", 95_000)  # ~9.5x: liquidatable after a 5% drop
    ch.setPaused(ZERO if scope == "global" else eth, True, sender=owner)

    with reverts(ch.MarketPaused, baseToken=eth):
        a.long_quote("vETH", 1_000)  # increasing
    with reverts(ch.MarketPaused, baseToken=eth):
        funded(keeper, 1_000).short_base("vETH", "0.1")  # opening
    if scope == "global":
        with reverts(ch.MarketPaused, baseToken=btc):
            a.long_quote("vBTC", 1_000)
    else:
        a.long_quote("vBTC", 1_000)  # other markets trade normally

    # reducing and closing
    size = int(ch.getPosition(alice, eth).size)
    a.short_base("vETH", 1)
    assert int(ch.getPosition(alice, eth).size) == size - wad(1)
    a.close("vBTC")
    assert int(ch.getPosition(alice, btc).size) == 0
    # withdrawing free collateral
    free = int(ch.getFreeCollateral(alice))
    assert free > wad(1_000)
    before = int(stack.usdc.balanceOf(alice))
    a.withdraw(1_000)
    assert int(stack.usdc.balanceOf(alice)) - before == usdc(1_000)
    # liquidating
    move_index("vETH", 2850)
    assert ch.isLiquidatable(bob)
    ch.liquidate(bob, eth, sender=keeper)
    assert not ch.isLiquidatable(bob)
    # unpausing reopens
    ch.setPaused(ZERO if scope == "global" else eth, False, sender=owner)
    move_index("vETH", 3000)
    a.long_quote("vETH", 1_000)
