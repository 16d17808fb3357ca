"""Gas of the hot paths, measured on a fresh deployment (`ape run gas_report`, `make gas`).

`run_gas_scenario` performs each operation once in a controlled state and records
`receipt.gas_used`; `render_markdown` writes reports/gas.md. When the node supports
`debug_traceTransaction` with the call tracer (Anvil does), each record also carries a per-call
breakdown: gas of every external call the entry contract makes (one level deep), and the
operations of SLOT_ROWS are accounted slot by slot (vperp.reports.storage_trace).

Measurement conditions (also written into the report):
- every transaction is mined in its own block (Anvil automine), so every storage slot and
  account is cold at the start of each transaction (EIP-2929 warmth is per transaction);
- before each measured trade the chain moves on 61 s and both mock feeds (Chainlink round,
  Pyth update) are pushed: the trade is then the first touch of its market in a new minute and
  a new block, so the mark TWAP writes a ring observation and the curve's block-start price is
  rewritten (the worst case; "increase (same minute)" shows a trade that skips the ring write).
  Trades read the oracle through a view (no index TWAP write since issue 8); the funding
  updates accrue the index TWAP, walking back the Chainlink rounds pushed since the last one;
- the TWAP rings have wrapped (the market has traded once a minute for over 32 minutes, and
  its funding has been updated hourly 34 times before the measured "next epoch" update, which
  is when the oracle's index ring records), so a ring observation overwrites a non-zero slot;
  during a market's first 32 minutes (or funding epochs) each ring write costs about 17,600 gas
  more (0 -> non-zero);
- the Pyth price is fresh and within 2% of Chainlink (index source = Pyth); the feeds are the
  mocks (Pyth's MockPyth, Chainlink's MockV3Aggregator): their reads are in the breakdown below,
  real feeds cost somewhat differently (Chainlink's proxy adds a call to its aggregator).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from eth_utils import function_signature_to_4byte_selector, keccak

from vperp.chain.deploy import Deployment, set_index_price
from vperp.reports.storage_trace import SlotAccount, contract_labels, trace_transaction
from vperp.sdk.client import FAR_DEADLINE, PerpClient
from vperp.sdk.units import ONE, usdc, wad

# PROTOCOL targets (gas used by the whole transaction)
# Issue 8's goals (a quarter of Perp v1's gas, measured side by side on the same Anvil).
TARGETS: dict[str, int] = {
    "first open": 114_000,
    "increase": 110_000,
    "close": 89_000,
    "partial liquidation": 116_000,
    "full liquidation": 102_000,
    "updateFundingRate (next epoch)": 44_000,
    "deposit": 50_000,
    "withdraw": 80_000,
    # issue 9 (the netting engine): CoW Protocol settles a trade for about 44-75k
    "netting: per order, batch of 50": 40_000,
    "queue order (first of the account)": 80_000,
    "queue order": 80_000,
}


@dataclass
class GasRecord:
    op: str
    gas: int
    target: int | None
    conditions: str
    breakdown: list[tuple[str, int, int]] = field(default_factory=list)  # (callee, gas, calls)
    opcodes: dict[str, tuple[int, int]] = field(default_factory=dict)  # entry contract: op -> (gas, count)
    slots: SlotAccount | None = None  # the whole transaction, slot by slot (storage_trace)
    per: int = 1  # `gas` is the traced transaction's gas divided by this (a netting batch: per order)

    @property
    def within_target(self) -> bool | None:
        return None if self.target is None else self.gas <= self.target


@dataclass
class GasScenario:
    d: Deployment
    chain: Any
    owner: Any
    trace: bool = True
    records: list[GasRecord] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._names: dict[str, str] = {}
        self._selectors: dict[bytes, str] = {}
        self._events: dict[int, str] = {}
        self._accounts: dict[str, str] = {}  # address -> name of the scenario's accounts
        self._slot_labels: dict[str, dict[int, str]] | None = None
        d = self.d
        contracts = {
            "ClearingHouse": d.clearing_house,
            "PriceOracle": d.oracle,
            "InsuranceFund": d.insurance_fund,
            "LiquidityPool": d.liquidity_pool,
            "USDC": d.usdc,
            "Pyth": d.pyth,
        }
        for sym, m in d.markets.items():
            contracts[f"Chainlink{sym}"] = m.chainlink
        contracts.update(d.logic)
        for name, c in contracts.items():
            self._names[c.address.lower()] = name
            for abi in c.contract_type.methods:
                self._selectors[function_signature_to_4byte_selector(abi.selector)] = abi.name
            for ev in c.contract_type.events:
                self._events[int.from_bytes(keccak(text=ev.selector), "big")] = ev.name
        self._bases = {m.base_token.address.lower(): sym for sym, m in d.markets.items()}
        for a, sym in self._bases.items():
            self._names.setdefault(a, sym)

    def name_accounts(self, accounts: dict[str, Any]) -> None:
        """Names the scenario's accounts in the slot labels (positions[A][vETH]...)."""
        for n, acct in accounts.items():
            self._accounts[acct.address.lower()] = n
            self._names.setdefault(acct.address.lower(), n)
        self._slot_labels = None

    # ------------------------------------------------------------------ recording

    def measure(self, op: str, receipt: Any, conditions: str, target_key: str | None = None) -> GasRecord:
        key = target_key if target_key is not None else op
        rec = GasRecord(op, int(receipt.gas_used), TARGETS.get(key), conditions)
        if self.trace:
            rec.breakdown = self._breakdown(receipt.txn_hash)
            if op in OPCODE_ROWS:
                rec.opcodes = self._opcodes(receipt.txn_hash)
            if op in SLOT_ROWS:
                rec.slots = self.slot_account(receipt)
        self.records.append(rec)
        return rec

    def slot_account(self, receipt: Any) -> SlotAccount:
        """The transaction's gas slot by slot (vperp.reports.storage_trace); the rows add up to
        its gas used."""
        if self._slot_labels is None:
            accounts = {**{a: n for a, n in self._names.items() if a not in self._bases}, **self._accounts}
            self._slot_labels = contract_labels(
                self.d.clearing_house.address, self.d.oracle.address, accounts, self._bases
            )
        h = receipt.txn_hash if isinstance(receipt.txn_hash, str) else "0x" + bytes(receipt.txn_hash).hex()
        acc = trace_transaction(
            self.chain.provider, h, names=self._names, slot_labels=self._slot_labels, events=self._events
        )
        assert acc.gas_used == int(receipt.gas_used)
        return acc

    def _opcodes(self, txn_hash: Any) -> dict[str, tuple[int, int]]:
        """The entry contract's own gas by opcode class (Anvil's struct logger): its frame and the
        logic contracts it delegatecalls (same storage). External calls are counted whole (the
        callee included: the caller's gas before the call minus after it returned)."""
        h = txn_hash if isinstance(txn_hash, str) else "0x" + bytes(txn_hash).hex()
        opts = {"disableStack": True, "disableMemory": True, "disableStorage": True}
        try:
            logs = self.chain.provider.make_request("debug_traceTransaction", [h, opts])["structLogs"]
        except Exception:
            return {}
        out: dict[str, list[int]] = {}
        core = {1}  # depths running the core's code (itself, or delegatecalled logic)
        for i, step in enumerate(logs):
            d = step.get("depth")
            if d not in core:
                continue
            op = step["op"]
            cost = int(step.get("gasCost", 0))
            if op in CALL_OPS:
                back = next((x for x in logs[i + 1 :] if x.get("depth") <= d), None)
                cost = int(step["gas"]) - int(back["gas"]) if back is not None else cost
                if op == "DELEGATECALL":
                    core.add(d + 1)
                    cost = 0  # counted op by op in the delegatecalled frame
                    label = "DELEGATECALL"
                else:
                    label = "external calls"
            elif op.startswith("LOG"):
                label = "LOG"
            elif op in ("SLOAD", "SSTORE", "TLOAD", "TSTORE"):
                label = op
            else:
                label = "other"
            e = out.setdefault(label, [0, 0])
            e[0] += cost
            e[1] += 1
        return {k: (v[0], v[1]) for k, v in out.items()}

    def _breakdown(self, txn_hash: Any) -> list[tuple[str, int, int]]:
        """Gas of each first-level external call, summed per (contract, function); a call's own
        external calls follow its label in brackets."""
        h = txn_hash if isinstance(txn_hash, str) else "0x" + bytes(txn_hash).hex()
        try:
            root = self.chain.provider.make_request("debug_traceTransaction", [h, {"tracer": "callTracer"}])
        except Exception:  # node without the call tracer: totals only
            self.trace = False
            return []
        return self._sum_calls(root.get("calls") or [], nested=True)

    def _sum_calls(self, calls: list[dict[str, Any]], nested: bool) -> list[tuple[str, int, int]]:
        sums: dict[str, list[int]] = {}
        for call in calls:
            to = (call.get("to") or "").lower()
            data = call.get("input") or "0x"
            sel = bytes.fromhex(data[2:10]) if len(data) >= 10 else b""
            label = f"{self._names.get(to, to[:10])}.{self._selectors.get(sel, '0x' + sel.hex())}"
            if nested and call.get("calls"):
                inner = self._sum_calls(call["calls"], nested=False)
                label += " [" + "; ".join(_fmt_call(k, g, n) for k, g, n in inner) + "]"
            entry = sums.setdefault(label, [0, 0])
            entry[0] += int(call.get("gasUsed", "0x0"), 16)
            entry[1] += 1
        return sorted(((k, v[0], v[1]) for k, v in sums.items()), key=lambda t: -t[1])

    # ------------------------------------------------------------------ state control

    def new_minute(self, symbol: str = "vETH", price: Any = None) -> None:
        """Moves the chain on 61 s and pushes both feeds (at `price`, or the current index)."""
        self.chain.mine(deltatime=61)
        push_feeds(self.d, self.chain, self.owner, symbol, price)


def push_feeds(d: Deployment, chain: Any, owner: Any, symbol: str = "vETH", price: Any = None) -> None:
    """Pushes both feeds (Chainlink round, Pyth update) at `price`, or at Chainlink's current
    price: the index is then fresh from Pyth, as the report's conditions say."""
    if price is None:
        price = Decimal(int(d.markets[symbol].chainlink.latestRoundData()[1])) / 10**8
    set_index_price(d, chain, symbol, price, owner)


CALL_OPS = ("CALL", "STATICCALL", "DELEGATECALL", "CALLCODE")
OPCODE_ROWS = (
    "first open",
    "increase",
    "close",
    "partial liquidation",
    "full liquidation",
    "deposit",
    "withdraw",
)
# operations accounted slot by slot in the report (storage_trace)
SLOT_ROWS = (
    *OPCODE_ROWS,
    "first open (funding index non-zero)",
    "updateFundingRate (next epoch)",
    "queue order (first of the account)",
    "queue order",
)


RING_WARMUP = 34  # > Twap.RING (32)


def _fresh_account(chain: Any) -> Any:
    """A new test account with ETH for gas (no USDC, no history)."""
    from ape import accounts as ape_accounts  # only here: the rest of this module runs without a provider

    a = ape_accounts.test_accounts.generate_test_account()
    chain.set_balance(a.address, 10**20)
    return a


def liquidation_price(size: int, open_notional: int, collateral: int, mm_ratio: int, band: float) -> float:
    """Index price at which a long's account value equals `band` x its maintenance requirement:
    C + s*p - ON = band * s*p*m  =>  p = (ON - C) / (s * (1 - band*m)). All 18-decimal ints."""
    m = mm_ratio / 1e6
    return (open_notional - collateral) / (size * (1 - band * m))


def run_gas_scenario(
    d: Deployment,
    chain: Any,
    owner: Any,
    accounts: list[Any],
    trace: bool = True,
    log: Callable[[str], None] | None = None,
) -> list[GasRecord]:
    """Performs every hot-path operation once and returns the gas records.

    `accounts`: at least 6 funded-with-ETH accounts other than `owner`: trader A, trader B,
    LP, two liquidation victims and a keeper/liquidator."""
    a_acct, b_acct, lp, victim_p, victim_f, keeper = accounts[:6]
    g = GasScenario(d, chain, owner, trace)
    g.name_accounts(
        {
            "A": a_acct,
            "B": b_acct,
            "LP": lp,
            "victimP": victim_p,
            "victimF": victim_f,
            "keeper": keeper,
            "owner": owner,
        }
    )
    ch, vault, pool = d.clearing_house, d.vault, d.liquidity_pool
    eth = d.base("vETH").address
    a, b = PerpClient(d, a_acct), PerpClient(d, b_acct)
    say = log or (lambda _m: None)

    def rec(op: str, receipt: Any, cond: str, key: str | None = None) -> None:
        r = g.measure(op, receipt, cond, key)
        say(f"  {op:<34} {r.gas:>9,}")

    # ---- collateral
    for c in (a, b):
        c.faucet(100_000)
        d.usdc.approve(vault.address, 2**256 - 1, sender=c.account)
    rec(
        "deposit (first)",
        a.deposit(10_000, approve=False),
        "trader's first deposit: its ledger balance slot goes 0 -> non-zero; the core already holds USDC",
        "",
    )
    rec(
        "deposit",
        a.deposit(5_000, approve=False),
        "second deposit of the same trader: every slot written was already non-zero",
        "deposit",
    )
    b.deposit(20_000, approve=False)

    # ---- trading: B opens a short first so that the market's open-interest slot is in use
    g.new_minute()
    b.short_base("vETH", 2)
    # steady state of the TWAP rings (32 one-minute observations in the vAMM and the oracle):
    # B trades once a minute until both rings have wrapped, so that later observations
    # overwrite non-zero slots (the first 32 minutes of a market pay 0 -> non-zero writes)
    for i in range(RING_WARMUP):
        chain.mine(deltatime=61)
        (b.long_base if i % 2 == 0 else b.short_base)("vETH", "0.01")
    g.new_minute()
    rec(
        "first open",
        a.long_quote("vETH", 6_000),
        "A's first position (long 6,000 USD of vETH, 2x): position slots and the account's market"
        " bitmap go 0 -> non-zero; the market already has open interest (B short 2 vETH)",
    )
    g.new_minute()
    rec("increase", a.long_quote("vETH", 3_000), "A adds 3,000 USD to its long")
    chain.pending_timestamp = chain.blocks.head.timestamp + 1
    rec(
        "increase (same minute)",
        a.long_quote("vETH", 1_000),
        "A adds 1,000 USD in the next block, 1 s later: both TWAP accumulators advance, but no ring"
        " observation is due",
        "increase",
    )
    g.new_minute()
    rec("reduce", a.short_base("vETH", 1), "A sells 1 vETH of its ~3.33 vETH long (realises PnL pro rata)")
    g.new_minute()
    size = int(ch.getPosition(a_acct.address, eth).size)
    rec(
        "flip",
        a.short_base("vETH", (size + ONE) / ONE),
        "A sells its whole long plus 1 vETH: close and open a short in one swap",
    )
    g.new_minute()
    rec(
        "close",
        a.close("vETH"),
        "A closes its 1 vETH short: position slot cleared, the market's bit cleared in the account bitmap",
    )
    rec(
        "withdraw (no position)",
        a.withdraw(1_000),
        "A withdraws 1,000 USDC with no open position (free-collateral check over 0 markets)",
        "",
    )
    rec(
        "withdraw",
        b.withdraw(1_000),
        "B withdraws 1,000 USDC with its short open: funding settlement and margin over 1 market",
        "withdraw",
    )

    # ---- liquidations: two longs at ~9.5x, then the index drops; the keeper already holds a
    # Vault balance (a liquidator's steady state), so its penalty share lands on a non-zero slot
    kc = PerpClient(d, keeper)
    kc.faucet(100)
    kc.deposit(100)
    mm = int(ch.getMarket(eth).mmRatio)
    victims = []
    for acct in (victim_p, victim_f):
        v = PerpClient(d, acct)
        v.faucet(1_000)
        v.deposit(1_000)
        g.new_minute()
        v.long_quote("vETH", 9_500)
        victims.append(v)

    def band_price(v: PerpClient, band: float) -> float:
        p = ch.getPosition(v.account.address, eth)
        return liquidation_price(
            int(p.size), int(p.openNotional), int(vault.balanceOf(v.account.address)), mm, band
        )

    # partial: account value = 0.75 x maintenance (between MMR/2 and MMR of the notional)
    g.new_minute(price=round(band_price(victims[0], 0.75), 2))
    p_size = int(ch.getPosition(victim_p.address, eth).size)
    rec(
        "partial liquidation",
        ch.liquidate(victim_p.address, eth, sender=keeper),
        "long of ~9,500 USD notional opened at ~9.5x; index moved so that account value = 0.75 x"
        " maintenance requirement; closes the fraction that restores maintenance (one swap)",
    )
    left = int(ch.getPosition(victim_p.address, eth).size)
    assert 0 < left < p_size, "expected a partial liquidation"
    # full: account value = 0.4 x maintenance (below MMR/2)
    g.new_minute(price=round(band_price(victims[1], 0.40), 2))
    rec(
        "full liquidation",
        ch.liquidate(victim_f.address, eth, sender=keeper),
        "same position; index moved so that account value = 0.4 x maintenance (< MMR/2): the whole"
        " position closes; the account stays solvent, so the penalty is split with the insurance fund",
    )
    assert int(ch.getPosition(victim_f.address, eth).size) == 0, "expected a full liquidation"

    # ---- funding
    chain.mine(deltatime=3_600)
    g.new_minute()
    rec(
        "updateFundingRate (first epoch)",
        ch.updateFundingRate(eth, sender=keeper),
        "first update of the market, one interval after listing; net open interest non-zero, so the"
        " pool's side of funding is settled through the ledger",
        "",
    )
    rec(
        "settleFunding",
        ch.settleFunding(b_acct.address, eth, sender=keeper),
        "keeper settles B's pending funding on its short into its collateral",
    )
    # steady state of the oracle's index TWAP ring too: it advances at funding updates (one
    # observation per epoch), so it wraps after 32 hourly updates
    for _ in range(RING_WARMUP):
        chain.mine(deltatime=3_600)
        g.new_minute()
        ch.updateFundingRate(eth, sender=keeper)
    chain.mine(deltatime=3_600)
    g.new_minute()
    rec(
        "updateFundingRate (next epoch)",
        ch.updateFundingRate(eth, sender=keeper),
        f"one interval after the previous update, after {RING_WARMUP} hourly updates: the funding"
        " slots written are already non-zero and the index TWAP ring has wrapped (its observation"
        " overwrites a non-zero slot)",
    )
    # a first open once funding has accrued: the position's funding snapshot (its second slot)
    # goes 0 -> non-zero too, which "first open" above (a market whose index is still 0) skips
    fresh = _fresh_account(chain)
    fc = PerpClient(d, fresh)
    fc.faucet(10_000)
    fc.deposit(10_000)
    g.new_minute()
    rec(
        "first open (funding index non-zero)",
        fc.long_quote("vETH", 6_000),
        "a new account's first position (long 6,000 USD) after the funding updates above: as"
        ' "first open", and the position\'s last funding index goes 0 -> non-zero as well',
        "first open",
    )
    fc.close("vETH")

    # ---- liquidity pool (ERC-4626); no depth targets configured, so no k sync
    lpc = PerpClient(d, lp)
    lpc.faucet(200_000)
    d.usdc.approve(pool.address, 2**256 - 1, sender=lp)
    rec(
        "LP deposit",
        pool.deposit(usdc(100_000), lp.address, sender=lp),
        "first deposit of this LP (100,000 USDC): shares 0 -> non-zero, USDC forwarded to the Vault",
    )
    rec(
        "LP withdraw",
        pool.withdraw(usdc(50_000), lp.address, lp.address, sender=lp),
        "LP withdraws 50,000 USDC: utilisation check over the markets with open interest (1)",
    )

    # ---- the router (A has granted it every scope; A holds no position)
    d.operators.approveOperator(d.router.address, 15, sender=a_acct)
    g.new_minute()
    params = (eth, False, True, wad(5_000), 0, FAR_DEADLINE)
    rec(
        "router: open with collateral",
        d.router.openPositionWithCollateral(usdc(1_000), params, sender=a_acct),
        "ExchangeRouter.openPositionWithCollateral: 1,000 USDC from A's wallet (depositFrom) and a"
        " 5,000 USD long (openPositionFor) in one transaction; compare deposit + first open",
        "",
    )
    g.new_minute()
    rec(
        "router: close and withdraw",
        d.router.closePositionAndWithdraw(eth, 0, FAR_DEADLINE, 0, sender=a_acct),
        "ExchangeRouter.closePositionAndWithdraw: close (closePositionFor), read the free collateral,"
        " withdraw all of it (withdrawFor); compare close + withdraw",
        "",
    )
    return g.records


NETTING_BATCHES = (10, 50, 200)
NETTING_HELD = (50,)
NETTING_ORDERS_PER_CALL = 100


def run_netting_gas_scenario(
    d: Deployment,
    chain: Any,
    owner: Any,
    executor: Any,
    batches: tuple[int, ...] = NETTING_BATCHES,
    log: Callable[[str], None] | None = None,
    trace: bool = True,
    held: tuple[int, ...] = NETTING_HELD,
) -> list[GasRecord]:
    """The netting engine's gas (issue 9): queueing (an account's first order, and a second one),
    and the cost per netted order of a batch of n orders (n/2 long, n/2 short, unequal sizes, so
    that the remainder makes one swap), each order from its own account with collateral and no
    position (`batches`), or holding a position on its order's side (`held`: a trader's steady
    state, its position slots rewritten rather than created). Not part of the gas snapshot (tests/integration keeps the
    direct trades' operations there)."""
    say = log or (lambda _m: None)
    net = d.netting
    eth = d.base("vETH").address
    records: list[GasRecord] = []
    window = int(net.nettingParams()[1])
    mark = int(d.clearing_house.getMarkPrice(eth))
    pool = [_fresh_account(chain) for _ in range(max((*batches, *held)))]
    for a in pool:
        d.usdc.mint(a.address, usdc(5_000), sender=a)
        d.usdc.approve(d.vault.address, 2**256 - 1, sender=a)
        d.vault.deposit(usdc(5_000), sender=a)
    deadline = 2**32 - 1
    traced: list[tuple[GasRecord, Any]] = []
    batch_traced: list[tuple[GasRecord, Any]] = []  # targeted batches made in one call
    runs = [(n, False) for n in batches] + [(n, True) for n in held]
    for n, holding in runs:
        if holding:  # each account first holds a position on its order's side (0.05 vETH)
            for i, a in enumerate(pool[:n]):
                side = PerpClient(d, a).long_base if i % 2 == 0 else PerpClient(d, a).short_base
                side("vETH", "0.05")
        receipts = []
        push_feeds(d, chain, owner)  # the set-up took wall time: the Pyth price is fresh again
        for i, a in enumerate(pool[:n]):
            long = i % 2 == 0
            size = (10**17 + i * 10**15) * (1 if long else -1)  # 0.1 .. 0.3 vETH, shorts larger
            acc = mark * 105 // 100 if long else mark * 95 // 100
            receipts.append(net.queuePositionChange(eth, size, acc, deadline, False, sender=a))
        if not traced:
            first = receipts[0]
            records.append(
                GasRecord(
                    "queue order (first of the account)",
                    int(first.gas_used),
                    TARGETS["queue order (first of the account)"],
                    "an account's first order: the order's two slots, its (account, market) order count"
                    " and its reserve go 0 -> non-zero, the reserve flag is set in its balance word",
                )
            )
            again = net.queuePositionChange(eth, 10**17, mark * 105 // 100, deadline, False, sender=pool[0])
            records.append(
                GasRecord(
                    "queue order",
                    int(again.gas_used),
                    TARGETS["queue order"],
                    "the same account's second order on the same side: the order's two slots are new,"
                    " its count and reserve slots already non-zero",
                )
            )
            traced = [(records[-2], first), (records[-1], again)]
            n_orders = n + 1
        else:
            n_orders = n
        chain.pending_timestamp = max(chain.pending_timestamp, chain.blocks.head.timestamp) + window + 1
        push_feeds(d, chain, owner)
        # at most 100 order steps a call (a pass over an order is a step: a 50-order batch is one
        # call); a 200-order call (~12M gas) outlasts Anvil's mining under a
        # step tracer; the cursor makes the split change nothing but the calls' fixed cost
        total, calls, done, tx = 0, 0, False, None
        while not done:
            tx = net.executeBatch(eth, NETTING_ORDERS_PER_CALL, sender=executor)
            total += int(tx.gas_used)
            calls += 1
            done = bool(tx.events.filter(net.BatchExecuted))
        key = f"netting: per order, batch of {n}"
        who = (
            "each from its own account holding a position on its side (its position slots are rewritten)"
            if holding
            else "each from its own account with collateral and no position (its position slots go 0 -> non-zero)"
        )
        records.append(
            GasRecord(
                key + (", accounts holding positions" if holding else ""),
                total // n_orders,
                TARGETS.get(key),
                f"executeBatch over {n_orders} queued orders ({n_orders - n_orders // 2} long, {n_orders // 2}"
                f" short, 0.1-0.3 vETH, unequal totals: one remainder swap), {who}, in {calls} call(s)"
                f" of at most {NETTING_ORDERS_PER_CALL} orders, {total:,} gas in all; collect and fill"
                " passes (no order fails)",
            )
        )
        if records[-1].target is not None and calls == 1:
            records[-1].per = n_orders
            batch_traced.append((records[-1], tx))
        say(f"  {records[-1].op:<34} {total // n_orders:>9,}  (batch {total:,} in {calls} calls)")
        # unwind so that the next batch starts from accounts without a position
        for a in pool[:n]:
            d.clearing_house.closePosition(eth, 0, deadline, sender=a)
    if trace:  # at the end: tracing takes wall time, which would move the next blocks' timestamps
        g = GasScenario(d, chain, owner)
        g.name_accounts({"Q0": pool[0], "executor": executor})
        for rec, receipt in traced + batch_traced:
            rec.slots = g.slot_account(receipt)
    return records


def render_markdown(records: list[GasRecord], header: str = "") -> str:
    """reports/gas.md: summary table, conditions, per-call breakdown."""
    lines = ["# Gas report", ""]
    if header:
        lines += [header, ""]
    lines += [
        "| operation | gas used | target | within |",
        "|---|---:|---:|:---:|",
    ]
    for r in records:
        ok = "-" if r.within_target is None else ("yes" if r.within_target else "**no**")
        tgt = f"{r.target:,}" if r.target else "-"
        lines.append(f"| {r.op} | {r.gas:,} | {tgt} | {ok} |")
    lines += ["", "## Conditions", ""]
    doc = (__doc__ or "").split("Measurement conditions (also written into the report):", 1)[-1].strip()
    lines += [doc, ""]
    lines += ["| operation | state before the transaction |", "|---|---|"]
    lines += [f"| {r.op} | {r.conditions} |" for r in records]
    if any(r.breakdown for r in records):
        lines += [
            "",
            "## Per-call breakdown",
            "",
            "Gas of the first-level external calls of each transaction (Anvil `debug_traceTransaction`,"
            " call tracer), summed per callee and function; the rest of the total is the entry"
            " contract's own execution, the 21,000 intrinsic gas and calldata.",
            "",
            "| operation | total | calls (gas, count if > 1) | entry contract + intrinsic |",
            "|---|---:|---|---:|",
        ]
        for r in records:
            sub = sum(g for _k, g, _n in r.breakdown)
            calls = "; ".join(_fmt_call(k, g, n) for k, g, n in r.breakdown)
            lines.append(f"| {r.op} | {r.gas:,} | {calls or '-'} | {r.gas - sub:,} |")
    if any(r.opcodes for r in records):
        lines += [
            "",
            "## Entry contract by opcode",
            "",
            "The core's own execution (its frame and the logic contracts it delegatecalls; Anvil's"
            " struct logger), by opcode class: gas (count). SLOAD/SSTORE carry the EIP-2929 cold"
            " surcharges (2,100 per first read of a slot, 20,000 for a 0 -> non-zero write, 2,900"
            " for a rewrite); external calls are counted whole, callee included (the oracle, USDC);"
            " the rest of the total is the 21,000 intrinsic gas and calldata.",
            "",
            "| operation | SLOAD | SSTORE | LOG | external calls | TLOAD/TSTORE | other |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for r in records:
            if not r.opcodes:
                continue
            o = r.opcodes

            def cell(*keys: str, o: dict[str, tuple[int, int]] = o) -> str:
                g = sum(o.get(k, (0, 0))[0] for k in keys)
                n = sum(o.get(k, (0, 0))[1] for k in keys)
                return f"{g:,} ({n})" if n else "-"

            lines.append(
                f"| {r.op} | {cell('SLOAD')} | {cell('SSTORE')} | {cell('LOG')} | {cell('external calls')}"
                f" | {cell('TLOAD', 'TSTORE')} | {cell('other')} |"
            )
    if any(r.slots for r in records):
        lines += ["", *render_slots(records)]
    return "\n".join(lines) + "\n"


SLOT_KINDS = (
    "cold read: first read of a slot (2,100); warm read: 100; write 0->non-zero: 20,000 (+2,100 if"
    " the write is the slot's first touch); rewrite: 2,900 (non-zero -> another value; +2,100 cold);"
    " clear: 2,900 (non-zero -> 0; it earns a 4,800 refund); warm write: 100 (a slot already written"
    " in the transaction). A slot's row holds all its accesses (count): its costliest one names it,"
    " then 'cold read first' (a write after the slot's first, cold read: +2,100) and '+n warm' (its"
    " warm reads and writes, 100 each). External account: a call's own cost (the call's gas minus what its callee used: 2,600"
    " for a cold account, 100 warm, plus memory expansion) and EXTCODESIZE/EXTCODEHASH/BALANCE."
)


def render_slots(records: list[GasRecord]) -> list[str]:
    """The section "Where the gas goes, slot by slot" (vperp.reports.storage_trace)."""
    lines = [
        "## Where the gas goes, slot by slot",
        "",
        "Each traced transaction's gas used, row by row (Anvil `debug_traceTransaction` struct logs;"
        " vperp.reports.storage_trace): every storage slot it touched, by contract (the core's slots"
        " named by their CoreStorage.Layout field, its keys named A, B, vETH...; `layout.n`: the n-th"
        " slot of the layout; a slot the labeller cannot name is shown by number), every external"
        " account it called, every event it emitted, the compute of each contract's code (a"
        " delegatecalled logic contract's own), the 21,000 intrinsic gas and the calldata (16 per"
        " non-zero byte, 4 per zero byte). The refund row (negative) is the difference between the"
        " gas the EVM spent and `receipt.gas_used` (EIP-3529: storage cleared, at most a fifth of the"
        " gas), so that each table adds up exactly to the measured gas (asserted when the report is"
        " written). Rows sorted by gas.",
        "",
        SLOT_KINDS,
    ]
    lines += ["", *render_floor(records)]
    for r in records:
        if r.slots is None or r.per != 1:  # a batch's rows (hundreds of accounts): the floor only
            continue
        acc = r.slots
        lines += [
            "",
            f"### {r.op}: {r.gas:,} gas",
            "",
            f"Execution {acc.execution:,}, refund {acc.refund:,}.",
            "",
            "| row | kind | count | gas |",
            "|---|---|---:|---:|",
        ]
        lines += [f"| {row.label} | {row.kind} | {row.count} | {row.gas:,} |" for row in acc.rows]
        lines.append(f"| **total (gas used)** | | | **{sum(row.gas for row in acc.rows):,}** |")
    return lines


FEEDS = ("Pyth", "Chainlink")  # the price feeds: outside the protocol (here the ecosystem's mocks)
GROUPS = ("protocol compute", "price feeds", "protocol storage", "events", "intrinsic + calldata", "other")


def slot_groups(acc: SlotAccount) -> dict[str, int]:
    """A slot-by-slot account summed by what its rows are: the protocol's own compute (its
    contracts' code, transient storage included), the price feeds (their accounts, storage and
    code), the protocol's storage (the core's and the oracle's slots), events, intrinsic gas and
    calldata, and the rest (tokens, account access surcharges, the refund)."""
    out = dict.fromkeys(GROUPS, 0)
    for row in acc.rows:
        if any(f in row.label for f in FEEDS):
            group = "price feeds"
        elif row.kind == "compute":
            group = "other" if row.label.endswith(" USDC") else "protocol compute"
        elif row.kind == "log":
            group = "events"
        elif row.kind in ("intrinsic", "calldata"):
            group = "intrinsic + calldata"
        elif row.label.startswith(("ClearingHouse: ", "PriceOracle: ")):
            group = "protocol storage"
        else:
            group = "other"
        out[group] += row.gas
    return out


def render_floor(records: list[GasRecord]) -> list[str]:
    """What stands in the way of the targets: each traced operation with a target, its gas by
    group (slot_groups), and its gas with the protocol's compute taken away entirely."""
    rows = [r for r in records if r.slots is not None and r.target is not None]
    lines = [
        "### What stands in the way of the targets",
        "",
        "Each traced operation that has a target, its gas summed by group from the tables below."
        ' "Without compute" is the gas with every opcode of the protocol\'s own code taken away'
        " (storage, events, external calls, the price feeds and the intrinsic gas kept): no"
        " rewrite of the code alone can go below it while the operation reads and writes the same"
        " slots, calls the same feeds and emits the same events.",
        "",
        "| operation | gas | target | " + " | ".join(GROUPS) + " | without compute |",
        "|---|" + "---:|" * (len(GROUPS) + 3),
    ]
    for r in rows:
        g = {k: v // r.per for k, v in slot_groups(r.slots).items()}  # type: ignore[arg-type]
        floor = r.gas - g["protocol compute"]
        cells = " | ".join(f"{g[k]:,}" for k in GROUPS)
        op = r.op if r.per == 1 else f"{r.op} (its batch's groups / {r.per})"
        lines.append(f"| {op} | {r.gas:,} | {r.target:,} | {cells} | {floor:,} |")
    if any(r.per != 1 for r in rows):
        lines += [
            "",
            "A netting row is one executeBatch call of its whole batch, traced, its groups divided by"
            " the number of orders (its slots, hundreds of accounts', are not listed).",
        ]
    return lines


def _fmt_call(label: str, gas: int, count: int) -> str:
    return f"{label} {gas:,}" + (f" (x{count})" if count > 1 else "")


SIZE_LIMIT = 24_576  # EIP-170
SIZE_BUDGET = 22_000  # issue 8: every contract at most this, the rest is headroom for features
SIZED = (
    "ClearingHouse",
    "LiquidationLogic",
    "FundingLogic",
    "ConfigLogic",
    "ViewLogic",
    "OrderLogic",
    "NettingLogic",
    "PriceOracle",
    "LiquidityPool",
    "InsuranceFund",
    "Viewer",
    "ExchangeRouter",
    "PositionNFT",
    "LiquidationBatcher",
    "GovernanceToken",
    "GovernanceTimelock",
    "PerpGovernor",
)


def contract_sizes(project: Any) -> list[tuple[str, int]]:
    """Runtime bytecode size of each deployed protocol contract (bytes)."""
    out = []
    for name in SIZED:
        code = getattr(project, name).contract_type.runtime_bytecode.bytecode
        out.append((name, (len(code) - 2) // 2 if code.startswith("0x") else len(code) // 2))
    return out


def render_sizes(sizes: list[tuple[str, int]]) -> str:
    lines = [
        "## Contract sizes",
        "",
        f"Runtime bytecode; EIP-170 limit {SIZE_LIMIT:,} bytes, budget {SIZE_BUDGET:,} (issue 8).",
        "",
        "| contract | bytes | headroom to the budget | headroom to the limit |",
        "|---|---:|---:|---:|",
    ]
    for name, n in sizes:
        lines.append(f"| {name} | {n:,} | {SIZE_BUDGET - n:,} | {SIZE_LIMIT - n:,} |")
    return "\n".join(lines) + "\n"
