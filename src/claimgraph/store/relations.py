"""Relations in and out: rows written per document, read back with their parties' entities
and the claims that carry them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from claimgraph.records import Party, Relation, StoredRelation
from claimgraph.store.db import Store
from claimgraph.store.events import reporting_claims
from claimgraph.store.ids import relation_id


def add_relations(store: Store, relations: Iterable[Relation]) -> int:
    """Write one document's relations; returns how many."""
    rows = [(relation_id(r), r.doc, r.sentence, r.start, r.end, r.trigger, r.kind, r.polarity,
             *_party_columns(r.subject), *_party_columns(r.object), int(r.quoted)) for r in relations]
    store.connection.executemany(
        'INSERT INTO relations (id, doc_id, sentence, start, "end", trigger, kind, polarity, subject_text, subject_key, '
        "subject_type, subject_force, object_text, object_key, object_type, object_force, quoted) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", rows)
    return len(rows)


def _party_columns(party: Party | None) -> tuple[str | None, str | None, str | None, str | None]:
    if party is None:
        return (None, None, None, None)
    return (party.text, party.key, party.type, party.force)


def iter_relations(store: Store) -> Iterator[StoredRelation]:
    """Relations in document order, their parties' entities found through the mention keys
    (as for event arguments), with the claims that carry them (as for events)."""
    rows = store.connection.execute(
        "SELECT r.*, s.entity_id AS subject_entity, o.entity_id AS object_entity FROM relations r "
        "LEFT JOIN entity_keys s ON s.key = r.subject_key AND s.type = r.subject_type "
        "LEFT JOIN entity_keys o ON o.key = r.object_key AND o.type = r.object_type "
        'ORDER BY r.doc_id, r.start, r.id').fetchall()
    for row in rows:
        yield StoredRelation(
            id=row["id"], doc=row["doc_id"], start=row["start"], end=row["end"], trigger=row["trigger"], kind=row["kind"],
            polarity=row["polarity"], subject=_party(row, "subject"),
            object=_party(row, "object") if row["object_text"] is not None else None,
            subject_entity=row["subject_entity"], object_entity=row["object_entity"],
            claims=reporting_claims(store, row["doc_id"], row["start"], row["end"]), quoted=bool(row["quoted"]))


def _party(row: sqlite3.Row, role: str) -> Party:
    return Party(row[f"{role}_text"], row[f"{role}_key"], row[f"{role}_type"], row[f"{role}_force"])
