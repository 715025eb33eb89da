"""A count of harm told as none against a count of some, for one slot of one incident: "no
civilians were killed" against "the strike killed 40 civilians", "nobody is missing" against
"12 are missing".

A denied count is a figure of zero (extract/quantities.py reads "no civilians", "nobody",
"none of the crew" where a slot's word governs them), so it is paired as any figure of the
slot is (tolls.py: a pair a source sets against each other first, then the nearest
disagreement between outlets; counts of different groups or parts are not compared). What
differs is not how many but whether any: the contradiction says so, and tolls.py leaves
these pairs to it.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimgraph.records import Contradiction
from claimgraph.registry import comparators
from claimgraph.resolve.comparators.tolls import (
    figure_conflicts,
    harm_figures,
    states_none,
)
from claimgraph.resolve.comparison import Comparison
from claimgraph.resolve.contradictions import between_accounts


@comparators.register("existence")
class NoneAgainstSome:
    name = "existence"
    kind = "assert_vs_deny"
    precedence = 1

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        for incident, slot, figures, parts in harm_figures(comparison):
            for a, b in figure_conflicts(figures, comparison.rates, parts):
                none = a[1] if states_none(a[1]) else b[1] if states_none(b[1]) else None
                if none is not None:
                    who = "anyone was" if none.unit.split()[0] == "people" else f"any {none.unit} were"
                    yield between_accounts(self.kind, a[0], b[0], about=f"whether {who} {slot} in the {incident.label}",
                                           slot=slot, values=(a[1].text, b[1].text))
