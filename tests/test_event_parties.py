"""Who takes part in an event, read through the verb or the description that names them.

An agreement's parties come through the verb that makes it ("a contract concluded by Kessa
with Vantor Holdings", "plans to sign a deal with Vantor", "the accord between Ghana and
Ruvia's Vantor Holdings"); a description names an organisation told before ("the Ruvian
private security company"); a request is addressed to whom it asks to act; a relative
clause's date is its own. Every text runs through the real pipeline (`extract_text`).
Names are invented (Ruvia, Kessa, Zorov, Vantor, Amadou Keita); places are real (Ghana, Gao).
"""

from __future__ import annotations

import pytest

from claimgraph.records import Event
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.facts import group_events

from .conftest import TAXONOMY, anchored_event, extract_text


def _event(build_tools, text: str, event_type: str) -> Event:
    (event,) = [e for e in extract_text(build_tools, text).events if e.type == event_type]
    return event


def _roles(event: Event) -> tuple[set[str], set[str]]:
    return {a.text for a in event.role("actor")}, {a.text for a in event.role("target")}


@pytest.mark.parametrize("text, actors, targets", [
    ("Kessa plans to sign a trade deal with Vantor Holdings.", {"Kessa"}, {"Vantor Holdings"}),
    ("Kessa signed a deal with Zorov Holdings on Monday.", {"Kessa"}, {"Zorov Holdings"}),
    ("The pipeline will be built under a contract concluded by Kessa with Vantor Holdings.", {"Kessa"}, {"Vantor Holdings"}),
    ("The accord between Ghana and Vantor Holdings covers three oil fields.", {"Ghana", "Vantor Holdings"}, set()),
    # the parser reads Ghana as a modifier of the owner's name: it is a party all the same
    ("The accord between Ghana and Ruvia's Vantor Holdings covers three oil fields.", {"Ghana", "Ruvia", "Vantor Holdings"}, set()),
])
def test_an_agreements_parties_come_through_the_verb_that_makes_it(build_tools, text: str, actors, targets) -> None:
    assert _roles(_event(build_tools, text, "AGREEMENT")) == (actors, targets)


def test_agreeing_with_someone_is_no_agreement(build_tools) -> None:
    assert not [e for e in extract_text(build_tools, "I agree with Amadou Keita.").events if e.type == "AGREEMENT"]


def test_a_described_organisation_is_the_one_named_before(build_tools) -> None:
    text = ("The Zorov Group sent 300 men to Ghana. Kessa signed the deal with the Ruvian private security company "
            "in May. The rival company protested.")
    mentions = extract_text(build_tools, text).mentions
    described = [m for m in mentions if m.text == "Ruvian private security company"]
    assert [m.key for m in described] == ["zorov group"]
    assert not [m for m in mentions if "rival company" in m.text and m.key == "zorov group"]


def test_a_request_is_addressed_to_whom_it_asks_to_act(build_tools) -> None:
    event = _event(build_tools, "The incident led Ghana to request that Senegal reopen its airspace.", "OTHER")
    assert event.plover == "REQUEST" and _roles(event) == ({"Ghana"}, {"Senegal"})


def test_a_relative_clauses_date_is_not_the_events(build_tools) -> None:
    text = "Kessa has been training the soldiers who attacked Gao on 3 May 2021."
    assert _event(build_tools, text, "TRAINING").date is None
    assert _event(build_tools, text, "ATTACK").date == "2021-05-03"


def test_an_agreement_naming_no_one_is_not_the_countrys_other_agreement() -> None:
    """"a deal" told in an article about Mali is not Mali's deal with Zorov: an agreement is
    known by its parties, a coup by its country."""
    def view(event_id: str, doc: str, event_type: str, targets: frozenset[str]) -> AnchoredEvent:
        return anchored_event(id=event_id, doc=doc, type=event_type, status="happened", actors=frozenset(), targets=targets,
                         place=None, point=None, country="country:ML", date=None, claims=(f"clm_{event_id}",), quantity=None)

    deals = [view("e1", "d1", "AGREEMENT", frozenset({"zorov"})), view("e2", "d2", "AGREEMENT", frozenset())]
    assert len(group_events(deals, taxonomy=TAXONOMY)) == 2
    coups = [view("e3", "d1", "COUP", frozenset({"junta"})), view("e4", "d2", "COUP", frozenset())]
    assert len(group_events(coups, taxonomy=TAXONOMY)) == 1


def test_a_described_organisation_must_follow_its_name_closely(build_tools) -> None:
    near = "Vantor Holdings bought the port. The Ruvian shipping company will run it."
    far = ("Vantor Holdings bought the port. Work starts in May. The cranes arrive in June. "
           "The Ruvian shipping company will run it.")
    assert "vantor holdings" in {m.key for m in extract_text(build_tools, near).mentions if "shipping company" in m.text}
    assert "vantor holdings" not in {m.key for m in extract_text(build_tools, far).mentions if "shipping company" in m.text}
    bare = ("Vantor Holdings bought the port. Work starts in May. The cranes arrive in June. "
            "The company will run it.")  # a bare description reaches further back
    assert "vantor holdings" in {m.key for m in extract_text(build_tools, bare).mentions if m.text.endswith("company")}


@pytest.mark.parametrize("text, plover, actors", [
    # a pronoun subject of what a speaker reports is the speaker
    ("The Malian army said it killed 40 fighters near Tessalit on Monday.", "ASSAULT", {"Malian army"}),
    ("Mali announced on Tuesday that they had shelled the rebel camp near Kidal.", "ASSAULT", {"Mali"}),
    # ... when they agree: "they" is no one person, "it" no plural subject
    ("Amadou Keita said they shelled Gao on Monday.", "ASSAULT", set()),
    ("The Malian soldiers said it killed 40 fighters near Tessalit.", "ASSAULT", set()),
    # ... and of what the object of the speaker's verb says ("dismissed the claims that it ...")
    ("The Kessan government dismissed the claims that it shelled the hospital in Tessalit.", "ASSAULT", {"Kessan government"}),
    # a force or its arms owned by a pronoun act for the speaker the pronoun stands for ...
    ("The Zorov Liberation Front denied that its fighters attacked the hospital in Tessalit.", "ASSAULT", {"Zorov Liberation Front"}),
    ("The Ruvian army said its jets bombed a camp near Gao.", "ASSAULT", {"Ruvian army"}),
    # ... not another party it owns by relation, nor one the phrase names
    ("Ruvia said its rival had attacked the border post near Gao.", "ASSAULT", set()),
    ("Ruvia said its neighbour Kessa had attacked the border post near Gao.", "ASSAULT", {"Kessa"}),
    # "we" in quoted words is the quotation's named speaker; "they" is someone else
    ("“We shelled the rebel camp near Gao,” the Ruvian army said.", "ASSAULT", {"the Ruvian army"}),
    ("“We reject these charges categorically,” Amadou Keita said.", "REJECT", {"Amadou Keita"}),
    ("“They shelled the rebel camp near Gao,” the Ruvian army said.", "ASSAULT", set()),
    ("“Our jets bombed the rebel camp near Gao,” the Ruvian army said.", "ASSAULT", {"the Ruvian army"}),
    # ... unless the quoted words report someone else's: theirs
    ("“The minister told us: ‘We attacked the camp near Gao’,” Amadou Keita said.", "ASSAULT", set()),
    ("“The Zorov Liberation Front said its fighters attacked the base in Tessalit,” Amadou Keita said.", "ASSAULT",
     {"Zorov Liberation Front"}),
    # "its" is no person: the spokesman's organisation is not the subject, so no one is known
    ("Amadou Keita, a spokesman for the Zorov Front, denied that its fighters attacked the hospital in Tessalit.", "ASSAULT", set()),
    # aid sent is given by whoever sends it
    ("Tents and food aid were sent to Gao by Senegal and Ghana.", "AID", {"Senegal", "Ghana"}),
])
def test_a_participant_named_outside_the_event_s_own_phrase(build_tools, text: str, plover: str, actors) -> None:
    (event,) = [e for e in extract_text(build_tools, text).events if e.plover == plover]
    assert _roles(event)[0] == actors


def test_a_party_named_in_apposition_to_its_description_is_the_party(build_tools) -> None:
    text = "Officials blamed the ambush on a rival armed movement, the Vantor Front."
    (event,) = [e for e in extract_text(build_tools, text).events if e.plover == "ACCUSE"]
    assert _roles(event) == (set(), {"Vantor Front"})


def test_a_relative_word_is_the_noun_its_clause_tells_of(build_tools) -> None:
    text = "The pipeline crosses the Kidal region, which Mali annexed in 2012."
    (event,) = [e for e in extract_text(build_tools, text).events if e.plover == "COERCE"]
    assert _roles(event) == ({"Mali"}, {"Kidal"})


@pytest.mark.parametrize(("text", "accused"), [
    ("The minister said the Vantor Front was behind the attack.", {"Vantor Front"}),
    # a place in a race is no responsibility
    ('Amina Sall ended the race behind the Senegalese in Gao, and Varo said: "She ran a fine race in the heat."', None),
])
def test_behind_accuses_as_a_predicate_not_as_a_place_in_a_race(build_tools, text: str, accused) -> None:
    found = [e for e in extract_text(build_tools, text).events if e.plover == "ACCUSE"]
    assert ([_roles(e)[1] for e in found] or [None]) == [accused]


def test_an_event_a_noun_of_possibility_governs_may_happen(build_tools) -> None:
    text = "The minister said the likelihood of an attack by the Vantor Front against Gao was high."
    (event,) = [e for e in extract_text(build_tools, text).events if e.plover == "ASSAULT"]
    assert event.status == "possible"
