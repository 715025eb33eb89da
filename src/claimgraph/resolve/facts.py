"""Facts: the claims of several documents that report the same event, and how many
independent origins stand behind them.

Events are compared within blocks of one type and one anchor (an actor or target, a country
standing for its demonym, or a specific place), never all pairs. Two events report the same
thing when they are of one type, their actors and targets agree where both name them, their
places are not far apart and their dates do not differ. Violent events at one place and
time may differ in actor: that is an attribution conflict (comparators/attribution.py),
not two facts. Which types are violent, national or defined by their parties is the event
taxonomy's to say (claimgraph/taxonomy.py), passed in.

Origins, not articles, are counted: a claim's origin is the outlet that relayed it (its
`via`), else its named source, else the article's outlet, and a near-duplicate article
counts as its original.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date

from claimgraph.records import Fact, StoredClaim
from claimgraph.resolve.anchors import AnchoredEvent, has_flag
from claimgraph.resolve.money import sums_agree
from claimgraph.resolve.origins import NO_AGENCIES, Agencies, count_origins
from claimgraph.resolve.places import great_circle_km
from claimgraph.taxonomy import Taxonomy

_CALENDAR = re.compile(r"^(\d{4}|XXXX)(-\d{2}(-\d{2})?)?$")
DATE_SLACK_DAYS = 60
MAX_BLOCK = 300  # events compared pairwise within one (type, anchor) block at most
_ASSERTED = frozenset({"happened", "alleged", "planned"})  # a hypothesis ("would pay if ...") confirms nothing


def group_events(events: list[AnchoredEvent], *, taxonomy: Taxonomy, max_km: float = 50.0) -> list[list[AnchoredEvent]]:
    """Events that report the same thing, grouped (every event is in exactly one group)."""
    parent = {e.id: e.id for e in events}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    blocks: dict[tuple[str, str], list[AnchoredEvent]] = defaultdict(list)
    # Anchors in a fixed order: complete linkage is greedy, so the groups it makes depend on
    # the order blocks are met in, which must not be a set's (it varies with the hash seed).
    for event in events:
        for anchor in sorted(_anchors(event)):
            blocks[(event.type, anchor)].append(event)
    # Complete linkage: a group grows only by events that agree with every member, so a
    # chain of look-alikes ("Ruvia at Gao" ~ "1,000 troops" ~ "Zorov at Gao") never becomes one fact.
    members_of: dict[str, list[AnchoredEvent]] = {e.id: [e] for e in events}
    for members in blocks.values():
        members = members[:MAX_BLOCK]
        for index, event in enumerate(members):
            for other in members[:index]:
                a, b = find(event.id), find(other.id)
                if a == b or not same_event(event, other, taxonomy=taxonomy, max_km=max_km):
                    continue
                if all(compatible(x, y, taxonomy=taxonomy, max_km=max_km) for x in members_of[a] for y in members_of[b]):
                    parent[a] = b
                    members_of[b] += members_of.pop(a)
    groups: dict[str, list[AnchoredEvent]] = defaultdict(list)
    for event in events:
        groups[find(event.id)].append(event)
    return list(groups.values())


def sizes_overlap(a: AnchoredEvent, b: AnchoredEvent) -> bool:
    """Both give a count, and what one allows meets what the other does."""
    if a.size_range is None or b.size_range is None:
        return False
    return a.size_range[0] <= b.size_range[1] * 1.05 and b.size_range[0] <= a.size_range[1] * 1.05


def _anchors(event: AnchoredEvent) -> set[str]:
    found = set(event.actors | event.targets)
    if event.place:
        found.add(event.place)
    if event.country:
        found.add(event.country)
    if event.size:
        found.add(f"size:{_rounded(event.size)}")
    if event.paid and event.paid.low > 0:
        # Two buckets by order of magnitude, so that sums within a factor of ten share one.
        magnitude = math.floor(math.log10(event.paid.low))
        found |= {f"sum:{magnitude}", f"sum:{magnitude + 1}"}
    return found


def _country_wide(event: AnchoredEvent, taxonomy: Taxonomy) -> bool:
    """A coup happens to a country; an event naming no one is known by its country alone,
    unless its parties are what it is ("a deal" in Kessa is not Kessa's deal with Zorov)."""
    return has_flag(taxonomy, event.type, "national") or not (
        event.actors or event.targets or has_flag(taxonomy, event.type, "party_defined"))


def _rounded(value: float) -> str:
    return f"{value:.2g}"


def compatible(a: AnchoredEvent, b: AnchoredEvent, *, taxonomy: Taxonomy, max_km: float = 50.0) -> bool:
    """Nothing tells the two apart: no different dates, places, countries, actors or targets."""
    if not dates_agree(a.date, b.date):
        # Different dates make different events, unless everything else is the same and
        # the dates are close: then it is one event told with two dates (a date conflict).
        apart = days_apart(a.date, b.date)
        close = apart is not None and apart <= DATE_SLACK_DAYS
        return close and bool(a.actors) and a.actors == b.actors and a.targets == b.targets
    if a.point and b.point and great_circle_km(*a.point, *b.point) > max_km:
        return False
    if a.country and b.country and a.country != b.country:
        return False  # "trained in Ruvia" is not "trained in Kessa"
    if (a.country and b.setting and a.country != b.setting) or (b.country and a.setting and b.country != a.setting):
        return False  # nor is it what an article about Kessa tells without naming a place
    same_size = sizes_overlap(a, b)
    if not (same_size or _sums_agree(a, b)) and (
            {a.status, b.status} >= {"happened", "planned"} or {a.status, b.status} >= {"happened", "conditional"}):
        return False  # what is planned is not yet what happened, unless both give one figure
    if has_flag(taxonomy, a.type, "violent") and a.place is not None and a.place == b.place and a.date and a.date == b.date:
        return True  # who did it may differ: an attribution conflict, kept in one fact
    spoken = has_flag(taxonomy, a.type, "spoken")
    if (spoken or has_flag(taxonomy, a.type, "party_defined")) and not a.actors & b.actors and (
            spoken or not (a.place is not None and a.place == b.place and a.targets & b.targets)):
        # Which statement or meeting it is depends on who makes it: without a doer in common two
        # are not known to be one ("the minister accused Ruvia" and "she criticised Ruvia";
        # "talks with the government", "a visit to the country"), unless a meeting is told
        # with the same place and the same party met.
        return False
    if has_flag(taxonomy, a.type, "party_defined") and (
            bool(a.actors) != bool(b.actors)  # an accusation is its accuser's: one told with no doer may be anyone's
            or (a.kind_words and b.kind_words and not a.kind_words & b.kind_words)):  # a gas deal is not an arms deal
        return False
    for mine, theirs in ((a.actors, b.actors), (a.targets, b.targets)):
        if mine and theirs and not mine & theirs and not same_size:
            return False  # Ruvia's deployment is not Zorov's, unless both count the same troops
    return True


def same_event(a: AnchoredEvent, b: AnchoredEvent, *, taxonomy: Taxonomy, max_km: float = 50.0) -> bool:
    """Compatible, and linked by something shared: an actor, a target, a place or a count."""
    if a.type != b.type or not compatible(a, b, taxonomy=taxonomy, max_km=max_km):
        return False
    if not dates_agree(a.date, b.date):
        return True  # compatible despite the dates: the same parties, close dates
    # "in Ruvia" links to nothing placed more precisely; and an agreement is its parties': two
    # told at one place ("a new contract at the club") are one only when a party or a figure
    # links them too
    same_place = not has_flag(taxonomy, a.type, "party_defined") and (
        (a.place is not None and a.place == b.place)
        or (a.country is not None and a.country == b.country and (_country_wide(a, taxonomy) or _country_wide(b, taxonomy))
            and not (a.place or b.place)))
    return bool(a.actors & b.actors or a.targets & b.targets or same_place or same_figure(a, b))


def dates_agree(a: str | None, b: str | None) -> bool:
    """Two TIMEX3 values agree unless their year, month and day differ where both give them
    ('2020-08' agrees with '2020' and with 'XXXX-08-30', not with '2021-05')."""
    for mine, theirs in zip(date_parts(a), date_parts(b)):
        if mine is None or theirs is None:
            break
        if mine != theirs:
            return False
    return True


def date_parts(value: str | None) -> tuple[str | None, str | None, str | None]:
    """(year, month, day) of a TIMEX3 calendar value, None where unknown."""
    if not value or not _CALENDAR.match(value):
        return (None, None, None)
    pieces = value.split("-") + [None, None]
    year, month, day = pieces[0], pieces[1], pieces[2]
    return (None if year == "XXXX" else year, month if month and month.isdigit() else None, day if day and day.isdigit() else None)


def days_apart(a: str | None, b: str | None, *, years: bool = False) -> int | None:
    """Days between two dates known at least to the month (a month counts as its 15th) or,
    with `years`, to the year (a year counts as its middle); None when one is less known."""
    days = []
    for value in (a, b):
        year, month, day = date_parts(value)
        if year is None or (month is None and not years):
            return None
        try:
            days.append(date(int(year), int(month or 7), int(day or (15 if month else 1))))
        except ValueError:  # "2021-13": not a calendar date
            return None
    return abs((days[0] - days[1]).days)


def fact_id(members: Iterable[str]) -> str:
    """A fact's id, from the ids of what it gathers (events, or ties): the same facts get the
    same ids build after build."""
    return "fct_" + hashlib.sha1(":".join(sorted(members)).encode()).hexdigest()[:16]


def narrowest_claims(claim_ids: Iterable[str], claims: Mapping[str, StoredClaim]) -> tuple[str, ...]:
    """The claims of a fact, less any that holds another of them: a speaker's clause and the
    sentence around it are one statement, not two claims of the fact."""
    spans: dict[tuple[str, int, int], StoredClaim] = {}
    for claim_id in claim_ids:  # one claim per span: "X and Y told ..." is one statement
        claim = claims[claim_id]
        spans.setdefault((claim.doc, claim.start, claim.end), claim)
    kept = list(spans.values())
    return tuple(c.id for c in kept if not any(o.id != c.id and o.doc == c.doc and c.start <= o.start and o.end <= c.end
                                               and (o.start, o.end) != (c.start, c.end) for o in kept))


def build_facts(groups: Iterable[list[AnchoredEvent]], claims: dict[str, StoredClaim], outlet_of: Callable[[str], str],
                describe: Callable[[list[AnchoredEvent]], str], agencies: Agencies = NO_AGENCIES,
                cites: Mapping[str, frozenset[str]] | None = None) -> list[Fact]:
    facts = []
    for group in groups:
        # each event's narrowest claim: a clause that tells one event of the sentence does not
        # stand for the sentence's other events
        claim_ids = tuple(dict.fromkeys(c for e in group for c in narrowest_claims((c for c in e.claims if c in claims), claims)))
        if not claim_ids:
            continue
        # Only what asserts the fact confirms it: a claim that it did not happen, or only may
        # have, is no corroboration.
        asserting = [e for e in group if e.status in _ASSERTED]
        origins = count_origins(asserting, claims, outlet_of, agencies, same_figure, cites=cites)
        denied = any(e.status == "denied" for e in group)
        asserted = any(e.status in ("happened", "planned", "alleged") for e in group)
        status = "contested" if denied and asserted else "corroborated" if len(origins) >= 2 else "single_source"
        facts.append(Fact(fact_id(e.id for e in group), describe(group), claim_ids, tuple(e.id for e in group), origins, status))
    return facts


def _sums_agree(a: AnchoredEvent, b: AnchoredEvent) -> bool:
    return a.paid is not None and b.paid is not None and sums_agree(a.paid, b.paid)


def same_figure(a: AnchoredEvent, b: AnchoredEvent) -> bool:
    """Both events give one count or one sum."""
    return (a.size is not None and b.size is not None and abs(a.size - b.size) <= 0.05 * max(a.size, b.size)) or _sums_agree(a, b)
