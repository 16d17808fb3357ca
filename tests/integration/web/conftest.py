"""Browser-test fixtures: the indexer test's scenario (trades, funding, an LP, a liquidation with
bad debt: tests/integration/indexer/test_events.run_scenario) run once for the module, indexed into
SQLite, the dashboard served from a thread, and headless Chromium driven by playwright.

Chromium is Debian's package (playwright cannot download its own browser here): tools/chromium.sh
installs it when missing and prints its path; `make test` exports it as VPERP_CHROMIUM, and the
fixture runs the script itself when unset. Every page visited records its console errors and the
requests it made: a request to anything other than 127.0.0.1 is aborted and recorded."""

from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from integration.indexer.conftest import (  # noqa: F401 (fixtures)
    abis,
    deployment_addresses,
    node_url,
    pg_admin_url,
    pg_url,
)
from integration.indexer.test_events import run_scenario
from vperp.bots.keeper import KeeperStrategy
from vperp.bots.runner import KeySigner, Log, Options, Runner
from vperp.bots.runner import abis_from_build as bot_abis
from vperp.chain.config import ROOT
from vperp.chain.rpc import Rpc
from vperp.indexer.cli import abis_from_build, contracts_of
from vperp.indexer.db import connect
from vperp.indexer.ingest import Indexer
from vperp.web.context import make_dashboard
from vperp.web.server import Background

# every run writes its screenshots to reports/web/latest/ (git-ignored, so a test run leaves the
# clone clean); `make screenshots` writes the committed ones the README shows (reports/web/)
SCREENSHOTS = ROOT / os.environ.get("VPERP_SCREENSHOT_DIR", "reports/web/latest")


def chromium_path() -> str:
    path = os.environ.get("VPERP_CHROMIUM")
    if not path:
        path = subprocess.run(
            [str(ROOT / "tools" / "chromium.sh")], check=True, capture_output=True, text=True
        ).stdout.strip()
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Visit:
    page: Page
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), headless=True)
        yield b
        b.close()


def keeper_bot(url: str, keeper: Any, deployment: dict[str, Any]) -> Runner:
    """The liquidation keeper (vperp.bots.keeper) for one round, signing with the keeper
    account's key: it finds the liquidatable accounts with the Viewer and liquidates them."""
    return Runner(
        KeeperStrategy(),
        url,
        KeySigner(keeper.private_key),
        deployment,
        bot_abis(),
        Options(rounds=1, poll=0.05),
        Log("keeper", stream=open(os.devnull, "w")),  # noqa: SIM115
    )


@pytest.fixture(scope="module")
def web(
    stack,
    chain,
    cfg,
    owner,
    funded,
    set_price,
    alice,
    bob,
    carol,
    keeper,
    node_url,  # noqa: F811
    deployment_addresses,  # noqa: F811
    pg_admin_url,  # noqa: F811 (session-scoped: set up before this module's state, for Ape's isolation)
    tmp_path_factory,
) -> Iterator[SimpleNamespace]:
    """The scenario on the test node, indexed into SQLite, and the dashboard (with the dev wallet)
    on a free port."""
    bot = keeper_bot(node_url, keeper, deployment_addresses)
    run_scenario(stack, chain, cfg, owner, funded, set_price, alice, bob, carol, keeper, lambda: bot.run())
    db = f"sqlite:///{tmp_path_factory.mktemp('web') / 'index.sqlite'}"
    dashboard = make_dashboard(
        connect(db), node_url, deployment_addresses, abis_from_build(), dev_wallet=True
    )
    idx = Indexer(
        dashboard.engine, Rpc.from_url(node_url), contracts_of(deployment_addresses, abis_from_build())
    )
    idx.sync()
    server = Background(dashboard, free_port())
    try:
        yield SimpleNamespace(
            url=server.url, dashboard=dashboard, indexer=idx, stack=stack, keeper_log=bot.log
        )
    finally:
        server.stop()
        dashboard.engine.dispose()


def open_page(
    browser: Browser, url: str, before: Callable[[BrowserContext], None] | None = None
) -> tuple[BrowserContext, Visit]:
    """A new context and page at `url` (network idle), recording its console errors and its
    requests; a request to anything other than 127.0.0.1 is aborted and recorded."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    if before is not None:
        before(ctx)  # e.g. an injected wallet
    page = ctx.new_page()
    v = Visit(page)
    page.on("console", lambda m: v.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: v.console_errors.append(f"page error: {e}"))

    def route(r: Any) -> None:
        u = r.request.url
        v.requests.append(u)
        if urlparse(u).hostname != "127.0.0.1":
            v.blocked.append(u)
            r.abort()
        else:
            r.continue_()

    page.route("**/*", route)
    resp = page.goto(url, wait_until="networkidle")
    assert resp is not None and resp.ok, f"{url}: HTTP {resp.status if resp else '?'}"
    return ctx, v


@pytest.fixture
def visit(web, browser) -> Iterator[Any]:
    """visit(path, before=None) -> Visit: the dashboard's page (open_page); `before(context)`
    runs first."""
    contexts = []

    def go(path: str, before: Callable[[BrowserContext], None] | None = None) -> Visit:
        ctx, v = open_page(browser, web.url + path, before)
        contexts.append(ctx)
        return v

    yield go
    for ctx in contexts:
        ctx.close()


def screenshot(v: Visit, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    v.page.screenshot(path=str(path), full_page=True)
    return path
