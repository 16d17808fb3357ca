"""PriceOracle: the index rule of PROTOCOL.md section 5, every failure mode of both adapters
(hostile answers never revert), Pyth's confidence limit, the Pyth fee forwarding, feed
configuration and its validation, the index TWAP (Chainlink's own rounds by their own times,
whoever observes and whenever), and what a stale index means for the ClearingHouse
(opening/increasing revert, reducing/closing/liquidating/withdrawing go on at the mark TWAP).

Regressions for the security issue's holes 5 (one observation steers the index TWAP),
6 (Pyth's confidence interval ignored) and 7 (a Chainlink overflow panics) are marked as such."""

from __future__ import annotations

import csv
from decimal import Decimal
from typing import Any

import ape
import pytest
from eth_abi import encode as abi_encode
from eth_utils import keccak

from utils.checks import one
from utils.constants import HOUR, NO_PYTH, ZERO
from utils.constants import MAX_UINT256 as UINT256_MAX
from utils.models import funding_rate
from utils.reverts import reverts
from vperp.chain.config import ROOT
from vperp.chain.deploy import feed_struct, push_pyth_price, pyth_update_data
from vperp.sdk.units import wad

STALE, PYTH, CHAINLINK = 0, 1, 2
CL_MAX_AGE = 3900
PYTH_MAX_AGE = 60
INT256_MAX = 2**255 - 1
# PriceOracle's constants
MAX_ROUNDS = 8
FEED_CALL_RESERVE = 100_000 + 100_000 // 63 + 5_000
MAX_CHAINLINK_DECIMALS = 36
MAX_CHAINLINK_AGE = 2 * 24 * HOUR
MAX_PYTH_AGE = HOUR
MAX_DEVIATION = 100_000
MAX_CONFIDENCE = 100_000
MAX_PRICE = 10**30

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
DROP_CSV = ROOT / "data" / "eth_2023-08-17_drop_chainlink_rounds.csv"


# ====================================================================== helpers


def _index(oracle: Any, base: Any) -> tuple[int, int]:
    price, source = oracle.getIndexPrice(base)
    return int(price), int(source)


def _head(chain: Any) -> int:
    return int(chain.blocks.head.timestamp)


def _at(chain: Any, t: int) -> None:
    """The next transaction is mined at timestamp t (equal to the last block's is allowed)."""
    chain.pending_timestamp = t


def _mine_at(chain: Any, t: int) -> None:
    chain.pending_timestamp = t
    chain.mine()


def _cum(oracle: Any, base: Any) -> int:
    return int(oracle.indexCumulative(base)[0])


def _integral(steps: list[tuple[int, int]], start: int, end: int) -> int:
    """Exact integral over [start, end) of the step function [(from_time, price), ...]."""
    total = 0
    for i, (t, p) in enumerate(steps):
        t_next = steps[i + 1][0] if i + 1 < len(steps) else end
        lo, hi = max(t, start), min(t_next, end)
        if hi > lo:
            total += p * (hi - lo)
    return total


def _pyth_raw(
    stack: Any, pyth_id: bytes, price: int, publish_time: int, conf: int = 0, expo: int = -8
) -> bytes:
    return stack.pyth.createPriceFeedUpdateData(
        pyth_id, price, conf, expo, price, conf, publish_time, publish_time - 1
    )


def _push_pyth_raw(
    stack: Any, owner: Any, sym: str, price: int, publish_time: int, expo: int = -8, conf: int = 0
) -> None:
    data = _pyth_raw(stack, stack.markets[sym].pyth_id, price, publish_time, conf, expo)
    stack.oracle.updatePythPrice([data], sender=owner, value=1)


def _chainlink_only(
    project: Any, owner: Any, oracle: Any, key: str, answer: int, decimals: int = 8, **kw: Any
):
    """A Chainlink-only market `key` on a fresh MockV3Aggregator; returns the aggregator."""
    agg = project.ChainlinkAggregatorMock.deploy(decimals, answer, sender=owner)
    oracle.setFeed(key, feed_struct(agg.address, **kw), sender=owner)
    return agg


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


def test_gas_burning_feed_is_stale_and_a_starved_call_reverts(project, stack, chain, owner, oracle, eth):
    """A feed that burns all the gas it gets counts as stale (it gets a fixed allowance, so the
    caller goes on). A caller that cannot give a feed call its whole allowance is refused with
    InsufficientGasForFeed: a gas limit chosen to starve the Chainlink call must not make
    Chainlink look stale (which would hand the index, and the TWAP fallback, to Pyth)."""
    broken = owner.deploy(project.BrokenFeed)
    f = tuple(oracle.getFeed(eth))
    oracle.setFeed(eth, (broken.address, 0, *f[2:]), sender=owner)
    broken.configureBurn(True, sender=owner)
    chain.mine(deltatime=1)
    push_pyth_price(stack, "vETH", 3050, chain.pending_timestamp, sender=owner)
    assert _index(oracle, eth) == (wad(3050), PYTH)
    tx = oracle.observe(eth, sender=owner)
    assert tx.gas_used > 100_000  # the feed's allowance was burnt, the observation went on
    with ape.reverts(oracle.InsufficientGasForFeed) as info:
        oracle.observe(eth, sender=owner, gas_limit=90_000)
    gas_left, required = info.value.inputs["gasLeft"], info.value.inputs["required"]
    assert required == FEED_CALL_RESERVE and 0 < gas_left < 90_000 - 21_000


# ====================================================================== hole 7: overflow


def _overflow_cases() -> list[Any]:
    """(decimals, answer) pairs: int256 max, 10^60, the largest answer whose 18-decimal price
    fits 256 bits and the smallest that does not (only below 18 decimals: from 18 decimals on
    every positive int256 answer is representable)."""
    cases = []
    for d in (0, 8, 18):
        limit = UINT256_MAX // 10 ** (18 - d) if d < 18 else INT256_MAX
        answers = {"int256-max": INT256_MAX, "1e60": 10**60, "largest-representable": limit}
        if limit < INT256_MAX:
            answers["smallest-overflowing"] = limit + 1
        cases += [pytest.param(d, a, id=f"dec{d}-{name}") for name, a in answers.items()]
    return cases


@pytest.mark.parametrize("decimals, answer", _overflow_cases())
def test_chainlink_huge_answers_are_stale_never_a_panic(
    project, chain, owner, oracle, accounts, decimals, answer
):
    """Hole 7: an answer whose 18-decimal price overflows is stale (price 0), one that fits is
    its price and stale (above maxPrice); getIndexPrice, observe and the views never revert, and
    the TWAP holds the last good price over the span."""
    key = accounts[7].address
    agg = _chainlink_only(project, owner, oracle, key, 2000 * 10**decimals, decimals)
    t0 = _head(chain)
    assert int(oracle.indexCumulative(key).lastTime) == t0
    _at(chain, t0 + 10)
    agg.updateAnswer(answer, sender=owner)
    scaled = answer * 10 ** (18 - decimals)
    expected = scaled if scaled <= UINT256_MAX else 0
    assert tuple(oracle.chainlinkPrice(key)) == (expected, False)
    assert _index(oracle, key) == (0, STALE)
    _at(chain, t0 + 20)
    tx = oracle.observe(key, sender=owner)
    assert list(tx.decode_logs(oracle.IndexObserved)) == []
    assert tuple(oracle.indexCumulative(key)) == (wad(2000) * 20, wad(2000), t0 + 20)
    assert oracle.indexTwap(key, 20) == wad(2000)


def test_chainlink_decimals_at_the_bound(project, chain, owner, oracle, accounts):
    """36 decimals (the most setFeed accepts) scale down exactly; a huge answer is just large."""
    key = accounts[7].address
    agg = _chainlink_only(project, owner, oracle, key, 1234 * 10**36, 36)
    assert oracle.getFeed(key).chainlinkDecimals == 36
    assert _index(oracle, key) == (wad(1234), CHAINLINK)
    chain.mine(deltatime=1)
    agg.updateAnswer(INT256_MAX, sender=owner)
    assert tuple(oracle.chainlinkPrice(key)) == (INT256_MAX // 10**18, False)


def test_chainlink_overflow_close_liquidate_withdraw_go_on(
    stack, chain, owner, ch, amm, oracle, vault, eth, feed, alice, bob, carol, keeper, funded
):
    """Hole 7 regression: vETH's Chainlink answers 2^255 - 1 (8 decimals: the 18-decimal price
    overflows) and Pyth is stale. Before the fix getIndexPrice panicked (0x11), so closing,
    liquidating and withdrawing all reverted. Now the index is stale and they go on at the
    15-minute mark TWAP."""
    b = funded(bob, 10_000)
    b.long_quote("vETH", 95_000)
    c = funded(carol, 1_000)
    c.long_quote("vETH", 1_000)
    a = funded(alice, 150_000)
    for _ in range(3):  # push the mark ~6% down, one block at a time (fluctuation limit)
        a.short_base("vETH", 100)
    feed.updateAnswer(INT256_MAX, sender=owner)
    chain.mine(deltatime=901)  # Pyth stale; the 15-minute mark TWAP is the mark
    assert tuple(oracle.chainlinkPrice(eth)) == (0, False)
    assert _index(oracle, eth) == (0, STALE)
    oracle.observe(eth, sender=keeper)
    twap = int(amm.getMarkTwap(eth, 900))
    assert tuple(ch.getValuationPrice(eth)) == (twap, False)
    # liquidate
    assert ch.isLiquidatable(bob)
    tx = ch.liquidate(bob, eth, sender=keeper)
    assert len(list(tx.decode_logs(ch.PositionLiquidated))) == 1
    # close
    c.close("vETH")
    assert int(ch.getPosition(carol, eth).size) == 0
    # withdraw (carol has no position left: all her collateral is free)
    before = int(vault.balanceOf(carol))
    c.withdraw(400)
    assert int(vault.balanceOf(carol)) == before - wad(400)


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


def _pyth_words(price: int, conf: int, expo: int, publish_time: int) -> bytes:
    return abi_encode(["int256", "uint256", "int256", "uint256"], [price, conf, expo, publish_time])


@pytest.mark.parametrize(
    "price, conf, expo, publish, fresh",
    [
        (3000 * 10**8, 0, -8, 0, True),  # control: a good answer
        (3000 * 10**8, UINT256_MAX, -8, 0, None),  # conf * 1e6 would overflow
        (3000 * 10**8, 2**64, -8, 0, None),  # conf beyond Pyth's uint64
        (2**63, 0, -8, 0, False),  # price beyond int64
        (3000 * 10**8, 0, -37, 0, False),  # exponent out of range
        (3000, 0, 19, 0, False),
        (3000 * 10**8, 0, -(2**255), 0, False),
        (3000 * 10**8, 0, 2**255 - 1, 0, False),
        (3000 * 10**8, 0, -8, UINT256_MAX, False),  # published in the far future
    ],
    ids=[
        "good",
        "conf-max",
        "conf-2^64",
        "price-2^63",
        "expo-37",
        "expo+19",
        "expo-min",
        "expo-max",
        "future",
    ],
)
def test_malformed_pyth_answer_counts_as_stale(
    project, stack, chain, owner, oracle, eth, price, conf, expo, publish, fresh
):
    """Pyth answering garbage (a BrokenFeed behind a second oracle) is stale, never a revert:
    every word is range-checked before any arithmetic. (fresh None: a readable price with an
    unusable confidence: its price, not fresh.)"""
    broken = owner.deploy(project.BrokenFeed)
    other = owner.deploy(project.PriceOracle, broken.address, owner.address)
    t = _head(chain) + 5
    broken.configure(_pyth_words(price, conf, expo, publish or t), False, sender=owner)
    chainlink = stack.markets["vETH"].chainlink
    _at(chain, t)
    chainlink.updateAnswer(3000 * 10**8, sender=owner)
    other.setFeed(eth, feed_struct(chainlink.address, b"\x01" * 32), sender=owner)
    assert tuple(other.pythPrice(eth)) == (
        (wad(3000), True) if fresh else (wad(3000) if fresh is None else 0, False)
    )
    assert tuple(other.getIndexPrice(eth)) == ((wad(3000), PYTH) if fresh else (wad(3000), CHAINLINK))
    other.observe(eth, sender=owner)


# ====================================================================== hole 6: Pyth confidence


def test_pyth_confidence_50_percent_is_not_an_index(stack, chain, owner, oracle, eth, feed):
    """Hole 6 regression: Pyth 2990 +- 1495 (50% of the price) was a valid index (the spot index
    took it: within 2% of Chainlink's 3000). Now it is stale: the index is Chainlink; and with
    Chainlink stale too, the index is stale instead of a price nobody vouches for."""
    t = _head(chain) + 5
    _at(chain, t)
    push_pyth_price(stack, "vETH", 2990, t, sender=owner, conf=1495)
    assert tuple(oracle.pythPrice(eth)) == (wad(2990), False)
    assert _index(oracle, eth) == (wad(3000), CHAINLINK)
    cl_time = int(feed.latestTimestamp())
    t = cl_time + CL_MAX_AGE + 1
    _at(chain, t)
    push_pyth_price(stack, "vETH", 2990, t, sender=owner, conf=1495)
    assert not oracle.chainlinkPrice(eth).fresh
    assert _index(oracle, eth) == (0, STALE)


def _set_max_confidence(oracle: Any, owner: Any, base: Any, max_confidence: int) -> None:
    f = list(oracle.getFeed(base))
    f[8] = max_confidence
    oracle.setFeed(base, tuple(f), sender=owner)


@pytest.mark.parametrize(
    "sym, max_conf, price, conf, expo, fresh",
    [
        ("vETH", 10_000, 2990 * 10**8, 29_90000000, -8, True),  # exactly 1%: fresh
        ("vETH", 10_000, 2990 * 10**8, 29_90000001, -8, False),  # one unit above: stale
        ("vETH", 10_000, 2990 * 10**8, 1495 * 10**8, -8, False),  # +- 50%
        ("vETH", 10_000, 299_012_345, 2_990_123, -5, True),  # 2990.12345 +- 29.90123 (< 1%)
        ("vETH", 10_000, 299_012_345, 2_990_124, -5, False),  # one unit of 1e-5 above 1%
        ("vBTC", 5_000, 60_100 * 10**8, 300_50000000, -8, True),  # 0.5% market: exactly 0.5%
        ("vBTC", 5_000, 60_100 * 10**8, 300_50000001, -8, False),  # one unit above
        ("vBTC", 5_000, 60_100 * 10**8, 601 * 10**8, -8, False),  # 1%: fine for vETH, not here
        ("vBTC", 5_000, 60_100 * 10**8, 30_050 * 10**8, -8, False),  # +- 50%
    ],
    ids=[
        "eth-at-max",
        "eth-1-above",
        "eth-50pct",
        "eth-expo5-at",
        "eth-expo5-above",
        "btc-at-max",
        "btc-1-above",
        "btc-1pct",
        "btc-50pct",
    ],
)
def test_pyth_confidence_limit_per_feed(stack, chain, owner, oracle, sym, max_conf, price, conf, expo, fresh):
    """conf * 1e6 <= price * maxConfidence (raw units, same exponent) is fresh, one unit more is
    stale; each market has its own limit (vBTC set to 0.5% here). Chainlink fresh: a refused
    Pyth leaves the index to Chainlink; Chainlink stale: a refused Pyth leaves it stale."""
    base = stack.base(sym)
    cl = stack.markets[sym].chainlink
    cl_price = int(cl.latestAnswer()) * 10**10
    if max_conf != 10_000:
        _set_max_confidence(oracle, owner, base, max_conf)
    assert oracle.getFeed(base).maxConfidence == max_conf
    scaled = price * 10 ** (18 + expo)
    t = _head(chain) + 5
    _at(chain, t)
    _push_pyth_raw(stack, owner, sym, price, t, expo=expo, conf=conf)
    assert tuple(oracle.pythPrice(base)) == (scaled, fresh)
    assert _index(oracle, base) == ((scaled, PYTH) if fresh else (cl_price, CHAINLINK))
    # Chainlink stale: Pyth alone, if it is confident enough
    t = int(cl.latestTimestamp()) + CL_MAX_AGE + 1
    _at(chain, t)
    _push_pyth_raw(stack, owner, sym, price, t, expo=expo, conf=conf)
    assert _index(oracle, base) == ((scaled, PYTH) if fresh else (0, STALE))


# ====================================================================== Pyth fee


def test_update_pyth_price_forwards_fee_and_refunds(stack, chain, alice, oracle):
    pyth = stack.pyth
    t = _head(chain) + 5
    updates = [
        _pyth_raw(stack, stack.markets["vETH"].pyth_id, 3001 * 10**8, t),
        _pyth_raw(stack, stack.markets["vBTC"].pyth_id, 60001 * 10**8, t),
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


def test_update_pyth_price_bad_input(project, stack, chain, owner, alice, oracle):
    t = _head(chain) + 5
    updates = [
        _pyth_raw(stack, stack.markets["vETH"].pyth_id, 3001 * 10**8, t),
        _pyth_raw(stack, stack.markets["vBTC"].pyth_id, 60001 * 10**8, t),
    ]
    with reverts(oracle.InsufficientPythFee, required=2, provided=1):
        oracle.updatePythPrice(updates, sender=alice, value=1)
    with reverts(oracle.InsufficientPythFee, required=2, provided=0):
        oracle.updatePythPrice(updates, sender=alice)
    with reverts(oracle.NoPythUpdate):
        oracle.updatePythPrice([], sender=alice, value=1)
    with reverts(oracle.NoPythUpdate):
        oracle.pythUpdateFee([])
    # an oracle without Pyth (Chainlink only)
    bare = project.PriceOracle.deploy(ZERO, owner.address, sender=owner)
    with reverts(bare.PythUnavailable, baseToken=ZERO, pythId=NO_PYTH):
        bare.updatePythPrice(updates, sender=alice, value=2)
    # (a view's revert whose arguments are all zero bytes reaches us as text, not hex: match it)
    with ape.reverts() as info:
        bare.pythUpdateFee(updates)
    selector = keccak(text="PythUnavailable(address,bytes32)")[:4].hex()
    assert str(info.value.revert_message) == f"custom error 0x{selector}: " + "\x00" * 64


# ====================================================================== setFeed


def test_set_feed_validation(project, chain, owner, alice, oracle, accounts, stack):
    """Every bad configuration is refused with its own error and values."""
    key = accounts[8].address
    agg = project.ChainlinkAggregatorMock.deploy(8, 2000 * 10**8, sender=owner)
    pid = b"\x01" * 32
    with reverts(oracle.OwnableUnauthorizedAccount, account=alice):
        oracle.setFeed(key, feed_struct(agg.address), sender=alice)
    with reverts(oracle.InvalidBaseToken, baseToken=ZERO):
        oracle.setFeed(ZERO, feed_struct(agg.address), sender=owner)
    with reverts(oracle.NoPriceSource, baseToken=key):
        oracle.setFeed(key, feed_struct(ZERO), sender=owner)
    for age in (0, MAX_CHAINLINK_AGE + 1):
        with reverts(
            oracle.ChainlinkMaxAgeOutOfBounds, baseToken=key, maxAge=age, min=1, max=MAX_CHAINLINK_AGE
        ):
            oracle.setFeed(key, feed_struct(agg.address, chainlink_max_age=age), sender=owner)
    for age in (0, MAX_PYTH_AGE + 1):
        with reverts(oracle.PythMaxAgeOutOfBounds, baseToken=key, maxAge=age, min=1, max=MAX_PYTH_AGE):
            oracle.setFeed(key, feed_struct(agg.address, pid, pyth_max_age=age), sender=owner)
    for conf in (0, MAX_CONFIDENCE + 1):
        with reverts(
            oracle.MaxConfidenceOutOfBounds, baseToken=key, maxConfidence=conf, min=1, max=MAX_CONFIDENCE
        ):
            oracle.setFeed(key, feed_struct(agg.address, pid, max_confidence=conf), sender=owner)
    with reverts(
        oracle.MaxDeviationOutOfBounds, baseToken=key, maxDeviation=MAX_DEVIATION + 1, max=MAX_DEVIATION
    ):
        oracle.setFeed(key, feed_struct(agg.address, max_deviation=MAX_DEVIATION + 1), sender=owner)
    for lo, hi in ((0, wad(10)), (wad(5), wad(5)), (wad(6), wad(5)), (wad(1), MAX_PRICE + 1)):
        with reverts(oracle.PriceRangeInvalid, baseToken=key, minPrice=lo, maxPrice=hi, maxAllowed=MAX_PRICE):
            oracle.setFeed(key, (*feed_struct(agg.address)[:6], lo, hi, 10_000), sender=owner)
    for decimals in (MAX_CHAINLINK_DECIMALS + 1, 96, 255):  # 10**(255 - 18) would overflow
        wide = project.ChainlinkAggregatorMock.deploy(decimals, 1, sender=owner)
        with reverts(
            oracle.ChainlinkDecimalsOutOfBounds, baseToken=key, decimals=decimals, max=MAX_CHAINLINK_DECIMALS
        ):
            oracle.setFeed(key, feed_struct(wide.address), sender=owner)
    eoa = accounts[9].address  # no code: no decimals()
    with reverts(oracle.ChainlinkDecimalsUnreadable, baseToken=key, chainlink=eoa):
        oracle.setFeed(key, feed_struct(eoa), sender=owner)
    # a new feed must be live: a stale first answer is refused
    chain.pending_timestamp = _head(chain) + 10
    agg.updateRoundData(2, 2000 * 10**8, _head(chain) - CL_MAX_AGE - 100, 0, sender=owner)
    with reverts(oracle.InitialIndexStale, baseToken=key):
        oracle.setFeed(key, feed_struct(agg.address), sender=owner)
    # a Pyth id on an oracle without Pyth
    bare = project.PriceOracle.deploy(ZERO, owner.address, sender=owner)
    with reverts(bare.PythUnavailable, baseToken=key, pythId=pid):
        bare.setFeed(key, feed_struct(agg.address, pid), sender=owner)
    # a valid one at the bounds: decimals read from the aggregator, FeedSet and IndexObserved
    agg.updateAnswer(2000 * 10**8, sender=owner)
    f = feed_struct(
        agg.address,
        chainlink_max_age=MAX_CHAINLINK_AGE,
        max_deviation=MAX_DEVIATION,
        max_confidence=0,  # irrelevant without a Pyth id
    )
    f = (*f[:7], MAX_PRICE, f[8])
    tx = oracle.setFeed(key, f, sender=owner)
    stored = (agg.address.lower(), 8, *f[2:])
    assert _lower(tuple(oracle.getFeed(key))) == stored
    ev = one(tx, oracle.FeedSet)
    assert ev.baseToken == key and _lower(tuple(ev.feed)) == stored
    assert tuple(ev.old) == (ZERO, 0, 0, 0, 0, b"\x00" * 32, 0, 0, 0)  # a new market: no feed before
    ev = one(tx, oracle.IndexObserved)
    assert (ev.baseToken, ev.price, ev.source) == (key, wad(2000), CHAINLINK)
    assert _index(oracle, key) == (wad(2000), CHAINLINK)


def _lower(feed: tuple) -> tuple:
    return (str(feed[0]).lower(), *feed[1:])


def test_unknown_market_is_refused_everywhere(chain, owner, oracle, accounts):
    key = accounts[8].address
    for call in (
        oracle.getIndexPrice,
        oracle.indexCumulative,
        oracle.getFeed,
        oracle.chainlinkPrice,
        oracle.pythPrice,
    ):
        with reverts(oracle.UnknownFeed, baseToken=key):
            call(key)
    with reverts(oracle.UnknownFeed, baseToken=key):
        oracle.indexTwap(key, 900)
    with reverts(oracle.UnknownFeed, baseToken=key):
        oracle.observe(key, sender=owner)
    with reverts(oracle.UnknownFeed, baseToken=key):
        oracle.observeCumulative(key, sender=owner)
    with reverts(oracle.UnknownFeed, baseToken=ZERO):
        oracle.observe(ZERO, sender=owner)


def test_chainlink_18_decimals(project, chain, owner, oracle, accounts):
    key = accounts[7].address
    _chainlink_only(project, owner, oracle, key, wad("1234.567890123456789"), 18)
    assert _index(oracle, key) == (wad("1234.567890123456789"), CHAINLINK)


def test_reconfiguring_a_market_accrues_the_old_feed_first(project, chain, owner, oracle, eth, feed):
    """setFeed on a listed market: the TWAP is accrued with the old feed up to that moment, the
    new feed's price is in force from then on (with an IndexObserved)."""
    t0 = _head(chain) + 10
    _at(chain, t0)
    oracle.observe(eth, sender=owner)
    c0 = _cum(oracle, eth)
    new = project.ChainlinkAggregatorMock.deploy(8, 3050 * 10**8, sender=owner)
    _at(chain, t0 + 100)
    f = tuple(oracle.getFeed(eth))
    tx = oracle.setFeed(eth, (new.address, *f[1:]), sender=owner)
    ev = one(tx, oracle.IndexObserved)
    assert (ev.price, ev.source) == (wad(3050), CHAINLINK)
    assert tuple(oracle.indexCumulative(eth)) == (c0 + wad(3000) * 100, wad(3050), t0 + 100)
    _mine_at(chain, t0 + 130)
    assert _cum(oracle, eth) == c0 + wad(3000) * 100 + wad(3050) * 30


# ====================================================================== index TWAP


def test_index_twap(project, chain, owner, oracle, accounts):
    """Hand-computed TWAPs over a few price steps of a Chainlink-only feed. (Changed with the
    TWAP fix: an observe with a stale index now commits its accrual, so lastTime moves.)"""
    key = accounts[6].address
    agg = project.ChainlinkAggregatorMock.deploy(8, 2000 * 10**8, sender=owner)
    t0 = _head(chain) + 10
    chain.pending_timestamp = t0
    oracle.setFeed(key, feed_struct(agg.address), sender=owner)
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
        return _integral([(t, wad(p)) for t, p in prices], t0, until)

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

    # a stale index leaves the last good price in force (the observe commits the accrual)
    chain.pending_timestamp = now + CL_MAX_AGE
    tx = oracle.observe(key, sender=owner)
    assert list(tx.decode_logs(oracle.IndexObserved)) == []
    assert _index(oracle, key) == (0, STALE)
    c, last, lt = oracle.indexCumulative(key)
    assert (c, last, lt) == (cum(now) + wad(2200) * CL_MAX_AGE, wad(2200), now + CL_MAX_AGE)


def test_hole5_one_pyth_print_does_not_steer_the_index_twap(
    stack, chain, ch, oracle, eth, feed, owner, keeper
):
    """Hole 5 regression, the issue's numbers: Chainlink at 3,000 throughout; someone pushes one
    Pyth print 1.97% below (2,940.90: inside the 2% band, so it is the spot index), observes once,
    and nobody observes again for the hour. Before the fix the index TWAP held 2,940.90 for the
    whole epoch (~1.97% low): funding hit the cap and longs paid. Now the TWAP is Chainlink's:
    exactly 3,000, and with the mark at the index the rate is 0."""
    t0 = int(ch.lastFundingTime(eth))
    assert t0 + HOUR - int(feed.latestTimestamp()) <= CL_MAX_AGE  # Chainlink fresh all epoch
    _at(chain, t0 + 60)
    push_pyth_price(stack, "vETH", "2940.9", t0 + 60, sender=owner)
    _at(chain, t0 + 61)
    tx = oracle.observe(eth, sender=owner)
    assert _index(oracle, eth) == (wad("2940.9"), PYTH)  # the spot index took the print
    assert list(tx.decode_logs(oracle.IndexObserved)) == []  # the TWAP's price did not move
    _at(chain, t0 + HOUR)
    tx = ch.updateFundingRate(eth, sender=keeper)
    ev = one(tx, ch.FundingUpdated)
    assert (ev.rate, ev.markTwap, ev.indexTwap) == (0, wad(3000), wad(3000))


def _pct(x: str) -> Decimal:
    return 1 + Decimal(x) / 100


# (time offset from the epoch start, Chainlink price factor) rounds; Pyth pushes as (offset,
# deviation from the Chainlink answer in force, in %); observe calls at offsets.
SCHEDULES: dict[str, dict[str, list]] = {
    "observe-after-push": {"rounds": [], "pushes": [60], "observes": [61]},
    "observe-before-push": {"rounds": [], "pushes": [60], "observes": [30]},
    "push-observe-same-second": {"rounds": [], "pushes": [120], "observes": [120, 121]},
    "several-observers": {"rounds": [], "pushes": [100, 1500], "observes": [101, 900, 1501, 2400, 3000]},
    "rounds-observed": {
        "rounds": [(600, "0.4"), (1800, "-0.3"), (2700, "0.1")],
        "pushes": [610, 1790, 2705],
        "observes": [599, 600, 611, 1200, 1791, 1800, 2706, 3599],
    },
    "rounds-unobserved": {
        "rounds": [(600, "0.4"), (1800, "-0.3"), (2700, "0.1")],
        "pushes": [610, 1790, 2705],
        "observes": [],
    },
    "rounds-observed-once": {
        "rounds": [(600, "0.4"), (1800, "-0.3"), (2700, "0.1")],
        "pushes": [610, 1790, 2705],
        "observes": [2706],
    },
}


@pytest.mark.parametrize("schedule", list(SCHEDULES))
@pytest.mark.parametrize("offset", ["-1.97", "-1.5", "1.99"])
@pytest.mark.parametrize("sym", ["vETH", "vBTC"])
def test_index_twap_is_chainlinks_whoever_observes(
    stack, chain, ch, oracle, owner, keeper, accounts, sym, offset, schedule
):
    """Hole 5, variants: Pyth prints `offset`% off Chainlink (all inside the band: they become
    the spot index), pushed and observed in various orders, by various observers, with
    Chainlink rounds changing mid-epoch or not. The funding update's index TWAP is always the
    exact time-weighted average of Chainlink's answers by their own round times, computed here,
    and the accumulator moved by exactly its integral."""
    base = stack.base(sym)
    cl = stack.markets[sym].chainlink
    p0 = Decimal(int(cl.latestAnswer())) / 10**8
    t0 = int(ch.lastFundingTime(base))
    assert t0 + HOUR - int(cl.latestTimestamp()) <= CL_MAX_AGE  # Chainlink fresh all epoch
    c_start, h = _cum(oracle, base), _head(chain)
    s = SCHEDULES[schedule]
    events: list[tuple[int, int, str, Any]] = []  # (offset, order, kind, arg)
    events += [(o, 0, "round", f) for o, f in s["rounds"]]
    events += [(o, 1, "push", None) for o in s["pushes"]]
    events += [(o, 2, "observe", i) for i, o in enumerate(s["observes"])]
    steps = [(t0, wad(p0))]
    cl_price = p0
    for o, _, kind, arg in sorted(events, key=lambda e: (e[0], e[1])):
        _at(chain, t0 + o)
        if kind == "round":
            cl_price = (p0 * _pct(arg)).quantize(Decimal("0.00000001"))
            cl.updateAnswer(int(cl_price * 10**8), sender=owner)
            steps.append((t0 + o, wad(cl_price)))
        elif kind == "push":
            px = (cl_price * _pct(offset)).quantize(Decimal("0.00000001"))
            push_pyth_price(stack, sym, px, t0 + o, sender=owner)
            assert _index(oracle, base) == (wad(px), PYTH)
        else:  # different observers
            oracle.observe(base, sender=accounts[4 + arg % 5])
    end = t0 + HOUR
    _mine_at(chain, end)
    assert _cum(oracle, base) - c_start == _integral(steps, h, end)
    _at(chain, end)
    tx = ch.updateFundingRate(base, sender=keeper)
    ev = one(tx, ch.FundingUpdated)
    index_twap = _integral(steps, t0, end) // HOUR
    mark = wad(p0)  # nobody traded: the mark sits at the initial index
    assert (ev.markTwap, ev.indexTwap, ev.rate) == (mark, index_twap, funding_rate(mark, index_twap, HOUR)[0])
    if not s["rounds"]:
        assert (ev.indexTwap, ev.rate) == (wad(p0), 0)


def test_index_twap_walk_back_is_bounded(project, chain, owner, oracle, accounts):
    """The documented bound: one accrual reads at most MAX_ROUNDS rounds back. Replaying the
    eleven real rounds of the 2023-08-17 drop with nobody observing, the two oldest rounds lie
    beyond the walk and are priced at the price recorded at the previous accrual (the feed's
    start); with one observer in between, every second is priced at its own round."""
    key = accounts[6].address
    agg = project.ChainlinkAggregatorMock.deploy(8, 1700 * 10**8, sender=owner)
    start = _head(chain) + 10
    _at(chain, start)
    oracle.setFeed(key, feed_struct(agg.address), sender=owner)
    shift = start + 10 - DROP_ROUNDS[0][0]
    rounds = [(ts + shift, answer * 10**10, rid) for ts, answer, rid in DROP_ROUNDS]
    end = rounds[-1][0] + 60
    for observe_after in (None, 5):
        snap = chain.snapshot()
        for i, (t, price, rid) in enumerate(rounds):
            _at(chain, t)
            agg.updateRoundData(rid, price // 10**10, t, t, sender=owner)
            if i == observe_after:
                _at(chain, t + 1)
                oracle.observe(key, sender=owner)
        _mine_at(chain, end)
        exact = _integral([(start, wad(1700))] + [(t, p) for t, p, _ in rounds], start, end)
        if observe_after is None:
            walked = rounds[-(MAX_ROUNDS + 1) :]
            expected = _integral([(start, wad(1700))] + [(t, p) for t, p, _ in walked], start, end)
            assert _cum(oracle, key) == expected != exact
        else:
            assert _cum(oracle, key) == exact
        chain.restore(snap)


@pytest.mark.parametrize(
    "bad",
    ["control", "overflow", "negative", "zero", "no-timestamp", "later-than-next", "above-max"],
)
def test_index_twap_walk_back_stops_at_a_bad_round(project, chain, owner, oracle, accounts, bad):
    """Hostile history: the round before the latest is out of range, non-positive, undated or
    dated after its successor. The walk stops there (no revert, no panic) and the rest of the
    span is priced at the recorded price; a good history is priced round by round."""
    key = accounts[6].address
    agg = _chainlink_only(project, owner, oracle, key, 2000 * 10**8)
    s = _head(chain)
    answer, updated = {
        "control": (2100 * 10**8, s + 100),
        "overflow": (INT256_MAX, s + 100),
        "negative": (-(2100 * 10**8), s + 100),
        "zero": (0, s + 100),
        "no-timestamp": (2100 * 10**8, 0),
        "later-than-next": (2100 * 10**8, s + 250),
        "above-max": (1_000_001 * 10**8, s + 100),
    }[bad]
    _at(chain, s + 100)
    agg.updateRoundData(2, answer, updated, updated, sender=owner)
    _at(chain, s + 200)
    agg.updateRoundData(3, 2200 * 10**8, s + 200, s + 200, sender=owner)
    _at(chain, s + 300)
    tx = oracle.observe(key, sender=owner)
    if bad == "control":
        expected = wad(2000) * 100 + wad(2100) * 100 + wad(2200) * 100
    else:
        expected = wad(2000) * 200 + wad(2200) * 100
    assert tuple(oracle.indexCumulative(key)) == (expected, wad(2200), s + 300)
    assert one(tx, oracle.IndexObserved).price == wad(2200)


@pytest.mark.parametrize(
    "round_id", [2**80, 2**64, 2**64 + 1, 5], ids=["above-uint80", "phase-0", "phase-first", "echo"]
)
def test_index_twap_walk_back_with_hostile_round_ids(project, chain, owner, oracle, accounts, round_id):
    """A feed whose round ids are out of uint80, at a phase's first round, or that answers every
    getRoundData with its latest round: the walk ends without a revert and prices the span
    before the latest round at the recorded price."""
    key = accounts[6].address
    broken = owner.deploy(project.BrokenFeed)
    s = _head(chain) + 5

    def words(updated_at: int, answer: int) -> bytes:
        return abi_encode(
            ["uint256", "int256", "uint256", "uint256", "uint256"], [round_id, answer, 0, updated_at, 0]
        )

    broken.configure(words(s - 1, 2000 * 10**8), False, sender=owner)
    _at(chain, s)
    oracle.setFeed(key, feed_struct(broken.address), sender=owner)
    broken.configure(words(s + 100, 2100 * 10**8), False, sender=owner)
    _at(chain, s + 150)
    oracle.observe(key, sender=owner)
    assert tuple(oracle.indexCumulative(key)) == (wad(2000) * 100 + wad(2100) * 50, wad(2100), s + 150)


def test_index_twap_during_a_chainlink_outage(stack, chain, owner, oracle, eth, feed):
    """The documented fallback: seconds in which Chainlink is stale are priced at the price the
    previous accrual recorded (sample-and-hold). With an observer during the outage that is the
    Pyth print it saw; without one, Chainlink's last price before the outage. Seconds in which a
    Chainlink round was fresh are priced at it either way."""
    cl_t = int(feed.latestTimestamp())
    s0 = _head(chain) + 5
    _at(chain, s0)
    oracle.observe(eth, sender=owner)
    c0 = _cum(oracle, eth)
    stale_from = cl_t + CL_MAX_AGE  # fresh up to and including this second
    p1 = stale_from + 100
    r = stale_from + 1000
    end = r + 100
    for observed in (True, False):
        snap = chain.snapshot()
        _at(chain, p1)
        push_pyth_price(stack, "vETH", 2900, p1, sender=owner)
        if observed:
            _at(chain, p1 + 1)
            tx = oracle.observe(eth, sender=owner)
            assert (one(tx, oracle.IndexObserved).price, one(tx, oracle.IndexObserved).source) == (
                wad(2900),
                PYTH,
            )
        _at(chain, r)
        feed.updateAnswer(3100 * 10**8, sender=owner)
        _at(chain, end)
        oracle.observe(eth, sender=owner)
        held = wad(2900) if observed else wad(3000)
        tail = (r - p1 - 1) if observed else (r - stale_from)
        expected = wad(3000) * (stale_from - s0) + wad(3000) * (r - stale_from - tail) + held * tail
        assert _cum(oracle, eth) - c0 == expected + wad(3100) * 100
        chain.restore(snap)


def test_observe_gas_common_case(chain, owner, oracle, eth):
    """No new Chainlink round since the last accrual: one latestRoundData, one Pyth read, one
    accumulator write. Measured 68,433 gas before the TWAP fix, 69,864 after (the Pyth price
    moving no longer writes storage: 73,221 before, 69,850 after). Each Chainlink round read back
    costs one getRoundData (~10k on the mock). 70,076 once the L2 sequencer rule's functions
    joined the oracle's dispatch table (a few more selector comparisons before `observe`)."""
    chain.mine(deltatime=1)
    oracle.observe(eth, sender=owner)
    chain.mine(deltatime=5)
    tx = oracle.observe(eth, sender=owner)
    assert tx.gas_used <= 70_200


def test_trades_read_the_index_without_writing_the_oracle(stack, chain, owner, oracle, eth, funded, alice):
    """Issue 8: a trade reads the index through the `getPrices` view: no oracle storage write, no
    accrual (the funding update, repegs and `observe` accrue); its only external calls are that
    read and, on an increase, the L2 sequencer rule's view (requireSequencerUp), both static."""
    a = funded(alice, 10_000)
    chain.mine(deltatime=61)
    before = oracle.indexCumulative(eth)
    tx = a.long_quote("vETH", 1_000)
    trace = chain.provider.make_request(
        "debug_traceTransaction",
        [tx.txn_hash.hex() if hasattr(tx.txn_hash, "hex") else tx.txn_hash, {"tracer": "callTracer"}],
    )
    calls = trace.get("calls") or []
    assert len(calls) == 2 and all(
        c["type"] == "STATICCALL" and c["to"].lower() == oracle.address.lower() for c in calls
    )
    assert [c["input"][:10] for c in calls] == [
        "0x" + keccak(text=sig)[:4].hex() for sig in ("getPrices(address)", "requireSequencerUp(bool)")
    ]
    assert int(oracle.indexCumulative(eth)[2]) == int(before[2])  # no accrual


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


def test_pyth_update_data_helper(stack, chain, owner, oracle, eth):
    """vperp.deploy.pyth_update_data scales price and confidence to the exponent."""
    t = _head(chain) + 5
    data = pyth_update_data(stack, "vETH", "2990.5", t, conf="29.905", expo=-8)
    _at(chain, t)
    oracle.updatePythPrice([data], sender=owner, value=1)
    p = stack.pyth.getPriceUnsafe(stack.markets["vETH"].pyth_id)
    assert (int(p.price), int(p.conf), int(p.expo), int(p.publishTime)) == (299050000000, 2990500000, -8, t)
    assert tuple(oracle.pythPrice(eth)) == (wad("2990.5"), True)  # exactly 1%
