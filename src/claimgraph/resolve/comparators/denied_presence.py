"""A denial that a kind of force (mercenaries, private military companies) is present in or
employed by a country, against another source's report of such a force acting there. What
is done where the doer is ("on the ground") is the event taxonomy's "on_the_ground" property."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from claimgraph.records import Contradiction, Fact
from claimgraph.registry import comparators
from claimgraph.resolve.anchors import AnchoredEvent, has_flag
from claimgraph.resolve.comparison import Comparison
from claimgraph.resolve.contradictions import between_events
from claimgraph.taxonomy import Taxonomy

_REQUEST = "OTHER/REQUEST"
_FORCE_WORDS = {"private": "private armed forces (mercenaries, private military or security companies)"}


@comparators.register("denied_presence")
class DeniedPresenceOfForces:
    name = "denied_presence"
    kind = "assert_vs_deny"
    precedence = 1

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        fact_of = comparison.fact_of
        for denial, asserted in denied_presence_pairs(comparison.events.values(), fact_of, taxonomy=comparison.taxonomy,
                                                      cited=comparison.cited):
            where = comparison.name_of(denial.country or denial.setting or "")
            forces = _FORCE_WORDS.get(denial.force or "", "such forces")
            yield between_events(
                self.kind, asserted, denial,
                f"{fact_of[asserted.id].about}: one source reports it, the other denies that {forces} "
                f"{'are present' if denial.denies == 'presence' else 'are employed'} in {where}{_denial_caveat(asserted)}",
                fact_of[asserted.id].id)


def denied_presence_pairs(events: Iterable[AnchoredEvent], fact_of: dict[str, Fact], *, taxonomy: Taxonomy,
                          cited: Callable[[str], bool] = lambda claim: False) -> Iterator[tuple[AnchoredEvent, AnchoredEvent]]:
    """A denial that a kind of force is in a country ("deny the presence of any such contractors")
    or employed there ("Kessa employs no private security company"), with what another
    article asserts that kind of force does there: anything on the ground that happened,
    or a deployment, planned or done; and for an employment, the country asking for such a
    force. One pair per denial and kind of assertion, with the best supported such
    fact (most origins, then most claims) and its most direct report: one that happened,
    placed by its own clause, from a cited source (`cited`) rather than the outlet's voice."""
    events = list(events)
    denials = [e for e in events if e.type == "DENIAL" and e.denies and e.force and e.claims and (e.country or e.setting)]
    if not denials:
        return
    asserted: dict[tuple[str, str], list[AnchoredEvent]] = defaultdict(list)
    for event in events:
        where = event.country or event.setting
        if event.force and where and event.claims and event.id in fact_of and event.status in ("happened", "planned"):
            asserted[(event.force, where)].append(event)
    requests = [e for e in events if e.type == _REQUEST and e.force and e.claims and e.id in fact_of]
    for denial in denials:
        country = denial.country or denial.setting or ""
        done: dict[str, list[AnchoredEvent]] = defaultdict(list)
        for event in asserted.get((denial.force or "", country), []):
            if event.doc == denial.doc or event.type == "DENIAL":
                continue
            on_the_ground = has_flag(taxonomy, event.type, "on_the_ground") and event.status == "happened"
            if on_the_ground if denial.denies == "presence" else event.type == denial.denies:
                done[fact_of[event.id].id].append(event)
        # "Kessa asked private firms to restore security" is Kessa seeking what its minister
        # says it does not employ.
        asked: dict[str, list[AnchoredEvent]] = defaultdict(list)
        if denial.denies != "presence":
            for event in requests:
                if event.doc != denial.doc and event.force == denial.force and country in event.actors:
                    asked[fact_of[event.id].id].append(event)
        for by_fact in (done, asked):
            if by_fact:
                members = max(by_fact.values(), key=lambda group: (len(fact_of[group[0].id].independent_origins),
                                                                   len(fact_of[group[0].id].claims), group[0].id))
                yield denial, min(members, key=lambda e: (e.status != "happened", e.country is None, not cited(e.claims[0]), e.id))


def _denial_caveat(asserted: AnchoredEvent) -> str:
    if asserted.status == "planned":
        return "; one reports a plan, so the difference may be one of time."
    return "; the denial may concern another time than the report."
