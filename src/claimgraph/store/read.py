"""Reading the store back as typed records, streamed (never the whole corpus in memory)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from typing import TypeVar

from claimgraph.records import (
    Document,
    StoredEntity,
    StoredMention,
    StoredPlace,
    StoredQuantity,
)
from claimgraph.store.db import Store
from claimgraph.store.params import placeholders, rows_for_ids

T = TypeVar("T")


StoredDocument = Document  # the name readers used before documents had one record


@dataclass(frozen=True)
class StoreStats:
    documents: int
    duplicates: int
    skipped: int
    entities: int
    mentions: int
    claims: int
    attributed_claims: int
    denials: int
    dates: int
    quantities: int
    events: int
    languages: dict[str, int]
    skip_reasons: list[tuple[str, str]]  # (input key, reason)
    top_entities: list[tuple[str, str, int]]  # (name, type, mentions)


def iter_documents(store: Store) -> Iterator[Document]:
    """Documents by source, streamed: a corpus-wide reader keeps what it needs of each, never all texts."""
    for row in store.connection.execute("SELECT * FROM documents ORDER BY source, id"):
        yield _document(row)


def get_document(store: Store, doc_id: str) -> Document | None:
    row = store.connection.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return _document(row) if row else None


def iter_entities(store: Store, *, ids: Sequence[str] | None = None) -> Iterator[StoredEntity]:
    """Entities (all, or those with these ids) with their mentions, ordered by id; one query
    streamed in entity order."""
    wanted = list(ids) if ids is not None else None
    where = f"WHERE e.id IN ({placeholders(wanted)}) " if wanted is not None else ""
    rows = store.connection.execute(
        'SELECT e.id, e.name, e.type, e.aliases, m.doc_id, m.start, m."end", m.text, '
        "p.gazetteer_id, p.name AS place_name, p.lat, p.lon, p.country, p.kind, p.precision "
        "FROM entities e JOIN entity_keys k ON k.entity_id = e.id "
        "JOIN mentions m ON m.key = k.key AND m.type = k.type "
        "LEFT JOIN entity_places p ON p.entity_id = e.id "
        f'{where}ORDER BY e.id, m.doc_id, m.start, m."end"',
        wanted or (),
    )
    current: sqlite3.Row | None = None
    mentions: list[StoredMention] = []
    for row in rows:
        if current is not None and row["id"] != current["id"]:
            yield _entity(current, mentions)
            mentions = []
        current = row
        mentions.append(StoredMention(row["doc_id"], row["start"], row["end"], row["text"]))
    if current is not None:
        yield _entity(current, mentions)


@dataclass(frozen=True)
class StoredDate:
    id: str
    doc: str
    start: int
    end: int
    text: str
    value: str
    type: str
    anchor: str
    future: bool = False  # in a clause about what will happen


def iter_dates(store: Store) -> Iterator[StoredDate]:
    for row in store.connection.execute('SELECT * FROM dates ORDER BY doc_id, start, "end"'):
        yield _from_row(StoredDate, row)


def iter_quantities(store: Store) -> Iterator[StoredQuantity]:
    for row in store.connection.execute('SELECT * FROM quantities ORDER BY doc_id, start, "end"'):
        yield _from_row(StoredQuantity, row)


def quantities_by_id(store: Store, ids: Iterable[str]) -> dict[str, StoredQuantity]:
    """The quantities with these ids (those events give their figures by)."""
    return {row["id"]: _from_row(StoredQuantity, row) for row in rows_for_ids(store, "SELECT * FROM quantities WHERE id IN ({})", ids)}


def _from_row(cls: type[T], row: sqlite3.Row) -> T:
    """A record whose fields are the row's columns (`doc` is the column `doc_id`)."""
    return cls(**{f.name: row["doc_id" if f.name == "doc" else f.name] for f in fields(cls)})  # type: ignore[arg-type]


# Where a search snippet's matches begin and end: private-use characters, which article text
# does not contain (a "[" in the text is no match).
MATCH_START, MATCH_END = "\ue000", "\ue001"


def bracketed(snippet: str) -> str:
    """A snippet with its matches in [brackets], for plain-text output."""
    return snippet.replace(MATCH_START, "[").replace(MATCH_END, "]")


def search_documents(store: Store, query: str, *, limit: int = 20) -> list[tuple[str, str | None, str]]:
    """Full-text search (FTS5 syntax): (document id, title, snippet) by relevance."""
    if store.dialect == "postgresql":
        return _search_postgres(store, query, limit=limit)
    rows = store.connection.execute(
        f"SELECT d.id, d.title, snippet(documents_fts, 1, '{MATCH_START}', '{MATCH_END}', '…', 12) AS snippet "
        "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
        "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
        (query, limit),
    )
    return [(row["id"], row["title"], row["snippet"]) for row in rows]


def _search_postgres(store: Store, query: str, *, limit: int) -> list[tuple[str, str | None, str]]:
    """The same in PostgreSQL: the query as web search syntax ("phrases", or, -word), its
    words folded as the index's."""
    from claimgraph.store.text_index import fold

    rows = store.connection.execute(
        "SELECT d.id, d.title, ts_headline('simple', d.text, q, ?) AS snippet FROM documents d, websearch_to_tsquery('simple', ?) q "
        "WHERE d.search_vector @@ q ORDER BY ts_rank_cd(d.search_vector, q) DESC, d.rowid LIMIT ?",
        (f"StartSel={MATCH_START}, StopSel={MATCH_END}, MaxWords=12, MinWords=6, FragmentDelimiter=…", fold(query), limit),
    )
    return [(row["id"], row["title"], row["snippet"]) for row in rows]


def store_stats(store: Store, *, top: int = 10) -> StoreStats:
    one = lambda sql: store.connection.execute(sql).fetchone()[0]
    languages = dict(store.connection.execute("SELECT language, COUNT(*) FROM documents GROUP BY language ORDER BY 2 DESC").fetchall())
    skips = [tuple(r) for r in store.connection.execute("SELECT key, reason FROM inputs WHERE status = 'skipped' ORDER BY key")]
    top_entities = [
        tuple(r)
        for r in store.connection.execute(
            "SELECT e.name, e.type, COUNT(*) AS n FROM entities e JOIN entity_keys k ON k.entity_id = e.id "
            "JOIN mentions m ON m.key = k.key AND m.type = k.type GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?",
            (top,),
        )
    ]
    return StoreStats(
        documents=one("SELECT COUNT(*) FROM documents"),
        duplicates=one("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"),
        skipped=len(skips),
        entities=one("SELECT COUNT(*) FROM entities"),
        mentions=one("SELECT COUNT(*) FROM mentions"),
        claims=one("SELECT COUNT(*) FROM claims"),
        attributed_claims=one("SELECT COUNT(*) FROM claims WHERE source_kind != 'outlet'"),
        denials=one("SELECT COUNT(*) FROM claims WHERE stance = 'deny'"),
        dates=one("SELECT COUNT(*) FROM dates"),
        quantities=one("SELECT COUNT(*) FROM quantities"),
        events=one("SELECT COUNT(*) FROM events"),
        languages=languages,
        skip_reasons=skips,  # type: ignore[arg-type]
        top_entities=top_entities,  # type: ignore[arg-type]
    )


def _document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"],
        source=row["source"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        language=row["language"],
        published_value=row["published_value"],
        published_basis=row["published_basis"],
        published_not_before=row["published_not_before"],
        text=row["text"],
        removed=tuple(json.loads(row["removed"])),
        duplicate_of=row["duplicate_of"],
        similarity=row["similarity"],
    )


def place_from_row(row: sqlite3.Row) -> StoredPlace | None:
    """The place of an entity row joined with `entity_places` (its name selected as `place_name`)."""
    if row["precision"] is None:
        return None
    return StoredPlace(row["gazetteer_id"], row["place_name"], row["lat"], row["lon"], row["country"], row["kind"], row["precision"])


def _entity(row: sqlite3.Row, mentions: list[StoredMention]) -> StoredEntity:
    place = place_from_row(row)
    return StoredEntity(id=row["id"], name=row["name"], type=row["type"], aliases=tuple(json.loads(row["aliases"])),
                        mentions=tuple(mentions), place=place)


def documents_dated_to_month(store: Store) -> dict[str, str]:
    """Documents whose publication date gives only a month ("2023-07"), with that month."""
    rows = store.connection.execute("SELECT id, published_value FROM documents WHERE published_value LIKE '____-__' ORDER BY id")
    return {row["id"]: row["published_value"] for row in rows}


def document_dates(store: Store, doc_id: str) -> list[StoredDate]:
    rows = store.connection.execute('SELECT * FROM dates WHERE doc_id = ? ORDER BY start, "end"', (doc_id,))
    return [replace(found, future=bool(found.future)) for found in (_from_row(StoredDate, row) for row in rows)]
