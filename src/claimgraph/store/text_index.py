"""The full-text index, in each database's own text search: SQLite's FTS5 table
`documents_fts`, PostgreSQL's tsvector column `documents.search_vector` (with a GIN index).

Both index the words the search reads: letters and digits (and private-use characters),
folded to lower case without diacritics (`words`). SQLite's FTS5 tokenizer splits and folds
text that way itself; for PostgreSQL the store writes each document's words, split and folded
here, into `documents.search_words`, which PostgreSQL's `simple` configuration indexes as they
are. A search is phrases of such words, all of which must occur: an FTS5 query of quoted
phrases, or PostgreSQL's `phraseto_tsquery` of each, joined with `&&`. Best matches come first:
bm25 in SQLite, PostgreSQL's `ts_rank_cd` (negated, so that lower is better in both).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from claimgraph.store.db import Store
from claimgraph.store.params import placeholders

Phrases = Sequence[Sequence[str]]

_WORD = re.compile(r"(?:[^\W_]|[\ue000-\uf8ff])+")  # letters, digits and private-use characters, as the index's words
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_SNIPPET_WORDS = 16


def fold(text: str) -> str:
    """Lower case without diacritics, as the full-text index compares words."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn")).casefold()


def words(text: str) -> list[str]:
    """The words of a text as the index splits them, folded."""
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())
    return _WORD.findall(fold(text))


def index_document_words(store: Store, doc_id: str, title: str | None, text: str) -> None:
    """PostgreSQL: write a document's words, as the index reads them (SQLite's FTS5 needs nothing)."""
    if store.dialect == "postgresql":
        store.connection.execute("UPDATE documents SET search_words = ? WHERE id = ?", (" ".join(words(f"{title or ''}\n{text}")), doc_id))


def fts5_query(phrases: Phrases) -> str:
    """The phrases as an FTS5 query: each quoted, so no word is an operator."""
    return " ".join('"' + " ".join(phrase) + '"' for phrase in phrases)


def ranked_matches(store: Store, phrases: Phrases) -> tuple[str, list[object]]:
    """A query of (rowid, r) for every document holding all the phrases, r lower for better
    matches, and its parameters."""
    if store.dialect == "postgresql":
        query, params = _tsquery(phrases)
        return f"SELECT d.rowid AS rowid, -ts_rank_cd(d.search_vector, {query}) AS r FROM documents d WHERE d.search_vector @@ {query}", \
            [*params, *params]
    return "SELECT rowid, bm25(documents_fts) AS r FROM documents_fts WHERE documents_fts MATCH ?", [fts5_query(phrases)]


def count_matches(store: Store, phrases: Phrases) -> int:
    if store.dialect == "postgresql":
        query, params = _tsquery(phrases)
        return int(store.connection.execute(f"SELECT COUNT(*) FROM documents WHERE search_vector @@ {query}", params).fetchone()[0])
    return int(store.connection.execute("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH ?", (fts5_query(phrases),)).fetchone()[0])


def matching_document_ids(store: Store, phrases: Phrases) -> list[str]:
    """The ids of the documents holding all the phrases, in id order."""
    if store.dialect == "postgresql":
        query, params = _tsquery(phrases)
        rows = store.connection.execute(f"SELECT id FROM documents WHERE search_vector @@ {query} ORDER BY id", params)
    else:
        rows = store.connection.execute("SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH ? "
                                        "ORDER BY d.id", (fts5_query(phrases),))
    return [row[0] for row in rows]


def document_snippets(store: Store, phrases: Phrases, rowids: list[int], *, start: str, end: str) -> dict[int, tuple[str, str | None, str | None,
                                                                                                                   str | None, str]]:
    """(id, title, outlet, published, snippet) of the given documents by rowid, each snippet
    about 16 words of the best place, its matches between `start` and `end`."""
    if not rowids:
        return {}
    marks = placeholders(rowids)
    if store.dialect == "postgresql":
        rows = store.connection.execute(f"SELECT rowid, id, title, outlet, published_value, text FROM documents WHERE rowid IN ({marks})", rowids)
        return {row["rowid"]: (row["id"], row["title"], row["outlet"], row["published_value"],
                               _snippet(row["title"], row["text"], phrases, start=start, end=end)) for row in rows}
    rows = store.connection.execute(
        "SELECT f.rowid AS rowid, d.id, d.title, d.outlet, d.published_value, snippet(documents_fts, -1, ?, ?, '…', 16) AS snippet "
        f"FROM documents_fts f JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH ? AND f.rowid IN ({marks})",
        [start, end, fts5_query(phrases), *rowids])
    return {row["rowid"]: (row["id"], row["title"], row["outlet"], row["published_value"], row["snippet"]) for row in rows}


def _tsquery(phrases: Phrases) -> tuple[str, list[object]]:
    """PostgreSQL's query for all the phrases (each an exact sequence of index words)."""
    return "(" + " && ".join("phraseto_tsquery('simple', ?)" for _ in phrases) + ")", [" ".join(p) for p in phrases]


def _snippet(title: str | None, text: str, phrases: Phrases, *, start: str, end: str) -> str:
    """About 16 words of the text around its first match (of the title when only it
    matches), each match marked, with '…' where the text goes on: as FTS5's snippet()."""
    for column in (text, title or ""):
        spans = _word_spans(column)
        hits = _phrase_hits([w for _, _, w in spans], phrases)
        if hits:
            break
    else:
        return ""
    first = min(hits)[0]
    lo = max(0, min(first - 2, len(spans) - _SNIPPET_WORDS))
    hi = min(len(spans), lo + _SNIPPET_WORDS)
    marked = {i for a, b in hits for i in range(a, b)}
    out, previous_end = [], spans[lo][0]
    for index in range(lo, hi):
        s, e, _ = spans[index]
        out.append(column[previous_end:s])
        word = column[s:e]
        if index in marked and (index - 1 not in marked or index == lo):
            word = start + word
        if index in marked and (index + 1 not in marked or index == hi - 1):
            word = word + end
        out.append(word)
        previous_end = e
    return ("…" if lo > 0 else "") + "".join(out) + ("…" if hi < len(spans) else "")


def _word_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), folded) for m in _WORD.finditer(text) for folded in words(m.group())[:1]]


def _phrase_hits(tokens: list[str], phrases: Phrases) -> list[tuple[int, int]]:
    hits = []
    for phrase in phrases:
        width = len(phrase)
        hits += [(i, i + width) for i in range(len(tokens) - width + 1) if tuple(tokens[i:i + width]) == tuple(phrase)]
    return hits
