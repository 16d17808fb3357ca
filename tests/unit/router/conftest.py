"""Fixtures of the router and PositionNFT tests: the router, the NFT, the operator approvals (the
core seen as IOperatorApproval), EIP-2612 permits signed with the test accounts' keys, and
helpers to build trade parameters and router calldata."""

from __future__ import annotations

from typing import Any

import pytest

from utils.constants import FAR_DEADLINE
from utils.signing import sign_typed
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
        fields = [
            ("owner", "address"),
            ("spender", "address"),
            ("value", "uint256"),
            ("nonce", "uint256"),
            ("deadline", "uint256"),
        ]
        message = {
            "owner": account.address,
            "spender": spender,
            "value": value,
            "nonce": int(stack.usdc.nonces(account)) if nonce is None else nonce,
            "deadline": deadline,
        }
        return sign_typed(account, stack.usdc, chain.chain_id, "Permit", fields, message)

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
