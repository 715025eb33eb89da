"""What the ingest stage hands to the next one."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Published:
    """Publication date as a TIMEX3 value, and where it came from."""

    value: str | None = None
    basis: str = "unknown"  # metadata | text | inferred | unknown


@dataclass(frozen=True)
class RawArticle:
    """One article as read from an input, before cleaning.

    `key` identifies the input for incremental builds: the resolved file path, or
    `path#L<n>` for the n-th line of a JSONL file (`path#<i>` for the i-th object of a JSON list,
    `path#<entry id>` for an entry of a feed, `-#L<n>` for a line of standard input).
    """

    key: str
    fingerprint: str
    body: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: Published = field(default_factory=Published)
    # Whether the body still holds its headline and page furniture (plain text does;
    # extracted HTML and news-please `maintext` have had theirs removed upstream).
    needs_title_detection: bool = True
    # Metadata lines the reader took out of the text ("published", "12 March 2024"): dates
    # that are not ISO are read from them later, as from a "Date:" line of the text.
    header_fields: tuple[tuple[str, str], ...] = ()
    # What reading it repaired, in words ("3 undecodable byte sequences replaced..."): reported, never silent.
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """A cleaned article: the text every later stage reads, with its provenance."""

    id: str
    key: str
    fingerprint: str
    text: str
    title: str | None
    url: str | None
    outlet: str | None
    language: str
    published: Published
    removed: tuple[str, ...] = ()
    # Header lines taken out of the text ("Date: 14 March 2019"): (label, value) pairs.
    header_fields: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()  # what reading the input repaired (RawArticle.notes)
    # An excerpt of the article at `url` (a feed entry): the full article at that link
    # supersedes it, and it is not stored when that article already is.
    excerpt: bool = False
    # The day its relative dates ("on Sunday", "yesterday") count from when its publication
    # date gives no day: found in the corpus (resolve/reference_days.py), never guessed.
    reference_day: str | None = None


@dataclass(frozen=True)
class Skipped:
    """An input that did not become a document, and why; never dropped silently."""

    key: str
    reason: str
    fingerprint: str | None = None
    # Whether the next build tries again although the input is unchanged: the reason may
    # have gone (a time budget overrun under load, a missing model, an internal error, a limit).
    retry: bool = False
