"""Place cues in, geocoded places out: what the place resolver reads and writes."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from claimgraph.records import PlaceCue, ResolvedPlace
from claimgraph.store.db import Store


def add_place_cues(store: Store, cues: Iterable[PlaceCue]) -> None:
    store.connection.executemany(
        "INSERT INTO place_cues VALUES (?, ?, ?, ?, ?, ?)",
        ((c.doc, c.start, c.end, c.relation, c.anchor_start, c.anchor_end) for c in cues),
    )


def iter_place_cues(store: Store) -> Iterator[PlaceCue]:
    for row in store.connection.execute('SELECT doc_id, start, "end", relation, anchor_start, anchor_end FROM place_cues'):
        yield PlaceCue(*row)


def replace_places(store: Store, places: Iterable[ResolvedPlace]) -> int:
    """Replace every entity's place; returns how many entities are placed."""
    with store.transaction():
        store.connection.execute("DELETE FROM entity_places")
        return _insert_places(store, places)


def replace_places_of(store: Store, entity_ids: Collection[str], places: Iterable[ResolvedPlace]) -> int:
    """Replace the places of some entities only (those a correction touched): each of
    `entity_ids` loses its place, then `places` are written; returns how many."""
    with store.transaction():
        store.connection.executemany("DELETE FROM entity_places WHERE entity_id = ?", ((i,) for i in entity_ids))
        return _insert_places(store, places)


def _insert_places(store: Store, places: Iterable[ResolvedPlace]) -> int:
    rows = [(p.entity_id, p.gazetteer_id, p.name, p.lat, p.lon, p.country, p.kind, p.precision) for p in places]
    store.connection.executemany("INSERT INTO entity_places VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)
