"""One transaction's gas, slot by slot (issue 8): which storage slots, external accounts, logs and
compute make up `receipt.gas_used`.

Two jobs, one module:
- labels: the slot of every field of the core's state (CoreStorage.Layout at its ERC-7201 slot)
  and of the PriceOracle's, for the keys a caller knows (traders, base tokens, order ids),
  derived from the Solidity sources (struct members in declaration order, packed as solc packs
  them), so that a change of a struct moves the labels with it; the PriceOracle's own state
  variables are a hand table (ORACLE_STATE) after OpenZeppelin 5's Ownable (slot 0) and
  Ownable2Step (slot 1). tests/unit/gas pins computed slots against `eth_getStorageAt`.
- the walk: Anvil's `debug_traceTransaction` struct logs (stack on, memory and storage off),
  frame by frame (each depth's storage owner: the callee of a CALL/STATICCALL, the caller's
  owner under a DELEGATECALL), every SLOAD/SSTORE charged to (owner, slot), every call's own
  cost (its gas minus what its callee used: the 2,600 cold / 100 warm account access, memory
  expansion) and EXTCODE*/BALANCE to the account touched, LOGs to their event, the rest to
  compute in the code that ran it. Intrinsic gas (21,000) and calldata (16 per non-zero byte, 4
  per zero byte) are rows of their own; the refund (storage cleared) is the difference between
  that sum and `gas_used` (EIP-3529: at most a fifth of the gas), so the rows add up to the
  measured gas exactly (`account` asserts it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eth_utils import keccak

ROOT = Path(__file__).resolve().parents[2]
CORE_SOURCES = (
    "contracts/core/CoreStorage.sol",
    "contracts/core/DataTypes.sol",
    "contracts/libraries/Twap.sol",
    "interfaces/IPriceOracle.sol",
)
# PriceOracle's storage in declaration order: Ownable._owner, Ownable2Step._pendingOwner (plain
# slots in OpenZeppelin 5.1), ReentrancyGuardTransient (transient: none), then its own variables
# (constants and immutables take no slot)
ORACLE_STATE = (
    ("_owner", "address"),
    ("_pendingOwner", "address"),
    ("_feeds", "mapping(address baseToken => IPriceOracle.Feed)"),
    ("_twaps", "mapping(address baseToken => Twap.State)"),
    ("_lastIndex", "mapping(address baseToken => uint256)"),
    ("_sequencerFeed", "address"),
    ("_sequencerGracePeriod", "uint32"),
)
ORDER_IDS = 256  # order ids labelled per market (the netting scenario queues up to 211)
ARRAY_ITEMS = 16  # elements of a dynamic array labelled
INTRINSIC = 21_000
PRECOMPILES = {f"0x{i:040x}" for i in range(1, 11)}
CALLS = ("CALL", "STATICCALL", "DELEGATECALL", "CALLCODE")
ACCOUNT_OPS = ("BALANCE", "EXTCODESIZE", "EXTCODEHASH", "EXTCODECOPY")

# ------------------------------------------------------------------ storage layout


@dataclass(frozen=True)
class SolType:
    kind: str  # "value", "struct", "mapping", "array" (static), "dynarray"
    size: int = 32  # bytes (value types)
    name: str = ""  # struct
    key_type: str = ""  # mapping
    key_name: str = ""  # mapping: the key's declared name (which known keys to try)
    value: SolType | None = None  # mapping value, array element
    length: int = 0  # static array


@dataclass(frozen=True)
class Member:
    name: str
    type: SolType
    slot: int
    offset: int


class Layouts:
    """Struct declarations parsed from Solidity sources, laid out as solc lays out storage."""

    def __init__(self, sources: list[str], constants: dict[str, int] | None = None) -> None:
        self.structs: dict[str, list[tuple[str, str]]] = {}
        self.constants = dict(constants or {})
        for text in sources:
            text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
            text = re.sub(r"//[^\n]*", "", text)
            for m in re.finditer(
                r"uint256\s+(?:internal\s+|public\s+|private\s+)?constant\s+(\w+)\s*=\s*(\d+)", text
            ):
                self.constants.setdefault(m.group(1), int(m.group(2)))
            for m in re.finditer(r"\bstruct\s+(\w+)\s*\{([^}]*)\}", text):
                members = []
                for decl in m.group(2).split(";"):
                    decl = " ".join(decl.split())
                    if decl:
                        typ, _, name = decl.rpartition(" ")
                        members.append((name, typ))
                self.structs[m.group(1)] = members

    def parse(self, s: str) -> SolType:
        s = s.strip()
        if s.startswith("mapping"):
            inner = s[s.index("(") + 1 : s.rindex(")")]
            key, _, value = inner.partition("=>")
            key_type, _, key_name = key.strip().partition(" ")
            value = value.strip()
            if not value.startswith("mapping") and " " in value:
                value = value.split(" ")[0]  # a named value
            return SolType("mapping", key_type=key_type, key_name=key_name.strip(), value=self.parse(value))
        if s.endswith("]"):
            base, _, n = s[:-1].rpartition("[")
            elem = self.parse(base)
            if not n.strip():
                return SolType("dynarray", value=elem)
            n = n.strip()
            return SolType(
                "array", value=elem, length=int(n) if n.isdigit() else self.constants[n.split(".")[-1]]
            )
        word = s.split(" ")[0]
        if m := re.fullmatch(r"u?int(\d*)", word):
            return SolType("value", int(m.group(1) or 256) // 8)
        if m := re.fullmatch(r"bytes(\d+)", word):
            return SolType("value", int(m.group(1)))
        if word == "bool":
            return SolType("value", 1)
        name = word.split(".")[-1]
        if name in self.structs:
            return SolType("struct", name=name)
        return SolType("value", 20)  # address, a contract or interface type

    def slots(self, t: SolType) -> int:
        if t.kind == "struct":
            return self.struct_layout(t.name)[1]
        if t.kind == "array":
            assert t.value is not None
            if t.value.kind == "value":
                per = 32 // t.value.size
                return -(-t.length // per)
            return t.length * self.slots(t.value)
        return 1

    def struct_layout(self, name: str) -> tuple[list[Member], int]:
        return self.layout([(n, self.parse(t)) for n, t in self.structs[name]])

    def layout(self, members: list[tuple[str, SolType]]) -> tuple[list[Member], int]:
        out: list[Member] = []
        slot = off = 0
        for name, t in members:
            if t.kind == "value":
                if off + t.size > 32:
                    slot, off = slot + 1, 0
                out.append(Member(name, t, slot, off))
                off += t.size
            else:
                if off:
                    slot, off = slot + 1, 0
                out.append(Member(name, t, slot, 0))
                slot += self.slots(t)
        return out, slot + (1 if off else 0)

    # -------------------------------------------------------------- labels

    def labels(
        self,
        members: list[tuple[str, SolType]],
        base: int,
        root: str,
        keys: dict[str, list[tuple[bytes, str]]],
    ) -> dict[int, str]:
        """slot -> label for a contract's (or a namespace's) top-level members at `base`."""
        out: dict[int, str] = {}
        laid, _ = self.layout(members)
        for slot, label in self._members(laid, base, root, keys, top=True):
            out.setdefault(slot % 2**256, label)
        return out

    def _members(
        self, laid: list[Member], base: int, path: str, keys: dict[str, list[tuple[bytes, str]]], top: bool
    ) -> Iterator[tuple[int, str]]:
        n_slots = max((m.slot + self.slots(m.type) for m in laid), default=0)
        plain: dict[int, list[str]] = {}
        for m in laid:
            if m.type.kind == "value":
                plain.setdefault(m.slot, []).append(m.name)
            else:
                yield from self._expand(m.type, base + m.slot, m.name if top else f"{path}.{m.name}", keys)
        for slot, names in plain.items():
            tag = f"{path}.{slot}" if (top or n_slots > 1) else path
            yield base + slot, f"{tag} ({', '.join(names)})"

    def _expand(
        self, t: SolType, base: int, path: str, keys: dict[str, list[tuple[bytes, str]]]
    ) -> Iterator[tuple[int, str]]:
        if t.kind == "value":
            yield base, path
        elif t.kind == "struct":
            laid, _ = self.struct_layout(t.name)
            yield from self._members(laid, base, path, keys, top=False)
        elif t.kind == "mapping":
            assert t.value is not None
            for key, shown in _keys_for(t, keys):
                slot = int.from_bytes(keccak(key + base.to_bytes(32, "big")), "big")
                yield from self._expand(t.value, slot, f"{path}[{shown}]", keys)
        else:
            assert t.value is not None
            if t.kind == "dynarray":
                yield base, f"{path}.length"
                start, count = int.from_bytes(keccak(base.to_bytes(32, "big")), "big"), ARRAY_ITEMS
            else:
                start, count = base, t.length
            if t.value.kind == "value":
                per = 32 // t.value.size
                for j in range(-(-count // per)):
                    first, last = j * per, min(count, (j + 1) * per) - 1
                    yield start + j, f"{path}[{first}]" if per == 1 else f"{path}[{first}..{last}]"
            else:
                step = self.slots(t.value)
                for i in range(count):
                    yield from self._expand(t.value, start + i * step, f"{path}[{i}]", keys)


def _keys_for(t: SolType, keys: dict[str, list[tuple[bytes, str]]]) -> list[tuple[bytes, str]]:
    """The known keys of a mapping: by the key's declared name (baseToken, trader, orderId...),
    else every known key of its type."""
    if t.key_name in keys:
        return keys[t.key_name]
    return keys.get(t.key_type, [])


def read_sources(root: Path = ROOT) -> list[str]:
    return [(root / p).read_text() for p in CORE_SOURCES]


def core_slot(root: Path = ROOT) -> int:
    text = (root / "contracts/core/CoreStorage.sol").read_text()
    m = re.search(r"bytes32\s+internal\s+constant\s+SLOT\s*=\s*(0x[0-9a-fA-F]{64})", text)
    assert m, "CoreStorage.SLOT not found"
    return int(m.group(1), 16)


def key_sets(
    accounts: dict[str, str], base_tokens: dict[str, str], order_ids: int = ORDER_IDS
) -> dict[str, list[tuple[bytes, str]]]:
    """Mapping keys by declared key name / type: `accounts` (address -> name: traders, operators,
    contracts) and `base_tokens` (address -> symbol)."""

    def enc(a: str) -> bytes:
        return bytes.fromhex(a[2:].rjust(64, "0"))

    people = [(enc(a), n) for a, n in accounts.items()]
    bases = [(enc(a), s) for a, s in base_tokens.items()]
    ids = [(i.to_bytes(32, "big"), str(i)) for i in range(order_ids)]
    return {
        "baseToken": bases,
        "trader": people,
        "operator": people,
        "address": people + bases,
        "orderId": ids,
    }


def contract_labels(
    core: str, oracle: str, accounts: dict[str, str], base_tokens: dict[str, str], root: Path = ROOT
) -> dict[str, dict[int, str]]:
    """(storage owner address, lower case) -> slot -> label, for the core and the PriceOracle."""
    lay = Layouts(read_sources(root))
    keys = key_sets(accounts, base_tokens)
    core_members = [(n, lay.parse(t)) for n, t in lay.structs["Layout"]]
    oracle_members = [(n, lay.parse(t)) for n, t in ORACLE_STATE]
    return {
        core.lower(): lay.labels(core_members, core_slot(root), "layout", keys),
        oracle.lower(): lay.labels(oracle_members, 0, "state", keys),
    }


# ------------------------------------------------------------------ the walk


@dataclass(frozen=True)
class Row:
    label: str
    kind: str
    count: int
    gas: int


@dataclass
class SlotAccount:
    """One transaction's gas by row; sum(row.gas) == gas_used (the refund row is negative)."""

    gas_used: int
    execution: int  # gas the EVM spent (before the refund)
    refund: int
    rows: list[Row] = field(default_factory=list)


@dataclass
class _Slot:
    accesses: list[str] = field(default_factory=list)  # per access: cold read, warm read, ...
    gas: int = 0


def _int(v: Any) -> int:
    return int(v, 16) if isinstance(v, str) else int(v)


def _addr(word: Any) -> str:
    return "0x" + f"{_int(word):064x}"[-40:]


def calldata_gas(data: bytes) -> int:
    return sum(16 if b else 4 for b in data)


def account(
    logs: list[dict[str, Any]],
    *,
    sender: str,
    to: str,
    data: bytes,
    gas_limit: int,
    gas_used: int,
    coinbase: str = "",
    names: dict[str, str] | None = None,
    slot_labels: dict[str, dict[int, str]] | None = None,
    events: dict[int, str] | None = None,
) -> SlotAccount:
    """The rows of one call transaction from its struct logs (`stack` on). `names`: address ->
    contract/account name; `slot_labels`: owner -> slot -> label; `events`: topic0 -> event name."""
    names = {k.lower(): v for k, v in (names or {}).items()}
    slot_labels = slot_labels or {}
    events = events or {}
    to, sender = to.lower(), sender.lower()

    def name(a: str) -> str:
        return names.get(a, a)

    # accounts: warm from their first touch (a reverted frame's touches are not undone: the gas is
    # exact, only the cold/warm wording of such an account could be off)
    warm_accounts = {sender, to, coinbase.lower(), *PRECOMPILES}
    slots: dict[tuple[str, int], _Slot] = {}
    accounts: dict[str, _Slot] = {}
    other: dict[tuple[str, str], list[int]] = {}  # (label, kind) -> [count, gas]

    def add(label: str, kind: str, gas: int) -> None:
        e = other.setdefault((label, kind), [0, 0])
        e[0] += 1
        e[1] += gas

    def touch(a: str, gas: int, warm: bool) -> None:
        e = accounts.setdefault(a, _Slot())
        e.accesses.append("warm" if warm else "cold")
        e.gas += gas
        warm_accounts.add(a)

    frames: list[tuple[str, str]] = [(to, to)]  # per depth: (storage owner, code address)
    pending: list[tuple[int, int, bool]] = []  # calls awaiting their return: (step, depth, callee warm)
    for i, s in enumerate(logs):
        d = int(s["depth"])
        while pending and pending[-1][1] >= d:
            ci, _cd, was_warm = pending.pop()
            c = logs[ci]
            used = _int(c["gas"]) - _int(s["gas"])
            if i > ci + 1:  # a frame ran: take out what it used
                last = logs[i - 1]
                used -= _int(logs[ci + 1]["gas"]) - (_int(last["gas"]) - _int(last["gasCost"]))
            stack = c.get("stack") or []
            touch(_addr(stack[-2]), used, was_warm)
        del frames[d:]
        owner, code = frames[d - 1]
        op = s["op"]
        cost = _int(s.get("gasCost", 0))
        stack = s.get("stack") or []
        if op in CALLS:
            callee = _addr(stack[-2])
            pending.append((i, d, callee in warm_accounts))
            warm_accounts.add(callee)
            nxt = logs[i + 1] if i + 1 < len(logs) else None
            if nxt is not None and int(nxt["depth"]) == d + 1:
                frames.append((owner, callee) if op in ("DELEGATECALL", "CALLCODE") else (callee, callee))
        elif op in ("SLOAD", "SSTORE"):
            # cold or warm by the cost itself (EIP-2929/3529 prices are distinct), which stays
            # right where a reverted frame made a slot cold again
            key = (owner, _int(stack[-1]))
            if op == "SLOAD":
                kind = "cold read" if cost >= 2_100 else "warm read"
            else:
                cold = cost in (22_100, 5_000, 2_200)
                base = cost - (2_100 if cold else 0)
                if base >= 20_000:
                    kind = "write 0->non-zero"
                elif base >= 2_900:
                    kind = "clear" if _int(stack[-2]) == 0 else "rewrite"
                else:
                    kind = "warm write"
                if cold and kind == "warm write":
                    kind = "cold read"  # a cold no-op write: the read is what it costs
            e = slots.setdefault(key, _Slot())
            e.accesses.append(kind)
            e.gas += cost
        elif op in ACCOUNT_OPS:
            a = _addr(stack[-1])
            touch(a, cost, a in warm_accounts)
        elif op.startswith("LOG"):
            topic = _int(stack[-3]) if op != "LOG0" else None
            ev = "LOG0" if topic is None else events.get(topic, f"topic {topic:#x}")
            add(f"{ev} (emitted by {name(owner)})", "log", cost)
        elif op in ("TLOAD", "TSTORE"):
            add(f"TLOAD/TSTORE in {name(code)}", "compute", cost)
        else:
            add(f"compute in {name(code)}", "compute", cost)
    assert not pending, "a call never returned in the trace"

    first, last = logs[0], logs[-1]
    execution = _int(first["gas"]) - (_int(last["gas"]) - _int(last["gasCost"]))
    cd = calldata_gas(data)
    assert gas_limit - _int(first["gas"]) == INTRINSIC + cd, (
        f"intrinsic + calldata {INTRINSIC + cd:,} != gas limit - first step's gas"
        f" {gas_limit - _int(first['gas']):,} (access list or creation?)"
    )
    refund = INTRINSIC + cd + execution - gas_used
    assert 0 <= refund <= (INTRINSIC + cd + execution) // 5, f"refund {refund} out of EIP-3529 bounds"

    rows: list[Row] = [
        Row("intrinsic (21,000)", "intrinsic", 1, INTRINSIC),
        Row("calldata", "calldata", len(data), cd),
    ]
    for (owner, slot), e in slots.items():
        label = slot_labels.get(owner, {}).get(slot)
        where = name(owner)
        shown = label if label is not None else (f"slot {slot}" if slot < 2**32 else f"slot {slot:#066x}")
        rows.append(Row(f"{where}: {shown}", _slot_kind(e.accesses), len(e.accesses), e.gas))
    for a, e in accounts.items():
        cold = e.accesses.count("cold")
        warm = len(e.accesses) - cold
        kind = "external account" + (
            f" (cold{f' + {warm} warm' if warm else ''})" if cold else f" ({warm} warm)"
        )
        rows.append(Row(f"account {name(a)}", kind, len(e.accesses), e.gas))
    rows += [Row(label, kind, n, g) for (label, kind), (n, g) in other.items() if g]  # no 0-gas compute
    if refund:
        rows.append(Row("refund (storage cleared; gas_used minus the rows above)", "refund", 1, -refund))
    rows.sort(key=lambda r: (-r.gas, r.label))
    total = sum(r.gas for r in rows)
    assert total == gas_used, f"rows add up to {total:,}, gas used {gas_used:,}"
    return SlotAccount(gas_used, execution, refund, rows)


_RANK = ("write 0->non-zero", "clear", "rewrite", "cold read", "warm write", "warm read")


def _slot_kind(accesses: list[str]) -> str:
    """A slot's row: its costliest access, then the others folded in (a cold read before a write,
    the warm accesses)."""
    main = min(accesses, key=_RANK.index)
    rest = list(accesses)
    rest.remove(main)
    out = main
    if "cold read" in rest:
        rest.remove("cold read")
        out += "; cold read first"
    return out + (f"; +{len(rest)} warm" if rest else "")


def trace_transaction(
    provider: Any,
    txn_hash: str,
    *,
    names: dict[str, str] | None = None,
    slot_labels: dict[str, dict[int, str]] | None = None,
    events: dict[int, str] | None = None,
) -> SlotAccount:
    """`account` for a mined transaction, through the node (`debug_traceTransaction`)."""
    req = provider.make_request
    tx = req("eth_getTransactionByHash", [txn_hash])
    receipt = req("eth_getTransactionReceipt", [txn_hash])
    block = req("eth_getBlockByHash", [receipt["blockHash"], False])
    opts = {"disableMemory": True, "enableMemory": False, "disableStorage": True, "disableStack": False}
    logs = req("debug_traceTransaction", [txn_hash, opts])["structLogs"]
    data = tx.get("input") or tx.get("data") or "0x"
    return account(
        logs,
        sender=tx["from"],
        to=tx["to"],
        data=bytes.fromhex(data[2:]),
        gas_limit=_int(tx["gas"]),
        gas_used=_int(receipt["gasUsed"]),
        coinbase=block.get("miner") or "",
        names=names,
        slot_labels=slot_labels,
        events=events,
    )
