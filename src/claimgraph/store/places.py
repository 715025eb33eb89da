"""Place cues in, geocoded places out: what the place resolver reads and writes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from claimgraph.extract.places import PlaceCue
from claimgraph.resolve.places import PlaceEntity, ResolvedPlace
from claimgraph.store.db import Store

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
    marks = ", ".join("?" for _ in PLACE_TYPES)
    rows = store.connection.execute(
        'SELECT e.id, e.type, e.aliases, m.doc_id, m.start, m."end" FROM entities e '
        "JOIN entity_keys k ON k.entity_id = e.id JOIN mentions m ON m.key = k.key AND m.type = k.type "
        f"WHERE e.type IN ({marks}) ORDER BY e.id",
        PLACE_TYPES,
    )
    found: dict[str, tuple[str, str, list[tuple[str, int, int]]]] = {}
    for entity_id, kind, aliases, doc, start, end in rows:
        found.setdefault(entity_id, (kind, aliases, []))[2].append((doc, start, end))
    return [PlaceEntity(entity_id, kind, tuple(json.loads(aliases)), tuple(mentions))
            for entity_id, (kind, aliases, mentions) in found.items()]


def replace_places(store: Store, places: Iterable[ResolvedPlace]) -> int:
    with store.transaction():
        store.connection.execute("DELETE FROM entity_places")
        rows = [(p.entity_id, p.gazetteer_id, p.name, p.lat, p.lon, p.country, p.kind, p.precision) for p in places]
        store.connection.executemany("INSERT INTO entity_places VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)
