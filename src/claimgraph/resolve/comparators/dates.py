"""One event (one fact: same type, actors and targets, or same place) placed at different
dates less than two months apart (facts.py keeps such events one fact), each told as happened;
not a statement (a taxonomy type marked 'spoken'), which a party may make again another day."""

from __future__ import annotations

from collections.abc import Iterator

from claimgraph.records import Contradiction
from claimgraph.registry import comparators
from claimgraph.resolve.comparison import Comparison
from claimgraph.resolve.contradictions import between_events, pairs_across_documents
from claimgraph.resolve.facts import dates_agree


@comparators.register("date")
class DatesOfOneFact:
    name = "date"
    kind = "date"
    precedence = 0

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        spoken = comparison.taxonomy.with_flag("spoken")
        for fact in comparison.facts:
            told: set[str] = set()
            for a, b in pairs_across_documents([comparison.events[e] for e in fact.events]):
                explanation = f"{fact.about} is dated {a.date} by one source and {b.date} by the other."
                # An event told as someone's allegation is dated by the day it was alleged as often
                # as by its own: only two events told as happened can disagree on their day.
                # A statement told on two days may be made twice ("denied it again on Monday").
                if a.status == b.status == "happened" and not dates_agree(a.date, b.date) and explanation not in told \
                        and a.type not in spoken:
                    told.add(explanation)
                    yield between_events(self.kind, a, b, explanation, fact.id)
