"""The HTML pages: overview, timeline, map, entity graph, entity, claims, contradictions,
reader and search. Rendered on the server; templates autoescape every value.

Internal: the web app's own module.
"""

from __future__ import annotations

import itertools

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from claimgraph.errors import InvalidQuery
from claimgraph.present import views
from claimgraph.present.web import json_script, open_store, render
from claimgraph.query import SearchHit, iter_claims, search

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    with open_store(request) as store:
        return render(request, "overview.html", overview=views.overview(store), page="overview")


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request) -> HTMLResponse:
    with open_store(request) as store:
        return render(request, "timeline.html", items=views.timeline(store), page="timeline")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    with open_store(request) as store:
        points = views.map_points(store)
    return render(request, "map.html", points_json=json_script(points), count=len(points["features"]), page="map")


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request) -> HTMLResponse:
    with open_store(request) as store:
        graph = views.entity_graph(store)
    position = {node.id: node for node in graph.nodes}
    return render(request, "graph.html", graph=graph, position=position, page="graph")


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    with open_store(request) as store:
        entity = views.entity_page(store, entity_id)
    if entity is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return render(request, "entity.html", entity=entity, page="entity")


@router.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request, offset: int = Query(0, ge=0, le=1_000_000), stance: str | None = Query(None, pattern="^(assert|deny)$")) -> HTMLResponse:
    size = 100
    with open_store(request) as store:
        claims = list(itertools.islice(iter_claims(store, stance=stance), offset, offset + size + 1))
    return render(request, "claims.html", claims=claims[:size], offset=offset, size=size, more=len(claims) > size,
                  stance=stance, page="claims")


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions_page(request: Request) -> HTMLResponse:
    with open_store(request) as store:
        return render(request, "contradictions.html", contradictions=views.contradiction_rows(store), page="contradictions")


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def reader_page(request: Request, doc_id: str, claim: str | None = None) -> HTMLResponse:
    with open_store(request) as store:
        found = views.reader(store, doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id}")
    document, segments = found
    return render(request, "reader.html", document=document, segments=segments, selected=claim, page="reader")


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "") -> HTMLResponse:
    hits: list[SearchHit] = []
    error = None
    if q.strip():
        with open_store(request) as store:
            try:
                hits = search(store, q, limit=50)
            except InvalidQuery as exc:  # malformed FTS5 syntax
                error = str(exc)
    return render(request, "search.html", q=q, hits=hits, error=error, page="search")
