"""Fixed-point conversions: 18-decimal internal units, 6-decimal USDC, 1e6 ratios, 8-decimal Chainlink."""

from __future__ import annotations

from decimal import Decimal

ONE = 10**18
USDC = 10**6
SCALE = ONE // USDC  # USDC units -> 18 decimals
RATIO_ONE = 10**6
CHAINLINK_DECIMALS = 8


def wad(x: int | float | str | Decimal) -> int:
    """Plain number -> 18 decimals (exact for decimal strings)."""
    return int(Decimal(str(x)) * ONE)


def usdc(x: int | float | str | Decimal) -> int:
    """Plain number -> USDC units (6 decimals)."""
    return int(Decimal(str(x)) * USDC)


def chainlink_answer(price: int | float | str | Decimal, decimals: int = CHAINLINK_DECIMALS) -> int:
    """Plain price -> Chainlink answer with `decimals`."""
    return int(Decimal(str(price)) * 10**decimals)


def from_wad(x: int) -> Decimal:
    """18 decimals -> Decimal."""
    return Decimal(x) / ONE


def from_usdc(x: int) -> Decimal:
    """USDC units -> Decimal."""
    return Decimal(x) / USDC
