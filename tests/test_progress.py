"""Progress you can trust: every long step of a build and an export is started with its total,
advanced to it and finished; the CLI draws bars on a terminal, one line per step otherwise,
and nothing with --quiet."""

from __future__ import annotations

import subprocess
from pathlib import Path

from claimgraph import BuildOptions, BuildTools, build
from claimgraph.ingest import all_readers, estimated_units
from tests.conftest import write_article


class Recorder:
    """A Progress that remembers what it was told."""

    def __init__(self) -> None:
        self.totals: dict[str, int | None] = {}
        self.done: dict[str, int] = {}
        self.finished: list[str] = []

    def start(self, step: str, *, total: int | None = None, unit: str = "") -> None:
        self.totals[step], self.done[step] = total, 0

    def advance(self, step: str, done: int = 1) -> None:
        self.done[step] += done

    def finish(self, step: str) -> None:
        self.finished.append(step)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    for i in range(3):
        write_article(folder, f"a{i}.txt", f"Council meets, part {i}", ["The regional council of Dorval met on Monday in Dorval."])
    (folder / "records.jsonl").write_text('{"title": "One", "text": "The mayor of Dorval spoke on Monday."}\n\n'
                                          '{"title": "Two", "text": "The council of Dorval voted on Tuesday."}\n', encoding="utf-8")
    return folder


def test_a_build_reports_each_step_with_its_total(tmp_path: Path, build_tools: BuildTools) -> None:
    recorder = Recorder()
    build([_folder(tmp_path)], store=tmp_path / "kb.db", options=BuildOptions(), tools=build_tools, progress=recorder)

    assert recorder.totals["reading"] == recorder.done["reading"] == 5  # three files and two JSON lines
    assert recorder.totals["parsing and extracting"] == recorder.done["parsing and extracting"] == 5
    assert recorder.totals["resolving entities, places, facts"] == recorder.done["resolving entities, places, facts"] == 3
    assert set(recorder.finished) == set(recorder.totals)


def test_the_input_count_reads_no_article(tmp_path: Path) -> None:
    assert estimated_units([_folder(tmp_path)], all_readers()) == 5
    assert estimated_units(["-"], all_readers()) is None


def test_without_a_terminal_each_step_is_one_line_and_quiet_silences_it(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    folder = _folder(tmp_path)
    loud = subprocess.run([*claimgraph_cli, "build", str(folder), "--db", str(tmp_path / "a.db")], capture_output=True, text=True,
                          timeout=300, check=True)
    quiet = subprocess.run([*claimgraph_cli, "build", str(folder), "--db", str(tmp_path / "b.db"), "--quiet"], capture_output=True,
                           text=True, timeout=300, check=True)
    exported = subprocess.run([*claimgraph_cli, "export", "--db", str(tmp_path / "a.db"), "-o", str(tmp_path / "kb.jsonl")],
                              capture_output=True, text=True, timeout=300, check=True)

    assert "reading: 5 inputs in " in loud.stderr and "parsing and extracting: 5 inputs in " in loud.stderr
    assert "resolving entities, places, facts: 3 steps in " in loud.stderr
    assert "reading" not in quiet.stderr and "resolving" not in quiet.stderr
    lines = len((tmp_path / "kb.jsonl").read_text(encoding="utf-8").splitlines())
    assert f"exporting jsonl: {lines} records in " in exported.stderr
