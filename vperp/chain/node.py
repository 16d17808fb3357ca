"""The persistent local node: one long-lived Anvil in the background that the demo, the bots and
the indexer attach to (`make node` / `make node-stop`).

Ape's own Anvil (ape-foundry, `foundry: host: auto`) lives as long as one `ape run` and always
runs with `--steps-tracing` (about 6 MB kept per transaction). This node runs without step
tracing and with a bounded state history (`--prune-history N`: at most N historical states in
memory), and keeps its chain across restarts: `--dump-state` writes it on exit (and every
`--state-interval` seconds), `--load-state` reads it back at the next start. Blocks, receipts
and logs are kept (no `--transaction-block-keeper`): the indexer reads the whole history.

Settings (environment): VPERP_NODE_HOST (127.0.0.1), VPERP_NODE_PORT (8645), VPERP_NODE_DIR
(.node/ in the repository: state.json, anvil.pid, anvil.log), VPERP_NODE_PRUNE (16 states),
VPERP_NODE_STATE_INTERVAL (60 s), VPERP_NODE_BLOCK_KEEPER (0: keep every block; N: only the last N
blocks with transactions, for flat memory when nothing reads old logs). Ape attaches with `APE_FOUNDRY_HOST=<url>` and
`--network ethereum:local:foundry` (ape-foundry connects to a running Anvil at that host instead
of starting one); `vperp.chain.network.network_name` then names the deployment
`ethereum:local:node` (deployments/ethereum-local-node.json).

`python -m vperp.chain.node start|stop|status|url` (no Ape needed); `ape run node` starts it and
deploys the stack when the chain has none.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from vperp.chain.config import ROOT

NODE_NETWORK = "ethereum:local:node"  # the deployment's network name on the persistent node
TEST_MNEMONIC = "test test test test test test test test test test test junk"  # ape-config.yaml `test:`
DEFAULT_PORT = 8645


@dataclass(frozen=True)
class NodeSettings:
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    directory: Path = ROOT / ".node"
    prune_history: int = 16  # historical states kept in memory (reports/node-memory.md)
    state_interval: int = 60  # seconds between state dumps (and one on exit)
    block_keeper: int = 0  # >0: keep only the last N blocks with transactions (flat memory, no old logs)
    accounts: int = 10
    balance_ether: int = 1_000_000  # ape-config.yaml foundry.balance (1e24 wei)
    hardfork: str = "cancun"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> NodeSettings:
        e = os.environ if env is None else env
        return cls(
            host=e.get("VPERP_NODE_HOST", cls.host),
            port=int(e.get("VPERP_NODE_PORT", cls.port)),
            directory=Path(e.get("VPERP_NODE_DIR", str(cls.directory))),
            prune_history=int(e.get("VPERP_NODE_PRUNE", cls.prune_history)),
            state_interval=int(e.get("VPERP_NODE_STATE_INTERVAL", cls.state_interval)),
            block_keeper=int(e.get("VPERP_NODE_BLOCK_KEEPER", cls.block_keeper)),
        )

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def state_file(self) -> Path:
        return self.directory / "state.json"

    @property
    def pid_file(self) -> Path:
        return self.directory / "anvil.pid"

    @property
    def log_file(self) -> Path:
        return self.directory / "anvil.log"


def anvil_binary() -> str:
    """The native anvil of the npm package (node_modules/.bin/anvil is a node wrapper: signals
    sent to it would not reach the node, so its state would not be dumped)."""
    arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)
    native = ROOT / "node_modules" / "@foundry-rs" / f"anvil-linux-{arch}" / "bin" / "anvil"
    if native.is_file():
        return str(native)
    found = shutil.which("anvil")
    if found is None:
        raise SystemExit("anvil not found: run `make setup` (npm @foundry-rs/anvil)")
    return found


def anvil_command(s: NodeSettings) -> list[str]:
    """The node's command line: Ape's test accounts, no step tracing, bounded state history,
    state loaded at start when a dump exists and dumped on exit and periodically."""
    cmd = [
        anvil_binary(),
        "--host",
        s.host,
        "--port",
        str(s.port),
        "--mnemonic",
        TEST_MNEMONIC,
        "--accounts",
        str(s.accounts),
        "--balance",
        str(s.balance_ether),
        "--hardfork",
        s.hardfork,
        "--block-base-fee-per-gas",
        "0",
        "--gas-price",
        "0",
        "--dump-state",
        str(s.state_file),
        "--state-interval",
        str(s.state_interval),
    ]
    if s.prune_history > 0:  # 0: Anvil's default (older states go to disk, unbounded): comparisons only
        cmd += ["--prune-history", str(s.prune_history)]
    if s.block_keeper > 0:  # the indexer can then no longer read logs older than that
        cmd += ["--transaction-block-keeper", str(s.block_keeper)]
    if s.state_file.is_file() and s.state_file.stat().st_size > 0:
        cmd += ["--load-state", str(s.state_file)]
    return cmd


def rpc(url: str, method: str, params: list | None = None, timeout: float = 5) -> object:
    """One JSON-RPC request (no Ape): the result; an error reply raises RuntimeError."""
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or []}).encode()
    req = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        reply = json.loads(r.read())
    if "error" in reply:
        raise RuntimeError(f"{method}: {reply['error']}")
    return reply["result"]


def is_up(url: str) -> bool:
    try:
        return isinstance(rpc(url, "web3_clientVersion", timeout=2), str)
    except OSError:
        return False


def read_pid(s: NodeSettings) -> int | None:
    """The recorded pid when that process is alive (reaped first when it is our own exited child)."""
    try:
        pid = int(s.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return None  # our child, exited: now reaped
    except ChildProcessError:
        pass  # not our child (started by an earlier command)
    try:
        os.kill(pid, 0)
    except OSError:
        return None
    return pid


def rss_mb(pid: int) -> float:
    """Resident memory of a process (Linux /proc), MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start(s: NodeSettings, timeout: float = 60) -> tuple[int, bool]:
    """Starts the node in the background unless it runs already: (pid, started now). Raises
    SystemExit when something else answers on the port or Anvil does not come up."""
    pid = read_pid(s)
    if pid is not None and is_up(s.url):
        return pid, False
    if is_up(s.url):
        raise SystemExit(f"{s.url} already answers but is not this node (no live pid in {s.pid_file})")
    s.directory.mkdir(parents=True, exist_ok=True)
    log = s.log_file.open("ab")
    proc = subprocess.Popen(
        anvil_command(s),
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    s.pid_file.write_text(f"{proc.pid}\n")
    deadline = time.monotonic() + timeout
    while not is_up(s.url):
        if proc.poll() is not None:
            raise SystemExit(f"anvil exited with {proc.returncode}; see {s.log_file}")
        if time.monotonic() > deadline:
            proc.kill()
            raise SystemExit(f"anvil did not answer on {s.url} within {timeout} s; see {s.log_file}")
        time.sleep(0.1)
    restore_clock(s)
    return proc.pid, True


def _latest_timestamp(url: str) -> int:
    block = rpc(url, "eth_getBlockByNumber", ["latest", False])
    return int(block["timestamp"], 16) if isinstance(block, dict) else 0


def restore_clock(s: NodeSettings) -> None:
    """Anvil's --load-state brings back the accounts and the blocks but not the clock: its next
    block takes the wall-clock time, before the loaded head when the chain had travelled forward
    (the demo's governance vote moves it days ahead), so that a netting window or a price pushed
    at the later time would lie in the future. The next block is moved to one second after the
    head (Anvil keeps that offset for the blocks after it); nothing is mined here."""
    head = _latest_timestamp(s.url)
    if head >= int(time.time()):
        rpc(s.url, "evm_setNextBlockTimestamp", [head + 1])


def stop(s: NodeSettings, timeout: float = 120) -> bool:
    """Stops the node with SIGTERM (Anvil dumps its state on the way out) and waits for it: True
    when a node was running."""
    pid = read_pid(s)
    if pid is None:
        s.pid_file.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while read_pid(s) is not None:
        if time.monotonic() > deadline:
            raise SystemExit(f"anvil (pid {pid}) still running {timeout} s after SIGTERM")
        time.sleep(0.1)
    s.pid_file.unlink(missing_ok=True)
    return True


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    cmd = args[0] if args else "status"
    s = NodeSettings.from_env()
    if cmd == "start":
        pid, new = start(s)
        print(f"node {'started' if new else 'already running'}: {s.url} (pid {pid}, state {s.state_file})")
    elif cmd == "stop":
        print(f"node stopped; state in {s.state_file}" if stop(s) else "node was not running")
    elif cmd == "status":
        pid = read_pid(s)
        up = is_up(s.url)
        block = int(str(rpc(s.url, "eth_blockNumber")), 16) if up else None
        print(f"node {s.url}: {'up' if up else 'down'}, pid {pid}, block {block}")
        return 0 if up else 1
    elif cmd == "url":
        print(s.url)
    else:
        print("usage: python -m vperp.chain.node start|stop|status|url", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
