"""Administration: market listing, parameter bounds of PROTOCOL.md section 4, global parameters,
guardian and pause permissions, Ownable2Step ownership, onlyOwner guards."""

from __future__ import annotations

import ape
import pytest
from eth_abi import encode
from eth_utils import keccak

from utils.actions import new_token_with_feed
from utils.checks import zero_value
from utils.constants import FAR_DEADLINE as FAR
from utils.constants import ZERO
from utils.reverts import reverts
from vperp.sdk.units import wad

# imRatio, mmRatio, feeRatio, insuranceFeeShare, liquidationPenaltyRatio, maxPriceMoveRatio,
# maxSpreadRatio, fundingInterval, maxLongOpenInterest, maxShortOpenInterest
DEFAULT = (100_000, 62_500, 1_000, 200_000, 25_000, 25_000, 100_000, 3600, wad(5000), wad(5000))
FIELDS = (
    "imRatio",
    "mmRatio",
    "feeRatio",
    "insuranceFeeShare",
    "liquidationPenaltyRatio",
    "maxPriceMoveRatio",
    "maxSpreadRatio",
    "fundingInterval",
)


def with_field(**changes: int) -> tuple:
    p = list(DEFAULT)
    for name, value in changes.items():
        p[FIELDS.index(name)] = value
    return tuple(p)


# ------------------------------------------------------------------ markets


def test_add_market(project, chain, stack, ch, amm, owner):
    base = new_token_with_feed(project, stack, owner)
    tx = ch.addMarket(base, wad(10_000), wad(1_000_000), DEFAULT, sender=owner)
    events = [dict(e.event_arguments) for e in tx.decode_logs(ch.MarketAdded)]
    assert events == [
        {"baseToken": base.address, "id": 2, "baseReserve": wad(10_000), "quoteReserve": wad(1_000_000)}
    ]
    assert list(ch.getMarkets())[-1] == base.address
    m = ch.getMarket(base)
    assert (m.id, m.listed, m.paused) == (2, True, False)
    assert tuple(getattr(m, f) for f in FIELDS) == DEFAULT[:8]
    assert ch.getOpenInterestCaps(base) == (wad(5000), wad(5000))
    assert ch.lastFundingTime(base) == chain.blocks[tx.block_number].timestamp
    assert amm.getMarkPrice(base) == wad(100)
    assert ch.getIndexPrice(base) == wad(100)


def test_add_market_errors(project, stack, ch, eth, owner, alice):
    with ape.reverts(ch.MarketExists) as info:
        ch.addMarket(eth, wad(1), wad(1), DEFAULT, sender=owner)
    assert dict(info.value.inputs) == {"baseToken": eth.address}
    with ape.reverts(ch.ZeroAddress):
        ch.addMarket(ZERO, wad(1), wad(1), DEFAULT, sender=owner)
    base = new_token_with_feed(project, stack, owner)
    with ape.reverts(ch.OwnableUnauthorizedAccount) as info:
        ch.addMarket(base, wad(10_000), wad(1_000_000), DEFAULT, sender=alice)
    assert dict(info.value.inputs) == {"account": alice.address}
    with ape.reverts(ch.ParamOutOfBounds):  # the bounds apply at listing too
        ch.addMarket(base, wad(10_000), wad(1_000_000), with_field(imRatio=600_000), sender=owner)
    with ape.reverts(stack.oracle.UnknownFeed) as info:  # no oracle feed for this token
        ch.addMarket(alice.address, wad(10_000), wad(1_000_000), DEFAULT, sender=owner)
    assert dict(info.value.inputs) == {"baseToken": alice.address}
    assert len(ch.getMarkets()) == 2


def test_add_market_reserve_bounds(project, stack, ch, owner):
    """Issue 15's mutation run (VirtualAMM.checkReserves: `x < 1e9` -> `x <= 1e9`, an `||` of the
    bound checks -> `&&`): each reserve must be within [1e9, 2^112 - 1], both ends inclusive,
    each checked on its own."""
    lo, hi, ok = 10**9, 2**112 - 1, wad(10_000)
    for x, y in ((lo - 1, ok), (ok, lo - 1), (hi + 1, ok), (ok, hi + 1)):
        base = new_token_with_feed(project, stack, owner)
        with reverts(ch.InvalidReserves, baseReserve=x, quoteReserve=y):
            ch.addMarket(base, x, y, DEFAULT, sender=owner)
    for x, y in ((lo, lo), (hi, hi), (lo, hi)):
        base = new_token_with_feed(project, stack, owner)
        ch.addMarket(base, x, y, DEFAULT, sender=owner)
        assert ch.getReserves(base) == (x, y)


def test_market_param_bounds(ch, eth, owner):
    """PROTOCOL.md section 4: IMR 1%..50%, MMR 0.5%..IMR, fee 0..1%, insurance share 10%..100%,
    funding interval 1 min..8 h; plus the contract's own bounds on the other ratios."""
    cases = [
        ("imRatio", 9_999, 10_000, 500_000),
        ("imRatio", 500_001, 10_000, 500_000),
        ("mmRatio", 4_999, 5_000, 100_000),
        ("mmRatio", 100_001, 5_000, 100_000),  # above the IMR
        ("feeRatio", 10_001, 0, 10_000),
        ("insuranceFeeShare", 99_999, 100_000, 1_000_000),
        ("insuranceFeeShare", 1_000_001, 100_000, 1_000_000),
        ("liquidationPenaltyRatio", 100_001, 0, 100_000),
        ("maxPriceMoveRatio", 999, 1_000, 500_000),
        ("maxPriceMoveRatio", 500_001, 1_000, 500_000),
        ("maxSpreadRatio", 999, 1_000, 500_000),
        ("maxSpreadRatio", 500_001, 1_000, 500_000),
        ("fundingInterval", 59, 60, 28_800),
        ("fundingInterval", 28_801, 60, 28_800),
    ]
    for field, value, lo, hi in cases:
        with ape.reverts(ch.ParamOutOfBounds) as info:
            ch.setMarketParams(eth, with_field(**{field: value}), sender=owner)
        assert dict(info.value.inputs) == {"value": value, "min": lo, "max": hi}, field


def test_market_params_at_the_bounds(chain, ch, eth, btc, owner, alice):
    low = with_field(
        imRatio=10_000,
        mmRatio=5_000,
        feeRatio=0,
        insuranceFeeShare=100_000,
        liquidationPenaltyRatio=0,
        maxPriceMoveRatio=1_000,
        maxSpreadRatio=1_000,
        fundingInterval=60,
    )
    tx = ch.setMarketParams(eth, low, sender=owner)
    (ev,) = tx.decode_logs(ch.MarketParamsChanged)
    assert ev.baseToken == eth.address and tuple(ev.params) == low
    assert tuple(ev.old) == DEFAULT  # the parameters before, in the same event
    assert tuple(getattr(ch.getMarket(eth), f) for f in FIELDS) == low[:8]
    high = with_field(
        imRatio=500_000,
        mmRatio=500_000,
        feeRatio=10_000,
        insuranceFeeShare=1_000_000,
        liquidationPenaltyRatio=100_000,
        maxPriceMoveRatio=500_000,
        maxSpreadRatio=500_000,
        fundingInterval=28_800,
    )
    # a maintenance raise goes at most to the IMR in force, once a day (tests/test_solvency.py)
    ch.setMarketParams(btc, high[:1] + (100_000,) + high[2:], sender=owner)
    chain.pending_timestamp += 86_400
    ch.setMarketParams(btc, high, sender=owner)
    assert tuple(getattr(ch.getMarket(btc), f) for f in FIELDS) == high[:8]
    assert ch.getMarket(eth).imRatio == 10_000  # per market
    with ape.reverts(ch.UnknownMarket):
        ch.setMarketParams(alice.address, DEFAULT, sender=owner)
    with ape.reverts(ch.OwnableUnauthorizedAccount):
        ch.setMarketParams(eth, DEFAULT, sender=alice)


def test_global_params(ch, owner, alice):
    tx = ch.setGlobalParams(wad(20), wad(1_000), 400_000, sender=owner)
    assert [dict(e.event_arguments) for e in tx.decode_logs(ch.GlobalParamsChanged)] == [
        {
            "oldMinPositionNotional": wad(10),
            "oldFullLiquidationThreshold": wad(500),
            "oldLiquidatorShare": 500_000,
            "minPositionNotional": wad(20),
            "fullLiquidationThreshold": wad(1_000),
            "liquidatorShare": 400_000,
        }
    ]
    assert (ch.minPositionNotional(), ch.fullLiquidationThreshold(), ch.liquidatorShare()) == (
        wad(20),
        wad(1_000),
        400_000,
    )
    cases = [
        ((wad(10), wad(500), 1_000_001), (1_000_001, 0, 1_000_000)),
        ((wad(1) - 1, wad(500), 500_000), (wad(1) - 1, wad(1), wad(1_000))),
        ((wad(1_000) + 1, wad(500), 500_000), (wad(1_000) + 1, wad(1), wad(1_000))),
        ((wad(10), wad(100_000) + 1, 500_000), (wad(100_000) + 1, 0, wad(100_000))),
    ]
    for params, (value, lo, hi) in cases:
        with ape.reverts(ch.ParamOutOfBounds) as info:
            ch.setGlobalParams(*params, sender=owner)
        assert dict(info.value.inputs) == {"value": value, "min": lo, "max": hi}
    with ape.reverts(ch.OwnableUnauthorizedAccount):
        ch.setGlobalParams(wad(10), wad(500), 500_000, sender=alice)


def test_raised_min_notional_applies(ch, eth, owner, funded, alice):
    ch.setGlobalParams(wad(50), wad(500), 500_000, sender=owner)
    funded(alice, 1_000)
    with ape.reverts(ch.DustPosition) as info:
        ch.openPosition((eth.address, False, False, wad("0.01"), 0, FAR), sender=alice)
    assert dict(info.value.inputs) == {"baseToken": eth.address, "notional": wad(30), "minNotional": wad(50)}


# ------------------------------------------------------------------ guardian and pause


def test_guardian_and_pause_permissions(ch, eth, owner, alice, bob):
    assert ch.guardian() == owner.address
    with ape.reverts(ch.OwnableUnauthorizedAccount):
        ch.setGuardian(alice, sender=alice)
    tx = ch.setGuardian(alice, sender=owner)
    assert [dict(e.event_arguments) for e in tx.decode_logs(ch.GuardianChanged)] == [
        {"oldGuardian": owner.address, "guardian": alice.address}
    ]
    with ape.reverts(ch.OnlyGuardian) as info:
        ch.setPaused(eth, True, sender=bob)
    assert dict(info.value.inputs) == {"caller": bob.address}
    tx = ch.setPaused(eth, True, sender=alice)
    assert [dict(e.event_arguments) for e in tx.decode_logs(ch.PauseChanged)] == [
        {"baseToken": eth.address, "wasPaused": False, "paused": True}
    ]
    assert ch.getMarket(eth).paused
    # the event carries the flag before and after: a second pause was already paused
    again = ch.setPaused(eth, True, sender=alice)
    assert [dict(e.event_arguments) for e in again.decode_logs(ch.PauseChanged)] == [
        {"baseToken": eth.address, "wasPaused": True, "paused": True}
    ]
    tx = ch.setPaused(ZERO, True, sender=owner)  # the owner may pause too; address(0): all markets
    assert ch.globalPaused()
    assert [(e.baseToken, e.wasPaused, e.paused) for e in tx.decode_logs(ch.PauseChanged)] == [
        (ZERO, False, True)
    ]
    # the guardian may only pause: resuming is the owner's (the timelock's)
    with ape.reverts(ch.GuardianCannotResume) as info:
        ch.setPaused(ZERO, False, sender=alice)
    assert dict(info.value.inputs) == {"caller": alice.address}
    with ape.reverts(ch.GuardianCannotResume):
        ch.setPaused(eth, False, sender=alice)
    ch.setPaused(ZERO, False, sender=owner)
    tx = ch.setPaused(eth, False, sender=owner)
    assert [(e.wasPaused, e.paused) for e in tx.decode_logs(ch.PauseChanged)] == [(True, False)]
    assert not ch.globalPaused() and not ch.getMarket(eth).paused
    with ape.reverts(ch.UnknownMarket):
        ch.setPaused(bob.address, True, sender=alice)


# ------------------------------------------------------------------ ownership


def test_ownable2step_transfer(stack, owner, alice, bob):
    for c in (stack.clearing_house, stack.oracle, stack.insurance_fund, stack.liquidity_pool):
        c.transferOwnership(alice, sender=owner)
        assert c.owner() == owner.address and c.pendingOwner() == alice.address
        with ape.reverts(c.OwnableUnauthorizedAccount) as info:
            c.acceptOwnership(sender=bob)
        assert dict(info.value.inputs) == {"account": bob.address}
        c.acceptOwnership(sender=alice)
        assert c.owner() == alice.address and c.pendingOwner() == ZERO
    ch = stack.clearing_house
    with ape.reverts(ch.OwnableUnauthorizedAccount) as info:
        ch.setGuardian(owner, sender=owner)  # the old owner has lost its rights
    assert dict(info.value.inputs) == {"account": owner.address}
    ch.setGuardian(bob, sender=alice)
    assert ch.guardian() == bob.address


def test_only_owner_entry_points(ch, eth, alice):
    calls = {
        "setMarketParams": lambda: ch.setMarketParams(eth, DEFAULT, sender=alice),
        "setGlobalParams": lambda: ch.setGlobalParams(wad(10), wad(500), 500_000, sender=alice),
        "setGuardian": lambda: ch.setGuardian(alice, sender=alice),
        "setSystemAccounts": lambda: ch.setSystemAccounts(alice, alice, sender=alice),
        "addMarket": lambda: ch.addMarket(alice, wad(1), wad(1), DEFAULT, sender=alice),
        "repeg": lambda: ch.repeg(eth, 0, sender=alice),
        "adjustK": lambda: ch.adjustK(eth, wad(20_000), 0, sender=alice),
        "transferOwnership": lambda: ch.transferOwnership(alice, sender=alice),
    }
    for name, call in calls.items():
        with ape.reverts(ch.OwnableUnauthorizedAccount) as info:
            call()
        assert dict(info.value.inputs) == {"account": alice.address}, name


def test_system_accounts_are_wired_once(stack, ch, owner, alice):
    """The core names its insurance fund and liquidity pool once (at deployment); nobody, the
    owner included, can re-point them (their balances live in the core's ledger)."""
    import ape

    with ape.reverts(ch.AlreadyInitialized):
        ch.setSystemAccounts(alice, alice, sender=owner)
    with ape.reverts(ch.OwnableUnauthorizedAccount):
        ch.setSystemAccounts(alice, alice, sender=alice)
    assert ch.liquidityPool() == stack.liquidity_pool.address
    assert ch.insuranceFund() == stack.insurance_fund.address


def test_logic_contracts_refuse_direct_calls(stack, ch, eth, alice):
    """The logic contracts run only in the core's context (delegatecall): called directly they
    revert OnlyDelegateCall; the core exposes no generic delegation entry."""
    import ape

    logic = stack.logic
    calls = (
        ("LiquidationLogic", lambda c: c.liquidate(alice, eth, 0, sender=alice)),
        ("FundingLogic", lambda c: c.updateFundingRate(eth, sender=alice)),
        ("ConfigLogic", lambda c: c.setPaused(eth, True, True, sender=alice)),
        ("ConfigLogic", lambda c: c.setGuardian(alice, sender=alice)),
        ("ConfigLogic", lambda c: c.adjustK(eth, wad(1), 0, True, sender=alice)),
        ("ViewLogic", lambda c: c.netPositionValue.transact(eth, sender=alice)),
    )
    for name, call in calls:
        with ape.reverts(logic[name].OnlyDelegateCall):
            call(logic[name])
    # the core has no generic delegation entry: its views reach ViewLogic only through their own
    # stubs (inViewLogic)
    assert "delegateView" not in {m.name for m in ch.contract_type.methods}


def test_every_logic_function_refuses_a_direct_call(stack, alice):
    """Issue 15's mutation run (onlyDelegateCall removed from a ViewLogic view survived: only one
    function per logic contract was called directly): every external function of every logic
    contract, views included, reverts OnlyDelegateCall when called directly, whatever its
    arguments (all zero here)."""
    for name, contract in stack.logic.items():
        functions = [a for a in contract.contract_type.abi if a.type == "function"]
        assert functions, name
        for abi in functions:
            args = [zero_value(i) for i in abi.inputs]
            handler = getattr(contract, abi.name)
            send = getattr(handler, "transact", handler)  # a view is sent as a transaction too
            with ape.reverts(contract.OnlyDelegateCall):
                send(*args, sender=alice)


def test_core_views_answered_by_view_logic(stack, ch):
    """Most of the core's views are ViewLogic's functions of the same signature, delegated to
    outside a static call (ClearingHouse.inViewLogic): sound only while every ViewLogic function
    is a view (the compiler then forbids any state change). Each one matches the core's function
    of the same signature (same outputs), and the core keeps every function of its interface."""

    def outputs(f) -> list[str]:
        return [o.canonical_type for o in f.outputs]

    logic = [a for a in stack.logic["ViewLogic"].contract_type.abi if a.type == "function"]
    core = {a.selector: a for a in ch.contract_type.abi if a.type == "function"}
    assert len(logic) >= 20
    for f in logic:
        assert f.stateMutability == "view", f.selector
        assert f.selector in core, f.selector
        assert core[f.selector].stateMutability == "view", f.selector
        assert outputs(core[f.selector]) == outputs(f), f.selector


# ------------------------------------------------------------------ constructor


def logic_addresses(stack) -> list[str]:
    """The core constructor's logic contracts, in its order."""
    names = ("LiquidationLogic", "FundingLogic", "ConfigLogic", "ViewLogic", "OrderLogic", "NettingLogic")
    return [stack.logic[n].address for n in names]


def test_constructor_checks_addresses_and_sets_defaults(project, chain, stack, owner):
    """Issue 15's mutation run (the constructor's zero-logic guard deleted; its default minimum
    notional and full-liquidation threshold off by one): a core deployed by hand refuses a zero
    token, oracle or logic address, and starts with the documented defaults (10 USD minimum
    position, 500 USD full-liquidation threshold, a 50/50 penalty split, index 1, the owner as
    guardian) until setGlobalParams, which the deployment script calls, changes them."""
    logic = logic_addresses(stack)
    usdc_, oracle = stack.usdc.address, stack.oracle.address
    zero_address = "0x" + keccak(text="ZeroAddress()")[:4].hex()
    creation = project.ClearingHouse.contract_type.deployment_bytecode.bytecode
    web3 = chain.provider.web3

    def refused(token: str, oracle_: str, logic_: list[str]) -> None:
        # the creation run as a raw eth_call: Ape's decoding of a failed deployment's revert
        # depends on what the session decoded before
        args = encode(
            ["address", "address", "address[6]", "address"], [token, oracle_, logic_, owner.address]
        )
        with pytest.raises(Exception) as info:  # noqa: B017 (web3's ContractCustomError, or a plain revert)
            web3.eth.call({"from": owner.address, "data": creation + args.hex()})
        assert zero_address in str(getattr(info.value, "data", "")) + str(info.value)

    for k in range(6):
        refused(usdc_, oracle, [ZERO if i == k else a for i, a in enumerate(logic)])
    refused(ZERO, oracle, logic)
    refused(usdc_, ZERO, logic)
    core = project.ClearingHouse.deploy(usdc_, oracle, logic, owner, sender=owner)
    assert (core.minPositionNotional(), core.fullLiquidationThreshold(), core.liquidatorShare()) == (
        wad(10),
        wad(500),
        500_000,
    )
    assert core.collateralIndex() == 10**18
    assert core.guardian() == owner.address == core.owner()


def test_system_accounts_are_two_unused_accounts(project, stack, owner, alice, bob, carol):
    """setSystemAccounts flags the fund's and the pool's balance words (Ledger.SYSTEM_ACCOUNT),
    so it refuses one account for both, and an account that already holds trader collateral
    (its shares would be stranded behind the flag); once wired, a deposit for the fund credits
    its system balance, not shares, and a trader's deposit still buys shares."""
    core = project.ClearingHouse.deploy(
        stack.usdc.address, stack.oracle.address, logic_addresses(stack), owner, sender=owner
    )
    stack.usdc.mint(owner, 3 * 10**6, sender=owner)
    stack.usdc.approve(core.address, 2**256 - 1, sender=owner)
    with reverts(core.SystemAccountsEqual, account=alice.address):
        core.setSystemAccounts(alice, alice, sender=owner)
    core.depositFor(bob, 10**6, sender=owner)
    with reverts(core.SystemAccountInUse, account=bob.address):
        core.setSystemAccounts(carol, bob, sender=owner)
    with reverts(core.SystemAccountInUse, account=bob.address):
        core.setSystemAccounts(bob, carol, sender=owner)
    core.setSystemAccounts(carol, alice, sender=owner)
    core.depositFor(carol, 10**6, sender=owner)
    assert core.balanceOf(carol) == wad(1)
    assert core.rawBalance(carol) == (0, 0)  # no shares: the fund's balance is insuranceBalance
    core.depositFor(bob, 10**6, sender=owner)
    assert core.balanceOf(bob) == wad(2)
    assert core.totalShares() == wad(2)
