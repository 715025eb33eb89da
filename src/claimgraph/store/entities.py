"""Resolved entities in and out, with the reasons of their merges and the analyst's corrections."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from datetime import UTC, datetime

from claimgraph.records import Correction, Entity, MentionForm, Merge
from claimgraph.store.db import Store


def replace_resolved_entities(store: Store, entities: Iterable[Entity]) -> int:
    """Replace all entities, their keys and their merge reasons. Returns the count."""
    with store.transaction():
        store.connection.execute("DELETE FROM entity_merges")
        store.connection.execute("DELETE FROM entity_keys")
        store.connection.execute("DELETE FROM entities")
        return _insert_entities(store, entities)


def replace_some_entities(store: Store, removed: Collection[str], added: Iterable[Entity]) -> int:
    """Replace some entities only (those a correction changed): the `removed` ids go with
    their keys, merge reasons and places, then `added` are written. Returns how many were added."""
    with store.transaction():
        store.connection.executemany("DELETE FROM entity_merges WHERE entity_id = ?", ((i,) for i in removed))
        store.connection.executemany("DELETE FROM entity_keys WHERE entity_id = ?", ((i,) for i in removed))
        store.connection.executemany("DELETE FROM entity_places WHERE entity_id = ?", ((i,) for i in removed))
        store.connection.executemany("DELETE FROM entities WHERE id = ?", ((i,) for i in removed))
        return _insert_entities(store, added)


def _insert_entities(store: Store, entities: Iterable[Entity]) -> int:
    count = 0
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


def iter_resolved_entities(store: Store) -> Iterator[Entity]:
    """Entities as resolution made them (keys and merge reasons, no mentions), by id: what a
    correction compares its new resolution with."""
    keys: dict[str, list[tuple[str, str]]] = {}
    for row in store.connection.execute("SELECT key, type, entity_id FROM entity_keys ORDER BY entity_id, key, type"):
        keys.setdefault(row["entity_id"], []).append((row["key"], row["type"]))
    merges = all_entity_merges(store)
    for row in store.connection.execute("SELECT id, name, type, aliases FROM entities ORDER BY id"):
        yield Entity(id=row["id"], name=row["name"], type=row["type"], aliases=tuple(json.loads(row["aliases"])),
                     keys=tuple(keys.get(row["id"], ())), merges=tuple(merges.get(row["id"], ())))


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
    return [(form.key, form.text, form.count) for form in entity_spellings(store, entity_id)]


def entity_spellings(store: Store, entity_id: str) -> list[MentionForm]:
    """An entity's spellings: each surface text under each mention key, most frequent first
    (ties by text); `type` is the mentions' (the first by name when one spelling has two)."""
    rows = store.connection.execute(
        "SELECT m.key, MIN(m.type) AS type, m.text, COUNT(*) AS n FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type "
        "WHERE k.entity_id = ? GROUP BY m.key, m.text ORDER BY n DESC, m.text",
        (entity_id,),
    )
    return [MentionForm(row["key"], row["type"], row["text"], row["n"]) for row in rows]


def entity_corrections(store: Store) -> list[Correction]:
    """The analyst's merges and splits, in the order they were made."""
    rows = store.connection.execute("SELECT action, key, other_key FROM entity_corrections ORDER BY id")
    return [Correction(row["action"], row["key"], row["other_key"]) for row in rows]


def add_corrections(store: Store, corrections: Iterable[Correction], *, note: str | None = None) -> int:
    """Record an analyst's merges or splits, kept across rebuilds; entities are stale until
    the corrections are applied (at once, resolve/corrections.py, or by the next build)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [(c.action, c.key, c.other, note, now) for c in corrections]
    with store.transaction():
        store.connection.executemany(
            "INSERT INTO entity_corrections (action, key, other_key, note, created_at) VALUES (?, ?, ?, ?, ?)", rows
        )
        store.mark_entities_stale()
    return len(rows)
