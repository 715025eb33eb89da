"""Named values the stages keep between builds, in the `state` table (text, by name): what
resolution remembers so that a later build does not compute it again."""

from __future__ import annotations

from claimgraph.store.db import Store


def read_state(store: Store, name: str) -> str | None:
    row = store.connection.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()
    return str(row[0]) if row else None


def write_state(store: Store, name: str, value: str) -> None:
    store.connection.execute("INSERT OR REPLACE INTO state (name, value) VALUES (?, ?)", (name, value))
