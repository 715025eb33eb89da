"""What the app's routes share: settings, the token, reads in a worker thread with a time
limit and cancellation, rendering.

Internal: the web app's own module.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from claimgraph.errors import ClaimgraphError
from claimgraph.query import Store
from claimgraph.query.limits import interrupt, time_limit

TOKEN_COOKIE = "claimgraph_token"
CSRF_HEADER = "x-csrf-token"
PAGE_SECONDS = 10.0  # the longest a page's reads may take
SEARCH_SECONDS = 3.0  # the longest one search may take
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD = frozenset({"0.0.0.0", "::", ""})

T = TypeVar("T")


@dataclass(frozen=True)
class AppSettings:
    db_path: Path | str  # an SQLite file, or a PostgreSQL URL
    token: str | None = None  # needed for writes; for everything when `token_required`
    token_required: bool = False  # bound beyond this machine: every request shows the token
    gazetteer_path: Path | None = None  # to geocode again after an analyst's merge or split
    host: str = "127.0.0.1"  # the address the app listens on
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)  # more names the Host header may give

    def host_allowed(self, host: str) -> bool:
        """Whether a request's Host header (name and port) names this app: a loopback name,
        the address it listens on, or a name allowed on the command line. Listening on every
        address with no names given, any name is taken (every request needs the token)."""
        name = _host_name(host)
        if name in LOOPBACK or name in self.allowed_hosts or (self.host not in WILDCARD and name == self.host.strip("[]").lower()):
            return True
        return self.host in WILDCARD and not self.allowed_hosts and self.token_required


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class TokenRefused(ValueError):
    """The token given to the app is not usable (empty, blank or with spaces around it)."""


def check_token(token: str | None) -> None:
    if token is not None and (not token.strip() or token != token.strip()):
        raise TokenRefused("the token must not be empty, blank, or begin or end with spaces")


def given_token(request: Request) -> str:
    """The token a request shows: the Authorization: Bearer header, else the cookie, else ?token=."""
    header = request.headers.get("authorization", "")
    if header.startswith("Bearer "):
        return header.removeprefix("Bearer ").strip()
    return request.cookies.get(TOKEN_COOKIE) or request.query_params.get("token") or ""


def token_ok(request: Request, token: str | None) -> bool:
    given = given_token(request)
    if not token or not given.strip():
        return False
    return hmac.compare_digest(given.encode(), token.encode())


def csrf_token(settings: AppSettings) -> str:
    """What a page's script sends in the X-CSRF-Token header with a correction (a page of
    another origin cannot read it)."""
    return hmac.new((settings.token or "").encode(), b"claimgraph csrf", hashlib.sha256).hexdigest() if settings.token else ""


def can_write(request: Request) -> bool:
    settings: AppSettings = request.app.state.settings
    return bool(settings.token) and token_ok(request, settings.token)


def require_writer(request: Request) -> None:
    """Writes (the analyst's corrections) always need the token; without one configured the
    app is read-only. (The security middleware has already checked the origin and the CSRF
    header of every state-changing request.)"""
    settings: AppSettings = request.app.state.settings
    if not settings.token:
        raise HTTPException(403, "read-only: start `claimgraph serve` with --token to allow corrections")
    if not token_ok(request, settings.token):
        raise HTTPException(401, "the token is required for corrections")


class ClientGone(ClaimgraphError):
    """The client closed the connection; its query was stopped."""


async def read(request: Request, work: Callable[[Store], T], *, seconds: float = PAGE_SECONDS) -> T:
    """`work` on a store of its own in a worker thread, stopped after `seconds`
    (`QueryCancelled`) or as soon as the client disconnects (`ClientGone`)."""
    opened: list[Store] = []

    def run() -> T:
        store = Store.open(request.app.state.settings.db_path, create=False)
        opened.append(store)
        try:
            with time_limit(store, seconds):
                return work(store)
        finally:
            store.close()

    future = asyncio.get_running_loop().run_in_executor(None, run)
    while True:
        done, _ = await asyncio.wait({future}, timeout=0.1)
        if done:
            return future.result()
        if await request.is_disconnected():
            if opened:
                try:
                    interrupt(opened[0])
                except (ClaimgraphError, ValueError, RuntimeError):
                    pass
            raise ClientGone("the client went away")


def render(request: Request, template: str, *, status_code: int = 200, **context: object) -> HTMLResponse:
    settings: AppSettings = request.app.state.settings
    writer = can_write(request)
    context.setdefault("page", template.removesuffix(".html"))
    return request.app.state.templates.TemplateResponse(
        request, template, {"writer": writer, "csrf": csrf_token(settings) if writer else "", "token_set": bool(settings.token), **context},
        status_code=status_code)


def json_script(value: object) -> str:
    """JSON for a <script type="application/json"> block: '<' escaped so no text can close it."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
