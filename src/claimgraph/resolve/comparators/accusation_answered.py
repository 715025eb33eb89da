"""An accusation and its answer in one article: "the junta accused Ruvia of preparing an
invasion" against "'That is false,' the Ruvian minister said".

An answer is a denial that calls something false ("that is false", "tout cela est un mensonge", "the
accusations are baseless") or names an accusation ("dismissed the allegations"): the
attribution lexicons' `falsity_words` and `accusation_nouns`. A denial by negation alone
("it is not possible") answers nothing in particular, and one that is itself negated ("this
isn't a lie") answers nothing. Its other side is an accusation the article tells (an ACCUSE
event in a claim its source tells, not itself a denial) by someone else, against a party
the answering speaker names in their denials or speaks as (the accused: "the Chadian
minister", or "denied the accusations that Chad armed rebels" before "'That is false,' she
said"; not the accuser a denial names, "called the army's accusations lies"); the nearest
such. Of one speaker's answers the one most in their own quoted words
is the side shown (the others tell of the same answer).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from claimgraph.records import Contradiction, StoredClaim
from claimgraph.registry import comparators
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.comparators.denial_of_preceding import one_voice
from claimgraph.resolve.comparison import ACCUSED, DENIED, Comparison
from claimgraph.resolve.contradictions import contradiction_id
from claimgraph.resolve.lexicons import lexicon_words

_TOLD = frozenset({"happened", "alleged"})
_QUOTED = re.compile("[\"“«]([^\"”»]*)[\"”»]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*['’]?")  # "isn't", "n'a", "c'est" kept whole


@comparators.register("accusation_answered")
class AccusationAnswered:
    name = "accusation_answered"
    kind = "assert_vs_deny"
    precedence = 1

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        accusing: dict[str, list[tuple[StoredClaim, AnchoredEvent]]] = defaultdict(list)  # doc -> (claim, accusation it tells)
        accusations_in: dict[str, list[AnchoredEvent]] = defaultdict(list)  # doc -> every accusation it tells
        for event in comparison.events.values():
            if event.event.plover != "ACCUSE":
                continue
            accusations_in[event.doc].append(event)
            if event.status in _TOLD and not event.event.background and event.targets:
                accusing[event.doc].extend((c, event) for i in event.claims if (c := comparison.claims.get(i)) is not None
                                           and c.stance != "deny" and c.source_kind != "outlet")

        # Who makes the accusations a denial names ("called the army's charges lies"): the
        # accusers answered, not the accused.
        def accusers(claim: StoredClaim) -> set[str]:
            return {a for e in accusations_in[claim.doc] if claim.start <= e.event.start < claim.end for a in e.actors}

        answers: dict[str, list[StoredClaim]] = defaultdict(list)
        named: dict[tuple[str, str], set[str]] = defaultdict(set)  # (doc, speaker) -> the anchors their denials name or speak as
        for claim in comparison.claims.values():
            if claim.doc not in accusing or claim.source_kind == "outlet" or claim.stance != "deny":
                continue
            named[(claim.doc, _voice(claim))] |= {comparison.anchor_of(e) for e in (*claim.entities, *filter(None, [claim.source_entity]))
                                                  } - accusers(claim)
            if answers_an_accusation(claim):
                answers[claim.doc].append(claim)
        for doc in sorted(answers):
            for answer in _one_per_speaker(answers[doc]):
                parties = named[(doc, _voice(answer))]
                against = [c for c, e in accusing[doc] if not one_voice(c, answer) and e.targets & parties]
                if not against:
                    continue
                told = min(against, key=lambda c: (abs(c.start - answer.start), c.start, c.id))
                a, b = sorted((told.id, answer.id))
                yield Contradiction(contradiction_id(self.kind, a, b), self.kind, told.id, answer.id,
                                    f"{answer.source_name} denies the accusation {told.source_name} makes",
                                    None, slot="accusation", value_a=ACCUSED, value_b=DENIED, caveat="both in one article",
                                    strength=1.0)


def answers_an_accusation(claim: StoredClaim) -> bool:
    """A denial that names an accusation, or calls something false without a negation."""
    if claim.stance != "deny":
        return False
    words = claim_words(claim)
    falsity, accusations, _ = _words()
    return bool(words & accusations) or (bool(words & falsity) and not negates(claim))


def claim_words(claim: StoredClaim) -> set[str]:
    """A claim's words, case-folded, with their apostrophes ("isn't", "n'a")."""
    return {w.replace("’", "'") for w in _WORD.findall(claim.text.casefold())}


def negates(claim: StoredClaim) -> bool:
    """Whether a claim holds a negation ("not", "never", "isn't", "n'a ... pas")."""
    negations = _words()[2]
    return any(w in negations or w.endswith("n't") or w.split("'")[0] + "'" in negations for w in claim_words(claim))


@cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words of falsity with their plural and feminine forms, accusation nouns, negations)."""
    falsity = {form for word in lexicon_words("attribution", "falsity_words") for form in (word, word + "s", word + "e", word + "es")}
    return frozenset(falsity), lexicon_words("attribution", "accusation_nouns"), lexicon_words("attribution", "negations")


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
