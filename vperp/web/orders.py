"""A trade from the trading page, planned: the SDK's quote from a fresh snapshot of the exchange
and the account (vperp.sdk.quote), and, when it passes, the ClearingHouse call that makes it
(the bound from the slippage tolerance), or the netted order that queues it (the netting engine
at the core's address: the quote's base at an acceptable price within the tolerance of the
mark). A deposit is a USDC permit (EIP-2612, signed for the core: eth_signTypedData_v4) and the
deposit. The dev wallet sends the calls itself; a browser wallet (EIP-1193) gets them to sign."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from eth_utils import to_checksum_address

from vperp.sdk.quote import Mode, Quote, quote_close, quote_trade
from vperp.sdk.state import read_account, read_exchange
from vperp.sdk.units import wad
from vperp.web.node import NodeReader, contract

FAR_DEADLINE = 2**63
PERMIT_DEADLINE = 3600  # seconds a permit stays valid
ORDER_SECONDS = 3600  # seconds a netted order stays valid


@dataclass(frozen=True)
class Planned:
    quote: Quote
    fn: str  # the ClearingHouse function
    args: tuple[Any, ...]
    what: str  # the trade in words ("opened long vETH")

    @property
    def ok(self) -> bool:
        return self.quote.ok


def _snapshot(node: NodeReader, account: str) -> Any:
    with node.lock:
        ex = read_exchange(node.ch, node.oracle, node.tokens)
        return ex, read_account(node.ch, to_checksum_address(account), ex)


def quote_open(node: NodeReader, account: str, symbol: str, side: str, notional: Decimal) -> Quote:
    ex, acct = _snapshot(node, account)
    return quote_trade(
        ex, acct, symbol, Mode.of(side, False), wad(notional), 0, {acct.address: "your account"}
    )


def plan_open(
    node: NodeReader, account: str, symbol: str, side: str, notional: Decimal, tolerance: Decimal
) -> Planned:
    q = quote_open(node, account, symbol, side, notional)
    params = (
        node.tokens[symbol],
        q.mode.is_base_to_quote,
        q.mode.is_exact_input,
        q.amount,
        q.bound(tolerance) if q.ok else 0,
        FAR_DEADLINE,
    )
    return Planned(q, "openPosition", (params,), f"opened {side} {symbol}")


def plan_close(node: NodeReader, account: str, symbol: str, tolerance: Decimal) -> Planned:
    ex, acct = _snapshot(node, account)
    q = quote_close(ex, acct, symbol, 0, {acct.address: "your account"})
    bound = q.bound(tolerance) if q.ok else 0
    return Planned(q, "closePosition", (node.tokens[symbol], bound, FAR_DEADLINE), f"closed {symbol}")


def calldata(node: NodeReader, p: Planned) -> bytes:
    return bytes(getattr(node.ch, p.fn).encode_input(*p.args))


def plan_queue(
    node: NodeReader, account: str, symbol: str, side: str, notional: Decimal, tolerance: Decimal
) -> Planned:
    """A netted order for the quote's base: queuePositionChange(base token, ±base, the mark
    ∓ the tolerance as the acceptable price, an hour from now, not reduce-only). The quote is
    the AMM's for the same trade (the batch nets it first: at most this impact)."""
    q = quote_open(node, account, symbol, side, notional)
    size = q.base if side == "long" else -q.base
    limit = Decimal(q.mark_before) * (1 + tolerance if side == "long" else 1 - tolerance)
    _block, now = node.head()
    params = (node.tokens[symbol], size, int(limit), now + ORDER_SECONDS, False)
    return Planned(q, "queuePositionChange", params, f"queued a netted {side} order in {symbol}")


def queue_calldata(node: NodeReader, p: Planned) -> bytes:
    return bytes(node.netting.queuePositionChange.encode_input(*p.args))


class Permits:
    """EIP-2612 permits of the collateral token (USDC) naming the core as spender."""

    def __init__(self, node: NodeReader, usdc: str, abis: Mapping[str, Sequence[Any]]) -> None:
        self.node = node
        self.usdc = contract(node.rpc, "TestUSDC", usdc, abis["TestUSDC"])

    def typed_data(self, owner: str, raw: int) -> dict[str, Any]:
        """The permit of `raw` USDC to the core, for eth_signTypedData_v4 (valid an hour)."""
        _block, now = self.node.head()
        with self.node.lock:
            # ERC-5267: the token's own EIP-712 domain (name, version, chain id, contract)
            _fields, name, version, chain_id, verifying, _salt, _ext = self.usdc.eip712Domain()
            nonce = int(self.usdc.nonces(owner))
        return {
            "types": {
                "EIP712Domain": [
                    {"name": "name", "type": "string"},
                    {"name": "version", "type": "string"},
                    {"name": "chainId", "type": "uint256"},
                    {"name": "verifyingContract", "type": "address"},
                ],
                "Permit": [
                    {"name": "owner", "type": "address"},
                    {"name": "spender", "type": "address"},
                    {"name": "value", "type": "uint256"},
                    {"name": "nonce", "type": "uint256"},
                    {"name": "deadline", "type": "uint256"},
                ],
            },
            "primaryType": "Permit",
            "domain": {
                "name": str(name),
                "version": str(version),
                "chainId": int(chain_id),
                "verifyingContract": to_checksum_address(str(verifying)),
            },
            "message": {
                "owner": to_checksum_address(owner),
                "spender": self.node.ch.address,
                "value": raw,
                "nonce": nonce,
                "deadline": now + PERMIT_DEADLINE,
            },
        }

    def deposit_calls(self, typed: Mapping[str, Any], signature: str) -> list[tuple[str, bytes]]:
        """(to, calldata) of the permit (with the owner's signature over `typed`) and the deposit."""
        sig = bytes.fromhex(signature.removeprefix("0x"))
        if len(sig) != 65:
            raise ValueError(f"a signature is 65 bytes, not {len(sig)}")
        v = sig[64] if sig[64] >= 27 else sig[64] + 27
        m = typed["message"]
        permit = self.usdc.permit.encode_input(
            m["owner"], m["spender"], int(m["value"]), int(m["deadline"]), v, sig[:32], sig[32:64]
        )
        deposit = self.node.ch.deposit.encode_input(int(m["value"]))
        return [(self.usdc.address, bytes(permit)), (self.node.ch.address, bytes(deposit))]
