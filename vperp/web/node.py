"""Live values from the node for the dashboard: the SDK's snapshot of the exchange and of an
account (vperp.sdk.state) through FastContracts (vperp.chain.rpc) built from the deployment file
and the compiled ABIs, plus the few views the snapshot does not cover (account state, free
collateral, the Viewer's risk scan, the insurance fund, the pool, the Governor).

One `NodeReader` is shared by the app's worker threads: the Rpc keeps one HTTP connection, so
every read holds `lock`."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from eth_utils import to_checksum_address
from ethpm_types import ContractType

from vperp.bots.runner import netting_abi
from vperp.chain.rpc import FastContract, Rpc
from vperp.sdk.quote import AccountAfter, account_now, collateral_of, liquidation_price
from vperp.sdk.state import AccountSnapshot, ExchangeState, read_account, read_exchange
from vperp.sdk.units import ONE, RATIO_ONE

# deployment key -> contract name (the Governor is read when the deployment has governance)
CONTRACTS = (
    ("clearing_house", "ClearingHouse"),
    ("oracle", "PriceOracle"),
    ("insurance_fund", "InsuranceFund"),
    ("liquidity_pool", "LiquidityPool"),
    ("viewer", "Viewer"),
)


@dataclass(frozen=True)
class PositionRow:
    symbol: str
    size: int
    open_notional: int
    entry_price: int | None
    mark: int
    index: int
    valuation: int
    unrealized_pnl: int  # at the valuation price (PerpClient.position's figure)
    pending_funding: int  # > 0: owed
    liquidation_price: int | None


@dataclass(frozen=True)
class AccountLive:
    address: str
    collateral: int  # the ledger balance (shares at the collateral index, minus debt)
    account_value: int
    initial_requirement: int
    maintenance_requirement: int
    free_collateral: int
    liquidatable: bool
    margin_ratio: Any  # Decimal | None: account value / total notional (AccountAfter.margin_ratio)
    positions: list[PositionRow]


@dataclass(frozen=True)
class AccountRisk:
    trader: str
    account_value: int
    maintenance_requirement: int
    liquidatable: bool

    @property
    def cushion(self) -> int:
        """Account value above the maintenance requirement (< 0: liquidatable)."""
        return self.account_value - self.maintenance_requirement


def contract(rpc: Rpc, name: str, address: str, abi: Sequence[Mapping[str, Any]]) -> FastContract:
    ct = ContractType.model_validate({"contractName": name, "abi": list(abi)})
    return FastContract(SimpleNamespace(address=to_checksum_address(address), contract_type=ct), rpc)


class NodeReader:
    def __init__(self, rpc_url: str, deployment: Mapping[str, Any], abis: Mapping[str, Sequence[Any]]):
        self.url = rpc_url
        self.abis = abis
        self.rpc = Rpc.from_url(rpc_url)
        self.lock = threading.Lock()
        c = {key: contract(self.rpc, name, deployment[key], abis[name]) for key, name in CONTRACTS}
        self.ch, self.oracle = c["clearing_house"], c["oracle"]
        self.fund, self.lp, self.viewer = c["insurance_fund"], c["liquidity_pool"], c["viewer"]
        # the core seen as the netting engine (its fallback runs OrderLogic and NettingLogic)
        self.netting = contract(self.rpc, "NettingEngine", deployment["clearing_house"], netting_abi(abis))
        gov = deployment.get("governance") or None
        self.governor = (
            contract(self.rpc, "PerpGovernor", gov["governor"], abis["PerpGovernor"]) if gov else None
        )
        self.tokens: dict[str, str] = {s: m["base_token"] for s, m in deployment["markets"].items()}

    # ------------------------------------------------------------------ exchange and accounts
    def exchange(self) -> ExchangeState:
        with self.lock:
            return read_exchange(self.ch, self.oracle, self.tokens)

    def head(self) -> tuple[int, int]:
        """(block number, timestamp) of the newest block."""
        with self.lock:
            b = self.rpc.request("eth_getBlockByNumber", ["latest", False])
        return int(b["number"], 16), int(b["timestamp"], 16)

    def account(self, trader: str, ex: ExchangeState) -> AccountLive:
        trader = to_checksum_address(trader)
        with self.lock:
            snap: AccountSnapshot = read_account(self.ch, trader, ex)
            value, im, mm, liq = self.ch.getAccountState(trader)
            free = int(self.ch.getFreeCollateral(trader))
        now: AccountAfter = account_now(ex, snap)
        rows = []
        for s, p in snap.positions.items():
            m = ex.markets[s]
            rows.append(
                PositionRow(
                    s,
                    p.size,
                    p.open_notional,
                    p.open_notional * ONE // p.size if p.size else None,
                    m.mark,
                    m.index,
                    m.valuation,
                    p.size * m.valuation // ONE - p.open_notional,
                    p.pending_funding,
                    liquidation_price(ex, s, p, now),
                )
            )
        return AccountLive(
            trader,
            collateral_of(ex, snap),
            int(value),
            int(im),
            int(mm),
            free,
            bool(liq),
            now.margin_ratio,
            rows,
        )

    def risk(self, traders: Sequence[str]) -> list[AccountRisk]:
        """The Viewer's scan of `traders` (one call per 500), nearest to liquidation first."""
        out: list[AccountRisk] = []
        traders = [to_checksum_address(t) for t in traders]
        with self.lock:
            for i in range(0, len(traders), 500):
                for r in self.viewer.scan(traders[i : i + 500]):
                    out.append(
                        AccountRisk(
                            r.trader, int(r.accountValue), int(r.maintenanceRequirement), bool(r.liquidatable)
                        )
                    )
        return sorted(out, key=lambda r: (r.cushion, r.trader))

    # ------------------------------------------------------------------ funds
    def insurance_fund(self) -> dict[str, int]:
        with self.lock:
            return {
                "balance": int(self.fund.balance()),
                "reserve_floor": int(self.fund.reserveFloor()),
                "withdrawable_surplus": int(self.fund.withdrawableSurplus()),
            }

    def pool(self) -> dict[str, int]:
        """The pool now, with its withdrawal limit: the assets that can leave while the open
        interest's notional stays within maxUtilisation of the value left (LiquidityPool's
        _withdrawable, which caps every LP's maxWithdraw), and its fee income (the core's view)."""
        with self.lock:
            out = {
                "total_assets": int(self.lp.totalAssets()),
                "total_supply": int(self.lp.totalSupply()),
                "utilisation": int(self.lp.utilisation()),
                "locked_income": int(self.lp.lockedIncome()),
                "max_utilisation": int(self.lp.maxUtilisation()),
                "vesting_period": int(self.lp.incomeVestingPeriod()),
                "oi_notional": int(self.ch.openInterestNotional()),
                "fee_income": int(self.ch.poolFeeIncome()),
            }
        # USDC units, as the pool rounds: the value that must stay is rounded up
        min_value = -(-out["oi_notional"] * RATIO_ONE // (out["max_utilisation"] * 10**12))
        out["withdrawable"] = max(out["total_assets"] - min_value, 0)
        return out

    # ------------------------------------------------------------------ netting
    def order_queue(self, symbol: str, limit: int = 100) -> dict[str, Any]:
        """A market's netting queue (the node's view): the queue's cursor and phase, and its
        orders still queued (status 1) or resting in the running batch (2), oldest first, at
        most `limit` of them (the queue's head to its tail)."""
        token = self.tokens[symbol]
        with self.lock:
            n = self.netting
            q = n.getOrderQueue(token)
            head, tail = int(q.head), int(q.tail)
            orders = []
            for oid in range(head, min(tail, head + limit)):
                o = n.getOrder(token, oid)
                if int(o.status) in (1, 2):
                    orders.append(
                        {
                            "id": oid,
                            "trader": str(o.trader),
                            "size": int(o.size),
                            "acceptable_price": int(o.acceptablePrice),
                            "deadline": int(o.deadline),
                            "reduce_only": bool(o.reduceOnly),
                            "reserve": int(o.reserve) * 10**12,
                            "status": "resting" if int(o.status) == 2 else "queued",
                        }
                    )
            fee, window = n.nettingParams()
        return {
            "symbol": symbol,
            "head": head,
            "tail": tail,
            "window_start": int(q.windowStart),
            "phase": ("idle", "collect", "check", "fill")[int(q.phase)] if int(q.phase) < 4 else str(q.phase),
            "orders": orders,
            "more": tail - head > limit,
            "execution_fee": int(fee),
            "batch_window": int(window),
        }

    # ------------------------------------------------------------------ governance
    def proposals(self) -> list[dict[str, Any]] | None:
        """Every proposal of the Governor (ProposalCreated logs) with its state and votes; None
        when the deployment has no governance."""
        if self.governor is None:
            return None
        g = self.governor
        with self.lock:
            logs = self.rpc.request(
                "eth_getLogs", [{"address": g.address, "fromBlock": "0x0", "toBlock": "latest"}]
            )
            out = []
            for raw in logs:
                ev = self.rpc.decode_log(raw)
                if ev.event_name != "ProposalCreated":
                    continue
                pid = int(ev.args["proposalId"])
                against, for_, abstain = g.proposalVotes(pid)
                out.append(
                    {
                        "id": pid,
                        "proposer": ev.args["proposer"],
                        "description": ev.args["description"],
                        "state": int(g.state(pid)),
                        "snapshot": int(g.proposalSnapshot(pid)),
                        "deadline": int(g.proposalDeadline(pid)),
                        "for": int(for_),
                        "against": int(against),
                        "abstain": int(abstain),
                    }
                )
        return out
