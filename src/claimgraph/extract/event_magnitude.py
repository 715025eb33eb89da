"""The size of an event: how many were moved, what sum was paid, how many were killed, and
the level a reduction leaves ("reduce the 4,000-strong force by half": 2,000 left)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimgraph.extract.event_lexicon import EventLexicon, Trigger
from claimgraph.extract.event_roles import phrase_tokens, themes
from claimgraph.records import Fatalities, Level, Quantity

MONEY_UNIT = re.compile(r"^[A-Z]{3}(/[a-z]+)?$")  # ISO currency, optionally by period ("USD/month")






# --- magnitude --------------------------------------------------------------------------


def magnitude(token: Token, trigger: Trigger, sentence: Span, quantities: list[Quantity], lexicon: EventLexicon) -> Quantity | None:
    """The size of what is moved, the sum paid, or the toll of an attack."""
    inside = [q for q in quantities if sentence.start_char <= q.start < sentence.end_char]
    if trigger.plover == "ASSAULT":
        killed = [q for q in inside if q.slot == "killed"]
        if killed:  # the toll: a number the parse ties to a death
            return killed[0]
        lemmas = {t.lemma_.lower() for t in sentence}
        if not lemmas & (lexicon.fatality_verbs | lexicon.fatality_nouns):
            return None
        people = lexicon.classes.get("people", frozenset()) | lexicon.fatality_nouns
        counted = [q for q in inside if q.about.lower().split()[-1:] and _singular(q.about.lower().split()[-1]) in people]
        return counted[0] if counted else None
    if trigger.type == "PAYMENT":
        money = [q for q in inside if MONEY_UNIT.match(q.unit or "")]
        return min(money, key=lambda q: abs(q.start - token.idx)) if money else None
    own = {t.idx for t in token.subtree}
    for head in themes(token, lexicon):  # "there may be 400 instructors ... operating": the counted subject
        own |= {t.idx for t in phrase_tokens(head)}
    # A size counts troops, people or arms ("1,000 contractors"), not "twice" or "three points".
    sized = [q for q in inside if q.start in own and not MONEY_UNIT.match(q.unit or "") and _counts_parties(q, lexicon)]
    return sized[0] if sized else None


def _counts_parties(quantity: Quantity, lexicon: EventLexicon) -> bool:
    last = quantity.about.split()[-1:] or [""]
    if last[0][:1].isupper() and last[0].endswith("s"):
        return True  # a people's name in the plural: "400 Ruvians"
    words = quantity.about.lower().split()
    head = _singular(words[-1]) if words else ""
    unit = (quantity.unit or "").lower().split()[-1:] or [""]
    if _singular(unit[0]) in lexicon.person_roles:
        return True  # people named by a role they hold: "six journalists", "four nurses"
    return any(lexicon.in_class(head, name) or lexicon.in_class(words[-1] if words else "", name)
               for name in ("force", "people", "weapon", "materiel", "base"))


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # "mercenaries"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def fatalities_of(quantity: Quantity) -> Fatalities:
    """low/best/high as reported: a range gives its ends, 'at least' a floor, 'up to' a ceiling."""
    value = int(quantity.value)
    top = int(quantity.value_max) if quantity.value_max is not None else None
    if quantity.qualifier == "range" and top is not None:
        return Fatalities(value, None, top)
    if quantity.qualifier == "more_than":  # "more than 30": at least 31
        return Fatalities(value + 1, value + 1, None)
    if quantity.qualifier == "at_least":
        return Fatalities(value, value, None)
    if quantity.qualifier == "up_to":
        return Fatalities(None, None, value)
    return Fatalities(value if quantity.qualifier == "exact" else None, value, value if quantity.qualifier == "exact" else None)


# --- level --------------------------------------------------------------------------------

_WHOLE_WORDS = frozenset({"full", "complete", "total", "entire"})
_OWNERS = frozenset({"its", "their", "his", "her", "all"})
_WHOLE_BODIES = frozenset({"contingent", "force", "mission", "garrison", "army", "presence"})  # one body: all of it


def level_after(token: Token, sentence: Span, quantities: list[Quantity], size: Quantity | None,
                lexicon: EventLexicon) -> Level | None:
    """What a reduction or withdrawal leaves: the figure it goes down "to" ("will drop from
    about 6,000 to about 2,000"), its size less a share ("reduce the 4,000-strong force by
    half"), or none at all for a whole withdrawal ("a full withdrawal", "withdraws its troops":
    a force's own troops with no figure are all of them)."""
    inside = [q for q in quantities if sentence.start_char <= q.start < sentence.end_char]
    for quantity in inside:
        before = sentence.doc.text[max(sentence.start_char, quantity.start - 4):quantity.start].lower()
        if before.endswith("to ") and _counts_parties(quantity, lexicon) and quantity is not size:
            return Level(quantity.value, quantity.qualifier, f"to {quantity.text}")
    if size is not None:
        for quantity in inside:
            if quantity.unit in ("fraction", "%") and quantity.text.lower().startswith("by ") and 0 < quantity.value:
                share = quantity.value / 100 if quantity.unit == "%" else quantity.value
                if share < 1:
                    return Level(size.value * (1 - share), size.qualifier, f"{size.text} reduced {quantity.text}")
        return None
    whole_word = next((c for c in token.children if c.dep_ == "amod" and c.lower_ in _WHOLE_WORDS), None)
    if whole_word is not None:
        return Level(0.0, "exact", f"{whole_word.text} {token.text}")
    for head in themes(token, lexicon):
        whole = head.tag_ == "NNS" or head.lemma_.lower() in _WHOLE_BODIES  # "its troops", not "his adviser"
        if whole and lexicon.in_class(head.lemma_, "force") and any(c.lower_ in _OWNERS for c in head.children if c.dep_ in ("poss", "det", "predet")):
            return Level(0.0, "exact", " ".join(t.text for t in sorted(phrase_tokens(head), key=lambda t: t.i)))
    return None
