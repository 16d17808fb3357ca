"""Deploys the full stack from a DeployConfig and records the addresses per network.

Order (no circular wiring: every contract names only contracts deployed before it, and the core
is told its system accounts once):

    USDC? -> Pyth? -> Chainlink mocks? -> PriceOracle (+ sequencer uptime feed) -> logic contracts -> ClearingHouse (the core)
    -> InsuranceFund -> LiquidityPool -> setSystemAccounts -> feeds -> markets -> seeds

then, for `ape run deploy` and the demo (vperp.chain.network), the governance step of
vperp.chain.governance: token, timelock and Governor, every owner and role handed to the timelock.
Unit-test fixtures call `deploy` alone and keep the deployer as owner for mechanics tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rlp
from eth_utils import keccak, to_canonical_address, to_checksum_address

from vperp.chain.config import DEPLOYMENTS_DIR, DeployConfig, MarketConfig
from vperp.sdk.units import chainlink_answer, usdc, wad

MAX_UINT128 = 2**128 - 1


@dataclass
class Market:
    symbol: str
    base_token: Any
    chainlink: Any
    pyth_id: bytes


@dataclass
class Governance:
    """The governance contracts of a deployment (Ape ContractInstances) and the guardian
    (deployed by vperp.chain.governance)."""

    token: Any
    timelock: Any
    governor: Any
    guardian: str

    def addresses(self) -> dict[str, str]:
        return {
            "token": self.token.address,
            "timelock": self.timelock.address,
            "governor": self.governor.address,
            "guardian": self.guardian,
        }


@dataclass
class Deployment:
    """Contract instances of one deployment (Ape ContractInstances)."""

    usdc: Any
    pyth: Any
    vault: Any
    oracle: Any
    amm: Any
    clearing_house: Any
    insurance_fund: Any
    liquidity_pool: Any
    viewer: Any = None
    markets: dict[str, Market] = field(default_factory=dict)
    logic: dict[str, Any] = field(default_factory=dict)  # the core's delegatecalled logic contracts
    netting: Any = None  # INettingEngine at the core's address (its fallback runs the netting logic)
    owner: Any = None  # the deployer (it signs the mock price pushes on local chains)
    is_local: bool = True
    governance: Governance | None = None  # once handed over, the timelock owns everything
    router: Any = None  # ExchangeRouter: acts for its caller through the core's operator approval
    position_nft: Any = None  # PositionNFT: the soulbound mirror of every open position
    liquidation_batcher: Any = None  # LiquidationBatcher: keepers' many liquidations in one transaction

    def base(self, symbol: str) -> Any:
        return self.markets[symbol].base_token

    @property
    def operators(self) -> Any:
        """The core seen as IOperatorApproval (approveOperator, revokeOperator, operatorActions):
        like the netting engine, it runs in OrderLogic through the core's fallback."""
        return self.netting

    def addresses(self) -> dict[str, Any]:
        return {
            "usdc": self.usdc.address,
            "pyth": self.pyth.address,
            "vault": self.vault.address,
            "oracle": self.oracle.address,
            "amm": self.amm.address,
            "clearing_house": self.clearing_house.address,
            "insurance_fund": self.insurance_fund.address,
            "liquidity_pool": self.liquidity_pool.address,
            "viewer": self.viewer.address if self.viewer else None,
            "router": self.router.address if self.router else None,
            "position_nft": self.position_nft.address if self.position_nft else None,
            "liquidation_batcher": self.liquidation_batcher.address if self.liquidation_batcher else None,
            "logic": {name: c.address for name, c in self.logic.items()},
            "deployer": self.owner.address if self.owner else None,
            # the protocol's owner: the timelock once governance is deployed
            "owner": self.governance.timelock.address
            if self.governance
            else (self.owner.address if self.owner else None),
            "governance": self.governance.addresses() if self.governance else None,
            "markets": {
                s: {
                    "base_token": m.base_token.address,
                    "chainlink": m.chainlink.address,
                    "pyth_id": "0x" + m.pyth_id.hex(),
                }
                for s, m in self.markets.items()
            },
        }


def netting_engine(project: Any, core: str) -> Any:
    """The core at `core` seen as INettingEngine: the functions its fallback runs (OrderLogic's and
    NettingLogic's external functions), with the core's events and errors for decoding. Ape keeps
    no artifact for an interface, so the contract type is put together from the logic contracts'."""
    from ape import chain  # only here: the rest of this module runs without a provider
    from ethpm_types import ContractType

    seen: set[str] = set()
    abi = []
    sources = (project.OrderLogic, project.NettingLogic, project.ClearingHouse)
    for i, c in enumerate(sources):
        for a in c.contract_type.abi:
            if a.type in ("constructor", "fallback", "receive") or (a.type == "function" and i == 2):
                continue
            key = f"{a.type}:{a.selector}"
            if key not in seen:
                seen.add(key)
                abi.append(a)
    ct = ContractType(contractName="INettingEngine", abi=abi)
    return chain.contracts.instance_at(core, contract_type=ct)


def create_address(sender: str, nonce: int) -> str:
    """Address of the contract `sender` creates with `nonce` (CREATE)."""
    return to_checksum_address(keccak(rlp.encode([to_canonical_address(sender), nonce]))[12:])


def market_params(p: dict[str, int]) -> tuple:
    """MarketParams struct tuple from config (OI caps in base units -> 18 decimals)."""
    return (
        p["im_ratio"],
        p["mm_ratio"],
        p["fee_ratio"],
        p["insurance_fee_share"],
        p["liquidation_penalty_ratio"],
        p["max_price_move_ratio"],
        p["max_spread_ratio"],
        p["funding_interval"],
        min(wad(p["max_long_open_interest"]), MAX_UINT128),
        min(wad(p["max_short_open_interest"]), MAX_UINT128),
    )


def _pyth_id(m: MarketConfig) -> bytes:
    return bytes.fromhex(m.pyth_id.removeprefix("0x"))


NO_PYTH = b"\x00" * 32
DEFAULT_PYTH_MAX_CONFIDENCE = 10_000  # 1% of the price (PROTOCOL.md section 4)


def feed_struct(
    chainlink: str,
    pyth_id: bytes = NO_PYTH,
    *,
    chainlink_max_age: int = 3900,
    pyth_max_age: int = 60,
    max_deviation: int = 20_000,
    min_price: Any = 1,
    max_price: Any = 1_000_000,
    max_confidence: int = DEFAULT_PYTH_MAX_CONFIDENCE,
) -> tuple:
    """PriceOracle.Feed tuple, in the struct's field order; prices in plain units (-> 18
    decimals); ratios 1e6-based. chainlinkDecimals is read from the aggregator by setFeed (0 here)."""
    return (
        chainlink,
        0,
        chainlink_max_age,
        pyth_max_age,
        max_deviation,
        pyth_id,
        wad(min_price),
        wad(max_price),
        max_confidence,
    )


def market_feed(m: MarketConfig, chainlink: str) -> tuple:
    """The Feed tuple of a configured market (config/deploy.yaml)."""
    return feed_struct(
        chainlink,
        _pyth_id(m),
        chainlink_max_age=m.chainlink_max_age,
        pyth_max_age=m.pyth_max_age,
        max_deviation=m.max_deviation,
        min_price=m.min_price,
        max_price=m.max_price,
        max_confidence=m.pyth_max_confidence,
    )


def deploy(project: Any, chain: Any, deployer: Any, cfg: DeployConfig) -> Deployment:
    """Deploys and wires everything; seeds the insurance fund and the liquidity pool."""
    tx = {"sender": deployer}
    is_local = cfg.usdc is None
    usdc_token = project.TestUSDC.deploy(**tx) if cfg.usdc is None else project.TestUSDC.at(cfg.usdc)
    pyth = (
        project.PythMock.deploy(cfg.pyth_valid_time, cfg.pyth_update_fee_wei, **tx)
        if cfg.pyth is None
        else project.PythMock.at(cfg.pyth)
    )
    feeds = {}
    for m in cfg.markets:
        if m.chainlink is None:
            feeds[m.symbol] = project.ChainlinkAggregatorMock.deploy(8, chainlink_answer(m.price), **tx)
        else:
            feeds[m.symbol] = project.ChainlinkAggregatorMock.at(m.chainlink)

    # The oracle, the core's logic contracts (they run in the core's context and read the
    # oracle as an immutable), the core, then the periphery that names the core.
    oracle = project.PriceOracle.deploy(pyth.address, deployer.address, **tx)
    if cfg.sequencer_uptime_feed:
        oracle.setSequencerUptimeFeed(cfg.sequencer_uptime_feed, **tx)
    if cfg.sequencer_grace_period != int(oracle.sequencerGracePeriod()):
        oracle.setSequencerGracePeriod(cfg.sequencer_grace_period, **tx)
    logic = [
        project.LiquidationLogic.deploy(oracle.address, **tx),
        project.FundingLogic.deploy(oracle.address, **tx),
        project.ConfigLogic.deploy(oracle.address, **tx),
        project.ViewLogic.deploy(oracle.address, **tx),
        project.OrderLogic.deploy(oracle.address, **tx),
        project.NettingLogic.deploy(oracle.address, **tx),
    ]
    ch = project.ClearingHouse.deploy(
        usdc_token.address, oracle.address, [c.address for c in logic], deployer.address, **tx
    )
    fund = project.InsuranceFund.deploy(ch.address, deployer.address, **tx)
    pool = project.LiquidityPool.deploy(usdc_token.address, ch.address, deployer.address, **tx)

    ch.setSystemAccounts(fund.address, pool.address, **tx)
    g = cfg.global_params
    ch.setGlobalParams(
        wad(g["min_position_notional"]), wad(g["full_liquidation_threshold"]), g["liquidator_share"], **tx
    )
    pool.setParams(cfg.pool["max_utilisation"], cfg.pool["min_depth_change"], **tx)
    netting = netting_engine(project, ch.address)
    if cfg.netting:
        netting.setNettingParams(wad(cfg.netting["execution_fee"]), int(cfg.netting["batch_window"]), **tx)
    vesting = cfg.pool.get("income_vesting_period")
    if vesting and int(vesting) != int(pool.incomeVestingPeriod()):
        pool.setIncomeVestingPeriod(int(vesting), **tx)

    viewer = project.Viewer.deploy(ch.address, **tx)
    # `vault` and `amm` name the core's ledger and curves (PROTOCOL.md section 3's vocabulary):
    # one contract, the ClearingHouse.
    d = Deployment(
        usdc_token, pyth, ch, oracle, ch, ch, fund, pool, viewer, owner=deployer, is_local=is_local
    )
    d.logic = {c.contract_type.name: c for c in logic}
    d.router = project.ExchangeRouter.deploy(ch.address, **tx)
    d.position_nft = project.PositionNFT.deploy(ch.address, **tx)
    d.liquidation_batcher = project.LiquidationBatcher.deploy(ch.address, **tx)
    d.netting = netting
    for m in cfg.markets:
        base = project.BaseToken.deploy(m.name, m.symbol, **tx)
        pid = _pyth_id(m)
        d.markets[m.symbol] = Market(m.symbol, base, feeds[m.symbol], pid)
        if is_local:
            push_pyth_price(d, m.symbol, m.price, chain.pending_timestamp, sender=deployer)
        oracle.setFeed(base.address, market_feed(m, feeds[m.symbol].address), **tx)
        quote_reserve = wad(m.quote_reserve)
        base_reserve = quote_reserve * 10**18 // wad(m.price)
        ch.addMarket(base.address, base_reserve, quote_reserve, market_params(m.params), **tx)
        if m.depth_ratio:
            pool.setDepthTarget(base.address, m.depth_ratio, **tx)

    if is_local:
        seed = usdc(cfg.insurance_fund_seed) + usdc(cfg.liquidity_pool_seed)
        usdc_token.mint(deployer.address, seed, **tx)
    usdc_token.approve(ch.address, 2**256 - 1, **tx)
    usdc_token.approve(pool.address, 2**256 - 1, **tx)
    if cfg.insurance_fund_seed:
        ch.depositFor(fund.address, usdc(cfg.insurance_fund_seed), **tx)
    if cfg.liquidity_pool_seed:
        pool.deposit(usdc(cfg.liquidity_pool_seed), deployer.address, **tx)
    return d


def pyth_update_data(
    d: Deployment, symbol: str, price: Any, publish_time: int, conf: Any = 0, expo: int = -8
) -> bytes:
    """MockPyth update for `symbol`: plain `price` and `conf` (same units as the price), scaled
    to 10^expo."""
    m = d.markets[symbol]
    p = chainlink_answer(price, -expo)
    c = chainlink_answer(conf, -expo)
    return d.pyth.createPriceFeedUpdateData(m.pyth_id, p, c, expo, p, c, publish_time, publish_time - 1)


def push_pyth_price(
    d: Deployment, symbol: str, price: Any, publish_time: int, sender: Any, conf: Any = 0
) -> None:
    """Pushes a price (and confidence interval) to the Pyth mock through the oracle's
    fee-forwarding entry."""
    data = pyth_update_data(d, symbol, price, publish_time, conf)
    fee = d.pyth.getUpdateFee([data])
    d.oracle.updatePythPrice([data], sender=sender, value=fee)


def set_index_price(d: Deployment, chain: Any, symbol: str, price: Any, sender: Any) -> None:
    """Local chains: moves both mock feeds (Chainlink round + Pyth update) to `price`.

    MockPyth ignores an update that is not strictly newer than the last one, and Anvil gives
    blocks mined in the same second the same timestamp: when needed, the next block's time is
    moved one second past Pyth's last publish time so that the update always takes effect."""
    m = d.markets[symbol]
    last = int(d.pyth.getPriceUnsafe(m.pyth_id).publishTime)
    if chain.pending_timestamp <= last:
        chain.pending_timestamp = last + 1
    m.chainlink.updateAnswer(chainlink_answer(price), sender=sender)
    push_pyth_price(d, symbol, price, chain.pending_timestamp, sender=sender)


def take_from_insurance_fund(d: Deployment, chain: Any, to: Any, amount_usdc: int) -> Any:
    """Local chains only (tests): takes `amount_usdc` out of the insurance fund's Vault balance as
    a loss would, by impersonating the fund at `Vault.withdrawSystem`. It bypasses the floor that
    `InsuranceFund.withdrawSurplus` keeps (governance can never go below it): tests that need an
    empty fund (socialised losses, the funding backstop exhausted) use this."""
    import ape  # only here: the rest of this module runs without a provider

    fund = d.insurance_fund.address
    chain.set_balance(fund, 10**18)
    receiver = to.address if hasattr(to, "address") else to
    return d.vault.withdrawSystem(receiver, amount_usdc, sender=ape.accounts[fund])


def deployment_file(network_name: str) -> Path:
    """deployments/<ecosystem>-<network>.json"""
    return DEPLOYMENTS_DIR / f"{network_name.replace(':', '-')}.json"


def save_deployment(
    d: Deployment, network_name: str, chain_id: int, extra: dict[str, Any] | None = None
) -> Path:
    """Writes the address file; `extra` (vperp.chain.addressbook: blocks, commit, explorer links,
    verification) is recorded after the addresses."""
    path = deployment_file(network_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {"network": network_name, "chain_id": chain_id, **d.addresses(), **(extra or {})}, indent=2
        )
        + "\n"
    )
    return path


def load_deployment(project: Any, network_name: str) -> Deployment:
    """Re-attaches to a recorded deployment."""
    return load_deployment_file(project, deployment_file(network_name))


def read_deployment_file(path: str | Path) -> dict[str, Any]:
    """The raw content of an address file (network, chain_id, addresses)."""
    return json.loads(Path(path).read_text())


def load_deployment_file(project: Any, path: str | Path) -> Deployment:
    """Re-attaches to the deployment recorded in the address file at `path`."""
    raw = read_deployment_file(path)
    d = Deployment(
        usdc=project.TestUSDC.at(raw["usdc"]),
        pyth=project.PythMock.at(raw["pyth"]),
        vault=project.ClearingHouse.at(raw["clearing_house"]),
        oracle=project.PriceOracle.at(raw["oracle"]),
        amm=project.ClearingHouse.at(raw["clearing_house"]),
        clearing_house=project.ClearingHouse.at(raw["clearing_house"]),
        insurance_fund=project.InsuranceFund.at(raw["insurance_fund"]),
        liquidity_pool=project.LiquidityPool.at(raw["liquidity_pool"]),
        viewer=project.Viewer.at(raw["viewer"]) if raw.get("viewer") else None,
        router=project.ExchangeRouter.at(raw["router"]) if raw.get("router") else None,
        position_nft=project.PositionNFT.at(raw["position_nft"]) if raw.get("position_nft") else None,
        liquidation_batcher=project.LiquidationBatcher.at(raw["liquidation_batcher"])
        if raw.get("liquidation_batcher")
        else None,
    )
    d.logic = {name: getattr(project, name).at(a) for name, a in raw.get("logic", {}).items()}
    if g := raw.get("governance"):
        d.governance = Governance(
            project.GovernanceToken.at(g["token"]),
            project.GovernanceTimelock.at(g["timelock"]),
            project.PerpGovernor.at(g["governor"]),
            g["guardian"],
        )
    d.netting = netting_engine(project, raw["clearing_house"])
    for s, m in raw["markets"].items():
        d.markets[s] = Market(
            s,
            project.BaseToken.at(m["base_token"]),
            project.ChainlinkAggregatorMock.at(m["chainlink"]),
            bytes.fromhex(m["pyth_id"].removeprefix("0x")),
        )
    return d
