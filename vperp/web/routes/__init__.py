"""One module per page, each with `routes(dashboard, templates)`: the page, its live fragment
(polled by htmx) and, for the charts, its JSON series."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from vperp.web.context import Dashboard


def render(
    templates: Jinja2Templates, request: Request, d: Dashboard, name: str, nav: str, **ctx: Any
) -> Response:
    """A template with what every page's layout needs (the navigation and the markets)."""
    return templates.TemplateResponse(
        request, name, {"nav": nav, "symbols": d.symbols, "symbol_of": d.symbol_of, **ctx}
    )
