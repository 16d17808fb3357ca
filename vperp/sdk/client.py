"""Trader-facing SDK over a Deployment: deposits, trades, and account reads in plain units."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from vperp.sdk.units import ONE, from_wad, usdc

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


class PerpClient:
    """One account's view of the exchange. All amounts in and out are plain numbers."""

    def __init__(self, d: Deployment, account: Any) -> None:
        self.d = d
        self.account = account
        self.ch = d.clearing_house

    # ---------------------------------------------------------------- collateral
    def deposit(self, amount: Any, approve: bool = True) -> Any:
        raw = usdc(amount)
        if approve and self.d.usdc.allowance(self.account, self.d.vault) < raw:
            self.d.usdc.approve(self.d.vault.address, 2**256 - 1, sender=self.account)
        return self.d.vault.deposit(raw, sender=self.account)

    def withdraw(self, amount: Any) -> Any:
        return self.d.vault.withdraw(usdc(amount), sender=self.account)

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
        return self.ch.openPosition(params, sender=self.account)

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
        return self.ch.closePosition(self.d.base(symbol).address, bound, deadline, sender=self.account)

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
