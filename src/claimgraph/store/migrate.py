"""Schema migrations: numbered SQL files applied in order, tracked by PRAGMA user_version."""

from __future__ import annotations

import re
import sqlite3
from importlib import resources

from claimgraph.errors import StoreError

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
# The SQLite header's application id ("CLGR"), so that a claimgraph database is known as one
# (`file` names it) and another program's is refused before anything is written to it.
APPLICATION_ID = 0x434C4752


def migrations(dialect: str = "sqlite") -> list[tuple[int, str]]:
    """(version, sql) for every packaged migration, in order. For PostgreSQL, a migration's
    `migrations/postgresql/` file of the same name, when there is one, follows it (what
    SQLite does its own way there: the full-text index, the rowid)."""
    folder = resources.files("claimgraph.store").joinpath("migrations")
    extra = folder.joinpath(dialect)
    found = []
    for entry in folder.iterdir():
        if match := _MIGRATION_NAME.match(entry.name):
            sql = entry.read_text("utf-8")
            if dialect != "sqlite" and extra.joinpath(entry.name).is_file():
                sql += "\n" + extra.joinpath(entry.name).read_text("utf-8")
            found.append((int(match.group(1)), sql))
    return sorted(found)


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the database to the newest schema; return the version it is at."""
    current = connection.execute("PRAGMA user_version").fetchone()[0]
    dialect = getattr(connection, "dialect", "sqlite")
    available = migrations(dialect)
    newest = available[-1][0] if available else 0
    if current > newest:
        raise StoreError(f"database schema version {current} is newer than this claimgraph ({newest}); upgrade claimgraph")
    for version, sql in available:
        if version <= current:
            continue
        # executescript commits first; the migration and its version bump then run as one transaction.
        connection.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
    # SQLite files carry claimgraph's application id (a foreign file is refused by it); a
    # PostgreSQL database is told apart by its version table instead (store/postgres.py)
    if dialect == "sqlite" and connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return max(current, newest)
