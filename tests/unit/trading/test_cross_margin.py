"""Cross margin over the ETH and BTC markets (PROTOCOL.md section 5): one account value and one
requirement across markets, computed independently here (vperp/sdk/curve.py) and compared exactly."""

from __future__ import annotations

from typing import Any

import ape

from utils.constants import FAR_DEADLINE as FAR
from utils.models import position_of
from vperp.sdk.curve import Curve, Position, account_value, apply_trade, requirement, trading_fee
from vperp.sdk.units import wad

IMR, MMR = 100_000, 62_500


def trade(ch: Any, trader: Any, token: Any, b2q: bool, exact_in: bool, amount: int) -> Any:
    return ch.openPosition((token.address, b2q, exact_in, amount, 0, FAR), sender=trader)


def model_state(ch: Any, vault: Any, trader: Any, tokens: list[Any]) -> tuple[int, int, int]:
    """(account value, initial, maintenance) from the positions, index prices and funding index."""
    collateral = int(vault.balanceOf(trader))
    legs = []
    for t in tokens:
        p = ch.getPosition(trader, t)
        cum = int(ch.getFundingState(t)[0])
        pending = -(-int(p.size) * (cum - int(p.lastFundingIndex)) // 10**18)  # rounded up
        legs.append((Position(int(p.size), int(p.openNotional)), int(ch.getIndexPrice(t)), pending))
    value = account_value(collateral, legs)
    initial = requirement([(p, price, IMR) for p, price, _ in legs])
    maintenance = requirement([(p, price, MMR) for p, price, _ in legs])
    return value, initial, maintenance


def test_profit_in_one_market_supports_the_other(ch, amm, vault, eth, btc, funded, alice, move_index):
    funded(alice, 1_000)
    trade(ch, alice, eth, False, True, wad(8_000))
    eth_pos = position_of(ch, alice, eth)
    short = wad("0.1")  # 6,000 USD of BTC: too much for the margin left at 3000
    x, y = amm.getReserves(btc)
    quote_out = Curve(int(x), int(y)).quote_out_for_base_in(short)
    btc_pos = Position(-short, -quote_out)
    collateral = int(vault.balanceOf(alice)) - trading_fee(quote_out, 1_000)
    legs = [(eth_pos, wad(3_000)), (btc_pos, wad(60_000))]
    value = account_value(collateral, [(p, price, 0) for p, price in legs])
    initial = requirement([(p, price, IMR) for p, price in legs])
    with ape.reverts(ch.InsufficientMargin) as info:
        trade(ch, alice, btc, True, True, short)
    assert dict(info.value.inputs) == {
        "trader": alice.address,
        "accountValue": value,
        "initialRequirement": initial,
    }

    move_index("vETH", 3_300)  # ~ +790 USD unrealised on ETH
    trade(ch, alice, btc, True, True, short)
    assert position_of(ch, alice, btc) == btc_pos
    value, initial, maintenance = model_state(ch, vault, alice, [eth, btc])
    assert ch.getAccountValue(alice) == value
    assert ch.getMarginRequirements(alice) == (initial, maintenance)
    assert value >= initial > int(vault.balanceOf(alice))  # the requirement exceeds the collateral alone
    # unrealised profit is not free collateral: the collateral side binds
    assert ch.getFreeCollateral(alice) == int(vault.balanceOf(alice)) - initial < 0


def test_requirements_sum_over_markets(ch, vault, eth, btc, funded, alice):
    funded(alice, 10_000)
    trade(ch, alice, eth, False, True, wad(12_000))
    one = tuple(ch.getMarginRequirements(alice))
    trade(ch, alice, btc, True, False, wad(20_000))
    both = tuple(ch.getMarginRequirements(alice))
    e, b = position_of(ch, alice, eth), position_of(ch, alice, btc)
    eth_req = (requirement([(e, wad(3_000), IMR)]), requirement([(e, wad(3_000), MMR)]))
    btc_req = (requirement([(b, wad(60_000), IMR)]), requirement([(b, wad(60_000), MMR)]))
    assert one == eth_req
    assert both == (eth_req[0] + btc_req[0], eth_req[1] + btc_req[1])
    assert both[0] > wad(3_200)  # 10% of 32k notional, at least


def test_account_value_with_pending_funding(chain, ch, vault, eth, btc, funded, alice, bob, set_price):
    """account value = collateral + sum(size * p) - openNotional - pending funding, exactly."""
    funded(alice, 20_000)
    funded(bob, 20_000)
    trade(ch, alice, eth, False, True, wad(60_000))  # mark > index: longs pay
    trade(ch, alice, btc, True, True, wad("0.5"))  # mark < index: shorts pay
    trade(ch, bob, eth, True, True, wad(3))
    chain.pending_timestamp += 3_700
    set_price("vETH", 3_000)
    set_price("vBTC", 60_000)
    ch.updateFundingRate(eth, sender=bob)
    ch.updateFundingRate(btc, sender=bob)
    pending = {t: int(ch.getPendingFunding(alice, t)) for t in (eth, btc)}
    assert pending[eth] > 0 and pending[btc] > 0  # both legs pay
    value, initial, maintenance = model_state(ch, vault, alice, [eth, btc])
    assert ch.getAccountValue(alice) == value
    assert ch.getMarginRequirements(alice) == (initial, maintenance)
    collateral = int(vault.balanceOf(alice))
    assert ch.getFreeCollateral(alice) == min(collateral - sum(pending.values()), value) - initial
    # settling moves the funding into collateral; the account value does not change
    ch.settleAllFunding(alice, sender=bob)
    assert vault.balanceOf(alice) == collateral - sum(pending.values())
    assert ch.getPendingFunding(alice, eth) == 0
    assert ch.getAccountValue(alice) == value


def test_loss_in_one_market_liquidates_the_account(ch, vault, eth, btc, funded, alice, move_index):
    funded(alice, 2_000)
    trade(ch, alice, eth, False, True, wad(15_000))
    trade(ch, alice, btc, False, True, wad(3_000))
    assert not ch.isLiquidatable(alice)
    move_index("vETH", 2_700)  # -10% on a 15k long
    move_index("vBTC", 61_000)  # the BTC leg is in profit
    b = position_of(ch, alice, btc)
    assert b.size * wad(61_000) // 10**18 - b.open_notional > 0
    value, _, maintenance = model_state(ch, vault, alice, [eth, btc])
    assert value < maintenance
    assert ch.isLiquidatable(alice)
    state = ch.getAccountState(alice)
    assert (state.accountValue, state.maintenanceRequirement, state.liquidatable) == (
        value,
        maintenance,
        True,
    )
    # the healthy leg alone would not be liquidatable: its margin is the whole account's
    eth_leg = requirement([(position_of(ch, alice, eth), wad(2_700), MMR)])
    assert maintenance - eth_leg == requirement([(b, wad(61_000), MMR)])


def test_closing_one_market_keeps_the_other(ch, amm, vault, eth, btc, funded, alice):
    funded(alice, 10_000)
    trade(ch, alice, eth, False, True, wad(9_000))
    trade(ch, alice, btc, True, False, wad(9_000))
    e, b = position_of(ch, alice, eth), position_of(ch, alice, btc)
    x, y = amm.getReserves(btc)
    quote_in = Curve(int(x), int(y)).quote_in_for_base_out(-b.size)
    _, pnl = apply_trade(b, -b.size, quote_in)
    before = int(vault.balanceOf(alice))
    ch.closePosition(btc, 0, FAR, sender=alice)
    assert vault.balanceOf(alice) == before + pnl - trading_fee(quote_in, 1_000)
    assert position_of(ch, alice, btc) == Position()
    assert position_of(ch, alice, eth) == e
    assert list(ch.getAccountMarkets(alice)) == [eth.address]
    assert ch.getMarginRequirements(alice) == (
        requirement([(e, wad(3_000), IMR)]),
        requirement([(e, wad(3_000), MMR)]),
    )
    assert ch.getAccountValue(alice) == account_value(int(vault.balanceOf(alice)), [(e, wad(3_000), 0)])
