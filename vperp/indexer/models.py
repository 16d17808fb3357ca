"""The indexer's database schema (SQLAlchemy 2 declarative models; migrations in
vperp/indexer/migrations).

Raw events: one table per event of PROTOCOL.md section 6 that the deployed contracts emit (the
ClearingHouse with its logic contracts, the PriceOracle, the InsuranceFund and the LiquidityPool),
named `ev_<event in snake case>`, one column per argument (snake case; a struct argument is
flattened into its fields, prefixed by the argument's name when the event has two structs; `from`/`to`/`id` become `from_address`/`to_address`/`market_id`), and
the log's place: chain id, block number and hash, log index, transaction hash, emitting contract,
block timestamp. Each log lands once: unique (chain_id, block_hash, log_index).

Raw events also come from the LiquidationBatcher, the Governor, the timelock and the governance
token (arrays and strings: text columns, arrays as JSON lists).

Derived tables (vperp.indexer.derive): `positions` (current position per account and market),
`account_history` (PnL, funding, fees, collateral moves per account), `candles` (hourly mark and
index OHLC per market), `funding_history`, `liquidations` (with the real keeper of batched
ones), `bad_debts`, `pool_share_prices`, `netting_batches`, `netting_orders`, `proposals`.
Bookkeeping: `cursors` (last block ingested per contract), `blocks` (recent block hashes for reorg
detection).

Integers wider than 64 bits (uint256/int256) are `BigNum`: NUMERIC(78, 0) on PostgreSQL, their
decimal text on SQLite (whose numbers are 64-bit or floating); both come back as Python ints.
Addresses are lower-case hex.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine


class BigNum(TypeDecorator[int]):
    """An integer of up to 256 bits (signed or not): NUMERIC(78, 0) on PostgreSQL, decimal text
    on SQLite."""

    impl = Numeric(78, 0)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(80))
        return dialect.type_descriptor(Numeric(78, 0))

    def bind_processor(self, dialect: Dialect) -> Any:
        if dialect.name == "sqlite":
            return lambda v: None if v is None else str(v)
        return None  # psycopg adapts Python ints to numeric exactly

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        return lambda v: None if v is None else int(v)


ADDRESS = String(42)
HASH = String(66)

# The structs of the configuration events (DataTypes.MarketParams, IPriceOracle.Feed).
MARKET_PARAMS = [
    ("imRatio", "small"),
    ("mmRatio", "small"),
    ("feeRatio", "small"),
    ("insuranceFeeShare", "small"),
    ("liquidationPenaltyRatio", "small"),
    ("maxPriceMoveRatio", "small"),
    ("maxSpreadRatio", "small"),
    ("fundingInterval", "small"),
    ("maxLongOpenInterest", "uint"),
    ("maxShortOpenInterest", "uint"),
]
FEED = [
    ("chainlink", "address"),
    ("chainlinkDecimals", "small"),
    ("chainlinkMaxAge", "small"),
    ("pythMaxAge", "small"),
    ("maxDeviation", "small"),
    ("pythId", "bytes32"),
    ("minPrice", "uint"),
    ("maxPrice", "uint"),
    ("maxConfidence", "small"),
]

# Every indexed event: its ABI argument names and kinds. `address`, `uint`/`int` (wider than 64
# bits: BigNum), `small` (64 bits or less), `bool`, `bytes32`, `bytes` (hex text), or a struct:
# a list of its fields. tests/integration/indexer/test_events.py checks this against the compiled ABIs.
EVENTS: dict[str, list[tuple[str, Any]]] = {
    # ClearingHouse (the ledger, trading, liquidation, funding, curves, configuration)
    "Deposited": [("trader", "address"), ("payer", "address"), ("amount", "uint")],
    "Withdrawn": [("trader", "address"), ("to", "address"), ("amount", "uint")],
    "BalanceTransferred": [("from", "address"), ("to", "address"), ("amount", "uint")],
    "PnlSettled": [("account", "address"), ("amount", "int")],
    "FundingEscrowChanged": [("counterparty", "address"), ("payment", "int"), ("escrow", "int")],
    "LossSocialized": [
        ("trader", "address"),
        ("loss", "uint"),
        ("oldIndex", "uint"),
        ("newIndex", "uint"),
        ("totalShares", "uint"),
    ],
    "DeficitRecorded": [("trader", "address"), ("amount", "uint"), ("totalDeficit", "uint")],
    "DeficitRepaid": [("payer", "address"), ("amount", "uint"), ("totalDeficit", "uint")],
    "SystemAccountsSet": [("insuranceFund", "address"), ("liquidityPool", "address")],
    "PositionChanged": [
        ("trader", "address"),
        ("baseToken", "address"),
        ("exchangedSize", "int"),
        ("exchangedNotional", "int"),
        ("fee", "uint"),
        ("openNotional", "int"),
        ("realizedPnl", "int"),
        ("markPrice", "uint"),
    ],
    "PositionMinted": [("trader", "address"), ("baseToken", "address"), ("tokenId", "uint")],
    "PositionBurned": [("trader", "address"), ("baseToken", "address"), ("tokenId", "uint")],
    "OperatorApproved": [
        ("trader", "address"),
        ("operator", "address"),
        ("actions", "uint"),
        ("current", "uint"),
    ],
    "OperatorRevoked": [
        ("trader", "address"),
        ("operator", "address"),
        ("actions", "uint"),
        ("current", "uint"),
    ],
    "PositionLiquidated": [
        ("trader", "address"),
        ("baseToken", "address"),
        ("liquidatedSize", "uint"),
        ("liquidatedNotional", "uint"),
        ("penalty", "uint"),
        ("liquidator", "address"),
    ],
    "LiquidationCapped": [
        ("trader", "address"),
        ("baseToken", "address"),
        ("plannedSize", "uint"),
        ("closedSize", "uint"),
        ("accountValue", "int"),
    ],
    "BadDebtCovered": [
        ("trader", "address"),
        ("debt", "uint"),
        ("coveredByInsurance", "uint"),
        ("socialized", "uint"),
        ("deficit", "uint"),
    ],
    "FundingUpdated": [
        ("baseToken", "address"),
        ("rate", "int"),
        ("markTwap", "uint"),
        ("indexTwap", "uint"),
    ],
    "FundingIndexMoved": [
        ("baseToken", "address"),
        ("indexDelta", "int"),
        ("cumulativeIndex", "int"),
        ("poolReceived", "int"),
        ("insuranceReceived", "int"),
    ],
    "FundingSettled": [("trader", "address"), ("baseToken", "address"), ("amount", "int")],
    "KAdjusted": [
        ("baseToken", "address"),
        ("oldBase", "uint"),
        ("oldQuote", "uint"),
        ("newBase", "uint"),
        ("newQuote", "uint"),
        ("cost", "int"),
    ],
    "Repegged": [
        ("baseToken", "address"),
        ("oldPrice", "uint"),
        ("newPrice", "uint"),
        ("newBase", "uint"),
        ("newQuote", "uint"),
        ("cost", "int"),
    ],
    "CurveMigrated": [("baseToken", "address"), ("cost", "int"), ("isRepeg", "bool")],
    # the netting engine (OrderLogic and NettingLogic, in the core's context)
    "OrderQueued": [
        ("trader", "address"),
        ("baseToken", "address"),
        ("orderId", "uint"),
        ("size", "int"),
        ("acceptablePrice", "uint"),
        ("deadline", "uint"),
        ("reduceOnly", "bool"),
        ("reserve", "uint"),
    ],
    "OrderCancelled": [
        ("trader", "address"),
        ("baseToken", "address"),
        ("orderId", "uint"),
        ("reason", "small"),
        ("fee", "uint"),
    ],
    "OrderFilled": [
        ("trader", "address"),
        ("baseToken", "address"),
        ("orderId", "uint"),
        ("size", "int"),
        ("price", "uint"),
        ("fee", "uint"),
    ],
    "OrderRested": [
        ("trader", "address"),
        ("baseToken", "address"),
        ("orderId", "uint"),
        ("newOrderId", "uint"),
        ("size", "int"),
    ],
    "BatchExecuted": [
        ("baseToken", "address"),
        ("longTotal", "uint"),
        ("shortTotal", "uint"),
        ("p0", "uint"),
        ("swapBase", "int"),
        ("swapQuote", "int"),
        ("fills", "uint"),
    ],
    "NettingParamsChanged": [
        ("oldExecutionFee", "uint"),
        ("oldBatchWindow", "small"),
        ("executionFee", "uint"),
        ("batchWindow", "small"),
    ],
    "MarketAdded": [
        ("baseToken", "address"),
        ("id", "small"),
        ("baseReserve", "uint"),
        ("quoteReserve", "uint"),
    ],
    "MarketParamsChanged": [("baseToken", "address"), ("old", MARKET_PARAMS), ("params", MARKET_PARAMS)],
    "GlobalParamsChanged": [
        ("oldMinPositionNotional", "uint"),
        ("oldFullLiquidationThreshold", "uint"),
        ("oldLiquidatorShare", "small"),
        ("minPositionNotional", "uint"),
        ("fullLiquidationThreshold", "uint"),
        ("liquidatorShare", "small"),
    ],
    "GuardianChanged": [("oldGuardian", "address"), ("guardian", "address")],
    "PauseChanged": [("baseToken", "address"), ("wasPaused", "bool"), ("paused", "bool")],
    # Ownable2Step (the core, the oracle, the insurance fund, the pool)
    "OwnershipTransferStarted": [("previousOwner", "address"), ("newOwner", "address")],
    "OwnershipTransferred": [("previousOwner", "address"), ("newOwner", "address")],
    # PriceOracle
    "FeedSet": [("baseToken", "address"), ("old", FEED), ("feed", FEED)],
    "IndexObserved": [("baseToken", "address"), ("price", "uint"), ("source", "small")],
    "PythUpdated": [("payer", "address"), ("fee", "uint")],
    "SequencerUptimeFeedSet": [("old", "address"), ("feed", "address")],
    "SequencerGracePeriodSet": [("old", "uint"), ("gracePeriod", "uint")],
    # InsuranceFund
    "SurplusWithdrawn": [
        ("to", "address"),
        ("amountUsdc", "uint"),
        ("balanceAfter", "uint"),
        ("floor", "uint"),
    ],
    # LiquidityPool (ERC-4626 and ERC-20 events included)
    "Deposit": [("sender", "address"), ("owner", "address"), ("assets", "uint"), ("shares", "uint")],
    "Withdraw": [
        ("sender", "address"),
        ("receiver", "address"),
        ("owner", "address"),
        ("assets", "uint"),
        ("shares", "uint"),
    ],
    "Transfer": [("from", "address"), ("to", "address"), ("value", "uint")],
    "Approval": [("owner", "address"), ("spender", "address"), ("value", "uint")],
    "DepthTargetSet": [("baseToken", "address"), ("oldDepthRatio", "small"), ("depthRatio", "small")],
    "DepthSynced": [
        ("baseToken", "address"),
        ("oldQuoteReserve", "uint"),
        ("newQuoteReserve", "uint"),
        ("cost", "int"),
    ],
    "DepthSyncSkipped": [("baseToken", "address"), ("targetQuoteReserve", "uint"), ("reason", "bytes")],
    "PoolParamsChanged": [
        ("oldMaxUtilisation", "small"),
        ("oldMinDepthChange", "small"),
        ("maxUtilisation", "small"),
        ("minDepthChange", "small"),
    ],
    "IncomeVestingPeriodSet": [("oldPeriod", "small"), ("period", "small")],
    "IncomeLocked": [("income", "uint"), ("lockedTotal", "uint"), ("unlockEnd", "uint")],
    "LossRecognized": [("loss", "uint"), ("absorbedByLockedIncome", "uint"), ("lockedTotal", "uint")],
    # LiquidationBatcher (a keeper's many liquidations in one transaction; the core's
    # PositionLiquidated names the batcher as the liquidator)
    "LiquidationSkipped": [
        ("keeper", "address"),
        ("trader", "address"),
        ("baseToken", "address"),
        ("index", "uint"),
        ("reason", "bytes"),
    ],
    "BatchLiquidated": [
        ("keeper", "address"),
        ("targets", "uint"),
        ("liquidated", "uint"),
        ("rewardUsdc", "uint"),
    ],
    # PerpGovernor (OpenZeppelin's Governor with its settings, counting, quorum and timelock
    # extensions)
    "ProposalCreated": [
        ("proposalId", "uint"),
        ("proposer", "address"),
        ("targets", "address[]"),
        ("values", "uint[]"),
        ("signatures", "string[]"),
        ("calldatas", "bytes[]"),
        ("voteStart", "uint"),
        ("voteEnd", "uint"),
        ("description", "string"),
    ],
    "VoteCast": [
        ("voter", "address"),
        ("proposalId", "uint"),
        ("support", "small"),
        ("weight", "uint"),
        ("reason", "string"),
    ],
    "VoteCastWithParams": [
        ("voter", "address"),
        ("proposalId", "uint"),
        ("support", "small"),
        ("weight", "uint"),
        ("reason", "string"),
        ("params", "bytes"),
    ],
    "ProposalQueued": [("proposalId", "uint"), ("etaSeconds", "uint")],
    "ProposalExecuted": [("proposalId", "uint")],
    "ProposalCanceled": [("proposalId", "uint")],
    "ProposalThresholdSet": [("oldProposalThreshold", "uint"), ("newProposalThreshold", "uint")],
    "QuorumNumeratorUpdated": [("oldQuorumNumerator", "uint"), ("newQuorumNumerator", "uint")],
    "TimelockChange": [("oldTimelock", "address"), ("newTimelock", "address")],
    "VotingDelaySet": [("oldVotingDelay", "uint"), ("newVotingDelay", "uint")],
    "VotingPeriodSet": [("oldVotingPeriod", "uint"), ("newVotingPeriod", "uint")],
    "EIP712DomainChanged": [],  # the Governor and the token (ERC-5267)
    # GovernanceTimelock (OpenZeppelin's TimelockController; `id` is the operation's id)
    "CallScheduled": [
        ("id", "bytes32"),
        ("index", "uint"),
        ("target", "address"),
        ("value", "uint"),
        ("data", "bytes"),
        ("predecessor", "bytes32"),
        ("delay", "uint"),
    ],
    "CallExecuted": [
        ("id", "bytes32"),
        ("index", "uint"),
        ("target", "address"),
        ("value", "uint"),
        ("data", "bytes"),
    ],
    "CallSalt": [("id", "bytes32"), ("salt", "bytes32")],
    "Cancelled": [("id", "bytes32")],
    "MinDelayChange": [("oldDuration", "uint"), ("newDuration", "uint")],
    "OwnershipAccepted": [("target", "address")],
    "RoleAdminChanged": [("role", "bytes32"), ("previousAdminRole", "bytes32"), ("newAdminRole", "bytes32")],
    "RoleGranted": [("role", "bytes32"), ("account", "address"), ("sender", "address")],
    "RoleRevoked": [("role", "bytes32"), ("account", "address"), ("sender", "address")],
    # GovernanceToken (ERC20Votes; its Transfer and Approval share the pool's tables)
    "DelegateChanged": [("delegator", "address"), ("fromDelegate", "address"), ("toDelegate", "address")],
    "DelegateVotesChanged": [("delegate", "address"), ("previousVotes", "uint"), ("newVotes", "uint")],
}

RENAMED = {"from": "from_address", "to": "to_address", "id": "market_id"}
# the timelock's `id` is an operation's id, not a market's
RENAMED_IN = {(e, "id"): "operation_id" for e in ("CallScheduled", "CallExecuted", "CallSalt", "Cancelled")}
LOG_COLUMNS = ("chain_id", "block_number", "block_hash", "log_index", "tx_hash", "contract", "timestamp")
# kinds stored as text: `string`, and arrays as JSON lists (numbers as JSON integers, bytes and
# addresses as lower-case hex)
TEXT_KINDS = frozenset({"string", "address[]", "uint[]", "string[]", "bytes[]"})


def snake(name: str) -> str:
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()
    return RENAMED.get(s, s)


def arg_column(event: str, arg: str) -> str:
    """The column of a (non-struct) argument of `event`."""
    return RENAMED_IN.get((event, arg)) or snake(arg)


def table_name(event: str) -> str:
    return "ev_" + snake(event)


def struct_column(event: str, arg: str, field: str) -> str:
    """The column of a struct argument's field: the field's name, prefixed by the argument's
    when the event carries more than one struct (a setter's old and new values:
    `old_im_ratio`, `params_im_ratio`)."""
    structs = sum(isinstance(kind, list) for _n, kind in EVENTS[event])
    return snake(f"{arg}_{field}") if structs > 1 else snake(field)


def event_columns(event: str) -> list[tuple[str, str]]:
    """(column, kind) of an event's arguments, structs flattened into their fields."""
    out: list[tuple[str, str]] = []
    for name, kind in EVENTS[event]:
        if isinstance(kind, list):
            out += [(struct_column(event, name, n), k) for n, k in kind]
        else:
            out.append((arg_column(event, name), kind))
    return out


_KIND_TYPES: dict[str, Any] = {
    "address": lambda: ADDRESS,
    "uint": BigNum,
    "int": BigNum,
    "small": BigInteger,
    "bool": Boolean,
    "bytes32": lambda: HASH,
    "bytes": Text,
    **{k: Text for k in TEXT_KINDS},
}

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s",  # one unique constraint per table: (chain_id, block_hash, log_index)
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _log_columns() -> list[Column[Any]]:
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("chain_id", BigInteger, nullable=False),
        Column("block_number", BigInteger, nullable=False),
        Column("block_hash", HASH, nullable=False),
        Column("log_index", Integer, nullable=False),
        Column("tx_hash", HASH, nullable=False),
        Column("contract", ADDRESS, nullable=False),
        Column("timestamp", BigInteger, nullable=False),
    ]


# events read by account (the dashboard's account page): an index on (trader, block_number)
BY_TRADER = ("PositionMinted", "PositionBurned")


def _event_table(event: str) -> Table:
    name = table_name(event)
    cols = [Column(c, _KIND_TYPES[k](), nullable=False) for c, k in event_columns(event)]
    extra = [Index(f"ix_{name}_trader", "trader", "block_number")] if event in BY_TRADER else []
    return Table(
        name,
        Base.metadata,
        *_log_columns(),
        *cols,
        UniqueConstraint("chain_id", "block_hash", "log_index"),
        Index(f"ix_{name}_chain_block", "chain_id", "block_number"),
        *extra,
    )


EVENT_TABLES: dict[str, Table] = {e: _event_table(e) for e in EVENTS}


# ------------------------------------------------------------------------------ bookkeeping


class Cursor(Base):
    """The last block whose logs of `contract` are all in the database."""

    __tablename__ = "cursors"
    chain_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    contract: Mapped[str] = mapped_column(ADDRESS, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    block_number: Mapped[int] = mapped_column(BigInteger)


class Block(Base):
    """A recent block's hash as ingested (range ends and blocks with logs), for reorg detection;
    blocks deeper than the confirmations depth are dropped (final)."""

    __tablename__ = "blocks"
    chain_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    number: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    hash: Mapped[str] = mapped_column(HASH)


# ------------------------------------------------------------------------------ derived


class Position(Base):
    """The current position of an account in a market: size = Σ exchangedSize of its
    PositionChanged events, open notional = the last one's, and its running totals."""

    __tablename__ = "positions"
    chain_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    trader: Mapped[str] = mapped_column(ADDRESS, primary_key=True)
    base_token: Mapped[str] = mapped_column(ADDRESS, primary_key=True)
    size: Mapped[int] = mapped_column(BigNum)
    open_notional: Mapped[int] = mapped_column(BigNum)
    realized_pnl: Mapped[int] = mapped_column(BigNum)  # Σ realizedPnl
    fees: Mapped[int] = mapped_column(BigNum)  # Σ fee
    funding: Mapped[int] = mapped_column(BigNum)  # Σ FundingSettled.amount (> 0: paid)
    trades: Mapped[int] = mapped_column(Integer)
    liquidations: Mapped[int] = mapped_column(Integer)
    last_block: Mapped[int] = mapped_column(BigInteger)


class AccountEntry(Base):
    """One event that changed an account: kind trade | liquidated | funding | deposit | withdraw |
    bad_debt, with the PnL, funding, fee and collateral amounts it carried (18 decimals; 0 when
    not applicable)."""

    __tablename__ = "account_history"
    __table_args__ = (
        UniqueConstraint("chain_id", "block_hash", "log_index"),
        Index("ix_account_history_trader", "chain_id", "trader", "block_number"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chain_id: Mapped[int] = mapped_column(BigInteger)
    block_number: Mapped[int] = mapped_column(BigInteger)
    block_hash: Mapped[str] = mapped_column(HASH)
    log_index: Mapped[int] = mapped_column(Integer)
    timestamp: Mapped[int] = mapped_column(BigInteger)
    trader: Mapped[str] = mapped_column(ADDRESS)
    base_token: Mapped[str | None] = mapped_column(ADDRESS, nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(BigNum)  # exchanged (trade) or liquidated size
    realized_pnl: Mapped[int] = mapped_column(BigNum)
    funding: Mapped[int] = mapped_column(BigNum)  # > 0 paid
    fee: Mapped[int] = mapped_column(BigNum)  # trading fee, or the liquidation penalty
    collateral: Mapped[int] = mapped_column(BigNum)  # deposit (+), withdrawal (-), bad debt (+ covered)


class Candle(Base):
    """Hourly OHLC of a market's mark (PositionChanged.markPrice) or index
    (PriceOracle.IndexObserved.price), 18 decimals; `hour` is the bucket's start (unix s)."""

    __tablename__ = "candles"
    chain_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    base_token: Mapped[str] = mapped_column(ADDRESS, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # mark | index
    hour: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    open: Mapped[int] = mapped_column(BigNum)
    high: Mapped[int] = mapped_column(BigNum)
    low: Mapped[int] = mapped_column(BigNum)
    close: Mapped[int] = mapped_column(BigNum)
    count: Mapped[int] = mapped_column(Integer)


class FundingEntry(Base):
    """One funding update: FundingUpdated (rate, TWAPs) with the FundingIndexMoved of the same
    transaction and market (index move, what the pool and the insurance fund received)."""

    __tablename__ = "funding_history"
    __table_args__ = (
        UniqueConstraint("chain_id", "block_hash", "log_index"),
        Index("ix_funding_history_market", "chain_id", "base_token", "block_number"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chain_id: Mapped[int] = mapped_column(BigInteger)
    block_number: Mapped[int] = mapped_column(BigInteger)
    block_hash: Mapped[str] = mapped_column(HASH)
    log_index: Mapped[int] = mapped_column(Integer)  # the FundingUpdated log
    tx_hash: Mapped[str] = mapped_column(HASH)
    timestamp: Mapped[int] = mapped_column(BigInteger)
    base_token: Mapped[str] = mapped_column(ADDRESS)
    rate: Mapped[int] = mapped_column(BigNum)
    mark_twap: Mapped[int] = mapped_column(BigNum)
    index_twap: Mapped[int] = mapped_column(BigNum)
    index_delta: Mapped[int | None] = mapped_column(BigNum, nullable=True)
    cumulative_index: Mapped[int | None] = mapped_column(BigNum, nullable=True)
    pool_received: Mapped[int | None] = mapped_column(BigNum, nullable=True)
    insurance_received: Mapped[int | None] = mapped_column(BigNum, nullable=True)


class LiquidationEntry(Base):
    """One PositionLiquidated, with the LiquidationCapped of the same transaction, account and
    market when the close was capped at the bankruptcy size. `liquidator` is the event's (the
    core's caller); `keeper` is who liquidated: the liquidator itself, or, when the liquidator is
    the LiquidationBatcher, the keeper of the batch (its BatchLiquidated of the same
    transaction), with `batched` set."""

    __tablename__ = "liquidations"
    __table_args__ = (UniqueConstraint("chain_id", "block_hash", "log_index"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chain_id: Mapped[int] = mapped_column(BigInteger)
    block_number: Mapped[int] = mapped_column(BigInteger)
    block_hash: Mapped[str] = mapped_column(HASH)
    log_index: Mapped[int] = mapped_column(Integer)
    tx_hash: Mapped[str] = mapped_column(HASH)
    timestamp: Mapped[int] = mapped_column(BigInteger)
    trader: Mapped[str] = mapped_column(ADDRESS)
    base_token: Mapped[str] = mapped_column(ADDRESS)
    liquidator: Mapped[str] = mapped_column(ADDRESS)
    keeper: Mapped[str] = mapped_column(ADDRESS)
    batched: Mapped[bool] = mapped_column(Boolean)
    size: Mapped[int] = mapped_column(BigNum)
    notional: Mapped[int] = mapped_column(BigNum)
    penalty: Mapped[int] = mapped_column(BigNum)
    capped: Mapped[bool] = mapped_column(Boolean)
    planned_size: Mapped[int | None] = mapped_column(BigNum, nullable=True)


class BadDebtEntry(Base):
    """One BadDebtCovered, with the running totals of debt, insurance cover, socialised loss
    and recorded deficit (invariant 10: debt = covered + socialised + deficit)."""

    __tablename__ = "bad_debts"
    __table_args__ = (UniqueConstraint("chain_id", "block_hash", "log_index"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chain_id: Mapped[int] = mapped_column(BigInteger)
    block_number: Mapped[int] = mapped_column(BigInteger)
    block_hash: Mapped[str] = mapped_column(HASH)
    log_index: Mapped[int] = mapped_column(Integer)
    timestamp: Mapped[int] = mapped_column(BigInteger)
    trader: Mapped[str] = mapped_column(ADDRESS)
    debt: Mapped[int] = mapped_column(BigNum)
    covered: Mapped[int] = mapped_column(BigNum)
    socialized: Mapped[int] = mapped_column(BigNum)
    deficit: Mapped[int] = mapped_column(BigNum)
    total_debt: Mapped[int] = mapped_column(BigNum)
    total_covered: Mapped[int] = mapped_column(BigNum)
    total_socialized: Mapped[int] = mapped_column(BigNum)
    total_deficit: Mapped[int] = mapped_column(BigNum)


class PoolSharePrice(Base):
    """The pool's share price at each LP deposit or withdrawal (ERC-4626 Deposit / Withdraw):
    assets per share of that conversion (USDC units per share unit, scaled by 1e18), with the
    share supply after it (Σ mints − Σ burns of the pool's Transfer events)."""

    __tablename__ = "pool_share_prices"
    __table_args__ = (UniqueConstraint("chain_id", "block_hash", "log_index"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chain_id: Mapped[int] = mapped_column(BigInteger)
    block_number: Mapped[int] = mapped_column(BigInteger)
    block_hash: Mapped[str] = mapped_column(HASH)
    log_index: Mapped[int] = mapped_column(Integer)
    timestamp: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(8))  # deposit | withdraw
    assets: Mapped[int] = mapped_column(BigNum)
    shares: Mapped[int] = mapped_column(BigNum)
    price: Mapped[int] = mapped_column(BigNum)  # assets * 1e18 // shares
    total_supply: Mapped[int] = mapped_column(BigNum)


class NettingBatch(Base):
    """One netting batch of a market (BatchExecuted, at the end of its fill pass): L and S (the
    long and short totals that took part), p0 (the uniform price of the matched part), the
    remainder's swap on the curve (signed base and quote: + the traders bought base), the
    number of fills, and, from the order events of its fill pass (which may span several
    executeBatch transactions), the orders cancelled and rested and the execution fees taken.
    `number` counts the market's batches from 1; `first_block` is its fill pass's first block."""

    __tablename__ = "netting_batches"
    __table_args__ = (
        UniqueConstraint("chain_id", "block_hash", "log_index"),
        Index("ix_netting_batches_market", "chain_id", "base_token", "number"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chain_id: Mapped[int] = mapped_column(BigInteger)
    block_number: Mapped[int] = mapped_column(BigInteger)
    block_hash: Mapped[str] = mapped_column(HASH)
    log_index: Mapped[int] = mapped_column(Integer)
    tx_hash: Mapped[str] = mapped_column(HASH)
    timestamp: Mapped[int] = mapped_column(BigInteger)
    base_token: Mapped[str] = mapped_column(ADDRESS)
    number: Mapped[int] = mapped_column(Integer)
    long_total: Mapped[int] = mapped_column(BigNum)  # L
    short_total: Mapped[int] = mapped_column(BigNum)  # S
    p0: Mapped[int] = mapped_column(BigNum)
    swap_base: Mapped[int] = mapped_column(BigNum)
    swap_quote: Mapped[int] = mapped_column(BigNum)
    fills: Mapped[int] = mapped_column(Integer)
    cancelled: Mapped[int] = mapped_column(Integer)
    rested: Mapped[int] = mapped_column(Integer)
    fees: Mapped[int] = mapped_column(BigNum)  # execution fees of its fills and cancellations
    first_block: Mapped[int] = mapped_column(BigInteger)


class NettingOrder(Base):
    """One order of the netting queue and its lifecycle: queued (OrderQueued, or OrderRested for
    the rest of an order moved to the queue's tail: `parent_id`), then filled (OrderFilled),
    rested (moved on as `rested_as`, after a partial fill when `filled_size` is not 0) or
    cancelled (OrderCancelled: `cancel_reason` 0 by its trader, 1 deadline passed, 2 margin
    failed, 3 nothing to reduce). A batch's fill pass settles its orders: `batch_block` and
    `batch_log_index` name its BatchExecuted. Sizes signed (+ long), 18 decimals."""

    __tablename__ = "netting_orders"
    __table_args__ = (Index("ix_netting_orders_trader", "chain_id", "trader"),)
    chain_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    base_token: Mapped[str] = mapped_column(ADDRESS, primary_key=True)
    order_id: Mapped[int] = mapped_column(BigNum, primary_key=True)
    trader: Mapped[str] = mapped_column(ADDRESS)
    size: Mapped[int] = mapped_column(BigNum)
    acceptable_price: Mapped[int | None] = mapped_column(BigNum, nullable=True)
    deadline: Mapped[int | None] = mapped_column(BigNum, nullable=True)
    reduce_only: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    reserve: Mapped[int | None] = mapped_column(BigNum, nullable=True)
    parent_id: Mapped[int | None] = mapped_column(BigNum, nullable=True)
    status: Mapped[str] = mapped_column(String(12))  # queued | filled | rested | cancelled
    cancel_reason: Mapped[int | None] = mapped_column(Integer, nullable=True)
    filled_size: Mapped[int] = mapped_column(BigNum)
    fill_price: Mapped[int | None] = mapped_column(BigNum, nullable=True)
    fee: Mapped[int] = mapped_column(BigNum)  # execution fee paid
    rested_as: Mapped[int | None] = mapped_column(BigNum, nullable=True)
    queued_block: Mapped[int] = mapped_column(BigInteger)
    queued_timestamp: Mapped[int] = mapped_column(BigInteger)
    queued_tx: Mapped[str] = mapped_column(HASH)
    closed_block: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    closed_timestamp: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    batch_block: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    batch_log_index: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ProposalEntry(Base):
    """One Governor proposal: its ProposalCreated (proposer, calls as JSON lists, description
    with its title and metadata CID, vote start and end: the Governor's timestamp clock), the
    running vote totals (VoteCast and VoteCastWithParams: support 0 against, 1 for, 2 abstain),
    and its lifecycle from events: `status` proposed | queued | executed | canceled (cancelled
    through the Governor, or its timelock operation cancelled by the guardian: Cancelled of the
    operation `timelock_id` that its ProposalQueued's transaction scheduled). The Governor's full
    state (Pending, Active, Defeated, Succeeded, Expired...) also depends on the time and the
    quorum: vperp.indexer.queries.proposals computes it."""

    __tablename__ = "proposals"
    chain_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(BigNum, primary_key=True)
    governor: Mapped[str] = mapped_column(ADDRESS)
    proposer: Mapped[str] = mapped_column(ADDRESS)
    targets: Mapped[str] = mapped_column(Text)  # JSON
    values: Mapped[str] = mapped_column(Text)  # JSON
    signatures: Mapped[str] = mapped_column(Text)  # JSON
    calldatas: Mapped[str] = mapped_column(Text)  # JSON
    description: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    cid: Mapped[str | None] = mapped_column(String(100), nullable=True)
    vote_start: Mapped[int] = mapped_column(BigInteger)
    vote_end: Mapped[int] = mapped_column(BigInteger)
    for_votes: Mapped[int] = mapped_column(BigNum)
    against_votes: Mapped[int] = mapped_column(BigNum)
    abstain_votes: Mapped[int] = mapped_column(BigNum)
    voters: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12))
    eta: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    timelock_id: Mapped[str | None] = mapped_column(HASH, nullable=True)
    created_block: Mapped[int] = mapped_column(BigInteger)
    created_timestamp: Mapped[int] = mapped_column(BigInteger)
    created_tx: Mapped[str] = mapped_column(HASH)
    queued_block: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    executed_block: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    canceled_block: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


DERIVED_TABLES = (
    Position.__table__,
    AccountEntry.__table__,
    Candle.__table__,
    FundingEntry.__table__,
    LiquidationEntry.__table__,
    BadDebtEntry.__table__,
    PoolSharePrice.__table__,
    NettingBatch.__table__,
    NettingOrder.__table__,
    ProposalEntry.__table__,
)
