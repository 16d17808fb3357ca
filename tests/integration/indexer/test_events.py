"""Every event the indexed contracts emit lands in its table with the right values, on SQLite
and on PostgreSQL; the derived tables agree with the chain; a second run changes nothing; the
migrated schema is exactly the models'.

The scenario emits the events of PROTOCOL.md section 6 that the core, the oracle, the insurance
fund and the pool have (the batcher's and governance's: test_netting_governance_batches.py). The
expected values come from eth-abi (tests/utils/indexer.py), independent of the indexer's own
decoder."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from utils.indexer import CORE_KEYS, expected_rows
from utils.netting import queue, run_batch
from vperp.chain.deploy import market_params, take_from_insurance_fund
from vperp.indexer import queries
from vperp.indexer.db import connect
from vperp.indexer.models import EVENTS, Base, event_columns
from vperp.sdk.units import usdc, wad

HOUR = 3600
CORE = ("ClearingHouse", "PriceOracle", "InsuranceFund", "LiquidityPool")
# event types the scenario must produce (the rest of EVENTS: see NOT_EMITTED)
NOT_EMITTED = {
    "DeficitRecorded",  # a debt beyond the fund and all collateral: tests/unit/solvency (hole 2)
    "DeficitRepaid",
    "LiquidationCapped",  # a liquidation stopped at the bankruptcy size: tests/unit/solvency
}


def run_scenario(
    stack, chain, cfg, owner, funded, set_price, alice, bob, carol, keeper, liquidate=None
) -> None:
    """`liquidate()`, when given, liquidates bob instead of the keeper account's direct call
    (the dashboard's tests run the keeper bot)."""
    ch, pool, fund = stack.clearing_house, stack.liquidity_pool, stack.insurance_fund
    eth, btc = stack.base("vETH"), stack.base("vBTC")
    # LP: approve, deposit, redeem some (Approval, Deposit, Withdraw, Transfer mint and burn)
    stack.usdc.mint(owner, usdc(100_000), sender=owner)
    pool.approve(keeper, 1, sender=owner)
    pool.deposit(usdc(100_000), owner, sender=owner)
    pool.redeem(int(pool.balanceOf(owner)) // 100, owner, owner, sender=owner)
    fund.withdrawSurplus(owner, usdc(100), sender=owner)  # SurplusWithdrawn
    # traders (Deposited, PositionChanged)
    funded(alice, 20_000).long_quote("vETH", 20_000)
    a_btc = funded(keeper, 5_000)
    a_btc.short_quote("vBTC", 4_000)
    funded(bob, 10_000).long_quote("vETH", 95_000)
    whale = funded(carol, 200_000)
    # netting: one order cancelled, one filled, one resting (OrderQueued, OrderCancelled,
    # OrderFilled, OrderRested, BatchExecuted)
    net = stack.netting
    mark = int(ch.getMarkPrice(eth))
    gone = queue(net, carol, eth, wad(1), mark * 2)
    net.cancelOrder(eth, gone, sender=carol)
    queue(net, carol, eth, wad(2), mark * 2)
    queue(net, alice, eth, -wad(1), mark * 2)  # a short asking twice the mark: rests
    run_batch(chain, net, eth, keeper)
    pool.checkpoint(sender=keeper)  # IncomeLocked (fees)
    # an hour of funding (FundingUpdated, FundingIndexMoved, FundingEscrowChanged, IndexObserved)
    chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + HOUR + 1
    set_price("vETH", 3000)
    set_price("vBTC", 60_000)
    ch.updateFundingRate(eth, sender=keeper)
    ch.updateFundingRate(btc, sender=keeper)
    ch.settleFunding(alice, eth, sender=keeper)  # FundingSettled
    a_btc.close("vBTC")
    a_btc.withdraw(1_000)  # Withdrawn
    # the crash: bob under water, the fund nearly empty (BadDebtCovered, LossSocialized)
    take_from_insurance_fund(stack, chain, owner, int(ch.balanceOf(fund)) // 10**12 - 10)
    chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + 1
    set_price("vETH", 2650)
    for _ in range(6):
        whale.short_base("vETH", 100)
    if liquidate is None:
        ch.liquidate(bob, eth, sender=keeper)  # PositionLiquidated
    else:
        liquidate()
    # governance (each with its event)
    ch.setMarketParams(eth, market_params(cfg.markets[0].params), sender=owner)
    g = cfg.global_params
    ch.setGlobalParams(
        wad(g["min_position_notional"]),
        wad(g["full_liquidation_threshold"]),
        g["liquidator_share"],
        sender=owner,
    )
    ch.setGuardian(keeper, sender=owner)
    net.setNettingParams(*net.nettingParams(), sender=owner)  # NettingParamsChanged
    net.approveOperator(keeper, 15, sender=alice)  # OperatorApproved (the core's fallback, OrderLogic)
    net.revokeOperator(keeper, 8, sender=alice)  # OperatorRevoked
    ch.setPaused(btc, True, sender=owner)
    ch.setPaused(btc, False, sender=owner)
    x, _y = ch.getReserves(btc)
    ch.adjustK(btc, int(x) * 3 // 2, 10**30, sender=owner)  # no open interest on vBTC: free
    pool.setDepthTarget(btc, 2_000_000, sender=owner)
    pool.syncDepth(sender=keeper)  # vBTC has no open interest: k moves (DepthSynced)
    a_btc.long_quote("vBTC", 2_000)
    set_price("vBTC", 61_000)
    ch.repeg(btc, 10**30, sender=owner)  # the net long gains: the pool pays (PnlSettled)
    pool.checkpoint(sender=keeper)  # the pool's loss (LossRecognized)
    pool.setParams(int(pool.maxUtilisation()), int(pool.minDepthChange()), sender=owner)
    pool.setIncomeVestingPeriod(2 * HOUR, sender=owner)
    pool.setDepthTarget(eth, 2_000_000, sender=owner)
    pool.syncDepth(sender=keeper)  # skipped: vETH has open interest (DepthSyncSkipped)
    # the L2 sequencer rule's settings (SequencerUptimeFeedSet, SequencerGracePeriodSet): set,
    # then off again
    stack.oracle.setSequencerUptimeFeed(stack.markets["vETH"].chainlink, sender=owner)
    stack.oracle.setSequencerUptimeFeed("0x" + "00" * 20, sender=owner)
    stack.oracle.setSequencerGracePeriod(2 * HOUR, sender=owner)
    ch.transferOwnership(keeper, sender=owner)  # OwnershipTransferStarted


def test_every_event_lands_with_its_values_on_both_backends(
    chain,
    stack,
    cfg,
    owner,
    funded,
    set_price,
    alice,
    bob,
    carol,
    keeper,
    make_indexer,
    node_url,
    abis,
    tmp_path,
    pg_url,
):
    run_scenario(stack, chain, cfg, owner, funded, set_price, alice, bob, carol, keeper)
    expected = expected_rows(node_url, abis, [stack.addresses()[k] for k in CORE_KEYS])
    # the core's, the oracle's, the fund's and the pool's events (the batcher's and governance's:
    # test_netting_governance_batches.py)
    core_events = {e["name"] for n in CORE for e in abis[n] if e["type"] == "event"}
    missing = core_events - set(expected) - NOT_EMITTED
    assert not missing, f"the scenario emitted no {sorted(missing)}"
    assert not NOT_EMITTED & set(expected), "NOT_EMITTED lists an event the scenario emits"
    for url in (f"sqlite:///{tmp_path / 'index.sqlite'}", pg_url):
        idx = make_indexer(url, max_range=7)  # several ranges, one transaction each
        stats = idx.sync()
        assert stats.logs == sum(len(v) for v in expected.values()) and stats.ranges > 1
        engine = idx.engine
        for name, rows in expected.items():
            got = queries.events(engine, name)
            cols = [c for c, _k in event_columns(name)]
            assert len(got) == len(rows), name
            for g, e in zip(got, rows, strict=True):
                assert g["chain_id"] == chain.chain_id
                assert {k: g[k] for k in e} == e, name
                assert set(cols) <= set(g)
        check_derived(engine, stack, chain, expected)
        # running again changes nothing
        before = queries.dump(engine, include_blocks=True)
        assert idx.sync().logs == 0
        again = make_indexer(url)  # a new process on the same database
        assert again.sync().logs == 0
        assert queries.dump(engine, include_blocks=True) == before
        engine.dispose()


def check_derived(engine, stack, chain, expected) -> None:
    ch = stack.clearing_house
    # positions: size and open notional equal the chain's, for every account that traded
    pos = {(p["trader"], p["base_token"]): p for p in queries.positions(engine, open_only=False)}
    assert pos
    for (trader, base), p in pos.items():
        onchain = ch.getPosition(trader, base)
        assert (p["size"], p["open_notional"]) == (int(onchain.size), int(onchain.openNotional))
    changed = expected["PositionChanged"]
    assert sum(p["trades"] for p in pos.values()) == len(changed)
    assert sum(p["fees"] for p in pos.values()) == sum(e["fee"] for e in changed)
    # liquidation and bad debt, with running totals
    (liq,) = queries.liquidations(engine)
    (ev,) = expected["PositionLiquidated"]
    assert (liq["trader"], liq["size"], liq["penalty"], liq["capped"]) == (
        ev["trader"],
        ev["liquidated_size"],
        ev["penalty"],
        False,
    )
    (bd,) = expected["BadDebtCovered"]
    totals = queries.bad_debt_totals(engine)
    assert totals == {
        "debt": bd["debt"],
        "covered": bd["covered_by_insurance"],
        "socialized": bd["socialized"],
        "deficit": bd["deficit"],
    }
    assert totals["debt"] == totals["covered"] + totals["socialized"] + totals["deficit"] > 0
    # funding history: each update with its index move
    fh = queries.funding_history(engine)
    assert len(fh) == len(expected["FundingUpdated"]) == 2
    moved = {e["base_token"]: e for e in expected["FundingIndexMoved"]}
    for f in fh:
        assert f["cumulative_index"] == moved[f["base_token"]]["cumulative_index"]
        assert f["cumulative_index"] == int(ch.getFundingState(f["base_token"])[0])
    # candles: the mark's close is the last trade's mark price, high >= open, close >= low
    eth = stack.base("vETH").address.lower()
    marks = queries.candles(engine, eth, "mark")
    eth_trades = [e for e in changed if e["base_token"] == eth]
    assert marks[-1]["close"] == eth_trades[-1]["mark_price"]
    assert sum(c["count"] for c in marks) == len(eth_trades)
    assert all(
        c["low"] <= min(c["open"], c["close"]) <= max(c["open"], c["close"]) <= c["high"] for c in marks
    )
    idx_candles = queries.candles(engine, eth, "index")
    assert (
        idx_candles
        and idx_candles[-1]["close"]
        == [e for e in expected["IndexObserved"] if e["base_token"] == eth][-1]["price"]
    )
    # the pool's share supply after its last LP move equals the chain's
    (last,) = queries.pool_share_prices(engine, limit=1)
    assert last["total_supply"] == int(stack.liquidity_pool.totalSupply())
    assert last["price"] > 0
    # account totals: realised PnL and fees of alice's account equal the sum of her events
    alice = changed[0]["trader"]
    t = queries.account_totals(engine, alice)
    mine = [e for e in changed if e["trader"] == alice]
    assert t["realized_pnl"] == sum(e["realized_pnl"] for e in mine)
    assert t["fees"] == sum(e["fee"] for e in mine)
    assert t["net_deposits"] == sum(e["amount"] for e in expected["Deposited"] if e["trader"] == alice)


def test_migrations_build_exactly_the_models(db_url):
    engine = connect(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    engine.dispose()


def test_the_schema_has_every_event_of_the_indexed_contracts(abis):
    """EVENTS (the tables) against the compiled ABIs: every event of the four indexed contracts
    has its table with the ABI's arguments in order and of the right kind, and no table is left
    without an event."""
    seen: set[str] = set()
    for _contract, abi in abis.items():
        for e in (x for x in abi if x["type"] == "event"):
            assert e["name"] in EVENTS, f"{e['name']} has no table"
            spec = EVENTS[e["name"]]
            assert [n for n, _k in spec] == [i["name"] for i in e["inputs"]], e["name"]
            for (_n, kind), inp in zip(spec, e["inputs"], strict=True):
                if isinstance(kind, list):
                    assert [c for c, _ in kind] == [c["name"] for c in inp["components"]]
                else:
                    assert kind == _kind_of(inp["type"]), (e["name"], inp)
            seen.add(e["name"])
    assert seen == set(EVENTS)


def _kind_of(t: str) -> str:
    if t.endswith("[]"):
        return _kind_of(t[:-2]) + "[]"
    if t == "string":
        return "string"
    if t.startswith(("uint", "int")):
        bits = int(t.lstrip("uint") or 256)
        return "small" if bits <= 64 else ("uint" if t.startswith("u") else "int")
    return {"address": "address", "bool": "bool", "bytes32": "bytes32", "bytes": "bytes"}[t]


def test_from_block_and_a_cursor_per_contract(chain, stack, funded, alice, make_indexer, abis, tmp_path):
    """--from applies to contracts without a cursor; a contract added later starts there while
    the others go on from their own cursors, and the result is the full index."""
    funded(alice, 20_000).long_quote("vETH", 5_000)
    everything = make_indexer(f"sqlite:///{tmp_path / 'all.sqlite'}")
    everything.sync()
    start = min(r["block_number"] for r in queries.events(everything.engine, "MarketAdded"))
    url = f"sqlite:///{tmp_path / 'i.sqlite'}"
    core_only = make_indexer(url, start_block=start)
    core_only.contracts = {a: c for a, c in core_only.contracts.items() if c.name == "ClearingHouse"}
    core_only.sync()
    cur = queries.cursors(core_only.engine)
    assert cur == {"ClearingHouse": chain.blocks.head.number}
    assert min(r["block_number"] for r in queries.events(core_only.engine, "MarketAdded")) >= start
    funded(alice, 1_000)
    full = make_indexer(url, start_block=start)
    full.sync()
    assert set(queries.cursors(full.engine).values()) == {chain.blocks.head.number}
    assert len(queries.cursors(full.engine)) == len(full.contracts)
    reference = make_indexer(f"sqlite:///{tmp_path / 'ref.sqlite'}", start_block=start)
    reference.sync()
    assert queries.dump(full.engine) == queries.dump(reference.engine)
    assert any(r["block_number"] < start for r in queries.events(everything.engine, "OwnershipTransferred"))
    assert all(r["block_number"] >= start for r in queries.events(full.engine, "OwnershipTransferred"))
    for i in (core_only, full, reference, everything):
        i.engine.dispose()


def test_256_bit_integers_round_trip_exactly(db_url):
    """int256 and uint256 extremes, through the bulk path and through SQLAlchemy, both backends."""
    from sqlalchemy import insert

    from vperp.indexer.bulk import insert_rows
    from vperp.indexer.models import Position

    engine = connect(db_url)
    extremes = [-(2**255), 2**255 - 1, 2**256 - 1, -1, 0, 10**77]
    t = Position.__table__
    base = {"chain_id": 1, "open_notional": 0, "realized_pnl": 0, "fees": 0, "funding": 0}
    base |= {"trades": 0, "liquidations": 0, "last_block": 0, "base_token": "0xb"}
    with engine.begin() as conn:
        insert_rows(conn, t, [{**base, "trader": f"bulk{i}", "size": v} for i, v in enumerate(extremes)])
        conn.execute(insert(t), [{**base, "trader": f"orm{i}", "size": v} for i, v in enumerate(extremes)])
    got = {p["trader"]: p["size"] for p in queries.positions(engine, open_only=False)}
    for i, v in enumerate(extremes):
        assert got[f"bulk{i}"] == got[f"orm{i}"] == v
        assert type(got[f"bulk{i}"]) is int
    engine.dispose()
