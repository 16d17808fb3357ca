"""Which account signs a script's transactions."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any


def pick_account(accounts: Any, network: Any, env_var: str, env: Mapping[str, str] | None = None) -> Any:
    """The first test account on local and fork networks; on a live network the keystore alias
    named by `env_var` (`ape accounts import <alias>` first), loaded with `accounts.load`."""
    if network.is_dev:
        return accounts.test_accounts[0]
    alias = (os.environ if env is None else env).get(env_var)
    if not alias:
        raise SystemExit(f"network {network.choice} is live: set {env_var} to an `ape accounts` alias")
    return accounts.load(alias)
