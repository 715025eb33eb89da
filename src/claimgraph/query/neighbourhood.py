"""An entity's neighbourhood: the entities named with it most often (in one sentence), for
the graph's focus on one entity."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence

from claimgraph.query.entities import EntityLink
from claimgraph.store import Store
from claimgraph.store.params import placeholders

__all__ = ["links_among", "neighbours"]


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


def links_among(store: Store, ids: Sequence[str]) -> list[EntityLink]:
    """The links among some entities, as `claimgraph.query.entity_links` gives them
    (co-occurrences in one sentence, each pair once; then actor -> target of events), read
    from the mentions of these entities only."""
    if not ids:
        return []
    marks = placeholders(ids)
    sentences: dict[tuple[str, int], set[str]] = {}
    for row in store.connection.execute(
        "SELECT k.entity_id, m.doc_id, m.sentence FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type "
        f"WHERE k.entity_id IN ({marks})", list(ids)
    ):
        sentences.setdefault((row["doc_id"], row["sentence"]), set()).add(row["entity_id"])
    pairs: Counter[tuple[str, str]] = Counter()
    for together in sentences.values():
        pairs.update(itertools.combinations(sorted(together), 2))
    links = [EntityLink(a, b, "co-occurrence", n) for (a, b), n in sorted(pairs.items())]
    events: dict[str, dict[str, set[str]]] = {}
    for row in store.connection.execute(
        "SELECT a.event_id, a.role, k.entity_id FROM entity_keys k JOIN event_arguments a ON a.key = k.key AND a.type = k.type "
        f"WHERE k.entity_id IN ({marks}) AND a.role IN ('actor', 'target')", list(ids)
    ):
        events.setdefault(row["event_id"], {"actor": set(), "target": set()})[row["role"]].add(row["entity_id"])
    directed: Counter[tuple[str, str]] = Counter()
    for roles in events.values():
        directed.update((a, b) for a in roles["actor"] for b in roles["target"] if a != b)
    return links + [EntityLink(a, b, "event", n) for (a, b), n in sorted(directed.items())]
