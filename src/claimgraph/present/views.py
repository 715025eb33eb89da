"""What the web pages show, read from the store: small typed records, each page's query
bounded (a page never reads the whole corpus)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from claimgraph.store import Store
from claimgraph.store.claims import claims_by_id

TOP_ENTITIES = 15
GRAPH_NODES = 40
TIMELINE_ITEMS = 400
MAP_POINTS = 2000
# SQL twin of `sort_key`: calendar values by year, then yearless ones, then references.
_DATE_ORDER = ("CASE WHEN substr({column}, 1, 4) GLOB '[0-9][0-9][0-9][0-9]' THEN 0 "
               "WHEN {column} LIKE 'XXXX%' THEN 1 ELSE 2 END, {column}")


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]
    top_entities: list[tuple[str, str, str, int]]  # id, name, type, mentions
    contradictions: list[dict[str, Any]]


def overview(store: Store) -> Overview:
    one = lambda sql: store.connection.execute(sql).fetchone()[0]  # noqa: E731
    counts = {table: one(f"SELECT COUNT(*) FROM {table}") for table in
              ("documents", "entities", "claims", "events", "facts", "contradictions", "dates", "quantities")}
    top = store.connection.execute(
        "SELECT e.id, e.name, e.type, COUNT(*) AS n FROM entities e JOIN entity_keys k ON k.entity_id = e.id "
        "JOIN mentions m ON m.key = k.key AND m.type = k.type GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?", (TOP_ENTITIES,)
    ).fetchall()
    return Overview(counts, [tuple(row) for row in top], contradiction_rows(store, limit=5))


def contradiction_rows(store: Store, *, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """Contradictions with both claims (sentence, source, document) for side-by-side display."""
    # The API's order (by kind, then id), so that the page and /api/contradictions agree.
    rows = store.connection.execute("SELECT * FROM contradictions ORDER BY type, id LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    found = []
    for row in rows:
        claims = {c.id: c for c in claims_by_id(store, [row["a"], row["b"]])}
        sides = []
        for claim_id in (row["a"], row["b"]):
            claim = claims.get(claim_id)
            if claim is not None:
                sides.append({"claim": claim, "document": _document_label(store, claim.doc)})
        found.append({"id": row["id"], "type": row["type"], "explanation": row["explanation"], "sides": sides})
    return found


def _document_label(store: Store, doc_id: str) -> dict[str, Any]:
    row = store.connection.execute("SELECT id, title, outlet, source, published_value FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return {"id": doc_id, "title": doc_id, "outlet": None, "published": None}
    return {"id": row["id"], "title": row["title"] or row["source"], "outlet": row["outlet"], "published": row["published_value"]}


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
    items: list[TimelineItem] = []
    for row in store.connection.execute(
        "SELECT e.id, e.type, e.plover, e.status, e.date_value, e.doc_id, e.start, "
        "substr(d.text, s.start + 1, s.\"end\" - s.start) AS sentence FROM events e JOIN documents d ON d.id = e.doc_id "
        "LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence WHERE e.date_value IS NOT NULL "
        f"ORDER BY {_DATE_ORDER.format(column='e.date_value')} LIMIT ?", (limit,)
    ):
        claim = store.connection.execute('SELECT id FROM claims WHERE doc_id = ? AND start <= ? AND "end" > ? ORDER BY "end" - start LIMIT 1',
                                         (row["doc_id"], row["start"], row["start"])).fetchone()
        items.append(TimelineItem(row["date_value"], sort_key(row["date_value"]), "event",
                                  f"{row['type']} / {row['plover']}" + ("" if row["status"] == "happened" else f" ({row['status']})"),
                                  row["sentence"] or "", row["doc_id"], claim["id"] if claim else None))
    told = {item.claim for item in items}  # a claim whose event is on the timeline is not listed twice
    for row in store.connection.execute(
        "SELECT d.value, c.id, c.text, c.doc_id FROM dates d JOIN claims c ON c.doc_id = d.doc_id AND c.start <= d.start AND d.\"end\" <= c.\"end\" "
        "WHERE d.type = 'DATE' GROUP BY c.id "
        f"ORDER BY {_DATE_ORDER.format(column='d.value')} LIMIT ?", (limit,)
    ):
        if row["id"] in told:
            continue
        items.append(TimelineItem(row["value"], sort_key(row["value"]), "claim", "dated claim", row["text"], row["doc_id"], row["id"]))
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
    features = []
    for row in store.connection.execute(
        "SELECT e.id, e.name, e.type, p.lat, p.lon, p.precision, p.kind, COUNT(m.rowid) AS n FROM entities e "
        "JOIN entity_places p ON p.entity_id = e.id JOIN entity_keys k ON k.entity_id = e.id "
        "JOIN mentions m ON m.key = k.key AND m.type = k.type WHERE p.lat IS NOT NULL GROUP BY e.id ORDER BY n DESC LIMIT ?",
        (MAP_POINTS,),
    ):
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                         "properties": {"kind": "place", "entity": row["id"], "name": row["name"], "mentions": row["n"],
                                        "precision": row["precision"], "place_kind": row["kind"]}})
    events = store.connection.execute(
        "SELECT a.event_id, ev.type, ev.plover, ev.date_value, p.lat, p.lon, k.entity_id, e.name FROM event_arguments a "
        "JOIN events ev ON ev.id = a.event_id JOIN entity_keys k ON k.key = a.key AND k.type = a.type "
        "JOIN entities e ON e.id = k.entity_id JOIN entity_places p ON p.entity_id = k.entity_id "
        "WHERE a.role = 'location' AND p.lat IS NOT NULL ORDER BY ev.date_value DESC LIMIT ?", (MAP_POINTS,)
    )
    for row in events:
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                         "properties": {"kind": "event", "event": row["event_id"], "type": row["type"], "plover": row["plover"],
                                        "date": row["date_value"], "name": row["name"], "entity": row["entity_id"]}})
    return {"type": "FeatureCollection", "features": features}


@dataclass(frozen=True)
class Graph:
    nodes: list[dict[str, Any]]  # id, name, type, mentions, x, y
    edges: list[dict[str, Any]]  # source, target, weight, kind (co-occurrence | event)


def entity_graph(store: Store, *, size: int = GRAPH_NODES) -> Graph:
    """The most mentioned entities, linked when named in one sentence (co-occurrence) or as
    actor and target of one event; laid out on a circle by type (no client library needed)."""
    top = store.connection.execute(
        "SELECT e.id, e.name, e.type, COUNT(*) AS n FROM entities e JOIN entity_keys k ON k.entity_id = e.id "
        "JOIN mentions m ON m.key = k.key AND m.type = k.type GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?", (size,)
    ).fetchall()
    ids = [row["id"] for row in top]
    marks = ", ".join("?" * len(ids))
    edges: dict[tuple[str, str, str], int] = {}
    if ids:
        for row in store.connection.execute(
            f"SELECT ka.entity_id AS a, kb.entity_id AS b, COUNT(DISTINCT ma.doc_id || ':' || ma.sentence) AS n FROM mentions ma "
            f"JOIN entity_keys ka ON ka.key = ma.key AND ka.type = ma.type AND ka.entity_id IN ({marks}) "
            f"JOIN mentions mb ON mb.doc_id = ma.doc_id AND mb.sentence = ma.sentence "
            f"JOIN entity_keys kb ON kb.key = mb.key AND kb.type = mb.type AND kb.entity_id IN ({marks}) "
            "WHERE ka.entity_id < kb.entity_id GROUP BY a, b", ids + ids
        ):
            edges[(row["a"], row["b"], "co-occurrence")] = row["n"]
        for row in store.connection.execute(
            f"SELECT ka.entity_id AS a, kb.entity_id AS b, COUNT(DISTINCT x.event_id) AS n FROM event_arguments x "
            f"JOIN event_arguments y ON y.event_id = x.event_id AND x.role = 'actor' AND y.role = 'target' "
            f"JOIN entity_keys ka ON ka.key = x.key AND ka.type = x.type AND ka.entity_id IN ({marks}) "
            f"JOIN entity_keys kb ON kb.key = y.key AND kb.type = y.type AND kb.entity_id IN ({marks}) "
            "WHERE ka.entity_id != kb.entity_id GROUP BY a, b", ids + ids
        ):
            edges[(row["a"], row["b"], "event")] = row["n"]
    ordered = sorted(top, key=lambda row: (row["type"], -row["n"]))
    nodes = []
    for index, row in enumerate(ordered):
        angle = 2 * math.pi * index / max(len(ordered), 1)
        nodes.append({"id": row["id"], "name": row["name"], "type": row["type"], "mentions": row["n"],
                      "x": round(500 + 380 * math.cos(angle), 1), "y": round(420 + 340 * math.sin(angle), 1)})
    return Graph(nodes, [{"source": a, "target": b, "kind": kind, "weight": n} for (a, b, kind), n in edges.items()])


def entity_page(store: Store, entity_id: str, *, claims_limit: int = 100) -> dict[str, Any] | None:
    row = store.connection.execute(
        "SELECT e.*, p.lat, p.lon, p.precision, p.name AS place_name, p.country FROM entities e "
        "LEFT JOIN entity_places p ON p.entity_id = e.id WHERE e.id = ?", (entity_id,)
    ).fetchone()
    if row is None:
        return None
    merges = store.connection.execute("SELECT key, into_key, reason FROM entity_merges WHERE entity_id = ? ORDER BY rowid", (entity_id,)).fetchall()
    forms = store.connection.execute(
        "SELECT m.text, m.key, COUNT(*) AS n FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type "
        "WHERE k.entity_id = ? GROUP BY m.text, m.key ORDER BY n DESC", (entity_id,)
    ).fetchall()
    mentions = store.connection.execute(
        'SELECT m.doc_id, m.start, m."end", m.text, d.title, substr(d.text, s.start + 1, s."end" - s.start) AS sentence '
        "FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type JOIN documents d ON d.id = m.doc_id "
        "LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence WHERE k.entity_id = ? ORDER BY m.doc_id, m.start LIMIT ?",
        (entity_id, claims_limit),
    ).fetchall()
    by_source = store.connection.execute(
        "SELECT c.id FROM claims c JOIN entity_keys k ON k.key = c.source_key AND k.type = c.source_type "
        "WHERE k.entity_id = ? ORDER BY c.doc_id, c.start LIMIT ?", (entity_id, claims_limit)
    ).fetchall()
    about = store.connection.execute(
        "SELECT DISTINCT c.id FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type "
        'JOIN claims c ON c.doc_id = m.doc_id AND c.start <= m.start AND m."end" <= c."end" '
        "WHERE k.entity_id = ? LIMIT ?", (entity_id, claims_limit)
    ).fetchall()
    return {
        "id": row["id"], "name": row["name"], "type": row["type"], "aliases": json.loads(row["aliases"]),
        "place": {"lat": row["lat"], "lon": row["lon"], "precision": row["precision"], "name": row["place_name"],
                  "country": row["country"]} if row["precision"] else None,
        "merges": [dict(m) for m in merges], "forms": [dict(f) for f in forms], "mentions": [dict(m) for m in mentions],
        "claims_by": claims_by_id(store, [r["id"] for r in by_source]),
        "claims_about": claims_by_id(store, [r["id"] for r in about]),
    }


@dataclass(frozen=True)
class Segment:
    text: str
    classes: tuple[str, ...]
    claim: str | None  # the narrowest claim the segment belongs to
    claims: tuple[str, ...]  # every claim covering it (two speakers of one sentence, a clause in a sentence)
    title: str | None


def reader(store: Store, doc_id: str) -> tuple[dict[str, Any], list[Segment]] | None:
    """A document's text cut into segments, each with the highlights covering it: entity
    mentions by type, claims (attributed or in the outlet's voice), dates and quantities."""
    document = store.connection.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if document is None:
        return None
    text = document["text"]
    spans: list[tuple[int, int, str, str | None, str | None]] = []  # start, end, class, claim, title
    for row in store.connection.execute('SELECT id, start, "end", source_name, source_kind, stance FROM claims WHERE doc_id = ?', (doc_id,)):
        kind = "claim-outlet" if row["source_kind"] == "outlet" else "claim-attributed"
        spans.append((row["start"], row["end"], f"{kind} claim-{row['stance']}", row["id"], f"{row['source_name']} ({row['stance']})"))
    for row in store.connection.execute('SELECT start, "end", type, text FROM mentions WHERE doc_id = ?', (doc_id,)):
        spans.append((row["start"], row["end"], f"mention mention-{row['type'].lower()}", None, row["type"]))
    for row in store.connection.execute('SELECT start, "end", value FROM dates WHERE doc_id = ?', (doc_id,)):
        spans.append((row["start"], row["end"], "date", None, row["value"]))
    for row in store.connection.execute('SELECT start, "end", value, unit, qualifier FROM quantities WHERE doc_id = ?', (doc_id,)):
        spans.append((row["start"], row["end"], "quantity", None, f"{row['qualifier']} {row['value']:g} {row['unit']}"))
    cuts = sorted({0, len(text), *(s for s, _, _, _, _ in spans), *(e for _, e, _, _, _ in spans)})
    segments = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        claims = [s for s in covering if s[3]]
        innermost = min(claims, key=lambda s: s[1] - s[0]) if claims else None
        titles = [s[4] for s in covering if s[4] and not s[3]]
        segments.append(Segment(text[start:end], tuple(sorted({s[2] for s in covering})), innermost[3] if innermost else None,
                                tuple(s[3] for s in claims), "; ".join(titles) or (innermost[4] if innermost else None)))
    meta = {"id": document["id"], "title": document["title"], "outlet": document["outlet"], "url": document["url"],
            "published": document["published_value"], "source": document["source"]}
    return meta, segments
