"""Facts and contradictions across sources.

The unit tests build anchored events, stored claims and quantities by hand (conftest.py) and
call the grouping, origin counting and comparison functions, and the registered comparators,
directly. The end-to-end tests write two
to four short articles (JSON records with an outlet, as a news export gives them) for each
case, build them into a real SQLite store with the session pipeline and gazetteer, and read
the exported fact and contradiction records; the CLI is run as a subprocess.

Names are invented (Ruvia, Kessa, Zorov, Vantor, Amadou Keita); the places are real (Gao,
Bamako, Mali) so that the gazetteer places them.
"""

from __future__ import annotations

import json
import math
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from claimgraph import BuildOptions, Store, build
from claimgraph.export import contract_records
from claimgraph.records import (
    Contradiction,
    Fact,
    StoredClaim,
    StoredEntity,
    StoredQuantity,
)
from claimgraph.resolve.anchors import AnchoredEvent, Anchors
from claimgraph.resolve.contradictions import contradictions_by_fact
from claimgraph.resolve.cross_source import describe, named_sources
from claimgraph.resolve.facts import (
    build_facts,
    dates_agree,
    group_events,
    narrowest_claims,
)
from claimgraph.resolve.figures import compare_quantities, interval
from claimgraph.resolve.money import Sum, load_rates, stated_sum
from claimgraph.resolve.origins import (
    ToldClaim,
    agencies_from,
    citations,
    claim_origin,
    count_origins,
    load_agencies,
    names_outlet,
)

from .conftest import (
    TAXONOMY,
    anchored_event,
    contradictions,
    figure,
    revised,
    stored_claim,
)

RATES = load_rates()
GAO, BAMAKO = (16.27, -0.04), (12.65, -8.0)
NAMES = {"ruvia": "Ruvia", "zorov": "Zorov", "kessa": "Kessa", "gao": "Gao"}


def _event(event_id: str, doc: str, *, type: str = "DEPLOY", status: str = "happened", actors: tuple[str, ...] = ("ruvia",),
           targets: tuple[str, ...] = (), place: str | None = "gao", point: tuple[float, float] | None = GAO,
           country: str | None = None, date: str | None = None, claims: tuple[str, ...] | None = None,
           quantity: str | None = None, size: float | None = None, size_range: tuple[float, float] | None = None,
           paid: Sum | None = None, setting: str | None = None) -> AnchoredEvent:
    return anchored_event(id=event_id, doc=doc, type=type, status=status, actors=frozenset(actors), targets=frozenset(targets),
                     place=place, point=point, country=country, date=date,
                     claims=(f"clm_{event_id}",) if claims is None else claims, quantity=quantity, size=size, size_range=size_range,
                     paid=paid, setting=setting or country)


def _claim(claim_id: str, doc: str, *, name: str = "Sahel Daily", kind: str = "outlet", via: tuple[str, ...] = (),
           stance: str = "assert") -> StoredClaim:
    return stored_claim(id=claim_id, doc=doc, source_name=name, source_kind=kind, source_entity=None, via=via, stance=stance)


def _qty(qid: str, text: str, value: float, *, unit: str = "troops", qualifier: str = "exact", value_max: float | None = None) -> StoredQuantity:
    return figure(id=qid, text=text, value=value, value_max=value_max, unit=unit, qualifier=qualifier)


OUTLETS = {"d1": "Sahel Daily", "d2": "Niamey Post", "d3": "Sahel Daily"}.get


def _groups(events: list[AnchoredEvent]) -> set[frozenset[str]]:
    return {frozenset(e.id for e in group) for group in group_events(events, taxonomy=TAXONOMY)}


def _fact(fact_id: str, events: list[AnchoredEvent], about: str = "deployment by Ruvia at Gao") -> Fact:
    return Fact(fact_id, about, tuple(c for e in events for c in e.claims), tuple(e.id for e in events), (), "single_source")


# 1. Figures as intervals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (_qty("q", "400", 400), (400, 400)),
        (_qty("q", "between 300 and 500", 300, qualifier="range", value_max=500), (300, 500)),
        (_qty("q", "at least 300", 300, qualifier="at_least"), (300, math.inf)),
        (_qty("q", "more than 300", 300, qualifier="more_than"), (300, math.inf)),
        (_qty("q", "up to 400", 400, qualifier="up_to"), (0, 400)),
        (_qty("q", "about 400", 400, qualifier="about"), (360, 440)),
    ],
)
def test_a_figure_is_the_interval_its_qualifier_allows(quantity: StoredQuantity, expected: tuple[float, float]) -> None:
    assert interval(quantity) == pytest.approx(expected)


@pytest.mark.parametrize(("first", "second", "conflict"), [
    (("hundreds", 200), ("thousands", 2000), True),  # two orders of magnitude
    (("plusieurs centaines", 300), ("des milliers", 2000), True),
    (("thousands", 2000), ("11,000", 11000), False),  # "thousands" may be said of 11,000 ...
    (("dozens", 24), ("at least 400", 400), False),  # ... and a vague count seen stands against no toll
    (("hundreds", 200), ("at least 400", 400), False),
])
def test_two_vague_amounts_are_orders_of_magnitude(first: tuple[str, float], second: tuple[str, float], conflict: bool) -> None:
    def figure(name: str, told: tuple[str, float]) -> StoredQuantity:
        text, value = told
        return _qty(name, text, value, qualifier="at_least" if not text[0].isdigit() else "exact")
    found = compare_quantities(figure("a", first), figure("b", second), RATES)
    assert (found is not None) == conflict


def test_a_range_holding_the_other_figure_is_no_conflict() -> None:
    between = _qty("a", "between 300 and 500", 300, qualifier="range", value_max=500)
    about = _qty("b", "about 400", 400, qualifier="about")
    assert compare_quantities(between, about, RATES) is None
    assert compare_quantities(about, between, RATES) is None
    assert compare_quantities(between, _qty("c", "450", 450), RATES) is None


def test_at_least_a_figure_is_no_conflict_with_a_larger_one() -> None:
    assert compare_quantities(_qty("a", "at least 300", 300, qualifier="at_least"), _qty("b", "1,000", 1000), RATES) is None


def test_figures_that_cannot_both_hold_are_named() -> None:
    assert compare_quantities(_qty("a", "1,000", 1000), _qty("b", "up to 400", 400, qualifier="up_to"), RATES) == "'1,000' against 'up to 400'"
    assert compare_quantities(_qty("a", "300", 300), _qty("b", "1,000", 1000), RATES) == "'300' against '1,000'"
    assert compare_quantities(_qty("a", "about 400", 400, qualifier="about"), _qty("b", "1,000", 1000), RATES) is not None


def test_a_count_and_a_sum_are_not_compared() -> None:
    assert compare_quantities(_qty("a", "400", 400), _qty("b", "$10 million", 1e7, unit="USD"), RATES) is None


def test_sums_in_two_currencies_are_compared_through_the_rates() -> None:
    assert RATES["USD"] == 1.0 and {"EUR", "JPY", "XOF", "RUB"} <= set(RATES)
    dollars = _qty("a", "$10 million", 1e7, unit="USD")
    euros = _qty("b", "2 million euros", 2e6, unit="EUR")
    assert compare_quantities(dollars, euros, RATES) == "'$10 million' against '2 million euros'"
    yen = _qty("c", "between 1 and 2 billion yen", 1e9, unit="JPY", qualifier="range", value_max=2e9)
    assert compare_quantities(dollars, yen, RATES) is None  # 8.5 to 17 million dollars
    assert compare_quantities(dollars, yen, {"USD": 1.0, "JPY": 1.0}) is not None  # unconverted, they differ


def test_a_currency_without_a_rate_is_not_compared() -> None:
    assert compare_quantities(_qty("a", "$10 million", 1e7, unit="USD"), _qty("b", "5 million zeds", 5e6, unit="ZED"), RATES) is None


def test_a_sum_per_month_against_a_sum_without_a_period_is_not_comparable() -> None:
    monthly = _qty("a", "$10 million a month", 1e7, unit="USD/month")
    total = _qty("b", "$10 million", 1e7, unit="USD")
    verdict = compare_quantities(monthly, total, RATES)
    assert verdict is not None
    assert "differ in period" in verdict and "is per month" in verdict and "cannot be compared" in verdict
    assert compare_quantities(total, monthly, RATES) is not None
    assert compare_quantities(monthly, _qty("c", "$10 million per month", 1e7, unit="USD/month"), RATES) is None


# 2. Origins and facts ---------------------------------------------------------------------------


def test_a_claims_origin_is_its_relay_then_its_source_then_the_outlet() -> None:
    assert claim_origin(_claim("c", "d1", name="Amadou Keita", kind="person", via=("Reuters",)), OUTLETS) == "Reuters"
    assert claim_origin(_claim("c", "d1", name="Amadou Keita", kind="person"), OUTLETS) == "Amadou Keita"
    assert claim_origin(_claim("c", "d1", name="Reuters", kind="media"), OUTLETS) == "Reuters"
    assert claim_origin(_claim("c", "d1", name="a leaked memo", kind="document"), OUTLETS) == "a leaked memo"
    assert claim_origin(_claim("c", "d2", name="Niamey Post", kind="outlet"), OUTLETS) == "Niamey Post"


def test_a_relay_naming_the_article_s_own_outlet_relays_nothing() -> None:
    # "Amadou Keita told the Sahel Daily", in the Sahel Daily: he spoke to the article itself
    assert claim_origin(_claim("c", "d1", name="Amadou Keita", kind="person", via=("the Sahel Daily",)), OUTLETS) == "Amadou Keita"
    assert claim_origin(_claim("c", "d2", name="Amadou Keita", kind="person", via=("the Sahel Daily",)), OUTLETS) == "the Sahel Daily"
    assert names_outlet("KBC Sport", "KBC News") and names_outlet("KBC", "www.kbc.co.ke")
    assert not names_outlet("Radio Horizon", "Radio Sahel") and not names_outlet("Reuters", "KBC News")
    assert not names_outlet("the Times of Kessa", "The Times") and not names_outlet("Sahel Daily Weekend", "Sahel Daily")


def test_an_unnamed_source_is_only_as_independent_as_the_article() -> None:
    assert claim_origin(_claim("c", "d2", name="officials", kind="anonymous"), OUTLETS) == "Niamey Post"
    claims = {"c1": _claim("c1", "d1", name="officials", kind="anonymous"), "c2": _claim("c2", "d1", name="Sahel Daily"),
              "c3": _claim("c3", "d2", name="residents", kind="anonymous")}
    events = [_event("e1", "d1", claims=("c1", "c2")), _event("e3", "d2", claims=("c3",))]
    (fact,) = build_facts([events], claims, OUTLETS, lambda group: "deployment")
    assert fact.independent_origins == ("Niamey Post", "Sahel Daily")


def test_a_statement_or_a_meeting_is_its_doer_s() -> None:
    """"The minister accused the rebels" and "she criticised the rebels" (no accuser named)
    are not known to be one accusation; two that name the same accuser are. Two meetings
    with no doer in common are one only at the same place with the same party."""
    def accusation(event_id: str, doc: str, actors: tuple[str, ...]) -> AnchoredEvent:
        return _event(event_id, doc, type="ACCUSATION", actors=actors, targets=("rebels",), place=None, point=None)
    assert _groups([accusation("e1", "d1", ()), accusation("e2", "d2", ())]) == {frozenset({"e1"}), frozenset({"e2"})}
    assert _groups([accusation("e1", "d1", ("kessa",)), accusation("e2", "d2", ("kessa",))]) == {frozenset({"e1", "e2"})}

    def meeting(event_id: str, doc: str, place: str | None) -> AnchoredEvent:
        return _event(event_id, doc, type="VISIT_MEETING", actors=(), targets=("ruvia",), place=place, point=None)
    assert _groups([meeting("e1", "d1", None), meeting("e2", "d2", None)]) == {frozenset({"e1"}), frozenset({"e2"})}
    assert _groups([meeting("e1", "d1", "gao"), meeting("e2", "d2", "gao")]) == {frozenset({"e1", "e2"})}


def test_an_article_restating_a_source_it_quotes_adds_no_origin() -> None:
    """"Police arrested Amadou Keita on Sunday. The Kessa Democratic Party said Mr Keita was
    arrested after a speech": the article's own sentence restates the party it quotes; a
    second article's own sentence is another origin."""
    claims = {"c1": _claim("c1", "d1"), "c2": _claim("c2", "d1", name="The Kessa Democratic Party", kind="organization"),
              "c3": _claim("c3", "d2", name="Niamey Post")}
    (fact,) = build_facts([[_event("e1", "d1", claims=("c1",)), _event("e2", "d1", claims=("c2",))]], claims, OUTLETS,
                          lambda group: "arrest")
    assert fact.independent_origins == ("The Kessa Democratic Party",)
    events = [_event("e1", "d1", claims=("c1",)), _event("e2", "d1", claims=("c2",)), _event("e3", "d2", claims=("c3",))]
    (fact,) = build_facts([events], claims, OUTLETS, lambda group: "arrest")
    assert fact.independent_origins == ("Niamey Post", "The Kessa Democratic Party")
    # how two parties stand, as the article sees it, is the article's own view
    told = [ToldClaim.of(claims["c1"]), ToldClaim.of(claims["c2"])]
    assert count_origins(told, claims, OUTLETS, load_agencies(), lambda a, b: False, own_view=True) == (
        "Sahel Daily", "The Kessa Democratic Party")


def test_one_speaker_under_two_names_is_shown_by_the_name_that_names_them() -> None:
    """"His office" (in capitals, opening a sentence) and "Kessa's interior minister", one
    entity: one origin, shown by the name that says who."""
    office = replace(_claim("c1", "d1", name="His office", kind="organization"), source_entity="ent_kessa")
    minister = replace(_claim("c2", "d2", name="Kessa's interior minister", kind="organization"), source_entity="ent_kessa")
    events = [_event("e1", "d1", claims=("c1",)), _event("e2", "d2", claims=("c2",))]
    (fact,) = build_facts([events], {"c1": office, "c2": minister}, OUTLETS, lambda group: "arrest")
    assert fact.independent_origins == ("Kessa's interior minister",)


def test_an_event_told_as_the_time_of_another_comes_from_the_article_not_the_speaker() -> None:
    """"Amadou Keita questioned the junta after the coup": Keita does not report the coup."""
    claims = {"c1": _claim("c1", "d1", name="Amadou Keita", kind="person"), "c2": _claim("c2", "d2", name="Niamey Post")}
    background = revised(_event("e1", "d1", type="COUP", claims=("c1",)), background=True)
    (fact,) = build_facts([[background, _event("e2", "d2", type="COUP", claims=("c2",))]], claims, OUTLETS, lambda group: "coup")
    assert fact.independent_origins == ("Niamey Post", "Sahel Daily")


def test_a_fact_holds_each_events_narrowest_claim() -> None:
    """"State radio reported 40 dead in Gao, and a local official put the toll at 20": the
    official's clause tells one event, the sentence around it another; neither stands for the
    other. A clause that tells the sentence's only event stands for it."""
    claims = {"c1": replace(_claim("c1", "d1", name="state radio", kind="media"), start=0, end=90),
              "c2": replace(_claim("c2", "d1", name="a local official", kind="person"), start=50, end=90),
              "c3": _claim("c3", "d2")}
    told_apart = [_event("e1", "d1", claims=("c1",)), _event("e2", "d1", claims=("c1", "c2")), _event("e3", "d2", claims=("c3",))]
    (fact,) = build_facts([told_apart], claims, OUTLETS, lambda group: "deployment")
    assert fact.claims == ("c1", "c2", "c3")
    (fact,) = build_facts([told_apart[1:]], claims, OUTLETS, lambda group: "deployment")
    assert fact.claims == ("c2", "c3")


def test_a_near_duplicate_counts_as_its_original() -> None:
    """`outlet_of` gives a near-duplicate its original's outlet (origins.index_documents)."""
    claims = {"c1": _claim("c1", "d1"), "c3": _claim("c3", "d3", name="Sahel Daily Mirror")}
    events = [_event("e1", "d1", claims=("c1",)), _event("e3", "d3", claims=("c3",))]
    (fact,) = build_facts([events], claims, OUTLETS, lambda group: "deployment")
    assert fact.independent_origins == ("Sahel Daily",)
    assert fact.status == "single_source"


def test_two_outlets_corroborate_and_one_relay_does_not() -> None:
    claims = {
        "c1": _claim("c1", "d1", name="officials", kind="anonymous"),
        "c2": _claim("c2", "d2", name="Amadou Keita", kind="person"),
        "c3": _claim("c3", "d1", name="Amadou Keita", kind="person", via=("Reuters",)),
        "c4": _claim("c4", "d2", name="a Ruvian commander", kind="anonymous", via=("reuters",)),
    }
    corroborated, relayed = build_facts(
        [[_event("e1", "d1", claims=("c1",)), _event("e2", "d2", claims=("c2",))],
         [_event("e3", "d1", claims=("c3",)), _event("e4", "d2", claims=("c4",))]],
        claims, OUTLETS, lambda group: f"{len(group)} reports")
    assert corroborated.independent_origins == ("Amadou Keita", "Sahel Daily")
    assert corroborated.status == "corroborated"
    assert (corroborated.claims, corroborated.events, corroborated.about) == (("c1", "c2"), ("e1", "e2"), "2 reports")
    assert len(relayed.independent_origins) == 1  # "Reuters" and "reuters" are one origin
    assert relayed.independent_origins[0].casefold() == "reuters"
    assert relayed.status == "single_source"


def test_an_event_asserted_and_denied_is_contested() -> None:
    claims = {"c1": _claim("c1", "d1"), "c2": _claim("c2", "d2", name="Ruvia", kind="organization", stance="deny")}
    reported = _event("e1", "d1", claims=("c1",))
    (fact,) = build_facts([[reported, _event("e2", "d2", status="denied", claims=("c2",))]], claims, OUTLETS, lambda group: "x")
    assert fact.status == "contested"
    assert fact.independent_origins == ("Sahel Daily",)  # the denial confirms nothing
    (alone,) = build_facts([[_event("e2", "d2", status="denied", claims=("c2",))]], claims, OUTLETS, lambda group: "x")
    assert alone.status == "single_source"  # a denial with nothing asserted against it


def test_a_hypothesis_confirms_nothing() -> None:
    claims = {"c1": _claim("c1", "d1"), "c2": _claim("c2", "d2", name="Ruvia", kind="organization")}
    told = [_event("e1", "d1", claims=("c1",)), _event("e2", "d2", status="conditional", claims=("c2",))]
    (fact,) = build_facts([told], claims, OUTLETS, lambda group: "x")
    # '"without the deal we would send troops"': the speaker tells what would be, not that it is
    assert fact.independent_origins == ("Sahel Daily",) and fact.status == "single_source"


def test_a_group_without_known_claims_is_no_fact_and_unknown_claims_are_left_out() -> None:
    claims = {"c1": _claim("c1", "d1")}
    facts = build_facts([[_event("e9", "d2", claims=("c9",))], [_event("e1", "d1", claims=("c1", "c9"))]], claims, OUTLETS, lambda g: "x")
    (fact,) = facts
    assert fact.claims == ("c1",)
    assert fact.id.startswith("fct_")
    (again,) = build_facts([[_event("e1", "d1", claims=("c1", "c9"))]], claims, OUTLETS, lambda g: "y")
    assert again.id == fact.id  # the id is the events'


AGENCIES = load_agencies()


def test_an_agency_named_in_a_source_or_relay_is_that_agency() -> None:
    assert AGENCIES.find("a 12 January report in Interfax military news") == "Interfax"
    assert AGENCIES.find("Agence France-Presse") == "AFP" and AGENCIES.find("the Associated Press") == "AP"
    assert AGENCIES.find("Sahel Daily") is None and AGENCIES.find("Reutersville Gazette") is None  # whole words only
    assert claim_origin(_claim("c", "d1", name="a Ruvian diplomat", kind="anonymous", via=("Reuters",)), OUTLETS, AGENCIES) == "Reuters"
    assert claim_origin(_claim("c", "d1", name="Reuters sources", kind="anonymous"), OUTLETS, AGENCIES) == "Reuters"
    assert claim_origin(_claim("c", "d1", name="Ruvia", kind="organization", via=("a report in Interfax military news",)),
                        OUTLETS, AGENCIES) == "Interfax"
    # "according to the article, an official said": the relay names no one, the article vouches.
    assert claim_origin(_claim("c", "d2", name="an official", kind="anonymous", via=("the article",)), OUTLETS, AGENCIES) == "Niamey Post"


def test_a_named_source_is_an_agency_only_under_the_agencys_whole_name() -> None:
    assert AGENCIES.exact("the Associated Press") == "AP" and AGENCIES.exact("AFP") == "AFP"
    assert claim_origin(_claim("c", "d1", name="Michael Bloomberg", kind="person"), OUTLETS, AGENCIES) == "Michael Bloomberg"
    assert claim_origin(_claim("c", "d1", name="a PTI spokesman", kind="person"), OUTLETS, AGENCIES) == "a PTI spokesman"
    assert claim_origin(_claim("c", "d1", name="Agence France-Presse", kind="media"), OUTLETS, AGENCIES) == "AFP"


def test_an_agencys_own_figure_is_not_credited_to_another_agency() -> None:
    outlets = {"d1": "AFP", "d2": "Niamey Post"}.get
    claims = {"c1": _claim("c1", "d1"), "c2": _claim("c2", "d2", name="a Ruvian commander", kind="anonymous", via=("Reuters",))}
    thousand = (1000.0, 1000.0)
    events = [_event("e1", "d1", claims=("c1",), size=1000, size_range=thousand),
              _event("e2", "d2", claims=("c2",), size=1000, size_range=thousand)]
    (fact,) = build_facts([events], claims, outlets, lambda group: "x", AGENCIES)
    assert fact.independent_origins == ("AFP", "Reuters")


def test_an_outlets_unsourced_figure_that_an_agency_gave_elsewhere_is_the_agencys() -> None:
    claims = {"c1": _claim("c1", "d1", name="unofficial sources", kind="anonymous"),
              "c2": _claim("c2", "d1"),  # the same article's other unsourced claim of the fact
              "c3": _claim("c3", "d2", name="a Ruvian commander", kind="anonymous", via=("Reuters",))}
    thousand = (1000.0, 1000.0)
    events = [_event("e1", "d1", claims=("c1",), size=1000, size_range=thousand), _event("e2", "d1", claims=("c2",)),
              _event("e3", "d2", claims=("c3",), size=1000, size_range=thousand)]
    (fact,) = build_facts([events], claims, OUTLETS, lambda group: "x", AGENCIES)
    assert fact.independent_origins == ("Reuters",)
    (own,) = build_facts([[events[1], events[2]]], claims, OUTLETS, lambda group: "x", AGENCIES)
    assert own.independent_origins == ("Reuters", "Sahel Daily")  # no figure in common: the outlet's own
    other = _event("e1", "d1", claims=("c1",), size=300, size_range=(300.0, 300.0))
    (apart,) = build_facts([[other, events[2]]], claims, OUTLETS, lambda group: "x", AGENCIES)
    assert apart.independent_origins == ("Reuters", "Sahel Daily")  # another figure
    named = {"c1": _claim("c1", "d1", name="Amadou Keita", kind="person"), "c3": claims["c3"]}
    (kept,) = build_facts([[events[0], events[2]]], named, OUTLETS, lambda group: "x", AGENCIES)
    assert kept.independent_origins == ("Amadou Keita", "Reuters")  # a named source is its own origin
    agencies = agencies_from({"Wire": ["Wire Service"]})
    assert agencies.find("the Wire Service said") == "Wire" and agencies_from({}).find("Reuters") is None


# 3. Which events report the same thing ----------------------------------------------------------


def test_two_reports_of_one_deployment_are_one_group() -> None:
    assert _groups([_event("e1", "d1", date="2021-05-03"), _event("e2", "d2", targets=("gao",))]) == {frozenset({"e1", "e2"})}


def test_far_apart_places_planned_and_happened_and_other_types_stay_apart() -> None:
    assert len(_groups([_event("e1", "d1"), _event("e2", "d2", place="bamako", point=BAMAKO)])) == 2
    assert len(_groups([_event("e1", "d1"), _event("e2", "d2", status="planned")])) == 2
    assert len(_groups([_event("e1", "d1"), _event("e2", "d2", type="WITHDRAWAL")])) == 2
    assert len(_groups([_event("e1", "d1", country="country:RV"), _event("e2", "d2", country="country:KS")])) == 2


def test_agreements_told_at_one_place_are_one_only_when_a_party_links_them() -> None:
    """An agreement is its parties': one a player reaches at a club and one another player has
    not, both "at the club", are two; two naming one party are one."""
    one_party = _event("e1", "d1", type="AGREEMENT", actors=("keita",))
    assert len(_groups([one_party, _event("e2", "d2", type="AGREEMENT", actors=())])) == 2
    assert _groups([one_party, _event("e2", "d2", type="AGREEMENT", actors=("keita",))]) == {frozenset({"e1", "e2"})}
    assert _groups([_event("e1", "d1", type="DEPLOY", actors=()), _event("e2", "d2", actors=())]) == {frozenset({"e1", "e2"})}


def test_an_accusation_told_without_its_accuser_is_not_gathered_with_one_told_with_it() -> None:
    named = _event("e1", "d1", type="ACCUSATION", actors=("ruvia",), targets=("kessa",), place=None, point=None)
    unnamed = _event("e2", "d2", type="ACCUSATION", actors=(), targets=("kessa",), place=None, point=None)
    assert len(_groups([named, unnamed])) == 2
    again = _event("e3", "d3", type="ACCUSATION", actors=("ruvia",), targets=("kessa",), place=None, point=None)
    assert _groups([named, again]) == {frozenset({"e1", "e3"})}


@pytest.mark.parametrize("kind", ["AGREEMENT", "DENIAL"])
def test_agreements_or_denials_of_different_kinds_by_one_party_are_two(kind: str) -> None:
    def agreement(event_id: str, doc: str, *kinds: str) -> AnchoredEvent:
        return revised(_event(event_id, doc, type=kind, actors=("kessa",), place=None, point=None), kind_words=kinds)

    assert len(_groups([agreement("e1", "d1", "pay"), agreement("e2", "d2", "suspend")])) == 2
    assert _groups([agreement("e1", "d1", "pay"), agreement("e2", "d2", "pay")]) == {frozenset({"e1", "e2"})}
    assert _groups([agreement("e1", "d1", "pay"), agreement("e2", "d2")]) == {frozenset({"e1", "e2"})}  # kind untold


def test_another_actors_deployment_is_another_fact_unless_the_counts_agree() -> None:
    assert len(_groups([_event("e1", "d1"), _event("e2", "d2", actors=("zorov",))])) == 2
    same_count = [_event("e1", "d1", size=1000, size_range=(1000, 1000)), _event("e2", "d2", actors=("zorov",), size=1000, size_range=(1000, 1000))]
    assert _groups(same_count) == {frozenset({"e1", "e2"})}


def test_one_attack_at_one_place_and_date_ascribed_to_two_actors_is_one_group() -> None:
    events = [_event("e1", "d1", type="ATTACK", date="2021-05-03"), _event("e2", "d2", type="ATTACK", actors=("zorov",), date="2021-05-03")]
    assert _groups(events) == {frozenset({"e1", "e2"})}
    events[1] = _event("e2", "d2", type="ATTACK", actors=("zorov",), date="2021-05-04")
    assert len(_groups(events)) == 2


def test_close_dates_for_the_same_parties_are_one_event_and_distant_ones_two() -> None:
    close = [_event("e1", "d1", targets=("kessa",), date="2021-05-03"), _event("e2", "d2", targets=("kessa",), date="2021-05-20")]
    assert _groups(close) == {frozenset({"e1", "e2"})}
    distant = [_event("e1", "d1", targets=("kessa",), date="2021-05-03"), _event("e2", "d2", targets=("kessa",), date="2021-08-20")]
    assert len(_groups(distant)) == 2


def test_a_chain_of_look_alikes_never_becomes_one_fact() -> None:
    """Complete linkage: "Ruvia at Gao" ~ "1,000 troops at Gao" ~ "Zorov at Gao", but Ruvia's is not Zorov's."""
    events = [_event("a", "d1"), _event("b", "d2", actors=(), size=1000, size_range=(1000, 1000)), _event("c", "d3", actors=("zorov",))]
    assert _groups(events) == {frozenset({"a", "b"}), frozenset({"c"})}


def _paid(quantity: StoredQuantity) -> Sum | None:
    return stated_sum(quantity.value, quantity.value_max, quantity.unit, RATES)


def test_sums_of_one_magnitude_link_payments_that_name_no_party() -> None:
    euros = _paid(_qty("q1", "more than 9 million euros", 9e6, unit="EUR", qualifier="more_than"))
    dollars = _paid(_qty("q2", "$10.8 million a month", 10.8e6, unit="USD/month"))
    assert dollars is not None and dollars[2] == "month" and euros is not None and euros[2] is None
    assert _paid(_qty("q3", "400", 400)) is None
    planned = _event("e1", "d1", type="PAYMENT", status="planned", actors=(), targets=("zorov",), place=None, point=None,
                     paid=euros)
    told = _event("e2", "d2", type="PAYMENT", actors=(), place=None, point=None, paid=dollars)
    assert _groups([planned, told]) == {frozenset({"e1", "e2"})}  # one sum told twice, planned or paid
    other_payer = revised(told, actors=frozenset({"ruvia"}))
    assert len(_groups([revised(planned, actors=frozenset({"kessa"})), other_payer])) == 2
    near = revised(told, id="e3", doc="d3", paid=dollars._replace(low=53e6, high=53e6))
    assert len(_groups([revised(told, paid=dollars._replace(low=54e6, high=54e6)), near])) == 2  # "$54m" and "$53m": two sums
    tenfold = _event("e2", "d2", type="PAYMENT", actors=(), place=None, point=None, paid=Sum(1.1e8, 1.1e8, None, "USD"))
    assert len(_groups([planned, tenfold])) == 2
    yearly = _event("e3", "d3", type="PAYMENT", actors=(), place=None, point=None, paid=dollars._replace(period="year"))
    assert len(_groups([told, yearly])) == 2  # a month's sum is not a year's
    to_zorov = revised(told, targets=frozenset({"zorov"}))
    twelve = revised(yearly, targets=frozenset({"zorov"}), paid=yearly.paid._replace(low=dollars.low * 12, high=dollars.high * 12))
    assert _groups([to_zorov, twelve]) == {frozenset({"e2", "e3"})}  # one sum, by the month and by the year
    nothing = revised(told, id="e4", doc="d4", paid=dollars._replace(low=0.0, high=0.0))
    assert len(_groups([revised(told, paid=dollars._replace(low=0.0, high=0.0)), nothing])) == 2  # "$0" tells no payment apart


def test_a_country_the_text_names_is_not_an_articles_other_country() -> None:
    in_ruvia = _event("e1", "d1", type="TRAINING", actors=(), targets=("kessa",), place=None, point=None, country="country:RV")
    at_home = _event("e2", "d2", type="TRAINING", actors=("zorov",), targets=("kessa",), place=None, point=None, setting="country:KS")
    assert len(_groups([in_ruvia, at_home])) == 2  # "trained in Ruvia" against an article about Kessa
    unplaced = _event("e2", "d2", type="TRAINING", actors=("zorov",), targets=("kessa",), place=None, point=None)
    assert _groups([in_ruvia, unplaced]) == {frozenset({"e1", "e2"})}


def test_a_coup_is_known_by_its_country() -> None:
    coups = [_event("e1", "d1", type="COUP", actors=(), place=None, point=None, country="country:KS"),
             _event("e2", "d2", type="COUP", actors=("zorov",), place=None, point=None, country="country:KS")]
    assert _groups(coups) == {frozenset({"e1", "e2"})}


def test_dates_agree_unless_they_differ_where_both_are_given() -> None:
    assert dates_agree("2020-08", "2020")
    assert dates_agree("2020-08-30", "XXXX-08-30")
    assert dates_agree(None, "2021-05-03")
    assert not dates_agree("2020-08", "2021-05")
    assert not dates_agree("2021-05-03", "2021-05-20")


def test_a_fact_is_described_by_type_parties_and_place() -> None:
    anchors = Anchors({}, {}, {"ruvia": "Ruvia", "kessa": "Kessa", "gao": "Gao"})
    assert describe([_event("e1", "d1", targets=("kessa",))], anchors, taxonomy=TAXONOMY) == "deployment by Ruvia involving Kessa at Gao"
    assert describe([_event("e1", "d1", type="OTHER/THREATEN", actors=(), place=None)], anchors, taxonomy=TAXONOMY) == "threaten"


# 4. Contradictions inside a fact and between a plan and a report ---------------------------------


def _find(facts: list[Fact], events: list[AnchoredEvent], quantities: list[StoredQuantity] = ()) -> list[Contradiction]:
    return contradictions(facts, events, quantities, rates=RATES, name_of=lambda a: NAMES.get(a, a))


def test_two_figures_for_one_fact_are_a_numeric_contradiction_with_a_scope_caveat() -> None:
    events = [_event("e1", "d1", quantity="q1"), _event("e2", "d2", quantity="q2")]
    (found,) = _find([_fact("f1", events)], events, [_qty("q1", "300", 300), _qty("q2", "1,000", 1000)])
    assert (found.type, found.a, found.b, found.fact) == ("numeric", "clm_e1", "clm_e2", "f1")
    assert found.explanation == ("Deployment by Ruvia at Gao: '300' against '1,000'; "
                                 "the sources may count different groups or moments.")
    assert found.id.startswith("ctr_")


def test_compatible_figures_and_figures_of_one_document_are_no_contradiction() -> None:
    events = [_event("e1", "d1", quantity="q1"), _event("e2", "d2", quantity="q2")]
    quantities = [_qty("q1", "between 300 and 500", 300, qualifier="range", value_max=500), _qty("q2", "about 400", 400, qualifier="about")]
    assert _find([_fact("f1", events)], events, quantities) == []
    same_doc = [_event("e1", "d1", quantity="q1"), _event("e2", "d1", quantity="q2")]
    assert _find([_fact("f1", same_doc)], same_doc, [_qty("q1", "300", 300), _qty("q2", "1,000", 1000)]) == []


def test_a_plan_against_a_report_says_the_difference_may_be_one_of_time() -> None:
    planned = _event("e1", "d1", status="planned", quantity="q1")
    reported = _event("e2", "d2", quantity="q2")
    facts = [_fact("f1", [planned]), _fact("f2", [reported])]
    quantities = [_qty("q1", "1,000", 1000), _qty("q2", "up to 400", 400, qualifier="up_to")]
    (found,) = _find(facts, [planned, reported], quantities)
    assert found.type == "numeric"
    assert {found.a, found.b} == {"clm_e1", "clm_e2"}
    assert "'1,000'" in found.explanation and "'up to 400'" in found.explanation
    assert found.explanation.endswith("one reports a plan and the other what happened, so the difference may be one of time.")
    assert contradictions_by_fact([found]) == {found.fact: [found.id]}


def test_a_plan_and_a_report_that_can_both_hold_are_no_contradiction() -> None:
    planned = _event("e1", "d1", status="planned", quantity="q1")
    reported = _event("e2", "d2", quantity="q2")
    quantities = [_qty("q1", "1,000", 1000), _qty("q2", "at least 300", 300, qualifier="at_least")]
    assert _find([_fact("f1", [planned]), _fact("f2", [reported])], [planned, reported], quantities) == []


def test_an_event_reported_and_denied_is_assert_vs_deny() -> None:
    events = [_event("e1", "d1"), _event("e2", "d2", status="denied")]
    (found,) = _find([_fact("f1", events)], events)
    assert found.type == "assert_vs_deny"
    assert found.explanation == "One source reports deployment by Ruvia at Gao, the other denies it."


def test_one_event_with_two_dates_is_a_date_conflict() -> None:
    events = [_event("e1", "d1", date="2021-05-03"), _event("e2", "d2", date="2021-05-20")]
    (found,) = _find([_fact("f1", events)], events)
    assert found.type == "date"
    assert found.explanation == "Deployment by Ruvia at Gao is dated 2021-05-03 by one source and 2021-05-20 by the other."


def test_each_conflict_of_a_fact_is_told_once() -> None:
    events = [_event("e1", "d1", quantity="q1"), _event("e2", "d2", quantity="q2"), _event("e3", "d3", quantity="q2")]
    found = _find([_fact("f1", events)], events, [_qty("q1", "300", 300), _qty("q2", "1,000", 1000)])
    assert [c.type for c in found] == ["numeric"]


# 5. End to end: small corpora built into a store ------------------------------------------------


def _build(folder: Path, build_tools, articles: list[tuple[str, str, str]]) -> list[dict]:
    """(outlet, title, text) articles as JSON records; the exported records after a build."""
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    start = len(list(corpus.iterdir()))
    for index, (outlet, title, text) in enumerate(articles, start=start):
        record = {"title": title, "outlet": outlet, "text": text}
        (corpus / f"article{index}.json").write_text(json.dumps(record), encoding="utf-8")
    with Store.open(folder / "kb.db") as store:
        build([corpus], store=store, options=BuildOptions(), tools=build_tools)
        return list(contract_records(store))


def _kind(records: list[dict], kind: str) -> list[dict]:
    return [r for r in records if r["kind"] == kind]


def _checked(records: list[dict]) -> tuple[list[dict], list[dict], dict[str, dict]]:
    """Facts, contradictions and claims by id, after checking that what they cite exists."""
    claims = {r["id"]: r for r in _kind(records, "claim")}
    facts, contradictions = _kind(records, "fact"), _kind(records, "contradiction")
    fact_ids = {f["id"] for f in facts}
    for fact in facts:
        assert fact["claims"] and set(fact["claims"]) <= set(claims), fact
        assert fact["independent_origins"] == sorted(set(fact["independent_origins"])), fact
        assert fact["status"] in ("corroborated", "single_source", "contested")
    for contradiction in contradictions:
        assert {contradiction["a"], contradiction["b"]} <= set(claims), contradiction
        assert contradiction["fact"] in fact_ids, contradiction
    return facts, contradictions, claims


def _fact_about(facts: list[dict], about: str) -> dict:
    (fact,) = [f for f in facts if f["about"] == about]
    return fact


def _texts(fact: dict, claims: dict[str, dict]) -> set[str]:
    return {claims[c]["text"] for c in fact["claims"]}


DEPLOYED = "Ruvia deployed troops to Gao on 3 May 2021, officials said."
DEPLOYED_TOO = "Ruvia deployed troops to Gao on 3 May 2021, Amadou Keita said."
ABOUT_GAO = "deployment by Ruvia involving Gao at Gao"


def test_two_outlets_reporting_one_deployment_make_a_corroborated_fact(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "Ruvia sends troops to Gao", DEPLOYED),
                                             ("Niamey Post", "Ruvian troops in Gao", DEPLOYED_TOO)])
    (fact,), contradictions, claims = _checked(records)
    assert fact["about"] == ABOUT_GAO
    assert _texts(fact, claims) == {DEPLOYED, DEPLOYED_TOO}
    assert fact["independent_origins"] == ["Amadou Keita", "Sahel Daily"]  # "officials": the outlet vouches
    assert fact["status"] == "corroborated"
    assert contradictions == []


def test_facts_are_resolved_again_when_a_build_adds_an_article(tmp_path: Path, build_tools) -> None:
    (fact,), _, _ = _checked(_build(tmp_path, build_tools, [("Sahel Daily", "Ruvia sends troops to Gao", DEPLOYED)]))
    assert (fact["status"], fact["independent_origins"]) == ("single_source", ["Sahel Daily"])
    (fact,), _, _ = _checked(_build(tmp_path, build_tools, [("Niamey Post", "Ruvian troops in Gao", DEPLOYED_TOO)]))
    assert (fact["status"], len(fact["claims"])) == ("corroborated", 2)


def test_two_articles_relaying_reuters_are_one_origin(tmp_path: Path, build_tools) -> None:
    first = "Amadou Keita told Reuters that Ruvia deployed troops to Gao."
    second = "A Ruvian commander told Reuters that Ruvia deployed troops to Gao."
    records = _build(tmp_path, build_tools, [("Sahel Daily", "Troops in Gao", first), ("Niamey Post", "Ruvian troops", second)])
    (fact,), contradictions, claims = _checked(records)
    assert _texts(fact, claims) == {first, second}
    assert all(claims[c]["via"] == ["Reuters"] for c in fact["claims"])
    assert fact["independent_origins"] == ["Reuters"]
    assert fact["status"] == "single_source"
    assert contradictions == []


NEWS = ("Ruvia deployed 300 troops to Gao on 3 May 2021. The soldiers travelled by road from Bamako and reached the town at night. "
        "Residents said the convoy counted more than forty trucks and several armoured vehicles. "
        "The governor of the region met the commanders on the following morning and asked them to protect the market.")


def test_a_near_duplicate_article_is_not_another_origin(tmp_path: Path, build_tools) -> None:
    copy = NEWS.replace("at night", "late at night")
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "Ruvian troops reach Gao", NEWS),
        ("Niamey Post", "Ruvian troops reach Gao", copy),
        ("Bamako Herald", "Troops for Gao", "Ruvia deployed 300 troops to Gao on 3 May 2021, Amadou Keita said."),
    ])
    documents = {d["outlet"]: d for d in _kind(records, "document")}
    assert documents["Niamey Post"]["duplicate_of"] == documents["Sahel Daily"]["id"]
    assert documents["Bamako Herald"]["duplicate_of"] is None
    facts, contradictions, claims = _checked(records)
    fact = _fact_about(facts, ABOUT_GAO)
    assert {claims[c]["doc"] for c in fact["claims"]} == {d["id"] for d in documents.values()}  # three articles
    assert fact["independent_origins"] == ["Amadou Keita", "Sahel Daily"]  # two origins
    assert fact["status"] == "corroborated"
    assert contradictions == []


def test_one_sentence_two_outlets_run_in_otherwise_different_articles_is_one_origin(tmp_path: Path, build_tools) -> None:
    # the same wire sentence, lightly reworded, in two articles that are no duplicates of each other
    wire = "Ruvia deployed 300 troops to Gao on 3 May 2021, officials of the regional council told reporters on Tuesday."
    reworded = "Ruvia deployed 300 troops to Gao on 3 May 2021, officials of the regional council told reporters Tuesday."
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "Ruvian troops reach Gao", wire + " The market in Bamako reopened after the holiday, traders said."),
        ("Niamey Post", "Troops for Gao", "The Niger river rose by a metre this week. " + reworded),
        ("Bamako Herald", "Gao", "Ruvia deployed 300 troops to Gao on 3 May 2021, Amadou Keita said."),
    ])
    documents = {d["outlet"]: d for d in _kind(records, "document")}
    assert documents["Niamey Post"]["duplicate_of"] is None
    facts, _, claims = _checked(records)
    fact = _fact_about(facts, ABOUT_GAO)
    assert len({claims[c]["doc"] for c in fact["claims"]}) == 3
    assert fact["independent_origins"] == ["Amadou Keita", "Sahel Daily"]  # the copy run twice is one origin


def test_a_planned_figure_against_a_reported_one_is_explained_as_time(tmp_path: Path, build_tools) -> None:
    plan = "Ruvia will deploy 1,000 soldiers to Gao, the Ruvian army said on Monday."
    report = "Ruvia has deployed up to 400 soldiers to Gao, local officials said."
    records = _build(tmp_path, build_tools, [("Sahel Daily", "Ruvia to send soldiers", plan), ("Niamey Post", "Ruvian soldiers in Gao", report)])
    facts, (contradiction,), claims = _checked(records)
    assert len(facts) == 2  # what is planned is not yet what happened
    assert {f["about"] for f in facts} == {ABOUT_GAO}
    assert contradiction["type"] == "numeric"
    assert {claims[contradiction["a"]]["text"], claims[contradiction["b"]]["text"]} == {plan, report}
    assert "'1,000' against '400'" in contradiction["explanation"]
    assert contradiction["explanation"].endswith("so the difference may be one of time.")
    statuses = {_texts(f, claims).pop(): f["status"] for f in facts}
    assert statuses[plan] == "contested"
    assert statuses[report] == "single_source"


def test_a_range_holding_an_approximate_figure_is_no_contradiction(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "Ruvia sends troops", "Ruvia deployed between 300 and 500 troops to Gao, officials said."),
        ("Niamey Post", "Ruvian troops", "Ruvia deployed about 400 troops to Gao, a local official said."),
    ])
    quantities = {q["text"]: q for q in _kind(records, "quantity")}
    assert (quantities["between 300 and 500"]["qualifier"], quantities["about 400"]["qualifier"]) == ("range", "about")
    (fact,), contradictions, _ = _checked(records)
    assert len(fact["claims"]) == 2
    assert fact["status"] == "corroborated"
    assert contradictions == []


def test_at_least_a_figure_is_no_contradiction_and_two_exact_ones_are(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path / "at_least", build_tools, [
        ("Sahel Daily", "Ruvia sends troops", "Ruvia deployed at least 300 troops to Gao, officials said."),
        ("Niamey Post", "Ruvian troops", "Ruvia deployed 1,000 troops to Gao, Amadou Keita said."),
    ])
    (fact,), contradictions, _ = _checked(records)
    assert (fact["status"], contradictions) == ("corroborated", [])
    records = _build(tmp_path / "exact", build_tools, [
        ("Sahel Daily", "Ruvia sends troops", "Ruvia deployed 300 troops to Gao, officials said."),
        ("Niamey Post", "Ruvian troops", "Ruvia deployed 1,000 troops to Gao, Amadou Keita said."),
    ])
    (fact,), (contradiction,), _ = _checked(records)
    assert fact["status"] == "contested"
    assert (contradiction["type"], contradiction["fact"]) == ("numeric", fact["id"])
    assert contradiction["explanation"] == ("Deployment by Ruvia involving Gao at Gao: '300' against '1,000'; "
                                            "the sources may count different groups or moments.")


def test_a_monthly_sum_against_a_sum_without_a_period_is_flagged_as_not_comparable(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "Payments", "Ruvia pays the Vantor Group $10 million per month, officials said."),
        ("Niamey Post", "Payments", "Ruvia paid $10 million to the Vantor Group, Amadou Keita said."),
    ])
    (fact,), (contradiction,), _ = _checked(records)
    assert fact["about"] == "payment by Ruvia involving Vantor Group"
    assert contradiction["type"] == "numeric"
    assert "differ in period ('$10 million per month' is per month, the other gives none)" in contradiction["explanation"]
    assert "cannot be compared as they stand" in contradiction["explanation"]


def test_sums_in_two_currencies_far_apart_are_a_numeric_contradiction(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "Payments", "Ruvia paid $10 million to the Vantor Group, officials said."),
        ("Niamey Post", "Payments", "Ruvia paid 2 million euros to the Vantor Group, Amadou Keita said."),
    ])
    units = {q["text"]: q["unit"] for q in _kind(records, "quantity")}
    assert units == {"$10 million": "USD", "2 million euros": "EUR"}
    (_fact,), (contradiction,), _ = _checked(records)
    assert contradiction["type"] == "numeric"
    assert "'2 million euros' against '$10 million'" in contradiction["explanation"]


def test_a_deployment_denied_by_its_actor_is_contested(tmp_path: Path, build_tools) -> None:
    denial = "Ruvia denied deploying troops to Gao."
    records = _build(tmp_path, build_tools, [("Sahel Daily", "Ruvia sends troops", DEPLOYED_TOO), ("Niamey Post", "Denial", denial)])
    facts, contradictions, claims = _checked(records)
    fact = _fact_about(facts, ABOUT_GAO)
    assert _texts(fact, claims) == {DEPLOYED_TOO, denial}
    assert fact["status"] == "contested"
    assert {claims[c]["stance"] for c in fact["claims"]} == {"assert", "deny"}
    assert [c["type"] for c in contradictions] == ["assert_vs_deny"]


def test_one_attack_ascribed_to_two_actors_is_two_facts_of_blame_in_conflict(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "Attack in Gao", "Ruvian soldiers attacked the market in Gao on 3 May 2021, residents said."),
        ("Niamey Post", "Attack in Gao", "Kessa rebels attacked the market in Gao on 3 May 2021, the army said."),
    ])
    facts, (contradiction,), _ = _checked(records)
    assert contradiction["type"] == "responsibility" and contradiction["slot"] == "responsible"
    assert sorted(contradiction["values"]) == ["Kessa", "Ruvian"]
    assert "according to the army" in contradiction["explanation"] and "according to residents" in contradiction["explanation"]
    # One incident: its accounts are told by its facts of blame, one per party held
    # responsible by each accuser, and the fact the contradiction is told of is contested.
    assert {f["about"] for f in facts} == {"the attack at Gao ascribed to Kessa by the army", "the attack at Gao ascribed to Ruvian by residents"}
    assert all(len(f["claims"]) == 1 for f in facts)
    assert [f["id"] for f in facts if f["status"] == "contested"] == [contradiction["fact"]]


def test_one_deployment_dated_two_weeks_apart_is_a_date_conflict(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "Deployment", "Ruvia deployed troops to Gao on 3 May 2021, Amadou Keita said."),
        ("Niamey Post", "Deployment", "Ruvia deployed troops to Gao on 20 May 2021, local officials said."),
    ])
    (fact,), (contradiction,), _ = _checked(records)
    assert fact["status"] == "contested"
    assert contradiction["type"] == "date"
    assert "2021-05-03" in contradiction["explanation"] and "2021-05-20" in contradiction["explanation"]


def test_deployments_to_two_towns_are_two_facts(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "Deployment", DEPLOYED),
        ("Niamey Post", "Deployment", "Ruvia deployed troops to Bamako on 3 May 2021, Amadou Keita said."),
    ])
    facts, contradictions, _ = _checked(records)
    assert {f["about"] for f in facts} == {ABOUT_GAO, "deployment by Ruvia involving Bamako at Bamako"}
    assert all(f["status"] == "single_source" for f in facts)
    assert contradictions == []


def test_a_country_and_its_army_are_one_party_of_a_fact(tmp_path: Path, build_tools) -> None:
    """With the gazetteer, "Mali" and "the Malian army" stay two entities but anchor one fact."""
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "Deployment", "Mali deployed troops to Kidal on 3 May 2021, officials said."),
        ("Niamey Post", "Deployment", "The Malian army deployed troops to Kidal on 3 May 2021, Amadou Keita said."),
    ])
    entities = {e["name"]: e for e in _kind(records, "entity")}
    assert {"Mali", "Malian army"} <= set(entities)
    assert entities["Mali"]["place"]["country"] == "ML"
    (fact,), contradictions, _ = _checked(records)
    assert len(fact["claims"]) == 2
    assert fact["status"] == "corroborated"
    assert contradictions == []


def test_a_capital_acting_is_its_state_and_a_capital_reached_is_a_place(tmp_path: Path, build_tools) -> None:
    asked = "Bamako asked Ruvia for military help on 3 May 2021, officials said."
    asked_too = "Mali asked Ruvia for military help on 3 May 2021, the defence minister Amadou Keita said in a statement."
    records = _build(tmp_path / "asked", build_tools, [("Sahel Daily", "Help", asked), ("Niamey Post", "Help", asked_too)])
    (fact,), contradictions, claims = _checked(records)
    assert _texts(fact, claims) == {asked, asked_too}
    assert (fact["status"], contradictions) == ("corroborated", [])
    records = _build(tmp_path / "sent", build_tools, [
        ("Sahel Daily", "Deployment", "Ruvia deployed troops to Bamako on 3 May 2021, officials said."),
        ("Niamey Post", "Deployment", "Ruvia deployed troops to Gao on 3 May 2021, Amadou Keita said."),
    ])
    facts, _, _ = _checked(records)
    assert len(facts) == 2  # troops sent to a capital are not sent to its whole country


# 6. The CLI -------------------------------------------------------------------------------------


PLAN = "Ruvia will deploy 1,000 soldiers to Gao, the Ruvian army said on Monday."
REPORT = "Ruvia has deployed up to 400 soldiers to Gao, local officials said."
PAID = "Ruvia paid $10 million to the Vantor Group, officials said."
PAID_TOO = "Ruvia paid $10 million to the Vantor Group, Amadou Keita said."


@pytest.fixture(scope="module")
def kb(tmp_path_factory, build_tools) -> Path:
    folder = tmp_path_factory.mktemp("cross_source")
    _build(folder, build_tools, [
        ("Sahel Daily", "Ruvia to send soldiers", PLAN),
        ("Niamey Post", "Ruvian soldiers in Gao", REPORT),
        ("Sahel Daily", "Payments", PAID),
        ("Niamey Post", "Payments", PAID_TOO),
    ])
    return folder / "kb.db"


def _run(claimgraph_cli: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*claimgraph_cli, *args], capture_output=True, text=True, timeout=120, check=False)


def test_cli_facts_lists_origins_and_sentences(kb: Path, claimgraph_cli: list[str]) -> None:
    result = _run(claimgraph_cli, "facts", "--db", str(kb))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("[corroborated] payment by Ruvia involving Vantor Group  "
                        "(2 independent origins: Amadou Keita; Sahel Daily)")
    assert set(lines[1:]) == {f"    Sahel Daily | officials: {PAID}", f"    Niamey Post | Amadou Keita: {PAID_TOO}"}
    assert "1 facts" in result.stderr  # facts of one claim are left out by default
    everything = _run(claimgraph_cli, "facts", "--db", str(kb), "--min-claims", "1", "--status", "contested")
    assert everything.returncode == 0, everything.stderr
    assert everything.stdout.splitlines() == [
        f"[contested] {ABOUT_GAO}  (1 independent origins: the Ruvian army)",
        f"    Sahel Daily | the Ruvian army: {PLAN}",
    ]


def test_cli_contradictions_prints_the_sentences_side_by_side(kb: Path, claimgraph_cli: list[str]) -> None:
    result = _run(claimgraph_cli, "contradictions", "--db", str(kb))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"[numeric] {ABOUT_GAO[0].upper()}{ABOUT_GAO[1:]}: '1,000' against '400'")
    assert lines[0].endswith("the difference may be one of time.")
    assert lines[1] == f"    A Sahel Daily | the Ruvian army: {PLAN}"
    assert lines[2] == f"    B Niamey Post | local officials: {REPORT}"
    assert "1 contradictions" in result.stderr
    other = _run(claimgraph_cli, "contradictions", "--db", str(kb), "--type", "date")
    assert (other.returncode, other.stdout) == (0, "")
    assert "0 contradictions" in other.stderr


# Review fixes ------------------------------------------------------------------------------------


def test_sums_by_different_periods_are_compared_per_year() -> None:
    monthly = figure("q1", "$2 million a month", 2_000_000, None, "USD/month", "exact")
    yearly = figure("q2", "$24 million a year", 24_000_000, None, "USD/year", "exact")
    larger = figure("q3", "$60 million a year", 60_000_000, None, "USD/year", "exact")
    assert compare_quantities(monthly, yearly, load_rates()) is None
    assert compare_quantities(monthly, larger, load_rates()) is not None


def test_a_claim_that_it_did_not_happen_is_no_corroboration() -> None:
    claims = {"c1": _claim("c1", "d1"), "c2": _claim("c2", "d2", name="Niger Post", kind="outlet")}
    (fact,) = build_facts([[_event("e1", "d1", claims=("c1",)), _event("e2", "d2", status="negated", claims=("c2",))]],
                          claims, OUTLETS, lambda group: "x")
    assert fact.status == "single_source"
    assert len(fact.independent_origins) == 1


def test_an_event_in_a_sentence_without_a_claim_does_not_break_the_build(tmp_path: Path, build_tools) -> None:
    """A verbless sentence ("Ruvia's deployment of 1,000 troops to Gao.") carries an event but
    no claim; planned and reported figures are still compared without it."""
    records = _build(tmp_path, build_tools, [
        ("first.txt", "Deployment to Gao", "Ruvia's deployment of 1,000 troops to Gao. Ruvia deployed 1,000 troops to Gao, the ministry said."),
        ("second.txt", "Plans for Gao", "Ruvia will deploy 400 troops to Gao, officials said."),
    ])
    assert any(r["kind"] == "event" and r["type"] == "DEPLOY" for r in records)


def test_a_facts_claims_hold_one_statement_once() -> None:
    # "Doctors and nurses told reporters ...": two speakers of one sentence make one statement;
    # and a clause's sentence around it is not a second claim.
    def claim(claim_id: str, start: int, end: int) -> StoredClaim:
        return replace(stored_claim(claim_id, "d1", "doctors", "anonymous"), start=start, end=end)

    claims = {c.id: c for c in (claim("c1", 0, 80), claim("c2", 0, 80), claim("c3", 0, 200), claim("c4", 300, 380))}
    assert narrowest_claims(["c1", "c2", "c3", "c4"], claims) == ("c1", "c4")


def test_a_source_named_by_a_name_the_corpus_knows_rests_on_that_entity() -> None:
    """Where the tagger missed "Bamako" as the subject of "said" in one article but tagged it
    in others, the source is still that entity; a name two entities share, or a description,
    stays unresolved."""
    entities = [StoredEntity("ent_bamako", "Bamako", "GPE", ("Bamako", "the Malian capital"), ()),
                StoredEntity("ent_gao_town", "Gao", "GPE", ("Gao",), ()), StoredEntity("ent_gao_man", "Gao", "PERSON", ("Gao",), ())]
    claims = {c.id: c for c in (stored_claim("c1", "d1", "Bamako", "organization"), stored_claim("c2", "d1", "Gao", "person"),
                                stored_claim("c3", "d2", "the Malian capital", "organization"),
                                stored_claim("c4", "d2", "Bamako", "outlet"))}
    found = named_sources(claims, entities)
    # a description the entity was also called is no name of it
    assert {c: found[c].source_entity for c in claims} == {"c1": "ent_bamako", "c2": None, "c3": None, "c4": None}


def test_a_source_citing_another_relays_it_and_one_quoted_by_another_does_not() -> None:
    def claim(id: str, text: str) -> StoredClaim:
        return replace(stored_claim(id, "d1", "the Ruvian health ministry", "organization", "ent_ministry"), text=text,
                       entities=("ent_ministry", "ent_red_cross", "ent_gao"))
    names = {"ent_ministry": "Ruvian health ministry", "ent_red_cross": "Kessa Red Cross", "ent_gao": "Gao"}
    bodies = {"ent_ministry", "ent_red_cross"}
    citing = claim("c1", "The Ruvian health ministry, citing the Kessa Red Cross, said 120 people died in Gao.")
    quoted = claim("c2", "The Ruvian health ministry, quoted by the Kessa Red Cross, said 120 people died in Gao.")
    place = claim("c3", "The Ruvian health ministry, relying on its office in Gao, said 120 people died.")
    assert citations([citing], names, bodies.__contains__) == {"ent_ministry": frozenset({"ent_red_cross"})}
    assert citations([quoted], names, bodies.__contains__) == {}
    assert citations([place], names, bodies.__contains__) == {}  # a place is cited by no one
