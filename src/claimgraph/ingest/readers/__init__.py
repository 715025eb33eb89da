"""Input readers, one module each, found through the `readers` registry (claimgraph/registry.py).

A reader says which file suffixes it takes, splits a file into units (one article-to-be
each, with its bytes and fingerprint, cheaply and before any parsing, so an incremental
build can pass over unchanged inputs) and parses a unit into a RawArticle. Adding an input
format is adding a module here that registers a `Reader`. Libraries a reader needs beyond
the core ones (feedparser, pypdf, python-docx) are imported when it first reads a file, so
that listing the readers, and `claimgraph --help`, stay quick.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from claimgraph.ingest.records import RawArticle, Skipped
from claimgraph.ingest.units import InputUnit
from claimgraph.registry import discover, readers

STDIN = Path("-")  # the path that stands for standard input, as for most Unix tools
STDIN_READER = "stdin"


class Reader(Protocol):
    """What a registered reader provides."""

    name: str
    suffixes: tuple[str, ...]  # lower-case, with the dot: (".html", ".htm")
    # Whether its articles are excerpts of an article at their link (feed entries): the full
    # article supersedes them, and they are not stored when it already is.
    excerpts: bool

    def units(self, path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
        """The units of one file, or Skipped records for what cannot be read."""
        ...

    def parse(self, unit: InputUnit) -> RawArticle:
        """One unit as a raw article; raises InputRejected with the reason when it holds none."""
        ...


def all_readers() -> dict[str, Reader]:
    """Every registered reader by name, the built-in ones first found in this folder."""
    discover(__name__)
    return {name: factory() for name, factory in sorted(readers.get_all().items())}


def reader_for(path: Path, registered: dict[str, Reader]) -> Reader | None:
    """The reader of a file by its suffix (`-`, standard input, by the stdin reader)."""
    if path == STDIN:
        return registered.get(STDIN_READER)
    suffix = path.suffix.lower()
    return next((r for r in registered.values() if suffix in r.suffixes), None)


def supported_suffixes(registered: dict[str, Reader]) -> tuple[str, ...]:
    return tuple(sorted({s for r in registered.values() for s in r.suffixes}))


def is_stream_key(key: str) -> bool:
    """Whether an input key names a part of standard input (`-`, `-#L12`)."""
    return key == str(STDIN) or key.startswith(f"{STDIN}#")


def gives_excerpts(reader: Reader | None) -> bool:
    """Whether a reader's articles are excerpts (readers from other packages may not say)."""
    return bool(getattr(reader, "excerpts", False))


def reader_of_input(key: str, registered: dict[str, Reader]) -> Reader | None:
    """The reader of a stored input key (`path`, `path#L12`, `path#<entry id>`, `-#L3`)."""
    return reader_for(Path(key.split("#", 1)[0]), registered)
