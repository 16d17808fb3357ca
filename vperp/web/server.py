"""Serving the dashboard: `serve(...)` (the command line, `python -m vperp.web` and
`ape run web`: prints the URL, Ctrl-C or SIGTERM stops it) and `Background` (the app on a
uvicorn server in a thread, for the tests and the load measurement)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import uvicorn

from vperp.web.app import create_app
from vperp.web.context import Dashboard, open_dashboard


class _Server(uvicorn.Server):
    """uvicorn's server, calling `on_started` once it listens (so the URL printed answers)."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None] | None = None) -> None:
        super().__init__(config)
        self.on_started = on_started

    async def startup(self, sockets: Any = None) -> None:
        await super().startup(sockets)
        if self.started and self.on_started is not None:
            self.on_started()


def _server(
    dashboard: Dashboard, host: str, port: int, on_started: Callable[[], None] | None = None
) -> uvicorn.Server:
    config = uvicorn.Config(
        create_app(dashboard), host=host, port=port, log_level="warning", access_log=False
    )
    return _Server(config, on_started)


def serve(
    *,
    db_url: str,
    rpc_url: str,
    deployment_path: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    dev_wallet: bool = False,
    echo: Callable[[str], None] = print,
) -> None:
    dashboard = open_dashboard(db_url, rpc_url, deployment_path, dev_wallet)
    message = f"vperp dashboard on http://{host}:{port}/ (node {rpc_url}, index {dashboard.engine.url!r}; Ctrl-C stops)"
    # printed once the server listens; uvicorn handles SIGINT and SIGTERM: a clean shutdown
    _server(dashboard, host, port, lambda: echo(message)).run()
    dashboard.engine.dispose()


class Background:
    """The app on 127.0.0.1:`port` in a daemon thread: `url`, `stop()`."""

    def __init__(self, dashboard: Dashboard, port: int, host: str = "127.0.0.1") -> None:
        self.url = f"http://{host}:{port}"
        self.server = _server(dashboard, host, port)
        self.thread = threading.Thread(target=self.server.run, name="vperp-web", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the dashboard did not start on {self.url}")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m vperp.web", description="the vperp web dashboard")
    p.add_argument(
        "--db", required=True, help="the indexer's database URL (sqlite:///... or postgresql+psycopg://...)"
    )
    p.add_argument("--rpc", required=True, help="node URL, e.g. http://127.0.0.1:8645")
    p.add_argument("--deployment", required=True, type=Path, help="deployments/<network>.json")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--dev-wallet", action="store_true", help="trading page signs with the local Anvil's test accounts"
    )
    a = p.parse_args(argv)
    serve(
        db_url=a.db,
        rpc_url=a.rpc,
        deployment_path=a.deployment,
        host=a.host,
        port=a.port,
        dev_wallet=a.dev_wallet,
        echo=lambda m: print(m, flush=True),
    )
    return 0
