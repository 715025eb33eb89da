"""Store: SQLite persistence (schema migrations, FTS5) and typed reads."""

from claimgraph.store.claims import StoredClaim, find_entity_ids, iter_claims
from claimgraph.store.db import Store
from claimgraph.store.events import StoredEvent, iter_events
from claimgraph.store.read import (
    StoredDate,
    StoredDocument,
    StoredEntity,
    StoredMention,
    StoredPlace,
    StoredQuantity,
    StoreStats,
    get_document,
    iter_dates,
    iter_documents,
    iter_entities,
    iter_quantities,
    search_documents,
    store_stats,
)

__all__ = [
    "Store",
    "StoreStats",
    "StoredClaim",
    "StoredDate",
    "StoredDocument",
    "StoredEntity",
    "StoredEvent",
    "StoredMention",
    "StoredPlace",
    "StoredQuantity",
    "find_entity_ids",
    "get_document",
    "iter_claims",
    "iter_dates",
    "iter_documents",
    "iter_entities",
    "iter_events",
    "iter_quantities",
    "search_documents",
    "store_stats",
]
