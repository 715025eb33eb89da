"""Plain text files: the headline and boilerplate are found later (ingest/clean.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from claimgraph.ingest.decode import decode_bytes
from claimgraph.ingest.records import RawArticle, Skipped
from claimgraph.ingest.units import InputUnit, whole_file_unit
from claimgraph.registry import readers


@readers.register("text")
class TextReader:
    name = "text"
    suffixes = (".txt", ".text")

    def units(self, path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
        yield from whole_file_unit(path, reader=self.name, max_bytes=max_bytes)

    def parse(self, unit: InputUnit) -> RawArticle:
        decoded = decode_bytes(unit.data)
        return RawArticle(key=unit.key, fingerprint=unit.fingerprint, body=decoded.text, notes=decoded.notes)
