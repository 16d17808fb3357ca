"""Pool: /pool (value, share price and its history, utilisation against its limit, locked
income), its live fragment and its chart series."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from vperp.web import data
from vperp.web.context import Dashboard
from vperp.web.routes import render


def routes(d: Dashboard, templates: Jinja2Templates) -> list[Route]:
    def page(request: Request) -> Response:
        return render(templates, request, d, "pool.html", "pool", **data.pool(d))

    def live(request: Request) -> Response:
        return render(templates, request, d, "_pool_live.html", "", **data.pool(d))

    def chart(_request: Request) -> Response:
        return JSONResponse(data.pool_chart(d))

    return [Route("/pool", page), Route("/pool/live", live), Route("/pool/chart.json", chart)]
