"""Crash replays: real ETH/USD oracle series (data/, see data/SOURCES.md) driven through a full
local deployment, with hundreds of traders, an arbitrageur, funding updates and the keeper bot.

Set-up (`CrashReplay.setup`): a fresh deployment with one market, vETH, whose curve and mock feeds
start at the series' first price (config override of the vETH `price`; the depth stays the default
30M quote reserve; the open-interest caps are lifted so the arbitrageur can follow a 50% crash),
then the accounts of vperp.sim.replay.cohorts (default 306: 2x..9.5x, half long, half short, 2k
to 20k USD each) funded, the longs opened (the arbitrageur brings the mark back to the index after
each opening), and an arbitrageur with a large collateral.

Each step (one hourly row, or one Chainlink round):
1. chain time -> the row's time offset from the first row (deltas kept; rounds seconds apart
   that the chain has already passed are placed 1 s after the previous block);
2. index: the Chainlink mock replays the row through `updateRoundData(roundId, answer,
   updatedAt, startedAt)` (hourly files: answer = close, round ids numbered from 2 on; rounds
   file: the recorded round id and answer). Pyth is left stale (its only price is the one pushed
   at deploy), so the oracle's rule makes Chainlink the index for the whole replay;
3. at the step of the window's lowest index only: the short cohort opens (so the bounce from the
   low can liquidate it);
4. funding: `updateFundingRate` when the interval has elapsed;
5. arbitrage: trades the curve towards the index, at most 2.4% per block (limit: 2.5%), in up
   to MAX_ARB_TXS blocks, only when the mark is more than ARB_TOLERANCE away;
6. liquidations: the keeper bot (vperp.sim.replay.keeper: vperp.bots.runner's Runner with the
   KeeperStrategy in batch mode, `batch=BATCH`, signing as a test account) runs rounds until one
   mines nothing: each round asks the Viewer which accounts are liquidatable and sends them in
   LiquidationBatcher batches (`liquidateBatch`, each dry-run first). After each mined batch:
   every PositionLiquidated in it (liquidator: the batcher) with its events (penalties, bad
   debt), invariant 3 (`after_liquidation`) for each, the batcher's LiquidationSkipped, and its
   BatchLiquidated (the keeper's reward: the liquidator's penalty shares less USDC rounding);
7. checks: no account is still liquidatable, except one whose liquidation the core refuses
   (LiquidationBeyondBankruptcy: after a liquidation capped at the bankruptcy size the account's
   value at the anchor is exactly 0, and any close costs at least the fee; the keeper's next
   round tried it and its dry run was refused). Such an account may stay liquidatable for
   several steps, until the index moves: each is recorded (`left_after_pass`, and each capped
   liquidation in `capped_liquidations`), each run of 2+ steps in `held_by_bankruptcy_cap`,
   `max_steps_liquidatable` is the longest; `check_all` (invariants 1, 2, 4) and
   `bad_debt_accounted` (invariant 10); every BadDebtCovered event's debt equals covered +
   socialised + deficit (with the matching LossSocialized). Any failure raises.

The arbitrageur targets the index itself; the exchange (Binance) files are only read for the
summary's `reference_low` (the spot low of the same window, to compare with the oracle's).

Speed: hundreds of steps with ~300 accounts need ~1,000 reads and a few transactions per step.
The engine reads and sends through vperp.chain.rpc (`FastContract`s: one `eth_call` /
`eth_sendTransactionSync` each) on an `Rpc` with its read cache on (batched per-account reads,
cached until the next transaction; cleared after every keeper transaction, which goes through the
bot's own connection). The checkers of vperp.sim.invariants run unchanged on a Deployment whose
contracts are these wrappers. Accounts other than the deployer and the keeper are impersonated on
anvil (local chains only).

The windows and their oracle steps are vperp.sim.replay.windows; the result is a
vperp.sim.replay.summary.ReplaySummary with its per-step Series.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from decimal import Decimal
from math import isqrt
from typing import Any

import yaml
from eth_utils import keccak, to_checksum_address

from vperp.chain.config import DEFAULT_CONFIG, load_config
from vperp.chain.deploy import Deployment, deploy
from vperp.chain.rpc import EventDecoder, FastContract, Receipt, Rpc, fast_deployment
from vperp.sdk.client import FAR_DEADLINE
from vperp.sdk.units import ONE, RATIO_ONE, usdc
from vperp.sim import invariants
from vperp.sim.market_data import load_candles
from vperp.sim.replay.cohorts import DEFAULT_ACCOUNTS, LEVERAGES, Plan, low_step, plan_accounts
from vperp.sim.replay.keeper import BATCH, ReplayKeeper
from vperp.sim.replay.summary import RAW_AMOUNTS, ReplaySummary, usd, utc
from vperp.sim.replay.windows import WINDOWS, OracleStep, Window, oracle_steps

SYMBOL = "vETH"
ARB_COLLATERAL = 20_000_000  # USDC
ARB_TOLERANCE = 1_000  # 1e6-based: the arbitrageur trades when |mark/index - 1| > 0.1%
ARB_MAX_MOVE = 24_000  # 1e6-based: per block, under the 2.5% fluctuation limit
MAX_ARB_TXS = 6
GAS = 3_000_000
BIG_OI = 10**6  # base units: open-interest caps lifted for the replay
BEYOND_BANKRUPTCY = "LiquidationBeyondBankruptcy"

__all__ = ["LEVERAGES", "CrashReplay", "ReplayError", "run_window"]


class ReplayError(AssertionError):
    """A replay check failed (liquidatable account left, unaccounted loss, wrong events). A
    transaction that reverts raises vperp.chain.rpc.UnexpectedRevert."""


def _address(label: str) -> str:
    return to_checksum_address(keccak(text=f"vperp-replay/{label}")[12:])


# ====================================================================== engine


class CrashReplay:
    """One replay of one window on the connected local chain (anvil)."""

    def __init__(
        self,
        project: Any,
        chain: Any,
        owner: Any,
        window: Window,
        log: Callable[[str], None] | None = None,
        accounts: int = DEFAULT_ACCOUNTS,
    ):
        self.project = project
        self.chain = chain
        self.rpc = Rpc(chain, cache=True, gas=GAS)
        self.owner = owner
        self.window = window
        self.steps = oracle_steps(window)
        self.low = low_step(self.steps)
        self.log = log or (lambda _msg: None)
        self.d: Deployment | None = None
        self.f: Deployment | None = None
        self.plan: list[Plan] = plan_accounts(accounts)
        self.traders: list[str] = []
        self.side: dict[str, str] = {}  # trader -> "long" / "short"
        self.arb = _address("arbitrageur")
        self.funder = _address("funding-keeper")
        self.keeper: ReplayKeeper | None = None
        self.summary = ReplaySummary(
            window.name,
            window.description,
            window.index_file,
            utc(self.steps[0].source_time),
            utc(self.steps[-1].source_time),
        )
        self._liquidated: set[str] = set()
        self._deferred: set[str] = set()  # liquidations capped at the bankruptcy size this step
        self._streaks: dict[
            str, tuple[int, int]
        ] = {}  # account -> (first step, steps) liquidatable after the pass
        self._step = 0
        self._mark = 0  # the mark as the last transaction seen left it
        self._step_liquidations = {"long": 0, "short": 0}
        self._socialisation_dust = 0  # wei of allowed solvency surplus from socialised losses
        self._raw: dict[str, int] = dict.fromkeys(RAW_AMOUNTS, 0)  # 18 decimals
        self._bad_debt = invariants.BadDebtTotals()

    # ------------------------------------------------------------------ helpers
    def _rpc(self, method: str, params: list[Any]) -> Any:
        return self.rpc.request(method, params)

    def _send(
        self, contract: FastContract, name: str, *args: Any, sender: str
    ) -> list[tuple[str, dict[str, Any]]]:
        receipt = contract.send(name, *args, sender=sender)
        return self._book(receipt)

    def _book(self, receipt: Receipt) -> list[tuple[str, dict[str, Any]]]:
        self.summary.transactions += 1
        events = self._decoder.decode(receipt)
        self._check_bad_debt(events)
        return events

    def _latest_timestamp(self) -> int:
        return int(self._rpc("eth_getBlockByNumber", ["latest", False])["timestamp"], 16)

    @property
    def all_accounts(self) -> list[str]:
        """Every account with a balance in the ledger: the traders, the arbitrageur, the funding
        keeper, the keeper and the LiquidationBatcher (it keeps each batch's rounding dust)."""
        keeper = [self.keeper.address] if self.keeper else []
        return [*self.traders, self.arb, self.funder, *keeper, self.batcher.address]

    def _index(self) -> int:
        return int(self.f.clearing_house.getIndexPrice(self.base))

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
        if self.d.liquidation_batcher is None:
            raise ReplayError("the deployment has no LiquidationBatcher (the keeper's batches)")
        self.batcher = FastContract(self.d.liquidation_batcher, self.rpc)
        self._decoder = EventDecoder(self.f.clearing_house, self.f.vault, self.batcher)
        self.base = self.d.base(SYMBOL).address
        self.feed = FastContract(self.d.markets[SYMBOL].chainlink, self.rpc)
        self.funding_interval = int(market["params"]["funding_interval"])
        return self.d

    def setup(self) -> None:
        """Deploys, funds every trader, opens the longs, funds the arbitrageur and starts the keeper."""
        self.deploy()
        f, owner = self.f, self.owner.address
        plan = self.plan
        self.traders = [_address(f"trader-{i}") for i in range(len(plan))]
        self.side = {t: p.side for t, p in zip(self.traders, plan, strict=True)}
        for a in [*self.traders, self.arb, self.funder]:
            self._rpc("anvil_impersonateAccount", [a])
            self._rpc("anvil_setBalance", [a, hex(10**21)])
        collaterals = [usdc(Decimal(p.notional) / p.leverage) + 1 for p in plan]
        total = sum(collaterals) + usdc(ARB_COLLATERAL)
        self._send(f.usdc, "mint", owner, total, sender=owner)
        self._send(f.usdc, "approve", f.vault.address, 2**256 - 1, sender=owner)
        for trader, amount in zip(self.traders, collaterals, strict=True):
            self._send(f.vault, "depositFor", trader, amount, sender=owner)
        self._send(f.vault, "depositFor", self.arb, usdc(ARB_COLLATERAL), sender=owner)
        self._open(long=True)
        s = self.summary
        s.traders = len(self.traders)
        s.longs = sum(p.is_long for p in plan)
        s.shorts = s.traders - s.longs
        s.leverages = [str(x) for x in LEVERAGES]
        s.short_open_utc = utc(self.steps[self.low].source_time)
        s.short_open_price = float(self.steps[self.low].price)
        self.keeper = ReplayKeeper(self.rpc_url, self.d.addresses(), self._on_liquidation, BATCH)
        s.keeper_batch = BATCH
        self.keeper.start()
        self.log(
            f"{self.window.name}: {s.traders} traders funded, {s.longs} longs opened, {s.transactions} txs"
        )

    @property
    def rpc_url(self) -> str:
        return str(self.chain.provider.http_uri)

    def _open(self, long: bool) -> None:
        """Opens one cohort's positions (long: exact quote in; short: exact quote out, both
        `notional` of quote), the arbitrageur bringing the mark back to the index after each one."""
        ch = self.f.clearing_house
        index = self._index()
        for trader, p in zip(self.traders, self.plan, strict=True):
            if p.is_long != long:
                continue
            params = (self.base, not p.is_long, p.is_long, p.notional * ONE, 0, FAR_DEADLINE)
            self._send(ch, "openPosition", params, sender=trader)
            self._arbitrage(index)

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
            self._send(ch, "updateFundingRate", self.base, sender=self.funder)
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

    # ------------------------------------------------------------------ liquidations
    def _liquidate_all(self) -> int:
        """The keeper's pass (its rounds: an account still liquidatable after a batch is tried
        again in the next round); then an account left liquidatable must be one whose
        liquidation the core now refuses (LiquidationBeyondBankruptcy: solvent at the anchor
        price, yet any close on this curve would cost more than its value; after a capped
        liquidation that value is exactly 0): any other raises (the keeper missed it). Such an
        account can stay liquidatable for several steps (until the index moves it under water,
        where the close is no longer capped, or gives it enough value to be closed): each
        account left is recorded with its figures (`left_after_pass`), each run of two or more
        steps in `held_by_bankruptcy_cap`. Returns the accounts flagged at the start of the pass."""
        f = self.f
        self._deferred = set()
        flagged = len(f.viewer.liquidatable(self.all_accounts)[0])
        assert self.keeper is not None
        self.keeper.pass_()
        self.rpc.clear_cache()  # the keeper sent through its own connection
        s = self.summary
        s.max_liquidations_in_one_step = max(
            s.max_liquidations_in_one_step, sum(self._step_liquidations.values())
        )
        left = set(f.viewer.liquidatable(self.all_accounts)[0])
        for account in sorted(left):
            _out, rev = self.rpc.call(
                f.clearing_house.address,
                f.clearing_house.liquidate.encode_input(account, self.base),
                self.keeper.address,
                "pending",
            )
            answer = rev.name if rev else "would succeed"
            self._record_left(account, answer)
            if answer != BEYOND_BANKRUPTCY:
                raise ReplayError(
                    f"step {self._step}: {account} still liquidatable after the keeper's pass"
                    f" (a liquidation now: {answer})"
                )
            if account not in self._deferred:
                s.liquidations_deferred += 1  # refused without a capped liquidation this step
        s.liquidatable_left_after_any_step += len(left)
        for account in list(self._streaks):
            if account not in left:
                self._end_streak(account)
        for account in left:
            first, n = self._streaks.get(account, (self._step, 0))
            self._streaks[account] = (first, n + 1)
            s.max_steps_liquidatable = max(s.max_steps_liquidatable, n + 1)
        return flagged

    def _record_capped(self, e: dict[str, Any], position: int, batch: int, mark_before: int) -> None:
        """A liquidation stopped at the bankruptcy size (LiquidationCapped): the summary's
        `capped_liquidations`, with its place in the keeper's batch and the mark it met."""
        account = e["trader"]
        p = self.plan[self.traders.index(account)]
        self.summary.capped_liquidations.append(
            {
                "step": self._step,
                "utc": utc(self.steps[self._step].source_time),
                "account": account,
                "side": p.side,
                "leverage": str(p.leverage),
                "position_in_batch": position,
                "batch_liquidations": batch,
                "planned_size": usd(e["plannedSize"]),
                "closed_size": usd(e["closedSize"]),
                "anchored_value_before": usd(e["accountValue"]),
                "index": usd(self._index()),
                "mark_before": usd(mark_before),
            }
        )

    def _record_left(self, account: str, answer: str) -> None:
        """The figures of an account left liquidatable after the step's pass (the summary's
        `left_after_pass`): 18-decimal USD as floats."""
        f = self.f
        st = f.clearing_house.getAccountStates([account])[0]
        p = self.plan[self.traders.index(account)]
        self.summary.left_after_pass.append(
            {
                "step": self._step,
                "utc": utc(self.steps[self._step].source_time),
                "account": account,
                "side": p.side,
                "leverage": str(p.leverage),
                "size": usd(int(f.clearing_house.getPosition(account, self.base).size)),
                "account_value": usd(int(st.accountValue)),
                "anchored_value": usd(int(st.anchoredValue)),
                "maintenance": usd(int(st.maintenanceRequirement)),
                "index": usd(self._index()),
                "mark": usd(int(f.clearing_house.getMarkPrice(self.base))),
                "capped_this_step": account in self._deferred,
                "liquidation_now": answer,
            }
        )

    def _end_streak(self, account: str) -> None:
        """Records a run of two or more steps an account stayed liquidatable after the pass."""
        first, n = self._streaks.pop(account)
        if n < 2:
            return
        p = self.plan[self.traders.index(account)]
        self.summary.held_by_bankruptcy_cap.append(
            {
                "account": account,
                "side": p.side,
                "leverage": str(p.leverage),
                "notional": p.notional,
                "first_step_utc": utc(self.steps[first].source_time),
                "steps": n,
                "closed_out": int(self.f.clearing_house.getPosition(account, self.base).size) == 0,
            }
        )

    def _on_liquidation(self, raw: dict[str, Any]) -> None:
        """A keeper transaction mined (called before its next one): a LiquidationBatcher batch
        (the core's PositionLiquidated per target liquidated, liquidator the batcher; the
        batcher's LiquidationSkipped per target skipped and its BatchLiquidated) or, without a
        batcher, one `liquidate`. Each liquidation is recorded with its own events, then
        invariant 3 checked on the state right after the transaction (the batch's later targets
        are other accounts: they move the curve, not the liquidated account's value at the
        index)."""
        self.rpc.clear_cache()
        logs = [self.rpc.decode_log(x) for x in raw["logs"]]
        events = self._book(Receipt(raw["transactionHash"], logs, int(raw["blockNumber"], 16)))
        liquidated = [e for n, e in events if n == "PositionLiquidated"]
        batched = str(raw.get("to") or "").lower() == self.batcher.address.lower()
        liquidator = self.batcher.address if batched else self.keeper_address
        s = self.summary
        s.keeper_transactions += 1
        if not liquidated:
            raise ReplayError(f"keeper transaction {raw['transactionHash']} liquidated nothing")
        if len({(e["trader"], e["baseToken"]) for e in liquidated}) != len(liquidated):
            raise ReplayError(f"keeper transaction {raw['transactionHash']} liquidated one position twice")
        s.max_liquidations_in_one_transaction = max(s.max_liquidations_in_one_transaction, len(liquidated))
        # the mark before each liquidation's first close: the curve as the earlier targets left it
        mark_before: dict[str, int] = {}
        for n, e in events:
            if n == "PositionChanged":
                mark_before.setdefault(e["trader"], self._mark)
                self._mark = e["markPrice"]
        to_liquidator = 0
        for position, e in enumerate(liquidated, 1):
            account, base = e["trader"], e["baseToken"]
            if e["liquidator"].lower() != liquidator.lower():
                raise ReplayError(f"{account}'s liquidation credited to {e['liquidator']}, not {liquidator}")
            mine = [
                (n, x)
                for n, x in events
                if x.get("trader") == account or (n == "BalanceTransferred" and x["from"] == account)
            ]
            capped = any(n == "LiquidationCapped" for n, _ in mine)
            for n, x in mine:
                if n == "LiquidationCapped":
                    self._record_capped(x, position, len(liquidated), mark_before.get(account, 0))
            to_liquidator += self._record_liquidation(account, base, e["penalty"], mine, liquidator)
            if capped:
                s.liquidations_capped += 1
                self._deferred.add(account)  # may be left liquidatable after the pass
            invariants.after_liquidation(self.f, account, base, capped)
            s.invariant3_checks += 1
        for n, e in events:
            if n == "LiquidationSkipped":
                reason = self.rpc.decode_error(bytes(e["reason"]))[0]
                s.liquidations_skipped[reason] = s.liquidations_skipped.get(reason, 0) + 1
        if batched:
            (batch,) = [e for n, e in events if n == "BatchLiquidated"]
            if batch["keeper"].lower() != self.keeper_address.lower() or batch["liquidated"] != len(
                liquidated
            ):
                raise ReplayError(f"batch {raw['transactionHash']}: BatchLiquidated {batch}")
            # the batch's penalty share goes on to the keeper in USDC (6 decimals): rounding dust stays
            reward = batch["rewardUsdc"] * 10**12
            if not 0 <= to_liquidator - reward < 10**12:
                raise ReplayError(f"batch reward {reward} for penalty shares {to_liquidator}")
            self._raw["keeper_reward"] += reward
        else:
            self._raw["keeper_reward"] += to_liquidator

    @property
    def keeper_address(self) -> str:
        assert self.keeper is not None
        return self.keeper.address

    def _record_liquidation(
        self, account: str, base: str, penalty: int, events: list[tuple[str, dict[str, Any]]], liquidator: str
    ) -> int:
        """Counts one liquidation and its penalty split: returns the liquidator's share."""
        s = self.summary
        fund = self.f.insurance_fund.address
        s.liquidation_calls += 1
        side = self.side.get(account)
        if side is None:
            raise ReplayError(f"the keeper liquidated {account}, not one of the traders")
        self._step_liquidations[side] += 1
        if side == "long":
            s.liquidations_long += 1
        else:
            s.liquidations_short += 1
            if self._step >= self.low:
                s.shorts_liquidated_after_low += 1
        closed = int(self.f.clearing_house.getPosition(account, base).size) == 0
        if closed:
            s.full_liquidations += 1
        else:
            s.partial_liquidations += 1
        self._raw["penalties_total"] += penalty
        to_liquidator = 0
        for n, e in events:
            if n != "BalanceTransferred" or e["from"] != account:
                continue
            if e["to"].lower() == liquidator.lower():
                to_liquidator += e["amount"]
            elif e["to"].lower() == fund.lower():
                self._raw["penalties_to_insurance_fund"] += e["amount"]
        self._raw["penalties_to_liquidator"] += to_liquidator
        self._liquidated.add(account)
        return to_liquidator

    def _check_bad_debt(self, events: list[tuple[str, dict[str, Any]]]) -> None:
        s = self.summary
        socialized_events = [e for n, e in events if n == "LossSocialized"]
        s.loss_socialized_events += len(socialized_events)
        # the index cut of each socialised loss rounds up: allowed surplus for the solvency check
        self._socialisation_dust += sum(
            invariants.socialisation_dust(x["totalShares"]) for x in socialized_events
        )
        for n, e in events:
            if n == "DeficitRepaid":
                self._bad_debt.repaid += e["amount"]
            if n != "BadDebtCovered":
                continue
            debt, covered, socialized, deficit = (
                e["debt"],
                e["coveredByInsurance"],
                e["socialized"],
                e["deficit"],
            )
            s.bad_debt_events += 1
            self._bad_debt.add(debt, covered, socialized, deficit)
            self._raw["bad_debt_total"] += debt
            self._raw["bad_debt_covered_by_insurance"] += covered
            self._raw["bad_debt_socialized"] += socialized
            self._raw["bad_debt_deficit"] += deficit
            matching = sum(x["loss"] for x in socialized_events if x["trader"] == e["trader"])
            if debt != covered + socialized + deficit or matching != socialized:
                self._raw["unaccounted_loss"] += abs(debt - covered - socialized - deficit)
                raise ReplayError(
                    f"bad debt of {e['trader']}: debt {debt} != covered {covered} + socialized {socialized}"
                    f" + deficit {deficit} (LossSocialized {matching})"
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
        for trader, p in zip(self.traders, self.plan, strict=True):
            row = by_leverage.setdefault(
                f"{p.leverage}x", {"long": 0, "short": 0, "of_long": 0, "of_short": 0}
            )
            row[f"of_{p.side}"] += 1
            if trader in self._liquidated:
                row[p.side] += 1
        s.liquidated_by_leverage = by_leverage
        s.accounts_liquidated_long = sum(1 for t in self._liquidated if self.side[t] == "long")
        s.accounts_liquidated_short = sum(1 for t in self._liquidated if self.side[t] == "short")

    def _record_series(self, step: OracleStep, index: int, mark: int) -> None:
        ser, raw = self.summary.series, self._raw
        ser.time.append(step.source_time)
        ser.index.append(usd(index))
        ser.mark.append(usd(mark))
        ser.liquidations_long.append(self._step_liquidations["long"])
        ser.liquidations_short.append(self._step_liquidations["short"])
        ser.insurance_fund.append(usd(int(self.f.vault.balanceOf(self.f.insurance_fund.address))))
        ser.bad_debt.append(usd(raw["bad_debt_total"]))
        ser.covered_by_insurance.append(usd(raw["bad_debt_covered_by_insurance"]))
        ser.socialized.append(usd(raw["bad_debt_socialized"]))
        ser.deficit.append(usd(raw["bad_debt_deficit"]))

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
            for a in [*self.traders, self.arb, self.funder]:
                self._rpc("anvil_stopImpersonatingAccount", [a])
        self.summary.wall_time_s = round(time.monotonic() - started, 2)
        self.summary.python_peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        return self.summary

    def _run_steps(self) -> None:
        f, s = self.f, self.summary
        fund = f.insurance_fund.address
        s.insurance_fund_start = usd(int(f.vault.balanceOf(fund)))
        marks: list[int] = []
        base_time = self._latest_timestamp() + 120  # Pyth (pushed at deploy) is stale from here on
        for i, step in enumerate(self.steps):
            self._step = i
            self._step_liquidations = {"long": 0, "short": 0}
            self._set_index(step, base_time)
            index = self._index()
            if index != step.answer * 10**10:
                raise ReplayError(f"step {i}: index {index} is not the replayed answer {step.answer}")
            if i == self.low:
                self._open(long=False)
            self._funding()
            self._arbitrage(index)
            mark = int(f.clearing_house.getMarkPrice(self.base))
            self._mark = mark  # the curve the keeper's first liquidation of the step meets
            marks.append(mark)
            s.max_mark_index_gap_after_arb = max(s.max_mark_index_gap_after_arb, abs(mark - index) / index)
            flagged = self._liquidate_all()
            s.max_liquidatable_accounts_in_one_step = max(s.max_liquidatable_accounts_in_one_step, flagged)
            self._prefetch()
            invariants.check_all(f, self.all_accounts, extra_dust=self._socialisation_dust)
            invariants.bad_debt_accounted(f, self._bad_debt)
            s.invariant_checks += 1
            s.steps += 1
            self._record_series(step, index, mark)
            if i % 50 == 0:
                self.log(
                    f"{self.window.name} step {i}/{len(self.steps)} {utc(step.source_time)} index {step.price}"
                    f" liquidations {s.liquidation_calls} (long {s.liquidations_long}, short {s.liquidations_short})"
                )
        for account in list(self._streaks):
            self._end_streak(account)
        assert self.keeper is not None
        s.keeper_rounds = self.keeper.rounds
        s.max_keeper_rounds_in_one_step = self.keeper.max_rounds_in_a_step
        s.keeper_doomed_calls = self.keeper.doomed
        s.keeper_dropped_targets = self.keeper.dropped
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
    project: Any,
    chain: Any,
    owner: Any,
    name: str,
    log: Callable[[str], None] | None = None,
    accounts: int = DEFAULT_ACCOUNTS,
) -> ReplaySummary:
    """Deploys a fresh stack on the connected local chain and replays window `name` with
    `accounts` traders."""
    return CrashReplay(project, chain, owner, WINDOWS[name], log, accounts).run()
