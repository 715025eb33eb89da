"""What the pages that are not lists show: the query layer's records shaped for one page each
(the overview, the reader, the map's features, the graph). Nothing here holds SQL, and
every list is bounded.

Internal: the web app's own module.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from typing import Any

from claimgraph.present.dates import spoken
from claimgraph.query import (
    EntityCount,
    Store,
    document_markup,
    placed_entities,
    record_counts,
    top_entities,
)
from claimgraph.query.browse import (
    ContradictionRow,
    contradiction_rows,
    entity_rows,
    list_spec,
)
from claimgraph.query.geo import mapped_events
from claimgraph.query.listing import list_page
from claimgraph.query.neighbourhood import links_among, neighbours
from claimgraph.query.reading import mention_links, reviewed_claims

TOP_ENTITIES = 15
GRAPH_NODES = 45
MAP_PLACES = 3000
MAP_EVENTS = 4000


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]
    top_entities: list[EntityCount]
    contradictions: list[ContradictionRow]


def overview(store: Store) -> Overview:
    page = list_page(store, list_spec(store, "contradictions"), {}, limit=5, facets=False, count=False)
    return Overview(record_counts(store), top_entities(store, limit=TOP_ENTITIES), contradiction_rows(store, page.ids))


# The reader ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    text: str
    classes: tuple[str, ...]
    claim: str | None  # the narrowest claim the segment belongs to
    claims: tuple[str, ...]  # every claim covering it (two speakers of one sentence, a clause in a sentence)
    title: str | None
    entity: str | None  # the entity of the mention it is in (a link)


@dataclass(frozen=True)
class ReaderDocument:
    id: str
    title: str | None
    file_name: str  # the source without its folders (never a local path)
    outlet: str | None
    url: str | None
    published: str | None
    language: str


@dataclass(frozen=True)
class Reader:
    document: ReaderDocument
    segments: list[Segment]
    reviewed: set[str]
    claims: dict[str, tuple[str, str]]  # claim id -> (source, stance), for the margin


def reader(store: Store, doc_id: str) -> Reader | None:
    """A document's text cut into segments, each with the highlights covering it: entity
    mentions by type (linked to their entity), claims (attributed or in the outlet's voice),
    dates and quantities."""
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
        spans.append((date.start, date.end, "date", None, spoken(date.value).text if date.type in ("DATE", "TIME") else date.value))
    for quantity in markup.quantities:
        spans.append((quantity.start, quantity.end, "quantity", None, f"{quantity.qualifier} {quantity.value:g} {quantity.unit}"))
    links = mention_links(store, doc_id)
    starts = [link.start for link in links]
    cuts = sorted({0, len(text), *(s for s, _, _, _, _ in spans), *(e for _, e, _, _, _ in spans)})
    segments = []
    for start, end in itertools.pairwise(cuts):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        claims = [s for s in covering if s[3]]
        innermost = min(claims, key=lambda s: s[1] - s[0]) if claims else None
        titles = [s[4] for s in covering if s[4] and not s[3]]
        entity = None
        index = bisect.bisect_right(starts, start) - 1
        while index >= 0 and entity is None and index >= bisect.bisect_right(starts, start) - 8:
            if links[index].start <= start and end <= links[index].end:
                entity = links[index].entity
            index -= 1
        segments.append(Segment(text[start:end], tuple(sorted({s[2] for s in covering})), innermost[3] if innermost else None,
                                tuple(s[3] for s in claims if s[3]), "; ".join(titles) or (innermost[4] if innermost else None), entity))
    meta = ReaderDocument(document.id, document.title, document.source.replace("\\", "/").rsplit("/", 1)[-1], document.outlet, document.url,
                          document.published_value, document.language)
    return Reader(meta, segments, reviewed_claims(store, doc_id),
                  {claim.id: (claim.source_name, claim.stance) for claim in markup.claims})


# The map ---------------------------------------------------------------------------------------


def map_features(store: Store) -> dict[str, Any]:
    """GeoJSON of geocoded places (the most mentioned; those placed only at a country or a
    region marked so, for the map to draw as areas) and of located events (the latest dated
    first), each with what its popup links to."""
    features: list[dict[str, Any]] = []
    for entity in placed_entities(store, limit=MAP_PLACES):
        place = entity.place
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                         "properties": {"kind": "place", "entity": entity.id, "name": entity.name, "mentions": entity.mentions,
                                        "precision": place.precision, "place_kind": place.kind, "country": place.country}})
    for event in mapped_events(store, limit=MAP_EVENTS):
        date = spoken(event.date) if event.date else None
        document = event.document
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [event.lon, event.lat]},
                         "properties": {"kind": "event", "event": event.id, "type": event.type, "plover": event.plover, "status": event.status,
                                        "date": event.date, "date_text": date.text if date else None,
                                        "year": int(event.date[:4]) if event.date and event.date[:4].isdigit() else None,
                                        "name": event.name, "entity": event.place, "precision": event.precision, "country": event.country,
                                        "doc": event.doc, "claim": event.claim,
                                        "source": (document.outlet or document.title or document.file_name) if document else None}})
    return {"type": "FeatureCollection", "features": features}


# The graph -------------------------------------------------------------------------------------


def entity_graph(store: Store, *, focus: str | None = None, size: int = GRAPH_NODES) -> dict[str, Any] | None:
    """The most mentioned entities, or one entity and those named with it most; linked when
    named in one sentence (undirected, weight: sentences) or as actor and target of an event
    (directed from the actor, weight: events). None when the focus is no entity."""
    if focus is not None:
        around = neighbours(store, focus, limit=size - 1)
        ids = [focus, *(entity for entity, _ in around)]
    else:
        ids = [entity.id for entity in top_entities(store, limit=size)]
    rows = {row.id: row for row in entity_rows(store, ids)}
    if focus is not None and focus not in rows:
        return None
    nodes = [{"id": row.id, "name": row.name, "type": row.type, "mentions": row.mentions, "focus": row.id == focus}
             for row in (rows[i] for i in ids if i in rows)]
    edges = [{"source": link.source, "target": link.target, "kind": link.kind, "weight": link.weight}
             for link in links_among(store, [i for i in ids if i in rows])]
    return {"nodes": nodes, "edges": edges, "focus": focus, "focus_name": rows[focus].name if focus else None}
