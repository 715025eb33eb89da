"""What the comparators share (resolve/comparators/): a contradiction between two events'
claims, with its stable id, the pairs of events of one fact told in two articles, and the
caveat an explanation ends with.

Each explanation says when the difference may be one of time (a plan against a report) or
of scope (different sources counting different things) rather than a true conflict.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator

from claimgraph.records import Contradiction
from claimgraph.resolve.anchors import AnchoredEvent

_PLANNED = frozenset({"planned", "possible", "conditional"})


def contradiction_id(*parts: str) -> str:
    """A contradiction's id, from what tells it apart (its kind or origin, and its claims)."""
    return "ctr_" + hashlib.sha1(":".join(parts).encode()).hexdigest()[:16]


def between_events(kind: str, a: AnchoredEvent, b: AnchoredEvent, explanation: str, fact: str | None) -> Contradiction:
    """The contradiction of a kind between the first claims of two events; its id is the kind
    and the two claims, so that one pair of claims is one contradiction of a kind, whichever
    comparator finds it first."""
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
