"""`ape run deploy` to a testnet, offline: the script runs as a user runs it, with
`--network arbitrum:sepolia:<url>` (the live-network path: network file, preflight, keystore
deployer, explorer verification through ape-etherscan, address book) against a local Anvil that
has Arbitrum Sepolia's chain id, and a local stand-in for the Etherscan API (tests/utils/explorer.py)
that records every request. The stand-in fails one contract's verification: the script must exit
non-zero naming it, after writing the address book with every status.

The network file is a copy of config/networks/arbitrum-sepolia.yaml pointed at mocks deployed on
that Anvil (the real addresses have no code there); the real files are checked in
tests/unit/admin/test_network_files.py.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from eth_abi import encode
from eth_account import Account
from eth_utils import keccak, to_checksum_address

from utils.explorer import ExplorerStandIn, running_standin
from vperp.chain.config import ROOT
from vperp.chain.deploy import create_address

# One worker runs the whole module (one deploy run): set here, at collection, because the group
# tests/conftest.py adds in pytest_collection_modifyitems comes after pytest-xdist has read it.
pytestmark = pytest.mark.xdist_group("test_testnet_deploy")

CHAIN_ID = 421614
# Anvil's first two default accounts (public test keys): the deployer and the mocks' owner
DEPLOYER_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
DEPLOYER = Account.from_key(DEPLOYER_KEY).address
MOCKS_OWNER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
PASSPHRASE = "testnet-deploy-test"
FAILING = "InsuranceFund"  # the stand-in fails this contract's verification
MOCK_DESCRIPTION = "v0.8/tests/MockV3Aggregator.sol"  # Chainlink's MockV3Aggregator.description()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Rpc:
    def __init__(self, url: str) -> None:
        self.url = url

    def __call__(self, method: str, *params: Any) -> Any:
        reply = requests.post(
            self.url, json={"jsonrpc": "2.0", "id": 1, "method": method, "params": list(params)}
        )
        body = reply.json()
        assert "error" not in body, body
        return body["result"]

    def send(self, sender: str, data: bytes, to: str | None = None) -> dict[str, Any]:
        tx = {"from": sender, "data": "0x" + data.hex(), "gas": hex(8_000_000)}
        if to:
            tx["to"] = to
        txn_hash = self("eth_sendTransaction", tx)
        for _ in range(200):
            if rcpt := self("eth_getTransactionReceipt", txn_hash):
                break
            time.sleep(0.02)
        assert rcpt and int(rcpt["status"], 16) == 1, rcpt
        return rcpt


def _creation_code(project: Any, name: str, types: list[str], args: list[Any]) -> bytes:
    code = getattr(project, name).contract_type.deployment_bytecode.bytecode
    return bytes.fromhex(code.removeprefix("0x")) + encode(types, args)


def _deploy_mocks(project: Any, rpc: Rpc) -> dict[str, str]:
    """USDC, Pyth and two Chainlink feeds on the twin; the deployer gets the seeds in USDC."""
    out = {}
    for key, name, types, args in (
        ("usdc", "TestUSDC", [], []),
        ("pyth", "PythMock", ["uint256", "uint256"], [60, 1]),
        ("vETH", "ChainlinkAggregatorMock", ["uint8", "int256"], [8, 3_000 * 10**8]),
        ("vBTC", "ChainlinkAggregatorMock", ["uint8", "int256"], [8, 60_000 * 10**8]),
    ):
        rcpt = rpc.send(MOCKS_OWNER, _creation_code(project, name, types, args))
        out[key] = to_checksum_address(rcpt["contractAddress"])
    mint = keccak(text="mint(address,uint256)")[:4] + encode(["address", "uint256"], [DEPLOYER, 10**12])
    rpc.send(MOCKS_OWNER, mint, to=out["usdc"])
    return out


def _network_file(path: Path, mocks: dict[str, str]) -> Path:
    raw = yaml.safe_load((ROOT / "config" / "networks" / "arbitrum-sepolia.yaml").read_text())
    raw["usdc"]["address"] = mocks["usdc"]
    raw["pyth"]["address"] = mocks["pyth"]
    for symbol in ("vETH", "vBTC"):
        raw["markets"][symbol]["address"] = mocks[symbol]
        raw["markets"][symbol]["description"] = MOCK_DESCRIPTION
    path.write_text(yaml.safe_dump(raw))
    return path


class Miner:
    """Mines an empty block every `every` s: Ape waits for one confirmation on a live network."""

    def __init__(self, rpc: Rpc, every: float = 0.05) -> None:
        self.rpc, self.every = rpc, every
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self.stop.wait(self.every):
            try:
                self.rpc("evm_mine")
            except Exception:  # noqa: BLE001 - the node is going away
                return

    def __enter__(self) -> Miner:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


@pytest.fixture(scope="session")
def testnet_run(project, tmp_path_factory):
    """One `ape run deploy --network arbitrum:sepolia:<anvil>` with verification against the
    stand-in: (completed process, address book, stand-in, mocks, seconds). The run is the
    expensive part (~15-25 s on an idle machine), made once per worker."""
    anvil = shutil.which("anvil")
    if anvil is None:
        pytest.fail("anvil is not on PATH (make setup installs it in node_modules/.bin)")
    tmp = tmp_path_factory.mktemp("testnet")
    port = _free_port()
    node = subprocess.Popen(
        [anvil, "--chain-id", str(CHAIN_ID), "--port", str(port), "--silent"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    rpc = Rpc(url)
    alias = f"vperp-testnet-{os.getpid()}"
    keyfile = Path(os.environ.get("APE_DATA_FOLDER") or Path.home() / ".ape") / "accounts" / f"{alias}.json"
    try:
        for _ in range(100):
            try:
                assert int(rpc("eth_chainId"), 16) == CHAIN_ID
                break
            except requests.ConnectionError:
                time.sleep(0.05)
        mocks = _deploy_mocks(project, rpc)
        network_file = _network_file(tmp / "arbitrum-sepolia.yaml", mocks)
        keyfile.parent.mkdir(parents=True, exist_ok=True)
        keyfile.write_text(
            json.dumps(Account.encrypt(DEPLOYER_KEY, PASSPHRASE, kdf="pbkdf2", iterations=2))
        )  # fast to unlock
        standin = ExplorerStandIn(rpc_url=url, fail={FAILING})
        env = {
            **os.environ,
            "VPERP_NETWORK_CONFIG": str(network_file),
            "VPERP_DEPLOYMENTS_DIR": str(tmp / "deployments"),
            "VPERP_DEPLOYER": alias,
            f"APE_ACCOUNTS_{alias}_PASSPHRASE": PASSPHRASE,
            "ETHERSCAN_API_KEY": "test-api-key",
        }
        ape = str(Path(sys.executable).parent / "ape")
        with running_standin(standin) as server, Miner(rpc):
            env["VPERP_EXPLORER_API_URL"] = server.url
            t0 = time.monotonic()
            proc = subprocess.run(
                [ape, "run", "deploy", "--network", f"arbitrum:sepolia:{url}"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
                stdin=subprocess.DEVNULL,
            )
            seconds = time.monotonic() - t0
        (tmp / "deploy.log").write_text(_output(proc))  # kept for a failure's investigation
        book_path = tmp / "deployments" / "arbitrum-sepolia.json"
        book = json.loads(book_path.read_text()) if book_path.is_file() else None
        yield proc, book, standin, mocks, seconds
    finally:
        keyfile.unlink(missing_ok=True)
        node.terminate()
        node.wait(timeout=10)


def _output(proc: subprocess.CompletedProcess) -> str:
    return f"{proc.stdout}\n{proc.stderr}"


def test_a_failed_verification_fails_the_script_loudly(testnet_run):
    proc, book, _standin, _mocks, _seconds = testnet_run
    out = _output(proc)
    assert proc.returncode != 0, out[-3000:]
    assert "explorer verification failed for 1 of" in out, out[-3000:]
    assert f"{FAILING} {book['insurance_fund']}: ContractVerificationError: Unable to verify" in out, out[
        -3000:
    ]
    assert "Traceback" not in out, out[-3000:]  # a clear message, not a stack trace


def test_every_deployed_contract_is_submitted_with_its_exact_fields(testnet_run, project):
    proc, book, standin, mocks, _seconds = testnet_run
    assert book is not None, _output(proc)[-3000:]
    subs = {s["contractaddress"].lower(): s for s in standin.submissions()}
    # generic: every contract the deployer created is submitted (nonce 0 onwards on this chain)
    nonce = int(standin._rpc("eth_getTransactionCount", [DEPLOYER, "latest"]), 16)
    created = [a for a in (create_address(DEPLOYER, n) for n in range(nonce)) if _has_code(standin, a)]
    assert {a.lower() for a in created} == set(subs)
    protocol = [
        book["oracle"],
        *book["logic"].values(),
        book["clearing_house"],
        book["insurance_fund"],
        book["liquidity_pool"],
        book["viewer"],
        book["router"],
        book["position_nft"],
        book["liquidation_batcher"],
        *(m["base_token"] for m in book["markets"].values()),
        book["governance"]["token"],
        book["governance"]["timelock"],
        book["governance"]["governor"],
    ]
    assert {a.lower() for a in protocol} == set(subs)
    # the external contracts are the network file's, not deployed
    assert book["usdc"] == mocks["usdc"] and book["pyth"] == mocks["pyth"]
    assert not {mocks[k].lower() for k in mocks} & set(subs)

    for sub in standin.submissions():
        assert sub["module"] == "contract" and sub["action"] == "verifysourcecode"
        assert sub["apikey"] == "test-api-key"
        assert sub["codeformat"] == "solidity-standard-json-input"
        assert sub["compilerversion"] == "v0.8.28+commit.7893614a"
        assert sub["optimizationUsed"] == "1" and sub["runs"] == "20"
        assert sub["evmversion"] == "cancun"
        assert sub["licenseType"] == "3"  # MIT
        source_id, name = sub["contractname"].split(":")
        std = json.loads(sub["sourceCode"])
        assert std["language"] == "Solidity"
        assert std["settings"]["viaIR"] is True
        assert std["settings"]["optimizer"] == {"enabled": True, "runs": 20}
        assert std["settings"]["evmVersion"] == "cancun"
        assert source_id in std["sources"] and f"contract {name}" in std["sources"][source_id]["content"]
        assert getattr(project, name).contract_type.source_id == source_id

    # constructor arguments: exactly the ABI encoding of what the deploy passed
    def ctor(address: str) -> str:
        return subs[address.lower()]["constructorArguements"]

    deployer = book["deployer"]
    assert deployer == DEPLOYER
    logic = list(book["logic"].values())
    assert (
        ctor(book["clearing_house"])
        == encode(
            ["address", "address", "address[6]", "address"], [mocks["usdc"], book["oracle"], logic, deployer]
        ).hex()
    )
    assert ctor(book["oracle"]) == encode(["address", "address"], [mocks["pyth"], deployer]).hex()
    assert (
        ctor(book["liquidity_pool"])
        == encode(["address", "address", "address"], [mocks["usdc"], book["clearing_house"], deployer]).hex()
    )
    assert all(ctor(a) == encode(["address"], [book["oracle"]]).hex() for a in logic)
    assert (
        ctor(book["markets"]["vETH"]["base_token"])
        == encode(["string", "string"], ["Virtual Ether", "vETH"]).hex()
    )


def test_requests_carry_the_chain_and_status_is_polled_until_final(testnet_run):
    _proc, _book, standin, _mocks, _seconds = testnet_run
    assert standin.requests
    assert all(r.query.get("chainid") == str(CHAIN_ID) and r.path == "/v2/api" for r in standin.requests)
    assert all(r.method == "POST" for r in standin.requests if r.form)
    guids = [f"guid{i:04d}" for i in range(1, len(standin.submissions()) + 1)]
    polls = standin.polls()
    # the first submission answered "Pending in queue" once: polled again until it passed
    assert polls.count("guid0001") == 2
    assert all(polls.count(g) == 1 for g in guids[1:])
    # the creation transaction was looked up for each contract (its constructor arguments)
    looked_up = {r.query["address"].lower() for r in standin.requests if r.query.get("action") == "txlist"}
    assert looked_up == {s["contractaddress"].lower() for s in standin.submissions()}


def test_the_address_book_records_links_statuses_block_and_commit(testnet_run):
    proc, book, standin, mocks, _seconds = testnet_run
    assert book["network"] == "arbitrum:sepolia" and book["chain_id"] == CHAIN_ID
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    assert book["commit"].removesuffix("-dirty") == head
    assert 0 < book["block_number"] <= book["last_block_number"]
    assert book["explorer"] == "https://sepolia.arbiscan.io"
    assert book["sequencer_uptime_feed"] is None
    ext = book["external"]
    assert ext["USDC"] == {
        "address": mocks["usdc"],
        "source": "https://developers.circle.com/stablecoins/usdc-contract-addresses",
        "explorer": f"https://sepolia.arbiscan.io/address/{mocks['usdc']}",
    }
    assert ext["vETH Chainlink feed"]["address"] == mocks["vETH"]
    by_address = {v["address"].lower(): v for v in book["verification"]}
    assert set(by_address) == {s["contractaddress"].lower() for s in standin.submissions()}
    for address, v in by_address.items():
        assert v["url"].lower() == f"https://sepolia.arbiscan.io/address/{address}"
        if v["name"] == FAILING:
            assert v["status"] == "failed" and "Unable to verify" in v["error"]
        else:
            assert v["status"] == "verified" and "error" not in v
    assert by_address[book["insurance_fund"].lower()]["name"] == FAILING
    assert by_address[book["clearing_house"].lower()]["name"] == "ClearingHouse"


def _has_code(standin: ExplorerStandIn, address: str) -> bool:
    return standin._rpc("eth_getCode", [address, "latest"]) not in ("0x", "0x0")
