"""Accounts of one incident compared, inside one article and across: tolls, who is held
responsible, denials (resolve/accounts.py, resolve/comparators/). Each test builds its own
articles through the whole pipeline; the sentences are invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.export.contract import contract_records
from claimgraph.pipeline import BuildOptions, build
from claimgraph.resolve.accounts import Account, Incident, incidents, sides
from claimgraph.resolve.anchors import AnchoredEvent, entity_anchors
from claimgraph.resolve.comparators.responsibility import blames_against
from claimgraph.store import Store

from .conftest import TAXONOMY, anchored_event, stored_claim

BLAST = "A bomb exploded in the central market of Tessalit on 3 May 2024."
ROCKET = "A rocket hit the hospital in Tessalit on 3 May 2024, killing 30 people."


def _build(folder: Path, build_tools, articles: list[tuple[str, str, str]]) -> list[dict]:
    """(outlet, publication day, text) articles; the exported records after a build."""
    corpus = folder / "corpus"
    corpus.mkdir(parents=True)
    for index, (outlet, published, text) in enumerate(articles):
        record = {"title": f"Report {index}", "outlet": outlet, "published": published, "text": text}
        (corpus / f"article{index}.json").write_text(json.dumps(record), encoding="utf-8")
    with Store.open(folder / "kb.db") as store:
        build([corpus], store=store, options=BuildOptions(), tools=build_tools)
        return list(contract_records(store))


def _contradictions(records: list[dict]) -> list[tuple[dict, str, str]]:
    """Each contradiction with the texts of its two sides."""
    claims = {r["id"]: r["text"] for r in records if r["kind"] == "claim"}
    return [(r, claims[r["a"]], claims[r["b"]]) for r in records if r["kind"] == "contradiction"]


def test_two_tolls_in_one_article_conflict_with_their_slot_values_and_caveat(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{BLAST} The Ruvian health ministry said 120 people were killed in the explosion. "
        "The Kessa Red Cross put the number of dead at about 40."))])
    ((found, a, b),) = _contradictions(records)
    assert (found["type"], found["slot"], sorted(found["values"])) == ("numeric", "killed", ["120", "about 40"])
    assert {a, b} == {"The Ruvian health ministry said 120 people were killed in the explosion.",
                      "The Kessa Red Cross put the number of dead at about 40."}
    assert found["caveat"] == "one figure is approximate or a bound; both in one article"
    assert found["strength"] == 0.8  # a rounded figure may explain part of it


def test_one_speaker_giving_two_tolls_days_apart_is_a_revision(tmp_path: Path, build_tools) -> None:
    told = "The Ruvian health ministry said {} people were killed when a bomb exploded in the market of Tessalit on 3 May 2024."
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04", told.format(120)),
                                             ("Niger Post", "2024-05-09", told.format(75))])
    ((found, _, _),) = _contradictions(records)
    assert (found["slot"], sorted(found["values"])) == ("killed", ["120", "75"])
    assert found["caveat"] == "told 5 days apart: the later may revise the earlier"
    assert found["strength"] == 0.7


def test_two_outlets_giving_one_toll_are_one_fact_and_no_contradiction(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", "Police said 120 people were killed when a bomb exploded in the market of Tessalit on 3 May 2024."),
        ("Niger Post", "2024-05-04", ("At least 120 people were killed when a bomb exploded in the market of Tessalit on Friday, "
                                     "the Kessa Red Cross said.")),
    ])
    assert _contradictions(records) == []
    (toll,) = [f for f in records if f["kind"] == "fact" and "120 killed" in f["about"]]
    assert len(toll["claims"]) == 2 and toll["status"] == "corroborated"


def test_five_tolls_in_one_article_show_each_claim_in_one_conflict_at_most(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{BLAST} The police said 12 people were killed. Doctors said 40 people were killed. "
        "The governor said 75 people were killed. A rights group said 150 people were killed. "
        "The opposition said 300 people were killed."))])
    found = _contradictions(records)
    sides = [side for _, a, b in found for side in (a, b)]
    assert len(found) == 2 and len(sides) == len(set(sides))  # not the ten pairs of five figures


def test_two_parties_blamed_in_one_article_conflict_on_responsibility(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        f"{ROCKET} The Ruvian army said Kessa rebels fired the rocket. The rebels blamed a Ruvian air strike for the blast.")])
    ((found, a, b),) = _contradictions(records)
    assert (found["type"], found["slot"], sorted(found["values"])) == ("responsibility", "responsible", ["Kessa", "Ruvian"])
    assert {a, b} == {"The Ruvian army said Kessa rebels fired the rocket.", "The rebels blamed a Ruvian air strike for the blast."}
    facts = {f["id"]: f for f in records if f["kind"] == "fact"}
    assert facts[found["fact"]]["status"] == "contested"


def test_an_article_restating_both_positions_tells_one_disagreement_on_responsibility(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04", (
        f"{ROCKET} The Ruvian army said Kessa rebels fired the rocket. The rebels blamed a Ruvian air strike for the blast. "
        "A Ruvian general said on Friday that Kessa rebels had fired the rocket. "
        "A rebel commander said again that a Ruvian air strike hit the hospital."))])
    found = [(a, b) for r, a, b in _contradictions(records) if r["type"] == "responsibility"]
    assert found == [("The Ruvian army said Kessa rebels fired the rocket.", "The rebels blamed a Ruvian air strike for the blast.")]
    # a restatement left out leaves its claims free: a third side is still set against one
    records = _build(tmp_path / "third", build_tools, [("Sahel Daily", "2024-05-04", (
        f"{ROCKET} The Ruvian army said Kessa rebels fired the rocket. The rebels blamed a Ruvian air strike for the blast. "
        "A Ruvian general said on Friday that Kessa rebels had fired the rocket. "
        "A rebel commander said again that a Ruvian air strike hit the hospital. "
        "Local officials said a Zorov militia fired the rocket."))])
    assert len([r for r, _a, _b in _contradictions(records) if r["type"] == "responsibility" and "Zorov" in r["explanation"]]) == 1


def test_two_articles_telling_one_disagreement_on_responsibility_show_it_once(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", (f"{ROCKET} The Ruvian army said Kessa rebels fired the rocket. "
                                       "The rebels blamed a Ruvian air strike for the blast.")),
        ("Niger Post", "2024-05-05", (f"{ROCKET} Kessa rebels fired the rocket, a Ruvian general said on Saturday. "
                                      "A rebel commander blamed a Ruvian air strike for the deaths.")),
    ])
    found = [(r, a, b) for r, a, b in _contradictions(records) if r["type"] == "responsibility"]
    # the earlier article tells it; the later one restates the same two positions
    assert [(a, b) for _r, a, b in found] == [("The Ruvian army said Kessa rebels fired the rocket.",
                                               "The rebels blamed a Ruvian air strike for the blast.")]


def test_a_disagreement_told_in_several_articles_is_shown_by_one_that_tells_both_sides(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", f"{ROCKET} The Ruvian army said Kessa rebels fired the rocket."),
        ("Radio Horizon", "2024-05-05", f"{ROCKET} The Kessa rebels denied any involvement in the attack."),
        ("Niger Post", "2024-05-06", (f"{ROCKET} A Ruvian general said Kessa rebels had fired the rocket. "
                                      "The Kessa rebels again denied any role in the attack.")),
    ])
    found = [(a, b) for r, a, b in _contradictions(records) if r["type"] == "assert_vs_deny"]
    # the later article sets the two sides against each other; the earlier two each tell one
    assert found == [("A Ruvian general said Kessa rebels had fired the rocket.", "The Kessa rebels again denied any role in the attack.")]


@pytest.mark.parametrize("denial", ["The Kessa rebels denied firing the rocket at the hospital.",
                                    "The Kessa rebels denied that their fighters fired the rocket at the hospital."])
def test_a_party_denying_its_doing_disputes_no_account_of_the_deed_alone(tmp_path: Path, build_tools, denial: str) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", f"{ROCKET} The Ruvian army said Kessa rebels fired the rocket at the hospital."),
        ("Radio Horizon", "2024-05-04", f"{ROCKET} {denial}"),
    ])
    # the denial answers the army's blame; "a rocket hit the hospital", naming no one, it does not dispute
    assert [(r["values"], a, b) for r, a, b in _contradictions(records)] == [
        (["Kessa is responsible", "denied"], "The Ruvian army said Kessa rebels fired the rocket at the hospital.", denial)]


def test_a_denial_two_comparators_find_says_who_is_blamed(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", "Ruvian officials said Kessa rebels attacked the hospital in Tessalit on 3 May 2024."),
        ("Radio Horizon", "2024-05-05", "Kessa denied that its fighters attacked the hospital in Tessalit."),
    ])
    # one event asserted and denied, and one party blamed and denying it: the second says more
    ((found, _a, _b),) = _contradictions(records)
    assert (found["slot"], found["values"]) == ("responsible", ["Kessa is responsible", "denied"])


def test_a_statement_told_on_two_days_was_made_twice_a_deed_once(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Radio Horizon", "2024-05-05", f"{ROCKET} The Kessa rebels denied any involvement in the attack on Saturday."),
        ("Niger Post", "2024-05-07", f"{ROCKET} The Kessa rebels again denied any role in the attack on Monday."),
        ("Sahel Daily", "2024-05-05", "Ruvian jets bombed a depot near Gao on Saturday, the army said."),
        ("Kessa Post", "2024-05-07", "Ruvian jets bombed a depot near Gao on Monday, villagers said."),
    ])
    assert [(r["type"], sorted((a, b))) for r, a, b in _contradictions(records)] == [
        ("date", ["Ruvian jets bombed a depot near Gao on Monday, villagers said.",
                  "Ruvian jets bombed a depot near Gao on Saturday, the army said."])]


def test_a_party_denying_what_it_is_blamed_for_is_assert_vs_deny(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        f"{ROCKET} The Ruvian army said Kessa rebels fired the rocket. The Kessa rebels denied any involvement in the attack.")])
    ((found, _a, b),) = _contradictions(records)
    assert (found["type"], found["values"]) == ("assert_vs_deny", ["Kessa is responsible", "denied"])
    assert b == "The Kessa rebels denied any involvement in the attack."


def test_a_denial_pointing_back_denies_the_claim_before_it(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        f"{BLAST} The Ruvian health ministry said 120 people were killed. The Kessa government disputes this figure.")])
    ((found, a, b),) = _contradictions(records)
    assert (found["type"], found["slot"]) == ("assert_vs_deny", "statement")
    assert (a, b) == ("The Ruvian health ministry said 120 people were killed.", "The Kessa government disputes this figure.")


def test_two_denials_pointing_back_at_two_statements_are_two_disagreements(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{BLAST} The Ruvian health ministry said 120 people were killed in the explosion. The Kessa government disputes "
         "this figure. Ruvian police said 30 people were killed in the explosion. Kessa officials dispute this account."))])
    # both are "asserted" against "denied" of one incident: values that take a stance tell no
    # disagreement apart, the claims do
    assert sorted((a, b) for r, a, b in _contradictions(records) if r["slot"] == "statement") == [
        ("Ruvian police said 30 people were killed in the explosion.", "Kessa officials dispute this account."),
        ("The Ruvian health ministry said 120 people were killed in the explosion.", "The Kessa government disputes this figure.")]


def test_a_toll_of_another_attack_told_in_passing_is_not_compared(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        ("Gunmen attacked the central market of Tessalit on 3 May 2024. The Ruvian health ministry said 12 people were killed "
        "in the attack. In March 2023, an attack on a convoy near Kidal killed 90 soldiers."))])
    assert _contradictions(records) == []


def test_an_outlets_own_two_figures_are_no_contradiction(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        f"{BLAST} Twelve people were killed in the explosion. Since January, 140 people have been killed in the region.")])
    assert _contradictions(records) == []  # the outlet counts two things; no source disputes either


def test_articles_naming_one_town_without_dates_are_not_one_incident(tmp_path: Path, build_tools) -> None:
    """Without a date of their own or of publication, two articles are one incident only where
    they place their violence at one place: both merely naming a town is not enough."""
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "", "Police in Tessalit said 12 people were killed in a fire at a warehouse in Tessalit."),
        ("Niger Post", "", ("Singers from Tessalit and Tessalit's mayor came to Kidal. Doctors in Kidal said 40 people were killed "
                           "when a stage collapsed in Kidal.")),
    ])
    assert _contradictions(records) == []


def test_a_group_smaller_than_all_the_dead_is_no_conflict(tmp_path: Path, build_tools) -> None:
    """"12 soldiers" among "about 40 people killed" count different people; "60 soldiers"
    against "40 people killed" cannot both hold."""
    among = _build(tmp_path / "among", build_tools, [("Sahel Daily", "2024-05-04",
        (f"{BLAST} The army said 12 soldiers were killed in the explosion. Doctors said 40 people were killed."))])
    assert _contradictions(among) == []
    more = _build(tmp_path / "more", build_tools, [("Sahel Daily", "2024-05-04",
        (f"{BLAST} The army said 60 soldiers were killed in the explosion. Doctors said 40 people were killed."))])
    ((found, _, _),) = _contradictions(more)
    assert sorted(found["values"]) == ["40", "60"]


def test_tolls_of_different_parts_are_not_set_against_each_other(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{BLAST} The Ruvian health ministry said 12 people from France were killed in the explosion. "
         "The Kessa Red Cross said 30 people from Spain were killed in the explosion."))])
    assert sorted(q["scope"] for q in records if q["kind"] == "quantity" and q.get("slot") == "killed") == ["from France", "from Spain"]
    assert _contradictions(records) == []


_MINISTRY_TOLL = "The Ruvian health ministry said 120 people were killed in the explosion."


@pytest.mark.parametrize(("first", "second", "caveat", "strength"), [
    # a part: one counts only the district
    (_MINISTRY_TOLL, "The Kessa Red Cross said 40 people were confirmed dead in the district.",
     "one figure counts only 'in the district'; both in one article", 0.7),
    # time: one is told as an earlier figure
    (_MINISTRY_TOLL, "The Kessa Red Cross had previously put the number of dead at 40.",
     "one side is told as earlier or revised: time may explain it; both in one article", 0.7),
    # an aside of earlier times is no revision
    ("Amadou Keita, a surgeon originally from Gao, said 120 people were killed in the explosion.",
     "The Kessa Red Cross put the number of dead at 40.", "both in one article", 1.0),
])
def test_a_caveat_says_what_may_explain_two_tolls(tmp_path: Path, build_tools, first: str, second: str, caveat: str,
                                                   strength: float) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04", f"{BLAST} {first} {second}")])
    ((found, _, _),) = _contradictions(records)
    assert sorted(found["values"]) == ["120", "40"]
    assert (found["caveat"], found["strength"]) == (caveat, strength)


def test_a_count_of_other_people_is_not_set_against_the_whole(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{ROCKET} The governor said 12 people were missing after the attack. "
         "Rescuers said three other villagers were unaccounted for after the attack."))])
    assert [q["scope"] for q in records if q["kind"] == "quantity" and q["text"] == "three"] == ["other"]
    assert [r for r, _a, _b in _contradictions(records) if r["slot"] == "missing"] == []


def test_a_toll_told_of_the_rest_elsewhere_is_not_set_against_the_main_one(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{BLAST} The Ruvian health ministry said 120 people were killed in the explosion. "
         "Villagers said 25 more died elsewhere along the river."))])
    assert [q["scope"] for q in records if q["kind"] == "quantity" and q["text"] == "25"] == ["elsewhere"]
    assert _contradictions(records) == []



def test_a_facility_and_the_town_it_lies_in_are_one_scene() -> None:
    # One article places the strike at a hospital, the other at the town the gazetteer places
    # the hospital at: no name in common, one place, one incident. Two facilities of one
    # town are not one place.
    sites = {"ent_hospital": ("geonames:gao", True), "ent_gao": ("geonames:gao", False), "ent_clinic": ("geonames:gao", True)}

    def strike(doc: str, place: str) -> AnchoredEvent:
        return anchored_event(id=f"{doc}-strike", doc=doc, type="ATTACK", status="happened", claims=(f"{doc}-claim",),
                              place=place, location_basis="clause", date="2024-05-03", date_basis="sentence")

    def joined(*events: AnchoredEvent) -> list[set[str]]:
        claims = {e.claims[0]: stored_claim(e.claims[0], e.doc, "the outlet", "outlet") for e in events}
        told = incidents(events, claims, {}, entity_anchors([], None), lambda doc: (None, None), taxonomy=TAXONOMY,
                         outlet_of=lambda doc: doc, settings={}, site_of=sites.get)
        return [{account.doc for account in incident.accounts} for incident in told]

    hospital = strike("d1", "ent_hospital")
    assert joined(hospital, strike("d2", "ent_gao")) == [{"d1", "d2"}]
    assert joined(hospital, strike("d2", "ent_clinic")) == [{"d1"}, {"d2"}]


def test_one_state_blamed_under_two_names_is_one_side_across_articles() -> None:
    # The article that sets Mali against Niger tells the conflict; another article blaming
    # "Niger's army and Niger" adds no second pair of the same two sides.
    def blaming(claim_id: str, doc: str, *blamed: str) -> Account:
        return Account(claim=stored_claim(claim_id, doc, "officials", "anonymous"), tellers=frozenset(), teller_name="officials",
                       speaker=None, published=None, denies=False, events=(), figures=(), blamed=frozenset(blamed), date=None)

    niger, mali = blaming("c1", "d1", "country:NE"), blaming("c2", "d1", "country:ML")
    army = blaming("c3", "d2", "ent_niger_army", "country:NE")
    pairs = blames_against(Incident("inc", (niger, mali, army)))
    assert [(a.id, b.id) for a, b in pairs] == [("c1", "c2")]


def test_a_denial_a_claim_ends_with_denies_that_claim(tmp_path: Path, build_tools) -> None:
    told = "The Ruvian army said Kessa rebels had fired the rocket from a school, which the rebels have denied."
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04", f"{ROCKET} {told}")])
    ((found, a, b),) = [(c, a, b) for c, a, b in _contradictions(records) if c["slot"] == "statement"]
    assert found["type"] == "assert_vs_deny" and (a, b) == (told, "which the rebels have denied")


def test_parties_blamed_with_more_names_are_on_the_side_of_the_fewer() -> None:
    state, forces_and_state = frozenset({"country:RV"}), frozenset({"ent_ruvian_forces", "country:RV"})
    group_and_state = frozenset({"ent_zorov_group", "country:KS"})
    militia_and_state = frozenset({"ent_vantor_militia", "country:KS"})
    side = sides([forces_and_state, state, group_and_state, militia_and_state])
    assert side[forces_and_state] == side[state] == state  # one ascription: Ruvia
    assert side[group_and_state] != side[militia_and_state]  # two groups of one country are not one party


def test_one_state_denying_under_its_name_and_its_capital_is_one_denial(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", f"{ROCKET} Rebels accused Mali of firing the rocket. Mali denied firing the rocket."),
        ("Gao Courier", "2024-05-05", f"{ROCKET} Bamako denied firing the rocket at the hospital."),
    ])
    denials = [f for f in records if f["kind"] == "fact" and "denies" in f["about"]]
    assert len(denials) == 1 and len(denials[0]["claims"]) == 2


def test_a_denial_a_source_relays_is_the_denier_s(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", (f"{ROCKET} The Malian army blamed the Zorov Group for the attack. "
                                       "The Zorov Group denied any role in the attack, the news agency reported.")),
        ("Gao Courier", "2024-05-05", f"{ROCKET} The Zorov Group denied any part in the attack."),
    ])
    denials = [f for f in records if f["kind"] == "fact" and "denies" in f["about"]]
    # The agency only relays the denial: one party denies, in two articles.
    ((denial,),) = [denials]
    assert denial["about"].startswith("Zorov Group denies") and len(denial["claims"]) == 2


def test_two_reports_of_one_arrest_naming_no_one_meet_by_the_number_held(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-07", "Security forces detained six journalists on Monday."),
        ("Gao Courier", "2024-05-07", "The arrest of six journalists on Monday drew protests, a press union said."),
    ])
    (fact,) = [f for f in records if f["kind"] == "fact" and f["about"].startswith("coerce")]
    assert len(fact["claims"]) == 2


def test_an_incident_told_as_the_setting_of_a_statement_is_not_told_again_by_its_events(tmp_path: Path, build_tools) -> None:
    # The second article describes the attack as known, in a relative clause on its noun: its
    # event is no account of the incident, and a fact of its and the first article's events
    # would tell the incident a second time, beside the incident's own facts.
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", f"{ROCKET} Rebels accused Mali of firing the rocket."),
        ("Gao Courier", "2024-05-05", ("Investigators believe a faulty shell set off the explosion in the hospital in Tessalit "
                                       "which killed 30 people, the army said.")),
    ])
    abouts = sorted(f["about"] for f in records if f["kind"] == "fact")
    assert "30 killed in the attack at Tessalit" in abouts
    assert "attack at Tessalit" not in abouts


def test_an_office_speaking_for_its_holder_is_one_origin_with_them(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-06", "Ghana's interior minister said on Tuesday he had ordered the arrest of nine smugglers in Accra."),
        ("Gao Courier", "2024-05-06", ("Ghana's interior minister ordered the arrest of nine smugglers in Accra, "
                                       "his office announced on Tuesday.")),
    ])
    (fact,) = [f for f in records if f["kind"] == "fact" and len(f["claims"]) == 2]
    # "his office" speaks for the minister: one origin, shown by the name that names someone
    assert (fact["status"], fact["independent_origins"]) == ("single_source", ["Ghana's interior minister"])


def test_two_outlets_own_tolls_of_one_incident_disagree(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", "A rocket hit the hospital in Tessalit on 3 May 2024, killing 12 people."),
        ("Gao Courier", "2024-05-04", "Gunmen attacked the hospital in Tessalit on Friday, killing 45 people."),
    ])
    ((found, _a, _b),) = _contradictions(records)
    assert (found["slot"], sorted(found["values"])) == ("killed", ["12", "45"])


def test_two_counts_of_one_crowd_at_the_scene_conflict(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-06", ("Protesters attacked the embassy of Chad in Bamako on 5 May 2024. "
                                       "Thousands of protesters gathered outside the embassy in Bamako on 5 May 2024.")),
        ("Gao Courier", "2024-05-06", "Several hundred protesters attacked the embassy of Chad in Bamako on 5 May 2024."),
    ])
    ((found, a, b),) = _contradictions(records)
    assert (found["type"], found["slot"], sorted(found["values"])) == ("numeric", "protester", ["Several hundred", "Thousands"])
    assert {a, b} == {"Thousands of protesters gathered outside the embassy in Bamako on 5 May 2024.",
                      "Several hundred protesters attacked the embassy of Chad in Bamako on 5 May 2024."}


def test_a_statement_contrary_to_what_a_named_side_says_contradicts_that_side(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", (f"{ROCKET} Rebel commanders said army helicopters fired the rocket. "
                                       "Contrary to what the rebel commanders claim, no helicopter flew over Tessalit that day, the army said.")),
    ])
    found = [(r, a, b) for r, a, b in _contradictions(records) if r["slot"] == "statement"]
    ((contradiction, a, b),) = found
    assert contradiction["type"] == "assert_vs_deny" and "contrary" in contradiction["explanation"]
    assert (a, b) == ("Rebel commanders said army helicopters fired the rocket.",
                      "Contrary to what the rebel commanders claim, no helicopter flew over Tessalit that day, the army said.")


def test_a_spokesman_denies_for_the_party_named_in_his_title(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        f"{ROCKET} Rebel leaders said the Malian army fired the rocket. Army spokesman Souleymane Keita of Mali denied any involvement.")])
    ((found, a, b),) = _contradictions(records)
    assert (found["type"], found["values"]) == ("assert_vs_deny", ["Mali is responsible", "denied"])
    assert (a, b) == ("Rebel leaders said the Malian army fired the rocket.",
                      "Army spokesman Souleymane Keita of Mali denied any involvement.")


def test_contrary_that_names_no_one_s_words_contradicts_no_one(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", (f"{ROCKET} Mali said rebels fired the rocket. "
                                       "This runs contrary to the popular view that Mali is losing the war. "
                                       "On the contrary, Mali wins, a rebel leader said.")),
    ])
    assert not [r for r, _a, _b in _contradictions(records) if "contrary" in r["explanation"]]


def test_an_accusation_and_the_answer_calling_it_false_contradict(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-07", ("The Malian army accused Chad on Tuesday of arming rebels near Kidal. "
                                      "\"That is false,\" the Chadian foreign minister Amina Keita said.")),
        ("Kidal Post", "2024-05-07", ("Mali accused Chad on Tuesday of arming rebels near Kidal. "
                                     "\"It is not possible,\" the Chadian foreign minister Amina Keita said.")),
    ])
    found = [(r, a, b) for r, a, b in _contradictions(records) if r["slot"] == "accusation"]
    # A denial by negation alone ("it is not possible") answers nothing in particular.
    ((contradiction, a, b),) = found
    assert (contradiction["type"], contradiction["values"]) == ("assert_vs_deny", ["accused", "denied"])
    assert (a, b) == ("The Malian army accused Chad on Tuesday of arming rebels near Kidal.",
                      "\"That is false,\" the Chadian foreign minister Amina Keita said.")


def test_a_denial_answers_only_an_accusation_against_a_party_it_names_or_speaks_for(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-07", ("Rights groups accused the Malian army on Tuesday of killing civilians near Kidal. "
                                       "The mayor of Gao dismissed the allegations of fraud in the local election. "
                                       "The health minister said reports of a cholera outbreak in Bamako were false.")),
        ("Kidal Post", "2024-05-07", ("The Malian army accused Chad on Tuesday of arming rebels near Kidal. "
                                      "\"This isn't a lie,\" the Chadian foreign minister Amina Keita said.")),
    ])
    assert not [r for r, _a, _b in _contradictions(records) if r["slot"] == "accusation"]


def test_a_denial_naming_the_accuser_does_not_answer_the_denier_s_own_accusation(tmp_path: Path, build_tools) -> None:
    """"X called Y's accusations lies": Y is the accuser answered, not an accused party, so an
    accusation of Y is not what X's answer denies; Y's accusation of X is."""
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04", (
        f"{ROCKET} Local officials said the Ruvian army shelled the hospital. "
        "The Zorov movement rejected the Ruvian army's accusations that it fired the rocket as baseless lies."))])
    assert not [r for r, _a, _b in _contradictions(records) if r["slot"] == "accusation"]
    records = _build(tmp_path / "answered", build_tools, [("Sahel Daily", "2024-05-04", (
        f"{ROCKET} The Ruvian army accused the Zorov movement of firing the rocket. "
        "The Zorov movement rejected the Ruvian army's accusations that it fired the rocket as baseless lies."))])
    answered = [(a, b) for r, a, b in _contradictions(records) if r["type"] == "assert_vs_deny"]
    assert answered == [("The Ruvian army accused the Zorov movement of firing the rocket.",
                         "The Zorov movement rejected the Ruvian army's accusations that it fired the rocket as baseless lies.")]


def test_one_office_holder_described_two_ways_is_one_origin(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", "A rocket hit the hospital in Tessalit on 3 May 2024, killing five people, the local mayor said."),
        ("Kidal Post", "2024-05-04", "A rocket hit the hospital in Tessalit on 3 May 2024, killing five people, said the town's mayor."),
        ("Niger Post", "2024-05-04", "A rocket hit the hospital in Tessalit on 3 May 2024, killing five people, a witness said."),
    ])
    (fact,) = [r for r in records if r["kind"] == "fact" and r["about"].startswith("five killed")]
    # the mayor, however described, and the witness (an unnamed one: as independent as the
    # article that quotes them): two origins, not three
    assert sorted(fact["independent_origins"]) == ["Niger Post", "the local mayor"]


def test_a_figure_of_another_attack_told_in_a_relative_clause_is_not_the_incident_s(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", (f"{ROCKET} The Zorov Group, whose attack last month killed more than 200 soldiers, "
                                       "called the strike a massacre, the army said.")),
    ])
    assert not [r for r, _a, _b in _contradictions(records) if r["slot"] == "killed"]


def test_a_toll_of_a_whole_territory_is_compared_with_a_toll_of_one_town_in_it(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{BLAST} The Ruvian health ministry said 12 people were killed in the territory. "
         "Doctors said 300 people were killed in the town of Tessalit."))])
    ((found, _, _),) = _contradictions(records)
    assert sorted(found["values"]) == ["12", "300"]
    assert "told for 'in the territory' and 'in the town of Tessalit'" in found["caveat"]  # shown, not used to suppress


def test_a_toll_per_day_is_not_set_against_a_total(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{BLAST} Doctors said 30 people died every day in the camps near Tessalit. "
         "The Ruvian health ministry said 400 people were killed in the explosion."))])
    assert [q["scope"] for q in records if q["kind"] == "quantity" and q.get("slot") == "killed" and q["text"] == "30"] == ["every day"]
    assert _contradictions(records) == []


def test_a_toll_told_with_its_week_is_still_set_against_another(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{BLAST} Doctors said 30 people were killed last week in the explosion. "
         "The Ruvian health ministry said 400 people were killed in the explosion."))])
    ((found, _, _),) = _contradictions(records)
    assert sorted(found["values"]) == ["30", "400"]  # "last week" is when, not how often


def test_two_sources_floors_set_side_by_side_are_two_estimates(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{BLAST} The Ruvian health ministry said at least 80 people had died. "
         "The Kessa Red Cross put the toll at more than 140."))])
    ((found, _, _),) = _contradictions(records)
    assert (found["slot"], sorted(found["values"])) == ("killed", ["at least 80", "more than 140"])
    assert found["caveat"].startswith("one figure is approximate or a bound")
    # two floors close enough to be one rounded are no disagreement
    records = _build(tmp_path / "close", build_tools, [("Sahel Daily", "2024-05-04",
        (f"{BLAST} The Ruvian health ministry said at least 80 people had died. "
         "The Kessa Red Cross put the toll at more than 90."))])
    assert _contradictions(records) == []


def test_a_figure_someone_else_gave_is_set_against_the_speaker_s_own(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{ROCKET} The Kessa Red Cross said 35 people were injured, "
         "far from the 120 that the mayor's office gave on Friday."))])
    ((found, a, b),) = [(r, a, b) for r, a, b in _contradictions(records) if r["slot"] == "injured"]
    assert sorted(found["values"]) == ["120", "35"]
    assert "the 120 that the mayor's office gave on Friday" in (a, b)


def test_a_source_disowning_the_figures_given_as_its_own_contradicts_them(tmp_path: Path, build_tools) -> None:
    denial = "\"We never published any number of wounded,\" the Tessalit hospital board said on Sunday."
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", f"{ROCKET} According to the Tessalit hospital board, 65 people were wounded in the strike."),
        ("Niger Post", "2024-05-06", f"{ROCKET} Governor Ali Musa said his count of the wounded came from the Tessalit hospital board. {denial}"),
    ])
    found = sorted((a, b) for r, a, b in _contradictions(records) if r["values"] == ["given", "disowned"])
    assert found == [("According to the Tessalit hospital board, 65 people were wounded in the strike.", denial),
                     ("Governor Ali Musa said his count of the wounded came from the Tessalit hospital board.", denial)]


def test_a_denial_of_another_s_figure_disowns_nothing(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", f"{ROCKET} The Ruvian army said 20 people were killed."),
        ("Niger Post", "2024-05-06", f"{ROCKET} The Ruvian army denied that the death toll was as high as 70."),
    ])
    assert not [r for r, _a, _b in _contradictions(records) if r["values"] == ["given", "disowned"]]


def test_one_text_copied_with_another_currency_contradicts_itself(tmp_path: Path, build_tools) -> None:
    told = "The grant to equip the Kidal library, worth {}, was approved in 2016 by a Ruvian foundation."
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", f"{BLAST} " + told.format("4 million euros")),
        ("Niger Post", "2024-05-04", f"{BLAST} " + told.format("$4 million")),
        ("Kidal Post", "2024-05-04", f"{BLAST} " + told.format("4 million euros (about $4.3 million)")),
    ])
    found = [r for r, _a, _b in _contradictions(records) if r["slot"] == "figure as copied"]
    outlets = {r["id"]: r["outlet"] for r in records if r["kind"] == "document"}
    docs = {r["id"]: outlets[r["doc"]] for r in records if r["kind"] == "claim"}
    # the copy in dollars differs from both in euros; the two in euros agree, though one adds
    # a conversion
    assert sorted(sorted((docs[r["a"]], docs[r["b"]])) for r in found) == [["Kidal Post", "Niger Post"], ["Niger Post", "Sahel Daily"]]
    (euros_and_dollars,) = [r for r in found if "Sahel Daily" in (docs[r["a"]], docs[r["b"]])]
    assert (euros_and_dollars["type"], sorted(euros_and_dollars["values"])) == ("numeric", ["$4 million", "4 million euros"])


def test_a_copy_giving_another_year_in_place_of_one_contradicts_it(tmp_path: Path, build_tools) -> None:
    told = "Librarians asked in {} for a new roof over the Kidal archive, but the ministry lost the letter."
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04", f"{BLAST} " + told.format("1975")),
                                             ("Niger Post", "2024-05-04", f"{BLAST} " + told.format("1978"))])
    found = [r for r, _a, _b in _contradictions(records) if r["slot"] in ("figure as copied", "date as copied")]
    assert [sorted(r["values"]) for r in found] == [["1975", "1978"]]


def test_one_disagreement_relayed_by_two_outlets_is_one_contradiction(tmp_path: Path, build_tools) -> None:
    told = (f"{BLAST} The Ruvian health ministry said 120 people were killed in the explosion. "
            "The Kessa Red Cross put the number of dead at about 40.")
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04", told), ("Niger Post", "2024-05-05", told + " More soon.")])
    found = [r for r, _a, _b in _contradictions(records) if r["slot"] == "killed"]
    assert len(found) == 1
    (earliest,) = [r["id"] for r in records if r["kind"] == "document" and r["outlet"] == "Sahel Daily"]
    claims = {r["id"]: r["doc"] for r in records if r["kind"] == "claim"}
    assert claims[found[0]["a"]] == claims[found[0]["b"]] == earliest
    # worded alike over other figures, two articles tell two disagreements
    other = told.replace("120", "150").replace("about 40", "about 60")
    records = _build(tmp_path / "other", build_tools, [("Sahel Daily", "2024-05-04", told), ("Niger Post", "2024-05-05", other)])
    assert len([r for r, _a, _b in _contradictions(records) if r["slot"] == "killed" and "one article" in r["caveat"]]) == 2


def test_an_unnamed_body_described_alike_revising_its_toll_is_one_teller(tmp_path: Path, build_tools) -> None:
    told = "{} said {} people were killed when a bomb exploded in the market of Tessalit on 3 May 2024."
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", told.format("Civil protection officials", 120) + " The Kessa Red Cross put the number of dead at about 40."),
        ("Niger Post", "2024-05-09", told.format("The civil protection officials in the north", 75)),
    ])
    found = sorted((sorted(r["values"]), r["caveat"]) for r, _a, _b in _contradictions(records) if r["slot"] == "killed")
    # the article's own two figures, and the officials' revision five days later: 120 stands
    # in both (and 75 against 40, the neighbouring figures between outlets that no one set apart)
    assert found == [(["120", "75"], "told 5 days apart: the later may revise the earlier"),
                     (["120", "about 40"], "one figure is approximate or a bound; both in one article"),
                     (["75", "about 40"], "told 5 days apart: the later may revise the earlier; one figure is approximate or a bound")]


FLOOD = "The dam near Tessalit burst on 3 May 2024, flooding Tessalit and villages on both banks of the river."


def test_tolls_of_two_sides_of_a_front_are_not_set_against_each_other(tmp_path: Path, build_tools) -> None:
    """A count names its side by a country ("in Mali", "in Senegalese-held areas"); where the
    counts of a happening name two sides, a state's own count names its own side."""
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", (f"{FLOOD} Malian officials said 12 people died in Mali. "
                                       "They said 35 people died in Senegalese-held areas.")),
        ("Niger Post", "2024-05-04", f"{FLOOD} The Senegalese authorities reported 14 dead."),
    ])
    found = [sorted(r["values"]) for r, _a, _b in _contradictions(records) if r["slot"] == "killed"]
    assert found == [["14", "35"]]  # one side's two counts; not Mali's 12 against Senegal's 14


def test_a_count_without_a_side_has_the_side_its_article_gives_the_same_figure(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{FLOOD} Malian officials said 12 people died in Mali. They said 35 people died in Senegalese-held areas. "
         "A local official said 35 people had died."))])
    assert [r for r, _a, _b in _contradictions(records) if r["slot"] == "killed"] == []
    other = _build(tmp_path / "other", build_tools, [("Sahel Daily", "2024-05-04",
        f"{FLOOD} Malian officials said 12 people died in Mali. A local official said 35 people had died.")])
    assert [sorted(r["values"]) for r, _a, _b in _contradictions(other) if r["slot"] == "killed"] == [["12", "35"]]


def test_a_local_official_s_count_is_a_part_of_the_whole_toll(tmp_path: Path, build_tools) -> None:
    """The mayor counts the town: five dead there and 40 in all can both hold; 60 cannot."""
    within = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        f"{FLOOD} The mayor of Tessalit said five people died. The health ministry said 40 people were killed in the floods.")])
    assert [r for r, _a, _b in _contradictions(within) if r["slot"] == "killed"] == []
    above = _build(tmp_path / "above", build_tools, [("Sahel Daily", "2024-05-04",
        f"{FLOOD} The mayor of Tessalit said 60 people died. The health ministry said 40 people were killed in the floods.")])
    assert [sorted(r["values"]) for r, _a, _b in _contradictions(above) if r["slot"] == "killed"] == [["40", "60"]]


def test_an_accusation_in_a_clause_set_against_the_sentence_is_that_clause_s(tmp_path: Path, build_tools) -> None:
    """In "X accused Y ..., while Y blamed X", the second accusation is the clause's claim's
    (Y's), not also the sentence's (X's): X blames Y alone."""
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        f"{ROCKET} Mali blamed Niger for the strike, while Niger blamed Mali.")])
    claims = {r["id"]: r["text"] for r in records if r["kind"] == "claim"}
    ascribed = {f["about"]: sorted(claims[c] for c in f["claims"]) for f in records if f["kind"] == "fact" and "ascribed" in f["about"]}
    assert ascribed == {"the attack at Tessalit ascribed to Niger by Mali": ["Mali blamed Niger for the strike, while Niger blamed Mali."],
                        "the attack at Tessalit ascribed to Mali by Niger": ["Niger blamed Mali"]}


def test_a_weekday_told_beside_a_date_it_does_not_fall_on_contradicts_the_right_one(tmp_path: Path, build_tools) -> None:
    """5 May 2024 was a Sunday: the article calling it a Saturday has the day wrong."""
    told = "The Ruvian health ministry said on {}, 5 May, that 30 people were killed in the market of Tessalit."
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-06", told.format("Saturday")),
                                             ("Niger Post", "2024-05-07", told.format("Sunday"))])
    found = [(r, a, b) for r, a, b in _contradictions(records) if r["slot"] == "weekday"]
    assert [(r["type"], r["values"]) for r, _a, _b in found] == [("date", ["Saturday", "Sunday"])]
    assert (found[0][1], found[0][2]) == (told.format("Saturday"), told.format("Sunday"))
    assert found[0][0]["caveat"] == "the date did not fall on a Saturday: an error of one article"
    agreeing = _build(tmp_path / "agreeing", build_tools, [("Sahel Daily", "2024-05-06", told.format("Sunday")),
                                                           ("Niger Post", "2024-05-07", told.format("Sunday"))])
    assert [r for r, _a, _b in _contradictions(agreeing) if r["slot"] == "weekday"] == []
    # a weekday ending one sentence is not the next sentence's date
    apart = _build(tmp_path / "apart", build_tools, [
        ("Sahel Daily", "2024-05-06", "The ministry said 30 people were killed in Tessalit on Saturday. 5 May was calm in Gao."),
        ("Niger Post", "2024-05-07", told.format("Sunday"))])
    assert [r for r, _a, _b in _contradictions(apart) if r["slot"] == "weekday"] == []


WHEN = "when a rocket hit the hospital in Tessalit on 3 May 2024"


def test_between_outlets_a_figure_is_set_against_its_source_s_own_statement(tmp_path: Path, build_tools) -> None:
    """Of two claims giving 50 killed, the one telling only that figure stands for it, not the
    one that tells the injured too."""
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", f"Doctors said 30 people were killed {WHEN}."),
        ("Niger Post", "2024-05-04", (f"The Ruvian health ministry said 50 people were killed and 40 were injured {WHEN}. "
                                      "The Kessa Red Cross said 50 people had died in the attack.")),
    ])
    ((_found, a, b),) = [(r, a, b) for r, a, b in _contradictions(records) if r["slot"] == "killed"]
    assert {a, b} == {f"Doctors said 30 people were killed {WHEN}.", "The Kessa Red Cross said 50 people had died in the attack."}


def test_a_source_citing_another_for_a_figure_the_other_gives_is_one_origin(tmp_path: Path, build_tools) -> None:
    told = f"120 people were killed {WHEN}"
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", f"The Kessa Red Cross said {told}."),
        ("Niger Post", "2024-05-04", f"According to the Ruvian health ministry, which relies on figures from the Kessa Red Cross, {told}."),
    ])
    (fact,) = [r for r in records if r["kind"] == "fact" and r["about"].startswith("120 killed")]
    assert len(fact["claims"]) == 2
    assert fact["independent_origins"] == ["The Kessa Red Cross"]
    # a source citing no one for it is an origin of its own
    own = _build(tmp_path / "own", build_tools, [
        ("Sahel Daily", "2024-05-04", f"The Kessa Red Cross said {told}."),
        ("Niger Post", "2024-05-04", f"According to the Ruvian health ministry, {told}."),
    ])
    (fact,) = [r for r in own if r["kind"] == "fact" and r["about"].startswith("120 killed")]
    assert sorted(fact["independent_origins"]) == ["The Kessa Red Cross", "the Ruvian health ministry"]


def test_an_ascription_of_blame_is_each_accuser_s_fact_with_the_accuser_as_its_origin(tmp_path: Path, build_tools) -> None:
    """"Mali blames Niger" told by its officials and by its government is one party's
    position: one fact, one origin; a rights group blaming Niger too is another fact."""
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", f"{ROCKET} Malian officials said Niger fired the rocket."),
        ("Kidal Post", "2024-05-04", f"{ROCKET} Mali blamed Niger for the strike."),
        ("Niger Post", "2024-05-05", f"{ROCKET} Human Rights Watch said Niger fired the rocket."),
    ])
    ascribed = {f["about"]: (len(f["claims"]), f["independent_origins"]) for f in records if f["kind"] == "fact" and "ascribed" in f["about"]}
    assert ascribed == {"the attack at Tessalit ascribed to Niger by Mali": (2, ["Mali"]),
                        "the attack at Tessalit ascribed to Niger by Human Rights Watch": (1, ["Human Rights Watch"])}


def test_a_sentence_setting_two_positions_side_by_side_is_not_the_side_shown(tmp_path: Path, build_tools) -> None:
    """"X said ..., while Y said ..." tells both positions; the article's own single-voice
    claims stand for the disagreement."""
    blamed = "The Kessa Monitoring Group said Senegalese gunners fired the rocket."
    answer = "Amadou Sall, a Senegalese minister, said the evidence showed that Mali was responsible."
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{ROCKET} {blamed} Malians said Senegalese artillery fired the rocket, while Senegal said the rocket was a "
         f"misfired Malian one. {answer}"))])
    assert [{a, b} for r, a, b in _contradictions(records) if r["type"] == "responsibility"] == [{blamed, answer}]

def test_a_denial_whose_pronoun_opens_a_clause_of_its_own_denies_that_clause(tmp_path: Path, build_tools) -> None:
    """"denied this had anything to do with the vote" denies that, not what was said before;
    "rejected it in a statement on Wednesday" points back."""
    told = f"{BLAST} The Ruvian health ministry said 120 people were killed in the explosion. "
    own = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04", told + "The Kessa government denied this had anything to do with the vote.")])
    assert [r for r, _a, _b in _contradictions(own) if r["slot"] == "statement"] == []
    back = _build(tmp_path / "back", build_tools, [("Sahel Daily", "2024-05-04", told + "The Kessa government rejected it in a statement on Wednesday.")])
    assert [b for r, _a, b in _contradictions(back) if r["slot"] == "statement"] == ["The Kessa government rejected it in a statement on Wednesday."]


def test_speakers_named_together_each_tell_the_accusation_they_share(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04", f"{ROCKET} Mali and Senegal blamed Niger for the strike.")])
    ascribed = sorted(f["about"] for f in records if f["kind"] == "fact" and "ascribed" in f["about"])
    assert ascribed == ["the attack at Tessalit ascribed to Niger by Mali", "the attack at Tessalit ascribed to Niger by Senegal"]


def test_a_local_official_s_count_is_compared_with_one_told_of_a_town(tmp_path: Path, build_tools) -> None:
    """The mayor's five and "ten in Tessalit" may count one town: compared; "ten in Mali"
    holds the town."""
    town = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        f"{FLOOD} The mayor of Tessalit said five people died. The health ministry said ten people died in Tessalit.")])
    assert [sorted(r["values"]) for r, _a, _b in _contradictions(town) if r["slot"] == "killed"] == [["five", "ten"]]
    country = _build(tmp_path / "country", build_tools, [("Sahel Daily", "2024-05-04",
        f"{FLOOD} The mayor of Tessalit said five people died. The health ministry said ten people died in Mali.")])
    assert [r for r, _a, _b in _contradictions(country) if r["slot"] == "killed"] == []


HIT = "A rocket hit the hospital in Tessalit on 3 May 2024, the deadliest attack on Tessalit this year."


def test_two_figures_set_against_each_other_in_two_articles_are_one_disagreement(tmp_path: Path, build_tools) -> None:
    """120 against 75 killed, told in two articles in their own words, is one disagreement,
    shown by the earlier article."""
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", f"{HIT} The Ruvian health ministry said 120 people were killed. The Kessa Red Cross said 75 people were killed."),
        ("Niger Post", "2024-05-05", f"{HIT} Doctors counted 75 dead, while the health ministry put the toll at 120."),
    ])
    found = [r for r, _a, _b in _contradictions(records) if r["slot"] == "killed"]
    assert [sorted(r["values"]) for r in found] == [["120", "75"]]
    docs = {r["id"]: r["outlet"] for r in records if r["kind"] == "document"}
    claims = {r["id"]: r["doc"] for r in records if r["kind"] == "claim"}
    assert docs[claims[found[0]["a"]]] == "Sahel Daily"


def test_a_count_told_as_none_against_a_count_of_some_disputes_whether_any(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        ("Jets bombed the central market of Tessalit on 3 May 2024, killing 40 civilians, health officials said. "
         "The Ruvian army said no civilians were killed in the raid on Tessalit."))])
    ((found, a, b),) = _contradictions(records)
    assert (found["type"], found["slot"], sorted(found["values"])) == ("assert_vs_deny", "killed", ["40", "no civilians"])
    assert {a, b} == {"Jets bombed the central market of Tessalit on 3 May 2024, killing 40 civilians, health officials said.",
                      "The Ruvian army said no civilians were killed in the raid on Tessalit."}
    assert found["explanation"].startswith("Whether any civilians were killed in the")


def test_a_count_told_as_none_is_set_against_another_outlet_s_count_of_that_group(tmp_path: Path, build_tools) -> None:
    struck = "Jets bombed the central market of Tessalit on 3 May 2024."
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", f"{struck} Health officials said 40 civilians were killed in the raid."),
        ("Niger Post", "2024-05-04", f"{struck} The Ruvian army said no civilian died in the raid."),
        # none of the soldiers is no count of civilians
        ("Kidal Post", "2024-05-04", f"{struck} The Ruvian army said none of its soldiers were killed in the raid."),
    ])
    ((found, a, b),) = _contradictions(records)
    assert sorted(found["values"]) == ["40", "no civilian"]
    assert {a, b} == {"Health officials said 40 civilians were killed in the raid.",
                      "The Ruvian army said no civilian died in the raid."}


def test_one_teller_s_militants_and_another_s_civilians_describe_the_dead_apart(tmp_path: Path, build_tools) -> None:
    raid = "Malian troops raided the village of Tessalit on 3 May 2024."
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        f"{raid} The army said 48 militants were killed in the operation. A rights group said 70 civilians were killed in Tessalit.")])
    ((found, a, b),) = _contradictions(records)
    assert (found["slot"], sorted(found["values"])) == ("killed", ["48 militants", "70 civilians"])
    assert found["explanation"].startswith("Who the people killed in the")
    assert {a, b} == {"The army said 48 militants were killed in the operation.", "A rights group said 70 civilians were killed in Tessalit."}


def test_a_teller_counting_fighters_and_civilians_tells_them_apart(tmp_path: Path, build_tools) -> None:
    raid = "Malian troops raided the village of Tessalit on 3 May 2024."
    records = _build(tmp_path, build_tools, [
        ("Sahel Daily", "2024-05-04", f"{raid} The army said 48 militants and three civilians were killed in the operation."),
        ("Niger Post", "2024-05-04", f"{raid} A rights group said 70 civilians were killed in Tessalit."),
        # an outlet's own counts of two groups count two groups
        ("Kidal Post", "2024-05-04", f"{raid} Forty militants were killed. Five villagers died in the crossfire."),
    ])
    assert not [r for r, _, _ in _contradictions(records) if r["explanation"].startswith("Who the people")]


def test_a_figure_told_as_another_s_is_that_other_s_origin(tmp_path: Path, build_tools) -> None:
    """A broadcaster repeating the Red Cross's figure adds no origin to it."""
    records = _build(tmp_path, build_tools, [("Niger Post", "2024-05-05",
        f"{BLAST} The Kessa Red Cross put the death toll at 120. Radio Sahel later broadcast the Red Cross's toll of 120.")])
    (fact,) = [r for r in records if r["kind"] == "fact" and r["about"].startswith("120 killed")]
    assert len(fact["claims"]) == 2
    assert (fact["independent_origins"], fact["status"]) == (["The Kessa Red Cross"], "single_source")


def test_a_source_s_own_figure_and_one_of_another_slot_repeat_no_one(tmp_path: Path, build_tools) -> None:
    records = _build(tmp_path, build_tools, [("Niger Post", "2024-05-05",
        (f"{BLAST} Police said 120 people were injured. The Kessa Red Cross said 120 people were killed. "
        "Radio Sahel said its own toll of 120 was provisional."))])
    (fact,) = [r for r in records if r["kind"] == "fact" and r["about"].startswith("120 killed")]
    # the radio's "its own toll" is its own figure, and the police's 120 count the injured
    assert sorted(fact["independent_origins"]) == ["Radio Sahel", "The Kessa Red Cross"]


def test_a_count_of_none_keeps_no_pair_of_figures_from_being_shown(tmp_path: Path, build_tools) -> None:
    struck = "Jets bombed the central market of Tessalit on 3 May 2024."
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        (f"{struck} Health officials said 40 civilians were killed. The army said no civilians were killed. "
        "The Kessa Red Cross said 65 civilians were killed."))])
    values = sorted(sorted(r["values"]) for r, _, _ in _contradictions(records))
    assert ["40", "65"] in values  # the tolls' disagreement, beside the one over whether any died
    assert any("no civilians" in pair for pair in values)


def test_a_count_of_no_civilians_does_not_describe_the_dead_apart(tmp_path: Path, build_tools) -> None:
    raid = "Malian troops raided the village of Tessalit on 3 May 2024."
    records = _build(tmp_path, build_tools, [("Sahel Daily", "2024-05-04",
        f"{raid} The army said 48 militants were killed in the operation. A rights group said no civilians were killed.")])
    assert not [r for r, _, _ in _contradictions(records) if r["explanation"].startswith("Who the people")]
