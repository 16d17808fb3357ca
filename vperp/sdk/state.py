"""What a quote reads: one market's curve, parameters, prices and open interest, the exchange's
global figures, and one account's balance and positions, read through the core's views into plain
dataclasses (`read_exchange`, `read_account`). The contracts may be Ape ContractInstances or the
fast stand-ins of vperp.chain.rpc: only views and positional/attribute access are used."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STALE = 0  # IPriceOracle.Source.Stale


@dataclass(frozen=True)
class MarketState:
    symbol: str
    token: str
    x: int  # base reserve
    y: int  # quote reserve
    im_ratio: int
    mm_ratio: int
    fee_ratio: int
    insurance_fee_share: int
    max_price_move_ratio: int
    max_spread_ratio: int
    paused: bool
    index: int  # the oracle's index (getPrices), 0 when stale
    anchor: int  # the anchor price of the solvency guards
    fresh: bool
    valuation: int  # the valuation price (index when fresh, else the mark TWAP)
    oi_long: int
    oi_short: int
    cap_long: int
    cap_short: int

    @property
    def mark(self) -> int:
        return self.y * 10**18 // self.x


@dataclass(frozen=True)
class ExchangeState:
    markets: dict[str, MarketState]
    collateral_index: int
    min_notional: int
    global_paused: bool
    max_trade_amount: int
    max_markets_per_account: int

    def market(self, symbol: str) -> MarketState:
        return self.markets[symbol]

    def by_token(self, token: str) -> MarketState:
        for m in self.markets.values():
            if m.token.lower() == token.lower():
                return m
        raise KeyError(token)


@dataclass(frozen=True)
class PositionState:
    size: int = 0
    open_notional: int = 0
    pending_funding: int = 0  # > 0: owed by the account, rounded up


@dataclass(frozen=True)
class AccountSnapshot:
    address: str
    shares: int  # of the collateral index
    debt: int
    positions: dict[str, PositionState] = field(default_factory=dict)  # by symbol, open ones only

    def position(self, symbol: str) -> PositionState:
        return self.positions.get(symbol, PositionState())


def read_market(ch: Any, oracle: Any, symbol: str, token: str) -> MarketState:
    m = ch.getMarket(token)
    x, y = ch.getReserves(token)
    index, anchor, source = oracle.getPrices(token)
    valuation, fresh = ch.getValuationPrice(token)
    oi_long, oi_short = ch.getOpenInterest(token)
    cap_long, cap_short = ch.getOpenInterestCaps(token)
    fresh = int(source) != STALE
    return MarketState(
        symbol,
        token,
        int(x),
        int(y),
        int(m.imRatio),
        int(m.mmRatio),
        int(m.feeRatio),
        int(m.insuranceFeeShare),
        int(m.maxPriceMoveRatio),
        int(m.maxSpreadRatio),
        bool(m.paused),
        int(index),
        int(anchor) if fresh else int(valuation),
        fresh,
        int(valuation),
        int(oi_long),
        int(oi_short),
        int(cap_long),
        int(cap_short),
    )


def read_exchange(ch: Any, oracle: Any, tokens: dict[str, str]) -> ExchangeState:
    """`tokens`: symbol -> base token address."""
    return ExchangeState(
        {s: read_market(ch, oracle, s, t) for s, t in tokens.items()},
        int(ch.collateralIndex()),
        int(ch.minPositionNotional()),
        bool(ch.globalPaused()),
        int(ch.MAX_TRADE_AMOUNT()),
        int(ch.MAX_MARKETS_PER_ACCOUNT()),
    )


def read_account(ch: Any, trader: str, ex: ExchangeState) -> AccountSnapshot:
    shares, debt = ch.rawBalance(trader)
    positions = {}
    for s, m in ex.markets.items():
        p = ch.getPosition(trader, m.token)
        if int(p.size) != 0:
            pending = int(ch.getPendingFunding(trader, m.token))
            positions[s] = PositionState(int(p.size), int(p.openNotional), pending)
    return AccountSnapshot(trader, int(shares), int(debt), positions)
