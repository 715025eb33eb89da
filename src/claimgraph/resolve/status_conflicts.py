"""Done against still planned: one source reports an agreement concluded, another a plan
to conclude it.

An agreement between given parties is concluded once, so "a deal already closed with
Zorov" and "plans to seal a deal with Zorov" cannot both describe the present of the later
report. They are two facts (a plan is not what happened, facts.py), compared here across
them: same type, a shared party that is not a whole country (a country signs many deals),
and no party of one missing from the other. A plan told in an article known to be older
than the earliest date the report of the deal can have is the ordinary course of things
(planned, then done) and not flagged; otherwise the explanation says whether time can
explain the difference.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable

from claimgraph.resolve.contradictions import Contradiction
from claimgraph.resolve.facts import EventView, Fact

ONE_OFF_TYPES = frozenset({"AGREEMENT"})  # concluded once between the same parties
_PLANNED = frozenset({"planned"})

# (earliest possible date, stated date) of a document, as ISO prefixes or None
Published = Callable[[str], tuple[str | None, str | None]]


def status_conflicts(events: Iterable[EventView], fact_of: dict[str, Fact], published: Published) -> list[Contradiction]:
    """One contradiction per pair of facts, one told as done and one as planned."""
    found: dict[tuple[str, str], Contradiction] = {}
    for done, plan in _done_and_planned(events, fact_of):
        pair = (fact_of[done.id].id, fact_of[plan.id].id)
        order = _order(published(done.doc), published(plan.doc))
        if pair in found or order == "plan first":
            continue
        claim_a, claim_b = done.claims[0], plan.claims[0]
        identifier = "ctr_" + hashlib.sha1(":".join(("status", *pair)).encode()).hexdigest()[:16]
        about = fact_of[done.id].about
        why = ("the plan is reported after the deal was, so time does not explain it" if order == "plan later"
               else "the two reports are not both dated, so the difference may be one of time (concluded in between)")
        explanation = f"{about[0].upper()}{about[1:]}: one source reports it concluded, the other as still a plan; {why}."
        found[pair] = Contradiction(identifier, "assert_vs_deny", claim_a, claim_b, explanation, fact_of[done.id].id)
    return list(found.values())


def _done_and_planned(events: Iterable[EventView], fact_of: dict[str, Fact]) -> Iterable[tuple[EventView, EventView]]:
    blocks: dict[tuple[str, str], list[EventView]] = defaultdict(list)
    for event in events:
        if (event.type in ONE_OFF_TYPES and event.claims and event.id in fact_of and not event.background
                and (event.status == "happened" or event.status in _PLANNED)):
            for anchor in event.actors | event.targets:
                if not anchor.startswith("country:"):
                    blocks[(event.type, anchor)].append(event)
    for members in blocks.values():
        for done in (e for e in members if e.status == "happened"):
            for plan in (e for e in members if e.status in _PLANNED):
                if done.doc != plan.doc and fact_of[done.id].id != fact_of[plan.id].id and _same_parties(done, plan):
                    yield done, plan


def _same_parties(a: EventView, b: EventView) -> bool:
    """No party of the one that names fewer is missing from the other."""
    mine, theirs = a.actors | a.targets, b.actors | b.targets
    return mine <= theirs or theirs <= mine


def _order(done: tuple[str | None, str | None], plan: tuple[str | None, str | None]) -> str:
    """'plan first' when the plan's article is dated before the earliest the deal's report
    can be; 'plan later' when it is dated after the deal's report; else 'unknown'."""
    done_earliest, done_date = done
    _, plan_date = plan
    if plan_date and done_earliest and plan_date < done_earliest and not done_earliest.startswith(plan_date):
        return "plan first"
    if plan_date and done_date and plan_date > done_date and not plan_date.startswith(done_date):
        return "plan later"
    return "unknown"
