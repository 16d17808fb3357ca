"""`ape run governance local-demo`: deploys the governed stack on its own local node and runs one
proposal (config/proposals/raise-veth-mmr.yaml) end to end with time travel, in under a minute."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from vperp.chain.config import ROOT


def test_local_demo_runs_one_full_proposal(tmp_path: Path) -> None:
    ape = Path(sys.executable).parent / "ape"
    t0 = time.monotonic()
    out = subprocess.run(
        [
            str(ape),
            "run",
            "governance",
            "local-demo",
            "--network",
            "ethereum:local:foundry",
            "--folder",
            str(tmp_path),
        ],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    elapsed = time.monotonic() - t0
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert elapsed < 60
    states = [
        line.split(": ")[1].split(";")[0] for line in out.stdout.splitlines() if line.startswith("proposal ")
    ]
    assert states == ["Pending", "Active", "Succeeded", "Queued", "Executed"]
    assert len(list(tmp_path.glob("bafkrei*.json"))) == 1
