"""What the web pages show: the query layer's records shaped for the templates (ordering,
labels, layout, GeoJSON). Each page reads through one bounded query of `claimgraph.query`;
nothing here reads the whole corpus, and nothing here holds SQL.

Internal: the web app's own module.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any

from claimgraph.query import (
    DocumentBrief,
    EntityCount,
    EntityDetail,
    Store,
    StoredClaim,
    claims_by_id,
    contradictions,
    dated_claims,
    dated_events,
    document_briefs,
    document_markup,
    entity_detail,
    entity_links,
    located_events,
    placed_entities,
    record_counts,
    top_entities,
)

TOP_ENTITIES = 15
GRAPH_NODES = 40
TIMELINE_ITEMS = 400
MAP_POINTS = 2000


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]
    top_entities: list[EntityCount]
    contradictions: list[ContradictionRow]


def overview(store: Store) -> Overview:
    return Overview(record_counts(store), top_entities(store, limit=TOP_ENTITIES), contradiction_rows(store, limit=5))


@dataclass(frozen=True)
class DocumentLabel:
    """How a contradiction's side names its document."""

    id: str
    title: str  # its title, else its source
    outlet: str | None
    published: str | None


@dataclass(frozen=True)
class ContradictionSide:
    claim: StoredClaim
    document: DocumentLabel


@dataclass(frozen=True)
class ContradictionRow:
    id: str
    type: str
    explanation: str
    sides: list[ContradictionSide]


def contradiction_rows(store: Store, *, limit: int = 200, offset: int = 0) -> list[ContradictionRow]:
    """Contradictions with both claims (sentence, source, document) for side-by-side display,
    in the API's order (by kind, then id), so that the page and /api/contradictions agree."""
    found = []
    for contradiction in contradictions(store, limit=limit, offset=offset):
        claims = {c.id: c for c in claims_by_id(store, [contradiction.a, contradiction.b])}
        documents = document_briefs(store, [c.doc for c in claims.values()])
        sides = [ContradictionSide(claims[claim_id], _document_label(claims[claim_id].doc, documents.get(claims[claim_id].doc)))
                 for claim_id in (contradiction.a, contradiction.b) if claim_id in claims]
        found.append(ContradictionRow(contradiction.id, contradiction.type, contradiction.explanation, sides))
    return found


def _document_label(doc_id: str, document: DocumentBrief | None) -> DocumentLabel:
    if document is None:
        return DocumentLabel(doc_id, doc_id, None, None)
    return DocumentLabel(document.id, document.title or document.source, document.outlet, document.published)


@dataclass(frozen=True)
class TimelineItem:
    date: str  # TIMEX3 as written in the data ("XXXX-08-30" stays so)
    sort_key: str
    kind: str  # event | claim
    label: str
    text: str
    doc: str
    claim: str | None


def timeline(store: Store, *, limit: int = TIMELINE_ITEMS) -> list[TimelineItem]:
    """Dated events and dated claims, in date order. A date without a year is shown as it is
    and sorted after the dated ones of its month-day, never given a year."""
    items = [TimelineItem(event.date, sort_key(event.date), "event",
                          f"{event.type} / {event.plover}" + ("" if event.status == "happened" else f" ({event.status})"),
                          event.sentence or "", event.doc, event.claim)
             for event in dated_events(store, limit=limit)]
    told = {item.claim for item in items}  # a claim whose event is on the timeline is not listed twice
    items += [TimelineItem(claim.date, sort_key(claim.date), "claim", "dated claim", claim.text, claim.doc, claim.id)
              for claim in dated_claims(store, limit=limit) if claim.id not in told]
    return sorted(items, key=lambda item: (item.sort_key, item.kind))[:limit]


def sort_key(value: str) -> str:
    """Calendar values first by year; a yearless 'XXXX-08-30' after all dated ones (shown as
    such); references such as PAST_REF last."""
    if value[:4].isdigit():
        return "0" + value
    if value.startswith("XXXX"):
        return "1" + value
    return "2" + value


def map_points(store: Store) -> dict[str, Any]:
    """GeoJSON of geocoded places (the most mentioned, with their counts) and located events
    (the latest dated first), each bounded."""
    features: list[dict[str, Any]] = []
    for entity in placed_entities(store, limit=MAP_POINTS):
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [entity.place.lon, entity.place.lat]},
                         "properties": {"kind": "place", "entity": entity.id, "name": entity.name, "mentions": entity.mentions,
                                        "precision": entity.place.precision, "place_kind": entity.place.kind}})
    for event in located_events(store, limit=MAP_POINTS):
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [event.lon, event.lat]},
                         "properties": {"kind": "event", "event": event.event, "type": event.type, "plover": event.plover,
                                        "date": event.date, "name": event.name, "entity": event.entity}})
    return {"type": "FeatureCollection", "features": features}


@dataclass(frozen=True)
class GraphNode:
    id: str
    name: str
    type: str
    mentions: int
    x: float
    y: float


@dataclass(frozen=True)
class GraphEdge:
    source: str
    target: str
    kind: str  # co-occurrence | event
    weight: int


@dataclass(frozen=True)
class Graph:
    nodes: list[GraphNode]
    edges: list[GraphEdge]


def entity_graph(store: Store, *, size: int = GRAPH_NODES) -> Graph:
    """The most mentioned entities, linked when named in one sentence (co-occurrence) or as
    actor and target of one event; laid out on a circle by type (no client library needed)."""
    top = top_entities(store, limit=size)
    edges: dict[tuple[str, str, str], int] = {}
    for link in entity_links(store, [entity.id for entity in top]):
        edges[(link.source, link.target, link.kind)] = link.weight
    ordered = sorted(top, key=lambda entity: (entity.type, -entity.mentions))
    nodes = []
    for index, entity in enumerate(ordered):
        angle = 2 * math.pi * index / max(len(ordered), 1)
        nodes.append(GraphNode(entity.id, entity.name, entity.type, entity.mentions,
                               round(500 + 380 * math.cos(angle), 1), round(420 + 340 * math.sin(angle), 1)))
    return Graph(nodes, [GraphEdge(a, b, kind, n) for (a, b, kind), n in edges.items()])


def entity_page(store: Store, entity_id: str, *, claims_limit: int = 100) -> EntityDetail | None:
    return entity_detail(store, entity_id, limit=claims_limit)


@dataclass(frozen=True)
class Segment:
    text: str
    classes: tuple[str, ...]
    claim: str | None  # the narrowest claim the segment belongs to
    claims: tuple[str, ...]  # every claim covering it (two speakers of one sentence, a clause in a sentence)
    title: str | None


@dataclass(frozen=True)
class ReaderDocument:
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    source: str


def reader(store: Store, doc_id: str) -> tuple[ReaderDocument, list[Segment]] | None:
    """A document's text cut into segments, each with the highlights covering it: entity
    mentions by type, claims (attributed or in the outlet's voice), dates and quantities."""
    markup = document_markup(store, doc_id)
    if markup is None:
        return None
    document = markup.document
    text = document.text
    spans: list[tuple[int, int, str, str | None, str | None]] = []  # start, end, class, claim, title
    for claim in markup.claims:
        kind = "claim-outlet" if claim.source_kind == "outlet" else "claim-attributed"
        spans.append((claim.start, claim.end, f"{kind} claim-{claim.stance}", claim.id, f"{claim.source_name} ({claim.stance})"))
    for mention in markup.mentions:
        spans.append((mention.start, mention.end, f"mention mention-{mention.type.lower()}", None, mention.type))
    for date in markup.dates:
        spans.append((date.start, date.end, "date", None, date.value))
    for quantity in markup.quantities:
        spans.append((quantity.start, quantity.end, "quantity", None, f"{quantity.qualifier} {quantity.value:g} {quantity.unit}"))
    cuts = sorted({0, len(text), *(s for s, _, _, _, _ in spans), *(e for _, e, _, _, _ in spans)})
    segments = []
    for start, end in itertools.pairwise(cuts):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        claims = [s for s in covering if s[3]]
        innermost = min(claims, key=lambda s: s[1] - s[0]) if claims else None
        titles = [s[4] for s in covering if s[4] and not s[3]]
        segments.append(Segment(text[start:end], tuple(sorted({s[2] for s in covering})), innermost[3] if innermost else None,
                                tuple(s[3] for s in claims if s[3]), "; ".join(titles) or (innermost[4] if innermost else None)))
    meta = ReaderDocument(document.id, document.title, document.outlet, document.url, document.published_value, document.source)
    return meta, segments
