"""LiquidityPool: OpenZeppelin ERC-4626 over the pool's USDC claim in the Vault (12 decimals of
virtual offset), income vesting, utilisation limit and depth targets (PROTOCOL.md section 5).

ERC-4626 conversions with the offset (S shares, T = totalAssets in USDC units, 6 decimals):
    deposit  a -> floor(a * (S + 1e12) / (T + 1)) shares      mint  s -> ceil(s * (T + 1) / (S + 1e12))
    withdraw a -> ceil(a * (S + 1e12) / (T + 1)) shares       redeem s -> floor(s * (T + 1) / (S + 1e12))
The deployment seeds 1,000,000 USDC: S = 1e24 shares, T = 1e12.

Income vesting (B = the pool's Vault balance, A = `accounted`, 18 decimals):
    T = floor((B - locked) / 1e12), locked = L(t) + (B - A)      when B >= A (new income: all locked)
                                    locked = max(L(t) - (A - B), 0)  when B < A (a loss: at once)
    L(t) = ceil(L0 * (end - t) / (end - t0)) before `end`, 0 from `end` on
A checkpoint (every deposit / mint / withdraw / redeem / syncDepth, and `checkpoint()`) sets
L0 = locked, t0 = now, A = B, and end = now + period when there was new income.

Depth syncs never pay: adjustK with a budget of 0, so a deepening while the traders' net
position N != 0 is skipped; free syncs (N = 0) and shallowing (the pool gains) apply.
"""

from __future__ import annotations

import pytest
from eth_abi import decode, encode
from eth_utils import keccak, to_checksum_address

from utils.checks import one
from utils.constants import DAY, HOUR, ONE, SCALE
from utils.constants import MAX_UINT256 as MAX
from utils.models import adjusted
from utils.reverts import reverts
from vperp.sdk.curve import Curve, ceil_div, fee_split, trading_fee
from vperp.sdk.units import usdc, wad

OFFSET = 10**12


def shares_for_deposit(a: int, s: int, t: int) -> int:
    return a * (s + OFFSET) // (t + 1)


def assets_for_mint(n: int, s: int, t: int) -> int:
    return ceil_div(n * (t + 1), s + OFFSET)


def shares_for_withdraw(a: int, s: int, t: int) -> int:
    return ceil_div(a * (s + OFFSET), t + 1)


def assets_for_redeem(n: int, s: int, t: int) -> int:
    return n * (t + 1) // (s + OFFSET)


def locked_at(l0: int, t0: int, end: int, t: int) -> int:
    """LiquidityPool._lockedNow."""
    if l0 == 0 or t >= end:
        return 0
    return ceil_div(l0 * (end - t), end - t0)


def sync_target(c: Curve, value: int, ratio: int) -> Curve:
    """The curve _syncDepth aims at for pool value `value` (18 decimals)."""
    target = value * ratio // 10**6
    return adjusted(c, c.x * target // c.y)


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


def curve(amm, base) -> Curve:
    return Curve(*(int(v) for v in amm.getReserves(base)))


def vest_all(lp, chain, owner) -> None:
    """Checkpoints and lets everything locked vest."""
    lp.checkpoint(sender=owner)
    chain.mine(timestamp=max(int(lp.unlockEnd()), chain.blocks.head.timestamp + 1))


# ------------------------------------------------------------------ ERC-4626


def test_fee_income_is_locked_then_vests_linearly(lp, vault, ch, chain, funded, alice, owner):
    """Alice longs 30,000 USD: fee 30 USD, 20% (6) to the insurance fund, 80% (24) to the pool.
    Not yet checkpointed, the 24 USD count as locked: totalAssets stays 1,000,000. The checkpoint
    locks them until t0 + 1 day; half-way 12 have vested; at end - 1 s, ceil(24e18 / 86,400)
    is still locked; at end all 24 count: 1e24 seed shares are worth
    floor(1e24 * (1,000,024e6 + 1) / (1e24 + 1e12)) = 1,000,023.999999 USDC."""
    assert state(lp) == (10**24, usdc(1_000_000))
    assert int(lp.incomeVestingPeriod()) == DAY
    tx = funded(alice, 10_000).long_quote("vETH", 30_000)
    fee = trading_fee(wad(30_000), 1_000)
    assert (fee, fee_split(fee, 200_000)) == (wad(30), (wad(6), wad(24)))
    assert one(tx, ch.PositionChanged).fee == fee
    assert int(vault.balanceOf(lp)) == wad(1_000_024)
    assert int(lp.lockedIncome()) == wad(24)
    assert state(lp) == (10**24, usdc(1_000_000))

    tx = lp.checkpoint(sender=owner)
    t0 = tx.timestamp
    ev = one(tx, lp.IncomeLocked)
    assert (ev.income, ev.lockedTotal, ev.unlockEnd) == (wad(24), wad(24), t0 + DAY)
    assert (int(lp.accounted()), int(lp.lastCheckpoint()), int(lp.unlockEnd())) == (
        wad(1_000_024),
        t0,
        t0 + DAY,
    )
    assert not lp.checkpoint(sender=owner).events.filter(lp.IncomeLocked)  # nothing new

    for dt, locked in ((DAY // 2, wad(12)), (DAY - 1, ceil_div(wad(24), DAY)), (DAY, 0), (DAY + 5, 0)):
        chain.mine(timestamp=t0 + dt)
        assert int(lp.lockedIncome()) == locked == locked_at(wad(24), t0, t0 + DAY, t0 + dt)
        assert int(lp.totalAssets()) == (wad(1_000_024) - locked) // SCALE
    price = int(lp.convertToAssets(10**24))
    assert price == assets_for_redeem(10**24, 10**24, usdc(1_000_024)) == usdc(1_000_024) - 1
    assert int(lp.previewRedeem(10**24)) == price


def test_deposit_mint_withdraw_redeem_exact(
    lp, vault, chain, usdc_token, lp_user, funded, alice, bob, carol, owner
):
    """Every entry point moves exactly what its preview said, in the same block."""
    funded(alice, 10_000).long_quote("vETH", 30_000)
    vest_all(lp, chain, owner)  # share price off 1e-12 exactly
    lp_user(bob, 5_000)
    lp_user(carol, 5_000)
    s, t = state(lp)
    assert t == usdc(1_000_024)
    # deposit
    preview = int(lp.previewDeposit(usdc(1_000)))
    tx = lp.deposit(usdc(1_000), bob, sender=bob)
    n_bob = shares_for_deposit(usdc(1_000), s, t)
    assert one(tx, lp.Deposit).shares == n_bob == int(lp.balanceOf(bob)) == preview
    assert int(vault.balanceOf(lp)) == wad(1_000_024 + 1_000) == int(lp.accounted())
    s, t = state(lp)
    # mint
    n = 777 * 10**18
    preview = int(lp.previewMint(n))
    tx = lp.mint(n, carol, sender=carol)
    cost = assets_for_mint(n, s, t)
    assert one(tx, lp.Deposit).assets == cost == preview
    assert int(usdc_token.balanceOf(carol)) == usdc(5_000) - cost
    s, t = state(lp)
    # withdraw
    preview = int(lp.previewWithdraw(usdc(400)))
    tx = lp.withdraw(usdc(400), bob, bob, sender=bob)
    burned = shares_for_withdraw(usdc(400), s, t)
    assert one(tx, lp.Withdraw).shares == burned == preview
    assert int(lp.balanceOf(bob)) == n_bob - burned
    assert int(usdc_token.balanceOf(bob)) == usdc(4_400)
    s, t = state(lp)
    # redeem
    preview = int(lp.previewRedeem(n))
    tx = lp.redeem(n, carol, carol, sender=carol)
    out = assets_for_redeem(n, s, t)
    assert one(tx, lp.Withdraw).assets == out == preview
    assert int(usdc_token.balanceOf(carol)) == usdc(5_000) - cost + out
    assert out <= cost  # a round trip never gains
    assert int(lp.totalAssets()) == int(vault.balanceOf(lp)) // SCALE
    assert int(lp.accounted()) == int(vault.balanceOf(lp))
    assert not tx.events.filter(lp.IncomeLocked) and not tx.events.filter(lp.LossRecognized)


def test_donation_attack_fails(lp, vault, chain, usdc_token, owner, lp_user, alice, bob):
    """The seed LP leaves; the attacker (alice) deposits 1 unit (1e-6 USDC) for 1e12 shares and
    donates 1,000 USDC to the pool's Vault balance (Vault.depositFor). The donation is income:
    locked, it does not raise the share price at all. Bob deposits 1,000 USDC:
    shares = 1e9 * (1e12 + 1e12) / (1 + 1) = 1e21 - he owns all but 1e-9 of the pool, and the
    donation vests to him. (USDC sent straight to the pool contract does not count at all.)"""
    lp.redeem(lp.balanceOf(owner), owner, owner, sender=owner)
    assert state(lp) == (0, 0)
    lp_user(alice, 1_001)
    lp_user(bob, 1_000)
    lp.deposit(1, alice, sender=alice)
    assert int(lp.balanceOf(alice)) == OFFSET
    usdc_token.approve(vault.address, 2**256 - 1, sender=alice)
    vault.depositFor(lp.address, usdc(1_000), sender=alice)
    usdc_token.transfer(lp.address, 10**6 // 2, sender=alice)  # not counted: totalAssets is the Vault claim
    assert state(lp) == (OFFSET, 1)
    assert int(lp.lockedIncome()) == wad(1_000)

    tx = lp.deposit(usdc(1_000), bob, sender=bob)
    assert one(tx, lp.IncomeLocked).income == wad(1_000)
    n_bob = shares_for_deposit(usdc(1_000), OFFSET, 1)
    assert int(lp.balanceOf(bob)) == n_bob == 10**21
    assert usdc(1_000) - 1 <= int(lp.previewRedeem(n_bob)) <= usdc(1_000)
    assert int(lp.previewRedeem(OFFSET)) <= 2
    vest_all(lp, chain, owner)
    bob_value, alice_value = int(lp.previewRedeem(n_bob)), int(lp.previewRedeem(OFFSET))
    assert bob_value >= usdc(2_000) - 2 and alice_value <= 3  # the attacker's donation went to bob
    lp.redeem(n_bob, bob, bob, sender=bob)
    assert int(usdc_token.balanceOf(bob)) == bob_value


def test_loss_hits_at_once_and_eats_locked_income_first(lp, vault, ch, amm, chain, eth, owner, funded, alice):
    """A loss (here governance's priced adjustK, k x2, the most one call may, with a net long:
    ~60 USD) lowers the
    pool's claim in the same block, before any checkpoint, and is taken from the income still
    locked first (36 of the 48 USD of fees, a quarter of the day in): the LPs' totalAssets
    drops by the rest only. The checkpoint reports it (LossRecognized)."""
    funded(alice, 10_000).long_quote("vETH", 60_000)
    t0 = lp.checkpoint(sender=owner).timestamp  # 48 USD locked until t0 + 1 day
    chain.mine(timestamp=t0 + DAY // 4)
    assert int(lp.lockedIncome()) == locked_at(wad(48), t0, t0 + DAY, t0 + DAY // 4) == wad(36)
    ta_before = int(lp.totalAssets())
    assert ta_before == usdc(1_000_012)
    c = curve(amm, eth)
    tx = ch.adjustK(eth, c.x * 2, wad(1_000), sender=owner)
    cost = int(one(tx, ch.CurveMigrated).cost)
    still = locked_at(wad(48), t0, t0 + DAY, tx.timestamp)
    assert cost > still > wad(35)
    balance = int(vault.balanceOf(lp))
    assert balance == wad(1_000_048) - cost
    assert int(lp.lockedIncome()) == 0
    assert int(lp.totalAssets()) == balance // SCALE == (wad(1_000_048) - still - (cost - still)) // SCALE
    tx = lp.checkpoint(sender=owner)
    ev = one(tx, lp.LossRecognized)
    still = locked_at(wad(48), t0, t0 + DAY, tx.timestamp)
    assert (ev.loss, ev.absorbedByLockedIncome, ev.lockedTotal) == (cost, still, 0)
    assert int(lp.totalAssets()) == balance // SCALE
    assert int(lp.accounted()) == balance


# ------------------------------------------------------------------ input checks


def test_bad_inputs_revert_with_custom_errors(lp, owner, lp_user, alice, eth):
    lp_user(alice, 10)
    for call in (
        lambda: lp.deposit(0, alice, sender=alice),
        lambda: lp.mint(0, alice, sender=alice),
        lambda: lp.withdraw(0, owner, owner, sender=owner),
        lambda: lp.redeem(0, owner, owner, sender=owner),
    ):
        with reverts(lp.ZeroAmount):
            call()
    max_deposit = int(lp.maxDeposit(alice))
    assert max_deposit == 10**18 - usdc(1_000_000)
    with reverts(lp.ERC4626ExceededMaxDeposit, receiver=alice, assets=MAX, max=max_deposit):
        lp.deposit(MAX, alice, sender=alice)
    with reverts(lp.ERC4626ExceededMaxMint, receiver=alice, shares=MAX, max=int(lp.maxMint(alice))):
        lp.mint(MAX, alice, sender=alice)
    with reverts(lp.ERC4626ExceededMaxWithdraw, owner=owner, assets=MAX):
        lp.withdraw(MAX, owner, owner, sender=owner)
    with reverts(lp.ERC4626ExceededMaxRedeem, owner=owner, shares=MAX):
        lp.redeem(MAX, owner, owner, sender=owner)
    with reverts(lp.AmountTooLarge, amount=MAX, maxAmount=10**18):
        lp.previewWithdraw(MAX)
    with reverts(lp.AmountTooLarge, amount=MAX, maxAmount=2**192):
        lp.previewMint(MAX)
    with reverts(lp.ERC20InvalidReceiver, receiver="0x" + "00" * 20):
        lp.deposit(usdc(1), "0x" + "00" * 20, sender=alice)
    with reverts(lp.ERC20InvalidReceiver, receiver="0x" + "00" * 20):
        lp.withdraw(usdc(1), "0x" + "00" * 20, owner, sender=owner)
    with reverts(lp.ZeroAssets, shares=1):  # one share is worth less than one unit
        lp.redeem(1, owner, owner, sender=owner)


def test_pool_parameter_bounds(lp, owner, alice, eth):
    with reverts(lp.ParamOutOfBounds, value=99_999, min=100_000, max=100_000_000):
        lp.setParams(99_999, 10_000, sender=owner)
    with reverts(lp.ParamOutOfBounds, value=100_000_001, min=100_000, max=100_000_000):
        lp.setParams(100_000_001, 10_000, sender=owner)
    with reverts(lp.ParamOutOfBounds, value=500_001, min=0, max=500_000):
        lp.setParams(5_000_000, 500_001, sender=owner)
    tx = lp.setParams(100_000_000, 500_000, sender=owner)
    # old and new values (the deployment's 5x and 1% before)
    assert tuple(one(tx, lp.PoolParamsChanged).event_arguments.values()) == (
        5_000_000,
        10_000,
        100_000_000,
        500_000,
    )
    for bad in (0, HOUR - 1, 7 * DAY + 1, 2**32 - 1):
        with reverts(lp.ParamOutOfBounds, value=bad, min=HOUR, max=7 * DAY):
            lp.setIncomeVestingPeriod(bad, sender=owner)
    previous = int(lp.incomeVestingPeriod())
    for good in (HOUR, 7 * DAY):
        ev = one(lp.setIncomeVestingPeriod(good, sender=owner), lp.IncomeVestingPeriodSet)
        assert (ev.oldPeriod, ev.period) == (previous, good)
        previous = good
        assert int(lp.incomeVestingPeriod()) == good
    for call in (
        lambda: lp.setParams(5_000_000, 10_000, sender=alice),
        lambda: lp.setDepthTarget(eth, 30_000_000, sender=alice),
        lambda: lp.setIncomeVestingPeriod(DAY, sender=alice),
    ):
        with reverts(lp.OwnableUnauthorizedAccount, account=alice):
            call()


# ------------------------------------------------------------------ utilisation


def test_withdrawals_limited_by_utilisation(lp, ch, vault, owner, funded, alice):
    """maxUtilisation 0.1x: open interest of ~60,000 USD needs a pool of ~600,000 USDC.
    withdrawable = totalAssets - ceil(OI * 1e6 / (maxUtilisation * 1e12)) (USDC units)."""
    lp.setParams(100_000, 10_000, sender=owner)
    funded(alice, 20_000).long_quote("vETH", 60_000)
    oi = int(ch.openInterestNotional())
    (long_oi, short_oi) = (int(v) for v in ch.getOpenInterest(ch.getMarkets()[0]))
    assert oi == ceil_div((long_oi + short_oi) * 3000 * ONE, ONE)
    total = int(lp.totalAssets())
    assert total == usdc(1_000_000)  # the 48 USD of fees are locked
    min_value = ceil_div(oi * 10**6, 100_000 * SCALE)
    withdrawable = total - min_value
    assert int(lp.maxWithdraw(owner)) == withdrawable
    assert int(lp.utilisation()) == ceil_div(oi * 10**6, total * SCALE)
    s, t = state(lp)
    assert int(lp.maxRedeem(owner)) == withdrawable * (s + OFFSET) // (t + 1)
    with reverts(
        lp.UtilisationTooHigh,
        openInterestNotional=oi,
        poolValueAfter=(total - withdrawable - 1) * SCALE,
        maxUtilisation=100_000,
    ):
        lp.withdraw(withdrawable + 1, owner, owner, sender=owner)
    shares = int(lp.balanceOf(owner))
    with reverts(lp.UtilisationTooHigh, openInterestNotional=oi, maxUtilisation=100_000):
        lp.redeem(shares, owner, owner, sender=owner)
    # beyond the owner's own shares it is ERC-4626's error
    with reverts(lp.ERC4626ExceededMaxWithdraw, owner=alice, assets=1, max=0):
        lp.withdraw(1, alice, alice, sender=alice)
    lp.withdraw(withdrawable, owner, owner, sender=owner)
    assert int(lp.maxWithdraw(owner)) == 0
    # the pool is at its limit: utilisation = 0.1x
    assert int(lp.utilisation()) == 100_000


# ------------------------------------------------------------------ depth targets


def test_depth_syncs_apply_only_while_the_net_position_is_zero(
    lp, ch, amm, vault, eth, owner, funded, lp_user, alice, bob, chain
):
    """Depth 30x: target quote reserve = pool value (totalAssets) * 30.
    1. N = 0: Bob deposits 100,000: target 33,000,000 (10% off, > 1%): k deepens at cost 0.
    2. Alice longs 30,000 USD (N > 0). Bob deposits 100,000 more: the deepening would pay her
       net long V' - V > 0: skipped, DepthSyncSkipped(eth, target, NetPositionOpen(eth, N)).
    3. Bob withdraws 150,000: the shallowing would take exit value from Alice's long for the
       LPs (whoever times it could take it): skipped the same way; the curve stays.
    4. Alice closes (N = 0): the next flow re-targets k at cost 0.
    5. Within 1% of the target: no sync at all."""
    tx = lp.setDepthTarget(eth, 30_000_000, sender=owner)
    ev = one(tx, lp.DepthTargetSet)
    assert (ev.oldDepthRatio, ev.depthRatio) == (0, 30_000_000)
    assert [tuple(x) for x in lp.getDepthTargets()] == [(eth.address, 30_000_000)]
    lp_user(bob, 300_000)

    c = curve(amm, eth)
    tx = lp.deposit(usdc(100_000), bob, sender=bob)
    new = sync_target(c, wad(1_100_000), 30_000_000)
    ev = one(tx, lp.DepthSynced)
    assert (ev.baseToken, ev.oldQuoteReserve, ev.newQuoteReserve, ev.cost) == (eth.address, c.y, new.y, 0)
    assert new.y == wad(33_000_000) and curve(amm, eth) == new
    assert int(vault.balanceOf(lp)) == wad(1_100_000)

    a = funded(alice, 10_000)
    a.long_quote("vETH", 30_000)
    n = int(amm.netBase(eth))
    assert n > 0
    c = curve(amm, eth)
    net_open = keccak(text="NetPositionOpen(address,int256)")[:4] + encode(
        ["address", "int256"], [eth.address, n]
    )
    chain.pending_timestamp = chain.blocks.head.timestamp  # the view below: the deposit's second
    tx = lp.deposit(usdc(100_000), bob, sender=bob)
    value = int(lp.totalAssets()) * SCALE
    ev = one(tx, lp.DepthSyncSkipped)
    assert (ev.baseToken, ev.targetQuoteReserve, bytes(ev.reason)) == (eth.address, value * 30, net_open)
    assert not tx.events.filter(ch.CurveMigrated)
    assert curve(amm, eth) == c

    pool_before = int(vault.balanceOf(lp))
    tx = lp.withdraw(usdc(150_000), bob, bob, sender=bob)
    ev = one(tx, lp.DepthSyncSkipped)
    assert bytes(ev.reason) == net_open
    assert not tx.events.filter(ch.CurveMigrated)
    assert curve(amm, eth) == c and int(vault.balanceOf(lp)) == pool_before - wad(150_000)

    a.close("vETH")
    assert int(amm.netBase(eth)) == 0
    c = curve(amm, eth)
    # income vests by the second: the deposit runs in the same second as the view
    chain.pending_timestamp = chain.blocks.head.timestamp
    value = int(lp.totalAssets()) * SCALE
    tx = lp.deposit(usdc(1_000), bob, sender=bob)
    new = sync_target(c, value + wad(1_000), 30_000_000)
    ev = one(tx, lp.DepthSynced)
    assert (ev.oldQuoteReserve, ev.newQuoteReserve, ev.cost) == (c.y, new.y, 0)

    tx = lp.deposit(usdc(1_000), bob, sender=bob)
    assert not tx.events.filter(lp.DepthSynced) and not tx.events.filter(lp.DepthSyncSkipped)


def test_unlisted_or_out_of_bounds_depth_target_is_rejected(lp, ch, owner, eth, btc, lp_user, bob):
    """Issue 8: a depth target for an address that is no listed market used to be accepted and
    made every deposit and withdrawal panic (0x12); now it is refused, and the ratio is bounded."""
    for token in ("0x" + "00" * 20, to_checksum_address(f"0x{0xDEAD:040x}"), lp.address):
        with reverts(lp.UnknownMarket, baseToken=token):
            lp.setDepthTarget(token, 30_000_000, sender=owner)
    assert list(lp.getDepthTargets()) == []
    for bad in (1, 999_999, 1_000_000_001, 2**32 - 1):
        with reverts(lp.DepthRatioOutOfBounds, baseToken=btc, depthRatio=bad, minRatio=10**6, maxRatio=10**9):
            lp.setDepthTarget(btc, bad, sender=owner)
    lp.setDepthTarget(btc, 10**6, sender=owner)
    lp.setDepthTarget(eth, 10**9, sender=owner)
    lp.setDepthTarget(btc, 0, sender=owner)  # off again
    assert [tuple(x) for x in lp.getDepthTargets()] == [(btc.address, 0), (eth.address, 10**9)]
    # deposits and withdrawals go on (the 1000x target is out of the curve's reserve range:
    # the k adjustment reverts inside and the sync is skipped, never a panic)
    lp_user(bob, 1_000)
    tx = lp.deposit(usdc(1_000), bob, sender=bob)
    assert tx.events.filter(lp.DepthSynced) or tx.events.filter(lp.DepthSyncSkipped)
    lp.redeem(lp.balanceOf(bob), bob, bob, sender=bob)
    lp.syncDepth(sender=bob)


# ------------------------------------------------------------------ issue 3: depth-sync sandwich

STEP = {"vETH": 50, "vBTC": 8}  # base per block: ~1% of the base reserve, a ~2% move (limit 2.5%)
DEPTH = {"vETH": 30_000_000, "vBTC": 60_000_000}  # the default curves' depth: 30x / 60x the seed


def build(c, sym: str, size: int, is_long: bool) -> None:
    left = size
    while left > 0:
        step = min(STEP[sym], left)
        (c.long_base if is_long else c.short_base)(sym, step)
        left -= step


def unwind(c, sym: str) -> None:
    """Closes the position in steps within the per-block limit."""
    base = c.d.base(sym)
    while True:
        size = int(c.ch.getPosition(c.account, base).size)
        if abs(size) <= STEP[sym] * ONE:
            break
        (c.short_base if size > 0 else c.long_base)(sym, STEP[sym])
    if size:
        c.close(sym)


def wealth(stack, who) -> int:
    """USDC in the wallet, collateral in the Vault and LP shares at their redemption value,
    18 decimals."""
    lp = stack.liquidity_pool
    return (
        int(stack.usdc.balanceOf(who)) * SCALE
        + int(stack.vault.balanceOf(who))
        + int(lp.previewRedeem(lp.balanceOf(who))) * SCALE
    )


def lp_value(lp, who) -> int:
    return int(lp.previewRedeem(lp.balanceOf(who)))


def run_sandwich(stack, chain, client, attacker, owner, sym, size, is_long, cycles, order, deposit_usd):
    """The attacker holds the traders' whole net position and triggers depth syncs around it.
    Returns (attacker's USDC change, the seed LP's share value before / after / after vesting,
    the depth-sync events)."""
    lp, base = stack.liquidity_pool, stack.base(sym)
    ratio = DEPTH[sym] * 4 // 3 if order == "syncDepth" else DEPTH[sym]
    lp.setDepthTarget(base, ratio, sender=owner)  # syncDepth: a deepening is pending
    c = client(attacker)
    c.faucet(deposit_usd + 500_000)
    c.deposit(400_000)
    stack.usdc.approve(lp.address, 2**256 - 1, sender=attacker)
    if order == "redeem_first":
        lp.deposit(usdc(deposit_usd), attacker, sender=attacker)  # an LP already, N = 0
    w0 = wealth(stack, attacker)
    seed0 = lp_value(lp, owner)
    txs = []
    for _ in range(cycles):
        if order == "deposit":
            build(c, sym, size, is_long)
            txs.append(lp.deposit(usdc(deposit_usd), attacker, sender=attacker))
            unwind(c, sym)
            txs.append(lp.redeem(lp.balanceOf(attacker), attacker, attacker, sender=attacker))
        elif order == "mint":
            build(c, sym, size, is_long)
            txs.append(lp.mint(lp.previewDeposit(usdc(deposit_usd)), attacker, sender=attacker))
            unwind(c, sym)
            txs.append(lp.redeem(lp.balanceOf(attacker), attacker, attacker, sender=attacker))
        elif order == "syncDepth":
            build(c, sym, size, is_long)
            txs.append(lp.syncDepth(sender=attacker))
            unwind(c, sym)
        elif order == "redeem_first":
            build(c, sym, size, is_long)
            txs.append(lp.redeem(lp.balanceOf(attacker), attacker, attacker, sender=attacker))
            txs.append(lp.deposit(usdc(deposit_usd), attacker, sender=attacker))
            unwind(c, sym)
        elif order == "deposit_first":
            txs.append(lp.deposit(usdc(deposit_usd), attacker, sender=attacker))  # N = 0: free
            build(c, sym, size, is_long)
            txs.append(lp.redeem(lp.balanceOf(attacker), attacker, attacker, sender=attacker))
            unwind(c, sym)
    if int(lp.balanceOf(attacker)):
        lp.redeem(lp.balanceOf(attacker), attacker, attacker, sender=attacker)
    assert int(stack.clearing_house.getPosition(attacker, base).size) == 0
    assert int(stack.amm.netBase(base)) == 0
    w1 = wealth(stack, attacker)
    seed1 = lp_value(lp, owner)
    vest_all(lp, chain, owner)
    seed2 = lp_value(lp, owner)
    syncs = [e for tx in txs for e in tx.events if e.event_name in ("DepthSynced", "DepthSyncSkipped")]
    return w1 - w0, (seed0, seed1, seed2), syncs


def paid_costs(syncs) -> list[int]:
    """Costs the pool paid (> 0) in depth syncs."""
    return [int(e.cost) for e in syncs if e.event_name == "DepthSynced" and int(e.cost) > 0]


def test_depth_sync_sandwich_fails(stack, chain, client, accounts, owner, eth, amm):
    """Issue 3, with its numbers: depth target 30x the pool's value (1,000,000 seed: the curve's
    30,000,000 already), the attacker holds the whole net position: long 100 ETH (two blocks
    of 50), deposits 4,000,000 USDC (target 150,000,000: 5x deeper), closes, redeems. Before the
    fix the pool paid the net long V' - V (~2,400 USD) at the deposit. Now no automatic sync runs
    while the net position is open, so it is skipped; the attacker only pays fees, and the seed LP's shares lose nothing
    (they gain the fees once vested)."""
    attacker = accounts[5]
    before = curve(amm, eth)
    profit, (seed0, seed1, seed2), syncs = run_sandwich(
        stack, chain, client, attacker, owner, "vETH", 100, True, 1, "deposit", 4_000_000
    )
    skipped = [e for e in syncs if e.event_name == "DepthSyncSkipped"]
    assert len(skipped) == 1 and not paid_costs(syncs)
    reason = bytes(skipped[0].reason)
    assert reason[:4] == keccak(text="NetPositionOpen(address,int256)")[:4]
    token, net = decode(["address", "int256"], reason[4:])
    assert to_checksum_address(token) == eth.address and net == wad(
        100
    )  # the attacker's whole long is the net position
    after = curve(amm, eth)  # k never moved: the curve is back where it started
    assert after.x == before.x and before.y <= after.y <= before.y + 10
    assert profit < 0
    assert seed1 >= seed0 and seed2 > seed0


@pytest.mark.parametrize(
    "sym,size,is_long,cycles,order,deposit_usd",
    [
        ("vETH", 150, True, 2, "deposit", 4_000_000),
        ("vETH", 100, False, 1, "mint", 9_000_000),
        ("vBTC", 16, True, 1, "deposit", 2_000_000),
        ("vBTC", 8, False, 2, "syncDepth", 0),
        ("vETH", 100, True, 1, "syncDepth", 0),
        ("vETH", 100, False, 2, "redeem_first", 3_000_000),
        ("vBTC", 16, True, 1, "deposit_first", 3_000_000),
    ],
)
def test_depth_sync_sandwich_variants_fail(
    stack, chain, client, accounts, owner, sym, size, is_long, cycles, order, deposit_usd
):
    """Other sizes, sides, markets, cycle counts and orderings: syncDepth instead of a deposit
    (a deepening pending: target 4/3 of the depth), mint instead of deposit, an LP redeeming
    first (k gets shallower: the attacker's own net position pays the pool) then depositing (the
    deepening is skipped), depositing while N = 0 (a free deepening) then building the position
    and redeeming (the shallowing is paid by the attacker). The pool never pays a depth sync, the
    attacker never profits, the seed LP never loses."""
    profit, (seed0, seed1, seed2), syncs = run_sandwich(
        stack, chain, client, accounts[5], owner, sym, size, is_long, cycles, order, deposit_usd
    )
    assert not paid_costs(syncs)
    assert syncs  # each ordering did trigger syncs
    assert profit <= 0
    assert seed1 >= seed0 and seed2 >= seed0


# ------------------------------------------------------------------ issue 4: JIT income


def build_imbalance(funded, alice, sym: str, is_long: bool) -> None:
    """A net position whose mark sits ~8.5% from the index: funding at its cap."""
    size = {"vETH": 400, "vBTC": 40}[sym]
    build(funded(alice, 1_000_000), sym, size, is_long)


def test_jit_lp_takes_no_funding(
    stack, ch, vault, chain, eth, owner, funded, lp_user, alice, bob, carol, keeper, at
):
    """Issue 4: traders are net long 400 ETH (mark ~3,255, index 3,000) for 7 hours: the epoch's
    funding at its cap is 400 * 3,000 * 0.1% * 7/8 = ~1,050 USD to the pool. Carol deposits
    9,000,000 USDC one second before updateFundingRate and redeems right after: before the fix
    she took ~90% of the epoch; now the funding is locked at the first checkpoint after it and
    vests over a day, so she leaves with what she brought (plus her share of the fee income that
    vested during her 1-second stay). Bob, in the pool from the start, earns his pro-rata share
    of it all once vested: exact vesting at end - 1 s and at end."""
    lp = stack.liquidity_pool
    t0 = int(ch.lastFundingTime(eth))
    lp_user(bob, 1_000_000)
    lp_user(carol, 9_000_000)
    at(t0 + 60)
    lp.deposit(usdc(1_000_000), bob, sender=bob)
    build_imbalance(funded, alice, "vETH", True)

    at(t0 + 7 * HOUR - 1)
    dep = lp.deposit(usdc(9_000_000), carol, sender=carol)
    fees = one(dep, lp.IncomeLocked)
    t_d, fee_income = dep.timestamp, int(fees.income)
    at(t0 + 7 * HOUR)
    upd = ch.updateFundingRate(eth, sender=keeper)
    funding = int(one(upd, ch.FundingIndexMoved).poolReceived)
    assert wad(1_000) < funding < wad(1_100)
    # the preview right after the update (same timestamp) is what the redeem pays
    shares = int(lp.balanceOf(carol))
    preview = int(lp.previewRedeem(shares))
    at(upd.timestamp)
    red = lp.redeem(shares, carol, carol, sender=carol)
    out = int(one(red, lp.Withdraw).assets)
    assert out == preview
    gain = out - usdc(9_000_000)
    stay = red.timestamp - t_d
    assert stay <= 2
    # at most her share of the fee income vested during the stay; none of the funding
    assert -2 <= gain <= ceil_div(fee_income * stay, DAY) // SCALE + 1
    assert gain * SCALE < funding // 1_000

    ev = one(red, lp.IncomeLocked)
    t_r = red.timestamp
    still = locked_at(fee_income, t_d, t_d + DAY, t_r)
    assert (ev.income, ev.lockedTotal, ev.unlockEnd) == (funding, still + funding, t_r + DAY)
    l0, end = still + funding, t_r + DAY
    balance = int(vault.balanceOf(lp))
    chain.mine(timestamp=end - 1)
    assert int(lp.lockedIncome()) == ceil_div(l0, DAY) == locked_at(l0, t_r, end, end - 1)
    assert int(lp.totalAssets()) == (balance - ceil_div(l0, DAY)) // SCALE
    chain.mine(timestamp=end)
    assert int(lp.lockedIncome()) == 0 and int(lp.totalAssets()) == balance // SCALE

    # Bob's pro-rata share of everything the pool earned, less the crumb Carol took
    s = int(lp.totalSupply())
    bob_shares = int(lp.balanceOf(bob))
    income = balance - wad(2_000_000)
    expected = usdc(1_000_000) + income * bob_shares // s // SCALE
    bob_value = int(lp.previewRedeem(bob_shares))
    assert bob_value == assets_for_redeem(bob_shares, s, balance // SCALE)
    assert expected - 2 <= bob_value <= expected + 1
    assert bob_value - usdc(1_000_000) >= (fee_income + funding) * 49 // 100 // SCALE - gain


@pytest.mark.parametrize(
    "sym,is_long,jit_usd,epochs,entry,exit_",
    [
        ("vETH", False, 9_000_000, 1, "mint", "withdraw"),
        ("vBTC", True, 4_000_000, 2, "deposit", "redeem"),
        ("vBTC", False, 20_000_000, 1, "deposit", "withdraw"),
        ("vETH", True, 2_000_000, 3, "mint", "redeem"),
    ],
)
def test_jit_lp_takes_no_funding_variants(
    stack,
    ch,
    chain,
    funded,
    lp_user,
    alice,
    carol,
    keeper,
    owner,
    at,
    sym,
    is_long,
    jit_usd,
    epochs,
    entry,
    exit_,
):
    """Net long or net short (the pool receives either way: shorts pay when the mark is below
    the index), either market, JIT sizes, several epochs in a row, mint/withdraw instead of
    deposit/redeem: each time the JIT LP gets no funding."""
    lp, base = stack.liquidity_pool, stack.base(sym)
    lp_user(carol, jit_usd + 10_000)
    build_imbalance(funded, alice, sym, is_long)
    start = int(stack.usdc.balanceOf(carol))
    seed0 = lp_value(lp, owner)
    total_funding = 0
    for _ in range(epochs):
        due = int(ch.lastFundingTime(base)) + 4 * HOUR
        at(due - 1)
        if entry == "deposit":
            lp.deposit(usdc(jit_usd), carol, sender=carol)
        else:
            lp.mint(lp.previewDeposit(usdc(jit_usd)), carol, sender=carol)
        at(due)
        upd = ch.updateFundingRate(base, sender=keeper)
        funding = int(one(upd, ch.FundingIndexMoved).poolReceived)
        assert funding > wad(100)
        total_funding += funding
        if exit_ == "redeem":
            lp.redeem(lp.balanceOf(carol), carol, carol, sender=carol)
        else:
            lp.withdraw(lp.maxWithdraw(carol), carol, carol, sender=carol)
    gain = int(stack.usdc.balanceOf(carol)) - start
    # what she did not take is still in the pool: withdraw leaves dust shares
    dust = lp_value(lp, carol)
    assert (gain + dust) * SCALE < total_funding // 1_000
    vest_all(lp, chain, owner)
    assert lp_value(lp, owner) > seed0 + total_funding * 9 // 10 // SCALE * int(lp.balanceOf(owner)) // int(
        lp.totalSupply()
    )


def test_jit_lp_takes_no_fee_income(stack, chain, funded, lp_user, alice, carol, owner, at):
    """Carol deposits 9,000,000; in the next block Alice trades 300,000 USD (fee 300, 240 to
    the pool); Carol redeems in the block after: the 240 USD are locked at her redemption's
    checkpoint, she gets none of them; the seed LP gets them all once vested."""
    lp = stack.liquidity_pool
    lp_user(carol, 9_000_000)
    a = funded(alice, 100_000)
    t = chain.blocks.head.timestamp + 10
    at(t)
    lp.deposit(usdc(9_000_000), carol, sender=carol)
    at(t + 1)
    a.long_quote("vETH", 300_000)
    at(t + 2)
    tx = lp.redeem(lp.balanceOf(carol), carol, carol, sender=carol)
    assert one(tx, lp.IncomeLocked).income == wad(240)
    out = int(one(tx, lp.Withdraw).assets)
    assert usdc(9_000_000) - 1 <= out <= usdc(9_000_000)
    vest_all(lp, chain, owner)
    assert lp_value(lp, owner) == assets_for_redeem(10**24, 10**24, usdc(1_000_240)) == usdc(1_000_240) - 1
