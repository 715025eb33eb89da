"""Events in and out: rows written per document, read back with entities and claims."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from claimgraph.records import Event, StoredEvent, StoredPlace
from claimgraph.store.db import Store
from claimgraph.store.ids import event_id, quantity_span_id
from claimgraph.store.params import placeholders
from claimgraph.store.read import place_from_row


def add_events(store: Store, events: Iterable[Event]) -> int:
    """Write one document's events with their arguments; returns how many were new."""
    count = 0
    for event in events:
        identifier = event_id(event)
        fatalities = event.fatalities
        inserted = store.connection.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            (identifier, event.doc, event.sentence, event.start, event.end, event.trigger, event.type, event.plover,
             event.mode, event.context, event.status, event.location_basis, event.date, event.date_basis,
             quantity_span_id(event.doc, *event.quantity) if event.quantity else None,
             fatalities.low if fatalities else None, fatalities.best if fatalities else None,
             fatalities.high if fatalities else None, event.force, event.denies, int(event.background),
             *((event.level.value, event.level.qualifier, event.level.text) if event.level else (None, None, None)),
             json.dumps(list(event.kind_words)), int(event.another)),
        ).rowcount
        if not inserted:  # one trigger read twice as the same event
            continue
        store.connection.executemany(
            "INSERT INTO event_arguments VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(identifier, a.role, position, a.start, a.end, a.text, a.key, a.type) for position, a in enumerate(event.arguments)],
        )
        count += 1
    return count


_SELECT = (
    "SELECT e.*, substr(d.text, s.start + 1, s.\"end\" - s.start) AS sentence_text FROM events e "
    "JOIN documents d ON d.id = e.doc_id LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
)


def iter_events(store: Store, *, types: Iterable[str] | None = None) -> Iterator[StoredEvent]:
    """Events in document order, optionally of some types only."""
    wanted = list(types or ())
    where = f" WHERE e.type IN ({placeholders(wanted)})" if wanted else ""
    for row in store.connection.execute(_SELECT + where + " ORDER BY e.doc_id, e.start, e.id", wanted):
        yield _event(store, row)


def _event(store: Store, row: sqlite3.Row) -> StoredEvent:
    roles: dict[str, list[str]] = {"actor": [], "target": [], "location": []}
    states: list[str] = []
    for argument in store.connection.execute(
        "SELECT a.role, a.type, k.entity_id FROM event_arguments a JOIN entity_keys k ON k.key = a.key AND k.type = a.type "
        "WHERE a.event_id = ? ORDER BY a.position",
        (row["id"],),
    ):
        if argument["entity_id"] not in roles[argument["role"]]:
            roles[argument["role"]].append(argument["entity_id"])
        if argument["role"] != "location" and argument["type"] == "GPE":
            states.append(argument["entity_id"])
    return StoredEvent(
        id=row["id"], doc=row["doc_id"], start=row["start"], end=row["end"], trigger=row["trigger"],
        text=row["sentence_text"] or "", type=row["type"], plover=row["plover"], mode=row["mode"], context=row["context"],
        status=row["status"], actors=tuple(roles["actor"]), targets=tuple(roles["target"]),
        location=roles["location"][0] if roles["location"] else None, location_basis=row["location_basis"],
        date=row["date_value"], date_basis=row["date_basis"], quantity=row["quantity_id"],
        fatalities_low=row["fatalities_low"], fatalities_best=row["fatalities_best"], fatalities_high=row["fatalities_high"],
        claims=reporting_claims(store, row["doc_id"], row["start"], row["end"]), force=row["force"], denies=row["denies"],
        background=bool(row["background"]),
        level=(row["level_value"], row["level_qualifier"], row["level_text"]) if row["level_value"] is not None else None,
        states=tuple(states), kind_words=tuple(json.loads(row["kind_words"])), another=bool(row["another"]),
    )


def reporting_claims(store: Store, doc_id: str, start: int, end: int) -> tuple[str, ...]:
    """The claims that carry a word (an event's trigger, a tie's): the narrowest span holding
    it (a relative clause with its own speaker rather than the whole sentence), one per
    speaker; and, when that span is a mere fragment of its sentence ("... or denied it"), the
    sentence's own claim too, which tells the event whole."""
    found = store.connection.execute(
        'SELECT id, "end" - start AS length FROM claims WHERE doc_id = ? AND start <= ? AND "end" >= ? ORDER BY length, id',
        (doc_id, start, end),
    ).fetchall()
    if not found:
        return ()
    narrowest, widest = found[0]["length"], found[-1]["length"]
    carrying = [r["id"] for r in found if r["length"] == narrowest]
    if narrowest * _FRAGMENT_SHARE < widest:
        carrying += [r["id"] for r in found if r["length"] == widest]
    return tuple(carrying)


_FRAGMENT_SHARE = 3  # a claim under a third of its sentence's is a fragment of it


@dataclass(frozen=True)
class EntityBrief:
    """What an event export shows of an entity: its name, type and place."""

    id: str
    name: str
    type: str
    place: StoredPlace | None


def entity_briefs(store: Store, ids: Iterable[str]) -> dict[str, EntityBrief]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = store.connection.execute(
        "SELECT e.id, e.name, e.type, p.gazetteer_id, p.name AS place_name, p.lat, p.lon, p.country, p.kind, p.precision "
        f"FROM entities e LEFT JOIN entity_places p ON p.entity_id = e.id WHERE e.id IN ({placeholders(wanted)})",
        wanted,
    )
    briefs = {}
    for row in rows:
        briefs[row["id"]] = EntityBrief(row["id"], row["name"], row["type"], place_from_row(row))
    return briefs


@dataclass(frozen=True)
class ClaimBrief:
    """Who reports an event, and how surely."""

    id: str
    source: str
    source_kind: str
    stance: str
    modality: str


def claim_briefs(store: Store, ids: Iterable[str]) -> list[ClaimBrief]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    rows = store.connection.execute(
        f"SELECT id, source_name, source_kind, stance, modality FROM claims WHERE id IN ({placeholders(wanted)})", wanted
    ).fetchall()
    found = {row["id"]: ClaimBrief(row["id"], row["source_name"], row["source_kind"], row["stance"], row["modality"]) for row in rows}
    return [found[i] for i in wanted if i in found]


def event_days_at_towns(store: Store) -> Iterator[tuple[str, str, str]]:
    """(document, date, place) of each event told as done that its own sentence dates and
    places at a town, or at a facility geocoded to one (not a region or a country): the
    place as its gazetteer entry, so that a facility and its town meet."""
    rows = store.connection.execute(
        "SELECT DISTINCT e.doc_id, e.date_value, COALESCE(p.gazetteer_id, k.entity_id) AS place FROM events e "
        "JOIN event_arguments a ON a.event_id = e.id AND a.role = 'location' "
        "JOIN entity_keys k ON k.key = a.key AND k.type = a.type "
        "JOIN entity_places p ON p.entity_id = k.entity_id "
        "WHERE e.date_basis = 'sentence' AND e.date_value IS NOT NULL AND p.precision IN ('town', 'near_town') "
        "AND e.status IN ('happened', 'alleged') "
        "ORDER BY e.doc_id, e.date_value, place")
    for row in rows:
        yield row["doc_id"], row["date_value"], row["place"]
