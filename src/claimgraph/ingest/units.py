"""Split input files into units (one article each) cheaply, before any parsing.

A unit carries its bytes and a fingerprint, so an incremental build can tell an unchanged
input from a new one without parsing it again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.ingest.discover import HTML_SUFFIXES, JSON_SUFFIXES, JSONL_SUFFIXES
from claimgraph.ingest.records import Skipped


@dataclass(frozen=True)
class InputUnit:
    """The bytes of one article-to-be: a whole file, or one record of a JSON(L) file."""

    key: str
    fingerprint: str
    format: str  # text | html | record
    data: bytes


def iter_units(path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
    """Yield the units of one file, or Skipped records for what cannot be read."""
    key = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _jsonl_units(path, max_bytes=max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield Skipped(key, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit (--max-bytes)")
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield Skipped(key, "file vanished before it could be read")
        return
    except OSError as exc:
        yield Skipped(key, f"cannot read file: {exc.strerror or exc}")
        return
    if not data.strip():
        yield Skipped(key, "empty file (no text)", _fingerprint(data))
    elif suffix in JSON_SUFFIXES:
        yield from _json_units(key, data)
    else:
        fmt = "html" if suffix in HTML_SUFFIXES else "text"
        yield InputUnit(key=key, fingerprint=_fingerprint(data), format=fmt, data=data)


def _jsonl_units(path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
    # Streamed line by line: a JSONL dump may be far larger than memory.
    with path.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            key = f"{path}#L{number}"
            if len(line) > max_bytes:
                yield Skipped(key, f"line {number} is {len(line) / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit")
            elif line.strip():
                yield InputUnit(key=key, fingerprint=_fingerprint(line), format="record", data=line)


def _json_units(key: str, data: bytes) -> Iterator[InputUnit | Skipped]:
    try:
        parsed = load_json(data)
    except ValueError as exc:
        yield Skipped(key, str(exc), _fingerprint(data))
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    if not records:
        yield Skipped(key, "JSON file holds an empty list: no records", _fingerprint(data))
    for index, record in enumerate(records):
        encoded = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
        unit_key = key if len(records) == 1 else f"{key}#{index}"
        yield InputUnit(key=unit_key, fingerprint=_fingerprint(encoded), format="record", data=encoded)


def load_json(data: bytes) -> Any:
    """json.loads that turns every way hostile JSON can fail into ValueError("invalid JSON: ...").

    Besides syntax errors: undecodable bytes, nesting deep enough to exhaust the recursion
    limit, and integers longer than Python's digit limit.
    """
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None
    except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError is a ValueError
        raise ValueError(f"invalid JSON: {exc}") from None


def _fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
