"""Shared fixtures: the real spaCy pipeline (loaded once), real SQLite files, the shared data."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from claimgraph import BuildOptions, BuildTools

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLAIMGRAPH_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def build_tools() -> BuildTools:
    """The default pipeline and lexicons, loaded once for the whole test session."""
    return BuildTools.load(BuildOptions())


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the checkout (seeds, gold, scorer); tests that need it skip without it."""
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def claimgraph_cli() -> list[str]:
    """The installed console script, run as a real subprocess."""
    script = shutil.which("claimgraph", path=str(Path(sys.executable).parent)) or shutil.which("claimgraph")
    if script is None:
        pytest.fail("the claimgraph console script is not installed (pip install -e .)")
    return [script]


def write_article(folder: Path, name: str, title: str, paragraphs: list[str]) -> Path:
    """A plain-text article as news sites export it: headline, blank line, paragraphs."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path
