"""Where things are: geocoded entities and the events placed at them (for the map; bounded)."""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.store import Store, StoredPlace
from claimgraph.store.read import place_from_row

__all__ = ["LocatedEvent", "PlacedEntity", "located_events", "placed_entities"]


@dataclass(frozen=True)
class PlacedEntity:
    """A geocoded entity (a place with coordinates) and how often it is mentioned."""

    id: str
    name: str
    type: str
    mentions: int
    place: StoredPlace


@dataclass(frozen=True)
class LocatedEvent:
    """An event at a geocoded place."""

    event: str
    type: str
    plover: str
    date: str | None
    entity: str  # the place's entity
    name: str
    lat: float
    lon: float


def placed_entities(store: Store, *, limit: int) -> list[PlacedEntity]:
    """Geocoded entities with coordinates, the most mentioned first."""
    found = []
    for row in store.connection.execute(
        "SELECT e.id, e.name, e.type, p.lat, p.lon, p.precision, p.kind, p.gazetteer_id, p.name AS place_name, p.country, "
        "COUNT(*) AS n FROM entities e "
        "JOIN entity_places p ON p.entity_id = e.id JOIN entity_keys k ON k.entity_id = e.id "
        "JOIN mentions m ON m.key = k.key AND m.type = k.type WHERE p.lat IS NOT NULL GROUP BY e.id ORDER BY n DESC LIMIT ?",
        (limit,),
    ):
        place = place_from_row(row)
        if place is not None:
            found.append(PlacedEntity(row["id"], row["name"], row["type"], row["n"], place))
    return found


def located_events(store: Store, *, limit: int) -> list[LocatedEvent]:
    """Events whose place has coordinates, the latest dated first."""
    rows = store.connection.execute(
        "SELECT a.event_id, ev.type, ev.plover, ev.date_value, p.lat, p.lon, k.entity_id, e.name FROM event_arguments a "
        "JOIN events ev ON ev.id = a.event_id JOIN entity_keys k ON k.key = a.key AND k.type = a.type "
        "JOIN entities e ON e.id = k.entity_id JOIN entity_places p ON p.entity_id = k.entity_id "
        "WHERE a.role = 'location' AND p.lat IS NOT NULL ORDER BY ev.date_value DESC LIMIT ?", (limit,)
    )
    return [LocatedEvent(row["event_id"], row["type"], row["plover"], row["date_value"], row["entity_id"], row["name"], row["lat"], row["lon"])
            for row in rows]
