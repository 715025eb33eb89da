"""Ties between parties: stated, denied, gathered into facts and set against their denials.

"A firm with links to Amadou Keita", "funded by Keita", "Keita controls the group" state
one tie; "Keita has denied any such links" and "Ruvia's officials have nothing to do with
these private firms" deny one. Extraction
runs the real pipeline on sentences written for the tests; the resolution tests build
ties (`Tie`) by hand; the end-to-end test builds short articles into a SQLite
store and reads the exported facts and contradictions, and the CLI's listing of them.
Names are invented (Ruvia, Kessa, Zorov, Amadou Keita); places are real (Gao, Kidal, Mali).
"""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from claimgraph import Store
from claimgraph.export import contract_records
from claimgraph.records import Relation, StoredClaim
from claimgraph.resolve.comparators.denied_ties import relation_contradictions
from claimgraph.resolve.origins import NO_AGENCIES
from claimgraph.resolve.relations import PRIVATE_FORCE, Tie, relation_facts

from .conftest import build_news, extract_text, stored_claim


def _relations(build_tools, text: str) -> list[Relation]:
    return extract_text(build_tools, text).relations


def _summary(relation: Relation) -> tuple[str, str, str | None]:
    other = relation.object
    return (relation.polarity, relation.subject.text,
            None if other is None else other.text if other.key else f"<{other.force}>")


# 1. What extraction finds ---------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("The Zorov Group is a security firm with close links to Amadou Keita.", ("asserted", "Zorov Group", "Amadou Keita")),
    ("The Zorov Group is reportedly funded by Amadou Keita.", ("asserted", "Zorov Group", "Amadou Keita")),
    ("Amadou Keita controls the Zorov Group.", ("asserted", "Amadou Keita", "Zorov Group")),
    ("The Zorov Group is seen as a proxy of the Ruvian government.", ("asserted", "Zorov Group", "Ruvian government")),
    ("The Zorov Group has no links to the government of Ruvia.", ("denied", "Zorov Group", "Ruvia")),
    ("The Zorov Group is not linked to Amadou Keita.", ("denied", "Zorov Group", "Amadou Keita")),
    ("Ruvia denies any role in Zorov Group operations in Mali.", ("denied", "Ruvia", "Zorov Group")),
    ("Kessa dismissed reports of links between the Zorov Group and Amadou Keita.", ("denied", "Zorov Group", "Amadou Keita")),
    ("Amadou Keita does not have anything to do with the Zorov Group, his lawyer said.", ("denied", "Amadou Keita", "Zorov Group")),
    ("The court will rule on Amadou Keita's ties to the Zorov Group.", ("asserted", "Amadou Keita", "Zorov Group")),
    ("The Zorov Group has been under the control of Amadou Keita since May.", ("asserted", "Zorov Group", "Amadou Keita")),
    ("\u201cThe officials of Ruvia have nothing to do with these private firms,\u201d a diplomat said.",
     ("denied", "Ruvia", "<private>")),
])
def test_a_tie_and_its_parties_are_read_from_the_parse(build_tools, text: str, expected) -> None:
    assert [_summary(r) for r in _relations(build_tools, text)] == [expected]


def test_a_denial_naming_no_one_keeps_its_denier(build_tools) -> None:
    text = "The group is run by Amadou Keita, who has always denied any such links."
    denied = [r for r in _relations(build_tools, text) if r.polarity == "denied"]
    assert [(r.subject.text, r.object) for r in denied] == [("Amadou Keita", None)]


@pytest.mark.parametrize("text", [
    "Gao is linked to Kidal by a new road.",  # places tied by a road: no parties
    "Amadou Keita denied involvement in any criminal activities.",  # a tie with no party
    "Athletes from Ruvia have no funding.",  # an absence, denied by no one
    "Amadou Keita won praise for her role in Zorov.",  # a part, not a tie
    "The Zorov Group rejected closer ties with Amadou Keita.",  # a tie refused, none denied
    "The Zorov Group cut ties with Amadou Keita last year.",  # a tie ended
    "The Zorov Group denied funding to Amadou Keita's rivals.",  # no tie denied with a party
    "The court will rule on Amadou Keita's claims.",  # no tie at all
    "Paris is linked to London by a new rail line.",  # two capitals: places, not parties
    "The rebels seized control of Gao.",  # control taken, not a tie
    "The Zorov Group sent fighters to Mali.",  # an event, not a tie
    "Officials discussed ties between the two countries.",  # no party named
])
def test_no_tie_between_parties_is_read_where_there_is_none(build_tools, text: str) -> None:
    assert _relations(build_tools, text) == []


# 2. Facts and contradictions from ties --------------------------------------------------------


def _view(relation_id: str, doc: str, subject: tuple[str, ...], other: tuple[str, ...], *, denied: bool = False) -> Tie:
    return Tie(id=relation_id, doc=doc, kind="affiliation", polarity="denied" if denied else "asserted",
                        subject=subject, object=other, claims=(f"clm_{relation_id}",))


def _claims(*views: Tie) -> dict[str, StoredClaim]:
    """Each relation's claim, told in its document's own voice."""
    return {view.claims[0]: stored_claim(view.claims[0], view.doc, view.doc, "outlet", None, (),
                                      "deny" if view.polarity == "denied" else "assert") for view in views}


def _facts(views: list[Tie], claims: dict[str, StoredClaim]):
    return relation_facts(views, claims, outlet_of=lambda doc: f"outlet {doc}", name_of=lambda anchor: anchor, agencies=NO_AGENCIES)


ZOROV = ("zorov", PRIVATE_FORCE)


def test_ties_between_the_same_parties_told_differently_are_one_fact_with_their_origins() -> None:
    views = [_view("r1", "d1", ZOROV, ("keita",)), _view("r2", "d2", ("keita",), ZOROV), _view("r3", "d3", ("keita",), ("ruvia",))]
    _, fact_of = _facts(views, _claims(*views))
    assert fact_of["r1"] is fact_of["r2"] and fact_of["r3"] is not fact_of["r1"]
    tie = fact_of["r1"]
    assert (tie.about, tie.independent_origins, tie.status) == (
        "ties between keita and zorov", ("outlet d1", "outlet d2"), "corroborated")


def test_a_denial_of_ties_with_a_named_private_force_and_with_such_forces_by_kind_is_one_fact() -> None:
    views = [_view("r1", "d1", ("country:RV",), ZOROV, denied=True), _view("r2", "d2", ("country:RV",), (PRIVATE_FORCE,), denied=True)]
    _, fact_of = _facts(views, _claims(*views))
    assert fact_of["r1"] is fact_of["r2"] and fact_of["r1"].about == "denied: ties between country:RV and private armed forces"


def test_a_denial_meets_the_best_supported_tie_elsewhere_once_in_the_deniers_own_words() -> None:
    # Ruvia's seat of government stands for Ruvia: r1 and r2 both tie Zorov to Ruvia.
    views = [_view("r1", "d1", ZOROV, ("seat", "country:RV")), _view("r2", "d2", ZOROV, ("country:RV",)),
             _view("r6", "d5", ("country:RV",), ZOROV),  # a second origin makes r2's fact the best supported
             _view("r3", "d3", ("country:RV",), (PRIVATE_FORCE,), denied=True),
             _view("r4", "d3", ("country:RV",), ZOROV, denied=True),
             replace(_view("r5", "d4", ("country:RV",), (PRIVATE_FORCE,), denied=True), quoted=True)]
    claims = _claims(*views)
    _, fact_of = _facts(views, claims)
    (found,) = relation_contradictions(views, fact_of, claims, name_of=lambda anchor: anchor)
    assert (found.a, found.b, found.type) == ("clm_r2", "clm_r5", "assert_vs_deny")
    assert "the other denies the tie" in found.explanation


def test_a_denial_naming_no_one_meets_only_the_best_supported_tie_of_its_denier() -> None:
    views = [_view("r1", "d1", ZOROV, ("keita",)), _view("r2", "d2", ZOROV, ("keita",)),
             _view("r3", "d1", ("keita",), ("putin",)),
             _view("r4", "d3", ("keita",), (), denied=True)]
    claims = _claims(*views)
    _, fact_of = _facts(views, claims)
    (found,) = relation_contradictions(views, fact_of, claims, name_of=lambda anchor: anchor)
    assert found.b == "clm_r4" and found.a in {"clm_r1", "clm_r2"} and "denies any tie of keita" in found.explanation


def test_a_denial_is_not_set_against_its_own_article_nor_against_other_parties() -> None:
    views = [_view("r1", "d1", ZOROV, ("keita",)), _view("r2", "d1", ("keita",), (), denied=True),
             _view("r3", "d2", ("country:KS",), (PRIVATE_FORCE,), denied=True)]
    claims = _claims(*views)
    _, fact_of = _facts(views, claims)
    assert relation_contradictions(views, fact_of, claims, name_of=lambda anchor: anchor) == []


# 3. End to end --------------------------------------------------------------------------------


ARTICLES = [
    ("Sahel Daily", "Zorov in Mali",
     ("The Zorov Private Military Company has trained soldiers in Mali since May. "
     "The company is a security firm with close links to Amadou Keita, a banker.")),
    ("Niamey Post", "Keita's group",
     "Fighters were seen near Gao on Monday. The Zorov Private Military Company is reportedly funded by Amadou Keita."),
    ("Kidal Times", "Keita speaks",
     "Amadou Keita has denied any such links, his spokesman said on Tuesday."),
]


@pytest.fixture
def tie_store(tmp_path: Path, build_tools) -> Path:
    return build_news(tmp_path, build_tools, ARTICLES)


def test_ties_become_a_fact_of_two_origins_and_their_denial_a_contradiction(tie_store: Path) -> None:
    with Store.open(tie_store) as store:
        records = list(contract_records(store))
    claims = {r["id"]: r["text"] for r in records if r["kind"] == "claim"}
    (tie,) = [r for r in records if r["kind"] == "fact" and r["about"].startswith("ties between")]
    # Two origins, and contested by the denial.
    assert tie["status"] == "contested" and sorted(tie["independent_origins"]) == ["Niamey Post", "Sahel Daily"]
    assert any("with close links to Amadou Keita" in claims[c] for c in tie["claims"])
    assert any("funded by Amadou Keita" in claims[c] for c in tie["claims"])
    (contradiction,) = [r for r in records if r["kind"] == "contradiction"]
    assert contradiction["type"] == "assert_vs_deny"
    assert "denied any such links" in claims[contradiction["b"]] and claims[contradiction["a"]] in {claims[c] for c in tie["claims"]}


def test_the_cli_prints_tie_facts_and_their_contradiction_side_by_side(tie_store: Path, claimgraph_cli: list[str]) -> None:
    facts = subprocess.run([*claimgraph_cli, "facts", "--db", str(tie_store)], capture_output=True, text=True, check=True).stdout
    assert "[contested] ties between Amadou Keita and Zorov Private Military Company  (2 independent origins" in facts
    shown = subprocess.run([*claimgraph_cli, "contradictions", "--db", str(tie_store)], capture_output=True, text=True, check=True).stdout
    assert shown.startswith("[assert_vs_deny] Ties between Amadou Keita and Zorov Private Military Company")
    assert "    B Kidal Times | " in shown and "denied any such links" in shown
