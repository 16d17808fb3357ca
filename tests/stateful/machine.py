"""Machinery of the stateful property tests (tests/stateful/test_invariants.py, test_coalition.py).

- They drive the protocol through `utils.reverts.Protocol`: simulate-then-send transactions over
  vperp.chain.rpc (raw JSON-RPC stand-ins for Ape's contract objects, which the checkers of
  vperp/sim/invariants.py accept unchanged). Every transaction is first run as an `eth_call` on
  the pending block; a revert is decoded from its data and must be one of the errors the caller
  allows, else the test fails with `UnexpectedRevert`.
- `Env`, `machine_settings`: what a machine runs against, and its hypothesis settings.
- `ProtocolMachine`: base `RuleBasedStateMachine` that snapshots the chain in `__init__` and
  restores it in `teardown`, tracks the accounts that hold balances or positions, and offers the
  trading actions (open in the four modes, reduce, flip, close, deposit, withdraw) as helpers.
- `check_bad_debt_events`: bad debt is never silent, from one transaction's Vault events.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine

from utils.constants import FAR_DEADLINE, MARKETS, ONE, SCALE
from utils.reverts import OPEN_ERRORS, REDUCE_ERRORS, Protocol, Reverted
from vperp.chain.deploy import Deployment, set_index_price
from vperp.sim.invariants import InvariantViolation, reserves_restored, withdrawal_margin


def machine_settings(examples: int, steps: int, randomise: bool = False) -> settings:
    """Hypothesis settings of a state machine run: derandomised (fixed, for CI) unless
    `randomise` (a bug hunt with random seeds)."""
    return settings(
        max_examples=examples,
        stateful_step_count=steps,
        deadline=None,
        derandomize=not randomise,
        database=None,
        print_blob=False,
        report_multiple_bugs=False,
        suppress_health_check=list(HealthCheck),
    )


# ---------------------------------------------------------------------------------- reverts


# ---------------------------------------------------------------------------------- environment


@dataclass
class Env:
    """What the machines run against (set on the machine class by the test function)."""

    proto: Protocol
    traders: list[Any]
    liquidator: Any
    lps: list[Any] = field(default_factory=list)
    arbitrageur: Any = None

    @property
    def d(self) -> Deployment:
        return self.proto.d


def ratio_of(x: int, pct: int) -> int:
    return x * pct // 100


# ---------------------------------------------------------------------------------- base machine


class ProtocolMachine(RuleBasedStateMachine):
    """Snapshot/restore around every example, accounts tracking and the trading actions."""

    env: ClassVar[Env]

    def __init__(self) -> None:
        super().__init__()
        self.proto = self.env.proto
        self.d = self.proto.d
        self.chain = self.proto.chain
        self.ch = self.d.clearing_house
        self.snapshot = self.chain.snapshot()
        self.tracked: dict[str, Any] = {}  # every account that deposited, traded or liquidated
        self.initial_reserves = {
            s: tuple(int(v) for v in self.d.amm.getReserves(m.base_token.address))
            for s, m in self.d.markets.items()
        }
        self.prices = {s: int(self.ch.getIndexPrice(m.base_token.address)) for s, m in self.d.markets.items()}
        self.healthy = True  # False while a step is running; a failed step keeps it False
        self.reverts: dict[str, int] = {}
        self.open_errors: frozenset[str] = OPEN_ERRORS  # + IndexStale while the oracle is down

    # -------------------------------------------------------------- bookkeeping
    def teardown(self) -> None:
        try:
            if self.healthy:
                self.final_check()
        finally:
            self.chain.restore(self.snapshot)

    def final_check(self) -> None:
        """Run after the last step of an example (before the chain is restored)."""

    def begin(self) -> None:
        self.healthy = False

    def end(self) -> None:
        self.healthy = True

    def track(self, account: Any) -> None:
        self.tracked.setdefault(account.address, account)

    @property
    def accounts(self) -> list[Any]:
        return list(self.tracked.values())

    def base(self, sym: str) -> str:
        return self.d.markets[sym].base_token.address

    def note(self, result: Any) -> Any:
        if isinstance(result, Reverted):
            self.reverts[result.name] = self.reverts.get(result.name, 0) + 1
            if result.name == "PriceMoveTooLarge":
                self.chain.mine(1)  # the fluctuation limit is per block: a new block resets it
        return result

    def size(self, trader: Any, sym: str) -> int:
        return int(self.ch.getPosition(trader.address, self.base(sym)).size)

    def mark(self, sym: str) -> int:
        return int(self.ch.getMarkPrice(self.base(sym)))

    def free_collateral(self, trader: Any) -> int:
        return int(self.ch.getFreeCollateral(trader.address))

    # -------------------------------------------------------------- actions
    def do_deposit(self, trader: Any, usd: int) -> Any:
        self.track(trader)
        return self.proto.send(self.d.vault, "deposit", usd * 10**6, sender=trader)

    def do_withdraw(self, trader: Any, pct: int) -> Any:
        """Withdraws pct% of the free collateral (over 100: more than allowed). Invariant 5 after
        a success; a revert must be InsufficientFreeCollateral, and only when over the limit."""
        free = self.free_collateral(trader)
        amount_usdc = max(ratio_of(max(free, 0), pct) // SCALE, 1)
        over = amount_usdc * SCALE > free
        r = self.proto.send(
            self.d.vault,
            "withdraw",
            amount_usdc,
            sender=trader,
            allowed={"InsufficientFreeCollateral"} if over else (),
        )
        if isinstance(r, Reverted):
            return self.note(r)
        if over:
            raise InvariantViolation(f"withdrew {amount_usdc} USDC above free collateral {free}")
        withdrawal_margin(self.d, trader)
        return r

    def trade_amount(self, sym: str, notional: int, quote_mode: bool) -> int:
        """Amount of a swap of `notional` quote (18 decimals) in quote or base units."""
        return notional if quote_mode else max(notional * ONE // self.mark(sym), 1)

    def do_open(self, trader: Any, sym: str, is_long: bool, exact_input: bool, notional: int) -> Any:
        """openPosition in one of the four modes: long exact quote in / exact base out, short
        exact base in / exact quote out."""
        self.track(trader)
        quote_mode = (not is_long) != exact_input  # long+exactIn: quote; short+exactOut: quote
        amount = self.trade_amount(sym, notional, quote_mode)
        params = (self.base(sym), not is_long, exact_input, amount, 0, FAR_DEADLINE)
        return self.note(
            self.proto.send(self.ch, "openPosition", params, sender=trader, allowed=self.open_errors)
        )

    def do_reduce(self, trader: Any, sym: str, pct: int) -> Any:
        size = self.size(trader, sym)
        amount = ratio_of(abs(size), pct)
        if amount == 0:
            return None
        params = (self.base(sym), size > 0, size > 0, amount, 0, FAR_DEADLINE)
        return self.note(
            self.proto.send(self.ch, "openPosition", params, sender=trader, allowed=REDUCE_ERRORS)
        )

    def do_flip(self, trader: Any, sym: str, extra_notional: int) -> Any:
        size = self.size(trader, sym)
        if size == 0:
            return None
        amount = abs(size) + max(extra_notional * ONE // self.mark(sym), 1)
        params = (self.base(sym), size > 0, size > 0, amount, 0, FAR_DEADLINE)
        return self.note(
            self.proto.send(self.ch, "openPosition", params, sender=trader, allowed=self.open_errors)
        )

    def do_close(self, trader: Any, sym: str, allowed: Collection[str] = REDUCE_ERRORS) -> Any:
        if self.size(trader, sym) == 0:
            return None
        return self.note(
            self.proto.send(
                self.ch, "closePosition", self.base(sym), 0, FAR_DEADLINE, sender=trader, allowed=allowed
            )
        )

    def close_everything(self) -> None:
        """Closes every tracked position. One that would move the mark past the fluctuation
        limit in one block is closed in halving chunks over several blocks; one the spread band
        refuses (a move away from the index beyond it) waits for the others; an account under
        water is liquidated. When no close can go on, the stuck market's index is re-centred on
        its mark (the index is the test's to move) and the round starts again."""
        chunks: dict[tuple[str, str], int] = {}  # 0: the whole position
        for _ in range(400):
            progress, stuck = False, set()
            for acct in self.accounts:
                for sym in MARKETS:
                    size = self.size(acct, sym)
                    if size == 0:
                        continue
                    key = (acct.address, sym)
                    chunk = chunks.get(key, 0)
                    if chunk == 0 or chunk >= abs(size):
                        r = self.do_close(acct, sym)
                    else:
                        params = (self.base(sym), size > 0, size > 0, chunk, 0, FAR_DEADLINE)
                        r = self.note(
                            self.proto.send(
                                self.ch, "openPosition", params, sender=acct, allowed=REDUCE_ERRORS
                            )
                        )
                    if not isinstance(r, Reverted):
                        progress = True
                    elif r.name == "DustPosition":
                        chunks[key] = 0
                    elif r.name == "PriceMoveTooLarge":
                        chunks[key] = max((chunk or abs(size)) // 2, 1)
                    elif r.name == "AccountUnderWater" and bool(self.ch.isLiquidatable(acct.address)):
                        liq = self.proto.send(
                            self.ch,
                            "liquidate",
                            acct.address,
                            self.base(sym),
                            sender=self.env.liquidator,
                            allowed={"PriceMoveTooLarge", "LiquidationBeyondBankruptcy"},
                        )
                        progress = progress or not isinstance(liq, Reverted)
                        if isinstance(liq, Reverted):
                            stuck.add(sym)
                    else:
                        stuck.add(sym)
            if not any(self.size(a, s) for a in self.accounts for s in MARKETS):
                return
            if not progress:
                for sym in stuck or set(MARKETS):
                    self.chain.mine(1)
                    self.set_price(sym, self.mark(sym))
        raise AssertionError("could not close every position")

    def check_reserves_restored(self) -> None:
        self.close_everything()
        reserves_restored(self.d, self.initial_reserves)

    def set_price(self, sym: str, price: int) -> None:
        """Moves both feeds of a market to `price` (18 decimals, cut to the feeds' 8 decimals)."""
        p8 = price // 10**10
        set_index_price(self.d, self.chain, sym, Decimal(p8) / Decimal(10**8), self.proto.owner)
        self.prices[sym] = p8 * 10**10

    def refresh_stale_feeds(self, max_age: int = 3000) -> None:
        """Re-publishes a market's price when its Chainlink round gets old (Pyth goes stale
        after 60 s and the oracle falls back to Chainlink, whose max age is 3900 s)."""
        now = self.chain.pending_timestamp
        for sym, m in self.d.markets.items():
            if now - int(m.chainlink.latestRoundData()[3]) > max_age:
                self.set_price(sym, self.prices[sym])


# ---------------------------------------------------------------------------------- bad debt


def _events(receipt: Any, contract: Any, name: str) -> list[Any]:
    return [e for e in receipt.events if e.event_name == name and e.contract_address == contract.address]


def check_bad_debt_events(
    d: Deployment, receipt: Any, trader: Any, balance_before: int, index_before: int
) -> int:
    """Bad debt is never silent (PROTOCOL.md section 5): from the Vault's events of one
    transaction (and PositionChanged, which carries realised PnL and fee), the trader's collateral
    before any cover is rebuilt as balance_before + realised PnL - fees - funding paid -+
    transfers (penalties). When the account ends with no position
    and that figure is negative, BadDebtCovered must be emitted with that debt, the insurance
    fund's transfer must be `covered` and LossSocialized must carry `socialized`; otherwise no
    BadDebtCovered. The fund never pays out without the event, the collateral index never moves
    without LossSocialized. Returns the debt covered in this transaction (0: none)."""
    ch, vault, fund = d.clearing_house, d.vault, d.insurance_fund.address
    who = trader.address
    tol = 1_000  # share rounding after a socialised loss (the index is no longer exactly 1e18)
    delta = 0
    for e in _events(receipt, ch, "PositionChanged"):  # realised PnL and fee settled by the Vault
        if e.trader == who:
            delta += int(e.realizedPnl) - int(e.fee)
    for e in _events(receipt, vault, "FundingEscrowChanged"):
        if e.counterparty == who:
            delta -= int(e.payment)
    fund_out = 0
    cover_in = 0
    for e in _events(receipt, vault, "BalanceTransferred"):
        amount = int(e.amount)
        if e["from"] == fund:
            fund_out += amount
            if e.to == who:
                cover_in += amount
        elif e["from"] == who:
            delta -= amount
        elif e.to == who:
            delta += amount
    pre_cover = balance_before + delta
    covers = [e for e in _events(receipt, ch, "BadDebtCovered") if e.trader == who]
    all_covers = _events(receipt, ch, "BadDebtCovered")
    socialised = _events(receipt, vault, "LossSocialized")
    has_positions = len(ch.getAccountMarkets(who)) > 0
    ctx = f"trader {who}: collateral before cover {pre_cover}, positions left {has_positions}"

    if fund_out != sum(int(e.coveredByInsurance) for e in all_covers):
        raise InvariantViolation(f"insurance fund paid {fund_out} without a matching BadDebtCovered ({ctx})")
    if sum(int(e.socialized) for e in all_covers) != sum(int(e.loss) for e in socialised):
        raise InvariantViolation(f"BadDebtCovered.socialized disagrees with LossSocialized ({ctx})")
    if int(vault.collateralIndex()) != index_before and not socialised:
        raise InvariantViolation(f"collateral index moved without LossSocialized ({ctx})")
    if has_positions or pre_cover > tol:
        if covers:
            raise InvariantViolation(f"BadDebtCovered for an account that is not bad debt ({ctx})")
        return 0
    if pre_cover >= -tol:
        return 0  # within share-rounding dust of zero: either way is fine
    if len(covers) != 1:
        raise InvariantViolation(f"silent bad debt: {len(covers)} BadDebtCovered events ({ctx})")
    e = covers[0]
    debt, covered, social = int(e.debt), int(e.coveredByInsurance), int(e.socialized)
    if abs(debt + pre_cover) > tol:
        raise InvariantViolation(f"BadDebtCovered.debt {debt} != {-pre_cover} ({ctx})")
    deficit = int(e.deficit)
    recorded = sum(int(x.amount) for x in _events(receipt, vault, "DeficitRecorded") if x.trader == who)
    if covered != cover_in or covered + social + deficit != debt or recorded != deficit:
        raise InvariantViolation(
            f"bad debt {debt}: covered {covered} (transferred {cover_in}) + socialized {social}"
            f" + deficit {deficit} (DeficitRecorded {recorded})"
        )
    if int(vault.balanceOf(who)) < 0:
        raise InvariantViolation(f"account still negative after BadDebtCovered ({ctx})")
    return debt


def negative_flat_accounts(d: Deployment, accounts: Iterable[Any]) -> list[tuple[str, int]]:
    """Accounts with no position and negative collateral (must be none after any step)."""
    out = []
    for a in accounts:
        if len(d.clearing_house.getAccountMarkets(a.address)) == 0:
            bal = int(d.vault.balanceOf(a.address))
            if bal < 0:
                out.append((a.address, bal))
    return out


class FixedDraws:
    """Stands in for hypothesis' `data` in a replayed machine run: returns the given draws."""

    def __init__(self, *values: Any) -> None:
        self.values = list(values)

    def draw(self, strategy: Any, label: str | None = None) -> Any:
        return self.values.pop(0)
