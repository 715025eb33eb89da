"""An event told as happened or planned, and the same event (one fact) denied.

Denied, not merely negated: "Ruvia denied attacking Kidal" against "Ruvia attacked Kidal";
"Kessa will not pay" is a negated plan, no denial of a payment told elsewhere. (A denial
whose object is only an actor of what another article asserts, "Ruvia denies any state role
in the militia" against "the militia deployed", is not one fact, so not flagged.)
"""

from __future__ import annotations

from collections.abc import Iterator

from claimgraph.records import Contradiction
from claimgraph.registry import comparators
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.comparison import Comparison
from claimgraph.resolve.contradictions import between_events, pairs_across_documents


@comparators.register("denial")
class DenialOfOneFact:
    name = "denial"
    kind = "assert_vs_deny"
    precedence = 0

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        for fact in comparison.facts:
            told = False  # one per fact: its explanation names only the fact
            for a, b in pairs_across_documents([comparison.events[e] for e in fact.events]):
                if (a.status == "denied") != (b.status == "denied") and "negated" not in (a.status, b.status) and not told \
                        and _denies_what_is_told(*((a, b) if a.status == "denied" else (b, a))):
                    told = True
                    yield between_events(self.kind, a, b, f"one source reports {fact.about}, the other denies it.", fact.id)


def _denies_what_is_told(denied: AnchoredEvent, told: AnchoredEvent) -> bool:
    """Whether a denial denies what the other account tells: a party denying its own doing
    ("Kessa denied firing the rocket") disputes an account naming a doer (it, or under another
    name the entities may not have joined: "Zorov rebels" and "the Zorov Front"), not one of the
    deed alone ("a rocket hit the hospital"), which it does not dispute; a denial naming no
    doer ("the army denied that the village was shelled") denies the deed itself."""
    return not denied.actors or bool(told.actors)
