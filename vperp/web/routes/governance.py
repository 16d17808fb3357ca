"""Governance: /governance (the Governor's proposals with state, votes and time left; a clear
'not deployed' state when the deployment has no governance) and its live fragment."""

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
        return render(templates, request, d, "governance.html", "governance", **data.governance(d))

    def live(request: Request) -> Response:
        return render(templates, request, d, "_governance_live.html", "", **data.governance(d))

    return [Route("/governance", page), Route("/governance/live", live)]
