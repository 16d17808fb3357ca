"""Crash replays: real ETH/USD oracle series (data/, see data/SOURCES.md) driven through a full
local deployment, with traders, an arbitrageur, a funding keeper and a liquidator.

Set-up (`CrashReplay.setup`): a fresh deployment with one market, vETH, whose curve and mock feeds
start at the series' first price (config override of the vETH `price`; the depth stays the default
30M quote reserve; the open-interest caps are lifted so the arbitrageur can follow a 50% crash),
then `len(LEVERAGES) * len(NOTIONALS) * 2` traders (54) long and short at 2x..9.7x, and an
arbitrageur with a large collateral.

Each step (one hourly row, or one Chainlink round):
1. chain time -> the row's time offset from the first row (deltas kept; rounds seconds apart
   that the chain has already passed are placed 1 s after the previous block);
2. index: the Chainlink mock replays the row through `updateRoundData(roundId, answer,
   updatedAt, startedAt)` (hourly files: answer = close, round ids numbered from 2 on; rounds
   file: the recorded round id and answer). Pyth is left stale (its only price is the one pushed
   at deploy), so the oracle's rule makes Chainlink the index for the whole replay;
3. funding: `updateFundingRate` when the interval has elapsed;
4. arbitrage: trades the curve towards the index, at most 2.4% per block (limit: 2.5%), in up
   to MAX_ARB_TXS blocks, only when the mark is more than ARB_TOLERANCE away;
5. liquidations: `viewer.liquidatable(all accounts)`, each returned account liquidated in each
   of its markets until it is no longer liquidatable; `after_liquidation` after each call;
6. checks: no account is still liquidatable (so none stays liquidatable for more than one step),
   `check_all` (invariants 1, 2, 4), and every BadDebtCovered event's debt equals covered +
   socialised (with the matching LossSocialized). Any failure raises.

The arbitrageur targets the index itself; the exchange (Binance) files are only read for the
summary's `reference_low` (the spot low of the same window, to compare with the oracle's).

Speed: hundreds of steps with ~57 accounts need ~250 reads and a few transactions per step.
Ape's contract calls cost ~5 ms each here (three RPCs, pydantic models), so the engine reads and
sends through vperp.chain.rpc: `FastContract`s (the same ABIs, encoded with eth-abi, one
`eth_call` / `eth_sendTransactionSync` each) on an `Rpc` with its read cache on (a keep-alive
HTTP connection that also batches the per-account reads of a step and caches reads until the
next transaction). The checkers of vperp.sim.invariants run unchanged on a Deployment whose
contracts are these wrappers. Accounts other than the deployer are impersonated on anvil (local
chains only).

The windows and their oracle steps are vperp.sim.replay.windows; the result is a
vperp.sim.replay.summary.ReplaySummary.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal
from math import isqrt
from typing import Any

import yaml
from eth_utils import keccak, to_checksum_address

from vperp.chain.config import DEFAULT_CONFIG, load_config
from vperp.chain.deploy import Deployment, deploy
from vperp.chain.rpc import EventDecoder, FastContract, Rpc, UnexpectedRevert, fast_deployment
from vperp.sdk.client import FAR_DEADLINE
from vperp.sdk.units import ONE, RATIO_ONE, usdc
from vperp.sim import invariants
from vperp.sim.market_data import load_candles
from vperp.sim.replay.summary import RAW_AMOUNTS, ReplaySummary, usd, utc
from vperp.sim.replay.windows import WINDOWS, OracleStep, Window, oracle_steps

SYMBOL = "vETH"
LEVERAGES: tuple[Decimal, ...] = tuple(Decimal(x) for x in ("2", "3", "4", "5", "6", "7", "8", "9", "9.7"))
"""Leverage = position notional / collateral at opening. 10x itself cannot open (the initial
requirement is 10% of the notional and the fee and slippage come off the collateral first): the
top bucket is 9.7x."""
NOTIONALS: tuple[int, ...] = (2_000, 15_000, 60_000)  # USD per position
ARB_COLLATERAL = 20_000_000  # USDC
ARB_TOLERANCE = 1_000  # 1e6-based: the arbitrageur trades when |mark/index - 1| > 0.1%
ARB_MAX_MOVE = 24_000  # 1e6-based: per block, under the 2.5% fluctuation limit
MAX_ARB_TXS = 6
MAX_LIQUIDATIONS_PER_MARKET = 4
GAS = 3_000_000
BIG_OI = 10**6  # base units: open-interest caps lifted for the replay


class ReplayError(AssertionError):
    """A replay check failed (liquidatable account left, unaccounted loss, wrong events). A
    transaction that reverts raises vperp.chain.rpc.UnexpectedRevert."""


def _address(label: str) -> str:
    return to_checksum_address(keccak(text=f"vperp-replay/{label}")[12:])


# ====================================================================== engine


class CrashReplay:
    """One replay of one window on the connected local chain (anvil)."""

    def __init__(
        self, project: Any, chain: Any, owner: Any, window: Window, log: Callable[[str], None] | None = None
    ):
        self.project = project
        self.chain = chain
        self.rpc = Rpc(chain, cache=True, gas=GAS)
        self.owner = owner
        self.window = window
        self.steps = oracle_steps(window)
        self.log = log or (lambda _msg: None)
        self.d: Deployment | None = None
        self.f: Deployment | None = None
        self.traders: list[str] = []
        self.arb = _address("arbitrageur")
        self.liquidator = _address("liquidator")
        self.summary = ReplaySummary(
            window.name,
            window.description,
            window.index_file,
            utc(self.steps[0].source_time),
            utc(self.steps[-1].source_time),
        )
        self._liquidated: set[str] = set()
        self._deferred: set[str] = set()  # capped or refused at the bankruptcy size this step
        self._socialisation_dust = 0  # wei of allowed solvency surplus from socialised losses
        self._raw: dict[str, int] = dict.fromkeys(RAW_AMOUNTS, 0)  # 18 decimals
        self.plan: list[tuple[Decimal, int, bool]] = [
            (lev, notional, is_long)
            for lev in LEVERAGES
            for notional in NOTIONALS
            for is_long in (True, False)
        ]

    # ------------------------------------------------------------------ helpers
    def _rpc(self, method: str, params: list[Any]) -> Any:
        return self.rpc.request(method, params)

    def _send(
        self, contract: FastContract, name: str, *args: Any, sender: str
    ) -> list[tuple[str, dict[str, Any]]]:
        receipt = contract.send(name, *args, sender=sender)
        self.summary.transactions += 1
        events = self._decoder.decode(receipt)
        self._check_bad_debt(events)
        return events

    def _latest_timestamp(self) -> int:
        return int(self._rpc("eth_getBlockByNumber", ["latest", False])["timestamp"], 16)

    @property
    def all_accounts(self) -> list[str]:
        return [*self.traders, self.arb, self.liquidator]

    # ------------------------------------------------------------------ set-up
    def deploy(self) -> Deployment:
        raw = yaml.safe_load(DEFAULT_CONFIG.read_text())
        market = next(m for m in raw["markets"] if m["symbol"] == SYMBOL)
        params = {**market["params"], "max_long_open_interest": BIG_OI, "max_short_open_interest": BIG_OI}
        market = {**market, "price": self.steps[0].price, "params": params}
        cfg = load_config(overrides={"markets": [market]})
        self.cfg = cfg
        self.d = deploy(self.project, self.chain, self.owner, cfg)
        self.f = fast_deployment(self.d, self.rpc)
        self._decoder = EventDecoder(self.f.clearing_house, self.f.vault)
        self.base = self.d.base(SYMBOL).address
        self.feed = FastContract(self.d.markets[SYMBOL].chainlink, self.rpc)
        self.funding_interval = int(market["params"]["funding_interval"])
        return self.d

    def setup(self) -> None:
        """Deploys, funds and opens the traders' positions, funds the arbitrageur."""
        self.deploy()
        f, owner = self.f, self.owner.address
        plan = self.plan
        self.traders = [_address(f"trader-{i}") for i in range(len(plan))]
        for a in [*self.traders, self.arb, self.liquidator]:
            self._rpc("anvil_impersonateAccount", [a])
            self._rpc("anvil_setBalance", [a, hex(10**21)])
        collaterals = [usdc(Decimal(n) / lev) + 1 for lev, n, _ in plan]
        total = sum(collaterals) + usdc(ARB_COLLATERAL)
        self._send(f.usdc, "mint", owner, total, sender=owner)
        self._send(f.usdc, "approve", f.vault.address, 2**256 - 1, sender=owner)
        for trader, amount in zip(self.traders, collaterals, strict=True):
            self._send(f.vault, "depositFor", trader, amount, sender=owner)
        self._send(f.vault, "depositFor", self.arb, usdc(ARB_COLLATERAL), sender=owner)
        for trader, (_lev, notional, is_long) in zip(self.traders, plan, strict=True):
            # long: exact quote in; short: exact quote out -- both `notional` of quote
            params = (self.base, not is_long, is_long, notional * ONE, 0, FAR_DEADLINE)
            self._send(f.clearing_house, "openPosition", params, sender=trader)
        self.summary.traders = len(self.traders)
        self.summary.leverages = [str(x) for x in LEVERAGES]
        self.log(f"{self.window.name}: {len(self.traders)} traders opened, {self.summary.transactions} txs")

    # ------------------------------------------------------------------ step parts
    def _set_index(self, s: OracleStep, base_time: int) -> None:
        target = base_time + s.offset
        latest = self._latest_timestamp()
        t = max(target, latest + 1)
        self._rpc("evm_setNextBlockTimestamp", [t])
        self.summary.max_time_lag_s = max(self.summary.max_time_lag_s, t - target)
        self._send(
            self.feed,
            "updateRoundData",
            s.round_id,
            s.answer,
            t,
            t + s.started_offset,
            sender=self.owner.address,
        )

    def _funding(self) -> None:
        ch = self.f.clearing_house
        next_block_time = self._latest_timestamp() + 1  # blocks are 1 s apart (see run)
        if next_block_time >= int(ch.lastFundingTime(self.base)) + self.funding_interval:
            self._send(ch, "updateFundingRate", self.base, sender=self.liquidator)
            self.summary.funding_updates += 1

    def _arbitrage(self, target: int) -> None:
        """Trades the curve towards `target` (the index), <= ARB_MAX_MOVE per block."""
        ch, amm = self.f.clearing_house, self.f.amm
        for _ in range(MAX_ARB_TXS):
            x, y = amm.getReserves(self.base)
            mark = y * ONE // x
            if abs(mark - target) * RATIO_ONE <= target * ARB_TOLERANCE:
                return
            lo, hi = (
                mark * (RATIO_ONE - ARB_MAX_MOVE) // RATIO_ONE,
                mark * (RATIO_ONE + ARB_MAX_MOVE) // RATIO_ONE,
            )
            p = min(max(target, lo), hi)
            x_new = isqrt(x * y * ONE // p)
            size = int(ch.getPosition(self.arb, self.base).size)
            if x_new > x:  # mark too high: short (exact base in)
                amount, is_short = x_new - x, True
            else:  # mark too low: long (exact base out)
                amount, is_short = x - x_new, False
            if amount == 0:
                return
            new_size = size - amount if is_short else size + amount
            if new_size != 0 and abs(new_size) * p // ONE < 20 * ONE:
                amount = abs(size)  # would leave a dust position: close it instead
            params = (self.base, is_short, is_short, amount, 0, FAR_DEADLINE)
            self._send(ch, "openPosition", params, sender=self.arb)
            self.summary.arbitrage_trades += 1

    def _liquidate_all(self) -> int:
        f = self.f
        ch = f.clearing_house
        self._deferred = set()
        accounts, _shortfalls, first_markets = f.viewer.liquidatable(self.all_accounts)
        for account, first in zip(accounts, first_markets, strict=True):
            markets = [first, *(m for m in ch.getAccountMarkets(account) if m != first)]
            for base in markets:
                for _ in range(MAX_LIQUIDATIONS_PER_MARKET):
                    if int(ch.getPosition(account, base).size) == 0 or not ch.isLiquidatable(account):
                        break
                    try:
                        events = self._send(ch, "liquidate", account, base, sender=self.liquidator)
                    except UnexpectedRevert as e:
                        if "LiquidationBeyondBankruptcy" not in str(e):
                            raise
                        self.summary.liquidations_deferred += 1  # the curve is past its bankruptcy price
                        self._deferred.add(account)
                        break
                    self._record_liquidation(account, base, events)
                    capped = any(n == "LiquidationCapped" for n, _ in events)
                    if capped:
                        self.summary.liquidations_capped += 1
                        self._deferred.add(account)
                    invariants.after_liquidation(f, account, base, capped)
                    if capped:
                        break
                if not ch.isLiquidatable(account):
                    break
        return len(accounts)

    def _record_liquidation(self, account: str, base: str, events: list[tuple[str, dict[str, Any]]]) -> None:
        s = self.summary
        fund = self.f.insurance_fund.address
        liquidated = [e for n, e in events if n == "PositionLiquidated"]
        if len(liquidated) != 1:
            raise ReplayError(f"liquidate({account}) emitted {len(liquidated)} PositionLiquidated events")
        s.liquidation_calls += 1
        closed = int(self.f.clearing_house.getPosition(account, base).size) == 0
        if closed:
            s.full_liquidations += 1
        else:
            s.partial_liquidations += 1
        self._raw["penalties_total"] += liquidated[0]["penalty"]
        for n, e in events:
            if n != "BalanceTransferred" or e["from"] != account:
                continue
            if e["to"] == self.liquidator:
                self._raw["penalties_to_liquidator"] += e["amount"]
            elif e["to"] == fund:
                self._raw["penalties_to_insurance_fund"] += e["amount"]
        self._liquidated.add(account)

    def _check_bad_debt(self, events: list[tuple[str, dict[str, Any]]]) -> None:
        s = self.summary
        socialized_events = [e for n, e in events if n == "LossSocialized"]
        # the index cut of each socialised loss rounds up: allowed surplus for the solvency check
        self._socialisation_dust += sum(
            invariants.socialisation_dust(x["totalShares"]) for x in socialized_events
        )
        for n, e in events:
            if n != "BadDebtCovered":
                continue
            debt, covered, socialized = e["debt"], e["coveredByInsurance"], e["socialized"]
            s.bad_debt_events += 1
            self._raw["bad_debt_total"] += debt
            self._raw["bad_debt_covered_by_insurance"] += covered
            self._raw["bad_debt_socialized"] += socialized
            matching = sum(x["loss"] for x in socialized_events if x["trader"] == e["trader"])
            if debt != covered + socialized or matching != socialized:
                self._raw["unaccounted_loss"] += abs(debt - covered - socialized)
                raise ReplayError(
                    f"bad debt of {e['trader']}: debt {debt} != covered {covered} + socialized {socialized}"
                    f" (LossSocialized {matching})"
                )

    def _prefetch(self) -> None:
        """One batch request for the per-account reads that the liquidation pass and
        check_all make (they then hit the cache)."""
        f = self.f
        ch, vault = f.clearing_house, f.vault
        calls = [f.viewer.call_params("liquidatable", self.all_accounts)]
        for a in self.all_accounts:
            calls.append(ch.call_params("getPosition", a, self.base))
            calls.append(ch.call_params("getPendingFunding", a, self.base))
            calls.append(vault.call_params("balanceOf", a))
        for c in (f.insurance_fund.address, f.liquidity_pool.address):
            calls.append(vault.call_params("balanceOf", c))
        calls += [
            ch.call_params("getOpenInterest", self.base),
            f.amm.call_params("netBase", self.base),
            f.amm.call_params("netPositionValue", self.base),
            vault.call_params("fundingEscrow"),
            f.usdc.call_params("balanceOf", vault.address),
        ]
        self.rpc.prefetch_calls(calls)

    def _finish_amounts(self) -> None:
        s = self.summary
        for name, raw in self._raw.items():
            setattr(s, name, usd(raw))
        by_leverage: dict[str, dict[str, int]] = {}
        for trader, (lev, _notional, is_long) in zip(self.traders, self.plan, strict=True):
            row = by_leverage.setdefault(f"{lev}x", {"long": 0, "short": 0, "of": 0})
            row["of"] += 1
            if trader in self._liquidated:
                row["long" if is_long else "short"] += 1
        s.liquidated_by_leverage = by_leverage

    # ------------------------------------------------------------------ run
    def run(self) -> ReplaySummary:
        """Set-up (unless done) and every step. Blocks are 1 s apart for the whole run
        (`anvil_setBlockTimestampInterval`), so the figures do not depend on the wall clock."""
        started = time.monotonic()
        self._rpc("anvil_setBlockTimestampInterval", [1])
        try:
            if self.d is None:
                self.setup()
            self._run_steps()
        finally:
            self._rpc("anvil_removeBlockTimestampInterval", [])
            for a in self.all_accounts:
                self._rpc("anvil_stopImpersonatingAccount", [a])
        self.summary.wall_time_s = round(time.monotonic() - started, 2)
        return self.summary

    def _run_steps(self) -> None:
        f, s = self.f, self.summary
        fund = f.insurance_fund.address
        s.insurance_fund_start = usd(int(f.vault.balanceOf(fund)))
        marks: list[int] = []
        base_time = self._latest_timestamp() + 120  # Pyth (pushed at deploy) is stale from here on
        for i, step in enumerate(self.steps):
            self._set_index(step, base_time)
            index = int(f.clearing_house.getIndexPrice(self.base))
            if index != step.answer * 10**10:
                raise ReplayError(f"step {i}: index {index} is not the replayed answer {step.answer}")
            self._funding()
            self._arbitrage(index)
            mark = int(f.clearing_house.getMarkPrice(self.base))
            marks.append(mark)
            s.max_mark_index_gap_after_arb = max(s.max_mark_index_gap_after_arb, abs(mark - index) / index)
            self._prefetch()
            flagged = self._liquidate_all()
            s.max_liquidatable_accounts_in_one_step = max(s.max_liquidatable_accounts_in_one_step, flagged)
            left = [a for a in f.viewer.liquidatable(self.all_accounts)[0] if a not in self._deferred]
            if left:
                s.liquidatable_left_after_any_step += len(left)
                raise ReplayError(
                    f"step {i} ({utc(step.source_time)}): still liquidatable after the pass: {left}"
                )
            self._prefetch()
            invariants.check_all(f, self.all_accounts, extra_dust=self._socialisation_dust)
            s.invariant_checks += 1
            s.steps += 1
            if i % 50 == 0:
                self.log(
                    f"{self.window.name} step {i}/{len(self.steps)} {utc(step.source_time)} index {step.price}"
                    f" liquidations {s.liquidation_calls}"
                )
        prices = [st.price for st in self.steps]
        s.index_min, s.index_max = float(min(prices)), float(max(prices))
        s.mark_min, s.mark_max = usd(min(marks)), usd(max(marks))
        if self.window.reference_file:
            ref = [
                c
                for c in load_candles(self.window.reference_file)
                if self.steps[0].source_time <= c.timestamp <= self.steps[-1].source_time
            ]
            s.reference_low = float(min(c.low for c in ref))
        s.insurance_fund_end = usd(int(f.vault.balanceOf(fund)))
        s.accounts_liquidated = len(self._liquidated)
        s.accounts_closed_out = sum(
            1 for t in self.traders if int(f.clearing_house.getPosition(t, self.base).size) == 0
        )
        self._finish_amounts()
        s.max_mark_index_gap_after_arb = round(s.max_mark_index_gap_after_arb, 6)


def run_window(
    project: Any, chain: Any, owner: Any, name: str, log: Callable[[str], None] | None = None
) -> ReplaySummary:
    """Deploys a fresh stack on the connected local chain and replays window `name`."""
    return CrashReplay(project, chain, owner, WINDOWS[name], log).run()
