"""The replay's liquidator: the bot runner (vperp.bots.runner) with the keeper strategy
(vperp.bots.keeper.KeeperStrategy), signing as one of the node's test accounts.

Each step, `pass_()` runs keeper rounds back to back: a round asks `Viewer.liquidatable` over
every trader seen in a PositionChanged event and sends one `liquidate(trader, firstMarket)` per
liquidatable account (simulated on the pending block first, as the bot does: a doomed call is
skipped, not sent); the next round picks up accounts still liquidatable (cross margin, a
partial liquidation that was not enough, or one capped at the bankruptcy size, tried again and
refused by the simulation when nothing more can close). It stops after a round that mined
nothing, or after MAX_ROUNDS.

Every mined liquidation's receipt goes to `on_liquidation` at once, before the next call is
sent, so the engine can check invariant 3 on the state right after it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from vperp.bots.keeper import KeeperStrategy
from vperp.bots.runner import Call, Log, Options, Runner, abis_from_build, test_account_signer

KEEPER_TEST_ACCOUNT = 7  # index of the node's test account the keeper signs with
MAX_ROUNDS = 8  # keeper rounds per step at most


class QuietLog(Log):
    """The runner's log, kept out of memory and off the terminal (thousands of lines per replay);
    only the counts of each event are kept."""

    def __init__(self, bot: str) -> None:
        super().__init__(bot, stream=open(os.devnull, "w"))  # noqa: SIM115 (lives as long as the runner)
        self.counts: dict[str, int] = {}

    def __call__(self, event: str, level: str = "info", **fields: Any) -> None:
        self.counts[event] = self.counts.get(event, 0) + 1


class ReplayKeeperStrategy(KeeperStrategy):
    """KeeperStrategy as it is, with the engine told of every mined liquidation."""

    def __init__(self, on_liquidation: Callable[[dict[str, Any]], None]) -> None:
        super().__init__(from_block=0, chunk=400)
        self.on_liquidation = on_liquidation

    def on_receipt(self, call: Call, receipt: dict[str, Any]) -> None:
        super().on_receipt(call, receipt)
        self.on_liquidation(receipt)


class ReplayKeeper:
    """The keeper bot of one replay, on the node at `url`."""

    def __init__(
        self, url: str, deployment: Mapping[str, Any], on_liquidation: Callable[[dict[str, Any]], None]
    ) -> None:
        self.strategy = ReplayKeeperStrategy(on_liquidation)
        self.log = QuietLog("keeper")
        signer = test_account_signer(KEEPER_TEST_ACCOUNT)
        self.runner = Runner(
            self.strategy,
            url,
            signer,
            deployment,
            abis_from_build(),
            Options(poll=0, rounds=None, check_mempool=False),
            self.log,
        )
        self.address = self.runner.address
        self.rounds = 0
        self.max_rounds_in_a_step = 0

    def start(self) -> None:
        self.runner.chain_id = int(self.runner.request("eth_chainId", []), 16)
        self.runner.resync_nonce()

    def pass_(self) -> int:
        """Keeper rounds until one mines nothing: the number of liquidations mined."""
        mined = 0
        for n in range(1, MAX_ROUNDS + 1):
            self.rounds += 1
            self.max_rounds_in_a_step = max(self.max_rounds_in_a_step, n)
            got = self.runner.run_round()
            mined += got
            if got == 0:
                break
        return mined

    @property
    def doomed(self) -> int:
        """Calls the keeper planned but did not send (its simulation reverted)."""
        return self.runner.counters.doomed
