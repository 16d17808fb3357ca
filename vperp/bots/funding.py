"""Funding updater: closes each market's funding epoch once its interval has passed.

`updateFundingRate(baseToken)` is permissionless once `block.timestamp >= lastFundingTime +
fundingInterval` (ClearingHouse, PROTOCOL.md section 5). A missed epoch is not lost: the next
update covers the whole span, so the bot only has to call when a market is due.

Between epochs it also accrues each market's index TWAP (`PriceOracle.observe`) once
OBSERVE_EVERY seconds have passed since the oracle's last accrual: trades read the index without
writing to the oracle, and an accrual walks back at most MAX_ROUNDS Chainlink rounds, so regular
observations keep every round in the funding TWAP in a fast market.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ape.exceptions import ContractLogicError

from vperp.chain.deploy import Deployment
from vperp.chain.signers import pick_account

OBSERVE_EVERY = 600  # seconds between index TWAP accruals when no funding update is due


@dataclass(frozen=True)
class FundingAction:
    symbol: str
    base_token: str
    due_time: int  # lastFundingTime + fundingInterval (before the update)
    updated: bool
    tx_hash: str | None = None
    error: str | None = None  # e.g. another keeper updated first
    observed: bool = False  # the index TWAP was accrued (no update due)


def due_time(d: Deployment, base_token: Any) -> int:
    """Earliest timestamp at which `updateFundingRate(base_token)` succeeds."""
    ch = d.clearing_house
    return int(ch.lastFundingTime(base_token)) + int(ch.getMarket(base_token).fundingInterval)


def run_once(d: Deployment, sender: Any, now: int) -> list[FundingAction]:
    """Updates every market due at `now` (the next block's timestamp); one action per market."""
    actions = []
    for symbol, market in d.markets.items():
        base = market.base_token.address
        due = due_time(d, base)
        if now < due:
            last = int(d.oracle.indexCumulative(base)[2])
            observed = False
            if now - last >= OBSERVE_EVERY:
                try:
                    d.oracle.observe(base, sender=sender)
                    observed = True
                except ContractLogicError:
                    pass
            actions.append(FundingAction(symbol, base, due, False, observed=observed))
            continue
        try:
            tx = d.clearing_house.updateFundingRate(base, sender=sender)
        except ContractLogicError as err:
            actions.append(FundingAction(symbol, base, due, False, error=str(err)))
            continue
        actions.append(FundingAction(symbol, base, due, True, tx.txn_hash))
    return actions


def pick_keeper(accounts: Any, network: Any, env: dict[str, str]) -> Any:
    """The keeper: see `vperp.signers.pick_account` ($VPERP_KEEPER on live networks)."""
    return pick_account(accounts, network, "VPERP_KEEPER", env)


def format_actions(actions: list[FundingAction]) -> str:
    """One line per market."""
    lines = []
    for a in actions:
        what = (
            f"updated ({a.tx_hash})"
            if a.updated
            else (
                f"failed: {a.error}"
                if a.error
                else f"due at {a.due_time}" + (" (index TWAP accrued)" if a.observed else "")
            )
        )
        lines.append(f"{a.symbol:<6} {what}")
    return "\n".join(lines)


class FundingStrategy:
    """The funding updater as a runner strategy (vperp.bots.runner): `updateFundingRate` for each
    market due at the pending block's timestamp, else `PriceOracle.observe` once OBSERVE_EVERY
    seconds have passed since the index TWAP's last accrual."""

    name = "funding"

    def __init__(self, **_: Any) -> None:
        self.updates = 0
        self.observations = 0

    def state(self) -> dict[str, Any]:
        return {"updates": self.updates, "observations": self.observations}

    def restore(self, state: Any) -> None:
        self.updates = int(state.get("updates", 0))
        self.observations = int(state.get("observations", 0))

    def plan(self, rt: Any, now: Any) -> list[Any]:
        c = rt.contracts
        calls = []
        for base in c.markets.values():
            due = int(rt.call(c.clearing_house, "lastFundingTime", base)) + int(
                rt.call(c.clearing_house, "getMarket", base).fundingInterval
            )
            if now.timestamp >= due:
                calls.append(rt.call_data(c.clearing_house, "updateFundingRate", base))
            elif now.timestamp - int(rt.call(c.oracle, "indexCumulative", base)[2]) >= OBSERVE_EVERY:
                calls.append(rt.call_data(c.oracle, "observe", base))
        return calls

    def on_receipt(self, call: Any, receipt: dict[str, Any]) -> None:
        if call.label.startswith("updateFundingRate"):
            self.updates += 1
        else:
            self.observations += 1
