"""PriceOracle: the index rule of PROTOCOL.md section 5, every failure mode of both adapters,
the Pyth fee forwarding, feed configuration, the index TWAP, and what a stale index means for
the ClearingHouse (opening/increasing revert, reducing/closing go on at the mark TWAP)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ape
import pytest
from eth_abi import decode as abi_decode
from eth_utils import keccak, to_checksum_address

from vperp.deploy import push_pyth_price
from vperp.units import wad

STALE, PYTH, CHAINLINK = 0, 1, 2
CL_MAX_AGE = 3900
PYTH_MAX_AGE = 60
ZERO = "0x" + "00" * 20

# Real Chainlink ETH/USD rounds (Ethereum mainnet proxy 0x5f4e...8419, phase 6) from
# data/eth_2023-08-17_drop_chainlink_rounds.csv (shared/data/SOURCES.md), rows with updatedAt
# 2023-08-17 20:37:47 .. 21:47:23 UTC: the 2023-08-17 drop, 1727.64 -> 1557.99 -> 1593.88.
# (updatedAt, answer 8 decimals, roundId); startedAt == updatedAt in every row.
DROP_ROUNDS: list[tuple[int, int, int]] = [
    (1692304667, 172763702000, 110680464442257314254),  # 20:37:47
    (1692305687, 171810310000, 110680464442257314255),  # 20:54:47
    (1692305747, 171370000000, 110680464442257314256),  # 20:55:47
    (1692308303, 170505976000, 110680464442257314257),  # 21:38:23
    (1692308543, 167143644583, 110680464442257314258),  # 21:42:23
    (1692308567, 165316000000, 110680464442257314259),  # 21:42:47
    (1692308627, 163263000000, 110680464442257314260),  # 21:43:47
    (1692308663, 161091228289, 110680464442257314261),  # 21:44:23
    (1692308723, 155799625094, 110680464442257314262),  # 21:45:23
    (1692308783, 157969500000, 110680464442257314263),  # 21:46:23
    (1692308843, 159388443957, 110680464442257314264),  # 21:47:23
]
DROP_CSV = Path(__file__).resolve().parent.parent / "data" / "eth_2023-08-17_drop_chainlink_rounds.csv"


def _norm(v: Any) -> Any:
    return v.address if hasattr(v, "address") else v


def _error_inputs(exc: Any, error: Any) -> dict[str, Any]:
    """The error's inputs; view-call reverts come back undecoded ("custom error 0x...")."""
    if type(exc).__name__ == error.__name__:
        return dict(getattr(exc, "inputs", {}) or {})
    msg = str(getattr(exc, "revert_message", ""))
    abi = error.abi
    sel = keccak(text=abi.selector)[:4].hex()
    assert msg.startswith(f"custom error 0x{sel}"), (
        f"expected {error.__name__}, got {type(exc).__name__}: {msg}"
    )
    raw = bytes.fromhex(msg.split(":", 1)[1].strip()) if ":" in msg else b""
    values = abi_decode([i.canonical_type for i in abi.inputs], raw)
    return {
        i.name: to_checksum_address(v) if i.type == "address" else v
        for i, v in zip(abi.inputs, values, strict=True)
    }


@contextmanager
def reverts(error: Any, **inputs: Any) -> Iterator[None]:
    """Expects a revert with custom error `error` and exactly these input values."""
    with ape.reverts() as info:
        yield
    actual = _error_inputs(info.value, error)
    for k, v in inputs.items():
        assert k in actual, f"{error.__name__} has no input {k!r} ({list(actual)})"
        assert actual[k] == _norm(v), f"{error.__name__}.{k}: {actual[k]!r} != {_norm(v)!r}"


def _index(oracle: Any, base: Any) -> tuple[int, int]:
    price, source = oracle.getIndexPrice(base)
    return int(price), int(source)


def _pyth_update(stack: Any, pyth_id: bytes, price: int, publish_time: int, expo: int = -8) -> bytes:
    return stack.pyth.createPriceFeedUpdateData(
        pyth_id, price, 0, expo, price, 0, publish_time, publish_time - 1
    )


def _push_pyth_raw(stack: Any, owner: Any, sym: str, price: int, publish_time: int, expo: int = -8) -> None:
    data = _pyth_update(stack, stack.markets[sym].pyth_id, price, publish_time, expo)
    stack.oracle.updatePythPrice([data], sender=owner, value=1)


def _head(chain: Any) -> int:
    return int(chain.blocks.head.timestamp)


@pytest.fixture
def feed(stack):
    return stack.markets["vETH"].chainlink


# ====================================================================== the index rule


def test_index_rule_sources(stack, chain, owner, oracle, eth, feed, set_price):
    # both fresh and equal: Pyth
    assert _index(oracle, eth) == (wad(3000), PYTH)
    # Pyth exactly 2% above Chainlink: still within the deviation (inclusive)
    chain.mine(deltatime=1)
    push_pyth_price(stack, "vETH", 3060, chain.pending_timestamp, sender=owner)
    assert _index(oracle, eth) == (wad(3060), PYTH)
    # one unit of Pyth's 8 decimals more: deviation > 2%, Chainlink wins
    chain.mine(deltatime=1)
    push_pyth_price(stack, "vETH", "3060.00000001", chain.pending_timestamp, sender=owner)
    assert _index(oracle, eth) == (wad(3000), CHAINLINK)
    # below Chainlink by more than 2%: Chainlink wins as well
    chain.mine(deltatime=1)
    push_pyth_price(stack, "vETH", "2939.99", chain.pending_timestamp, sender=owner)
    assert _index(oracle, eth) == (wad(3000), CHAINLINK)
    # Pyth stale (> 60 s), Chainlink fresh: Chainlink
    cl_time = int(feed.latestTimestamp())
    chain.mine(deltatime=PYTH_MAX_AGE + 1)
    assert not oracle.pythPrice(eth).fresh
    assert _index(oracle, eth) == (wad(3000), CHAINLINK)
    # Chainlink stale, Pyth fresh (even far from the stale Chainlink answer): Pyth
    chain.pending_timestamp = cl_time + CL_MAX_AGE + 1
    push_pyth_price(stack, "vETH", 2500, chain.pending_timestamp, sender=owner)
    assert not oracle.chainlinkPrice(eth).fresh
    assert _index(oracle, eth) == (wad(2500), PYTH)
    # both stale
    chain.mine(deltatime=PYTH_MAX_AGE + 1)
    assert _index(oracle, eth) == (0, STALE)
    # both refreshed: back to Pyth
    set_price("vETH", 2600)
    assert _index(oracle, eth) == (wad(2600), PYTH)


# ====================================================================== Chainlink failure modes


def _set_round(feed: Any, owner: Any, answer: int, updated_at: int, round_id: int = 7) -> None:
    feed.updateRoundData(round_id, answer, updated_at, updated_at, sender=owner)


def test_chainlink_age_boundary(chain, owner, oracle, eth, feed):
    t = _head(chain) + 100
    chain.pending_timestamp = t
    _set_round(feed, owner, 2990 * 10**8, t - CL_MAX_AGE)
    assert _head(chain) == t
    assert tuple(oracle.chainlinkPrice(eth)) == (wad(2990), True)  # exactly max age: fresh
    chain.mine(deltatime=1)
    assert tuple(oracle.chainlinkPrice(eth)) == (0, False)  # one second older: stale
    # Pyth was last published at deployment, more than 60 s ago: the index is stale
    assert not oracle.pythPrice(eth).fresh
    assert _index(oracle, eth) == (0, STALE)


@pytest.mark.parametrize(
    "answer, offset, expected_price",
    [
        (0, 0, 0),  # zero answer
        (-3000 * 10**8, 0, 0),  # negative answer
        (3000 * 10**8, 30, 0),  # updatedAt in the future
        (5 * 10**7, 0, wad("0.5")),  # below minPrice (1 USD)
        (1_000_001 * 10**8, 0, wad(1_000_001)),  # above maxPrice (1,000,000 USD)
    ],
    ids=["zero", "negative", "future", "below-min", "above-max"],
)
def test_chainlink_bad_answers_are_stale(
    stack, chain, owner, oracle, eth, feed, answer, offset, expected_price
):
    t = _head(chain) + 1
    chain.pending_timestamp = t
    _set_round(feed, owner, answer, t + offset)
    assert tuple(oracle.chainlinkPrice(eth)) == (expected_price, False)
    # Pyth (fresh, 3000) carries the index alone
    chain.pending_timestamp = t + 1
    push_pyth_price(stack, "vETH", 3000, t + 1, sender=owner)
    assert _index(oracle, eth) == (wad(3000), PYTH)
    chain.mine(deltatime=PYTH_MAX_AGE + 1)
    if offset:
        # a future-dated answer is refused until its time has come, then it counts
        assert _index(oracle, eth) == (wad(3000), CHAINLINK)
    else:
        # once Pyth is stale too, the index is stale
        assert _index(oracle, eth) == (0, STALE)


def test_chainlink_price_range_is_inclusive(chain, owner, oracle, eth, feed):
    t = _head(chain) + 1
    chain.pending_timestamp = t
    _set_round(feed, owner, 1_000_000 * 10**8, t)
    assert tuple(oracle.chainlinkPrice(eth)) == (wad(1_000_000), True)
    _set_round(feed, owner, 1 * 10**8, t)
    assert tuple(oracle.chainlinkPrice(eth)) == (wad(1), True)


def test_chainlink_aggregator_that_reverts(stack, chain, owner, oracle, eth, feed):
    """A feed pointing at a contract without latestRoundData (the BaseToken) counts as stale."""
    f = oracle.getFeed(eth)
    oracle.setFeed(eth, (eth.address, 0, *tuple(f)[2:]), sender=owner)
    assert oracle.getFeed(eth).chainlinkDecimals == 18  # read from BaseToken.decimals()
    assert tuple(oracle.chainlinkPrice(eth)) == (0, False)
    chain.mine(deltatime=1)
    push_pyth_price(stack, "vETH", 3100, chain.pending_timestamp, sender=owner)
    assert _index(oracle, eth) == (wad(3100), PYTH)
    chain.mine(deltatime=PYTH_MAX_AGE + 1)
    assert _index(oracle, eth) == (0, STALE)


def test_chainlink_replay_real_rounds(stack, chain, owner, oracle, eth, feed):
    """Replays eleven real rounds of the 2023-08-17 drop (shifted to chain time, same spacing):
    the index follows Chainlink round by round (Pyth is stale and far away), the answer stays
    fresh between rounds (gaps < max age) and goes stale max age after the last round."""
    if DROP_CSV.exists():  # the constants above are the file's rows
        with DROP_CSV.open() as fh:
            rows = {int(r["round_id"]): r for r in csv.DictReader(fh)}
        for ts, answer, rid in DROP_ROUNDS:
            assert (int(rows[rid]["timestamp"]), int(rows[rid]["answer"]), int(rows[rid]["started_at"])) == (
                ts,
                answer,
                ts,
            )
    offset = _head(chain) + 10 - DROP_ROUNDS[0][0]
    prev: tuple[int, int] | None = None
    for ts, answer, rid in DROP_ROUNDS:
        t = ts + offset
        if prev is not None and t - 1 > prev[0]:
            # just before the next round: the previous answer is still in force and fresh
            chain.pending_timestamp = t - 1
            chain.mine()
            assert _index(oracle, eth) == (prev[1] * 10**10, CHAINLINK)
        chain.pending_timestamp = t
        feed.updateRoundData(rid, answer, t, t, sender=owner)
        assert _index(oracle, eth) == (answer * 10**10, CHAINLINK)
        assert int(feed.latestRoundData().roundId) == rid
        prev = (t, answer)
    last_t, last_answer = prev
    chain.pending_timestamp = last_t + CL_MAX_AGE
    chain.mine()
    assert _index(oracle, eth) == (last_answer * 10**10, CHAINLINK)
    chain.mine(deltatime=1)
    assert _index(oracle, eth) == (0, STALE)


# ====================================================================== Pyth failure modes


@pytest.mark.parametrize(
    "price, age, expected",
    [
        (3000 * 10**8, PYTH_MAX_AGE, (wad(3000), True)),  # exactly max age: fresh
        (3000 * 10**8, PYTH_MAX_AGE + 1, (0, False)),  # older: stale
        (0, 0, (0, False)),  # zero
        (-3000 * 10**8, 0, (0, False)),  # negative
        (1_000_001 * 10**8, 0, (wad(1_000_001), False)),  # above maxPrice
        (5 * 10**7, 0, (wad("0.5"), False)),  # below minPrice
    ],
    ids=["age-60", "age-61", "zero", "negative", "above-max", "below-min"],
)
def test_pyth_failure_modes(stack, chain, owner, oracle, eth, price, age, expected):
    t = _head(chain) + 200  # later than the deployment's publish time
    chain.pending_timestamp = t
    _push_pyth_raw(stack, owner, "vETH", price, t - age)
    assert tuple(oracle.pythPrice(eth)) == expected
    # Chainlink (3000, from deployment) is fresh: it takes over whenever Pyth is refused
    assert tuple(oracle.chainlinkPrice(eth)) == (wad(3000), True)
    assert _index(oracle, eth) == ((wad(3000), PYTH) if expected[1] else (wad(3000), CHAINLINK))


def test_pyth_exponent_scaling(stack, chain, owner, oracle, eth):
    t = _head(chain) + 5
    chain.pending_timestamp = t
    _push_pyth_raw(stack, owner, "vETH", 301_234_567, t, expo=-5)  # 3012.34567
    assert tuple(oracle.pythPrice(eth)) == (wad("3012.34567"), True)
    assert _index(oracle, eth) == (wad("3012.34567"), PYTH)  # within 2% of 3000


# ====================================================================== Pyth fee


def test_update_pyth_price_forwards_fee_and_refunds(stack, chain, alice, oracle):
    pyth = stack.pyth
    t = _head(chain) + 5
    updates = [
        _pyth_update(stack, stack.markets["vETH"].pyth_id, 3001 * 10**8, t),
        _pyth_update(stack, stack.markets["vBTC"].pyth_id, 60001 * 10**8, t),
    ]
    fee = int(oracle.pythUpdateFee(updates))
    assert fee == 2  # 1 wei per update (config pyth_update_fee_wei)
    extra = 10**15
    before_alice, before_pyth, before_oracle = alice.balance, pyth.balance, oracle.balance
    chain.pending_timestamp = t
    tx = oracle.updatePythPrice(updates, sender=alice, value=fee + extra)
    assert pyth.balance - before_pyth == fee
    assert oracle.balance == before_oracle == 0
    assert before_alice - alice.balance == fee + int(tx.total_fees_paid)
    logs = list(tx.decode_logs(oracle.PythUpdated))
    assert len(logs) == 1 and logs[0].payer == alice.address and logs[0].fee == fee


def test_update_pyth_price_insufficient_fee(stack, chain, alice, oracle):
    t = _head(chain) + 5
    updates = [
        _pyth_update(stack, stack.markets["vETH"].pyth_id, 3001 * 10**8, t),
        _pyth_update(stack, stack.markets["vBTC"].pyth_id, 60001 * 10**8, t),
    ]
    with reverts(oracle.InsufficientPythFee, required=2, provided=1):
        oracle.updatePythPrice(updates, sender=alice, value=1)
    with reverts(oracle.InsufficientPythFee, required=2, provided=0):
        oracle.updatePythPrice(updates, sender=alice)


# ====================================================================== setFeed


def _feed_tuple(chainlink: str = ZERO, pyth_id: bytes = b"\x00" * 32, **kw: Any) -> tuple:
    return (
        chainlink,
        0,
        kw.get("cl_age", CL_MAX_AGE),
        kw.get("pyth_age", PYTH_MAX_AGE),
        kw.get("dev", 20_000),
        pyth_id,
        kw.get("min_price", wad(1)),
        kw.get("max_price", wad(1_000_000)),
    )


def test_set_feed_validation(project, chain, owner, alice, oracle, accounts, stack):
    key = accounts[8].address
    agg = project.ChainlinkAggregatorMock.deploy(8, 2000 * 10**8, sender=owner)
    # only the owner
    with reverts(oracle.OwnableUnauthorizedAccount, account=alice):
        oracle.setFeed(key, _feed_tuple(agg.address), sender=alice)
    # no source at all
    with reverts(oracle.InvalidFeedConfig, baseToken=key):
        oracle.setFeed(key, _feed_tuple(), sender=owner)
    # deviation above 100%
    with reverts(oracle.InvalidFeedConfig, baseToken=key):
        oracle.setFeed(key, _feed_tuple(agg.address, dev=1_000_001), sender=owner)
    # empty price range
    with reverts(oracle.InvalidFeedConfig, baseToken=key):
        oracle.setFeed(key, _feed_tuple(agg.address, min_price=wad(5), max_price=wad(5)), sender=owner)
    # a new feed must be live: a stale first answer is refused
    chain.pending_timestamp = _head(chain) + 10
    agg.updateRoundData(2, 2000 * 10**8, _head(chain) - CL_MAX_AGE - 100, 0, sender=owner)
    with reverts(oracle.InvalidFeedConfig, baseToken=key):
        oracle.setFeed(key, _feed_tuple(agg.address), sender=owner)
    # unknown feeds
    with reverts(oracle.UnknownFeed, baseToken=key):
        oracle.getIndexPrice(key)
    with reverts(oracle.UnknownFeed, baseToken=key):
        oracle.indexTwap(key, 900)
    # a Pyth id on an oracle without Pyth
    bare = project.PriceOracle.deploy(ZERO, owner.address, sender=owner)
    with reverts(bare.InvalidFeedConfig, baseToken=key):
        bare.setFeed(key, _feed_tuple(pyth_id=b"\x01" * 32), sender=owner)
    # a valid one: decimals read from the aggregator, FeedSet emitted
    agg.updateAnswer(2000 * 10**8, sender=owner)
    tx = oracle.setFeed(key, _feed_tuple(agg.address, cl_age=100), sender=owner)
    assert oracle.getFeed(key).chainlinkDecimals == 8
    ev = list(tx.decode_logs(oracle.FeedSet))
    assert len(ev) == 1 and ev[0].chainlink == agg.address and ev[0].chainlinkMaxAge == 100
    assert _index(oracle, key) == (wad(2000), CHAINLINK)


def test_chainlink_18_decimals(project, chain, owner, oracle, accounts):
    key = accounts[7].address
    agg = project.ChainlinkAggregatorMock.deploy(18, wad("1234.567890123456789"), sender=owner)
    oracle.setFeed(key, _feed_tuple(agg.address), sender=owner)
    assert _index(oracle, key) == (wad("1234.567890123456789"), CHAINLINK)


# ====================================================================== index TWAP


def test_index_twap(project, chain, owner, oracle, accounts):
    """Hand-computed TWAPs over a few price steps of a Chainlink-only feed."""
    key = accounts[6].address
    agg = project.ChainlinkAggregatorMock.deploy(8, 2000 * 10**8, sender=owner)
    t0 = _head(chain) + 10
    chain.pending_timestamp = t0
    oracle.setFeed(key, _feed_tuple(agg.address), sender=owner)
    assert tuple(oracle.indexCumulative(key)) == (0, wad(2000), t0)

    steps = [(t0 + 100, 2100), (t0 + 400, 1900), (t0 + 430, 2300), (t0 + 1000, 2200)]
    prices = [(t0, 2000)]
    for t, p in steps:
        chain.pending_timestamp = t
        agg.updateAnswer(p * 10**8, sender=owner)
        chain.pending_timestamp = t
        tx = oracle.observe(key, sender=owner)
        ev = list(tx.decode_logs(oracle.IndexObserved))
        assert len(ev) == 1 and ev[0].price == wad(p) and ev[0].source == CHAINLINK
        prices.append((t, p))
    # same block, same price: nothing new
    chain.pending_timestamp = steps[-1][0]
    tx = oracle.observe(key, sender=owner)
    assert list(tx.decode_logs(oracle.IndexObserved)) == []

    now = t0 + 1300
    chain.pending_timestamp = now
    chain.mine()

    def cum(until: int) -> int:
        total = 0
        for (ta, pa), (tb, _) in zip(prices, [*prices[1:], (until, 0)], strict=True):
            total += wad(pa) * (min(tb, until) - ta) if ta < until else 0
        return total

    # 2000*100 + 2100*300 + 1900*30 + 2300*570 + 2200*300
    assert cum(now) == wad(2000 * 100 + 2100 * 300 + 1900 * 30 + 2300 * 570 + 2200 * 300)
    assert tuple(oracle.indexCumulative(key)) == (cum(now), wad(2200), t0 + 1000)
    # observations kept: t0, t0+100, t0+400, t0+1000 (t0+430 is within 60 s of t0+400: accrued, not kept)
    # window 1300 -> target t0: from t0
    assert oracle.indexTwap(key, 1300) == cum(now) // 1300
    # longer than the history: the oldest observation
    assert oracle.indexTwap(key, 10_000) == cum(now) // 1300
    # window 1000 -> target t0+300: newest observation at or before it is t0+100
    assert oracle.indexTwap(key, 1000) == (cum(now) - cum(t0 + 100)) // 1200
    # window 890 -> target t0+410: t0+400
    assert oracle.indexTwap(key, 890) == (cum(now) - cum(t0 + 400)) // 900
    # window 300 -> target t0+1000: t0+1000 itself
    assert oracle.indexTwap(key, 300) == wad(2200)
    # window 0: the price in force
    assert oracle.indexTwap(key, 0) == wad(2200)

    # a stale index leaves the last good price in force
    chain.pending_timestamp = now + CL_MAX_AGE
    tx = oracle.observe(key, sender=owner)
    assert list(tx.decode_logs(oracle.IndexObserved)) == []
    assert _index(oracle, key) == (0, STALE)
    c, last, lt = oracle.indexCumulative(key)
    assert (c, last, lt) == (cum(now) + wad(2200) * CL_MAX_AGE, wad(2200), t0 + 1000)


# ====================================================================== stale index in the ClearingHouse


def test_stale_index_in_clearing_house(stack, chain, ch, amm, oracle, eth, vault, funded, alice, bob, carol):
    a = funded(alice, 10_000)
    b = funded(bob, 10_000)
    c = funded(carol, 1_000)
    a.long_quote("vETH", 6_000)
    b.short_base("vETH", 1)
    # both feeds stale
    chain.mine(deltatime=CL_MAX_AGE + 1)
    assert _index(oracle, eth) == (0, STALE)
    twap = int(amm.getMarkTwap(eth, 900))
    assert tuple(ch.getValuationPrice(eth)) == (twap, False)
    # opening and increasing revert
    with reverts(ch.IndexStale, baseToken=eth):
        c.long_quote("vETH", 100)
    with reverts(ch.IndexStale, baseToken=eth):
        a.long_quote("vETH", 100)
    with reverts(ch.IndexStale, baseToken=eth):
        b.short_base("vETH", "0.1")
    # reducing goes on; the account is valued at the 15-minute mark TWAP
    a.short_base("vETH", "0.5")
    pos = ch.getPosition(alice, eth)
    price = int(amm.getMarkTwap(eth, 900))
    value = int(vault.balanceOf(alice)) + int(pos.size) * price // 10**18 - int(pos.openNotional)
    assert int(ch.getAccountValue(alice)) == value
    notional = -(-abs(int(pos.size)) * price // 10**18)  # rounded up
    assert int(ch.getMarginRequirements(alice).maintenance) == -(-notional * 62_500 // 10**6)
    # closing goes on
    b.close("vETH")
    assert ch.getPosition(bob, eth).size == 0
    a.close("vETH")
    assert ch.getAccountMarkets(alice) == []


def test_malformed_or_codeless_feeds_count_as_stale(project, stack, chain, owner, alice, oracle, eth, feed):
    """A Chainlink feed that returns no data (as an address without code does), short data or
    out-of-range words, or reverts, never makes the index revert: it counts as stale and Pyth
    takes over; with Pyth stale too the index is stale, still without a revert."""
    broken = owner.deploy(project.BrokenFeed)
    f = tuple(oracle.getFeed(eth))
    oracle.setFeed(eth, (broken.address, 0, *f[2:]), sender=owner)
    chain.mine(deltatime=1)
    push_pyth_price(stack, "vETH", 3050, chain.pending_timestamp, sender=owner)
    word = (2**256 - 1).to_bytes(32, "big")
    cases = [
        (b"", False),  # no return data
        (b"\x01" * 64, False),  # too short for latestRoundData
        (word * 5, False),  # every word at its maximum: answer = -1
        (b"boom", True),  # reverts
    ]
    for data, should_revert in cases:
        broken.configure(data, should_revert, sender=owner)
        assert tuple(oracle.chainlinkPrice(eth)) == (0, False)
        assert _index(oracle, eth) == (wad(3050), PYTH)
    # a feed whose code is gone answers a staticcall with success and no data: the b"" case above
    chain.mine(deltatime=PYTH_MAX_AGE + 1)
    assert _index(oracle, eth) == (0, STALE)  # nothing fresh left, and still no revert


def test_malformed_pyth_answer_counts_as_stale(project, stack, chain, owner, oracle, eth):
    """Pyth returning garbage (here: a BrokenFeed behind a second oracle) is stale, not a revert."""
    broken = owner.deploy(project.BrokenFeed)
    other = owner.deploy(project.PriceOracle, broken.address, owner.address)
    broken.configure((2**255).to_bytes(32, "big") * 4, False, sender=owner)  # price word out of int64 range
    chainlink = stack.markets["vETH"].chainlink
    chainlink.updateAnswer(3000 * 10**8, sender=owner)
    other.setFeed(eth, _feed_tuple(chainlink.address, b"\x01" * 32), sender=owner)
    assert tuple(other.pythPrice(eth)) == (0, False)
    assert tuple(other.getIndexPrice(eth)) == (wad(3000), CHAINLINK)
