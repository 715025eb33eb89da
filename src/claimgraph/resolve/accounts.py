"""Accounts and incidents: what each source says of one happening, gathered across articles.

An **account** is one claim's report of a happening: who tells it (its teller), what it
says happened (its events), the figures it gives each magnitude slot (killed, injured,
missing, displaced, arrested), whom it holds responsible for harm, whether it denies, and
the groups it counts at the scene ("thousands of protesters gathered outside the embassy":
a claim telling an event placed at the incident's place counts for it too).

An **incident** is one happening as several articles tell it: a flood, a strike on a
hospital, a dam blown up. Within an article, its violent events, the figures of harm it
gives, and the accusations and denials it reports are accounts of the article's incident,
unless an event is placed in another country or told as the time of another (background).
Across articles, two articles' incidents are one when they share a specific place (a
facility, a town: not a country) and their dates agree, by the events' own dates or else
the articles' publication dates (without either, the violence placed at one place). Comparing accounts needs only this: the comparators
(resolve/comparators/) compare the accounts of one incident, inside one article or across.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from claimgraph.records import StoredClaim, StoredQuantity
from claimgraph.resolve.anchors import AnchoredEvent, Anchors
from claimgraph.resolve.facts import dates_agree, days_apart
from claimgraph.resolve.lexicons import lexicon_words
from claimgraph.taxonomy import Taxonomy

# The slots a figure of harm fills, which make a claim an account of its article's incident.
HARM_SLOTS = ("killed", "injured", "missing", "displaced", "arrested")
_BLAMING = frozenset({"ACCUSE"})
_TOLD = frozenset({"happened", "alleged"})
_PLACED_BY_TEXT = frozenset({"clause", "sentence"})  # a place the event's own sentence gives
_PLACED_BY_FRAME = _PLACED_BY_TEXT | {"frame"}  # ... or the article's incident gives it
_SAME_WEEK = 7  # an article's events of one incident: told within a week of its main day
_SAME_DAYS = 3  # the days two articles give one happening differ by a few days at most
_SAME_STORY_DAYS = 183  # articles on one happening without its day: published within half a year
# Where a specific place lies: (its gazetteer entry, whether it is a facility placed there).
Site = tuple[str, bool]


@dataclass(frozen=True)
class Account:
    """Derived, never stored: one claim's report of a happening."""

    claim: StoredClaim
    tellers: frozenset[str]  # anchors of who tells it (its source's entity and that entity's country); empty: the outlet's own voice
    teller_name: str
    speaker: str | None  # the anchor of the one who speaks (not their country); None: the outlet's own voice
    published: str | None  # the article's publication date, or the earliest it can be
    denies: bool  # it denies: the claim's stance, or a denial it reports
    events: tuple[AnchoredEvent, ...]
    figures: tuple[tuple[str, StoredQuantity], ...]  # (slot, quantity) of each figure of harm it gives
    blamed: frozenset[str]  # anchors it holds responsible for harm
    date: str | None  # the day of the incident it gives, by its violent events' own dates
    counts: tuple[StoredQuantity, ...] = ()  # counts of a named group it gives of the scene ("thousands of protesters")
    reported_deniers: frozenset[str] = frozenset()  # anchors of the parties whose denial it reports ("X denied it, the agency said")
    # it holds another speaker's claim ("X blamed Y, while Z said ..."): a sentence telling two voices
    two_voices: bool = False

    @property
    def deniers(self) -> frozenset[str]:
        """Who denies, when it denies: the parties whose denial it reports, else its tellers."""
        return self.reported_deniers or self.tellers

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def doc(self) -> str:
        return self.claim.doc

    @property
    def sourced(self) -> bool:
        """Told by a source the article names, not in the outlet's own voice."""
        return self.claim.source_kind != "outlet"


@dataclass(frozen=True)
class Incident:
    """Derived, never stored: one happening and every account of it, in article order."""

    id: str
    accounts: tuple[Account, ...]
    places: frozenset[str] = field(default_factory=frozenset)  # specific place anchors its events give
    label: str = "incident"  # how a sentence names it: "attack at Gao"

    def figures(self, slot: str) -> list[tuple[Account, StoredQuantity]]:
        return [(account, quantity) for account in self.accounts for s, quantity in account.figures if s == slot]


@dataclass(frozen=True)
class _DocumentIncident:
    doc: str
    accounts: list[Account]
    places: frozenset[str]
    countries: frozenset[str]
    dates: frozenset[str]
    published: str | None
    scene: frozenset[str] = frozenset()  # where its violence is placed by its own sentences, and the place it names most
    sites: Mapping[str, Site] = field(default_factory=dict)  # place anchor -> where it lies, when known


def incidents(events: Iterable[AnchoredEvent], claims: Mapping[str, StoredClaim], quantities: Mapping[str, StoredQuantity],
              anchors: Anchors, published: Callable[[str], tuple[str | None, str | None]], *, taxonomy: Taxonomy,
              outlet_of: Callable[[str], str], settings: Mapping[str, tuple[str, ...]],
              can_act: Callable[[str], bool] = lambda anchor: True,
              site_of: Callable[[str], Site | None] = lambda anchor: None,
              counts: Iterable[StoredQuantity] = ()) -> list[Incident]:
    """The corpus's incidents: each article's accounts of its own incident, joined across
    articles that tell one happening. `settings` gives each article's main specific places, most named first
    (the towns and facilities it names most): where its incident is when no event says;
    `can_act` tells the anchors that can be held responsible (a state, a group, a person: not
    the dam that broke); `site_of`, where a specific place lies; `counts`, the figures that
    count a named group (not harm, not money), which the accounts of the scene carry."""
    violent = taxonomy.with_flag("violent")
    by_doc: dict[str, list[AnchoredEvent]] = defaultdict(list)
    for event in events:
        by_doc[event.doc].append(event)
    claims_by_doc: dict[str, list[StoredClaim]] = defaultdict(list)
    for claim in claims.values():
        claims_by_doc[claim.doc].append(claim)
    figures_by_claim: dict[str, list[tuple[str, StoredQuantity]]] = defaultdict(list)
    for quantity in quantities.values():
        if quantity.slot in HARM_SLOTS:
            figures_by_claim[_claim_of(quantity, claims_by_doc)].append((quantity.slot, quantity))
    counts_by_claim: dict[str, list[StoredQuantity]] = defaultdict(list)
    for quantity in counts:
        if holder := _claim_of(quantity, claims_by_doc):
            counts_by_claim[holder].append(quantity)
    own = [found for doc in sorted(set(by_doc) | set(claims_by_doc))
           if (found := _document_incident(doc, by_doc.get(doc, []), claims_by_doc.get(doc, []), figures_by_claim, anchors,
                                           published, violent, outlet_of, settings.get(doc, ()), can_act, site_of,
                                           counts_by_claim)) is not None]
    return [_incident(group, anchors, taxonomy) for group in _joined(own)]


def _claim_of(quantity: StoredQuantity, claims_by_doc: Mapping[str, list[StoredClaim]]) -> str:
    """The narrowest claim holding a figure (its own speaker's, not the sentence's); "" for none."""
    holder = narrowest_holding(claims_by_doc.get(quantity.doc, ()), quantity.start, quantity.end)
    return holder.id if holder else ""


def narrowest_holding(claims: Iterable[StoredClaim], start: int, end: int) -> StoredClaim | None:
    """The narrowest of a document's claims holding a span, or None."""
    holding = [c for c in claims if c.start <= start and end <= c.end]
    return min(holding, key=lambda c: (c.end - c.start, c.id)) if holding else None


def _document_incident(doc: str, events: list[AnchoredEvent], claims: list[StoredClaim],
                       figures_by_claim: Mapping[str, list[tuple[str, StoredQuantity]]], anchors: Anchors,
                       published: Callable[[str], tuple[str | None, str | None]], violent: frozenset[str],
                       outlet_of: Callable[[str], str], setting: tuple[str, ...],
                       can_act: Callable[[str], bool],
                       site_of: Callable[[str], Site | None],
                       counts_by_claim: Mapping[str, list[StoredQuantity]]) -> _DocumentIncident | None:
    harmful = [e for e in events if e.type in violent and not e.background]
    countries = _countries(harmful)
    # The article's incident: its violent events, unless told in another country than most.
    main_country = max(sorted(countries), key=lambda c: sum(e.setting == c for e in harmful)) if countries else None
    members = [e for e in harmful if main_country is None or e.setting in (None, main_country)]
    # ... and unless dated apart from the article's main day ("last year, an attack ... killed 90").
    main_day = _main_day(members)
    members = [e for e in members if main_day is None or e.event.date_basis != "sentence" or _same_time(e.date, main_day)]
    # A figure in a sentence that tells another violent happening (an earlier attack, a war's
    # whole toll) is that happening's, not this incident's.
    member_ids = {e.id for e in members}
    elsewhere = {c for e in events if e.type in violent and e.id not in member_ids for c in e.claims}
    elsewhere -= {c for e in members for c in e.claims}
    # A figure that a violent event outside the incident gives ("the Zorov Group, whose attack
    # last month killed 200, called the strike a massacre") is that event's, though its
    # sentence tells both.
    # (One figure two triggers share, "whose attack last month killed 200", is the dated one's:
    # the undated "killed" is a member only for want of its own date.)
    theirs = {e.event.quantity for e in events if e.type in violent and e.id not in member_ids and e.event.quantity}
    figures_by_claim = {c.id: [(s, q) for s, q in figures_by_claim.get(c.id, []) if q.id not in theirs] for c in claims}
    figured = [c for c in claims if figures_by_claim.get(c.id) and c.id not in elsewhere]
    # A happening, not a figure of speech ("attacked the party's plans"): harm counted, or
    # violence the text places somewhere.
    placed = [e for e in members if e.place and e.event.location_basis in _PLACED_BY_TEXT]
    if not figured and not placed:
        return None
    statements = [e for e in events if (e.event.plover == "ACCUSE" or _denies(e, violent)) and not e.background]
    told_by: dict[str, list[AnchoredEvent]] = defaultdict(list)
    span_of = {c.id: c.end - c.start for c in claims}
    for event in members + statements:
        # An event is told by the narrowest claim holding it, as a figure is: in "X accused Y,
        # while Z blamed W" Z's accusation is the clause's, not the sentence's (X's).
        holders = [c for c in event.claims if c in span_of]
        narrowest = min((span_of[c] for c in holders), default=0)
        for holder in holders:  # coordinated speakers ("X and Y said ...") each tell it
            if span_of[holder] == narrowest:
                told_by[holder].append(event)
    date_published = published(doc)[1]  # the day it appeared, when known (a lower bound is no date)
    places = frozenset(e.place for e in members if e.place) | frozenset(setting)
    # What else happened at the scene ("thousands gathered outside the embassy"): a claim
    # telling an event placed there by its own sentence tells of the scene, and the groups it counts.
    at_scene = {c for e in events if e.place in places and e.event.location_basis in _PLACED_BY_TEXT and not e.background
                and (main_day is None or e.event.date_basis != "sentence" or _same_time(e.date, main_day)) for c in e.claims}
    accounts = []
    for claim in claims:
        events_told = told_by.get(claim.id, [])
        figures = [] if claim.id in elsewhere else figures_by_claim.get(claim.id, [])
        by_cue = denies_by_cue(claim)
        rejections = [e for e in events_told if _denies(e, violent)]
        denies = bool(rejections) or by_cue
        # A denial a source reports by a denying verb ("X denied it, the agency reported") is
        # X's: the source only relays it. One the source makes by its own cue is the source's.
        reported_deniers = frozenset() if by_cue or claim.source_kind == "outlet" else frozenset(
            a for e in rejections if e.event.trigger.casefold() in _denying_cues() for a in e.actors if can_act(a))
        counted = counts_by_claim.get(claim.id, []) if claim.id not in elsewhere and (events_told or claim.id in at_scene) else []
        if not events_told and not figures and not denies and not counted:
            continue
        accounts.append(Account(
            claim=claim, tellers=_tellers(claim, anchors, can_act), speaker=_speaker(claim, anchors), teller_name=claim.source_name if claim.source_kind != "outlet" else outlet_of(doc),
            published=date_published, denies=denies, events=tuple(events_told), figures=tuple(figures),
            blamed=frozenset(filter(can_act, _blamed(events_told, violent))), date=_day(events_told, violent),
            counts=tuple(counted), reported_deniers=reported_deniers,
            two_voices=any(o.id != claim.id and o.source_name != claim.source_name and claim.start <= o.start and o.end <= claim.end
                           and (o.start, o.end) != (claim.start, claim.end) for o in claims),
        ))
    dates = frozenset(d for e in members if (d := e.date) and len(d) == 10 and d[:4].isdigit())
    scene = frozenset(e.place for e in placed if e.place) | frozenset(setting[:1])
    sites = {p: site for p in places if (site := site_of(p)) is not None}
    return _DocumentIncident(doc, accounts, places, frozenset(countries), dates, date_published, scene, sites)


def _denies(event: AnchoredEvent, violent: frozenset[str]) -> bool:
    """A denial, or a defence of a party ("X did not shell it", said by another), which denies
    the harm as a denial does."""
    return event.event.plover == "REJECT" or event.event.denies in violent


def _main_day(events: list[AnchoredEvent]) -> str | None:
    """The day most of an article's violent events are told on, by their own sentences."""
    days = Counter(e.date for e in events if e.event.date_basis == "sentence" and _full_day(e.date))
    return min(days, key=lambda day: (-days[day], day)) if days else None


def _same_time(date: str | None, day: str) -> bool:
    """A date within a week of the day, or of its month where it gives no day."""
    if _full_day(date):
        apart = days_apart(date, day)
        return apart is None or abs(apart) <= _SAME_WEEK
    return dates_agree((date or "")[:7] or None, day[:7])


def denies_by_cue(claim: StoredClaim) -> bool:
    """Whether a claim is a denial by its reporting verb ("denied", "disputes", "rejected"):
    the cue verbs of the attribution lexicons that carry a denying stance. A negated
    statement ("we are not going to win", he said) is stance "deny" but denies no account."""
    return claim.stance == "deny" and claim.cue is not None and claim.cue.casefold() in _denying_cues()


@cache
def _denying_cues() -> frozenset[str]:
    from claimgraph.extract.resources import (  # the extraction layer loads spaCy: not at import
        languages_with,
        load_lexicon_data,
    )

    forms: set[str] = set()
    for language in languages_with("attribution"):
        verbs = load_lexicon_data("attribution", language).get("verbs", {})
        for lemma, frame in verbs.items():
            if isinstance(frame, dict) and frame.get("stance") == "deny":
                forms |= _inflections(lemma.casefold())
    return frozenset(forms)


def _of_responsibility(event: AnchoredEvent) -> bool:
    """Whether an accusation is one of harm: anchored on a word of responsibility or blame
    (the events lexicons' "responsibility" class), or read from a claim that another party
    did harm (extract/event_attribution.py: anchored on the harmful act), not on a general
    accusing word ("accused", "criticised") that may be of anything."""
    word = event.event.trigger.casefold()
    responsibility, accusing = _accusation_words()
    return word in responsibility or word not in accusing


@cache
def _accusation_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words of responsibility, words the lexicons make accusations of), inflected, in every language."""
    from claimgraph.extract.resources import (  # the extraction layer loads spaCy: not at import
        languages_with,
        load_lexicon_data,
    )

    responsibility: set[str] = set()
    accusing: set[str] = set()
    for language in languages_with("events"):
        lexicon = load_lexicon_data("events", language)
        for word in lexicon.get("classes", {}).get("responsibility", []):
            responsibility |= _inflections(word.casefold())
        triggers = lexicon.get("triggers", [])
        for trigger in triggers.values() if isinstance(triggers, dict) else triggers:
            for entry in trigger if isinstance(trigger, list) else [trigger]:
                if isinstance(entry, dict) and entry.get("plover") == "ACCUSE" and isinstance(entry.get("lemma"), str):
                    accusing |= _inflections(entry["lemma"].casefold())
    return frozenset(responsibility), frozenset(accusing)


def _inflections(lemma: str) -> set[str]:
    """A verb's regular forms (deny: denies, denied, denying), enough for cue words."""
    stem = lemma.removesuffix("e")
    forms = {lemma, lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s"), stem + "ed", stem + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


def _countries(events: list[AnchoredEvent]) -> set[str]:
    return {e.setting for e in events if e.setting}


def _tellers(claim: StoredClaim, anchors: Anchors, can_act: Callable[[str], bool]) -> frozenset[str]:
    """Who tells a claim: its source, and the body its description says it speaks for ("the
    Zorov Group's spokesman, Ivo Marten", "Kessa army spokesman Ali Musa": a role of a
    person with a party named beside it; not the town in "a resident of Gao")."""
    if claim.source_kind == "outlet" or claim.source_entity is None:
        return frozenset()
    described = claim.source_name.casefold()
    tellers = anchors.anchors([claim.source_entity], acting=True)
    if not set(re.findall(r"[^\W\d_][\w'’-]*", described)) & lexicon_words("attribution", "person_roles"):
        return tellers
    speaks_for = [e for e in claim.entities if e != claim.source_entity and anchors.name(anchors.anchor(e)).casefold() in described]
    return tellers | {a for a in anchors.anchors(speaks_for) if can_act(a)}


def _speaker(claim: StoredClaim, anchors: Anchors) -> str | None:
    return None if claim.source_kind == "outlet" or claim.source_entity is None else anchors.anchor(claim.source_entity)


def sides(blamed: Iterable[frozenset[str]]) -> dict[frozenset[str], frozenset[str]]:
    """Each set of blamed parties with the side it is on: the smallest set told that it holds
    ("Kessa's forces and Kessa" is on the side of "Kessa"; "Kessa's forces and Kessa" and
    "Kessa" alone are one ascription, "the Zorov Group and Kessa" another than "the Vantor
    militia and Kessa" unless "Kessa" alone is told too)."""
    ordered = sorted(set(blamed), key=lambda b: (len(b), sorted(b)))
    side: dict[frozenset[str], frozenset[str]] = {}
    for index, parties in enumerate(ordered):
        side[parties] = next((core for core in ordered[:index] if core <= parties and side[core] == core), parties)
    return side


def _blamed(events: list[AnchoredEvent], violent: frozenset[str]) -> frozenset[str]:
    """Whom the claim holds responsible: those it accuses of the harm (an accusation in a
    claim that tells the harm, or by a word of responsibility: "blamed", "responsible"; not
    "accused the minister of missing his target"), and the doers of the harm it tells."""
    tells_harm = any(e.type in violent and e.status in _TOLD for e in events)
    found: set[str] = set()
    for event in events:
        if event.event.plover in _BLAMING and event.status in _TOLD and (tells_harm or _of_responsibility(event)):
            found |= event.targets
        elif event.event.plover == "ASSAULT" and event.status in _TOLD and event.event.location_basis in _PLACED_BY_FRAME:
            found |= event.actors  # violence the text places: not "launched an attack on the plans"
    return frozenset(found)


def _day(events: list[AnchoredEvent], violent: frozenset[str]) -> str | None:
    days = sorted({e.date for e in events if e.type in violent and e.date and e.event.date_basis == "sentence"
                   and len(e.date) == 10 and e.date[:4].isdigit()})
    return days[0] if days else None


def _joined(own: list[_DocumentIncident]) -> list[list[_DocumentIncident]]:
    """The articles' incidents joined when they tell one happening (union of pairs)."""
    parent = list(range(len(own)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(own):
        for j in range(i):
            if _one_happening(a, own[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[_DocumentIncident]] = defaultdict(list)
    for i, item in enumerate(own):
        groups[find(i)].append(item)
    return [groups[k] for k in sorted(groups)]


def _one_happening(a: _DocumentIncident, b: _DocumentIncident) -> bool:
    """Two articles tell one happening: a specific place in common, and days that agree. Where
    both give the day of their violent events, those days are within a few days of each other
    (a later statement's day is often told beside the event's); where either does not, the
    articles appeared within half a year of each other. Without dates, their scenes (where
    their violence is placed, the place each names most) must meet: two articles that merely
    both name a town are not one happening."""
    if not _meet(a, b, a.places, b.places):
        return False
    if a.dates and b.dates:
        return min(abs(d) for x in a.dates for y in b.dates if (d := days_apart(x, y)) is not None) <= _SAME_DAYS
    if _full_day(a.published) and _full_day(b.published):
        apart = days_apart(a.published, b.published)
        return apart is not None and abs(apart) <= _SAME_STORY_DAYS
    # Without dates, only where the violence is placed, or the place each article names most,
    # joins two articles: any town two articles both name would join years of unrelated news.
    return _meet(a, b, a.scene, b.scene)


def _meet(a: _DocumentIncident, b: _DocumentIncident, mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Two sets of specific places meet when they share one, or when one names a facility the
    gazetteer places at the town the other names ("the Al-Nour Hospital in Gao" and "Gao"):
    a place is where it lies, not how it is named. Two facilities of one town do not meet."""
    if mine & theirs:
        return True
    here = [a.sites[p] for p in mine if p in a.sites]
    there = [b.sites[p] for p in theirs if p in b.sites]
    return any(x[0] == y[0] and x[1] != y[1] for x in here for y in there)


def _full_day(value: str | None) -> bool:
    return value is not None and len(value) == 10 and value[:4].isdigit()


def _incident(group: list[_DocumentIncident], anchors: Anchors, taxonomy: Taxonomy) -> Incident:
    accounts = tuple(account for item in group for account in item.accounts)
    places = frozenset(p for item in group for p in item.places)
    key = "inc_" + hashlib.sha1(":".join(sorted(item.doc for item in group)).encode()).hexdigest()[:16]
    events = [e for account in accounts for e in account.events]
    kind = next((taxonomy.label(e.event.type) for e in events if e.event.plover == "ASSAULT"), "incident")
    where = sorted({anchors.name(p) for p in places})[:2]
    return Incident(key, accounts, places, f"{kind} at {', '.join(where)}" if where else kind)
