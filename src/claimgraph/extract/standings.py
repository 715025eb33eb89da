"""How two parties stand with each other: cooperation or tension.

"Ruvia's strained ties with Kessa", "relations between Ruvia and Kessa have soured", "Kessa has
found a reliable partner in Ruvia", "the junta has stepped up contacts with Ruvia", "Ruvia and
Kessa have become increasingly at odds", "with the deterioration of relations with Ruvia, the
junta ...". A standing is not an affiliation: "strained ties with Kessa" ties no one to Kessa.
Some nouns carry their tone ("a rift", "cooperation"); "relations" and "ties" need a tone
word (a modifier, the noun they are 'of', the verb they are the subject of), and without
one state no standing. The words are in data/en/relations.json ('standings'); this module
finds the word and the tokens of the two parties, relations.py says who the parties are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from claimgraph.extract.event_roles import (
    children,
    lost_subject,
    prepositional_objects,
    subject,
)

_TONE_GOVERNORS = frozenset({"of", "in"})  # "the deterioration of relations", "an improvement in ties"
_ENDED_BY = frozenset({"of", "to"})  # "the resolution of its dispute", "an end to its alliance"
_OTHER_CLAUSES = frozenset({"relcl", "conj", "advcl", "acl", "parataxis"})  # a denial above them denies something else
NEGATIONS = frozenset({"no", "never", "not", "n't", "nothing", "none"})


@dataclass(frozen=True)
class StandingLexicon:
    nouns: dict[str, frozenset[str]]  # standing noun -> prepositions introducing the other party
    tone_of_noun: dict[str, str]  # "rift" -> "tension": nouns with a tone of their own
    tone_words: dict[str, str]  # "poor" -> "tension", "close" -> "cooperation"
    holding_verbs: frozenset[str]  # "has stepped up contacts with": the subject holds the standing
    state_only: frozenset[str]  # "a partner in": only a state's ("Vantor found a partner in Ghana" is one there)
    ending_words: frozenset[str]  # "cooperation was suspended", "an end to its alliance": no standing held
    denying_verbs: frozenset[str]  # "denied that relations had soured": not stated
    at_odds: str


def load_standing_lexicon(data: dict[str, Any]) -> StandingLexicon:
    """The 'standings' section of data/en/relations.json."""
    return StandingLexicon(
        nouns={word: frozenset(preps) for word, preps in data["nouns"].items()},
        tone_of_noun=dict(data["tone_of_noun"]),
        tone_words={word: tone for tone, words in data["tone_words"].items() for word in words},
        holding_verbs=frozenset(data["holding_verbs"]),
        state_only=frozenset(data["state_only"]),
        ending_words=frozenset(data["ending_words"]),
        denying_verbs=frozenset(data["denying_verbs"]),
        at_odds=data["at_odds"],
    )


@dataclass(frozen=True)
class StandingCue:
    """A word stating how two parties stand, and the tokens naming them."""

    tone: str  # cooperation | tension
    holder: Token | None
    other: Token | None
    # Told as a setting, not as someone's ("with the deterioration of relations with Ruvia, the
    # government ...", "relations with Ruvia have soured"): an unnamed holder or "the
    # government" is the article's country, as a reader takes it.
    holder_implied: bool = False


def standing_at(token: Token, lexicon: StandingLexicon) -> StandingCue | None:
    """The standing `token` states, if any (a negated one states none)."""
    word = token.lower_
    if token.pos_ == "NOUN" and word in lexicon.nouns:
        tone = lexicon.tone_of_noun.get(word) or _tone_word(token, lexicon)
        if tone is None or _negated(token) or _ended(token, lexicon) or _denied(token, lexicon):
            return None
        if token.dep_ in ("dobj", "obj") and token.head.lemma_.lower() not in lexicon.holding_verbs:
            return None  # "seeks closer ties with", "cut ties with": a standing sought or ended, not held
        between = _object_after(token, {"between"})
        if between is not None and between.conjuncts:
            return StandingCue(tone, between, between.conjuncts[0])  # "tensions between X and Y"
        holder = _holder(token, lexicon)
        implied = not children(token, "poss") and (
            _tone_governor(token) is not None or (token.dep_ == "nsubj" and word not in lexicon.tone_of_noun))
        return StandingCue(tone, holder, _object_after(token, lexicon.nouns[word] - {"between"}), implied)
    if word == lexicon.at_odds and token.dep_ == "pobj" and token.head.lower_ == "at":
        verb = token.head.head  # "are at odds", "have become increasingly at odds"
        holder = subject(verb)
        other = _object_after(token, {"with"}) or _object_after(verb, {"with"})
        if other is None and holder is not None and holder.conjuncts:
            other = holder.conjuncts[0]  # "X and Y are at odds"
        return None if _negated(verb) or _denied(verb, lexicon) else StandingCue("tension", holder, other)
    return None


def _object_after(token: Token, prepositions: set[str] | frozenset[str]) -> Token | None:
    found = prepositional_objects(token, prepositions)
    return found[0] if found else None


def _tone_word(noun: Token, lexicon: StandingLexicon) -> str | None:
    """'strained ties', 'the deterioration of relations', 'relations have soured'."""
    for child in children(noun, "amod", "compound"):
        tone = lexicon.tone_words.get(child.lower_)
        if tone is not None:
            return tone
    governor = _tone_governor(noun)
    if governor is not None:
        return lexicon.tone_words.get(governor.lower_) or lexicon.tone_words.get(governor.lemma_.lower())
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
        return lexicon.tone_words.get(noun.head.lemma_.lower())
    return None


def _tone_governor(noun: Token) -> Token | None:
    """'deterioration' in 'the deterioration of relations'."""
    if noun.dep_ == "pobj" and noun.head.lower_ in _TONE_GOVERNORS and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return None


def _holder(noun: Token, lexicon: StandingLexicon) -> Token | None:
    """Whose standing it is: the owner ("Ruvia's ties"), the subject of a holding verb
    ("Kessa has found a reliable partner in Ruvia"), or, for a noun told as the setting of a
    clause ("with the deterioration of relations with Ruvia, the junta ..."), that clause's subject."""
    owners = [o for o in children(noun, "poss") if o.pos_ != "PRON"]  # "its cooperation": the verb's subject says whose
    if owners:
        return owners[0]
    if noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in lexicon.holding_verbs:
        return subject(noun.head) or lost_subject(noun.head)
    governor = _tone_governor(noun)
    if governor is not None:
        owners = children(governor, "poss")
        if owners:
            return owners[0]
        if governor.dep_ == "pobj" and governor.head.dep_ == "prep" and governor.head.head.pos_ in ("VERB", "AUX"):
            return subject(governor.head.head) or lost_subject(governor.head.head)
    return None


def _negated(token: Token) -> bool:
    scope = [token, token.head]
    return any(c.lower_ in NEGATIONS for t in scope for c in children(t, "neg", "det"))


def _ended(noun: Token, lexicon: StandingLexicon) -> bool:
    """"Cooperation was suspended", "the dispute ended", "an end to its alliance", "the
    resolution of its dispute": a standing ended is none held. One that ends something else
    is not ended ("the row halted trade", "tensions broke out")."""
    verb = noun.head
    if noun.dep_ == "nsubjpass" and verb.lemma_.lower() in lexicon.ending_words:
        return True
    if (noun.dep_ == "nsubj" and verb.lemma_.lower() in lexicon.ending_words
            and not children(verb, "dobj", "obj", "prt", "xcomp")):
        return True
    governor = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in _ENDED_BY else None
    return governor is not None and governor.lemma_.lower() in lexicon.ending_words


def _denied(token: Token, lexicon: StandingLexicon) -> bool:
    """"Kessa denied that relations with Ruvia had soured", "dismissed reports of tensions":
    the standing is in what a verb of denial denies, its that-clause or its object, not in a
    clause beside it ("Ghana, which has close ties with Togo, rejected the plan")."""
    current = token
    for _ in range(8):
        if current.head.i == current.i or current.dep_ in _OTHER_CLAUSES:
            return False
        if current.dep_ in ("ccomp", "dobj", "obj") and current.head.lemma_.lower() in lexicon.denying_verbs:
            return True
        current = current.head
    return False
