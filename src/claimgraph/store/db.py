"""The SQLite store: one file, WAL journal, one transaction per batch of documents."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from os import PathLike
from pathlib import Path
from types import TracebackType
from typing import Self

from claimgraph.errors import DatabaseReadOnly, StoreError
from claimgraph.records import (
    Claim,
    DateMention,
    Document,
    Mention,
    MentionForm,
    Quantity,
    Sentence,
)
from claimgraph.store.failures import database_error
from claimgraph.store.ids import claim_id, date_id, quantity_id
from claimgraph.store.lock import build_lock
from claimgraph.store.migrate import APPLICATION_ID, migrate, migrations
from claimgraph.store.postgres import (
    is_postgres_url,
    open_postgres,
    postgres_build_lock,
)

_ENTITIES_STALE = "entities_stale"
# The tables the extract stage fills for a document (an event's arguments go with its event).
_EXTRACTED_TABLES = ("sentences", "mentions", "claims", "dates", "quantities", "place_cues", "events", "relations")
DEFAULT_WAIT_S = 30.0  # how long a write waits for another process's lock before it gives up, naming it


class Store:
    """A claimgraph database. Open with `Store.open(path)`; use as a context manager."""

    def __init__(self, connection: sqlite3.Connection, path: str | PathLike[str] | None = None, *, wait: float = DEFAULT_WAIT_S) -> None:
        self.connection = connection
        self.path = path
        self.wait = wait
        self.read_only = False

    @classmethod
    def open(cls, path: str | PathLike[str], *, create: bool = True, wait: float = DEFAULT_WAIT_S) -> Store:
        """Open (with `create`, make) a claimgraph database. What is not one is refused before
        anything is written to it: a foreign SQLite database, and without `create` an empty
        file. Without `create`, a database on read-only media opens read-only.
        `wait`: seconds a write waits for another process's lock before DatabaseBusy.
        `path` may also be a PostgreSQL database's URL (`postgresql://user@host/name`:
        store/postgres.py)."""
        if is_postgres_url(path):
            return cls(open_postgres(str(path)), str(path), wait=wait)
        if not create and not Path(path).exists():
            raise StoreError(f"{os.fspath(path)}: no such database")
        if not create and Path(path).is_file() and Path(path).stat().st_size == 0:
            raise StoreError(f"{os.fspath(path)} is an empty file, not a claimgraph database: build one with `claimgraph build PATH --db FILE`")
        read_only = not create and not _writable(Path(path))
        if create and not Path(path).absolute().parent.is_dir():
            raise StoreError(f"{os.fspath(path)}: the folder {Path(path).absolute().parent} does not exist: create it first")
        if create and not _writable(Path(path)):
            raise DatabaseReadOnly(f"{os.fspath(path)} cannot be written (read-only file, folder or medium): make it writable, or copy "
                                   f"it somewhere writable and use the copy")
        try:
            connection = _connect(path, read_only=read_only, wait=wait)
            connection.row_factory = sqlite3.Row
            _refuse_foreign_database(connection, path, create=create)
            if not read_only:
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA foreign_keys = ON")
            if read_only:
                _refuse_old_schema(connection, path)
            else:
                migrate(connection)
        except sqlite3.Error as exc:
            raise database_error(exc, path, waited=wait) from None
        store = cls(connection, path, wait=wait)
        store.read_only = read_only
        return store

    @property
    def dialect(self) -> str:
        """The database's SQL dialect: "sqlite" or "postgresql"."""
        return str(getattr(self.connection, "dialect", "sqlite"))

    def close(self) -> None:
        self.connection.close()

    @contextmanager
    def build_lock(self, *, wait: float | None = None) -> Iterator[None]:
        """One build at a time into this database (store/lock.py): the next waits for it."""
        if self.path is None or self.read_only:
            raise DatabaseReadOnly(f"{self.path or 'this database'} is open read-only: a build cannot write to it")
        if self.dialect == "postgresql":
            with postgres_build_lock(self.connection, wait=self.wait if wait is None else wait):
                yield
            return
        with build_lock(self.path, wait=self.wait if wait is None else wait):
            yield

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all (a killed run loses only this batch).
        SQLite's failures (locked, disk full, read-only, damaged) come out as StoreError
        subclasses whose message says what to do."""
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise database_error(exc, self.path, waited=self.wait) from None
        try:
            yield
        except sqlite3.OperationalError as exc:
            self._roll_back()
            raise database_error(exc, self.path, waited=self.wait) from None
        except BaseException:
            self._roll_back()
            raise
        try:
            self.connection.execute("COMMIT")
        except sqlite3.Error as exc:
            self._roll_back()
            raise database_error(exc, self.path, waited=self.wait) from None

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Writes inside are undone alone when the block fails, within the open transaction
        (one document of a batch). SQLite's own failures (disk full...) are the database's,
        not the document's: they come out as StoreError subclasses."""
        self.connection.execute("SAVEPOINT one_record")
        try:
            yield
        except BaseException as exc:
            self._undo_savepoint()
            if isinstance(exc, sqlite3.OperationalError) or type(exc) is sqlite3.DatabaseError:
                raise database_error(exc, self.path, waited=self.wait) from None
            raise
        self.connection.execute("RELEASE one_record")

    def _undo_savepoint(self) -> None:
        """Undo the writes since the savepoint; nothing to undo when SQLite rolled the whole
        transaction back itself (as it may on a full disk)."""
        try:
            self.connection.execute("ROLLBACK TO one_record")
            self.connection.execute("RELEASE one_record")
        except sqlite3.Error:
            pass

    def _roll_back(self) -> None:
        """Undo the open transaction; a connection SQLite already rolled back (disk full) has none."""
        if self.connection.in_transaction:
            try:
                self.connection.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    # --- inputs -------------------------------------------------------------------------

    def input_fingerprint(self, key: str) -> str | None:
        row = self.connection.execute("SELECT fingerprint FROM inputs WHERE key = ?", (key,)).fetchone()
        return row["fingerprint"] if row else None

    def input_state(self, key: str) -> InputState | None:
        """What the last build made of an input: its fingerprint, and whether it is a skip to try again."""
        row = self.connection.execute("SELECT fingerprint, status, retry FROM inputs WHERE key = ?", (key,)).fetchone()
        return InputState(row["fingerprint"], row["status"] == "skipped" and bool(row["retry"])) if row else None

    def record_input(self, key: str, *, fingerprint: str | None, status: str, reason: str | None = None, document_id: str | None = None,
                     retry: bool = False, note: str | None = None) -> None:
        """`retry`: a skip the next build tries again although the input is unchanged; `note`:
        what reading it repaired."""
        self.connection.execute(
            "INSERT OR REPLACE INTO inputs (key, fingerprint, status, reason, document_id, processed_at, retry, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, fingerprint, status, reason, document_id, _now(), int(retry), note),
        )

    def forget_input_document(self, key: str) -> None:
        """An input changed: drop the document it produced unless another input also produced it."""
        row = self.connection.execute("SELECT document_id FROM inputs WHERE key = ?", (key,)).fetchone()
        if not row or row["document_id"] is None:
            return
        others = self.connection.execute(
            "SELECT 1 FROM inputs WHERE document_id = ? AND key != ? LIMIT 1", (row["document_id"], key)
        ).fetchone()
        if not others:
            self.connection.execute("DELETE FROM documents WHERE id = ?", (row["document_id"],))
            self.mark_entities_stale()

    # --- documents ----------------------------------------------------------------------

    def drop_extraction(self, doc_id: str, *, published_not_before: str | None) -> None:
        """Remove what was extracted from one document, before it is extracted again; the
        document itself, its input and the near-duplicates that point to it stay."""
        for table in _EXTRACTED_TABLES:
            self.connection.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        self.connection.execute("UPDATE documents SET published_not_before = ? WHERE id = ?", (published_not_before, doc_id))
        self.mark_entities_stale()

    def document_source(self, doc_id: str) -> str | None:
        row = self.connection.execute("SELECT source FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row["source"] if row else None

    def document_links(self) -> dict[str, tuple[str, str]]:
        """The stored originals (not near-duplicates) by URL: (document id, input key), the
        earliest stored for a URL that several documents give."""
        rows = self.connection.execute("SELECT url, id, source FROM documents WHERE url IS NOT NULL AND duplicate_of IS NULL ORDER BY rowid DESC")
        return {row["url"]: (row["id"], row["source"]) for row in rows}

    def add_document(self, document: Document) -> None:
        """Insert one document (its sentences, mentions and the rest are added apart)."""
        self.connection.execute(
            "INSERT INTO documents (id, source, title, outlet, url, language, published_value, published_basis, "
            "published_not_before, text, removed, duplicate_of, similarity, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document.id, document.source, document.title, document.outlet, document.url, document.language,
             document.published_value, document.published_basis, document.published_not_before, document.text,
             json.dumps(list(document.removed), ensure_ascii=False), document.duplicate_of, document.similarity, _now()),
        )
        if self.dialect == "postgresql":  # its words for PostgreSQL's text search (SQLite's FTS5 triggers index them)
            from claimgraph.store.text_index import index_document_words

            index_document_words(self, document.id, document.title, document.text)

    def add_sentences(self, sentences: Iterable[Sentence]) -> None:
        self.connection.executemany(
            'INSERT INTO sentences (doc_id, idx, start, "end") VALUES (?, ?, ?, ?)', ((s.doc, s.index, s.start, s.end) for s in sentences)
        )

    def add_mentions(self, mentions: Iterable[Mention]) -> None:
        self.connection.executemany(
            'INSERT INTO mentions (doc_id, start, "end", text, type, key, sentence) VALUES (?, ?, ?, ?, ?, ?, ?)',
            ((m.doc, m.start, m.end, m.text, m.type, m.key, m.sentence) for m in mentions),
        )
        self.mark_entities_stale()

    def add_claims(self, claims: Iterable[Claim]) -> None:
        """Claims with their sources; a claim already stored (same span and speaker) is kept."""
        self.connection.executemany(
            'INSERT OR IGNORE INTO claims (id, doc_id, start, "end", text, sentence, source_name, source_kind, source_start, '
            "source_end, source_key, source_type, cue, stance, modality, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (_claim_row(claim) for claim in claims),
        )

    def add_dates(self, dates: Iterable[DateMention]) -> None:
        self.connection.executemany(
            'INSERT OR IGNORE INTO dates (id, doc_id, start, "end", text, value, type, anchor, future) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
            ((date_id(d), d.doc, d.start, d.end, d.text, d.value, d.type, d.anchor, int(d.future)) for d in dates),
        )

    def add_quantities(self, quantities: Iterable[Quantity]) -> None:
        self.connection.executemany(
            'INSERT OR IGNORE INTO quantities (id, doc_id, start, "end", text, value, value_max, unit, qualifier, about, slot, scope, owner) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((quantity_id(q), q.doc, q.start, q.end, q.text, q.value, q.value_max, q.unit, q.qualifier, q.about, q.slot, q.scope, q.owner)
             for q in quantities),
        )

    # --- near duplicates ----------------------------------------------------------------

    def add_minhash(self, doc_id: str, signature: bytes, bands: Iterable[bytes]) -> None:
        self.connection.execute("INSERT INTO minhashes (doc_id, signature) VALUES (?, ?)", (doc_id, signature))
        self.connection.executemany(
            "INSERT OR IGNORE INTO minhash_bands (band, hash, doc_id) VALUES (?, ?, ?)",
            ((band, value, doc_id) for band, value in enumerate(bands)),
        )

    def minhash_candidates(self, bands: Iterable[bytes]) -> list[tuple[str, bytes]]:
        """Documents sharing at least one band with the given band keys, with their signatures."""
        pairs = list(enumerate(bands))
        if not pairs:
            return []
        where = " OR ".join("(b.band = ? AND b.hash = ?)" for _ in pairs)
        params = [value for pair in pairs for value in pair]
        rows = self.connection.execute(  # each document once, in the order stored (DISTINCT could not sort by rowid in PostgreSQL)
            f"SELECT m.doc_id, m.signature FROM minhashes m JOIN documents d ON d.id = m.doc_id WHERE d.duplicate_of IS NULL "
            f"AND m.doc_id IN (SELECT b.doc_id FROM minhash_bands b WHERE {where}) ORDER BY d.rowid",
            params,
        ).fetchall()
        return [(row["doc_id"], row["signature"]) for row in rows]

    # --- entities -----------------------------------------------------------------------

    def mark_entities_stale(self) -> None:
        self.connection.execute("INSERT OR REPLACE INTO state (name, value) VALUES (?, '1')", (_ENTITIES_STALE,))

    def entities_stale(self) -> bool:
        row = self.connection.execute("SELECT value FROM state WHERE name = ?", (_ENTITIES_STALE,)).fetchone()
        return bool(row and row["value"] == "1")

    def mention_forms(self) -> Iterator[MentionForm]:
        """How often each surface text occurs under each (key, type): what entity resolution reads."""
        rows = self.connection.execute("SELECT key, type, text, COUNT(*) AS n FROM mentions GROUP BY key, type, text ORDER BY key, type, text")
        for row in rows:
            yield MentionForm(row["key"], row["type"], row["text"], row["n"])

    def key_documents(self) -> dict[str, frozenset[str]]:
        """The documents each mention key occurs in."""
        found: dict[str, set[str]] = {}
        for row in self.connection.execute("SELECT DISTINCT key, doc_id FROM mentions"):
            found.setdefault(row["key"], set()).add(row["doc_id"])
        return {key: frozenset(docs) for key, docs in found.items()}

    def mark_entities_resolved(self) -> None:
        """Entities and everything derived from them (places) are up to date."""
        self.connection.execute("DELETE FROM state WHERE name = ?", (_ENTITIES_STALE,))
        self.connection.commit()


def _claim_row(claim: Claim) -> tuple[object, ...]:
    source = claim.source
    return (
        claim_id(claim), claim.doc, claim.start, claim.end, claim.text, claim.sentence, source.name, source.kind, source.start,
        source.end, source.entity_key, source.entity_type, claim.cue, claim.stance, claim.modality,
        json.dumps(list(claim.via), ensure_ascii=False),
    )


@dataclass(frozen=True)
class InputState:
    """An input as the last build left it."""

    fingerprint: str | None
    retry: bool  # a skip whose reason may have gone: the next build reads it again


def _connect(path: str | PathLike[str], *, read_only: bool, wait: float) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) that waits `wait` seconds
    for a lock. Read-only: opened as such, and as immutable when even that needs a write
    (WAL's shared-memory file on a read-only medium)."""
    if not read_only:
        return sqlite3.connect(path, isolation_level=None, timeout=wait)
    uri = Path(path).absolute().as_uri()
    connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=wait)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        connection.close()
        connection = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None, timeout=wait)
    return connection


def _writable(path: Path) -> bool:
    """Whether a database file (with its WAL files) can be written, or created, where it is."""
    folder = path.parent if str(path.parent) else Path(".")
    return (not path.exists() or os.access(path, os.W_OK)) and os.access(folder, os.W_OK | os.X_OK)


def _refuse_foreign_database(connection: sqlite3.Connection, path: str | PathLike[str], *, create: bool) -> None:
    """Refuse, before anything is written, what is not a claimgraph database: another
    program's SQLite file (its tables are not ours), and without `create` an empty one."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    application = connection.execute("PRAGMA application_id").fetchone()[0]
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    where = os.fspath(path)
    if application not in (0, APPLICATION_ID) or (tables and (version == 0 or not {"inputs", "documents"} <= tables)):
        raise StoreError(f"{where} is an SQLite database of something else, not claimgraph's: left untouched; give another file")
    if not tables and not create:
        raise StoreError(f"{where} is an empty database, not a claimgraph one: build one with `claimgraph build PATH --db FILE`")


def _refuse_old_schema(connection: sqlite3.Connection, path: str | PathLike[str]) -> None:
    """A read-only database is read as it is: one of an older schema cannot be upgraded."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    newest = migrations()[-1][0]
    if version < newest:
        raise StoreError(f"{os.fspath(path)} was written by an older claimgraph (schema {version}, now {newest}) and is read-only: "
                         f"copy it somewhere writable to upgrade it")
    if version > newest:
        raise StoreError(f"database schema version {version} is newer than this claimgraph ({newest}); upgrade claimgraph")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
