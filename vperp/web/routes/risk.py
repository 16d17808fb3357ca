"""Risk: /risk (liquidations, bad debts and how each was covered, the insurance fund, the
accounts nearest to liquidation) and its live fragment."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from vperp.web import data
from vperp.web.context import Dashboard
from vperp.web.routes import render


def routes(d: Dashboard, templates: Jinja2Templates) -> list[Route]:
    def page(request: Request) -> Response:
        return render(templates, request, d, "risk.html", "risk", **data.risk(d))

    def live(request: Request) -> Response:
        return render(templates, request, d, "_risk_live.html", "", **data.risk(d))

    return [Route("/risk", page), Route("/risk/live", live)]
