"""The replay's liquidator: the bot runner (vperp.bots.runner) with the keeper strategy
(vperp.bots.keeper.KeeperStrategy) in its batch mode (`batch=BATCH`, the bot runner's
`--batch`), signing as one of the node's test accounts.

Each step, `pass_()` runs keeper rounds back to back: a round asks `Viewer.liquidatable` over
every trader seen in a PositionChanged event and plans `LiquidationBatcher.liquidateBatch` over
the liquidatable accounts (each with its `firstMarket`), at most BATCH targets a transaction; each
batch is dry-run on the pending block first and the targets it would skip are dropped (e.g. an
account capped at its bankruptcy size earlier in the step that the core now refuses:
LiquidationBeyondBankruptcy), a batch left empty is not sent. The next round picks up accounts
still liquidatable (a partial liquidation that was not enough, a capped one the core can close
further). It stops after a round that mined nothing, or after MAX_ROUNDS.

The targets go in the strategy's "margin" order (the bot runner's `--order margin`): the solvent
accounts with the least margin first, under-water ones last. With the runner's default shuffle,
2025-10 at 306 accounts had 25 liquidations capped at the bankruptcy size, all late in a batch
(targets 76-82 of 82 at 2025-10-10 15:00, with the curve 2.1-2.3% under the index from the
batch's earlier long closes; targets 39-67 of 68 at 10-12 14:00, the curve 2.5-3.9% over it):
each left the account with a position and value exactly 0 at the anchor, refused further
liquidation in the same step (a second round, even after the arbitrageur restored the mark, is
refused: LiquidationBeyondBankruptcy), and four of them stayed liquidatable for two steps. In
margin order none was capped (vperp.bots.keeper.by_margin). Margin order cannot prevent every
cap: in 2022-06 (2022-06-18 22:00, the bounce) one batch of 85 short closes moved the curve 6%
over the index and 18 accounts with 2-4% margin were capped in its second half (3 more at 06-19 10:00); in 2024-08 four
accounts came out of the crash hour with less value than the close's 0.1% fee. Each was left for
one step (the next index moved it under water or gave it value), none for more.

Every mined batch's receipt goes to `on_liquidation` at once, before the next transaction is
sent: the core's PositionLiquidated events inside it (one per target liquidated, its liquidator
the batcher) and the batcher's LiquidationSkipped / BatchLiquidated, so the engine records each
liquidation and checks invariant 3 on the state right after the batch.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from vperp.bots.keeper import KeeperStrategy
from vperp.bots.runner import Call, Log, Options, Runner, abis_from_build, test_account_signer

KEEPER_TEST_ACCOUNT = 7  # index of the node's test account the keeper signs with
MAX_ROUNDS = 8  # keeper rounds per pass at most
BATCH = 100  # targets per liquidateBatch transaction (LiquidationBatcher.MAX_BATCH)
ORDER = "margin"  # least margin first, under water last (vperp.bots.keeper.by_margin)


class QuietLog(Log):
    """The runner's log, kept out of memory and off the terminal (thousands of lines per replay);
    only the counts of each event are kept."""

    def __init__(self, bot: str) -> None:
        super().__init__(bot, stream=open(os.devnull, "w"))  # noqa: SIM115 (lives as long as the runner)
        self.counts: dict[str, int] = {}

    def __call__(self, event: str, level: str = "info", **fields: Any) -> None:
        self.counts[event] = self.counts.get(event, 0) + 1


class ReplayKeeperStrategy(KeeperStrategy):
    """KeeperStrategy as it is (batch mode, `order="margin"`), with the engine told of every
    mined transaction."""

    def __init__(self, on_liquidation: Callable[[dict[str, Any]], None], batch: int = BATCH) -> None:
        super().__init__(from_block=0, chunk=400, batch=batch, order=ORDER)
        self.on_liquidation = on_liquidation

    def on_receipt(self, call: Call, receipt: dict[str, Any]) -> None:
        super().on_receipt(call, receipt)
        self.on_liquidation(receipt)


class ReplayKeeper:
    """The keeper bot of one replay, on the node at `url`."""

    def __init__(
        self,
        url: str,
        deployment: Mapping[str, Any],
        on_liquidation: Callable[[dict[str, Any]], None],
        batch: int = BATCH,
    ) -> None:
        if batch > 0 and not deployment.get("liquidation_batcher"):
            raise ValueError("batch liquidation needs the deployment's LiquidationBatcher")
        self.strategy = ReplayKeeperStrategy(on_liquidation, batch)
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

    @property
    def dropped(self) -> int:
        """Targets the batches' dry runs said would be skipped (not sent)."""
        return self.strategy.dropped
