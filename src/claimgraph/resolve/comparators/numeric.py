"""Two figures for one fact that cannot both hold ("1,000" against "up to 400"): compared as
the intervals their qualifiers allow (resolve/figures.py). Figures of harm (the killed, the
missing: a quantity's slot) are compared per incident, by tolls.py."""

from __future__ import annotations

from collections.abc import Iterator

from claimgraph.records import Contradiction
from claimgraph.registry import comparators
from claimgraph.resolve.accounts import HARM_SLOTS
from claimgraph.resolve.comparison import Comparison
from claimgraph.resolve.contradictions import (
    between_events,
    caveat,
    pairs_across_documents,
)
from claimgraph.resolve.figures import compare_quantities


@comparators.register("numeric")
class FiguresOfOneFact:
    name = "numeric"
    kind = "numeric"
    precedence = 0

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        quantities = comparison.quantities
        for fact in comparison.facts:
            told: set[str] = set()  # one contradiction per pair of differing figures in a fact
            for a, b in pairs_across_documents([comparison.events[e] for e in fact.events]):
                if a.quantity not in quantities or b.quantity not in quantities:
                    continue
                if quantities[a.quantity].slot in HARM_SLOTS or quantities[b.quantity].slot in HARM_SLOTS:
                    continue
                verdict = compare_quantities(quantities[a.quantity], quantities[b.quantity], comparison.rates)
                explanation = f"{fact.about}: {verdict}{caveat(a, b)}"
                if verdict is not None and explanation not in told:
                    told.add(explanation)
                    yield between_events(self.kind, a, b, explanation, fact.id)
