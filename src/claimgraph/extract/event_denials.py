"""What a denial denies, and what kind of armed force an event concerns.

A denial is compared with what other sources assert (resolve/contradictions.py), so it
keeps what it denies: `presence` for "Ruvia denies the presence of mercenaries in Kessa",
or the type of the event a named speaker says did not happen ('"Kessa employs no private
security company," the minister said' denies a deployment). Every event also keeps the
kind of force among its parties (`private` for mercenaries, contractors, private military
or security companies), so that a denial about "such mercenaries" can meet the assertion
about a named private force.

A claim called false is denied too: "these allegations are groundless", "dismissed the reports
as lies", "branded as fabrications the claims that ...": whoever calls another's claim false
rejects it (PLOVER's REJECT), with or without a verb of denial. So does a speaker who says
they did not do what is said of them: "the office said it never published any toll".
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from claimgraph.extract.event_lexicon import EventLexicon
from claimgraph.extract.event_roles import prepositional_objects, themes, with_conjuncts
from claimgraph.extract.quotes import quotation_of
from claimgraph.records import Claim

_SELF = frozenset({"i", "we", "it", "they", "he", "she"})  # a speaker told of by a pronoun


def force_kind(heads: Iterable[Token], lexicon: EventLexicon) -> str | None:
    """'private' when one of the phrases names a private armed force: by its head
    ('mercenaries', 'contractors', 'PMC') or by a hired-force head that is called private
    ('a private security company', 'private Ruvian firms')."""
    for head in heads:
        if lexicon.in_class(head.lemma_, "private_force") or lexicon.in_class(head.text, "private_force"):
            return "private"
        if lexicon.in_class(head.lemma_, "hired_force") and any(lexicon.in_class(t.lemma_, "private_modifier") for t in head.lefts):
            return "private"
    return None


def denied_presence(token: Token, lexicon: EventLexicon) -> tuple[str | None, str | None]:
    """What a denial verb or noun denies when it is someone's presence: ('presence', the kind of
    force) for 'deny the presence of any such contractors', else (None, None)."""
    for theme in themes(token, lexicon):
        if lexicon.in_class(theme.lemma_, "presence"):
            return "presence", force_kind(with_conjuncts(prepositional_objects(theme, {"of"})), lexicon)
    return None, None


def claims_called_false(sentence: Span, lexicon: EventLexicon) -> list[tuple[Token, Token, Token]]:
    """(the word that calls it false, the claim, the verb that says so) for each claim the
    sentence calls false: the claim is the subject of a falsity word's copula ("the
    allegations are untrue and groundless") or what a verb takes "as" one ("dismissed the
    reports as lies"); a negated verb calls nothing false ("the reports were not false")."""
    found = []
    for word in sentence:
        if not (lexicon.in_class(word.lemma_, "falsity") or lexicon.in_class(word.lower_, "falsity")):
            continue
        head = word
        while head.dep_ == "conj" and head.head.i != head.i:  # "false and baseless"
            head = head.head
        if head.dep_ in ("acomp", "attr", "oprd"):
            verb = head.head
            said_of = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        elif head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.dep_ == "prep":
            verb = head.head.head
            said_of = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
            # "branded as lies the claims": the claims parsed beside or under the word
            said_of += [c for c in head.head.children if c.dep_ == "pobj" and c is not head]
            said_of += [c for c in head.children if c.dep_ in ("dobj", "obj")]
        else:
            continue
        claim = next((c for c in said_of if lexicon.in_class(c.lemma_, "claim") or lexicon.in_class(c.lower_, "claim")), None)
        if claim is not None and not any(c.dep_ == "neg" for c in verb.children):
            found.append((word, claim, verb))
    return found


_FIRST_PERSON = frozenset({"i", "we"})


def _stands_for_speaker(pronoun: Token, claim: Claim) -> bool:
    """Whether a pronoun subject is the claim's speaker: in the speaker's own quoted words only
    the first person is ('"It has not changed our plans," he added': "it" is something
    else); in reported words a third person agreeing with the speaker ("it" for a body, not
    for a person: "the coach said it had not affected her" is no denial of his)."""
    word = pronoun.lower_
    if quotation_of(pronoun) is not None:
        return word in _FIRST_PERSON
    return word != "it" or claim.source.kind != "person"


def _in_progress(verb: Token) -> bool:
    """Whether a verb tells what is under way ("we are not looking at any race before June",
    "we are not sending troops"): a stance or a plan, not an act one is said to have done."""
    return "Prog" in verb.morph.get("Aspect", []) and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def own_acts_denied(sentence: Span, claims: list[Claim], lexicon: EventLexicon) -> list[tuple[Token, Claim]]:
    """(the negated verb, the claim) for each speaker who says they did not do something:
    "the office said it never published any toll", '"We did not fire on the convoy," the
    army said'. The speaker is the verb's subject, told by a pronoun; a verb of state or
    thought ("we do not know", "it has no plans") tells what is not so, and denies no act."""
    found = []
    for claim in claims:
        if claim.source.kind == "outlet" or not claim.cue or not sentence.start_char <= claim.start < sentence.end_char:
            continue
        first = claim.cue.split()[0].casefold()
        cues = [t for t in sentence if claim.start <= t.idx < claim.end and t.lower_ == first and t.pos_ == "VERB"]
        for cue in cues:
            said = with_conjuncts([c for c in cue.children if c.dep_ == "ccomp"])
            if not said and cue.dep_ in ("parataxis", "ccomp") and cue.head.pos_ in ("VERB", "AUX"):
                said = [cue.head]  # '"We did not fire," the army said': the quote governs the cue
            for verb in said:
                if verb.pos_ != "VERB" or lexicon.in_class(verb.lemma_, "not_acts") or _in_progress(verb):
                    continue
                negated = any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children)
                speaker = any(c.dep_ == "nsubj" and c.lower_ in _SELF and _stands_for_speaker(c, claim)
                              for c in verb.children)  # "they were not used": no doer
                if negated and speaker:
                    found.append((verb, claim))
                    break
    return found
