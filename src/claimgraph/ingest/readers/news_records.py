"""News records in JSON (one object, or a list of them) and JSON Lines (one per line, streamed):
news-please style fields and their common variants."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from claimgraph.errors import InputRejected
from claimgraph.ingest.decode import normalize_text
from claimgraph.ingest.metadata import clean_str, published_from
from claimgraph.ingest.records import RawArticle, Skipped
from claimgraph.ingest.units import (
    InputUnit,
    fingerprint_of,
    load_json,
    whole_file_unit,
)
from claimgraph.registry import readers

# Field names used by news-please and similar news dumps, most specific first.
_BODY_FIELDS = ("maintext", "text", "content", "body", "article")
_TITLE_FIELDS = ("title", "headline")
_DATE_FIELDS = ("date_publish", "published", "date_published", "publish_date", "pubDate", "date")
_URL_FIELDS = ("url", "link")
_OUTLET_FIELDS = ("source_domain", "outlet", "publisher", "site_name", "source")


def parse_record(unit: InputUnit) -> RawArticle:
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
        title=clean_str(_first_str(record, _TITLE_FIELDS)),
        url=url,
        outlet=outlet,
        language=clean_str(_first_str(record, ("language", "lang"))),
        published=published_from(_first_str(record, _DATE_FIELDS)),
        needs_title_detection=False,
    )


def _first_str(record: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    for name in fields:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


@readers.register("json")
class JsonReader:
    """One record, or a list of records, per file."""

    name = "json"
    suffixes = (".json",)
    excerpts = False

    def units(self, path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
        for whole in whole_file_unit(path, reader=self.name, max_bytes=max_bytes):
            yield from (whole,) if isinstance(whole, Skipped) else _records(whole, reader=self.name)

    def parse(self, unit: InputUnit) -> RawArticle:
        return parse_record(unit)


def _records(whole: InputUnit, *, reader: str) -> Iterator[InputUnit | Skipped]:
    try:
        parsed = load_json(whole.data)
    except ValueError as exc:
        yield Skipped(whole.key, str(exc), whole.fingerprint)
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    if not records:
        yield Skipped(whole.key, "JSON file holds an empty list: no records", whole.fingerprint)
    for index, record in enumerate(records):
        encoded = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
        key = whole.key if len(records) == 1 else f"{whole.key}#{index}"
        yield InputUnit(key=key, fingerprint=fingerprint_of(encoded), format=reader, data=encoded)


@readers.register("jsonl")
class JsonLinesReader:
    """One record per line, streamed line by line: a dump may be far larger than memory."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")
    excerpts = False

    def units(self, path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
        try:
            with path.open("rb") as lines:
                for number, line in enumerate(lines, start=1):
                    key = f"{path}#L{number}"
                    if len(line) > max_bytes:
                        yield Skipped(key, f"line {number} is {len(line) / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit")
                    elif line.strip():
                        yield InputUnit(key=key, fingerprint=fingerprint_of(line), format=self.name, data=line)
        except FileNotFoundError:
            yield Skipped(str(path), "file vanished before it could be read")
        except OSError as exc:
            yield Skipped(str(path), f"cannot read file: {exc.strerror or exc}")

    def parse(self, unit: InputUnit) -> RawArticle:
        return parse_record(unit)
