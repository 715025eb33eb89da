"""Records by id, in the shapes the export contract is made from (the API's pages read
their rows by id after a keyset query)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimgraph.records import Contradiction
from claimgraph.store import (
    Store,
    StoredDocument,
    StoredEntity,
    StoredEvent,
    StoredMention,
    get_document,
)
from claimgraph.store.events import (
    _SELECT as _EVENT_SELECT,  # the store's own reading of events
)
from claimgraph.store.events import _event
from claimgraph.store.facts import StoredFact, contradiction_from_row
from claimgraph.store.params import placeholders
from claimgraph.store.read import place_from_row

__all__ = ["contradictions_by_id", "documents_by_id", "entities_by_id", "events_by_id", "facts_by_id"]



def documents_by_id(store: Store, ids: Sequence[str]) -> list[StoredDocument]:
    return [document for document in (get_document(store, i) for i in ids) if document is not None]


def entities_by_id(store: Store, ids: Sequence[str]) -> list[StoredEntity]:
    """Entities with their mentions (in document order) and place, in the order given."""
    if not ids:
        return []
    rows = store.connection.execute(
        'SELECT e.id, e.name, e.type, e.aliases, m.doc_id, m.start, m."end", m.text, '
        "p.gazetteer_id, p.name AS place_name, p.lat, p.lon, p.country, p.kind, p.precision "
        "FROM entities e JOIN entity_keys k ON k.entity_id = e.id JOIN mentions m ON m.key = k.key AND m.type = k.type "
        f'LEFT JOIN entity_places p ON p.entity_id = e.id WHERE e.id IN ({placeholders(ids)}) ORDER BY e.id, m.doc_id, m.start, m."end"',
        list(ids)).fetchall()
    mentions: dict[str, list[StoredMention]] = {}
    first: dict[str, Any] = {}
    for row in rows:
        first.setdefault(row["id"], row)
        mentions.setdefault(row["id"], []).append(StoredMention(row["doc_id"], row["start"], row["end"], row["text"]))
    return [StoredEntity(i, first[i]["name"], first[i]["type"], tuple(json.loads(first[i]["aliases"])), tuple(mentions[i]),
                         place_from_row(first[i])) for i in ids if i in first]


def events_by_id(store: Store, ids: Sequence[str]) -> list[StoredEvent]:
    if not ids:
        return []
    found = {row["id"]: _event(store, row) for row in store.connection.execute(_EVENT_SELECT + f" WHERE e.id IN ({placeholders(ids)})", list(ids))}
    return [found[i] for i in ids if i in found]


def facts_by_id(store: Store, ids: Sequence[str]) -> list[StoredFact]:
    if not ids:
        return []
    found = {}
    for row in store.connection.execute(f"SELECT id, about, status, origins FROM facts WHERE id IN ({placeholders(ids)})", list(ids)).fetchall():
        claims = tuple(r[0] for r in store.connection.execute("SELECT claim_id FROM fact_claims WHERE fact_id = ? ORDER BY position", (row["id"],)))
        found[row["id"]] = StoredFact(row["id"], row["about"], row["status"], tuple(json.loads(row["origins"])), claims)
    return [found[i] for i in ids if i in found]


def contradictions_by_id(store: Store, ids: Sequence[str]) -> list[Contradiction]:
    if not ids:
        return []
    found = {row["id"]: contradiction_from_row(row)
             for row in store.connection.execute(f"SELECT * FROM contradictions WHERE id IN ({placeholders(ids)})",
                                                 list(ids))}
    return [found[i] for i in ids if i in found]
