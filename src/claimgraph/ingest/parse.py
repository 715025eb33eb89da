"""Turn one input unit into a RawArticle: plain text, HTML (trafilatura) or a news record."""

from __future__ import annotations

import codecs
import re
from typing import Any
from urllib.parse import urlparse

import trafilatura

from claimgraph.errors import InputRejected
from claimgraph.ingest.decode import decode_text, has_words, normalize_text
from claimgraph.ingest.records import Published, RawArticle
from claimgraph.ingest.units import InputUnit, load_json

# Field names used by news-please and similar news dumps, most specific first.
_BODY_FIELDS = ("maintext", "text", "content", "body", "article")
_TITLE_FIELDS = ("title", "headline")
_DATE_FIELDS = ("date_publish", "published", "date_published", "publish_date", "pubDate", "date")
_URL_FIELDS = ("url", "link")
_OUTLET_FIELDS = ("source_domain", "outlet", "publisher", "site_name", "source")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_unit(unit: InputUnit) -> RawArticle:
    """Parse a unit; raise InputRejected with the reason when it holds no article."""
    if unit.format == "html":
        return _parse_html(unit)
    if unit.format == "record":
        return _parse_record(unit)
    return RawArticle(key=unit.key, fingerprint=unit.fingerprint, body=decode_text(unit.data))


def _parse_html(unit: InputUnit) -> RawArticle:
    utf16 = unit.data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and b"\x00" in unit.data[:8192]:
        raise InputRejected("binary file (contains NUL bytes)")
    try:
        extracted = trafilatura.bare_extraction(unit.data, with_metadata=True, include_comments=False)
    except (ValueError, TypeError, AttributeError) as exc:  # lxml/trafilatura on broken markup
        raise InputRejected(f"HTML could not be parsed: {exc}") from None
    if extracted is None or not has_words(extracted.text):
        raise InputRejected("no article text found in the HTML")
    return RawArticle(
        key=unit.key,
        fingerprint=unit.fingerprint,
        body=normalize_text(extracted.text),
        title=_clean_str(extracted.title),
        url=_clean_str(extracted.url),
        outlet=_clean_str(extracted.sitename) or _clean_str(extracted.hostname),
        language=_clean_str(extracted.language),
        published=_published(extracted.date),
        needs_title_detection=False,
    )


def _parse_record(unit: InputUnit) -> RawArticle:
    try:
        record = load_json(unit.data)
    except ValueError as exc:
        raise InputRejected(str(exc)) from None
    if not isinstance(record, dict):
        raise InputRejected(f"a JSON record must be an object, not {type(record).__name__}")
    body = _first_str(record, _BODY_FIELDS)
    if not body or not body.strip():
        raise InputRejected(f"record has no article text (none of the fields {', '.join(_BODY_FIELDS)})")
    url = _first_str(record, _URL_FIELDS)
    outlet = _first_str(record, _OUTLET_FIELDS) or (urlparse(url).hostname if url else None)
    return RawArticle(
        key=unit.key,
        fingerprint=unit.fingerprint,
        body=normalize_text(body),
        title=_clean_str(_first_str(record, _TITLE_FIELDS)),
        url=url,
        outlet=outlet,
        language=_clean_str(_first_str(record, ("language", "lang"))),
        published=_published(_first_str(record, _DATE_FIELDS)),
        needs_title_detection=False,
    )


def _published(raw: str | None) -> Published:
    """A metadata date as TIMEX3; only full ISO dates are trusted from metadata."""
    if raw and (match := _ISO_DATE.search(raw)):
        return Published(value="-".join(match.groups()), basis="metadata")
    return Published()


def _first_str(record: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    for name in fields:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _clean_str(value: str | None) -> str | None:
    value = normalize_text(value).strip() if value else None
    return value or None
