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
rejects it (PLOVER's REJECT), with or without a verb of denial.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from claimgraph.extract.event_lexicon import EventLexicon
from claimgraph.extract.event_roles import prepositional_objects, themes, with_conjuncts


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
