"""Trader-facing SDK over a Deployment: deposits, trades, and account reads in plain units."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from vperp.sdk import display, errors
from vperp.sdk.quote import Mode, Quote, quote_close, quote_trade, with_deposit
from vperp.sdk.state import AccountSnapshot, ExchangeState, read_account, read_exchange
from vperp.sdk.units import ONE, from_wad, usdc, wad

if TYPE_CHECKING:  # annotation only: vperp.chain imports vperp.sdk.units, not the other way
    from vperp.chain.deploy import Deployment

FAR_DEADLINE = 2**63


@dataclass(frozen=True)
class PositionView:
    symbol: str
    size: Decimal  # base, + long
    open_notional: Decimal  # cost basis, + long
    entry_price: Decimal | None
    mark: Decimal
    index: Decimal
    unrealized_pnl: Decimal  # at the valuation price
    pending_funding: Decimal  # > 0: owed


@dataclass(frozen=True)
class AccountView:
    collateral: Decimal
    account_value: Decimal
    initial_requirement: Decimal
    maintenance_requirement: Decimal
    free_collateral: Decimal
    liquidatable: bool


@dataclass(frozen=True)
class OrderView:
    """A netted order still in its market's queue (vperp.sdk: plain units)."""

    order_id: int
    symbol: str
    trader: str
    size: Decimal  # base, + long
    acceptable_price: Decimal  # a long's maximum, a short's minimum
    reserve: Decimal  # USDC reserved for its worst-case margin and fees
    deadline: int
    reduce_only: bool
    status: str  # queued, or resting (a limit order carried into the next batch)


class PerpClient:
    """One account's view of the exchange. All amounts in and out are plain numbers.

    A reverted transaction raises `errors.ProtocolError` (the error's name, its values and the
    readable message); `raw_errors=True` lets Ape's own exception through instead (the tests
    that assert a revert with `ape.reverts`)."""

    def __init__(self, d: Deployment, account: Any, raw_errors: bool = False) -> None:
        self.d = d
        self.account = account
        self.ch = d.clearing_house
        self.raw_errors = raw_errors
        self._errors: errors.ErrorTable | None = None

    # ---------------------------------------------------------------- errors
    def names(self) -> dict[str, str]:
        """Address -> display name (markets, system contracts, this account) for messages."""
        n = {m.base_token.address: s for s, m in self.d.markets.items()}
        n[self.d.insurance_fund.address] = "the insurance fund"
        n[self.d.liquidity_pool.address] = "the liquidity pool"
        n[self.d.clearing_house.address] = "the clearing house"
        if self.account is not None:
            n[self.account.address] = "your account"
        return n

    def error_table(self) -> errors.ErrorTable:
        if self._errors is None:
            contracts = [
                self.d.clearing_house,
                self.d.oracle,
                self.d.insurance_fund,
                self.d.liquidity_pool,
                self.d.usdc,
                self.d.pyth,
                *self.d.logic.values(),
            ]
            self._errors = errors.error_abis(contracts)
        return self._errors

    def explain(self, exc: BaseException) -> errors.ProtocolError | None:
        """The readable ProtocolError of a failed call or transaction (None: not a revert)."""
        return errors.explain(exc, self.error_table(), self.names())

    def _send(self, fn: Any, *args: Any, **kw: Any) -> Any:
        """A transaction; a revert raises ProtocolError with the protocol's message."""
        if self.raw_errors:
            return fn(*args, **kw)
        try:
            return fn(*args, **kw)
        except Exception as e:
            pe = self.explain(e)
            if pe is None:
                raise
            raise pe from e

    # ---------------------------------------------------------------- quotes
    def exchange(self) -> ExchangeState:
        tokens = {s: m.base_token.address for s, m in self.d.markets.items()}
        return read_exchange(self.ch, self.d.oracle, tokens)

    def snapshot(self, ex: ExchangeState | None = None) -> tuple[ExchangeState, AccountSnapshot]:
        ex = ex or self.exchange()
        return ex, read_account(self.ch, self.account.address, ex)

    def quote(
        self,
        symbol: str,
        side: str,
        *,
        size: Any = None,
        notional: Any = None,
        bound: int = 0,
        deposit: Any = 0,
    ) -> Quote:
        """Quote a trade: `size` (base) or `notional` (quote, USD), plain units; see vperp.sdk.quote.
        `deposit` (USDC, plain units): quoted as if deposited first, in the same transaction."""
        if (size is None) == (notional is None):
            raise ValueError("give exactly one of size and notional")
        self.market(symbol)
        mode = Mode.of(side, size is not None)
        ex, acct = self.snapshot()
        if deposit:
            acct = with_deposit(ex, acct, usdc(deposit) * 10**12)
        amount = wad(size if size is not None else notional)
        return quote_trade(ex, acct, symbol, mode, amount, bound, self.names())

    def quote_close(self, symbol: str, bound: int = 0) -> Quote:
        ex, acct = self.snapshot()
        return quote_close(ex, acct, symbol, bound, self.names())

    def execute(self, q: Quote, tolerance: Any = 0, deadline: int = FAR_DEADLINE) -> Any:
        """Sends the quoted trade with the bound of `tolerance` (0.005 = 0.5%)."""
        return self.open(
            q.symbol,
            is_base_to_quote=q.mode.is_base_to_quote,
            is_exact_input=q.mode.is_exact_input,
            amount=q.amount,
            bound=q.bound(tolerance),
            deadline=deadline,
        )

    # ---------------------------------------------------------------- collateral
    def _require_usdc(self, raw: int) -> None:
        """A readable refusal before sending when the wallet holds less USDC than `raw`."""
        if self.raw_errors:
            return
        held = int(self.d.usdc.balanceOf(self.account.address))
        if held < raw:
            values = (self.account.address, held, raw)
            raise errors.ProtocolError(
                "ERC20InsufficientBalance",
                values,
                f"your wallet holds {display.usdc(held)} USDC, the deposit needs {display.usdc(raw)}",
            )

    def deposit(self, amount: Any, approve: bool = True) -> Any:
        raw = usdc(amount)
        self._require_usdc(raw)
        if approve and self.d.usdc.allowance(self.account, self.d.vault) < raw:
            self._send(self.d.usdc.approve, self.d.vault.address, 2**256 - 1, sender=self.account)
        return self._send(self.d.vault.deposit, raw, sender=self.account)

    def withdraw(self, amount: Any) -> Any:
        return self._send(self.d.vault.withdraw, usdc(amount), sender=self.account)

    # ---------------------------------------------------------------- liquidity pool
    def lp_deposit(self, amount: Any) -> Any:
        """Deposits USDC (plain units) into the liquidity pool for pool shares."""
        raw = usdc(amount)
        self._require_usdc(raw)
        pool = self.d.liquidity_pool
        if self.d.usdc.allowance(self.account, pool) < raw:
            self._send(self.d.usdc.approve, pool.address, 2**256 - 1, sender=self.account)
        return self._send(pool.deposit, raw, self.account.address, sender=self.account)

    def lp_redeem(self, shares: Any) -> Any:
        """Redeems pool shares (plain units, 18 decimals) for USDC."""
        a = self.account.address
        return self._send(self.d.liquidity_pool.redeem, wad(shares), a, a, sender=self.account)

    def faucet(self, amount: Any) -> Any:
        """Local chains only: mints test USDC."""
        return self.d.usdc.mint(self.account.address, usdc(amount), sender=self.account)

    # ---------------------------------------------------------------- trading
    def open(
        self,
        symbol: str,
        *,
        is_base_to_quote: bool,
        is_exact_input: bool,
        amount: int,
        bound: int = 0,
        deadline: int = FAR_DEADLINE,
    ) -> Any:
        """Raw openPosition (18-decimal amount)."""
        params = (self.d.base(symbol).address, is_base_to_quote, is_exact_input, amount, bound, deadline)
        return self._send(self.ch.openPosition, params, sender=self.account)

    def long_quote(self, symbol: str, quote: Any, min_base: int = 0) -> Any:
        """Long with an exact quote input (plain USD)."""
        return self.open(
            symbol, is_base_to_quote=False, is_exact_input=True, amount=_wad(quote), bound=min_base
        )

    def short_base(self, symbol: str, base: Any, min_quote: int = 0) -> Any:
        """Short with an exact base input (plain base units)."""
        return self.open(
            symbol, is_base_to_quote=True, is_exact_input=True, amount=_wad(base), bound=min_quote
        )

    def long_base(self, symbol: str, base: Any, max_quote: int = 0) -> Any:
        """Long an exact base amount (exact output)."""
        return self.open(
            symbol, is_base_to_quote=False, is_exact_input=False, amount=_wad(base), bound=max_quote
        )

    def short_quote(self, symbol: str, quote: Any, max_base: int = 0) -> Any:
        """Short for an exact quote output."""
        return self.open(
            symbol, is_base_to_quote=True, is_exact_input=False, amount=_wad(quote), bound=max_base
        )

    def close(self, symbol: str, bound: int = 0, deadline: int = FAR_DEADLINE) -> Any:
        return self._send(
            self.ch.closePosition, self.d.base(symbol).address, bound, deadline, sender=self.account
        )

    # ---------------------------------------------------------------- the router
    ROUTER_SCOPES = 1 | 4  # IOperatorApproval: open, add collateral

    def open_with_leverage(
        self,
        symbol: str,
        side: str,
        collateral: Any,
        leverage: Any,
        tolerance: Any = "0.01",
        deadline: int = FAR_DEADLINE,
    ) -> Any:
        """'5x long ETH with 1,000 USDC' in one ExchangeRouter call: deposits `collateral` USDC
        from the wallet and opens `leverage` x `collateral` USD of notional (exact quote in for a
        long, exact quote out for a short), bounded by the quote's fill and `tolerance`. Grants
        the router the open and add-collateral scopes, and the core the USDC allowance, first
        when they are missing."""
        router = self.d.router
        if router is None:
            raise errors.ProtocolError("NoRouter", (), "this deployment has no ExchangeRouter")
        lev = Decimal(str(leverage))
        if lev <= 0:
            raise ValueError(f"leverage must be positive, not {leverage}")
        raw = usdc(collateral)
        self._require_usdc(raw)
        q = self.quote(symbol, side, notional=Decimal(str(collateral)) * lev, deposit=collateral)
        me = self.account.address
        if (
            int(self.d.operators.operatorActions(me, router.address)) & self.ROUTER_SCOPES
            != self.ROUTER_SCOPES
        ):
            self._send(
                self.d.operators.approveOperator, router.address, self.ROUTER_SCOPES, sender=self.account
            )
        if self.d.usdc.allowance(me, self.d.vault) < raw:
            self._send(self.d.usdc.approve, self.d.vault.address, 2**256 - 1, sender=self.account)
        params = (
            self.d.base(symbol).address,
            q.mode.is_base_to_quote,
            q.mode.is_exact_input,
            q.amount,
            q.bound(tolerance),
            deadline,
        )
        return self._send(router.openPositionWithCollateral, raw, params, sender=self.account)

    # ---------------------------------------------------------------- the netting engine
    def queue_order(
        self,
        symbol: str,
        size: Any,
        acceptable_price: Any,
        deadline: int = FAR_DEADLINE,
        reduce_only: bool = False,
    ) -> Any:
        """Queues a netted order: `size` in base (+ long, plain units), `acceptable_price` the
        worst fill price (a long's maximum, a short's minimum, plain USD)."""
        self.market(symbol)
        net = self.d.netting
        base = self.d.base(symbol).address
        deadline = min(deadline, 2**32 - 1)
        return self._send(
            net.queuePositionChange,
            base,
            _wad(size),
            _wad(acceptable_price),
            deadline,
            reduce_only,
            sender=self.account,
        )

    def cancel_order(self, symbol: str, order_id: int) -> Any:
        self.market(symbol)
        return self._send(
            self.d.netting.cancelOrder, self.d.base(symbol).address, order_id, sender=self.account
        )

    def orders(self, symbol: str, everyone: bool = False, limit: int = 200) -> list[OrderView]:
        """The queued (and resting) orders of `symbol` from the queue's head, the account's own
        unless `everyone`; at most `limit` order ids are read (the newest ones when the queue is
        longer: a queue has no bound a read should walk whole)."""
        q = self.d.netting.getOrderQueue(self.market(symbol).address)
        head, tail = int(q.head), int(q.tail)
        me = self.account.address if self.account is not None else None
        views = (self.order(symbol, oid) for oid in range(max(head, tail - limit), tail))
        return [o for o in views if o is not None and (everyone or o.trader == me)]

    def order(self, symbol: str, order_id: int) -> OrderView | None:
        """One order of `symbol`'s queue while it is queued or resting, else None."""
        o = self.d.netting.getOrder(self.market(symbol).address, order_id)
        status = int(o.status)
        if status not in (1, 2):
            return None
        return OrderView(
            order_id,
            symbol,
            o.trader,
            from_wad(int(o.size)),
            from_wad(int(o.acceptablePrice)),
            Decimal(int(o.reserve)) / 10**6,
            int(o.deadline),
            bool(o.reduceOnly),
            "queued" if status == 1 else "resting",
        )

    def market(self, symbol: str) -> Any:
        """The market's base token, or the SDK's UnknownMarket error in words."""
        if symbol not in self.d.markets:
            raise errors.ProtocolError(
                "UnknownMarket", (symbol,), f"unknown market {symbol} (markets: {', '.join(self.d.markets)})"
            )
        return self.d.base(symbol)

    # ---------------------------------------------------------------- reads
    def collateral(self) -> Decimal:
        return from_wad(self.d.vault.balanceOf(self.account.address))

    def position(self, symbol: str) -> PositionView:
        base = self.d.base(symbol).address
        p = self.ch.getPosition(self.account.address, base)
        size, open_notional = int(p.size), int(p.openNotional)
        mark = int(self.ch.getMarkPrice(base))
        price, _fresh = self.ch.getValuationPrice(base)
        index = int(self.ch.getIndexPrice(base))
        pending = int(self.ch.getPendingFunding(self.account.address, base))
        upnl = size * int(price) // ONE - open_notional
        entry = Decimal(open_notional) / Decimal(size) if size else None
        return PositionView(
            symbol,
            from_wad(size),
            from_wad(open_notional),
            entry,
            from_wad(mark),
            from_wad(index),
            from_wad(upnl),
            from_wad(pending),
        )

    def state(self) -> AccountView:
        value, im, mm, liq = self.ch.getAccountState(self.account.address)
        return AccountView(
            self.collateral(),
            from_wad(int(value)),
            from_wad(int(im)),
            from_wad(int(mm)),
            from_wad(int(self.ch.getFreeCollateral(self.account.address))),
            bool(liq),
        )


def _wad(x: Any) -> int:
    return int(Decimal(str(x)) * ONE)
