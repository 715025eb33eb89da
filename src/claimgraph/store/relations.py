"""Relations in and out: rows written per document, read back as the views facts group."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from claimgraph.extract.relations import Party, Relation
from claimgraph.resolve.relations import RelationView, party_anchors
from claimgraph.store.db import Store
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
    """Relations with their parties as anchors, and the claims that carry them (the
    narrowest claim holding the word, as for events)."""
    entity_of = {(row[0], row[1]): row[2] for row in store.connection.execute("SELECT key, type, entity_id FROM entity_keys")}
    rows = store.connection.execute('SELECT * FROM relations ORDER BY doc_id, start, id').fetchall()
    for row in rows:
        claims = store.connection.execute(
            'SELECT id, "end" - start AS length FROM claims WHERE doc_id = ? AND start <= ? AND "end" >= ? ORDER BY length, id',
            (row["doc_id"], row["start"], row["end"])).fetchall()
        if not claims:
            continue
        subject = party_anchors(entity_of.get((row["subject_key"], row["subject_type"])), row["subject_force"], anchors)
        other = party_anchors(entity_of.get((row["object_key"], row["object_type"])), row["object_force"], anchors)
        if not subject or (not other and (row["object_key"] or row["object_force"])):
            continue  # a party whose entity is gone: never read a named denial as "any ties"
        narrowest = claims[0]["length"]
        yield RelationView(id=row["id"], doc=row["doc_id"], kind=row["kind"], polarity=row["polarity"],
                           subject=subject, object=other, quoted=bool(row["quoted"]),
                           claims=tuple(c["id"] for c in claims if c["length"] == narrowest))
