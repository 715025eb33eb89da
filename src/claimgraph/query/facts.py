"""Facts (what several claims state alike, with their independent origins) and
contradictions between sources."""

from __future__ import annotations

from claimgraph.records import Contradiction
from claimgraph.store import Store
from claimgraph.store.facts import StoredFact, iter_contradictions, iter_facts

__all__ = ["Contradiction", "StoredFact", "contradictions", "iter_contradictions", "iter_facts"]


def contradictions(store: Store, *, limit: int, offset: int = 0) -> list[Contradiction]:
    """One page of contradictions, in the order of `iter_contradictions` (by kind, then id)."""
    rows = store.connection.execute("SELECT * FROM contradictions ORDER BY type, id LIMIT ? OFFSET ?", (limit, offset))
    return [Contradiction(row["id"], row["type"], row["a"], row["b"], row["explanation"], row["fact_id"]) for row in rows]
