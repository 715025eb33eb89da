"""Denials of presence and employment against what other sources say a force does.

"Kessa and Ruvia deny any presence of foreign mercenaries" keeps what it denies (`presence`)
and the kind of force (`private`); "Kessa does not employ a private security company",
said by its minister, denies a deployment. Each is compared with another article's report
of a private force acting in the same country, or of that country asking for one.

Extraction runs the real pipeline on sentences written for the tests; the resolution tests
build anchored events by hand (conftest.py); the end-to-end test builds three short articles into a
SQLite store and reads the exported contradictions. Names are invented (Ruvia, Kessa, Zorov,
Amadou Keita); places are real (Gao, Mali).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph import Store
from claimgraph.export import contract_records
from claimgraph.records import Event, Fact
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.comparators.denied_presence import denied_presence_pairs
from claimgraph.resolve.forces import names_private_force

from .conftest import TAXONOMY, anchored_event, build_news, contradictions, extract_text

MALI = "country:ML"


def _events(build_tools, text: str) -> list[Event]:
    return extract_text(build_tools, text).events


def _one(build_tools, text: str, trigger: str) -> Event:
    (event,) = [e for e in _events(build_tools, text) if e.trigger == trigger]
    return event


# 1. What extraction keeps --------------------------------------------------------------------


def test_a_denied_presence_keeps_what_and_which_kind_of_force(build_tools) -> None:
    event = _one(build_tools, "Kessa and Ruvia deny any presence of foreign mercenaries.", "deny")
    assert (event.type, event.status, event.denies, event.force) == ("DENIAL", "happened", "presence", "private")
    assert {a.text for a in event.role("actor")} == {"Kessa", "Ruvia"}


def test_a_denied_presence_is_placed_like_a_deployment(build_tools) -> None:
    event = _one(build_tools, "Ruvia denies the presence of its mercenaries in Mali.", "denies")
    assert [a.text for a in event.role("location")] == ["Mali"]


def test_a_speakers_denied_employment_is_a_denied_deployment_of_a_private_force(build_tools) -> None:
    event = _one(build_tools, "\u201cWe do not employ any mercenaries,\u201d the Kessa defence minister said.", "employ")
    assert (event.type, event.denies, event.force) == ("DENIAL", "DEPLOY", "private")


@pytest.mark.parametrize("text, trigger, force", [
    ("A thousand contractors from the Zorov Group are expected to arrive in Mali, Amadou Keita said.", "arrive", "private"),
    ("Mali has asked private Ruvian companies to restore security, the Ruvian foreign minister said.", "asked", "private"),
    ("Ruvia deployed troops to Gao.", "deployed", None),
    ("Ruvia denied the claim.", "denied", None),
])
def test_the_kind_of_force_is_read_from_the_parties_phrases(build_tools, text: str, trigger: str, force: str | None) -> None:
    event = _one(build_tools, text, trigger)
    assert event.force == force
    assert event.denies is None


@pytest.mark.parametrize("names, private", [
    (["Zorov Group", "Zorov PMC"], True),
    (["Zorov Private Military Company"], True),
    (["the Zorov private security firm"], True),
    (["Zorov mercenary group"], True),
    (["Zorov Group", "pmc"], False),  # an acronym only in capitals
    (["Zorov Group", "Zorov Holdings"], False),
])
def test_an_entity_is_a_private_force_when_one_of_its_names_says_so(names: list[str], private: bool) -> None:
    assert names_private_force(names) is private


# 2. Which assertion a denial is compared with --------------------------------------------------


def _view(event_id: str, doc: str, type: str, *, status: str = "happened", actors: tuple[str, ...] = ("zorov",),
          setting: str | None = MALI, force: str | None = "private", denies: str | None = None,
          country: str | None = MALI) -> AnchoredEvent:
    return anchored_event(id=event_id, doc=doc, type=type, status=status, actors=frozenset(actors), targets=frozenset(),
                     place=None, point=None, country=country, date=None, claims=(f"clm_{event_id}",), quantity=None,
                     setting=setting, force=force, denies=denies)


def _facts(*groups: tuple[str, list[AnchoredEvent], int]) -> dict[str, Fact]:
    """Fact of each event: (fact id, its events, how many origins)."""
    fact_of = {}
    for fact_id, events, origins in groups:
        fact = Fact(fact_id, fact_id, tuple(c for e in events for c in e.claims), tuple(e.id for e in events),
                    tuple(f"origin{i}" for i in range(origins)), "single_source")
        fact_of.update({e.id: fact for e in events})
    return fact_of


def test_a_denied_presence_meets_the_best_supported_report_of_such_a_force_acting_there() -> None:
    denial = _view("deny", "d1", "DENIAL", actors=("kessa",), denies="presence", country=None)
    training = _view("train", "d2", "TRAINING")
    attack = _view("attack", "d3", "ATTACK")
    events = [denial, training, attack]
    fact_of = _facts(("f-deny", [denial], 1), ("f-train", [training], 2), ("f-attack", [attack], 1))
    assert list(denied_presence_pairs(events, fact_of, taxonomy=TAXONOMY)) == [(denial, training)]


@pytest.mark.parametrize("other", [
    _view("x", "d2", "DEPLOY", status="planned"),  # a plan is no presence
    _view("x", "d2", "TRAINING", setting="country:NE", country="country:NE"),  # another country
    _view("x", "d2", "TRAINING", force=None),  # no private force
    _view("x", "d1", "TRAINING"),  # the denial's own article
    _view("x", "d2", "PAYMENT"),  # being paid is not being there
])
def test_a_denied_presence_does_not_meet_plans_other_countries_or_other_forces(other: AnchoredEvent) -> None:
    denial = _view("deny", "d1", "DENIAL", actors=("kessa",), denies="presence", country=None)
    fact_of = _facts(("f-deny", [denial], 1), ("f-other", [other], 3))
    assert list(denied_presence_pairs([denial, other], fact_of, taxonomy=TAXONOMY)) == []


def test_a_denied_employment_meets_a_planned_deployment_and_the_countrys_request() -> None:
    denial = _view("deny", "d1", "DENIAL", actors=("minister",), denies="DEPLOY")
    planned = _view("plan", "d2", "DEPLOY", status="planned")
    request = _view("ask", "d3", "OTHER/REQUEST", actors=(MALI,), setting=None, country=None)
    training = _view("train", "d4", "TRAINING")  # what a private force does is not its employment
    events = [denial, planned, request, training]
    fact_of = _facts(("f-deny", [denial], 1), ("f-plan", [planned], 1), ("f-ask", [request], 1), ("f-train", [training], 2))
    assert list(denied_presence_pairs(events, fact_of, taxonomy=TAXONOMY)) == [(denial, planned), (denial, request)]


def test_a_fact_with_reports_cited_and_in_the_outlets_voice_is_met_by_the_cited_one() -> None:
    denial = _view("deny", "d1", "DENIAL", actors=("minister",), denies="DEPLOY")
    own, cited = _view("own", "d2", "DEPLOY", status="planned"), _view("cited", "d3", "DEPLOY", status="planned")
    fact_of = _facts(("f-deny", [denial], 1), ("f-plan", [own, cited], 1))
    assert list(denied_presence_pairs([denial, own, cited], fact_of, taxonomy=TAXONOMY, cited=lambda claim: claim == "clm_cited")) == [(denial, cited)]


def test_a_denied_presence_is_an_assert_vs_deny_contradiction_that_says_so() -> None:
    denial = _view("deny", "d1", "DENIAL", actors=("kessa",), denies="presence", country=None)
    training = _view("train", "d2", "TRAINING")
    fact_of = _facts(("f-deny", [denial], 1), ("f-train", [training], 1))
    facts = list({f.id: f for f in fact_of.values()}.values())
    (found,) = contradictions(facts, [denial, training], name_of=lambda a: {MALI: "Mali"}.get(a, a))
    assert (found.type, found.a, found.b, found.fact) == ("assert_vs_deny", "clm_train", "clm_deny", "f-train")
    assert found.explanation.startswith("F-train: one source reports it, the other denies that private armed forces")
    assert "are present in Mali" in found.explanation
    assert found.explanation.endswith("the denial may concern another time than the report.")


# 3. End to end ------------------------------------------------------------------------------


def test_a_denied_presence_is_flagged_against_another_articles_report(tmp_path: Path, build_tools) -> None:
    articles = [
        ("Sahel Daily", "Zorov in Mali",
         "Fighters of the Zorov Private Military Company have been training soldiers in Mali since May, Amadou Keita said."),
        ("Niamey Post", "Denial",
         "Gunmen attacked a market in Gao in Mali on Monday. Mali and Ruvia deny any presence of foreign mercenaries."),
        ("Lagos Wire", "Weather", "Heavy rains fell on Lagos on Monday, officials said."),
    ]
    with Store.open(build_news(tmp_path, build_tools, articles)) as store:
        records = list(contract_records(store))
    claims = {r["id"]: r["text"] for r in records if r["kind"] == "claim"}
    (contradiction,) = [r for r in records if r["kind"] == "contradiction"]
    assert contradiction["type"] == "assert_vs_deny"
    assert {claims[contradiction["a"]], claims[contradiction["b"]]} == {
        articles[0][2], "Mali and Ruvia deny any presence of foreign mercenaries."}
    assert "are present in Mali" in contradiction["explanation"]
