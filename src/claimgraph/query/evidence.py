"""One fact or one contradiction with its evidence: the claims (their sentences, sources and
documents), the events they report, the figures in them, and how the cross-source stage
compared them. Columns and tables that stage adds (a fact's accounts, a contradiction's slot,
values, kind, strength, caveat) are read generically, so they show as soon as they exist."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from claimgraph.query.browse import (
    ClaimRow,
    ContradictionRow,
    EventRow,
    FactRow,
    claim_rows,
    contradiction_rows,
    event_rows,
    fact_rows,
)
from claimgraph.store import Store, StoredQuantity
from claimgraph.store.params import placeholders

__all__ = ["ContradictionDetail", "FactDetail", "contradiction_detail", "fact_detail", "quantities_by_id"]


@dataclass(frozen=True)
class FactDetail:
    fact: FactRow
    claims: list[ClaimRow]  # in the fact's order
    events: list[EventRow]
    accounts: list[dict[str, Any]]  # the cross-source stage's accounts, when it records them
    contradictions: list[ContradictionRow]
    quantities: dict[str, StoredQuantity]  # the figures inside its claims, by id


def fact_detail(store: Store, fact_id: str) -> FactDetail | None:
    found = fact_rows(store, [fact_id])
    if not found:
        return None
    claim_ids = [row[0] for row in store.connection.execute(
        "SELECT claim_id FROM fact_claims WHERE fact_id = ? ORDER BY position", (fact_id,))]
    event_ids = [row[0] for row in store.connection.execute("SELECT event_id FROM fact_events WHERE fact_id = ?", (fact_id,))]
    contradiction_ids = [row[0] for row in store.connection.execute("SELECT id FROM contradictions WHERE fact_id = ? ORDER BY type, id",
                                                                   (fact_id,))]
    claims = claim_rows(store, claim_ids)
    return FactDetail(found[0], claims, event_rows(store, event_ids), _accounts(store, fact_id), contradiction_rows(store, contradiction_ids),
                      quantities_by_id(store, [q for row in claims for q in row.claim.quantities]))


def _accounts(store: Store, fact_id: str) -> list[dict[str, Any]]:
    if store.connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fact_accounts'").fetchone() is None:
        return []
    rows = store.connection.execute("SELECT * FROM fact_accounts WHERE fact_id = ?", (fact_id,))
    return [{name: row[name] for name in row.keys() if name != "fact_id"} for row in rows]  # noqa: SIM118


@dataclass(frozen=True)
class ContradictionDetail:
    contradiction: ContradictionRow
    fact: FactRow | None
    quantities: dict[str, StoredQuantity]  # the figures inside both sides, by id


def contradiction_detail(store: Store, contradiction_id: str) -> ContradictionDetail | None:
    found = contradiction_rows(store, [contradiction_id])
    if not found:
        return None
    row = found[0]
    facts = fact_rows(store, [row.fact]) if row.fact else []
    return ContradictionDetail(row, facts[0] if facts else None,
                               quantities_by_id(store, [q for side in row.sides for q in side.claim.quantities]))


def quantities_by_id(store: Store, ids: Sequence[str]) -> dict[str, StoredQuantity]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = store.connection.execute(
        'SELECT id, doc_id, start, "end", text, value, value_max, unit, qualifier, about FROM quantities '
        f"WHERE id IN ({placeholders(wanted)})", wanted)
    return {row["id"]: StoredQuantity(row["id"], row["doc_id"], row["start"], row["end"], row["text"], row["value"], row["value_max"],
                                      row["unit"], row["qualifier"], row["about"]) for row in rows}
