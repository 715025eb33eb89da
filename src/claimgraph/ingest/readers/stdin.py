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
from claimgraph.ingest.readers.news_records import bounded_lines, parse_record
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
    """The units of a byte stream: JSON Lines one by one, else the whole text as one. No
    line is held whole when it is over `max_bytes`, the first one included."""
    number, first, complete = 0, b"", True
    while piece := stream.readline(max_bytes + 1):
        number += complete  # a piece that ended without a line end goes on in the next
        complete = piece.endswith(b"\n")
        if piece.strip():
            first = piece
            break
    else:
        yield Skipped(STDIN_KEY, "standard input is empty")
        return
    if first.lstrip().startswith(b"{"):
        yield from _json_lines(stream, first=first, first_number=number, max_bytes=max_bytes)
    else:
        yield from _whole_text(stream, first=first, max_bytes=max_bytes)


def _json_lines(stream: BinaryIO, *, first: bytes, first_number: int, max_bytes: int) -> Iterator[InputUnit | Skipped]:
    for number, line, length in _numbered(first, first_number, stream, max_bytes=max_bytes):
        key = f"{STDIN_KEY}#L{number}"
        if line is None:
            yield Skipped(key, f"line {number} is {length / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit (--max-bytes)", retry=True)
        elif line.strip():
            yield InputUnit(key=key, fingerprint=fingerprint_of(line), format="jsonl", data=line)


def _numbered(first: bytes, first_number: int, stream: BinaryIO, *, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(number, line, length) of the first line, read already, then of the rest; a line over
    `max_bytes` is read through in pieces and never held whole (its line is None)."""
    if len(first) <= max_bytes:
        yield first_number, first, len(first)
    else:  # read up to max_bytes + 1: the rest of the line is still in the stream
        length = len(first)
        if not first.endswith(b"\n"):
            while piece := stream.readline(1 << 20):
                length += len(piece)
                if piece.endswith(b"\n"):
                    break
        yield first_number, None, length
    for number, line, length in bounded_lines(stream, max_bytes=max_bytes):
        yield first_number + number, line, length


def _whole_text(stream: BinaryIO, *, first: bytes, max_bytes: int) -> Iterator[InputUnit | Skipped]:
    data = first + stream.read(max(0, max_bytes + 1 - len(first)))
    if len(data) > max_bytes:
        yield Skipped(STDIN_KEY, f"standard input is over the {max_bytes / 1e6:g} MB limit (--max-bytes) for one article", retry=True)
        return
    yield InputUnit(key=STDIN_KEY, fingerprint=fingerprint_of(data), format="text", data=data)
