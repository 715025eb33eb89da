"""The web app: a FastAPI application over one claimgraph database.

Pages are rendered on the server with Jinja2 (autoescaped: article text is untrusted and is
never inserted as markup, and it is bidi-isolated); scripts are static files (a strict
Content-Security-Policy allows no inline script). The map uses Leaflet (`xstatic-leaflet`)
with leaflet.markercluster, and the graph Cytoscape.js, both vendored from npm in
`static/vendor/`; the base map is packaged data (see `basemap`). Nothing is fetched from
elsewhere. Everything is read-only except the analyst's corrections, which need the token.

Internal: `claimgraph serve` runs it.
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from xstatic.pkg import leaflet  # type: ignore[import-untyped]

from claimgraph.errors import ClaimgraphError, InvalidQuery
from claimgraph.present import api, brief_page, lists, pages
from claimgraph.present.basemap import admin1_topojson, towns
from claimgraph.present.security import SecurityMiddleware
from claimgraph.present.web import AppSettings, ClientGone, check_token, render
from claimgraph.query.limits import QueryCancelled


def create_app(settings: AppSettings) -> FastAPI:
    check_token(settings.token)
    if settings.token_required and not settings.token:
        raise ValueError("a token is required when the app is reachable from other machines")
    # No /docs or /redoc: FastAPI's Swagger UI loads its scripts from a CDN; the schema is at /openapi.json.
    app = FastAPI(title="claimgraph", description="A sourced knowledge base of news reports: the export contract's records.",
                  version="1", docs_url=None, redoc_url=None)
    app.state.settings = settings
    package = resources.files("claimgraph.present")
    app.state.templates = Jinja2Templates(directory=str(package.joinpath("templates")))
    app.mount("/static/app", StaticFiles(directory=str(package.joinpath("static"))), name="static")
    app.mount("/static/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")
    app.add_middleware(SecurityMiddleware, settings=settings)
    _add_error_pages(app)

    made: dict[str, bytes] = {}  # the town labels, made on the first request and kept by this app

    @app.get("/static/geo/admin1.topo.json", include_in_schema=False)
    def admin1() -> Response:
        return Response(admin1_topojson(), media_type="application/json",
                        headers={"Content-Encoding": "gzip", "Cache-Control": "max-age=86400"})

    @app.get("/static/geo/towns.json", include_in_schema=False)
    def town_labels() -> Response:
        if "towns" not in made:
            made["towns"] = towns()
        return Response(made["towns"], media_type="application/json", headers={"Cache-Control": "max-age=86400"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})

    app.include_router(api.router)
    app.include_router(lists.router)
    app.include_router(pages.router)
    app.include_router(brief_page.router)  # the brief of the current filter
    return app


FAVICON = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="4" cy="11" r="3" fill="#2e86c1"/>'
           b'<circle cx="12" cy="5" r="3" fill="#d35400"/><path d="M4 11 12 5" stroke="#1f3347" stroke-width="1.5"/></svg>')


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str) -> Response:
    """An error as the client reads it: JSON for the API, a page for a browser (never a raw
    database message or a traceback)."""
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status)
    return render(request, "error.html", status_code=status, status=status, message=message, page="error")


def _add_error_pages(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))
        messages = {404: "There is no such page.", 405: "That is not something this page does."}
        detail = exc.detail if isinstance(exc.detail, str) and exc.status_code != 405 else messages.get(exc.status_code, "Not possible.")
        return _error(request, exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": exc.errors()}, status_code=422)
        problems = "; ".join(f"{'.'.join(str(p) for p in error.get('loc', ())[1:]) or 'request'}: {error.get('msg', '')}"
                             for error in exc.errors()[:5])
        return _error(request, 422, f"Some of this page's settings are not valid ({problems}).")

    @app.exception_handler(InvalidQuery)
    async def invalid_query(request: Request, exc: InvalidQuery) -> Response:
        return _error(request, 422 if _is_api(request) else 400, str(exc))

    @app.exception_handler(QueryCancelled)
    async def too_slow(request: Request, exc: QueryCancelled) -> Response:
        return _error(request, 503, "This took too long and was stopped. Narrow it down (more filters, fewer words) and try again.")

    @app.exception_handler(ClientGone)
    async def gone(request: Request, exc: ClientGone) -> Response:
        return Response(status_code=499)

    @app.exception_handler(ClaimgraphError)
    async def failed(request: Request, exc: ClaimgraphError) -> Response:
        return _error(request, 500, "The database could not answer this request.")
