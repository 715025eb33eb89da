"""Store: SQLite persistence (schema migrations, FTS5) and typed reads."""

from claimgraph.store.claims import StoredClaim, StoredDate, find_entity_ids, iter_claims, iter_dates
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
    "StoredDocument",
    "StoredEntity",
    "StoredMention",
    "find_entity_ids",
    "get_document",
    "iter_claims",
    "iter_dates",
    "iter_documents",
    "iter_entities",
    "search_documents",
    "store_stats",
]
