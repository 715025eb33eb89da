"""Metadata values as readers find them: trimmed strings, publication dates."""

from __future__ import annotations

import re

from claimgraph.ingest.decode import normalize_text
from claimgraph.ingest.records import Published

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def published_from(raw: str | None) -> Published:
    """A metadata date as TIMEX3; only full ISO dates are trusted from metadata."""
    if raw and (match := _ISO_DATE.search(raw)):
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
