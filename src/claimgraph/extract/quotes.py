"""Where the text quotes someone, and where it reproduces another publication.

Quotes may span sentences ('«The French are better at spying ... France's drone footage was
taken illegally.»'), so they are found on the whole text. A citation line (a quoted title
with a link: 'Source: "Title," outlet.com 12 January 2022. https://...') opens an excerpt
of that publication that runs to the next citation line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from spacy.tokens import Doc, Token

_OPENING = {"“": "”", "«": "»", "„": "“", '"': '"'}
_URL = re.compile(r"https?://\S+")
_QUOTED_TITLE = re.compile(r"[“\"«].{8,}?[”\"»]")
_MAX_QUOTE_CHARS = 3000


@dataclass(frozen=True)
class Excerpt:
    """Text between a citation line and the next: reproduced from `origin` (its web host)."""

    start: int
    end: int
    origin: str
    citation: tuple[int, int]  # the citation line itself


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, outermost only, marks included."""
    # Two apostrophes ('') quote in some house styles; read them as one mark, keeping offsets.
    text = text.replace("''", ' "')
    spans = []
    index = 0
    while index < len(text):
        char = text[index]
        closing = _OPENING.get(char)
        if closing is None:
            index += 1
            continue
        # “ may close a „ quote and ” often closes a « one in translated text: accept either closer.
        closers = {closing, "”", "»"} if char != '"' else {'"'}
        # A quotation is looked for within its paragraph.
        limit = text.find("\n", index)
        limit = min(len(text) if limit < 0 else limit, index + _MAX_QUOTE_CHARS)
        end = next((j for j in range(index + 1, limit) if text[j] in closers), None)
        if end is None:
            if char == '"':
                index += 1
                continue
            # Typographic convention: a quotation running over several paragraphs opens each
            # paragraph and closes only in the last, so an unclosed curly quote runs to the line end.
            end = limit - 1
        spans.append((index, end + 1))
        index = end + 1
    return spans


def excerpts(text: str) -> list[Excerpt]:
    """Excerpt regions opened by citation lines (a quoted title and a link on one line)."""
    citations = []
    offset = 0
    for line in text.split("\n"):
        url = _URL.search(line)
        if url and _QUOTED_TITLE.search(line):
            host = urlparse(url.group()).hostname or ""
            citations.append((offset, offset + len(line), host.removeprefix("www.")))
        offset += len(line) + 1
    regions = []
    for index, (start, end, host) in enumerate(citations):
        region_end = citations[index + 1][0] if index + 1 < len(citations) else len(text)
        if host and region_end > end + 1:
            regions.append(Excerpt(start=end, end=region_end, origin=host, citation=(start, end)))
    return regions


def inside(span: tuple[int, int], region: tuple[int, int], *, share: float = 0.5) -> bool:
    """Whether at least `share` of span lies inside region."""
    overlap = min(span[1], region[1]) - max(span[0], region[0])
    return span[1] > span[0] and overlap / (span[1] - span[0]) >= share


def document_quotations(doc: Doc) -> list[tuple[int, int]]:
    """The document's quotations (quote_spans), read once per document: the claims, the
    relations and the event readings all ask."""
    found = doc.user_data.get("claimgraph.quotations")
    if found is None:
        found = doc.user_data["claimgraph.quotations"] = quote_spans(doc.text)
    return found


def quotation_of(token: Token) -> tuple[int, int] | None:
    """The quotation a token stands in, if any."""
    return next(((s, e) for s, e in document_quotations(token.doc) if s <= token.idx < e), None)


def head_in_quotation(token: Token) -> Token:
    """A token's syntactic head, kept inside the quotation that holds it: quoted words are
    one speaker's clause, so a phrase the parser hangs on the reporting verb outside
    ('"... and through blaming the rebels," it said') belongs to the quoted clause's verb
    (the last quoted verb of its sentence before it whose own head lies outside the
    quotation, or that is the sentence's root). Quotations are read on the whole text, as
    they may span sentences."""
    quotation = quotation_of(token)
    if quotation is None:
        return token.head

    def quoted(t: Token) -> bool:
        return quotation[0] <= t.idx < quotation[1]

    if quoted(token.head):
        return token.head
    # the quoted clause's own verb: its head is outside, or it is the sentence's root
    clause = [t for t in token.sent if quoted(t) and t.i < token.i and (t.head.i == t.i or not quoted(t.head))
              and t.pos_ in ("VERB", "AUX")]
    return clause[-1] if clause else token.head
