"""Liquidation keeper (vperp/bots/keeper.py): after a price crash, one pass liquidates every
liquidatable account (cross-margin accounts in as many markets as needed), reports what it did,
and leaves no liquidatable account behind."""

from __future__ import annotations

from vperp.bots.keeper import LiquidationKeeper, accounts_from_events
from vperp.sdk.units import wad


def test_keeper_liquidates_everyone_after_crash(
    chain, accounts, stack, ch, oracle, vault, funded, keeper, set_price
):
    a1, a2, a3, safe1, safe2, idle = (accounts[i] for i in range(1, 7))
    funded(a1, 5_000).long_quote("vETH", 45_000)  # ~9x
    c2 = funded(a2, 4_200)
    c2.long_quote("vETH", 20_000)  # cross margin: ETH (the larger) and BTC (the loser)
    c2.long_quote("vBTC", 19_000)
    funded(a3, 3_000).long_quote("vBTC", 27_000)  # ~9x BTC
    funded(safe1, 20_000).short_base("vETH", 3)  # profits from the crash
    funded(safe2, 20_000).long_quote("vETH", 10_000)  # 0.5x: survives
    funded(idle, 1_000)  # never trades: not watched

    watched = accounts_from_events(stack)
    assert set(watched) == {a.address for a in (a1, a2, a3, safe1, safe2)}

    for sym, px in (("vETH", 2700), ("vBTC", 48_000)):  # -10%, -20%
        chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + 1
        set_price(sym, px)
        assert tuple(oracle.getIndexPrice(stack.base(sym))) == (wad(px), 1)
    doomed = {a.address for a in (a1, a2, a3)}
    assert {a for a in watched if ch.isLiquidatable(a)} == doomed

    bot = LiquidationKeeper(stack, keeper, chunk_size=2)  # three Viewer calls
    before = int(vault.balanceOf(keeper))
    report = bot.run_once(watched + [idle.address])

    assert report.checked == 6 and report.liquidatable == 3
    assert report.failures == []
    assert {x.trader for x in report.liquidations} == doomed
    # the cross-margin account needed both of its markets (the first, full, did not suffice)
    assert {x.base_token for x in report.liquidations if x.trader == a2.address} == {
        stack.base("vETH").address,
        stack.base("vBTC").address,
    }
    assert ch.getAccountMarkets(a2) == []
    assert not any(ch.isLiquidatable(a) for a in watched)
    traders, _, _ = stack.viewer.liquidatable(watched)
    assert list(traders) == []
    # every liquidation is on chain as reported
    for x in report.liquidations:
        logs = [
            log
            for log in chain.provider.get_receipt(x.tx_hash).decode_logs(ch.PositionLiquidated)
            if log.trader == x.trader
        ]
        assert [(log.baseToken, int(log.liquidatedSize), int(log.penalty)) for log in logs] == [
            (x.base_token, x.size, x.penalty)
        ]
    # the keeper earned between half of the penalties (split) and all of them (under water)
    earned = int(vault.balanceOf(keeper)) - before
    assert report.earned == earned > 0
    assert report.penalties // 2 - len(report.liquidations) <= earned <= report.penalties
    # a second pass finds nothing to do
    again = bot.run_once(watched)
    assert (again.liquidatable, again.liquidations, again.failures) == (0, [], [])
    print("\n" + report.summary())
