from vperp.units import wad


def test_open_and_close_long(stack, funded, alice, ch, eth, vault):
    a = funded(alice, 10_000)
    a.long_quote("vETH", 3_000)
    pos = ch.getPosition(alice, eth)
    assert pos.size > 0
    assert pos.openNotional == wad(3_000)
    a.close("vETH")
    assert ch.getPosition(alice, eth).size == 0
    assert vault.balanceOf(alice) < wad(10_000)
