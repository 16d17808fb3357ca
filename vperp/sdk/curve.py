"""Reference integer maths of the trading engine, independent of the contracts (used by tests).

- Curve swaps of PROTOCOL.md section 9 with k = X*Y as an exact Python int and the same
  rounding (every ceil(k/...) as written there; results round against the trader).
- Trading fee ceil(quote * feeRatio / 1e6) and its insurance share (rounded up).
- The position-update rule of ClearingHouse `_trade`: increase; reduce/close with the realised
  PnL pro rata to the cost basis (closed basis rounded towards +inf); flip = close then open
  (the closing share of the exchanged notional rounded towards +inf).
- Cross-margin account maths of PROTOCOL.md section 5 (value rounded down, requirements up).

All amounts are 18-decimal ints; ratios are 1e6-based.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from vperp.sdk.units import ONE, RATIO_ONE


def ceil_div(a: int, b: int) -> int:
    """ceil(a / b) for b > 0 and any sign of a."""
    return -(-a // b)


def mul_ratio_up(a: int, ratio: int) -> int:
    """ceil(a * ratio / 1e6)."""
    return ceil_div(a * ratio, RATIO_ONE)


def mul_ratio_down(a: int, ratio: int) -> int:
    """floor(a * ratio / 1e6)."""
    return a * ratio // RATIO_ONE


class InsufficientLiquidity(ValueError):
    """An exact output that the reserve cannot pay (b >= X or q >= Y)."""


@dataclass(frozen=True)
class Curve:
    """Virtual reserves: x base, y quote."""

    x: int
    y: int

    @property
    def k(self) -> int:
        return self.x * self.y

    @property
    def mark(self) -> int:
        """Y / X, 18 decimals, rounded down."""
        return self.y * ONE // self.x

    def base_out_for_quote_in(self, q: int) -> int:
        """Long, exact quote in q: X - ceil(k / (Y + q))."""
        return self.x - ceil_div(self.k, self.y + q)

    def quote_in_for_base_out(self, b: int) -> int:
        """Long, exact base out b: ceil(k / (X - b)) - Y."""
        if b >= self.x:
            raise InsufficientLiquidity(self.x, b)
        return ceil_div(self.k, self.x - b) - self.y

    def quote_out_for_base_in(self, b: int) -> int:
        """Short, exact base in b: Y - ceil(k / (X + b))."""
        return self.y - ceil_div(self.k, self.x + b)

    def base_in_for_quote_out(self, q: int) -> int:
        """Short, exact quote out q: ceil(k / (Y - q)) - X."""
        if q >= self.y:
            raise InsufficientLiquidity(self.y, q)
        return ceil_div(self.k, self.y - q) - self.x

    def quote(self, is_base_to_quote: bool, is_exact_input: bool, amount: int) -> tuple[int, int]:
        """(base, quote) exchanged by a swap, as IVirtualAMM.quoteSwap."""
        if is_base_to_quote:
            if is_exact_input:
                return amount, self.quote_out_for_base_in(amount)
            return self.base_in_for_quote_out(amount), amount
        if is_exact_input:
            return self.base_out_for_quote_in(amount), amount
        return amount, self.quote_in_for_base_out(amount)

    def swap(self, is_base_to_quote: bool, is_exact_input: bool, amount: int) -> tuple[int, int, Curve]:
        """(base, quote, curve after the swap)."""
        base, quote = self.quote(is_base_to_quote, is_exact_input, amount)
        after = (
            Curve(self.x + base, self.y - quote) if is_base_to_quote else Curve(self.x - base, self.y + quote)
        )
        return base, quote, after

    def net_position_value(self, n: int) -> int:
        """Exit value of the traders' net position n (+ net long), rounded down (section 9)."""
        if n > 0:
            return self.quote_out_for_base_in(n)
        if n < 0:
            return -self.quote_in_for_base_out(-n)
        return 0


def trading_fee(quote: int, fee_ratio: int) -> int:
    """Fee on the exchanged quote, rounded up."""
    return mul_ratio_up(quote, fee_ratio)


def fee_split(fee: int, insurance_share: int) -> tuple[int, int]:
    """(insurance fund part rounded up, liquidity pool part) of a fee."""
    insurance = mul_ratio_up(fee, insurance_share)
    return insurance, fee - insurance


@dataclass(frozen=True)
class Position:
    size: int = 0  # signed base, + long
    open_notional: int = 0  # signed cost basis, + long


def apply_trade(pos: Position, ex_size: int, ex_notional: int) -> tuple[Position, int]:
    """New position and realised PnL after exchanging `ex_size` base for `ex_notional` quote
    (both signed: + when buying base / paying quote into the curve)."""
    size, open_ = pos.size, pos.open_notional
    if size == 0 or (size > 0) == (ex_size > 0):
        return Position(size + ex_size, open_ + ex_notional), 0
    if abs(ex_size) <= abs(size):
        closed_basis = ceil_div(open_ * abs(ex_size), abs(size))
        pnl = -(ex_notional + closed_basis)
        new_size = size + ex_size
        return (Position(new_size, open_ - closed_basis) if new_size else Position()), pnl
    closed_part = ceil_div(ex_notional * abs(size), abs(ex_size))
    pnl = -(closed_part + open_)
    return Position(size + ex_size, ex_notional - closed_part), pnl


def signed_exchange(is_base_to_quote: bool, base: int, quote: int) -> tuple[int, int]:
    """(exchangedSize, exchangedNotional) of a swap, signed as in PositionChanged."""
    return (-base, -quote) if is_base_to_quote else (base, quote)


# ------------------------------------------------------------------ cross margin


def notional_up(size: int, price: int) -> int:
    """|size| * price rounded up."""
    return ceil_div(abs(size) * price, ONE)


def position_value(pos: Position, price: int, pending_funding: int = 0) -> int:
    """size * price (rounded down) - openNotional - pending funding."""
    return pos.size * price // ONE - pos.open_notional - pending_funding


def account_value(collateral: int, positions: Iterable[tuple[Position, int, int]]) -> int:
    """collateral + sum of position values; `positions` yields (position, price, pending funding)."""
    return collateral + sum(position_value(p, price, f) for p, price, f in positions)


def requirement(positions: Iterable[tuple[Position, int, int]]) -> int:
    """sum of ceil(ceil(|size| * price) * ratio / 1e6); `positions` yields (position, price, ratio)."""
    return sum(mul_ratio_up(notional_up(p.size, price), ratio) for p, price, ratio in positions)
