"""Builds killed with SIGKILL at random moments, in ingest and in the cross-source stage, and
what they leave: shared by tests/test_crash_safety.py (20 kills on a tiny corpus in CI) and
scripts/crash_resume.py (the long run on a larger one).

Each build runs in a child forked from a process that has loaded the pipeline once (a real
process and a real signal, without paying spaCy's start-up for each kill); the child tells
the parent through a pipe when each stage starts, so that a kill can be aimed at a stage and
land at a random moment in it.
"""

from __future__ import annotations

import io
import os
import random
import signal
import sqlite3
import time
import traceback
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from claimgraph import BuildOptions, BuildTools, Store, build
from claimgraph.export import get_export_format
from claimgraph.pipeline import READING
from claimgraph.resolve.corpus import RESOLVING


@dataclass(frozen=True)
class Run:
    """One build in a child: the stages it reached (seconds from its start to each), and
    whether it finished or was killed (then `stage` is the one it was killed in)."""

    stages: dict[str, float]
    finished: bool
    killed: bool

    @property
    def stage(self) -> str:
        return max(self.stages, key=self.stages.__getitem__) if self.stages else "start"


class _StageSignal:
    """Progress that writes the stage a build enters ("ingest" as it starts reading,
    "resolve" as it starts the cross-source stage) to a pipe, once each."""

    _STAGES: ClassVar[dict[str, str]] = {READING: "ingest", RESOLVING: "resolve"}

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def start(self, step: str, *, total: int | None = None, unit: str = "") -> None:
        if step in self._STAGES:
            os.write(self._fd, f"{self._STAGES[step]}\n".encode())

    def advance(self, step: str, done: int = 1) -> None:
        return None

    def finish(self, step: str) -> None:
        return None


def run_build(paths: Sequence[Path], db: Path, *, tools: BuildTools, options: BuildOptions, kill_in: str | None = None,
              kill_after: float = 0.0) -> Run:
    """Build in a forked child; with `kill_in` ("ingest" or "resolve"), SIGKILL it `kill_after`
    seconds after it starts that stage (if it never does, or ends first, it runs to its end)."""
    read_end, write_end = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: build, say each stage, never return into the parent's code
        os.close(read_end)
        code = 1
        try:
            with Store.open(db) as store:
                build(paths, store=store, options=options, tools=tools, progress=_StageSignal(write_end))
            os.write(write_end, b"done\n")
            code = 0
        except BaseException:  # noqa: BLE001 - shown, then the child ends with status 1
            traceback.print_exc()
        finally:
            os._exit(code)
    os.close(write_end)
    stages: dict[str, float] = {}
    with open(read_end, "rb", buffering=0) as pipe:
        buffered = b""
        while chunk := pipe.read(64):  # to the end: the child's exit (or death) closes it
            buffered += chunk
            *lines, buffered = buffered.split(b"\n")
            for line in lines:
                stages[line.decode()] = time.monotonic() - started
                if line.decode() == kill_in:
                    time.sleep(kill_after)
                    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    return Run(stages=stages, finished=os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and "done" in stages, killed=killed)


def integrity(db: Path) -> str:
    """PRAGMA integrity_check, and that every reference between records holds."""
    with closing(sqlite3.connect(db)) as connection:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    return result if not broken else f"{result}; foreign keys broken: {broken[:3]}"


def sorted_export(db: Path) -> list[str]:
    """The JSONL export, its lines sorted: the records, whatever order they were written in."""
    out = io.StringIO()
    with Store.open(db, create=False) as store:
        get_export_format("jsonl").write(store, out)
    return sorted(out.getvalue().splitlines())


@dataclass(frozen=True)
class KillReport:
    kills: int  # builds killed
    in_ingest: int
    in_resolve: int  # killed in the cross-source stage (entities, places, facts, contradictions)
    integrity_failures: list[str]
    resumes: int  # killed builds resumed to their end, each export compared with the uninterrupted one
    identical: bool  # every one of them equal to it, record for record
    differing_records: int
    seconds: float


def kill_and_resume(paths: Sequence[Path], folder: Path, *, tools: BuildTools, options: BuildOptions, kills: int,
                    seed: int = 24) -> KillReport:
    """An uninterrupted build of `paths`; then cycles, each from an empty database: a build
    killed at a random moment of its ingest, the next (resuming it) killed at a random moment
    of its cross-source stage (both timed on the uninterrupted build), an integrity check
    after each kill, and a last build resuming to its end, whose sorted export is compared
    with the uninterrupted one's; until `kills` kills have landed."""
    started = time.monotonic()
    reference = run_build(paths, folder / "reference.db", tools=tools, options=options)
    assert reference.finished, reference
    expected = sorted_export(folder / "reference.db")
    windows = {"ingest": reference.stages.get("resolve", reference.stages["done"]) - reference.stages["ingest"],
               "resolve": reference.stages["done"] - reference.stages.get("resolve", reference.stages["done"])}
    rng = random.Random(seed)
    db = folder / "killed.db"
    landed = {"ingest": 0, "resolve": 0}
    failures: list[str] = []
    resumes = differing = attempts = 0
    while sum(landed.values()) < kills and attempts < 4 * kills:
        _remove_database(db)
        for target in ("ingest", "resolve"):
            if sum(landed.values()) >= kills:
                break
            attempts += 1
            run = run_build(paths, db, tools=tools, options=options, kill_in=target, kill_after=rng.uniform(0, windows[target]))
            if not run.killed:
                break  # it ended before the kill: nothing left to interrupt in this cycle
            landed["resolve" if run.stage == "resolve" else "ingest"] += 1
            if (checked := integrity(db)) != "ok":
                failures.append(f"after kill {sum(landed.values())} ({run.stage}): {checked}")
        final = run_build(paths, db, tools=tools, options=options)
        assert final.finished, final
        resumes += 1
        differing += _differences(expected, sorted_export(db))
    return KillReport(kills=sum(landed.values()), in_ingest=landed["ingest"], in_resolve=landed["resolve"], integrity_failures=failures,
                      resumes=resumes, identical=differing == 0, differing_records=differing, seconds=round(time.monotonic() - started, 1))


def _differences(expected: list[str], found: list[str]) -> int:
    """How many records one sorted export has that the other lacks (0: equal line for line)."""
    return 0 if expected == found else max(1, len(set(expected) ^ set(found)))


def _remove_database(db: Path) -> None:
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-lock")):
        path.unlink(missing_ok=True)
