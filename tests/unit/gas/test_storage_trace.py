"""The gas report's slot-by-slot accounting (vperp.reports.storage_trace): the frame walk and the
reconciliation on a hand-written struct log, the layout's packing on a hand-written struct, and on
Anvil one trade traced, its core slots named, and the computed slots pinned against
`eth_getStorageAt` (a change of CoreStorage.Layout or DataTypes breaks this test instead of
mislabelling the report)."""

from __future__ import annotations

from typing import Any

import pytest
from eth_utils import keccak

from vperp.reports.gas import GasScenario
from vperp.reports.storage_trace import INTRINSIC, Layouts, account, contract_labels, core_slot

C, D, L = "0x" + "cc" * 20, "0x" + "dd" * 20, "0x" + "11" * 20
TOPIC = 0xABC


def _w(x: int | str) -> str:
    return hex(int(x, 16) if isinstance(x, str) else x)


def _synthetic() -> list[dict[str, Any]]:
    """C reads slot 5 twice, clears it, STATICCALLs D (reads its slot 1), DELEGATECALLs L (writes
    C's slot 9 from 0), emits one event, rewrites its slot 8 without reading it first."""

    def step(depth: int, op: str, gas: int, cost: int, *stack: int | str) -> dict[str, Any]:
        return {"depth": depth, "op": op, "gas": gas, "gasCost": cost, "stack": [_w(x) for x in stack]}

    return [
        step(1, "PUSH1", 100_000, 3),
        step(1, "SLOAD", 99_997, 2_100, 5),
        step(1, "SLOAD", 97_897, 100, 5),
        step(1, "SSTORE", 97_797, 2_900, 0, 5),  # value 0 under key 5: a clear
        step(1, "STATICCALL", 94_897, 7_600, 0, D, 5_000),
        step(2, "SLOAD", 5_000, 2_100, 1),
        step(2, "RETURN", 2_900, 0, 0, 0),
        step(1, "DELEGATECALL", 90_197, 52_600, 0, L, 50_000),  # 2,600 + D's 2,100 taken
        step(2, "SSTORE", 50_000, 22_100, 7, 9),
        step(2, "STOP", 27_900, 0),
        step(1, "LOG1", 65_497, 1_000, TOPIC, 32, 0),  # 2,600 + L's 22,100 taken
        step(1, "SSTORE", 64_497, 5_000, 3, 8),  # cold rewrite of slot 8 (first touch)
        step(1, "STOP", 59_497, 0),
    ]


def test_walk_charges_each_slot_account_and_event_and_reconciles():
    data = b"\x01\x00"
    execution = 100_000 - 59_497
    gas_used = INTRINSIC + 20 + execution - 4_800
    acc = account(
        _synthetic(),
        sender="0x" + "ee" * 20,
        to=C,
        data=data,
        gas_limit=100_000 + INTRINSIC + 20,
        gas_used=gas_used,
        names={C: "Core", D: "Feed", L: "Logic"},
        slot_labels={C: {5: "five"}},
        events={TOPIC: "Moved"},
    )
    rows = {r.label: (r.kind, r.count, r.gas) for r in acc.rows}
    assert acc.execution == 40_503 and acc.refund == 4_800
    assert rows == {
        "intrinsic (21,000)": ("intrinsic", 1, 21_000),
        "calldata": ("calldata", 2, 20),
        "Core: five": ("clear; cold read first; +1 warm", 3, 5_100),
        "Core: slot 9": ("write 0->non-zero", 1, 22_100),
        "Core: slot 8": ("rewrite", 1, 5_000),  # the delegatecall writes the caller's storage
        "Feed: slot 1": ("cold read", 1, 2_100),
        "account Feed": ("external account (cold)", 1, 2_600),
        "account Logic": ("external account (cold)", 1, 2_600),
        "Moved (emitted by Core)": ("log", 1, 1_000),
        "compute in Core": ("compute", 2, 3),  # PUSH1 3, STOP 0
        "refund (storage cleared; gas_used minus the rows above)": ("refund", 1, -4_800),
    }
    assert sum(r.gas for r in acc.rows) == gas_used
    assert [r.gas for r in acc.rows] == sorted((r.gas for r in acc.rows), reverse=True)


def test_walk_refuses_rows_that_do_not_reconcile():
    kw = {"sender": "0x" + "ee" * 20, "to": C, "data": b"", "gas_limit": 100_000 + INTRINSIC}
    with pytest.raises(AssertionError, match="refund"):
        account(_synthetic(), gas_used=INTRINSIC + 40_503 + 1, **kw)  # more than it spent
    with pytest.raises(AssertionError, match="intrinsic"):
        account(_synthetic(), **{**kw, "gas_limit": 100_001 + INTRINSIC}, gas_used=INTRINSIC + 35_703)


def test_layout_packs_like_solc():
    src = """
    library T { uint256 internal constant N = 3;
      struct Inner { uint128 x; uint128 y; uint8 z; } // two slots
      struct S {
        uint128 a; uint128 b;      // slot 0
        uint8 c;                   // slot 1
        T.Inner i;                 // slots 2-3
        uint8 d; address e;        // slot 4 (21 bytes)
        address f;                 // slot 5 (would overflow slot 4)
        mapping(address k => mapping(uint256 orderId => Inner)) m; // slot 6
        uint64[N] arr;             // slot 7 (3 x 8 bytes)
        Inner[] dyn;               // slot 8
      }
    }"""
    lay = Layouts([src])
    members, n = lay.struct_layout("S")
    assert [(m.name, m.slot, m.offset) for m in members] == [
        ("a", 0, 0), ("b", 0, 16), ("c", 1, 0), ("i", 2, 0), ("d", 4, 0), ("e", 4, 1),
        ("f", 5, 0), ("m", 6, 0), ("arr", 7, 0), ("dyn", 8, 0),
    ]  # fmt: skip
    assert n == 9
    key = bytes.fromhex("aa" * 20).rjust(32, b"\0")
    labels = lay.labels(
        [(m, lay.parse(t)) for m, t in lay.structs["S"]],
        100,
        "s",
        {"address": [(key, "A")], "orderId": [((2).to_bytes(32, "big"), "2")]},
    )
    outer = keccak(key + (106).to_bytes(32, "big"))
    inner = int.from_bytes(keccak((2).to_bytes(32, "big") + outer), "big")
    dyn0 = int.from_bytes(keccak((108).to_bytes(32, "big")), "big")
    assert labels[100] == "s.0 (a, b)" and labels[104] == "s.4 (d, e)" and labels[107] == "arr[0..2]"
    assert labels[102] == "i.0 (x, y)" and labels[103] == "i.1 (z)"
    assert labels[inner] == "m[A][2].0 (x, y)" and labels[inner + 1] == "m[A][2].1 (z)"
    assert labels[108] == "dyn.length" and labels[dyn0 + 3] == "dyn[1].1 (z)"


def _storage(chain: Any, address: str, slot: int) -> int:
    return int(chain.provider.make_request("eth_getStorageAt", [address, hex(slot), "latest"]), 16)


def _slot_of(labels: dict[int, str], label: str) -> int:
    found = [s for s, lab in labels.items() if lab == label]
    assert len(found) == 1, (label, found)
    return found[0]


def test_a_trade_traced_slot_by_slot_on_anvil(stack, chain, owner, funded, alice, eth, ch, oracle):
    c = funded(alice, 10_000)
    tx = c.long_quote("vETH", 2_000)
    g = GasScenario(stack, chain, owner)
    g.name_accounts({"alice": alice})
    acc = g.slot_account(tx)
    assert sum(r.gas for r in acc.rows) == tx.gas_used
    rows = {r.label: r for r in acc.rows}
    pos = rows["ClearingHouse: positions[alice][vETH].0 (size, openNotional)"]
    assert pos.kind.startswith("write 0->non-zero"), pos
    assert rows["ClearingHouse: curves[vETH].0 (baseReserve, quoteReserve)"].kind.startswith("rewrite")
    assert any(r.kind.startswith("external account") and "PriceOracle" in r.label for r in acc.rows)
    unnamed = [r.label for r in acc.rows if r.label.startswith(("ClearingHouse: slot", "PriceOracle: slot"))]
    assert not unnamed, f"core or oracle slots the labeller does not know: {unnamed}"

    # the labels' slots hold what the contracts' views return
    labels = contract_labels(
        ch.address, oracle.address, {alice.address: "alice", owner.address: "owner"}, {eth.address: "vETH"}
    )
    core, orc = labels[ch.address.lower()], labels[oracle.address.lower()]
    p = ch.getPosition(alice.address, eth.address)
    word = _storage(chain, ch.address, _slot_of(core, "positions[alice][vETH].0 (size, openNotional)"))
    assert word & (2**128 - 1) == int(p.size) > 0
    assert word >> 128 == int(p.openNotional)
    market = _storage(
        chain,
        ch.address,
        _slot_of(
            core,
            "markets[vETH] (id, listed, paused, imRatio, mmRatio, feeRatio, insuranceFeeShare, liquidationPenaltyRatio, maxPriceMoveRatio, maxSpreadRatio, fundingInterval, mmRaisedAt)",
        ),
    )
    assert (market >> 8) & 0xFF == 1  # listed
    assert (market >> 24) & 0xFFFFFF == int(ch.getMarket(eth.address).imRatio)
    assert _storage(chain, ch.address, _slot_of(core, "marketList.length")) == len(stack.markets)
    first = _storage(chain, ch.address, _slot_of(core, "marketList[0]"))
    assert f"0x{first:040x}" in {m.base_token.address.lower() for m in stack.markets.values()}
    assert _slot_of(core, "layout.0 (collateralIndex, totalShares)") == core_slot()
    assert _storage(chain, oracle.address, _slot_of(orc, "state.0 (_owner)")) == int(owner.address, 16)
    feed = _storage(
        chain,
        oracle.address,
        _slot_of(
            orc, "_feeds[vETH].0 (chainlink, chainlinkDecimals, chainlinkMaxAge, pythMaxAge, maxDeviation)"
        ),
    )
    assert feed & (2**160 - 1) == int(stack.markets["vETH"].chainlink.address, 16)
