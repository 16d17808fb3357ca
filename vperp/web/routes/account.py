"""Account: /account?address=0x... (the form's target) and /account/{address} (positions with
size, entry, mark, PnL, margin ratio and liquidation price; collateral and free collateral;
history), and its live fragment."""

from __future__ import annotations

from eth_utils import is_address
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from vperp.web import data
from vperp.web.context import Dashboard
from vperp.web.routes import render


def routes(d: Dashboard, templates: Jinja2Templates) -> list[Route]:
    def address_of(request: Request) -> str:
        a = request.path_params["address"]
        if not is_address(a):
            raise HTTPException(400, f"not an address: {a!r}")
        return a

    def lookup(request: Request) -> Response:
        a = request.query_params.get("address", "").strip()
        if a:
            return RedirectResponse(f"/account/{a}", status_code=302)
        return render(templates, request, d, "account_lookup.html", "account")

    def page(request: Request) -> Response:
        return render(
            templates, request, d, "account.html", "account", **data.account(d, address_of(request))
        )

    def live(request: Request) -> Response:
        return render(templates, request, d, "_account_live.html", "", **data.account(d, address_of(request)))

    return [
        Route("/account", lookup),
        Route("/account/{address}", page),
        Route("/account/{address}/live", live),
    ]
