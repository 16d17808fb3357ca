"""Proposal metadata: the CID is what `ipfs add --cid-version 1` gives for a single block,
checked against fixed values and an independent encoder; the document lists the calls in words;
a proposal that gives a privileged role to an EOA says so in its metadata, description and status."""

from __future__ import annotations

import hashlib
import json

import pytest

from vperp.chain.governance import TIMELOCK_ROLES
from vperp.governance.cid import CHUNK_SIZE, DocumentTooLarge, cid_v1_raw
from vperp.governance.metadata import Call, Metadata
from vperp.governance.proposals import State, load_proposal, status

B32 = "abcdefghijklmnopqrstuvwxyz234567"


def independent_cid(data: bytes) -> str:
    """CIDv1 built by hand: <0x01 version><0x55 raw><0x12 sha2-256><0x20 length><digest>, then
    RFC 4648 base32 by bit-shifting (no library encoder), lower case, no padding, prefix 'b'."""
    raw = bytes([0x01, 0x55, 0x12, 0x20]) + hashlib.sha256(data).digest()
    bits = "".join(f"{byte:08b}" for byte in raw)
    bits += "0" * (-len(bits) % 5)
    return "b" + "".join(B32[int(bits[i : i + 5], 2)] for i in range(0, len(bits), 5))


# A known document: the metadata of a one-call proposal, built from fixed values.
KNOWN = Metadata(
    title="Raise vETH maintenance margin to 7%",
    summary="MMR 6.25% -> 7%, IMR unchanged.",
    calls=[
        Call(
            target="0x" + "11" * 20,
            contract="ClearingHouse",
            function="setGuardian",
            args={"guardian_": "0x" + "22" * 20},
            calldata=bytes.fromhex("8a0dac4a" + "00" * 12 + "22" * 20),
        )
    ],
    links=["https://example.org/forum/1"],
)
KNOWN_CID = "bafkreia66mkmzvbanvzecwydwbjxuuj7wtrn2vbdgewka66wqvt7cq5ax4"


def test_cid_of_known_bytes():
    # ipfs add --cid-version 1 of an empty file and of "hello world" (no newline)
    assert cid_v1_raw(b"") == "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"
    assert cid_v1_raw(b"hello world") == "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e"
    for data in (b"", b"hello world", bytes(range(256)) * 4):
        assert cid_v1_raw(data) == independent_cid(data)


def test_cid_of_a_known_document(tmp_path):
    body = KNOWN.to_bytes()
    assert json.loads(body)["calls"][0]["words"] == (
        "call ClearingHouse.setGuardian(guardian_=0x" + "22" * 20 + ") at 0x" + "11" * 20
    )
    assert independent_cid(body) == KNOWN.cid() == KNOWN_CID
    path = KNOWN.write(tmp_path)
    assert path.name == f"{KNOWN_CID}.json" and path.read_bytes() == body
    assert KNOWN.description().endswith(f"Metadata: ipfs://{KNOWN_CID}")


def test_one_block_at_most():
    assert cid_v1_raw(b"x" * CHUNK_SIZE) == independent_cid(b"x" * CHUNK_SIZE)
    with pytest.raises(DocumentTooLarge):
        cid_v1_raw(b"x" * (CHUNK_SIZE + 1))


def test_a_privileged_role_to_an_eoa_is_flagged_in_words(gov, accounts):
    eoa = accounts[4].address
    calls = [
        {
            "contract": "GovernanceTimelock",
            "function": "grantRole",
            "args": [TIMELOCK_ROLES["PROPOSER_ROLE"], eoa],
        },
        {"contract": "ClearingHouse", "function": "transferOwnership", "args": [eoa]},
        {"contract": "ClearingHouse", "function": "setGuardian", "args": [eoa]},
        # to a contract: not flagged
        {"contract": "PriceOracle", "function": "transferOwnership", "args": ["GovernanceTimelock"]},
    ]
    p = gov.propose(calls, "Hand the keys to an EOA")
    expected = [
        f"GovernanceTimelock.grantRole gives PROPOSER_ROLE of GovernanceTimelock to {eoa}, an externally owned account",
        f"ClearingHouse.transferOwnership gives the ownership (every owner-only function) to {eoa}, an externally owned account",
        f"ClearingHouse.setGuardian gives the guardian role (pauses opening) to {eoa}, an externally owned account",
    ]
    assert p.warnings == expected
    doc = json.loads((gov.folder / f"{p.cid}.json").read_text())
    assert doc["warnings"] == expected
    assert doc["calls"][3]["words"].startswith(
        f"call PriceOracle.transferOwnership(newOwner={gov.timelock.address}) at {gov.d.oracle.address}"
    )
    assert all(f"WARNING: {w}" in p.description for w in expected)
    again = load_proposal(p.id, gov.folder)
    assert again == p
    st = status(gov.governor, p.id, gov.now(), again.warnings)
    assert st.state == State.Pending
    assert all(f"WARNING: {w}" in st.line() for w in expected)
