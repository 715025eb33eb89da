"""Metadata values as readers find them: trimmed strings, publication dates."""

from __future__ import annotations

import re
from datetime import date

from claimgraph.ingest.decode import normalize_text
from claimgraph.ingest.records import Published

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # ASCII digits: "\d" also takes Arabic-Indic ones
# A date known to its month only ("2023-07", as some crawlers store it): TIMEX3 keeps that precision.
_ISO_MONTH = re.compile(r"\s*([0-9]{4})-([0-9]{2})\s*")
# Relative dates ("last year", "in the coming decades") are reckoned from the publication
# date: a century either way must stay a calendar date. Placeholders such as 0001-01-01 do not.
_YEARS = range(100, 9900)


def published_from(raw: str | None) -> Published:
    """A metadata date as TIMEX3; only ISO dates that exist in the calendar are trusted from
    metadata ("0000-00-00", "2021-02-30" are no date, and the article keeps none). A value
    that gives only a year and month is that month ("2023-07"), never a day of it."""
    if raw and (only_month := _ISO_MONTH.fullmatch(raw)):
        year, month = (int(part) for part in only_month.groups())
        return Published(value=f"{year:04d}-{month:02d}", basis="metadata") if year in _YEARS and 1 <= month <= 12 else Published()
    if raw and (match := _ISO_DATE.search(raw)):
        year, month, day = (int(part) for part in match.groups())
        try:
            date(year, month, day)
        except ValueError:
            return Published()
        if year in _YEARS:
            return Published(value="-".join(match.groups()), basis="metadata")
    return Published()


def clean_str(value: str | None) -> str | None:
    value = normalize_text(value).strip() if value else None
    return value or None


_FILE_NAME_TITLE = re.compile(r"^(?:microsoft \w+ - .*|.*\.(?:docx?|pdf|odt|rtf|indd|txt|html?))$", re.IGNORECASE)


def document_title(value: str | None) -> str | None:
    """A title from a file's own metadata (PDF, Word), unless it is only a file name
    ("Microsoft Word - draft3.docx"), as office tools often leave there."""
    title = clean_str(value)
    return None if title is None or _FILE_NAME_TITLE.match(title) else title
