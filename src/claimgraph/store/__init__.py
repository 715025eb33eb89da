"""Store: SQLite persistence (schema migrations, FTS5) and typed reads."""

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
    "StoredDocument",
    "StoredEntity",
    "StoredMention",
    "get_document",
    "iter_documents",
    "iter_entities",
    "search_documents",
    "store_stats",
]
