"""Assertions shared by several test files."""

from __future__ import annotations

from typing import Any


def one(tx: Any, event: Any) -> Any:
    """The one log of `event` in the receipt `tx` (asserts there is exactly one)."""
    logs = tx.events.filter(event)
    assert len(logs) == 1, logs
    return logs[0]
