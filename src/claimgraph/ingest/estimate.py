"""How many inputs a build will read, told before it reads them: the total its progress bar
shows. Files are counted without being parsed; a JSON lines file counts its non-blank lines
(one input each); a feed or a JSON list counts as one (its entries are found as it is read,
and the bar's total grows). Standard input cannot be counted (None)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from claimgraph.ingest.discover import STDIN, iter_input_files
from claimgraph.ingest.readers import Reader

_CHUNK = 1 << 20


def estimated_units(paths: Iterable[str | os.PathLike[str]], registered: dict[str, Reader]) -> int | None:
    """The inputs under `paths`, as a build counts them; None when standard input is one."""
    total = 0
    for found in iter_input_files(paths, registered):
        if isinstance(found, Path) and found == STDIN:
            return None
        total += _lines(found) if isinstance(found, Path) and found.suffix.lower() == ".jsonl" else 1
    return total


def _lines(path: Path) -> int:
    """Non-blank lines, read in chunks (a JSON lines file can be larger than memory)."""
    count, last = 0, b"\n"
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                count += chunk.count(b"\n") - chunk.count(b"\n\n") - chunk.count(b"\n\r\n")
                last = chunk[-1:]
    except OSError:
        return 1
    return count + (last != b"\n")
