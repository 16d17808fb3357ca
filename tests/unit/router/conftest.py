"""Fixtures of the router and PositionNFT tests: the router, the NFT, the operator approvals (the
core seen as IOperatorApproval), EIP-2612 permits signed with the test accounts' keys, and
helpers to build trade parameters and router calldata."""

from __future__ import annotations

from typing import Any

import pytest
from eth_account import Account
from eth_account.messages import encode_typed_data

from utils.constants import FAR_DEADLINE
from vperp.chain.deploy import pyth_update_data

OPEN, CLOSE, ADD, REMOVE = 1, 2, 4, 8
ALL = OPEN | CLOSE | ADD | REMOVE


@pytest.fixture(scope="session")
def router(stack):
    return stack.router


@pytest.fixture(scope="session")
def nft(stack):
    return stack.position_nft


@pytest.fixture(scope="session")
def operators(stack):
    """The core as IOperatorApproval (approveOperator, revokeOperator, operatorActions)."""
    return stack.operators


@pytest.fixture
def params(eth):
    """params(is_base_to_quote, is_exact_input, amount, bound=0, deadline=FAR) -> the
    OpenPositionParams tuple for vETH (or `token`)."""

    def make(
        short: bool, exact_in: bool, amount: int, bound: int = 0, deadline: int = FAR_DEADLINE, token=None
    ):
        return ((token or eth).address, short, exact_in, amount, bound, deadline)

    return make


@pytest.fixture
def wallet(stack):
    """wallet(account, usdc_units): mints test USDC to `account`'s wallet (nothing deposited)."""

    def mint(account: Any, amount: int) -> None:
        stack.usdc.mint(account, amount, sender=account)

    return mint


@pytest.fixture
def sign_permit(stack, chain):
    """sign_permit(account, spender, value, deadline) -> (v, r, s): an EIP-2612 permit of the test
    USDC signed with `account`'s key."""

    def sign(account: Any, spender: str, value: int, deadline: int, nonce: int | None = None) -> tuple:
        usdc = stack.usdc
        message = {
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
                "name": usdc.name(),
                "version": "1",
                "chainId": chain.chain_id,
                "verifyingContract": usdc.address,
            },
            "message": {
                "owner": account.address,
                "spender": spender,
                "value": value,
                "nonce": int(usdc.nonces(account)) if nonce is None else nonce,
                "deadline": deadline,
            },
        }
        signed = Account.sign_message(encode_typed_data(full_message=message), account.private_key)
        return signed.v, signed.r.to_bytes(32, "big"), signed.s.to_bytes(32, "big")

    return sign


@pytest.fixture
def price_update(stack, chain):
    """price_update(price) -> ([update], fee): a Pyth update of vETH at `price`, published now."""

    def make(price: Any, symbol: str = "vETH") -> tuple[list[bytes], int]:
        data = pyth_update_data(stack, symbol, price, chain.pending_timestamp)
        return [data], int(stack.pyth.getUpdateFee([data]))

    return make


def calldata(contract: Any, method: str, *args: Any) -> bytes:
    """ABI-encoded call of `contract.method(*args)` (selector included)."""
    return bytes(getattr(contract, method).encode_input(*args))


@pytest.fixture(scope="session")
def mallory(accounts):
    """An attacker with no approval from anyone."""
    return accounts[6]
