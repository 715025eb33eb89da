"""Incidents told by their harm or by their cause: an article's mentions of an assault that no
trigger word reports as one.

A blast or an explosion alone may be an accident, so its lexicon entry asks for a word such
as "deliberate". Two things make it an assault all the same: the harm it did ("the explosion
that caused heavy casualties"), in an article that has already told of force used; and a
cause that is a weapon ("the collapse of the bridge was caused by explosives fixed to its piers"),
unless the weapon misfired ("a stray shell": the word class `mishap`). The word
classes (`incident`, `disaster`, `weapon`, `mishap`, `cause_from`) are the events lexicon's.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from claimgraph.extract.event_attribution import (
    doer_heads,
    effect_of,
    is_causal,
    open_question,
)
from claimgraph.extract.event_lexicon import EventLexicon, Trigger
from claimgraph.extract.event_roles import has_word_in_class
from claimgraph.extract.event_triggers import Candidate


def blasts_that_harmed(sentence: Span, candidates: list[Candidate], lexicon: EventLexicon, *, force_told: bool) -> list[Candidate]:
    """A blast that killed: "an explosion that caused heavy casualties", "were killed in the
    blast". Alone, a blast may be an accident (its lexicon entry asks for "deliberate"); one
    that harmed people, in an article that has already told of force used (or whose sentence
    names a weapon), is that assault told again, and the article's own mention of it."""
    taken = {c.token.i for c in candidates}
    found = []
    for token in sentence:
        if token.i in taken or token.pos_ != "NOUN":
            continue
        gated = next((t for t in lexicon.entries(token.lemma_.lower(), "NOUN") if t.plover == "ASSAULT" and t.needs_modifier), None)
        harm = _harm_of(token, lexicon) if gated is not None else None
        if gated is None or harm is None or harm.i in taken:
            continue  # "were killed in the blast": the killing already tells this assault
        if force_told or any(lexicon.in_class(t.lemma_, "weapon") for t in sentence):
            found.append(Candidate(token, replace(gated, needs_modifier=frozenset())))
    return found


def incidents_caused_by_force(sentence: Span, candidates: list[Candidate], lexicon: EventLexicon) -> list[Candidate]:
    """An incident whose cause is a weapon: "the bridge's collapse was caused by explosives fixed to its piers",
    "the blast resulted from a missile". Whoever says so, force was used: the incident is an
    assault, anchored on the incident's noun (its doer is read from the cause's phrase)."""
    taken = {c.token.i for c in candidates}
    found = []
    for verb in sentence:
        if verb.pos_ != "VERB" or not is_causal(verb, lexicon) or open_question(verb):
            continue  # "whether the blast resulted from a rocket": asked, not told
        causes = doer_heads(verb, lexicon)
        if not any(has_word_in_class(c, lexicon, "weapon") for c in causes):
            continue
        if any(lexicon.in_class(t.lower_, "mishap") for c in causes for t in c.subtree):
            continue  # "a misfired rocket", "a failed launch": an accident of force, not its use on the target
        incident = effect_of(verb)
        if incident is None or incident.i in taken or not lexicon.in_class(incident.lemma_, "incident") \
                or has_word_in_class(incident, lexicon, "disaster"):
            continue
        listed = next((t for t in lexicon.entries(incident.lemma_.lower(), "NOUN") if t.plover == "ASSAULT"), None)
        trigger = (replace(listed, needs_modifier=frozenset()) if listed is not None else
                   Trigger(lemma=incident.lemma_.lower(), pos="NOUN", type=lexicon.assault_type, plover="ASSAULT", context="military", bare=True))
        found.append(Candidate(incident, trigger))
    return found


def _harm_of(noun: Token, lexicon: EventLexicon) -> Token | None:
    """The verb that ties deaths or casualties to this noun: it kills ("the blast killed
    nine"), its clause tells of them ("an explosion that left dozens of casualties"), or they happened
    in it ("were killed in the blast")."""
    def harms(verb: Token) -> bool:
        return verb.lemma_.lower() in lexicon.fatality_verbs or any(
            o.lemma_.lower() in lexicon.fatality_nouns for o in verb.subtree if o.pos_ == "NOUN")
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB" and harms(noun.head):
        return noun.head
    clause = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and harms(c)), None)
    if clause is not None:
        return clause
    preposition = noun.head if noun.dep_ == "pobj" else None
    if (preposition is not None and preposition.lower_ in ("in", "by", "from") and preposition.head.pos_ == "VERB"
            and preposition.head.lemma_.lower() in lexicon.fatality_verbs):
        return preposition.head
    return None
