"""The JSON API: the export contract's records, filtered and paginated like the pages, and
the analyst's corrections (handed to the library, `claimgraph.query.corrections`).

Every list takes the filters of its page (`/api/claims?stance=deny&outlet=...`, the same
names as `/claims`), `sort`, and pages either by cursor (`cursor` = the `next_cursor` of the
page before: constant time at any depth) or by `offset`.

Internal: the web app's own module (the API it serves is public).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
from claimgraph.present.web import SEARCH_SECONDS, read, require_writer
from claimgraph.query import (
    Store,
    claim_exists,
    claims_by_id,
    entity_exists,
    entity_forms,
    entity_merges,
)
from claimgraph.query import corrections as _corrections
from claimgraph.query.browse import list_spec
from claimgraph.query.by_id import (
    contradictions_by_id,
    documents_by_id,
    entities_by_id,
    events_by_id,
    facts_by_id,
)
from claimgraph.query.limits import time_limit
from claimgraph.query.listing import list_page
from claimgraph.query.search_text import parse_terms, search_documents_page

router = APIRouter(prefix="/api", tags=["records"])
MAX_PAGE = 500
MAX_OFFSET = 1_000_000
API_ORDER = {"documents": "source", "entities": "id", "claims": "document", "events": "document", "facts": "id", "contradictions": "type"}


class Page(BaseModel):
    """One page of records: `items` in contract shape, how many match (`total`), and where the
    next page starts (`next_cursor`, or `next_offset`)."""

    items: list[dict[str, Any]]
    offset: int
    limit: int
    next_offset: int | None
    next_cursor: str | None
    total: int


def _entity_records(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    return [entity_record(entity, entity_merges(store, entity.id)) for entity in entities_by_id(store, ids)]


RECORDS: dict[str, Callable[[Store, Sequence[str]], list[dict[str, Any]]]] = {
    "documents": lambda store, ids: [document_record(d) for d in documents_by_id(store, ids)],
    "entities": _entity_records,
    "claims": lambda store, ids: [claim_record(c) for c in claims_by_id(store, ids)],
    "events": lambda store, ids: [event_record(e) for e in events_by_id(store, ids)],
    "facts": lambda store, ids: [fact_record(f) for f in facts_by_id(store, ids)],
    "contradictions": lambda store, ids: [contradiction_record(c) for c in contradictions_by_id(store, ids)],
}

_offset = Query(0, ge=0, le=MAX_OFFSET, description="First record of the page (cursor paging is faster deep in a list).")
_limit = Query(50, ge=1, le=MAX_PAGE, description="Records per page.")
_cursor = Query(None, max_length=2000, description="Where the page starts: the `next_cursor` of the page before.")
_sort = Query(None, max_length=40, description="The order, as on the page (default: the export's order).")


async def _page(request: Request, kind: str, offset: int, limit: int, cursor: str | None, sort: str | None) -> Page:
    reserved = {"offset", "limit", "cursor", "sort", "format"}
    filters = {k: v for k, v in request.query_params.items() if k not in reserved}

    def work(store: Store) -> Page:
        spec = list_spec(store, kind)
        unknown = sorted(set(filters) - {f.name for f in spec.filters})
        if unknown:
            raise InvalidQuery(f"unknown filter {', '.join(unknown)}; {kind} takes {', '.join(f.name for f in spec.filters)}")
        page = list_page(store, spec, filters, sort=sort or API_ORDER[kind], after=cursor, offset=offset, limit=limit, facets=False)
        more = page.after is not None
        return Page(items=RECORDS[kind](store, page.ids), offset=offset, limit=limit,
                    next_offset=offset + limit if more and cursor is None else None, next_cursor=page.after, total=page.total)

    return await read(request, work)


def _list_route(kind: str) -> Callable[..., Any]:
    async def route(request: Request, offset: int = _offset, limit: int = _limit, cursor: str | None = _cursor,
                    sort: str | None = _sort) -> Page:
        return await _page(request, kind, offset, limit, cursor, sort)
    route.__name__ = kind
    route.__doc__ = f"The {kind}, filtered by the query's other parameters (those of the /{kind} page)."
    return route


for _kind in RECORDS:
    router.add_api_route(f"/{_kind}", _list_route(_kind), methods=["GET"], response_model=Page)


@router.get("/search")
async def search(request: Request, q: str = Query(..., min_length=1, max_length=2000, description="words and \"phrases\""),
                 limit: int = Query(20, ge=1, le=100)) -> dict[str, Any]:
    """Documents holding every word and phrase (typed text, never search syntax), best first."""
    terms = parse_terms(q)

    def work(store: Store) -> dict[str, Any]:
        with time_limit(store, SEARCH_SECONDS):
            hits, page = search_documents_page(store, terms, limit=limit)
        return {"query": q, "total": page.total, "items": [{"doc": hit.id, "title": hit.title, "snippet": _bracketed(hit.snippet)}
                                                            for hit in hits]}

    return await read(request, work, seconds=SEARCH_SECONDS)


def _bracketed(snippet: str) -> str:
    from claimgraph.query import bracketed

    return bracketed(snippet)


class MergeRequest(BaseModel):
    first: str  # entity ids
    second: str


class SplitRequest(BaseModel):
    entity: str
    alias: str


@router.post("/entities/merge", tags=["corrections"], dependencies=[Depends(require_writer)])
async def merge_entities(request: Request, body: MergeRequest) -> dict[str, Any]:
    """Merge two entities for good (kept across rebuilds). Undo: split the second's names out."""
    def work(store: Store) -> dict[str, Any]:
        for entity_id in (body.first, body.second):
            if not entity_exists(store, entity_id):
                raise HTTPException(404, f"no entity {entity_id}")
        if body.first == body.second:
            raise HTTPException(400, "these are one entity already")
        names = [form.text for form in entity_forms(store, body.second)]
        try:
            merged = _corrections.merge_entities(store, body.first, body.second, note="web app",
                                                 gazetteer_path=request.app.state.settings.gazetteer_path)
        except CorrectionRefused as exc:
            raise HTTPException(400, str(exc)) from None
        return {"merged": [body.first, body.second], "entity": merged, "names": names}
    return await read(request, work, seconds=600)


@router.post("/entities/split", tags=["corrections"], dependencies=[Depends(require_writer)])
async def split_entity(request: Request, body: SplitRequest) -> dict[str, Any]:
    """Take a spelling out of an entity for good. Undo: merge the two again."""
    refused = HTTPException(400, f"{body.alias!r} is not a spelling that can be taken out of {body.entity}")

    def work(store: Store) -> dict[str, Any]:
        forms = entity_forms(store, body.entity)
        if not any(form.text.casefold() == body.alias.casefold() for form in forms):
            raise refused
        try:
            entities = _corrections.split_entity(store, body.entity, [body.alias], note="web app",
                                                 gazetteer_path=request.app.state.settings.gazetteer_path)
        except CorrectionRefused:
            raise refused from None
        return {"split": body.alias, "from": body.entity, "entities": entities}
    return await read(request, work, seconds=600)


@router.post("/claims/{claim_id}/review", tags=["corrections"], dependencies=[Depends(require_writer)])
async def review_claim(request: Request, claim_id: str) -> dict[str, Any]:
    """Mark a claim as reviewed by an analyst."""
    def work(store: Store) -> dict[str, Any]:
        if not claim_exists(store, claim_id):
            raise HTTPException(404, f"no claim {claim_id}")
        try:
            _corrections.review_claim(store, claim_id)
        except CorrectionRefused as exc:
            raise HTTPException(404, str(exc)) from None
        return {"reviewed": claim_id}
    return await read(request, work)


@router.delete("/claims/{claim_id}/review", tags=["corrections"], dependencies=[Depends(require_writer)])
async def unreview_claim(request: Request, claim_id: str) -> dict[str, Any]:
    """Take back the review of a claim (undo)."""
    def work(store: Store) -> dict[str, Any]:
        if not claim_exists(store, claim_id):
            raise HTTPException(404, f"no claim {claim_id}")
        _corrections.unreview_claim(store, claim_id)
        return {"unreviewed": claim_id}
    return await read(request, work)
