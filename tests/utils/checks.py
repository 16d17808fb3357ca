"""Assertions shared by several test files."""

from __future__ import annotations

from typing import Any

from eth_abi import encode as abi_encode
from eth_utils import keccak

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


def error_data(signature: str, *args: Any) -> bytes:
    """The revert data of custom error `signature` (e.g. "OnlyGuardian(address)") with `args`."""
    types = signature[:-1].split("(", 1)[1]
    return keccak(text=signature)[:4] + abi_encode(types.split(",") if types else [], list(args))


def call_revert(chain: Any, sender: str, to: str, data: bytes) -> bytes | None:
    """The revert data of an eth_call at the head block, its timestamp included (None: no
    revert). Cheaper than a reverted transaction (~0.1 s on Anvil, a trace) for many calls, and
    exact in time: a transaction runs at the pending timestamp, which follows the wall clock."""
    try:
        chain.provider.web3.eth.call({"from": sender, "to": to, "data": "0x" + data.hex()})
    except Exception as exc:  # web3's ContractCustomError / ContractLogicError carry .data
        return bytes.fromhex(str(getattr(exc, "data", "") or "").removeprefix("0x"))
    return None


def deployment_revert(chain, container, sender, *args) -> bytes:
    """The revert data of a deployment, by eth_call (Ape does not always decode a constructor's
    custom error)."""
    ctor = container.contract_type.constructor
    code = bytes.fromhex(container.contract_type.deployment_bytecode.bytecode.removeprefix("0x"))
    encoded = abi_encode([i.canonical_type for i in ctor.inputs], [getattr(a, "address", a) for a in args])
    try:
        chain.provider.web3.eth.call({"from": sender.address, "data": "0x" + (code + encoded).hex()})
    except Exception as exc:  # web3 raises ContractCustomError / ContractLogicError with .data
        return bytes.fromhex(str(exc.data).removeprefix("0x"))
    raise AssertionError("the deployment did not revert")
