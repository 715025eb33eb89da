"""The HTML pages that are not lists: overview, map, entity graph, entity, reader, search, one
fact, one contradiction, and signing in. Rendered on the server; templates autoescape every
value and isolate untrusted text (<bdi>), and no page has inline script.

Internal: the web app's own module.
"""

from __future__ import annotations

import hmac
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from claimgraph.errors import InvalidQuery
from claimgraph.present import views
from claimgraph.present.dates import spoken
from claimgraph.present.web import (
    SEARCH_SECONDS,
    TOKEN_COOKIE,
    AppSettings,
    json_script,
    read,
    render,
)
from claimgraph.query import MATCH_END, MATCH_START, Store, entity_detail
from claimgraph.query.browse import claim_rows, entity_rows
from claimgraph.query.evidence import contradiction_detail, fact_detail
from claimgraph.query.limits import time_limit
from claimgraph.query.search_text import (
    MAX_QUERY,
    parse_terms,
    search_claims,
    search_documents_page,
    search_entities,
)

router = APIRouter(include_in_schema=False)
SEARCH_PAGE = 20
SECTIONS = ("documents", "entities", "claims")


@router.get("/", response_class=HTMLResponse)
async def overview_page(request: Request) -> HTMLResponse:
    overview = await read(request, views.overview)
    return render(request, "overview.html", overview=overview, page="overview")


@router.get("/map", response_class=HTMLResponse)
async def map_page(request: Request) -> HTMLResponse:
    return render(request, "map.html", page="map")


@router.get("/map/features.json")
async def map_features(request: Request) -> JSONResponse:
    return JSONResponse(await read(request, views.map_features), headers={"Cache-Control": "no-store"})


@router.get("/graph", response_class=HTMLResponse)
async def graph_page(request: Request, entity: str | None = Query(None, max_length=64)) -> HTMLResponse:
    graph = await read(request, lambda store: views.entity_graph(store, focus=entity or None))
    if graph is None:
        raise HTTPException(404, f"no entity {entity}")
    return render(request, "graph.html", graph=graph, graph_json=json_script(graph), page="graph")


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
async def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    def work(store: Store) -> tuple[Any, Any, Any]:
        detail = entity_detail(store, entity_id, limit=50)
        if detail is None:
            return None, None, None
        claims = {row.claim.id: row for row in claim_rows(store, [c.id for c in (*detail.claims_by, *detail.claims_about)])}
        return detail, entity_rows(store, [entity_id])[0], claims

    entity, row, claims = await read(request, work)
    if entity is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return render(request, "entity.html", entity=entity, row=row, claims=claims, page="entity")


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
async def reader_page(request: Request, doc_id: str, claim: str | None = Query(None, max_length=64)) -> HTMLResponse:
    found = await read(request, lambda store: views.reader(store, doc_id))
    if found is None:
        raise HTTPException(404, f"no document {doc_id}")
    return render(request, "reader.html", reader=found, document=found.document, segments=found.segments, selected=claim, page="reader",
                  spoken=spoken)


@router.get("/facts/{fact_id}", response_class=HTMLResponse)
async def fact_page(request: Request, fact_id: str) -> HTMLResponse:
    found = await read(request, lambda store: fact_detail(store, fact_id))
    if found is None:
        raise HTTPException(404, f"no fact {fact_id}")
    return render(request, "fact.html", detail=found, groups=_accounts_by_origin(found), page="fact", spoken=spoken)


def _accounts_by_origin(detail: Any) -> list[tuple[str, list[Any]]]:
    """The fact's claims grouped by the origin they come from: the recorded account's origin
    when the cross-source stage gives one, else the relay or speaker it is told through, else
    the outlet."""
    recorded = {account.get("claim_id") or account.get("claim"): account for account in detail.accounts}
    groups: dict[str, list[Any]] = {}
    for row in detail.claims:
        claim = row.claim
        account = recorded.get(claim.id, {})
        origin = account.get("origin") or (claim.via[0] if claim.via else None) or \
            (claim.source_name if claim.source_kind != "outlet" else None) or \
            (row.document.outlet or row.document.title if row.document else None) or claim.doc
        groups.setdefault(str(origin), []).append(row)
    return list(groups.items())


@router.get("/contradictions/{contradiction_id}", response_class=HTMLResponse)
async def contradiction_page(request: Request, contradiction_id: str) -> HTMLResponse:
    found = await read(request, lambda store: contradiction_detail(store, contradiction_id))
    if found is None:
        raise HTTPException(404, f"no contradiction {contradiction_id}")
    return render(request, "contradiction.html", detail=found, c=found.contradiction, page="contradiction", spoken=spoken)


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, q: str = Query("", max_length=100_000), section: str = Query("documents", alias="in"),
                      after: str | None = Query(None, max_length=2000), before: str | None = Query(None, max_length=2000)) -> HTMLResponse:
    if section not in SECTIONS:
        raise InvalidQuery(f"in: one of {', '.join(SECTIONS)}")
    if not q.strip():
        return render(request, "search.html", q=q, section=section, results=None, error=None, page="search")
    try:
        terms = parse_terms(q)
    except InvalidQuery as exc:  # a query too long is refused (400); one with no word is answered so
        status = 400 if len(q) > MAX_QUERY else 200
        return render(request, "search.html", q=q, section=section, results=None, error=str(exc), page="search", status_code=status)
    results = await read(request, lambda store: _search(store, terms, section, after, before), seconds=SEARCH_SECONDS)
    return render(request, "search.html", q=q, section=section, results=results, error=None, page="search", terms=terms,
                  pieces=_pieces, after_url=lambda cursor: _search_url(q, section, after=cursor),
                  before_url=lambda cursor: _search_url(q, section, before=cursor), section_url=lambda name: _search_url(q, name))


def _search_url(q: str, section: str, *, after: str | None = None, before: str | None = None) -> str:
    from urllib.parse import urlencode

    params = {"q": q, "in": section, **({"after": after} if after else {}), **({"before": before} if before else {})}
    return "/search?" + urlencode(params)


def _search(store: Store, terms: Any, section: str, after: str | None, before: str | None) -> dict[str, Any]:
    """Counts in every section and one page of the one shown."""
    with time_limit(store, SEARCH_SECONDS) as deadline:
        documents, document_page = search_documents_page(store, terms, after=after if section == "documents" else None,
                                                          before=before if section == "documents" else None, limit=SEARCH_PAGE)
        entities, entity_page = search_entities(store, terms, deadline=deadline, after=after if section == "entities" else None,
                                                before=before if section == "entities" else None, limit=SEARCH_PAGE)
        claims, claim_page = search_claims(store, terms, deadline=deadline, after=after if section == "claims" else None,
                                           before=before if section == "claims" else None, limit=SEARCH_PAGE)
        shown: dict[str, Any] = {"documents": (documents, document_page), "entities": (entity_rows(store, entity_page.ids), entity_page),
                                 "claims": (list(zip(claim_rows(store, claim_page.ids), claims, strict=False)), claim_page)}
    return {"counts": {"documents": document_page.total, "entities": entity_page.total, "claims": claim_page.total},
            "rows": shown[section][0], "page": shown[section][1],
            "matched": {match.id: match.matched for match in entities}}


def _pieces(text: str, spans: tuple[tuple[int, int], ...] | None = None, snippet: bool = False) -> list[tuple[str, bool]]:
    """Text cut into (piece, marked) for <mark>: a snippet by its match markers, a claim by
    the phrases' spans."""
    if snippet:
        pieces: list[tuple[str, bool]] = []
        marked, current = False, list[str]()
        for character in text:
            if character in (MATCH_START, MATCH_END):
                if current:
                    pieces.append(("".join(current), marked))
                current, marked = [], character == MATCH_START
            else:
                current.append(character)
        if current:
            pieces.append(("".join(current), marked))
        return pieces
    found: list[tuple[str, bool]] = []
    position = 0
    for start, end in spans or ():
        if start < position:
            continue
        found += [(text[position:start], False), (text[start:end], True)]
        position = end
    return [*found, (text[position:], False)]


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str = Query("/", max_length=2000)) -> HTMLResponse:
    return render(request, "login.html", next=_local(next), error=None, page="login")


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    form = parse_qs((await request.body())[:10_000].decode("utf-8", "replace"))
    given = (form.get("token") or [""])[0]
    target = _local((form.get("next") or ["/"])[0])
    settings: AppSettings = request.app.state.settings
    if not settings.token or not given.strip() or not hmac.compare_digest(given.encode(), settings.token.encode()):
        return render(request, "login.html", next=target, error="That is not the token.", page="login", status_code=401)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(TOKEN_COOKIE, settings.token, httponly=True, samesite="strict", path="/")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(TOKEN_COOKIE, path="/")
    return response


def _local(target: str) -> str:
    """A path of this app to go to after signing in (never another site)."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"
