"""Facts of one statement quoted alike in several articles (resolve/statements.py). The
quotations are invented."""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph.export.contract import contract_records
from claimgraph.pipeline import BuildOptions, build
from claimgraph.records import Fact, StoredClaim
from claimgraph.resolve.origins import NO_AGENCIES
from claimgraph.resolve.statements import statement_facts
from claimgraph.store import Store

OUTLETS = {"d1": "Sahel Daily", "d2": "Niger Post", "d3": "Gao Courier"}


def _claim(claim_id: str, doc: str, text: str, *, source: str = "the ministry", kind: str = "organization",
           entity: str | None = None, stance: str = "assert") -> StoredClaim:
    return StoredClaim(id=claim_id, doc=doc, start=0, end=len(text), text=text, source_name=source, source_kind=kind,
                       source_entity=entity, cue=None, stance=stance, modality="fact", via=(), entities=())


def _facts(claims: list[StoredClaim], facts: list[Fact] | None = None, **options) -> list[Fact]:
    return statement_facts({c.id: c for c in claims}, facts or [], OUTLETS.get, NO_AGENCIES, **options)


def test_two_articles_quoting_one_run_of_words_report_one_statement() -> None:
    claims = [_claim("c1", "d1", 'The report found "no trace of heavy weapons near the school", the ministry said.'),
              _claim("c2", "d2", "Inspectors saw « no trace of heavy weapons near the school » on Friday, according to the mission.",
                     source="the mission")]
    (fact,) = _facts(claims)
    assert fact.claims == ("c1", "c2") and fact.events == ()
    assert fact.about == "the statement “no trace of heavy weapons near the school”"
    assert fact.independent_origins == ("the ministry", "the mission") and fact.status == "corroborated"


def test_four_shared_words_are_no_statement() -> None:
    claims = [_claim("c1", "d1", 'He called it "a very sad day" for Gao.'),
              _claim("c2", "d2", 'She said it was "a very sad day" again.')]
    assert _facts(claims) == []


def test_a_common_phrase_inside_two_longer_quotations_is_no_statement() -> None:
    claims = [_claim("c1", "d1", '"If you look at the harvest this year, the north has done well," the minister said.'),
              _claim("c2", "d2", '"If you look at the roads around Gao, nothing has been repaired since May," a driver said.',
                     source="a driver")]
    assert _facts(claims) == []


def test_one_sentence_printed_by_two_outlets_is_one_telling_not_two_accounts() -> None:
    told = 'The minister said the convoy was "attacked by armed men on the road to Kidal" on Sunday.'
    assert _facts([_claim("c1", "d1", told), _claim("c2", "d2", told)]) == []


def test_a_denial_quoting_the_words_it_denies_is_no_account_of_them() -> None:
    claims = [_claim("c1", "d1", 'Rebels said troops "burned the market of Tessalit to the ground".'),
              _claim("c2", "d2", 'The army rejected claims that it "burned the market of Tessalit to the ground".', stance="deny")]
    assert _facts(claims) == []


def test_claims_already_told_by_one_fact_make_no_second_one() -> None:
    claims = [_claim("c1", "d1", 'Officials said "at least forty people were killed in the raid".'),
              _claim("c2", "d2", 'Medics confirmed "at least forty people were killed in the raid".', source="medics")]
    told = Fact("fct_toll", "40 killed in the raid", ("c1", "c2"), (), ("medics", "officials"), "corroborated")
    assert _facts(claims, [told]) == []


def test_one_statement_quoted_under_two_names_of_one_state_is_one_origin() -> None:
    claims = [_claim("c1", "d1", 'Bamako warned that "farmers who block the roads will lose their subsidies".',
                     source="Bamako", entity="ent_bamako"),
              _claim("c2", "d2", '"Farmers who block the roads will lose their subsidies," the presidency said.',
                     source="the presidency", entity="ent_koulouba")]
    state = {"ent_bamako": "state:ML", "ent_koulouba": "state:ML"}
    (fact,) = _facts(claims, state_of=lambda claim: state.get(claim.source_entity or ""))
    assert len(fact.independent_origins) == 1 and fact.status == "single_source"


def test_a_quotation_two_outlets_carry_is_a_corroborated_fact_after_a_build(tmp_path: Path, build_tools) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    articles = [
        ("Sahel Daily", 'Floods hit Gao on Monday. The governor said the dyke had "given way under the weight of three days of rain".'),
        ("Niger Post", ('Water covered the lower town of Gao. "It has given way under the weight of three days of rain," '
                        "a spokesman for the civil protection agency said on Tuesday.")),
    ]
    for index, (outlet, text) in enumerate(articles):
        record = {"title": f"Report {index}", "outlet": outlet, "published": "2024-08-06", "text": text}
        (corpus / f"article{index}.json").write_text(json.dumps(record), encoding="utf-8")
    with Store.open(tmp_path / "kb.db") as store:
        build([corpus], store=store, options=BuildOptions(), tools=build_tools)
        records = list(contract_records(store))
    (fact,) = [r for r in records if r["kind"] == "fact" and r["about"].startswith("the statement")]
    assert fact["status"] == "corroborated" and len(fact["claims"]) == 2


def test_the_same_words_in_two_people_s_mouths_are_no_statement() -> None:
    phrase = "we will stay the course whatever happens"
    claims = [_claim("c1", "d1", f'Amadou Keita said "{phrase}".', source="Amadou Keita", kind="person"),
              _claim("c2", "d2", f'"{phrase}," Fatou Diallo told the rally.', source="Fatou Diallo", kind="person")]
    assert _facts(claims) == []
    titled = [_claim("c1", "d1", f'President Amadou Keita said "{phrase}".', source="President Amadou Keita", kind="person"),
              _claim("c2", "d2", f'"{phrase}," President Fatou Diallo said.', source="President Fatou Diallo", kind="person")]
    assert _facts(titled) == []
    # one person named two ways: one statement, quoted twice
    again = _claim("c3", "d3", f'Mr Keita repeated: "{phrase}".', source="Mr Keita", kind="person")
    (fact,) = _facts([claims[0], again])
    assert fact.claims == ("c1", "c3")
