"""What the app's routes share: settings, the token, one store per request, rendering.

Internal: the web app's own module.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from claimgraph.query import Store

TOKEN_COOKIE = "claimgraph_token"


@dataclass(frozen=True)
class AppSettings:
    db_path: Path
    token: str | None = None  # needed for writes; for everything when `token_required`
    token_required: bool = False  # bound beyond this machine: every request shows the token
    gazetteer_path: Path | None = None  # to geocode again after an analyst's merge or split


def token_ok(request: Request, token: str | None) -> bool:
    if not token:
        return False
    header = request.headers.get("authorization", "")
    given = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else None
    given = given or request.query_params.get("token") or request.cookies.get(TOKEN_COOKIE) or ""
    return hmac.compare_digest(given.encode(), token.encode())


def require_writer(request: Request) -> None:
    """Writes (the analyst's corrections) always need the token; without one configured the
    app is read-only."""
    settings: AppSettings = request.app.state.settings
    if not settings.token:
        raise HTTPException(403, "read-only: start `claimgraph serve` with --token to allow corrections")
    if not token_ok(request, settings.token):
        raise HTTPException(401, "the token is required for corrections")


@contextmanager
def open_store(request: Request) -> Iterator[Store]:
    """One connection per request (SQLite connections are not shared across threads)."""
    store = Store.open(request.app.state.settings.db_path)
    try:
        yield store
    finally:
        store.close()


def render(request: Request, template: str, **context: object) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


def json_script(value: object) -> str:
    """JSON for a <script type="application/json"> block: '<' escaped so no text can close it."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
