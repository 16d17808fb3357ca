"""PerpMath's rounding, every helper in both signs (issue 15's mutation run: the rounding of
mulDivFloorSigned's negative branch survived, as only the wide valuation path, prices >= 2^128,
uses it). Through contracts/test/PerpMathHarness.sol, against exact Python integer maths."""

from __future__ import annotations

import itertools

import pytest

ONE, R = 10**18, 10**6
BIG = 2**130  # beyond 2^128: the OpenZeppelin mulDiv path (products up to 2^231)


def floor_div(n: int, d: int) -> int:
    return n // d


def ceil_div(n: int, d: int) -> int:
    return -((-n) // d)


@pytest.fixture(scope="module")
def pm(project, owner):
    return project.PerpMathHarness.deploy(sender=owner)


def test_unsigned_helpers_round_as_named(pm):
    for a, b in itertools.product(
        (0, 1, 7, ONE - 1, ONE + 1, 3 * ONE, BIG + 3), (0, 1, 3, ONE // 3, 2 * ONE + 1)
    ):
        assert pm.mulDown(a, b) == floor_div(a * b, ONE)
        assert pm.mulUp(a, b) == ceil_div(a * b, ONE)
        for up in (False, True):
            assert pm.mulDiv(a, b, 7, up) == (ceil_div if up else floor_div)(a * b, 7)
    for a, ratio in itertools.product((0, 1, 999_999, 10**18 + 1, BIG + 1), (0, 1, 333_333, R)):
        assert pm.mulRatioUp(a, ratio) == ceil_div(a * ratio, R)
        assert pm.mulRatioDown(a, ratio) == floor_div(a * ratio, R)


def test_signed_helpers_round_towards_their_infinity(pm):
    values = (-(BIG + 5), -7, -1, 0, 1, 7, BIG + 5)
    for a, b, d in itertools.product(values, (1, 2, 3, 2**100 + 1), (2, 3, ONE)):
        assert pm.mulDivCeilSigned(a, b, d) == ceil_div(a * b, d), (a, b, d)
        assert pm.mulDivFloorSigned(a, b, d) == floor_div(a * b, d), (a, b, d)
    for a, b in itertools.product(values, (-3, -1, 0, 1, 3, ONE // 3)):
        assert pm.mulCeilSigned(a, b) == ceil_div(a * b, ONE), (a, b)
        assert pm.mulFloorSigned(a, b) == floor_div(a * b, ONE), (a, b)


def test_clamp(pm):
    for x, bound in itertools.product((-10, -5, -4, 0, 4, 5, 10), (0, 5)):
        assert pm.clamp(x, bound) == max(-bound, min(bound, x))
