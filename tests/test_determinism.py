"""Deterministic builds: two builds of the same input give the same export, record for
record (sorted JSON lines equal), whatever Python's hash seed and the order the inputs are
named in. Fact grouping and the geocoder's ties once hung on a set's iteration order."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .conftest import REPO, write_article
from .test_crash_safety import STORIES


def _build_and_export(cli: list[str], paths: list[Path], db: Path, *, hash_seed: str) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    built = subprocess.run([*cli, "build", *map(str, paths), "--db", str(db), "--quiet"], capture_output=True, text=True, env=env,
                           timeout=300, check=False)
    assert built.returncode == 0, built.stderr
    out = db.with_suffix(".jsonl")
    exported = subprocess.run([*cli, "export", "--db", str(db), "-o", str(out)], capture_output=True, text=True, env=env, timeout=300,
                              check=False)
    assert exported.returncode == 0, exported.stderr
    return sorted(out.read_text(encoding="utf-8").splitlines())


def test_two_builds_with_other_hash_seeds_and_input_orders_export_the_same_records(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    stories = tmp_path / "stories"
    for index, (title, paragraphs) in enumerate(STORIES):
        write_article(stories, f"story{index}.txt", title, paragraphs)
    demo = REPO / "docs" / "demo"

    first = _build_and_export(claimgraph_cli, [demo, stories], tmp_path / "a.db", hash_seed="1")
    second = _build_and_export(claimgraph_cli, [stories, demo], tmp_path / "b.db", hash_seed="2")

    assert sum('"kind": "fact"' in line for line in first) >= 5
    assert first == second, sorted(set(first) ^ set(second))[:4]
