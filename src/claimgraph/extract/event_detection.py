"""The learned event detector's say on each sentence, and where in the sentence an event it
finds is anchored.

The classifier (plover_classifier.py, trained on real labelled news) reads a sentence and
gives each PLOVER category a probability; a category at or above its threshold is an
event the sentence reports, whatever words tell it. The trigger lexicon stays a prior: a
category a lexicon trigger already reports in the sentence is not reported twice, and a
lexicon word of the detected category is the preferred anchor. Otherwise the anchor is the
word the classifier weighs most for that category (its learned unigram weight), among the
sentence's verbs and nouns; failing that, the sentence's main verb. The anchor is where the
parse is read for the event's parties, place, date and size, as for a lexicon trigger.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span, Token

from claimgraph.extract.event_lexicon import EventLexicon, Trigger
from claimgraph.extract.event_triggers import Candidate
from claimgraph.extract.plover_classifier import PloverClassifier
from claimgraph.taxonomy import Taxonomy

_ANCHOR_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN"})
_SPEECH_CATEGORIES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "PROTEST"})  # told by speaking
_LEXICON_BONUS = 1.0  # a word the lexicon lists for the category outweighs any single learned weight
# Scaled thresholds never ask for more than this probability: a category whose threshold
# times the scale passed 1 could never be found, however sure the model is.
SURE_PROBABILITY = 0.9


@dataclass(frozen=True)
class SentenceDetection:
    """The categories the detector finds in one sentence, with their probabilities."""

    categories: frozenset[str]
    probabilities: dict[str, float]


def detect(classifier: PloverClassifier, sentences: Sequence[Span], *, scale: float = 1.0) -> list[SentenceDetection]:
    """The detector's findings for each sentence, in one batch; `scale` multiplies the
    model's thresholds (above 1: fewer, surer events), up to SURE_PROBABILITY."""
    texts = [sentence.text for sentence in sentences]
    probabilities = classifier.probabilities(texts)
    above = probabilities >= np.minimum(classifier.thresholds * scale, SURE_PROBABILITY)
    return [SentenceDetection(frozenset(label for label, hit in zip(classifier.labels, row_hits, strict=True) if hit),
                              dict(zip(classifier.labels, (float(p) for p in row), strict=True)))
            for row, row_hits in zip(probabilities, above, strict=True)]


def detected_candidates(sentence: Span, detection: SentenceDetection, told: set[str], classifier: PloverClassifier,
                        lexicon: EventLexicon, taxonomy: Taxonomy, *, read: Collection[Token] = ()) -> list[Candidate]:
    """An anchored candidate for each detected category that no lexicon trigger of the
    sentence already reports (`told`: the categories of the sentence's lexicon events).

    `read`: the words a lexicon trigger already reports an event on. A category anchored on
    one of them is not added: the lexicon read that word in its parse (what is acted on, by
    whom) and gave it its category ("residents were evacuated" is aid, not coercion), where
    the classifier only says what the sentence as a whole resembles."""
    found = []
    taken = {token.i for token in read}
    for category in sorted(detection.categories - told):
        if category == "ASSAULT" and not _force_told(sentence, lexicon):
            continue  # "dozens died in the floods": harm, but no one's use of force
        anchor = _anchor(sentence, category, classifier, lexicon)
        if anchor is not None and anchor.i not in taken:
            found.append(Candidate(anchor, _trigger(anchor, category, lexicon, taxonomy)))
    return found


def _force_told(sentence: Span, lexicon: EventLexicon) -> bool:
    """Whether the sentence tells of force used, not only of harm: a word of an assault in the
    lexicon ("strike", "shell"), a weapon ("rocket", "bomb") or an incident of force ("blast",
    "explosion"). PLOVER's ASSAULT is someone's use of force; a disaster's toll is none."""
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma in lexicon.fatality_verbs or lemma in lexicon.fatality_nouns:
            continue  # "killed", "died": harm told, force not
        if any(trigger.plover == "ASSAULT" for pos in ("VERB", "NOUN") for trigger in lexicon.entries(lemma, pos)):
            return True
        if lexicon.in_class(lemma, "weapon") or lexicon.in_class(lemma, "incident") and not lexicon.in_class(lemma, "disaster"):
            return True
    return False


def _anchor(sentence: Span, category: str, classifier: PloverClassifier, lexicon: EventLexicon) -> Token | None:
    tokens = [t for t in sentence if t.pos_ in _ANCHOR_POS and t.is_alpha and not t.is_stop]
    if not tokens:
        return None
    weights = classifier.word_weights([t.text for t in tokens], category)

    def weight(token: Token, learned: float) -> float:
        listed = any(trigger.plover == category for trigger in lexicon.entries(token.lemma_.lower(), _lexicon_pos(token)))
        return learned + (_LEXICON_BONUS if listed else 0.0)

    scored = [(weight(t, w), t) for t, w in zip(tokens, weights, strict=True) if not t.ent_type_]
    if not scored:
        return None
    best, token = max(scored, key=lambda pair: (pair[0], -pair[1].i))
    return token if best > 0 else None  # no word of the sentence tells the category: no event to anchor


def _lexicon_pos(token: Token) -> str:
    return "VERB" if token.pos_ == "VERB" or token.tag_ == "VBN" else "NOUN"


def _trigger(anchor: Token, category: str, lexicon: EventLexicon, taxonomy: Taxonomy) -> Trigger:
    """The lexicon's entry for the anchor word and category when there is one (its type and
    mode), else an entry made for it: the category's type in the taxonomy."""
    listed = next((t for t in lexicon.entries(anchor.lemma_.lower(), _lexicon_pos(anchor)) if t.plover == category), None)
    if listed is not None:
        return listed
    event_type = taxonomy.type_for_category(category)
    mode = taxonomy[event_type].mode if event_type != "OTHER" and event_type in taxonomy else None
    return Trigger(lemma=anchor.lemma_.lower(), pos=_lexicon_pos(anchor), type=event_type, plover=category, mode=mode,
                   speech=category in _SPEECH_CATEGORIES)
