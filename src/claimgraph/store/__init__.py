"""Store: SQLite persistence (schema migrations, FTS5) and typed reads."""

from claimgraph.store.claims import StoredClaim, StoredDate, StoredQuantity, find_entity_ids, iter_claims, iter_dates, iter_quantities
from claimgraph.store.db import Store
from claimgraph.store.read import (
    StoredDocument,
    StoredEntity,
    StoredMention,
    StoreStats,
    get_document,
    iter_documents,
    iter_entities,
    search_documents,
    store_stats,
)

__all__ = [
    "Store",
    "StoreStats",
    "StoredClaim",
    "StoredDate",
    "StoredQuantity",
    "StoredDocument",
    "StoredEntity",
    "StoredMention",
    "find_entity_ids",
    "get_document",
    "iter_claims",
    "iter_dates",
    "iter_quantities",
    "iter_documents",
    "iter_entities",
    "search_documents",
    "store_stats",
]
