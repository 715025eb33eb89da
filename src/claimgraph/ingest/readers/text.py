"""Plain text files: the headline and boilerplate are found later (ingest/clean.py).

A metadata header at the top (`url:`, `outlet:`, `published:`, `title:` lines, then a blank
line: ingest/headers.py) gives the article's metadata and is not part of its text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from claimgraph.ingest.decode import decode_text
from claimgraph.ingest.headers import (
    Header,
    HeaderRules,
    load_header_rules,
    split_header,
)
from claimgraph.ingest.metadata import clean_str, published_from
from claimgraph.ingest.records import RawArticle, Skipped
from claimgraph.ingest.units import InputUnit, whole_file_unit
from claimgraph.registry import readers


@readers.register("text")
class TextReader:
    name = "text"
    suffixes = (".txt", ".text")
    excerpts = False

    def __init__(self) -> None:
        self._headers: HeaderRules = load_header_rules()

    def units(self, path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
        yield from whole_file_unit(path, reader=self.name, max_bytes=max_bytes)

    def parse(self, unit: InputUnit) -> RawArticle:
        text = decode_text(unit.data)
        header = split_header(text, self._headers)
        if header is None:
            return RawArticle(key=unit.key, fingerprint=unit.fingerprint, body=text)
        return _with_header(unit, header)


def _with_header(unit: InputUnit, header: Header) -> RawArticle:
    """The article below a header. A title rebuilt from the address is not the headline: the
    headline is then looked for in the text, as for a file without a header."""
    fields = header.fields
    published = fields.get("published")
    stated = published_from(published)
    return RawArticle(
        key=unit.key,
        fingerprint=unit.fingerprint,
        body=header.body,
        title=clean_str(fields.get("title")),
        url=clean_str(fields.get("url")),
        outlet=clean_str(fields.get("outlet")),
        language=clean_str(fields.get("language")),
        published=stated,
        # A date that is not ISO ("12 March 2024") is read like a "Date:" line of the text.
        header_fields=(("published", published),) if published and stated.value is None else (),
    )
