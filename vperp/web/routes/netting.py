"""Netting: /netting (each market's queued orders, from the node; the recent batches with L, S,
p0, the remainder swap and their fills, from the index) and its live fragment."""

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
        return render(templates, request, d, "netting.html", "netting", **data.netting(d))

    def live(request: Request) -> Response:
        return render(templates, request, d, "_netting_live.html", "", **data.netting(d))

    return [Route("/netting", page), Route("/netting/live", live)]
