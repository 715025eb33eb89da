"""Ingest: files and records in, cleaned `Article`s (or `Skipped` reasons) out."""

from __future__ import annotations

import hashlib

from claimgraph.errors import InputRejected, OverLimit
from claimgraph.ingest.boilerplate import (
    BoilerplateRules,
    load_rules,
    outlet_in_furniture,
)
from claimgraph.ingest.clean import CleanedBody, clean_body
from claimgraph.ingest.decode import has_words
from claimgraph.ingest.discover import iter_input_files
from claimgraph.ingest.estimate import estimated_units
from claimgraph.ingest.language import LanguageIdentifier
from claimgraph.ingest.parse import iter_units, parse_unit
from claimgraph.ingest.readers import (
    Reader,
    all_readers,
    gives_excerpts,
    reader_of_input,
    supported_suffixes,
)
from claimgraph.ingest.records import Article, Published, RawArticle, Skipped
from claimgraph.ingest.units import InputUnit

__all__ = [
    "Article",
    "BoilerplateRules",
    "CleanedBody",
    "InputUnit",
    "LanguageIdentifier",
    "Published",
    "RawArticle",
    "Reader",
    "Skipped",
    "all_readers",
    "clean_body",
    "document_id",
    "estimated_units",
    "iter_input_files",
    "iter_units",
    "load_rules",
    "prepare_article",
    "reader_of_input",
    "supported_suffixes",
]


def prepare_article(unit: InputUnit, *, readers: dict[str, Reader], rules: BoilerplateRules, languages: LanguageIdentifier,
                    max_chars: int, max_line_chars: int | None = None) -> Article:
    """Parse and clean one unit. Raises InputRejected when no usable article comes out, and
    OverLimit when the text as read is over a limit (never cut to fit: a higher limit reads it)."""
    raw = parse_unit(unit, readers)
    _within_limits(raw.body, max_chars=max_chars, max_line_chars=max_line_chars)
    cleaned = clean_body(raw.body, rules=rules, title=raw.title, detect_title=raw.needs_title_detection)
    if not has_words(cleaned.text):
        raise InputRejected("no article text (no words) left after removing the headline and boilerplate")
    return Article(
        id=document_id(cleaned.text),
        key=raw.key,
        fingerprint=raw.fingerprint,
        text=cleaned.text,
        title=cleaned.title,
        url=raw.url,
        outlet=raw.outlet or outlet_in_furniture(cleaned.removed, rules),
        language=languages.identify(cleaned.text, declared=raw.language),
        published=raw.published,
        removed=cleaned.removed,
        header_fields=raw.header_fields + cleaned.header_fields,
        notes=raw.notes,
        excerpt=gives_excerpts(readers.get(unit.format)),
    )


def _within_limits(text: str, *, max_chars: int, max_line_chars: int | None) -> None:
    if len(text) > max_chars:
        raise OverLimit(f"text has {len(text):,} characters, over the {max_chars:,} limit (--max-chars)")
    if max_line_chars is None or len(text) <= max_line_chars:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > max_line_chars:
            raise OverLimit(f"line {number} has {len(line):,} characters, over the {max_line_chars:,} limit (--max-line-chars)")


def document_id(text: str, *, salt: str = "") -> str:
    """Stable id: a hash of the cleaned text (salted with the input key for exact duplicates)."""
    return hashlib.sha256((salt + "\x00" + text if salt else text).encode("utf-8")).hexdigest()[:16]
