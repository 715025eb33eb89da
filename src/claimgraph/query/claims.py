"""Claims: who says what, read with their source entity and the entities, dates and
quantities inside them."""

from __future__ import annotations

from collections.abc import Iterable

from claimgraph.store import Store, StoredClaim, iter_claims
from claimgraph.store.claims import claims_by_id as _claims_by_id
from claimgraph.store.events import ClaimBrief, claim_briefs

__all__ = ["ClaimBrief", "StoredClaim", "claim_briefs", "claim_exists", "claims_by_id", "iter_claims"]


def claim_exists(store: Store, claim_id: str) -> bool:
    return store.connection.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is not None


def claims_by_id(store: Store, ids: Iterable[str]) -> list[StoredClaim]:
    """The claims with these ids, in the order given (unknown ids are left out)."""
    return _claims_by_id(store, list(ids))
