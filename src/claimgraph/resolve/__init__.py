"""Resolve: records from many documents joined into corpus-level entities, places geocoded,
and facts and contradictions found across sources (resolve/corpus.py runs it all)."""

from claimgraph.records import Entity, MentionForm, ResolvedPlace
from claimgraph.resolve.entities import resolve_entities
from claimgraph.resolve.places import distance_km, geocode_entities

__all__ = ["Entity", "MentionForm", "ResolvedPlace", "distance_km", "geocode_entities", "resolve_entities"]
