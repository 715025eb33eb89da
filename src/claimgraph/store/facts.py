"""Facts and contradictions in and out: written whole by the cross-source stage, read back
by the query layer and the exports."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from claimgraph.records import Contradiction, Fact
from claimgraph.store.db import Store


def replace_facts(store: Store, facts: Iterable[Fact], contradictions: Iterable[Contradiction]) -> tuple[int, int]:
    """Replace every fact and contradiction; returns their counts."""
    facts, contradictions = list(facts), list(contradictions)
    with store.transaction():
        for table in ("contradictions", "fact_events", "fact_claims", "facts"):
            store.connection.execute(f"DELETE FROM {table}")
        store.connection.executemany("INSERT INTO facts (id, about, status, origins) VALUES (?, ?, ?, ?)",
                                     ((f.id, f.about, f.status, json.dumps(list(f.independent_origins), ensure_ascii=False)) for f in facts))
        store.connection.executemany("INSERT INTO fact_claims (fact_id, claim_id, position) VALUES (?, ?, ?)",
                                     ((f.id, c, i) for f in facts for i, c in enumerate(f.claims)))
        store.connection.executemany("INSERT INTO fact_events (fact_id, event_id) VALUES (?, ?)", ((f.id, e) for f in facts for e in f.events))
        store.connection.executemany(
            "INSERT INTO contradictions (id, type, a, b, explanation, fact_id, slot, value_a, value_b, caveat, strength) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((c.id, c.type, c.a, c.b, c.explanation, c.fact, c.slot, c.value_a, c.value_b, c.caveat, c.strength) for c in contradictions))
    return len(facts), len(contradictions)


@dataclass(frozen=True)
class StoredFact:
    id: str
    about: str
    status: str
    independent_origins: tuple[str, ...]
    claims: tuple[str, ...]


def iter_facts(store: Store, *, status: str | None = None) -> Iterator[StoredFact]:
    where, params = ("WHERE status = ?", [status]) if status else ("", [])
    for row in store.connection.execute(f"SELECT * FROM facts {where} ORDER BY id", params):
        claims = tuple(r[0] for r in store.connection.execute(
            "SELECT claim_id FROM fact_claims WHERE fact_id = ? ORDER BY position", (row["id"],)))
        yield StoredFact(row["id"], row["about"], row["status"], tuple(json.loads(row["origins"])), claims)


def contradiction_from_row(row: sqlite3.Row) -> Contradiction:
    """A contradiction as stored (its details empty in a database built before they existed)."""
    return Contradiction(row["id"], row["type"], row["a"], row["b"], row["explanation"], row["fact_id"], row["slot"],
                         row["value_a"], row["value_b"], row["caveat"], row["strength"])


def iter_contradictions(store: Store) -> Iterator[Contradiction]:
    for row in store.connection.execute("SELECT * FROM contradictions ORDER BY type, id"):
        yield contradiction_from_row(row)
