"""One violent event (one fact: same place, same date) ascribed to different actors. Which
types are violent is the event taxonomy's "violent" property."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from claimgraph.records import Contradiction
from claimgraph.registry import comparators
from claimgraph.resolve.anchors import has_flag
from claimgraph.resolve.comparison import Comparison
from claimgraph.resolve.contradictions import between_events, pairs_across_documents


@comparators.register("attribution")
class ActorsOfOneViolentEvent:
    name = "attribution"
    kind = "attribution"
    precedence = 0

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        for fact in comparison.facts:
            told: set[str] = set()
            for a, b in pairs_across_documents([comparison.events[e] for e in fact.events]):
                if not (has_flag(comparison.taxonomy, a.type, "violent") and a.actors and b.actors and not a.actors & b.actors):
                    continue
                explanation = (f"{fact.about} is ascribed to {_who(a.actors, comparison.name_of)} by one source and to "
                               f"{_who(b.actors, comparison.name_of)} by the other.")
                if explanation not in told:
                    told.add(explanation)
                    yield between_events(self.kind, a, b, explanation, fact.id)


def _who(anchors: frozenset[str], name_of: Callable[[str], str]) -> str:
    names = sorted(name_of(a) for a in anchors)
    return " and ".join(names) if names else "someone"
