"""Decoded errors (vperp.sdk.errors): every custom error in the ABIs of the protocol's contracts
has a readable message with one unit per argument (so a new error cannot be forgotten), and real
reverts come back from the SDK as those messages, with their values in human units."""

from __future__ import annotations

from decimal import Decimal

import pytest
from eth_abi import encode as abi_encode
from eth_utils import keccak

from vperp.sdk import errors
from vperp.sdk.client import PerpClient
from vperp.sdk.units import ONE, wad

# test-only contracts; PythMock stays in: it carries Pyth's errors (PythErrors), which come back
# through PriceOracle.updatePythPrice from the real Pyth contract too
TEST_ONLY = {"BrokenFeed", "PerpMathHarness", "ReentrantUSDC", "ChainlinkAggregatorMock"}


def protocol_errors(project) -> dict[str, list]:
    """name -> ABIs of every error of every contract a deployment holds (the protocol's sources,
    TestUSDC, an OpenZeppelin ERC20, and Pyth's), not the test-only mocks and harnesses."""
    found: dict[str, list] = {}
    for name in project.contracts.keys():  # noqa: SIM118 (ContractManager is no dict)
        if name in TEST_ONLY:
            continue
        for err in project.contracts.get(name).errors:
            found.setdefault(err.name, []).append(err)
    return found


def test_every_error_has_a_message(project):
    found = protocol_errors(project)
    assert {"InsufficientFreeCollateral", "UtilisationTooHigh", "NoPythUpdate", "SurplusExceeded"} <= set(
        found
    )
    missing = sorted(set(found) - set(errors.MESSAGES))
    assert not missing, f"errors without a message in vperp/sdk/errors.py: {missing}"
    table = errors.error_abis(project.contracts.get(c) for c in project.contracts.keys())  # noqa: SIM118
    for name, abis in found.items():
        template, kinds = errors.MESSAGES[name]
        for abi in abis:
            assert len(kinds) == len(abi.inputs), f"{name}: {len(kinds)} units for {len(abi.inputs)} inputs"
            # every argument appears in the sentence, and the sentence formats from its ABI's data
            for i, kind in enumerate(kinds):
                assert f"{{{i}}}" in template or kind == errors.SELF, f"{name} leaves argument {i} out"
            values = [_sample(i.canonical_type) for i in abi.inputs]
            data = keccak(text=abi.selector)[:4] + abi_encode([i.canonical_type for i in abi.inputs], values)
            decoded_name, decoded = errors.decode(data, table)
            assert decoded_name == name
            text = errors.describe(name, decoded)
            assert "{" not in text and text


def _sample(t: str):
    if t == "address":
        return "0x" + "11" * 20
    if t == "bool":
        return True
    if t == "string":
        return "a string"
    if t == "bytes":
        return b"\x01" * 7
    if t.startswith("bytes"):
        return b"\x01" * int(t[5:])
    if t.startswith("int"):
        return -(2 ** (min(int(t[3:]), 64) - 2))
    return 2 ** (min(int(t[4:]), 64) - 1)  # fits uint8 .. uint256


def test_message_formats():
    assert (
        errors.describe("InsufficientFreeCollateral", ("0x" + "11" * 20, wad(1_200), wad("850.1234")))
        == "withdraw exceeds free collateral: asked 1,200.00 USDC, free 850.12"
    )
    eth = "0x" + "ab" * 20
    assert (
        errors.describe("PriceMoveTooLarge", (eth, wad(3_000), wad(3_080), 25_000), {eth: "vETH"})
        == "fluctuation limit: vETH would move from 3,000.00 to 3,080.00 in one block, more than 2.5%"
    )
    assert (
        errors.describe("OpenInterestCapExceeded", (eth, False, wad("5000.5"), wad(5_000)), {eth: "vETH"})
        == "open-interest cap of vETH (short): open interest would be 5,000.500000, cap 5,000.000000"
    )
    assert errors.describe("DeadlineExpired", (0, 86_400)) == (
        "deadline expired: 1970-01-01 00:00:00 UTC, now 1970-01-02 00:00:00 UTC"
    )
    assert errors.describe("SurplusExceeded", (2_000_000, 1_500_000, 10**6)) == (
        "insurance fund surplus exceeded: asked 2.00 USDC, available 1.50 (floor 1.00)"
    )
    assert errors.describe("NotAnError", (1, 2)) == "NotAnError(1, 2)"


def test_reverts_come_back_as_messages(stack, funded, alice, bob):
    """The SDK raises ProtocolError with the message, from Ape's own exception."""
    funded(alice, 1_000)
    c = PerpClient(stack, alice)
    with pytest.raises(errors.ProtocolError) as e:
        c.withdraw(1_200)
    assert e.value.name == "InsufficientFreeCollateral"
    assert str(e.value) == "withdraw exceeds free collateral: asked 1,200.00 USDC, free 1,000.00"
    c.long_quote("vETH", 5_000)
    free = Decimal(int(stack.clearing_house.getFreeCollateral(alice))) / ONE
    with pytest.raises(errors.ProtocolError, match=r"asked 900\.00 USDC, free ") as e:
        c.withdraw(900)
    assert str(e.value).endswith(f"free {free:,.2f}")
    with pytest.raises(errors.ProtocolError) as e:
        c.close("vBTC")
    assert str(e.value) == "your account has no position in vBTC"
    with pytest.raises(errors.ProtocolError) as e:
        funded(bob, 100)
        PerpClient(stack, bob).long_quote("vETH", 2)
    assert str(e.value).startswith("position too small in vETH: notional ")
    assert str(e.value).endswith(", minimum 10.00 USD")
    with pytest.raises(errors.ProtocolError) as e:
        c.lp_redeem(1)
    assert e.value.name == "ERC4626ExceededMaxRedeem"
    assert str(e.value) == "pool redemption too large for your account: 1.000000 shares, at most 0.000000"
    with pytest.raises(errors.ProtocolError) as e:
        c.deposit(10**9)
    assert e.value.name == "ERC20InsufficientBalance"
    assert str(e.value) == "your wallet holds 0.00 USDC, the deposit needs 1,000,000,000.00"
    # the token's own error, when sent anyway
    with pytest.raises(Exception) as raw:
        stack.vault.deposit(10**6, sender=alice)
    assert c.explain(raw.value).message == "your account holds 0 token units, needs 1000000"


def test_hex_revert_messages_decode(stack, client, alice):
    """Ape sometimes leaves a custom error as bare revert data: it is decoded all the same."""

    class Raw(Exception):
        revert_message = "0x" + keccak(text="NoPythUpdate()")[:4].hex()

    assert client(alice).explain(Raw()).message == "no Pyth update data given"
