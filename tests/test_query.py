"""The query layer over a real SQLite build of three small articles: every read the web app,
the CLI and the exporters make, and the analyst's corrections through it.

The articles are written for the tests: invented parties (Ruvia, Kessa, the Vantor Group,
Amadou Keita) in real towns of Mali that the session gazetteer geocodes (Gao, Bamako).
"""

from __future__ import annotations

import itertools
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from claimgraph import query
from claimgraph.errors import CorrectionRefused, InvalidQuery
from claimgraph.query import Store, corrections
from claimgraph.records import MentionForm, Merge

from .conftest import build_news

ARTICLES = [
    ("Sahel Daily", "Ruvia sends troops",
     "Ruvia deployed 300 troops to Gao on 3 May 2021, officials said. Amadou Keita said the Vantor Group trained the soldiers in Gao."),
    ("Niamey Post", "Ruvian troops",
     "Ruvia deployed 1,000 troops to Gao on 3 May 2021, Amadou Keita said. Kessa denied that its army attacked Kidal."),
    ("Bamako Wire", "Talks in Bamako",
     "Ruvian officials met Kessa's ministers in Bamako in August 2020, the ministry said. Keita said the talks had failed on Monday."),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, build_tools) -> Path:
    return build_news(tmp_path_factory.mktemp("query"), build_tools, ARTICLES)


@pytest.fixture
def store(db: Path):
    with Store.open(db) as opened:
        yield opened


@pytest.fixture
def writable(db: Path, tmp_path: Path):
    """A copy of the database, for corrections."""
    copy = tmp_path / "copy.db"
    with closing(sqlite3.connect(db)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    with Store.open(copy) as opened:
        yield opened


def _entity(store: Store, name: str) -> str:
    (entity_id,) = query.find_entity_ids(store, name)
    return entity_id


# Documents and search ---------------------------------------------------------------------------


def test_document_briefs_cite_documents_without_their_text(store: Store) -> None:
    documents = list(query.iter_documents(store))
    assert len(documents) == 3
    briefs = query.document_briefs(store, [d.id for d in documents] + ["doc_unknown"])
    assert set(briefs) == {d.id for d in documents}, "unknown ids are left out"
    for document in documents:
        brief = briefs[document.id]
        assert (brief.title, brief.outlet, brief.url, brief.published, brief.source) == (
            document.title, document.outlet, document.url, document.published_value, document.source)
        assert brief.name == document.outlet and brief.file_name == Path(document.source).name
    assert query.document_brief(store, "doc_unknown") is None


def test_search_returns_typed_hits_and_refuses_malformed_syntax(store: Store) -> None:
    hits = query.search(store, '"Vantor Group"')
    assert [hit.title for hit in hits] == ["Ruvia sends troops"]
    assert query.MATCH_START in hits[0].snippet and "[Vantor Group]" in hits[0].plain_snippet
    assert query.search(store, "Gao", limit=1) and len(query.search(store, "Gao", limit=1)) == 1
    with pytest.raises(InvalidQuery):
        query.search(store, '"unbalanced')


def test_a_documents_markup_holds_everything_found_in_it(store: Store) -> None:
    (document,) = [d for d in query.iter_documents(store) if d.outlet == "Niamey Post"]
    markup = query.document_markup(store, document.id)
    assert markup is not None and markup.document == document
    assert {claim.doc for claim in markup.claims} == {document.id} and len(markup.claims) == 2
    assert {claim.stance for claim in markup.claims} == {"assert", "deny"}
    assert all(document.text[m.start:m.end] == m.text and m.doc == document.id for m in markup.mentions)
    assert {"Ruvia", "Gao", "Kessa"} <= {m.text for m in markup.mentions}
    assert [d.value for d in markup.dates] == ["2021-05-03"]
    assert [(q.value, q.unit) for q in markup.quantities] == [(1000.0, "troops")]
    assert query.document_markup(store, "doc_unknown") is None


# Entities ---------------------------------------------------------------------------------------


def test_the_most_mentioned_entities_come_first_with_their_counts(store: Store) -> None:
    top = query.top_entities(store, limit=3)
    assert len(top) == 3
    assert [e.mentions for e in top] == sorted((e.mentions for e in top), reverse=True)
    assert (top[0].name, top[0].type, top[0].mentions) == ("Amadou Keita", "PERSON", 3)
    stats = query.store_stats(store, top=3)
    assert stats.top_entities == [(e.name, e.type, e.mentions) for e in top], "the CLI's stats and the pages agree"


def test_an_entitys_spellings_and_why_they_are_one(store: Store) -> None:
    keita = _entity(store, "Keita")
    assert query.entity_exists(store, keita) and not query.entity_exists(store, "ent_unknown")
    assert query.entity_forms(store, keita) == [MentionForm("amadou keita", "PERSON", "Amadou Keita", 2),
                                                MentionForm("keita", "PERSON", "Keita", 1)]
    assert query.entity_merges(store, keita) == [Merge("keita", "amadou keita", "a surname of the only person with that name")]
    assert query.all_entity_merges(store)[keita] == query.entity_merges(store, keita)
    assert query.entity_forms(store, "ent_unknown") == []


def test_an_entity_in_detail(store: Store) -> None:
    detail = query.entity_detail(store, _entity(store, "Amadou Keita"))
    assert detail is not None
    assert (detail.name, detail.type, set(detail.aliases)) == ("Amadou Keita", "PERSON", {"Amadou Keita", "Keita"})
    assert detail.place is None
    assert [f.count for f in detail.forms] == [2, 1]
    assert len(detail.mentions) == 3 and all(m.sentence and m.text in m.sentence for m in detail.mentions)
    assert [(m.doc, m.start) for m in detail.mentions] == sorted((m.doc, m.start) for m in detail.mentions)
    assert {c.source_name for c in detail.claims_by} == {"Amadou Keita", "Keita"} and len(detail.claims_by) == 3
    assert all(any(e == detail.id for e in c.entities) for c in detail.claims_about)
    bounded = query.entity_detail(store, detail.id, limit=1)
    assert bounded is not None and len(bounded.mentions) == 1 and len(bounded.claims_by) == 1
    gao = query.entity_detail(store, _entity(store, "Gao"))
    assert gao is not None and gao.place is not None and (gao.place.country, gao.place.precision) == ("ML", "town")
    assert query.entity_detail(store, "ent_unknown") is None


def test_entities_named_together_are_linked(store: Store) -> None:
    ruvia, gao, keita = (_entity(store, name) for name in ("Ruvia", "Gao", "Amadou Keita"))
    links = query.entity_links(store, [ruvia, gao, keita])
    by_kind = {(link.source, link.target, link.kind): link.weight for link in links}
    assert by_kind[(min(ruvia, gao), max(ruvia, gao), "co-occurrence")] == 2  # two sentences
    assert by_kind[(ruvia, gao, "event")] == 2  # Ruvia deployed troops to Gao, twice
    assert all(link.source < link.target for link in links if link.kind == "co-occurrence")
    assert {link.source for link in links} | {link.target for link in links} <= {ruvia, gao, keita}
    assert query.entity_links(store, []) == []


def test_entity_briefs_name_entities_with_their_places(store: Store) -> None:
    gao, ruvia = _entity(store, "Gao"), _entity(store, "Ruvia")
    briefs = query.entity_briefs(store, [gao, ruvia, "ent_unknown"])
    assert set(briefs) == {gao, ruvia}
    assert briefs[gao].place is not None and briefs[ruvia].place is None


# Claims, events, timeline, places ---------------------------------------------------------------


def test_claims_by_id_keep_the_order_asked_for(store: Store) -> None:
    claims = list(query.iter_claims(store))
    assert len(claims) == 6
    wanted = (claims[3].id, claims[0].id, "clm_unknown", claims[3].id)
    assert [c.id for c in query.claims_by_id(store, wanted)] == [claims[3].id, claims[0].id, claims[3].id]
    assert query.claim_exists(store, claims[0].id) and not query.claim_exists(store, "clm_unknown")
    assert [b.id for b in query.claim_briefs(store, [claims[1].id, claims[0].id])] == [claims[1].id, claims[0].id]


def test_the_timeline_reads_dated_events_and_claims_in_date_order(store: Store) -> None:
    events = query.dated_events(store, limit=10)
    assert [(e.type, e.date) for e in events] == [("DEPLOY", "2021-05-03")] * 2
    assert all(e.claim and e.sentence and e.sentence.startswith("Ruvia deployed") for e in events)
    claims = query.dated_claims(store, limit=10)
    assert [c.date for c in claims] == ["2020-08", "2021-05-03", "2021-05-03", "XXXX-WXX-1"], "years first, a yearless date after"
    assert len(query.dated_claims(store, limit=2)) == 2


def test_the_map_reads_geocoded_places_and_located_events(store: Store) -> None:
    places = query.placed_entities(store, limit=10)
    assert [(p.name, p.mentions, p.place.country) for p in places] == [("Gao", 3, "ML"), ("Bamako", 1, "ML")]
    assert all(p.place.lat is not None and p.place.lon is not None for p in places)
    assert len(query.placed_entities(store, limit=1)) == 1
    located = query.located_events(store, limit=10)
    assert {(e.type, e.name) for e in located} == {("DEPLOY", "Gao"), ("TRAINING", "Gao")} and len(located) == 3
    assert [e.date for e in located][:2] == ["2021-05-03", "2021-05-03"], "the latest dated first"


def test_a_page_of_contradictions_is_a_slice_of_all_of_them(store: Store) -> None:
    every = list(query.iter_contradictions(store))
    assert len(every) == 1 and every[0].type == "numeric"
    assert query.contradictions(store, limit=5) == every
    assert query.contradictions(store, limit=5, offset=1) == []
    facts = list(query.iter_facts(store))
    assert every[0].fact in {f.id for f in facts}
    assert [f.status for f in query.iter_facts(store, status="contested")] == ["contested"]


def test_record_counts_are_the_overviews_in_order(store: Store) -> None:
    counts = query.record_counts(store)
    assert list(counts) == ["documents", "entities", "claims", "events", "facts", "contradictions", "dates", "quantities"]
    stats = query.store_stats(store)
    assert (counts["documents"], counts["entities"], counts["claims"], counts["events"]) == (
        stats.documents, stats.entities, stats.claims, stats.events)
    assert counts["contradictions"] == 1 and counts["quantities"] == 2
    assert query.geocoded_places(store) == 2


def test_iterators_stream(store: Store) -> None:
    """`iter_*` read as they are iterated: the first record comes before the last is read."""
    for records in (query.iter_documents(store), query.iter_entities(store), query.iter_claims(store),
                    query.iter_events(store), query.iter_facts(store), query.iter_contradictions(store)):
        assert not isinstance(records, list | tuple)
        assert next(iter(records)) is not None


# Corrections ------------------------------------------------------------------------------------


def test_a_merge_makes_two_entities_one_and_is_refused_when_they_are_one(writable: Store) -> None:
    ruvia, vantor = _entity(writable, "Ruvia"), _entity(writable, "Vantor Group")
    before = query.record_counts(writable)["entities"]
    merged = corrections.merge_entities(writable, ruvia, vantor, note="one company")
    assert query.record_counts(writable)["entities"] == before - 1
    detail = query.entity_detail(writable, merged)
    assert detail is not None and {"Ruvia", "Vantor Group"} <= set(detail.aliases)
    assert "merged by an analyst" in {m.reason for m in detail.merges}
    assert query.geocoded_places(writable) == 2, "places are geocoded again"
    with pytest.raises(CorrectionRefused, match="one entity already"):
        corrections.merge_entities(writable, merged, merged)
    with pytest.raises(CorrectionRefused, match="ent_unknown"):
        corrections.merge_entities(writable, merged, "ent_unknown")


def test_a_split_takes_a_spelling_out_and_is_refused_when_it_cannot(writable: Store) -> None:
    keita = _entity(writable, "Amadou Keita")
    with pytest.raises(CorrectionRefused, match="none of 'Zorov'"):
        corrections.split_entity(writable, keita, ["Zorov"])
    with pytest.raises(CorrectionRefused, match="nothing is left"):
        corrections.split_entity(writable, keita, ["Keita", "amadou keita"])
    with pytest.raises(CorrectionRefused):
        corrections.split_entity(writable, "ent_unknown", ["Keita"])
    ids = corrections.split_entity(writable, keita, ["keita"], note="two men")
    assert len(ids) == 2
    kept, out = (query.entity_detail(writable, entity_id) for entity_id in ids)
    assert kept is not None and out is not None
    assert (kept.aliases, out.aliases) == (("Amadou Keita",), ("Keita",))


def test_a_review_marks_a_claim_and_an_unknown_claim_is_refused(writable: Store) -> None:
    claim = next(query.iter_claims(writable))
    corrections.review_claim(writable, claim.id)
    corrections.review_claim(writable, claim.id)  # again: the time is updated
    assert [tuple(row) for row in writable.connection.execute("SELECT claim_id FROM claim_reviews")] == [(claim.id,)]
    with pytest.raises(CorrectionRefused, match="no claim"):
        corrections.review_claim(writable, "clm_unknown")


def test_a_refused_correction_changes_nothing(writable: Store) -> None:
    before = list(itertools.islice(query.iter_entities(writable), 100))
    with pytest.raises(CorrectionRefused):
        corrections.split_entity(writable, _entity(writable, "Gao"), ["Gao"])
    assert list(itertools.islice(query.iter_entities(writable), 100)) == before
    assert writable.connection.execute("SELECT COUNT(*) FROM entity_corrections").fetchone()[0] == 0
