"""SQLite's failures as one-line messages that say what to do, and who holds a locked database.

Internal: used by the store when a write or an open fails, and by the CLI's last resort.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from claimgraph.errors import (
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseFull,
    DatabaseReadOnly,
    StoreError,
)

_RESUME = "a build resumes where it stopped"


def database_error(exc: sqlite3.Error, path: str | os.PathLike[str] | None, *, waited: float | None = None) -> StoreError:
    """The named error (with its remedy) for an SQLite failure on the database at `path`."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    where = os.fspath(path) if path is not None else "the database"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        holders = lock_holders(path) if path is not None else []
        who = f" by {'; '.join(holders)}" if holders else " by another process"
        wait = f" after waiting {waited:g} s" if waited else ""
        return DatabaseBusy(f"{where} is locked{who}{wait}: let it finish (or stop it) and run this again; {_RESUME}")
    if name.startswith("SQLITE_FULL") or "disk is full" in text or "disk full" in text:
        return DatabaseFull(f"the disk holding {where} is full: free some space and run this again; "
                            f"nothing half-written was kept and {_RESUME}")
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM")) or "readonly database" in text or "read-only" in text:
        return DatabaseReadOnly(f"{where} cannot be written (read-only file, folder or medium): make it writable, or copy it "
                                f"somewhere writable and use the copy")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text or "not a database" in text:
        return DatabaseCorrupt(f"{where} is damaged or not an SQLite database ({text}): restore it from a copy, or build "
                               f"it again into a new file")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return DatabaseReadOnly(f"{where} cannot be opened ({text}): check that its folder exists and can be written")
    if name.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        return StoreError(f"{where}: the disk failed while reading or writing ({text}); check the disk and run this again; "
                          f"{_RESUME}")
    return StoreError(f"{where}: SQLite failed ({text})")


def lock_holders(path: str | os.PathLike[str]) -> list[str]:
    """The other processes that hold a write lock on the database (its file or its WAL
    index), as "pid N (command line)", read from /proc/locks; empty where that is unknown."""
    inodes = set()
    for candidate in (Path(path), Path(f"{os.fspath(path)}-shm")):
        try:
            found = candidate.stat()
        except OSError:
            continue
        inodes.add(f"{os.major(found.st_dev):02x}:{os.minor(found.st_dev):02x}:{found.st_ino}")
    try:
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return []
    pids = sorted({int(fields[4]) for fields in (line.split() for line in lines)
                   if len(fields) >= 6 and fields[3] == "WRITE" and fields[5] in inodes and fields[4].isdigit()} - {os.getpid()})
    return [f"pid {pid} ({_command_of(pid)})" for pid in pids]


def _command_of(pid: int) -> str:
    try:
        arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "ended since"
    words = [os.path.basename(a.decode(errors="replace")) if i == 0 else a.decode(errors="replace") for i, a in enumerate(arguments) if a]
    command = " ".join(" ".join(words).split())  # one line, whatever the arguments hold
    return command if len(command) <= 120 else command[:117] + "..."
