"""HTML pages: the article's body, title, site name and date through trafilatura (htmldate)."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

import trafilatura

from claimgraph.errors import InputRejected
from claimgraph.ingest.decode import decode_bytes, has_words, normalize_text
from claimgraph.ingest.markup import close_swallowing_elements
from claimgraph.ingest.metadata import clean_str, published_from
from claimgraph.ingest.records import RawArticle, Skipped
from claimgraph.ingest.units import InputUnit, whole_file_unit
from claimgraph.registry import readers


@readers.register("html")
class HtmlReader:
    name = "html"
    suffixes = (".html", ".htm", ".xhtml")
    excerpts = False

    def units(self, path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
        yield from whole_file_unit(path, reader=self.name, max_bytes=max_bytes)

    def parse(self, unit: InputUnit) -> RawArticle:
        markup, notes = _readable_markup(unit.data)
        try:
            extracted = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
        except (ValueError, TypeError, AttributeError) as exc:  # lxml/trafilatura on broken markup
            raise InputRejected(f"HTML could not be parsed: {exc}") from None
        text = extracted.text if extracted is not None and not isinstance(extracted, dict) else None
        if extracted is None or isinstance(extracted, dict) or text is None or not has_words(text):
            raise InputRejected("no article text found in the HTML")
        return RawArticle(
            key=unit.key,
            fingerprint=unit.fingerprint,
            body=normalize_text(text),
            title=clean_str(extracted.title),
            url=clean_str(extracted.url),
            outlet=clean_str(extracted.sitename) or clean_str(extracted.hostname),
            language=clean_str(extracted.language),
            published=published_from(extracted.date),
            needs_title_detection=False,
            notes=notes,
        )


def _readable_markup(data: bytes) -> tuple[bytes, tuple[str, ...]]:
    """The page as trafilatura can read all of it: decoded here when it holds NUL bytes or
    is UTF-16/32 (a few NULs are stripped, many mean binary: InputRejected), and with the
    unclosed elements that would swallow the article taken out (ingest/markup.py)."""
    notes: tuple[str, ...] = ()
    markup = data
    if b"\x00" in data or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        decoded = decode_bytes(data)
        markup, notes = decoded.text.encode("utf-8"), decoded.notes
    markup, repaired = close_swallowing_elements(markup)
    if repaired:
        notes += (f"{repaired} unclosed element{'s' if repaired > 1 else ''} that would hide the text after {'them' if repaired > 1 else 'it'} taken out",)
    return markup, notes
