"""The scripted trading session of `ape run demo` (deployed by vperp.chain.network).

`Session` wraps a Deployment with named traders: every transaction goes through `act`, which
decodes the ClearingHouse events of its receipt into per-trader books (realised PnL, fees,
settled funding) and prints one line; `snapshot` reads positions and markets for the tables of
vperp.reports.tables. `run_demo` is the scripted session itself.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from vperp.chain.deploy import Deployment, set_index_price
from vperp.reports.tables import (
    POSITIONS_LEGEND,
    accounts_table,
    fitting,
    fmt,
    markets_table,
    pct,
    positions_table,
    render_table,
)
from vperp.sdk.client import PerpClient
from vperp.sdk.units import ONE, from_usdc, from_wad

Printer = Callable[[str], None]

# ---------------------------------------------------------------------------- session state


@dataclass
class Book:
    """One trader's history in one market, summed from the receipts' events."""

    realized_pnl: Decimal = Decimal(0)
    fees: Decimal = Decimal(0)
    funding_paid: Decimal = Decimal(0)  # settled; > 0 paid, < 0 received
    trades: int = 0


@dataclass(frozen=True)
class PositionRow:
    trader: str
    market: str  # "-" for a trader with no position and no history
    size: Decimal
    entry: Decimal | None
    mark: Decimal | None
    index: Decimal | None
    unrealized_pnl: Decimal
    realized_pnl: Decimal
    fees: Decimal
    pending_funding: Decimal
    collateral: Decimal
    account_value: Decimal
    margin_ratio: Decimal | None  # account value / total notional; None without positions


@dataclass(frozen=True)
class MarketRow:
    symbol: str
    mark: Decimal
    index: Decimal
    base_reserve: Decimal
    quote_reserve: Decimal
    long_oi: Decimal
    short_oi: Decimal
    funding_index: Decimal
    last_funding_rate: Decimal


@dataclass
class Snapshot:
    positions: list[PositionRow]
    markets: list[MarketRow]
    insurance_fund: Decimal
    pool: Decimal


@dataclass
class Session:
    """Named traders over one deployment; every transaction goes through `act`."""

    d: Deployment
    chain: Any
    owner: Any
    accounts: dict[str, Any]
    out: Printer = print
    clients: dict[str, PerpClient] = field(default_factory=dict)
    books: dict[tuple[str, str], Book] = field(default_factory=dict)
    deposited: dict[str, Decimal] = field(default_factory=dict)
    withdrawn: dict[str, Decimal] = field(default_factory=dict)
    tx_count: int = 0

    def __post_init__(self) -> None:
        self.ch = self.d.clearing_house
        self.clients = {n: PerpClient(self.d, a) for n, a in self.accounts.items()}
        self._names = {a.address: n for n, a in self.accounts.items()}
        self._symbols = {m.base_token.address: s for s, m in self.d.markets.items()}

    # ------------------------------------------------------------------ actions

    def book(self, name: str, symbol: str) -> Book:
        return self.books.setdefault((name, symbol), Book())

    def act(self, name: str, label: str, receipt: Any) -> Any:
        """Records a receipt's PositionChanged / FundingSettled events and prints one line."""
        self.tx_count += 1
        parts = []
        for log in receipt.decode_logs([self.ch.PositionChanged, self.ch.FundingSettled]):
            who = self._names.get(log.trader)
            sym = self._symbols.get(log.baseToken)
            if who is None or sym is None:
                continue
            b = self.book(who, sym)
            if log.event_name == "FundingSettled":
                b.funding_paid += from_wad(int(log.amount))
                parts.append(f"funding paid {fmt(from_wad(int(log.amount)), 4, sign=True)}")
                continue
            size, notional = from_wad(int(log.exchangedSize)), from_wad(int(log.exchangedNotional))
            b.realized_pnl += from_wad(int(log.realizedPnl))
            b.fees += from_wad(int(log.fee))
            b.trades += 1
            parts.append(
                f"{fmt(size, 4, sign=True)} {sym} @ {fmt(abs(notional / size))}, fee {fmt(from_wad(int(log.fee)))}"
                f", rPnL {fmt(from_wad(int(log.realizedPnl)), sign=True)}, mark -> {fmt(from_wad(int(log.markPrice)))}"
            )
        detail = f": {'; '.join(parts)}" if parts else ""
        self.out(f"  {name:<7} {label}{detail}")
        return receipt

    def trade(
        self, name: str, label: str, symbol: str, side: str, *, size: Any = None, notional: Any = None
    ) -> Any:
        """Quotes the trade with the SDK (printed first), then sends it with a 0.5% slippage bound."""
        c = self.clients[name]
        q = c.quote(symbol, side, size=size, notional=notional)
        self.out(f"  {'':<7} {q.summary()}")
        if not q.ok:
            raise RuntimeError(f"the demo's trade would fail: {q.reason}")
        return self.act(name, label, c.execute(q, Decimal("0.005")))

    def deposit(self, name: str, amount: Decimal | int) -> None:
        c = self.clients[name]
        c.faucet(amount)
        self.act(name, f"deposits {fmt(Decimal(amount))} USDC", c.deposit(amount))
        self.deposited[name] = self.deposited.get(name, Decimal(0)) + Decimal(amount)

    def withdraw(self, name: str, amount: Decimal | int) -> None:
        self.act(name, f"withdraws {fmt(Decimal(amount))} USDC", self.clients[name].withdraw(amount))
        self.withdrawn[name] = self.withdrawn.get(name, Decimal(0)) + Decimal(amount)

    def free_collateral_usdc(self, name: str) -> Decimal:
        """Free collateral, rounded down to whole USDC units (what withdraw accepts)."""
        free = int(self.ch.getFreeCollateral(self.accounts[name].address))
        return from_usdc(max(free, 0) // 10**12)

    def set_index(self, symbol: str, price: Decimal | int) -> None:
        set_index_price(self.d, self.chain, symbol, price, self.owner)
        self.out(f"  oracle  {symbol} index -> {fmt(Decimal(price))}")

    def advance(self, seconds: int) -> None:
        self.chain.mine(deltatime=seconds)
        self.out(f"  chain   time +{seconds} s")

    # ------------------------------------------------------------------ reads

    def snapshot(self) -> Snapshot:
        markets: list[MarketRow] = []
        prices: dict[str, int] = {}
        for v in self.d.viewer.markets():
            sym = self._symbols[v.baseToken]
            index = int(v.indexPrice) if v.indexFresh else int(self.ch.getIndexPrice(v.baseToken))
            prices[sym] = int(v.valuationPrice)
            markets.append(
                MarketRow(
                    sym,
                    from_wad(int(v.markPrice)),
                    from_wad(index),
                    from_wad(int(v.baseReserve)),
                    from_wad(int(v.quoteReserve)),
                    from_wad(int(v.longOpenInterest)),
                    from_wad(int(v.shortOpenInterest)),
                    from_wad(int(v.cumulativeFundingIndex)),
                    from_wad(int(v.lastFundingRate)),
                )
            )
        by_sym = {m.symbol: m for m in markets}
        rows: list[PositionRow] = []
        for name, acct in self.accounts.items():
            tokens, positions, pending = self.d.viewer.positions(acct.address)
            # (size, openNotional, lastFundingIndex) tuples
            held = {
                self._symbols[t]: ((int(p[0]), int(p[1])), int(f))
                for t, p, f in zip(tokens, positions, pending, strict=True)
            }
            value = from_wad(int(self.ch.getAccountValue(acct.address)))
            collateral = from_wad(int(self.d.vault.balanceOf(acct.address)))
            notional = sum(abs(p[0]) * prices[s] // ONE for s, (p, _f) in held.items())
            ratio = value / from_wad(notional) if notional else None
            syms = [s for s in self.d.markets if s in held or (name, s) in self.books]
            for s in syms or ["-"]:
                p, f = held.get(s, (None, 0))
                size, open_notional = p if p else (0, 0)
                b = self.books.get((name, s), Book())
                m = by_sym.get(s)
                rows.append(
                    PositionRow(
                        trader=name,
                        market=s,
                        size=from_wad(size),
                        entry=Decimal(open_notional) / Decimal(size) if size else None,
                        mark=m.mark if m else None,
                        index=m.index if m else None,
                        unrealized_pnl=from_wad(size * prices[s] // ONE - open_notional)
                        if size
                        else Decimal(0),
                        realized_pnl=b.realized_pnl,
                        fees=b.fees,
                        pending_funding=from_wad(f),
                        collateral=collateral,
                        account_value=value,
                        margin_ratio=ratio,
                    )
                )
        vault = self.d.vault
        return Snapshot(
            rows,
            markets,
            from_wad(int(vault.balanceOf(self.d.insurance_fund.address))),
            from_wad(int(vault.balanceOf(self.d.liquidity_pool.address))),
        )

    def show(self, phase: str) -> Snapshot:
        s = self.snapshot()
        self.out("")
        self.out(positions_table(s.positions, f"[{phase}] positions"))
        self.out("")
        self.out(accounts_table(s.positions, f"[{phase}] accounts"))
        self.out("")
        self.out(markets_table(s.markets, s.insurance_fund, s.pool, f"[{phase}] markets"))
        return s

    def phase(self, title: str) -> None:
        self.out("")
        self.out(f"=== {title} " + "=" * max(0, 90 - len(title)))


# ---------------------------------------------------------------------------- the scripted session

TRADERS = ("alice", "bob", "carol", "dave", "frank", "grace")
LP = "erin"  # the liquidity provider
NAMES = (*TRADERS, LP)  # every account of the session, in the order the demo takes test accounts
TOLERANCE = Decimal("0.005")  # the demo's slippage bound (0.5%)


@dataclass
class DemoResult:
    session: Session
    final: Snapshot
    funding_rates: dict[str, Decimal]
    opened: dict[str, Decimal]  # sizes right after the opening phase, "name/symbol" -> base
    solvency_surplus: int  # wei of USDC (18 decimals) the vault holds beyond every claim
    liquidations: dict[str, Any]  # trader -> the receipt of the keeper's liquidation
    k_cost: int  # the k adjustment's exact cost to the pool (wad, > 0: paid by the pool)
    lp_shares: int
    lp_deposit: Decimal


def run_demo(
    d: Deployment,
    chain: Any,
    owner: Any,
    accounts: dict[str, Any],
    keeper: Any,
    out: Printer = print,
    proposals: Path | None = None,
) -> DemoResult:
    """The scripted session: an LP deposit, deposits, longs and shorts on vETH and vBTC (each
    quoted first), index moves, a partial close, a flip, a full close, an hour of funding,
    withdrawals, the netting engine, a crash with two liquidations (one with its penalty split,
    one leaving a bad debt the insurance fund covers), a k adjustment passed by a governance
    vote and the pool's income; tables after every phase. `accounts` maps NAMES to funded test
    accounts (they need gas only); `owner` is the deployer (it pushes the mock prices and, when
    governance owns the protocol, holds the votes); proposal metadata goes to `proposals`."""
    from vperp.sim.invariants import check_all

    out = fitting(out)
    s = Session(d, chain, owner, {n: accounts[n] for n in TRADERS}, out)
    eth, btc = d.base("vETH").address, d.base("vBTC").address
    lp = PerpClient(d, accounts[LP])

    out(POSITIONS_LEGEND)
    s.phase("1. deposits: an LP into the pool, the traders into their accounts")
    lp_deposit = Decimal(100_000)
    lp.faucet(lp_deposit)
    tx = lp.lp_deposit(lp_deposit)
    (dep,) = tx.decode_logs(d.liquidity_pool.Deposit)
    lp_shares = int(dep.shares)
    out(
        f"  {LP:<7} deposits {fmt(lp_deposit)} USDC into the liquidity pool for"
        f" {fmt(from_wad(lp_shares), 4)} shares (share price {fmt(share_price(d), 6)} USDC)"
    )
    for name, amount in (("alice", 10_000), ("bob", 20_000), ("carol", 5_000), ("dave", 50_000)):
        s.deposit(name, amount)
    s.show("deposits")

    s.phase("2. opening: longs and shorts, each quoted first")
    s.trade("alice", "longs vETH for 30,000 USD", "vETH", "long", notional=30_000)
    s.trade("bob", "shorts 10 vETH", "vETH", "short", size=10)
    s.trade("carol", "longs 0.5 vBTC", "vBTC", "long", size="0.5")
    s.trade("dave", "shorts vBTC for 40,000 USD", "vBTC", "short", notional=40_000)
    s.trade("dave", "longs vETH for 20,000 USD", "vETH", "long", notional=20_000)
    opened = {
        f"{n}/{sym}": from_wad(
            int(d.clearing_house.getPosition(s.accounts[n].address, d.base(sym).address).size)
        )
        for n, sym in (
            ("alice", "vETH"),
            ("bob", "vETH"),
            ("carol", "vBTC"),
            ("dave", "vBTC"),
            ("dave", "vETH"),
        )
    }
    s.show("after opening")

    s.phase("3. index moves: ETH +4%, BTC -4%")
    s.set_index("vETH", 3_120)
    s.set_index("vBTC", 57_600)
    s.show("after the index moves")

    s.phase("4. partial close, flip, full close")
    half = abs(opened["alice/vETH"]) / 2
    s.trade("alice", f"sells {fmt(half, 4)} vETH (half her long)", "vETH", "short", size=half)
    s.trade("bob", "buys 15 vETH (flips short 10 -> long 5)", "vETH", "long", size=15)
    q = s.clients["carol"].quote_close("vBTC")
    out(f"  {'':<7} {q.summary()}")
    s.act("carol", "closes her vBTC long", s.clients["carol"].close("vBTC", q.bound(TOLERANCE)))
    s.show("after reducing, flipping, closing")

    s.phase("5. one hour later: funding")
    s.advance(3_600)
    # the Pyth mock goes stale after 60 s of chain time: a keeper pushes fresh prices
    s.set_index("vETH", 3_120)
    s.set_index("vBTC", 57_600)
    rates: dict[str, Decimal] = {}
    for sym, base in (("vETH", eth), ("vBTC", btc)):
        r = s.act(
            "keeper", f"updateFundingRate({sym})", d.clearing_house.updateFundingRate(base, sender=keeper)
        )
        (ev,) = r.decode_logs(d.clearing_house.FundingUpdated)
        rates[sym] = from_wad(int(ev.rate))
        out(
            f"          rate {pct(rates[sym], 4)} for the hour (mark TWAP {fmt(from_wad(int(ev.markTwap)))}"
            f", index TWAP {fmt(from_wad(int(ev.indexTwap)))}; > 0: longs pay)"
        )
    s.show("after the funding update")

    s.phase("6. withdrawals")
    s.withdraw("carol", s.free_collateral_usdc("carol"))  # no position left: all of it
    s.withdraw("dave", 5_000)  # settles dave's pending funding first
    s.show("after the withdrawals")

    netting_batches(s, keeper)
    s.show("after the netting batches")

    s.act("keeper", "checkpoints the pool's income", d.liquidity_pool.checkpoint(sender=keeper))
    out(f"          {pool_line(d)}")
    k_cost = adjust_k_by_vote(s, proposals)
    s.show("after the k adjustment")

    liquidations = crash_and_liquidations(s, keeper)
    final = s.show("final")

    s.phase("10. the pool's income")
    s.act("keeper", "checkpoints the pool's income", d.liquidity_pool.checkpoint(sender=keeper))
    out(f"          {pool_line(d)}")
    value = Decimal(int(d.liquidity_pool.convertToAssets(lp_shares))) / 10**6
    out(
        f"  {LP:<7} {fmt(from_wad(lp_shares), 4)} shares redeem for {fmt(value)} USDC today"
        f" ({fmt(value - lp_deposit, sign=True)} on {fmt(lp_deposit)}): the pool's share of the"
        " fees, funding imbalances and liquidations, less the k adjustment's cost; income booked"
        " since the last checkpoint vests over the vesting period (no deposit can sandwich it)"
    )
    everyone = [*s.accounts.values(), accounts[LP], owner, keeper]
    report = check_all(d, everyone)
    out("")
    out(summary(s, final, rates, report.surplus))
    return DemoResult(s, final, rates, opened, report.surplus, liquidations, k_cost, lp_shares, lp_deposit)


def pool_line(d: Deployment) -> str:
    """The pool's assets, share price and income still vesting, in one line."""
    pool = d.liquidity_pool
    held = from_wad(int(d.vault.balanceOf(pool.address)))
    locked = from_wad(int(pool.lockedIncome()))
    hours = int(pool.incomeVestingPeriod()) / 3600
    return (
        f"pool: {fmt(held)} USD held, {fmt(locked)} of it income still vesting (over {hours:g} h);"
        f" share price {fmt(share_price(d), 6)} USDC"
    )


@contextmanager
def fixed_clock(chain: Any) -> Iterator[None]:
    """Anvil only: from the next midnight (UTC) of chain time, every block is one second after the
    one before (plus any explicit time travel), whatever the wall clock does, so that funding,
    TWAPs and vesting come out the same in every run. Afterwards Anvil's clock runs with the wall
    clock again, from the head on."""
    provider = chain.provider
    day = 86_400
    start = (int(chain.blocks.head.timestamp) // day + 1) * day
    provider.make_request("evm_setNextBlockTimestamp", [start])
    provider.make_request("anvil_setBlockTimestampInterval", [1])
    try:
        yield
    finally:
        provider.make_request("anvil_removeBlockTimestampInterval", [])
        # the interval's seconds ran ahead of Anvil's own clock (wall time + offset): without this
        # the next blocks would keep head + 1 s until the wall clock caught up, and a node left
        # running after the demo (make node) would see no time pass for minutes
        provider.make_request("evm_setNextBlockTimestamp", [int(chain.blocks.head.timestamp) + 1])


def share_price(d: Deployment) -> Decimal:
    """USDC per pool share (both sides in plain units)."""
    pool = d.liquidity_pool
    supply = int(pool.totalSupply())
    return Decimal(int(pool.totalAssets())) * 10**12 / supply if supply else Decimal(1)


def crash_and_liquidations(s: Session, keeper: Any) -> dict[str, Any]:
    """Phase 9: frank (6x) and grace (9.5x) go long vETH; the index falls 15% and a whale's sales
    follow it down the curve over eight blocks (each within the fluctuation limit); the keeper
    liquidates frank (solvent: the penalty split between keeper and insurance fund) and grace
    (under water: the insurance fund covers the bad debt)."""
    d, out, ch, vault = s.d, s.out, s.d.clearing_house, s.d.vault
    eth = d.base("vETH").address
    s.phase("9. a crash: two liquidations, a penalty split and a bad debt")
    s.set_index("vETH", 3_120)
    s.deposit("frank", 2_000)
    s.deposit("grace", 2_000)
    s.trade("frank", "longs vETH for 12,000 USD (6x)", "vETH", "long", notional=12_000)
    s.trade("grace", "longs vETH for 19,000 USD (9.5x)", "vETH", "long", notional=19_000)
    s.set_index("vETH", 2_650)
    s.deposit("dave", 200_000)
    for _ in range(8):
        s.trade("dave", "sells 100 vETH (a whale follows the index down)", "vETH", "short", size=100)
    share = Decimal(int(ch.liquidatorShare())) / 10**6
    fund = d.insurance_fund.address
    done: dict[str, Any] = {}
    for name in ("frank", "grace"):
        who = s.accounts[name].address
        keeper_before, fund_before = int(vault.balanceOf(keeper)), int(vault.balanceOf(fund))
        tx = s.act("keeper", f"liquidates {name}'s vETH", ch.liquidate(who, eth, sender=keeper))
        done[name] = tx
        for ev in tx.decode_logs(ch.PositionLiquidated):
            penalty, to_keeper = int(ev.penalty), int(vault.balanceOf(keeper)) - keeper_before
            split = (
                f"{fmt(from_wad(to_keeper))} to the keeper (its {pct(share, 0)} share),"
                f" {fmt(from_wad(penalty - to_keeper))} to the insurance fund"
                if to_keeper < penalty
                else "all of it to the keeper: the account could not pay the whole penalty"
                " (the fund's part would only come back out of the fund)"
            )
            out(
                f"          penalty {fmt(from_wad(penalty))} USD on"
                f" {fmt(from_wad(int(ev.liquidatedNotional)))} USD closed: {split}"
            )
        for ev in tx.decode_logs(ch.BadDebtCovered):
            out(
                f"          bad debt {fmt(from_wad(int(ev.debt)))} USD: the insurance fund covers"
                f" {fmt(from_wad(int(ev.coveredByInsurance)))}, socialised"
                f" {fmt(from_wad(int(ev.socialized)))}, deficit {fmt(from_wad(int(ev.deficit)))}"
                f" (fund {fmt(from_wad(fund_before))} -> {fmt(from_wad(int(vault.balanceOf(fund))))})"
            )
    return done


def adjust_k_by_vote(s: Session, folder: Path | None) -> int:
    """Phase 8: the vETH curve is made 25% deeper (k x 1.5625) by a governance proposal, voted,
    queued behind the timelock's delay and executed with time travel; prints the exact cost the
    pool paid. Without governance (unit-test stacks) the owner calls adjustK directly."""
    d, out, ch = s.d, s.out, s.d.clearing_house
    eth = d.base("vETH").address
    s.phase("8. a k adjustment, passed by a governance vote")
    base_reserve = next(int(m.baseReserve) for m in d.viewer.markets() if m.baseToken == eth)
    new_base = base_reserve * 5 // 4
    max_cost = 50_000 * ONE
    pool_before = int(d.vault.balanceOf(d.liquidity_pool.address))
    first_block = s.chain.blocks.height + 1
    if d.governance is None:
        tx = ch.adjustK(eth, new_base, max_cost, sender=s.owner)
    else:
        from vperp.governance.commands import local_full_proposal

        spec = {
            "title": "Deepen the vETH curve by 25%",
            "summary": "The vETH base reserve goes up 25% at an unchanged mark price, so that a trade of a"
            " given size moves the price less; the liquidity pool pays the exact cost.",
            "links": [],
            "calls": [
                {"contract": "ClearingHouse", "function": "adjustK", "args": ["vETH", new_base, max_cost]}
            ],
        }
        local_full_proposal(d, s.chain, s.owner, spec, folder or Path(tempfile.mkdtemp()), out)
        tx = None
    ev = _last_k_adjustment(ch, eth, tx, first_block, s.chain.blocks.height)
    cost = int(ev.cost)
    pool_after = int(d.vault.balanceOf(d.liquidity_pool.address))
    out(
        f"  curve   vETH reserves {fmt(from_wad(int(ev.oldBase)), 2)} / {fmt(from_wad(int(ev.oldQuote)), 0)}"
        f" -> {fmt(from_wad(int(ev.newBase)), 2)} / {fmt(from_wad(int(ev.newQuote)), 0)};"
        f" exact cost {fmt(from_wad(cost), 6, sign=True)} USD (> 0: paid by the pool);"
        f" pool {fmt(from_wad(pool_before))} -> {fmt(from_wad(pool_after))}"
    )
    s.set_index("vETH", 3_120)  # days went by: the feeds publish again
    s.set_index("vBTC", 57_600)
    return cost


def _last_k_adjustment(ch: Any, base_token: str, tx: Any, first: int, last: int) -> Any:
    """The KAdjusted event of `tx`, or of the blocks first..last (the timelock's execution)."""
    logs = list(tx.decode_logs(ch.KAdjusted)) if tx is not None else list(ch.KAdjusted.range(first, last + 1))
    logs = [e for e in logs if e.baseToken == base_token]
    if not logs:
        raise RuntimeError("no KAdjusted event: the k adjustment did not happen")
    return logs[-1]


def netting_batches(s: Session, keeper: Any) -> None:
    """Phase 7: the netting engine. Queued orders on vETH (the prices refreshed first: Pyth goes
    stale after 60 s), one batch: L and S, p0, the remainder swap, each fill at its price; a long
    limit order below the batch's long price rests, and fills in a second batch at p0 once the mark
    has fallen below it and the shorts are the larger side."""
    d, out = s.d, s.out
    net, eth = d.netting, d.base("vETH").address
    mark = int(d.clearing_house.getMarkPrice(eth))
    s.phase("7. the netting engine: queued orders netted at one uniform price")
    s.set_index("vETH", 3_120)

    def queue(name: str, size: Decimal, acceptable: int, why: str) -> None:
        tx = net.queuePositionChange(
            eth, int(size * ONE), acceptable, 2**32 - 1, False, sender=s.accounts[name]
        )
        (ev,) = tx.decode_logs(net.OrderQueued)
        out(
            f"  {name:<7} queues {fmt(size, 4, sign=True)} vETH, acceptable {fmt(from_wad(acceptable))}"
            f" ({why}); order {ev.orderId}, reserve {fmt(from_wad(int(ev.reserve)))} USDC"
        )

    def batch(title: str) -> None:
        s.advance(int(net.nettingParams()[1]) + 1)
        s.set_index("vETH", 3_120)
        tx = net.executeBatch(eth, 100, sender=keeper)
        (be,) = tx.decode_logs(net.BatchExecuted)
        swap_base, swap_quote = from_wad(int(be.swapBase)), from_wad(int(be.swapQuote))
        out(
            f"  keeper  executeBatch ({title}): L {fmt(from_wad(int(be.longTotal)), 4)} vETH,"
            f" S {fmt(from_wad(int(be.shortTotal)), 4)} vETH, p0 {fmt(from_wad(int(be.p0)))}; remainder swap"
            f" {fmt(swap_base, 4, sign=True)} vETH for {fmt(swap_quote, sign=True)} USD"
            + (f" (average {fmt(abs(swap_quote / swap_base))})" if swap_base else "")
            + f"; {be.fills} fills"
        )
        names = {a.address: n for n, a in s.accounts.items()}
        for log in tx.decode_logs(net.OrderFilled):
            out(
                f"          fill  order {log.orderId} {names.get(log.trader, log.trader):<7}"
                f" {fmt(from_wad(int(log.size)), 4, sign=True)} vETH @ {fmt(from_wad(int(log.price)))}"
                f", execution fee {fmt(from_wad(int(log.fee)))}"
            )
        for log in tx.decode_logs(net.OrderRested):
            out(
                f"          rests order {log.orderId} {names.get(log.trader, log.trader):<7}"
                f" {fmt(from_wad(int(log.size)), 4, sign=True)} vETH, queued again as order {log.newOrderId}"
                " (its acceptable price was not met)"
            )
        s.act("keeper", "books the batch", tx)

    queue("alice", Decimal(3), mark * 1_010 // 1_000, "up to 1% above the mark")
    queue("bob", Decimal(2), mark * 1_010 // 1_000, "up to 1% above the mark")
    queue("dave", Decimal(-4), mark * 990 // 1_000, "down to 1% below the mark")
    queue("alice", Decimal(1), mark, "a limit order: at most today's mark")
    batch(
        "longs 6 > shorts 4; alice's limit drops out (the longs' price is above it) and rests;"
        " the shorts fill at p0, the other longs share p0 and one swap of the remainder"
    )
    s.trade("bob", "sells 5 vETH directly: the mark falls below alice's limit", "vETH", "short", size=5)
    queue("dave", Decimal(-2), mark * 980 // 1_000, "down to 2% below the mark")
    batch("alice's resting limit order meets dave's short: shorts 2 > longs 1, the longs fill at p0")


def summary(s: Session, final: Snapshot, rates: dict[str, Decimal], surplus: int) -> str:
    """Per-trader totals, protocol balances and the invariant check."""
    rows = []
    pending = {n: Decimal(0) for n in s.accounts}
    for r in final.positions:
        pending[r.trader] += r.pending_funding
    for name, acct in s.accounts.items():
        books = [b for (n, _sym), b in s.books.items() if n == name]
        wallet = from_usdc(int(s.d.usdc.balanceOf(acct.address)))
        value = next(r.account_value for r in final.positions if r.trader == name)
        rows.append(
            (
                name,
                fmt(s.deposited.get(name, Decimal(0))),
                fmt(s.withdrawn.get(name, Decimal(0))),
                fmt(sum((b.realized_pnl for b in books), Decimal(0)), sign=True),
                fmt(sum((b.fees for b in books), Decimal(0))),
                fmt(sum((b.funding_paid for b in books), Decimal(0)) + pending[name], 4, sign=True),
                fmt(value),
                fmt(wallet),
            )
        )
    table = render_table(
        (
            "trader",
            "deposited",
            "withdrawn",
            "rPnL",
            "fees",
            "funding +paid",
            "acct value",
            "wallet",
        ),
        rows,
        "SUMMARY (USD; funding settled and pending, + paid by the account, - received; wallet: USDC held)",
    )
    open_pos = [f"{r.trader} {fmt(r.size, 4, sign=True)} {r.market}" for r in final.positions if r.size != 0]
    fees = sum((b.fees for b in s.books.values()), Decimal(0))
    lines = [
        "=" * 100,
        table,
        "",
        f"trader and keeper transactions: {s.tx_count} (plus faucet mints and oracle pushes)",
        f"open positions: {', '.join(open_pos) or 'none'}",
        "funding rates applied: " + ", ".join(f"{k} {pct(v, 4)}" for k, v in rates.items()),
        f"fees paid by traders: {fmt(fees)} USD; insurance fund {fmt(final.insurance_fund)} USD, "
        f"liquidity pool {fmt(final.pool)} USD",
        f"invariants (PROTOCOL.md 7.1 zero-sum exposure, 7.2 solvency, 7.4 funding conservation): hold; "
        f"vault surplus {surplus} wei",
        "=" * 100,
    ]
    return "\n".join(lines)
