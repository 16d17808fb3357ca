"""The report's "what stands in the way" table (vperp.reports.gas.slot_groups, render_floor):
every row of a slot-by-slot account lands in exactly one group, and "without compute" is the gas
less the protocol's own compute only."""

from __future__ import annotations

from vperp.reports.gas import GROUPS, GasRecord, render_floor, render_slots, slot_groups
from vperp.reports.storage_trace import Row, SlotAccount

ROWS = [
    Row("intrinsic (21,000)", "intrinsic", 1, 21_000),
    Row("calldata", "calldata", 100, 900),
    Row("compute in ClearingHouse", "compute", 500, 2_000),
    Row("TLOAD/TSTORE in ClearingHouse", "compute", 3, 300),
    Row("compute in PriceOracle", "compute", 100, 400),
    Row("compute in Pyth", "compute", 50, 200),
    Row("account Pyth", "external account (cold)", 1, 2_600),
    Row("ChainlinkvETH: slot 3", "cold read", 1, 2_100),
    Row("ClearingHouse: positions[A][vETH].0 (size, openNotional)", "write 0->non-zero", 2, 22_100),
    Row("PriceOracle: _feeds[vETH].1 (pythId)", "cold read", 1, 2_100),
    Row("PositionChanged (emitted by ClearingHouse)", "log", 1, 3_036),
    Row("account USDC", "external account (cold)", 1, 2_600),
    Row("compute in USDC", "compute", 10, 50),
    Row("refund (storage cleared; gas_used minus the rows above)", "refund", 1, -4_800),
]


def test_groups_partition_the_rows():
    acc = SlotAccount(gas_used=sum(r.gas for r in ROWS), execution=0, refund=4_800, rows=ROWS)
    g = slot_groups(acc)
    assert set(g) == set(GROUPS)
    assert sum(g.values()) == acc.gas_used
    assert g == {
        "protocol compute": 2_700,
        "price feeds": 4_900,
        "protocol storage": 24_200,
        "events": 3_036,
        "intrinsic + calldata": 21_900,
        "other": 2_600 + 50 - 4_800,
    }


def test_floor_is_gas_less_protocol_compute():
    gas = sum(r.gas for r in ROWS)
    rec = GasRecord("first open", gas, 114_000, "")
    rec.slots = SlotAccount(gas_used=gas, execution=0, refund=4_800, rows=ROWS)
    untraced = GasRecord("close", 1, 89_000, "")  # no slot account: not in the table
    lines = render_floor([rec, untraced])
    body = [ln for ln in lines if ln.startswith("| first open")]
    assert len(body) == 1 and not any(ln.startswith("| close") for ln in lines)
    assert body[0].endswith(f"| {gas - 2_700:,} |")


def test_a_netting_row_is_its_batch_divided_by_its_orders():
    """A netting row's gas is per order: its traced batch's groups are divided by the number of
    orders (`per`), so that its floor is per order too, and its slots are not listed."""
    gas = sum(r.gas for r in ROWS)
    rec = GasRecord("netting: per order, batch of 50", gas // 4, 40_000, "", per=4)
    rec.slots = SlotAccount(gas_used=gas, execution=0, refund=4_800, rows=ROWS)
    lines = render_floor([rec])
    (body,) = [ln for ln in lines if ln.startswith("| netting")]
    assert body.startswith("| netting: per order, batch of 50 (its batch's groups / 4) |")
    assert f"| {2_700 // 4:,} | {4_900 // 4:,} | {24_200 // 4:,} |" in body
    assert body.endswith(f"| {gas // 4 - 2_700 // 4:,} |")
    assert any("divided by the number of orders" in ln for ln in lines)
    assert not any(ln.startswith("### netting") for ln in render_slots([rec]))
