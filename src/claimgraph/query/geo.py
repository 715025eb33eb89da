"""What the map shows: places with how often they are named and how precisely they are
placed, and events at them with the sentence that reports them (bounded)."""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.query.documents import DocumentBrief, document_briefs
from claimgraph.store import Store

__all__ = ["MappedEvent", "mapped_events"]


@dataclass(frozen=True)
class MappedEvent:
    """An event at a geocoded place, with where it is told."""

    id: str
    type: str
    plover: str
    status: str
    date: str | None
    place: str  # the place's entity
    name: str
    lat: float
    lon: float
    precision: str  # town | near_town | region | country
    country: str | None
    doc: str
    claim: str | None  # the narrowest claim holding its trigger
    document: DocumentBrief | None


def mapped_events(store: Store, *, limit: int) -> list[MappedEvent]:
    """Events whose place has coordinates, the latest dated first (undated last)."""
    rows = store.connection.execute(
        "SELECT ev.id, ev.type, ev.plover, ev.status, ev.date_value, ev.doc_id, k.entity_id, e.name, p.lat, p.lon, p.precision, p.country, "
        '(SELECT c.id FROM claims c WHERE c.doc_id = ev.doc_id AND c.start <= ev.start AND c."end" >= ev."end" '
        'ORDER BY c."end" - c.start, c.id LIMIT 1) AS claim '
        "FROM event_arguments a JOIN events ev ON ev.id = a.event_id JOIN entity_keys k ON k.key = a.key AND k.type = a.type "
        "JOIN entities e ON e.id = k.entity_id JOIN entity_places p ON p.entity_id = k.entity_id "
        "WHERE a.role = 'location' AND p.lat IS NOT NULL GROUP BY ev.id ORDER BY ev.date_value IS NULL, ev.date_value DESC, ev.id LIMIT ?",
        (limit,)).fetchall()
    documents = document_briefs(store, {row["doc_id"] for row in rows})
    return [MappedEvent(row["id"], row["type"], row["plover"], row["status"], row["date_value"], row["entity_id"], row["name"], row["lat"],
                        row["lon"], row["precision"], row["country"], row["doc_id"], row["claim"], documents.get(row["doc_id"]))
            for row in rows]
