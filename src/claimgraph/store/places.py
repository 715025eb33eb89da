"""Place cues in, geocoded places out: what the place resolver reads and writes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimgraph.records import PlaceCue
from claimgraph.resolve.places import PlaceEntity, ResolvedPlace
from claimgraph.store.db import Store
from claimgraph.store.read import iter_entities

PLACE_TYPES = ("GPE", "LOC", "FAC")


def add_place_cues(store: Store, cues: Iterable[PlaceCue]) -> None:
    store.connection.executemany(
        "INSERT INTO place_cues VALUES (?, ?, ?, ?, ?, ?)",
        ((c.doc, c.start, c.end, c.relation, c.anchor_start, c.anchor_end) for c in cues),
    )


def iter_place_cues(store: Store) -> Iterator[PlaceCue]:
    for row in store.connection.execute('SELECT doc_id, start, "end", relation, anchor_start, anchor_end FROM place_cues'):
        yield PlaceCue(*row)


def place_entities(store: Store) -> list[PlaceEntity]:
    """Entities of a place type, with every spelling and mention."""
    return [PlaceEntity(e.id, e.type, e.aliases, tuple((m.doc, m.start, m.end) for m in e.mentions))
            for e in iter_entities(store) if e.type in PLACE_TYPES]


def replace_places(store: Store, places: Iterable[ResolvedPlace]) -> int:
    with store.transaction():
        store.connection.execute("DELETE FROM entity_places")
        rows = [(p.entity_id, p.gazetteer_id, p.name, p.lat, p.lon, p.country, p.kind, p.precision) for p in places]
        store.connection.executemany("INSERT INTO entity_places VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)
