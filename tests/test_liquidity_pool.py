"""LiquidityPool: OpenZeppelin ERC-4626 over the pool's USDC claim in the Vault (12 decimals of
virtual offset), fee income, utilisation limit and depth targets (PROTOCOL.md section 5).

ERC-4626 conversions with the offset (S shares, T = totalAssets in USDC units, 6 decimals):
    deposit  a -> floor(a * (S + 1e12) / (T + 1)) shares      mint  s -> ceil(s * (T + 1) / (S + 1e12))
    withdraw a -> ceil(a * (S + 1e12) / (T + 1)) shares       redeem s -> floor(s * (T + 1) / (S + 1e12))
The deployment seeds 1,000,000 USDC: S = 1e24 shares, T = 1e12.
"""

from __future__ import annotations

import ape
import pytest
from eth_abi import encode
from eth_utils import keccak

from vperp.curve import Curve, ceil_div, fee_split, trading_fee
from vperp.units import usdc, wad

ONE = 10**18
SCALE = 10**12
OFFSET = 10**12
X0, Y0 = 10_000 * ONE, 30_000_000 * ONE


def one(tx, event):
    logs = tx.events.filter(event)
    assert len(logs) == 1, logs
    return logs[0]


def shares_for_deposit(a: int, s: int, t: int) -> int:
    return a * (s + OFFSET) // (t + 1)


def assets_for_mint(n: int, s: int, t: int) -> int:
    return ceil_div(n * (t + 1), s + OFFSET)


def shares_for_withdraw(a: int, s: int, t: int) -> int:
    return ceil_div(a * (s + OFFSET), t + 1)


def assets_for_redeem(n: int, s: int, t: int) -> int:
    return n * (t + 1) // (s + OFFSET)


@pytest.fixture
def lp(stack):
    return stack.liquidity_pool


@pytest.fixture
def usdc_token(stack):
    return stack.usdc


@pytest.fixture
def lp_user(client, lp):
    """lp_user(account, usd): an account holding `usd` USDC, approved for the pool."""

    def make(account, amount):
        c = client(account)
        c.faucet(amount)
        c.d.usdc.approve(lp.address, 2**256 - 1, sender=account)
        return account

    return make


def state(lp) -> tuple[int, int]:
    return int(lp.totalSupply()), int(lp.totalAssets())


# ------------------------------------------------------------------ ERC-4626


def test_total_assets_is_the_pool_vault_balance_and_fees_raise_the_share_price(
    lp, vault, ch, funded, alice, owner
):
    """Alice longs 30,000 USD: fee 30 USD, 20% (6) to the insurance fund, 80% (24) to the pool.
    1e24 seed shares were worth 1,000,000 USDC; now floor(1e24 * (1,000,024e6 + 1) / (1e24 + 1e12))
    = 1,000,023.999999 USDC (the virtual share keeps its 1e-12 slice)."""
    assert state(lp) == (10**24, usdc(1_000_000))
    assert int(lp.convertToAssets(10**24)) == usdc(1_000_000)
    tx = funded(alice, 10_000).long_quote("vETH", 30_000)
    fee = trading_fee(wad(30_000), 1_000)
    assert (fee, fee_split(fee, 200_000)) == (wad(30), (wad(6), wad(24)))
    assert one(tx, ch.PositionChanged).fee == fee
    assert int(vault.balanceOf(lp)) == wad(1_000_024)
    assert int(vault.poolFeeIncome()) == wad(24)
    assert int(lp.totalAssets()) == int(vault.balanceOf(lp)) // SCALE == usdc(1_000_024)
    price = int(lp.convertToAssets(10**24))
    assert price == assets_for_redeem(10**24, 10**24, usdc(1_000_024)) == usdc(1_000_024) - 1
    assert int(lp.previewRedeem(10**24)) == price


def test_deposit_mint_withdraw_redeem_exact(lp, vault, usdc_token, lp_user, funded, alice, bob, carol):
    funded(alice, 10_000).long_quote("vETH", 30_000)  # share price off 1e-12 exactly
    lp_user(bob, 5_000)
    lp_user(carol, 5_000)
    s, t = state(lp)
    # deposit
    tx = lp.deposit(usdc(1_000), bob, sender=bob)
    n_bob = shares_for_deposit(usdc(1_000), s, t)
    assert one(tx, lp.Deposit).shares == n_bob == int(lp.balanceOf(bob))
    assert int(vault.balanceOf(lp)) == wad(1_000_024 + 1_000)
    s, t = state(lp)
    # mint
    n = 777 * 10**18
    tx = lp.mint(n, carol, sender=carol)
    cost = assets_for_mint(n, s, t)
    assert one(tx, lp.Deposit).assets == cost
    assert int(usdc_token.balanceOf(carol)) == usdc(5_000) - cost
    s, t = state(lp)
    # withdraw
    tx = lp.withdraw(usdc(400), bob, bob, sender=bob)
    burned = shares_for_withdraw(usdc(400), s, t)
    assert one(tx, lp.Withdraw).shares == burned
    assert int(lp.balanceOf(bob)) == n_bob - burned
    assert int(usdc_token.balanceOf(bob)) == usdc(4_400)
    s, t = state(lp)
    # redeem
    tx = lp.redeem(n, carol, carol, sender=carol)
    out = assets_for_redeem(n, s, t)
    assert one(tx, lp.Withdraw).assets == out
    assert int(usdc_token.balanceOf(carol)) == usdc(5_000) - cost + out
    assert out <= cost  # a round trip never gains
    assert int(lp.totalAssets()) == int(vault.balanceOf(lp)) // SCALE


def test_donation_attack_fails(lp, vault, usdc_token, owner, lp_user, alice, bob):
    """The seed LP leaves; the attacker (alice) deposits 1 unit (1e-6 USDC) for 1e12 shares and
    donates 1,000 USDC to the pool's Vault balance (Vault.depositFor). Bob deposits 1,000 USDC:
    shares = 1e9 * (1e12 + 1e12) / (1,000,000,001 + 1) = 1,999,999,996,000 - he owns 2/3 of
    the pool, not 0: the attacker's 1,000 USDC donation buys her ~500 USDC back, Bob loses at
    most 1 unit. (USDC sent straight to the pool contract does not count at all.)"""
    lp.redeem(lp.balanceOf(owner), owner, owner, sender=owner)
    assert state(lp) == (0, 0)
    lp_user(alice, 1_001)
    lp_user(bob, 1_000)
    lp.deposit(1, alice, sender=alice)
    assert int(lp.balanceOf(alice)) == OFFSET
    usdc_token.approve(vault.address, 2**256 - 1, sender=alice)
    vault.depositFor(lp.address, usdc(1_000), sender=alice)
    usdc_token.transfer(lp.address, 10**6 // 2, sender=alice)  # not counted: totalAssets is the Vault claim
    assert state(lp) == (OFFSET, usdc(1_000) + 1)

    lp.deposit(usdc(1_000), bob, sender=bob)
    n_bob = shares_for_deposit(usdc(1_000), OFFSET, usdc(1_000) + 1)
    assert int(lp.balanceOf(bob)) == n_bob == 1_999_999_996_000
    bob_value = int(lp.previewRedeem(n_bob))
    alice_value = int(lp.previewRedeem(OFFSET))
    assert usdc(1_000) - 1 <= bob_value <= usdc(1_000)
    assert alice_value < usdc(501)  # spent 1,000.5 USDC + 1 unit
    lp.redeem(n_bob, bob, bob, sender=bob)
    assert int(usdc_token.balanceOf(bob)) == bob_value


# ------------------------------------------------------------------ utilisation


def test_withdrawals_limited_by_utilisation(lp, ch, vault, owner, funded, alice):
    """maxUtilisation 0.1x: open interest of ~60,000 USD needs a pool of ~600,000 USDC.
    withdrawable = totalAssets - ceil(OI * 1e6 / (maxUtilisation * 1e12)) (USDC units)."""
    lp.setParams(100_000, 10_000, 10_000, sender=owner)
    funded(alice, 20_000).long_quote("vETH", 60_000)
    oi = int(ch.openInterestNotional())
    (long_oi, short_oi) = (int(v) for v in ch.getOpenInterest(ch.getMarkets()[0]))
    assert oi == ceil_div((long_oi + short_oi) * 3000 * ONE, ONE)
    total = int(lp.totalAssets())
    min_value = ceil_div(oi * 10**6, 100_000 * SCALE)
    withdrawable = total - min_value
    assert int(lp.maxWithdraw(owner)) == withdrawable
    assert int(lp.utilisation()) == ceil_div(oi * 10**6, total * SCALE)
    assert int(lp.maxRedeem(owner)) == shares_for_withdraw(withdrawable, *state(lp))
    with ape.reverts(
        lp.UtilisationTooHigh,
        openInterestNotional=oi,
        poolValueAfter=(total - withdrawable - 1) * SCALE,
        maxUtilisation=100_000,
    ):
        lp.withdraw(withdrawable + 1, owner, owner, sender=owner)
    shares = int(lp.balanceOf(owner))
    with ape.reverts(lp.UtilisationTooHigh, openInterestNotional=oi, maxUtilisation=100_000):
        lp.redeem(shares, owner, owner, sender=owner)
    # beyond the owner's own shares it is ERC-4626's error
    with ape.reverts(lp.ERC4626ExceededMaxWithdraw, owner=alice.address, assets=1, max=0):
        lp.withdraw(1, alice, alice, sender=alice)
    lp.withdraw(withdrawable, owner, owner, sender=owner)
    assert int(lp.maxWithdraw(owner)) == 0
    # the pool is at its limit: utilisation = 0.1x
    assert int(lp.utilisation()) == 100_000


# ------------------------------------------------------------------ depth targets


def test_deposit_and_withdrawal_move_k_to_the_depth_target(
    lp, ch, amm, vault, eth, owner, funded, lp_user, alice, bob
):
    """Depth 30x: target quote reserve = pool value * 30. Alice longs 30,000 USD (curve Y =
    30,030,000, pool 1,000,024). Bob deposits 100,000: target = 1,100,024 * 30 = 33,000,720 (9.9%
    off, > 1%): X' = X * 33,000,720 / 30,030,000, Y' = ceil(X' Y / X), same mark; the pool pays
    the net long's gain V' - V = Y' N/(X'+N) - Y N/(X+N) = 30,002.698 - 30,000 = 2.698 USD.
    Bob then withdraws 60,000: k moves down, the cost is negative and credits the pool."""
    tx = lp.setDepthTarget(eth, 30_000_000, sender=owner)
    assert one(tx, lp.DepthTargetSet).depthRatio == 30_000_000
    assert [tuple(x) for x in lp.getDepthTargets()] == [(eth.address, 30_000_000)]
    funded(alice, 10_000).long_quote("vETH", 30_000)
    n = int(amm.netBase(eth))
    lp_user(bob, 100_000)

    for action in ("deposit", "withdraw"):
        x, y = (int(v) for v in amm.getReserves(eth))
        before = Curve(x, y)
        pool_before = int(vault.balanceOf(lp))
        if action == "deposit":
            tx = lp.deposit(usdc(100_000), bob, sender=bob)
            moved = wad(100_000)
        else:
            tx = lp.withdraw(usdc(60_000), bob, bob, sender=bob)
            moved = -wad(60_000)
        value = (pool_before + moved) // SCALE * SCALE
        target = value * 30
        new_x = x * target // y
        after = Curve(new_x, ceil_div(new_x * y, x))
        cost = after.net_position_value(n) - before.net_position_value(n)
        ev = one(tx, lp.DepthSynced)
        assert (ev.baseToken, ev.oldQuoteReserve, ev.newQuoteReserve, ev.cost) == (
            eth.address,
            y,
            after.y,
            cost,
        )
        assert (cost > 0) == (action == "deposit")
        assert tuple(int(v) for v in amm.getReserves(eth)) == (after.x, after.y)
        assert before.mark <= int(amm.getMarkPrice(eth)) <= before.mark + 1
        assert int(vault.balanceOf(lp)) == pool_before + moved - cost
        assert one(tx, ch.CurveMigrated).cost == cost
        if action == "deposit":
            assert cost == 2698140369201425943  # 2.698 USD, as in the docstring
    # within 1% of the target: no sync
    tx = lp.deposit(usdc(1_000), bob, sender=bob)
    assert not tx.events.filter(lp.DepthSynced) and not tx.events.filter(lp.DepthSyncSkipped)


def test_depth_sync_skipped_when_cost_exceeds_budget(
    lp, ch, amm, vault, eth, owner, funded, lp_user, alice, bob
):
    """Budget = pool value * maxKCostRatio; with the ratio at 0 any positive cost is refused:
    DepthSyncSkipped(base, target, KCostExceedsBudget(base, cost, 0)) and the curve stays."""
    lp.setParams(5_000_000, 0, 10_000, sender=owner)
    lp.setDepthTarget(eth, 30_000_000, sender=owner)
    funded(alice, 10_000).long_quote("vETH", 30_000)
    n = int(amm.netBase(eth))
    x, y = (int(v) for v in amm.getReserves(eth))
    lp_user(bob, 100_000)
    tx = lp.deposit(usdc(100_000), bob, sender=bob)
    target = int(lp.totalAssets()) * SCALE * 30
    new_x = x * target // y
    cost = Curve(new_x, ceil_div(new_x * y, x)).net_position_value(n) - Curve(x, y).net_position_value(n)
    ev = one(tx, lp.DepthSyncSkipped)
    selector = keccak(text="KCostExceedsBudget(address,int256,uint256)")[:4]
    assert (ev.baseToken, ev.targetQuoteReserve) == (eth.address, target)
    assert bytes(ev.reason) == selector + encode(["address", "int256", "uint256"], [eth.address, cost, 0])
    assert tuple(int(v) for v in amm.getReserves(eth)) == (x, y)


def test_pool_parameter_bounds(lp, owner, alice, eth):
    with ape.reverts(lp.ParamOutOfBounds, value=99_999, min=100_000, max=100_000_000):
        lp.setParams(99_999, 10_000, 10_000, sender=owner)
    with ape.reverts(lp.ParamOutOfBounds, value=100_000_001, min=100_000, max=100_000_000):
        lp.setParams(100_000_001, 10_000, 10_000, sender=owner)
    with ape.reverts(lp.ParamOutOfBounds, value=100_001, min=0, max=100_000):
        lp.setParams(5_000_000, 100_001, 10_000, sender=owner)
    with ape.reverts(lp.ParamOutOfBounds, value=500_001, min=0, max=500_000):
        lp.setParams(5_000_000, 10_000, 500_001, sender=owner)
    tx = lp.setParams(100_000_000, 100_000, 500_000, sender=owner)
    assert tuple(one(tx, lp.PoolParamsChanged).event_arguments.values()) == (100_000_000, 100_000, 500_000)
    with ape.reverts(lp.OwnableUnauthorizedAccount, account=alice.address):
        lp.setParams(5_000_000, 10_000, 10_000, sender=alice)
    with ape.reverts(lp.OwnableUnauthorizedAccount, account=alice.address):
        lp.setDepthTarget(eth, 30_000_000, sender=alice)
    # at most 16 targets; re-setting an existing one does not add
    lp.setDepthTarget(eth, 1, sender=owner)
    for i in range(15):
        lp.setDepthTarget(f"0x{i + 1:040x}", 0, sender=owner)
    lp.setDepthTarget(eth, 2, sender=owner)
    with ape.reverts(lp.TooManyDepthTargets, count=16):
        lp.setDepthTarget(f"0x{99:040x}", 0, sender=owner)
    assert len(lp.getDepthTargets()) == 16
