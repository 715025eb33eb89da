"""Export: the knowledge base written out in interchange formats.

Each format is one module of `export/formats/` that registers its writer in
`claimgraph.registry.exporters` with `@export_format(name, summary)`: adding a format is
adding one module. A writer takes an open store and a text stream, streams the records into
it (reading them through `claimgraph.query`, never the whole corpus at once) and returns how
many of each kind it wrote. Another package can add a format through the
`claimgraph_exporters` entry-point group: an `ExportFormat`, or a writer function whose
docstring's first line is its summary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from claimgraph import registry
from claimgraph.errors import UnknownFormat
from claimgraph.export.contract import CONTRACT_VERSION, contract_records
from claimgraph.query import Store

__all__ = ["CONTRACT_VERSION", "ExportFormat", "Writer", "contract_records", "export", "export_format", "export_formats",
           "get_export_format"]

Writer = Callable[[Store, TextIO], dict[str, int]]
"""Writes a knowledge base to a text stream; returns the count of each kind of record written."""

_BUILT_IN = "claimgraph.export.formats"


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its name (`claimgraph export --format NAME`), a summary for the
    command's help, and its writer."""

    name: str
    summary: str
    write: Writer


def export_format(name: str, summary: str) -> Callable[[Writer], Writer]:
    """Register the decorated writer as the export format `name`."""
    def register(write: Writer) -> Writer:
        registry.exporters.register(name, func=ExportFormat(name, summary, write))
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


def export(store: Store, format_name: str, out: TextIO) -> dict[str, int]:
    """Write the knowledge base to `out` in the format `format_name`; the count of each kind written."""
    return get_export_format(format_name).write(store, out)


def _as_format(name: str, member: object) -> ExportFormat:
    if isinstance(member, ExportFormat):
        return member
    if callable(member):  # a plain writer registered by another package
        summary = (member.__doc__ or "").strip().split("\n")[0].rstrip(".")
        return ExportFormat(name, summary or name, member)
    raise TypeError(f"export format {name!r} is registered as {member!r}, not a writer")
