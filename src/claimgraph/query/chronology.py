"""The timeline as a list: every dated sentence once, in date order, with the events it
reports (their types) or, for a claim without a dated event, the claim; keyset pages and
filters by event type, entity, outlet and date, like the other lists (`claimgraph.query.listing`).

An item is one sentence and one date: events of one sentence with one date are one item
(their types listed), and a dated claim is an item only when no event of its sentence has
that date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimgraph.query.browse import NONE
from claimgraph.query.documents import DocumentBrief, document_briefs
from claimgraph.query.listing import FilterSpec, ListSpec, SortSpec
from claimgraph.store import Store

__all__ = ["TimelineEntry", "dated_event_types", "timeline_entries", "timeline_spec"]

_GROUP = ("CASE WHEN substr(t.value, 1, 4) GLOB '[0-9][0-9][0-9][0-9]' THEN 0 WHEN t.value LIKE 'XXXX%' THEN 1 ELSE 2 END")

_ITEMS = (
    "SELECT 'e' AS kind, e.date_value AS value, e.doc_id AS doc, e.sentence AS sentence, MIN(e.start) AS start, "
    "group_concat(DISTINCT e.type) AS types FROM events e WHERE e.date_value IS NOT NULL GROUP BY e.date_value, e.doc_id, e.sentence "
    "UNION ALL "
    "SELECT 'c', d.value, c.doc_id, c.sentence, MIN(c.start), NULL FROM dates d "
    'JOIN claims c ON c.doc_id = d.doc_id AND c.start <= d.start AND d."end" <= c."end" WHERE d.type = \'DATE\' '
    "AND NOT EXISTS (SELECT 1 FROM events e WHERE e.doc_id = c.doc_id AND e.sentence = c.sentence AND e.date_value = d.value) "
    "GROUP BY d.value, c.doc_id, c.sentence"
)
_ID = "t.kind || ':' || t.doc || ':' || t.sentence || ':' || t.value"


def timeline_spec() -> ListSpec:
    return ListSpec(
        "timeline", f"FROM ({_ITEMS}) t", _ID, joins=(("d", "JOIN documents d ON d.id = t.doc"),),
        filters=(
            FilterSpec("kind", "kind", "t.kind = ?", choices=("e", "c"), params=lambda value: [value],
                       facet=None),
            FilterSpec("type", "event type", "(',' || t.types || ',') LIKE ('%,' || ? || ',%')"),
            FilterSpec("entity", "entity", "(t.doc, t.sentence) IN (SELECT m.doc_id, m.sentence FROM entity_keys k JOIN mentions m "
                                           "ON m.key = k.key AND m.type = k.type WHERE k.entity_id = ?)"),
            FilterSpec("outlet", "outlet", f"COALESCE(d.outlet, '{NONE}') = ?"),
            FilterSpec("from", "from", "t.value >= ? AND substr(t.value, 1, 4) GLOB '[0-9][0-9][0-9][0-9]'", date=True),
            FilterSpec("to", "to", "substr(t.value, 1, ?) <= ? AND substr(t.value, 1, 4) GLOB '[0-9][0-9][0-9][0-9]'", date=True,
                       params=lambda value: [len(value), value]),
            FilterSpec("precision", "dates", f"({_GROUP}) = CAST(? AS INTEGER)", choices=("0", "1", "2")),
        ),
        sorts=(SortSpec("date", "earliest first", (_GROUP, "t.value", "t.doc", "t.sentence", "t.kind")),
               SortSpec("latest", "latest first", (f"-({_GROUP})", "t.value", "t.doc", "t.sentence", "t.kind"), descending=True)),
    )


@dataclass(frozen=True)
class TimelineEntry:
    """One dated sentence: its date (TIMEX3 as stored), what it reports, and where."""

    id: str
    date: str
    kind: str  # event | claim
    types: tuple[str, ...]  # the event types of the sentence's events with this date
    events: tuple[str, ...]  # their ids
    sentence: str
    doc: str
    claim: str | None  # the narrowest claim holding the sentence's first event, or the dated claim
    document: DocumentBrief | None


def timeline_entries(store: Store, ids: Sequence[str]) -> list[TimelineEntry]:
    """The entries with these ids (as `timeline_spec` gives them), in that order."""
    entries = []
    parsed = [(i, *i.split(":", 3)) for i in ids]
    documents = document_briefs(store, {doc for _, _, doc, _, _ in parsed})
    for item_id, kind, doc, sentence, value in parsed:
        row = store.connection.execute(
            'SELECT substr(d.text, s.start + 1, s."end" - s.start) AS text, s.start, s."end" FROM sentences s JOIN documents d ON d.id = s.doc_id '
            "WHERE s.doc_id = ? AND s.idx = ?", (doc, int(sentence))).fetchone()
        events = store.connection.execute(
            "SELECT id, type, start FROM events WHERE doc_id = ? AND sentence = ? AND date_value = ? ORDER BY start, id",
            (doc, int(sentence), value)).fetchall() if kind == "e" else []
        if events:
            claim = store.connection.execute(
                'SELECT id FROM claims WHERE doc_id = ? AND start <= ? AND "end" > ? ORDER BY "end" - start, id LIMIT 1',
                (doc, events[0]["start"], events[0]["start"])).fetchone()
        else:
            claim = store.connection.execute(
                'SELECT c.id FROM claims c JOIN dates d ON d.doc_id = c.doc_id AND c.start <= d.start AND d."end" <= c."end" '
                "WHERE c.doc_id = ? AND c.sentence = ? AND d.value = ? ORDER BY c.start, c.id LIMIT 1", (doc, int(sentence), value)).fetchone()
        entries.append(TimelineEntry(
            item_id, value, "event" if kind == "e" else "claim", tuple(dict.fromkeys(e["type"] for e in events)),
            tuple(e["id"] for e in events), row["text"] if row else "", doc, claim["id"] if claim else None, documents.get(doc)))
    return entries


def dated_event_types(store: Store) -> list[tuple[str, int]]:
    """The types of dated events, with how many there are, most first."""
    rows = store.connection.execute(
        "SELECT type, COUNT(*) AS n FROM events WHERE date_value IS NOT NULL GROUP BY type ORDER BY n DESC, type")
    return [(row["type"], row["n"]) for row in rows]
