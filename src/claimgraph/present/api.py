"""The JSON API: the export contract's records, paginated, and the analyst's corrections."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel

from claimgraph.export.jsonl import (
    claim_record,
    contradiction_record,
    document_record,
    entity_record,
    event_record,
    fact_record,
)
from claimgraph.errors import CorrectionRefused, UnknownRecord
from claimgraph.gazetteer import Gazetteer, open_gazetteer
from claimgraph.present.web import open_store, require_writer
from claimgraph.resolve import corrections
from claimgraph.store import (
    Store,
    iter_claims,
    iter_documents,
    iter_entities,
    iter_events,
    search_documents,
)
from claimgraph.store.entities import all_entity_merges
from claimgraph.store.facts import iter_contradictions, iter_facts
from claimgraph.store.read import bracketed

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
def events(request: Request, offset: int = _offset, limit: int = _limit, type: str | None = None) -> Page:  # noqa: A002
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
        except Exception as exc:  # sqlite3.OperationalError for malformed FTS5 syntax
            raise HTTPException(400, f"invalid search query: {exc}") from exc
    return {"query": q, "items": [{"doc": doc, "title": title, "snippet": bracketed(snippet)} for doc, title, snippet in hits]}


class MergeRequest(BaseModel):
    first: str  # entity ids
    second: str


class SplitRequest(BaseModel):
    entity: str
    alias: str


@router.post("/entities/merge", tags=["corrections"], dependencies=[Depends(require_writer)])
def merge_entities(request: Request, body: MergeRequest) -> dict[str, Any]:
    """Merge two entities for good (kept across rebuilds), applied at once."""
    with open_store(request) as store, _refusals(), _gazetteer(request) as gazetteer:
        corrections.merge_entities(store, body.first, body.second, note="web app", gazetteer=gazetteer)
    return {"merged": [body.first, body.second]}


@router.post("/entities/split", tags=["corrections"], dependencies=[Depends(require_writer)])
def split_entity(request: Request, body: SplitRequest) -> dict[str, Any]:
    """Take a spelling out of an entity for good, applied at once."""
    with open_store(request) as store, _refusals(), _gazetteer(request) as gazetteer:
        corrections.split_entity(store, body.entity, [body.alias], note="web app", gazetteer=gazetteer)
    return {"split": body.alias, "from": body.entity}


@router.post("/claims/{claim_id}/review", tags=["corrections"], dependencies=[Depends(require_writer)])
def review_claim(request: Request, claim_id: str) -> dict[str, Any]:
    """Mark a claim as reviewed by an analyst."""
    with open_store(request) as store, _refusals():
        corrections.review_claim(store, claim_id)
    return {"reviewed": claim_id}


@contextmanager
def _refusals() -> Iterator[None]:
    """A refused correction as an HTTP error: 404 for what the store lacks, else 400."""
    try:
        yield
    except UnknownRecord as exc:
        raise HTTPException(404, str(exc)) from exc
    except CorrectionRefused as exc:
        raise HTTPException(400, str(exc)) from exc


@contextmanager
def _gazetteer(request: Request) -> Iterator[Gazetteer]:
    gazetteer = open_gazetteer(request.app.state.settings.gazetteer_path)
    try:
        yield gazetteer
    finally:
        gazetteer.close()
