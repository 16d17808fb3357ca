"""Checks of PROTOCOL.md section 7's invariants against a live deployment.

Used by the stateful property tests and by the crash replays (after every step). Each check
raises InvariantViolation with the figures; `check_all` runs the state invariants (1, 2, 4);
`bad_debt_accounted` checks invariant 10 against the totals of the BadDebtCovered events.

Invariant 2 (solvency) in exact form. Every ledger move is a deposit/withdrawal (USDC moves
with it), a transfer (sums to zero), a funding move between an account and the escrow (sums to
zero with the escrow), a trade's realised PnL, or a k-adjustment/repeg cost charged to the pool.
Realised PnL and k costs are balanced by the traders' aggregate exit value on the curves: with
L = Σ balances (traders, insurance fund, pool), E = funding escrow, V_m the exit value of market
m's net position on its curve and O_m the sum of its open notionals,

    USDC held x 1e12  =  L + E + Σ_m (V_m - O_m)      (up to rounding dust, >= in the protocol's favour)

so the vault can pay every claim even if every position were closed now.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from vperp.chain.deploy import Deployment
from vperp.chain.rpc import address_of as _addr
from vperp.sdk.units import SCALE


class InvariantViolation(AssertionError):
    pass


@dataclass(frozen=True)
class SolvencyReport:
    usdc_held: int  # 18 decimals
    ledger: int  # Σ balances
    escrow: int
    curve_claims: int  # Σ (V_m - O_m)
    surplus: int  # usdc_held - (ledger + escrow + curve_claims), >= 0


def zero_sum_exposure(d: Deployment, traders: Iterable[Any]) -> None:
    """Invariant 1: per market, Σ sizes == the AMM's net base (reference - base reserve),
    and the open-interest counters agree."""
    traders = [_addr(t) for t in traders]
    ch, amm = d.clearing_house, d.amm
    for sym, m in d.markets.items():
        base = m.base_token.address
        sizes = [int(ch.getPosition(t, base).size) for t in traders]
        total = sum(sizes)
        net = int(amm.netBase(base))
        if total != net:
            raise InvariantViolation(f"inv1 {sym}: sum of sizes {total} != AMM net base {net}")
        long_oi, short_oi = (int(x) for x in ch.getOpenInterest(base))
        if long_oi != sum(s for s in sizes if s > 0) or short_oi != -sum(s for s in sizes if s < 0):
            raise InvariantViolation(
                f"inv1 {sym}: open interest {long_oi}/{short_oi} disagrees with positions"
            )


def solvency(
    d: Deployment, traders: Iterable[Any], dust_per_account: int = 10**6, extra_dust: int = 0
) -> SolvencyReport:
    """Invariant 2 (see module docstring). `traders` must list every account that ever held a
    balance or a position (the caller tracks them). `extra_dust`: rounding the caller knows the
    protocol kept beyond the per-account dust, e.g. `socialisation_dust` per socialised loss."""
    traders = [_addr(t) for t in traders]
    vault, ch, amm = d.vault, d.clearing_house, d.amm
    held = int(d.usdc.balanceOf(vault.address)) * SCALE
    ledger = sum(int(vault.balanceOf(t)) for t in traders)
    ledger += int(vault.balanceOf(d.insurance_fund.address)) + int(vault.balanceOf(d.liquidity_pool.address))
    escrow = int(vault.fundingEscrow())
    curve = 0
    for m in d.markets.values():
        base = m.base_token.address
        open_notional = sum(int(ch.getPosition(t, base).openNotional) for t in traders)
        curve += int(amm.netPositionValue(base)) - open_notional
    surplus = held - (ledger + escrow + curve)
    bound = dust_per_account * (len(traders) + 2) + extra_dust
    # shares rounding can make the ledger read a few wei high per account; beyond that, a deficit is a bug
    if surplus < -(len(traders) + 2) * 4:
        raise InvariantViolation(
            f"inv2: vault holds {held}, claims {ledger} + escrow {escrow} + curve {curve}: deficit {-surplus}"
        )
    if surplus > bound:
        raise InvariantViolation(f"inv2: unexplained surplus {surplus} > dust bound {bound}")
    return SolvencyReport(held, ledger, escrow, curve, surplus)


def funding_conservation(d: Deployment, traders: Iterable[Any], dust_per_settlement: int = 4) -> int:
    """Invariant 4: what traders have paid (settled) and owe (pending) in funding, minus what the
    pool and insurance fund received, is the escrow plus pending: >= 0 and only rounding dust.
    Returns the dust."""
    traders = [_addr(t) for t in traders]
    ch = d.clearing_house
    pending = 0
    for t in traders:
        for m in d.markets.values():
            pending += int(ch.getPendingFunding(t, m.base_token.address))
    dust = int(d.vault.fundingEscrow()) + pending
    if dust < 0:
        raise InvariantViolation(f"inv4: traders' funding {dust} short of what the pool received")
    return dust


def withdrawal_margin(d: Deployment, trader: Any) -> None:
    """Invariant 5, checked after a withdrawal: account value >= initial requirement."""
    value, im, _mm, _liq = d.clearing_house.getAccountState(_addr(trader))
    if int(value) < int(im):
        raise InvariantViolation(f"inv5: account value {int(value)} < initial requirement {int(im)}")


def after_liquidation(d: Deployment, trader: Any, base_token: Any, capped: bool = False) -> None:
    """Invariant 3: margin ratio >= MMR (account value >= maintenance requirement), or the
    liquidated position is closed, or the liquidation stopped at the account's bankruptcy size
    (`capped`: it emitted LiquidationCapped; closing more on this curve would have realised a
    loss beyond the account's value, PROTOCOL.md invariant 9)."""
    ch = d.clearing_house
    size = int(ch.getPosition(_addr(trader), _addr(base_token)).size)
    if size == 0 or capped:
        return
    value, _im, mm, _liq = ch.getAccountState(_addr(trader))
    if int(value) < int(mm):
        raise InvariantViolation(
            f"inv3: after liquidation value {int(value)} < maintenance {int(mm)}, size {size}"
        )


def reserves_restored(d: Deployment, initial: dict[str, tuple[int, int]], dust: int = 10**6) -> None:
    """Invariant 8: with every position closed and no k change, each curve is back at its
    initial reserves: the base reserve exactly, the quote reserve up to rounding dust that
    the curve keeps (k only grows by rounding)."""
    for sym, (x0, y0) in initial.items():
        x, y = (int(v) for v in d.amm.getReserves(d.markets[sym].base_token.address))
        if x != x0 or not (0 <= y - y0 <= dust):
            raise InvariantViolation(f"inv8 {sym}: reserves ({x}, {y}) vs initial ({x0}, {y0})")


def socialisation_dust(total_shares: int) -> int:
    """Most the collateral of all accounts can drop beyond a socialised loss: the index cut is
    rounded up (Vault.socializeLoss), up to one wei of index per share, i.e. total shares / 1e18
    wei (5e-12 USD for 5M USD of collateral). LossSocialized carries the total shares."""
    return total_shares // 10**18 + 1


@dataclass
class BadDebtTotals:
    """Sums of the BadDebtCovered events seen so far (18 decimals), and of DeficitRepaid."""

    debt: int = 0
    covered: int = 0  # by the insurance fund
    socialized: int = 0
    deficit: int = 0  # recorded as protocol deficit
    repaid: int = 0  # DeficitRepaid amounts

    def add(self, debt: int, covered: int, socialized: int, deficit: int) -> None:
        self.debt += debt
        self.covered += covered
        self.socialized += socialized
        self.deficit += deficit


def bad_debt_accounted(d: Deployment, totals: BadDebtTotals) -> None:
    """Invariant 10: Σ bad debt = Σ covered by the insurance fund + Σ socialised + the recorded
    deficit, exactly; and the core's `protocolDeficit()` is that recorded deficit less what was
    repaid (no loss left unaccounted outside the events)."""
    t = totals
    if t.debt != t.covered + t.socialized + t.deficit:
        raise InvariantViolation(
            f"inv10: bad debt {t.debt} != covered {t.covered} + socialised {t.socialized} + deficit {t.deficit}"
        )
    recorded = int(d.clearing_house.protocolDeficit())
    if recorded != t.deficit - t.repaid:
        raise InvariantViolation(
            f"inv10: protocolDeficit {recorded} != deficit recorded {t.deficit} - repaid {t.repaid}"
        )


def check_all(d: Deployment, traders: Iterable[Any], extra_dust: int = 0) -> SolvencyReport:
    traders = list(traders)
    zero_sum_exposure(d, traders)
    funding_conservation(d, traders)
    return solvency(d, traders, extra_dust=extra_dust)
