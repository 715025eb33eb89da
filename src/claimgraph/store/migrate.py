"""Schema migrations: numbered SQL files applied in order, tracked by PRAGMA user_version."""

from __future__ import annotations

import re
import sqlite3
from importlib import resources

from claimgraph.errors import StoreError

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str]]:
    """(version, sql) for every packaged migration, in order."""
    folder = resources.files("claimgraph.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        if match := _MIGRATION_NAME.match(entry.name):
            found.append((int(match.group(1)), entry.read_text("utf-8")))
    return sorted(found)


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the database to the newest schema; return the version it is at."""
    current = connection.execute("PRAGMA user_version").fetchone()[0]
    available = migrations()
    newest = available[-1][0] if available else 0
    if current > newest:
        raise StoreError(f"database schema version {current} is newer than this claimgraph ({newest}); upgrade claimgraph")
    for version, sql in available:
        if version <= current:
            continue
        # executescript commits first; the migration and its version bump then run as one transaction.
        connection.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
    return max(current, newest)
