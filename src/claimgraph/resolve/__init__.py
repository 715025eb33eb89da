"""Resolve: records from many documents joined into corpus-level entities."""

from claimgraph.resolve.entities import Entity, MentionForm, resolve_entities

__all__ = ["Entity", "MentionForm", "resolve_entities"]
