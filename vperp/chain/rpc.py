"""The fast JSON-RPC/ABI layer: raw JSON-RPC to the node, with the deployment's ABIs for calls,
transactions, errors and events, and stand-ins for Ape's contract objects built on it.

Why: Ape's contract calls cost 4-15 ms (three RPCs and pydantic models each) and its
transactions ~0.1 s (~0.4 s more for a revert, whose trace it fetches and prints). The crash
replays (vperp.sim.replay) make hundreds of reads per step and the stateful property tests ~50,
so both talk to the node directly: one `eth_call` per read, one `eth_sendTransaction(Sync)` per
write, decoded here with eth-abi. The checkers of vperp.sim.invariants run unchanged on a
Deployment whose contracts are these stand-ins (`fast_deployment`).

- `Rpc`: one keep-alive HTTP connection to the node (~0.1 ms a request against a local anvil,
  vs ~2 ms through web3/requests; non-HTTP providers go through web3's provider), with the ABIs
  of the registered contracts to decode reverts (`decode_error`) and logs (`decode_log`).
  `call` returns the output or the decoded revert; `transact` simulates on the pending block
  (unless told not to), then sends from an unlocked/impersonated account and decodes the receipt.
  With `cache=True` it also keeps `eth_call` results until the next state-changing request (any
  method outside READ_ONLY), and `prefetch_calls` runs many reads in one batch: only correct
  while every transaction goes through this object (the replay engine's case).
- `FastContract` / `FastMethod`: duck-typed stand-ins for an Ape ContractInstance and its methods:
  `c.balanceOf(addr)` reads, `c.deposit(x, sender=acct)` simulates then sends (a revert raises
  UnexpectedRevert), `c.send("deposit", x, sender=addr)` sends without simulating,
  `c.call_params(name, *args)` gives the eth_call parameters for `Rpc.prefetch_calls`. Structs come
  back as namedtuples with the ABI's field names, several outputs as a namedtuple of the outputs,
  arrays as lists, addresses checksummed.
- `EventDecoder`: (event name, arguments) of a receipt's logs emitted by given contracts.
"""

from __future__ import annotations

import http.client
import json
import time
from collections import namedtuple
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlparse

from eth_abi import decode as abi_decode
from eth_abi import encode as abi_encode
from eth_utils import keccak, to_checksum_address

from vperp.chain.deploy import Deployment, Market

PANIC = bytes.fromhex("4e487b71")  # Panic(uint256)
ERROR_STRING = bytes.fromhex("08c379a0")  # Error(string)
TX_GAS = 12_000_000  # gas limit of a transaction sent through Rpc (per Rpc: `gas=`)
METHOD_NOT_FOUND = -32601


class RpcError(RuntimeError):
    """An error reply of the node (`error`: its error object) or no receipt in time."""

    def __init__(self, method: str, error: dict[str, Any] | str) -> None:
        self.method = method
        self.error: dict[str, Any] = error if isinstance(error, dict) else {"message": error}
        super().__init__(f"{method}: {self.error.get('message')} {self.error.get('data') or ''}".strip())


class UnexpectedRevert(AssertionError):
    """A call or transaction reverted where the caller allowed no revert."""


@dataclass
class Reverted:
    """A reverted call or transaction: the decoded error's name and arguments."""

    name: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Log:
    """A decoded event log (Ape ContractLog-like: event_name, contract_address, args)."""

    event_name: str
    contract_address: str
    args: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["args"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self.args[name]


@dataclass
class Receipt:
    txn_hash: str
    events: list[Log]
    block_number: int


# ---------------------------------------------------------------------------------- ABI values


def _canonical(t: Any) -> str:
    return t.canonical_type


def _selector(abi: Any) -> bytes:
    return keccak(text=f"{abi.name}({','.join(_canonical(i) for i in abi.inputs)})")[:4]


def _to_abi(value: Any) -> Any:
    """Ape-style arguments (accounts, contracts, tuples) -> eth_abi values."""
    if hasattr(value, "address") and not isinstance(value, str | bytes):
        return value.address
    if isinstance(value, tuple):
        return tuple(_to_abi(v) for v in value)
    if isinstance(value, list):
        return [_to_abi(v) for v in value]
    return value


def _hashable(x: Any) -> Any:
    return tuple(_hashable(v) for v in x) if isinstance(x, list | tuple) else x


def _bytes(raw: Any) -> bytes:
    return bytes.fromhex(raw.removeprefix("0x")) if isinstance(raw, str) else bytes(raw)


@cache
def _record_type(names: tuple[str, ...]) -> type:
    return namedtuple("Record", names, rename=True)  # noqa: PYI024


def _record(abi_types: Sequence[Any], values: Sequence[Any]) -> Any:
    """Values of a struct's components or of several outputs -> a namedtuple with their names."""
    names = tuple(t.name or f"_{i}" for i, t in enumerate(abi_types))
    return _record_type(names)(
        *(_convert(t.type, t.components, v) for t, v in zip(abi_types, values, strict=True))
    )


def _convert(t: str, components: Sequence[Any] | None, value: Any) -> Any:
    """One decoded eth_abi value of ABI type `t`: addresses checksummed, structs as namedtuples,
    arrays as lists."""
    if t.endswith("]"):
        inner = t[: t.rindex("[")]
        return [_convert(inner, components, v) for v in value]
    if t == "address":
        return to_checksum_address(value)
    if t == "tuple" and components:
        return _record(components, value)
    return value


def decode_outputs(abi: Any, data: bytes) -> Any:
    """A function's return data: the value of a single output, else a namedtuple of the outputs."""
    values = abi_decode([_canonical(o) for o in abi.outputs], data)
    if len(abi.outputs) == 1:
        o = abi.outputs[0]
        return _convert(o.type, o.components, values[0])
    return _record(abi.outputs, values)


# ---------------------------------------------------------------------------------- transport


class Rpc:
    """Raw JSON-RPC to the node of `chain` (an Ape chain manager, or anything with `.provider`),
    with the ABIs of `contracts` (objects with a `contract_type`; FastContract adds its own) for
    errors and events. `cache=True`: eth_call results are kept until the next state-changing
    request. `gas`: the gas limit of every transaction sent."""

    READ_ONLY = frozenset(
        {
            "eth_call",
            "eth_getBlockByNumber",
            "eth_blockNumber",
            "eth_chainId",
            "eth_getTransactionReceipt",
            "eth_getLogs",
            "debug_traceTransaction",
            "debug_traceCall",
        }
    )

    _no_sync = False  # set when the node lacks eth_sendTransactionSync

    def __init__(
        self,
        chain: Any,
        contracts: Iterable[Any] = (),
        *,
        cache: bool = False,
        gas: int = TX_GAS,
        timeout: float = 120,
    ):
        self.chain = chain
        self.gas = gas
        self.timeout = timeout  # seconds per HTTP request (the bots' runner uses a few)
        self._provider = chain.provider
        uri = getattr(self._provider, "http_uri", None) or ""
        u = urlparse(uri)
        self._target = (u.hostname, u.port, u.path or "/") if u.scheme == "http" and u.hostname else None
        self._conn: http.client.HTTPConnection | None = None
        self._id = 0
        self._use_cache = cache
        self._cache: dict[str, Any] = {}
        self.errors: dict[bytes, tuple[str, list[str], list[str]]] = {}
        self.events: dict[bytes, list[Any]] = {}  # topic -> ABIs (one per indexed pattern)
        self.register(contracts)

    @classmethod
    def from_url(cls, url: str, contracts: Iterable[Any] = (), **kwargs: Any) -> Rpc:
        """An Rpc to the HTTP node at `url` without an Ape provider (the indexer's case)."""
        return cls(SimpleNamespace(provider=SimpleNamespace(http_uri=url)), contracts, **kwargs)

    # -------------------------------------------------------------- ABIs
    def register(self, contracts: Iterable[Any]) -> None:
        """Adds the errors and events of the contracts' types (adding one twice changes nothing)."""
        for c in contracts:
            ct = c.contract_type
            for err in ct.errors:
                types = [_canonical(i) for i in err.inputs]
                sel = keccak(text=f"{err.name}({','.join(types)})")[:4]
                self.errors[sel] = (err.name, [i.name or "" for i in err.inputs], types)
            for ev in ct.events:
                topic = keccak(text=f"{ev.name}({','.join(_canonical(i) for i in ev.inputs)})")
                known = self.events.setdefault(topic, [])
                if all(_pattern(ev) != _pattern(k) for k in known):
                    known.append(ev)

    def decode_error(self, data: bytes) -> tuple[str, dict[str, Any]]:
        if len(data) < 4:
            return "EmptyRevert", {}
        sel = data[:4]
        if sel == PANIC:
            return "Panic", {"code": int.from_bytes(data[4:36], "big")}
        if sel == ERROR_STRING:
            return "Error", {"message": abi_decode(["string"], data[4:])[0]}
        if sel not in self.errors:
            return f"Unknown(0x{data.hex()})", {}
        name, names, types = self.errors[sel]
        return name, dict(zip(names, abi_decode(types, data[4:]), strict=True))

    def decode_log(self, log: dict[str, Any]) -> Log:
        addr = to_checksum_address(log["address"])
        topics = [_bytes(t) for t in log["topics"]]
        candidates = self.events.get(topics[0], []) if topics else []
        ev = next((e for e in candidates if len(_indexed(e)) == len(topics) - 1), None)
        if ev is None:
            return Log("?", addr, {})
        plain = [i for i in ev.inputs if not i.indexed]
        decoded = abi_decode([_canonical(i) for i in plain], _bytes(log["data"]))
        values = {i.name: _convert(i.type, i.components, v) for i, v in zip(plain, decoded, strict=True)}
        for i, topic in zip(_indexed(ev), topics[1:], strict=True):
            t = _canonical(i)
            dynamic = t in ("string", "bytes") or t.endswith("]") or t.startswith("(")
            values[i.name] = topic if dynamic else _convert(i.type, i.components, abi_decode([t], topic)[0])
        return Log(ev.name, addr, values)

    # -------------------------------------------------------------- requests
    def _post(self, payload: Any) -> Any:
        assert self._target is not None
        body = json.dumps(payload)
        for attempt in (0, 1):
            try:
                if self._conn is None:
                    self._conn = http.client.HTTPConnection(
                        self._target[0], self._target[1], timeout=self.timeout
                    )
                self._conn.request("POST", self._target[2], body, {"Content-Type": "application/json"})
                return json.loads(self._conn.getresponse().read())
            except (http.client.HTTPException, OSError):
                self._conn = None
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def _reply(self, method: str, params: list[Any]) -> dict[str, Any]:
        """The node's whole reply ({"result": ...} or {"error": ...}); no cache."""
        if method not in self.READ_ONLY:
            self._cache.clear()
        if self._target is None:
            return self._provider.web3.provider.make_request(method, params)
        self._id += 1
        return self._post({"jsonrpc": "2.0", "id": self._id, "method": method, "params": params})

    def request(self, method: str, params: list[Any]) -> Any:
        """The result of one request; an error reply raises RpcError."""
        key = json.dumps(params) if self._use_cache and method == "eth_call" else None
        if key is not None and key in self._cache:
            return self._cache[key]
        reply = self._reply(method, params)
        if "error" in reply:
            raise RpcError(method, reply["error"])
        if key is not None:
            self._cache[key] = reply["result"]
        return reply["result"]

    def batch(self, calls: Sequence[tuple[str, list[Any]]]) -> list[Any]:
        """Several requests in one batch (HTTP only; otherwise one by one): their results in
        order; any error reply raises RpcError."""
        if self._target is None:
            return [self.request(m, p) for m, p in calls]
        if any(m not in self.READ_ONLY for m, _p in calls):
            self._cache.clear()
        batch = []
        for method, params in calls:
            self._id += 1
            batch.append({"jsonrpc": "2.0", "id": self._id, "method": method, "params": params})
        replies = {r["id"]: r for r in self._post(batch)}
        out = []
        for req in batch:
            r = replies.get(req["id"], {"error": {"message": "no reply in batch"}})
            if "error" in r:
                raise RpcError(req["method"], r["error"])
            out.append(r["result"])
        return out

    def clear_cache(self) -> None:
        self._cache.clear()

    def prefetch_calls(self, calls: Sequence[dict[str, Any]]) -> None:
        """Runs many `eth_call`s (on the latest block) in one batch request and caches their
        results (cache=True over HTTP only; otherwise nothing to do)."""
        if self._target is None or not self._use_cache:
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

    def call_many(
        self, calls: Sequence[dict[str, Any]], block: str = "latest"
    ) -> list[tuple[bytes, Reverted | None]]:
        """Many `eth_call`s (`{"to", "data", "from"?}`) in one batch request (one by one on a
        non-HTTP provider): for each, (output, None) or (b"", the decoded revert)."""
        if self._target is None:
            return [self.call(c["to"], _bytes(c["data"]), c.get("from"), block) for c in calls]
        batch = []
        for c in calls:
            self._id += 1
            batch.append({"jsonrpc": "2.0", "id": self._id, "method": "eth_call", "params": [c, block]})
        replies = {r["id"]: r for r in self._post(batch)} if batch else {}
        out: list[tuple[bytes, Reverted | None]] = []
        for req in batch:
            r = replies[req["id"]]
            if "result" in r:
                out.append((_bytes(r["result"]), None))
                continue
            raw = r["error"].get("data") or "0x"
            if isinstance(raw, dict):
                raw = raw.get("data", "0x")
            out.append((b"", Reverted(*self.decode_error(_bytes(raw)))))
        return out

    # -------------------------------------------------------------- calls and transactions
    def call(
        self, to: str, data: bytes, sender: str | None = None, block: str = "latest", value: int = 0
    ) -> tuple[bytes, Reverted | None]:
        """eth_call: (output, None), or (b"", the decoded revert)."""
        tx: dict[str, Any] = {"to": to, "data": "0x" + data.hex()}
        if sender:
            tx["from"] = sender
        if value:
            tx["value"] = hex(value)
        try:
            return _bytes(self.request("eth_call", [tx, block])), None
        except RpcError as e:
            raw = e.error.get("data") or "0x"
        if isinstance(raw, dict):
            raw = raw.get("data", "0x")
        name, values = self.decode_error(_bytes(raw))
        return b"", Reverted(name, values)

    def send_transaction(self, tx: dict[str, Any]) -> dict[str, Any]:
        """eth_sendTransactionSync (anvil >= 1.4), else eth_sendTransaction and the receipt."""
        if not Rpc._no_sync:
            try:
                return self.request("eth_sendTransactionSync", [tx])
            except RpcError as e:
                if e.error.get("code") != METHOD_NOT_FOUND:
                    raise
                Rpc._no_sync = True
        return self.receipt(self.request("eth_sendTransaction", [tx]))

    def receipt(self, h: str) -> dict[str, Any]:
        """The receipt (Anvil's automine may answer eth_sendTransaction before the block is in)."""
        deadline = time.monotonic() + 60
        attempt = 0
        while (rcpt := self.request("eth_getTransactionReceipt", [h])) is None:
            if time.monotonic() > deadline:
                raise RpcError("eth_getTransactionReceipt", f"no receipt for {h}")
            attempt += 1
            time.sleep(min(0.0005 * attempt, 0.05))
        return rcpt

    def transact(
        self, to: str, data: bytes, sender: str, value: int = 0, simulate: bool = True
    ) -> tuple[Receipt | None, Reverted | None]:
        """Sends from `sender` (an unlocked or impersonated account): (receipt, None), or
        (None, the decoded revert). `simulate`: first run as an eth_call on the pending block, and
        send only when that succeeds."""
        tx: dict[str, Any] = {"from": sender, "to": to, "data": "0x" + data.hex()}
        if value:
            tx["value"] = hex(value)
        if simulate:
            _out, rev = self.call(to, data, sender, "pending", value)
            if rev is not None:
                return None, rev
        try:
            rcpt: dict[str, Any] | None = self.send_transaction({**tx, "gas": hex(self.gas)})
        except RpcError as e:
            if e.error.get("code") == METHOD_NOT_FOUND:
                raise
            rcpt = None
        if rcpt is None or int(rcpt["status"], 16) != 1:
            return None, self._failure(tx, rcpt)
        logs = [self.decode_log(x) for x in rcpt["logs"]]
        return Receipt(rcpt["transactionHash"], logs, int(rcpt["blockNumber"], 16)), None

    def _failure(self, tx: dict[str, Any], rcpt: dict[str, Any] | None) -> Reverted:
        """Why a sent transaction failed: its revert data from the call tracer, else the same
        transaction re-run as an eth_call on the latest block."""
        if rcpt is not None:
            try:
                trace = self.request(
                    "debug_traceTransaction", [rcpt["transactionHash"], {"tracer": "callTracer"}]
                )
                return Reverted(*self.decode_error(_bytes(trace.get("output") or "0x")))
            except RpcError:
                pass
        _out, rev = self.call(
            tx["to"], _bytes(tx["data"]), tx["from"], "latest", int(tx.get("value", "0x0"), 16)
        )
        return rev or Reverted("Unknown", {})


def _indexed(ev: Any) -> list[Any]:
    return [i for i in ev.inputs if i.indexed]


def _pattern(ev: Any) -> tuple[bool, ...]:
    return tuple(bool(i.indexed) for i in ev.inputs)


# ---------------------------------------------------------------------------------- contracts


class FastMethod:
    def __init__(self, contract: FastContract, abis: list[Any]) -> None:
        self.contract = contract
        self.abis = abis

    def _pick(self, n: int) -> Any:
        for abi in self.abis:
            if len(abi.inputs) == n:
                return abi
        raise TypeError(f"{self.abis[0].name}: no overload with {n} arguments")

    def encode_input(self, *args: Any) -> bytes:
        return self.contract._encode(self._pick(len(args)), args)

    def __call__(self, *args: Any, sender: Any = None, value: int = 0) -> Any:
        """A view without `sender`: its decoded output. Otherwise a transaction, simulated first:
        its Receipt; a revert raises UnexpectedRevert."""
        abi = self._pick(len(args))
        data = self.contract._encode(abi, args)
        rpc = self.contract.rpc
        if sender is None and abi.stateMutability in ("view", "pure"):
            out, rev = rpc.call(self.contract.address, data)
            if rev is not None:
                raise UnexpectedRevert(f"{abi.name}{args} reverted: {rev.name} {rev.values}")
            return decode_outputs(abi, out)
        rcpt, rev = rpc.transact(self.contract.address, data, address_of(sender), value)
        if rev is not None:
            raise UnexpectedRevert(f"{self.contract.name}.{abi.name}{args} reverted: {rev.name} {rev.values}")
        return rcpt


class FastContract:
    """Duck-typed stand-in for an Ape ContractInstance (views, transactions, `address`) over `rpc`."""

    def __init__(self, contract: Any, rpc: Rpc) -> None:
        self.contract = contract
        self.address: str = contract.address
        self.contract_type = contract.contract_type
        self.name: str = contract.contract_type.name or "?"
        self.rpc = rpc
        self._methods: dict[str, list[Any]] = {}
        for abi in contract.contract_type.abi:
            if abi.type == "function":
                self._methods.setdefault(abi.name, []).append(abi)
        self._selectors: dict[int, bytes] = {}
        self._encoded: dict[tuple[int, Any], bytes] = {}
        rpc.register([contract])

    def __getattr__(self, name: str) -> FastMethod:
        methods = self.__dict__.get("_methods", {})
        if name not in methods:
            raise AttributeError(name)
        return FastMethod(self, methods[name])

    def _encode(self, abi: Any, args: Sequence[Any]) -> bytes:
        values = _to_abi(list(args))
        key = (id(abi), _hashable(values))
        data = self._encoded.get(key)
        if data is None:
            sel = self._selectors.get(id(abi))
            if sel is None:
                sel = self._selectors[id(abi)] = _selector(abi)
            data = sel + abi_encode([_canonical(i) for i in abi.inputs], values)
            if len(self._encoded) > 100_000:
                self._encoded.clear()
            self._encoded[key] = data
        return data

    def call(self, name: str, *args: Any) -> Any:
        """The view `name` (same as `getattr(c, name)(*args)`)."""
        return getattr(self, name)(*args)

    def call_params(self, name: str, *args: Any) -> dict[str, Any]:
        """The eth_call parameters of a view call (for Rpc.prefetch_calls)."""
        return {"to": self.address, "data": "0x" + getattr(self, name).encode_input(*args).hex()}

    def send(self, name: str, *args: Any, sender: Any, value: int = 0) -> Receipt:
        """Sends `name(*args)` from `sender` without simulating it first (one request): the
        Receipt; a revert raises UnexpectedRevert with the decoded error."""
        data = getattr(self, name).encode_input(*args)
        rcpt, rev = self.rpc.transact(self.address, data, address_of(sender), value, simulate=False)
        if rev is not None:
            raise UnexpectedRevert(
                f"{self.name}.{name}{tuple(args)} from {address_of(sender)} reverted: {rev.name} {rev.values}"
            )
        assert rcpt is not None
        return rcpt


def address_of(who: Any) -> str:
    """An account or contract (anything with `.address`), or an address string -> the address."""
    return who if isinstance(who, str) else who.address


class EventDecoder:
    """(event name, arguments) of the logs of a receipt that the given contracts emitted."""

    def __init__(self, *contracts: Any) -> None:
        self._addresses = {c.address.lower() for c in contracts}

    def decode(self, receipt: Receipt) -> list[tuple[str, dict[str, Any]]]:
        return [
            (e.event_name, e.args)
            for e in receipt.events
            if e.event_name != "?" and e.contract_address.lower() in self._addresses
        ]


def fast_deployment(d: Deployment, rpc: Rpc) -> Deployment:
    """The same deployment with every contract (markets' tokens and feeds included) a FastContract."""

    def f(c: Any) -> Any:
        return FastContract(c, rpc) if c is not None else None

    return replace(
        d,
        usdc=f(d.usdc),
        pyth=f(d.pyth),
        vault=f(d.vault),
        oracle=f(d.oracle),
        amm=f(d.amm),
        clearing_house=f(d.clearing_house),
        insurance_fund=f(d.insurance_fund),
        liquidity_pool=f(d.liquidity_pool),
        viewer=f(d.viewer),
        markets={
            s: Market(m.symbol, f(m.base_token), f(m.chainlink), m.pyth_id) for s, m in d.markets.items()
        },
    )


def send_allowed(
    rpc: Rpc, contract: FastContract, method: str, *args: Any, sender: Any, allowed: Collection[str] = ()
) -> Receipt | Reverted:
    """Simulates then sends `contract.method(*args)` from `sender`: the Receipt, or the Reverted
    when it reverts with an error in `allowed`; any other revert raises UnexpectedRevert."""
    data = getattr(contract, method).encode_input(*args)
    rcpt, rev = rpc.transact(contract.address, data, address_of(sender))
    if rev is None:
        assert rcpt is not None
        return rcpt
    if rev.name not in allowed:
        raise UnexpectedRevert(f"{contract.name}.{method}{args} reverted: {rev.name} {rev.values}")
    return rev
