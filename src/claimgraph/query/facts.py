"""Facts (what several claims state alike, with their independent origins) and
contradictions between sources."""

from __future__ import annotations

from claimgraph.records import Contradiction
from claimgraph.store import Store
from claimgraph.store.facts import (
    StoredFact,
    contradiction_from_row,
    iter_contradictions,
    iter_facts,
)

__all__ = ["Contradiction", "StoredFact", "contradiction_kinds", "contradictions", "iter_contradictions", "iter_facts"]


def contradiction_kinds() -> tuple[str, ...]:
    """The kinds of contradictions the registered comparators report (a comparator added by a
    plug-in adds its kind). The comparators are imported only here: reading a database
    never loads the resolution stage."""
    from claimgraph.resolve.comparison import all_comparators
    from claimgraph.resolve.comparison import contradiction_kinds as declared_kinds

    return declared_kinds(all_comparators())


def contradictions(store: Store, *, limit: int, offset: int = 0) -> list[Contradiction]:
    """One page of contradictions, in the order of `iter_contradictions` (by kind, then id)."""
    rows = store.connection.execute("SELECT * FROM contradictions ORDER BY type, id LIMIT ? OFFSET ?", (limit, offset))
    return [contradiction_from_row(row) for row in rows]
