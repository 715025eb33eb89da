"""The SQLite store: one file, WAL journal, one transaction per batch of documents."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from os import PathLike
from types import TracebackType
from typing import Self

from claimgraph.errors import StoreError
from claimgraph.records import (
    Claim,
    DateMention,
    Document,
    Mention,
    MentionForm,
    Quantity,
    Sentence,
)
from claimgraph.store.ids import claim_id, date_id, quantity_id
from claimgraph.store.migrate import migrate
from claimgraph.store.postgres import is_postgres_url, open_postgres

_ENTITIES_STALE = "entities_stale"


class Store:
    """A claimgraph database. Open with `Store.open(path)`; use as a context manager."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    @classmethod
    def open(cls, path: str | PathLike[str]) -> Store:
        """A database file (SQLite), or a PostgreSQL database given by its URL
        (`postgresql://user@host/name`: store/postgres.py)."""
        if is_postgres_url(path):
            return cls(open_postgres(str(path)))
        try:
            connection = sqlite3.connect(path, isolation_level=None)  # transactions are explicit
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA foreign_keys = ON")
            _refuse_foreign_database(connection)
            migrate(connection)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable SQLite database ({exc})") from None
        return cls(connection)

    @property
    def dialect(self) -> str:
        """The database's SQL dialect: "sqlite" or "postgresql"."""
        return str(getattr(self.connection, "dialect", "sqlite"))

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all (a killed run loses only this batch)."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    # --- inputs -------------------------------------------------------------------------

    def input_fingerprint(self, key: str) -> str | None:
        row = self.connection.execute("SELECT fingerprint FROM inputs WHERE key = ?", (key,)).fetchone()
        return row["fingerprint"] if row else None

    def record_input(self, key: str, *, fingerprint: str | None, status: str, reason: str | None = None, document_id: str | None = None) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO inputs (key, fingerprint, status, reason, document_id, processed_at) VALUES (?, ?, ?, ?, ?, ?)",
            (key, fingerprint, status, reason, document_id, _now()),
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
            'INSERT OR IGNORE INTO quantities (id, doc_id, start, "end", text, value, value_max, unit, qualifier, about) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((quantity_id(q), q.doc, q.start, q.end, q.text, q.value, q.value_max, q.unit, q.qualifier, q.about) for q in quantities),
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


def _refuse_foreign_database(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    tables = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    if version == 0 and tables:
        raise StoreError("the file is an SQLite database of something else, not claimgraph's")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
