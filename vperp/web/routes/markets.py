"""Markets: /markets/{symbol} (the chart, the live figures and parameters, funding history),
its live fragment and its chart series."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from vperp.web import data
from vperp.web.context import Dashboard
from vperp.web.routes import render


def routes(d: Dashboard, templates: Jinja2Templates) -> list[Route]:
    def symbol_of(request: Request) -> str:
        symbol = request.path_params["symbol"]
        if symbol not in d.symbols:
            raise HTTPException(404, f"no market {symbol!r} (markets: {', '.join(d.symbols)})")
        return symbol

    def page(request: Request) -> Response:
        symbol = symbol_of(request)
        return render(templates, request, d, "markets.html", f"market:{symbol}", **data.market(d, symbol))

    def live(request: Request) -> Response:
        symbol = symbol_of(request)
        return render(templates, request, d, "_markets_live.html", "", **data.market(d, symbol))

    def chart(request: Request) -> Response:
        return JSONResponse(data.market_chart(d, symbol_of(request)))

    return [
        Route("/markets/{symbol}", page),
        Route("/markets/{symbol}/live", live),
        Route("/markets/{symbol}/chart.json", chart),
    ]
