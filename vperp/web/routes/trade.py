"""Trading: /trade (deposit with a USDC permit, withdraw, quote, open, close, queue a netted order;
with the dev wallet, or a browser wallet through EIP-1193) and its actions, each answering an htmx
fragment (the dev wallet) or the quote and the transactions to sign (/trade/wallet/*). The actions accept only htmx's requests (the `HX-Request` header: a
cross-site form cannot set it, so another site cannot trade with the local test accounts)."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from urllib.parse import parse_qs

from eth_utils import is_address
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from vperp.sdk.units import usdc
from vperp.web import orders
from vperp.web.context import Dashboard
from vperp.web.devwallet import DevWalletRefused, Sent
from vperp.web.routes import render


def routes(d: Dashboard, templates: Jinja2Templates) -> list[Route]:
    permits = orders.Permits(d.node, d.deployment["usdc"], d.node.abis)

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
            if action == "queue":
                return wallet.queue(
                    acct,
                    symbol(f),
                    f.get("side", "long"),
                    number(f, "notional"),
                    number(f, "tolerance") / 100,
                )
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
        """A browser wallet's action (EIP-1193): the quote (HTML) when it is a trade, and, when it
        passes, the transactions to send, [{to, data}], in order; the page sends them through
        window.ethereum. A deposit is two steps: "permit" answers the EIP-712 permit to sign
        (eth_signTypedData_v4), "deposit" takes it back signed and answers the permit and the
        deposit."""
        if request.headers.get("HX-Request") != "true":
            raise HTTPException(403, "the trading actions answer the trading page only")
        f = {k: v[0].strip() for k, v in parse_qs((await request.body()).decode()).items()}
        action = request.path_params["action"]

        def amount() -> int:
            raw = usdc(number(f, "amount"))
            if raw <= 0:
                raise ValueError("the amount must be positive")
            return raw

        def plan() -> dict[str, object]:
            if not is_address(f.get("account", "")):
                raise ValueError(f"not an address: {f.get('account')!r}")
            a = f["account"]
            if action == "permit":
                return {"ok": True, "typed": permits.typed_data(a, amount())}
            if action == "deposit":
                typed = json.loads(f.get("typed", "null") or "null")
                if (
                    not isinstance(typed, dict)
                    or typed.get("message", {}).get("owner", "").lower() != a.lower()
                ):
                    raise ValueError("the permit to deposit with is missing or not the account's")
                calls = permits.deposit_calls(typed, f.get("signature", ""))
                what = f"deposited {number(f, 'amount')} USDC with a permit"
                return {
                    "ok": True,
                    "what": what,
                    "txs": [{"to": t, "data": "0x" + c.hex()} for t, c in calls],
                }
            if action == "withdraw":
                data = d.node.ch.withdraw.encode_input(amount())
                tx = {"to": d.node.ch.address, "data": "0x" + bytes(data).hex()}
                return {"ok": True, "what": f"withdrew {number(f, 'amount')} USDC", "txs": [tx]}
            tolerance = number(f, "tolerance") / 100
            if action == "open":
                p = orders.plan_open(
                    d.node, a, symbol(f), f.get("side", "long"), number(f, "notional"), tolerance
                )
            elif action == "queue":
                p = orders.plan_queue(
                    d.node, a, symbol(f), f.get("side", "long"), number(f, "notional"), tolerance
                )
            elif action == "close":
                p = orders.plan_close(d.node, a, symbol(f), tolerance)
            else:
                raise ValueError(f"no action {action!r}")
            if not p.ok:
                return {"ok": False, "error": f"not sent: {p.quote.reason}"}
            data = orders.queue_calldata(d.node, p) if action == "queue" else orders.calldata(d.node, p)
            return {
                "ok": True,
                "what": p.what,
                "html": templates.get_template("_trade_quote.html").render(q=p.quote),
                "txs": [{"to": d.node.ch.address, "data": "0x" + data.hex()}],
            }

        try:
            return JSONResponse(await run_in_threadpool(plan))
        except ValueError as e:
            return JSONResponse({"ok": False, "error": str(e)})

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

    async def queue(request: Request) -> Response:
        return await act(request, "queue")

    return [
        Route("/trade", page),
        Route("/trade/quote", quote, methods=["POST"]),
        Route("/trade/open", open_, methods=["POST"]),
        Route("/trade/close", close, methods=["POST"]),
        Route("/trade/deposit", deposit, methods=["POST"]),
        Route("/trade/withdraw", withdraw, methods=["POST"]),
        Route("/trade/queue", queue, methods=["POST"]),
        Route("/trade/wallet/{action:str}", wallet_tx, methods=["POST"]),
    ]
