"""An entity's neighbourhood: the entities named with it most often (in one sentence), for
the graph's focus on one entity."""

from __future__ import annotations

from claimgraph.store import Store

__all__ = ["neighbours"]


def neighbours(store: Store, entity_id: str, *, limit: int) -> list[tuple[str, int]]:
    """(entity id, sentences shared) of the entities most often named in a sentence with this
    one, most first."""
    rows = store.connection.execute(
        "WITH s AS (SELECT DISTINCT m.doc_id, m.sentence FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type "
        "WHERE k.entity_id = ?) "
        "SELECT k2.entity_id AS id, COUNT(DISTINCT m2.doc_id || ':' || m2.sentence) AS n FROM s "
        "JOIN mentions m2 ON m2.doc_id = s.doc_id AND m2.sentence = s.sentence "
        "JOIN entity_keys k2 ON k2.key = m2.key AND k2.type = m2.type WHERE k2.entity_id != ? "
        "GROUP BY k2.entity_id ORDER BY n DESC, k2.entity_id LIMIT ?", (entity_id, entity_id, limit))
    return [(row["id"], row["n"]) for row in rows]
