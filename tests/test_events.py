"""Events: trigger words, their type and PLOVER category, status, participants, place, date
and toll, read from the real spaCy parse.

Sentences are written for the tests: the parties are invented (Ruvia, Kessa, Zorov, Vantor,
Amadou Keita) and the places real (Gao, Kidal, Ségou, Bamako, Niamey). Each text runs through
`extract_article` as a build does (mentions, places with the session gazetteer, claims,
dates, quantities, then events); no part of the pipeline is mocked.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from claimgraph.analyze import extract_article
from claimgraph.extract import load_event_lexicon
from claimgraph.extract.document import DocumentExtraction
from claimgraph.extract.event_roles import told_as_means
from claimgraph.extract.quotes import head_in_quotation
from claimgraph.ingest.records import Article, Published
from claimgraph.records import Event, Fatalities

PLOVER_CATEGORIES = frozenset({
    "AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
    "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
})
EVENT_TYPES = frozenset({
    "DEPLOY", "ARMS_TRANSFER", "AGREEMENT", "PAYMENT", "ATTACK", "MASS_KILLING", "COUP", "WITHDRAWAL",
    "BASE_HANDOVER", "ACCUSATION", "DENIAL", "MEDIA_BAN", "VISIT_MEETING", "AIRCRAFT_DOWNED", "VETO",
    "TRAINING", "SURVEILLANCE_FLIGHT", "OTHER",
})
# Made from what a speaker says of another party's act, never by a trigger word of its own:
# "X did not shell it", said by someone who is not X, speaks in X's defence.
SPOKEN_TYPES = frozenset({"DEFENCE"})
STATUSES = frozenset({"happened", "negated", "planned", "possible", "conditional", "denied", "alleged"})


def _extract(build_tools, text: str, *, published: str | None = None) -> DocumentExtraction:
    """Everything a build extracts from `text` as one article (optionally with a publication date)."""
    article = Article(
        id="d1", key="test", fingerprint="test", text=text, title=None, url=None, outlet=None, language="en",
        published=Published(published, "metadata") if published else Published(),
    )
    return extract_article(build_tools.nlp, article)


def _events(build_tools, text: str, *, published: str | None = None) -> list[Event]:
    events = _extract(build_tools, text, published=published).events
    for event in events:  # the spans always point into the text
        assert text[event.start : event.end] == event.trigger, event
        assert event.type in EVENT_TYPES | SPOKEN_TYPES and event.plover in PLOVER_CATEGORIES and event.status in STATUSES, event
        for argument in event.arguments:
            assert text[argument.start : argument.end] == argument.text, argument
    return events


def _event(build_tools, text: str, trigger: str) -> Event:
    """The one event `trigger` reports in `text`."""
    events = _events(build_tools, text)
    found = [e for e in events if e.trigger == trigger]
    assert len(found) == 1, f"{trigger!r} in {text!r}: {[(e.trigger, e.type) for e in events]}"
    return found[0]


def _of_category(build_tools, text: str, plover: str) -> list[Event]:
    """The events of one PLOVER category `text` reports."""
    return [e for e in _events(build_tools, text) if e.plover == plover]


def _texts(event: Event, role: str) -> set[str]:
    return {a.text for a in event.role(role)}


# 0. The lexicon --------------------------------------------------------------------------------


def test_every_trigger_in_the_lexicon_has_a_known_type_and_plover_category() -> None:
    lexicon = load_event_lexicon()
    triggers = [t for entries in lexicon.triggers.values() for t in entries]
    assert triggers
    assert {t.type for t in triggers} == EVENT_TYPES
    assert {t.plover for t in triggers} <= PLOVER_CATEGORIES
    assert set(lexicon.intent_plover.values()) <= PLOVER_CATEGORIES
    assert {t.pos for t in triggers} == {"VERB", "NOUN"}


# 1. Every event type ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "plover", "mode"),
    [
        ("Ruvia deployed 300 troops to Kessa.", "deployed", "DEPLOY", "AID", "military"),
        ("Ruvia sent drones to Kessa.", "sent", "ARMS_TRANSFER", "AID", "military"),
        ("Kessa and Zorov signed an agreement.", "signed", "AGREEMENT", "SUPPORT", None),
        ("Kessa paid Ruvia 10 million dollars.", "paid", "PAYMENT", "COOPERATE", "economic"),
        ("Gunmen shot three soldiers in Gao.", "shot", "ATTACK", "ASSAULT", "firearms"),
        ("Soldiers massacred villagers in Ségou.", "massacred", "MASS_KILLING", "ASSAULT", "cleansing"),
        ("Colonel Amadou Keita seized power in a coup in Bamako.", "coup", "COUP", "COERCE", None),
        ("Kessa withdrew its troops from Gao.", "withdrew", "WITHDRAWAL", "RETREAT", "withdraw"),
        ("Ruvia handed over the base in Kidal to Kessa.", "handed", "BASE_HANDOVER", "RETREAT", "withdraw"),
        ("Kessa accused Ruvia of supporting the rebels.", "accused", "ACCUSATION", "ACCUSE", "disapprove"),
        ("Ruvia denied the accusation.", "denied", "DENIAL", "REJECT", None),
        ("Kessa suspended the broadcaster Radio Vantor.", "suspended", "MEDIA_BAN", "COERCE", "restrict"),
        ("Amadou Keita visited Bamako.", "visited", "VISIT_MEETING", "CONSULT", "visit"),
        ("Amadou Keita met Zorov in Niamey.", "met", "VISIT_MEETING", "CONSULT", "third-party"),
        ("Rebels shot down a helicopter near Kidal.", "shot", "AIRCRAFT_DOWNED", "ASSAULT", "heavy-weapons"),
        ("Ruvia vetoed the resolution.", "vetoed", "VETO", "REJECT", None),
        ("Ruvian instructors trained Kessa soldiers in Ségou.", "trained", "TRAINING", "AID", "military"),
        ("Ruvian drones flew over Gao.", "flew", "SURVEILLANCE_FLIGHT", "MOBILIZE", None),
        ("Kessa asked Ruvia for help.", "asked", "OTHER", "REQUEST", "assist"),
        ("Ruvia threatened Kessa with sanctions.", "threatened", "OTHER", "THREATEN", None),
        ("Ruvia annexed the Vantor region.", "annexed", "OTHER", "COERCE", "confiscate"),
        ("Ruvia recruited fighters in Kidal.", "recruited", "OTHER", "MOBILIZE", "troops"),
    ],
)
def test_each_event_type_is_found_with_its_plover_category(build_tools, text, trigger, event_type, plover, mode) -> None:
    event = _event(build_tools, text, trigger)
    assert (event.type, event.plover, event.mode) == (event_type, plover, mode)
    assert event.status == "happened"


def test_a_send_is_typed_by_what_is_sent(build_tools) -> None:
    assert _event(build_tools, "Ruvia sent troops to Kessa.", "sent").type == "DEPLOY"
    assert _event(build_tools, "Ruvia sent drones to Kessa.", "sent").type == "ARMS_TRANSFER"
    assert _event(build_tools, "Ruvia sent instructors to Kessa.", "sent").type == "TRAINING"


def test_a_nested_trigger_is_one_event_named_by_the_more_specific_word(build_tools) -> None:
    # "seized power in a coup": one COUP, not a seizure and a coup.
    events = _events(build_tools, "Colonel Amadou Keita seized power in a coup in Bamako.")
    assert [(e.trigger, e.type) for e in events] == [("coup", "COUP")]
    assert _texts(events[0], "location") == {"Bamako"}


# 2. Compound actors -----------------------------------------------------------------------------


def test_coordinated_attackers_are_all_actors(build_tools) -> None:
    event = _event(build_tools, "Malian soldiers and suspected Ruvian fighters attacked the village of Kessa.", "attacked")
    assert _texts(event, "actor") == {"Malian", "Ruvian"}
    assert _texts(event, "target") == {"Kessa"}
    assert _texts(event, "location") == {"Kessa"} and event.location_basis == "clause"


def test_coordinated_signatories_are_all_actors(build_tools) -> None:
    event = _event(build_tools, "Kessa and Zorov signed an agreement.", "signed")
    assert _texts(event, "actor") == {"Kessa", "Zorov"}
    assert event.role("target") == []


def test_coordinated_actors_of_an_attack_on_a_named_party(build_tools) -> None:
    event = _event(build_tools, "Kessa and Ruvia attacked Zorov.", "attacked")
    assert [a.text for a in event.role("actor")] == ["Kessa", "Ruvia"]
    assert _texts(event, "target") == {"Zorov"}


# 3. Status: negated, planned, possible, conditional ------------------------------------------


def test_a_negated_attack_is_kept_as_negated(build_tools) -> None:
    event = _event(build_tools, "Ruvia did not attack Kidal.", "attack")
    assert (event.type, event.plover, event.status) == ("ATTACK", "ASSAULT", "negated")
    assert _texts(event, "actor") == {"Ruvia"}
    assert _texts(event, "target") == {"Kidal"}


@pytest.mark.parametrize(("text", "trigger", "status"), [
    ("Ruvia has yet to sign the accord with Kessa.", "sign", "negated"),
    ("Ruvia is yet to reach agreement with Kessa.", "agreement", "negated"),
    ("Ruvia is on the verge of signing a deal with Kessa.", "signing", "possible"),
    ("Ruvia is poised to sign the accord with Kessa.", "sign", "possible"),
    ("The Ruvian army is ready to attack Gao if Kessa crosses the border.", "attack", "possible"),
    ("The Ruvian army said it was prepared to attack Gao.", "attack", "possible"),
    ("Ruvia signed the accord with Kessa yet again.", "signed", "happened"),
    ("Ruvian jets bombed Gao yet again, prompting Kessa troops to withdraw from Tessalit.", "withdraw", "happened"),
    ("Kessa closed its border with Ruvia after attacking Gao.", "attacking", "happened"),
    ("Kessa troops regrouped near where Ruvian jets attacked Gao.", "attacked", "happened"),
    ("The camp lies close to where Ruvian jets bombed Gao.", "bombed", "happened"),
    # "would" in a speaker's own words is a hypothesis; reported, the future of what was said
    ("“Without the deal we would pay Kessa twice as much,” the Ruvian minister said.", "pay", "conditional"),
    ("The Ruvian minister said Ruvia would pay Kessa twice as much.", "pay", "planned"),
])
def test_an_event_not_done_so_far_or_about_to_be_is_not_told_as_happened(build_tools, text: str, trigger: str, status: str) -> None:
    assert _event(build_tools, text, trigger).status == status


@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "plover"),
    [
        ("Ruvia will deploy troops to Kessa.", "deploy", "DEPLOY", "AGREE"),
        ("Ruvia will train Kessa soldiers.", "train", "TRAINING", "AGREE"),
        ("Ruvia will send instructors to Kessa.", "send", "TRAINING", "AGREE"),
        ("Ruvian instructors are expected to arrive in Bamako.", "arrive", "DEPLOY", "AGREE"),
        ("Ruvia plans to withdraw its troops from Kessa.", "withdraw", "WITHDRAWAL", "CONCEDE"),
        # A plan named by a noun governs its infinitive, and "strike a deal" carries the deal.
        ("Plans to strike a deal with Kessa angered Ruvian officials.", "deal", "AGREEMENT", "AGREE"),
    ],
)
def test_a_planned_event_is_a_promise_in_plover(build_tools, text, trigger, event_type, plover) -> None:
    event = _event(build_tools, text, trigger)
    assert (event.type, event.plover, event.status) == (event_type, plover, "planned")


def test_a_planned_event_keeps_its_participants_and_place(build_tools) -> None:
    arrival = _event(build_tools, "Ruvian instructors are expected to arrive in Bamako.", "arrive")
    assert _texts(arrival, "actor") == {"Ruvian"}
    assert _texts(arrival, "location") == {"Bamako"} and arrival.location_basis == "clause"
    withdrawal = _event(build_tools, "Ruvia plans to withdraw its troops from Kessa.", "withdraw")
    assert _texts(withdrawal, "actor") == {"Ruvia"}


def test_a_possible_event_keeps_its_own_category(build_tools) -> None:
    event = _event(build_tools, "Ruvia may send troops to Kessa.", "send")
    assert (event.type, event.plover, event.status) == ("DEPLOY", "AID", "possible")
    assert _texts(event, "actor") == {"Ruvia"}
    assert _texts(event, "target") == {"Kessa"}


def test_a_conditional_withdrawal_is_a_threat(build_tools) -> None:
    event = _event(build_tools, "Ruvia would withdraw its troops from Kessa if the junta hired mercenaries.", "withdraw")
    assert (event.type, event.plover, event.status) == ("OTHER", "THREATEN", "conditional")
    assert _texts(event, "actor") == {"Ruvia"}


def test_the_same_event_happened_is_not_promised(build_tools) -> None:
    event = _event(build_tools, "Ruvia deployed troops to Kessa.", "deployed")
    assert (event.plover, event.status) == ("AID", "happened")


def test_who_deploys_a_training_mission_trains(build_tools) -> None:
    event = _event(build_tools, "Kessa deployed a military training mission to Mali to help fight insurgents.", "training")
    assert (event.type, _texts(event, "actor")) == ("TRAINING", {"Kessa"})
    signed = _events(build_tools, "Kessa signed a training agreement with Ruvia.")
    assert not [e for e in signed if e.type == "TRAINING" and _texts(e, "actor")]  # an agreement is no force sent


def test_a_named_speakers_negated_deployment_is_their_denial(build_tools) -> None:
    text = "\u201cWe do not employ any mercenaries,\u201d the Kessa defence minister said."
    events = _events(build_tools, text)
    assert len(events) == 1
    event = events[0]
    assert event.trigger == "employ"
    assert (event.type, event.plover, event.mode, event.status) == ("DENIAL", "REJECT", None, "happened")
    assert [a.text for a in event.role("actor")] == ["the Kessa defence minister"]
    assert event.role("actor")[0].type == "PERSON"


def test_a_speaker_saying_another_party_did_no_harm_speaks_in_its_defence(build_tools) -> None:
    """A negated harm is a denial when its speaker is its doer or speaks for it, and a defence
    of the doer (PLOVER's SUPPORT) when someone else says it; neither blames the doer."""
    said = "The Nigerien government said Malian gunners did not shell the market in Gao."
    (defence,) = [e for e in _events(build_tools, said) if e.trigger == "shell"]
    assert (defence.type, defence.plover, defence.denies) == ("DEFENCE", "SUPPORT", "ATTACK")
    assert (_texts(defence, "actor"), _texts(defence, "target")) == ({"The Nigerien government"}, {"Malian"})
    assert not _of_category(build_tools, said, "ACCUSE")  # a harm told as not done blames no one
    # the doer itself, or a person whose description names no other party, denies it
    for own in ("The Malian army said Malian gunners did not shell the market in Gao.",
                "Mali's defence ministry said Malian gunners did not shell the market in Gao.",  # a demonym
                "Minister Amadou Keita said Malian gunners did not shell the market in Gao."):
        (denial,) = [e for e in _events(build_tools, own) if e.trigger == "shell"]
        assert (denial.type, denial.plover) == ("DENIAL", "REJECT")
        assert not _of_category(build_tools, own, "ACCUSE")
    # a name alike in its letters is another country's, as the gazetteer knows it
    other = "Niger's defence ministry said Nigerian gunners did not shell the market in Gao."
    assert [e.type for e in _events(build_tools, other) if e.trigger == "shell"] == ["DEFENCE"]


def test_a_negated_event_without_a_speaker_stays_negated(build_tools) -> None:
    # No one is quoted: the sentence tells that the attack did not happen; no one denies it.
    event = _event(build_tools, "Ruvia did not attack Kidal.", "attack")
    assert event.type != "DENIAL" and event.status == "negated"


@pytest.mark.parametrize("text, trigger, background", [
    ("Amadou Keita questioned the junta after two coups had shaken Kessa.", "coups", True),
    ("Since the coup two years ago, Kessa and Ruvia have been at odds.", "coup", True),
    ("Ruvia withdrew its troops following the attack on Gao, the minister said.", "attack", True),
    ("The deal was signed by the coup junta in Lima.", "coup", True),
    ("Gunmen attacked Gao after midnight, residents said.", "attacked", False),
    ("Ruvia deployed troops to Gao, Amadou Keita said.", "deployed", False),
    # a relative clause on an event's noun describes that event as known
    ("Investigators believe a faulty shell set off the explosion in the clinic in Gao which killed forty.", "killed", True),
    ("The minister said the blast at the depot which killed nine was an accident.", "killed", True),
    # on a party's name it tells the party's own news
    ("The rebels, who attacked Gao on Monday, withdrew north, the minister said.", "attacked", False),
    ("The army blamed the raid on rebels who later attacked a police post.", "attacked", False),
    # set off by a comma, or on an indefinite noun, the clause adds news
    ("An explosion which killed twelve people tore through a market in Gao, police said.", "killed", False),
    ("The attack, which killed fourteen soldiers, was claimed by the Zorov Liberation Front.", "killed", False),
    # another kind of act told of the event is its doer's own
    ("The air strike on Gao that Kessa blamed on Ruvia killed twelve people.", "blamed", False),
])
def test_an_event_told_as_the_time_of_another_is_background(build_tools, text: str, trigger: str, background: bool) -> None:
    assert _event(build_tools, text, trigger).background is background


def test_what_kills_in_a_relative_clause_on_an_event_is_the_event_not_a_place(build_tools) -> None:
    # "which" stands for the blast: the clinic it hangs from by the parse is no doer
    event = _event(build_tools, "Investigators believe a faulty shell set off the explosion in the clinic in Gao which killed forty.", "killed")
    assert not _texts(event, "actor")


# 4. Fatalities ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "counted", "fatalities"),
    [
        ("Between 40 and 60 people were killed in the Ségou massacre.", "massacre", "MASS_KILLING", "Between 40 and 60", Fatalities(40, None, 60)),
        ("At least 12 civilians were killed in an attack on Gao.", "attack", "ATTACK", "At least 12", Fatalities(12, 12, None)),
        ("Gunmen killed up to 30 people in Gao.", "killed", "ATTACK", "30", Fatalities(None, None, 30)),
        ("As many as 30 people were killed in an attack on Gao.", "attack", "ATTACK", "As many as 30", Fatalities(None, None, 30)),
        ("Gunmen killed 7 soldiers near Gao.", "killed", "ATTACK", "7", Fatalities(7, 7, 7)),
    ],
)
def test_fatalities_keep_the_reported_range(build_tools, text, trigger, event_type, counted, fatalities) -> None:
    event = _event(build_tools, text, trigger)
    assert event.type == event_type
    assert event.quantity is not None and text[event.quantity[0] : event.quantity[1]] == counted
    assert event.fatalities == fatalities


def test_a_massacre_inside_a_killing_is_one_mass_killing(build_tools) -> None:
    events = _events(build_tools, "Between 40 and 60 people were killed in the Ségou massacre.")
    assert [(e.trigger, e.type) for e in events] == [("massacre", "MASS_KILLING")]
    assert _texts(events[0], "location") == {"Ségou"}


def test_a_count_of_something_else_is_no_toll(build_tools) -> None:
    # Villages are counted, nobody is said to be killed.
    event = _event(build_tools, "Ruvian fighters attacked 3 villages near Gao.", "attacked")
    assert event.fatalities is None
    assert _texts(event, "location") == {"Gao"}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Security forces ordered the detention of six local officials on Monday.", "detention"),
    ("Police arrested five journalists in Gao on Monday.", "arrested"),
])
def test_a_count_of_people_named_by_their_role_is_the_events_size(build_tools, text: str, trigger: str) -> None:
    # what links two reports of one arrest without named parties: the number held
    event = _event(build_tools, text, trigger)
    assert event.quantity is not None and text[event.quantity[0] : event.quantity[1]] in ("six", "five")


def test_a_deployment_size_is_its_quantity_but_no_toll(build_tools) -> None:
    text = "Ruvia deployed 300 troops to Kessa."
    event = _event(build_tools, text, "deployed")
    assert event.quantity is not None and text[event.quantity[0] : event.quantity[1]] == "300"
    assert event.fatalities is None


def test_a_payment_is_sized_by_its_sum(build_tools) -> None:
    text = "Kessa paid Ruvia 10 million dollars."
    event = _event(build_tools, text, "paid")
    assert event.quantity is not None and text[event.quantity[0] : event.quantity[1]] == "10 million dollars"
    assert event.fatalities is None
    assert _texts(event, "actor") == {"Kessa"}


# 5. Arguments: actor and target, place, date ---------------------------------------------------


def test_actor_and_target_are_the_same_in_active_and_passive_voice(build_tools) -> None:
    active = _event(build_tools, "Kessa and Ruvia attacked Zorov.", "attacked")
    passive = _event(build_tools, "Zorov was attacked by Kessa and Ruvia.", "attacked")
    for event in (active, passive):
        assert _texts(event, "actor") == {"Kessa", "Ruvia"}
        assert _texts(event, "target") == {"Zorov"}


def test_an_agreement_told_by_its_verb_is_of_the_kind_of_what_it_is_to_do(build_tools) -> None:
    assert _event(build_tools, "Kessa agreed to pay a fine of 2 million dollars.", "agreed").kind_words == ("pay",)
    assert _event(build_tools, "Kessa signed a new gas deal with Ruvia.", "signed").kind_words == ("gas",)


def test_a_denial_is_of_the_kind_of_what_it_denies_unless_an_act_the_lexicon_names(build_tools) -> None:
    assert _event(build_tools, "A Ruvian spokesman denied the leaflet was offensive.", "denied").kind_words == ("offensive",)
    assert _event(build_tools, "Ruvia denied shelling Gao.", "denied").kind_words == ()  # a shelling: known by its type


def test_a_by_phrase_is_the_doer_whatever_the_parser_made_the_subject(build_tools) -> None:
    # parsed as "for Keita to reject": the agent phrase says the verb is passive
    text = "Gao United had seen previous offers of £2m and £3m for Amadou Keita rejected by the league club."
    (rejected,) = [e for e in _events(build_tools, text) if e.trigger == "rejected"]
    assert "Amadou Keita" not in _texts(rejected, "actor")


def test_a_possessor_is_the_actor_and_the_object_the_target(build_tools) -> None:
    active = _event(build_tools, "Zorov's forces attacked Kidal.", "attacked")
    passive = _event(build_tools, "Kidal was attacked by Zorov's forces.", "attacked")
    for event in (active, passive):
        assert "Zorov" in _texts(event, "actor")
        assert "Kidal" not in _texts(event, "actor")
        assert _texts(event, "target") == {"Kidal"}


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("Amadou Keita launched an attack on Gao.", "attack", "Amadou Keita"),
        ("The Zorov Group conducted raids on Kidal.", "raids", "Zorov Group"),
        ("In Kessa, the Zorov Group has been providing training and security services to the army.", "training", "Zorov Group"),
    ],
)
def test_the_subject_of_a_light_verb_does_its_nouns_event(build_tools, text: str, trigger: str, actor: str) -> None:
    """"launched an attack", "conducted raids", "providing training and ... services": the verb only carries the event."""
    assert _texts(_event(build_tools, text, trigger), "actor") == {actor}


def test_a_verb_that_is_no_light_verb_does_not_lend_its_subject(build_tools) -> None:
    event = _event(build_tools, "Amadou Keita condemned the attack on Gao.", "attack")
    assert _texts(event, "actor") == set()
    signed = [e for e in _events(build_tools, "Kessa signed a training agreement with Ruvia.") if e.trigger == "training"]
    assert all(_texts(e, "actor") == set() for e in signed)  # signing an agreement trains no one


def test_where_a_party_is_based_is_no_party(build_tools) -> None:
    event = _event(build_tools, "The Gao-based militia attacked Kidal.", "attacked")
    assert _texts(event, "actor") == set()
    assert _texts(event, "target") == {"Kidal"}


def test_the_owner_of_delivered_helicopters_is_the_supplier(build_tools) -> None:
    event = _event(build_tools, "Instructors arrived in Gao to accompany the delivery of Ruvian helicopters.", "delivery")
    assert event.type == "ARMS_TRANSFER"
    assert _texts(event, "actor") == {"Ruvian"}
    assert _texts(event, "target") == set()


def test_a_buyer_is_the_target_and_the_seller_the_actor(build_tools) -> None:
    event = _event(build_tools, "Kessa acquired drones from Ruvia.", "acquired")
    assert event.type == "ARMS_TRANSFER"
    assert _texts(event, "actor") == {"Ruvia"}
    assert _texts(event, "target") == {"Kessa"}


def test_a_sender_is_the_actor_and_the_recipient_the_target(build_tools) -> None:
    event = _event(build_tools, "Ruvia deployed 300 troops to Kessa.", "deployed")
    assert _texts(event, "actor") == {"Ruvia"}
    assert _texts(event, "target") == {"Kessa"}


def test_a_visited_place_is_the_target_and_the_location(build_tools) -> None:
    event = _event(build_tools, "Amadou Keita visited Bamako.", "visited")
    assert _texts(event, "actor") == {"Amadou Keita"}
    assert _texts(event, "target") == {"Bamako"}
    assert _texts(event, "location") == {"Bamako"} and event.location_basis == "clause"


def test_the_location_comes_from_the_triggers_own_phrase(build_tools) -> None:
    event = _event(build_tools, "Zorov's forces attacked the base in Kidal.", "attacked")
    location = event.role("location")
    assert [(a.text, a.type) for a in location] == [("Kidal", "GPE")]
    assert event.location_basis == "clause"
    assert "Zorov" in _texts(event, "actor")


def test_the_place_of_an_attacked_army_base_is_not_its_attacker(build_tools) -> None:
    # "army base": a base of the army, not troops moved; nobody named attacks.
    event = _event(build_tools, "Gunmen attacked an army base in Gao.", "attacked")
    assert event.role("actor") == []
    assert _texts(event, "location") == {"Gao"} and event.location_basis == "clause"


def test_the_owner_of_a_downed_aircraft_is_not_the_shooter(build_tools) -> None:
    event = _event(build_tools, "Rebels shot down a Malian army helicopter near Kidal.", "shot")
    assert event.type == "AIRCRAFT_DOWNED"
    assert "Malian" not in _texts(event, "actor") and "Kidal" not in _texts(event, "actor")
    assert "Malian" in _texts(event, "target")
    assert _texts(event, "location") == {"Kidal"}


def test_a_meeting_place_is_not_the_party_met(build_tools) -> None:
    event = _event(build_tools, "Amadou Keita met Zorov in Niamey.", "met")
    assert _texts(event, "actor") == {"Amadou Keita"}
    assert _texts(event, "target") == {"Zorov"}
    assert _texts(event, "location") == {"Niamey"}


def test_a_departure_is_placed_where_it_leaves(build_tools) -> None:
    event = _event(build_tools, "Kessa withdrew its troops from Gao.", "withdrew")
    assert _texts(event, "actor") == {"Kessa"}
    assert _texts(event, "location") == {"Gao"} and event.location_basis == "clause"


def test_a_sentence_going_on_with_the_scene_takes_its_place_from_context(build_tools) -> None:
    events = _events(build_tools, "Zorov's fighters attacked the base in Kidal. Then gunmen shot three soldiers.")
    shot = next(e for e in events if e.trigger == "shot")
    assert shot.sentence == 1
    assert _texts(shot, "location") == {"Kidal"} and shot.location_basis == "context"


def test_an_unplaced_attack_is_placed_in_the_documents_country(build_tools) -> None:
    events = _events(build_tools, "Mali is facing a crisis. Mali has asked for help. Ruvian fighters attacked a convoy.")
    attack = next(e for e in events if e.type == "ATTACK")
    assert _texts(attack, "location") == {"Mali"} and attack.location_basis == "document"


@pytest.mark.parametrize(("text", "place"), [
    # an embassy in a country is in its capital, where the article names it
    ("Thousands marched in Bamako on Sunday. Protesters attacked the French embassy in Mali.", "Bamako"),
    ("Protesters attacked the French embassy in Mali.", "Mali"),  # the capital unnamed: the country
    ("Thousands marched in Bamako on Sunday. Protesters attacked a police station in Mali.", "Mali"),  # no mission
])
def test_a_states_mission_in_a_country_is_placed_in_its_capital(build_tools, text: str, place: str) -> None:
    attack = next(e for e in _events(build_tools, text) if e.trigger == "attacked")
    assert _texts(attack, "location") == {place} and attack.location_basis == "clause"


def test_a_statement_is_not_placed_in_the_documents_country(build_tools) -> None:
    events = _events(build_tools, "Mali is facing a crisis. Mali has asked for help. Ruvian fighters attacked a convoy.")
    request = next(e for e in events if e.plover == "REQUEST")
    assert request.role("location") == [] and request.location_basis is None


@pytest.mark.parametrize(
    ("text", "trigger", "timex"),
    [
        ("Zorov's forces attacked Kidal in May 2021.", "attacked", "2021-05"),
        ("Zorov's forces attacked Kidal on 3 May 2021.", "attacked", "2021-05-03"),
        ("Ruvian forces withdrew from Gao in August 2022.", "withdrew", "2022-08"),
        ("Ruvia's president visited Bamako in May 2021.", "visited", "2021-05"),
    ],
)
def test_the_date_comes_from_the_sentence(build_tools, text, trigger, timex) -> None:
    event = _event(build_tools, text, trigger)
    assert (event.date, event.date_basis) == (timex, "sentence")


def test_a_sentence_without_a_date_gives_no_date_not_the_publication_date(build_tools) -> None:
    events = _events(build_tools, "Zorov's forces attacked Kidal.", published="2021-06-02")
    assert len(events) == 1
    assert (events[0].date, events[0].date_basis) == (None, None)


def test_a_relative_date_is_anchored_to_the_publication_date(build_tools) -> None:
    # 2 June 2021 is a Wednesday: "on Monday" is the Monday before, not the publication day.
    events = _events(build_tools, "Zorov's forces attacked Kidal on Monday.", published="2021-06-02")
    assert len(events) == 1
    assert (events[0].date, events[0].date_basis) == ("2021-05-31", "sentence")


def test_events_are_numbered_by_sentence(build_tools) -> None:
    events = _events(build_tools, "Ruvia deployed troops to Kessa. Kessa paid Ruvia 10 million dollars. Ruvia vetoed the resolution.")
    assert [(e.sentence, e.type) for e in events] == [(0, "DEPLOY"), (1, "PAYMENT"), (2, "VETO")]
    assert {e.doc for e in events} == {"d1"}


# 6. Precision: what is not an event -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The savings account pays 5%.",  # no named party pays anyone
        "The video scandal continues to shoot in Mali.",  # 'shoot' without anyone shot
        "Renault sold 2 million vehicles.",  # cars, not arms
        "The board met its targets.",  # no one is met
        "The company plans to deliver new equipment next year.",  # equipment, not weapons, no state
    ],
)
def test_words_that_report_no_event_here(build_tools, text: str) -> None:
    assert _events(build_tools, text) == []


def test_a_bare_agreement_noun_points_back_and_is_no_new_event(build_tools) -> None:
    assert [e.trigger for e in _events(build_tools, "Ruvia vetoed the resolution. The agreement was popular.")] == ["vetoed"]


# 8. One event, told once, by whom it is told ------------------------------------------------


def test_the_place_an_event_is_named_after_is_its_place_not_its_actor(build_tools) -> None:
    event = _event(build_tools, "Between 40 and 60 people were killed in the Gao massacre.", "massacre")
    assert "Gao" not in _texts(event, "actor")
    assert _texts(event, "location") == {"Gao"}


def test_the_accused_is_the_actor_of_the_alleged_event(build_tools) -> None:
    events = _events(build_tools, "Zorov accused Ruvia of attacking Kidal.")
    attack = next(e for e in events if e.type == "ATTACK")
    assert _texts(attack, "actor") == {"Ruvia"}
    assert attack.status == "alleged"
    assert any(e.type == "ACCUSATION" and _texts(e, "actor") == {"Zorov"} for e in events)


def test_a_denied_event_is_kept_as_denied_not_as_happened(build_tools) -> None:
    events = _events(build_tools, "Ruvia denied attacking Kidal.")
    assert {e.type for e in events} == {"DENIAL", "ATTACK"}
    attack = next(e for e in events if e.type == "ATTACK")
    assert attack.status == "denied"


def test_coordinated_verbs_of_one_attack_are_one_event_with_one_toll(build_tools) -> None:
    events = _events(build_tools, "Gunmen attacked an army base in Gao on 3 May 2021 and killed 7 soldiers.")
    attacks = [e for e in events if e.plover == "ASSAULT"]
    assert len(attacks) == 1
    assert attacks[0].fatalities == Fatalities(7, 7, 7)


def test_signing_an_agreement_is_one_agreement_event(build_tools) -> None:
    events = _events(build_tools, "Kessa and Zorov signed an agreement.")
    assert [(e.type, e.trigger) for e in events] == [("AGREEMENT", "signed")]


def test_the_other_party_of_a_deal_is_not_where_it_happened(build_tools) -> None:
    events = _events(build_tools, "Mali signed an agreement with Niger.")
    deal = next(e for e in events if e.type == "AGREEMENT")
    assert _texts(deal, "location") != {"Niger"}


@pytest.mark.parametrize(
    "text",
    [
        "Some 270 hunts met on Saturday, killing a total of 91 foxes.",
        "More than 23,000 people have been killed following a massive earthquake.",
        "The gambling sites suffered DDoS attacks last week.",
        "I agree with Amadou Keita.",
        "Palestinian leaders said they will not tolerate attacks on civilians.",
    ],
)
def test_what_is_no_political_event(build_tools, text: str) -> None:
    events = _events(build_tools, text)
    assert not [e for e in events if e.type in ("ATTACK", "AGREEMENT") and e.status != "negated"], events


def test_an_event_in_an_if_clause_is_possible_not_negated(build_tools) -> None:
    events = _events(build_tools, "If Kessa does not pay, Ruvia will withdraw its troops from Gao.")
    assert all(e.status != "negated" for e in events), events
    withdrawal = next(e for e in events if e.type in ("WITHDRAWAL", "OTHER"))
    assert withdrawal.status == "conditional" and withdrawal.plover == "THREATEN" and withdrawal.mode is None


def test_an_event_asked_about_with_whether_is_possible(build_tools) -> None:
    (shelling,) = [e for e in _events(build_tools, "Investigators have not established whether Ruvian troops shelled the market.")
                   if e.plover == "ASSAULT"]
    assert shelling.status == "possible"
    (told,) = [e for e in _events(build_tools, "Investigators said it was a Ruvian drone strike.") if e.plover == "ASSAULT"]
    assert told.status == "happened"
    # "whether ... or": either way, no question of the event
    (withdrawal,) = [e for e in _events(build_tools, "Ruvian troops will withdraw from Gao whether the talks succeed or fail.")
                     if e.type in ("WITHDRAWAL", "OTHER")]
    assert withdrawal.status == "planned"


def test_more_than_thirty_killed_is_at_least_thirty_one(build_tools) -> None:
    event = next(e for e in _events(build_tools, "Gunmen killed more than 30 civilians in Gao.") if e.plover == "ASSAULT")
    assert event.fatalities == Fatalities(31, 31, None)


# Evacuations, passive force as blame, the lexicon's reading of a word over the classifier's --------


@pytest.mark.parametrize(
    "text",
    [
        "Some 300 residents were evacuated from Gao.",
        "Rescuers evacuated civilians from flooded villages near Kidal on Monday.",
    ],
)
def test_people_evacuated_are_humanitarian_aid_without_a_named_party(build_tools, text: str) -> None:
    evacuation = _event(build_tools, text, next(w for w in text.split() if w.startswith("evacuat")))
    assert (evacuation.type, evacuation.plover, evacuation.mode) == ("OTHER", "AID", "humanitarian")
    assert evacuation.status == "happened"


def test_an_evacuation_is_placed_where_people_are_taken_from(build_tools) -> None:
    evacuation = _event(build_tools, "Rescue teams evacuated 300 residents from villages in the Gao region.", "evacuated")
    assert _texts(evacuation, "location") == {"Gao"}


def test_an_ordered_evacuation_is_no_aid(build_tools) -> None:
    events = _events(build_tools, "Ruvia ordered all residents of Gao to evacuate.")
    assert not [e for e in events if e.plover == "AID"], events


def test_a_word_the_lexicon_reads_is_not_given_another_category_by_the_classifier(build_tools) -> None:
    events = [e for e in _events(build_tools, "Some 300 residents were evacuated from Gao.") if e.trigger == "evacuated"]
    assert [e.plover for e in events] == ["AID"], events


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("Ruvia's defence ministry said the school was struck by a mortar round fired by the Kessa Liberation Front.", "Kessa Liberation Front"),
        ("A Kessan spokesman claimed the depot had been levelled by Ruvian drone strikes.", "Ruvian"),
        ("The minister said the raid was carried out by the Kessa Liberation Front.", "Kessa Liberation Front"),
    ],
)
def test_force_told_in_a_passive_blames_its_agent(build_tools, text: str, accused: str) -> None:
    accusations = _of_category(build_tools, text, "ACCUSE")
    assert len(accusations) == 1, accusations
    assert accused in _texts(accusations[0], "target")


def test_responsibility_is_its_owner_s(build_tools) -> None:
    owned = "The ministry said Mali's responsibility for the attack on the Zorov Group's base in Gao was clear."
    (accusation,) = _of_category(build_tools, owned, "ACCUSE")
    assert _texts(accusation, "target") == {"Mali"}  # not the Zorov Group, whose base was hit


@pytest.mark.parametrize("text", [
    "Kessan investigators said the fire at the fuel depot in Gao was caused by a Malian shell and not a Nigerien drone strike.",
    "Kessan investigators said the fire at the fuel depot in Gao resulted from a Malian shell, not a Nigerien drone strike.",
    "Kessan investigators said the fire at the fuel depot in Gao was caused not by a Nigerien drone but by a Malian shell.",
])
def test_a_cause_the_sentence_rules_out_blames_no_one(build_tools, text: str) -> None:
    (accusation,) = _of_category(build_tools, text, "ACCUSE")
    assert _texts(accusation, "target") == {"Malian"}


def test_an_accusation_told_as_how_another_party_acts_is_not_the_speaker_s(build_tools) -> None:
    """'X is trying to hide its crimes by accusing Y', says Z: X's accusation as Z tells it, the
    setting of what Z says (background), not Z's own; Z accusing Y that way is Z's own."""
    reported = "Senegal's foreign ministry said the Malian army was trying to hide its crimes in Gao by accusing Niger of the attack."
    assert [e.background for e in _of_category(build_tools, reported, "ACCUSE")] == [True]
    own = "Senegal's foreign ministry said it responded by accusing Niger of the attack in Gao."
    assert [e.background for e in _of_category(build_tools, own, "ACCUSE")] == [False]


def _parsed(build_tools, rows: list[tuple[str, int, str, str]]) -> Doc:
    """A sentence with the parse given (word, head, dependency, part of speech): the parse a
    small model makes of some sentences, fixed so that the test does not hang on the model."""
    words = [w for w, *_ in rows]
    spaces = [not (i + 1 < len(words) and words[i + 1] in {",", ".", '"'} or w == '"' and i == 0) for i, w in enumerate(words)]
    return Doc(build_tools.nlp.vocab, words=words, spaces=spaces, heads=[h for _, h, _, _ in rows],
               deps=[d for *_, d, _ in rows], pos=[p for *_, p in rows])


_QUOTED_MEANS = [  # '"The rebels hope to escape blame, and through blaming the army," it said', "through" on "said"
    ('"', 3, "punct", "PUNCT"), ("The", 2, "det", "DET"), ("rebels", 3, "nsubj", "NOUN"), ("hope", 16, "ccomp", "VERB"),
    ("to", 5, "aux", "PART"), ("escape", 3, "xcomp", "VERB"), ("blame", 5, "dobj", "NOUN"), (",", 3, "punct", "PUNCT"),
    ("and", 3, "cc", "CCONJ"), ("through", 16, "prep", "ADP"), ("blaming", 9, "pcomp", "VERB"), ("the", 12, "det", "DET"),
    ("army", 10, "pobj", "NOUN"), (",", 16, "punct", "PUNCT"), ('"', 16, "punct", "PUNCT"), ("it", 16, "nsubj", "PRON"),
    ("said", 16, "ROOT", "VERB"), (".", 16, "punct", "PUNCT"),
]


def test_a_quoted_phrase_hung_on_the_reporting_verb_is_the_quoted_clause_s(build_tools) -> None:
    """The phrase is in the quotation, so it is the quoted verb's, and the blame is the
    rebels' means, not the speaker's accusation."""
    doc = _parsed(build_tools, _QUOTED_MEANS)
    through, blaming = doc[9], doc[10]
    assert head_in_quotation(through).text == "hope"
    assert head_in_quotation(doc[15]).text == "said"  # outside the quotation, the parse stands
    means = load_event_lexicon().means_prepositions
    assert told_as_means(blaming, means, ())
    assert not told_as_means(blaming, means, ((doc[2].idx, doc[2].idx + len("rebels")),))  # the rebels' own words
    # a quotation opened in the sentence before: '"Ruvia lied. The rebels hope ...," it said'
    opened = [('"', 2, "punct", "PUNCT"), ("Ruvia", 2, "nsubj", "PROPN"), ("lied", 2, "ROOT", "VERB"), (".", 2, "punct", "PUNCT")]
    doc = _parsed(build_tools, opened + [(w, h + 4, d, p) for w, h, d, p in _QUOTED_MEANS[1:]])
    assert head_in_quotation(doc[12]).text == "hope"


def test_blame_told_as_the_means_of_the_speaker_s_own_side_is_the_speaker_s(build_tools) -> None:
    text = "The Ruvian government responded to the raid on Gao by holding Kessa responsible, a Ruvian government spokesman said."
    assert [(_texts(e, "target") >= {"Kessa"}, e.background) for e in _of_category(build_tools, text, "ACCUSE")] == [(True, False)]


def test_a_wrong_a_speaker_says_another_committed_accuses_even_unnamed(build_tools) -> None:
    text = '"Their gunners razed the clinic in Gao, a massacre they committed in broad daylight," the group said on Monday.'
    assert [e.background for e in _of_category(build_tools, text, "ACCUSE")] == [False]
    # a wrong suffered is no wrong done
    assert not _of_category(build_tools, "The crimes Kessa suffered under the occupation will not be forgotten, the minister said.",
                            "ACCUSE")


def test_a_wrong_a_party_committed_accuses_it(build_tools) -> None:
    (accusation,) = _of_category(build_tools, "The crimes the Ruvian army committed in Gao will not be forgotten, the minister said.",
                                 "ACCUSE")
    assert "Ruvian army" in _texts(accusation, "target")
    assert not _of_category(build_tools, "The crimes the Ruvian army did not commit were listed, the minister said.", "ACCUSE")


@pytest.mark.parametrize("text", [
    "No civilians were killed by Ruvian jets in Gao, the army said.",
    "Ruvian jets killed no civilians in Gao, the army said.",
])
def test_a_harm_done_to_no_one_did_not_happen_and_blames_no_one(build_tools, text: str) -> None:
    events = _events(build_tools, text)
    assert not [e for e in events if e.plover == "ACCUSE"], events
    assert not [e for e in events if e.plover == "ASSAULT" and e.status == "happened"], events
    # a count of some is harm done, and told by a speaker it blames the doer
    told = _events(build_tools, text.replace("No civilians", "Twelve civilians").replace("no civilians", "12 civilians"))
    assert [e.status for e in told if e.plover == "ASSAULT"] == ["happened"]
    assert [_texts(e, "target") for e in told if e.plover == "ACCUSE"] == [{"Ruvian"}]


def test_a_count_of_none_in_a_clause_under_a_harm_is_not_its_own(build_tools) -> None:
    events = _events(build_tools, "Ruvian jets attacked Gao, where no civilians were killed, the army said.")
    assert [e.status for e in events if e.trigger == "attacked"] == ["happened"]
    assert [_texts(e, "target") for e in events if e.plover == "ACCUSE"] == [{"Ruvian"}]


def test_a_passive_with_no_force_blames_no_one(build_tools) -> None:
    events = _events(build_tools, "The minister said the rifles were bought by Ruvia.")
    assert not [e for e in events if e.plover == "ACCUSE"], events


def test_an_accusation_is_placed_where_the_harm_it_blames_is(build_tools) -> None:
    text = "Ruvia's defence ministry said the school in Gao was struck by a mortar round fired by the Kessa Liberation Front."
    accusation = next(e for e in _events(build_tools, text) if e.plover == "ACCUSE")
    assert _texts(accusation, "location") == {"Gao"} and accusation.location_basis == "clause"


def test_dropping_a_weapon_is_an_attack(build_tools) -> None:
    attack = _event(build_tools, "Ruvian jets dropped bombs on Gao.", "dropped")
    assert (attack.type, attack.plover) == ("ATTACK", "ASSAULT") and _texts(attack, "location") == {"Gao"}
    assert not _of_category(build_tools, "Kessa dropped its order for 12 helicopters.", "ASSAULT")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ('"These allegations by Ruvia are groundless," Amadou Keita said.', "Amadou Keita"),
        ("Kessa dismissed the reports as lies.", "Kessa"),
        ("The claims that it shelled Gao are fabrications, the Kessa Liberation Front said.", "the Kessa Liberation Front"),
    ],
)
def test_a_claim_called_false_is_rejected_by_who_calls_it_so(build_tools, text: str, actor: str) -> None:
    rejections = _of_category(build_tools, text, "REJECT")
    assert len(rejections) == 1, rejections
    assert rejections[0].type == "DENIAL" and actor in _texts(rejections[0], "actor")


def test_a_claim_not_called_false_is_not_rejected(build_tools) -> None:
    events = _events(build_tools, "Amadou Keita said the reports were not false.")
    assert not [e for e in events if e.plover == "REJECT"], events


def test_the_name_of_what_a_harm_happened_to_is_not_blamed(build_tools) -> None:
    text = "The minister said the collapse of the Gao dam was caused by Ruvian shelling."
    accusations = _of_category(build_tools, text, "ACCUSE")
    assert [_texts(e, "target") for e in accusations] == [{"Ruvian"}], accusations
    assert not _of_category(build_tools, "Officials said the failure of the Gao dam caused the floods.", "ACCUSE")


def test_the_forces_of_a_state_are_blamed(build_tools) -> None:
    text = "The minister said the clinic was hit by shells fired by the forces of Ruvia."
    accusation = next(e for e in _events(build_tools, text) if e.plover == "ACCUSE")
    assert "Ruvia" in _texts(accusation, "target")


def test_coordinated_verbs_share_the_subject_that_is_blamed(build_tools) -> None:
    text = "Ruvian officials argued that a Kessan drone lost control and caused the fire at the depot."
    accusation = next(e for e in _events(build_tools, text) if e.plover == "ACCUSE")
    assert "Kessan" in _texts(accusation, "target")


def test_disputing_is_a_denial_but_a_disputed_place_is_none(build_tools) -> None:
    denial = _event(build_tools, "Kessa disputed the casualty count.", "disputed")
    assert (denial.type, denial.plover) == ("DENIAL", "REJECT") and _texts(denial, "actor") == {"Kessa"}
    assert not _of_category(build_tools, "Ruvian troops entered the disputed region.", "REJECT")


def test_a_named_person_arriving_somewhere_visits_it(build_tools) -> None:
    visit = _event(build_tools, "Amadou Keita arrived in Gao to meet the governor.", "arrived")
    assert (visit.type, visit.plover, visit.mode) == ("VISIT_MEETING", "CONSULT", "visit")
    assert _event(build_tools, "Ruvian troops arrived in Gao.", "arrived").type == "DEPLOY"
    assert not _events(build_tools, "The storm arrived in Gao on Monday.")


def test_people_evacuated_may_be_told_by_a_pronoun(build_tools) -> None:
    events = _events(build_tools, "Two villagers were missing, and rescuers were trying to evacuate them.")
    assert [e.plover for e in events if e.trigger == "evacuate"] == ["AID"], events
    assert not _of_category(build_tools, "Ruvia evacuated it.", "AID")


def test_a_deliberate_explosion_is_an_attack_but_an_explosion_alone_is_not(build_tools) -> None:
    attack = _event(build_tools, "A deliberate explosion destroyed the fuel depot in Gao, investigators said.", "explosion")
    assert (attack.type, attack.plover, attack.mode) == ("ATTACK", "ASSAULT", "explosives")
    assert not _of_category(build_tools, "An explosion was heard in Gao.", "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "A monitoring group said a stray mortar shell most likely caused the fire at the Gao market.",
        "The army said the depot fire was caused by an errant missile.",
        "The fire at the depot resulted from an air strike, officials said.",
    ],
)
def test_a_weapon_named_as_the_cause_of_harm_is_an_accusation(build_tools, text: str) -> None:
    # No party is named, yet a weapon caused it: whoever used it is blamed by the speaker.
    accusations = _of_category(build_tools, text, "ACCUSE")
    assert len(accusations) == 1, accusations


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the floods were caused by heavy rain and a storm.",
        "The delays resulted from a strike by dock workers, the company said.",
        "The militia denied responsibility for the blast, a report said.",
        "Engineers said a gas explosion inside the tunnel caused its collapse.",
    ],
)
def test_a_cause_that_is_no_weapon_blames_no_one(build_tools, text: str) -> None:
    assert not _of_category(build_tools, text, "ACCUSE")


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("Amadou Keita called the Ruvian shelling of Gao a war crime.", None),
        ("Kessa described the raid as an act of terrorism.", None),
        ("The bombing of the market was a crime against humanity, the envoy said.", None),
        ('"It was sabotage by the Zorov Group, planned for weeks," the spokesman told reporters.', "Zorov Group"),
    ],
)
def test_an_act_called_a_wrong_is_an_accusation(build_tools, text: str, accused: str | None) -> None:
    accusations = _of_category(build_tools, text, "ACCUSE")
    assert len(accusations) == 1, accusations
    if accused is not None:
        assert accused in _texts(accusations[0], "target")


@pytest.mark.parametrize(
    "text",
    [
        "Amadou Keita called the trade deal a disaster.",
        "The bombing was not a crime, the general said.",
        "Reporters asked whether the raid was a massacre.",
    ],
)
def test_no_act_called_a_wrong_is_no_accusation(build_tools, text: str) -> None:
    assert not _of_category(build_tools, text, "ACCUSE")


def test_a_blast_that_killed_in_an_article_about_force_is_that_assault(build_tools) -> None:
    text = ("Ruvian jets bombed the market in Gao on Monday. "
            "The explosion, which left dozens of casualties, was the deadliest this year.")
    blasts = [e for e in _events(build_tools, text) if e.trigger == "explosion"]
    assert [(e.type, e.plover) for e in blasts] == [("ATTACK", "ASSAULT")]


def test_a_blast_alone_is_no_assault(build_tools) -> None:
    # an explosion may be an accident: without force told, its harm is the accident's
    events = _events(build_tools, "The explosion, which left dozens of casualties at the mill, was caused by a gas leak.")
    assert not [e for e in events if e.trigger == "explosion"], events


def test_an_incident_caused_by_a_weapon_is_an_assault_at_the_facility_it_names(build_tools) -> None:
    text = "Investigators said the collapse of the Gao bridge had been caused by explosives fixed to its piers by Zorov Group fighters."
    collapse = _event(build_tools, text, "collapse")
    assert collapse.plover == "ASSAULT" and _texts(collapse, "location") == {"Gao bridge"}
    assert not _of_category(build_tools, "The collapse of the Gao bridge was caused by heavy rain.", "ASSAULT")
    assert not _of_category(build_tools, "The collapse of the Gao bridge was caused by an errant missile.", "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "The provincial health office said it never published any casualty toll.",
        '"We did not fire on the convoy," the Zorov Group said.',
    ],
)
def test_a_speaker_saying_they_did_not_do_it_denies_it(build_tools, text: str) -> None:
    rejections = _of_category(build_tools, text, "REJECT")
    assert len(rejections) == 1, rejections


@pytest.mark.parametrize("text", [
    "Police said they did not know the motive.",  # a verb of thought
    # in the speaker's own words, only the first person is the speaker
    '"It has been a hard season for her, but it has not changed her plans," the coach Amadou Keita added.',
    # "it" in reported words is no person's self
    "The coach Amadou Keita said it had not changed her plans.",
    # under way: a stance or a plan, no act denied
    '"We are not looking at any race before June," the coach Amadou Keita said.',
])
def test_a_speaker_saying_something_else_did_not_happen_denies_nothing_of_theirs(build_tools, text: str) -> None:
    assert not _of_category(build_tools, text, "REJECT")


def test_an_idiom_of_blame_names_its_target_with_its_preposition(build_tools) -> None:
    accusation = _event(build_tools, 'The president of Kessa pointed the finger at "Ruvian militias."', "pointed")
    assert accusation.plover == "ACCUSE" and "Ruvian militias" in _texts(accusation, "target")
    assert not _of_category(build_tools, "The guide pointed at the old bridge.", "ACCUSE")


def test_two_parties_accusing_in_one_sentence_make_two_accusations(build_tools) -> None:
    text = "Kessa has accused a Ruvian air strike for the killings, while the Ruvian army has blamed a misfired rocket."
    accusations = _of_category(build_tools, text, "ACCUSE")
    assert [(e.trigger, _texts(e, "actor")) for e in accusations] == [("accused", {"Kessa"}), ("blamed", {"Ruvian army"})]


def test_a_thing_blamed_brings_its_party_with_a_preposition(build_tools) -> None:
    accusation = _event(build_tools, "The Ruvian army has blamed a misfired rocket from the Zorov Group.", "blamed")
    assert _texts(accusation, "target") == {"Zorov Group"}


@pytest.mark.parametrize("text", [
    "Ruvian instructors are training Malian soldiers in Gao.",
    "Kessa provided training to Ruvian soldiers.",
    "Several Kessan army officers received training in Ruvia last year.",
    "The defence chief, who spent a year training abroad, took command of the garrison.",
])
def test_training_of_forces_is_a_training_event(build_tools, text: str) -> None:
    assert [e.type for e in _events(build_tools, text) if e.type == "TRAINING"] == ["TRAINING"]


@pytest.mark.parametrize("text", [
    "The striker took part in full-contact training with his club on Wednesday.",
    "Supporters can watch the teams train for free at the stadium on Friday.",
    "She is working out whether the race fits her marathon training.",
])
def test_training_of_no_force_is_no_training_event(build_tools, text: str) -> None:
    assert not [e for e in _events(build_tools, text) if e.type == "TRAINING"]
