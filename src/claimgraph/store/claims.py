"""Reading claims back, with their source entity and the entities mentioned in them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime

from claimgraph.records import StoredClaim
from claimgraph.store.db import Store
from claimgraph.store.params import placeholders

_SELECT = (
    "SELECT c.*, k.entity_id AS source_entity, e.type AS source_entity_type FROM claims c "
    "LEFT JOIN entity_keys k ON k.key = c.source_key AND k.type = c.source_type "
    "LEFT JOIN entities e ON e.id = k.entity_id "
)
# A named source's kind follows its resolved entity's (majority) type, not one mention's label.
_KIND_OF_ENTITY_TYPE = {"PERSON": "person", "ORG": "organization", "GPE": "organization", "NORP": "organization", "MEDIA": "media"}


def iter_claims(store: Store, *, stance: str | None = None, entity_ids: list[str] | None = None) -> Iterator[StoredClaim]:
    """Claims in document order; optionally only denials/assertions, or those about or by entities."""
    where, params = [], []
    if stance:
        where.append("c.stance = ?")
        params.append(stance)
    if entity_ids:
        marks = placeholders(entity_ids)
        where.append(
            f"(k.entity_id IN ({marks}) OR EXISTS (SELECT 1 FROM mentions m JOIN entity_keys mk ON mk.key = m.key AND mk.type = m.type "
            f'WHERE m.doc_id = c.doc_id AND m.start >= c.start AND m."end" <= c."end" AND mk.entity_id IN ({marks})))'
        )
        params += entity_ids * 2
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.doc_id, c.start, c.id"
    for row in store.connection.execute(sql, params):
        yield _claim(row, _entities_in(store, row), _inside(store, "dates", row), _inside(store, "quantities", row))


def claims_by_id(store: Store, ids: list[str]) -> list[StoredClaim]:
    """The claims with these ids, in the order given."""
    found = {}
    for claim_id in dict.fromkeys(ids):
        row = store.connection.execute(_SELECT + " WHERE c.id = ?", (claim_id,)).fetchone()
        if row is not None:
            found[claim_id] = _claim(row, _entities_in(store, row), _inside(store, "dates", row), _inside(store, "quantities", row))
    return [found[i] for i in ids if i in found]


def has_claim(store: Store, claim_id: str) -> bool:
    return store.connection.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is not None


def add_claim_review(store: Store, claim_id: str) -> None:
    """Record that an analyst reviewed a claim (again: the latest time is kept)."""
    with store.transaction():
        store.connection.execute("INSERT OR REPLACE INTO claim_reviews (claim_id, reviewed_at) VALUES (?, ?)",
                                 (claim_id, datetime.now(UTC).isoformat(timespec="seconds")))


def remove_claim_review(store: Store, claim_id: str) -> None:
    """Take back an analyst's review of a claim (nothing happens when there was none)."""
    with store.transaction():
        store.connection.execute("DELETE FROM claim_reviews WHERE claim_id = ?", (claim_id,))


def find_entity_ids(store: Store, name: str) -> list[str]:
    """Entities whose name or an alias equals `name` (case-insensitive)."""
    wanted = name.casefold()
    ids = []
    for row in store.connection.execute("SELECT id, name, aliases FROM entities"):
        if row["name"].casefold() == wanted or any(a.casefold() == wanted for a in json.loads(row["aliases"])):
            ids.append(row["id"])
    return ids


def _entities_in(store: Store, row: sqlite3.Row) -> tuple[str, ...]:
    rows = store.connection.execute(
        # Each entity at its first mention (the order SQLite gave its DISTINCT, made explicit for PostgreSQL).
        "SELECT k.entity_id FROM mentions m JOIN entity_keys k ON k.key = m.key AND k.type = m.type "
        'WHERE m.doc_id = ? AND m.start >= ? AND m."end" <= ? GROUP BY k.entity_id ORDER BY MIN(m.start), MIN(m.id)',
        (row["doc_id"], row["start"], row["end"]),
    )
    return tuple(r[0] for r in rows)


def _source_kind(row: sqlite3.Row) -> str:
    kind = row["source_kind"]
    if kind in ("person", "organization") and row["source_entity_type"] in _KIND_OF_ENTITY_TYPE:
        return _KIND_OF_ENTITY_TYPE[row["source_entity_type"]]
    return kind


def _claim(row: sqlite3.Row, entities: tuple[str, ...], dates: tuple[str, ...], quantities: tuple[str, ...]) -> StoredClaim:
    return StoredClaim(
        id=row["id"],
        doc=row["doc_id"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        source_name=row["source_name"],
        source_kind=_source_kind(row),
        source_entity=row["source_entity"],
        cue=row["cue"],
        stance=row["stance"],
        modality=row["modality"],
        via=tuple(json.loads(row["via"])),
        entities=entities,
        dates=dates,
        quantities=quantities,
    )


def _inside(store: Store, table: str, row: sqlite3.Row) -> tuple[str, ...]:
    """Ids of the `dates` or `quantities` records inside a claim's span."""
    assert table in ("dates", "quantities")
    rows = store.connection.execute(
        f'SELECT id FROM {table} WHERE doc_id = ? AND start >= ? AND "end" <= ? ORDER BY start', (row["doc_id"], row["start"], row["end"])
    )
    return tuple(r[0] for r in rows)
