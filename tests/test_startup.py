"""Fast start: `claimgraph --help` and the commands that only read a database start in well
under half a second, because the heavy libraries (spaCy, the resolution stage, the web app,
PostgreSQL's driver, Ray, tqdm) are imported by the commands that use them, never at start-up.

Checked twice: which modules a command imports (exact, whatever the machine's load), and the
CPU time it takes (user + system, which other processes on a shared machine barely move)."""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("spacy", "thinc", "numpy", "fastapi", "uvicorn", "rapidfuzz", "psycopg", "ray", "tqdm", "followthemoney", "weasyprint",
         "claimgraph.resolve", "claimgraph.pipeline", "claimgraph.gazetteer")
PROBE = ("import atexit, sys\n"
         "atexit.register(lambda: sys.stderr.write('MODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
         "from claimgraph.cli import main\n"
         "sys.argv = ['claimgraph', *sys.argv[1:]]\n"
         "main()\n")


def _imported(*args: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60, check=False)
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES "))
    return set(line.split()[1:])


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from claimgraph import Store

    db = tmp_path_factory.mktemp("startup") / "kb.db"
    Store.open(db).close()
    return db


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["serve", "--help"], ["search", "--help"]])
def test_help_imports_no_heavy_library(args: list[str]) -> None:
    assert _heavy(_imported(*args)) == []


@pytest.mark.parametrize("command", [["stats"], ["claims"], ["events"], ["facts"], ["contradictions"], ["search", "bridge"]])
def test_reading_commands_import_no_heavy_library(command: list[str], small_db: Path) -> None:
    assert _heavy(_imported(*command, "--db", str(small_db))) == []


def test_help_starts_in_under_half_a_second_of_cpu(claimgraph_cli: list[str]) -> None:
    def cpu_of_one_run() -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([*claimgraph_cli, "--help"], capture_output=True, timeout=60, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    assert statistics.median(cpu_of_one_run() for _ in range(5)) < 0.5
