"""The public API: `claimgraph.build` into a path, `claimgraph.open` and the knowledge base's
query methods, on a real build. (`__all__` itself is checked in test_docs.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claimgraph
from claimgraph import KnowledgeBase, StoreError
from claimgraph.query import (
    EntityDetail,
    SearchHit,
    StoredClaim,
    StoredDocument,
    StoredEntity,
    StoredEvent,
    StoredFact,
)
from claimgraph.records import Contradiction

ARTICLES = [
    ("Sahel Daily", "Ruvia sends troops", "Ruvia deployed 300 troops to Gao on 3 May 2021, officials said."),
    ("Niamey Post", "Ruvian troops",
     "Ruvia deployed 1,000 troops to Gao on 3 May 2021, Amadou Keita said. Kessa denied that its army attacked Kidal."),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, build_tools) -> Path:
    folder = tmp_path_factory.mktemp("api")
    corpus = folder / "corpus"
    corpus.mkdir()
    for index, (outlet, title, text) in enumerate(ARTICLES):
        (corpus / f"a{index}.json").write_text(json.dumps({"title": title, "outlet": outlet, "text": text}), encoding="utf-8")
    report = claimgraph.build([corpus], store=folder / "kb.db", tools=build_tools)
    assert (report.added, report.skipped) == (2, [])
    assert isinstance(report, claimgraph.BuildReport)
    again = claimgraph.build([corpus], store=str(folder / "kb.db"), options=claimgraph.BuildOptions(), tools=build_tools)
    assert (again.added, again.unchanged) == (0, 2), "a path is opened, built into and closed; the second build is incremental"
    return folder / "kb.db"


def test_open_reads_every_kind_of_record(db: Path) -> None:
    with claimgraph.open(db) as kb:
        assert isinstance(kb, KnowledgeBase)
        documents = list(kb.documents())
        assert len(documents) == 2 and all(isinstance(d, StoredDocument) for d in documents)
        assert kb.document(documents[0].id) == documents[0] and kb.document("doc_unknown") is None
        entities = list(kb.entities())
        assert all(isinstance(e, StoredEntity) for e in entities) and "Ruvia" in {e.name for e in entities}
        claims = list(kb.claims())
        assert len(claims) == 3 and all(isinstance(c, StoredClaim) for c in claims)
        events = list(kb.events())
        assert events and all(isinstance(e, StoredEvent) for e in events)
        facts = list(kb.facts())
        assert facts and all(isinstance(f, StoredFact) for f in facts)
        (contradiction,) = kb.contradictions()
        assert isinstance(contradiction, Contradiction) and contradiction.type == "numeric"
        stats = kb.stats(top=2)
        assert (stats.documents, stats.claims, len(stats.top_entities)) == (2, 3, 2)


def test_the_query_methods_filter(db: Path) -> None:
    with claimgraph.open(db) as kb:
        assert [c.stance for c in kb.claims(stance="deny")] == ["deny"]
        by_keita = list(kb.claims(entity="Amadou Keita"))
        assert by_keita and all(c.source_name == "Amadou Keita" or c.entities for c in by_keita)
        assert list(kb.claims(entity="Nobody At All")) == []
        assert [c.source_kind for c in kb.claims(attributed=True)] == [c.source_kind for c in kb.claims() if c.source_kind != "outlet"]
        (ruvia,) = kb.find_entities("ruvia")
        assert kb.find_entities(ruvia) == [ruvia], "an id finds its entity"
        assert {c.id for c in kb.claims(entity=ruvia)} == {c.id for c in kb.claims(entity="Ruvia")}
        assert {e.type for e in kb.events(types=["deploy"])} == {"DEPLOY"}
        assert all(e.status == "happened" for e in kb.events(status="happened"))
        assert list(kb.events(status="conditional")) == []
        assert list(kb.contradictions(types=["date"])) == []
        assert [f.status for f in kb.facts(status="contested")] == ["contested"]
        detail = kb.entity(ruvia)
        assert isinstance(detail, EntityDetail) and detail.name == "Ruvia"
        hits = kb.search("Kidal")
        assert [type(hit) for hit in hits] == [SearchHit] and hits[0].title == "Ruvian troops"
        with pytest.raises(claimgraph.InvalidQuery):
            kb.search('"unbalanced')


def test_open_refuses_a_missing_or_foreign_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        claimgraph.open(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists(), "opening never creates a database"
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError):
        claimgraph.open(foreign)


def test_a_knowledge_base_is_closed_by_its_with_block(db: Path) -> None:
    with claimgraph.open(db) as kb:
        pass
    with pytest.raises(Exception, match="closed"):
        list(kb.documents())


def test_build_accepts_an_open_knowledge_base(db: Path, build_tools, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with claimgraph.open(db) as kb:
        report = claimgraph.build([empty], store=kb, tools=build_tools)
        assert (report.added, report.read) == (0, 0)
        assert len(list(kb.documents())) == 2
