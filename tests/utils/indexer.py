"""The indexer's expected rows, decoded independently of its own decoder: every log of the given
contracts through eth-abi (vperp.chain.rpc.Rpc.decode_log, with the compiled ABIs), as the
event tables' columns (a struct flattened into its fields, an array as the JSON list the
indexer stores, bytes and addresses as lower-case hex)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from vperp.chain.rpc import Rpc
from vperp.indexer.models import EVENTS, arg_column, struct_column

CORE_KEYS = ("clearing_house", "oracle", "insurance_fund", "liquidity_pool")


def expected_rows(node_url: str, abis: dict, addresses: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Event name -> rows of every log the contracts at `addresses` emitted, in chain order."""

    class _Ct:
        def __init__(self, abi: list) -> None:
            from ethpm_types import ContractType

            self.contract_type = ContractType(abi=abi)

    rpc = Rpc.from_url(node_url, [_Ct(a) for a in abis.values()])
    logs = rpc.request(
        "eth_getLogs", [{"fromBlock": "0x0", "toBlock": "latest", "address": [a.lower() for a in addresses]}]
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for x in logs:
        log = rpc.decode_log(x)
        assert log.event_name in EVENTS, f"an emitted event the schema lacks: {log.event_name}"
        row: dict[str, Any] = {
            "block_number": int(x["blockNumber"], 16),
            "log_index": int(x["logIndex"], 16),
            "block_hash": x["blockHash"],
            "contract": x["address"].lower(),
        }
        for name, value in log.args.items():
            if isinstance(value, tuple) and hasattr(value, "_fields"):
                row.update(
                    {
                        struct_column(log.event_name, name, f): norm(v)
                        for f, v in zip(value._fields, value, strict=True)
                    }
                )
            else:
                row[arg_column(log.event_name, name)] = norm(value)
        out.setdefault(log.event_name, []).append(row)
    return out


def norm(v: Any) -> Any:
    if isinstance(v, list):
        return json.dumps([norm(x) for x in v])
    if isinstance(v, bytes):
        return "0x" + v.hex()
    if isinstance(v, str) and v.startswith("0x") and len(v) == 42:
        return v.lower()
    return v
