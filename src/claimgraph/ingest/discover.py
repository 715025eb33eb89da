"""Find the input files under the paths a user names."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimgraph.ingest.readers import STDIN, Reader, reader_for, supported_suffixes
from claimgraph.ingest.records import Skipped
from claimgraph.ingest.units import input_key


def iter_input_files(paths: Iterable[str | os.PathLike[str]], registered: dict[str, Reader]) -> Iterator[Path | Skipped]:
    """Yield each input file (resolved, in a stable order) that a registered reader takes, or
    a Skipped explaining why not.

    Folders are walked recursively without following symlinked folders (no loops), and each
    one passed over is reported, as is a folder that cannot be listed; hidden files and
    folders are ignored, as version control does. `-` is standard input.
    """
    for given in paths:
        path = Path(given).expanduser()
        if path == STDIN:
            yield STDIN
        elif path.is_dir():
            yield from _walk(path, registered)
        elif not os.path.lexists(path):  # named but not there (one found in a folder that goes is "vanished")
            yield Skipped(key=input_key(path.absolute()), reason="no such file or folder")
        else:  # a file, or what is not one (a FIFO, a broken link): the reader reports it
            yield from _accept(path, registered)


def _walk(folder: Path, registered: dict[str, Reader]) -> Iterator[Path | Skipped]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from _unlistable(errors)
        for name in sorted(d for d in dirs if not d.startswith(".") and os.path.islink(os.path.join(root, d))):
            yield Skipped(key=input_key(Path(root) / name),
                          reason="symlinked folder not followed (name its target as a path to read it)")
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(root, d)))
        for name in sorted(files):
            if not name.startswith("."):
                yield from _accept(Path(root) / name, registered)
    yield from _unlistable(errors)


def _unlistable(errors: list[OSError]) -> Iterator[Skipped]:
    """The folders os.walk could not list, as they come, in order."""
    while errors:
        error = errors.pop(0)
        where = Path(os.fsdecode(error.filename)) if error.filename is not None else Path(".")
        yield Skipped(key=input_key(where.absolute()), reason=f"cannot read folder: {error.strerror or error}")


def _accept(path: Path, registered: dict[str, Reader]) -> Iterator[Path | Skipped]:
    try:
        resolved = path.resolve()
        if path.is_symlink() and not resolved.exists():
            raise FileNotFoundError(path)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop, before Python 3.13
        yield Skipped(key=input_key(path.absolute()), reason=_missing_reason(path, exc))
        return
    if reader_for(resolved, registered) is not None:
        yield resolved
    else:
        kinds = ", ".join(supported_suffixes(registered))
        yield Skipped(key=input_key(resolved),
                      reason=f"unsupported file type {resolved.suffix or '(none)'!r}; expected one of {kinds} (or - for standard input)")


def _missing_reason(path: Path, exc: BaseException | None = None) -> str:
    """Why a path names nothing readable: a symlink loop, a broken symlink, or nothing at all."""
    if isinstance(exc, RuntimeError) or (isinstance(exc, OSError) and exc.errno == errno.ELOOP):
        return "symlink loop (the link points back to itself)"
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symlink loop (the link points back to itself)"
        if path.is_symlink():
            return "broken symlink (its target does not exist)"
        if not isinstance(error, FileNotFoundError):
            return f"cannot read: {error.strerror or error}"
    except RuntimeError:
        return "symlink loop (the link points back to itself)"
    return "no such file or folder"
