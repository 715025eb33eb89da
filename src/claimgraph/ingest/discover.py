"""Find the input files under the paths a user names."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimgraph.ingest.readers import STDIN, Reader, reader_for, supported_suffixes
from claimgraph.ingest.records import Skipped


def iter_input_files(paths: Iterable[str | os.PathLike[str]], registered: dict[str, Reader]) -> Iterator[Path | Skipped]:
    """Yield each input file (resolved, in a stable order) that a registered reader takes, or
    a Skipped explaining why not.

    Folders are walked recursively without following symlinked folders (no loops);
    hidden files and folders are ignored, as version control does. `-` is standard input.
    """
    for given in paths:
        path = Path(given).expanduser()
        if path == STDIN:
            yield STDIN
        elif path.is_dir():
            yield from _walk(path, registered)
        elif path.is_file():
            yield from _accept(path.resolve(), registered)
        else:
            yield Skipped(key=str(path.absolute()), reason="no such file or folder")


def _walk(folder: Path, registered: dict[str, Reader]) -> Iterator[Path | Skipped]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield from _accept((Path(root) / name).resolve(), registered)


def _accept(path: Path, registered: dict[str, Reader]) -> Iterator[Path | Skipped]:
    if reader_for(path, registered) is not None:
        yield path
    else:
        kinds = ", ".join(supported_suffixes(registered))
        yield Skipped(key=str(path), reason=f"unsupported file type {path.suffix or '(none)'!r}; expected one of {kinds} (or - for standard input)")
