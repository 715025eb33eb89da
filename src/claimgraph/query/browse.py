"""The six lists an analyst browses (documents, entities, claims, events, facts,
contradictions), declared as `ListSpec`s, and their rows read back for one page.

Facts and contradictions are read generically: columns the cross-source stage adds to their
tables (a contradiction's slot, values, kind, strength, caveat; a fact's accounts) come back
in `extra` and become filters when they are labels (`kind`, `strength`, `slot`, `caveat`), or
a minimum when they are numbers (`strength`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from claimgraph.query.documents import DocumentBrief, document_briefs
from claimgraph.query.listing import FilterSpec, ListSpec, SortSpec
from claimgraph.store import Store, StoredClaim, StoredPlace
from claimgraph.store.claims import claims_by_id
from claimgraph.store.params import placeholders
from claimgraph.store.read import place_from_row

__all__ = [
    "KINDS",
    "ClaimRow",
    "ContradictionRow",
    "ContradictionSide",
    "DocumentRow",
    "EntityRow",
    "EventRow",
    "FactRow",
    "Named",
    "claim_rows",
    "contradiction_rows",
    "document_rows",
    "entity_rows",
    "event_rows",
    "fact_rows",
    "list_spec",
]

KINDS = ("documents", "entities", "claims", "events", "facts", "contradictions")
NONE = "(none)"  # the facet value of a missing outlet

# A TIMEX3 value's place in date order: calendar dates, then yearless ones, then references, then none.
_DATE_GROUP = ("CASE WHEN substr({0}, 1, 4) GLOB '[0-9][0-9][0-9][0-9]' THEN 0 WHEN {0} LIKE 'XXXX%' THEN 1 "
               "WHEN {0} IS NULL THEN 3 ELSE 2 END")
_ENTITY_MENTIONS_IN_DOC = ("SELECT m.doc_id FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type "
                           "WHERE k.entity_id = ?")
_EVENTS_OF_ENTITY = ("SELECT a.event_id FROM event_arguments a JOIN entity_keys k ON k.key = a.key AND k.type = a.type "
                     "WHERE k.entity_id = ?")


def _outlet(column: str) -> FilterSpec:
    expression = f"COALESCE({column}, '{NONE}')"
    return FilterSpec("outlet", "outlet", f"{expression} = ?", facet=expression)


def _date_range(column: str) -> tuple[FilterSpec, FilterSpec]:
    return (FilterSpec("from", "from", f"{column} >= ?", date=True),
            FilterSpec("to", "to", f"substr({column}, 1, ?) <= ?", date=True, params=lambda value: [len(value), value]))


def _documents() -> ListSpec:
    published = "COALESCE(d.published_value, '')"
    return ListSpec(
        "documents", "FROM documents d", "d.id",
        filters=(
            _outlet("d.outlet"),
            FilterSpec("language", "language", "d.language = ?", facet="d.language"),
            *_date_range("d.published_value"),
            FilterSpec("entity", "entity", f"d.id IN ({_ENTITY_MENTIONS_IN_DOC})"),
            FilterSpec("duplicate", "duplicates", "(d.duplicate_of IS NOT NULL) = (? = 'yes')", choices=("yes", "no"),
                       facet="CASE WHEN d.duplicate_of IS NULL THEN 'no' ELSE 'yes' END"),
        ),
        sorts=(SortSpec("newest", "newest first", (published, "d.id"), descending=True),
               SortSpec("oldest", "oldest first", (published, "d.id")),
               SortSpec("source", "by source", ("d.source", "d.id")),
               SortSpec("title", "by title", ("COALESCE(d.title, d.source)", "d.id"))),
    )


_MENTION_COUNTS = ("LEFT JOIN (SELECT k.entity_id AS entity_id, COUNT(*) AS n FROM entity_keys k "
                   "JOIN mentions m ON m.key = k.key AND m.type = k.type GROUP BY k.entity_id) c ON c.entity_id = e.id")


def _entities() -> ListSpec:
    return ListSpec(
        "entities", "FROM entities e", "e.id", joins=(("p", "LEFT JOIN entity_places p ON p.entity_id = e.id"), ("c", _MENTION_COUNTS)),
        filters=(
            FilterSpec("type", "type", "e.type = ?", facet="e.type"),
            FilterSpec("country", "place in country", "p.country = ?", facet="p.country"),
            FilterSpec("precision", "placed at", "COALESCE(p.precision, 'not placed') = ?", facet="COALESCE(p.precision, 'not placed')"),
            FilterSpec("document", "in document", "e.id IN (SELECT k.entity_id FROM mentions m JOIN entity_keys k "
                                                  "ON k.key = m.key AND k.type = m.type WHERE m.doc_id = ?)"),
        ),
        sorts=(SortSpec("mentions", "most mentioned", ("COALESCE(c.n, 0)", "e.id"), descending=True),
               SortSpec("name", "by name", ("e.name COLLATE NOCASE", "e.id")),
               SortSpec("id", "by id", ("e.id",))),
    )


def _claims() -> ListSpec:
    return ListSpec(
        "claims", "FROM claims c", "c.id", joins=(("d", "JOIN documents d ON d.id = c.doc_id"),),
        filters=(
            FilterSpec("stance", "stance", "c.stance = ?", facet="c.stance", choices=("assert", "deny")),
            FilterSpec("modality", "modality", "c.modality = ?", facet="c.modality", choices=("fact", "reported", "alleged", "speculative")),
            FilterSpec("source_kind", "source kind", "c.source_kind = ?", facet="c.source_kind"),
            FilterSpec("source", "source", "c.source_name = ?", facet="c.source_name"),
            _outlet("d.outlet"),
            *_date_range("d.published_value"),
            FilterSpec("entity", "by or about entity",
                       "c.id IN (SELECT c2.id FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type "
                       'JOIN claims c2 ON c2.doc_id = m.doc_id AND c2.start <= m.start AND m."end" <= c2."end" WHERE k.entity_id = ? '
                       "UNION SELECT c3.id FROM entity_keys k JOIN claims c3 ON c3.source_key = k.key AND c3.source_type = k.type "
                       "WHERE k.entity_id = ?)", params=lambda value: [value, value]),
            FilterSpec("document", "in document", "c.doc_id = ?"),
            FilterSpec("reviewed", "reviewed", "(c.id IN (SELECT claim_id FROM claim_reviews)) = (? = 'yes')", choices=("yes", "no")),
        ),
        sorts=(SortSpec("document", "in document order", ("c.doc_id", "c.start", "c.id")),
               SortSpec("newest", "newest first", ("COALESCE(d.published_value, '')", "c.doc_id", "c.start", "c.id"), descending=True),
               SortSpec("oldest", "oldest first", ("COALESCE(d.published_value, '')", "c.doc_id", "c.start", "c.id"))),
    )


def _events() -> ListSpec:
    group = _DATE_GROUP.format("e.date_value")
    return ListSpec(
        "events", "FROM events e", "e.id", joins=(("d", "JOIN documents d ON d.id = e.doc_id"),),
        filters=(
            FilterSpec("type", "type", "e.type = ?", facet="e.type"),
            FilterSpec("status", "told as", "e.status = ?", facet="e.status"),
            _outlet("d.outlet"),
            *_date_range("e.date_value"),
            FilterSpec("entity", "actor, target or place", f"e.id IN ({_EVENTS_OF_ENTITY})"),
            FilterSpec("place", "place", f"e.id IN ({_EVENTS_OF_ENTITY} AND a.role = 'location')"),
            FilterSpec("country", "in country", "e.id IN (SELECT a.event_id FROM event_arguments a JOIN entity_keys k ON k.key = a.key "
                                                "AND k.type = a.type JOIN entity_places p ON p.entity_id = k.entity_id "
                                                "WHERE a.role = 'location' AND p.country = ?)"),
            FilterSpec("document", "in document", "e.doc_id = ?"),
        ),
        sorts=(SortSpec("date", "by date", (group, "COALESCE(e.date_value, '')", "e.doc_id", "e.start", "e.id")),
               SortSpec("document", "in document order", ("e.doc_id", "e.start", "e.id")),
               SortSpec("newest", "newest first", (f"-({group})", "COALESCE(e.date_value, '')", "e.doc_id", "e.start", "e.id"),
                        descending=True)),
    )


def _columns(store: Store, table: str) -> dict[str, str]:
    """A table's columns and their declared types (upper case)."""
    return {row["name"]: (row["type"] or "").upper() for row in store.connection.execute(f"PRAGMA table_info({table})")}


_LABELS = ("kind", "strength", "slot", "caveat")
# the thresholds the web form offers for "strength at least" (1: plain conflicts only)
STRENGTH_STEPS = ("0.25", "0.5", "0.75", "1")


def _optional_filters(store: Store, table: str, alias: str) -> tuple[list[FilterSpec], list[SortSpec]]:
    """Filters (and a sort) on the columns the cross-source stage may add to a table."""
    columns = _columns(store, table)
    filters, sorts = [], []
    for name in _LABELS:
        if name not in columns:
            continue
        if name == "strength" and any(t in columns[name] for t in ("REAL", "INT", "NUM", "FLOA", "DOUB")):
            filters.append(FilterSpec("strength", "strength at least", f"{alias}.strength >= CAST(? AS REAL)",
                                      choices=STRENGTH_STEPS, params=lambda value: [_number(value)]))
            sorts.append(SortSpec("strength", "strongest first", (f"COALESCE({alias}.strength, 0)", f"{alias}.id"), descending=True))
        else:
            filters.append(FilterSpec(name, name, f"{alias}.{name} = ?", facet=f"{alias}.{name}"))
            if name == "strength":
                sorts.append(SortSpec("strength", "by strength", (f"COALESCE({alias}.strength, '')", f"{alias}.id")))
    return filters, sorts


def _number(value: str) -> float:
    from claimgraph.errors import InvalidQuery

    try:
        return float(value)
    except ValueError:
        raise InvalidQuery(f"strength: {value!r} is not a number") from None


def _facts(store: Store) -> ListSpec:
    extra, extra_sorts = _optional_filters(store, "facts", "f")
    return ListSpec(
        "facts", "FROM facts f", "f.id",
        filters=(
            FilterSpec("status", "status", "f.status = ?", facet="f.status", choices=("corroborated", "single_source", "contested")),
            *extra,
            FilterSpec("origins", "independent origins at least", "json_array_length(f.origins) >= CAST(? AS INTEGER)",
                       choices=("1", "2", "3", "4", "5")),
            FilterSpec("type", "event type", "f.id IN (SELECT fe.fact_id FROM fact_events fe JOIN events ev ON ev.id = fe.event_id "
                                             "WHERE ev.type = ?)"),
            FilterSpec("entity", "entity", "f.id IN (SELECT fe.fact_id FROM fact_events fe JOIN event_arguments a ON a.event_id = fe.event_id "
                                           "JOIN entity_keys k ON k.key = a.key AND k.type = a.type WHERE k.entity_id = ?)"),
            FilterSpec("outlet", "outlet", f"f.id IN (SELECT fc.fact_id FROM fact_claims fc JOIN claims c ON c.id = fc.claim_id "
                                           f"JOIN documents d ON d.id = c.doc_id WHERE COALESCE(d.outlet, '{NONE}') = ?)"),
        ),
        sorts=(SortSpec("origins", "most origins first", ("json_array_length(f.origins)", "f.id"), descending=True),
               *extra_sorts,
               SortSpec("id", "by id", ("f.id",))),
    )


def _contradictions(store: Store) -> ListSpec:
    extra, extra_sorts = _optional_filters(store, "contradictions", "x")
    sides = "SELECT c.id FROM claims c JOIN documents d ON d.id = c.doc_id WHERE c.id IN (x.a, x.b)"
    return ListSpec(
        "contradictions", "FROM contradictions x", "x.id",
        filters=(
            FilterSpec("type", "type", "x.type = ?", facet="x.type"),
            *extra,
            FilterSpec("outlet", "outlet of either side", f"EXISTS ({sides} AND COALESCE(d.outlet, '{NONE}') = ?)"),
            FilterSpec("entity", "entity", "EXISTS (SELECT 1 FROM claims c JOIN mentions m ON m.doc_id = c.doc_id AND m.start >= c.start "
                                           'AND m."end" <= c."end" JOIN entity_keys k ON k.key = m.key AND k.type = m.type '
                                           "WHERE c.id IN (x.a, x.b) AND k.entity_id = ?)"),
            FilterSpec("fact", "fact", "x.fact_id = ?"),
        ),
        sorts=(SortSpec("type", "by type", ("x.type", "x.id")), *extra_sorts, SortSpec("id", "by id", ("x.id",))),
    )


def list_spec(store: Store, kind: str) -> ListSpec:
    """The list of one kind of record (one of `KINDS`), as this database's tables allow."""
    if kind == "facts":
        return _facts(store)
    if kind == "contradictions":
        return _contradictions(store)
    return {"documents": _documents, "entities": _entities, "claims": _claims, "events": _events}[kind]()



def _in_order(ids: Sequence[str], found: dict[str, Any]) -> list[Any]:
    return [found[i] for i in ids if i in found]


# Rows -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRow:
    id: str
    title: str | None
    file_name: str  # never a full path
    outlet: str | None
    url: str | None
    published: str | None
    language: str
    duplicate_of: str | None
    claims: int


def document_rows(store: Store, ids: Sequence[str]) -> list[DocumentRow]:
    if not ids:
        return []
    rows = store.connection.execute(
        "SELECT d.id, d.title, d.source, d.outlet, d.url, d.published_value, d.language, d.duplicate_of, "
        f"(SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id) AS claims FROM documents d WHERE d.id IN ({placeholders(ids)})", list(ids))
    found = {row["id"]: DocumentRow(row["id"], row["title"], _file_name(row["source"]), row["outlet"], row["url"], row["published_value"],
                                    row["language"], row["duplicate_of"], row["claims"]) for row in rows}
    return _in_order(ids, found)


def _file_name(source: str) -> str:
    """A document's source without its folders ('a.jsonl#L12' of '/home/x/a.jsonl#L12')."""
    return source.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class EntityRow:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: int
    documents: int
    place: StoredPlace | None


def entity_rows(store: Store, ids: Sequence[str]) -> list[EntityRow]:
    if not ids:
        return []
    counts = {row["entity_id"]: (row["n"], row["docs"]) for row in store.connection.execute(
        "SELECT k.entity_id, COUNT(*) AS n, COUNT(DISTINCT m.doc_id) AS docs FROM entity_keys k "
        f"JOIN mentions m ON m.key = k.key AND m.type = k.type WHERE k.entity_id IN ({placeholders(ids)}) GROUP BY k.entity_id", list(ids))}
    rows = store.connection.execute(
        "SELECT e.id, e.name, e.type, e.aliases, p.gazetteer_id, p.name AS place_name, p.lat, p.lon, p.country, p.kind, p.precision "
        f"FROM entities e LEFT JOIN entity_places p ON p.entity_id = e.id WHERE e.id IN ({placeholders(ids)})", list(ids))
    found = {row["id"]: EntityRow(row["id"], row["name"], row["type"], tuple(json.loads(row["aliases"])), *counts.get(row["id"], (0, 0)),
                                  place_from_row(row)) for row in rows}
    return _in_order(ids, found)


@dataclass(frozen=True)
class Named:
    """An entity as a row names it."""

    id: str
    name: str


@dataclass(frozen=True)
class ClaimRow:
    claim: StoredClaim
    document: DocumentBrief | None
    reviewed: bool
    source: Named | None  # the source's entity


def claim_rows(store: Store, ids: Sequence[str]) -> list[ClaimRow]:
    claims = claims_by_id(store, list(ids))
    documents = document_briefs(store, {c.doc for c in claims})
    reviewed = _reviewed(store, [c.id for c in claims])
    names = _names(store, {c.source_entity for c in claims if c.source_entity})
    return [ClaimRow(c, documents.get(c.doc), c.id in reviewed, names.get(c.source_entity) if c.source_entity else None) for c in claims]


def _reviewed(store: Store, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    return {row[0] for row in store.connection.execute(f"SELECT claim_id FROM claim_reviews WHERE claim_id IN ({placeholders(ids)})", list(ids))}


def _names(store: Store, ids: Iterable[str]) -> dict[str, Named]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {row["id"]: Named(row["id"], row["name"])
            for row in store.connection.execute(f"SELECT id, name FROM entities WHERE id IN ({placeholders(wanted)})", wanted)}


@dataclass(frozen=True)
class EventRow:
    id: str
    doc: str
    type: str
    plover: str
    status: str
    date: str | None
    trigger: str
    sentence: str  # the sentence that reports it
    actors: tuple[Named, ...]
    targets: tuple[Named, ...]
    place: Named | None
    claim: str | None  # the narrowest claim holding its trigger
    document: DocumentBrief | None


def event_rows(store: Store, ids: Sequence[str]) -> list[EventRow]:
    if not ids:
        return []
    rows = store.connection.execute(
        "SELECT e.id, e.doc_id, e.type, e.plover, e.status, e.date_value, e.trigger, e.start, e.\"end\", "
        "substr(d.text, s.start + 1, s.\"end\" - s.start) AS sentence FROM events e JOIN documents d ON d.id = e.doc_id "
        f"LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence WHERE e.id IN ({placeholders(ids)})", list(ids)).fetchall()
    roles: dict[str, dict[str, list[str]]] = {row["id"]: {"actor": [], "target": [], "location": []} for row in rows}
    for argument in store.connection.execute(
        "SELECT a.event_id, a.role, k.entity_id FROM event_arguments a JOIN entity_keys k ON k.key = a.key AND k.type = a.type "
        f"WHERE a.event_id IN ({placeholders(ids)}) ORDER BY a.event_id, a.position", list(ids)
    ):
        listed = roles[argument["event_id"]][argument["role"]]
        if argument["entity_id"] not in listed:
            listed.append(argument["entity_id"])
    names = _names(store, {e for r in roles.values() for found in r.values() for e in found})
    documents = document_briefs(store, {row["doc_id"] for row in rows})
    found = {}
    for row in rows:
        role = roles[row["id"]]
        claim = store.connection.execute('SELECT id FROM claims WHERE doc_id = ? AND start <= ? AND "end" >= ? ORDER BY "end" - start, id LIMIT 1',
                                         (row["doc_id"], row["start"], row["end"])).fetchone()
        found[row["id"]] = EventRow(
            row["id"], row["doc_id"], row["type"], row["plover"], row["status"], row["date_value"], row["trigger"], row["sentence"] or "",
            tuple(names[e] for e in role["actor"] if e in names), tuple(names[e] for e in role["target"] if e in names),
            names.get(role["location"][0]) if role["location"] else None, claim["id"] if claim else None, documents.get(row["doc_id"]))
    return _in_order(ids, found)


def _extra(row: Any, known: Iterable[str]) -> dict[str, Any]:
    """The columns of a row beyond the known ones, JSON text decoded."""
    found = {}
    for name in row.keys():  # noqa: SIM118 (a sqlite3.Row iterates its values)
        if name in known or row[name] is None:
            continue
        value = row[name]
        if isinstance(value, str) and value[:1] in "[{":
            try:
                value = json.loads(value)
            except ValueError:
                pass
        found[name] = value
    return found


@dataclass(frozen=True)
class FactRow:
    id: str
    about: str
    status: str
    origins: tuple[str, ...]
    claims: int
    extra: dict[str, Any]  # what else the fact's row holds (kind, strength, slot, ...)


def fact_rows(store: Store, ids: Sequence[str]) -> list[FactRow]:
    if not ids:
        return []
    rows = store.connection.execute(
        f"SELECT f.*, (SELECT COUNT(*) FROM fact_claims fc WHERE fc.fact_id = f.id) AS cg_claims FROM facts f WHERE f.id IN ({placeholders(ids)})",
        list(ids))
    found = {row["id"]: FactRow(row["id"], row["about"], row["status"], tuple(json.loads(row["origins"])), row["cg_claims"],
                                _extra(row, ("id", "about", "status", "origins", "cg_claims"))) for row in rows}
    return _in_order(ids, found)


@dataclass(frozen=True)
class ContradictionSide:
    claim: StoredClaim
    document: DocumentBrief | None


@dataclass(frozen=True)
class ContradictionRow:
    id: str
    type: str
    explanation: str
    a: str
    b: str
    fact: str | None
    sides: tuple[ContradictionSide, ...]  # a's, then b's (a claim no longer stored is left out)
    extra: dict[str, Any]  # what else the row holds (slot, values, kind, strength, caveat, ...)


def contradiction_rows(store: Store, ids: Sequence[str]) -> list[ContradictionRow]:
    if not ids:
        return []
    rows = store.connection.execute(f"SELECT * FROM contradictions WHERE id IN ({placeholders(ids)})", list(ids)).fetchall()
    claims = {c.id: c for c in claims_by_id(store, [claim for row in rows for claim in (row["a"], row["b"])])}
    documents = document_briefs(store, {c.doc for c in claims.values()})
    found = {}
    for row in rows:
        sides = tuple(ContradictionSide(claims[c], documents.get(claims[c].doc)) for c in (row["a"], row["b"]) if c in claims)
        found[row["id"]] = ContradictionRow(row["id"], row["type"], row["explanation"], row["a"], row["b"], row["fact_id"], sides,
                                            _extra(row, ("id", "type", "a", "b", "explanation", "fact_id")))
    return _in_order(ids, found)
