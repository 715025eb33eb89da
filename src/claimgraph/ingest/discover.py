"""Find the input files under the paths a user names."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimgraph.ingest.records import Skipped

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES


def iter_input_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | Skipped]:
    """Yield each input file (resolved, in a stable order) or a Skipped explaining why not.

    Folders are walked recursively without following symlinked folders (no loops);
    hidden files and folders are ignored, as version control does.
    """
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield from _accept(path.resolve())
        else:
            yield Skipped(key=str(path.absolute()), reason="no such file or folder")


def _walk(folder: Path) -> Iterator[Path | Skipped]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield from _accept((Path(root) / name).resolve())


def _accept(path: Path) -> Iterator[Path | Skipped]:
    if path.suffix.lower() in SUPPORTED_SUFFIXES:
        yield path
    else:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        yield Skipped(key=str(path), reason=f"unsupported file type {path.suffix or '(none)'!r}; expected one of {kinds}")
