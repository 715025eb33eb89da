"""Databases: SQLite's failures are one-line messages with a remedy (no traceback); a foreign
or empty file is refused before anything is written to it; a locked database is waited for,
then its holder is named; two builds into one database never interleave; a full disk or a
read-only medium fails a build cleanly and leaves the database consistent; export and
serve warn when the last build did not finish its cross-source stage.

Real SQLite files, real `claimgraph` subprocesses, real locks, a real full file system (a
small tmpfs) and a real read-only mount (both in a mount namespace of their own: `unshare -m`,
which needs root or user namespaces; those tests skip, saying so, where it is refused).
"""

from __future__ import annotations

import fcntl
import hashlib
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from claimgraph import BuildOptions, BuildTools, Store, StoreError, build
from claimgraph.store.lock import lock_path

from .conftest import write_ship_corpus
from .crash_harness import integrity, run_build


def _run(cli: list[str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cli, *args], capture_output=True, text=True, timeout=timeout, check=False)


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- What is not a claimgraph database is refused, untouched ------------------------------------


def test_a_foreign_sqlite_file_is_refused_by_every_command_before_anything_is_written(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    other = tmp_path / "crm.db"
    with closing(sqlite3.connect(other)) as connection, connection:
        connection.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
        connection.execute("PRAGMA user_version = 7")  # an application that versions its own schema
    before = _digest(other)
    corpus = write_ship_corpus(tmp_path / "in", 1)

    for args in (("build", str(corpus), "--db", str(other), "--quiet"), ("export", "--db", str(other)), ("stats", "--db", str(other))):
        assert "of something else" in _one_line_error(_run(claimgraph_cli, *args))
    assert _digest(other) == before and not Path(f"{other}-wal").exists()


def test_an_empty_file_or_database_is_refused_for_reading_and_left_empty(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    empty_file = tmp_path / "empty.db"
    empty_file.touch()
    empty_database = tmp_path / "blank.db"
    with closing(sqlite3.connect(empty_database)) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.execute("DROP TABLE t")
    blank = _digest(empty_database)

    assert "empty file" in _one_line_error(_run(claimgraph_cli, "export", "--db", str(empty_file)))
    assert "empty database" in _one_line_error(_run(claimgraph_cli, "stats", "--db", str(empty_database)))
    assert empty_file.stat().st_size == 0 and _digest(empty_database) == blank


def test_a_damaged_database_is_a_one_line_error_with_a_remedy(tmp_path: Path, claimgraph_cli: list[str], build_tools: BuildTools) -> None:
    db = tmp_path / "kb.db"
    with Store.open(db) as store:
        build([write_ship_corpus(tmp_path / "in", 2)], store=store, options=BuildOptions(), tools=build_tools)
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    data[4096 * 3:4096 * 6] = b"\x5a" * (4096 * 3)  # pages in the middle of the file overwritten
    db.write_bytes(bytes(data))

    message = _one_line_error(_run(claimgraph_cli, "export", "--db", str(db)))

    assert "damaged" in message and ("restore" in message or "build it again" in message)


# --- Locks: waited for, then named; one build at a time ------------------------------------------


def test_a_locked_database_is_waited_for_then_its_holder_is_named(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    db = tmp_path / "kb.db"
    Store.open(db).close()
    hold = (f"import sqlite3, time\nc = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE'); c.execute(\"INSERT INTO state VALUES ('held', '1')\")\n"
            "print('holding', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", hold], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        result = _run(claimgraph_cli, "build", str(write_ship_corpus(tmp_path / "in", 1)), "--db", str(db), "--quiet", "--wait", "1")
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    message = _one_line_error(result)
    assert f"is locked by pid {holder.pid} (python" in message and "after waiting 1 s" in message and "run this again" in message
    assert waited >= 1.0
    assert integrity(db) == "ok"


def _lock_held(db: Path) -> bool:
    path = lock_path(db)
    if not path.exists():
        return False
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
    return False


def test_a_second_build_into_the_same_database_waits_for_the_first_or_fails_naming_it(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    db = tmp_path / "kb.db"
    corpus = write_ship_corpus(tmp_path / "in", 80)  # long enough for the others to start while it runs
    first = subprocess.Popen([*claimgraph_cli, "build", str(corpus), "--db", str(db), "--quiet", "--batch-size", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not _lock_held(db) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _lock_held(db), "the first build never took the lock"

    impatient = _run(claimgraph_cli, "build", str(corpus), "--db", str(db), "--quiet", "--wait", "0.5")
    patient = _run(claimgraph_cli, "build", str(corpus), "--db", str(db), "--quiet", "--wait", "120")
    out, err = first.communicate(timeout=120)

    message = _one_line_error(impatient)
    assert f"is being written by another build (pid {first.pid}: claimgraph build" in message and "waited 0.5 s" in message
    assert first.returncode == 0 and "80 added" in out, err
    assert patient.returncode == 0 and "0 added, 80 unchanged" in patient.stdout, patient.stderr  # it waited, then found all done
    assert integrity(db) == "ok"
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT COUNT(*), COUNT(DISTINCT source) FROM documents").fetchone() == (80, 80)


# --- A full disk and a read-only medium, for real (a mount namespace of their own) ---------------


def _in_mount_namespace(script: str, *, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run a shell script as root in a private mount namespace (tmpfs and read-only mounts
    vanish with it); skip when this machine refuses one."""
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"], capture_output=True, text=True, check=False) \
        if shutil.which("unshare") else None
    if probe is None or probe.returncode != 0:
        pytest.skip(f"no mount namespace here (unshare -rm: {probe.stderr.strip() if probe else 'not installed'})")
    return subprocess.run(["unshare", "-rm", "bash", "-c", script], capture_output=True, text=True, timeout=timeout, check=False)


def test_a_build_into_a_full_disk_fails_with_a_clear_message_and_leaves_the_database_consistent(
        tmp_path: Path, claimgraph_cli: list[str], build_tools: BuildTools) -> None:
    db = tmp_path / "kb.db"
    with Store.open(db) as store:
        build([write_ship_corpus(tmp_path / "first", 2)], store=store, options=BuildOptions(), tools=build_tools)
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    more = write_ship_corpus(tmp_path / "more", 40, start=2)
    size_kb = db.stat().st_size // 1024 + 200  # room for the database and about a batch, not for 40 articles
    disk = tmp_path / "disk"
    disk.mkdir()
    script = (f"set -u; mount -t tmpfs -o size={size_kb}k tmpfs {disk} && cp {db} {disk}/kb.db && "
              f"{claimgraph_cli[0]} build {more} --db {disk}/kb.db --quiet --batch-size 4; echo \"build exit $?\"; "
              f"{sys.executable} -c \"import sqlite3; c = sqlite3.connect('{disk}/kb.db'); "
              "print('integrity', c.execute('PRAGMA integrity_check').fetchone()[0]); "
              "print('documents', c.execute('SELECT COUNT(*) FROM documents').fetchone()[0])\"; "
              f"{claimgraph_cli[0]} stats --db {disk}/kb.db > /dev/null; echo \"stats exit $?\"")

    result = _in_mount_namespace(script)

    assert "build exit 1" in result.stdout, (result.stdout, result.stderr)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "is full" in errors[0] and "free some space" in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    assert "integrity ok" in result.stdout and "stats exit 0" in result.stdout
    documents = int(result.stdout.split("documents ")[1].split()[0])
    assert 2 <= documents < 42 and (documents - 2) % 4 == 0  # whole batches only


def test_a_read_only_database_is_read_by_stats_and_export_and_refused_by_build_untouched(
        tmp_path: Path, claimgraph_cli: list[str], build_tools: BuildTools) -> None:
    media = tmp_path / "media"
    media.mkdir()
    with Store.open(media / "kb.db") as store:
        build([write_ship_corpus(tmp_path / "first", 2)], store=store, options=BuildOptions(), tools=build_tools)
    before = _digest(media / "kb.db")
    cli = claimgraph_cli[0]
    script = (f"mount --bind {media} {media} && mount -o remount,ro,bind {media} && "
              f"{cli} stats --db {media}/kb.db; echo \"stats exit $?\"; "
              f"{cli} export --db {media}/kb.db -o {tmp_path}/out.jsonl; echo \"export exit $?\"; "
              f"{cli} build {tmp_path}/first --db {media}/kb.db --quiet; echo \"build exit $?\"")

    result = _in_mount_namespace(script)

    assert "stats exit 0" in result.stdout and "documents   2" in result.stdout, (result.stdout, result.stderr)
    assert "export exit 0" in result.stdout and (tmp_path / "out.jsonl").read_text().count('"kind": "document"') == 2
    assert "build exit 1" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "cannot be written" in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    assert _digest(media / "kb.db") == before


# --- A cross-source stage left unfinished is said, not hidden ------------------------------------


def test_export_and_serve_warn_after_a_build_killed_in_its_cross_source_stage(tmp_path: Path, claimgraph_cli: list[str],
                                                                              build_tools: BuildTools) -> None:
    db = tmp_path / "kb.db"
    killed = run_build([write_ship_corpus(tmp_path / "in", 2)], db, tools=build_tools, options=BuildOptions(), kill_in="resolve")
    assert killed.killed and killed.stage == "resolve"

    exported = _run(claimgraph_cli, "export", "--db", str(db), "-o", str(tmp_path / "out.jsonl"))
    server = subprocess.Popen([*claimgraph_cli, "serve", "--db", str(db), "--port", "8791"], stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        first_line = server.stderr.readline()
    finally:
        server.terminate()
        server.wait(timeout=10)

    assert exported.returncode == 0
    assert "did not finish its cross-source stage" in exported.stderr and "Run `claimgraph build` again" in exported.stderr
    assert "did not finish its cross-source stage" in first_line

    with Store.open(db) as store:  # the next build finishes it, and the warning goes
        build([tmp_path / "in"], store=store, options=BuildOptions(), tools=build_tools)
    assert "cross-source" not in _run(claimgraph_cli, "export", "--db", str(db), "-o", str(tmp_path / "out.jsonl")).stderr


def test_the_store_refuses_what_is_not_a_database_with_a_named_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("these are notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="damaged or not an SQLite database"):
        Store.open(notes)
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "missing.db", create=False)
