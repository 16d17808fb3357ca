"""Indexer fixtures: the two backends (a SQLite file, and a fresh database on the real
PostgreSQL that tools/postgres.sh installs and starts; `make test` exports its URL as
VPERP_TEST_PG_URL, else the fixture runs the script itself), and `make_indexer` over the test
node (the Anvil Ape started) and the session's deployment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import create_engine, text

from vperp.chain import node
from vperp.chain.config import ROOT
from vperp.chain.node import NodeSettings
from vperp.chain.rpc import Rpc
from vperp.indexer.cli import INDEXED, contracts_of
from vperp.indexer.db import connect
from vperp.indexer.ingest import Indexer
from vperp.sim.traffic import prepare, trade_blocks, trader_addresses


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    url = os.environ.get("VPERP_TEST_PG_URL")
    if not url:
        url = subprocess.run(
            [str(ROOT / "tools" / "postgres.sh")], check=True, capture_output=True, text=True
        ).stdout.strip()
    return url


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A new, empty PostgreSQL database (dropped afterwards)."""
    name = f"vperp_idx_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    yield pg_admin_url.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'index.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def node_url(chain) -> str:
    return chain.provider.uri


@pytest.fixture(scope="session")
def abis(project) -> dict:
    return {
        name: [a.model_dump(mode="json", by_alias=True) for a in getattr(project, name).contract_type.abi]
        for _key, name in INDEXED
    }


@pytest.fixture(scope="session")
def deployment_addresses(stack) -> dict:
    return stack.addresses()


@pytest.fixture
def make_indexer(node_url, abis, deployment_addresses):
    """make_indexer(db_url, **options) -> Indexer over the session's deployment."""

    def make(url: str, rpc: Rpc | None = None, node: str | None = None, addresses: dict | None = None, **kw):
        return Indexer(
            connect(url),
            rpc or Rpc.from_url(node or node_url),
            contracts_of(addresses or deployment_addresses, abis),
            **kw,
        )

    return make


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_node(env: dict) -> subprocess.CompletedProcess:
    """`ape run node start` (scripts/node.py) in a subprocess with `env`."""
    ape = Path(sys.executable).parent / "ape"
    return subprocess.run(
        [str(ape), "run", "node", "start"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def busy_node(tmp_path_factory) -> Iterator[SimpleNamespace]:
    """A persistent node of its own (vperp.chain.node: no step tracing, bounded history, state in
    a temporary folder), started and deployed by `ape run node start`, then ~3,000 trades
    (vperp.sim.traffic). The session's test node runs with step tracing, which keeps ~6 MB a
    transaction: too much for this traffic."""
    root = tmp_path_factory.mktemp("node")
    env = {
        **os.environ,
        "VPERP_NODE_PORT": str(_free_port()),
        "VPERP_NODE_DIR": str(root / "node"),
        "VPERP_DEPLOYMENTS_DIR": str(root / "deployments"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("APE_FOUNDRY_HOST", None)
    settings = NodeSettings.from_env(env)
    started = start_node(env)
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        assert "deployed the stack on ethereum:local:node" in started.stdout
        dep = root / "deployments" / "ethereum-local-node.json"
        addresses = json.loads(dep.read_text())
        rpc = Rpc.from_url(settings.url)
        traders = trader_addresses(50, salt="busy-node")
        prepare(rpc, addresses, traders)
        trades = trade_blocks(rpc, addresses, traders, 60)
        yield SimpleNamespace(
            settings=settings,
            env=env,
            url=settings.url,
            deployment=dep,
            addresses=addresses,
            trades=trades,
            start=lambda: start_node(env),
        )
    finally:
        node.stop(settings)
