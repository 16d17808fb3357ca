"""Governance: /governance (the Governor's proposals with state, votes, time left and metadata by
CID; a clear 'not deployed' state when the deployment has no governance), its live fragment, and
/governance/metadata/{cid} (the document, from the local proposals folder, checked against its CID)."""

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
    def page(request: Request) -> Response:
        return render(templates, request, d, "governance.html", "governance", **data.governance(d))

    def live(request: Request) -> Response:
        return render(templates, request, d, "_governance_live.html", "", **data.governance(d))

    def metadata(request: Request) -> Response:
        cid = request.path_params["cid"]
        doc = data.metadata_document(d, cid)
        if doc is None:
            raise HTTPException(404, f"metadata {cid}: not in the local proposals folder ({d.proposals_dir})")
        return JSONResponse(doc)

    return [
        Route("/governance", page),
        Route("/governance/live", live),
        Route("/governance/metadata/{cid}", metadata),
    ]
