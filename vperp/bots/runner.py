"""The bots' runner: one loop for the keeper, the funding updater and the batch executor.

A bot is a small strategy (`Strategy`): given the chain now, which calls to make (`plan`). The
runner does everything else, the same way for every bot:

- **simulation**: each call is run as an `eth_call` of the exact transaction (sender, target,
  data, value) on the pending block just before it is signed; a call that would revert is
  skipped (nothing sent, no gas spent) and its protocol error logged in words (vperp.sdk.errors);
- **racing bots**: right before sending, the node's pool (`txpool_content`) is checked for the same
  call from another sender (the pending block a simulation sees may not hold it yet);
- **gas**: the price is the latest block's base fee times `gas_multiplier` (headroom for the base
  fee's rise, at most 12.5% a block) plus a fixed `priority_fee`; a chain without a base fee
  (pre-London) uses the node's `eth_gasPrice` times `gas_multiplier`. Not `eth_gasPrice` itself
  where there is a base fee: it follows recent tips, so a bot paying it times 1.2 bid against its
  own last transactions (1.2 -> 6.19 gwei over ten sends of one keeper on Anvil). Above
  `gas_price_cap` the call is skipped with a log line (it is planned again next round); the limit
  is the pending block's gas estimate times `gas_limit_multiplier`;
- **nonce**: kept locally, read from the node (`pending`) at start and after any send error;
- **RPC errors and timeouts**: every read is retried with exponential backoff and jitter
  (`backoff_base` doubling up to `backoff_max`); a round that still fails is logged and the next
  one waits longer the same way;
- **no double send**: the transaction is signed locally, so its hash is known before it is sent;
  the hash goes into the state file first, and after a send error the runner asks the node for
  that hash before concluding it was not sent (a timed-out send that did reach the node counts as
  sent; the local nonce then keeps it from ever being sent again);
- **graceful shutdown**: SIGTERM/SIGINT set a flag that is checked between steps; a send under way
  is finished (its receipt awaited), nothing is ever half-sent, and the state file is written;
- **state file** (JSON, written atomically): the strategy's cursor (e.g. the last block scanned),
  the counters and the pending transaction's hash, so a restart resumes where it stopped and
  settles a transaction left pending;
- **balance**: below `warn_balance` a warning each round; below `stop_balance` a clear log line
  and the runner stops sending and exits (`stop_reason == "low_balance"`);
- **logs**: one line per event, `key=value` text or JSON lines (`json_logs`), and on exit the
  counters and the latencies (simulation, send to receipt, round).

It talks raw JSON-RPC (vperp.chain.rpc.Rpc, a timeout per request) and needs no Ape: the ABIs come
from the compiled project (.build/__local__.json), the addresses from a deployment file.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import signal
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import IO, Any, Protocol

from eth_account import Account
from eth_utils import to_checksum_address

from vperp.chain.rpc import FastContract, Rpc, RpcError
from vperp.sdk import errors as sdk_errors

WEI = 10**18
GWEI = 10**9

# failures of the transport or of the node (not reverts): retried with backoff
TRANSIENT: tuple[type[BaseException], ...] = (RpcError, OSError, http.client.HTTPException, ValueError)


class SendFailed(RuntimeError):
    """A transaction the node did not take (and does not know): the round fails, the nonce is
    resynced."""


# ------------------------------------------------------------------------------ logs


class Log:
    """Structured logs: `event key=value ...` lines, or one JSON object a line (`json_logs`)."""

    def __init__(self, bot: str, json_logs: bool = False, stream: IO[str] | None = None) -> None:
        self.bot = bot
        self.json_logs = json_logs
        self.stream = stream
        self.lines: list[dict[str, Any]] = []  # every record (tests read them)
        self._lock = threading.Lock()

    def __call__(self, event: str, level: str = "info", **fields: Any) -> None:
        rec = {"ts": round(time.time(), 3), "level": level, "bot": self.bot, "event": event, **fields}
        with self._lock:
            self.lines.append(rec)
            out = self.stream if self.stream is not None else sys.stderr
            if self.json_logs:
                out.write(json.dumps(rec, default=str) + "\n")
            else:
                kv = " ".join(f"{k}={_text(v)}" for k, v in fields.items())
                stamp = time.strftime("%H:%M:%S", time.gmtime(rec["ts"]))
                out.write(f"{stamp} {level.upper():<7} {self.bot} {event} {kv}".rstrip() + "\n")
            out.flush()

    def events(self, name: str) -> list[dict[str, Any]]:
        return [r for r in self.lines if r["event"] == name]


def _text(v: Any) -> str:
    s = v if isinstance(v, str) else json.dumps(v, default=str)
    return json.dumps(s) if (" " in s and not s.startswith(("{", "["))) else s


# ------------------------------------------------------------------------------ calls, signers


@dataclass(frozen=True)
class Call:
    """One transaction a strategy wants: `to.data(value)`, with a label for the logs."""

    to: str
    data: bytes
    label: str
    value: int = 0


class Signer(Protocol):
    address: str

    def sign(self, tx: dict[str, Any]) -> tuple[str, str]:
        """(raw transaction hex, transaction hash hex)."""
        ...


class KeySigner:
    """Signs locally with a private key (eth-account)."""

    def __init__(self, private_key: str | bytes) -> None:
        self._account = Account.from_key(private_key)
        self.address: str = self._account.address

    def sign(self, tx: dict[str, Any]) -> tuple[str, str]:
        signed = self._account.sign_transaction(tx)
        return "0x" + bytes(signed.raw_transaction).hex(), "0x" + bytes(signed.hash).hex()


def test_account_signer(index: int, mnemonic: str | None = None) -> KeySigner:
    """Test account `index` of the local node's mnemonic (ape-config.yaml `test:`)."""
    from vperp.chain.node import TEST_MNEMONIC

    Account.enable_unaudited_hdwallet_features()
    acct = Account.from_mnemonic(mnemonic or TEST_MNEMONIC, account_path=f"m/44'/60'/0'/0/{index}")
    return KeySigner(acct.key)


# ------------------------------------------------------------------------------ contracts


def abis_from_build(build: Path | None = None) -> dict[str, list[dict[str, Any]]]:
    from vperp.chain.config import ROOT

    manifest = json.loads((build or ROOT / ".build" / "__local__.json").read_text())
    return {name: ct["abi"] for name, ct in manifest["contractTypes"].items()}


def _contract(rpc: Rpc, name: str, address: str, abi: Sequence[Mapping[str, Any]]) -> FastContract:
    from ethpm_types import ContractType

    ct = ContractType.model_validate({"contractName": name, "abi": list(abi)})
    return FastContract(SimpleNamespace(address=to_checksum_address(address), contract_type=ct), rpc)


def netting_abi(abis: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The core seen as the netting engine: OrderLogic's and NettingLogic's functions (its
    fallback runs them) with the core's events and errors, for decoding."""
    seen: set[str] = set()
    out = []
    for i, name in enumerate(("OrderLogic", "NettingLogic", "ClearingHouse")):
        for a in abis.get(name, []):
            if a["type"] in ("constructor", "fallback", "receive") or (a["type"] == "function" and i == 2):
                continue
            key = a["type"] + ":" + a.get("name", "")
            if key not in seen:
                seen.add(key)
                out.append(a)
    return out


@dataclass
class Contracts:
    """The deployment's contracts the bots use, over the runner's Rpc (FastContracts)."""

    clearing_house: FastContract
    oracle: FastContract
    viewer: FastContract | None
    netting: FastContract  # the core seen as INettingEngine (its fallback runs the netting logic)
    markets: dict[str, str]  # symbol -> base token address
    batcher: FastContract | None = None  # LiquidationBatcher (the keeper's batches), when deployed

    @classmethod
    def load(cls, rpc: Rpc, deployment: Mapping[str, Any], abis: Mapping[str, Any]) -> Contracts:
        ch = deployment["clearing_house"]
        return cls(
            clearing_house=_contract(rpc, "ClearingHouse", ch, abis["ClearingHouse"]),
            oracle=_contract(rpc, "PriceOracle", deployment["oracle"], abis["PriceOracle"]),
            viewer=_contract(rpc, "Viewer", deployment["viewer"], abis["Viewer"])
            if deployment.get("viewer")
            else None,
            netting=_contract(rpc, "NettingEngine", ch, netting_abi(abis)),
            markets={s: to_checksum_address(m["base_token"]) for s, m in deployment["markets"].items()},
            batcher=_contract(
                rpc, "LiquidationBatcher", deployment["liquidation_batcher"], abis["LiquidationBatcher"]
            )
            if deployment.get("liquidation_batcher") and "LiquidationBatcher" in abis
            else None,
        )

    def names(self) -> dict[str, str]:
        """Display names of addresses (markets' symbols) for the error sentences."""
        return {a.lower(): s for s, a in self.markets.items()}


# ------------------------------------------------------------------------------ strategies


@dataclass
class Round:
    """What a strategy sees when it plans: the head block and the pending block's timestamp."""

    head: int
    timestamp: int  # the latest block's timestamp: the earliest a transaction sent now can see


class Strategy(Protocol):
    name: str

    def plan(self, rt: Runner, now: Round) -> list[Call]: ...

    def on_receipt(self, call: Call, receipt: dict[str, Any]) -> None: ...

    def state(self) -> dict[str, Any]: ...

    def restore(self, state: Mapping[str, Any]) -> None: ...


# ------------------------------------------------------------------------------ runner


@dataclass
class Options:
    poll: float = 5.0  # seconds between rounds
    gas_multiplier: float = 1.2  # gas price = base fee x this + priority_fee
    priority_fee: int = 10**7  # wei (0.01 gwei): the tip over the base fee
    gas_price_cap: int | None = None  # wei; above it nothing is sent
    gas_limit_multiplier: float = 1.3  # gas limit = pending-block estimate x this
    warn_balance: int = WEI // 10  # wei: warn below
    stop_balance: int = WEI // 100  # wei: stop sending below
    state_file: Path | None = None
    backoff_base: float = 0.25  # seconds, first wait after an RPC error (doubles, with jitter)
    backoff_max: float = 30.0
    retries: int = 6  # attempts of one read before the round fails
    timeout: float = 5.0  # seconds per RPC request
    receipt_timeout: float = 60.0
    rounds: int | None = None  # None: until stopped
    max_immediate: int = 20  # rounds run back to back while each one sends something
    check_mempool: bool = True  # skip a call another sender's pooled transaction already makes


@dataclass
class Counters:
    rounds: int = 0
    failed_rounds: int = 0
    planned: int = 0
    doomed: int = 0  # simulated, would revert: not sent
    gas_capped: int = 0  # skipped: gas price above the cap
    sent: int = 0
    mined: int = 0
    reverted: int = 0  # sent and reverted on chain (should stay 0)
    dropped: int = 0  # sent, then no longer known to the node (never mined): planned again
    rpc_errors: int = 0
    send_errors: int = 0
    nonce_resyncs: int = 0
    resumed_pending: int = 0  # a pending transaction from the last run, found mined at start


class Latencies:
    def __init__(self) -> None:
        self.samples: dict[str, list[float]] = {}

    def add(self, what: str, seconds: float) -> None:
        self.samples.setdefault(what, []).append(seconds)

    def summary(self) -> dict[str, dict[str, float]]:
        out = {}
        for k, v in self.samples.items():
            s = sorted(v)
            out[k] = {
                "n": len(s),
                "mean_ms": round(1000 * sum(s) / len(s), 2),
                "p95_ms": round(1000 * s[min(len(s) - 1, int(0.95 * len(s)))], 2),
                "max_ms": round(1000 * s[-1], 2),
            }
        return out


class Runner:
    """Runs `strategy` against the node at `rpc_url`, signing with `signer`."""

    def __init__(
        self,
        strategy: Strategy,
        rpc_url: str,
        signer: Signer,
        deployment: Mapping[str, Any],
        abis: Mapping[str, Any] | None = None,
        options: Options | None = None,
        log: Log | None = None,
    ) -> None:
        self.strategy = strategy
        self.opts = options or Options()
        self.signer = signer
        self.address = to_checksum_address(signer.address)
        self.rpc = Rpc.from_url(rpc_url, timeout=self.opts.timeout)
        self.contracts = Contracts.load(self.rpc, deployment, abis or abis_from_build())
        self.log = log or Log(strategy.name)
        self.counters = Counters()
        self.latency = Latencies()
        self.stop_event = threading.Event()
        self.stop_reason: str | None = None
        self.nonce: int | None = None
        self.chain_id: int | None = None
        self.pending: dict[str, Any] | None = None
        self.last_block: int | None = None  # head block of the last round that completed
        self._errors_at_resync = -1
        self._load_state()

    # -------------------------------------------------------------- state file
    def _load_state(self) -> None:
        f = self.opts.state_file
        if f is None or not f.is_file():
            return
        raw = json.loads(f.read_text())
        self.strategy.restore(raw.get("strategy", {}))
        self.pending = raw.get("pending")
        self.last_block = raw.get("last_block")
        for k, v in raw.get("counters", {}).items():
            if hasattr(self.counters, k):
                setattr(self.counters, k, v)
        self.log(
            "state_loaded", file=str(f), strategy=raw.get("strategy", {}).get("cursor"), pending=self.pending
        )

    def save_state(self) -> None:
        f = self.opts.state_file
        if f is None:
            return
        doc = {
            "bot": self.strategy.name,
            "address": self.address,
            "updated": int(time.time()),
            "pending": self.pending,
            "last_block": self.last_block,
            "strategy": self.strategy.state(),
            "counters": asdict(self.counters),
        }
        f.parent.mkdir(parents=True, exist_ok=True)
        tmp = f.with_name(f.name + ".tmp")
        tmp.write_text(json.dumps(doc, indent=1))
        os.replace(tmp, f)

    # -------------------------------------------------------------- signals
    def install_signal_handlers(self) -> None:
        def handler(signum: int, _frame: Any) -> None:
            self.stop(signal.Signals(signum).name)

        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)

    def stop(self, reason: str = "stopped") -> None:
        """Asks the loop to stop between steps (from a signal handler or another thread)."""
        if self.stop_reason is None:
            self.stop_reason = reason
        self.stop_event.set()

    @property
    def stopping(self) -> bool:
        return self.stop_event.is_set()

    def sleep(self, seconds: float) -> None:
        """Sleeps, waking at once when asked to stop."""
        self.stop_event.wait(seconds)

    # -------------------------------------------------------------- requests with backoff
    def backoff(self, attempt: int) -> float:
        """Exponential with full jitter: uniform in [d/2, d], d = base x 2^(attempt-1), capped."""
        d = min(self.opts.backoff_max, self.opts.backoff_base * 2 ** (attempt - 1))
        return random.uniform(d / 2, d)

    def request(self, method: str, params: list[Any], *, patient: bool = False) -> Any:
        """One read with retries (backoff and jitter) on RPC errors and timeouts. `patient`:
        retried even while stopping (settling a sent transaction)."""
        attempt = 0
        while True:
            try:
                return self.rpc.request(method, params)
            except TRANSIENT as err:
                if isinstance(err, RpcError) and _is_revert(err.error):
                    raise
                self.counters.rpc_errors += 1
                attempt += 1
                if attempt >= self.opts.retries or (self.stopping and not patient):
                    raise
                wait = self.backoff(attempt)
                self.log(
                    "rpc_error",
                    "warning",
                    method=method,
                    error=_short(err),
                    attempt=attempt,
                    retry_in=round(wait, 3),
                )
                if patient:
                    time.sleep(wait)
                else:
                    self.sleep(wait)

    def call(self, contract: FastContract, fn: str, *args: Any) -> Any:
        """A view through the retrying transport (the latest block)."""
        from vperp.chain.rpc import decode_outputs

        method = getattr(contract, fn)
        abi = method._pick(len(args))
        out = self.request(
            "eth_call", [{"to": contract.address, "data": "0x" + method.encode_input(*args).hex()}, "latest"]
        )
        return decode_outputs(abi, bytes.fromhex(out.removeprefix("0x")))

    def call_data(self, contract: FastContract, fn: str, *args: Any, label: str | None = None) -> Call:
        return Call(
            contract.address,
            getattr(contract, fn).encode_input(*args),
            label or f"{fn}{_label(args, self.contracts)}",
        )

    def call_pending(self, call: Call) -> bytes | None:
        """`call`'s return data as an eth_call from this bot on the pending block (a dry run of a
        state-changing call, e.g. a batch reporting which of its parts would go through); None
        when it reverts."""
        tx = {"from": self.address, "to": call.to, "data": "0x" + call.data.hex()}
        try:
            out = self.request("eth_call", [tx, "pending"])
        except RpcError as err:
            if not _is_revert(err.error):
                raise
            return None
        return bytes.fromhex(str(out).removeprefix("0x"))

    # -------------------------------------------------------------- chain reads
    def resync_nonce(self) -> None:
        self.nonce = int(self.request("eth_getTransactionCount", [self.address, "pending"], patient=True), 16)
        self._errors_at_resync = self.counters.rpc_errors
        self.counters.nonce_resyncs += 1
        self.log("nonce", nonce=self.nonce)

    def now(self) -> Round:
        head = self.request("eth_getBlockByNumber", ["latest", False])
        # the earliest time the next block can have (Anvil may give it the latest block's second):
        # a strategy never plans a call too early; the simulation on the pending block is the
        # authority either way
        return Round(int(head["number"], 16), int(head["timestamp"], 16))

    def balance(self) -> int:
        return int(self.request("eth_getBalance", [self.address, "latest"]), 16)

    def check_balance(self) -> bool:
        """False (and the runner stops) below the stop threshold."""
        bal = self.balance()
        if bal < self.opts.stop_balance:
            self.log(
                "low_balance_stop",
                "error",
                message=f"balance {bal / WEI:.6f} ETH below the stop threshold {self.opts.stop_balance / WEI:g} ETH: "
                f"not sending; fund {self.address} and restart",
                balance_wei=bal,
            )
            self.stop("low_balance")
            return False
        if bal < self.opts.warn_balance:
            self.log(
                "low_balance",
                "warning",
                message=f"balance {bal / WEI:.6f} ETH below the warning threshold {self.opts.warn_balance / WEI:g} ETH",
                balance_wei=bal,
            )
        return True

    # -------------------------------------------------------------- one transaction
    def simulate(self, tx: dict[str, Any]) -> tuple[str, tuple[Any, ...]] | None:
        """None when the exact transaction succeeds on the pending block, else the decoded error."""
        t0 = time.monotonic()
        try:
            self.request("eth_call", [tx, "pending"])
            return None
        except RpcError as err:
            if not _is_revert(err.error):
                raise
            raw = err.error.get("data") or "0x"
            if isinstance(raw, dict):
                raw = raw.get("data", "0x")
            table = {sel: (n, types, names) for sel, (n, names, types) in self.rpc.errors.items()}
            return sdk_errors.decode(bytes.fromhex(str(raw).removeprefix("0x")), table)
        finally:
            self.latency.add("simulate", time.monotonic() - t0)

    def gas_price(self) -> int:
        """The price this runner bids (see the module's notes): base fee x gas_multiplier +
        priority_fee, or eth_gasPrice x gas_multiplier on a chain without a base fee."""
        block = self.request("eth_getBlockByNumber", ["latest", False])
        base_fee = (block or {}).get("baseFeePerGas")
        if base_fee is None:
            return int(int(self.request("eth_gasPrice", []), 16) * self.opts.gas_multiplier)
        return int(int(base_fee, 16) * self.opts.gas_multiplier) + self.opts.priority_fee

    def execute(self, call: Call) -> str:
        """Simulates, prices, signs and sends one call, then waits for its receipt: the outcome
        ("mined", "reverted", "doomed", "gas_cap", "stopped"). A send the node did not take raises
        SendFailed (after a nonce resync)."""
        tx: dict[str, Any] = {"from": self.address, "to": call.to, "data": "0x" + call.data.hex()}
        if call.value:
            tx["value"] = hex(call.value)
        price = self.gas_price()
        if self.opts.gas_price_cap is not None and price > self.opts.gas_price_cap:
            self.counters.gas_capped += 1
            self.log(
                "gas_cap",
                "warning",
                call=call.label,
                gas_price_gwei=price / GWEI,
                cap_gwei=self.opts.gas_price_cap / GWEI,
            )
            return "gas_cap"
        try:
            gas = int(self.request("eth_estimateGas", [tx, "pending"]), 16)
        except RpcError as err:
            if not _is_revert(err.error):
                raise
            gas = None
        if gas is None:  # the estimate reverted: the simulation below says why
            error = self.simulate(tx)
            return self._doomed(call, error or ("EmptyRevert", ()))
        if self.stopping:
            return "stopped"
        if self.nonce is None or self.counters.rpc_errors != self._errors_at_resync:
            self.resync_nonce()  # any RPC error since the last read: the node may have restarted
        assert self.nonce is not None and self.chain_id is not None
        raw, txhash = self.signer.sign(
            {
                "chainId": self.chain_id,
                "nonce": self.nonce,
                "gasPrice": price,
                "gas": int(gas * self.opts.gas_limit_multiplier),
                "to": to_checksum_address(call.to),
                "data": call.data,
                "value": call.value,
            }
        )
        # recorded before it can leave: a crash from here on finds it in the state file (a hash
        # that was never sent is found unknown at the next start and dropped)
        self.pending = {"hash": txhash, "nonce": self.nonce, "call": call.label}
        self.save_state()
        # the exact transaction on the pending block as it is now, the last thing before sending
        # (signed already: the gap to another keeper's transaction is as short as it gets)
        error = self.simulate(tx)
        if error is None and self._in_mempool(call):
            error = ("InMempool", ())
        if error is not None or self.stopping:
            self.pending = None
            return self._doomed(call, error) if error is not None else "stopped"
        t0 = time.monotonic()
        try:
            self.rpc.request("eth_sendRawTransaction", [raw])
        except TRANSIENT as err:
            self.counters.send_errors += 1
            known = self._known(txhash)
            self.log(
                "send_error", "warning", call=call.label, tx=txhash, error=_short(err), reached_node=known
            )
            self.resync_nonce()
            if not known:
                self.pending = None
                self.save_state()
                raise SendFailed(f"{call.label}: {_short(err)}") from err
        else:
            self.nonce += 1
        self.counters.sent += 1
        self.log("sent", call=call.label, tx=txhash, nonce=self.pending["nonce"], gas_price_gwei=price / GWEI)
        rcpt = self.wait_receipt(txhash)
        self.latency.add("send_to_receipt", time.monotonic() - t0)
        return self._settle(call, rcpt)

    def _doomed(self, call: Call, error: tuple[str, tuple[Any, ...]]) -> str:
        name, values = error
        self.counters.doomed += 1
        self.log(
            "doomed",
            call=call.label,
            error=name,
            reason=sdk_errors.describe(name, values, self.contracts.names()),
        )
        return "doomed"

    _no_txpool = False

    def _in_mempool(self, call: Call) -> bool:
        """Whether another sender's transaction with the same target and calldata waits in the
        node's pool (`txpool_content`: Anvil, Geth): the pending block a simulation runs on may
        not hold it yet, and sending ours would revert after it."""
        if self._no_txpool or not self.opts.check_mempool:
            return False
        try:
            pool = self.request("txpool_content", [])
        except RpcError as err:
            if err.error.get("code") == -32601:  # not offered by this node
                self._no_txpool = True
                return False
            raise
        data = "0x" + call.data.hex()
        for part in ("pending", "queued"):
            for sender, txs in (pool.get(part) or {}).items():
                if sender.lower() == self.address.lower():
                    continue
                for t in txs.values():
                    if str(t.get("to", "")).lower() == call.to.lower() and t.get("input") == data:
                        return True
        return False

    def _known(self, txhash: str) -> bool:
        try:
            return self.request("eth_getTransactionByHash", [txhash], patient=True) is not None
        except TRANSIENT:
            return False

    def wait_receipt(self, txhash: str) -> dict[str, Any] | None:
        """The receipt (even while stopping: a sent transaction is always settled); None when the
        node dropped the transaction or no receipt came in time."""
        deadline = time.monotonic() + self.opts.receipt_timeout
        delay = 0.02
        unknown = 0  # consecutive answers of a reachable node that it does not know the hash
        while time.monotonic() < deadline:
            try:
                rcpt = self.request("eth_getTransactionReceipt", [txhash], patient=True)
                if rcpt is None:
                    seen = self.request("eth_getTransactionByHash", [txhash], patient=True)
                    unknown = 0 if seen is not None else unknown + 1
            except TRANSIENT:
                rcpt = None
            if rcpt is not None:
                return rcpt
            if unknown >= 3:  # dropped (e.g. the node restarted without it): planned again, same nonce
                self.counters.dropped += 1
                self.log("dropped", "warning", tx=txhash)
                return None
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
        return None

    def _settle(self, call: Call | None, rcpt: dict[str, Any] | None) -> str:
        label = call.label if call else (self.pending or {}).get("call", "?")
        txhash = (self.pending or {}).get("hash")
        if rcpt is None:
            self.log("no_receipt", "warning", call=label, tx=txhash)
            self.pending = None
            self.resync_nonce()
            self.save_state()
            return "no_receipt"
        ok = int(rcpt["status"], 16) == 1
        if ok:
            self.counters.mined += 1
            if call is not None:
                self.strategy.on_receipt(call, rcpt)
        else:
            self.counters.reverted += 1
        self.log(
            "mined" if ok else "reverted",
            "info" if ok else "error",
            call=label,
            tx=txhash,
            block=int(rcpt["blockNumber"], 16),
            gas_used=int(rcpt["gasUsed"], 16),
        )
        self.pending = None
        self.save_state()
        return "mined" if ok else "reverted"

    def settle_pending(self) -> None:
        """A transaction the last run left pending: its receipt when the node has it."""
        if not self.pending:
            return
        h = self.pending["hash"]
        rcpt = self.request("eth_getTransactionReceipt", [h], patient=True)
        if rcpt is None and self._known(h):
            rcpt = self.wait_receipt(h)
        if rcpt is not None:
            self.counters.resumed_pending += 1
        self.log("resume_pending", tx=h, found=rcpt is not None)
        self._settle(None, rcpt)

    # -------------------------------------------------------------- the loop
    def run_round(self) -> int:
        """One round: plan, then each call in turn. Returns the number of transactions mined."""
        t0 = time.monotonic()
        if not self.check_balance():
            return 0
        now = self.now()
        calls = self.strategy.plan(self, now)
        self.counters.planned += len(calls)
        mined = 0
        for call in calls:
            if self.stopping:
                break
            mined += self.execute(call) == "mined"
        else:
            self.last_block = now.head
        self.save_state()
        self.latency.add("round", time.monotonic() - t0)
        return mined

    def run(self) -> int:
        """The loop, until stopped (signal, low balance) or `rounds` rounds. Exit code: 0, or 3
        after a low-balance stop."""
        self.log("start", address=self.address, options={k: str(v) for k, v in asdict(self.opts).items()})
        self.chain_id = int(self.request("eth_chainId", [], patient=True), 16)
        self.settle_pending()
        self.resync_nonce()
        failures = 0
        immediate = 0
        while not self.stopping and (self.opts.rounds is None or self.counters.rounds < self.opts.rounds):
            try:
                if failures:  # after an outage the node may be another (restarted, rolled back)
                    self.resync_nonce()
                mined = self.run_round()
                failures = 0
            except (*TRANSIENT, SendFailed) as err:
                self.counters.failed_rounds += 1
                failures += 1
                mined = 0
                wait = self.backoff(failures)
                self.log("round_failed", "warning", error=_short(err), retry_in=round(wait, 3))
                if self.pending:  # a send whose fate is unknown: settle it before anything else
                    self.settle_pending()
                self.save_state()
                self.counters.rounds += 1
                self.sleep(wait)
                continue
            self.counters.rounds += 1
            if self.stopping or (self.opts.rounds is not None and self.counters.rounds >= self.opts.rounds):
                break
            if mined and immediate < self.opts.max_immediate:
                immediate += 1  # the work may go on (a batch cursor, another market): plan again now
                continue
            immediate = 0
            self.sleep(self.opts.poll)
        self.save_state()
        self.log(
            "exit",
            reason=self.stop_reason or "done",
            counters=asdict(self.counters),
            latency=self.latency.summary(),
        )
        return 3 if self.stop_reason == "low_balance" else 0


def _is_revert(error: Mapping[str, Any]) -> bool:
    """A node's error reply for a call that reverts (vs a failure of the node or transport)."""
    return error.get("code") == 3 or "revert" in str(error.get("message", "")).lower()


def _short(err: BaseException) -> str:
    s = f"{type(err).__name__}: {err}"
    return s if len(s) < 200 else s[:197] + "..."


def _label(args: Sequence[Any], contracts: Contracts) -> str:
    names = contracts.names()
    return "(" + ", ".join(names.get(str(a).lower(), str(a)[:10]) for a in args) + ")"


def install_and_run(runner: Runner) -> int:
    runner.install_signal_handlers()
    return runner.run()


def make_strategy(name: str, **kw: Any) -> Strategy:
    from vperp.bots.executor import ExecutorStrategy
    from vperp.bots.funding import FundingStrategy
    from vperp.bots.keeper import KeeperStrategy

    kinds: dict[str, Callable[..., Strategy]] = {
        "keeper": KeeperStrategy,
        "funding": FundingStrategy,
        "executor": ExecutorStrategy,
    }
    return kinds[name](**kw)
