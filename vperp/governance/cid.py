"""IPFS CIDv1 of a single-block document, computed offline.

`ipfs add --cid-version 1 FILE` stores a file of at most one chunk (256 KiB) as one raw block
(CIDv1 implies raw leaves), so its CID is: multibase base32 ('b', RFC 4648 lower case, no
padding) of <version 1><codec raw 0x55><multihash: sha2-256 0x12, length 32, digest>, i.e.
`bafkrei...`."""

from __future__ import annotations

import base64
import hashlib

CHUNK_SIZE = 262_144  # kubo's default chunker: size-262144
CID_VERSION = 0x01
RAW_CODEC = 0x55
SHA2_256 = 0x12


class DocumentTooLarge(ValueError):
    """A document over one chunk would be a DAG-PB root, not a raw block."""


def cid_v1_raw(data: bytes) -> str:
    """The CIDv1 (raw codec, sha2-256, base32) of `data`, as `ipfs add --cid-version 1`."""
    if len(data) > CHUNK_SIZE:
        raise DocumentTooLarge(f"{len(data)} bytes > {CHUNK_SIZE}: not a single raw block")
    digest = hashlib.sha256(data).digest()
    raw = bytes([CID_VERSION, RAW_CODEC, SHA2_256, len(digest)]) + digest
    return "b" + base64.b32encode(raw).decode("ascii").lower().rstrip("=")
