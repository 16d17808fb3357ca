"""What an address file (deployments/<ecosystem>-<network>.json) records beside the addresses
(vperp.chain.deploy.save_deployment): where and from what the deployment was made (block range,
commit), and on a live network the external contracts with their sources, the explorer links and
each deployed contract's verification status."""

from __future__ import annotations

import subprocess
from typing import Any

from vperp.chain.config import ROOT
from vperp.chain.live import LiveNetwork
from vperp.chain.verify import Verification


def git_commit() -> str | None:
    """The repository's HEAD commit, with "-dirty" when the work tree has changes; None outside git."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return f"{head}-dirty" if dirty else head


def provenance(first_block: int, last_block: int) -> dict[str, Any]:
    """The blocks the deployment's transactions are in, and the code it was made from."""
    return {"block_number": first_block, "last_block_number": last_block, "commit": git_commit()}


def live_record(live: LiveNetwork, explorer: Any, verification: list[Verification] | None) -> dict[str, Any]:
    """The live-network part: external contracts (address, source, explorer link), the explorer
    and each deployed contract's verification (None: verification was not requested)."""

    def link(address: str) -> str | None:
        return explorer.get_address_url(address) if explorer else None

    return {
        "external": {
            c.name: {"address": c.address, "source": c.source, "explorer": link(c.address)}
            for c in live.external()
        },
        "sequencer_uptime_feed": live.sequencer_uptime_feed.address,
        "network_file": str(live.path.relative_to(ROOT))
        if live.path.is_relative_to(ROOT)
        else str(live.path),
        "explorer": getattr(explorer, "etherscan_uri", None),
        "verification": None if verification is None else [v.record() for v in verification],
    }
