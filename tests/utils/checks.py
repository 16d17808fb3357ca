"""Assertions shared by several test files."""

from __future__ import annotations

from typing import Any

from utils.constants import ZERO


def one(tx: Any, event: Any) -> Any:
    """The one log of `event` in the receipt `tx` (asserts there is exactly one)."""
    logs = tx.events.filter(event)
    assert len(logs) == 1, logs
    return logs[0]


def zero_value(t: Any) -> Any:
    """The zero value of an ABI type (Ape's ABIType), for calls whose arguments do not matter."""
    kind = t.type
    if kind.endswith("]"):
        inner, n = kind[: kind.rindex("[")], kind[kind.rindex("[") + 1 : -1]
        item = zero_value(type(t)(name=None, type=inner, components=t.components))
        return [item] * int(n) if n else []
    if kind == "tuple":
        return tuple(zero_value(c) for c in t.components or [])
    if kind == "address":
        return ZERO
    if kind == "bool":
        return False
    if kind in ("bytes", "string"):
        return b"" if kind == "bytes" else ""
    if kind.startswith("bytes"):
        return b"\0" * int(kind[5:])
    return 0
