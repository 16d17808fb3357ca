"""EIP-712 signatures with the test accounts' keys (permits, delegations), written once."""

from __future__ import annotations

from typing import Any

from eth_account import Account
from eth_account.messages import encode_typed_data

DOMAIN = [
    {"name": "name", "type": "string"},
    {"name": "version", "type": "string"},
    {"name": "chainId", "type": "uint256"},
    {"name": "verifyingContract", "type": "address"},
]


def sign_typed(
    signer: Any, contract: Any, chain_id: int, primary: str, fields: list[tuple[str, str]], message: dict
) -> tuple[int, bytes, bytes]:
    """(v, r, s) of `signer` over `message` of type `primary` (`fields`: (name, type) in order),
    in the EIP-712 domain of `contract` (its `name()`, version "1", `chain_id`)."""
    data = {
        "types": {"EIP712Domain": DOMAIN, primary: [{"name": n, "type": t} for n, t in fields]},
        "primaryType": primary,
        "domain": {
            "name": contract.name(),
            "version": "1",
            "chainId": chain_id,
            "verifyingContract": contract.address,
        },
        "message": message,
    }
    sig = Account.sign_message(encode_typed_data(full_message=data), signer.private_key)
    return sig.v, sig.r.to_bytes(32, "big"), sig.s.to_bytes(32, "big")
