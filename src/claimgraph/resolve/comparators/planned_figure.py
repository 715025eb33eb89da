"""A planned figure and a reported one for the same parties ("1,000 will be deployed", "up to
400 are there"): separate facts (a plan is not what happened), whose figures are still
compared, once per pair of facts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from claimgraph.records import Contradiction, Fact
from claimgraph.registry import comparators
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.comparison import Comparison
from claimgraph.resolve.contradictions import between_events, caveat
from claimgraph.resolve.figures import compare_quantities

_PLANNED = frozenset({"planned", "conditional"})


@comparators.register("planned_figure")
class PlannedAgainstReportedFigure:
    name = "planned_figure"
    kind = "numeric"
    precedence = 1

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        fact_of, quantities = comparison.fact_of, comparison.quantities
        reported: set[tuple[str, str]] = set()  # one figure conflict per pair of facts
        for a, b in plan_and_report_pairs(comparison.events.values(), fact_of):
            pair = (min(fact_of[a.id].id, fact_of[b.id].id), max(fact_of[a.id].id, fact_of[b.id].id))
            if pair in reported or a.quantity is None or b.quantity is None:
                continue
            verdict = compare_quantities(quantities[a.quantity], quantities[b.quantity], comparison.rates)
            if verdict is not None:
                reported.add(pair)
                yield between_events(self.kind, a, b, f"{fact_of[a.id].about}: {verdict}{caveat(a, b)}", fact_of[a.id].id)


def plan_and_report_pairs(events: Iterable[AnchoredEvent], fact_of: dict[str, Fact]) -> Iterator[tuple[AnchoredEvent, AnchoredEvent]]:
    """Events giving a figure, of one type and actor, told in two articles, in two facts, one
    as planned and the other not."""
    blocks: dict[tuple[str, str], list[AnchoredEvent]] = defaultdict(list)
    for event in events:
        if event.quantity and event.id in fact_of:
            for anchor in event.actors:
                blocks[(event.type, anchor)].append(event)
    for members in blocks.values():
        for index, a in enumerate(members):
            for b in members[:index]:
                if (a.doc != b.doc and a.claims and b.claims and fact_of[a.id].id != fact_of[b.id].id
                        and (a.status in _PLANNED) != (b.status in _PLANNED)):
                    yield a, b
