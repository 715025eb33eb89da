"""What has a date of its own: dated events and dated claims, in date order (bounded)."""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.store import Store

__all__ = ["DatedClaim", "DatedEvent", "dated_claims", "dated_events"]

# Calendar values by year, then yearless ones ("XXXX-08-30"), then references ("PAST_REF").
_DATE_ORDER = ("CASE WHEN substr({column}, 1, 4) GLOB '[0-9][0-9][0-9][0-9]' THEN 0 "
               "WHEN {column} LIKE 'XXXX%' THEN 1 ELSE 2 END, {column}")


@dataclass(frozen=True)
class DatedEvent:
    """An event with a date from its sentence (a TIMEX3 value as written: "XXXX-08-30" stays so)."""

    id: str
    type: str
    plover: str
    status: str
    date: str
    doc: str
    sentence: str | None  # the sentence that reports it
    claim: str | None  # the narrowest claim holding its trigger


@dataclass(frozen=True)
class DatedClaim:
    """A claim with a date inside it (its first in date order)."""

    id: str
    date: str
    text: str
    doc: str


def dated_events(store: Store, *, limit: int) -> list[DatedEvent]:
    """Events with a date, in date order: calendar values by year, then yearless ones, then
    references."""
    found = []
    for row in store.connection.execute(
        "SELECT e.id, e.type, e.plover, e.status, e.date_value, e.doc_id, e.start, "
        "substr(d.text, s.start + 1, s.\"end\" - s.start) AS sentence FROM events e JOIN documents d ON d.id = e.doc_id "
        "LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence WHERE e.date_value IS NOT NULL "
        f"ORDER BY {_DATE_ORDER.format(column='e.date_value')} LIMIT ?", (limit,)
    ).fetchall():
        claim = store.connection.execute('SELECT id FROM claims WHERE doc_id = ? AND start <= ? AND "end" > ? ORDER BY "end" - start LIMIT 1',
                                         (row["doc_id"], row["start"], row["start"])).fetchone()
        found.append(DatedEvent(row["id"], row["type"], row["plover"], row["status"], row["date_value"], row["doc_id"], row["sentence"],
                                claim["id"] if claim else None))
    return found


def dated_claims(store: Store, *, limit: int) -> list[DatedClaim]:
    """Claims with a date (DATE, not DURATION) inside them, in date order as `dated_events`."""
    rows = store.connection.execute(
        "SELECT d.value, c.id, c.text, c.doc_id FROM dates d JOIN claims c ON c.doc_id = d.doc_id AND c.start <= d.start AND d.\"end\" <= c.\"end\" "
        "WHERE d.type = 'DATE' GROUP BY c.id "
        f"ORDER BY {_DATE_ORDER.format(column='d.value')} LIMIT ?", (limit,)
    )
    return [DatedClaim(row["id"], row["value"], row["text"], row["doc_id"]) for row in rows]
