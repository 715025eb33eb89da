"""How two parties stand with each other: cooperation or tension, told by several sources.

"Ruvia's poor ties with Kessa", "Kessa and Ruvia have become increasingly at odds" and
"Kessa's prime minister accused Ruvia of ..." all tell of tension between the two; "Kessa
has found a new partner in Ruvia" of cooperation. Extraction runs the real pipeline on
sentences written for the tests; the resolution tests build ties (`Tie`) and anchored events
records by hand; the end-to-end test builds short articles into a SQLite store and reads
the exported facts. Names are invented (Ruvia, Kessa, Zorov, Amadou Keita); places real.
"""

from __future__ import annotations

import pytest

from claimgraph import Store
from claimgraph.export import contract_records
from claimgraph.extract.event_roles import lost_subject
from claimgraph.records import Relation, StoredClaim
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.comparators.denied_ties import relation_contradictions
from claimgraph.resolve.origins import NO_AGENCIES
from claimgraph.resolve.relations import Tie, accusation_standings, relation_facts

from .conftest import anchored_event, build_news, extract_text, stored_claim


def _standings(build_tools, text: str) -> list[tuple[str, str, str]]:
    relations: list[Relation] = extract_text(build_tools, text).relations
    return [(r.kind, r.subject.text, r.object.text if r.object else "") for r in relations if r.kind != "affiliation"]


# 1. What extraction finds ---------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Senegal's poor ties with Ghana stem from a border dispute.", [("tension", "Senegal", "Ghana")]),
    ("Relations between Senegal and Ghana have soured since the election.", [("tension", "Senegal", "Ghana")]),
    ("Senegal's government and Ghana are at odds over the dam.", [("tension", "Senegal's government", "Ghana")]),
    ("Tensions between Senegal and Ghana have grown over the border.", [("tension", "Senegal", "Ghana")]),
    ("Ghana has found a reliable partner in Togo.", [("cooperation", "Ghana", "Togo")]),
    ("Ghana has deepened its trade cooperation with Togo.", [("cooperation", "Ghana", "Togo")]),
    # the parser hangs the subject on the opening phrase as an apposition: it is found there
    ("With the collapse of talks with Nigeria, the new cabinet of Ghana has deepened cooperation with Kenya.",
     [("cooperation", "Ghana", "Kenya")]),
])
def test_a_standing_and_its_two_parties_are_read_from_the_parse(build_tools, text: str, expected) -> None:
    assert _standings(build_tools, text) == expected


@pytest.mark.parametrize("text", [
    "Senegal has ties with Ghana.",  # no tone: neither cooperation nor tension
    "Senegal has no tensions with Ghana, the minister said.",  # negated
    "Analysts discussed relations with the press.",  # no second party
    "Senegal seeks closer ties with Ghana.",  # sought, not held
    "Vantor Holdings found a partner in Ghana.",  # a partner there: only a state finds one in a state
    "Mali's military cooperation with Ghana was suspended in May.",  # ended
    "The dispute between Vantor Holdings and Zorov Holdings was settled last week.",  # ended
    "Vantor Holdings negotiated an end to its alliance with Zorov Holdings.",  # ended
    "Senegal denied that relations with Ghana had soured.",  # denied
])
def test_what_states_no_standing(build_tools, text: str) -> None:
    assert _standings(build_tools, text) == []


def test_poor_ties_are_a_tension_and_close_ties_of_a_group_an_affiliation(build_tools) -> None:
    assert [r.kind for r in extract_text(build_tools, "Senegal's poor ties with Ghana stem from a border dispute.").relations] == ["tension"]
    for text in ("The Zorov Group has close ties to Ruvia.", "The Zorov Group has close ties with Ruvia."):
        assert [(r.kind, r.subject.text, r.object.text) for r in extract_text(build_tools, text).relations] == [
            ("affiliation", "Zorov Group", "Ruvia")], text


@pytest.mark.parametrize("text, verb, found", [
    ("With the collapse of talks with Ghana, the new cabinet of Togo has deepened cooperation with Benin.", "deepened", "cabinet"),
    ("With the end of the war with Ghana, the new leadership of Togo has built partnerships with Benin.", "built", "leadership"),
    ("Amid talks with Ghana, the trade minister of Togo has signed deals with Benin.", "signed", "minister"),
    ("The new cabinet of Ghana has deepened cooperation with Kenya.", "deepened", None),  # a subject of its own
    ("Ghana, the country expected to strengthen cooperation with Togo, voted.", "strengthen", None),  # an infinitive
])
def test_a_subject_the_parser_hung_on_an_opening_phrase_is_found_again(build_tools, text: str, verb: str, found) -> None:
    (token,) = [t for t in build_tools.nlp(text) if t.text == verb]
    subject = lost_subject(token)
    assert (subject.text if subject is not None else None) == found


@pytest.mark.parametrize("last", [
    "Relations with Niger have soured since the coup.",
    "With the worsening of relations with Niger, the government has looked elsewhere.",
])
def test_a_standing_told_as_a_setting_with_one_party_is_the_articles_countrys(build_tools, last: str) -> None:
    text = f"Mali is a country in West Africa. The junta in Mali governs the country. {last}"
    assert _standings(build_tools, text) == [("tension", "Mali", "Niger")]


@pytest.mark.parametrize("last", [
    "The winner will work in partnership with the Vantor Company.",  # the winner's, not Mali's
    "The striker was fined after his row with Amadou Keita.",  # his
    "Kessa is well placed because of its strong alliance with the Zorov Group.",  # its
])
def test_a_standing_held_by_someone_unnamed_is_not_the_articles_countrys(build_tools, last: str) -> None:
    text = f"Mali is a country in West Africa. The junta in Mali governs the country. {last}"
    assert [s for s in _standings(build_tools, text) if s[1] == "Mali"] == []


@pytest.mark.parametrize("text, actors", [
    ("Ghana's Foreign Minister Amadou Keita accused Nigeria of arming rebels in the east.", {"Amadou Keita", "Ghana"}),
    ("Kwame Asante, Ghana's ambassador to Senegal, accused Nigeria of spying.", {"Kwame Asante", "Ghana"}),
    ("Former Ghana President Amadou Keita accused Nigeria of arming rebels in the east.", {"Amadou Keita"}),
    ("Ghana's former president John Mahama accused Nigeria of spying.", {"John Mahama"}),
    ("Ghana opposition leader Amadou Keita accused Nigeria of arming rebels in the east.", {"Amadou Keita"}),
])
def test_a_ministers_accusation_is_his_states_not_a_former_or_opposition_figures(build_tools, text: str, actors) -> None:
    (event,) = [e for e in extract_text(build_tools, text).events if e.type == "ACCUSATION"]
    assert {a.text for a in event.role("actor")} == actors


# 2. Facts: one per pair of parties and tone, with accusations between states ------------------


def _relation(relation_id: str, doc: str, kind: str, subject: str, other: str) -> Tie:
    return Tie(id=relation_id, doc=doc, kind=kind, polarity="asserted", subject=(subject,), object=(other,),
                        claims=(f"clm_{relation_id}",))


def _claims(*ids: str) -> dict[str, StoredClaim]:
    return {f"clm_{i}": stored_claim(f"clm_{i}", f"d{n}", "outlet", "outlet", None, (), "assert") for n, i in enumerate(ids)}


def test_tension_and_cooperation_between_the_same_states_are_two_facts_and_meet_no_denial() -> None:
    accusation = anchored_event(id="e1", doc="d3", type="ACCUSATION", status="happened", actors=frozenset({"keita", "country:ML"}),
                           states=frozenset({"country:ML", "country:NE"}),
                           targets=frozenset({"country:NE"}), place=None, point=None, country=None, date=None,
                           claims=("clm_e1",), quantity=None)
    relations = [_relation("r1", "d0", "tension", "country:NE", "country:ML"),
                 _relation("r2", "d1", "tension", "country:ML", "country:NE"),
                 _relation("r3", "d2", "cooperation", "country:ML", "country:NE"),
                 *accusation_standings([accusation])]
    facts, fact_of = relation_facts(relations, _claims("r1", "r2", "r3", "e1"), outlet_of=lambda doc: doc,
                                    name_of={"country:ML": "Mali", "country:NE": "Niger"}.get, agencies=NO_AGENCIES)
    by_about = {f.about: f for f in facts}
    assert set(by_about) == {"tension between Mali and Niger", "cooperation between Mali and Niger"}
    assert set(by_about["tension between Mali and Niger"].claims) == {"clm_r1", "clm_r2", "clm_e1"}
    assert "e1" not in fact_of  # the accusation keeps its own event fact
    assert len(by_about["tension between Mali and Niger"].independent_origins) == 3
    denial = Tie(id="r4", doc="d4", kind="affiliation", polarity="denied", subject=("country:ML",),
                          object=("country:NE",), claims=("clm_r4",))
    facts, fact_of = relation_facts(relations + [denial], _claims("r1", "r2", "r3", "e1", "r4"), outlet_of=lambda doc: doc,
                                    name_of=str, agencies=NO_AGENCIES)
    assert relation_contradictions(relations + [denial], fact_of, _claims("r1", "r2", "r3", "e1", "r4"), name_of=str) == []


def test_standings_told_by_two_outlets_are_one_corroborated_fact(build_tools, tmp_path) -> None:
    db = build_news(tmp_path, build_tools, [
        ("Sahel Daily", "Rift", "Senegal's poor ties with Ghana stem largely from a border dispute."),
        ("Niamey Post", "Odds", "Senegal's military government and Ghana are now at odds over the dam."),
    ])
    with Store.open(db) as store:
        facts = [r for r in contract_records(store) if r["kind"] == "fact"]
    (tension,) = [f for f in facts if f["about"].startswith("tension")]
    assert tension["about"] == "tension between Ghana and Senegal" and tension["status"] == "corroborated"
    assert sorted(tension["independent_origins"]) == ["Niamey Post", "Sahel Daily"]


def test_a_lone_accusation_between_states_is_an_event_fact_and_a_tension_fact(build_tools, tmp_path) -> None:
    db = build_news(tmp_path, build_tools, [
        ("Sahel Daily", "Accused", "Ghana's Foreign Minister Amadou Keita accused Nigeria of arming rebels in the east."),
    ])
    with Store.open(db) as store:
        facts = [r for r in contract_records(store) if r["kind"] == "fact"]
    abouts = sorted(f["about"] for f in facts)
    assert "tension between Ghana and Nigeria" in abouts and any(a.startswith("accusation") for a in abouts)
    assert len({f["id"] for f in facts}) == len(facts)


def test_an_accusation_by_a_group_named_by_its_nationality_is_no_states() -> None:
    """"A Malian group criticised Niger": Mali is no party as a state, so no tension between the states."""
    def accusation(states: frozenset[str]) -> AnchoredEvent:
        return anchored_event(id="e1", doc="d1", type="ACCUSATION", status="happened", actors=frozenset({"group", "country:ML"}),
                         targets=frozenset({"country:NE"}), place=None, point=None, country=None, date=None,
                         claims=("clm_e1",), quantity=None, states=states)

    assert list(accusation_standings([accusation(frozenset({"country:NE"}))])) == []
    (standing,) = accusation_standings([accusation(frozenset({"country:ML", "country:NE"}))])
    assert (standing.kind, standing.subject, standing.object) == ("tension", ("country:ML",), ("country:NE",))
