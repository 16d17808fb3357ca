"""Batch executor: runs each market's netting batch once its window has passed.

`executeBatch(baseToken, maxOrders)` is permissionless once the market's batch window has
passed since its first queued order (INettingEngine, PROTOCOL.md section 5, "Netting engine");
the caller earns the execution fee of every order it fills or cancels. A batch of any size
completes over several calls (a cursor), each processing at most `max_orders` orders.

The bot is `ExecutorStrategy`, run by vperp.bots.runner (`ape run executor`, `python -m vperp.bots
executor`): the runner simulates each call on the pending block (a batch another executor
finished, or one that would revert, costs nothing), prices and sends it, backs off on RPC errors,
and plans again at once after a round that mined something, so a long batch goes on call after
call.
"""

from __future__ import annotations

from typing import Any

MAX_ORDERS = 200  # orders per call: ~12M gas at the measured cost per order, under a 30M block


class ExecutorStrategy:
    """The batch executor as a runner strategy (vperp.bots.runner): `executeBatch(base,
    max_orders)` for each market whose window has passed (or whose batch is under way); a batch
    larger than `max_orders` goes on at once (the runner plans again right after a round that
    mined something)."""

    name = "executor"

    def __init__(self, max_orders: int = MAX_ORDERS, **_: Any) -> None:
        self.max_orders = max_orders
        self.calls = 0
        self.fills = 0
        self.cancels = 0
        self.batches = 0  # batches run to their end
        self._rt: Any = None

    def state(self) -> dict[str, Any]:
        return {"calls": self.calls, "fills": self.fills, "cancels": self.cancels, "batches": self.batches}

    def restore(self, state: Any) -> None:
        for k in ("calls", "fills", "cancels", "batches"):
            setattr(self, k, int(state.get(k, 0)))

    def plan(self, rt: Any, now: Any) -> list[Any]:
        self._rt = rt
        c = rt.contracts
        window = int(rt.call(c.netting, "nettingParams")[1])
        # the time executeBatch would see if sent now: the pending block's (a node that mines only
        # on demand, like a local Anvil, has no newer block than the order's own); the latest
        # block's on a node without a pending block
        pending = rt.request("eth_getBlockByNumber", ["pending", False]) or {}
        t = max(now.timestamp, int(pending.get("timestamp", "0x0"), 16))
        calls = []
        for base in c.markets.values():
            q = rt.call(c.netting, "getOrderQueue", base)
            queued = int(q.tail) - int(q.head)
            running = int(q.phase) != 0
            if running or (queued and t >= int(q.windowStart) + window):
                calls.append(rt.call_data(c.netting, "executeBatch", base, self.max_orders))
        return calls

    def on_receipt(self, call: Any, receipt: dict[str, Any]) -> None:
        self.calls += 1
        names = [self._rt.rpc.decode_log(x).event_name for x in receipt["logs"]]
        self.fills += names.count("OrderFilled")
        self.cancels += names.count("OrderCancelled")
        self.batches += names.count("BatchExecuted")
