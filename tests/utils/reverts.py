"""Expected reverts, each helper and error set defined once.

- `reverts(error, **inputs)`: an Ape transaction must revert with custom error `error` and these
  input values (also when Ape cannot decode the error itself);
- `Protocol`: simulate-then-send access to a deployment through vperp.chain.rpc, where a revert
  must be one of the errors the caller allows (`Reverted`), else UnexpectedRevert;
- the error sets: OPEN_ERRORS / REDUCE_ERRORS (a trade, a reduce or close may legitimately meet,
  PROTOCOL.md section 5, Guards) and ATTACK_ERRORS (a coalition attacker's step may meet).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import Any

from ape.exceptions import ContractLogicError
from eth_abi import decode as abi_decode
from eth_utils import keccak, to_checksum_address

from vperp.chain.deploy import Deployment
from vperp.chain.rpc import FastContract, Reverted, Rpc, UnexpectedRevert, fast_deployment, send_allowed
from vperp.sdk.errors import ProtocolError

__all__ = [
    "ATTACK_ERRORS",
    "OPEN_ERRORS",
    "REDUCE_ERRORS",
    "Protocol",
    "Reverted",
    "UnexpectedRevert",
    "check_inputs",
    "decode_error",
    "norm",
    "reverts",
]

# Reverts a trade may legitimately meet (PROTOCOL.md section 5, Guards).
OPEN_ERRORS = frozenset(
    {
        "InsufficientMargin",
        "DustPosition",
        "PriceMoveTooLarge",
        "SpreadTooLarge",
        "OpenInterestCapExceeded",
        "AccountUnderWater",  # a flip realising more loss than the collateral, gains elsewhere
    }
)
# A reduce or close may also meet the spread band (a move away from the index beyond it) and the
# no-negative-equity rule (only a liquidation may realise a loss the account cannot pay).
REDUCE_ERRORS = frozenset({"DustPosition", "PriceMoveTooLarge", "SpreadTooLarge", "AccountUnderWater"})

# Every error an attacker's step may meet: a guard saying no is the expected outcome.
ATTACK_ERRORS = frozenset(
    {
        "InsufficientMargin",
        "DustPosition",
        "PriceMoveTooLarge",
        "SpreadTooLarge",
        "OpenInterestCapExceeded",
        "AccountUnderWater",
        "NotLiquidatable",
        "LiquidationBeyondBankruptcy",
        "NoPosition",
        "InsufficientFreeCollateral",
        "UtilisationTooHigh",
        "ERC4626ExceededMaxRedeem",
        "ERC4626ExceededMaxWithdraw",
        "KCostExceedsBudget",
        "InsufficientLiquidity",
        "InvalidReserves",
        "ZeroAmount",
    }
)


def norm(v: Any) -> Any:
    """An account or contract -> its address; anything else as is."""
    return v.address if hasattr(v, "address") else v


def decode_error(error: Any, data: bytes) -> dict[str, Any]:
    abi = error.abi
    sel = keccak(text=abi.selector)[:4]
    assert data[:4] == sel, f"expected {error.__name__} ({sel.hex()}), got 0x{data[:4].hex()}"
    values = abi_decode([i.canonical_type for i in abi.inputs], data[4:])
    return {
        i.name: to_checksum_address(v) if i.type == "address" else v
        for i, v in zip(abi.inputs, values, strict=True)
    }


def error_inputs(exc: Any, error: Any) -> dict[str, Any]:
    if type(exc).__name__ == error.__name__:
        return dict(getattr(exc, "inputs", {}) or {})
    msg = str(getattr(exc, "revert_message", ""))
    if msg.startswith("0x") and len(msg) >= 10:  # Ape left the revert data undecoded
        return decode_error(error, bytes.fromhex(msg[2:]))
    assert msg.startswith("custom error 0x"), f"expected {error.__name__}, got {type(exc).__name__}: {msg}"
    head, _, tail = msg.removeprefix("custom error 0x").partition(":")
    try:
        return decode_error(error, bytes.fromhex(head.strip() + tail.strip()))
    except ValueError:  # a view's revert: Ape puts the arguments' raw bytes after the colon
        return decode_error(error, bytes.fromhex(head.strip()) + tail.removeprefix(" ").encode("latin-1"))


def check_inputs(error: Any, actual: dict[str, Any], inputs: dict[str, Any]) -> None:
    for k, v in inputs.items():
        assert k in actual, f"{error.__name__} has no input {k!r} ({list(actual)})"
        assert actual[k] == norm(v), f"{error.__name__}.{k}: {actual[k]!r} != {norm(v)!r}"


@contextmanager
def reverts(error: Any, **inputs: Any) -> Iterator[None]:
    """Expects a revert with custom error `error` and exactly these input values."""
    try:
        yield
    except ContractLogicError as exc:
        check_inputs(error, error_inputs(exc, error), inputs)
    except ProtocolError as exc:  # the SDK's client decodes a revert into words, from Ape's exception
        assert exc.name == error.__name__, f"expected {error.__name__}, got {exc.name}: {exc}"
        cause = exc.__cause__
        assert isinstance(cause, ContractLogicError), f"{exc.name} without Ape's exception behind it"
        check_inputs(error, error_inputs(cause, error), inputs)
    else:
        raise AssertionError(f"expected a revert with {error.__name__}, nothing reverted")


class Protocol:
    """Simulate-then-send access to a deployment (`d`: fast proxies; `ape_d`: Ape contracts)."""

    def __init__(self, d: Deployment, chain: Any, owner: Any) -> None:
        self.ape_d = d
        self.chain = chain
        self.owner = owner
        contracts = [
            d.clearing_house,
            d.vault,
            d.amm,
            d.oracle,
            d.insurance_fund,
            d.liquidity_pool,
            d.usdc,
            d.pyth,
        ]
        contracts += [m.chainlink for m in d.markets.values()]
        self.rpc = Rpc(chain, contracts)
        self.d = fast_deployment(d, self.rpc)

    def send(
        self, contract: FastContract, method: str, *args: Any, sender: Any, allowed: Collection[str] = ()
    ) -> Any:
        """Runs `contract.method(*args)` from `sender`: the receipt, or `Reverted` when it reverts
        with an error in `allowed`; any other revert raises UnexpectedRevert."""
        return send_allowed(self.rpc, contract, method, *args, sender=sender, allowed=allowed)
