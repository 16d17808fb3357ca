"""What every request of the dashboard reads from: the indexer's database, the node, and the
deployment (its addresses and markets)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from vperp.chain.config import ROOT
from vperp.indexer.cli import abis_from_build
from vperp.indexer.db import connect
from vperp.web.devwallet import DevWallet
from vperp.web.node import NodeReader


@dataclass
class Dashboard:
    engine: Engine
    node: NodeReader
    deployment: dict[str, Any]
    wallet: DevWallet | None = None  # the trading page's local dev wallet (off unless asked for)
    proposals_dir: Path = ROOT / "proposals"  # governance metadata documents (<cid>.json)

    @property
    def symbols(self) -> list[str]:
        return list(self.deployment["markets"])

    def token(self, symbol: str) -> str:
        return str(self.deployment["markets"][symbol]["base_token"])

    def symbol_of(self, token: str | None) -> str:
        for s, m in self.deployment["markets"].items():
            if token and m["base_token"].lower() == token.lower():
                return s
        return token or ""

    @property
    def has_governance(self) -> bool:
        return bool(self.deployment.get("governance"))


def make_dashboard(
    engine: Engine, rpc_url: str, deployment: dict[str, Any], abis: dict[str, Any], dev_wallet: bool = False
) -> Dashboard:
    node = NodeReader(rpc_url, deployment, abis)
    return Dashboard(engine, node, deployment, DevWallet(node, deployment, abis) if dev_wallet else None)


def open_dashboard(
    db_url: str,
    rpc_url: str,
    deployment_path: Path,
    dev_wallet: bool = False,
    build: Path = ROOT / ".build" / "__local__.json",
) -> Dashboard:
    """The database (migrated to the newest schema, like the indexer does), the node's reader
    with the compiled ABIs, the deployment file, and the dev wallet when asked for (it refuses
    any node but a local Anvil)."""
    deployment = json.loads(Path(deployment_path).read_text())
    d = make_dashboard(connect(db_url), rpc_url, deployment, abis_from_build(build), dev_wallet)
    if d.wallet is not None:
        d.wallet.check()
    return d
