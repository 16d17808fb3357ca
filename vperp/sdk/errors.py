"""Decoded errors: every custom error of the protocol's contracts (interfaces/IClearingHouseErrors,
IPriceOracle, InsuranceFund, LiquidityPool, the governance contracts, the OpenZeppelin errors they inherit and Pyth's errors
that come back through the oracle's updatePythPrice) as one
readable sentence with its values in human units, e.g.

    withdraw exceeds free collateral: asked 1,200.00 USDC, free 850.12

`MESSAGES` maps an error's name to its template and the unit of each argument (positional, in the
ABI's order); `describe` formats one; `decode` turns revert data into (name, arguments) with the
ABIs of the given contracts; `explain` turns whatever a failed Ape call or transaction raised into
a `ProtocolError` carrying that sentence. tests/unit/sdk checks that every error in the ABIs has
a message, so a new error cannot be forgotten."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from eth_abi import decode as abi_decode
from eth_utils import keccak, to_checksum_address

from vperp.sdk import display
from vperp.sdk.units import ONE

# Units of an argument: how `describe` prints it.
ADDR = "addr"  # an address: a market's symbol or an account's name when known
SELF = "self"  # the account the error is about, left out of the sentence (the caller knows it)
USD = "usd"  # 18-decimal USD amount
USDC = "usdc"  # 6-decimal USDC amount
PRICE = "price"  # 18-decimal price
BASE = "base"  # 18-decimal base amount
SHARES = "shares"  # 18-decimal pool shares
RATIO = "ratio"  # 1e6-based ratio
TIME = "time"  # unix timestamp
SIDE = "side"  # bool: long (true) or short
ETH = "eth"  # native wei
WAD = "wad"  # 18-decimal amount of base or quote (the call says which)
INT = "int"  # plain integer
RAW = "raw"  # raw integer in the call's own units
HEX = "hex"  # bytes

MESSAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    # ---- input
    "ZeroAmount": ("the amount is zero (or the trade rounds to nothing on the curve)", ()),
    "ZeroAddress": ("an address argument is the zero address", ()),
    "AmountTooLarge": ("amount too large: {0} (at most {1}, in the call's units)", (RAW, RAW)),
    "ValueOutOfRange": ("value {0} outside its range [{1}, {2}]", (RAW, RAW, RAW)),
    "ParamOutOfBounds": ("parameter {0} outside its bounds [{1}, {2}]", (RAW, RAW, RAW)),
    "DeadlineExpired": ("deadline expired: {0}, now {1}", (TIME, TIME)),
    "UnknownMarket": ("unknown market {0}", (ADDR,)),
    # ---- access
    "OnlyGuardian": ("only the guardian or the owner may do this (caller {0})", (ADDR,)),
    "OnlySystemAccount": (
        "only the insurance fund or the liquidity pool may do this (caller {0})",
        (ADDR,),
    ),
    "OnlyDelegateCall": ("logic contracts run only through the clearing house", ()),
    "AlreadyInitialized": ("already initialised: the system accounts are set once", ()),
    "SystemAccountsEqual": ("the insurance fund and the liquidity pool must differ ({0})", (ADDR,)),
    "SystemAccountInUse": (
        "{0} already holds trader collateral or a position: it cannot become a system account",
        (ADDR,),
    ),
    "OwnableUnauthorizedAccount": ("only the owner may do this (caller {0})", (ADDR,)),
    "OwnableInvalidOwner": ("invalid owner {0}", (ADDR,)),
    "ReentrancyGuardReentrantCall": ("re-entrant call refused", ()),
    # ---- ledger
    "InsufficientFreeCollateral": (
        "withdraw exceeds free collateral: asked {1} USDC, free {2}",
        (SELF, USD, USD),
    ),
    "InsufficientBalance": (
        "insufficient balance of {0}: asked {1} USDC, balance {2}",
        (ADDR, USD, USD),
    ),
    # ---- curve
    "InvalidReserves": (
        "the curve would leave its bounds: base reserve {0}, quote reserve {1}",
        (BASE, USD),
    ),
    "InsufficientLiquidity": (
        "not enough liquidity on the curve: reserve {0}, asked {1}",
        (BASE, BASE),
    ),
    "PriceMoveTooLarge": (
        "fluctuation limit: {0} would move from {1} to {2} in one block, more than {3}",
        (ADDR, PRICE, PRICE, RATIO),
    ),
    # ---- trading
    "SlippageExceeded": ("slippage bound exceeded: the fill gives {0}, the bound is {1}", (WAD, WAD)),
    "TooManyMarkets": ("account {0} would hold more than {1} markets", (ADDR, INT)),
    "InsufficientMargin": (
        "initial margin not met: account value {1} USD, initial requirement {2} USD",
        (SELF, USD, USD),
    ),
    "DustPosition": (
        "position too small in {0}: notional {1} USD, minimum {2} USD",
        (ADDR, USD, USD),
    ),
    "IndexStale": ("the index price of {0} is stale: only reducing is allowed", (ADDR,)),
    "MarketPaused": ("{0} is paused: only reducing and closing are allowed", (ADDR,)),
    "SpreadTooLarge": (
        "spread band: the mark of {0} would be {1}, index {2}, beyond {3}",
        (ADDR, PRICE, PRICE, RATIO),
    ),
    "OpenInterestCapExceeded": (
        "open-interest cap of {0} ({1}): open interest would be {2}, cap {3}",
        (ADDR, SIDE, BASE, BASE),
    ),
    "NoPosition": ("{0} has no position in {1}", (ADDR, ADDR)),
    "AccountUnderWater": (
        "the trade would leave the account under water: collateral {1} USD, value at anchor prices {2} USD",
        (SELF, USD, USD),
    ),
    # ---- liquidation
    "NotLiquidatable": (
        "not liquidatable: account value {1} USD, maintenance requirement {2} USD",
        (SELF, USD, USD),
    ),
    "LiquidationBeyondBankruptcy": (
        "liquidation of {0} in {1} cannot close anything without passing its bankruptcy size "
        "(account value {2} USD): wait for a better curve",
        (ADDR, ADDR, USD),
    ),
    # ---- funding
    "FundingTooEarly": ("funding of {0} not due before {1}", (ADDR, TIME)),
    # ---- configuration
    "MarketExists": ("market {0} is already listed", (ADDR,)),
    "TooManyTotalMarkets": ("too many markets listed ({0})", (INT,)),
    "KCostExceedsBudget": ("k change of {0} would cost {1} USD, budget {2} USD", (ADDR, USD, USD)),
    "MarginRaiseTooFast": (
        "maintenance ratio of {0} raised too fast: {1} -> {2} (at most {3}), next raise after {4}",
        (ADDR, RATIO, RATIO, RATIO, TIME),
    ),
    "KChangeTooLarge": ("k change of {0} too large: base reserve {1} -> {2}", (ADDR, BASE, BASE)),
    "KBelowOpenInterest": (
        "new base reserve of {0} ({1}) not above the short open interest ({2})",
        (ADDR, BASE, BASE),
    ),
    "CurveChangeTooSoon": ("curve of {0} changed too recently: next change after {1}", (ADDR, TIME)),
    # ---- oracle
    "UnknownFeed": ("no price feed for {0}", (ADDR,)),
    "InvalidBaseToken": ("invalid base token {0}", (ADDR,)),
    "NoPriceSource": ("{0} has no price source", (ADDR,)),
    "PythUnavailable": ("Pyth is not configured for {0} (price id {1})", (ADDR, HEX)),
    "ChainlinkDecimalsUnreadable": ("cannot read the decimals of {0}'s Chainlink feed {1}", (ADDR, ADDR)),
    "ChainlinkDecimalsOutOfBounds": (
        "Chainlink feed of {0} has {1} decimals, at most {2}",
        (ADDR, INT, INT),
    ),
    "ChainlinkMaxAgeOutOfBounds": (
        "Chainlink max age of {0}: {1} s outside [{2}, {3}] s",
        (ADDR, INT, INT, INT),
    ),
    "PythMaxAgeOutOfBounds": ("Pyth max age of {0}: {1} s outside [{2}, {3}] s", (ADDR, INT, INT, INT)),
    "MaxDeviationOutOfBounds": ("max deviation of {0}: {1}, at most {2}", (ADDR, RATIO, RATIO)),
    "MaxConfidenceOutOfBounds": (
        "max Pyth confidence of {0}: {1} outside [{2}, {3}]",
        (ADDR, RATIO, RATIO, RATIO),
    ),
    "PriceRangeInvalid": (
        "price range of {0} invalid: [{1}, {2}], at most {3}",
        (ADDR, PRICE, PRICE, PRICE),
    ),
    "InitialIndexStale": ("the feed of {0} gives no fresh price", (ADDR,)),
    "NoPythUpdate": ("no Pyth update data given", ()),
    "InsufficientPythFee": ("Pyth update fee not paid: needs {0} ETH, sent {1}", (ETH, ETH)),
    "RefundFailed": ("refund of {1} ETH to {0} failed", (ADDR, ETH)),
    "InsufficientGasForFeed": ("not enough gas left for the price feeds: {0}, needs {1}", (INT, INT)),
    "SequencerUnavailable": (
        "opening and increasing wait for the L2 sequencer: down {0}, since {1}, trading resumes at {2}",
        (RAW, TIME, TIME),
    ),
    "LiquidationWaitsForSequencer": (
        "liquidations wait for the L2 sequencer: down {0}, since {1}, resume at {2}",
        (RAW, TIME, TIME),
    ),
    "SequencerFeedUnreadable": ("the sequencer uptime feed {0} does not answer latestRoundData", (ADDR,)),
    "SequencerGracePeriodOutOfBounds": ("sequencer grace period {0} s outside [{1}, {2}] s", (INT, INT, INT)),
    # ---- Pyth (PythErrors), bubbling up through PriceOracle.updatePythPrice
    "InsufficientFee": ("Pyth refused the update: fee too low", ()),
    "InvalidArgument": ("Pyth refused the update: invalid argument", ()),
    "InvalidTwapUpdateDataSet": ("Pyth refused the update: invalid TWAP update data", ()),
    "NoFreshUpdate": ("Pyth has no fresher update for this feed", ()),
    "PriceFeedNotFound": ("Pyth has no such price feed", ()),
    "PriceFeedNotFoundWithinRange": ("Pyth has no update for this feed in the time range", ()),
    "StalePrice": ("the Pyth price is stale", ()),
    # ---- operators (IOperatorApproval), the router, the position NFT
    "NotOperator": ("{1} may not act for {0} here (scope {2} not granted)", (ADDR, ADDR, INT)),
    "InvalidOperatorActions": ("invalid operator scopes {0}: a non-zero subset of 1, 2, 4, 8", (INT,)),
    "SelfOperator": ("{0} cannot be its own operator", (ADDR,)),
    "RouterReentrancy": ("the router was re-entered", ()),
    "NoRouter": ("this deployment has no ExchangeRouter", ()),
    "UnknownSelector": ("the router has no function {0}", (HEX,)),
    "PermitFailed": ("USDC permit of {0} failed: allowance {1} USDC, needs {2}", (ADDR, USDC, USDC)),
    "InvalidCallCount": ("a multicall of {0} calls: 1 to {1}", (INT, INT)),
    # ---- the liquidation batcher
    "InvalidBatchLength": ("a liquidation batch of {0} targets: 1 to {1}", (INT, INT)),
    "TooFewLiquidated": ("the batch would liquidate {0} targets, fewer than {1} (or none)", (INT, INT)),
    "BatchOutOfGas": ("the batch ran out of gas at target {0} ({1} gas left before it)", (INT, INT)),
    "NonexistentToken": ("no open position behind token {0}", (INT,)),
    "TransferDisabled": ("position token {0} cannot be transferred (soulbound)", (INT,)),
    "ApprovalDisabled": ("position token {0} cannot be approved (soulbound)", (INT,)),
    "ApprovalForAllDisabled": ("{0} cannot be approved for position tokens (soulbound)", (ADDR,)),
    # ---- insurance fund
    "InvalidReceiver": ("invalid receiver {0}", (ADDR,)),
    "SurplusExceeded": (
        "insurance fund surplus exceeded: asked {0} USDC, available {1} (floor {2})",
        (USDC, USDC, USDC),
    ),
    # ---- liquidity pool
    "NetPositionOpen": ("traders hold a net position in {0} ({1} base)", (ADDR, BASE)),
    "UtilisationTooHigh": (
        "pool utilisation too high: open interest {0} USD against a pool of {1} USD after it, max {2}",
        (USD, USD, RATIO),
    ),
    "TooManyDepthTargets": ("too many depth targets ({0})", (INT,)),
    "DepthRatioOutOfBounds": ("depth ratio of {0}: {1} outside [{2}, {3}]", (ADDR, RATIO, RATIO, RATIO)),
    "ZeroShares": ("{0} USDC buys no pool share", (USDC,)),
    "ZeroAssets": ("{0} pool shares are worth nothing", (SHARES,)),
    "ERC4626ExceededMaxDeposit": (
        "pool deposit too large for {0}: {1} USDC, at most {2}",
        (ADDR, USDC, USDC),
    ),
    "ERC4626ExceededMaxMint": (
        "pool mint too large for {0}: {1} shares, at most {2}",
        (ADDR, SHARES, SHARES),
    ),
    "ERC4626ExceededMaxWithdraw": (
        "pool withdrawal too large for {0}: {1} USDC, at most {2}",
        (ADDR, USDC, USDC),
    ),
    "ERC4626ExceededMaxRedeem": (
        "pool redemption too large for {0}: {1} shares, at most {2}",
        (ADDR, SHARES, SHARES),
    ),
    # ---- tokens and casts (OpenZeppelin)
    "ERC20InsufficientBalance": ("{0} holds {1} token units, needs {2}", (ADDR, RAW, RAW)),
    "ERC20InsufficientAllowance": ("allowance of {0} is {1} token units, needs {2}", (ADDR, RAW, RAW)),
    "ERC20InvalidApprover": ("invalid approver {0}", (ADDR,)),
    "ERC20InvalidReceiver": ("invalid token receiver {0}", (ADDR,)),
    "ERC20InvalidSender": ("invalid token sender {0}", (ADDR,)),
    "ERC20InvalidSpender": ("invalid spender {0}", (ADDR,)),
    "SafeERC20FailedOperation": ("token transfer of {0} failed", (ADDR,)),
    "SafeCastOverflowedUintToInt": ("value {0} does not fit a signed integer", (RAW,)),
    # ---- netting engine
    "NoOrders": ("no queued orders in {0}", (ADDR,)),
    "BatchWindowOpen": ("the batch window of {0} is still open: it closes at {1}", (ADDR, TIME)),
    "BatchWindowClosed": (
        "the batch window of {0} closed at {1}: the order can no longer be cancelled",
        (ADDR, TIME),
    ),
    "BatchInProgress": ("a batch of {0} is being executed: wait for it to complete", (ADDR,)),
    "UnknownOrder": ("no queued order {1} in {0}", (ADDR, INT)),
    "NotOrderOwner": ("{0} may not cancel an order of {1}", (ADDR, ADDR)),
    "SelfTrade": ("{0} already has an order on the other side of {1} in this batch", (ADDR, ADDR)),
    "ReduceOnlyOrderExists": ("{0} already has a reduce-only order queued in {1}", (ADDR, ADDR)),
    "NothingToReduce": ("{0} has no position in {1} that this order would reduce", (ADDR, ADDR)),
    # ---- governance (GovernanceToken, PerpGovernor, GovernanceTimelock; OpenZeppelin's errors)
    "GuardianCannotResume": (
        "the guardian may pause but not resume (caller {0}): resuming is a vote",
        (ADDR,),
    ),
    "SettingOutOfBounds": ("governance setting {0} outside its bounds [{1}, {2}]", (RAW, RAW, RAW)),
    "DelayOutOfBounds": ("timelock delay {0} s outside [{1}, {2}] s", (INT, INT, INT)),
    "AccessControlUnauthorizedAccount": ("{0} lacks the role {1}", (ADDR, HEX)),
    "AccessControlBadConfirmation": ("a role can only be renounced by its holder", ()),
    "TimelockInsufficientDelay": ("timelock delay {0} s below the minimum {1} s", (INT, INT)),
    "TimelockInvalidOperationLength": (
        "timelock operation of mismatched lengths: {0} targets, {1} payloads, {2} values",
        (INT, INT, INT),
    ),
    "TimelockUnauthorizedCaller": ("only the timelock itself may do this (caller {0})", (ADDR,)),
    "TimelockUnexecutedPredecessor": ("the operation's predecessor {0} has not run", (HEX,)),
    "TimelockUnexpectedOperationState": (
        "timelock operation {0} is not in the state needed (states bitmap {1})",
        (HEX, HEX),
    ),
    "FailedCall": ("a call of the executed proposal failed", ()),
    "GovernorAlreadyCastVote": ("{0} has already voted", (ADDR,)),
    "GovernorAlreadyQueuedProposal": ("proposal {0} is already queued", (RAW,)),
    "GovernorDisabledDeposit": ("the Governor takes no ETH", ()),
    "GovernorInsufficientProposerVotes": (
        "{0} has {1} votes, a proposal needs {2}",
        (ADDR, WAD, WAD),
    ),
    "GovernorInvalidProposalLength": (
        "proposal of mismatched lengths: {0} targets, {1} calldatas, {2} values",
        (INT, INT, INT),
    ),
    "GovernorInvalidQuorumFraction": ("quorum {0}/{1} invalid", (INT, INT)),
    "GovernorInvalidSignature": ("invalid vote signature for {0}", (ADDR,)),
    "GovernorInvalidVoteParams": ("invalid vote parameters", ()),
    "GovernorInvalidVoteType": ("invalid vote type (0 against, 1 for, 2 abstain)", ()),
    "GovernorInvalidVotingPeriod": ("voting period {0} invalid", (INT,)),
    "GovernorNonexistentProposal": ("no proposal {0}", (RAW,)),
    "GovernorNotQueuedProposal": ("proposal {0} is not queued", (RAW,)),
    "GovernorOnlyExecutor": ("only the Governor's executor may do this (caller {0})", (ADDR,)),
    "GovernorOnlyProposer": ("only the proposer may do this (caller {0})", (ADDR,)),
    "GovernorQueueNotImplemented": ("this Governor does not queue", ()),
    "GovernorRestrictedProposer": ("{0} may not make this proposal", (ADDR,)),
    "GovernorUnexpectedProposalState": (
        "proposal {0} is in state {1}, not one of the states needed (bitmap {2})",
        (RAW, INT, HEX),
    ),
    "CheckpointOutOfRange": ("vote checkpoint {1} of {0} out of range ({2} checkpoints)", (ADDR, INT, INT)),
    "CheckpointUnorderedInsertion": ("vote checkpoints out of order", ()),
    "ECDSAInvalidSignature": ("invalid signature", ()),
    "ECDSAInvalidSignatureLength": ("invalid signature length {0}", (INT,)),
    "ECDSAInvalidSignatureS": ("invalid signature s value {0}", (HEX,)),
    "ERC20ExceededSafeSupply": ("token supply {0} would exceed the safe cap {1}", (WAD, WAD)),
    "ERC2612ExpiredSignature": ("permit expired at {0}", (TIME,)),
    "ERC2612InvalidSigner": ("permit signed by {0}, not by the owner {1}", (ADDR, ADDR)),
    "ERC5805FutureLookup": ("votes at {0} asked before the clock reached it (now {1})", (INT, INT)),
    "ERC6372InconsistentClock": ("the token's clock is inconsistent", ()),
    "InvalidAccountNonce": ("wrong nonce for {0}: the current one is {1}", (ADDR, INT)),
    "InvalidShortString": ("invalid short string", ()),
    "StringTooLong": ("string too long: {0}", (RAW,)),
    "SafeCastOverflowedUintDowncast": ("value {1} does not fit {0} bits", (INT, RAW)),
    "VotesExpiredSignature": ("vote delegation signature expired at {0}", (TIME,)),
    # ---- not custom errors
    "Panic": ("the contract panicked (code {0})", (HEX,)),
    "Error": ("the contract reverted: {0}", (RAW,)),
    "EmptyRevert": ("the call reverted without a reason", ()),
}


@dataclass
class ProtocolError(Exception):
    """A protocol revert: the error's name, its arguments and the readable sentence."""

    name: str
    values: tuple[Any, ...]
    message: str

    def __str__(self) -> str:
        return self.message


def _fmt(kind: str, v: Any, names: Mapping[str, str]) -> str:
    if kind == ADDR:
        a = to_checksum_address(v) if isinstance(v, str | bytes) else str(v)
        return names.get(a.lower(), a)
    if kind == USD:
        return display.usd(int(v))
    if kind == USDC:
        return display.usdc(int(v))
    if kind == PRICE:
        return display.price(int(v))
    if kind == BASE:
        return display.base(int(v))
    if kind == WAD:
        return display.number(Decimal(int(v)) / ONE, 6)
    if kind == SHARES:
        return display.number(Decimal(int(v)) / ONE, 6)
    if kind == RATIO:
        return display.ratio(int(v))
    if kind == TIME:
        return display.timestamp(int(v))
    if kind == SIDE:
        return "long" if v else "short"
    if kind == ETH:
        return display.number(Decimal(int(v)) / ONE, 6)
    if kind == HEX:
        return "0x" + v.hex() if isinstance(v, bytes) else hex(v) if isinstance(v, int) else str(v)
    if kind == INT:
        return f"{int(v):,}"
    return str(v)


def describe(
    name: str, values: Sequence[Any] | Mapping[str, Any] = (), names: Mapping[str, str] | None = None
) -> str:
    """The readable sentence of error `name` with its arguments (positional, or a mapping in the
    ABI's order). `names`: lower-case address -> display name (markets' symbols, accounts)."""
    args = list(values.values()) if isinstance(values, Mapping) else list(values)
    if name not in MESSAGES:
        return f"{name}({', '.join(map(str, args))})"
    template, kinds = MESSAGES[name]
    nm = {k.lower(): v for k, v in (names or {}).items()}
    return template.format(*(_fmt(k, v, nm) for k, v in zip(kinds, args, strict=False)))


# --------------------------------------------------------------------------- decoding

PANIC = bytes.fromhex("4e487b71")
ERROR_STRING = bytes.fromhex("08c379a0")


ErrorTable = Mapping[bytes, tuple[str, list[str], list[str]]]


def error_abis(contracts: Iterable[Any]) -> dict[bytes, tuple[str, list[str], list[str]]]:
    """selector -> (name, input types, input names) of the errors of the contracts' types
    (objects with a `contract_type`, or ContractTypes)."""
    table: dict[bytes, tuple[str, list[str], list[str]]] = {}
    for c in contracts:
        ct = getattr(c, "contract_type", c)
        for err in ct.errors:
            types = [i.canonical_type for i in err.inputs]
            sel = keccak(text=f"{err.name}({','.join(types)})")[:4]
            table[sel] = (err.name, types, [i.name or "" for i in err.inputs])
    return table


def decode(data: bytes, table: ErrorTable) -> tuple[str, tuple[Any, ...]]:
    """Revert data -> (error name, arguments)."""
    if len(data) < 4:
        return "EmptyRevert", ()
    sel = data[:4]
    if sel == PANIC:
        return "Panic", (int.from_bytes(data[4:36], "big"),)
    if sel == ERROR_STRING:
        return "Error", tuple(abi_decode(["string"], data[4:]))
    if sel not in table:
        return f"UnknownError(0x{data.hex()})", ()
    name, types, _names = table[sel]
    return name, tuple(abi_decode(types, data[4:]))


def _revert_data(exc: Any) -> bytes | None:
    """The raw revert data an Ape exception carries, when it carries any."""
    msg = str(getattr(exc, "revert_message", "") or "").strip()
    if msg.startswith("custom error 0x"):
        head, _, tail = msg.removeprefix("custom error 0x").partition(":")
        return bytes.fromhex(head.strip() + tail.strip())
    if msg.startswith("0x") and len(msg) >= 10:
        try:
            return bytes.fromhex(msg[2:])
        except ValueError:
            pass
    for attr in ("data", "revert_data"):
        raw = getattr(exc, attr, None)
        if isinstance(raw, bytes) and raw:
            return raw
        if isinstance(raw, str) and raw.startswith("0x") and len(raw) >= 10:
            return bytes.fromhex(raw[2:])
    return None


def _ordered(name: str, inputs: Mapping[str, Any], table: ErrorTable) -> tuple[Any, ...] | None:
    """Ape's decoded inputs (a mapping, not in the ABI's order) -> the ABI's order."""
    for err_name, _types, arg_names in table.values():
        if err_name == name and set(arg_names) == set(inputs):
            return tuple(inputs[a] for a in arg_names)
    return None


def explain(
    exc: BaseException, table: ErrorTable, names: Mapping[str, str] | None = None
) -> ProtocolError | None:
    """A ProtocolError for an exception raised by a reverted call (Ape's decoded custom-error
    exceptions, or its 'custom error 0x...' form); None when it is no contract revert."""
    if isinstance(exc, ProtocolError):
        return exc
    kind = type(exc).__name__
    inputs = getattr(exc, "inputs", None)
    if kind in MESSAGES and isinstance(inputs, dict):
        values = _ordered(kind, inputs, table)
        if values is not None:
            return ProtocolError(kind, values, describe(kind, values, names))
    data = _revert_data(exc)
    if data is not None:
        name, values = decode(data, table)
        return ProtocolError(name, values, describe(name, values, names))
    msg = getattr(exc, "revert_message", None)
    if msg:
        return ProtocolError("Error", (msg,), describe("Error", (msg,)))
    return None
