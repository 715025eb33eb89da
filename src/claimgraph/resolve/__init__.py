"""Resolve: records from many documents joined into corpus-level entities, and places geocoded."""

from claimgraph.records import Entity, MentionForm
from claimgraph.resolve.entities import resolve_entities
from claimgraph.resolve.places import (
    PlaceEntity,
    ResolvedPlace,
    distance_km,
    geocode_entities,
)

__all__ = ["Entity", "MentionForm", "PlaceEntity", "ResolvedPlace", "distance_km", "geocode_entities", "resolve_entities"]
