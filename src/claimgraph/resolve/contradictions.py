"""What the comparators share (resolve/comparators/): a contradiction between two events'
claims, with its stable id, the pairs of events of one fact told in two articles, and the
caveat an explanation ends with.

Each explanation says when the difference may be one of time (a plan against a report) or
of scope (different sources counting different things) rather than a true conflict.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import TypeVar

from claimgraph.records import Contradiction, StoredClaim
from claimgraph.resolve.accounts import Account
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.facts import days_apart
from claimgraph.resolve.lexicons import lexicon_words

_Pair = TypeVar("_Pair")
_PLANNED = frozenset({"planned", "possible", "conditional"})


def contradiction_id(*parts: str) -> str:
    """A contradiction's id, from what tells it apart (its kind or origin, and its claims)."""
    return "ctr_" + hashlib.sha1(":".join(parts).encode()).hexdigest()[:16]


def between_events(kind: str, a: AnchoredEvent, b: AnchoredEvent, explanation: str, fact: str | None) -> Contradiction:
    """The contradiction of a kind between the first claims of two events; its id is the kind
    and the two claims, so that one pair of claims is one contradiction of a kind, whichever
    comparators find it (comparison.find_contradictions keeps one)."""
    claim_a, claim_b = a.claims[0], b.claims[0]
    return Contradiction(contradiction_id(kind, *sorted((claim_a, claim_b))), kind, claim_a, claim_b,
                         explanation[0].upper() + explanation[1:], fact)


def pairs_across_documents(members: list[AnchoredEvent]) -> Iterator[tuple[AnchoredEvent, AnchoredEvent]]:
    """The pairs of a fact's events told in two articles, each by a claim."""
    for index, a in enumerate(members):
        for b in members[index + 1:]:
            if a.doc != b.doc and a.claims and b.claims:
                yield a, b


def caveat(a: AnchoredEvent, b: AnchoredEvent) -> str:
    """How a difference of figures may be no conflict: a plan against a report, or two counts."""
    if (a.status in _PLANNED) != (b.status in _PLANNED):
        return "; one reports a plan and the other what happened, so the difference may be one of time."
    return "; the sources may count different groups or moments."


def contradictions_by_fact(contradictions: Iterable[Contradiction]) -> dict[str, list[str]]:
    """The contradictions about each fact (the facts they make contested)."""
    found: dict[str, list[str]] = defaultdict(list)
    for contradiction in contradictions:
        if contradiction.fact:
            found[contradiction.fact].append(contradiction.id)
    return found


def between_accounts(kind: str, a: Account, b: Account, *, about: str, slot: str, values: tuple[str, str],
                     fact: str | None = None) -> Contradiction:
    """The contradiction of a kind between two accounts of one incident, saying what differs
    (`slot`, both `values`), quoting neither (the claims are its sides), and the caveat that
    may explain it: told days apart (a later report may revise an earlier one), one side
    told as an earlier or a revised figure or statement, an approximate figure, or a part.
    Its strength is 1 for a plain conflict and lower under a caveat."""
    caveats = []
    strength = 1.0
    apart = _days_between(a.published, b.published)
    if apart:
        caveats.append(f"told {apart} day{'s' if apart > 1 else ''} apart: the later may revise the earlier")
        strength -= 0.3
    # a value is a figure as told, or a figure with what it counts ("203 militants")
    figures = [q for account, value in ((a, values[0]), (b, values[1])) for s, q in account.figures
               if value == q.text or value.startswith(q.text + " ")]
    if any(q.qualifier in ("about", "range", "up_to", "at_least", "more_than") for q in figures):
        caveats.append("one figure is approximate or a bound")
        strength -= 0.2
    scopes = sorted({q.scope for q in figures if q.scope})
    if scopes and (len(scopes) > 1 or len([q for q in figures if q.scope]) < len(figures)):
        caveats.append(f"one figure counts only {scopes[0]!r}" if len(scopes) == 1
                       else f"the figures are told for {scopes[0]!r} and {scopes[1]!r}")
        strength -= 0.3
    if _told_as_revised(a.claim) or _told_as_revised(b.claim):
        caveats.append("one side is told as earlier or revised: time may explain it")
        strength -= 0.3
    if a.doc == b.doc:
        caveats.append("both in one article")
    caveat_text = "; ".join(caveats) if caveats else None
    explanation = f"{about}: {values[0]!r} according to {a.teller_name}, {values[1]!r} according to {b.teller_name}"
    if caveat_text:
        explanation += f" ({caveat_text})"
    ordered = sorted((a.id, b.id))
    return Contradiction(contradiction_id(kind, *ordered), kind, a.id, b.id, explanation[0].upper() + explanation[1:], fact,
                         slot=slot, value_a=values[0], value_b=values[1], caveat=caveat_text, strength=round(max(strength, 0.1), 2))


def _told_as_revised(claim: StoredClaim) -> bool:
    """Whether a claim tells what it says as an earlier figure or statement, or a revised one:
    a revision verb in it ("revised the figure to 75"), or a revision adverb opening it
    ("Earlier, the ministry said") or on its reporting verb, among the three words before it
    with no comma between ("had previously put the toll at 90"; not "a surgeon originally
    from Gao, said"). The quantities lexicons' `revision_verbs` and `revision_adverbs`."""
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+|,", claim.text)]
    if set(words) & lexicon_words("quantities", "revision_verbs"):
        return True
    adverbs = lexicon_words("quantities", "revision_adverbs")
    if words and words[0] in adverbs:
        return True
    cue = (claim.cue or "").casefold().split()[:1]
    at = words.index(cue[0]) if cue and cue[0] in words else None
    if at is None:
        return False
    before = list(itertools.takewhile(lambda word: word != ",", reversed(words[max(at - 3, 0):at])))
    return bool(set(before) & adverbs)


def _days_between(a: str | None, b: str | None) -> int:
    if not a or not b:
        return 0
    apart = days_apart(a, b)
    return abs(apart) if apart is not None else 0


def one_pair_each(candidates: list[_Pair], accounts_of: Callable[[_Pair], tuple[Account, Account]], *,
                  one_voice_first: bool = False, told_as: Callable[[_Pair], Hashable] | None = None) -> list[_Pair]:
    """The candidate pairs kept so that each claim stands in one pair at most: pairs inside
    one article first, the nearest first (an article sets a figure against the one told
    beside it; with `one_voice_first`, of those whose claims each tell one voice first: not
    "X blamed Y, while Z blamed W", a sentence that sets two positions side by side, against
    one of them), then pairs across articles, the earliest first, and of those the pair whose
    claims tell fewest figures (a source's own statement of its figure, not a summary of
    several sources' figures). Listing every pair would repeat one disagreement for each
    sentence that restates a side. With `told_as`, a pair telling what a kept one tells (the
    same key) is left out, and its claims stay free for another pair."""
    def nearness(pair: _Pair) -> tuple[int, str, int, int, str, str]:
        a, b = accounts_of(pair)
        if a.doc == b.doc:
            return (0, a.doc, (a.two_voices + b.two_voices) if one_voice_first else 0, abs(a.claim.start - b.claim.start), a.id, b.id)
        return (1, min(a.published or "~", b.published or "~"), 0, len(a.figures) + len(b.figures), a.id, b.id)

    used: set[str] = set()
    told: set[Hashable] = set()
    kept = []
    for pair in sorted(candidates, key=nearness):
        a, b = accounts_of(pair)
        if a.id in used or b.id in used or (told_as is not None and told_as(pair) in told):
            continue
        used |= {a.id, b.id}
        if told_as is not None:
            told.add(told_as(pair))
        kept.append(pair)
    return kept
