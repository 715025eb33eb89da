"""Documents: the stored articles, a short form of them to cite, full-text search, and one
document with everything found in it (for the reader)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import InvalidQuery
from claimgraph.records import Mention
from claimgraph.store import (
    Store,
    StoredClaim,
    StoredDate,
    StoredDocument,
    StoredQuantity,
    get_document,
    iter_documents,
    search_documents,
)
from claimgraph.store.claims import claims_by_id
from claimgraph.store.params import placeholders
from claimgraph.store.read import MATCH_END, MATCH_START, bracketed

__all__ = [
    "MATCH_END",
    "MATCH_START",
    "DocumentBrief",
    "DocumentMarkup",
    "SearchHit",
    "bracketed",
    "document_brief",
    "document_briefs",
    "document_markup",
    "get_document",
    "iter_documents",
    "search",
]

_CHUNK = 500  # ids per `IN (...)`: well under SQLite's limit on parameters


@dataclass(frozen=True)
class DocumentBrief:
    """A document as it is cited: where it comes from, without its text."""

    id: str
    source: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None  # the publication date's value, as stored
    language: str | None = None  # the language it is in (ISO 639-1)

    @property
    def name(self) -> str:
        """How a listing names it: its outlet, else its title, else its file name."""
        return self.outlet or self.title or self.file_name

    @property
    def file_name(self) -> str:
        return Path(self.source).name


def document_briefs(store: Store, ids: Iterable[str]) -> dict[str, DocumentBrief]:
    """The documents with these ids (unknown ids are left out), by id."""
    wanted = sorted(set(ids))
    found: dict[str, DocumentBrief] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        for row in store.connection.execute(
            f"SELECT id, source, title, outlet, url, published_value, language FROM documents WHERE id IN ({placeholders(chunk)})", chunk
        ):
            found[row["id"]] = DocumentBrief(row["id"], row["source"], row["title"], row["outlet"], row["url"], row["published_value"],
                                             row["language"])
    return found


def document_brief(store: Store, doc_id: str) -> DocumentBrief | None:
    return document_briefs(store, [doc_id]).get(doc_id)


@dataclass(frozen=True)
class SearchHit:
    """A document matching a full-text search, with a snippet of the match. The snippet's
    matches are between `MATCH_START` and `MATCH_END` (characters no article contains)."""

    doc: str
    title: str | None
    snippet: str

    @property
    def plain_snippet(self) -> str:
        """The snippet with its matches in [brackets], for plain text."""
        return bracketed(self.snippet)


def search(store: Store, query: str, *, limit: int = 20) -> list[SearchHit]:
    """Full-text search of titles and texts (SQLite FTS5 syntax: words, "phrases", OR, NOT),
    best match first. Raises `InvalidQuery` for malformed syntax."""
    try:
        hits = search_documents(store, query, limit=limit)
    except sqlite3.Error as exc:
        raise InvalidQuery(str(exc)) from None
    return [SearchHit(doc, title, snippet) for doc, title, snippet in hits]


@dataclass(frozen=True)
class DocumentMarkup:
    """One document with what was found in its text: claims, mentions, dates, quantities."""

    document: StoredDocument
    claims: list[StoredClaim]
    mentions: list[Mention]
    dates: list[StoredDate]
    quantities: list[StoredQuantity]


def document_markup(store: Store, doc_id: str) -> DocumentMarkup | None:
    """A document and every span found in it (each list in the store's order for the document)."""
    document = get_document(store, doc_id)
    if document is None:
        return None
    claim_ids = [row["id"] for row in store.connection.execute(
        'SELECT id, start, "end", source_name, source_kind, stance FROM claims WHERE doc_id = ?', (doc_id,))]
    mentions = [Mention(row["doc_id"], row["start"], row["end"], row["text"], row["type"], row["key"], row["sentence"])
                for row in store.connection.execute(
                    'SELECT doc_id, start, "end", text, type, key, sentence FROM mentions WHERE doc_id = ?', (doc_id,))]
    dates = [StoredDate(row["id"], row["doc_id"], row["start"], row["end"], row["text"], row["value"], row["type"], row["anchor"])
             for row in store.connection.execute(
                 'SELECT id, doc_id, start, "end", text, value, type, anchor FROM dates WHERE doc_id = ?', (doc_id,))]
    quantities = [StoredQuantity(row["id"], row["doc_id"], row["start"], row["end"], row["text"], row["value"], row["value_max"],
                                 row["unit"], row["qualifier"], row["about"])
                  for row in store.connection.execute(
                      'SELECT id, doc_id, start, "end", text, value, value_max, unit, qualifier, about FROM quantities WHERE doc_id = ?',
                      (doc_id,))]
    return DocumentMarkup(document, claims_by_id(store, claim_ids), mentions, dates, quantities)
