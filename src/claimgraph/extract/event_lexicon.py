"""The event trigger lexicon (data/en/events.json): which words report which kind of event.

A trigger is a lemma with its part of speech and the conditions under which it reports an
event of a type: a particle ("shoot down"), the class of what is moved or acted on ("send"
+ weapons is an arms transfer, "send" + troops a deployment), a preposition ("fly over").
The first entry of a lemma whose conditions hold decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimgraph.extract.resources import DEFAULT_LANGUAGE, load_lexicon_data
from claimgraph.taxonomy import Taxonomy, load_taxonomy


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: what a word reports, and when."""

    lemma: str
    pos: str  # VERB | NOUN
    type: str  # our event type (contract `event.type`)
    plover: str  # PLOVER category
    mode: str | None = None  # PLOVER mode ("firearms", "visit", "withdraw", ...)
    context: str | None = None  # PLOVER context ("military", "diplomatic", ...)
    particle: str | None = None  # a word that must hang from the trigger ("down" in "shoot down")
    theme: str | None = None  # word class what is acted on must belong to
    agent: str | None = None  # word class the subject must belong to
    theme_words: frozenset[str] = frozenset()  # object lemmas, when the condition is a few words
    theme_types: frozenset[str] = frozenset()  # entity types that also satisfy `theme`
    needs_preposition: frozenset[str] = frozenset()
    needs_modifier: frozenset[str] = frozenset()
    excluded_themes: tuple[str, ...] = ()  # classes of objects that make it no event ("killed 91 foxes")
    excluded_modifiers: str | None = None  # class of modifiers that do ("DDoS attacks", "attack politically")
    needs_party: bool = False  # only with a named actor or target ("I agree with him" is no agreement)
    needs_object: bool = False  # "shoot", "kill": only with whom ("the video continues to shoot")
    needs_complement: bool = False  # "agree" only with what is agreed ("agreed to", "agreed on")
    needs_request: bool = False  # "ask" only as a request ("asked X for Y", "asked X to ...")
    person_involved: bool = False  # "meet", "host": only between named parties
    plural: bool = False  # "talks", not "talk"
    bare: bool = False  # a noun that reports an event without any argument ("a coup")
    speech: bool = False  # a speech act: the event it mentions is its content, not an event told
    receiver_is_subject: bool = False  # "acquire", "buy": the subject receives, "from" X gives
    rank: int = 0  # when two triggers of one category nest, the higher rank names the event
    crowd: bool = False  # its `agent` or `theme` class names people who take part unnamed ("thousands of protesters gathered", "residents were evacuated")
    placed_as: str | None = None  # a type whose placing its events follow when their own (OTHER) says nothing of where:
    # an evacuation happens where people are taken from, as a withdrawal does ("evacuated from Gao")
    planned_plover: str | None = None  # its PLOVER category when planned, if not the lexicon's `intent_plover` one


@dataclass(frozen=True)
class EventLexicon:
    triggers: dict[tuple[str, str], tuple[Trigger, ...]]
    classes: dict[str, frozenset[str]]
    demonym_classes: frozenset[str]  # classes a plural people's name belongs to ("400 Ruvians")
    rate_payment: Trigger
    speaker_denial: Trigger
    speaker_defence: Trigger  # a speaker saying another party did no harm speaks in its defence
    violent_types: frozenset[str]
    intent_verbs: frozenset[str]
    planned_modifiers: frozenset[str]
    announce_verbs: frozenset[str]
    future_auxiliaries: frozenset[str]
    possible_auxiliaries: frozenset[str]
    possible_adverbs: frozenset[str]
    possible_nouns: frozenset[str]  # "the risk of an attack": an event a noun of possibility governs may happen
    means_prepositions: frozenset[str]  # "by blaming X": how one does another thing
    agreement_verbs: frozenset[str]
    intent_plover: dict[str, str]
    fatality_verbs: frozenset[str]
    fatality_nouns: frozenset[str]
    locative_prepositions: frozenset[str]
    located_types: frozenset[str]  # events that happen somewhere (statements need not)
    force_types: frozenset[str]  # events only of forces: training soldiers, not athletes
    departure_types: frozenset[str]  # events whose "from X" is where they happen
    national_types: frozenset[str]  # events that happen to a whole country
    party_types: frozenset[str]  # events that need a named actor or target
    destination_types: frozenset[str]  # events whose "to X" names their target
    continuation_words: frozenset[str]  # sentence openers that stay at the scene just told
    movement_types: frozenset[str]  # events that move troops or arms: their owner is the actor
    assault_type: str  # the taxonomy's type for PLOVER ASSAULT: an incident told as force used
    container_nouns: frozenset[str]  # "a total of 91 X", "a convoy of X": what is counted is X
    support_verbs: frozenset[str]  # verbs whose negation negates their event noun ("did not carry out attacks")
    light_verbs: frozenset[str]  # verbs whose subject does their object's event ("Kessa provided training")
    conditional_moods: frozenset[str] = frozenset()  # morphological moods of the conditional ("Cnd": "bombarderait")
    generic_subjects: frozenset[str] = frozenset()  # subjects that make a conditional a hypothesis ("quiconque")
    negative_concord: bool = False  # its "no" word goes with the verb's negation ("n'acceptera aucune frappe")
    future_tenses: frozenset[str] = frozenset()  # morphological tenses of a future ("Fut": "retirera")
    future_verbs: frozenset[str] = frozenset()  # verbs whose infinitive is a future ("aller": "vont attaquer")
    possible_verbs: frozenset[str] = frozenset()  # verbs whose infinitive is a possibility ("pouvoir": "pourrait attaquer")
    predicate_plans: bool = False  # a planned modifier as the noun's predicate plans it ("la fermeture est prévue")
    not_yet_adverbs: frozenset[str] = frozenset()  # right before an infinitive's "to": not done so far ("has yet to sign")
    near_words: frozenset[str] = frozenset()  # predicates of what is about to happen ("close to agreeing", "on the verge of")
    near_prepositions: frozenset[str] = frozenset()  # the only ones a noun of nearness goes with, where it matters ("sur le point de")
    # in a speaker's own quoted words, a hypothesis ('"Without the deal we would pay more"'); reported, the future of a past saying
    hypothesis_auxiliaries: frozenset[str] = frozenset()
    first_person_possessives: frozenset[str] = frozenset()  # "our", "nos": the speaker's own forces, in quoted words
    person_roles: frozenset[str] = frozenset()  # roles people hold (the attribution lexicon's): "six journalists" counts people

    def entries(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        return self.triggers.get((lemma, pos), ())

    def in_class(self, word: str, name: str | None) -> bool:
        return name is not None and word.lower() in self.classes.get(name, frozenset())


_SETS = ("theme_words", "theme_types", "needs_preposition", "needs_modifier")


def _trigger(raw: dict[str, Any]) -> Trigger:
    values: dict[str, Any] = {key: frozenset(value) if key in _SETS else tuple(value) if key == "excluded_themes" else value
                              for key, value in raw.items()}
    return Trigger(**values)


def load_event_lexicon(taxonomy: Taxonomy | None = None, *, lang: str = DEFAULT_LANGUAGE) -> EventLexicon:
    """The trigger lexicon; the sets of types with a property come from the event taxonomy."""
    taxonomy = taxonomy or load_taxonomy()
    data = load_lexicon_data("events", lang)
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    for raw in data["triggers"]:
        trigger = _trigger(raw)
        triggers.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    words = lambda key: frozenset(data[key])
    return EventLexicon(
        triggers={key: tuple(entries) for key, entries in triggers.items()},
        classes={name: frozenset(members) for name, members in data["classes"].items()},
        demonym_classes=words("demonym_classes"),
        rate_payment=_trigger({"lemma": "", "pos": "NUM", **data["rate_payment"]}),
        speaker_denial=_trigger({"lemma": "", "pos": "VERB", **data["speaker_denial"]}),
        speaker_defence=_trigger({"lemma": "", "pos": "VERB", **data["speaker_defence"]}),
        violent_types=taxonomy.with_flag("violent"),
        intent_verbs=words("intent_verbs"),
        planned_modifiers=words("planned_modifiers"),
        announce_verbs=words("announce_verbs"),
        future_auxiliaries=words("future_auxiliaries"),
        possible_auxiliaries=words("possible_auxiliaries"),
        possible_adverbs=words("possible_adverbs"),
        possible_nouns=words("possible_nouns"),
        means_prepositions=frozenset(data.get("means_prepositions", ())),
        agreement_verbs=words("agreement_verbs"),
        intent_plover=dict(data["intent_plover"]),
        fatality_verbs=words("fatality_verbs"),
        fatality_nouns=words("fatality_nouns"),
        locative_prepositions=words("locative_prepositions"),
        located_types=taxonomy.with_flag("located"),
        force_types=taxonomy.with_flag("of_forces"),
        departure_types=taxonomy.with_flag("departure"),
        national_types=taxonomy.with_flag("national"),
        party_types=taxonomy.with_flag("needs_party"),
        destination_types=taxonomy.with_flag("destination"),
        continuation_words=words("continuation_words"),
        movement_types=taxonomy.with_flag("movement"),
        assault_type=taxonomy.type_for_category("ASSAULT"),
        container_nouns=words("container_nouns"),
        support_verbs=words("support_verbs"),
        light_verbs=words("light_verbs"),
        conditional_moods=frozenset(data.get("conditional_moods", ())),
        generic_subjects=frozenset(data.get("generic_subjects", ())),
        negative_concord=bool(data.get("negative_concord", False)),
        future_tenses=frozenset(data.get("future_tenses", ())),
        future_verbs=frozenset(data.get("future_verbs", ())),
        possible_verbs=frozenset(data.get("possible_verbs", ())),
        predicate_plans=bool(data.get("predicate_plans", False)),
        not_yet_adverbs=frozenset(data.get("not_yet_adverbs", ())),
        near_words=frozenset(data.get("near_words", ())),
        near_prepositions=frozenset(data.get("near_prepositions", ())),
        hypothesis_auxiliaries=frozenset(data.get("hypothesis_auxiliaries", ())),
        first_person_possessives=frozenset(data.get("first_person_possessives", ())),
        person_roles=frozenset(load_lexicon_data("attribution", lang).get("person_roles", ())),
    )
