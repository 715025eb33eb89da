"""Parameters of statements that name many ids: one `?` per value, and reading in chunks so
that no statement passes SQLite's limit on bound parameters."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sized

from claimgraph.store.db import Store

CHUNK = 500  # ids per statement: well under SQLite's 32,766 bound parameters, and short plans


def placeholders(values: Sized) -> str:
    """'?, ?, ?' for an `IN (...)` list of these values."""
    return ", ".join("?" * len(values))


def rows_for_ids(store: Store, select: str, ids: Iterable[str], *, chunk: int = CHUNK) -> Iterator[sqlite3.Row]:
    """The rows of `select` (its `{}` the place of the placeholders: `... WHERE id IN ({})`)
    for each distinct id, read `chunk` ids at a time."""
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), chunk):
        part = wanted[start:start + chunk]
        yield from store.connection.execute(select.format(placeholders(part)), part)
