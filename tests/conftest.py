"""Shared fixtures: the real spaCy pipeline (loaded once), real SQLite files, the shared data."""

from __future__ import annotations

import ast
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest

from claimgraph import BuildOptions, BuildTools, Store, build
from claimgraph.analyze import extract_article
from claimgraph.extract.document import DocumentExtraction
from claimgraph.ingest.records import Article, Published
from claimgraph.records import (
    Contradiction,
    Fact,
    StoredClaim,
    StoredEvent,
    StoredQuantity,
)
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.comparison import (
    Comparison,
    all_comparators,
    find_contradictions,
)
from claimgraph.taxonomy import load_taxonomy

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


SHIP_PARAGRAPHS = ["The harbour authority of Port Elster said on Monday that two cargo ships had been held at anchor for a week.",
                   "According to the shipping minister, Clara Voss, the ships carried fertiliser bound for the northern provinces."]


def write_ship_corpus(folder: Path, count: int, *, start: int = 0) -> Path:
    """`count` short articles of one invented story, each distinct (ship_000.txt, ...)."""
    for i in range(start, start + count):
        write_article(folder, f"ship_{i:03d}.txt", f"Ship number {i} held at Port Elster",
                      [f"Ship {i} was inspected by customs officers in the morning of day {i}.", *SHIP_PARAGRAPHS])
    return folder


def imported_modules(path: Path) -> set[str]:
    """Every module a source file imports, at its top or inside a function (with `from X
    import Y`, both X and X.Y: Y may be a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return found


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


# Records built by hand for the resolution tests -----------------------------------------------

TAXONOMY = load_taxonomy()
_DERIVED = {f.name for f in fields(AnchoredEvent)} - {"event"}


def anchored_event(*, id: str, doc: str, type: str, status: str, claims: tuple[str, ...] = (), **rest: Any) -> AnchoredEvent:
    """An event as the cross-source stage compares it, given by the fields of both the stored
    event (id, doc, status, date, claims, quantity, level, ...) and what is derived from it
    (type compared, actors and targets as anchors, place, figure, ...)."""
    kind, _, plover = type.partition("/")
    stored = StoredEvent(id=id, doc=doc, start=0, end=0, trigger="", text="", type=kind, plover=plover, mode=None, context=None,
                         status=status, actors=(), targets=(), location=None, location_basis=None, date=None, date_basis=None,
                         quantity=None, fatalities_low=None, fatalities_best=None, fatalities_high=None, claims=claims)
    return revised(AnchoredEvent(event=stored, type=type, actors=frozenset(), targets=frozenset()), **rest)


def revised(event: AnchoredEvent, **changes: Any) -> AnchoredEvent:
    """`dataclasses.replace` for an anchored event: a derived field is changed on it, a stored
    one on its stored event."""
    derived = {name: value for name, value in changes.items() if name in _DERIVED}
    stored = {name: tuple(sorted(value)) if name == "kind_words" else value for name, value in changes.items() if name not in _DERIVED}
    if "type" in derived:
        kind, _, plover = derived["type"].partition("/")
        stored.update(type=kind, plover=plover)
    return replace(event, event=replace(event.event, **stored), **derived)


def stored_claim(id: str, doc: str, source_name: str, source_kind: str, source_entity: str | None = None,
                 via: tuple[str, ...] = (), stance: str = "assert", modality: str = "fact") -> StoredClaim:
    """A claim as origin counting reads it: its source, relays, stance and modality."""
    return StoredClaim(id=id, doc=doc, start=0, end=0, text="", source_name=source_name, source_kind=source_kind,
                       source_entity=source_entity, cue=None, stance=stance, modality=modality, via=via, entities=())


def figure(id: str, text: str, value: float, value_max: float | None, unit: str, qualifier: str) -> StoredQuantity:
    """A quantity as figures are compared: its words, value, unit and qualifier."""
    return StoredQuantity(id=id, doc="d", start=0, end=0, text=text, value=value, value_max=value_max, unit=unit,
                          qualifier=qualifier, about="")


EVENT_COMPARATORS = ("numeric", "denial", "date", "planned_figure", "level", "denied_presence")


def contradictions(facts: list[Fact], events: Iterable[AnchoredEvent], quantities: Iterable[StoredQuantity] = (), *,
                   rates: dict[str, float] | None = None, name_of: Callable[[str], str] = lambda anchor: anchor,
                   claims: dict[str, StoredClaim] | None = None, comparators: Iterable[str] = EVENT_COMPARATORS) -> list[Contradiction]:
    """What the registered comparators named find between events in facts (no ties, no dates of publication)."""
    comparison = Comparison(facts=facts, events={e.id: e for e in events}, fact_of={e: f for f in facts for e in f.events},
                            ties=[], tie_facts=[], fact_of_tie={}, claims=claims or {}, quantities={q.id: q for q in quantities},
                            rates=rates or {}, name_of=name_of, published=lambda doc: (None, None), taxonomy=TAXONOMY)
    wanted = set(comparators)
    return find_contradictions(comparison, {name: c for name, c in all_comparators().items() if name in wanted})


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL server (tests/pg_server.py): CI's, or one started for the session."""
    from tests.pg_server import server_url

    with server_url() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """The URL of an empty schema of its own on the PostgreSQL server, dropped after the test."""
    from tests.pg_server import fresh_schema

    with fresh_schema(postgres_server) as url:
        yield url
