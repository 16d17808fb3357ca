"""Arbitrum One scenarios, one code for the offline twin (test_twin.py) and a real fork
(test_fork.py): only where the state comes from differs (vperp.chain.twin: `build_twin` places the
real contracts' code at the real addresses on a local Anvil, `attach_fork` reads them on a fork).

Set-up (`deploy_on_arbitrum`): fresh FluxAggregators behind the real Chainlink ETH/USD and
sequencer uptime proxies (their owners impersonated), so that rounds are fed; the protocol
deployed by vperp.chain.deploy on the real USDC, Chainlink proxy, Pyth and uptime feed; USDC from a
holder. Pyth is left to go stale (its updates need signed VAAs on a fork): the index is Chainlink's.

Scenarios: open, close and liquidate; the 2023-08-17 drop replayed from Chainlink's real rounds
(data/, times shifted to now, intervals kept) with keepers liquidating after every round; the L2
sequencer rule driven by the uptime feed; real FiatToken behaviour (blacklist, pause) reaching
the protocol."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import Any

import ape
import pytest

from utils.reverts import reverts
from vperp.chain.config import ROOT
from vperp.chain.deploy import Deployment, deploy
from vperp.chain.twin import ArbitrumEnv, arbitrum_config, impersonate
from vperp.sdk.client import PerpClient
from vperp.sdk.errors import ProtocolError
from vperp.sdk.units import usdc
from vperp.sim.invariants import solvency, zero_sum_exposure

GRACE = 3_600
LEVERAGE = (9, 8, 6, 5, 4, 2)  # the replay's six longs, 10,000 USDC each
DROP_CSV = ROOT / "data" / "eth_2023-08-17_drop_chainlink_rounds.csv"
# the drop: 2023-08-17 20:37:47 .. 21:47:23 UTC (1727.64 -> 1557.99 -> 1593.88)
DROP_FROM, DROP_TO = 1692304667, 1692308843


def drop_rounds() -> list[tuple[int, int]]:
    """(updatedAt, answer with 8 decimals) of the real rounds of the drop."""
    with DROP_CSV.open() as f:
        rows = [(int(r["timestamp"]), int(r["answer"])) for r in csv.DictReader(f)]
    return [r for r in rows if DROP_FROM <= r[0] <= DROP_TO]


@dataclass
class Arb:
    env: ArbitrumEnv
    d: Deployment
    node: Any  # submits the feeds' rounds
    traders: list[Any]
    keeper: Any

    def client(self, account: Any) -> PerpClient:
        return PerpClient(self.d, account, raw_errors=True)

    def funded(self, chain: Any, account: Any, amount: int) -> PerpClient:
        self.env.fund(chain, account.address, usdc(amount))
        c = self.client(account)
        c.deposit(amount)
        return c

    def price(self, answer: int) -> Any:
        return self.env.submit_price(answer, self.node)


def deploy_on_arbitrum(project: Any, chain: Any, env: ArbitrumEnv, accounts: Any) -> Arb:
    deployer, node = accounts[0], accounts[8]
    first = drop_rounds()[0][1]
    chain.mine(deltatime=120)  # Pyth (unpushable on a fork) goes stale: the index is Chainlink's
    before = tuple(env.sequencer.latestRoundData())  # the real feed: up (0) since startedAt
    assert int(before[1]) == 0 and int(before[2]) <= _now(chain) - GRACE
    env.take_over_feeds(chain, node, first)
    chain.mine(deltatime=GRACE + 1)  # the new uptime aggregator's "up since" is now: past the grace
    env.submit_price(first, node)  # period, Chainlink fresh again
    cfg = arbitrum_config(first / 10**8)
    env.fund(chain, deployer.address, usdc(cfg.insurance_fund_seed + cfg.liquidity_pool_seed))
    d = deploy(project, chain, deployer, cfg)
    assert d.usdc.address == env.usdc.address and not d.is_local
    return Arb(env, d, node, list(accounts[1:7]), accounts[9])


def _now(chain: Any) -> int:
    return int(chain.blocks.head.timestamp)


def _eth(arb: Arb) -> str:
    return arb.d.base("vETH").address


# ====================================================================== scenarios


def check_wiring(arb: Arb) -> None:
    """The protocol reads the real addresses; the index is Chainlink's through the real proxy."""
    d, env = arb.d, arb.env
    assert d.clearing_house.usdc() == env.usdc.address
    assert d.oracle.pyth() == env.pyth.address
    assert d.oracle.sequencerUptimeFeed() == env.sequencer.address
    assert tuple(d.oracle.sequencerStatus())[0]  # up, past the grace period
    assert int(env.usdc.decimals()) == 6 and env.usdc.symbol() == "USDC"
    price, source = d.oracle.getIndexPrice(_eth(arb))
    assert int(source) == 2 and int(price) == int(env.eth_usd.latestAnswer()) * 10**10


def open_close_liquidate(chain: Any, arb: Arb) -> None:
    ch = arb.d.clearing_house
    eth = _eth(arb)
    alice, bob = arb.traders[0], arb.traders[1]
    a = arb.funded(chain, alice, 20_000)
    a.long_quote("vETH", 30_000)
    assert int(ch.getPosition(alice, eth).size) > 0
    a.close("vETH")
    assert int(ch.getPosition(alice, eth).size) == 0
    assert 19_900 * 10**18 < int(ch.balanceOf(alice)) < 20_000 * 10**18  # fees paid
    a.withdraw(10_000)
    assert int(arb.env.usdc.balanceOf(alice)) == usdc(10_000)

    b = arb.funded(chain, bob, 10_000)
    b.long_quote("vETH", 95_000)  # ~9.5x
    assert not ch.isLiquidatable(bob)
    first = drop_rounds()[0][1]
    arb.price(first * 92 // 100)  # -8% through the real proxy
    assert ch.isLiquidatable(bob)
    tx = ch.liquidate(bob, eth, sender=arb.keeper)
    [e] = tx.decode_logs(ch.PositionLiquidated)
    assert e.trader == bob.address and e.liquidator == arb.keeper.address and int(e.liquidatedSize) > 0
    assert not ch.isLiquidatable(bob)
    zero_sum_exposure(arb.d, arb.traders)
    solvency(arb.d, [*arb.traders, arb.keeper])


def crash_replay(chain: Any, arb: Arb) -> int:
    """The real rounds of the 2023-08-17 drop, at their real intervals; six longs from 9x down to 2x
    (the most levered first, before the others move the mark);
    after every round the keeper liquidates whatever is liquidatable: no account stays
    liquidatable past its round, invariants 1 and 2 hold after every round. Returns the number
    of liquidations."""
    ch = arb.d.clearing_house
    eth = _eth(arb)
    rounds = drop_rounds()
    for i, t in enumerate(arb.traders):
        c = arb.funded(chain, t, 10_000)
        c.long_quote("vETH", 10_000 * LEVERAGE[i])
    start, shift = rounds[0][0], _now(chain) + 10 - rounds[0][0]
    liquidations = 0
    for t, answer in rounds[1:]:
        chain.pending_timestamp = t + shift
        arb.price(answer)
        assert int(arb.d.oracle.getIndexPrice(eth)[0]) == answer * 10**10
        for trader in arb.traders:
            for _ in range(3):  # as the keeper bot: again while still liquidatable (cross margin)
                if not ch.isLiquidatable(trader):
                    break
                ch.liquidate(trader, eth, sender=arb.keeper)
                liquidations += 1
        assert not any(ch.isLiquidatable(x) for x in arb.traders), f"round at {t}: still liquidatable"
        zero_sum_exposure(arb.d, arb.traders)
        solvency(arb.d, [*arb.traders, arb.keeper])
    assert _now(chain) - shift - start == rounds[-1][0] - start  # the whole window, its real length
    return liquidations


def sequencer_rule(chain: Any, arb: Arb) -> None:
    """Down: no opening, no liquidation, closing and withdrawing go on. Up again at t_up:
    opening and liquidating wait until t_up + grace period; one second before the boundary the
    liquidation is refused, at the boundary it goes through."""
    ch, oracle = arb.d.clearing_house, arb.d.oracle
    eth = _eth(arb)
    alice, bob, carol = arb.traders[:3]
    a = arb.funded(chain, alice, 5_000)
    b = arb.funded(chain, bob, 10_000)
    c = arb.funded(chain, carol, 10_000)
    b.long_quote("vETH", 95_000)
    c.long_quote("vETH", 20_000)

    arb.env.set_sequencer(1, arb.node)
    down = _now(chain)
    assert int(arb.env.sequencer.latestRoundData()[1]) == 1
    with reverts(ch.SequencerUnavailable, down=True, since=down, readyAt=0):
        a.long_quote("vETH", 1_000)
    first = drop_rounds()[0][1]
    arb.price(first * 92 // 100)
    assert ch.isLiquidatable(bob)
    with reverts(ch.LiquidationWaitsForSequencer, down=True, since=down, readyAt=0):
        ch.liquidate(bob, eth, sender=arb.keeper)
    c.close("vETH")  # closing and withdrawing free collateral go on
    c.withdraw(1_000)
    assert int(ch.getPosition(carol, eth).size) == 0

    chain.pending_timestamp = _now(chain) + 600
    arb.env.set_sequencer(0, arb.node)
    up = _now(chain)
    boundary = up + GRACE
    assert tuple(oracle.sequencerStatus()) == (False, False, up, boundary)
    with reverts(ch.SequencerUnavailable, down=False, since=up, readyAt=boundary):
        a.long_quote("vETH", 1_000)
    chain.pending_timestamp = boundary - 30
    arb.price(first * 92 // 100)  # Chainlink fresh at the boundary
    chain.pending_timestamp = boundary - 1
    with reverts(ch.LiquidationWaitsForSequencer, down=False, since=up, readyAt=boundary):
        ch.liquidate(bob, eth, sender=arb.keeper, gas_limit=5_000_000)  # mined at boundary - 1
    assert _now(chain) == boundary - 1
    chain.pending_timestamp = boundary
    tx = ch.liquidate(bob, eth, sender=arb.keeper)
    assert _now(chain) == boundary
    assert len(list(tx.decode_logs(ch.PositionLiquidated))) == 1
    a.short_quote("vETH", 1_000)  # opening is back
    assert int(ch.getPosition(alice, eth).size) < 0


def _held(arb: Arb, account: Any) -> tuple[int, int, int]:
    ch = arb.d.clearing_house
    return int(ch.balanceOf(account)), int(arb.env.usdc.balanceOf(account)), int(arb.env.usdc.balanceOf(ch))


def fiat_token_blacklist(chain: Any, arb: Arb) -> None:
    """Circle's blacklist reaches the protocol: a blacklisted trader's withdraw reverts with the
    token's error and changes nothing; unblacklisted, it goes through."""
    alice = arb.traders[0]
    a = arb.funded(chain, alice, 1_000)
    blacklister = arb.env.usdc.blacklister()
    impersonate(chain, blacklister)
    arb.env.usdc.blacklist(alice, sender=ape.accounts[blacklister])
    assert arb.env.usdc.isBlacklisted(alice)
    before = _held(arb, alice)
    with ape.reverts("Blacklistable: account is blacklisted"):
        a.withdraw(100)
    # what the trader's SDK says: the token's own reason, as a ProtocolError
    with pytest.raises(ProtocolError, match="Blacklistable: account is blacklisted"):
        PerpClient(arb.d, alice).withdraw(100)
    assert _held(arb, alice) == before
    arb.env.usdc.unBlacklist(alice, sender=ape.accounts[blacklister])
    a.withdraw(100)
    assert _held(arb, alice) == (before[0] - usdc(100) * 10**12, before[1] + usdc(100), before[2] - usdc(100))


def fiat_token_pause(chain: Any, arb: Arb) -> None:
    """Circle's pause: deposits (and withdrawals) revert with the token's error, the ledger and
    the vault's USDC unchanged; trading on deposited collateral goes on; unpaused, deposits resume."""
    ch = arb.d.clearing_house
    bob = arb.traders[1]
    arb.env.fund(chain, bob.address, usdc(2_000))
    b = arb.client(bob)
    b.deposit(1_000)
    pauser = arb.env.usdc.pauser()
    impersonate(chain, pauser)
    arb.env.usdc.pause(sender=ape.accounts[pauser])
    before = _held(arb, bob)
    with ape.reverts("Pausable: paused"):
        b.deposit(500)
    with pytest.raises(ProtocolError, match="Pausable: paused"):
        PerpClient(arb.d, bob).deposit(500)
    with ape.reverts("Pausable: paused"):
        b.withdraw(100)
    assert _held(arb, bob) == before
    b.long_quote("vETH", 2_000)  # the ledger moves, no token transfer
    b.close("vETH")
    solvency(arb.d, [*arb.traders, arb.keeper])
    arb.env.usdc.unpause(sender=ape.accounts[pauser])
    b.deposit(500)
    assert int(ch.balanceOf(bob)) > before[0]
    solvency(arb.d, [*arb.traders, arb.keeper])
