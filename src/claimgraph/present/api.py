"""The JSON API: the export contract's records, paginated, and the analyst's corrections
(handed to the library, `claimgraph.query.corrections`).

Internal: the web app's own module (the API it serves is public).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel

from claimgraph.errors import CorrectionRefused, InvalidQuery
from claimgraph.export.contract import (
    claim_record,
    contradiction_record,
    document_record,
    entity_record,
    event_record,
    fact_record,
)
from claimgraph.present.web import open_store, require_writer
from claimgraph.query import (
    Store,
    all_entity_merges,
    claim_exists,
    entity_exists,
    entity_forms,
    iter_claims,
    iter_contradictions,
    iter_documents,
    iter_entities,
    iter_events,
    iter_facts,
)
from claimgraph.query import corrections as _corrections
from claimgraph.query import search as search_documents

router = APIRouter(prefix="/api", tags=["records"])
MAX_PAGE = 500


class Page(BaseModel):
    """One page of records: `items` in contract shape, and where the next page starts."""

    items: list[dict[str, Any]]
    offset: int
    limit: int
    next_offset: int | None


def _page(request: Request, records: Callable[[Store], Iterator[dict[str, Any]]], offset: int, limit: int) -> Page:
    with open_store(request) as store:
        items = list(itertools.islice(records(store), offset, offset + limit + 1))
    more = len(items) > limit
    return Page(items=items[:limit], offset=offset, limit=limit, next_offset=offset + limit if more else None)


MAX_OFFSET = 1_000_000
_offset = Query(0, ge=0, le=MAX_OFFSET, description="First record of the page.")
_limit = Query(50, ge=1, le=MAX_PAGE, description="Records per page.")


@router.get("/documents", response_model=Page)
def documents(request: Request, offset: int = _offset, limit: int = _limit) -> Page:
    return _page(request, lambda store: (document_record(d) for d in iter_documents(store)), offset, limit)


@router.get("/entities", response_model=Page)
def entities(request: Request, offset: int = _offset, limit: int = _limit) -> Page:
    def records(store: Store) -> Iterator[dict[str, Any]]:
        merges = all_entity_merges(store)
        return (entity_record(e, merges.get(e.id)) for e in iter_entities(store))
    return _page(request, records, offset, limit)


@router.get("/claims", response_model=Page)
def claims(request: Request, offset: int = _offset, limit: int = _limit,
           stance: str | None = Query(None, pattern="^(assert|deny)$")) -> Page:
    return _page(request, lambda store: (claim_record(c) for c in iter_claims(store, stance=stance)), offset, limit)


@router.get("/events", response_model=Page)
def events(request: Request, offset: int = _offset, limit: int = _limit, type: str | None = None) -> Page:
    return _page(request, lambda store: (event_record(e) for e in iter_events(store, types=[type.upper()] if type else None)), offset, limit)


@router.get("/facts", response_model=Page)
def facts(request: Request, offset: int = _offset, limit: int = _limit,
          status: str | None = Query(None, pattern="^(corroborated|single_source|contested)$")) -> Page:
    return _page(request, lambda store: (fact_record(f) for f in iter_facts(store, status=status)), offset, limit)


@router.get("/contradictions", response_model=Page)
def contradictions(request: Request, offset: int = _offset, limit: int = _limit) -> Page:
    return _page(request, lambda store: (contradiction_record(c) for c in iter_contradictions(store)), offset, limit)


@router.get("/search")
def search(request: Request, q: str = Query(..., min_length=1, description="SQLite FTS5 query"),
           limit: int = Query(20, ge=1, le=100)) -> dict[str, Any]:
    with open_store(request) as store:
        try:
            hits = search_documents(store, q, limit=limit)
        except InvalidQuery as exc:
            raise HTTPException(400, f"invalid search query: {exc}") from exc
    return {"query": q, "items": [{"doc": hit.doc, "title": hit.title, "snippet": hit.plain_snippet} for hit in hits]}


class MergeRequest(BaseModel):
    first: str  # entity ids
    second: str


class SplitRequest(BaseModel):
    entity: str
    alias: str


@router.post("/entities/merge", tags=["corrections"], dependencies=[Depends(require_writer)])
def merge_entities(request: Request, body: MergeRequest) -> dict[str, Any]:
    """Merge two entities for good (kept across rebuilds)."""
    with open_store(request) as store:
        for entity_id in (body.first, body.second):
            if not entity_exists(store, entity_id):
                raise HTTPException(404, f"no entity {entity_id}")
        if body.first == body.second:
            raise HTTPException(400, "these are one entity already")
        try:
            _corrections.merge_entities(store, body.first, body.second, note="web app", gazetteer_path=request.app.state.settings.gazetteer_path)
        except CorrectionRefused as exc:
            raise HTTPException(400, str(exc)) from None
    return {"merged": [body.first, body.second]}


@router.post("/entities/split", tags=["corrections"], dependencies=[Depends(require_writer)])
def split_entity(request: Request, body: SplitRequest) -> dict[str, Any]:
    """Take a spelling out of an entity for good."""
    refused = HTTPException(400, f"{body.alias!r} is not a spelling that can be taken out of {body.entity}")
    with open_store(request) as store:
        forms = entity_forms(store, body.entity)
        if not any(form.text.casefold() == body.alias.casefold() for form in forms):
            raise refused
        try:
            _corrections.split_entity(store, body.entity, [body.alias], note="web app", gazetteer_path=request.app.state.settings.gazetteer_path)
        except CorrectionRefused:
            raise refused from None
    return {"split": body.alias, "from": body.entity}


@router.post("/claims/{claim_id}/review", tags=["corrections"], dependencies=[Depends(require_writer)])
def review_claim(request: Request, claim_id: str) -> dict[str, Any]:
    """Mark a claim as reviewed by an analyst."""
    with open_store(request) as store:
        if not claim_exists(store, claim_id):
            raise HTTPException(404, f"no claim {claim_id}")
        try:
            _corrections.review_claim(store, claim_id)
        except CorrectionRefused as exc:
            raise HTTPException(404, str(exc)) from None
    return {"reviewed": claim_id}
