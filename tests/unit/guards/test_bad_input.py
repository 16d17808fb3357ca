"""Bad-input sweep: every external function of every protocol contract rejects bad input with a
custom error, never a panic, a string, an empty revert or an unknown selector (security issue:
"each gives a custom error, never a panic").

Built from the ABIs, so that a new function, argument or struct field is swept without touching
this file. For every function (views included) and every argument position (struct fields and
array elements included) each special value of the argument's type is substituted while the other
arguments keep a sensible baseline:

- uintN: 0, 1, 2^(N-1), 2^N-1;  intN: min, -1, 0, 1, max;  bool: both;
- address: address(0) and an unknown address; a market argument (baseToken, ...) also an unlisted
  BaseToken and a BaseToken that has an oracle feed but is not listed;
- bytesN: zero, all ones;  bytes / string: empty, garbage;  T[]: empty, one element of each of T's
  specials.

Baselines: markets -> vETH; trader / account -> a funded trader with a position in each market
(the liquidation entries take an account that is liquidatable); owner / receiver / to / from /
spender -> the caller; an argument named like a getter of the contract (`guardian_`,
`minPositionNotional_`, ...) -> the getter's current value; amounts -> modest valid values;
structs -> OpenPositionParams with vETH, 100 USD and a far deadline, MarketParams from the
config, the oracle's Feed of vETH; Pyth update data -> a valid update.

Each case is an eth_call (nothing changes) from three senders: the owner (every privileged path),
the funded trader (paths past the balance and position checks) and a stranger (no role, no
balance), against a state where a funding epoch is due and one account is liquidatable. A call
may succeed or revert with an error declared in the project's compiled ABIs (OpenZeppelin's,
Pyth's and the mocks' errors are in them through inheritance and wrapping); anything else is an
offender, listed with the frame that raised it (debug_traceCall). Empty revert data is excused
only where a named mock raised it (EMPTY_REVERT_FROM_MOCK). A state-changing call that succeeds
with address(0), or with a market that is not listed, is an offender too unless that meaning is
documented (ACCEPTED_ZERO_OK, ACCEPTED_MARKET_OK). Every offender of a contract is listed in one
failure message; `pytest -s` also prints the number of calls per contract.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest
from eth_abi import encode as abi_encode
from eth_utils import keccak, to_checksum_address
from ethpm_types import ContractType

from utils.constants import FAR_DEADLINE, ZERO
from vperp.chain.deploy import market_params
from vperp.chain.rpc import ERROR_STRING, PANIC, FastContract, Rpc, RpcError
from vperp.sdk.units import chainlink_answer, usdc, wad

UNKNOWN = to_checksum_address(keccak(text="vperp bad-input sweep: unknown address")[12:])
STRANGER = to_checksum_address(keccak(text="vperp bad-input sweep: stranger")[12:])
GARBAGE = bytes.fromhex("deadbeef") * 9  # 36 bytes: no valid encoding of anything
CALL_VALUE = 10**15  # wei sent with payable functions (covers the mock Pyth fee)
# VPERP_SWEEP_HOOKS=1 also sweeps each contract from the system contracts allowed to call its hooks
# (Vault / VirtualAMM from the ClearingHouse, ...): defence in depth, off by default (the brief's
# senders are the owner and outsiders; what the ClearingHouse passes is swept through its own ABI).
HOOK_CALLERS = {
    "ClearingHouse": ("liquidity_pool", "insurance_fund", "clearing_house"),
}

# Contract name -> attribute of the Deployment (BaseToken: the vETH market's token). Test mocks
# (TestUSDC, ChainlinkAggregatorMock, PythMock, BrokenFeed) are not swept.
SWEPT = {
    # the netting engine's entry points, at the core's address (its fallback runs OrderLogic and
    # NettingLogic); listed first so that the core's address keeps the name ClearingHouse
    "INettingEngine": "netting",
    "ClearingHouse": "clearing_house",
    # the core's logic contracts, called directly (they must refuse: OnlyDelegateCall)
    "LiquidationLogic": "logic.LiquidationLogic",
    "FundingLogic": "logic.FundingLogic",
    "ConfigLogic": "logic.ConfigLogic",
    "ViewLogic": "logic.ViewLogic",
    "OrderLogic": "logic.OrderLogic",
    "NettingLogic": "logic.NettingLogic",
    "PriceOracle": "oracle",
    "LiquidityPool": "liquidity_pool",
    "InsuranceFund": "insurance_fund",
    "Viewer": "viewer",
    "ExchangeRouter": "router",
    "PositionNFT": "position_nft",
    "LiquidationBatcher": "liquidation_batcher",
    "BaseToken": None,
    # governance (deployed standalone for the sweep: the stack keeps its EOA owner here)
    "GovernanceToken": "governance.token",
    "GovernanceTimelock": "governance.timelock",
    "PerpGovernor": "governance.governor",
}
MOCK_SOURCE_PREFIXES = ("test/", "contracts/test/")

# Empty revert data is accepted only here: (contract, function) -> (mock that may raise it, why).
# The trace must show that the revert was raised by that mock with no data.
EMPTY_REVERT_FROM_MOCK: dict[tuple[str, str], tuple[str, str]] = {
    # MockPyth.updatePriceFeeds abi.decodes each update blob: a malformed blob reverts without
    # data inside the mock (the real Pyth answers PythErrors.InvalidUpdateData).
    ("PriceOracle", "updatePythPrice"): ("PythMock", "MockPyth decodes garbage update data"),
    ("ExchangeRouter", "updatePrice"): ("PythMock", "MockPyth decodes garbage update data"),
    ("ExchangeRouter", "updatePriceAndTrade"): ("PythMock", "MockPyth decodes garbage update data"),
}

# A state-changing call that succeeds with address(0) (or with a market that is not listed) in
# place of an address is an offender too ("setGuardian(address(0)) accepted"), except where the
# zero address has a documented meaning: (contract or "*", function, argument path) -> why.
ACCEPTED_ZERO_OK: dict[tuple[str, str, str], str] = {
    ("*", "transferOwnership", "newOwner"): "Ownable2Step: cancels a pending ownership transfer",
    ("ClearingHouse", "setPaused", "baseToken"): "address(0) pauses every market (documented)",
    ("PriceOracle", "setFeed", "feed.chainlink"): "a Pyth-only feed (Feed: chainlink may be zero)",
    (
        "PriceOracle",
        "setSequencerUptimeFeed",
        "feed",
    ): "no sequencer uptime feed: the L2 sequencer rule is off",
    ("ClearingHouse", "settleAllFunding", "trader"): "permissionless no-op for an account without positions",
    ("ClearingHouse", "settleFunding", "trader"): "permissionless no-op for an account without positions",
    ("GovernanceToken", "delegate", "delegatee"): "ERC20Votes: delegating to 0 drops one's votes",
    (
        "PerpGovernor",
        "propose",
        "targets",
    ): "OpenZeppelin's Governor: a proposal may call any address (0 is a no-op call); the vote decides",
    ("*", "onERC721Received", "arg0"): "OpenZeppelin's receiver hook: any operator may send",
    ("*", "onERC721Received", "arg1"): "OpenZeppelin's receiver hook: mints come from 0",
    ("*", "onERC1155Received", "arg0"): "OpenZeppelin's receiver hook: any operator may send",
    ("*", "onERC1155Received", "arg1"): "OpenZeppelin's receiver hook: mints come from 0",
    ("*", "onERC1155BatchReceived", "arg0"): "OpenZeppelin's receiver hook: any operator may send",
    ("*", "onERC1155BatchReceived", "arg1"): "OpenZeppelin's receiver hook: mints come from 0",
}
# (contract, function or "*", argument path, label or "*") -> why
ACCEPTED_MARKET_OK: dict[tuple[str, str, str, str], str] = {
    ("PriceOracle", "setFeed", "baseToken", "*"): "a feed is set before its market is listed",
    ("PriceOracle", "*", "baseToken", "feed-only market"): "the oracle knows a market by its feed",
}

# Baseline calls that must succeed: proof that the sweep reaches the paths behind the first checks.
MUST_SUCCEED = [
    ("ClearingHouse", "openPosition", "trader"),
    ("ClearingHouse", "closePosition", "trader"),
    ("ClearingHouse", "liquidate", "stranger"),
    ("ClearingHouse", "liquidateWithBound", "stranger"),
    ("ClearingHouse", "updateFundingRate", "stranger"),
    ("ClearingHouse", "settleFunding", "stranger"),
    ("ClearingHouse", "adjustK", "owner"),
    ("ClearingHouse", "addMarket", "owner"),
    ("ClearingHouse", "setMarketParams", "owner"),
    ("ClearingHouse", "deposit", "trader"),
    ("ClearingHouse", "withdraw", "trader"),
    ("LiquidityPool", "deposit", "trader"),
    ("LiquidityPool", "withdraw", "owner"),
    ("LiquidityPool", "redeem", "owner"),
    ("InsuranceFund", "withdrawSurplus", "owner"),
    ("PriceOracle", "setFeed", "owner"),
    ("PriceOracle", "updatePythPrice", "owner"),
    ("Viewer", "scan", "stranger"),
]


# ---------------------------------------------------------------------------------- ABI types


@dataclass(frozen=True)
class Arg:
    """One ABI input (or struct field, or array element)."""

    name: str
    type: str  # "uint256", "address[]", "tuple", "tuple[]", ...
    components: tuple[Arg, ...] = ()
    struct: str = ""  # "OpenPositionParams" for `struct IClearingHouse.OpenPositionParams`

    @classmethod
    def of(cls, t: Any) -> Arg:
        internal = (getattr(t, "internal_type", None) or getattr(t, "internalType", None) or "").strip()
        struct = internal.removeprefix("struct ").split(".")[-1].split("[")[0] if "struct" in internal else ""
        comps = tuple(cls.of(c) for c in (t.components or []))
        return cls(t.name or "", t.type, comps, struct)

    @property
    def is_array(self) -> bool:
        return self.type.endswith("]")

    @property
    def element(self) -> Arg:
        return Arg(self.name, self.type[: self.type.rindex("[")], self.components, self.struct)

    @property
    def canonical(self) -> str:
        if self.type.startswith("tuple"):
            return "(" + ",".join(c.canonical for c in self.components) + ")" + self.type[5:]
        return self.type

    @property
    def key(self) -> str:
        return self.name.strip("_").lower()


def _bits(t: str, default: int = 256) -> int:
    digits = "".join(ch for ch in t if ch.isdigit())
    return int(digits) if digits else default


def _is_market(arg: Arg) -> bool:
    return arg.type.startswith("address") and ("basetoken" in arg.key or "market" in arg.key)


# ---------------------------------------------------------------------------------- world


@dataclass
class World:
    """The state swept against and the values baselines are made of."""

    rpc: Rpc
    contracts: dict[str, Any]  # swept name -> Ape contract
    names: dict[str, str]  # address -> name (for traces)
    senders: dict[str, str]  # role -> address
    system: dict[str, str]  # Deployment attribute -> address (HOOK_CALLERS)
    trader: str
    victim: str
    eth: str
    unlisted: str
    feed_only: str
    pool: str
    chainlink_eth: str
    reserves: tuple[int, int]
    index: int
    feed: tuple
    params: tuple
    pyth_update: bytes
    getters: dict[tuple[str, str], Any] = field(default_factory=dict)


@pytest.fixture(scope="module")
def world(project, chain, stack, cfg, accounts, owner, funded, set_price) -> World:
    """A trader funded with positions in both markets; an account made liquidatable by a 6% ETH
    drop; a funding epoch due; an unlisted BaseToken and one with a feed but no market."""
    trader, victim = accounts[1], accounts[2]
    t = funded(trader, 20_000)
    stack.usdc.mint(trader.address, usdc(10_000), sender=trader)  # wallet USDC for deposit paths
    stack.usdc.approve(stack.liquidity_pool.address, 2**256 - 1, sender=trader)
    t.long_quote("vETH", 3_000)
    t.short_base("vBTC", "0.05")
    funded(victim, 1_000).long_quote("vETH", 9_000)  # 9x
    chain.mine(deltatime=3_601)  # a funding epoch is due in both markets
    set_price("vBTC", 60_000)
    set_price("vETH", 2_820)  # -6%: the 9x long is under maintenance, not under water
    eth = stack.base("vETH")
    unlisted = project.BaseToken.deploy("Unlisted", "vUNL", sender=owner)
    feed_only = project.BaseToken.deploy("Feed only", "vFEED", sender=owner)
    feed = tuple(stack.oracle.getFeed(eth.address))
    stack.oracle.setFeed(feed_only.address, feed, sender=owner)
    chain.set_balance(STRANGER, 10**20)

    token = project.GovernanceToken.deploy("Sweep vote", "SV", wad(1_000_000), owner, sender=owner)
    token.invoke_transaction("delegate", owner, sender=owner)
    timelock = project.GovernanceTimelock.deploy(2 * 86_400, [], [], ZERO, sender=owner)
    governor = project.PerpGovernor.deploy(token, timelock, 86_400, 432_000, wad(1_000), sender=owner)
    governance = {"token": token, "timelock": timelock, "governor": governor}

    def attach(attr: str | None) -> Any:
        if attr is None:
            return eth
        if attr == "netting":  # the functions the core's fallback runs, at the core's address
            abi = [a for c in (project.OrderLogic, project.NettingLogic) for a in c.contract_type.abi]
            funcs = [a for a in abi if a.type == "function"]
            ct = ContractType(contractName="INettingEngine", abi=funcs)
            return SimpleNamespace(address=stack.clearing_house.address, contract_type=ct)
        if attr.startswith("governance."):
            return governance[attr.removeprefix("governance.")]
        if attr.startswith("logic."):
            return stack.logic[attr.removeprefix("logic.")]
        return getattr(stack, attr)

    contracts: dict[str, Any] = {n: attach(attr) for n, attr in SWEPT.items()}
    # Every compiled contract type of the project, for the allowed errors and their names.
    types = [ct for ct in (project.manifest.contract_types or {}).values() if ct.abi]
    rpc = Rpc(chain, [SimpleNamespace(contract_type=ct) for ct in types])
    names = {c.address: n for n, c in contracts.items()}
    names |= {stack.usdc.address: "TestUSDC", stack.pyth.address: "PythMock"}
    names |= {m.chainlink.address: f"ChainlinkAggregatorMock({s})" for s, m in stack.markets.items()}
    names |= {m.base_token.address: f"BaseToken({s})" for s, m in stack.markets.items()}
    names |= {unlisted.address: "BaseToken(unlisted)", feed_only.address: "BaseToken(feed only)"}

    m = stack.markets["vETH"]
    pt = chain.pending_timestamp
    p8 = chainlink_answer(2_820, 8)
    update = stack.pyth.createPriceFeedUpdateData(m.pyth_id, p8, 0, -8, p8, 0, pt, pt - 1)
    x, y = (int(v) for v in stack.amm.getReserves(eth.address))
    return World(
        rpc=rpc,
        contracts=contracts,
        names=names,
        senders={"owner": owner.address, "trader": trader.address, "stranger": STRANGER},
        system={a: getattr(stack, a).address for a in ("clearing_house", "liquidity_pool", "insurance_fund")},
        trader=trader.address,
        victim=victim.address,
        eth=eth.address,
        unlisted=unlisted.address,
        feed_only=feed_only.address,
        pool=stack.liquidity_pool.address,
        chainlink_eth=m.chainlink.address,
        reserves=(x, y),
        index=int(stack.oracle.getIndexPrice(eth.address)[0]),
        feed=feed,
        params=market_params(cfg.markets[0].params),
        pyth_update=bytes(update),
    )


# ---------------------------------------------------------------------------------- baselines


@dataclass
class Ctx:
    contract: str
    function: str
    sender: str  # address
    world: World

    def getter(self, name: str, canonical: str) -> Any:
        """Current value of the contract's zero-argument view `name` returning `canonical`."""
        w = self.world
        cache_key = (self.contract, name)
        if cache_key not in w.getters:
            value = None
            for abi in w.contracts[self.contract].contract_type.view_methods:
                outs = [Arg.of(o).canonical for o in abi.outputs]
                if abi.name.lower() == name and not abi.inputs and outs == [canonical]:
                    fc = FastContract(w.contracts[self.contract], w.rpc)
                    value = getattr(fc, abi.name)()
            w.getters[cache_key] = value
        return w.getters[cache_key]


# (contract, function, argument key) -> baseline, for the cases the name rules get wrong
OVERRIDES = {
    ("ClearingHouse", "addMarket", "basetoken"): lambda c: c.world.feed_only,  # MarketExists otherwise
    ("ClearingHouse", "liquidate", "trader"): lambda c: c.world.victim,
    ("ClearingHouse", "liquidateWithBound", "trader"): lambda c: c.world.victim,
}

SENDER_LIKE = {"owner", "receiver", "to", "from", "spender", "newowner", ""}


def baseline(arg: Arg, c: Ctx) -> Any:
    w = c.world
    over = OVERRIDES.get((c.contract, c.function, arg.key))
    if over is not None and not arg.is_array:
        return over(c)
    if arg.is_array:
        if arg.key == "updatedata":
            return [w.pyth_update]
        return [baseline(arg.element, c)]
    t, k = arg.type, arg.key
    if t == "tuple":
        if arg.struct == "OpenPositionParams":
            return (w.eth, False, True, wad(100), 0, FAR_DEADLINE)
        if arg.struct == "MarketParams":
            return w.params
        if arg.struct == "Feed":
            return w.feed
        return tuple(baseline(comp, c) for comp in arg.components)
    if t == "address":
        if _is_market(arg):
            return w.eth
        if k in ("trader", "traders", "account"):
            return w.trader
        if k in SENDER_LIKE:
            return c.sender
        if k in ("pool", "liquiditypool"):
            return w.pool
        if k == "chainlink":
            return w.chainlink_eth
        return c.getter(k, t) or c.sender
    if t == "bool":
        return False
    if t.startswith("uint"):
        x, y = w.reserves
        named = {
            "deadline": FAR_DEADLINE,
            "assets": usdc(10),
            "shares": wad(10),
            "amount": wad(50),
            "value": wad(1),
            "oppositeamountbound": 0,
            "basereserve": x,
            "newbasereserve": x,
            "quotereserve": y,
            "newquotereserve": y,
            "maxcost": wad(1_000_000),
            "price": w.index,
            "newprice": w.index,
            "notional": wad(3_000),
            "accountvalue": wad(100),
            "charges": 3_500,
            "window": 900,
            "maxmoveratio": 25_000,
            "depthratio": 1_000_000,
            "fee": 0,
            "insurancefee": 0,
        }
        if "usdc" in k:
            return usdc(10)
        if k in named:
            return named[k]
        got = c.getter(k, t)
        if got is not None:
            return got
        return {8: 8, 16: 100, 24: 10_000, 32: 3_600, 48: 86_400}.get(_bits(t), wad(1))
    if t.startswith("int"):
        return wad(1)
    if t.startswith("bytes") and t != "bytes":
        return b"\x00" * (_bits(t) - 1) + b"\x01"
    if t == "bytes":
        return b""
    if t == "string":
        return "x"
    raise NotImplementedError(f"no baseline for {arg}")


# ---------------------------------------------------------------------------------- specials


ZERO_LABEL = "address(0)"
MARKET_LABELS = ("unknown market", "unlisted market", "feed-only market")


def _uint_specials(bits: int) -> list[tuple[str, int]]:
    return [("0", 0), ("1", 1), (f"2^{bits - 1}", 2 ** (bits - 1)), (f"2^{bits}-1", 2**bits - 1)]


def _int_specials(bits: int) -> list[tuple[str, int]]:
    lo, hi = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    return [(f"int{bits}.min", lo), ("-1", -1), ("0", 0), ("1", 1), (f"int{bits}.max", hi)]


def variants(arg: Arg, base: Any, c: Ctx) -> list[tuple[str, str, Any]]:
    """(path below the argument, label, value) for every special value of `arg`. A market
    argument's labels end in "market" (ZERO_LABEL, MARKET_LABELS: must not be accepted)."""
    w = c.world
    t = arg.type
    if arg.is_array:
        elem = arg.element
        out: list[tuple[str, str, Any]] = [("", "[]", [])]
        for path, label, v in variants(elem, baseline(elem, c), c):
            out.append((f"[0]{path}", label, [v]))
        return out
    if t == "tuple":
        out = []
        for j, comp in enumerate(arg.components):
            for path, label, v in variants(comp, base[j], c):
                new = list(base)
                new[j] = v
                out.append((f".{comp.name}{path}", label, tuple(new)))
        return out
    if t.startswith("uint"):
        specials: list[tuple[str, Any]] = list(_uint_specials(_bits(t)))
    elif t.startswith("int"):
        specials = list(_int_specials(_bits(t)))
    elif t == "address":
        if _is_market(arg):
            specials = [(ZERO_LABEL, ZERO), ("unknown market", UNKNOWN)]
            specials += [("unlisted market", w.unlisted), ("feed-only market", w.feed_only)]
        else:
            specials = [(ZERO_LABEL, ZERO), ("unknown address", UNKNOWN)]
    elif t == "bool":
        specials = [("true", True), ("false", False)]
    elif t == "bytes":
        specials = [("empty", b""), ("garbage", GARBAGE)]
    elif t.startswith("bytes"):
        n = _bits(t)
        specials = [("zero", b"\x00" * n), ("ones", b"\xff" * n)]
    elif t == "string":
        specials = [("empty", ""), ("garbage", "\x00" * 40)]
    else:
        raise NotImplementedError(f"no specials for {arg}")
    return [("", label, v) for label, v in specials]


# ---------------------------------------------------------------------------------- calls


@dataclass(frozen=True)
class Offence:
    function: str
    case: str  # "params.amount=2^256-1" ("baseline" for the baseline call)
    kind: str  # "Panic(0x11)", "empty revert", ...
    origin: str  # the frame that raised it


@dataclass
class ContractResult:
    name: str
    calls: int = 0
    seconds: float = 0.0
    # (function, case, kind, origin) -> senders
    offences: dict[Offence, list[str]] = field(default_factory=lambda: defaultdict(list))
    baseline_ok: set[tuple[str, str]] = field(default_factory=set)  # (function, sender role)
    functions: int = 0
    excused: list[str] = field(default_factory=list)  # empty reverts from mocks (whitelisted)

    def report(self) -> str:
        by_fn: dict[str, list[str]] = defaultdict(list)
        for o, who in sorted(self.offences.items(), key=lambda kv: (kv[0].function, kv[0].case)):
            where = f"; raised in {o.origin}" if o.origin else ""
            by_fn[o.function].append(f"    {o.case} -> {o.kind} [from {', '.join(who)}{where}]")
        lines = [f"{self.name}: {len(self.offences)} offender(s) in {self.calls} calls"]
        for fn, rows in by_fn.items():
            lines.append(f"  {self.name}.{fn}")
            lines += rows
        return "\n".join(lines)


def _selector(name: str, inputs: list[Arg]) -> bytes:
    return keccak(text=f"{name}({','.join(a.canonical for a in inputs)})")[:4]


def _call(w: World, to: str, data: bytes, sender: str, value: int) -> tuple[str, bytes | None]:
    """('ok', None) | ('revert', data) | ('node', message)."""
    tx = {"from": sender, "to": to, "data": "0x" + data.hex(), "gas": hex(30_000_000)}
    if value:
        tx["value"] = hex(value)
    try:
        w.rpc.request("eth_call", [tx, "latest"])
        return "ok", None
    except RpcError as e:
        err = e.error
    raw = err.get("data")
    if isinstance(raw, dict):
        raw = raw.get("data")
    message = str(err.get("message", ""))
    if raw is None and "revert" not in message.lower():
        return "node", message.encode()
    return "revert", bytes.fromhex((raw or "0x").removeprefix("0x"))


def _classify(w: World, data: bytes) -> str | None:
    """None for an allowed custom error, else the offence."""
    if len(data) < 4:
        return "empty revert"
    if data[:4] == PANIC:
        return f"Panic(0x{int.from_bytes(data[4:36], 'big'):02x})"
    if data[:4] == ERROR_STRING:
        return f"Error({w.rpc.decode_error(data)[1]['message']!r})"
    if data[:4] not in w.rpc.errors:
        return f"unknown selector 0x{data[:4].hex()}"
    return None


def _origin(w: World, to: str, data: bytes, sender: str, value: int) -> tuple[str, str | None]:
    """(name of the deepest frame that raised the revert, its output), from a call trace."""
    tx = {"from": sender, "to": to, "data": "0x" + data.hex(), "gas": hex(30_000_000)}
    if value:
        tx["value"] = hex(value)
    try:
        frame = w.rpc.request("debug_traceCall", [tx, "latest", {"tracer": "callTracer"}])
    except RpcError:
        return "?", None
    while True:
        out = frame.get("output") or "0x"
        failed = [f for f in frame.get("calls") or [] if f.get("error") and (f.get("output") or "0x") == out]
        if not failed:
            break
        frame = failed[-1]
    addr = to_checksum_address(frame.get("to", ZERO))
    return w.names.get(addr, addr), frame.get("output") or "0x"


def _accepted_offence(contract: str, function: str, arg_path: str, label: str) -> str | None:
    """The offence of a state-changing call that succeeded with this special value, if any."""
    generic = arg_path.split("[")[0]
    if label == ZERO_LABEL:
        keys = [(contract, function, generic), ("*", function, generic)]
        return None if any(k in ACCEPTED_ZERO_OK for k in keys) else "accepted (no revert)"
    if label in MARKET_LABELS:
        keys = [(contract, f, generic, lab) for f in (function, "*") for lab in (label, "*")]
        return None if any(k in ACCEPTED_MARKET_OK for k in keys) else "accepted (no revert)"
    return None


def sweep_contract(w: World, name: str) -> ContractResult:
    res = ContractResult(name)
    contract = w.contracts[name]
    start = time.perf_counter()
    seen: set[tuple[str, bytes]] = set()
    senders = dict(w.senders)
    if os.environ.get("VPERP_SWEEP_HOOKS") == "1":
        senders |= {attr: w.system[attr] for attr in HOOK_CALLERS.get(name, ())}
    for abi in contract.contract_type.methods:  # every function: views and transactions
        res.functions += 1
        inputs = [Arg.of(i) for i in abi.inputs]
        selector = _selector(abi.name, inputs)
        types = [a.canonical for a in inputs]
        value = CALL_VALUE if abi.stateMutability == "payable" else 0
        for role, sender in senders.items():
            c = Ctx(name, abi.name, sender, w)
            base = [baseline(a, c) for a in inputs]
            cases: list[tuple[str, str, str, list[Any]]] = [("baseline", "", "", base)]
            for i, a in enumerate(inputs):
                for path, label, v in variants(a, base[i], c):
                    args = list(base)
                    args[i] = v
                    arg_path = f"{a.name or f'arg{i}'}{path}"
                    cases.append((f"{arg_path}={label}", arg_path, label, args))
            mutates = abi.stateMutability not in ("view", "pure")
            for case, arg_path, label, args in cases:
                data = selector + abi_encode(types, args)
                if (sender, data) in seen:
                    continue
                seen.add((sender, data))
                res.calls += 1
                status, out = _call(w, contract.address, data, sender, value)
                if status == "ok":
                    if case == "baseline":
                        res.baseline_ok.add((abi.name, role))
                    accepted = _accepted_offence(name, abi.name, arg_path, label) if mutates else None
                    if accepted:
                        res.offences[Offence(abi.name, case, accepted, "")].append(role)
                    continue
                if status == "node":
                    kind, origin = f"node error {out.decode()!r}", "?"
                else:
                    kind = _classify(w, out)
                    if kind is None:
                        continue
                    origin, origin_out = _origin(w, contract.address, data, sender, value)
                    allowed = EMPTY_REVERT_FROM_MOCK.get((name, abi.name))
                    if kind == "empty revert" and allowed and origin == allowed[0] and origin_out == "0x":
                        res.excused.append(f"{abi.name}({case}) from {role}: {allowed[1]}")
                        continue  # whitelisted: the mock reverts without data (see the table)
                res.offences[Offence(abi.name, case, kind, origin)].append(role)
    res.seconds = time.perf_counter() - start
    return res


@pytest.fixture(scope="module")
def sweep(world):
    cache: dict[str, ContractResult] = {}

    def run(name: str) -> ContractResult:
        if name not in cache:
            cache[name] = sweep_contract(world, name)
            r = cache[name]
            print(f"\n{name}: {r.functions} functions, {r.calls} eth_calls in {r.seconds:.1f} s")
            for e in r.excused:
                print(f"  excused empty revert: {name}.{e}")
        return cache[name]

    return run


# ---------------------------------------------------------------------------------- tests


@pytest.mark.parametrize("name", list(SWEPT))
def test_bad_input_reverts_with_custom_errors(sweep, name):
    r = sweep(name)
    assert r.calls > 0
    if r.offences:
        pytest.fail("bad input must revert with a custom error:\n" + r.report(), pytrace=False)


def test_sweep_reaches_deep_paths(sweep):
    """The baselines are valid calls: the special values meet the checks behind the first ones."""
    missing = [f"{c}.{f} from {role}" for c, f, role in MUST_SUCCEED if (f, role) not in sweep(c).baseline_ok]
    if missing:
        pytest.fail(f"baseline calls that should succeed reverted: {missing}", pytrace=False)


def test_every_protocol_contract_is_swept(project):
    """A new deployable protocol contract must join the sweep (SWEPT, and the deployment)."""
    deployable = {
        ct.name
        for ct in (project.manifest.contract_types or {}).values()
        if ct.name
        and ct.deployment_bytecode
        and ct.deployment_bytecode.bytecode not in (None, "", "0x")
        and ct.methods
        and not (ct.source_id or "").startswith(MOCK_SOURCE_PREFIXES)
    }
    assert deployable - set(SWEPT) == set(), f"not swept: {sorted(deployable - set(SWEPT))}"
