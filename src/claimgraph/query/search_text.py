"""Search as a reader types it: words and "quoted phrases", never search-engine syntax, over
documents (full text, best match first), entities (names and aliases, in any script) and
claims (their text), each with a total count and keyset pages.

The user's text becomes phrases of words the way the full-text index splits text (letters,
digits and private-use characters are word characters, everything else separates words;
case and diacritics are folded), so `al-Qaeda` is the phrase "al qaeda", `U.S.` "u s",
`3,000` "3 000"; each phrase is quoted for FTS5, so nothing typed is read as an operator.
Snippets mark matches with `MATCH_START` / `MATCH_END`, and the text's own characters of
those kinds are replaced, so an article cannot forge a highlight.
"""

from __future__ import annotations

import bisect
import json
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from claimgraph.errors import InvalidQuery
from claimgraph.query.documents import MATCH_END, MATCH_START
from claimgraph.query.limits import check_deadline
from claimgraph.query.listing import decode_cursor, encode_cursor
from claimgraph.store import Store
from claimgraph.store.params import placeholders
from claimgraph.store.text_index import (
    count_matches,
    document_snippets,
    fold,
    fts5_query,
    matching_document_ids,
    ranked_matches,
    words,
)

__all__ = [
    "MAX_PHRASES",
    "MAX_QUERY",
    "ClaimMatch",
    "DocumentHit",
    "EntityMatch",
    "SearchPage",
    "Terms",
    "fold",
    "parse_terms",
    "search_claims",
    "search_documents_page",
    "search_entities",
]

MAX_QUERY = 400  # characters
MAX_PHRASES = 12
MAX_WORDS = 32


def _word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of each word of a text, offsets in the text as given (a
    word's combining marks stay with it)."""
    return [(m.start(), m.end(), folded) for m in re.finditer(r"(?:[^\W_]|[\ue000-\uf8ff])+", text)
            for folded in words(m.group())[:1]]


@dataclass(frozen=True)
class Terms:
    """What to look for: phrases of folded words, all of which must occur."""

    text: str
    phrases: tuple[tuple[str, ...], ...]

    def fts(self) -> str:
        """The phrases as an FTS5 query: each quoted, so no word is an operator."""
        return fts5_query(self.phrases)


_PIECE = re.compile(r'"([^"]*)"?|([^\s"]+)')


def parse_terms(text: str) -> Terms:
    """The words and "phrases" of a query. Raises `InvalidQuery` when the text is too long,
    has too many phrases, or has no word at all."""
    if len(text) > MAX_QUERY:
        raise InvalidQuery(f"a search is at most {MAX_QUERY} characters ({len(text):,} given)")
    phrases: list[tuple[str, ...]] = []
    for match in _PIECE.finditer(text):
        found = tuple(words(match.group(1) if match.group(1) is not None else match.group(2)))
        if found and found not in phrases:
            phrases.append(found)
    if not phrases:
        raise InvalidQuery("there is no word to search for (letters or digits)")
    if len(phrases) > MAX_PHRASES or sum(len(p) for p in phrases) > MAX_WORDS:
        raise InvalidQuery(f"a search has at most {MAX_PHRASES} words or phrases and {MAX_WORDS} words in all")
    return Terms(text, tuple(phrases))


def _phrase_in(phrase: Sequence[str], tokens: Sequence[str]) -> bool:
    width = len(phrase)
    return any(tuple(tokens[i:i + width]) == tuple(phrase) for i in range(len(tokens) - width + 1))


def _matches(terms: Terms, text: str) -> bool:
    tokens = words(text)
    return all(_phrase_in(phrase, tokens) for phrase in terms.phrases)


def phrase_spans(terms: Terms, text: str) -> list[tuple[int, int]]:
    """Where each phrase occurs in a text: (start, end) character offsets, in order."""
    spans = _word_spans(text)
    tokens = [w for _, _, w in spans]
    found = []
    for phrase in terms.phrases:
        width = len(phrase)
        for i in range(len(tokens) - width + 1):
            if tuple(tokens[i:i + width]) == phrase:
                found.append((spans[i][0], spans[i + width - 1][1]))
    return sorted(set(found))


@dataclass(frozen=True)
class SearchPage:
    """One page of matches: the ids (in order), how many match in all, and the cursors of
    the pages after and before it."""

    ids: list[str]
    total: int
    after: str | None
    before: str | None


def _keyset(keys: list[tuple[object, ...]], ids: list[str], *, after: str | None, before: str | None, limit: int) -> SearchPage:
    """A page of an ordered list computed whole (its cost does not grow with the depth)."""
    width = len(keys[0]) if keys else 1
    if after is not None:
        start = bisect.bisect_right(keys, tuple(decode_cursor(after, width)))  # type: ignore[arg-type]
        end = start + limit
    elif before is not None:
        end = bisect.bisect_left(keys, tuple(decode_cursor(before, width)))  # type: ignore[arg-type]
        start = max(0, end - limit)
    else:
        start, end = 0, limit
    end = min(end, len(ids))
    return SearchPage(ids[start:end], len(ids), encode_cursor(keys[end - 1]) if end < len(ids) and end > start else None,
                      encode_cursor(keys[start]) if start > 0 and end > start else None)


# Documents ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str  # matches between MATCH_START and MATCH_END


def search_documents_page(store: Store, terms: Terms, *, after: str | None = None, before: str | None = None,
                          limit: int = 20) -> tuple[list[DocumentHit], SearchPage]:
    """Documents whose title or text holds every phrase, best match first (bm25)."""
    ranked, match = ranked_matches(store, terms.phrases)  # SQLite's FTS5 or PostgreSQL's text search (store/text_index.py)
    total = count_matches(store, terms.phrases)
    params: list[object] = [*match]
    where, direction = "", "ASC"
    if after is not None:
        where, params = " WHERE (r, rowid) > (?, ?)", [*match, *decode_cursor(after, 2)]
    elif before is not None:
        where, params, direction = " WHERE (r, rowid) < (?, ?)", [*match, *decode_cursor(before, 2)], "DESC"
    rows = store.connection.execute(f"SELECT rowid, r FROM ({ranked}) ranked{where} ORDER BY r {direction}, rowid {direction} LIMIT ?",
                                    [*params, limit + 1]).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    if direction == "DESC":
        rows.reverse()
    hits = _document_hits(store, terms, [row["rowid"] for row in rows])
    keys = [[row["r"], row["rowid"]] for row in rows]
    has_after = more if direction == "ASC" else True
    has_before = (after is not None) if direction == "ASC" else more
    page = SearchPage([hit.id for hit in hits], total, encode_cursor(keys[-1]) if rows and has_after else None,
                      encode_cursor(keys[0]) if rows and has_before else None)
    return hits, page


def _document_hits(store: Store, terms: Terms, rowids: list[int]) -> list[DocumentHit]:
    if not rowids:
        return []
    nonce = secrets.token_hex(8)
    start, end = f"\ue000{nonce}\ue002", f"\ue001{nonce}\ue002"
    found = {rowid: DocumentHit(doc, title, outlet, published, _safe_snippet(snippet, start, end))
             for rowid, (doc, title, outlet, published, snippet) in document_snippets(store, terms.phrases, rowids, start=start, end=end).items()}
    return [found[rowid] for rowid in rowids if rowid in found]


def _safe_snippet(snippet: str, start: str, end: str) -> str:
    """The snippet's own marker characters replaced; the engine's markers (with this query's
    nonce, which no text can know) turned into MATCH_START / MATCH_END."""
    pieces = re.split(f"({re.escape(start)}|{re.escape(end)})", snippet)
    out = []
    for piece in pieces:
        if piece == start:
            out.append(MATCH_START)
        elif piece == end:
            out.append(MATCH_END)
        else:
            out.append(piece.replace(MATCH_START, "\ufffd").replace(MATCH_END, "\ufffd"))
    return "".join(out)


# Entities -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntityMatch:
    id: str
    name: str
    matched: str  # the name or alias that matched


def search_entities(store: Store, terms: Terms, *, deadline: float, after: str | None = None, before: str | None = None,
                    limit: int = 20) -> tuple[list[EntityMatch], SearchPage]:
    """Entities with a name or alias holding every phrase: those named exactly so first, then
    by name."""
    wanted = " ".join(" ".join(p) for p in terms.phrases)
    found: list[tuple[tuple[object, ...], EntityMatch]] = []
    for index, row in enumerate(store.connection.execute(f"SELECT id, name, aliases FROM entities WHERE {_candidates('name || aliases', terms)}")):
        if index % 2000 == 0:
            check_deadline(deadline)
        for name in (row["name"], *json.loads(row["aliases"])):
            if _matches(terms, name):
                exact = " ".join(words(name)) == wanted
                found.append(((0 if exact else 1, fold(row["name"]), row["id"]), EntityMatch(row["id"], row["name"], name)))
                break
    found.sort(key=lambda item: item[0])
    keys = [key for key, _ in found]
    page = _keyset(keys, [match.id for _, match in found], after=after, before=before, limit=limit)
    by_id = {match.id: match for _, match in found}
    return [by_id[i] for i in page.ids], page


# Claims ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimMatch:
    id: str
    spans: tuple[tuple[int, int], ...]  # where the phrases occur in the claim's text


def search_claims(store: Store, terms: Terms, *, deadline: float, after: str | None = None, before: str | None = None,
                  limit: int = 20) -> tuple[list[ClaimMatch], SearchPage]:
    """Claims whose text holds every phrase, in document order. The documents that hold them
    come from the full-text index; the claims of those are checked word by word."""
    documents = matching_document_ids(store, terms.phrases)
    keys: list[tuple[object, ...]] = []
    texts: dict[str, str] = {}
    for start in range(0, len(documents), 200):
        check_deadline(deadline)
        chunk = documents[start:start + 200]
        for row in store.connection.execute(
            f"SELECT id, doc_id, start, text FROM claims WHERE doc_id IN ({placeholders(chunk)}) AND {_candidates('text', terms)} "
            "ORDER BY doc_id, start, id", chunk
        ):
            if _matches(terms, row["text"]):
                keys.append((row["doc_id"], row["start"], row["id"]))
                texts[row["id"]] = row["text"]
    page = _keyset(keys, list(texts), after=after, before=before, limit=limit)
    # the highlighted spans of the page's claims only: every match is counted, few are shown
    return [ClaimMatch(i, tuple(phrase_spans(terms, texts[i]))) for i in page.ids], page


def _candidates(column: str, terms: Terms) -> str:
    """An SQL condition that keeps every row whose `column` may hold the phrases: text with
    characters beyond ASCII (checked word by word in Python), and ASCII text holding each
    ASCII word of the query; a query word beyond ASCII rules ASCII text out. (Words are
    letters and digits, so they are safe inside the SQL.)"""
    wanted = [word for phrase in terms.phrases for word in phrase]
    beyond = f"{column} GLOB '*[^ -~]*'"
    if not all(word.isascii() for word in wanted):
        return beyond
    each = " AND ".join(f"instr(lower({column}), '{word}') > 0" for word in wanted)
    return f"({beyond} OR ({each}))"
