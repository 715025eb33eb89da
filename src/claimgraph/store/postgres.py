"""PostgreSQL behind the store's connection: `--db postgresql://user@host/db`.

The store and the query layer use their connection as sqlite3's DB-API: `execute`,
`executemany` and `executescript` of statements in SQLite's dialect, rows read by name or
position, sqlite3's exceptions, `interrupt` and a progress handler for time limits. This
module gives a PostgreSQL connection (psycopg 3) that same interface, so that every statement
is written once: each is translated by store/dialect.py (and cached), `PRAGMA user_version`
and `PRAGMA table_info` are answered from PostgreSQL's catalog, rows come back as `Row`
(read like sqlite3.Row), and psycopg's errors are raised as the sqlite3 exceptions the
callers already catch. Text search has its own SQL (store/text_index.py).

Transactions are explicit, as with SQLite: the connection runs in autocommit mode and the
store's `BEGIN` / `COMMIT` / `ROLLBACK` statements delimit them.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Self, cast

from claimgraph.store.dialect import split_statements, to_postgresql

URL_SCHEMES = ("postgresql://", "postgres://")
_VERSION_TABLE = "claimgraph_schema"
_LOCK_POLL_S = 0.2  # how often a waiting build asks for the build lock again
_WATCH_S = 0.05  # how often a running statement's progress handler is asked whether to stop


def is_postgres_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


class Row(tuple[Any, ...]):
    """A result row read by position or by column name, as sqlite3.Row is."""

    _names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Self:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return super().__getitem__(self._names[key])
        return super().__getitem__(key)

    def keys(self) -> list[str]:
        return list(self._names)


class Cursor:
    """The rows of one statement, fetched whole (as the store reads them)."""

    def __init__(self, rows: list[Row], rowcount: int) -> None:
        self._rows = rows
        self._next = 0
        self.rowcount = rowcount

    def fetchone(self) -> Row | None:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    def fetchall(self) -> list[Row]:
        rest, self._next = self._rows[self._next:], len(self._rows)
        return rest

    def __iter__(self) -> Iterator[Row]:
        while (row := self.fetchone()) is not None:
            yield row


class PostgresConnection:
    """A psycopg connection with sqlite3.Connection's interface, as the store uses it."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        import psycopg

        self._psycopg = psycopg
        try:
            self._conn = psycopg.connect(url, autocommit=True, cursor_factory=psycopg.ClientCursor)
        except psycopg.Error as exc:
            raise sqlite3.OperationalError(f"cannot connect to PostgreSQL: {exc}".strip()) from None
        self._keys: dict[str, tuple[str, ...]] = {}
        self._translations: dict[tuple[str, bool], str | None] = {}
        self._progress: Callable[[], int] | None = None
        self.row_factory: object = None  # set by callers of sqlite3 connections; rows are always Row

    # --- sqlite3.Connection's interface ---------------------------------------------------

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> Cursor:
        if (answered := self._pragma(sql)) is not None:
            return answered
        translated = self._translated(sql, with_params=bool(parameters))
        if translated is None:
            return Cursor([], 0)
        return self._run(translated, list(parameters) if parameters else None)

    def executemany(self, sql: str, seq_of_parameters: Iterable[Sequence[Any]]) -> Cursor:
        rows = [list(p) for p in seq_of_parameters]
        if not rows:
            return Cursor([], 0)
        translated = self._translated(sql, with_params=True)
        if translated is None:
            return Cursor([], 0)
        with self._errors(), self._conn.cursor() as cursor:
            cursor.executemany(translated, rows)
            return Cursor([], cursor.rowcount)

    def executescript(self, script: str) -> Cursor:
        for statement in split_statements(script):
            self.execute(statement)
        return Cursor([], 0)

    def commit(self) -> None:
        """Transactions are committed by the store's own COMMIT statements (autocommit mode)."""

    def rollback(self) -> None:
        with self._errors():
            self._conn.rollback()

    def close(self) -> None:
        self._conn.close()

    def interrupt(self) -> None:
        """Stop the statement running now (from another thread, as sqlite3's interrupt)."""
        self._conn.cancel_safe()

    def set_progress_handler(self, handler: Callable[[], int] | None, n: int) -> None:
        """While a statement runs, `handler` is asked every 50 ms whether to stop it."""
        self._progress = handler

    # --- inside ------------------------------------------------------------------------------

    def _run(self, sql: str, parameters: list[Any] | None) -> Cursor:
        stop = self._watch() if self._progress is not None else None
        try:
            with self._errors(), self._conn.cursor() as cursor:
                cursor.execute(sql, parameters)
                if cursor.description is None:
                    return Cursor([], cursor.rowcount)
                names = {column.name: index for index, column in reversed(list(enumerate(cursor.description)))}
                return Cursor([Row(values, names) for values in cursor.fetchall()], cursor.rowcount)
        finally:
            if stop is not None:
                stop.set()

    def _watch(self) -> threading.Event:
        stop, handler = threading.Event(), self._progress

        def watch() -> None:
            while not stop.wait(_WATCH_S):
                if handler is not None and handler():
                    self.interrupt()
                    return

        threading.Thread(target=watch, daemon=True, name="claimgraph-pg-time-limit").start()
        return stop

    def _translated(self, sql: str, *, with_params: bool) -> str | None:
        """The statement in PostgreSQL's dialect, translated once per text (statements repeat)."""
        if (sql, with_params) not in self._translations:
            self._translations[(sql, with_params)] = to_postgresql(sql, primary_key=self._primary_key, with_params=with_params)
        return self._translations[(sql, with_params)]

    def _errors(self) -> _ErrorsAsSqlite:
        return _ErrorsAsSqlite(self._psycopg)

    def _primary_key(self, table: str) -> tuple[str, ...]:
        if table not in self._keys:
            rows = self._run("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                             "WHERE i.indrelid = %s::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)", [table])
            self._keys[table] = tuple(row[0] for row in rows)
        return self._keys[table]

    def _pragma(self, sql: str) -> Cursor | None:
        """PRAGMA statements answered from PostgreSQL: the schema version and a table's
        columns; the others (journal mode, foreign keys...) have no meaning there."""
        words = sql.strip().rstrip(";").split(None, 1)
        if not words or words[0].upper() != "PRAGMA":
            return None
        pragma = words[1].replace(" ", "") if len(words) > 1 else ""
        if pragma.lower() == "user_version":
            return self._run(f"SELECT COALESCE(MAX(version), 0) FROM {_VERSION_TABLE}", None)
        if pragma.lower().startswith("user_version="):
            self._run(f"DELETE FROM {_VERSION_TABLE}", None)
            self._run(f"INSERT INTO {_VERSION_TABLE} (version) VALUES (%s)", [int(pragma.split("=", 1)[1])])
            return Cursor([], 1)
        if pragma.lower().startswith("table_info("):
            table = pragma[len("table_info("):].rstrip(")").strip("'\"")
            return self._run("SELECT column_name AS name, CASE data_type WHEN 'text' THEN 'TEXT' WHEN 'bigint' THEN 'INTEGER' "
                             "WHEN 'integer' THEN 'INTEGER' WHEN 'double precision' THEN 'REAL' WHEN 'bytea' THEN 'BLOB' "
                             "ELSE upper(data_type) END AS type FROM information_schema.columns "
                             "WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position", [table])
        return Cursor([], 0)

    def prepare_schema(self) -> None:
        """The table that holds the schema version (PRAGMA user_version's place)."""
        self._run(f"CREATE TABLE IF NOT EXISTS {_VERSION_TABLE} (version BIGINT NOT NULL)", None)


class _ErrorsAsSqlite:
    """psycopg's errors raised as the sqlite3 exceptions the store's callers catch."""

    def __init__(self, psycopg: Any) -> None:
        self._psycopg = psycopg

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: object) -> None:
        errors = self._psycopg.errors
        if value is None or not isinstance(value, self._psycopg.Error):
            return
        message = str(value).strip()
        if isinstance(value, errors.QueryCanceled):
            raise sqlite3.OperationalError("interrupted") from None
        if isinstance(value, self._psycopg.IntegrityError):
            raise sqlite3.IntegrityError(message) from None
        if isinstance(value, self._psycopg.OperationalError):
            raise sqlite3.OperationalError(message) from None
        raise sqlite3.DatabaseError(message) from None


def open_postgres(url: str) -> sqlite3.Connection:
    """A migrated PostgreSQL database behind sqlite3.Connection's interface (the store types
    its connection as sqlite3's: this adapter implements what the store uses of it).
    StoreError when the server cannot be reached or the database is someone else's."""
    from claimgraph.errors import StoreError
    from claimgraph.store.migrate import migrate

    shown = _without_password(url)
    try:
        connection = PostgresConnection(url)
    except sqlite3.Error as exc:
        raise StoreError(f"{shown}: {exc}") from None
    try:
        connection.prepare_schema()
        _refuse_foreign_database(connection, shown)
        migrate(cast(sqlite3.Connection, connection))
    except sqlite3.Error as exc:
        connection.close()
        raise StoreError(f"{shown}: not a usable claimgraph database ({exc})") from None
    except StoreError:
        connection.close()
        raise
    return cast(sqlite3.Connection, connection)


def _refuse_foreign_database(connection: PostgresConnection, shown: str) -> None:
    from claimgraph.errors import StoreError

    version = connection.execute("PRAGMA user_version").fetchone()
    tables = connection.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                                f"AND table_name <> '{_VERSION_TABLE}'").fetchone()
    if version is not None and tables is not None and version[0] == 0 and tables[0]:
        raise StoreError(f"{shown}: the database holds tables of something else, not claimgraph's (use an empty database or schema)")


def _without_password(url: str) -> str:
    """The URL as messages show it: never its password."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


@contextmanager
def postgres_build_lock(connection: sqlite3.Connection, *, wait: float) -> Iterator[None]:
    """One build at a time per database (or schema), as store/lock.py gives SQLite files: a
    session-level advisory lock, which the server releases when the session ends however
    the build ends. DatabaseBusy after `wait` seconds."""
    from claimgraph.errors import DatabaseBusy

    key = "SELECT hashtext('claimgraph build ' || current_database() || '.' || current_schema())"
    deadline = time.monotonic() + wait
    while not connection.execute(f"SELECT pg_try_advisory_lock(({key}))").fetchone()[0]:
        if time.monotonic() >= deadline:
            raise DatabaseBusy(f"the database is being written by another build; waited {wait:g} s: run this build when that "
                               f"one has finished (or stop it: a stopped build resumes)")
        time.sleep(_LOCK_POLL_S)
    try:
        yield
    finally:
        connection.execute(f"SELECT pg_advisory_unlock(({key}))")
