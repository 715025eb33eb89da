"""Where a record comes from, as an export cites it: when each document was stored (ACLED's
`timestamp`) and the places an export lists (every geocoded entity, streamed)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from claimgraph.query.places import PlacedEntity
from claimgraph.store import Store
from claimgraph.store.params import rows_for_ids
from claimgraph.store.read import place_from_row

__all__ = ["document_added", "iter_placed_entities"]


def document_added(store: Store, ids: Iterable[str]) -> dict[str, int]:
    """When each of these documents was stored, as a Unix timestamp (unknown ids left out)."""
    return {row["id"]: int(datetime.fromisoformat(row["added_at"]).timestamp())
            for row in rows_for_ids(store, "SELECT id, added_at FROM documents WHERE id IN ({})", ids)}


def iter_placed_entities(store: Store) -> Iterator[PlacedEntity]:
    """Every geocoded entity with coordinates and its mention count, by id (streamed; the
    map's `placed_entities` is the bounded, most-mentioned-first form)."""
    for row in store.connection.execute(
        "SELECT e.id, e.name, e.type, p.lat, p.lon, p.precision, p.kind, p.gazetteer_id, p.name AS place_name, p.country, "
        "(SELECT COUNT(*) FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type WHERE k.entity_id = e.id) AS n "
        "FROM entities e JOIN entity_places p ON p.entity_id = e.id WHERE p.lat IS NOT NULL ORDER BY e.id"
    ):
        place = place_from_row(row)
        if place is not None:
            yield PlacedEntity(row["id"], row["name"], row["type"], row["n"], place)
