"""Coalition attacks on the public entry points (PROTOCOL.md invariant 9), shared by the
regression tests of tests/unit/solvency/test_solvency.py and the coalition property machine of
tests/stateful/test_coalition.py.

Everything goes through `utils.reverts.Protocol` (raw JSON-RPC: simulate, then send), so an
attack of hundreds of transactions runs in seconds. A step that the protocol refuses reverts
with one of ATTACK_ERRORS and the attacker moves on; any other revert fails the test.

`Ledger` keeps what matters for invariant 9: USDC the coalition put in and took out, the
insurance fund, the pool, the bystanders and the collateral index before and after.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from utils.constants import FAR_DEADLINE, ONE, SCALE
from utils.reverts import ATTACK_ERRORS, Protocol, Reverted


def base_for_move(x: int, factor: float) -> int:
    """Base the curve (base reserve x) must give out (factor > 1: mark up) or take in
    (factor < 1: mark down) for its mark to move by `factor` (mark = k / x^2)."""
    new_x = int(x / math.sqrt(factor))
    return abs(x - new_x)


def drag(
    whale: Any, amm: Any, base: Any, sym: str, target: int, step: float = 0.024, keep_fresh: Any = None
) -> None:
    """The whale trades the mark to `target` (18 decimals) in steps of at most `step` per block,
    landing on it (to rounding) rather than overshooting."""
    for _ in range(80):
        x, y = (int(v) for v in amm.getReserves(base))
        mark = y * ONE // x
        if abs(mark - target) * 10_000 <= target:
            return
        factor = max(min(target / mark, 1 + step), 1 - step)
        amount = base_for_move(x, factor)
        if factor < 1:
            whale.open(sym, is_base_to_quote=True, is_exact_input=True, amount=amount)
        else:
            whale.open(sym, is_base_to_quote=False, is_exact_input=False, amount=amount)
        if keep_fresh:
            keep_fresh()
    raise AssertionError(f"could not drag {sym} to {target}")


@dataclass
class Ledger:
    """USDC in and out per coalition account (6 decimals)."""

    deposited: dict[str, int] = field(default_factory=dict)
    withdrawn: dict[str, int] = field(default_factory=dict)

    def put(self, who: str, usdc: int) -> None:
        self.deposited[who] = self.deposited.get(who, 0) + usdc

    def took(self, who: str, usdc: int) -> None:
        self.withdrawn[who] = self.withdrawn.get(who, 0) + usdc

    @property
    def net(self) -> int:
        """USDC taken out minus put in (> 0: profit)."""
        return sum(self.withdrawn.values()) - sum(self.deposited.values())


@dataclass
class Snapshot:
    insurance: int
    pool: int
    bystanders: dict[str, int]
    index: int
    deficit: int


class Coalition:
    """Attacker accounts acting together against one deployment."""

    def __init__(self, proto: Protocol, members: list[Any], liquidator: Any | None = None) -> None:
        self.proto = proto
        self.d = proto.d
        self.ch = self.d.clearing_house
        self.vault = self.d.vault
        self.members = members
        self.liquidator = liquidator or members[-1]
        self.ledger = Ledger()
        self.reverts: dict[str, int] = {}
        self.marks: list[tuple[str, int, int]] = []  # (symbol, mark, index) after every trade

    # ------------------------------------------------------------------ reads
    def base(self, sym: str) -> str:
        return self.d.markets[sym].base_token.address

    def size(self, who: Any, sym: str) -> int:
        return int(self.ch.getPosition(who.address, self.base(sym)).size)

    def reserves(self, sym: str) -> tuple[int, int]:
        x, y = self.d.amm.getReserves(self.base(sym))
        return int(x), int(y)

    def mark(self, sym: str) -> int:
        return int(self.ch.getMarkPrice(self.base(sym)))

    def index(self, sym: str) -> int:
        return int(self.ch.getIndexPrice(self.base(sym)))

    def spread(self, sym: str) -> float:
        return self.mark(sym) / self.index(sym) - 1

    def snapshot(self, bystanders: list[Any]) -> Snapshot:
        v = self.vault
        return Snapshot(
            int(v.balanceOf(self.d.insurance_fund.address)),
            int(v.balanceOf(self.d.liquidity_pool.address)),
            {b.address: int(v.balanceOf(b.address)) for b in bystanders},
            int(v.collateralIndex()),
            int(v.protocolDeficit()),
        )

    def equity(self) -> int:
        """The coalition's remaining claim (18 decimals): account values at the index."""
        return sum(max(int(self.ch.getAccountValue(m.address)), 0) for m in self.members)

    # ------------------------------------------------------------------ actions
    def _send(self, contract: Any, method: str, *args: Any, sender: Any) -> Any:
        r = self.proto.send(contract, method, *args, sender=sender, allowed=ATTACK_ERRORS)
        if isinstance(r, Reverted):
            self.reverts[r.name] = self.reverts.get(r.name, 0) + 1
            if r.name == "PriceMoveTooLarge":
                self.proto.chain.mine(1)
        return r

    def deposit(self, who: Any, usd: int) -> None:
        self._send(self.vault, "deposit", usd * 10**6, sender=who)
        self.ledger.put(who.address, usd * 10**6)

    def trade_base(self, who: Any, sym: str, buy: bool, base: int) -> Any:
        """Buys (exact base out) or sells (exact base in) `base` on the curve."""
        if base <= 0:
            return None
        params = (self.base(sym), not buy, not buy, base, 0, FAR_DEADLINE)
        r = self._send(self.ch, "openPosition", params, sender=who)
        if not isinstance(r, Reverted):
            self.marks.append((sym, self.mark(sym), self.index(sym)))
        return r

    def push(self, who: Any, sym: str, up: bool, step: float) -> Any:
        """One trade moving the mark by `step` (a fraction) up or down: one block."""
        x, _ = self.reserves(sym)
        return self.trade_base(who, sym, up, base_for_move(x, 1 + step if up else 1 - step))

    def push_to(self, who: Any, sym: str, target_spread: float, step: float, max_steps: int = 60) -> int:
        """Steps the mark towards index * (1 + target_spread); stops at the first refusal."""
        done = 0
        for _ in range(max_steps):
            s = self.spread(sym)
            if abs(s - target_spread) < step / 4:
                break
            up = s < target_spread
            r = self.push(who, sym, up, min(step, abs(target_spread - s)))
            if isinstance(r, Reverted) and r.name != "PriceMoveTooLarge":
                break
            done += 1
        return done

    def reduce_step(self, who: Any, sym: str, step: float, keep: int = 0) -> Any:
        """Reduces `who`'s position by what moves the mark by `step`, keeping `keep` base."""
        size = self.size(who, sym)
        room = abs(size) - keep
        if room <= 0:
            return None
        x, _ = self.reserves(sym)
        amount = min(base_for_move(x, 1 - step if size > 0 else 1 + step), room)
        return self.trade_base(who, sym, size < 0, amount)

    def liquidate(self, who: Any, sym: str, by: Any | None = None) -> Any:
        if self.size(who, sym) == 0:
            return None
        return self._send(self.ch, "liquidate", who.address, self.base(sym), sender=by or self.liquidator)

    def withdraw_all(self, who: Any) -> int:
        """Withdraws all free collateral (USDC units)."""
        free = int(self.ch.getFreeCollateral(who.address))
        amount = max(free, 0) // SCALE
        if amount == 0:
            return 0
        r = self._send(self.vault, "withdraw", amount, sender=who)
        if isinstance(r, Reverted):
            return 0
        self.ledger.took(who.address, amount)
        return amount

    def unwind(self, sym: str, step: float, rounds: int = 120) -> None:
        """Closes every member's position in `sym` as far as the guards allow: reduces in
        `step` moves, liquidations of each other whenever possible."""
        for _ in range(rounds):
            open_members = [m for m in self.members if self.size(m, sym) != 0]
            if not open_members:
                return
            moved = False
            for m in open_members:
                for other in self.members:
                    if other is m or self.size(m, sym) == 0 or not bool(self.ch.isLiquidatable(m.address)):
                        continue
                    if not isinstance(self.liquidate(m, sym, by=other), Reverted):
                        moved = True
                if self.size(m, sym) == 0:
                    continue
                size = self.size(m, sym)
                x, _ = self.reserves(sym)
                amount = min(base_for_move(x, 1 - step if size > 0 else 1 + step), abs(size))
                r = self.trade_base(m, sym, size < 0, amount)
                if isinstance(r, Reverted) and r.name == "DustPosition":
                    r = self._send(self.ch, "closePosition", self.base(sym), 0, FAR_DEADLINE, sender=m)
                moved = moved or (r is not None and not isinstance(r, Reverted))
            if not moved:
                return

    def cash_out(self) -> None:
        for m in self.members:
            self.withdraw_all(m)

    # ------------------------------------------------------------------ verdict
    def assert_no_profit(self, before: Snapshot, bystanders: list[Any], dust: int = 10**6) -> None:
        """Invariant 9: the coalition ends with no more USDC than it deposited, counting what it
        still holds at the index; the insurance fund, the pool and the bystanders lose nothing;
        no socialisation, no deficit (invariant 10 trivially)."""
        after = self.snapshot(bystanders)
        out = self.ledger.net * SCALE  # 18 decimals
        held = self.equity()
        assert out <= 0, f"coalition took out {out / ONE:,.2f} USD more than it put in"
        assert out + held <= dust, f"coalition ends {(out + held) / ONE:,.2f} USD up (held {held / ONE:,.2f})"
        assert after.insurance >= before.insurance, (before.insurance, after.insurance)
        assert after.pool >= before.pool, (before.pool, after.pool)
        for who, bal in before.bystanders.items():
            assert after.bystanders[who] >= bal, f"bystander {who} lost {(bal - after.bystanders[who]) / ONE}"
        assert after.index == before.index, "collateral index moved: a loss was socialised"
        assert after.deficit == before.deficit == 0
        assert int(self.vault.totalDebt()) == 0
