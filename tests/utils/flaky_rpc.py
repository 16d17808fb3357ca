"""A flaky JSON-RPC proxy for the bots' fault tests (tests/integration/test_bots.py,
test_executor_bot.py): stdlib http.server in a thread, in front of the test node."""

from __future__ import annotations

import json
import random
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FlakyProxy:
    """A JSON-RPC proxy in front of the node (stdlib http.server, one thread per request). With
    probability `rate` a request gets one of: an HTTP 500, a JSON-RPC error reply, a dropped
    connection, a delay before forwarding, or a delay after forwarding (the node did the work, the
    client timed out first: the nasty case for a send). `hold_send`: an event set when an
    eth_sendRawTransaction arrives, whose reply is then held `hold_seconds`."""

    def __init__(self, upstream: str, rate: float = 0.2, delay: float = 0.6, seed: int = 7) -> None:
        self.upstream, self.rate, self.delay = upstream, rate, delay
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.methods: list[str] = []
        self.requests: list[dict] = []
        self.injected: dict[str, int] = {}
        self.send_seen = threading.Event()
        self.forced: dict[str, list[str]] = {}  # method -> faults to inject on its next requests
        self.hold_seconds = 0.0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_a):  # quiet
                pass

            def do_POST(self):  # noqa: N802  http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                req = json.loads(body)
                method = req.get("method", "batch") if isinstance(req, dict) else "batch"
                with proxy.lock:
                    proxy.methods.append(method)
                    proxy.requests.append(req)
                    fault = proxy.rng.random() < proxy.rate
                    kind = proxy.rng.choice(["http500", "rpc_error", "drop", "delay_before", "delay_after"])
                    if proxy.forced.get(method):
                        fault, kind = True, proxy.forced[method].pop(0)
                if fault:
                    proxy.injected[kind] = proxy.injected.get(kind, 0) + 1
                    if kind == "http500":
                        return self._reply(500, b"injected failure")
                    if kind == "rpc_error":
                        err = {
                            "jsonrpc": "2.0",
                            "id": req.get("id"),
                            "error": {"code": -32603, "message": "injected"},
                        }
                        return self._reply(200, json.dumps(err).encode())
                    if kind == "drop":
                        self.close_connection = True
                        return
                    if kind == "delay_before":
                        time.sleep(proxy.delay)
                out = proxy.forward(body)
                if method == "eth_sendRawTransaction":
                    proxy.send_seen.set()
                    if proxy.hold_seconds:
                        time.sleep(proxy.hold_seconds)
                if fault and kind == "delay_after":
                    time.sleep(proxy.delay)
                if fault and kind == "drop_after":  # the node did it; the reply is lost
                    self.close_connection = True
                    return
                self._reply(200, out)

            def _reply(self, code: int, data: bytes) -> None:
                try:
                    self.send_response(code)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def forward(self, body: bytes) -> bytes:
        """The node's reply; when the node is down, a JSON-RPC error (as a gateway would)."""
        req = urllib.request.Request(self.upstream, body, {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.read()
        except (urllib.error.URLError, OSError) as err:
            return json.dumps(
                {"jsonrpc": "2.0", "id": None, "error": {"code": -32099, "message": f"upstream: {err}"}}
            ).encode()

    def __enter__(self) -> FlakyProxy:
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.server.shutdown()
        self.server.server_close()
