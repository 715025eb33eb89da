"""What every request passes before a route sees it, and every response gets:

- the `Host` header must name this app (DNS rebinding: a page on another name that resolves
  to 127.0.0.1 gets 421);
- beyond this machine, every request shows the token;
- a state-changing request (POST, PUT, PATCH, DELETE) must come from this app's own origin
  (`Origin`, `Sec-Fetch-Site`) and, when the token comes from the cookie, carry the page's
  CSRF token in `X-CSRF-Token` (a form on another local port can send the cookie, never
  that header);
- a `?token=` in a page's URL is exchanged for the cookie and the URL without it
  (303), so the token does not stay in the address bar, the history or a Referer;
- security headers on every response: a strict Content-Security-Policy (scripts, styles,
  images and connections from this app only; no inline script or style; no framing),
  X-Content-Type-Options, Referrer-Policy, X-Frame-Options, Cross-Origin-Opener-Policy and
  -Resource-Policy, Permissions-Policy.

Internal: the web app's own module.
"""

from __future__ import annotations

import hmac
import logging
from urllib.parse import urlencode

from starlette.datastructures import URL, Headers
from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimgraph.present.web import (
    CSRF_HEADER,
    TOKEN_COOKIE,
    AppSettings,
    csrf_token,
    token_ok,
)

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
SERVER_ERROR = ("<!doctype html><html lang=en><meta charset=utf-8><title>error · claimgraph</title>"
                "<link rel=stylesheet href=/static/app/app.css><main><h1>Something went wrong</h1>"
                "<p>The server could not complete this request. <a href=/>Back to the overview</a>.</p></main></html>")
_log = logging.getLogger("claimgraph.web")
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class SecurityMiddleware:
    """The checks and headers above, as plain ASGI (so streaming responses and client
    disconnects pass through untouched)."""

    def __init__(self, app: ASGIApp, settings: AppSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        refusal = self.refusal(Request(scope))
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            _log.exception("%s %s failed", scope.get("method"), scope.get("path"))
            if started:
                raise
            await HTMLResponse(SERVER_ERROR, status_code=500)(scope, receive, send_with_headers)

    def refusal(self, request: Request) -> Response | None:
        """The answer to a request that may not reach the app, or None."""
        settings = self.settings
        if not settings.host_allowed(request.headers.get("host", "")):
            return PlainTextResponse("421 Misdirected Request: this server does not answer for that host name.", status_code=421)
        if request.url.path == "/login":
            return None if request.method != "POST" or _same_origin(request) else _forbidden(request, "a login from another site")
        if settings.token_required and not token_ok(request, settings.token) and not request.url.path.startswith("/static/"):
            return _unauthorised(request)
        if request.method in UNSAFE:
            if not _same_origin(request):
                return _forbidden(request, "a change requested from another site")
            if "authorization" not in request.headers and request.cookies.get(TOKEN_COOKIE):
                expected = csrf_token(settings)
                if not expected or not hmac.compare_digest(request.headers.get(CSRF_HEADER, "").encode(), expected.encode()):
                    return _forbidden(request, "a change without this app's CSRF token")
        if request.method == "GET" and "token" in request.query_params and settings.token:
            given = request.query_params.get("token", "")
            if not given.strip() or not hmac.compare_digest(given.encode(), settings.token.encode()):
                return _unauthorised(request)
            return _exchange_token(request, settings.token)
        return None


def _same_origin(request: Request) -> bool:
    """No sign of another origin: `Origin` (when sent) is this app's, and `Sec-Fetch-Site`
    (when sent) is same-origin or none (typed by the user)."""
    headers = Headers(scope=request.scope)
    origin = headers.get("origin")
    site = headers.get("sec-fetch-site")
    if origin == "null":  # an opaque origin (a sandboxed frame, a privacy setting): only the browser's own word will do
        return site == "same-origin"
    if origin is not None and origin != f"{request.url.scheme}://{headers.get('host', '')}":
        return False
    return (site or "same-origin") in ("same-origin", "none")


def _exchange_token(request: Request, token: str) -> Response:
    """The cookie for a valid ?token=, and the same URL without it."""
    query = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
    target = URL(path=request.url.path, query=query)
    response = RedirectResponse(str(target), status_code=303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


def _unauthorised(request: Request) -> Response:
    message = "a token is required: sign in at /login, or send the Authorization: Bearer header"
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"detail": message}, status_code=401)
    return PlainTextResponse(message, status_code=401)


def _forbidden(request: Request, what: str) -> Response:
    message = f"refused: {what}"
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=403)
    return PlainTextResponse(message, status_code=403)
