"""Human formatting of the protocol's fixed-point integers: USD amounts, prices, base sizes,
1e6 ratios, timestamps. One copy, used by the decoded errors, the quote's reasons and the CLI."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_EVEN, Decimal

from vperp.sdk.units import ONE, RATIO_ONE, USDC


def number(x: Decimal | int, places: int = 2) -> str:
    """1234567.891 -> '1,234,567.89' (half-even rounding)."""
    q = Decimal(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    if q == 0:
        q = abs(q)  # no "-0.00"
    return f"{q:,.{places}f}"


def usd(wad_amount: int, places: int = 2) -> str:
    """An 18-decimal USD amount -> '1,200.00'."""
    return number(Decimal(wad_amount) / ONE, places)


def usdc(units: int, places: int = 2) -> str:
    """A USDC amount in its 6 decimals -> '1,200.00'."""
    return number(Decimal(units) / USDC, places)


def price(wad_price: int) -> str:
    """An 18-decimal price with enough places for its size."""
    p = Decimal(wad_price) / ONE
    return number(p, 2 if abs(p) >= 100 else 4 if abs(p) >= 1 else 8)


def base(wad_size: int, places: int = 6) -> str:
    """An 18-decimal base amount -> '1.250000'."""
    return number(Decimal(wad_size) / ONE, places)


def ratio(r: int) -> str:
    """A 1e6-based ratio -> '2.5%'."""
    return f"{(Decimal(r) * 100 / RATIO_ONE).normalize():f}%"


def percent(x: Decimal, places: int = 2) -> str:
    """A plain fraction -> '12.34%'."""
    return f"{number(x * 100, places)}%"


def timestamp(t: int) -> str:
    """A unix time -> '2026-12-03 04:30:00 UTC'."""
    try:
        return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    except (OverflowError, OSError, ValueError):
        return str(t)


def short_address(a: str) -> str:
    return f"{a[:6]}…{a[-4:]}" if len(a) == 42 else a
