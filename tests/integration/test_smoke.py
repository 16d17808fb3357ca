from vperp.sdk.units import wad


def test_open_and_close_long(stack, funded, alice, ch, eth, vault):
    a = funded(alice, 10_000)
    a.long_quote("vETH", 3_000)
    pos = ch.getPosition(alice, eth)
    assert pos.size > 0
    assert pos.openNotional == wad(3_000)
    a.close("vETH")
    assert ch.getPosition(alice, eth).size == 0
    assert vault.balanceOf(alice) < wad(10_000)


def test_invariants_after_mixed_trades(stack, funded, alice, bob, owner):
    from vperp.sim.invariants import check_all, reserves_restored

    initial = {
        s: tuple(int(v) for v in stack.amm.getReserves(m.base_token)) for s, m in stack.markets.items()
    }
    a, b = funded(alice, 10_000), funded(bob, 10_000)
    a.long_quote("vETH", 5_000)
    b.short_base("vETH", 1)
    b.long_quote("vBTC", 2_000)
    a.short_base("vETH", 2)  # flip
    traders = [alice, bob, owner]
    rep = check_all(stack, traders)
    assert rep.surplus >= 0
    for c in (a, b):
        for sym in ("vETH", "vBTC"):
            if c.position(sym).size != 0:
                c.close(sym)
    check_all(stack, traders)
    reserves_restored(stack, initial)
