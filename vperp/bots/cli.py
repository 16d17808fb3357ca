"""The bots' command line: options shared by the keeper, the funding updater and the executor,
and the runner built from them (vperp.bots.runner). Two entry points use it: `python -m
vperp.bots keeper|funding|executor --rpc-url URL --deployment FILE` (no Ape) and the
`ape run keeper|funding_bot|executor` scripts (Ape's connected network and its account)."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from vperp.bots.executor import MAX_ORDERS
from vperp.bots.keeper import ORDERS
from vperp.bots.runner import GWEI, WEI, KeySigner, Log, Options, Runner, make_strategy, test_account_signer


def runner_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The runner's options (every bot)."""
    opts = [
        click.option("--once", is_flag=True, help="one round, then exit"),
        click.option("--rounds", type=int, default=None, help="rounds, then exit (default: until stopped)"),
        click.option("--poll", type=float, default=5.0, show_default=True, help="seconds between rounds"),
        click.option(
            "--gas-multiplier",
            type=float,
            default=1.2,
            show_default=True,
            help="gas price = base fee x this + tip",
        ),
        click.option("--priority-fee", type=float, default=0.01, show_default=True, help="gwei: the tip"),
        click.option("--gas-price-cap", type=float, default=None, help="gwei; nothing is sent above it"),
        click.option(
            "--gas-limit-multiplier", type=float, default=1.3, show_default=True, help="gas = estimate x this"
        ),
        click.option("--warn-balance", type=float, default=0.1, show_default=True, help="ETH: warn below"),
        click.option(
            "--stop-balance", type=float, default=0.01, show_default=True, help="ETH: stop sending below"
        ),
        click.option(
            "--state-file", type=click.Path(path_type=Path), default=None, help="JSON state (resume)"
        ),
        click.option("--timeout", type=float, default=5.0, show_default=True, help="seconds per RPC request"),
        click.option("--json-logs", is_flag=True, help="one JSON object per log line"),
    ]
    return functools.reduce(lambda acc, o: o(acc), reversed(opts), f)


def options_from(kw: dict[str, Any]) -> Options:
    cap = kw.pop("gas_price_cap", None)
    return Options(
        poll=kw.pop("poll"),
        rounds=1 if kw.pop("once") else None if (r := kw.pop("rounds")) is None else r,
        gas_multiplier=kw.pop("gas_multiplier"),
        priority_fee=int(kw.pop("priority_fee") * GWEI),
        gas_price_cap=None if cap is None else int(cap * GWEI),
        gas_limit_multiplier=kw.pop("gas_limit_multiplier"),
        warn_balance=int(kw.pop("warn_balance") * WEI),
        stop_balance=int(kw.pop("stop_balance") * WEI),
        state_file=kw.pop("state_file"),
        timeout=kw.pop("timeout"),
    )


def run_bot(kind: str, rpc_url: str, signer: Any, deployment: dict[str, Any], kw: dict[str, Any]) -> int:
    """Builds the runner for bot `kind` from the parsed options and runs it until stopped (SIGTERM
    and SIGINT stop it between steps). Returns the exit code."""
    kw = dict(kw)
    json_logs = kw.pop("json_logs", False)
    opts = options_from(kw)
    strategy = make_strategy(kind, **kw)
    runner = Runner(strategy, rpc_url, signer, deployment, options=opts, log=Log(strategy.name, json_logs))
    runner.install_signal_handlers()
    return runner.run()


def ape_run(kind: str, key_env: str | None, kw: dict[str, Any]) -> None:
    """The `ape run` scripts: the connected network's node, its deployment file, and the signer:
    the private key in $`key_env`, else (local and fork networks only) the first test account."""
    import json

    from ape import accounts, chain, networks

    from vperp.chain.deploy import deployment_file
    from vperp.chain.network import network_name

    network = networks.provider.network
    if key_env:
        signer = signer_from(key_env, None)
    elif network.is_dev:
        signer = KeySigner(accounts.test_accounts[0].private_key)
    else:
        raise click.UsageError(f"network {network.choice} is live: pass --key-env VAR (VAR holding the key)")
    url = getattr(chain.provider, "http_uri", None)
    if not url:
        raise click.UsageError("the bots need an HTTP node (the provider has no http_uri)")
    deployment = json.loads(deployment_file(network_name(networks)).read_text())
    sys.exit(run_bot(kind, url, signer, deployment, kw))


def signer_from(key_env: str | None, test_account: int | None) -> KeySigner:
    if key_env:
        key = os.environ.get(key_env)
        if not key:
            raise click.UsageError(f"${key_env} is empty: it must hold the bot's private key")
        return KeySigner(key)
    return test_account_signer(test_account or 0)


def _main(kind: str, extra: list[Callable[..., Any]]) -> click.Command:
    @click.command(name=kind)
    @click.option("--rpc-url", default="http://127.0.0.1:8645", show_default=True)
    @click.option("--deployment", type=click.Path(exists=True, path_type=Path), required=True)
    @click.option("--key-env", default=None, help="environment variable holding the private key")
    @click.option("--test-account", type=int, default=None, help="test account index (local node)")
    @runner_options
    def cmd(rpc_url: str, deployment: Path, key_env: str | None, test_account: int | None, **kw: Any) -> None:
        import json

        signer = signer_from(key_env, test_account)
        sys.exit(run_bot(kind, rpc_url, signer, json.loads(deployment.read_text()), kw))

    for o in reversed(extra):
        cmd = o(cmd)
    return cmd


KEEPER_OPTIONS = [
    click.option(
        "--from-block", default=0, show_default=True, help="first block to read PositionChanged from"
    ),
    click.option("--chunk", default=100, show_default=True, help="accounts per Viewer call"),
    click.option(
        "--batch",
        default=0,
        show_default=True,
        help="targets per LiquidationBatcher transaction (at most its MAX_BATCH, 100); 0: one liquidate per transaction",
    ),
    click.option(
        "--order",
        type=click.Choice(ORDERS),
        default="shuffle",
        show_default=True,
        help="order of the liquidatable accounts: shuffle (its own), or margin (least margin first, under water last)",
    ),
]
EXECUTOR_OPTIONS = [
    click.option("--max-orders", default=MAX_ORDERS, show_default=True, help="orders per executeBatch call"),
]


@click.group()
def main() -> None:
    """Bots over the runner: keeper, funding, executor."""


main.add_command(_main("keeper", KEEPER_OPTIONS))
main.add_command(_main("funding", []))
main.add_command(_main("executor", EXECUTOR_OPTIONS))
