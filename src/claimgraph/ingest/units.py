"""Input units: the bytes of one article-to-be (a whole file, or one record of a file) with
their fingerprint, read cheaply and before any parsing, so an incremental build can tell
an unchanged input from a new one without parsing it again."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.ingest.records import Skipped


@dataclass(frozen=True)
class InputUnit:
    """The bytes of one article-to-be: a whole file, or one record of a JSON(L) file."""

    key: str
    fingerprint: str
    format: str  # the name of the reader that parses it
    data: bytes


def whole_file_unit(path: Path, *, reader: str, max_bytes: int) -> Iterator[InputUnit | Skipped]:
    """A file as one unit, or a Skipped saying why it cannot be read (too large, gone, empty)."""
    key = str(path)
    try:
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
        yield Skipped(key, "empty file (no text)", fingerprint_of(data))
    else:
        yield InputUnit(key=key, fingerprint=fingerprint_of(data), format=reader, data=data)


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


def fingerprint_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
