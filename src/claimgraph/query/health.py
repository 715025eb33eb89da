"""What a reader should know of a database's state before trusting it: inputs skipped (and
which the next build retries), inputs repaired, and a cross-source stage left unfinished."""

from __future__ import annotations

from claimgraph.store.failures import database_error
from claimgraph.store.inputs import (
    SkippedInput,
    iter_skipped_inputs,
    repaired_inputs,
    resolution_pending,
)

__all__ = ["SkippedInput", "database_error", "iter_skipped_inputs", "repaired_inputs", "resolution_pending"]
