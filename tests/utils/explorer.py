"""A local stand-in for an Etherscan (v2) API, for the deploy-and-verify tests: it records every
request it gets and answers the three calls ape-etherscan's verification makes:

- GET  module=account&action=txlist&address=A: the transaction that created A, read from the
  Anvil the deploy runs on (ape-etherscan takes the constructor arguments from its `input`);
- POST module=contract&action=verifysourcecode: a GUID per submission;
- GET  module=contract&action=checkverifystatus&guid=G: "Pending in queue" for the first poll of
  the first submission (so that polling is exercised), then "Pass - Verified", or
  "Fail - Unable to verify" for the contracts named in `fail`.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import requests


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]

    @property
    def fields(self) -> dict[str, str]:
        return {**self.query, **self.form}


@dataclass
class ExplorerStandIn:
    rpc_url: str  # the chain the contracts are deployed on
    fail: set[str] = field(default_factory=set)  # contract names whose verification fails
    requests: list[Request] = field(default_factory=list)
    _guids: dict[str, dict[str, str]] = field(default_factory=dict)
    _polls: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _rpc(self, method: str, params: list[Any]) -> Any:
        r = requests.post(self.rpc_url, json={"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
        return r.json()["result"]

    def _creation(self, address: str) -> dict[str, Any] | None:
        """The transaction that created `address` (Anvil answers Otterscan's ots_getContractCreator)."""
        creator = self._rpc("ots_getContractCreator", [address])
        return self._rpc("eth_getTransactionByHash", [creator["hash"]]) if creator else None

    def answer(self, req: Request) -> dict[str, Any]:
        f = req.fields
        action = f.get("action")
        if f.get("module") == "account" and action == "txlist":
            tx = self._creation(f["address"])
            if tx is None:
                return {"status": "0", "message": "No transactions found", "result": []}
            row = {
                "blockNumber": str(int(tx["blockNumber"], 16)),
                "hash": tx["hash"],
                "from": tx["from"],
                "to": "",
                "input": tx["input"],
                "contractAddress": f["address"].lower(),
                "isError": "0",
            }
            return {"status": "1", "message": "OK", "result": [row]}
        if f.get("module") == "contract" and action == "verifysourcecode":
            guid = f"guid{len(self._guids) + 1:04d}"
            self._guids[guid] = f
            return {"status": "1", "message": "OK", "result": guid}
        if f.get("module") == "contract" and action == "checkverifystatus":
            guid = f["guid"]
            if guid not in self._guids:
                return {"status": "0", "message": "NOTOK", "result": "Unknown UID"}
            self._polls[guid] = self._polls.get(guid, 0) + 1
            if guid == "guid0001" and self._polls[guid] == 1:
                return {"status": "0", "message": "NOTOK", "result": "Pending in queue"}
            name = self._guids[guid]["contractname"].split(":")[-1]
            if name in self.fail:
                return {"status": "0", "message": "NOTOK", "result": "Fail - Unable to verify"}
            return {"status": "1", "message": "OK", "result": "Pass - Verified"}
        return {"status": "0", "message": "NOTOK", "result": f"Error! stand-in: unexpected request {f}"}

    def handle(self, req: Request) -> dict[str, Any]:
        with self._lock:
            self.requests.append(req)
            return self.answer(req)

    def submissions(self) -> list[dict[str, str]]:
        """The fields of every verifysourcecode POST, in order."""
        return [r.form for r in self.requests if r.form.get("action") == "verifysourcecode"]

    def polls(self) -> list[str]:
        """The GUID of every checkverifystatus request, in order."""
        return [r.query["guid"] for r in self.requests if r.query.get("action") == "checkverifystatus"]


def _handler(standin: ExplorerStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _reply(self, form: dict[str, str]) -> None:
            url = urlparse(self.path)
            query = {k: v[-1] for k, v in parse_qs(url.query).items()}
            body = json.dumps(standin.handle(Request(self.command, url.path, query, form))).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self._reply({})

        def do_POST(self) -> None:  # noqa: N802
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            self._reply({k: v[-1] for k, v in parse_qs(raw, keep_blank_values=True).items()})

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


class running_standin:
    """Context manager: the stand-in served on 127.0.0.1 (a free port); `.url` is its API URL."""

    def __init__(self, standin: ExplorerStandIn) -> None:
        self.standin = standin
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(standin))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v2/api?chainid=421614"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> running_standin:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
