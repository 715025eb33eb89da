"""Contradictions: where sources disagree about one fact, each with a one-sentence reason.

- `numeric`: two figures for one fact that cannot both hold ("1,000" against "up to 400").
  Figures become intervals by their qualifier ("at least", "up to", "about" ±10%, ranges)
  and a range that holds the other figure is no conflict; a near miss of an approximate
  figure ("about 1,200" against 1,000) is flagged with the remark that rounding may explain
  it; sums in two currencies are compared through approximate rates, and a sum by the month
  against one without a period is said to be uncertain, not equal. What two reductions
  leave is compared when one party makes both or they cut a force of the same size.
- `assert_vs_deny`: an event told as happened or planned, and the same event denied or
  negated; and a denial that a kind of force (mercenaries, private military companies) is
  present in or employed by a country, against another source's report of such a force
  acting there. (A denial whose object is only an actor of what another article asserts —
  "Ruvia denies any state role in the militia" against "the militia deployed" — is not
  flagged: the denied content is not the asserted one.) An agreement told as concluded
  against one told as still planned is one too (status_conflicts.py).
- `attribution`: one violent event (same place, same date) ascribed to different actors.
- `date`: one event (same type, actors and targets, or same place) placed at different
  dates less than two months apart.

Each explanation says when the difference may be one of time (a plan against a report) or
of scope (different sources counting different things) rather than a true conflict.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from claimgraph.records import Contradiction, Fact
from claimgraph.resolve.facts import EventView, dates_agree, sizes_overlap
from claimgraph.resolve.money import CURRENCY_SLACK, PER_YEAR, currency

_VIOLENT = frozenset({"ATTACK", "MASS_KILLING", "AIRCRAFT_DOWNED"})
_ABOUT = 0.1  # "about 400" is 360 to 440
_ROUNDING = 1.25  # approximate figures this close may differ by rounding alone: said so, still flagged
_ON_THE_GROUND = frozenset({"DEPLOY", "TRAINING", "ATTACK", "MASS_KILLING", "BASE_HANDOVER"})  # done where the doer is
_REQUEST = "OTHER/REQUEST"
_FORCE_WORDS = {"private": "private armed forces (mercenaries, private military or security companies)"}


@dataclass(frozen=True)
class QuantityView:
    id: str
    text: str
    value: float
    value_max: float | None
    unit: str
    qualifier: str




def find_contradictions(facts: list[Fact], events: dict[str, EventView], quantities: dict[str, QuantityView],
                        rates: dict[str, float], name_of: Callable[[str], str],
                        cited: Callable[[str], bool] = lambda claim: False) -> list[Contradiction]:
    """Conflicts inside each fact, between a planned and a reported figure for the same
    parties (two facts), and between a denied presence and what such a force does (two
    facts). `cited` tells a claim with a named source from one in the outlet's own voice."""
    found: dict[tuple[str, str, str], Contradiction] = {}
    for fact in facts:
        members = [events[e] for e in fact.events]
        told: set[tuple[str, str]] = set()  # one contradiction per pair of differing values in a fact
        for a, b in _pairs_across_documents(members):
            for kind, explanation in _conflicts(a, b, fact, quantities, rates, name_of):
                if (kind, explanation) not in told:
                    told.add((kind, explanation))
                    _add(found, kind, a, b, explanation, fact.id)
    fact_of = {e: fact for fact in facts for e in fact.events}
    reported: set[tuple[str, ...]] = set()  # one figure conflict per pair of facts (and one on what is left)
    for a, b in _plan_and_report_pairs(events.values(), fact_of):
        pair = (min(fact_of[a.id].id, fact_of[b.id].id), max(fact_of[a.id].id, fact_of[b.id].id))
        verdict = compare_quantities(quantities[a.quantity], quantities[b.quantity], rates) if pair not in reported else None
        if verdict is not None:
            reported.add(pair)
            _add(found, "numeric", a, b, f"{fact_of[a.id].about}: {verdict}{_caveat(a, b)}", fact_of[a.id].id)
    for a, b in _level_pairs(events.values(), fact_of):
        pair = (min(fact_of[a.id].id, fact_of[b.id].id), max(fact_of[a.id].id, fact_of[b.id].id), "level")
        if pair not in reported and compare_quantities(_level_view(a), _level_view(b), rates) is not None:
            reported.add(pair)
            rounding = _rounding_note(_level_view(a), _level_view(b))
            _add(found, "numeric", a, b, f"{fact_of[a.id].about}: {_left(a)} against {_left(b)}{rounding}{_caveat(a, b)}",
                 fact_of[a.id].id)
    for denial, asserted in denied_presence_pairs(events.values(), fact_of, cited):
        where = name_of(denial.country or denial.setting or "")
        _add(found, "assert_vs_deny", asserted, denial,
             f"{fact_of[asserted.id].about}: one source reports it, the other denies that {_FORCE_WORDS.get(denial.force or '', 'such forces')} "
             f"{'are present' if denial.denies == 'presence' else 'are employed'} in {where}{_denial_caveat(asserted)}",
             fact_of[asserted.id].id)
    return list(found.values())


def denied_presence_pairs(events: Iterable[EventView], fact_of: dict[str, Fact],
                          cited: Callable[[str], bool] = lambda claim: False) -> Iterable[tuple[EventView, EventView]]:
    """A denial that a kind of force is in a country ("deny the presence of such mercenaries")
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
    asserted: dict[tuple[str, str], list[EventView]] = defaultdict(list)
    for event in events:
        where = event.country or event.setting
        if event.force and where and event.claims and event.id in fact_of and event.status in ("happened", "planned"):
            asserted[(event.force, where)].append(event)
    requests = [e for e in events if e.type == _REQUEST and e.force and e.claims and e.id in fact_of]
    for denial in denials:
        country = denial.country or denial.setting or ""
        done: dict[str, list[EventView]] = defaultdict(list)
        for event in asserted.get((denial.force or "", country), []):
            if event.doc == denial.doc or event.type == "DENIAL":
                continue
            if (event.type in _ON_THE_GROUND and event.status == "happened") if denial.denies == "presence" else event.type == denial.denies:
                done[fact_of[event.id].id].append(event)
        # "Kessa asked private firms to restore security" is Kessa seeking what its minister
        # says it does not employ.
        asked: dict[str, list[EventView]] = defaultdict(list)
        if denial.denies != "presence":
            for event in requests:
                if event.doc != denial.doc and event.force == denial.force and country in event.actors:
                    asked[fact_of[event.id].id].append(event)
        for by_fact in (done, asked):
            if by_fact:
                members = max(by_fact.values(), key=lambda group: (len(fact_of[group[0].id].independent_origins),
                                                                   len(fact_of[group[0].id].claims), group[0].id))
                yield denial, min(members, key=lambda e: (e.status != "happened", e.country is None, not cited(e.claims[0]), e.id))


def _denial_caveat(asserted: EventView) -> str:
    if asserted.status == "planned":
        return "; one reports a plan, so the difference may be one of time."
    return "; the denial may concern another time than the report."


def _pairs_across_documents(members: list[EventView]) -> Iterable[tuple[EventView, EventView]]:
    for index, a in enumerate(members):
        for b in members[index + 1:]:
            if a.doc != b.doc and a.claims and b.claims:
                yield a, b


def _conflicts(a: EventView, b: EventView, fact: Fact, quantities: dict[str, QuantityView], rates: dict[str, float],
               name_of: Callable[[str], str]) -> list[tuple[str, str]]:
    found = []
    if a.quantity in quantities and b.quantity in quantities:
        verdict = compare_quantities(quantities[a.quantity], quantities[b.quantity], rates)
        if verdict is not None:
            found.append(("numeric", f"{fact.about}: {verdict}{_caveat(a, b)}"))
    # Denied, not merely negated: "Ruvia denied attacking Kidal" against "Ruvia attacked
    # Kidal"; "Kessa will not pay" is a negated plan, no denial of a payment told elsewhere.
    if (a.status == "denied") != (b.status == "denied") and "negated" not in (a.status, b.status):
        found.append(("assert_vs_deny", f"one source reports {fact.about}, the other denies it."))
    if a.type in _VIOLENT and a.actors and b.actors and not a.actors & b.actors:
        found.append(("attribution", f"{fact.about} is ascribed to {_who(a.actors, name_of)} by one source and to "
                                     f"{_who(b.actors, name_of)} by the other."))
    if not dates_agree(a.date, b.date):
        found.append(("date", f"{fact.about} is dated {a.date} by one source and {b.date} by the other."))
    return found


def _plan_and_report_pairs(events: Iterable[EventView], fact_of: dict[str, Fact]) -> Iterable[tuple[EventView, EventView]]:
    """A planned figure and a reported one for the same parties ("1,000 will be deployed",
    "up to 400 are there"): separate facts, whose figures are still compared, once per pair."""
    blocks: dict[tuple[str, str], list[EventView]] = defaultdict(list)
    for event in events:
        if event.quantity and event.id in fact_of:
            for anchor in event.actors:
                blocks[(event.type, anchor)].append(event)
    planned = {"planned", "conditional"}
    for members in blocks.values():
        for index, a in enumerate(members):
            for b in members[:index]:
                if (a.doc != b.doc and a.claims and b.claims and fact_of[a.id].id != fact_of[b.id].id
                        and (a.status in planned) != (b.status in planned)):
                    yield a, b


def _level_pairs(events: Iterable[EventView], fact_of: dict[str, Fact]) -> Iterable[tuple[EventView, EventView]]:
    """Two reductions or withdrawals told in two articles, each saying what it leaves ("reduce
    the contingent by half", "withdraws its troops"), by the same party or of a force of the
    same size ("the 4,000-strong contingent", "from about 4,000": one force, however named)."""
    blocks: dict[tuple[str, str], list[EventView]] = defaultdict(list)
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


def _one_force(a: EventView, b: EventView) -> bool:
    """Of the same size, not placed in different countries and not cut by different states
    ("its 4,000-strong contingent in Ghana" is not another state's 4,000 in Estonia)."""
    where_a, where_b = a.country or a.setting, b.country or b.setting
    states_a, states_b = ({x for x in e.actors if x.startswith("country:")} for e in (a, b))
    return (sizes_overlap(a, b) and not (where_a and where_b and where_a != where_b)
            and not (states_a and states_b and not states_a & states_b))


def _level_view(event: EventView) -> QuantityView:
    value, qualifier, text = event.level or (0.0, "exact", "")
    return QuantityView(f"{event.id}:level", text, value, None, "", qualifier)


def _left(event: EventView) -> str:
    level = _level_view(event)
    return f"{level.text!r} ({'none' if level.value == 0 else f'{level.value:,.0f}'} left)"


def _caveat(a: EventView, b: EventView) -> str:
    planned = {"planned", "possible", "conditional"}
    if (a.status in planned) != (b.status in planned):
        return "; one reports a plan and the other what happened, so the difference may be one of time."
    return "; the sources may count different groups or moments."


def compare_quantities(a: QuantityView, b: QuantityView, rates: dict[str, float]) -> str | None:
    """Why two figures for one thing cannot both hold, or None when they can (or are not
    comparable: a count and a sum)."""
    money_a, money_b = currency(a.unit), currency(b.unit)
    if (money_a is None) != (money_b is None):
        return None
    low_a, high_a = interval(a)
    low_b, high_b = interval(b)
    if money_a is not None and money_b is not None:
        (code_a, period_a), (code_b, period_b) = money_a, money_b
        if code_a not in rates or code_b not in rates:
            return None
        factor_a, factor_b = rates[code_a], rates[code_b]
        slack = 1.0 if code_a == code_b else CURRENCY_SLACK  # rates are approximate: so is the comparison
        low_a, high_a = low_a * factor_a / slack, high_a * factor_a * slack
        low_b, high_b = low_b * factor_b / slack, high_b * factor_b * slack
        if period_a != period_b and (period_a is None or period_b is None):
            given = a if period_a else b
            return (f"{a.text!r} and {b.text!r} differ in period ({given.text!r} is per {period_a or period_b}, the other gives "
                    f"none), so the amounts cannot be compared as they stand")
        if period_a != period_b:  # "$2 million a month" and "$24 million a year" are one sum
            per_a, per_b = PER_YEAR.get(period_a or "", 0), PER_YEAR.get(period_b or "", 0)
            if not per_a or not per_b:
                return None
            low_a, high_a, low_b, high_b = low_a * per_a, high_a * per_a, low_b * per_b, high_b * per_b
    if high_a < low_b or high_b < low_a:
        return f"{a.text!r} against {b.text!r}{_rounding_note(a, b)}"
    return None


def _rounding_note(a: QuantityView, b: QuantityView) -> str:
    """'about 1,200' against 1,000: close enough that rounding an approximate figure may be
    the whole difference."""
    approximate = "about" in (a.qualifier, b.qualifier)
    if not approximate or currency(a.unit) is not None or min(a.value, b.value) <= 0:
        return ""
    ratio = max(a.value, b.value) / min(a.value, b.value)
    return f" (they differ by {ratio - 1:.0%}, which rounding an approximate figure may explain)" if ratio <= _ROUNDING else ""


def interval(quantity: QuantityView) -> tuple[float, float]:
    value = quantity.value
    if quantity.qualifier == "range" and quantity.value_max is not None:
        return value, quantity.value_max
    if quantity.qualifier in ("at_least", "more_than"):
        return value, math.inf
    if quantity.qualifier == "up_to":
        return 0.0, value
    if quantity.qualifier == "about":
        return value * (1 - _ABOUT), value * (1 + _ABOUT)
    return value, value


def _who(anchors: frozenset[str], name_of: Callable[[str], str]) -> str:
    names = sorted(name_of(a) for a in anchors)
    return " and ".join(names) if names else "someone"


def _add(found: dict[tuple[str, str, str], Contradiction], kind: str, a: EventView, b: EventView, explanation: str,
         fact: str | None) -> None:
    claim_a, claim_b = a.claims[0], b.claims[0]
    key = (kind, *sorted((claim_a, claim_b)))
    if key not in found:
        found[key] = Contradiction(contradiction_id(*key), kind, claim_a, claim_b, explanation[0].upper() + explanation[1:], fact)


def contradiction_id(*parts: str) -> str:
    """A contradiction's id, from what tells it apart (its kind or origin, and its claims)."""
    return "ctr_" + hashlib.sha1(":".join(parts).encode()).hexdigest()[:16]


def contradictions_by_fact(contradictions: Iterable[Contradiction]) -> dict[str, list[str]]:
    """The contradictions about each fact (the facts they make contested)."""
    found: dict[str, list[str]] = defaultdict(list)
    for contradiction in contradictions:
        if contradiction.fact:
            found[contradiction.fact].append(contradiction.id)
    return found

