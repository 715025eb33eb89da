"""Standard input (`claimgraph build - ...`), streamed: news records as JSON Lines, each line
its own input `-#L<n>`, or else one plain-text article `-`.

Which of the two is told from the first line that is not blank: a JSON object opens JSON
Lines. A stream is not a file that changes: what a later build reads from it never replaces
what an earlier one stored under the same line number (pipeline.py), and the same record
piped again is known by its text.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from claimgraph.ingest.readers import STDIN_READER
from claimgraph.ingest.readers.news_records import parse_record
from claimgraph.ingest.readers.text import TextReader
from claimgraph.ingest.records import RawArticle, Skipped
from claimgraph.ingest.units import InputUnit, fingerprint_of
from claimgraph.registry import readers

STDIN_KEY = "-"


@readers.register(STDIN_READER)
class StdinReader:
    name = STDIN_READER
    suffixes: tuple[str, ...] = ()  # found by its path, `-`
    excerpts = False

    def __init__(self) -> None:
        self._text = TextReader()

    def units(self, path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
        yield from stream_units(sys.stdin.buffer, max_bytes=max_bytes)

    def parse(self, unit: InputUnit) -> RawArticle:
        return self._text.parse(unit) if unit.format == self._text.name else parse_record(unit)


def stream_units(stream: BinaryIO, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
    """The units of a byte stream: JSON Lines one by one, else the whole text as one."""
    number, line = 0, b""
    for number, line in enumerate(iter(stream.readline, b""), start=1):
        if line.strip():
            break
    else:
        yield Skipped(STDIN_KEY, "standard input is empty")
        return
    if line.lstrip().startswith(b"{"):
        yield from _json_lines(stream, first=line, first_number=number, max_bytes=max_bytes)
    else:
        yield from _whole_text(stream, first=line, max_bytes=max_bytes)


def _json_lines(stream: BinaryIO, *, first: bytes, first_number: int, max_bytes: int) -> Iterator[InputUnit | Skipped]:
    for number, line in _numbered(first, first_number, iter(stream.readline, b"")):
        key = f"{STDIN_KEY}#L{number}"
        if len(line) > max_bytes:
            yield Skipped(key, f"line {number} is {len(line) / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit")
        elif line.strip():
            yield InputUnit(key=key, fingerprint=fingerprint_of(line), format="jsonl", data=line)


def _numbered(first: bytes, first_number: int, rest: Iterator[bytes]) -> Iterator[tuple[int, bytes]]:
    yield first_number, first
    yield from enumerate(rest, start=first_number + 1)


def _whole_text(stream: BinaryIO, *, first: bytes, max_bytes: int) -> Iterator[InputUnit | Skipped]:
    data = first + stream.read(max(0, max_bytes + 1 - len(first)))
    if len(data) > max_bytes:
        yield Skipped(STDIN_KEY, f"standard input is over the {max_bytes / 1e6:g} MB limit (--max-bytes) for one article")
        return
    yield InputUnit(key=STDIN_KEY, fingerprint=fingerprint_of(data), format="text", data=data)
