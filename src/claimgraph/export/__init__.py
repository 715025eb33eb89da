"""Export: the knowledge base written out in interchange formats.

Each format is one module of `export/formats/` that registers its writer in
`claimgraph.registry.exporters` with `@export_format(name, summary)`: adding a format is
adding one module. A writer takes an open store and a text stream, streams the records into
it (reading them through `claimgraph.query`, never the whole corpus at once) and returns how
many of each kind it wrote. A format registered with `folder=True` (`csv`) writes several
files instead: its writer takes an `OutputFolder` and opens one file per kind of record in it.
Another package can add a format through the `claimgraph_exporters` entry-point group: an
`ExportFormat`, or a writer function whose docstring's first line is its summary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from claimgraph import registry
from claimgraph.errors import UnknownFormat
from claimgraph.export.contract import CONTRACT_VERSION, contract_records
from claimgraph.query import Store

__all__ = ["CONTRACT_VERSION", "ExportFormat", "FolderWriter", "OutputFolder", "Writer", "contract_records", "export", "export_format",
           "export_formats", "get_export_format"]

Writer = Callable[[Store, TextIO], dict[str, int]]
"""Writes a knowledge base to a text stream; returns the count of each kind of record written."""


class OutputFolder:
    """A folder that a folder format writes its files into, each opened for text in one
    encoding ("utf-8"; "utf-8-sig" begins every file with the byte-order mark Excel wants)."""

    def __init__(self, path: Path, *, encoding: str = "utf-8") -> None:
        self.path = Path(path)
        self.encoding = encoding

    def open(self, name: str) -> TextIO:
        """The file `name` in the folder, opened for writing (the folder is made if need be)."""
        self.path.mkdir(parents=True, exist_ok=True)
        return (self.path / name).open("w", encoding=self.encoding, newline="")


FolderWriter = Callable[[Store, OutputFolder], dict[str, int]]
"""Writes a knowledge base as files in a folder; returns the count of each kind written."""

_BUILT_IN = "claimgraph.export.formats"


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its name (`claimgraph export --format NAME`), a summary for the
    command's help, and its writer."""

    name: str
    summary: str
    write: Callable[[Store, Any], dict[str, int]]  # a `Writer`, or a `FolderWriter` when `folder`
    folder: bool = False  # writes a folder of files (`OutputFolder`), not one stream


def export_format(name: str, summary: str, *, folder: bool = False) -> Callable[[Callable[[Store, Any], dict[str, int]]],
                                                                             Callable[[Store, Any], dict[str, int]]]:
    """Register the decorated writer as the export format `name` (`folder`: a `FolderWriter`)."""
    def register(write: Callable[[Store, Any], dict[str, int]]) -> Callable[[Store, Any], dict[str, int]]:
        registry.exporters.register(name, func=ExportFormat(name, summary, write, folder))
        return write

    return register


def export_formats() -> dict[str, ExportFormat]:
    """Every export format (built-in and from other packages), by name."""
    registry.discover(_BUILT_IN)
    return {name: _as_format(name, member) for name, member in sorted(registry.exporters.get_all().items())}


def get_export_format(name: str) -> ExportFormat:
    """The export format `name`; raises `UnknownFormat` (listing the known ones) if there is none."""
    formats = export_formats()
    if name not in formats:
        raise UnknownFormat(f"no export format {name!r} (known: {', '.join(formats)})")
    return formats[name]


def export(store: Store, format_name: str, out: TextIO | OutputFolder) -> dict[str, int]:
    """Write the knowledge base to `out` in the format `format_name`; the count of each kind
    written. `out` is a text stream, or an `OutputFolder` for a folder format."""
    found = get_export_format(format_name)
    if found.folder != isinstance(out, OutputFolder):
        raise TypeError(f"the {format_name} format writes {'a folder (OutputFolder)' if found.folder else 'a text stream'}")
    return found.write(store, out)


def _as_format(name: str, member: object) -> ExportFormat:
    if isinstance(member, ExportFormat):
        return member
    if callable(member):  # a plain writer registered by another package
        summary = (member.__doc__ or "").strip().split("\n")[0].rstrip(".")
        return ExportFormat(name, summary or name, member)
    raise TypeError(f"export format {name!r} is registered as {member!r}, not a writer")
