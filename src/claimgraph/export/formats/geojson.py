"""`geojson`: places and located events as a GeoJSON FeatureCollection (RFC 7946), for QGIS,
kepler.gl and any GIS.

Each geocoded entity with coordinates is a Point feature (`feature_kind` "place": its name,
type, place kind, country, gazetteer id, precision and mention count); each event at such a
place is a Point feature at the place (`feature_kind` "event": its type, PLOVER category and
mode, status, date as written and as a full day with its precision, actors and targets by
name, the sentence, the document and the claims). Coordinates are [longitude, latitude].
Features are written one by one as they are read.

Internal: reached through `claimgraph.export.export()` and `claimgraph export --format`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from claimgraph.export import export_format
from claimgraph.export.calendar import calendar_date
from claimgraph.query import Store, entity_briefs, iter_events
from claimgraph.query.sources import iter_placed_entities


def place_features(store: Store) -> Iterator[dict[str, Any]]:
    for entity in iter_placed_entities(store):
        place = entity.place
        if place.lat is None or place.lon is None:
            continue
        yield _feature(entity.id, place.lon, place.lat, {
            "feature_kind": "place", "entity": entity.id, "name": entity.name, "type": entity.type, "place_kind": place.kind,
            "country": place.country, "gazetteer_id": place.gazetteer_id, "gazetteer_name": place.name,
            "precision": place.precision, "mentions": entity.mentions,
        })


def event_features(store: Store) -> Iterator[dict[str, Any]]:
    for event in iter_events(store):
        if not event.location:
            continue
        names = entity_briefs(store, [*event.actors, *event.targets, event.location])
        place = names.get(event.location)
        if place is None or place.place is None or place.place.lat is None or place.place.lon is None:
            continue
        day = calendar_date(event.date)
        yield _feature(event.id, place.place.lon, place.place.lat, {
            "feature_kind": "event", "event": event.id, "type": event.type, "plover": event.plover, "mode": event.mode,
            "status": event.status, "date": event.date, "event_date": day.day.isoformat() if day else None,
            "date_precision": day.precision_name if day else None,
            "actors": [names[i].name for i in event.actors if i in names], "targets": [names[i].name for i in event.targets if i in names],
            "place": place.name, "place_entity": place.id, "location_basis": event.location_basis, "precision": place.place.precision,
            "text": event.text.strip(), "doc": event.doc, "claims": list(event.claims),
        })


def _feature(identifier: str, lon: float, lat: float, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "id": identifier, "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}


@export_format("geojson", "GeoJSON of places and located events")
def write_geojson(store: Store, out: TextIO) -> dict[str, int]:
    """A FeatureCollection, one feature a line; the count of places and events written."""
    counts = {"place": 0, "event": 0}
    out.write('{"type": "FeatureCollection", "features": [\n')
    first = True
    for kind, features in (("place", place_features(store)), ("event", event_features(store))):
        for feature in features:
            out.write(("" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
            first = False
            counts[kind] += 1
    out.write("\n]}\n")
    return counts
