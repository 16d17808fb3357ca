"""Liquidation keeper: finds liquidatable accounts with the Viewer and liquidates them.

One pass (`LiquidationKeeper.run_once`):
  1. `Viewer.liquidatable(accounts)` in chunks: the liquidatable accounts, each with the market
     holding its largest position (`firstMarket`, liquidate it first);
  2. `ClearingHouse.liquidate(account, firstMarket)`; while the account stays liquidatable (cross
     margin: one market's fraction may not suffice), the next-largest market, at most once per
     market the account holds;
  3. a summary: liquidations, penalties earned (the keeper's Vault balance change), failures
     (e.g. another keeper was first, or the account recovered: NotLiquidatable).

The accounts to watch come from the caller or from PositionChanged events
(`accounts_from_events`).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ape.exceptions import ApeException
from eth_abi import decode as abi_decode

from vperp.chain.deploy import Deployment
from vperp.chain.rpc import address_of as _addr

MAX_MARKETS_PER_ACCOUNT = 10
ORDERS = ("shuffle", "margin")  # KeeperStrategy's order of the liquidatable accounts


@dataclass(frozen=True)
class Liquidation:
    trader: str
    base_token: str
    size: int  # base closed, 18 decimals
    notional: int  # quote exchanged, 18 decimals
    penalty: int  # whole penalty, 18 decimals (the keeper gets its share)
    tx_hash: str


@dataclass(frozen=True)
class Failure:
    trader: str
    base_token: str
    error: str


@dataclass
class KeeperReport:
    checked: int = 0  # accounts scanned
    liquidatable: int = 0  # accounts the Viewer reported liquidatable
    liquidations: list[Liquidation] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    earned: int = 0  # change of the keeper's Vault balance, 18 decimals

    @property
    def penalties(self) -> int:
        return sum(x.penalty for x in self.liquidations)

    def summary(self) -> str:
        return (
            f"checked {self.checked}, liquidatable {self.liquidatable}, "
            f"liquidations {len(self.liquidations)}, failures {len(self.failures)}, "
            f"penalties {self.penalties / 1e18:.6f} USD, earned {self.earned / 1e18:.6f} USD"
        )


def chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def accounts_from_events(d: Deployment, start_block: int = 0, stop_block: int | None = None) -> list[str]:
    """Every trader that appears in a PositionChanged event in [start_block, stop_block]
    (first-seen order, no duplicates)."""
    from ape import chain

    last = chain.blocks.height if stop_block is None else stop_block
    seen: dict[str, None] = {}
    if last < start_block:
        return []
    # ContractEvent.range(start, stop): stop exclusive
    for log in d.clearing_house.PositionChanged.range(start_block, last + 1):
        seen.setdefault(str(log.trader), None)
    return list(seen)


class LiquidationKeeper:
    """Liquidates through `sender`; reads through the deployment's Viewer."""

    def __init__(self, d: Deployment, sender: Any, chunk_size: int = 100) -> None:
        if d.viewer is None:
            raise ValueError("the deployment has no Viewer")
        self.d = d
        self.sender = sender
        self.chunk_size = chunk_size

    def find(self, accounts: Iterable[Any]) -> list[tuple[str, str]]:
        """(account, first market) of every liquidatable account, one Viewer call per chunk."""
        addrs = list(dict.fromkeys(_addr(a) for a in accounts))
        found: list[tuple[str, str]] = []
        for chunk in chunks(addrs, self.chunk_size):
            traders, _shortfalls, first = self.d.viewer.liquidatable(list(chunk))
            found.extend((str(t), str(m)) for t, m in zip(traders, first, strict=True))
        return found

    def next_market(self, trader: str, done: set[str]) -> str | None:
        """The market of the account's largest remaining position not yet liquidated this pass."""
        risk = self.d.viewer.scan([trader])[0]
        if not risk.liquidatable:
            return None
        if str(risk.largestMarket) not in done:
            return str(risk.largestMarket)
        ch = self.d.clearing_house
        best, best_notional = None, -1
        for base in ch.getAccountMarkets(trader):
            if str(base) in done:
                continue
            price, _ = ch.getValuationPrice(base)
            notional = abs(int(ch.getPosition(trader, base).size)) * int(price)
            if notional > best_notional:
                best, best_notional = str(base), notional
        return best

    def liquidate_account(self, trader: str, first_market: str, report: KeeperReport) -> None:
        ch = self.d.clearing_house
        done: set[str] = set()
        market: str | None = first_market
        while market is not None and len(done) < MAX_MARKETS_PER_ACCOUNT:
            done.add(market)
            try:
                tx = ch.liquidate(trader, market, sender=self.sender)
            except ApeException as err:
                report.failures.append(Failure(trader, market, str(err)))
                return
            for log in tx.decode_logs(ch.PositionLiquidated):
                report.liquidations.append(
                    Liquidation(
                        str(log.trader),
                        str(log.baseToken),
                        int(log.liquidatedSize),
                        int(log.liquidatedNotional),
                        int(log.penalty),
                        str(tx.txn_hash),
                    )
                )
            market = self.next_market(trader, done)

    def run_once(self, accounts: Iterable[Any]) -> KeeperReport:
        accounts = list(accounts)
        vault = self.d.vault
        me = _addr(self.sender)
        before = int(vault.balanceOf(me))
        report = KeeperReport(checked=len(set(map(_addr, accounts))))
        targets = self.find(accounts)
        report.liquidatable = len(targets)
        for trader, market in targets:
            self.liquidate_account(trader, market, report)
        report.earned = int(vault.balanceOf(me)) - before
        return report


def by_margin(targets: Sequence[tuple[str, str]], states: Sequence[Any]) -> list[tuple[str, str]]:
    """`targets` (account, market) in the order to liquidate them, given each account's
    `getAccountStates` entry: the solvent ones (value at the anchor prices >= 0) first, the least
    margin (that value over the notional of its largest position) first; the accounts under
    water last. Python's sort is stable: equal keys keep their order.

    Why: each liquidation trades the curve (closing longs lowers the mark, closing shorts raises
    it), and the core caps the close of a solvent account at its bankruptcy size at the anchor
    price (PROTOCOL.md invariant 9: it never makes bad debt). An account with little margin
    liquidated after many others in the same block meets a curve a few % off the index: the
    close is capped, the penalty takes the rest of its value, and the account is left with a
    position, value exactly 0 and every further liquidation refused (LiquidationBeyondBankruptcy)
    until the index moves. The accounts with the least margin go first, on the curve the
    arbitrageurs left; under-water accounts are closed whole whatever the curve (no cap)."""
    if len(targets) != len(states):
        raise ValueError(f"{len(targets)} targets, {len(states)} account states")

    def key(i: int) -> tuple[int, int]:
        value, notional = int(states[i].anchoredValue), int(states[i].largestNotional)
        if value < 0:
            return (1, 0)
        return (0, value * 10**18 // max(1, notional))

    return [targets[i] for i in sorted(range(len(targets)), key=key)]


class KeeperStrategy:
    """The keeper as a runner strategy (vperp.bots.runner): watches every trader of a
    PositionChanged event since `from_block` (the cursor, kept in the state file), asks the
    Viewer which are liquidatable and plans `liquidate(trader, firstMarket)` for each. A
    cross-margin account still liquidatable after one market is planned again at once (the
    runner plans again right after a round that mined something), its next-largest market first.

    With `batch` > 0 and a LiquidationBatcher in the deployment, the liquidations go in batches
    of at most `batch` targets (`liquidateBatch(targets, 1)`, one transaction each). Each batch is
    simulated first (an eth_call of the batch from the keeper on the pending block): the targets
    it would skip (healthy again, taken by another keeper) are dropped, and a batch left empty is
    not planned. The runner then simulates the exact transaction again right before sending it;
    a batch another keeper emptied in between reverts there (TooFewLiquidated) and is not sent.

    `order`: "shuffle" (default) plans the liquidatable accounts in an order of its own (two
    keepers rarely meet on one); "margin" plans the solvent accounts with the least margin
    first and the under-water ones last (`by_margin`, one `getAccountStates` call per chunk; the
    shuffle breaks ties), so that the accounts nearest their bankruptcy are not closed on a
    curve the earlier liquidations of the same block have moved."""

    name = "keeper"

    def __init__(
        self, from_block: int = 0, chunk: int = 100, batch: int = 0, order: str = "shuffle", **_: Any
    ) -> None:
        if order not in ORDERS:
            raise ValueError(f"order {order!r}: one of {', '.join(ORDERS)}")
        self.next_block = from_block
        self.chunk = chunk
        self.batch = batch
        self.order = order
        self.watched: dict[str, None] = {}
        self.liquidations = 0
        self.dropped = 0  # targets a batch's simulation said would be skipped
        self._liquidated_topic: str | None = None

    def state(self) -> dict[str, Any]:
        return {
            "cursor": self.next_block,
            "watched": list(self.watched),
            "liquidations": self.liquidations,
        }

    def restore(self, state: Any) -> None:
        self.next_block = int(state.get("cursor", self.next_block))
        self.watched = dict.fromkeys(state.get("watched", []))
        self.liquidations = int(state.get("liquidations", 0))

    def _topic(self, rt: Any, event: str) -> str:
        return next("0x" + t.hex() for t, abis in rt.rpc.events.items() if abis[0].name == event)

    def plan(self, rt: Any, now: Any) -> list[Any]:
        c = rt.contracts
        if c.viewer is None:
            raise ValueError("the deployment has no Viewer")
        if now.head >= self.next_block:
            logs = rt.request(
                "eth_getLogs",
                [
                    {
                        "address": c.clearing_house.address,
                        "fromBlock": hex(self.next_block),
                        "toBlock": hex(now.head),
                        "topics": [self._topic(rt, "PositionChanged")],
                    }
                ],
            )
            for raw in logs:
                self.watched.setdefault(str(rt.rpc.decode_log(raw).args["trader"]), None)
            self.next_block = now.head + 1
        targets: list[tuple[str, str]] = []
        for part in chunks(list(self.watched), self.chunk):
            traders, _shortfalls, first = rt.call(c.viewer, "liquidatable", list(part))
            targets += [(str(t), str(m)) for t, m in zip(traders, first, strict=True)]
        # each keeper in its own order: two keepers over the same accounts rarely meet on one
        random.Random(f"{rt.address}:{now.head}").shuffle(targets)
        if self.order == "margin" and targets:
            states: list[Any] = []
            for part in chunks([t for t, _ in targets], self.chunk):
                states += rt.call(c.clearing_house, "getAccountStates", list(part))
            targets = by_margin(targets, states)
        if self.batch > 0 and c.batcher is not None:
            return self.plan_batches(rt, targets)
        return [rt.call_data(c.clearing_house, "liquidate", t, m) for t, m in targets]

    def plan_batches(self, rt: Any, targets: Sequence[tuple[str, str]]) -> list[Any]:
        """Batches of at most `batch` targets, each simulated, its doomed targets dropped."""
        self._liquidated_topic = self._topic(rt, "PositionLiquidated")
        batcher = rt.contracts.batcher
        calls = []
        for part in chunks(list(targets), self.batch):
            out = rt.call_pending(rt.call_data(batcher, "liquidateBatch", list(part), 0, label="dry run"))
            if out is None:  # nothing in this part would be liquidated (TooFewLiquidated)
                self.dropped += len(part)
                continue
            done, _reward = abi_decode(["bool[]", "uint256"], out)
            keep = [t for t, ok in zip(part, done, strict=True) if ok]
            self.dropped += len(part) - len(keep)
            if keep:
                calls.append(
                    rt.call_data(
                        batcher, "liquidateBatch", keep, 1, label=f"liquidateBatch({len(keep)} targets)"
                    )
                )
        return calls

    def on_receipt(self, call: Any, receipt: dict[str, Any]) -> None:
        if call.label.startswith("liquidateBatch"):
            self.liquidations += sum(
                1
                for log in receipt.get("logs", [])
                if log["topics"] and log["topics"][0] == self._liquidated_topic
            )
        else:
            self.liquidations += 1
