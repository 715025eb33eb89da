"""Events: who did what to whom, where and when, as each sentence reports it.

A trigger word from the lexicon (data/en/events.json) gives the event's type and PLOVER
category; the parse gives its actors, targets and place (event_roles.py); the sentence's
dates and quantities give its date and magnitude. A negated, planned, possible or
conditional event is kept with that status and never passed off as having happened; an
intention to help is PLOVER's AGREE and an intention to harm its THREATEN.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.event_attribution import (
    Accusation,
    accusations,
    acts_called_wrong,
)
from claimgraph.extract.event_denials import (
    claims_called_false,
    denied_presence,
    force_kind,
    own_acts_denied,
)
from claimgraph.extract.event_detection import detect, detected_candidates
from claimgraph.extract.event_incidents import (
    blasts_that_harmed,
    incidents_caused_by_force,
)
from claimgraph.extract.event_lexicon import EventLexicon, Trigger
from claimgraph.extract.event_magnitude import (
    MONEY_UNIT,
    fatalities_of,
    level_after,
    magnitude,
)
from claimgraph.extract.event_places import (
    PLACE_TYPES,
    Setting,
    event_date,
    event_location,
)
from claimgraph.extract.event_roles import (
    agent,
    agreement_parties,
    children,
    event_status,
    has_word_in_class,
    is_background,
    is_passive,
    light_verb,
    names_no_event,
    phrase_tokens,
    prepositional_objects,
    reporter,
    subject,
    themes,
    told_as_means,
    with_conjuncts,
)
from claimgraph.extract.event_triggers import (
    ENTITY_TYPES,
    Candidate,
    mentions_in,
    trigger_at,
)
from claimgraph.extract.plover_classifier import PloverClassifier
from claimgraph.extract.quotes import quotation_of
from claimgraph.records import (
    Claim,
    ClaimSource,
    DateMention,
    Event,
    EventArgument,
    Mention,
    Quantity,
)
from claimgraph.taxonomy import Taxonomy

_TOLD_AS_FACT = frozenset({"happened", "alleged", "denied", "planned"})  # a detected event is kept when told so, not hedged
_MATERIAL_THEMES = ("force", "weapon")  # moved, not acted on: their owner is the actor
_WHERE_WORDS = frozenset({"based", "born", "headquartered", "registered", "located"})  # "Gao-based": a place, not a party
_BLAMED_HARM = "ATTACK"  # the harm an accusation without an accusing word blames is placed as an attack
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "obj", "prep", "pcomp", "oprd", "dative"})






@dataclass(frozen=True)
class Detector:
    """The learned event detector and the taxonomy it names its events' types from."""

    classifier: PloverClassifier
    taxonomy: Taxonomy
    scale: float = 1.0  # multiplies the model's thresholds

def extract_events(
    doc: Doc,
    doc_id: str,
    mentions: list[Mention],
    claims: list[Claim],
    dates: list[DateMention],
    quantities: list[Quantity],
    lexicon: EventLexicon,
    *,
    is_country: Callable[[str], bool] | None = None,
    countries_of: Callable[[str], frozenset[str]] = lambda name: frozenset(),
    capital_of: Callable[[str], str | None] = lambda name: None,
    home: Mention | None = None,
    detector: Detector | None = None,
) -> list[Event]:
    """Events of one document, sentence by sentence. `is_country` tells a country name,
    `countries_of` the countries a name or demonym names and `capital_of` the country whose
    capital a name names (the gazetteer's), and
    `home` is the document's main country (event_places.focus_country), where material events
    with no place in their sentence are placed. With a `detector`, the learned classifier's
    categories add the events of each sentence that no lexicon trigger reports."""
    speakers = tuple((c.source.start, c.source.end) for c in claims if c.source.start is not None and c.source.end is not None)
    norp_starts = {m.start for m in mentions if m.type == "NORP"}
    # Facilities named as such ("Velmar Dam"), not described by their owner ("Zorov's base",
    # "the Ruvian army base"): only a name says which one "the dam" is.
    facilities = _first_named(m for m in mentions if m.type == "FAC" and m.start not in norp_starts
                              and "'s" not in m.text.replace("\u2019", "'"))
    voices = tuple((c.start, c.end, speaker) for c in claims if c.source.kind != "outlet" and (speaker := _accuser_of(c)))
    capitals = [m for m in mentions if m.type == "GPE" and capital_of(m.text)]

    def capital_in(country: Mention) -> Mention | None:  # the document's mention of a country's capital
        codes = countries_of(country.text)
        return next((m for m in capitals if capital_of(m.text) in codes), None)

    setting = Setting(home, None, is_country or (lambda _: False), speakers, facilities=facilities, voices=voices, capital_in=capital_in)
    by_key = {(m.start, m.end): m for m in mentions}
    events: list[Event] = []
    sentences = list(doc.sents)
    detections = detect(detector.classifier, sentences, scale=detector.scale) if detector is not None else None
    force_told = False  # whether an assault has been told in a sentence before this one
    for index, sentence in enumerate(sentences):
        if sentence.text.rstrip(" \"'”’)").endswith("?"):
            continue  # a question asserts no event ("How much is Kessa being paid?")
        inside = [m for m in mentions if sentence.start_char <= m.start < sentence.end_char]
        candidates = _nested_removed(_speech_content_removed([c for t in sentence if (c := trigger_at(t, lexicon, inside))]))
        candidates += blasts_that_harmed(sentence, candidates, lexicon, force_told=force_told)
        candidates += incidents_caused_by_force(sentence, candidates, lexicon)
        found = [e for c in candidates if (e := _event(c, doc_id, index, sentence, inside, dates, quantities, lexicon, setting,
                                                       reported_as=_reported_as(c, candidates)))]
        if detector is not None and detections is not None:
            told = {e.plover for e in found}
            extra = detected_candidates(sentence, detections[index], told, detector.classifier, lexicon, detector.taxonomy,
                                        read=[c.token for c in candidates if any(e.start == c.token.idx for e in found)])
            every = candidates + extra
            found += [e for c in extra if (e := _event(c, doc_id, index, sentence, inside, dates, quantities, lexicon, setting,
                                                       reported_as=_reported_as(c, every), require_party=False))
                      and e.status in _TOLD_AS_FACT]
        found += _rate_payments(found, doc_id, index, sentence, quantities, lexicon)
        # (an accusation told as another's setting, "Y evades blame by accusing Z", is not the speaker's)
        if not any(e.plover == "ACCUSE" and not e.background for e in found):
            found += [_accusation(a, doc_id, index, sentence, inside, dates, lexicon, setting)
                      for a in [*accusations(sentence, claims, found, inside, lexicon),
                                *acts_called_wrong(sentence, claims, inside, lexicon)]][:1]
        if not any(e.plover == "REJECT" for e in found):
            found += [_called_false(word, claim, verb, doc_id, index, sentence, inside, claims, dates, lexicon)
                      for word, claim, verb in claims_called_false(sentence, lexicon)][:1]
        if not any(e.plover == "REJECT" for e in found):
            anchored = {e.start for e in found}  # "we did not fire": a negated event its speaker's denial already tells
            found += [_own_act_denied(verb, claim, doc_id, index, sentence, dates, lexicon)
                      for verb, claim in own_acts_denied(sentence, claims, lexicon) if verb.idx not in anchored][:1]
        sentence_events = _speaker_denials(found, claims, inside, lexicon, countries_of)
        events.extend(sentence_events)
        force_told = force_told or any(e.plover == "ASSAULT" for e in sentence_events)
        setting = replace(setting, recent=_recent_place(events, index, by_key) or None)
    return events


def _first_named(found: Iterable[Mention]) -> tuple[Mention, ...]:
    """Each entity's first mention, in order."""
    first: dict[str, Mention] = {}
    for mention in found:
        first.setdefault(mention.key, mention)
    return tuple(first.values())


def _recent_place(events: list[Event], index: int, mentions: dict[tuple[int, int], Mention]) -> Mention | None:
    """The place of the latest event told in this or the sentence before, when the text
    itself placed it: 'Then gunmen shot ...' happened where the story just was."""
    for event in reversed(events):
        if event.sentence < index - 1:
            return None
        place = event.role("location")
        if place and event.location_basis in ("clause", "sentence"):
            return mentions.get((place[0].start, place[0].end))
    return None


# --- triggers ---------------------------------------------------------------------------


def _speech_content_removed(candidates: list[Candidate]) -> list[Candidate]:
    """What is requested, threatened or praised is the speech act's content, not an event
    that happened; an accused or denied event is kept (its claim says who asserts it)."""
    speech = [c for c in candidates if c.trigger.speech and c.trigger.plover not in ("ACCUSE", "REJECT")]
    return [c for c in candidates if not any(s is not c and _in_complement(c.token, s.token) for s in speech)]


def _reported_as(candidate: Candidate, candidates: list[Candidate]) -> str | None:
    """'Ruvia denied attacking Kidal': the attack is `denied`; 'accused Ruvia of attacking
    Kidal': it is `alleged`. Neither is told as having happened."""
    for speech in candidates:
        if speech is not candidate and speech.trigger.speech and _in_complement(candidate.token, speech.token):
            if speech.trigger.type == "DENIAL":
                return "denied"
            if speech.trigger.plover == "ACCUSE":
                return "alleged"
    return None


def _in_complement(token: Token, speech: Token) -> bool:
    """Whether `token` lies in what `speech` says or asks for (not in a clause telling when)."""
    current = token
    while current.head.i != current.i:
        if current.head.i == speech.i:
            return current.dep_ in _COMPLEMENT_DEPS
        if current.dep_ == "conj":
            return False
        current = current.head
    return False


def _nested_removed(candidates: list[Candidate]) -> list[Candidate]:
    """'seized power in a coup', 'killed in the massacre', 'signed an agreement': one event,
    named by the more specific trigger (higher rank; on a tie, the outer one). Coordinated
    verbs of one type ('attacked the base and killed 7 soldiers') are one event too, so that
    its toll is counted once."""
    kept = []
    for one in candidates:
        rivals = [o for o in candidates if o is not one and _same_event(o, one)]
        outranked = any(
            o.trigger.rank > one.trigger.rank
            or (o.trigger.rank == one.trigger.rank and (_nested_in(one.token, o.token) or o.token.i < one.token.i
                                                        and not _nested_in(o.token, one.token)))
            for o in rivals
        )
        if not outranked:
            kept.append(one)
    return kept


def _different_speakers(a: Token, b: Token) -> bool:
    speakers = [subject(a), subject(b)]
    return all(s is not None for s in speakers) and speakers[0] is not speakers[1]


def _same_event(a: Candidate, b: Candidate) -> bool:
    # One category with different specificity ("killed in the massacre") or one type; an
    # arrival to accompany a delivery is two events of one category.
    same_kind = a.trigger.type == b.trigger.type or (a.trigger.plover == b.trigger.plover and a.trigger.rank != b.trigger.rank)
    if not same_kind:
        return False
    if a.trigger.speech and b.trigger.speech and _different_speakers(a.token, b.token):
        return False  # "X accused A, while Y blamed B": two statements, by two parties
    if _nested_in(a.token, b.token) or _nested_in(b.token, a.token):
        return True
    coordinated = a.token in b.token.conjuncts
    return coordinated and a.trigger.type == b.trigger.type


def _nested_in(token: Token, outer: Token) -> bool:
    """Whether `token` lies under `outer` without crossing a coordination."""
    current = token
    while current.head.i != current.i:
        if current.dep_ == "conj":
            return False
        current = current.head
        if current.i == outer.i:
            return True
    return False


# --- one event --------------------------------------------------------------------------


def _event(candidate: Candidate, doc_id: str, index: int, sentence: Span, mentions: list[Mention],
           dates: list[DateMention], quantities: list[Quantity], lexicon: EventLexicon, setting: Setting,
           reported_as: str | None = None, require_party: bool = True) -> Event | None:
    token, trigger = candidate.token, candidate.trigger
    if names_no_event(token, lexicon):
        return None
    status = event_status(token, lexicon)
    event_type, plover, mode = _category(trigger, status.value, lexicon)
    if reported_as is not None and status.value == "happened":
        status = replace(status, value=reported_as)
    actors, targets, heads = _participants(token, trigger, lexicon, mentions)
    speaker = _first_person_doer(token, lexicon, setting) if not actors else None
    if require_party and (trigger.type in lexicon.party_types or trigger.needs_party) and not actors and not targets \
            and not trigger.crowd and speaker is None:
        return None  # "the account pays 5%", "were blamed for the fall": no one named takes part
    if event_type in lexicon.force_types and not _of_forces(token, heads, lexicon):
        return None  # "her marathon training", "the teams train at the stadium": no force is trained
    denies, force = denied_presence(token, lexicon) if event_type == "DENIAL" else (None, force_kind(heads, lexicon))
    located_as = "DEPLOY" if denies == "presence" else trigger.placed_as or event_type  # a denied presence is placed like a deployment
    location, basis = event_location(token, sentence, mentions, actors, targets, lexicon, event_type=located_as, setting=setting)
    arguments = [_argument("actor", m) for m in actors] + [_argument("target", m) for m in targets]
    if speaker is not None:
        arguments.insert(0, speaker)
    if location is not None:
        arguments.append(_argument("location", location))
    date = event_date(token, sentence, dates)
    quantity = magnitude(token, trigger, sentence, quantities, lexicon)
    if status.value == "happened" and _none_harmed(token, quantity):
        status = replace(status, value="negated", cue=quantity.text if quantity else None)
    level = level_after(token, sentence, quantities, quantity, lexicon) if event_type == "WITHDRAWAL" else None
    kind_words, another = _which_one(token, trigger, lexicon)
    return Event(
        doc=doc_id, sentence=index, start=token.idx, end=token.idx + len(token.text), trigger=token.text,
        type=event_type, plover=plover, mode=mode,
        context=trigger.context, status=status.value,
        arguments=tuple(arguments), location_basis=basis if location is not None else None,
        date=date.value if date else None, date_basis="sentence" if date else None,
        quantity=(quantity.start, quantity.end) if quantity else None,
        fatalities=fatalities_of(quantity) if quantity and trigger.plover == "ASSAULT" else None,
        force=force, denies=denies, background=is_background(token) or _accusation_as_means(token, trigger, lexicon, setting, mentions)
        or _describes_an_event(token, trigger, lexicon),
        level=level, kind_words=kind_words, another=another,
    )


def _first_person_doer(token: Token, lexicon: EventLexicon, setting: Setting) -> EventArgument | None:
    """The named speaker whose quoted words tell the event with "we" or "I" as its doer, or
    "our" forces or arms ('"We reject them categorically," the minister said'; '"Our jets
    struck the depot," the army said'): the speaker is the doer, as "it" stands for the
    speaker in reported words (event_roles.reporter)."""
    doer = None if is_passive(token) else subject(token)
    if doer is None:
        return None
    owner = _force_owner(doer, lexicon)
    if not ("1" in doer.morph.get("Person", []) and doer.pos_ == "PRON"
            or owner is not None and owner.lower_ in lexicon.first_person_possessives):
        return None
    quotation = quotation_of(doer)
    if quotation is None:
        return None
    opened = doer.doc.char_span(quotation[0] + 1, doer.idx, alignment_mode="contract")  # after the quotation opens
    if opened is not None and any(t.text in _QUOTE_MARKS for t in opened):
        return None  # quoted inside the quotation: another speaker's words
    clause = token
    while clause.head.i != clause.i and quotation[0] <= clause.head.idx < quotation[1]:
        # another speaker inside the quoted words ('"The minister told us: 'We attacked the camp'," Keita said'): theirs
        if clause.dep_ in ("ccomp", "parataxis") and any(c.dep_ == "nsubj" and "1" not in c.morph.get("Person", []) for c in clause.head.children):
            return None
        clause = clause.head
    return next((replace(speaker, role="actor") for start, end, speaker in setting.voices if start <= token.idx < end), None)


def _force_owner(doer: Token, lexicon: EventLexicon) -> Token | None:
    """The possessive owning a doer that is a force or its arms ("its fighters", "our jets",
    "nos soldats": the lexicon's `force`, `weapon` and `aircraft` classes): a force acts for its
    owner; "its rival" or "their neighbours" are others."""
    owner = next((c for c in doer.children if c.dep_ == "poss"), None)
    return owner if owner is not None and any(has_word_in_class(doer, lexicon, kind) for kind in _OWNED_KINDS) else None


def _none_harmed(token: Token, quantity: Quantity | None) -> bool:
    """Whether a harm is told as done to no one: its own subject or object is a count of none
    ("no civilians were killed by Ruvian jets", "nobody died"; extract/quantities.py reads
    the zero), so the harm did not happen and blames no one (its doer is not accused)."""
    if quantity is None or quantity.value != 0:
        return False
    # the count is the subject or object itself ("no civilians", "nobody"), not a count in a
    # clause under it ("attacked Gao, where no civilians were killed")
    own = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj")]
    return any(quantity.start <= c.idx < quantity.end for c in own)


def _accusation_as_means(token: Token, trigger: Trigger, lexicon: EventLexicon, setting: Setting,
                         mentions: list[Mention]) -> bool:
    """Whether an accusation is told as how someone other than a speaker does another thing
    (event_roles.told_as_means): that party's act as the speaker describes it."""
    return trigger.plover == "ACCUSE" and told_as_means(token, lexicon.means_prepositions, setting.speakers, mentions)


def _describes_an_event(token: Token, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether an event is told in a restrictive relative clause on a definite noun of an
    event of its own kind ("the blast that killed forty", "the explosion which destroyed the
    bridge"): the clause picks out a happening its speaker takes as known, as a definite
    description does, and the article, not the speaker, is where it comes from. The clause may
    hang on a place within the event's phrase ("the strike on the clinic that killed forty": a
    clinic kills no one), not on a party ("the raid on rebels who later attacked a post": the
    rebels' own act). A clause set off by a comma adds news ("the attack, which killed
    fourteen"), as does one on an indefinite noun ("an explosion which killed twelve") or one
    telling another kind of act ("the attack that Kessa blamed on Ruvia")."""
    if (token.dep_ != "relcl" or _set_off(token) or _names_a_party_word(token.head)
            or any(c.lower_ in _PERSONAL_RELATIVES for c in token.children)):
        return False
    noun = token.head
    for _ in range(_DESCRIBED_REACH):
        if noun.pos_ in ("NOUN", "PROPN") and any(t.plover == trigger.plover for t in lexicon.entries(noun.lemma_.lower(), "NOUN")):
            return any(c.dep_ == "poss" or c.dep_ == "det" and _definite(c) for c in noun.children)
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and not _names_a_party_word(noun):  # "the strike on the clinic"
            noun = noun.head.head
        else:
            return False
    return False


_DESCRIBED_REACH = 3  # nouns climbed from a relative clause's own to the event it describes: "the blast at the clinic in the town which ..."


def _definite(determiner: Token) -> bool:
    """A definite article or a demonstrative ("the", "this"; "la", "cette"), as the model's
    morphology tells it in any language."""
    return "Def" in determiner.morph.get("Definite", []) or "Dem" in determiner.morph.get("PronType", [])


def _set_off(clause: Token) -> bool:
    """Whether a relative clause is set off from its noun by a comma or a dash: it adds to
    what is said rather than picking out what is meant."""
    first = clause.left_edge
    return first.i > 0 and first.nbor(-1).is_punct


def _names_a_party_word(noun: Token) -> bool:
    """Whether a noun names someone who acts (a person, a body, a people), not a place."""
    return noun.ent_type_ in ("PERSON", "ORG", "NORP")


_PERSONAL_RELATIVES = frozenset({"who", "whom", "whose"})  # a clause on someone: their own act


def _of_forces(token: Token, heads: list[Token], lexicon: EventLexicon) -> bool:
    """Whether an event is told of forces: a force or a weapon among its participants, its
    subject or the words around its trigger ("trained Ruvian soldiers", "a training mission",
    "training for the troops"), or a military word on one of them ("military training",
    "army officers received training", "the defence chief, who spent a year training abroad")."""
    # the subjects of the clauses it is told in: "the defence chief, who spent a year training abroad"
    doers = [s for a in [token, *token.ancestors] if a.pos_ in ("VERB", "AUX") and (s := subject(a)) is not None]
    phrases = [*heads, *doers, token.head, *token.children,
               *(g for c in token.children if c.dep_ == "prep" for g in c.children)]
    words = [t for head in phrases for t in head.subtree if abs(t.i - head.i) <= _PHRASE_REACH]
    return (any(has_word_in_class(t, lexicon, c) for t in phrases for c in ("force", "trainer", "weapon"))
            or any(lexicon.in_class(t.lower_, "military_modifiers") for t in [token, *token.children, *words]))


_PHRASE_REACH = 6  # words of a participant's phrase read around its head: its description, not a clause far off


def _which_one(token: Token, trigger: Trigger, lexicon: EventLexicon) -> tuple[tuple[str, ...], bool]:
    """The nouns that name the event's kind and whether it is told as another one, read on its
    noun: the trigger, or the object a verb such as "sign" takes ("signed a new gas deal");
    for an agreement told by its verb alone, what it is to do ("agreed to pay")."""
    noun = token if token.pos_ in ("NOUN", "PROPN") else next(
        (o for o in children(token, "dobj", "obj") if trigger.theme is not None), None)
    if noun is None:
        # what an agreement is to do, or what a denial denies, is its kind: "agreed to pay a
        # fine" is not "agreed to suspend its sales", "denied the poster was offensive" not
        # "denied campaigning abroad"
        if trigger.type == "AGREEMENT":
            done = next((c for c in children(token, "xcomp") if c.pos_ == "VERB"), None)
            return ((done.lemma_.lower(),) if done is not None else ()), False
        if trigger.type == "DENIAL":
            denied = next((c for c in children(token, "ccomp", "xcomp") if c.pos_ in ("VERB", "AUX")), None)
            said = next((c for c in children(denied, "acomp", "attr")), denied) if denied is not None and denied.lemma_ == "be" else denied
            # a denied act of a kind the lexicon names ("denied attacking", "denied shelling")
            # is known by its type, which words of one act told two ways share
            if said is None or lexicon.entries(said.lemma_.lower(), said.pos_):
                return (), False
            return (said.lemma_.lower(),), False
        return (), False
    modifiers = children(noun, "compound", "amod", "nmod")
    kinds = tuple(sorted({m.lemma_.lower() for m in modifiers if m.pos_ == "NOUN"}))
    return kinds, any(lexicon.in_class(m.lemma_, "another_one") for m in modifiers + children(noun, "det"))


def _category(trigger: Trigger, status: str, lexicon: EventLexicon) -> tuple[str, str, str | None]:
    """Type, PLOVER category and mode under the event's status: PLOVER codes a promise to help
    as AGREE, a promise to withdraw as CONCEDE, and a conditional harm as THREATEN (whose modes
    are its own, not the trigger's 'firearms' or 'withdraw'). A trigger may name its own
    planned category: a decided evacuation of civilians yields nothing to anyone (RETREAT)."""
    intended = trigger.planned_plover or lexicon.intent_plover.get(trigger.plover, trigger.plover)
    threat_mode = trigger.mode if trigger.plover == "THREATEN" else None
    if status == "conditional" and (intended == "THREATEN" or trigger.plover == "RETREAT"):
        return "OTHER", "THREATEN", threat_mode
    if status in ("planned", "conditional"):
        return trigger.type, intended, threat_mode if intended == "THREATEN" else trigger.mode
    return trigger.type, trigger.plover, trigger.mode


def _participants(token: Token, trigger: Trigger, lexicon: EventLexicon,
                  mentions: list[Mention]) -> tuple[list[Mention], list[Mention], list[Token]]:
    """Actors and targets: the doer and what is done to. Moved troops or weapons are not
    targets: their owner ('Ruvian helicopters') is the actor, their recipient the target.
    Also the heads of every party's phrase, named or not ('contractors', 'a company')."""
    moved: list[Token] = []
    counterparts: list[Token] = []
    # Troops sent or withdrawn, arms delivered are moved; soldiers trained are its targets.
    if trigger.type in lexicon.movement_types and (trigger.theme is not None or trigger.type != "TRAINING"):
        moved = [t for t in themes(token, lexicon) if any(has_word_in_class(t, lexicon, c) for c in _MATERIAL_THEMES)]
    if token.pos_ in ("NOUN", "PROPN"):
        # "Ruvian strikes" name who strikes; "the Gao massacre" names where (event_places.py).
        doers = children(token, "poss") + [c for c in children(token, "compound", "amod") if _names_a_doer(c, mentions)]
        doers += prepositional_objects(token, {"by"})
        done_to = [t for t in prepositional_objects(token, {"of", "against", "on", "with"}) if t not in moved]
        if trigger.type == "AGREEMENT" and not doers:
            doers, counterparts = agreement_parties(token, lexicon)
            done_to += counterparts
        verb = light_verb(token, lexicon) if not doers else None
        if verb is not None:  # "Kessa provided training to Ruvian soldiers"
            doers = [d for d in ((agent(verb) if is_passive(verb) else _speaking_for(subject(verb), mentions, lexicon)),) if d is not None]
            done_to += [t for t in prepositional_objects(verb, {"to", "against", "on"}) if t not in moved]
        elif not doers and _sent_force(token, lexicon):  # "Kessa deployed a training mission": Kessa trains
            doers = [d for d in (subject(token.head.head),) if d is not None]
    elif trigger.receiver_is_subject:
        doers = prepositional_objects(token, {"from"})
        done_to = [h for h in (subject(token),) if h is not None]
    else:
        doer = agent(token) if is_passive(token) else _speaking_for(subject(token), mentions, lexicon)
        if doer is not None and doer.i == token.head.i and _describes_an_event(token, trigger, lexicon):
            doer = None  # "the strike on the clinic which killed forty": the strike kills, not the clinic
        doers = [doer] if doer is not None and doer not in moved else []
        done_to = [t for t in themes(token, lexicon) if t not in moved and t != doer]
        if trigger.theme_words and trigger.needs_preposition:  # an idiom's object is its own word: "pointed the finger at X"
            done_to = prepositional_objects(token, set(trigger.needs_preposition))
        if trigger.plover == "ACCUSE" and not _mentions_of(done_to, mentions):
            # what is blamed is a thing, whose party comes with a preposition: "blamed the
            # attack on the militia", "blamed a stray rocket from the Zorov Group"
            done_to += prepositional_objects(token, {"on", "from"})
        if trigger.type == "AGREEMENT" and trigger.theme is not None:  # "Kessa signed a deal with Zorov", not "I agree with her"
            counterparts = prepositional_objects(token, {"with"})
            done_to += counterparts
        if trigger.plover == "REQUEST" and not done_to:  # "requested that Ruvia stop its flights": of Ruvia
            done_to = [h for c in children(token, "ccomp") for h in (subject(c),) if h is not None][:1]
    if moved or trigger.type in lexicon.destination_types:  # the recipient, the host visited
        done_to += prepositional_objects(token, {"to", "into"})
    # "concluded by Kessa with Zorov": a counterpart parsed inside the maker's phrase is no maker
    counterpart_words = mentions_in([t for c in counterparts for t in phrase_tokens(c)], mentions)
    actors = [m for m in _mentions_of(with_conjuncts(doers), mentions) if m not in counterpart_words]
    actors += [m for m in _office_states(with_conjuncts(doers), mentions, lexicon) if m not in actors]
    for retired in (h for h in with_conjuncts(doers) if _out_of_office(h, lexicon)):  # the state is not what acts
        words = _title_words(retired)
        actors = [m for m in actors if m.type not in ("GPE", "NORP") or not mentions_in(words, [m])]
    if not actors and moved:
        actors = _mentions_of(moved, mentions)
    targets = [m for m in _mentions_of(with_conjuncts(done_to), mentions) if m not in actors]
    return actors, targets, with_conjuncts(doers) + moved + with_conjuncts(done_to)


def _speaking_for(doer: Token | None, mentions: list[Mention], lexicon: EventLexicon) -> Token | None:
    """A pronoun doer of a reported clause, or the pronoun owning its forces or arms
    (_force_owner), as the speaker it stands for ("the army said it shelled the camp", "said
    its jets shelled the camp"), where they agree (event_roles.reporter); else the doer as found."""
    if doer is None:
        return None
    owner = _force_owner(doer, lexicon) if not mentions_in(phrase_tokens(doer), mentions) else None  # not "its neighbour Kessa"
    for pronoun in (doer, owner):
        if pronoun is not None and (speaker := reporter(pronoun, lambda head: any(m.type in _COLLECTIVE for m in mentions_in([head], mentions)))):
            return speaker
    return doer


_COLLECTIVE = frozenset({"ORG", "GPE", "NORP", "MEDIA"})  # a state or a body may be "they"
_QUOTE_MARKS = frozenset({"‘", "'", "“", '"', "«", "‹"})  # a mark opening a quotation inside a quotation
_OWNED_KINDS = ("force", "weapon", "aircraft")  # the lexicon's classes of what a party fights with


def _sent_force(token: Token, lexicon: EventLexicon) -> bool:
    """Whether a noun trigger names the kind of a force that a verb sends: 'training' in
    'deployed a training mission' (not in 'signed a training agreement')."""
    force = token.head
    return (token.dep_ == "compound" and has_word_in_class(force, lexicon, "force") and force.dep_ in ("dobj", "obj")
            and force.head.pos_ == "VERB" and not is_passive(force.head))


def _names_a_doer(modifier: Token, mentions: list[Mention]) -> bool:
    """'Ruvian' in 'Ruvian strikes' is who strikes; 'Gao' in 'the Gao massacre' is where."""
    types = {m.type for m in mentions_in([modifier], mentions)}
    return bool(types & ENTITY_TYPES) and not types & PLACE_TYPES


def _mentions_of(heads: Iterable[Token], mentions: list[Mention]) -> list[Mention]:
    """The entities a phrase names: the one its head is ('US consortium Zorov Holdings' is
    Zorov Holdings, not the US), else those modifying it ('Ruvian instructors': Ruvia)."""
    found: list[Mention] = []
    for head in heads:
        # "a rival armed movement, the Vantor Front": the name in apposition is the party
        head = next((c for c in head.children if c.dep_ == "appos" and any(m.type in ENTITY_TYPES for m in mentions_in([c], mentions))),
                    head)
        named = [m for m in mentions_in([head], mentions) if m.type in ENTITY_TYPES]
        if named:  # "Zorov's forces": the forces, and Zorov whose they are
            named += [m for p in children(head, "poss") for m in mentions_in(phrase_tokens(p), mentions) if m not in named]
        for mention in named or mentions_in(phrase_tokens(head), mentions):
            if mention not in found and mention.type in ENTITY_TYPES and not _where_based(mention, head):
                found.append(mention)
    return found


def _office_states(heads: Iterable[Token], mentions: list[Mention], lexicon: EventLexicon) -> list[Mention]:
    """"Kessa's Foreign Minister Amadou Keita accused Ruvia": a holder of a state's office acts
    for the state, which acts too (as event data codes a minister as his government). The
    state is named in the title itself ("Kessa's ambassador to Ruvia" acts for Kessa only)."""
    found: list[Mention] = []
    for head in heads:
        if not any(m.type == "PERSON" for m in mentions_in([head], mentions)) or _out_of_office(head, lexicon):
            continue
        for title in children(head, "compound", "appos"):
            if lexicon.in_class(title.lemma_, "state_office") or lexicon.in_class(title.text, "state_office"):
                found += [m for m in mentions_in(_title_words(title), mentions) if m.type in ("GPE", "NORP") and m not in found]
    return found


def _out_of_office(head: Token, lexicon: EventLexicon) -> bool:
    """"Ruvia's former president Amadou Keita", "Ruvian opposition leader Keita": no office of the state."""
    return any(lexicon.in_class(t.text, "out_of_office") for t in _title_words(head) if t != head)


def _title_words(head: Token) -> list[Token]:
    """A name's or a title's own words and modifiers, without the phrases after it ("to Ruvia")."""
    words = [head]
    for child in head.children:
        if child.dep_ in ("compound", "amod", "poss", "appos", "nmod"):
            words += _title_words(child)
        elif child.dep_ == "prep" and child.norm_ == "of":  # "the president of Kessa"
            words += [t for t in child.subtree]
    return words


def _where_based(mention: Mention, head: Token) -> bool:
    """"the Gao-based militia": Gao is where the militia is, not a party to what it does."""
    span = head.doc.char_span(mention.start, mention.end)
    after = span.end if span is not None else len(head.doc)
    return after + 1 < len(head.doc) and head.doc[after].text in ("-", "–") and head.doc[after + 1].lower_ in _WHERE_WORDS


def _argument(role: str, mention: Mention) -> EventArgument:
    return EventArgument(role, mention.start, mention.end, mention.text, mention.key, mention.type)


def _rate_payments(found: list[Event], doc_id: str, index: int, sentence: Span, quantities: list[Quantity],
                   lexicon: EventLexicon) -> list[Event]:
    """'under the deal, 2 million dollars a month': a sum by the period named with an agreement
    is what the agreement pays."""
    if any(e.type == "PAYMENT" for e in found) or not any(lexicon.in_class(t.lemma_, "agreement") for t in sentence):
        return []
    rates = [q for q in quantities if sentence.start_char <= q.start < sentence.end_char and "/" in (q.unit or "") and MONEY_UNIT.match(q.unit)]
    trigger = lexicon.rate_payment
    return [
        Event(doc_id, index, q.start, q.end, q.text, trigger.type, trigger.plover, trigger.mode, trigger.context, "happened",
              (), None, None, None, (q.start, q.end), None)
        for q in rates[:1]
    ]


def _accusation(accusation: Accusation, doc_id: str, index: int, sentence: Span, mentions: list[Mention],
                dates: list[DateMention], lexicon: EventLexicon, setting: Setting) -> Event:
    """A claim that blames another party for harm, as an accusation by its speaker. It is placed
    where the harm it blames is, as the words that tell the harm place it ("said the clinic in
    Gao was hit by a shell fired by X": Gao); a harm placed by nothing in its own phrases
    leaves the accusation unplaced (a statement happens nowhere in particular)."""
    token = accusation.anchor
    accuser = (accusation.accuser,) if accusation.accuser is not None else ()
    date = event_date(token, sentence, dates)
    place, basis = (event_location(accusation.act, sentence, mentions, [], list(accusation.accused), lexicon,
                                   event_type=_BLAMED_HARM, setting=setting)
                    if accusation.act is not None else (None, None))
    if basis != "clause":
        place = None
    location = (_argument("location", place),) if place is not None else ()
    return Event(
        doc=doc_id, sentence=index, start=token.idx, end=token.idx + len(token.text), trigger=token.text,
        type="ACCUSATION", plover="ACCUSE", mode="disapprove", context=None, status="happened",
        arguments=(*accuser, *(_argument("target", m) for m in accusation.accused), *location),
        location_basis="clause" if place is not None else None,
        date=date.value if date else None, date_basis="sentence" if date else None, quantity=None, fatalities=None,
    )


def _called_false(word: Token, claim: Token, verb: Token, doc_id: str, index: int, sentence: Span, mentions: list[Mention],
                  claims: list[Claim], dates: list[DateMention], lexicon: EventLexicon) -> Event:
    """A claim called false, as a denial by whoever calls it so: the subject of the verb that
    does ("Kessa dismissed the reports as lies"), else the speaker of the sentence's claim
    ('"These allegations are groundless," the minister said'). Whose claim it was is its target."""
    denial = lexicon.speaker_denial
    doer = subject(verb) if verb.lemma_ != "be" else None
    actors = [_argument("actor", m) for m in _mentions_of([doer], mentions)] if doer is not None else []
    if not actors:
        said = next((c for c in claims if c.start <= word.idx < c.end and c.source.entity_key and c.source.kind != "outlet"), None)
        speaker = _accuser_of(said) if said is not None else None
        actors = [speaker] if speaker is not None else []
    own = {(a.start, a.end) for a in actors}
    targets = [_argument("target", m) for m in _mentions_of([claim], mentions) if (m.start, m.end) not in own]
    date = event_date(word, sentence, dates)
    return Event(
        doc=doc_id, sentence=index, start=word.idx, end=word.idx + len(word.text), trigger=word.text,
        type=denial.type, plover=denial.plover, mode=denial.mode, context=denial.context, status="happened",
        arguments=(*actors, *targets), location_basis=None,
        date=date.value if date else None, date_basis="sentence" if date else None, quantity=None, fatalities=None,
    )


def _own_act_denied(verb: Token, claim: Claim, doc_id: str, index: int, sentence: Span, dates: list[DateMention],
                    lexicon: EventLexicon) -> Event:
    """A speaker's denial of an act of their own ("said it never published any toll"): a
    denial by the speaker, anchored on the act denied."""
    denial = lexicon.speaker_denial
    speaker = _accuser_of(claim)
    date = event_date(verb, sentence, dates)
    return Event(
        doc=doc_id, sentence=index, start=verb.idx, end=verb.idx + len(verb.text), trigger=verb.text,
        type=denial.type, plover=denial.plover, mode=denial.mode, context=denial.context, status="happened",
        arguments=(speaker,) if speaker is not None else (), location_basis=None,
        date=date.value if date else None, date_basis="sentence" if date else None, quantity=None, fatalities=None,
    )


def _accuser_of(claim: Claim) -> EventArgument | None:
    source = claim.source
    if source.entity_key is None or source.start is None or source.end is None:
        return None
    return EventArgument("actor", source.start, source.end, source.name, source.entity_key, source.entity_type or "")


def _speaker_denials(found: list[Event], claims: list[Claim], mentions: list[Mention], lexicon: EventLexicon,
                     countries_of: Callable[[str], frozenset[str]]) -> list[Event]:
    """A named speaker saying something did not happen ('"We employ no such company," the
    minister said') makes a denial by that speaker; another party saying that a party did no
    harm ("Ruvian gunners did not shell the market", the Kessan government said) speaks in
    that party's defence (PLOVER's SUPPORT), and what it denies is the harm all the same."""
    result = []
    for event in found:
        claim = next((c for c in claims if c.start <= event.start and event.end <= c.end and c.source.entity_key), None)
        if (event.status != "negated" or claim is None or claim.source.kind == "outlet"
                or event.type not in lexicon.located_types):  # a negated statement is no denial
            result.append(event)
            continue
        source = claim.source
        speaker = EventArgument("actor", source.start or 0, source.end or 0, source.name, source.entity_key or "", source.entity_type or "")
        doers = event.role("actor")
        defended = (event.type in lexicon.violent_types and doers and not any(_speaks_as(source, doer, mentions, countries_of) for doer in doers)
                    and _another_party(source, doers, mentions))
        told = lexicon.speaker_defence if defended else lexicon.speaker_denial
        others = tuple(replace(a, role="target") if a.role == "actor" else a for a in event.arguments)
        result.append(replace(event, type=told.type, plover=told.plover, mode=told.mode, context=told.context,
                              status="happened", arguments=(speaker, *others), denies=event.type))
    return result


def _another_party(source: ClaimSource, doers: list[EventArgument], mentions: list[Mention]) -> bool:
    """Whether a source is a party other than the doers: a body (a state, an agency, a group),
    or a person whose description names another party ("a Kessan spokesman"). A person whose
    description names none ("Minister Amadou Keita") may well speak for the doer."""
    if source.entity_type != "PERSON":
        return True
    doer_keys = {d.key for d in doers}
    start, end = source.start or 0, source.end or 0
    return any(start <= m.start and m.end <= end and m.type in ("ORG", "GPE", "NORP") and m.key not in doer_keys
               for m in mentions)


def _speaks_as(source: ClaimSource, doer: EventArgument, mentions: list[Mention],
               countries_of: Callable[[str], frozenset[str]]) -> bool:
    """Whether a claim's source is the doer or names it: the same mention, or a party named in
    the source's phrase that is the doer's name or its demonym ("Russia's defence ministry"
    for "Russian jets", "a Ruvian army spokesman" for "the Ruvian army"; not "a Kessan report"
    for "Ruvia")."""
    if doer.key == source.entity_key:
        return True
    start, end = source.start or 0, source.end or 0
    named = [m.text for m in mentions if start <= m.start and m.end <= end] + [source.name]
    return any(_one_name(doer.text, name, countries_of) for name in named)


def _one_name(a: str, b: str, countries_of: Callable[[str], frozenset[str]]) -> bool:
    """Whether two names name one party: one within the other, or a country's name and its
    demonym, as the gazetteer holds them ("Russia"/"Russian"; not "Niger"/"Nigerian"); for
    names it does not hold, sharing all but the last letter of the shorter ("Ruvia"/"Ruvian")."""
    a, b = (re.sub(r"^the\s+|['’]s$", "", n.casefold().strip()) for n in (a, b))
    if not a or not b:
        return False
    if a in b.split() or b in a.split() or a == b:
        return True
    known_a, known_b = countries_of(a), countries_of(b)
    if known_a and known_b:
        return bool(known_a & known_b)
    short, long = sorted((a, b), key=len)
    shared = len(os.path.commonprefix([short, long]))
    return " " not in short and " " not in long and shared >= max(4, len(short) - 1)
