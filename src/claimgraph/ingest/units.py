"""Input units: the bytes of one article-to-be (a whole file, or one record of a file) with
their fingerprint, read cheaply and before any parsing, so an incremental build can tell
an unchanged input from a new one without parsing it again."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from claimgraph.ingest.records import Skipped


@dataclass(frozen=True)
class InputUnit:
    """The bytes of one article-to-be: a whole file, or one record of a JSON(L) file."""

    key: str
    fingerprint: str
    format: str  # the name of the reader that parses it
    data: bytes
    notes: tuple[str, ...] = ()  # what reading the file repaired (decoding notes of a JSON file)


class NotRegularFile(OSError):
    """A path names a FIFO, socket, device or folder: reading it could block forever or never end."""


def whole_file_unit(path: Path, *, reader: str, max_bytes: int) -> Iterator[InputUnit | Skipped]:
    """A file as one unit, or a Skipped saying why it cannot be read (too large, gone, empty,
    not a regular file). Never reads more than `max_bytes` + 1 bytes, whatever the file says its size is."""
    key = input_key(path)
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            data = b"" if size > max_bytes else handle.read(max_bytes + 1)
        if size > max_bytes or len(data) > max_bytes:
            shown = max(size, len(data))
            yield Skipped(key, f"file is {shown / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit (--max-bytes)", retry=True)
            return
    except OSError as exc:
        yield Skipped(key, unreadable_reason(exc))
        return
    if not data.strip():
        yield Skipped(key, "empty file (no text)", fingerprint_of(data))
    else:
        yield InputUnit(key=key, fingerprint=fingerprint_of(data), format=reader, data=data)


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading, without blocking: a FIFO named `x.txt` would wait
    for a writer forever. Raises NotRegularFile for anything but a regular file."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, f"not a regular file ({_kind_of(mode)})")
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def unreadable_reason(exc: OSError) -> str:
    """Why a file could not be read, in words (its path is given beside it)."""
    if isinstance(exc, FileNotFoundError):
        return "file vanished before it could be read"
    if isinstance(exc, NotRegularFile):
        return str(exc.strerror)
    if exc.errno == errno.ELOOP:
        return "symlink loop (the link points back to itself)"
    return f"cannot read file: {exc.strerror or exc}"


def input_key(path: Path) -> str:
    """The key an input is stored under: its path as text. A file name that is not valid
    UTF-8 keeps its bytes as escapes (\\xff), which any text column can hold."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _kind_of(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a FIFO or named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))
    return next((name for test, name in kinds if test(mode)), "a special file")


def load_json(data: bytes | str) -> Any:
    """json.loads that turns every way hostile JSON can fail into ValueError("invalid JSON: ...").

    Besides syntax errors: undecodable bytes, nesting deep enough to exhaust the recursion
    limit, and integers longer than Python's digit limit.
    """
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None
    except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError is a ValueError
        raise ValueError(f"invalid JSON: {exc}") from None


def fingerprint_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
