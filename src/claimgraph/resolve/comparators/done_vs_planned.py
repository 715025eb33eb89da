"""Done against still planned: one source reports an agreement concluded, another a plan
to conclude it.

An agreement between given parties is concluded once, so "a contract concluded with
Zorov" and "plans to sign a deal with Zorov" cannot both describe the present of the later
report. They are two facts (a plan is not what happened, resolve/facts.py), compared here across
them: same type and the same parties, two of them or a counterpart ("a deal with Zorov";
"Vantor signed a deal" names no deal in particular), one of them not a whole country (a
country signs many deals), neither told as another deal ("a new deal") and no two kinds of
deal ("a gas deal", "a port deal"). A plan told in an article known to be older than the earliest
date the report of the deal can have is the ordinary course of things (planned, then done),
and articles more than a year apart may tell of two deals: neither is flagged. Otherwise the
explanation says whether time can explain the difference. The contract has no kind for a
status conflict: it is an `assert_vs_deny`, the plan denying that the deal is done.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from claimgraph.records import Contradiction, Fact
from claimgraph.registry import comparators
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.comparison import Comparison, Published
from claimgraph.resolve.contradictions import contradiction_id
from claimgraph.resolve.facts import days_apart

ONE_OFF_TYPES = frozenset({"AGREEMENT"})  # concluded once between the same parties
MAX_DAYS_APART = 365  # articles further apart may tell of two deals between the same parties


@comparators.register("done_vs_planned")
class DoneAgainstPlanned:
    name = "done_vs_planned"
    kind = "assert_vs_deny"
    precedence = 3  # its ids are its own ("status" and the two facts): it meets no other comparator's

    def find(self, comparison: Comparison) -> list[Contradiction]:
        return status_conflicts(comparison.events.values(), comparison.fact_of, comparison.published)


def status_conflicts(events: Iterable[AnchoredEvent], fact_of: dict[str, Fact], published: Published) -> list[Contradiction]:
    """One contradiction per pair of facts, one told as done and one as planned."""
    found: dict[tuple[str, str], Contradiction] = {}
    for done, plan in _done_and_planned(events, fact_of):
        pair = (fact_of[done.id].id, fact_of[plan.id].id)
        order = _order(published(done.doc), published(plan.doc))
        if pair in found or order in ("plan first", "far apart"):
            continue
        claim_a, claim_b = done.claims[0], plan.claims[0]
        identifier = contradiction_id("status", *pair)
        about = fact_of[done.id].about
        why = ("the plan is reported after the deal was, so time does not explain it" if order == "plan later"
               else "the two reports are not both dated, so the difference may be one of time (concluded in between)")
        explanation = f"{about[0].upper()}{about[1:]}: one source reports it concluded, the other as still a plan; {why}."
        found[pair] = Contradiction(identifier, "assert_vs_deny", claim_a, claim_b, explanation, fact_of[done.id].id)
    return list(found.values())


def _done_and_planned(events: Iterable[AnchoredEvent], fact_of: dict[str, Fact]) -> Iterator[tuple[AnchoredEvent, AnchoredEvent]]:
    blocks: dict[tuple[str, str], list[AnchoredEvent]] = defaultdict(list)
    for event in events:
        if (event.type in ONE_OFF_TYPES and event.claims and event.id in fact_of and not event.background
                and event.status in ("happened", "planned") and _names_the_deal(event)):
            for anchor in event.actors | event.targets:
                if not anchor.startswith("country:"):
                    blocks[(event.type, anchor)].append(event)
    for members in blocks.values():
        for done in (e for e in members if e.status == "happened"):
            for plan in (e for e in members if e.status == "planned"):
                if (done.doc != plan.doc and fact_of[done.id].id != fact_of[plan.id].id
                        and done.actors | done.targets == plan.actors | plan.targets and _one_deal(done, plan)):
                    yield done, plan


def _one_deal(done: AnchoredEvent, plan: AnchoredEvent) -> bool:
    """Not "another deal" or "a new deal", nor deals of different kinds ("a gas deal", "a port deal")."""
    different_kinds = done.kind_words and plan.kind_words and not done.kind_words & plan.kind_words
    return not (done.another or plan.another or different_kinds)


def _names_the_deal(event: AnchoredEvent) -> bool:
    """Two parties, or the counterpart a deal is made with: enough to tell one deal from another."""
    return len(event.actors | event.targets) >= 2 or bool(event.targets)


def _order(done: tuple[str | None, str | None], plan: tuple[str | None, str | None]) -> str:
    """'far apart' when the two articles are dated more than a year apart; 'plan first' when
    the plan's article is dated before the earliest the deal's report can be; 'plan later'
    when it is dated after the deal's report; else 'unknown'."""
    done_earliest, done_date = done
    _, plan_date = plan
    if (days_apart(plan_date, done_date, years=True) or 0) > MAX_DAYS_APART:
        return "far apart"
    if plan_date and done_earliest and plan_date < done_earliest and not done_earliest.startswith(plan_date):
        return "plan first"
    if plan_date and done_date and plan_date > done_date and not plan_date.startswith(done_date):
        return "plan later"
    return "unknown"
