"""Trading: /trade (the dev-wallet form: deposit, withdraw, quote, open, close) and its actions, each
answering an htmx fragment. The actions accept only htmx's requests (the `HX-Request` header: a
cross-site form cannot set it, so another site cannot trade with the local test accounts)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from urllib.parse import parse_qs

from eth_utils import is_address
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from vperp.web import orders
from vperp.web.context import Dashboard
from vperp.web.devwallet import DevWalletRefused, Sent
from vperp.web.routes import render


def routes(d: Dashboard, templates: Jinja2Templates) -> list[Route]:
    def page(request: Request) -> Response:
        accounts: list[str] = []
        refused = None
        if d.wallet is not None:
            try:
                accounts = d.wallet.accounts()
            except DevWalletRefused as e:
                refused = str(e)
        with d.node.lock:
            chain_id = int(d.node.rpc.request("eth_chainId", []), 16)
        return render(
            templates,
            request,
            d,
            "trade.html",
            "trade",
            wallet=d.wallet is not None,
            refused=refused,
            accounts=accounts,
            chain_id=chain_id,
        )

    async def form(request: Request) -> dict[str, str]:
        if request.headers.get("HX-Request") != "true" or d.wallet is None:
            raise HTTPException(403, "the trading actions answer the dev wallet's page only")
        body = parse_qs((await request.body()).decode())
        return {k: v[0].strip() for k, v in body.items()}

    def number(f: dict[str, str], key: str) -> Decimal:
        try:
            return Decimal(f.get(key, ""))
        except InvalidOperation:
            raise ValueError(f"{key}: not a number: {f.get(key)!r}") from None

    def symbol(f: dict[str, str]) -> str:
        if f.get("market") not in d.symbols:
            raise ValueError(f"no market {f.get('market')!r}")
        return f["market"]

    async def act(request: Request, action: str) -> Response:
        f = await form(request)
        wallet = d.wallet
        assert wallet is not None

        def run() -> Sent | object:
            acct = f.get("account", "")
            if action == "quote":
                return wallet.quote(acct, symbol(f), f.get("side", "long"), number(f, "notional"))
            if action == "open":
                return wallet.open(
                    acct,
                    symbol(f),
                    f.get("side", "long"),
                    number(f, "notional"),
                    number(f, "tolerance") / 100,
                )
            if action == "close":
                return wallet.close(acct, symbol(f), number(f, "tolerance") / 100)
            if action == "withdraw":
                return wallet.withdraw(acct, number(f, "amount"))
            return wallet.deposit(acct, number(f, "amount"))

        try:
            out = await run_in_threadpool(run)
        except (DevWalletRefused, ValueError) as e:
            out = Sent(False, str(e))
        if isinstance(out, Sent):
            return render(templates, request, d, "_trade_sent.html", "", sent=out, q=out.quote)
        return render(templates, request, d, "_trade_quote.html", "", q=out)

    async def wallet_tx(request: Request) -> Response:
        """A browser wallet's trade (EIP-1193): the quote (HTML) and, when it passes, the
        transaction to sign, {to, data}; the page sends it through window.ethereum."""
        if request.headers.get("HX-Request") != "true":
            raise HTTPException(403, "the trading actions answer the trading page only")
        f = {k: v[0].strip() for k, v in parse_qs((await request.body()).decode()).items()}
        action = request.path_params["action"]

        def plan() -> orders.Planned:
            if not is_address(f.get("account", "")):
                raise ValueError(f"not an address: {f.get('account')!r}")
            if action == "open":
                return orders.plan_open(
                    d.node,
                    f["account"],
                    symbol(f),
                    f.get("side", "long"),
                    number(f, "notional"),
                    number(f, "tolerance") / 100,
                )
            return orders.plan_close(d.node, f["account"], symbol(f), number(f, "tolerance") / 100)

        try:
            p = await run_in_threadpool(plan)
        except ValueError as e:
            return JSONResponse({"ok": False, "error": str(e)})
        if not p.ok:
            return JSONResponse({"ok": False, "error": f"not sent: {p.quote.reason}"})
        html = templates.get_template("_trade_quote.html").render(q=p.quote)
        tx = {"to": d.node.ch.address, "data": "0x" + orders.calldata(d.node, p).hex()}
        return JSONResponse({"ok": True, "what": p.what, "html": html, "tx": tx})

    async def quote(request: Request) -> Response:
        return await act(request, "quote")

    async def open_(request: Request) -> Response:
        return await act(request, "open")

    async def close(request: Request) -> Response:
        return await act(request, "close")

    async def deposit(request: Request) -> Response:
        return await act(request, "deposit")

    async def withdraw(request: Request) -> Response:
        return await act(request, "withdraw")

    return [
        Route("/trade", page),
        Route("/trade/quote", quote, methods=["POST"]),
        Route("/trade/open", open_, methods=["POST"]),
        Route("/trade/close", close, methods=["POST"]),
        Route("/trade/deposit", deposit, methods=["POST"]),
        Route("/trade/withdraw", withdraw, methods=["POST"]),
        Route("/trade/wallet/{action:str}", wallet_tx, methods=["POST"]),
    ]
