"""Fixtures of the netting tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def traders(accounts, funded, stack):
    """Six traders, each with exactly 10,000 USD of account value: funded with 10,000 USDC, and
    whatever collateral a session-scoped fixture of another module left beyond it withdrawn, so
    that the margin boundaries these tests size from the account value do not depend on the
    order the modules ran in."""
    ch = stack.clearing_house
    for a in accounts[1:7]:
        funded(a, 10_000)
        excess_usdc = (int(ch.getAccountValue(a)) - 10_000 * 10**18) // 10**12
        if excess_usdc > 0:
            ch.withdraw(excess_usdc, sender=a)
    return list(accounts[1:7])
