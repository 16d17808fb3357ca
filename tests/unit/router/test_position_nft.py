"""PositionNFT: a token exists exactly while its position does (minted on open, burned on close,
on a full liquidation, never on a flip), it cannot move, and its on-chain metadata equals the
core's views, field by field, recomputed here from those views."""

from __future__ import annotations

import base64
import json
from decimal import Decimal
from typing import Any

import pytest

from utils.constants import ZERO
from utils.reverts import reverts

RATIO_ONE = 10**6


def token_id(trader: Any, market_id: int) -> int:
    return int(trader.address, 16) << 8 | market_id


def events(tx: Any, event: Any) -> list[dict]:
    return [dict(e.event_arguments) for e in tx.decode_logs(event)]


def decimal_text(x: int, decimals: int) -> str:
    """The contract's decimal rendering: trailing zeros of the fraction dropped."""
    d = Decimal(x).scaleb(-decimals)
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def tdiv(a: int, b: int) -> int:
    """Integer division truncated towards zero (Solidity's)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def expected_figures(ch: Any, trader: Any, token: Any) -> dict[str, Any]:
    """The NFT's figures recomputed from the core's views (PositionNFT.positionFigures' NatSpec)."""
    p = ch.getPosition(trader, token)
    size, open_notional = int(p.size), int(p.openNotional)
    value, _, maintenance, _ = ch.getAccountState(trader)
    notional = 0
    for t in ch.getAccountMarkets(trader):
        price = int(ch.getValuationPrice(t)[0])
        notional += abs(int(ch.getPosition(trader, t).size)) * price // 10**18
    p0 = int(ch.getValuationPrice(token)[0])
    mm_ratio = int(ch.getMarket(token).mmRatio)
    liq = p0 + tdiv((int(maintenance) - int(value)) * 10**24, size * RATIO_ONE - abs(size) * mm_ratio)
    return {
        "size": size,
        "entry": abs(open_notional) * 10**18 // abs(size),
        "ratio": tdiv(int(value) * RATIO_ONE, notional),
        "liquidation": max(liq, 0),
    }


def metadata(nft: Any, tid: int) -> tuple[dict[str, Any], str]:
    uri = nft.tokenURI(tid)
    prefix = "data:application/json;base64,"
    assert uri.startswith(prefix)
    doc = json.loads(base64.b64decode(uri[len(prefix) :]))
    image = doc["image"]
    assert image.startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(image.split(",", 1)[1]).decode()
    return doc, svg


def test_mint_on_open_burn_on_close_none_on_flip_or_increase(ch, nft, eth, alice, funded):
    c = funded(alice, 10_000)
    tid = token_id(alice, int(ch.getMarket(eth).id))
    assert int(nft.tokenIdOf(alice, eth)) == tid
    with reverts(nft.NonexistentToken, tokenId=tid):
        nft.ownerOf(tid)
    tx = c.long_quote("vETH", 3_000)
    assert events(tx, ch.PositionMinted) == [
        {"trader": alice.address, "baseToken": eth.address, "tokenId": tid}
    ]
    assert nft.ownerOf(tid) == alice.address
    assert int(nft.balanceOf(alice)) == 1
    assert not events(c.long_quote("vETH", 1_000), ch.PositionMinted)  # increase
    tx = c.short_quote("vETH", 8_000)  # flip: same token, now short
    assert not events(tx, ch.PositionMinted) and not events(tx, ch.PositionBurned)
    assert int(nft.positionOf(tid)[2]) < 0
    tx = c.close("vETH")
    assert events(tx, ch.PositionBurned) == [
        {"trader": alice.address, "baseToken": eth.address, "tokenId": tid}
    ]
    assert int(nft.balanceOf(alice)) == 0
    with reverts(nft.NonexistentToken, tokenId=tid):
        nft.ownerOf(tid)
    with reverts(nft.NonexistentToken, tokenId=tid):
        nft.tokenURI(tid)


def test_two_markets_two_tokens(ch, nft, eth, btc, bob, funded):
    c = funded(bob, 10_000)
    c.long_quote("vETH", 2_000)
    tx = c.short_quote("vBTC", 2_000)
    (minted,) = events(tx, ch.PositionMinted)
    assert minted["tokenId"] == token_id(bob, int(ch.getMarket(btc).id))
    assert int(nft.balanceOf(bob)) == 2
    assert nft.ownerOf(token_id(bob, int(ch.getMarket(eth).id))) == bob.address


def test_burn_on_full_liquidation(ch, nft, eth, carol, keeper, funded, move_index):
    c = funded(carol, 50)
    c.long_quote("vETH", 450)
    tid = token_id(carol, int(ch.getMarket(eth).id))
    move_index("vETH", 2800)
    tx = ch.liquidate(carol, eth, sender=keeper)
    assert events(tx, ch.PositionBurned) == [
        {"trader": carol.address, "baseToken": eth.address, "tokenId": tid}
    ]
    with reverts(nft.NonexistentToken, tokenId=tid):
        nft.ownerOf(tid)


@pytest.mark.parametrize("side", ["long", "short"])
def test_token_uri_fields_equal_the_core_views(ch, nft, eth, btc, alice, funded, move_index, side):
    c = funded(alice, 2_000)
    c.long_quote("vBTC", 1_500)  # a second market: the margin ratio is the account's
    (c.long_quote if side == "long" else c.short_quote)("vETH", 9_000)
    move_index("vETH", 2950)  # valuation moves away from the entry
    tid = token_id(alice, int(ch.getMarket(eth).id))
    figures = nft.positionFigures(tid)
    want = expected_figures(ch, alice, eth)
    assert (
        int(figures.size),
        int(figures.entryPrice),
        int(figures.marginRatio),
        int(figures.liquidationPrice),
    ) == (
        want["size"],
        want["entry"],
        want["ratio"],
        want["liquidation"],
    )
    assert want["liquidation"] > 0
    # the liquidation price is where value meets maintenance: below the valuation for a long
    p0 = int(ch.getValuationPrice(eth)[0])
    assert (want["liquidation"] < p0) == (side == "long")

    doc, svg = metadata(nft, tid)
    attrs = {a["trait_type"]: a["value"] for a in doc["attributes"]}
    texts = {
        "market": "vETH",
        "side": side,
        "size": decimal_text(abs(want["size"]), 18),
        "entry price": decimal_text(want["entry"], 18),
        "margin ratio": ("-" if want["ratio"] < 0 else "") + decimal_text(abs(want["ratio"]), 6),
        "liquidation price": decimal_text(want["liquidation"], 18),
    }
    assert attrs == texts
    assert doc["name"] == f"vETH {side} #{tid}"
    for key in ("size", "entry price", "margin ratio", "liquidation price"):
        assert texts[key] in svg
    assert f">vETH {side}<" in svg


def test_transfers_and_approvals_revert_each_with_its_error(nft, alice, bob, funded):
    funded(alice, 2_000).long_quote("vETH", 1_000)
    tid = int(nft.tokenIdOf(alice, nft.positionOf(int(alice.address, 16) << 8)[1]))
    with reverts(nft.TransferDisabled, tokenId=tid):
        nft.transferFrom(alice, bob, tid, sender=alice)
    with reverts(nft.TransferDisabled, tokenId=tid):
        nft.safeTransferFrom(alice, bob, tid, sender=alice)
    with reverts(nft.TransferDisabled, tokenId=tid):
        nft.safeTransferFrom(alice, bob, tid, b"x", sender=alice)
    with reverts(nft.ApprovalDisabled, tokenId=tid):
        nft.approve(bob, tid, sender=alice)
    with reverts(nft.ApprovalForAllDisabled, operator=bob.address):
        nft.setApprovalForAll(bob, True, sender=alice)
    assert nft.getApproved(tid) == ZERO
    assert not nft.isApprovedForAll(alice, bob)
    assert nft.ownerOf(tid) == alice.address


def test_bad_ids_and_interfaces(nft, ch, alice, project, owner):
    n_markets = len(ch.getMarkets())
    for bad in (int(alice.address, 16) << 8 | n_markets, 1 << 168, 2**256 - 1):
        with reverts(nft.NonexistentToken, tokenId=bad):
            nft.ownerOf(bad)
    with reverts(nft.ZeroAddress):
        nft.balanceOf(ZERO)
    with reverts(ch.UnknownMarket, baseToken=alice.address):
        nft.tokenIdOf(alice, alice)
    for iid, ok in (("0x01ffc9a7", True), ("0x80ac58cd", True), ("0x5b5e139f", True), ("0xffffffff", False)):
        assert nft.supportsInterface(iid) is ok
    assert (nft.name(), nft.symbol()) == ("vPerp Position", "vPERP-POS")
    with reverts(project.PositionNFT.ZeroAddress):
        project.PositionNFT.deploy(ZERO, sender=owner)
