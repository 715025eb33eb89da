"""What two reductions or withdrawals leave, told in two articles ("reduce the contingent by
half", "withdraws its troops"), by the same party or of a force of the same size ("the
4,000-strong contingent", "from about 4,000": one force, however named); compared once per
pair of facts."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator

from claimgraph.records import Contradiction, Fact, StoredQuantity
from claimgraph.registry import comparators
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.comparison import Comparison
from claimgraph.resolve.contradictions import between_events, caveat
from claimgraph.resolve.facts import sizes_overlap
from claimgraph.resolve.figures import compare_quantities, rounding_note


@comparators.register("level")
class LevelsLeft:
    name = "level"
    kind = "numeric"
    precedence = 2

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        fact_of = comparison.fact_of
        reported: set[tuple[str, str]] = set()  # one conflict on what is left per pair of facts
        for a, b in level_pairs(comparison.events.values(), fact_of):
            pair = (min(fact_of[a.id].id, fact_of[b.id].id), max(fact_of[a.id].id, fact_of[b.id].id))
            if pair not in reported and compare_quantities(level_figure(a), level_figure(b), comparison.rates) is not None:
                reported.add(pair)
                rounding = rounding_note(level_figure(a), level_figure(b))
                yield between_events(self.kind, a, b, f"{fact_of[a.id].about}: {_left(a)} against {_left(b)}{rounding}{caveat(a, b)}",
                                     fact_of[a.id].id)


def level_pairs(events: Iterable[AnchoredEvent], fact_of: dict[str, Fact]) -> Iterator[tuple[AnchoredEvent, AnchoredEvent]]:
    """Events saying what they leave, of one type, told in two articles, by the same actor or
    cutting one force (same size, same country, same state)."""
    blocks: dict[tuple[str, str], list[AnchoredEvent]] = defaultdict(list)
    for event in events:
        if event.level is not None and event.claims and event.id in fact_of:
            for anchor in event.actors:
                blocks[(event.type, anchor)].append(event)
            if event.size and event.size >= 1:
                # Two buckets by order of magnitude, so that 950 and 1,000 share one
                magnitude = math.floor(math.log10(event.size))
                blocks[(event.type, f"size:{magnitude}")].append(event)
                blocks[(event.type, f"size:{magnitude + 1}")].append(event)
    seen: set[tuple[str, str]] = set()
    for (_, anchor), members in blocks.items():
        for index, a in enumerate(members):
            for b in members[:index]:
                if a.doc == b.doc or (a.id, b.id) in seen or (anchor.startswith("size:") and not _one_force(a, b)):
                    continue
                seen.add((a.id, b.id))
                yield a, b


def _one_force(a: AnchoredEvent, b: AnchoredEvent) -> bool:
    """Of the same size, not placed in different countries and not cut by different states
    ("its 4,000-strong contingent in Ghana" is not another state's 4,000 in Estonia)."""
    where_a, where_b = a.country or a.setting, b.country or b.setting
    states_a, states_b = ({x for x in e.actors if x.startswith("country:")} for e in (a, b))
    return (sizes_overlap(a, b) and not (where_a and where_b and where_a != where_b)
            and not (states_a and states_b and not states_a & states_b))


def level_figure(event: AnchoredEvent) -> StoredQuantity:
    """What a reduction leaves, as a figure of the event's own words (compared as quantities are)."""
    value, qualifier, text = event.level or (0.0, "exact", "")
    return StoredQuantity(f"{event.id}:level", event.doc, event.event.start, event.event.end, text, value, None, "", qualifier, "level")


def _left(event: AnchoredEvent) -> str:
    level = level_figure(event)
    return f"{level.text!r} ({'none' if level.value == 0 else f'{level.value:,.0f}'} left)"
