"""One build at a time per database: an advisory lock on a file beside it (`kb.db-lock`).

SQLite serialises each transaction, not a build: two builds into one database at once would
both read every input and race to store it (and to say which copy is the original). The
second build waits for the first, up to a bound, then fails naming it. The kernel releases
the lock when its process ends, however it ends (SIGKILL included), so a lock never goes stale.
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from claimgraph.errors import DatabaseBusy, DatabaseReadOnly

_POLL_S = 0.2


def lock_path(database: str | os.PathLike[str]) -> Path:
    return Path(f"{os.fspath(database)}-lock")


@contextmanager
def build_lock(database: str | os.PathLike[str], *, wait: float) -> Iterator[None]:
    """Hold the database's build lock inside the block, waiting up to `wait` seconds for
    another build to finish; DatabaseBusy (naming that build) after that."""
    path = lock_path(database)
    try:
        handle = path.open("a+", encoding="utf-8")
    except OSError as exc:
        raise DatabaseReadOnly(f"{os.fspath(database)} cannot be written (cannot create {path.name}: {exc.strerror or exc}): "
                               f"make its folder writable, or build into a copy elsewhere") from None
    with handle:
        _acquire(handle, database, wait=wait)
        try:
            _describe_self(handle)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _acquire(handle: TextIO, database: str | os.PathLike[str], *, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise DatabaseBusy(f"{os.fspath(database)} is being written by another build ({_holder(handle)}); waited {wait:g} s: "
                                   f"run this build when that one has finished (or stop it: a stopped build resumes)") from None
            time.sleep(_POLL_S)


def _describe_self(handle: TextIO) -> None:
    """Who holds the lock, for the build that waits on it."""
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps({"pid": os.getpid(), "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]])[:200],
                             "since": datetime.now(UTC).isoformat(timespec="seconds")}))
    handle.flush()


def _holder(handle: TextIO) -> str:
    try:
        handle.seek(0)
        found = json.loads(handle.read() or "{}")
        return f"pid {found['pid']}: {found['command']}, since {found['since']}"
    except (ValueError, KeyError, TypeError, OSError):
        return "a process that has not said who it is"
