"""An accusation and its answer in one article: "the junta accused Ruvia of preparing an
invasion" against "'That is false,' the Ruvian minister said".

An answer is a denial that calls something false ("that is false", "c'est faux", "the
accusations are baseless") or names an accusation ("dismissed the allegations"): the
attribution lexicons' `falsity_words` and `accusation_nouns`. A denial by negation alone
("it is not possible") answers nothing in particular. Its other side is an accusation the
article tells (an ACCUSE event in a claim its source tells, not itself a denial), by someone
else: the one that accuses the answering speaker, else, when the article tells the
accusations of one accuser only, that accuser's nearest. Of one speaker's answers the one in
their own quoted words is the side shown (the others tell of the same answer).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from claimgraph.records import Contradiction, StoredClaim
from claimgraph.registry import comparators
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.comparison import Comparison
from claimgraph.resolve.contradictions import contradiction_id
from claimgraph.resolve.lexicons import lexicon_words

_TOLD = frozenset({"happened", "alleged"})
_QUOTED = re.compile("[\"“«]([^\"”»]*)[\"”»]")


@comparators.register("accusation_answered")
class AccusationAnswered:
    name = "accusation_answered"
    kind = "assert_vs_deny"
    precedence = 1

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        accusing: dict[str, list[tuple[StoredClaim, AnchoredEvent]]] = defaultdict(list)  # doc -> (claim, accusation it tells)
        for event in comparison.events.values():
            if event.event.plover == "ACCUSE" and event.status in _TOLD and not event.event.background and event.targets:
                accusing[event.doc].extend((c, event) for i in event.claims if (c := comparison.claims.get(i)) is not None
                                           and c.stance != "deny" and c.source_kind != "outlet")
        answers: dict[str, list[StoredClaim]] = defaultdict(list)
        for claim in comparison.claims.values():
            if claim.doc in accusing and claim.source_kind != "outlet" and answers_an_accusation(claim):
                answers[claim.doc].append(claim)
        for doc in sorted(answers):
            for answer in _one_per_speaker(answers[doc]):
                told = _answered(answer, [(c, e) for c, e in accusing[doc] if not _one_voice(c, answer)], comparison)
                if told is None:
                    continue
                a, b = sorted((told.id, answer.id))
                yield Contradiction(contradiction_id(self.kind, a, b), self.kind, told.id, answer.id,
                                    f"{answer.source_name} denies the accusation {told.source_name} makes",
                                    None, slot="accusation", value_a="accused", value_b="denied", caveat="both in one article",
                                    strength=1.0)


def answers_an_accusation(claim: StoredClaim) -> bool:
    """A denial that calls something false (without a negation: "this is not a lie" is no
    answer), or that names an accusation."""
    if claim.stance != "deny":
        return False
    words = set(re.findall(r"[^\W\d_]+", claim.text.casefold()))
    falsity, accusations, negations = _words()
    return bool(words & accusations) or (bool(words & falsity) and not words & negations)


@cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words of falsity with their plural and feminine forms, accusation nouns, negations)."""
    falsity = {form for word in lexicon_words("attribution", "falsity_words") for form in (word, word + "s", word + "e", word + "es")}
    return frozenset(falsity), lexicon_words("attribution", "accusation_nouns"), lexicon_words("attribution", "negations")


def _answered(answer: StoredClaim, accusations: list[tuple[StoredClaim, AnchoredEvent]],
              comparison: Comparison) -> StoredClaim | None:
    """The accusation an answer answers: one against its speaker, else the nearest of the
    article's only accuser; None when the article tells several accusers' and none accuses it."""
    speaker = comparison.entity_names.get(answer.source_entity or "", "").casefold()
    against = [c for c, e in accusations if speaker and any(
        t == answer.source_entity or comparison.name_of(t).casefold() == speaker for t in e.targets)]
    if not against and len({_voice(c) for c, _ in accusations}) == 1:
        against = [c for c, _ in accusations]
    return min(against, key=lambda c: (abs(c.start - answer.start), c.start, c.id)) if against else None


def _one_per_speaker(claims: list[StoredClaim]) -> list[StoredClaim]:
    """Each speaker's answer: the one most in their own quoted words, else their first."""
    by_speaker: dict[str, list[StoredClaim]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: (c.start, c.id)):
        by_speaker[_voice(claim)].append(claim)
    return [max(said, key=lambda c: (_quoted_share(c.text), -c.start)) for _, said in sorted(by_speaker.items())]


def _quoted_share(text: str) -> float:
    return sum(len(words) for words in _QUOTED.findall(text)) / max(len(text), 1)


def _voice(claim: StoredClaim) -> str:
    return claim.source_entity or claim.source_name.casefold()


def _one_voice(a: StoredClaim, b: StoredClaim) -> bool:
    return (a.source_entity is not None and a.source_entity == b.source_entity) or a.source_name.casefold() == b.source_name.casefold()
