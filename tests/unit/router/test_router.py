"""ExchangeRouter and operator approvals (IOperatorApproval): the compositions in one transaction,
each scope checked on its own, and the attacker's tests of issue 10 (no approval, an approval
used after its revocation, a multicall re-entered, a refund the receiver rejects, a permit signed
for another spender). The router never keeps a balance: every test ends by checking it."""

from __future__ import annotations

from typing import Any

import pytest
from eth_utils import keccak

from utils.constants import FAR_DEADLINE, SCALE, ZERO
from utils.reverts import reverts

from .conftest import ADD, ALL, CLOSE, OPEN, REMOVE, calldata

USDC = 10**6


def assert_empty(stack: Any, router: Any) -> None:
    """The router holds no USDC and no ETH after any call."""
    assert int(stack.usdc.balanceOf(router)) == 0
    assert int(router.balance) == 0


def events(tx: Any, event: Any) -> list[dict]:
    return [dict(e.event_arguments) for e in tx.decode_logs(event)]


@pytest.fixture
def trader(alice, stack, operators, router, wallet):
    """alice: 5,000 USDC in her wallet, the core approved for it, the router granted `ALL`."""
    wallet(alice, 5_000 * USDC)
    stack.usdc.approve(stack.clearing_house, 2**256 - 1, sender=alice)
    operators.approveOperator(router, ALL, sender=alice)
    return alice


# ------------------------------------------------------------------------------ compositions


def test_open_with_collateral_in_one_transaction(trader, stack, ch, router, params, eth):
    """'5x long ETH with 1,000 USDC': one router call deposits from the wallet and opens."""
    wallet_before = int(stack.usdc.balanceOf(trader))
    tx = router.openPositionWithCollateral(1_000 * USDC, params(False, True, 5_000 * 10**18), sender=trader)
    assert int(stack.usdc.balanceOf(trader)) == wallet_before - 1_000 * USDC
    assert events(tx, ch.Deposited) == [
        {"trader": trader.address, "payer": trader.address, "amount": 1_000 * 10**18}
    ]
    (changed,) = events(tx, ch.PositionChanged)
    assert changed["trader"] == trader.address and changed["exchangedNotional"] == 5_000 * 10**18
    p = ch.getPosition(trader, eth)
    assert int(p.size) == changed["exchangedSize"] > 0
    # the fee came out of the deposit: 0.1% of 5,000
    assert int(ch.balanceOf(trader)) == 1_000 * 10**18 - 5 * 10**18
    assert_empty(stack, router)


def test_close_and_withdraw_everything(trader, stack, ch, router, params, eth):
    router.openPositionWithCollateral(1_000 * USDC, params(False, True, 3_000 * 10**18), sender=trader)
    wallet_before = int(stack.usdc.balanceOf(trader))
    tx = router.closePositionAndWithdraw(eth, 0, FAR_DEADLINE, 0, sender=trader)
    assert int(ch.getPosition(trader, eth).size) == 0
    (w,) = events(tx, ch.Withdrawn)
    assert w["trader"] == w["to"] == trader.address
    paid = int(stack.usdc.balanceOf(trader)) - wallet_before
    assert w["amount"] == paid * SCALE
    # everything free left, but less than one USDC unit (the 6-decimal floor)
    assert 0 <= int(ch.getFreeCollateral(trader)) < SCALE
    assert tx.return_value == paid
    assert_empty(stack, router)


def test_close_and_withdraw_an_exact_amount(trader, stack, ch, router, params, eth):
    router.openPositionWithCollateral(1_000 * USDC, params(False, True, 3_000 * 10**18), sender=trader)
    tx = router.closePositionAndWithdraw(eth, 0, FAR_DEADLINE, 400 * USDC, sender=trader)
    assert events(tx, ch.Withdrawn)[0]["amount"] == 400 * 10**18
    with reverts(ch.InsufficientFreeCollateral):
        router.withdraw(10_000 * USDC, sender=trader)
    assert_empty(stack, router)


def test_update_price_and_trade_forwards_the_fee_exactly(
    trader, stack, ch, router, params, price_update, cfg
):
    router.deposit(1_000 * USDC, sender=trader)
    update, fee = price_update(cfg.markets[0].price)
    assert fee == cfg.pyth_update_fee_wei > 0
    pyth_before, eth_before = int(stack.pyth.balance), int(trader.balance)
    extra = 123_456_789
    tx = router.updatePriceAndTrade(
        update, params(False, True, 2_000 * 10**18), sender=trader, value=fee + extra
    )
    assert int(stack.pyth.balance) - pyth_before == fee
    assert eth_before - int(trader.balance) == fee + int(tx.total_fees_paid)
    assert events(tx, router.PriceUpdated) == [{"trader": trader.address, "fee": fee}]
    assert len(events(tx, ch.PositionChanged)) == 1
    assert_empty(stack, router)


def test_update_price_without_the_fee_reverts(trader, router, params, price_update, cfg):
    update, fee = price_update(cfg.markets[0].price)
    with reverts(router.InsufficientPythFee, required=fee, provided=fee - 1):
        router.updatePrice(update, sender=trader, value=fee - 1)


def test_multicall_composes_permit_deposit_open_and_refunds(
    alice, stack, ch, router, operators, params, wallet, sign_permit, price_update, cfg, chain
):
    """A trader with no allowance to the core: permit + deposit + price update + open, one transaction."""
    wallet(alice, 2_000 * USDC)
    operators.approveOperator(router, ADD | OPEN, sender=alice)
    deadline = chain.pending_timestamp + 600
    v, r, s = sign_permit(alice, ch.address, 1_500 * USDC, deadline)
    update, fee = price_update(cfg.markets[0].price)
    calls = [
        calldata(router, "permitUsdc", 1_500 * USDC, deadline, v, r, s),
        calldata(router, "deposit", 1_500 * USDC),
        calldata(router, "updatePrice", update),
        calldata(router, "openPosition", params(True, True, 10**18)),
    ]
    pyth_before = int(stack.pyth.balance)
    tx = router.multicall(calls, sender=alice, value=fee + 10**15)
    assert int(ch.balanceOf(alice)) > 1_490 * 10**18
    assert int(ch.getPosition(alice, params(True, True, 1)[0]).size) == -(10**18)
    assert int(stack.usdc.allowance(alice, ch)) == 0
    assert int(stack.pyth.balance) - pyth_before == fee
    assert len(tx.return_value) == 4
    assert_empty(stack, router)


# ------------------------------------------------------------------------------ scopes


@pytest.mark.parametrize(
    ("granted", "call", "needed"),
    [
        (ALL & ~ADD, "deposit", ADD),
        (ALL & ~REMOVE, "withdraw", REMOVE),
        (ALL & ~OPEN, "open", OPEN),
        (ALL & ~CLOSE, "close", CLOSE),
    ],
)
def test_each_scope_is_checked_alone(
    alice, stack, ch, router, operators, params, wallet, eth, granted, call, needed
):
    wallet(alice, 2_000 * USDC)
    stack.usdc.approve(ch, 2**256 - 1, sender=alice)
    ch.deposit(1_000 * USDC, sender=alice)
    ch.openPosition(params(False, True, 1_000 * 10**18), sender=alice)
    operators.approveOperator(router, granted, sender=alice)
    assert int(operators.operatorActions(alice, router)) == granted
    action = {
        "deposit": lambda: router.deposit(10 * USDC, sender=alice),
        "withdraw": lambda: router.withdraw(10 * USDC, sender=alice),
        "open": lambda: router.openPosition(params(False, True, 100 * 10**18), sender=alice),
        "close": lambda: router.closePosition(eth, 0, FAR_DEADLINE, sender=alice),
    }[call]
    with reverts(ch.NotOperator, trader=alice.address, operator=router.address, action=needed):
        action()
    operators.approveOperator(router, needed, sender=alice)
    action()
    assert_empty(stack, router)


def test_router_call_without_approval(bob, stack, ch, router, params, wallet):
    wallet(bob, 1_000 * USDC)
    stack.usdc.approve(ch, 2**256 - 1, sender=bob)
    with reverts(ch.NotOperator, trader=bob.address, operator=router.address, action=ADD):
        router.openPositionWithCollateral(500 * USDC, params(False, True, 100 * 10**18), sender=bob)
    ch.deposit(500 * USDC, sender=bob)
    with reverts(ch.NotOperator, trader=bob.address, operator=router.address, action=OPEN):
        router.openPosition(params(False, True, 100 * 10**18), sender=bob)


def test_operator_acts_on_the_core_only_within_its_scopes(trader, mallory, stack, ch, operators, params, eth):
    """A third party calling the core's *For entries: nothing without approval; with a scope, the
    funds still go to the trader, never to the operator."""
    ch.deposit(1_000 * USDC, sender=trader)
    for attempt, action in [
        (lambda: ch.openPositionFor(trader, params(False, True, 100 * 10**18), sender=mallory), OPEN),
        (lambda: ch.closePositionFor(trader, eth, 0, FAR_DEADLINE, sender=mallory), CLOSE),
        (lambda: ch.depositFrom(trader, 1 * USDC, sender=mallory), ADD),
        (lambda: ch.withdrawFor(trader, 1 * USDC, sender=mallory), REMOVE),
    ]:
        with reverts(ch.NotOperator, trader=trader.address, operator=mallory.address, action=action):
            attempt()
    operators.approveOperator(mallory, REMOVE, sender=trader)
    mallory_before, trader_before = int(stack.usdc.balanceOf(mallory)), int(stack.usdc.balanceOf(trader))
    tx = ch.withdrawFor(trader, 100 * USDC, sender=mallory)
    assert events(tx, ch.Withdrawn) == [
        {"trader": trader.address, "to": trader.address, "amount": 100 * 10**18}
    ]
    assert int(stack.usdc.balanceOf(mallory)) == mallory_before
    assert int(stack.usdc.balanceOf(trader)) == trader_before + 100 * USDC
    # the withdraw scope does not open
    with reverts(ch.NotOperator, trader=trader.address, operator=mallory.address, action=OPEN):
        ch.openPositionFor(trader, params(False, True, 100 * 10**18), sender=mallory)


def test_operator_trade_meets_the_traders_own_guards(trader, ch, operators, mallory, params):
    """openPositionFor runs every check of the trader's own trade, on the trader's account."""
    ch.deposit(100 * USDC, sender=trader)
    operators.approveOperator(mallory, OPEN, sender=trader)
    with reverts(ch.InsufficientMargin):
        ch.openPositionFor(trader, params(False, True, 5_000 * 10**18), sender=mallory)
    with reverts(ch.DeadlineExpired):
        ch.openPositionFor(trader, params(False, True, 100 * 10**18, deadline=1), sender=mallory)


def test_approval_used_after_revocation(trader, ch, router, operators, params, eth):
    tx = operators.revokeOperator(router, OPEN, sender=trader)
    assert events(tx, ch.OperatorRevoked) == [
        {"trader": trader.address, "operator": router.address, "actions": OPEN, "current": ALL & ~OPEN}
    ]
    with reverts(ch.NotOperator, trader=trader.address, operator=router.address, action=OPEN):
        router.openPositionWithCollateral(100 * USDC, params(False, True, 100 * 10**18), sender=trader)
    tx = operators.approveOperator(router, OPEN, sender=trader)
    assert events(tx, ch.OperatorApproved) == [
        {"trader": trader.address, "operator": router.address, "actions": OPEN, "current": ALL}
    ]
    router.openPositionWithCollateral(100 * USDC, params(False, True, 100 * 10**18), sender=trader)
    operators.revokeOperator(router, ALL, sender=trader)
    assert int(operators.operatorActions(trader, router)) == 0
    for attempt, action in [
        (lambda: router.closePosition(eth, 0, FAR_DEADLINE, sender=trader), CLOSE),
        (lambda: router.withdraw(1 * USDC, sender=trader), REMOVE),
        (lambda: router.deposit(1 * USDC, sender=trader), ADD),
    ]:
        with reverts(ch.NotOperator, trader=trader.address, operator=router.address, action=action):
            attempt()


@pytest.mark.parametrize("method", ["approveOperator", "revokeOperator"])
def test_approval_bad_input(alice, ch, operators, router, method):
    call = getattr(operators, method)
    with reverts(ch.ZeroAddress):
        call(ZERO, OPEN, sender=alice)
    with reverts(ch.SelfOperator, trader=alice.address):
        call(alice, OPEN, sender=alice)
    for bad in (0, 16, ALL + 1, 2**256 - 1):
        with reverts(ch.InvalidOperatorActions, actions=bad):
            call(router, bad, sender=alice)


# ------------------------------------------------------------------------------ hostile callers


@pytest.fixture
def hostile(project, owner, stack, ch, router):
    """A contract trader that granted the router everything and holds 1,000 USDC of collateral."""
    h = project.HostileTrader.deploy(sender=owner)
    stack.usdc.mint(h, 2_000 * USDC, sender=owner)
    h.setUp(stack.usdc, ch, router, ALL, sender=owner)
    h.call(router, 0, calldata(router, "deposit", 1_000 * USDC), sender=owner)
    return h


def test_refund_rejected_by_a_hostile_receiver(hostile, owner, stack, router, params, price_update, cfg):
    update, fee = price_update(cfg.markets[0].price)
    hostile.setMode(1, b"", sender=owner)
    trade = calldata(router, "updatePriceAndTrade", update, params(False, True, 100 * 10**18))
    with reverts(router.RefundFailed, to=hostile.address, amount=7):
        hostile.call(router, fee + 7, trade, sender=owner, value=fee + 7)
    assert_empty(stack, router)
    # paying the exact fee leaves nothing to refund: the same trade goes through
    hostile.call(router, fee, trade, sender=owner, value=fee)
    assert_empty(stack, router)


@pytest.mark.parametrize("reentry_method", ["multicall", "openPosition", "withdraw"])
def test_multicall_reentered_from_the_refund(
    hostile, owner, stack, ch, router, params, price_update, cfg, reentry_method
):
    update, fee = price_update(cfg.markets[0].price)
    reentry = {
        "multicall": lambda: calldata(router, "multicall", [calldata(router, "withdraw", 500 * USDC)]),
        "openPosition": lambda: calldata(router, "openPosition", params(False, True, 100 * 10**18)),
        "withdraw": lambda: calldata(router, "withdraw", 500 * USDC),
    }[reentry_method]()
    hostile.setMode(2, reentry, sender=owner)
    calls = [
        calldata(router, "updatePrice", update),
        calldata(router, "openPosition", params(False, True, 100 * 10**18)),
    ]
    collateral_before = int(ch.balanceOf(hostile))
    hostile.call(router, fee + 5, calldata(router, "multicall", calls), sender=owner, value=fee + 5)
    assert hostile.reentered()
    assert bytes(hostile.reentryError()) == keccak(text="RouterReentrancy()")[:4]
    # the re-entry did nothing: one trade, no withdrawal
    assert int(ch.balanceOf(hostile)) == collateral_before - 100 * 10**18 // 1000
    assert_empty(stack, router)


def test_nested_multicall_and_call_counts(trader, router, params):
    inner = calldata(router, "multicall", [calldata(router, "deposit", 1 * USDC)])
    with reverts(router.RouterReentrancy):
        router.multicall([inner], sender=trader)
    with reverts(router.InvalidCallCount, count=0, max=32):
        router.multicall([], sender=trader)
    deposit = calldata(router, "deposit", 1 * USDC)
    with reverts(router.InvalidCallCount, count=33, max=32):
        router.multicall([deposit] * 33, sender=trader)
    router.multicall([deposit] * 32, sender=trader)


def test_multicall_failure_reverts_every_call(trader, stack, ch, router, params):
    before = int(ch.balanceOf(trader))
    calls = [calldata(router, "deposit", 100 * USDC), calldata(router, "withdraw", 10**9 * USDC)]
    with reverts(ch.InsufficientFreeCollateral):
        router.multicall(calls, sender=trader)
    assert int(ch.balanceOf(trader)) == before


# ------------------------------------------------------------------------------ permits


def test_permit_signed_for_another_spender(alice, stack, ch, router, sign_permit, chain):
    deadline = chain.pending_timestamp + 600
    v, r, s = sign_permit(alice, router.address, 500 * USDC, deadline)  # the router, not the core
    with reverts(router.PermitFailed, owner=alice.address, allowance=0, value=500 * USDC):
        router.permitUsdc(500 * USDC, deadline, v, r, s, sender=alice)
    assert int(stack.usdc.allowance(alice, router)) == 0


def test_permit_front_run_still_passes(alice, mallory, stack, ch, router, sign_permit, chain):
    """Someone submits the trader's permit first (a known griefing): the router's call still
    passes because the allowance it needs is there; a replay of the permit cannot raise it."""
    deadline = chain.pending_timestamp + 600
    v, r, s = sign_permit(alice, ch.address, 500 * USDC, deadline)
    stack.usdc.permit(alice, ch, 500 * USDC, deadline, v, r, s, sender=mallory)
    router.permitUsdc(500 * USDC, deadline, v, r, s, sender=alice)
    assert int(stack.usdc.allowance(alice, ch)) == 500 * USDC
    with reverts(router.PermitFailed, owner=alice.address, allowance=500 * USDC, value=600 * USDC):
        router.permitUsdc(600 * USDC, deadline, v, r, s, sender=alice)


def test_router_rejects_plain_ether_and_unknown_selectors(alice, router):
    with reverts(router.UnknownSelector, selector=b"\x00" * 4):
        alice.transfer(router, 1)
    with reverts(router.UnknownSelector, selector=bytes.fromhex("deadbeef")):
        alice.transfer(router, 0, data=bytes.fromhex("deadbeef00"))
    assert int(router.balance) == 0


def test_router_constructor_rejects_zero(project, owner):
    with reverts(project.ExchangeRouter.ZeroAddress):
        project.ExchangeRouter.deploy(ZERO, sender=owner)


@pytest.mark.parametrize("side", ["long", "short"])
def test_sdk_leverage_open_is_one_router_call(side, bob, stack, ch, eth, client, operators, router):
    """'5x long ETH with 1,000 USDC' (and short): the SDK grants the scopes it needs, then one
    router call deposits 1,000 USDC and opens 5,000 USD of notional within the quote's bound."""
    c = client(bob)
    c.faucet(1_000)
    tx = c.open_with_leverage("vETH", side, 1_000, 5, tolerance="0.005")
    assert int(operators.operatorActions(bob, router)) == OPEN | ADD
    (changed,) = events(tx, ch.PositionChanged)
    assert abs(changed["exchangedNotional"]) == 5_000 * 10**18
    assert (changed["exchangedSize"] > 0) == (side == "long")
    assert int(ch.balanceOf(bob)) == 1_000 * 10**18 - 5 * 10**18
    assert int(stack.usdc.balanceOf(bob)) == 0
    assert_empty(stack, router)
    with pytest.raises(ValueError):
        c.open_with_leverage("vETH", side, 1, 0)
