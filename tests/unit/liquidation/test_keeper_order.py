"""The keeper's "margin" order (vperp.bots.keeper.by_margin): the solvent accounts with the least
margin first, under-water ones last, ties in their given order. The replays run it on chain
(tests/integration/test_crash_replay.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from vperp.bots.keeper import KeeperStrategy, by_margin


def _state(value: int, notional: int) -> SimpleNamespace:
    return SimpleNamespace(anchoredValue=value, largestNotional=notional)


def test_least_margin_first_under_water_last():
    targets = [("a", "m"), ("b", "m"), ("c", "m"), ("d", "m"), ("e", "m")]
    states = [
        _state(50, 1_000),  # 5%
        _state(-1, 1_000),  # under water: last
        _state(20, 1_000),  # 2%: first
        _state(0, 1_000),  # value 0: before any positive margin
        _state(100, 4_000),  # 2.5%
    ]
    assert by_margin(targets, states) == [("d", "m"), ("c", "m"), ("e", "m"), ("a", "m"), ("b", "m")]


def test_equal_margins_and_under_water_keep_their_order():
    targets = [("a", "m"), ("b", "m"), ("c", "m"), ("d", "m")]
    states = [_state(-5, 100), _state(10, 100), _state(-1, 100), _state(20, 200)]
    # b and d both 10%: b first as given; a and c under water, last, as given
    assert by_margin(targets, states) == [("b", "m"), ("d", "m"), ("a", "m"), ("c", "m")]


def test_one_state_per_target_and_known_orders_only():
    with pytest.raises(ValueError, match="2 targets, 1 account states"):
        by_margin([("a", "m"), ("b", "m")], [_state(1, 1)])
    assert KeeperStrategy(order="margin").order == "margin"
    assert KeeperStrategy().order == "shuffle"
    with pytest.raises(ValueError, match="order 'lowest'"):
        KeeperStrategy(order="lowest")
