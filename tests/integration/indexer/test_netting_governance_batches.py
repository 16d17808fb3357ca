"""The indexer's netting batches, governance proposals and batched liquidations, on SQLite and on
PostgreSQL, from real transactions on the session's Anvil:

- two netting batches (a fill pass spread over several executeBatch transactions and indexed
  in ranges of a few blocks): per batch L, S, p0, the remainder's swap, fills, cancellations,
  rests and fees; per order its lifecycle (filled, rested as a new id, cancelled by its trader
  or for its deadline);
- a keeper's LiquidationBatcher batch (two liquidations, one healthy target skipped): the
  liquidations carry the keeper, not the batcher the core saw;
- the stack handed to governance, four proposals through one cycle of votes (for, against,
  abstain): executed, cancelled on the timelock by the guardian, defeated, left queued; the
  proposals table and its state against the Governor's own views.

Every event of the batcher, the Governor, the timelock and the token lands with the values
eth-abi decodes; the two backends (different range sizes) hold the same index; a second run
changes nothing; a downgrade to revision 0004 and back rebuilds the netting rows."""

from __future__ import annotations

from utils.indexer import expected_rows
from utils.netting import queue as queue_order
from utils.netting import run_batch
from vperp.chain.governance import deploy_governance
from vperp.governance.proposals import (
    Proposal,
    State,
    Support,
    build_metadata,
    cancel,
    execute,
    propose,
    queue,
    timelock_operation_id,
    vote,
)
from vperp.indexer import queries
from vperp.indexer.cli import address_of
from vperp.indexer.db import upgrade
from vperp.indexer.models import EVENTS, event_columns
from vperp.sdk.units import wad

VOTES = {"whale": 10_000_000, "mid": 5_000_000, "small": 2_000_000}  # quorum: 4% of 100,000,000
OTHER_KEYS = ("liquidation_batcher", "governance.governor", "governance.timelock", "governance.token")
OTHER_NAMES = ("LiquidationBatcher", "PerpGovernor", "GovernanceTimelock", "GovernanceToken")
# events of these contracts no step here emits (ERC-5267's domain change; role admins are fixed)
NOT_EMITTED_HERE = {"EIP712DomainChanged", "RoleAdminChanged"}


def netting(chain, stack, funded, accounts) -> dict[str, object]:
    """Batch 1 (run 1 order per transaction): one order cancelled by its trader before, a long
    filled, a short asking twice the mark (rests), a long past its deadline (cancelled). Batch 2:
    a long and a smaller short (matched at p0, the rest swapped), the rested short again."""
    eth, net = stack.base("vETH"), stack.netting
    carol, alice, dave, erin, frank = (accounts[i] for i in (3, 1, 4, 2, 8))
    for a in (carol, alice, dave, erin, frank):
        funded(a, 20_000)
    mark = int(stack.clearing_house.getMarkPrice(eth))
    gone = queue_order(net, carol, eth, wad(1), mark * 2)
    net.cancelOrder(eth, gone, sender=carol)
    filled = queue_order(net, carol, eth, wad(2), mark * 2)
    rests = queue_order(net, alice, eth, -wad(1), mark * 2)
    head = int(chain.blocks.head.timestamp)
    chain.pending_timestamp = head + 1
    late = queue_order(net, dave, eth, wad(1), mark * 2, deadline=head + 1)
    first = run_batch(chain, net, eth, accounts[9], max_orders=1)
    assert len(first) > 3
    long2 = queue_order(net, erin, eth, wad(1), mark * 2)
    short2 = queue_order(net, frank, eth, -wad(1) // 2, mark // 2)
    run_batch(chain, net, eth, accounts[9])
    return {"gone": gone, "filled": filled, "rests": rests, "late": late, "long2": long2, "short2": short2}


def batched_liquidation(stack, funded, move_index, accounts, keeper):
    """Two ~9x longs and a healthy one; the index drops 10%; one keeper batch of the three."""
    eth, ch = stack.base("vETH"), stack.clearing_house
    doomed = [accounts[i] for i in (5, 6)]
    for i, a in enumerate(doomed):
        funded(a, 5_000 + 100 * i).long_quote("vETH", 45_000)
    healthy = accounts[7]
    funded(healthy, 20_000).long_quote("vETH", 10_000)
    move_index("vETH", 2_700)
    assert all(ch.isLiquidatable(a) for a in doomed) and not ch.isLiquidatable(healthy)
    targets = [(a.address, eth.address) for a in (*doomed, healthy)]
    return stack.liquidation_batcher.liquidateBatch(targets, 1, sender=keeper), doomed, healthy


def governance(project, chain, stack, cfg, owner, accounts, tmp_path) -> tuple[object, dict[str, Proposal]]:
    """The stack handed to governance; four proposals side by side through one cycle."""
    guardian = accounts[8]
    g = deploy_governance(project, owner, stack, cfg.governance, owner.address, guardian.address)
    voters = {"whale": accounts[5], "mid": accounts[6], "small": accounts[7]}
    for name, a in voters.items():
        g.token.transfer(a, wad(VOTES[name]), sender=owner)
        g.token.invoke_transaction("delegate", a, sender=a)  # ContractInstance.delegate is Ape's
    chain.mine(1, timestamp=int(chain.blocks.head.timestamp) + 1)
    is_contract = lambda a: len(chain.provider.get_code(a)) > 0  # noqa: E731
    specs = {
        "executed": ("LiquidityPool", "setIncomeVestingPeriod", [3 * 3600]),
        "cancelled": ("LiquidityPool", "setIncomeVestingPeriod", [4 * 3600]),
        "defeated": ("LiquidityPool", "setIncomeVestingPeriod", [5 * 3600]),
        "queued": ("LiquidityPool", "setIncomeVestingPeriod", [6 * 3600]),
        "withdrawn": ("LiquidityPool", "setIncomeVestingPeriod", [7 * 3600]),
    }
    ps: dict[str, Proposal] = {}
    for title, (contract, fn, args) in specs.items():
        spec = {
            "title": title,
            "summary": f"the {title} one",
            "calls": [{"contract": contract, "function": fn, "args": args}],
        }
        ps[title] = propose(g.governor, build_metadata(stack, spec, is_contract), voters["whale"], tmp_path)

    def at(t: int) -> None:
        chain.mine(1, timestamp=max(t, int(chain.blocks.head.timestamp) + 1))

    cancel(g.governor, g.timelock, ps["withdrawn"], voters["whale"])  # pending: by its proposer
    g.token.approve(guardian, 1, sender=owner)
    at(max(int(g.governor.proposalSnapshot(p.id)) for p in ps.values()) + 1)
    for title in ("executed", "cancelled", "queued"):
        vote(g.governor, ps[title].id, Support.For, voters["whale"])
    vote(g.governor, ps["executed"].id, Support.Against, voters["mid"], "too short")
    vote(g.governor, ps["executed"].id, Support.Abstain, voters["small"])
    vote(g.governor, ps["defeated"].id, Support.Against, voters["mid"])
    g.governor.castVoteWithReasonAndParams(
        ps["defeated"].id, int(Support.For), "small for", b"\x01", sender=voters["small"]
    )
    at(max(int(g.governor.proposalDeadline(p.id)) for p in ps.values()) + 1)
    for title in ("executed", "cancelled", "queued"):
        queue(g.governor, ps[title], voters["whale"])
    g.timelock.cancel(timelock_operation_id(g.timelock, g.governor, ps["cancelled"]), sender=guardian)
    at(int(g.governor.proposalEta(ps["executed"].id)))
    execute(g.governor, ps["executed"], voters["mid"])
    assert int(stack.liquidity_pool.incomeVestingPeriod()) == 3 * 3600
    return g, ps


def test_netting_governance_and_batched_liquidations_land(
    project,
    chain,
    stack,
    cfg,
    owner,
    accounts,
    funded,
    move_index,
    keeper,
    make_indexer,
    node_url,
    abis,
    tmp_path,
    pg_url,
):
    ids = netting(chain, stack, funded, accounts)
    liq_tx, doomed, healthy = batched_liquidation(stack, funded, move_index, accounts, keeper)
    try:
        g, ps = governance(project, chain, stack, cfg, owner, accounts, tmp_path)
        addresses = stack.addresses()
    finally:
        stack.governance = None  # the session's deployment object; Ape reverts the chain itself
    others = [address_of(addresses, k) for k in OTHER_KEYS]
    core = address_of(addresses, "clearing_house")
    expected = expected_rows(node_url, abis, [*others, core])
    emitted = {e["name"] for n in OTHER_NAMES for e in abis[n] if e["type"] == "event"}
    assert emitted - set(expected) == NOT_EMITTED_HERE
    dumps = []
    for url, max_range in ((f"sqlite:///{tmp_path / 'index.sqlite'}", 3), (pg_url, 5_000)):
        idx = make_indexer(url, addresses=addresses, max_range=max_range)
        assert idx.sync().logs > 0
        engine = idx.engine
        for name, rows in expected.items():
            if name not in EVENTS or not any(r["contract"] in others for r in rows):
                continue
            got = queries.events(engine, name)
            mine = [r for r in rows if r["contract"] in others]
            got = [r for r in got if r["contract"] in others]
            assert len(got) == len(mine), name
            cols = {c for c, _k in event_columns(name)}
            for gr, er in zip(got, mine, strict=True):
                assert {k: gr[k] for k in er} == er, name
                assert cols <= set(gr)
        check_netting(engine, stack, expected, ids, accounts)
        check_liquidations(engine, stack, liq_tx, doomed, healthy, keeper, expected)
        check_proposals(engine, chain, g, ps)
        before = queries.dump(engine, include_blocks=True)
        assert idx.sync().logs == 0
        assert make_indexer(url, addresses=addresses).sync().logs == 0
        assert queries.dump(engine, include_blocks=True) == before
        dumps.append(queries.dump(engine))
        if url.startswith("sqlite"):
            netting_rows = {t: before[t] for t in ("netting_batches", "netting_orders")}
            upgrade(engine, "0004")
            upgrade(engine)
            after = queries.dump(engine, include_blocks=True)
            assert {t: after[t] for t in netting_rows} == netting_rows
        engine.dispose()
    assert dumps[0] == dumps[1]  # three-block ranges on SQLite, one range on PostgreSQL


def check_netting(engine, stack, expected, ids, accounts) -> None:
    eth = stack.base("vETH").address.lower()
    ch = stack.clearing_house
    fee = int(stack.netting.nettingParams()[0])
    executed = expected["BatchExecuted"]
    batches = list(reversed(queries.batches(engine, eth)))
    assert [b["number"] for b in batches] == [1, 2]
    for b, e in zip(batches, executed, strict=True):
        assert (b["block_number"], b["log_index"]) == (e["block_number"], e["log_index"])
        assert (b["long_total"], b["short_total"], b["p0"], b["swap_base"], b["swap_quote"], b["fills"]) == (
            e["long_total"],
            e["short_total"],
            e["p0"],
            e["swap_base"],
            e["swap_quote"],
            e["fills"],
        )
    one, two = batches
    assert (one["long_total"], one["short_total"], one["fills"], one["cancelled"], one["rested"]) == (
        wad(2),
        0,
        1,
        1,
        1,
    )
    assert one["fees"] == 2 * fee  # the fill and the deadline's cancellation
    assert one["first_block"] < one["block_number"]  # its fill pass took several transactions
    assert (two["long_total"], two["short_total"], two["fills"], two["rested"]) == (wad(1), wad(1) // 2, 2, 1)
    assert two["swap_base"] == wad(1) // 2  # the remainder, bought from the curve
    orders = {o["order_id"]: o for o in queries.orders(engine, base_token=eth)}
    fills = {e["order_id"]: e for e in expected["OrderFilled"]}
    gone, filled, rests, late = (orders[ids[k]] for k in ("gone", "filled", "rests", "late"))
    assert (gone["status"], gone["cancel_reason"], gone["fee"], gone["batch_block"]) == (
        "cancelled",
        0,
        0,
        None,
    )
    assert (late["status"], late["cancel_reason"], late["fee"]) == ("cancelled", 1, fee)
    assert (filled["status"], filled["filled_size"], filled["fill_price"], filled["fee"]) == (
        "filled",
        wad(2),
        fills[ids["filled"]]["price"],
        fee,
    )
    assert int(ch.getPosition(filled["trader"], eth).size) == wad(2)
    child = orders[rests["rested_as"]]
    assert (rests["status"], child["parent_id"], child["size"], child["acceptable_price"]) == (
        "rested",
        ids["rests"],
        -wad(1),
        rests["acceptable_price"],
    )
    grandchild = orders[child["rested_as"]]
    assert (child["status"], grandchild["status"], grandchild["batch_block"]) == ("rested", "queued", None)
    assert {o["order_id"] for o in queries.batch_orders(engine, one)} == {
        ids["filled"],
        ids["rests"],
        ids["late"],
    }
    assert {o["order_id"] for o in queries.batch_orders(engine, two)} == {
        ids["long2"],
        ids["short2"],
        child["order_id"],
    }
    queued = {e["order_id"] for e in expected["OrderQueued"]} | {
        e["new_order_id"] for e in expected["OrderRested"]
    }
    assert set(orders) == queued
    assert [o["order_id"] for o in queries.orders(engine, status="queued")] == [grandchild["order_id"]]


def check_liquidations(engine, stack, tx, doomed, healthy, keeper, expected) -> None:
    batcher = stack.liquidation_batcher.address.lower()
    liqs = queries.liquidations(engine)
    assert {r["trader"] for r in liqs} == {a.address.lower() for a in doomed}
    for r in liqs:
        assert (r["liquidator"], r["keeper"], r["batched"], r["tx_hash"]) == (
            batcher,
            keeper.address.lower(),
            True,
            tx_hash(tx),
        )
    (b,) = queries.liquidation_batches(engine, keeper.address)
    (e,) = expected["BatchLiquidated"]
    assert (b["targets"], b["liquidated"], b["reward_usdc"]) == (3, 2, e["reward_usdc"]) and b[
        "reward_usdc"
    ] > 0
    (skip,) = b["skipped"]
    assert (skip["index"], skip["trader"]) == (2, healthy.address.lower())
    assert skip["reason"] == expected["LiquidationSkipped"][0]["reason"] and len(skip["reason"]) > 2


def tx_hash(tx) -> str:
    h = tx.txn_hash
    return h.lower() if isinstance(h, str) else "0x" + bytes(h).hex()


def check_proposals(engine, chain, g, ps) -> None:
    head = int(chain.blocks.head.timestamp)
    rows = {r["proposal_id"]: r for r in queries.proposals(engine, now=head)}
    assert set(rows) == {p.id for p in ps.values()}
    for title, p in ps.items():
        r = rows[p.id]
        against, for_, abstain = (int(v) for v in g.governor.proposalVotes(p.id))
        assert (r["against_votes"], r["for_votes"], r["abstain_votes"]) == (against, for_, abstain)
        assert r["state"] == State(int(g.governor.state(p.id))).name, title
        assert (r["vote_start"], r["vote_end"]) == (
            int(g.governor.proposalSnapshot(p.id)),
            int(g.governor.proposalDeadline(p.id)),
        )
        assert r["quorum"] == int(g.governor.quorum(r["vote_start"])) == wad(4_000_000)
        assert (r["description"], r["title"], r["cid"]) == (p.description, title, p.cid)
        assert r["targets"] == [a.lower() for a in p.targets] and r["values"] == p.values
        assert r["calldatas"] == ["0x" + bytes(c).hex() for c in p.calldatas]
        assert r["proposer"] == g.governor.proposalProposer(p.id).lower()
        assert (r["eta"] or 0) == int(g.governor.proposalEta(p.id))
    assert [rows[ps[t].id]["state"] for t in ps] == ["Executed", "Canceled", "Defeated", "Queued", "Canceled"]
    assert rows[ps["withdrawn"].id]["canceled_block"] is not None
    assert rows[ps["executed"].id]["voters"] == 3
    assert (
        rows[ps["cancelled"].id]["timelock_id"]
        == "0x" + timelock_operation_id(g.timelock, g.governor, ps["cancelled"]).hex()
    )
    # the time-dependent states, from the same rows at other moments
    q = ps["queued"].id
    d = rows[ps["defeated"].id]
    at = lambda t: {r["proposal_id"]: r["state"] for r in queries.proposals(engine, now=t)}  # noqa: E731
    assert at(d["vote_start"])[d["proposal_id"]] == "Pending"
    assert at(d["vote_start"] + 1)[d["proposal_id"]] == "Active"
    assert at(d["vote_end"])[d["proposal_id"]] == "Active"
    assert at(d["vote_end"] + 1)[d["proposal_id"]] == "Defeated"
    eta = rows[q]["eta"]
    assert (
        at(eta + queries.GRACE_PERIOD)[q] == "Queued" and at(eta + queries.GRACE_PERIOD + 1)[q] == "Expired"
    )
    assert int(g.governor.proposalExpiry(q)) == eta + queries.GRACE_PERIOD
    votes = queries.votes(engine, ps["defeated"].id)
    assert [(v["support"], v["reason"]) for v in votes] == [(0, ""), (1, "small for")]
    assert votes[1]["params"] == "0x01" and votes[1]["weight"] == wad(VOTES["small"])
