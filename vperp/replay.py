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
sends through `FastContract`: the same ABIs, encoded with eth-abi, one `eth_call` /
`eth_sendTransactionSync` each on a keep-alive HTTP connection (`JsonRpc`, which also batches
the per-account reads of a step and caches reads until the next transaction). The checkers of
vperp.invariants run unchanged on a Deployment whose contracts are these wrappers. Accounts
other than the deployer are impersonated on anvil (local chains only).
"""

from __future__ import annotations

import http.client
import json
import time
from collections import namedtuple
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal
from math import isqrt
from typing import Any
from urllib.parse import urlparse

import yaml
from eth_abi import decode, encode
from eth_utils import function_signature_to_4byte_selector, keccak, to_checksum_address

from vperp import invariants
from vperp.config import DEFAULT_CONFIG, load_config
from vperp.deploy import Deployment, deploy
from vperp.market_data import load_candles, load_chainlink_rounds
from vperp.units import ONE, usdc

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
FIRST_SYNTHETIC_ROUND = 2  # the aggregator mock's constructor writes round 1
GAS = 3_000_000
FAR_DEADLINE = 2**63
RATIO_ONE = 10**6
BIG_OI = 10**6  # base units: open-interest caps lifted for the replay


RAW_AMOUNTS = (
    "penalties_total",
    "penalties_to_liquidator",
    "penalties_to_insurance_fund",
    "bad_debt_total",
    "bad_debt_covered_by_insurance",
    "bad_debt_socialized",
    "unaccounted_loss",
)


class ReplayError(AssertionError):
    """A replay check failed (liquidatable account left, unaccounted loss, failed transaction)."""


# ====================================================================== windows and steps


@dataclass(frozen=True)
class Window:
    name: str
    index_file: str  # Chainlink series (hourly candles or rounds)
    kind: str  # "candles" | "rounds"
    reference_file: str | None = None  # exchange candles, reported only (spot low vs oracle low)
    start: int | None = None  # unix seconds: first row used (None: the file's first)
    end: int | None = None  # unix seconds: last row used, inclusive
    description: str = ""


WINDOWS: dict[str, Window] = {
    "2022-06": Window(
        "2022-06",
        "eth_2022-06_crash_chainlink_1h.csv",
        "candles",
        "eth_2022-06_crash_binance_1h.csv",
        description="2022-06-10 -> 06-20, every hourly Chainlink close (Jun 13 -16%, Jun 18 low)",
    ),
    "2024-08": Window(
        "2024-08",
        "eth_2024-08_crash_chainlink_1h.csv",
        "candles",
        "eth_2024-08_crash_binance_1h.csv",
        description="2024-08-01 -> 08-09, every hourly Chainlink close (Aug 5 crash)",
    ),
    "2023-08-17": Window(
        "2023-08-17",
        "eth_2023-08-17_drop_chainlink_rounds.csv",
        "rounds",
        description="2023-08-14 -> 08-20, all 257 Chainlink mainnet rounds (Aug 17 drop)",
    ),
}


@dataclass(frozen=True)
class OracleStep:
    source_time: int  # unix seconds of the row (candle start / round updatedAt)
    offset: int  # seconds since the first step
    price: Decimal
    round_id: int
    answer: int  # 8 decimals
    started_offset: int  # startedAt - updatedAt (<= 0)


def _answer(price: Decimal) -> int:
    raw = price * 10**8
    if raw != raw.to_integral_value():
        raise ValueError(f"price {price} has more than 8 decimals")
    return int(raw)


def oracle_steps(window: Window) -> list[OracleStep]:
    """The window's rows as oracle updates, in order."""
    if window.kind == "candles":
        rows = [
            (c.timestamp, c.close, None, 0)
            for c in load_candles(window.index_file)
            if (window.start is None or c.timestamp >= window.start)
            and (window.end is None or c.timestamp <= window.end)
        ]
    elif window.kind == "rounds":
        rows = [
            (r.timestamp, r.price, r.round_id, r.started_at - r.timestamp)
            for r in load_chainlink_rounds(window.index_file)
            if (window.start is None or r.timestamp >= window.start)
            and (window.end is None or r.timestamp <= window.end)
        ]
    else:
        raise ValueError(window.kind)
    t0 = rows[0][0]
    return [
        OracleStep(
            ts, ts - t0, price, rid if rid is not None else FIRST_SYNTHETIC_ROUND + i, _answer(price), started
        )
        for i, (ts, price, rid, started) in enumerate(rows)
    ]


# ====================================================================== fast RPC layer


class RpcError(RuntimeError):
    def __init__(self, method: str, error: dict[str, Any]) -> None:
        super().__init__(f"{method}: {error.get('message')} {error.get('data') or ''}".strip())
        self.error = error


class JsonRpc:
    """Minimal JSON-RPC client on one keep-alive HTTP connection (~0.1 ms a request against a
    local anvil, vs ~2 ms through web3/requests), with batching and a read cache: `eth_call`
    results are kept until the next state-changing request (any method outside READ_ONLY), so
    the same view read twice between two transactions costs one call. Only correct while every
    transaction goes through this client (the replay engine's case). Falls back to the provider
    (no cache) for non-HTTP URIs."""

    READ_ONLY = frozenset(
        {"eth_call", "eth_getBlockByNumber", "eth_blockNumber", "eth_chainId", "eth_getTransactionReceipt"}
    )

    def __init__(self, provider: Any) -> None:
        self._provider = provider
        uri = getattr(provider, "http_uri", None) or ""
        u = urlparse(uri)
        self._target = (u.hostname, u.port, u.path or "/") if u.scheme == "http" and u.hostname else None
        self._conn: http.client.HTTPConnection | None = None
        self._id = 0
        self._cache: dict[str, Any] = {}

    def _post(self, payload: Any) -> Any:
        assert self._target is not None
        body = json.dumps(payload)
        for attempt in (0, 1):
            try:
                if self._conn is None:
                    self._conn = http.client.HTTPConnection(self._target[0], self._target[1], timeout=120)
                self._conn.request("POST", self._target[2], body, {"Content-Type": "application/json"})
                return json.loads(self._conn.getresponse().read())
            except (http.client.HTTPException, OSError):
                self._conn = None
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def clear_cache(self) -> None:
        self._cache.clear()

    def __call__(self, method: str, params: list[Any]) -> Any:
        if method not in self.READ_ONLY:
            self._cache.clear()
        if self._target is None:
            return self._provider.make_request(method, params)
        key = json.dumps(params) if method == "eth_call" else None
        if key is not None and key in self._cache:
            return self._cache[key]
        self._id += 1
        reply = self._post({"jsonrpc": "2.0", "id": self._id, "method": method, "params": params})
        if "error" in reply:
            raise RpcError(method, reply["error"])
        if key is not None:
            self._cache[key] = reply["result"]
        return reply["result"]

    def prefetch_calls(self, calls: Sequence[dict[str, Any]]) -> None:
        """Runs many `eth_call`s in one batch request and caches their results."""
        if self._target is None:
            return
        todo = [c for c in calls if json.dumps([c, "latest"]) not in self._cache]
        if not todo:
            return
        batch = []
        for c in todo:
            self._id += 1
            batch.append({"jsonrpc": "2.0", "id": self._id, "method": "eth_call", "params": [c, "latest"]})
        replies = {r["id"]: r for r in self._post(batch)}
        for req in batch:
            r = replies.get(req["id"])
            if r is not None and "result" in r:
                self._cache[json.dumps(req["params"])] = r["result"]


class FastContract:
    """Thin, fast reader/sender over an Ape contract instance: same ABI, one RPC per call.
    Views are attributes (`c.balanceOf(addr)`); structs come back as namedtuples with the ABI's
    field names, several outputs as a tuple, addresses checksummed. `send` returns the receipt
    with its logs; a failed transaction is replayed through Ape to decode the custom error."""

    _no_sync = False  # set when the node lacks eth_sendTransactionSync

    def __init__(self, contract: Any, rpc: JsonRpc) -> None:
        self.contract = contract
        self.address: str = contract.address
        self._rpc = rpc
        self._methods: dict[str, Any] = {}
        for abi in [*contract.contract_type.view_methods, *contract.contract_type.mutable_methods]:
            self._methods.setdefault(abi.name, abi)
        self._selectors = {
            name: function_signature_to_4byte_selector(abi.selector) for name, abi in self._methods.items()
        }
        self._encoded: dict[tuple[str, Any], str] = {}

    def _data(self, name: str, args: Sequence[Any]) -> str:
        key = (name, _hashable(args))
        data = self._encoded.get(key)
        if data is None:
            types = [i.canonical_type for i in self._methods[name].inputs]
            data = "0x" + (self._selectors[name] + encode(types, list(args))).hex()
            if len(self._encoded) > 100_000:
                self._encoded.clear()
            self._encoded[key] = data
        return data

    def call_params(self, name: str, *args: Any) -> dict[str, Any]:
        """The eth_call parameters of a view call (for JsonRpc.prefetch_calls)."""
        return {"to": self.address, "data": self._data(name, args)}

    def call(self, name: str, *args: Any) -> Any:
        raw = self._rpc("eth_call", [self.call_params(name, *args), "latest"])
        out = decode([o.canonical_type for o in self._methods[name].outputs], _bytes(raw))
        values = [_convert(o, v) for o, v in zip(self._methods[name].outputs, out, strict=True)]
        return values[0] if len(values) == 1 else tuple(values)

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_") or name not in self._methods:
            raise AttributeError(name)
        return lambda *args: self.call(name, *args)

    def _send_sync(self, tx: dict[str, Any]) -> dict[str, Any]:
        """eth_sendTransactionSync (anvil >= 1.4), else send and poll the receipt."""
        if not FastContract._no_sync:
            try:
                return self._rpc("eth_sendTransactionSync", [tx])
            except RpcError as e:
                if e.error.get("code") != -32601:
                    raise
                FastContract._no_sync = True
        tx_hash = self._rpc("eth_sendTransaction", [tx])
        deadline = time.monotonic() + 60
        while (receipt := self._rpc("eth_getTransactionReceipt", [tx_hash])) is None:
            if time.monotonic() > deadline:
                raise ReplayError(f"no receipt for {tx_hash}")
            time.sleep(0.0005)
        return receipt

    def send(self, name: str, *args: Any, sender: str) -> dict[str, Any]:
        tx = {"from": sender, "to": self.address, "data": self._data(name, args), "gas": hex(GAS)}
        try:
            receipt = self._send_sync(tx)
            ok = int(receipt["status"], 16) == 1
        except RpcError as e:
            if e.error.get("code") == -32601:  # no eth_sendTransactionSync on this node
                raise
            receipt, ok = None, False
        if not ok:
            reason = "unknown"
            try:
                getattr(self.contract, name).call(*args, sender=sender)
            except Exception as e:  # noqa: BLE001 - the decoded revert is the diagnostic
                reason = repr(e)
            raise ReplayError(f"{name}{tuple(args)} from {sender} reverted: {reason}")
        return receipt


def _hashable(x: Any) -> Any:
    return tuple(_hashable(v) for v in x) if isinstance(x, list | tuple) else x


def _bytes(raw: Any) -> bytes:
    return bytes.fromhex(raw[2:]) if isinstance(raw, str) else bytes(raw)


_STRUCTS: dict[tuple[str, ...], Any] = {}


def _struct(fields: Sequence[str]) -> Any:
    key = tuple(fields)
    if key not in _STRUCTS:
        _STRUCTS[key] = namedtuple("Struct", key)
    return _STRUCTS[key]


def _convert(abi_type: Any, value: Any) -> Any:
    t = abi_type.type
    if t == "address":
        return to_checksum_address(value)
    if t == "address[]":
        return [to_checksum_address(v) for v in value]
    if t == "tuple" and abi_type.components:
        fields = [c.name for c in abi_type.components]
        return _struct(fields)(*(_convert(c, v) for c, v in zip(abi_type.components, value, strict=True)))
    if t == "tuple[]" and abi_type.components:
        cls = _struct([c.name for c in abi_type.components])
        return [
            cls(*(_convert(c, v) for c, v in zip(abi_type.components, item, strict=True))) for item in value
        ]
    return value


class EventDecoder:
    """Decodes the logs of the given contracts (by address and topic)."""

    def __init__(self, *contracts: FastContract) -> None:
        self._events: dict[tuple[str, bytes], Any] = {}
        for c in contracts:
            for abi in c.contract.contract_type.events:
                self._events[(c.address.lower(), keccak(text=abi.selector))] = abi

    def decode(self, receipt: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        out = []
        for log in receipt["logs"]:
            topics = [_bytes(t) for t in log["topics"]]
            abi = self._events.get((log["address"].lower(), topics[0])) if topics else None
            if abi is None:
                continue
            indexed = [i for i in abi.inputs if i.indexed]
            plain = [i for i in abi.inputs if not i.indexed]
            values = dict(
                zip(
                    (i.name for i in plain),
                    decode([i.canonical_type for i in plain], _bytes(log["data"])),
                    strict=True,
                )
            )
            for i, topic in zip(indexed, topics[1:], strict=True):
                values[i.name] = decode([i.canonical_type], topic)[0]
            for i in abi.inputs:
                if i.type == "address":
                    values[i.name] = to_checksum_address(values[i.name])
            out.append((abi.name, values))
        return out


def fast_deployment(d: Deployment, rpc: JsonRpc) -> Deployment:
    """The same deployment with every contract wrapped in a FastContract."""
    return replace(
        d,
        usdc=FastContract(d.usdc, rpc),
        pyth=FastContract(d.pyth, rpc),
        vault=FastContract(d.vault, rpc),
        oracle=FastContract(d.oracle, rpc),
        amm=FastContract(d.amm, rpc),
        clearing_house=FastContract(d.clearing_house, rpc),
        insurance_fund=FastContract(d.insurance_fund, rpc),
        liquidity_pool=FastContract(d.liquidity_pool, rpc),
        viewer=FastContract(d.viewer, rpc),
    )


# ====================================================================== summary


@dataclass
class ReplaySummary:
    window: str
    description: str
    source_file: str
    first_row_utc: str
    last_row_utc: str
    steps: int = 0
    traders: int = 0
    leverages: list[str] = field(default_factory=list)
    liquidation_calls: int = 0
    partial_liquidations: int = 0
    full_liquidations: int = 0
    accounts_liquidated: int = 0
    accounts_closed_out: int = 0
    max_liquidatable_accounts_in_one_step: int = 0
    liquidatable_left_after_any_step: int = 0  # asserted 0: none stays liquidatable > 1 step
    # liquidations stopped at the account's bankruptcy size (LiquidationCapped) or refused
    # (LiquidationBeyondBankruptcy): such an account may stay liquidatable until the curve allows
    liquidations_capped: int = 0
    liquidations_deferred: int = 0
    penalties_total: float = 0.0
    penalties_to_liquidator: float = 0.0
    penalties_to_insurance_fund: float = 0.0
    bad_debt_events: int = 0
    bad_debt_total: float = 0.0
    bad_debt_covered_by_insurance: float = 0.0
    bad_debt_socialized: float = 0.0
    unaccounted_loss: float = 0.0  # asserted 0
    liquidated_by_leverage: dict[str, dict[str, int]] = field(
        default_factory=dict
    )  # accounts, of N per leverage
    insurance_fund_start: float = 0.0
    insurance_fund_end: float = 0.0
    index_min: float = 0.0
    index_max: float = 0.0
    reference_low: float | None = None  # exchange low in the same window (report only)
    mark_min: float = 0.0
    mark_max: float = 0.0
    max_mark_index_gap_after_arb: float = 0.0  # |mark/index - 1| after each step's arbitrage
    arbitrage_trades: int = 0
    funding_updates: int = 0
    invariant_checks: int = 0
    transactions: int = 0
    max_time_lag_s: int = 0  # chain time behind the data's time offset (rounds seconds apart)
    wall_time_s: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        return [f"{k:>40}: {v}" for k, v in self.to_dict().items()]


def _usd(x: int) -> float:
    return round(float(Decimal(x) / ONE), 6)


def _utc(ts: int) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%S")


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
        self.rpc = JsonRpc(chain.provider)
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
            _utc(self.steps[0].source_time),
            _utc(self.steps[-1].source_time),
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
        return self.rpc(method, params)

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
                    except ReplayError as e:
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
            setattr(s, name, _usd(raw))
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
        s.insurance_fund_start = _usd(int(f.vault.balanceOf(fund)))
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
                    f"step {i} ({_utc(step.source_time)}): still liquidatable after the pass: {left}"
                )
            self._prefetch()
            invariants.check_all(f, self.all_accounts, extra_dust=self._socialisation_dust)
            s.invariant_checks += 1
            s.steps += 1
            if i % 50 == 0:
                self.log(
                    f"{self.window.name} step {i}/{len(self.steps)} {_utc(step.source_time)} index {step.price}"
                    f" liquidations {s.liquidation_calls}"
                )
        prices = [st.price for st in self.steps]
        s.index_min, s.index_max = float(min(prices)), float(max(prices))
        s.mark_min, s.mark_max = _usd(min(marks)), _usd(max(marks))
        if self.window.reference_file:
            ref = [
                c
                for c in load_candles(self.window.reference_file)
                if self.steps[0].source_time <= c.timestamp <= self.steps[-1].source_time
            ]
            s.reference_low = float(min(c.low for c in ref))
        s.insurance_fund_end = _usd(int(f.vault.balanceOf(fund)))
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
