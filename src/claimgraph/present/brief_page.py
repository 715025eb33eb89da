"""The brief page: the situation report of the current filter (entity, place, date), shown in
the app and downloadable as Markdown, HTML or PDF (`claimgraph.brief`).

Internal: the web app's own module; `create_app` includes its router.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from claimgraph.brief import (
    Brief,
    BriefScope,
    RenderUnavailable,
    build_brief,
    render_html,
    render_markdown,
    render_pdf,
)
from claimgraph.errors import InvalidQuery
from claimgraph.present.web import read, render
from claimgraph.query import Store

router = APIRouter(include_in_schema=False)
_DATE = r"^\d{4}(-\d{2}){0,2}$"


async def _brief(request: Request, entity: str | None, place: str | None, since: str | None) -> Brief:
    scope = BriefScope(entity=entity or None, place=place or None, since=since or None)

    def work(store: Store) -> Brief:
        return build_brief(store, scope)

    try:
        return await read(request, work)
    except InvalidQuery as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/brief", response_class=HTMLResponse)
async def brief_page(request: Request, entity: str | None = Query(None, max_length=200), place: str | None = Query(None, max_length=200),
               since: str | None = Query(None, pattern=_DATE)) -> HTMLResponse:
    brief = await _brief(request, entity, place, since)
    filters = {k: v for k, v in {"entity": entity, "place": place, "since": since}.items() if v}
    return render(request, "brief.html", body=Markup(render_html(brief, standalone=False)), filters=filters,
                  query=urlencode(filters), page="brief")


@router.get("/brief.{suffix}")
async def brief_download(request: Request, suffix: str, entity: str | None = Query(None, max_length=200),
                   place: str | None = Query(None, max_length=200), since: str | None = Query(None, pattern=_DATE)) -> Response:
    if suffix not in ("md", "html", "pdf"):
        raise HTTPException(404, "a brief is served as .md, .html or .pdf")
    brief = await _brief(request, entity, place, since)
    if suffix == "md":
        return Response(render_markdown(brief), media_type="text/markdown; charset=utf-8")
    if suffix == "html":
        return HTMLResponse(render_html(brief))
    try:
        return Response(render_pdf(brief), media_type="application/pdf", headers={"Content-Disposition": 'inline; filename="brief.pdf"'})
    except RenderUnavailable as exc:
        raise HTTPException(501, str(exc)) from None
