"""The list pages (/documents, /entities, /claims, /events, /facts, /contradictions and the
timeline): filters and facets, sorting, keyset pages, and the same view as CSV or JSON
(`format=csv|json` on the same URL: every row of the filtered view, in its order).

A page is declared by its `ListSpec` (claimgraph.query.browse): the filter form, the facets
and the download columns follow from it and from the rows' fields, so a column the
cross-source stage adds to facts or contradictions shows and filters without code here.

Internal: the web app's own module.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, is_dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from claimgraph.errors import InvalidQuery
from claimgraph.present.dates import spoken
from claimgraph.present.web import read, render
from claimgraph.query import Store, document_briefs, entity_briefs
from claimgraph.query.browse import (
    ClaimRow,
    ContradictionRow,
    DocumentRow,
    EntityRow,
    EventRow,
    FactRow,
    claim_rows,
    contradiction_rows,
    document_rows,
    entity_rows,
    event_rows,
    fact_rows,
    list_spec,
)
from claimgraph.query.chronology import (
    TimelineEntry,
    dated_event_types,
    timeline_entries,
    timeline_spec,
)
from claimgraph.query.listing import Facet, ListPage, ListSpec, list_page

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50
DOWNLOAD_CHUNK = 500
DOWNLOAD_SECONDS = 30.0  # per chunk of a download
TITLES = {"documents": "Documents", "entities": "Entities", "claims": "Claims", "events": "Events", "facts": "Facts",
          "contradictions": "Contradictions", "timeline": "Timeline"}
ID_FILTERS = {"entity": "entity", "place": "entity", "document": "document", "fact": "fact"}  # filters whose value is an id

Hydrate = Callable[[Store, Sequence[str]], list[Any]]
HYDRATE: dict[str, Hydrate] = {"documents": document_rows, "entities": entity_rows, "claims": claim_rows, "events": event_rows,
                               "facts": fact_rows, "contradictions": contradiction_rows, "timeline": timeline_entries}


def spec_of(store: Store, kind: str) -> ListSpec:
    return timeline_spec() if kind == "timeline" else list_spec(store, kind)


@dataclass(frozen=True)
class FilterField:
    """One control of a list's filter form."""

    name: str
    label: str
    control: str  # select | date | id
    value: str
    options: list[tuple[str, str]]  # (value, label with its count)
    shown: str  # how an id filter's value reads (an entity's name)


@dataclass(frozen=True)
class ListView:
    kind: str
    title: str
    rows: list[Any]
    page: ListPage
    fields: list[FilterField]
    facets: list[Facet]
    sorts: list[tuple[str, str]]
    urls: dict[str, str | None]  # next, previous, first, csv, json


def _params(request: Request) -> dict[str, str]:
    return {key: value for key, value in request.query_params.items()}


def _url(request: Request, **changes: str | None) -> str:
    """This page's URL with some parameters set (None: removed), relative."""
    params = {k: v for k, v in request.query_params.items() if k not in changes}
    params.update({k: v for k, v in changes.items() if v is not None})
    url = request.url.replace_query_params(**params) if params else request.url.remove_query_params(list(request.query_params.keys()))
    return url.path + (f"?{url.query}" if url.query else "")


def _load(store: Store, kind: str, params: Mapping[str, str]) -> tuple[ListSpec, ListPage, list[Any], dict[str, str], dict[str, list[tuple[str, int]]]]:
    spec = spec_of(store, kind)
    page = list_page(store, spec, params, sort=params.get("sort"), after=params.get("after"), before=params.get("before"), limit=PAGE_SIZE)
    rows = HYDRATE[kind](store, page.ids)
    names = _id_names(store, page.filters)
    extra = {"type": dated_event_types(store)} if kind == "timeline" else {}
    return spec, page, rows, names, extra


def _id_names(store: Store, filters: Mapping[str, str]) -> dict[str, str]:
    """How the id filters' values read: an entity's name, a document's title."""
    names = {}
    for name, value in filters.items():
        if ID_FILTERS.get(name) == "entity":
            brief = entity_briefs(store, [value]).get(value)
            names[name] = brief.name if brief else value
        elif ID_FILTERS.get(name) == "document":
            document = document_briefs(store, [value]).get(value)
            names[name] = (document.title or document.file_name) if document else value
        elif name in ID_FILTERS:
            names[name] = value
    return names


def _fields(spec: ListSpec, page: ListPage, names: Mapping[str, str], extra: Mapping[str, list[tuple[str, int]]]) -> list[FilterField]:
    facets = {facet.name: facet.values for facet in page.facets}
    fields = []
    for spec_filter in spec.filters:
        value = page.filters.get(spec_filter.name, "")
        if spec_filter.name in ID_FILTERS:
            if value:
                fields.append(FilterField(spec_filter.name, spec_filter.label, "id", value, [], names.get(spec_filter.name, value)))
            continue
        if spec_filter.date:
            fields.append(FilterField(spec_filter.name, spec_filter.label, "date", value, [], ""))
            continue
        counted = dict(facets.get(spec_filter.name, extra.get(spec_filter.name, [])))
        values = list(spec_filter.choices or counted)
        if value and value not in values:
            values.append(value)
        if not values:
            continue
        options = [(v, f"{_label(spec_filter.name, v)} ({counted[v]:,})" if v in counted else _label(spec_filter.name, v)) for v in values]
        fields.append(FilterField(spec_filter.name, spec_filter.label, "select", value, options, ""))
    return fields


_VALUE_LABELS = {("kind", "e"): "events", ("kind", "c"): "dated claims", ("precision", "0"): "calendar dates",
                 ("precision", "1"): "dates without a year", ("precision", "2"): "references (past, future)"}


def _label(name: str, value: str) -> str:
    return _VALUE_LABELS.get((name, value), value.replace("_", " ") if name in ("status", "source_kind") else value)


async def list_view(request: Request, kind: str) -> ListView:
    params = _params(request)
    spec, page, rows, names, extra = await read(request, lambda store: _load(store, kind, params))
    urls: dict[str, str | None] = {
        "next": _url(request, after=page.after, before=None) if page.after else None,
        "previous": _url(request, before=page.before, after=None) if page.before else None,
        "first": _url(request, after=None, before=None) if page.before else None,
        "csv": _url(request, after=None, before=None, format="csv"),
        "json": _url(request, after=None, before=None, format="json"),
    }
    return ListView(kind, TITLES[kind], rows, page, _fields(spec, page, names, extra), page.facets,
                    [(s.name, s.label) for s in spec.sorts], urls)


def facet_url(request: Request, name: str, value: str | None) -> str:
    return _url(request, **{name: value, "after": None, "before": None})


async def list_page_response(request: Request, kind: str) -> Response:
    answer = request.query_params.get("format")
    if answer in ("csv", "json"):
        return download(request, kind, answer)
    if answer not in (None, "", "html"):
        raise InvalidQuery("format: one of html, csv, json")
    view = await list_view(request, kind)
    return render(request, "list.html", view=view, page=kind, facet_url=lambda name, value: facet_url(request, name, value),
                  spoken=spoken)


def _list_route(kind: str) -> Callable[[Request], Any]:
    async def route(request: Request) -> Response:
        return await list_page_response(request, kind)
    route.__name__ = f"{kind}_list"
    return route


for _kind in ("documents", "entities", "claims", "events", "facts", "contradictions", "timeline"):
    router.add_api_route(f"/{_kind}", _list_route(_kind), methods=["GET"], response_class=HTMLResponse)


# Downloads ------------------------------------------------------------------------------------


def download(request: Request, kind: str, answer: str) -> StreamingResponse:
    """Every row of the filtered view, in its order, chunk by chunk (each chunk one keyset read)."""
    params = _params(request)

    async def chunks() -> AsyncIterator[list[dict[str, Any]]]:
        after = None
        while True:
            def work(store: Store, after: str | None = after) -> tuple[ListPage, list[Any]]:
                spec = spec_of(store, kind)
                page = list_page(store, spec, params, sort=params.get("sort"), after=after, limit=DOWNLOAD_CHUNK, facets=False, count=False)
                return page, HYDRATE[kind](store, page.ids)
            page, rows = await read(request, work, seconds=DOWNLOAD_SECONDS)
            yield [flat(kind, row) for row in rows]
            if page.after is None:
                return
            after = page.after

    name = f"claimgraph-{kind}"
    if answer == "csv":
        body = _csv_lines(chunks())
        media, filename = "text/csv; charset=utf-8", f"{name}.csv"
    else:
        body = _json_lines(chunks())
        media, filename = "application/json", f"{name}.json"
    return StreamingResponse(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


async def _csv_lines(chunks: AsyncIterator[list[dict[str, Any]]]) -> AsyncIterator[str]:
    columns: list[str] | None = None
    async for rows in chunks:
        out = io.StringIO()
        for row in rows:
            if columns is None:
                columns = list(row)
                csv.writer(out).writerow(columns)
            csv.writer(out).writerow([_cell(row.get(column)) for column in columns])
        if columns is None:
            csv.writer(out).writerow(["id"])
            columns = ["id"]
        yield out.getvalue()


def _cell(value: Any) -> str:
    """A CSV cell: lists joined with ' | ', other structures as JSON; text a spreadsheet would
    read as a formula (=, +, -, @ first) gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = " | ".join(str(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _number(text) else text


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


async def _json_lines(chunks: AsyncIterator[list[dict[str, Any]]]) -> AsyncIterator[str]:
    first = True
    yield "["
    async for rows in chunks:
        for row in rows:
            yield ("\n" if first else ",\n") + json.dumps(row, ensure_ascii=False)
            first = False
    yield "\n]\n"


def flat(kind: str, row: Any) -> dict[str, Any]:
    """One row of a download: the record's own fields, flat."""
    if isinstance(row, DocumentRow):
        return asdict(row)
    if isinstance(row, EntityRow):
        found = {k: v for k, v in asdict(row).items() if k != "place"}
        place = row.place
        found.update({"place": place.name if place else None, "lat": place.lat if place else None, "lon": place.lon if place else None,
                      "country": place.country if place else None, "precision": place.precision if place else None})
        return found
    if isinstance(row, ClaimRow):
        c = row.claim
        return {"id": c.id, "doc": c.doc, "start": c.start, "end": c.end, "text": c.text, "source": c.source_name, "source_kind": c.source_kind,
                "source_entity": c.source_entity, "cue": c.cue, "stance": c.stance, "modality": c.modality, "via": list(c.via),
                "outlet": row.document.outlet if row.document else None, "published": row.document.published if row.document else None,
                "language": row.document.language if row.document else None, "reviewed": row.reviewed}
    if isinstance(row, EventRow):
        return {"id": row.id, "doc": row.doc, "type": row.type, "plover": row.plover, "status": row.status, "date": row.date,
                "date_spoken": spoken(row.date).text if row.date else None, "trigger": row.trigger,
                "actors": [a.name for a in row.actors], "targets": [t.name for t in row.targets], "place": row.place.name if row.place else None,
                "claim": row.claim, "sentence": row.sentence}
    if isinstance(row, FactRow):
        return {"id": row.id, "about": row.about, "status": row.status, "independent_origins": list(row.origins), "claims": row.claims,
                **row.extra}
    if isinstance(row, ContradictionRow):
        return {"id": row.id, "type": row.type, "explanation": row.explanation, "a": row.a, "b": row.b, "fact": row.fact, **row.extra}
    if isinstance(row, TimelineEntry):
        return {"id": row.id, "date": row.date, "date_spoken": spoken(row.date).text, "precision": spoken(row.date).precision,
                "kind": row.kind, "types": list(row.types), "events": list(row.events), "doc": row.doc, "claim": row.claim,
                "sentence": row.sentence}
    return asdict(row) if is_dataclass(row) and not isinstance(row, type) else {"value": str(row)}
