"""`make up` (tools/up.sh) end to end, on ports and folders of its own: the node starts and
deploys, the bots start on it, the indexer follows it, the dashboard answers with indexed data;
Ctrl-C (SIGINT to the process group, as a terminal sends it) stops the dashboard, the indexer, the
bots and the node it started."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import threading
import time
import urllib.request

import pytest

from integration.web.conftest import free_port
from vperp.chain import node
from vperp.chain.config import ROOT
from vperp.chain.node import NodeSettings


def test_up_starts_everything_and_ctrl_c_stops_it(tmp_path):
    web_port = free_port()
    env = {
        **os.environ,
        "VPERP_NODE_PORT": str(free_port()),
        "VPERP_NODE_DIR": str(tmp_path / "node"),
        "VPERP_DEPLOYMENTS_DIR": str(tmp_path / "deployments"),
        "VPERP_INDEXER_DB": f"sqlite:///{tmp_path / 'index.sqlite'}",
        "WEB_PORT": str(web_port),
        "VPERP_UP_LOGS": str(tmp_path / "logs"),
    }
    env.pop("APE_FOUNDRY_HOST", None)
    settings = NodeSettings.from_env(env)
    p = subprocess.Popen(
        [str(ROOT / "tools" / "up.sh")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in p.stdout], daemon=True).start()  # type: ignore[union-attr]
    out: list[str] = []

    def until(text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not any(text in x for x in out):
            assert time.monotonic() < deadline, f"no {text!r} in:\n{''.join(out)}"
            try:
                out.append(lines.get(timeout=1))
            except queue.Empty:
                assert p.poll() is None or not lines.empty(), f"up.sh ended:\n{''.join(out)}"

    url = f"http://127.0.0.1:{web_port}"
    try:
        until(f"vperp dashboard on {url}/", 300)
        deadline = time.monotonic() + 60
        while True:  # the deployment's seed deposit into the pool, once the indexer has it
            with urllib.request.urlopen(f"{url}/pool", timeout=10) as r:
                assert r.status == 200
                if b"<td>deposit</td>" in r.read():
                    break
            assert time.monotonic() < deadline, "the indexer never indexed the pool's seed deposit"
            time.sleep(1)
        with urllib.request.urlopen(f"{url}/markets/vETH", timeout=10) as r:
            assert r.status == 200
        for bot in ("keeper", "funding", "executor"):  # each bot's runner started on the node
            deadline = time.monotonic() + 60
            log = tmp_path / "logs" / f"up-{bot}.log"
            while not (log.is_file() and f" {bot} start " in log.read_text()):
                assert time.monotonic() < deadline, (
                    f"{bot} did not start: {log.read_text() if log.is_file() else ''}"
                )
                time.sleep(0.5)
        os.killpg(p.pid, signal.SIGINT)  # Ctrl-C
        assert p.wait(90) == 130
        until("node stopped", 5)
        until("stopped\n", 5)
        assert not node.is_up(settings.url)
        with pytest.raises(OSError):
            urllib.request.urlopen(f"{url}/", timeout=2)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
            p.wait(30)
        node.stop(settings)
