"""Which words report an event here: a lexicon trigger whose conditions hold in the parse
(what is acted on, particles, prepositions, a named party, a noun's own argument)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from claimgraph.extract.event_lexicon import EventLexicon, Trigger
from claimgraph.extract.event_roles import (
    agent,
    children,
    has_word_in_class,
    is_passive,
    phrase_tokens,
    prepositional_objects,
    subject,
    themes,
    with_conjuncts,
)
from claimgraph.records import Mention

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "MEDIA", "LOC", "FAC"})
_PERSONAL_OBJECTS = frozenset({"him", "her", "them", "us", "me"})


@dataclass(frozen=True)
class Candidate:
    """A token that reports an event, and the lexicon entry that says which."""

    token: Token
    trigger: Trigger


def trigger_at(token: Token, lexicon: EventLexicon, mentions: list[Mention]) -> Candidate | None:
    pos = "VERB" if token.pos_ == "VERB" or token.tag_ == "VBN" else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
    if pos is None or (token.dep_ == "amod" and token.tag_ == "VBG"):  # "the attacking forces" tells no event
        return None
    for trigger in lexicon.entries(token.lemma_.lower(), pos):
        if _conditions_hold(token, trigger, lexicon, mentions):
            return Candidate(token, trigger)
    return None


def _conditions_hold(token: Token, trigger: Trigger, lexicon: EventLexicon, mentions: list[Mention]) -> bool:
    if trigger.particle and not any(c.lower_ == trigger.particle for c in children(token, "prt", "dobj", "prep", "advmod", "intj", "npadvmod")):
        return False
    if trigger.needs_object and not (children(token, "dobj", "obj", "nsubjpass") or any(c.lower_ in ("at", "on", "upon") for c in children(token, "prep"))):
        return False
    if trigger.needs_preposition and not any(c.lower_ in trigger.needs_preposition for c in children(token, "prep")):
        return False
    if trigger.needs_modifier and not any(c.lower_ in trigger.needs_modifier for c in children(token, "compound", "amod")):
        return False
    if trigger.plural and token.tag_ not in ("NNS", "NNPS"):
        return False
    if trigger.needs_complement and not (children(token, "xcomp", "ccomp") or any(c.lower_ in ("on", "to", "with") for c in children(token, "prep"))):
        return False
    if trigger.needs_request and not (children(token, "xcomp") or any(c.lower_ == "for" for c in children(token, "prep"))):
        return False
    theme_heads = themes(token, lexicon)
    if trigger.theme and not any(_theme_holds(token, t, trigger, lexicon, mentions) for t in theme_heads):
        return False
    doer = agent(token) if is_passive(token) else subject(token)
    causes = prepositional_objects(token, {"by", "in", "after", "following", "during", "from"})
    if any(has_word_in_class(t, lexicon, name) for t in [*theme_heads, *([doer] if doer is not None else []), *causes]
           for name in trigger.excluded_themes):  # "killed 91 foxes", "killed by hounds", "killed in the earthquake"
        return False
    if trigger.excluded_modifiers and any(lexicon.in_class(c.lower_, trigger.excluded_modifiers)
                                          for c in children(token, "compound", "amod", "advmod", "npadvmod")):
        return False
    if trigger.theme_words and not any(t.lemma_.lower() in trigger.theme_words or t.lower_ in trigger.theme_words for t in theme_heads):
        return False
    if trigger.agent:
        doer = _counted(subject(token), lexicon)
        if doer is None or not has_word_in_class(doer, lexicon, trigger.agent):
            return False
    if trigger.person_involved and not _names_a_party(token, mentions):
        return False
    return not (trigger.pos == "NOUN" and not trigger.bare and not _noun_has_argument(token, trigger, lexicon, mentions))


def _theme_holds(token: Token, head: Token, trigger: Trigger, lexicon: EventLexicon, mentions: list[Mention]) -> bool:
    """Whether what is acted on is of the trigger's class. Planes, vehicles or equipment are
    arms only when military ('combat helicopters') or moved by or to a state."""
    if has_word_in_class(head, lexicon, trigger.theme) or _mention_type(head, mentions) in trigger.theme_types:
        return True
    if trigger.theme == "people" and head.lower_ in _PERSONAL_OBJECTS:
        return True  # "rescuers tried to evacuate them": persons told by a pronoun
    if trigger.theme != "weapon" or not has_word_in_class(head, lexicon, "materiel"):
        return False
    if any(lexicon.in_class(c.lower_, "military_modifiers") for c in children(head, "amod", "compound")):
        return True
    parties = [h for h in (subject(token), head) if h is not None] + prepositional_objects(token, {"to", "from"})
    return any(m.type in ("GPE", "NORP") for h in parties for m in mentions_in(phrase_tokens(h), mentions))


def _names_a_party(token: Token, mentions: list[Mention]) -> bool:
    """'met Zorov', 'talks with Kessa': the other party is named as the object itself, not
    a word in it ('hosting Ruvian drones', 'met its targets' are no meetings); without an
    object, the subject ('the two ministers met')."""
    objects = children(token, "dobj", "nsubjpass") + prepositional_objects(token, {"with", "to"})
    heads = objects or [h for h in (subject(token),) if h is not None]
    return any(m.type in ENTITY_TYPES for h in with_conjuncts(heads) for m in mentions_in([h], mentions))


def _noun_has_argument(token: Token, trigger: Trigger, lexicon: EventLexicon, mentions: list[Mention]) -> bool:
    """A noun reports a new event when it names who or what ('Zorov's withdrawal', 'the deal
    between Ruvia and Kessa', 'a deal the two countries concluded'); a bare 'the agreement'
    points back to one already told."""
    if trigger.type == "AGREEMENT":
        verbs = [token.head] + children(token, "relcl", "acl")
        return any(v.lemma_.lower() in lexicon.agreement_verbs for v in verbs) or bool(prepositional_objects(token, {"between"}))
    own = [t for t in phrase_tokens(token) if t is not token]
    return bool(mentions_in(own, mentions)) or bool(children(token, "poss"))


def _mention_type(token: Token, mentions: list[Mention]) -> str | None:
    found = mentions_in(phrase_tokens(token), mentions)
    return found[0].type if found else None


def mentions_in(tokens: Iterable[Token], mentions: list[Mention]) -> list[Mention]:
    offsets = [t.idx for t in tokens]
    return [m for m in mentions if any(m.start <= i < m.end for i in offsets)]


def _counted(head: Token | None, lexicon: EventLexicon) -> Token | None:
    """'thousands of protesters gathered': the doer is who is counted, not the count."""
    if head is not None and (head.lemma_.lower() in lexicon.container_nouns or head.lower_ in lexicon.container_nouns):
        counted = prepositional_objects(head, {"of"})
        return counted[0] if counted else head
    return head
