"""RSS and Atom feeds (feedparser): every entry is an article with its title, link, date and
text (its content, else its summary), and the feed's title as the outlet.

An entry is keyed `path#<entry id>` (its guid, else its link), not by its position, so that a
feed read again with new entries on top adds only those. An entry is an excerpt of the
article at its link (`excerpts`): the build does not store it when that article is already
stored, and lets the full article supersede it when it comes later (pipeline.py).

A `.xml` file that is no feed (a sitemap, any other XML) is skipped with its root element
named, not guessed at.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from claimgraph.errors import InputRejected
from claimgraph.ingest.decode import has_words, normalize_text
from claimgraph.ingest.metadata import clean_str, published_from
from claimgraph.ingest.records import RawArticle, Skipped
from claimgraph.ingest.units import (
    InputUnit,
    fingerprint_of,
    load_json,
    whole_file_unit,
)
from claimgraph.registry import readers

# Elements after which an HTML fragment's text starts a new paragraph.
_BLOCKS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "figcaption", "section", "article")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


@readers.register("feed")
class FeedReader:
    name = "feed"
    suffixes = (".rss", ".atom", ".xml")
    excerpts = True

    def units(self, path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
        for whole in whole_file_unit(path, reader=self.name, max_bytes=max_bytes):
            yield from (whole,) if isinstance(whole, Skipped) else _entries(whole, reader=self.name)

    def parse(self, unit: InputUnit) -> RawArticle:
        try:
            entry = load_json(unit.data)
        except ValueError as exc:
            raise InputRejected(str(exc)) from None
        body = _entry_text(entry)
        if not has_words(body):
            raise InputRejected("feed entry has no text, only a title and a link (read the article at its link instead)")
        return RawArticle(
            key=unit.key,
            fingerprint=unit.fingerprint,
            body=body,
            title=clean_str(entry.get("title")),
            url=clean_str(entry.get("link")),
            outlet=clean_str(entry.get("outlet")),
            language=clean_str(entry.get("language")),
            published=published_from(entry.get("published")),
            needs_title_detection=False,
        )


def _entries(whole: InputUnit, *, reader: str) -> Iterator[InputUnit | Skipped]:
    """The entries of a feed file as units, each the JSON of what is read from it."""
    import feedparser  # type: ignore[import-untyped]  # imported when a feed is first read

    parsed = feedparser.parse(io.BytesIO(whole.data))  # a stream: feedparser never fetches anything
    if not parsed.get("version"):
        yield Skipped(whole.key, _not_a_feed(whole.data), whole.fingerprint)
        return
    if not parsed.entries:
        yield Skipped(whole.key, "the feed holds no entries", whole.fingerprint)
        return
    channel = parsed.feed
    seen: set[str] = set()
    for index, entry in enumerate(parsed.entries):
        record = _entry_record(entry, outlet=channel.get("title") or _host(channel.get("link")), language=channel.get("language"))
        key = _unique(f"{whole.key}#{entry.get('id') or entry.get('link') or _digest(record)}", seen, index)
        encoded = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield InputUnit(key=key, fingerprint=fingerprint_of(encoded), format=reader, data=encoded)


def _entry_record(entry: Any, *, outlet: str | None, language: str | None) -> dict[str, Any]:
    """What an entry gives: its content (else summary) as HTML or text, and its metadata."""
    contents = entry.get("content") or []
    text = contents[0] if contents else entry.get("summary_detail") or {}
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    return {
        "title": entry.get("title"),
        "link": entry.get("link"),
        "published": time.strftime("%Y-%m-%d", published) if published else None,
        "outlet": outlet,
        "language": (entry.get("summary_detail") or {}).get("language") or language,
        "text": text.get("value"),
        "html": text.get("type", "text/html") in ("text/html", "application/xhtml+xml"),
    }


def _entry_text(entry: dict[str, Any]) -> str:
    text = entry.get("text")
    if not isinstance(text, str):
        return ""
    return _html_fragment_text(text) if entry.get("html") else normalize_text(text).strip()


def _html_fragment_text(html: str) -> str:
    """An HTML fragment as plain text with one paragraph per block element."""
    import lxml.html  # type: ignore[import-untyped]

    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in normalize_text(root.text_content()).split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def _not_a_feed(data: bytes) -> str:
    """Why an XML file is not read: its root element, or that it is not XML at all."""
    from lxml import etree  # type: ignore[import-untyped]

    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError as exc:
        return f"not an RSS or Atom feed (not well-formed XML: {exc})"
    tag = etree.QName(root).localname
    return f"not an RSS or Atom feed: an XML file whose root element is <{tag}> (only feeds are read from .xml files)"


def _unique(key: str, seen: set[str], index: int) -> str:
    """A feed may repeat an entry id: the repeat gets its position too."""
    if key in seen:
        key = f"{key}@{index}"
    seen.add(key)
    return key


def _digest(record: dict[str, Any]) -> str:
    """An id for an entry that has neither guid nor link: a hash of its title and text."""
    return hashlib.sha256(f"{record.get('title')}\x00{record.get('text')}".encode()).hexdigest()[:16]


def _host(link: str | None) -> str | None:
    return urlparse(link).hostname if link else None
