"""`KnowledgeBase`: a built database, read through the query layer (what `claimgraph.open`
returns)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Self

from claimgraph.errors import StoreError
from claimgraph.query.claims import iter_claims
from claimgraph.query.documents import SearchHit, get_document, iter_documents, search
from claimgraph.query.entities import (
    EntityDetail,
    entity_detail,
    entity_exists,
    find_entity_ids,
    iter_entities,
)
from claimgraph.query.events import iter_events
from claimgraph.query.facts import iter_contradictions, iter_facts
from claimgraph.query.stats import store_stats
from claimgraph.records import Contradiction
from claimgraph.store import (
    Store,
    StoredClaim,
    StoredDocument,
    StoredEntity,
    StoredEvent,
    StoreStats,
)
from claimgraph.store.facts import StoredFact

__all__ = ["KnowledgeBase"]


class KnowledgeBase:
    """A claimgraph database: its documents, entities, claims, events, facts and
    contradictions, and full-text search over its documents.

    Open one with `claimgraph.open(path)` and close it (or use it in a `with` block). The
    `iter`-style methods stream: they read the database as they are iterated, so iterate
    each before the knowledge base is closed.
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> KnowledgeBase:
        """Open an existing database (raises `StoreError` when there is none, or it is not
        claimgraph's)."""
        if not Path(path).is_file():
            raise StoreError(f"{os.fspath(path)}: no such database")
        return cls(Store.open(path))

    @property
    def store(self) -> Store:
        """The underlying store (to pass to `claimgraph.build`, or to the functions of
        `claimgraph.query`)."""
        return self._store

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def documents(self) -> Iterator[StoredDocument]:
        """Every document, by source."""
        return iter_documents(self._store)

    def document(self, doc_id: str) -> StoredDocument | None:
        return get_document(self._store, doc_id)

    def entities(self) -> Iterator[StoredEntity]:
        """Every entity with its mentions and place, by id."""
        return iter_entities(self._store)

    def entity(self, entity_id: str) -> EntityDetail | None:
        """One entity in detail: spellings, merge reasons, mentions and claims (bounded)."""
        return entity_detail(self._store, entity_id)

    def find_entities(self, name: str) -> list[str]:
        """The ids of the entities with this name or alias (case-insensitive), or this id."""
        if entity_exists(self._store, name):
            return [name]
        return find_entity_ids(self._store, name)

    def claims(self, *, entity: str | None = None, stance: str | None = None, attributed: bool = False) -> Iterator[StoredClaim]:
        """Claims in document order. `entity`: only those by or about the entities with this
        name, alias or id (none when no entity has it); `stance`: "assert" or "deny";
        `attributed`: leave out those in the outlet's own voice."""
        entity_ids = None
        if entity is not None:
            entity_ids = self.find_entities(entity)
            if not entity_ids:
                return iter(())
        found = iter_claims(self._store, stance=stance, entity_ids=entity_ids)
        return (claim for claim in found if not attributed or claim.source_kind != "outlet")

    def events(self, *, types: Iterable[str] | None = None, status: str | None = None) -> Iterator[StoredEvent]:
        """Events in document order; `types`: only these (ATTACK, DEPLOY, ...); `status`: only
        those told this way (happened, planned, denied, ...)."""
        found = iter_events(self._store, types=[t.upper() for t in types or ()])
        return (event for event in found if status is None or event.status == status)

    def facts(self, *, status: str | None = None) -> Iterator[StoredFact]:
        """Facts by id; `status`: corroborated, single_source or contested."""
        return iter_facts(self._store, status=status)

    def contradictions(self, *, types: Iterable[str] | None = None) -> Iterator[Contradiction]:
        """Contradictions by kind, then id; `types`: only these kinds (numeric, assert_vs_deny,
        date, attribution, ...)."""
        wanted = frozenset(types or ())
        return (c for c in iter_contradictions(self._store) if not wanted or c.type in wanted)

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search of titles and texts (SQLite FTS5 syntax), best match first.
        Raises `InvalidQuery` for malformed syntax."""
        return search(self._store, query, limit=limit)

    def stats(self, *, top: int = 10) -> StoreStats:
        """Counts of everything, the languages, the skipped inputs, the most mentioned entities."""
        return store_stats(self._store, top=top)
