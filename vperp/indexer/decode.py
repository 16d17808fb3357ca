"""Decoding of raw eth_getLogs entries into rows of the event tables, by string slicing of the
hex data (no eth-abi per log: ~2 µs a log instead of ~50 µs with checksummed addresses).

`Decoder(abis)` builds one plan per event topic from the contracts' ABIs (JSON ABI entries) for
the events of vperp.indexer.models.EVENTS: where each column comes from (a topic or a data word;
a static struct's fields are consecutive words; `bytes` follows its offset). `decode(log)` gives
the row: the log's place (LOG_COLUMNS) plus `event` and the argument columns, or None for a log
of an event the schema does not index. The few events with strings or arrays (the Governor's)
have their data decoded by eth-abi instead: a string as text, an array as a JSON list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from eth_abi import decode as abi_decode
from eth_utils import keccak

from vperp.indexer.models import EVENTS, TEXT_KINDS, arg_column, struct_column

_TWO_255 = 2**255
_TWO_256 = 2**256


def _canonical(inp: Mapping[str, Any]) -> str:
    t = inp["type"]
    if t.startswith("tuple"):
        return "(" + ",".join(_canonical(c) for c in inp["components"]) + ")" + t[5:]
    return t


def _kind(abi_type: str) -> str:
    if abi_type.endswith("[]"):
        inner = _kind(abi_type[:-2])
        if f"{inner}[]" not in TEXT_KINDS:
            raise ValueError(f"unsupported event argument type {abi_type}")
        return f"{inner}[]"
    if abi_type == "string":
        return "string"
    if abi_type == "address":
        return "address"
    if abi_type == "bool":
        return "bool"
    if abi_type == "bytes32":
        return "bytes32"
    if abi_type == "bytes":
        return "bytes"
    if abi_type.startswith("uint"):
        return "uint"
    if abi_type.startswith("int"):
        return "int"
    raise ValueError(f"unsupported event argument type {abi_type}")


def topic_of(abi: Mapping[str, Any]) -> str:
    sig = f"{abi['name']}({','.join(_canonical(i) for i in abi['inputs'])})"
    return "0x" + keccak(text=sig).hex()


def _text(kind: str, v: Any) -> Any:
    """A value eth-abi decoded, as its column holds it (TEXT_KINDS; bytes as hex)."""
    if kind == "string":
        return v
    return json.dumps(
        [("0x" + x.hex()) if isinstance(x, bytes) else (x.lower() if kind == "address[]" else x) for x in v]
    )


class Decoder:
    """Plans for every indexed event found in `abis` (iterables of JSON ABI entries)."""

    def __init__(self, abis: Iterable[Iterable[Mapping[str, Any]]]) -> None:
        self.plans: dict[str, tuple[str, int, list[tuple[str, str, int, str]]]] = {}
        # events with strings or arrays: the ABI types of their data, for eth-abi
        self.data_types: dict[str, list[str]] = {}
        for abi in abis:
            for entry in abi:
                if entry.get("type") != "event" or entry["name"] not in EVENTS:
                    continue
                topic = topic_of(entry)
                self.plans[topic] = self._plan(entry)
                if any(k in TEXT_KINDS for _c, _w, _p, k in self.plans[topic][2]):
                    self.data_types[topic] = [_canonical(i) for i in entry["inputs"] if not i.get("indexed")]

    @staticmethod
    def _plan(entry: Mapping[str, Any]) -> tuple[str, int, list[tuple[str, str, int, str]]]:
        items: list[tuple[str, str, int, str]] = []  # (column, "t"|"d", position, kind)
        topic = 1
        word = 0
        for inp in entry["inputs"]:
            if inp.get("indexed"):
                items.append((arg_column(entry["name"], inp["name"]), "t", topic, _kind(inp["type"])))
                topic += 1
            elif inp["type"] == "tuple":
                for comp in inp["components"]:
                    col = struct_column(entry["name"], inp["name"], comp["name"])
                    items.append((col, "d", word, _kind(comp["type"])))
                    word += 1
            else:
                items.append((arg_column(entry["name"], inp["name"]), "d", word, _kind(inp["type"])))
                word += 1
        return entry["name"], topic, items

    def decode(self, log: Mapping[str, Any], chain_id: int, timestamp: int) -> dict[str, Any] | None:
        topics = log["topics"]
        if not topics:
            return None
        plan = self.plans.get(topics[0])
        if plan is None or len(topics) != plan[1]:
            return None
        name, _n, items = plan
        data = log["data"]
        row: dict[str, Any] = {
            "event": name,
            "chain_id": chain_id,
            "block_number": int(log["blockNumber"], 16),
            "block_hash": log["blockHash"],
            "log_index": int(log["logIndex"], 16),
            "tx_hash": log["transactionHash"],
            "contract": log["address"].lower(),
            "timestamp": timestamp,
        }
        types = self.data_types.get(topics[0])
        if types is not None:
            values = abi_decode(types, bytes.fromhex(data[2:]))
            for col, where, pos, kind in items:
                if where == "t":
                    row[col] = self._word(topics[pos][2:], kind)
                else:
                    v = values[pos]
                    if kind in TEXT_KINDS:
                        row[col] = _text(kind, v)
                    elif kind in ("bytes", "bytes32"):
                        row[col] = "0x" + v.hex()
                    elif kind == "address":
                        row[col] = v.lower()
                    else:
                        row[col] = v
            return row
        for col, where, pos, kind in items:
            if where == "t":
                w = topics[pos][2:]
            else:
                start = 2 + 64 * pos
                w = data[start : start + 64]
            if kind == "address":
                row[col] = "0x" + w[24:].lower()
            elif kind == "uint":
                row[col] = int(w, 16)
            elif kind == "int":
                v = int(w, 16)
                row[col] = v - _TWO_256 if v >= _TWO_255 else v
            elif kind == "bool":
                row[col] = int(w, 16) != 0
            elif kind == "bytes32":
                row[col] = "0x" + w.lower()
            else:  # bytes: offset word, then length and content
                off = 2 + 2 * int(w, 16)
                length = int(data[off : off + 64], 16)
                row[col] = "0x" + data[off + 64 : off + 64 + 2 * length]
        return row

    @staticmethod
    def _word(w: str, kind: str) -> Any:
        """A topic (64 hex digits) of a static kind."""
        if kind == "address":
            return "0x" + w[24:].lower()
        if kind == "uint":
            return int(w, 16)
        if kind == "int":
            v = int(w, 16)
            return v - _TWO_256 if v >= _TWO_255 else v
        if kind == "bool":
            return int(w, 16) != 0
        return "0x" + w.lower()
