"""Relations in and out: rows written per document, read back as the views facts group."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from claimgraph.records import Party, Relation
from claimgraph.resolve.relations import RelationView, party_anchors
from claimgraph.store.db import Store
from claimgraph.store.events import reporting_claims
from claimgraph.store.facts import Anchors


def relation_id(relation: Relation) -> str:
    return "rel_" + hashlib.sha1(f"{relation.doc}:{relation.start}:{relation.end}:{relation.kind}".encode()).hexdigest()[:16]


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


def relation_views(store: Store, anchors: Anchors) -> Iterator[RelationView]:
    """Relations with their parties as anchors (entities found through the mention keys, as
    for event arguments), and the claims that carry them, as for events."""
    rows = store.connection.execute(
        "SELECT r.*, s.entity_id AS subject_entity, o.entity_id AS object_entity FROM relations r "
        "LEFT JOIN entity_keys s ON s.key = r.subject_key AND s.type = r.subject_type "
        "LEFT JOIN entity_keys o ON o.key = r.object_key AND o.type = r.object_type "
        'ORDER BY r.doc_id, r.start, r.id').fetchall()
    for row in rows:
        claims = reporting_claims(store, row["doc_id"], row["start"], row["end"])
        subject = party_anchors(row["subject_entity"], row["subject_force"], anchors)
        other = party_anchors(row["object_entity"], row["object_force"], anchors)
        if not claims or not subject or (not other and (row["object_key"] or row["object_force"])):
            continue  # a party whose entity is gone: never read a named denial as "any ties"
        yield RelationView(id=row["id"], doc=row["doc_id"], kind=row["kind"], polarity=row["polarity"],
                           subject=subject, object=other, quoted=bool(row["quoted"]), claims=claims)
