"""Turn input files into units and units into RawArticles, through the registered readers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from claimgraph.errors import InputRejected
from claimgraph.ingest.readers import Reader, reader_for
from claimgraph.ingest.records import RawArticle, Skipped
from claimgraph.ingest.units import InputUnit


def iter_units(path: Path, registered: dict[str, Reader], *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
    """The units of one file, by the reader of its suffix."""
    reader = reader_for(path, registered)
    if reader is None:
        yield Skipped(str(path), f"no reader takes {path.suffix or '(none)'!r} files")
        return
    yield from reader.units(path, max_bytes=max_bytes)


def parse_unit(unit: InputUnit, registered: dict[str, Reader]) -> RawArticle:
    """Parse a unit; raise InputRejected with the reason when it holds no article."""
    reader = registered.get(unit.format)
    if reader is None:
        raise InputRejected(f"no reader named {unit.format!r}")
    return reader.parse(unit)
