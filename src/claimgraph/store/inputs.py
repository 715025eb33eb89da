"""The inputs table read back: skipped inputs with their reasons, and whether the last build
finished its cross-source stage."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from claimgraph.store.db import Store


@dataclass(frozen=True)
class SkippedInput:
    """An input that did not become a document, as the last build that read it left it."""

    key: str
    reason: str
    retry: bool  # the next build tries it again although it is unchanged (the reason may have gone)
    processed_at: str


def iter_skipped_inputs(store: Store) -> Iterator[SkippedInput]:
    """Every skipped input, by key."""
    for row in store.connection.execute("SELECT key, reason, retry, processed_at FROM inputs WHERE status = 'skipped' ORDER BY key"):
        yield SkippedInput(row["key"], row["reason"] or "", bool(row["retry"]), row["processed_at"])


def repaired_inputs(store: Store) -> Iterator[tuple[str, str]]:
    """(key, what reading it repaired) for each stored input whose reading repaired something."""
    for row in store.connection.execute("SELECT key, note FROM inputs WHERE note IS NOT NULL ORDER BY key"):
        yield row["key"], row["note"]


def resolution_pending(store: Store) -> bool:
    """Whether documents changed since the cross-source stage last finished (a build was
    stopped before its end): entities, places, facts and contradictions are then missing or stale."""
    return store.entities_stale()
