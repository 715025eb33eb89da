"""The quality gate: build the seed corpus, export it and score it against the gold.

Floors live in quality_floors.json; a change that drops a metric below its floor fails CI.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))


def test_seed_export_meets_the_quality_floors(tmp_path: Path, shared: Path, claimgraph_cli: list[str]) -> None:
    db, out = tmp_path / "seeds.db", tmp_path / "seeds.jsonl"
    built = subprocess.run([*claimgraph_cli, "build", str(shared / "corpus" / "seeds"), "--db", str(db), "-q"], capture_output=True, text=True, timeout=600, check=False)
    assert built.returncode == 0, built.stderr
    exported = subprocess.run([*claimgraph_cli, "export", "--db", str(db), "--format", "jsonl", "-o", str(out)], capture_output=True, text=True, timeout=600, check=False)
    assert exported.returncode == 0, exported.stderr

    bounds = [arg for name, value in FLOORS["min"].items() for arg in ("--min", f"{name}={value}")]
    bounds += [arg for name, value in FLOORS["max"].items() for arg in ("--max", f"{name}={value}")]
    scored = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(out), *bounds], capture_output=True, text=True, timeout=600, check=False)

    assert scored.returncode == 0, f"below the quality floors:\n{scored.stderr}\n{scored.stdout}"
