"""The quality gate: build each gold set's corpus, export it and score it against its gold.

Floors live in quality_floors.json (the seeds), quality_floors_stories.json (the story
articles, not developed on) and quality_floors_fr.json (the French articles, through the
French pipeline); a change that drops a metric below its floor fails CI.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
GATES = {
    # name: (corpus under ../shared/corpus, gold folder under ../shared/eval, floors file)
    "seeds": ("seeds", "gold", "quality_floors.json"),
    "stories": ("stories/articles.jsonl", "gold_stories", "quality_floors_stories.json"),
    "fr": ("fr/articles.jsonl", "gold_fr", "quality_floors_fr.json"),
}


@pytest.mark.parametrize("gate", sorted(GATES))
def test_export_meets_the_quality_floors(gate: str, tmp_path: Path, shared: Path, claimgraph_cli: list[str]) -> None:
    corpus, gold, floors_file = GATES[gate]
    floors = json.loads((HERE / floors_file).read_text(encoding="utf-8"))
    db, out = tmp_path / f"{gate}.db", tmp_path / f"{gate}.jsonl"
    built = subprocess.run([*claimgraph_cli, "build", str(shared / "corpus" / corpus), "--db", str(db), "-q"], capture_output=True, text=True, timeout=900, check=False)
    assert built.returncode == 0, built.stderr
    exported = subprocess.run([*claimgraph_cli, "export", "--db", str(db), "--format", "jsonl", "-o", str(out)], capture_output=True, text=True, timeout=600, check=False)
    assert exported.returncode == 0, exported.stderr

    bounds = [arg for name, value in floors["min"].items() for arg in ("--min", f"{name}={value}")]
    bounds += [arg for name, value in floors["max"].items() for arg in ("--max", f"{name}={value}")]
    scored = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(out), "--gold", str(shared / "eval" / gold), *bounds],
                            capture_output=True, text=True, timeout=600, check=False)

    assert scored.returncode == 0, f"below the quality floors:\n{scored.stderr}\n{scored.stdout}"
