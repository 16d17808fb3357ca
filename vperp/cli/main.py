"""The trader CLI, `vperp` (pyproject [project.scripts]; also `python -m vperp.cli`).

    vperp markets
    vperp quote vETH long --notional 1000 [--slippage 0.5]
    vperp deposit 1000 [--mint]            (--mint: local test USDC first)
    vperp open vETH long --notional 1000 [--slippage 0.5] [--deadline 300]
    vperp close vETH
    vperp positions | account | withdraw 100
    vperp lp deposit 1000 | lp redeem 10

Every command takes `--network` (Ape's choice syntax, e.g. ethereum:local:foundry; default: Ape's
default network, or the one already connected) and, when it reads or signs for an account,
`--account` (an `ape accounts` alias, or TEST::<n> for a local test account: no private key ever
goes on the command line). `--deployment` names the address file (default
deployments/<ecosystem>-<network>.json, as `ape run deploy` writes it). `--json` prints one JSON
document for scripts. Amounts are plain numbers (USDC, USD, base units); reverts print the SDK's
readable messages (vperp.sdk.errors) and exit with status 1."""

from __future__ import annotations

import json
import os
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import click

from vperp.cli import views
from vperp.sdk import display
from vperp.sdk.errors import ProtocolError

NETWORK_HELP = "Ape network choice, e.g. ethereum:local:foundry (default: the connected or default network)"
ACCOUNT_HELP = "`ape accounts` alias, or TEST::<n> for a local test account"


class CliError(click.ClickException):
    """A refusal printed as `Error: ...`, wrapped to the 100 columns."""

    def __init__(self, message: str) -> None:
        super().__init__(textwrap.fill(message, views.MAX_WIDTH - len("Error: ")))


class Ctx:
    """What a command runs with: the JSON flag, the network choice, the deployment file."""

    def __init__(self, as_json: bool, network: Any, deployment: str | None) -> None:
        self.as_json = as_json
        self.network = network
        self.deployment = deployment

    def emit(self, data: Any, text: str) -> None:
        click.echo(json.dumps(data, indent=2, default=str) if self.as_json else text)

    def fail(self, e: ProtocolError) -> None:
        if self.as_json:
            click.echo(json.dumps({"error": e.name, "message": e.message}, indent=2))
            raise SystemExit(1)
        raise CliError(e.message)


@contextmanager
def connected(choice: Any) -> Iterator[Any]:
    """The provider of `choice` (a provider from Ape's NetworkChoice, or None): the one already
    connected when it is on that network (or when no choice is given), else a connection for the
    duration of the command (`use_provider`, as Ape's own commands do)."""
    from ape import networks

    active = networks.active_provider
    same = choice is None or (active is not None and choice.network.choice == active.network.choice)
    if active is not None and active.is_connected and same:
        yield active
        return
    if choice is None:
        choice = networks.get_provider_from_choice(networks.default_ecosystem_name)
    with choice.network.use_provider(choice) as provider:
        yield provider


def _project() -> Any:
    """The repository's Ape project (its compiled ABIs), from any working directory."""
    import ape

    from vperp.chain.config import ROOT

    if Path.cwd().resolve() == ROOT:
        return ape.project
    return ape.Project(ROOT)


def _deployment(ctx: Ctx, provider: Any) -> Any:
    from ape import networks

    from vperp.chain.deploy import deployment_file, load_deployment_file, read_deployment_file
    from vperp.chain.network import network_name

    # attached to the persistent node (APE_FOUNDRY_HOST), the node's own deployment file
    path = Path(
        ctx.deployment or os.environ.get("VPERP_DEPLOYMENT") or deployment_file(network_name(networks))
    )
    if not path.exists():
        raise CliError(
            f"no deployment file {path}: deploy first (`ape run deploy --network {provider.network.choice}`)"
            " or pass --deployment"
        )
    raw = read_deployment_file(path)
    if raw.get("chain_id") not in (None, provider.chain_id):
        raise CliError(f"{path} is for chain {raw['chain_id']}, the network is chain {provider.chain_id}")
    if not provider.get_code(raw["clearing_house"]):
        raise CliError(
            f"no contract at {raw['clearing_house']} on {provider.network.choice}: the chain is not the one"
            f" {path} records (restarted?); deploy again"
        )
    return load_deployment_file(_project(), path)


def run(ctx: Ctx, account: Any, job: Callable[[Any], None], needs_account: bool = True) -> None:
    """Connects, loads the deployment, builds the account's PerpClient and runs `job(client)`,
    turning reverts into the SDK's messages."""
    from vperp.chain.etherscan import pin_chain_list
    from vperp.sdk.client import PerpClient

    if needs_account and account is None:
        raise click.UsageError(f"--account is required ({ACCOUNT_HELP})")
    pin_chain_list()  # a reverted call makes Ape look for an explorer: never online
    with _quiet(), connected(ctx.network) as provider:
        client = PerpClient(_deployment(ctx, provider), account)
        try:
            job(client)
        except ProtocolError as e:
            ctx.fail(e)
        except Exception as e:
            pe = client.explain(e)
            if pe is None:
                raise
            ctx.fail(pe)


@contextmanager
def _quiet() -> Iterator[None]:
    """Ape's INFO lines (connections, confirmations of 130 columns) stay off the output: the
    command prints each transaction's hash itself ("tx 0x..."), and --json stays parseable.
    Ape's warnings and errors still show. Nor does Ape print a reverted call's trace (on a node
    attached by URL it does, to stdout): the command prints the revert as the SDK's sentence."""
    from ape.logging import logger
    from ape_ethereum.trace import Trace

    show = Trace.show
    Trace.show = lambda self, *args, **kwargs: None  # type: ignore[method-assign]
    try:
        with logger.at_level("WARNING"):
            yield
    finally:
        Trace.show = show  # type: ignore[method-assign]


def _amount(value: str) -> Decimal:
    try:
        d = Decimal(value.replace(",", "").replace("_", ""))
    except InvalidOperation:
        raise click.BadParameter(f"{value!r} is not a number") from None
    if d <= 0:
        raise click.BadParameter(f"{value} must be positive")
    return d


def _tolerance(percent: str) -> Decimal:
    try:
        t = Decimal(percent) / 100
    except InvalidOperation:
        raise click.BadParameter(f"slippage {percent!r} is not a number") from None
    if not 0 <= t < 1:
        raise click.BadParameter(f"slippage {percent}% must be in [0, 100)")
    return t


def common(f: Callable[..., Any]) -> Callable[..., Any]:
    """--network, --deployment and --json on a command."""
    from ape.cli.choices import NetworkChoice

    f = click.option("--json", "as_json", is_flag=True, help="print one JSON document")(f)
    f = click.option("--deployment", default=None, help="address file (default deployments/<network>.json)")(
        f
    )
    f = click.option("--network", default=None, type=NetworkChoice(case_sensitive=False), help=NETWORK_HELP)(
        f
    )
    return f


def with_account(f: Callable[..., Any]) -> Callable[..., Any]:
    from ape.cli.choices import AccountAliasPromptChoice

    return click.option("--account", type=AccountAliasPromptChoice(), default=None, help=ACCOUNT_HELP)(f)


def trade_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--slippage", default="0.5", show_default=True, help="tolerance in percent")(f)
    f = click.option("--notional", default=None, help="quote amount in USD (long: paid, short: received)")(f)
    f = click.option("--size", default=None, help="base amount (long: received, short: sold)")(f)
    f = click.argument("side", type=click.Choice(["long", "short"], case_sensitive=False))(f)
    f = click.argument("market")(f)
    return f


def _size_or_notional(size: str | None, notional: str | None) -> dict[str, Decimal]:
    if (size is None) == (notional is None):
        raise click.UsageError("give exactly one of --size and --notional")
    return {"size": _amount(size)} if size is not None else {"notional": _amount(notional or "")}


# ------------------------------------------------------------------------- commands


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
def cli() -> None:
    """Trade the vAMM perpetuals from the command line (amounts in plain units)."""


@cli.command()
@common
def markets(network: Any, deployment: str | None, as_json: bool) -> None:
    """Markets: mark, index, open interest against the caps, fee, margin ratios."""
    ctx = Ctx(as_json, network, deployment)

    def job(c: Any) -> None:
        ex = c.exchange()
        ctx.emit(views.markets(ex), views.markets_text(ex))

    run(ctx, None, job, needs_account=False)


@cli.command()
@trade_options
@common
@with_account
def quote(
    market: str,
    side: str,
    size: str | None,
    notional: str | None,
    slippage: str,
    network: Any,
    deployment: str | None,
    as_json: bool,
    account: Any,
) -> None:
    """Quote a trade exactly: fill, fee, price impact, the account after it, the guards.

    Without --account, the quote is for an account with no collateral and no position."""
    ctx = Ctx(as_json, network, deployment)
    amounts = _size_or_notional(size, notional)
    tol = _tolerance(slippage)

    def job(c: Any) -> None:
        if account is None:
            from vperp.sdk.quote import Mode, quote_trade
            from vperp.sdk.state import AccountSnapshot
            from vperp.sdk.units import wad

            c.market(market)
            ex = c.exchange()
            empty = AccountSnapshot("0x" + "00" * 20, 0, 0)
            mode = Mode.of(side, "size" in amounts)
            q = quote_trade(ex, empty, market, mode, wad(next(iter(amounts.values()))))
        else:
            q = c.quote(market, side, **amounts)
        ctx.emit(views.quote(q, tol), views.quote_text(q, tol))

    run(ctx, account, job, needs_account=False)


@cli.command(name="open")
@trade_options
@click.option("--collateral", default=None, help="with --leverage: USDC deposited from the wallet")
@click.option("--leverage", default=None, help="with --collateral: notional = leverage x collateral")
@click.option("--mint", is_flag=True, help="with --collateral, local networks: mint that test USDC first")
@click.option("--deadline", default=300, show_default=True, help="seconds from the latest block")
@common
@with_account
def open_(
    market: str,
    side: str,
    size: str | None,
    notional: str | None,
    slippage: str,
    collateral: str | None,
    leverage: str | None,
    mint: bool,
    deadline: int,
    network: Any,
    deployment: str | None,
    as_json: bool,
    account: Any,
) -> None:
    """Open, increase, reduce or flip a position: quoted first, sent with the slippage bound.

    With --collateral and --leverage ("5x long vETH with 1,000 USDC"), one ExchangeRouter call
    deposits the collateral from the wallet and opens leverage x collateral of notional."""
    ctx = Ctx(as_json, network, deployment)
    tol = _tolerance(slippage)
    if (collateral is None) != (leverage is None):
        raise click.UsageError("give --collateral and --leverage together")
    by_leverage = collateral is not None
    if by_leverage and (size is not None or notional is not None):
        raise click.UsageError("give either --size / --notional or --collateral with --leverage")
    if mint and not by_leverage:
        raise click.UsageError("--mint goes with --collateral (the USDC the router deposits)")
    amounts = {} if by_leverage else _size_or_notional(size, notional)

    def job(c: Any) -> None:
        if by_leverage:
            coll, lev = _amount(collateral or ""), _amount(leverage or "")
            if mint:
                c.faucet(coll)
            q = c.quote(market, side, notional=coll * lev, deposit=coll)
            if not q.ok:
                raise ProtocolError(q.error or "", q.error_values, f"not sent: {q.reason}")
            tx = c.open_with_leverage(market, side, coll, lev, tol, _deadline(deadline))
            title = f"opened through the router: {display.number(lev)}x with {display.number(coll)} USDC"
        else:
            q = c.quote(market, side, **amounts)
            if not q.ok:
                raise ProtocolError(q.error or "", q.error_values, f"not sent: {q.reason}")
            tx = c.execute(q, tol, _deadline(deadline))
            title = "opened"
        ctx.emit(
            {**views.quote(q, tol), "txn_hash": tx.txn_hash},
            views.quote_text(q, tol, title) + f"\ntx {tx.txn_hash}",
        )

    run(ctx, account, job)


def _deadline(seconds: int) -> int:
    from ape import chain

    return int(chain.blocks.head.timestamp) + seconds


@cli.command()
@click.argument("market")
@click.option("--slippage", default="0.5", show_default=True, help="tolerance in percent")
@click.option("--deadline", default=300, show_default=True, help="seconds from the latest block")
@common
@with_account
def close(
    market: str,
    slippage: str,
    deadline: int,
    network: Any,
    deployment: str | None,
    as_json: bool,
    account: Any,
) -> None:
    """Close a whole position, quoted first, with the slippage bound."""
    ctx = Ctx(as_json, network, deployment)
    tol = _tolerance(slippage)

    def job(c: Any) -> None:
        c.market(market)
        q = c.quote_close(market)
        if not q.ok:
            raise ProtocolError(q.error or "", q.error_values, f"not sent: {q.reason}")
        tx = c.close(market, q.bound(tol), _deadline(deadline))
        ctx.emit(
            {**views.quote(q, tol), "txn_hash": tx.txn_hash},
            views.quote_text(q, tol, "closed") + f"\ntx {tx.txn_hash}",
        )

    run(ctx, account, job)


@cli.command()
@click.argument("amount")
@click.option("--mint", is_flag=True, help="local networks: mint the test USDC first")
@common
@with_account
def deposit(
    amount: str, mint: bool, network: Any, deployment: str | None, as_json: bool, account: Any
) -> None:
    """Deposit USDC collateral (approves the clearing house when needed)."""
    ctx = Ctx(as_json, network, deployment)
    amt = _amount(amount)

    def job(c: Any) -> None:
        if mint:
            c.faucet(amt)
        tx = c.deposit(amt)
        _collateral(ctx, c, "deposited", amt, tx)

    run(ctx, account, job)


@cli.command()
@click.argument("amount")
@common
@with_account
def withdraw(amount: str, network: Any, deployment: str | None, as_json: bool, account: Any) -> None:
    """Withdraw USDC collateral (at most the free collateral)."""
    ctx = Ctx(as_json, network, deployment)
    amt = _amount(amount)

    def job(c: Any) -> None:
        tx = c.withdraw(amt)
        _collateral(ctx, c, "withdrew", amt, tx)

    run(ctx, account, job)


def _collateral(ctx: Ctx, c: Any, verb: str, amt: Decimal, tx: Any) -> None:
    collateral = int(c.ch.balanceOf(c.account.address))
    ctx.emit(
        {"action": verb, "amount": str(amt), "collateral": views._d(collateral), "txn_hash": tx.txn_hash},
        f"{verb} {display.number(amt)} USDC; collateral {display.usd(collateral)} USD\ntx {tx.txn_hash}",
    )


@cli.command()
@common
@with_account
def positions(network: Any, deployment: str | None, as_json: bool, account: Any) -> None:
    """Open positions: size, entry, mark, index, unrealised PnL, funding due, liquidation price."""
    ctx = Ctx(as_json, network, deployment)

    def job(c: Any) -> None:
        ex, acct = c.snapshot()
        collateral = int(c.ch.balanceOf(acct.address))
        ctx.emit(views.positions(ex, acct, collateral), views.positions_text(ex, acct, collateral))

    run(ctx, account, job)


@cli.command(name="account")
@common
@with_account
def account_(network: Any, deployment: str | None, as_json: bool, account: Any) -> None:
    """Margin: collateral, account value, requirements, free collateral, liquidation prices."""
    ctx = Ctx(as_json, network, deployment)

    def job(c: Any) -> None:
        ex, acct = c.snapshot()
        a = acct.address
        collateral = int(c.ch.balanceOf(a))
        free = int(c.ch.getFreeCollateral(a))
        liq = bool(c.ch.isLiquidatable(a))
        ctx.emit(
            views.account(ex, acct, collateral, free, liq),
            views.account_text(ex, acct, collateral, free, liq),
        )

    run(ctx, account, job)


@cli.command()
@click.argument("market", required=False)
@click.option("--all", "everyone", is_flag=True, help="every trader's orders, not only yours")
@click.option("--limit", default=200, show_default=True, help="newest order ids read")
@common
@with_account
def orders(
    market: str | None,
    everyone: bool,
    limit: int,
    network: Any,
    deployment: str | None,
    as_json: bool,
    account: Any,
) -> None:
    """The netting queue: your queued orders in MARKET (or every market); `queue` and `cancel`
    add and remove one."""
    ctx = Ctx(as_json, network, deployment)

    def job(c: Any) -> None:
        symbols = [market] if market else list(c.d.markets)
        rows = [o for sym in symbols for o in c.orders(sym, everyone=everyone, limit=limit)]
        ctx.emit([views.order(o) for o in rows], views.orders_text(rows, everyone))

    run(ctx, account, job, needs_account=not everyone)


@cli.command(name="queue")
@click.argument("market")
@click.argument("side", type=click.Choice(["long", "short"], case_sensitive=False))
@click.option("--size", required=True, help="base amount")
@click.option("--price", default=None, help="acceptable price (default: the mark +- the slippage)")
@click.option("--slippage", default="0.5", show_default=True, help="tolerance in percent around the mark")
@click.option("--reduce-only", is_flag=True, help="only ever reduces the position")
@click.option("--deadline", default=3600, show_default=True, help="seconds from the latest block")
@common
@with_account
def orders_queue(
    market: str,
    side: str,
    size: str,
    price: str | None,
    slippage: str,
    reduce_only: bool,
    deadline: int,
    network: Any,
    deployment: str | None,
    as_json: bool,
    account: Any,
) -> None:
    """Queue an order for the next netting batch, filled at one uniform price or not at all."""
    ctx = Ctx(as_json, network, deployment)
    amt, tol = _amount(size), _tolerance(slippage)
    long = side.lower() == "long"

    def job(c: Any) -> None:
        base = c.market(market)
        if price is not None:
            acceptable = _amount(price)
        else:
            mark = Decimal(int(c.ch.getMarkPrice(base.address))) / 10**18
            acceptable = (mark * (1 + tol if long else 1 - tol)).quantize(Decimal("0.000001"))
        tx = c.queue_order(market, amt if long else -amt, acceptable, _deadline(deadline), reduce_only)
        (ev,) = tx.decode_logs(c.d.netting.OrderQueued)
        o = c.order(market, int(ev.orderId))
        ctx.emit(
            {**views.order(o), "txn_hash": tx.txn_hash},
            views.orders_text([o], False, "queued") + f"\ntx {tx.txn_hash}",
        )

    run(ctx, account, job)


@cli.command(name="cancel")
@click.argument("market")
@click.argument("order_id", type=int)
@common
@with_account
def orders_cancel(
    market: str, order_id: int, network: Any, deployment: str | None, as_json: bool, account: Any
) -> None:
    """Cancel one of your queued orders; its reserve is released."""
    ctx = Ctx(as_json, network, deployment)

    def job(c: Any) -> None:
        tx = c.cancel_order(market, order_id)
        ctx.emit(
            {"order_id": order_id, "market": market, "txn_hash": tx.txn_hash},
            f"cancelled order {order_id} in {market}\ntx {tx.txn_hash}",
        )

    run(ctx, account, job)


@cli.group()
def lp() -> None:
    """The liquidity pool (ERC-4626 over USDC): deposit and redeem."""


def _pool_line(ctx: Ctx, c: Any, verb: str, tx: Any) -> None:
    pool = c.d.liquidity_pool
    shares = int(pool.balanceOf(c.account.address))
    value = int(pool.convertToAssets(shares)) if shares else 0
    ctx.emit(
        {
            "action": verb,
            "shares": views._d(shares),
            "value_usdc": str(Decimal(value) / 10**6),
            "txn_hash": tx.txn_hash,
        },
        f"{verb}; you hold {display.base(shares)} pool shares worth {display.usdc(value)} USDC\n"
        f"tx {tx.txn_hash}",
    )


@lp.command(name="deposit")
@click.argument("amount")
@common
@with_account
def lp_deposit(amount: str, network: Any, deployment: str | None, as_json: bool, account: Any) -> None:
    """Deposit USDC into the pool for shares."""
    ctx = Ctx(as_json, network, deployment)
    amt = _amount(amount)

    def job(c: Any) -> None:
        _pool_line(ctx, c, f"deposited {display.number(amt)} USDC", c.lp_deposit(amt))

    run(ctx, account, job)


@lp.command(name="redeem")
@click.argument("shares")
@common
@with_account
def lp_redeem(shares: str, network: Any, deployment: str | None, as_json: bool, account: Any) -> None:
    """Redeem pool shares for USDC (within the pool's utilisation limit)."""
    ctx = Ctx(as_json, network, deployment)
    amt = _amount(shares)

    def job(c: Any) -> None:
        _pool_line(ctx, c, f"redeemed {display.number(amt, 6)} shares", c.lp_redeem(amt))

    run(ctx, account, job)


def main() -> None:
    cli(prog_name="vperp")
