"""News records in JSON (one object, or a list of them) and JSON Lines (one per line, streamed):
news-please style fields and their common variants."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

from claimgraph.errors import InputRejected
from claimgraph.ingest.decode import decode_bytes, lone_surrogates, normalize_text
from claimgraph.ingest.metadata import clean_str, published_from
from claimgraph.ingest.records import RawArticle, Skipped
from claimgraph.ingest.units import (
    InputUnit,
    fingerprint_of,
    input_key,
    load_json,
    open_regular,
    unreadable_reason,
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
        record, notes = load_json_text(unit.data)
    except ValueError as exc:
        raise InputRejected(str(exc)) from None
    if not isinstance(record, dict):
        raise InputRejected(f"a JSON record must be an object, not {type(record).__name__}")
    body = _first_str(record, _BODY_FIELDS)
    if not body or not body.strip():
        raise InputRejected(f"record has no article text (none of the fields {', '.join(_BODY_FIELDS)})")
    title = _first_str(record, _TITLE_FIELDS)
    if surrogates := lone_surrogates(body) + lone_surrogates(title or ""):
        notes += (f"{surrogates} lone surrogate{'s' if surrogates > 1 else ''} (no character in any encoding) replaced with U+FFFD",)
    url = clean_str(_first_str(record, _URL_FIELDS))
    outlet = clean_str(_first_str(record, _OUTLET_FIELDS)) or (_hostname(url) if url else None)
    return RawArticle(
        key=unit.key,
        fingerprint=unit.fingerprint,
        body=normalize_text(body),
        title=clean_str(title),
        url=url,
        outlet=outlet,
        language=clean_str(_first_str(record, ("language", "lang"))),
        published=published_from(_first_str(record, _DATE_FIELDS)),
        needs_title_detection=False,
        notes=unit.notes + notes,
    )


def load_json_text(data: bytes) -> tuple[Any, tuple[str, ...]]:
    """A JSON value from bytes read as text is (ingest/decode.py: any encoding, broken bytes
    replaced and counted), with what decoding repaired; ValueError("invalid JSON: ...") else."""
    try:
        decoded = decode_bytes(data)
    except InputRejected as exc:
        raise ValueError(f"invalid JSON: {exc}") from None
    return load_json(decoded.text), decoded.notes


def _hostname(url: str) -> str | None:
    """The host of a URL, None for one that does not parse (a bracket out of place)."""
    try:
        return urlparse(url).hostname
    except ValueError:
        return None


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
        parsed, notes = load_json_text(whole.data)
    except ValueError as exc:
        yield Skipped(whole.key, str(exc), whole.fingerprint)
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    if not records:
        yield Skipped(whole.key, "JSON file holds an empty list: no records", whole.fingerprint)
    for index, record in enumerate(records):
        key = whole.key if len(records) == 1 else f"{whole.key}#{index}"
        try:
            encoded = _encoded(record)
        except (ValueError, RecursionError) as exc:
            yield Skipped(key, f"record cannot be read back as JSON: {exc}", whole.fingerprint)
            continue
        yield InputUnit(key=key, fingerprint=fingerprint_of(encoded), format=reader, data=encoded, notes=notes)


def _encoded(record: Any) -> bytes:
    """One record of a file as UTF-8 JSON, keys sorted; a lone surrogate ("\ud800"), which
    UTF-8 cannot hold, is kept as its escape."""
    try:
        return json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(record, ensure_ascii=True, sort_keys=True).encode("utf-8")


@readers.register("jsonl")
class JsonLinesReader:
    """One record per line, streamed line by line: a dump may be far larger than memory."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")
    excerpts = False

    def units(self, path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
        key = input_key(path)
        records = 0
        try:
            with open_regular(path) as lines:
                for number, line, length in bounded_lines(lines, max_bytes=max_bytes):
                    if line is None:
                        yield Skipped(f"{key}#L{number}", f"line {number} is {length / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit (--max-bytes)",
                                      retry=True)
                        records += 1
                    elif line.strip():
                        yield InputUnit(key=f"{key}#L{number}", fingerprint=fingerprint_of(line), format=self.name, data=line)
                        records += 1
        except OSError as exc:
            yield Skipped(key, unreadable_reason(exc))
            return
        if not records:
            yield Skipped(key, "empty JSON Lines file (no records)")

    def parse(self, unit: InputUnit) -> RawArticle:
        return parse_record(unit)


def bounded_lines(handle: BinaryIO, *, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(number, line, length) for each line; a line over `max_bytes` is read through in
    pieces and never held whole: its line is None. A dump may be far larger than memory."""
    number = 0
    while line := handle.readline(max_bytes + 1):
        number += 1
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield number, line if len(line) <= max_bytes else None, len(line)
            continue
        length = len(line)
        while piece := handle.readline(1 << 20):
            length += len(piece)
            if piece.endswith(b"\n"):
                break
        yield number, None, length
