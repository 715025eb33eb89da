"""What a denial denies, and what kind of armed force an event concerns.

A denial is compared with what other sources assert (resolve/contradictions.py), so it
keeps what it denies: `presence` for "Ruvia denies the presence of mercenaries in Kessa",
or the type of the event a named speaker says did not happen ('"Kessa employs no private
security company," the minister said' denies a deployment). Every event also keeps the
kind of force among its parties (`private` for mercenaries, contractors, private military
or security companies), so that a denial about "such mercenaries" can meet the assertion
about a named private force.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

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
