"""Counts: what a knowledge base holds."""

from __future__ import annotations

from claimgraph.store import Store, StoreStats, store_stats

__all__ = ["StoreStats", "geocoded_places", "record_counts", "store_stats"]

# The kinds of record an overview counts, in the order it shows them.
_COUNTED = ("documents", "entities", "claims", "events", "facts", "contradictions", "dates", "quantities")


def record_counts(store: Store) -> dict[str, int]:
    """How many documents, entities, claims, events, facts, contradictions, dates and
    quantities there are (in that order)."""
    return {table: store.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in _COUNTED}


def geocoded_places(store: Store) -> int:
    """How many entities are placed by the gazetteer."""
    return int(store.connection.execute("SELECT COUNT(*) FROM entity_places").fetchone()[0])
