"""The web app: a FastAPI application over one claimgraph database.

Pages are rendered on the server with Jinja2 (autoescaped: article text is untrusted and is
never inserted as markup); the map uses Leaflet from the `xstatic-leaflet` package and
country outlines from `countryinfo`, both served by the app itself, so it works offline.
The JSON API serves the export contract's records, paginated. Everything is read-only
except the analyst's corrections, which need the token.

Internal: `claimgraph serve` runs it.
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from xstatic.pkg import leaflet  # type: ignore[import-untyped]

from claimgraph.present import api, brief_page, pages
from claimgraph.present.outlines import world_outlines
from claimgraph.present.web import TOKEN_COOKIE, AppSettings, token_ok
from claimgraph.query import MATCH_END, MATCH_START


def create_app(settings: AppSettings) -> FastAPI:
    if settings.token_required and not settings.token:
        raise ValueError("a token is required when the app is reachable from other machines")
    # No /docs or /redoc: FastAPI's Swagger UI loads its scripts from a CDN; the schema is at /openapi.json.
    app = FastAPI(title="claimgraph", description="A sourced knowledge base of news reports: the export contract's records.",
                  version="1", docs_url=None, redoc_url=None)
    app.state.settings = settings
    package = resources.files("claimgraph.present")
    app.state.templates = Jinja2Templates(directory=str(package.joinpath("templates")))
    app.state.templates.env.filters["marked"] = marked
    app.mount("/static/app", StaticFiles(directory=str(package.joinpath("static"))), name="static")
    app.mount("/static/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")

    @app.middleware("http")
    async def require_token(request: Request, call_next):  # type: ignore[no-untyped-def]
        if settings.token_required and not token_ok(request, settings.token):
            return JSONResponse({"detail": "a token is required: ?token=..., or the Authorization: Bearer header"}, status_code=401)
        response = await call_next(request)
        if settings.token and request.query_params.get("token") and token_ok(request, settings.token):
            response.set_cookie(TOKEN_COOKIE, settings.token, httponly=True, samesite="strict")
        return response

    made: list[bytes] = []  # the outlines, made on the first request and kept by this app

    @app.get("/static/world.geojson", include_in_schema=False)
    def outlines() -> Response:
        if not made:
            made.append(world_outlines())
        return Response(made[0], media_type="application/geo+json", headers={"Cache-Control": "max-age=86400"})

    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(brief_page.router)  # the brief of the current filter
    return app


def marked(snippet: str) -> Markup:
    """An FTS5 snippet, escaped, with its match markers as <mark> (never the text's own brackets)."""
    return Markup(str(escape(snippet)).replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>"))
