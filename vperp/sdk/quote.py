"""Quoting a trade exactly, off chain, from a snapshot of the exchange and of the account
(vperp.sdk.state): the fill from the curve maths (vperp.sdk.curve, equal to the contract's to the
wei), the fee, the price impact, the account after the trade (collateral through the ledger's
share rounding, value, requirements, margin ratio, leverage, liquidation price) and the first
guard of PROTOCOL.md section 5 the trade would fail, in the order ClearingHouse._userTrade checks
them, with the protocol's own error and its readable message (vperp.sdk.errors).

The four modes (Perp v2 vocabulary):

    long  + notional  quote exact in    (isBaseToQuote false, isExactInput true)
    long  + size      base exact out    (false, false)
    short + size      base exact in     (true, true)
    short + notional  quote exact out   (true, false)

The fluctuation limit is checked against the mark before the trade: the quote is for the first
trade of the next block (the block-start price of the current block is not readable)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from enum import Enum
from typing import Any

from vperp.sdk import display, errors
from vperp.sdk.curve import (
    Curve,
    InsufficientLiquidity,
    Position,
    apply_trade,
    ceil_div,
    mul_ratio_down,
    mul_ratio_up,
    notional_up,
    position_value,
    signed_exchange,
    trading_fee,
)
from vperp.sdk.state import AccountSnapshot, ExchangeState, MarketState, PositionState
from vperp.sdk.units import ONE, RATIO_ONE

MIN_RESERVE = 10**9
MAX_RESERVE = 2**112 - 1


class Mode(Enum):
    """(isBaseToQuote, isExactInput) of each exact-in/exact-out mode."""

    LONG_QUOTE_IN = (False, True)
    LONG_BASE_OUT = (False, False)
    SHORT_BASE_IN = (True, True)
    SHORT_QUOTE_OUT = (True, False)

    @property
    def is_base_to_quote(self) -> bool:
        return self.value[0]

    @property
    def is_exact_input(self) -> bool:
        return self.value[1]

    @property
    def amount_is_base(self) -> bool:
        """The exact amount is base (size) rather than quote (notional)."""
        return self.is_base_to_quote == self.is_exact_input

    @classmethod
    def of(cls, side: str, by_size: bool) -> Mode:
        long = side.lower() in ("long", "buy")
        if not long and side.lower() not in ("short", "sell"):
            raise ValueError(f"side must be long or short, not {side!r}")
        if long:
            return cls.LONG_BASE_OUT if by_size else cls.LONG_QUOTE_IN
        return cls.SHORT_BASE_IN if by_size else cls.SHORT_QUOTE_OUT


@dataclass(frozen=True)
class AccountAfter:
    collateral: int
    account_value: int
    initial_requirement: int
    maintenance_requirement: int
    anchored_value: int
    notional: int  # sum of the positions' notionals at valuation prices

    @property
    def margin_ratio(self) -> Decimal | None:
        """Account value / total notional (None without positions)."""
        return Decimal(self.account_value) / Decimal(self.notional) if self.notional else None

    @property
    def leverage(self) -> Decimal | None:
        """Total notional / account value (None without positions or with no value)."""
        if not self.notional or self.account_value <= 0:
            return None
        return Decimal(self.notional) / Decimal(self.account_value)


@dataclass(frozen=True)
class Quote:
    symbol: str
    mode: Mode
    amount: int  # the exact amount, 18 decimals
    base: int  # base exchanged (unsigned)
    quote: int  # quote exchanged (unsigned)
    fee: int
    mark_before: int
    mark_after: int
    old_size: int
    new_size: int
    new_open_notional: int
    realized_pnl: int
    after: AccountAfter | None  # None when the fill itself fails (no liquidity, zero)
    liquidation_price: int | None  # of this market after the trade, other prices fixed
    error: str | None  # the protocol error the trade would revert with; None: it passes
    error_values: tuple[Any, ...] = ()
    reason: str | None = None  # the error in words

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def opposite(self) -> int:
        """The amount the bound applies to: base for quote-exact modes, quote otherwise."""
        return self.quote if self.mode.amount_is_base else self.base

    @property
    def average_price(self) -> Decimal | None:
        return Decimal(self.quote) / Decimal(self.base) if self.base else None

    @property
    def price_impact(self) -> Decimal | None:
        """Average fill price against the mark before the trade (> 0: worse for the trader)."""
        avg = self.average_price
        if avg is None:
            return None
        rel = avg * ONE / Decimal(self.mark_before) - 1
        return rel if not self.mode.is_base_to_quote else -rel

    def summary(self) -> str:
        """The quote in one line of words: the fill, its average price and impact, the fee, and
        the account after it (margin ratio, leverage, this market's liquidation price)."""
        if not self.ok:
            return f"quote: refused, {self.reason}"
        side = "sell" if self.mode.is_base_to_quote else "buy"
        avg, impact = self.average_price, self.price_impact
        line = (
            f"quote: {side} {display.base(self.base, 4)} {self.symbol} for {display.usd(self.quote)} USD"
            f" (avg {display.number(avg) if avg else '-'}"
            f", impact {display.percent(impact, 3) if impact is not None else '-'})"
            f", fee {display.usd(self.fee)}"
        )
        a = self.after
        if a is not None and a.margin_ratio is not None:
            lev = f"{display.number(a.leverage)}x" if a.leverage is not None else "-"
            liq = display.price(self.liquidation_price) if self.liquidation_price else "none"
            line += f"; after: margin {display.percent(a.margin_ratio)}, {lev}, liq. price {liq}"
        return line

    def bound(self, tolerance: Decimal | str | float = 0) -> int:
        """oppositeAmountBound for a slippage tolerance (0.01 = 1%)."""
        return slippage_bound(self.mode, self.opposite, tolerance)


def slippage_bound(mode: Mode, opposite: int, tolerance: Decimal | str | float = 0) -> int:
    """The bound of openPosition for a quoted opposite amount and a tolerance: exact input ->
    the minimum out, floor(opposite * (1 - tol)); exact output -> the maximum in,
    ceil(opposite * (1 + tol)). A tolerance of 0 is the quoted amount itself (the trade passes
    at it and fails one wei tighter). Never 0 (which means no bound) for a positive opposite."""
    tol = Decimal(str(tolerance))
    if tol < 0 or tol >= 1:
        raise ValueError(f"tolerance must be in [0, 1), not {tolerance}")
    if mode.is_exact_input:
        b = int((Decimal(opposite) * (1 - tol)).to_integral_value(ROUND_FLOOR))
        return max(b, 1) if opposite > 0 else 0
    return int((Decimal(opposite) * (1 + tol)).to_integral_value(ROUND_CEILING))


# ------------------------------------------------------------------------- the ledger


def with_deposit(ex: ExchangeState, acct: AccountSnapshot, amount: int) -> AccountSnapshot:
    """The account after a deposit of `amount` (18 decimals), booked as Ledger.addTrader books it:
    a quote for "deposit, then trade" in one transaction (the router's openPositionWithCollateral)."""
    shares, debt = _ledger_add(acct.shares, acct.debt, ex.collateral_index, amount)
    return replace(acct, shares=shares, debt=debt)


def _balance(shares: int, debt: int, index: int) -> int:
    return shares * index // ONE - debt


def _ledger_add(shares: int, debt: int, index: int, amount: int) -> tuple[int, int]:
    """Ledger.addTrader: credits repay debt then buy shares (rounded down); debits burn shares
    (rounded up) and what they cannot cover becomes debt."""
    if amount > 0:
        repay = min(amount, debt)
        debt -= repay
        amount -= repay
        if amount:
            shares += amount * ONE // index
    elif amount < 0:
        a = -amount
        value = shares * index // ONE
        if a <= value:
            shares -= min(ceil_div(a * ONE, index), shares)
        else:
            debt += a - value
            shares = 0
    return shares, debt


# ------------------------------------------------------------------------- account maths


def _position_value(p: PositionState, price: int) -> int:
    return position_value(Position(p.size, p.open_notional), price, p.pending_funding)


def account_after(
    ex: ExchangeState, acct: AccountSnapshot, symbol: str, new: PositionState, collateral: int
) -> AccountAfter:
    """Margin.accountState with `symbol`'s position replaced by `new` and the collateral given."""
    value = anchored = collateral
    im = mm = notional_sum = 0
    positions = dict(acct.positions)
    positions[symbol] = new
    for s, p in positions.items():
        if p.size == 0:
            continue
        m = ex.markets[s]
        value += _position_value(p, m.valuation)
        anchored += _position_value(p, m.anchor)
        n = notional_up(p.size, m.valuation)
        notional_sum += n
        im += mul_ratio_up(n, m.im_ratio)
        mm += mul_ratio_up(n, m.mm_ratio)
    return AccountAfter(collateral, value, im, mm, anchored, notional_sum)


def collateral_of(ex: ExchangeState, acct: AccountSnapshot) -> int:
    """The account's ledger balance now: its shares at the collateral index, minus its debt."""
    return _balance(acct.shares, acct.debt, ex.collateral_index)


def account_now(ex: ExchangeState, acct: AccountSnapshot, collateral: int | None = None) -> AccountAfter:
    """Margin.accountState of the account as it is (no trade); `collateral`: its ledger balance
    when already read (default: from the snapshot's shares and debt)."""
    if collateral is None:
        collateral = collateral_of(ex, acct)
    if not acct.positions:
        return AccountAfter(collateral, collateral, 0, 0, collateral, 0)
    symbol = next(iter(acct.positions))
    return account_after(ex, acct, symbol, acct.positions[symbol], collateral)


def liquidation_price(ex: ExchangeState, symbol: str, new: PositionState, after: AccountAfter) -> int | None:
    """The valuation price of `symbol` at which the account value meets the maintenance
    requirement after the trade, every other price fixed (None: no position, or no positive
    such price). `new`: the market's position after the trade, `after`: the account after it."""
    if new.size == 0:
        return None
    m = ex.markets[symbol]
    own_value = _position_value(new, m.valuation)
    own_mm = mul_ratio_up(notional_up(new.size, m.valuation), m.mm_ratio)
    # at price P: value = rest + size*P - open - pending; maintenance = rest_mm + |size|*P*mm
    rest = Decimal(after.account_value - own_value - new.open_notional - new.pending_funding)
    rest_mm = Decimal(after.maintenance_requirement - own_mm)
    k = (Decimal(new.size) - Decimal(abs(new.size)) * m.mm_ratio / RATIO_ONE) / ONE
    if k == 0:
        return None
    p = (rest_mm - rest) / k
    return int(p) if p > 0 else None


# ------------------------------------------------------------------------- the quote


def quote_trade(
    ex: ExchangeState,
    acct: AccountSnapshot,
    symbol: str,
    mode: Mode,
    amount: int,
    bound: int = 0,
    names: Mapping[str, str] | None = None,
) -> Quote:
    """What openPosition((symbol, mode, amount, bound)) from `acct` would do now, and the first
    guard it fails (ClearingHouse._userTrade's order), in words (`names`: more address -> name
    for the messages; the markets are named by their symbols)."""
    m = ex.markets[symbol]
    names = _names(ex, names)
    old = acct.position(symbol)
    mark0 = m.mark

    q = Quote(
        symbol,
        mode,
        amount,
        0,
        0,
        0,
        mark0,
        mark0,
        old.size,
        old.size,
        old.open_notional,
        0,
        None,
        None,
        None,
    )

    def fail(q: Quote, name: str, *values: Any) -> Quote:
        return replace(q, error=name, error_values=values, reason=errors.describe(name, values, names))

    if amount == 0:
        return fail(q, "ZeroAmount")
    if amount > ex.max_trade_amount:
        return fail(q, "AmountTooLarge", amount, ex.max_trade_amount)
    b2q, exact_in = mode.value
    try:
        base, quote, curve = Curve(m.x, m.y).swap(b2q, exact_in, amount)
    except InsufficientLiquidity as e:
        return fail(q, "InsufficientLiquidity", *e.args[:2])
    q = replace(q, base=base, quote=quote)
    if base == 0 or quote == 0:
        return fail(q, "ZeroAmount")
    mark = curve.mark
    q = replace(q, mark_after=mark)
    if m.max_price_move_ratio and abs(mark - mark0) > mul_ratio_down(mark0, m.max_price_move_ratio):
        return fail(q, "PriceMoveTooLarge", m.token, mark0, mark, m.max_price_move_ratio)
    if not (MIN_RESERVE <= curve.x <= MAX_RESERVE and MIN_RESERVE <= curve.y <= MAX_RESERVE):
        return fail(q, "InvalidReserves", curve.x, curve.y)
    opposite = quote if b2q == exact_in else base
    if bound and ((opposite < bound) if exact_in else (opposite > bound)):
        return fail(q, "SlippageExceeded", opposite, bound)

    # book the fill: the position's funding settled first, then PnL and fee through the ledger
    new_pos, pnl = apply_trade(Position(old.size, old.open_notional), *signed_exchange(b2q, base, quote))
    fee = trading_fee(quote, m.fee_ratio)
    shares, debt = _ledger_add(acct.shares, acct.debt, ex.collateral_index, -old.pending_funding)
    shares, debt = _ledger_add(shares, debt, ex.collateral_index, pnl - fee)
    collateral = _balance(shares, debt, ex.collateral_index)
    new = PositionState(new_pos.size, new_pos.open_notional, 0)
    after = account_after(ex, acct, symbol, new, collateral)
    q = replace(
        q,
        fee=fee,
        new_size=new.size,
        new_open_notional=new.open_notional,
        realized_pnl=pnl,
        after=after,
        liquidation_price=liquidation_price(ex, symbol, new, after),
    )

    # the guards of ClearingHouse._userTrade, in its order
    if old.size == 0 and new.size != 0 and len(acct.positions) >= ex.max_markets_per_account:
        return fail(q, "TooManyMarkets", acct.address, ex.max_markets_per_account)
    increased = new.size != 0 and (
        old.size == 0 or (old.size > 0) != (new.size > 0) or abs(new.size) > abs(old.size)
    )
    if increased:
        if m.paused or ex.global_paused:
            return fail(q, "MarketPaused", m.token)
        if not m.fresh:
            return fail(q, "IndexStale", m.token)
        is_long = new.size > 0
        if is_long:
            oi, cap = m.oi_long - max(old.size, 0) + new.size, m.cap_long
        else:
            oi, cap = m.oi_short - max(-old.size, 0) - new.size, m.cap_short
        if oi > cap:
            return fail(q, "OpenInterestCapExceeded", m.token, is_long, oi, cap)
    price = m.index if m.fresh else m.valuation
    if m.fresh:
        diff = abs(mark - price)
        if diff * RATIO_ONE > price * m.max_spread_ratio and (
            (mark0 > price) != (mark > price) or diff >= abs(mark0 - price)
        ):
            return fail(q, "SpreadTooLarge", m.token, mark, price, m.max_spread_ratio)
    if new.size != 0:
        notional = abs(new.size) * price // ONE
        if notional < ex.min_notional:
            return fail(q, "DustPosition", m.token, notional, ex.min_notional)
    if increased and after.account_value < after.initial_requirement:
        return fail(q, "InsufficientMargin", acct.address, after.account_value, after.initial_requirement)
    if collateral < 0 or after.anchored_value < 0:
        return fail(q, "AccountUnderWater", acct.address, collateral, after.anchored_value)
    return q


def quote_close(
    ex: ExchangeState,
    acct: AccountSnapshot,
    symbol: str,
    bound: int = 0,
    names: Mapping[str, str] | None = None,
) -> Quote:
    """closePosition: the whole position, sold (long) or bought back (short) by its exact size."""
    size = acct.position(symbol).size
    mode = Mode.SHORT_BASE_IN if size > 0 else Mode.LONG_BASE_OUT
    if size == 0:
        values = (acct.address, ex.markets[symbol].token)
        return replace(
            quote_trade(ex, acct, symbol, mode, 0),
            error="NoPosition",
            error_values=values,
            reason=errors.describe("NoPosition", values, _names(ex, names)),
        )
    return quote_trade(ex, acct, symbol, mode, abs(size), bound, names)


def _names(ex: ExchangeState, extra: Mapping[str, str] | None) -> dict[str, str]:
    n = {k.lower(): v for k, v in (extra or {}).items()}
    n.update({m.token.lower(): m.symbol for m in ex.markets.values()})
    return n


def market_by_symbol(ex: ExchangeState, symbol: str) -> MarketState:
    try:
        return ex.markets[symbol]
    except KeyError:
        raise KeyError(f"unknown market {symbol!r}: {', '.join(ex.markets)}") from None
