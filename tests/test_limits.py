"""Resource limits: a 50 MB input never takes the build's memory with it. Over `--max-bytes`
it is reported without being read (a JSON Lines line over it is read through in pieces, never
held whole); read under a raised limit, its text is refused by `--max-chars` before any
parsing. The peak resident memory of the whole `claimgraph build` process is measured (its
own getrusage, in a parent of its own), the spaCy model and gazetteer included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import write_article

MB = 1_000_000
PEAK_LIMIT_MB = 1_200  # the model, the gazetteer and one article need about 400 MB


def _peak_mb_of(command: list[str]) -> tuple[int, str, str]:
    """Run a command in a parent of its own; (its peak resident memory in MB, stdout, stderr)."""
    measure = ("import resource, subprocess, sys, json\n"
               "done = subprocess.run(json.loads(sys.argv[1]), capture_output=True, text=True)\n"
               "print(json.dumps([resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, done.returncode, done.stdout, done.stderr]))")
    result = subprocess.run([sys.executable, "-c", measure, json.dumps(command)], capture_output=True, text=True, timeout=600, check=True)
    peak, code, out, err = json.loads(result.stdout)
    assert code == 0, err
    return peak, out, err


def _fifty_megabytes(folder: Path) -> tuple[Path, Path]:
    """A 50 MB plain text on one line, and a 50 MB JSON Lines dump: four 12 MB lines, one
    record of 2 MB of text, and one article."""
    folder.mkdir(parents=True, exist_ok=True)
    text = folder / "huge.txt"
    sentence = b"The council of Port Alder met again on Tuesday to discuss the ferry terminal and its cost. "
    with text.open("wb") as out:
        for _ in range(50 * MB // len(sentence) + 1):
            out.write(sentence)
    dump = folder / "dump.jsonl"
    with dump.open("wb") as out:
        for _ in range(4):
            out.write(b'{"text": "' + b"x" * (12 * MB) + b'"}\n')
        out.write(json.dumps({"title": "Long", "text": sentence.decode() * (2 * MB // len(sentence))}).encode() + b"\n")
        out.write(json.dumps({"title": "Ferry Terminal Approved", "text": "The council of Port Alder approved the ferry terminal on Tuesday."}).encode() + b"\n")
    assert text.stat().st_size >= 50 * MB and dump.stat().st_size >= 50 * MB
    return text, dump


def test_fifty_megabyte_inputs_are_reported_and_peak_memory_stays_bounded(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    folder = tmp_path / "in"
    _, dump = _fifty_megabytes(folder)
    write_article(folder, "good.txt", "Harbour Council Approves New Ferry Terminal",
                  ["The town council of Port Alder voted on Tuesday to approve a new ferry terminal on the eastern waterfront."])
    build = [*claimgraph_cli, "build", str(folder), "--quiet"]

    peak_default, out, err = _peak_mb_of([*build, "--db", str(tmp_path / "a.db")])
    peak_read, out_read, err_read = _peak_mb_of([*build, "--db", str(tmp_path / "b.db"), "--max-bytes", str(60 * MB)])

    print(f"peak resident memory: {peak_default} MB with the default limits, {peak_read} MB with the 50 MB text read")
    assert "2 added" in out and "6 skipped" in out
    assert "huge.txt: file is 50.0 MB, over the 10 MB limit (--max-bytes)" in err
    assert f"{dump.resolve()}#L1: line 1 is 12.0 MB, over the 10 MB limit (--max-bytes)" in err
    assert f"{dump.resolve()}#L5: text has 1,999," in err and "(--max-chars)" in err
    assert "huge.txt: text has 50,000,0" in err_read and "2 added" in out_read
    assert peak_default < PEAK_LIMIT_MB and peak_read < PEAK_LIMIT_MB, (peak_default, peak_read)
