"""The app factory: `create_app(dashboard)` -> a Starlette app with the pages' routes
(vperp.web.routes), the Jinja2 templates and their filters (vperp.sdk.display), the project's
static files and the npm-pinned front-end libraries (htmx, lightweight-charts, ethers for the
browser wallet) served from node_modules under /static/vendor (never a CDN)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from vperp.chain.config import ROOT
from vperp.sdk import display
from vperp.web.context import Dashboard

HERE = Path(__file__).resolve().parent
# the front-end libraries, each one file of its pinned npm package (package.json)
VENDOR = {
    "htmx.min.js": ROOT / "node_modules" / "htmx.org" / "dist" / "htmx.min.js",
    "lightweight-charts.js": ROOT
    / "node_modules"
    / "lightweight-charts"
    / "dist"
    / "lightweight-charts.standalone.production.js",
    "ethers.js": ROOT / "node_modules" / "ethers" / "dist" / "ethers.umd.min.js",  # the browser wallet
}
POLL_SECONDS = 3  # the live fragments' htmx polling period


def _signed_usd(x: int) -> str:
    s = display.usd(x)
    return s if s.startswith("-") or x == 0 else "+" + s


def _ratio_pct(x: Decimal | None, places: int = 2) -> str:
    return "–" if x is None else display.percent(Decimal(x), places)


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
    env.filters.update(
        usd=display.usd,
        signed_usd=_signed_usd,
        usdc=display.usdc,
        price=lambda p: "–" if p is None else display.price(p),
        base=display.base,
        ratio=display.ratio,
        pct=_ratio_pct,
        ts=display.timestamp,
        short=display.short_address,
        num=display.number,
    )
    env.globals["poll_seconds"] = POLL_SECONDS
    return env


def vendor(request: Request) -> Response:
    name = request.path_params["name"]
    path = VENDOR.get(name)
    if path is None or not path.is_file():
        return Response(f"{name}: not installed (npm install)", status_code=404, media_type="text/plain")
    return FileResponse(path, media_type="text/javascript")


def create_app(dashboard: Dashboard) -> Starlette:
    from vperp.web.routes import account, governance, markets, netting, pool, risk, trade

    templates = Jinja2Templates(env=environment())

    async def home(_request: Request) -> Response:
        return RedirectResponse(f"/markets/{dashboard.symbols[0]}", status_code=302)

    async def not_found(request: Request, exc: Any) -> Response:
        detail = getattr(exc, "detail", "not found")
        return HTMLResponse(
            templates.get_template("error.html").render(
                request=request, title="Not found", message=detail, nav="", symbols=dashboard.symbols
            ),
            status_code=getattr(exc, "status_code", 404),
        )

    async def server_error(request: Request, exc: Exception) -> Response:
        """A page that failed (most often: the node or the database does not answer), in words;
        htmx keeps a fragment's previous content when its poll fails."""
        return HTMLResponse(
            templates.get_template("error.html").render(
                request=request,
                title="Not available",
                message=f"{type(exc).__name__}: {exc} (node {dashboard.node.url})",
                nav="",
                symbols=dashboard.symbols,
            ),
            status_code=500,
        )

    routes: list[Any] = [
        Route("/", home),
        Route("/static/vendor/{name}", vendor),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    for module in (markets, account, risk, pool, netting, governance, trade):
        routes += module.routes(dashboard, templates)
    app = Starlette(
        routes=routes, exception_handlers={404: not_found, 400: not_found, Exception: server_error}
    )
    app.state.dashboard = dashboard
    return app
