"""One text told by two articles with a different figure or date in it: "the grant to
equip the library, worth 4 million euros, was approved in 2016" against "..., worth $4
million, ...", the rest word for word.

Outlets run agency copy and rewrite it lightly; where the copies differ in a value, at
least one outlet changed what the source said (a currency, a toll, a day) — or a later copy
corrects an earlier one, which the caveat says when they were published apart. Two claims
are copies of one text when most of their words follow in the same order (a sequence match
of their tokens); a difference counts when, on both sides, the words that differ lie in a
figure or a date the article tells (extract/quantities.py, extract/dates.py), and those
differ as written. Two claims are compared only when they share enough runs of words to be
copies at all (an index of word runs), so the cost stays near linear in the corpus.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

from claimgraph.records import Contradiction, StoredClaim
from claimgraph.registry import comparators
from claimgraph.resolve.comparison import Comparison, ToldValue
from claimgraph.resolve.contradictions import contradiction_id
from claimgraph.resolve.facts import days_apart

_RUN = 4  # words in a run that two copies share
_MIN_WORDS = 8  # a claim shorter than this is too short to tell a copy from a coincidence
_SHARED_RUNS = 0.5  # share of a claim's runs another must hold to be compared
_COPY = 0.8  # similarity of the token sequences (difflib's ratio) of two copies
_COMMON_RUN = 50  # a run in more claims than this is boilerplate, not evidence of a copy
_TOKEN = re.compile(r"\w+|[^\w\s]")

Token = tuple[str, int, int]  # casefolded text, start, end (document offsets)


@comparators.register("copy")
class ValuesOfOneTextCopied:
    name = "copy"
    kind = "numeric"  # or "date", as the differing value is
    precedence = 2

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        tokens = {claim.id: _tokens(claim) for claim in comparison.claims.values()
                  if comparison.told_values.get(claim.doc) and len(claim.text.split()) >= _MIN_WORDS}
        for a, b in _candidate_pairs(tokens, comparison.claims):
            found = _differing_values(tokens[a.id], tokens[b.id], _inside(a, comparison), _inside(b, comparison))
            if found is not None:
                yield _contradiction(a, b, *found, comparison)


def _tokens(claim: StoredClaim) -> list[Token]:
    return [(m.group().casefold(), claim.start + m.start(), claim.start + m.end()) for m in _TOKEN.finditer(claim.text)]


def _runs(tokens: Sequence[Token]) -> set[tuple[str, ...]]:
    words = [t[0] for t in tokens if t[0][0].isalnum()]
    return {tuple(words[i:i + _RUN]) for i in range(len(words) - _RUN + 1)}


def _candidate_pairs(tokens: dict[str, list[Token]], claims: dict[str, StoredClaim]) -> Iterator[tuple[StoredClaim, StoredClaim]]:
    """Pairs of claims of two articles that share at least half the word runs of one of them."""
    runs = {claim_id: _runs(found) for claim_id, found in tokens.items()}
    holders: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for claim_id in sorted(runs):
        for run in runs[claim_id]:
            holders[run].append(claim_id)
    for claim_id in sorted(runs):
        if not runs[claim_id]:
            continue
        shared = Counter(other for run in runs[claim_id] if len(holders[run]) <= _COMMON_RUN for other in holders[run])
        for other, count in sorted(shared.items()):
            if other > claim_id and claims[other].doc != claims[claim_id].doc and (
                    count >= _SHARED_RUNS * min(len(runs[claim_id]), len(runs[other]))):
                yield claims[claim_id], claims[other]


def _inside(claim: StoredClaim, comparison: Comparison) -> list[ToldValue]:
    return [v for v in comparison.told_values.get(claim.doc, ()) if claim.start <= v[0] and v[1] <= claim.end]


def _differing_values(a: list[Token], b: list[Token], values_a: list[ToldValue],
                      values_b: list[ToldValue]) -> tuple[ToldValue, ToldValue] | None:
    """The first pair of values in which two copies of one text differ, or None when they are
    no copies or differ in nothing but their wording. A value of one copy is set against the
    value of the other that holds the words they share ("worth 4 million euros" and "worth $4
    million") or, sharing none, stands in its place ("in 1975", "in 1978"), and they differ by what they mean (an amount and its unit, a date's
    value): "9am" and "0900" are one time; a value one copy leaves out differs from nothing."""
    matcher = SequenceMatcher(None, [t[0] for t in a], [t[0] for t in b], autojunk=False)
    if matcher.ratio() < _COPY:
        return None
    to_b = {i: block.b + (i - block.a) for block in matcher.get_matching_blocks() for i in range(block.a, block.a + block.size)}
    # the words that differ (beside an insertion, the words it falls between)
    changed_a: set[int] = set()
    changed_b: set[int] = set()
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            changed_a |= set(range(i1, i2) if i2 > i1 else (i1 - 1, i1))
            changed_b |= set(range(j1, j2) if j2 > j1 else (j1 - 1, j1))
    replaced = [(range(i1, i2), range(j1, j2)) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op == "replace"]
    for value in values_a:
        held = [i for i, (_, start, end) in enumerate(a) if value[0] <= start and end <= value[1]]
        shared = [b[to_b[i]] for i in held if i in to_b]
        other = next((v for v in values_b for _, start, end in shared if v[0] <= start and end <= v[1]), None)
        if other is None:
            # no word in common ("1975" for "1978"): the value the other copy has in its place
            counterpart = [b[j] for span_a, span_b in replaced if set(held) & set(span_a) for j in span_b]
            other = next((v for v in values_b for _, start, end in counterpart if v[0] <= start and end <= v[1]), None)
        if other is None or other[2] != value[2] or not value[4] or not other[4] or other[4] == value[4]:
            continue
        held_b = [j for j, (_, start, end) in enumerate(b) if other[0] <= start and end <= other[1]]
        # the text differs there: not one text whose figure two readings parsed apart
        if changed_a.intersection(held) or changed_b.intersection(held_b):
            return value, other
    return None


def _contradiction(a: StoredClaim, b: StoredClaim, value_a: ToldValue, value_b: ToldValue, comparison: Comparison) -> Contradiction:
    kind = "date" if value_a[2] == "date" else "numeric"
    apart = days_apart(comparison.published(a.doc)[1], comparison.published(b.doc)[1])
    caveat = f"published {apart} day{'s' if apart > 1 else ''} apart: the later copy may correct the earlier" if apart else None
    explanation = f"One text, told by two articles, gives {value_a[3]!r} in one and {value_b[3]!r} in the other"
    if caveat:
        explanation += f" ({caveat})"
    # its id is the kind's and the claims' (contradictions.py): a toll revised in one text
    # copied twice is the toll comparator's, told once
    first, second = sorted((a.id, b.id))
    return Contradiction(contradiction_id(kind, first, second), kind, a.id, b.id, explanation, None,
                         slot=f"{value_a[2]} as copied", value_a=value_a[3], value_b=value_b[3], caveat=caveat,
                         strength=0.7 if caveat else 1.0)
