"""Resolved entities in and out, with the reasons of their merges and the analyst's corrections."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timezone

from claimgraph.records import Correction, Entity, Merge
from claimgraph.store.db import Store


def replace_resolved_entities(store: Store, entities: Iterable[Entity]) -> int:
    """Replace all entities, their keys and their merge reasons. Returns the count."""
    count = 0
    with store.transaction():
        store.connection.execute("DELETE FROM entity_merges")
        store.connection.execute("DELETE FROM entity_keys")
        store.connection.execute("DELETE FROM entities")
        for entity in entities:
            store.connection.execute(
                "INSERT INTO entities (id, name, type, aliases) VALUES (?, ?, ?, ?)",
                (entity.id, entity.name, entity.type, json.dumps(list(entity.aliases), ensure_ascii=False)),
            )
            store.connection.executemany(
                "INSERT INTO entity_keys (key, type, entity_id) VALUES (?, ?, ?)", ((k, t, entity.id) for k, t in entity.keys)
            )
            store.connection.executemany(
                "INSERT INTO entity_merges (entity_id, key, into_key, reason) VALUES (?, ?, ?, ?)",
                ((entity.id, m.key, m.into, m.reason) for m in entity.merges),
            )
            count += 1
    return count


def entity_merges(store: Store, entity_id: str) -> list[Merge]:
    rows = store.connection.execute("SELECT key, into_key, reason FROM entity_merges WHERE entity_id = ? ORDER BY rowid", (entity_id,))
    return [Merge(row["key"], row["into_key"], row["reason"]) for row in rows]


def all_entity_merges(store: Store) -> dict[str, list[Merge]]:
    """Every entity's merges, by entity id (one row per union: a fraction of the mentions)."""
    found: dict[str, list[Merge]] = {}
    for row in store.connection.execute("SELECT entity_id, key, into_key, reason FROM entity_merges ORDER BY rowid"):
        found.setdefault(row["entity_id"], []).append(Merge(row["key"], row["into_key"], row["reason"]))
    return found


def entity_key_forms(store: Store, entity_id: str) -> list[tuple[str, str, int]]:
    """(key, surface text, count) of an entity's mentions."""
    rows = store.connection.execute(
        "SELECT m.key, m.text, COUNT(*) AS n FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type "
        "WHERE k.entity_id = ? GROUP BY m.key, m.text ORDER BY n DESC, m.text",
        (entity_id,),
    )
    return [(row["key"], row["text"], row["n"]) for row in rows]


def entity_corrections(store: Store) -> list[Correction]:
    rows = store.connection.execute("SELECT action, key, other_key FROM entity_corrections ORDER BY id")
    return [Correction(row["action"], row["key"], row["other_key"]) for row in rows]


def add_corrections(store: Store, corrections: Iterable[Correction], *, note: str | None = None) -> int:
    """Record an analyst's merges or splits; entities are resolved again on the next build."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    rows = [(c.action, c.key, c.other, note, now) for c in corrections]
    with store.transaction():
        store.connection.executemany(
            "INSERT INTO entity_corrections (action, key, other_key, note, created_at) VALUES (?, ?, ?, ?, ?)", rows
        )
        store.mark_entities_stale()
    return len(rows)
