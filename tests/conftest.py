"""Shared fixtures: the real spaCy pipeline (loaded once), real SQLite files, the shared data."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from claimgraph import BuildOptions, BuildTools, Store, build
from claimgraph.analyze import extract_article
from claimgraph.extract.document import DocumentExtraction
from claimgraph.ingest.records import Article, Published

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


def extract_text(build_tools: BuildTools, text: str) -> DocumentExtraction:
    """Everything the extract stage draws from one sentence or paragraph, as a build would
    (the attribution tagger when installed, the gazetteer)."""
    article = Article(id="d1", key="test", fingerprint="test", text=text, title=None, url=None, outlet=None,
                      language="en", published=Published())
    return extract_article(build_tools.nlp, article)


def build_news(folder: Path, build_tools: BuildTools, articles: list[tuple[str, str, str]]) -> Path:
    """Build news records (outlet, title, text), one JSON file each, into folder/kb.db; its path."""
    corpus = folder / "corpus"
    corpus.mkdir()
    for index, (outlet, title, text) in enumerate(articles):
        (corpus / f"article{index}.json").write_text(json.dumps({"title": title, "outlet": outlet, "text": text}), encoding="utf-8")
    with Store.open(folder / "kb.db") as store:
        build([corpus], store=store, options=BuildOptions(), tools=build_tools)
    return folder / "kb.db"
