"""What a contradiction comparator is, and what it reads.

A comparator is a class in resolve/comparators/, registered by name in the `comparators`
registry (claimgraph/registry.py; another package can add one through the entry-point group
`claimgraph_comparators`). It declares the kind of contradiction it reports and its
precedence, and finds contradictions in a `Comparison`: the corpus's facts, with the
anchored events and the ties they gather. Adding a comparator is adding one module there,
with its tests; the kinds of contradictions are the kinds the comparators declare (data, no
schema lists them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from claimgraph.records import Contradiction, Fact, StoredClaim, StoredQuantity
from claimgraph.registry import comparators, discover
from claimgraph.resolve.accounts import Incident
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.figures import numerals
from claimgraph.resolve.origins import is_cited, restates, text_words
from claimgraph.resolve.relations import Tie
from claimgraph.taxonomy import Taxonomy

# (earliest possible date, stated date) of a document, as ISO prefixes or None
Published = Callable[[str], tuple[str | None, str | None]]
# A figure or date as a document tells it: (start, end, "figure" | "date", text, what it says:
# a figure's numerals and currency, a whole date's TIMEX3 value; "" for a date read from the
# article's own day, which each copy resolves from its own)
ToldValue = tuple[int, int, str, str, str]
# A date as a document tells it: (start, end, text, TIMEX3 value as resolved in its article)
ToldDate = tuple[int, int, str, str]


@dataclass(frozen=True)
class Comparison:
    """Derived, never stored: the corpus as the comparators read it, after facts are built."""

    facts: list[Fact]  # the facts of events, in the order they were built
    events: dict[str, AnchoredEvent]  # every event by id, in store order
    fact_of: dict[str, Fact]  # event id -> the fact it is in
    ties: list[Tie]
    tie_facts: list[Fact]  # the facts of ties, in the order they were built
    fact_of_tie: dict[str, Fact]  # tie id -> the fact it is in
    claims: dict[str, StoredClaim]
    quantities: dict[str, StoredQuantity]  # the quantities events give, by id
    rates: dict[str, float]  # US dollars per unit of each currency
    name_of: Callable[[str], str]  # an anchor's display name
    published: Published
    taxonomy: Taxonomy
    incidents: list[Incident] = field(default_factory=list)  # happenings told by several accounts, across articles
    incident_facts: list[Fact] = field(default_factory=list)  # what accounts of an incident agree on (resolve/incident_facts.py)
    statement_facts: list[Fact] = field(default_factory=list)  # one statement quoted alike in several articles (resolve/statements.py)
    entity_names: dict[str, str] = field(default_factory=dict)  # entity id -> its name
    anchor_of: Callable[[str], str] = lambda entity_id: entity_id  # an entity's anchor (a country and its demonym are one)
    # Facts of events that are an incident's accounts: compared like any fact, never shown
    # (the incident's facts tell those accounts)
    unshown: frozenset[str] = frozenset()
    # Each document's figures and dates as told (ToldValue), in order
    told_values: Mapping[str, tuple[ToldValue, ...]] = field(default_factory=dict)
    # Each document's dates as told (ToldDate), in order
    told_dates: Mapping[str, tuple[ToldDate, ...]] = field(default_factory=dict)
    # The ISO code of the one country a name or demonym stands for ("Ruvia", "Ruvian"), or None
    country_of: Callable[[str], str | None] = lambda name: None

    @cached_property
    def claims_by_doc(self) -> dict[str, list[StoredClaim]]:
        """Each document's claims, in store order: read once for every comparator."""
        found: dict[str, list[StoredClaim]] = defaultdict(list)
        for claim in self.claims.values():
            found[claim.doc].append(claim)
        return dict(found)

    def cited(self, claim_id: str) -> bool:
        """Whether a claim names its source, rather than being told in the outlet's own voice."""
        return claim_id in self.claims and is_cited(self.claims[claim_id])


class Comparator(Protocol):
    """What a registered comparator provides."""

    name: str
    kind: str  # the kind of contradiction it reports: numeric | assert_vs_deny | date | attribution | ...
    # The order comparators run in: 0 inside one fact; higher, across facts. Two comparators
    # may find one contradiction (one kind, the same two claims): the one that says more of it
    # is kept, else the first (find_contradictions).
    precedence: int

    def find(self, comparison: Comparison) -> Iterable[Contradiction]:
        """The contradictions it finds, in a stable order."""
        ...


def all_comparators() -> dict[str, Comparator]:
    """Every registered comparator by name, in the order they run: by precedence, then name
    (the built-in ones found in resolve/comparators/)."""
    discover("claimgraph.resolve.comparators")
    found = [factory() for _, factory in sorted(comparators.get_all().items())]
    return {c.name: c for c in sorted(found, key=lambda c: (c.precedence, c.name))}


def contradiction_kinds(registered: dict[str, Comparator]) -> tuple[str, ...]:
    """The kinds of contradictions the comparators report, sorted."""
    return tuple(sorted({c.kind for c in registered.values()}))


def find_contradictions(comparison: Comparison, registered: dict[str, Comparator]) -> list[Contradiction]:
    """Every comparator's contradictions, in order; one per id, as the comparator that says
    most of it found it (what each side holds, over a stance, over nothing), else the first;
    and one per disagreement relayed: two outlets running one agency story tell each of its
    disagreements twice, in the same words, and the earliest article's stands for both."""
    found: dict[str, Contradiction] = {}
    for comparator in registered.values():
        for contradiction in comparator.find(comparison):
            known = found.get(contradiction.id)
            if known is None or _told_values(contradiction) > _told_values(known):
                found[contradiction.id] = contradiction
    return _one_per_disagreement(_not_relayed(list(found.values()), comparison), comparison)


# The values comparators give a side that only takes a stance on what its claim tells
# (accusation_answered, contrary, denial_of_preceding, disowned_figure), not a figure, a date
# or a party of its own: two such contradictions of one slot may be about different things.
ASSERTED, DENIED, ACCUSED, GIVEN, DISOWNED = "asserted", "denied", "accused", "given", "disowned"
STANCES = frozenset({ASSERTED, DENIED, ACCUSED, GIVEN, DISOWNED})


def _told_values(contradiction: Contradiction) -> int:
    """How much a contradiction's values say: 2 what a side holds (a figure, a date, a
    party), 1 only stances ("asserted" against "denied"), 0 nothing."""
    values = {v.casefold() for v in (contradiction.value_a, contradiction.value_b) if v}
    return 0 if contradiction.slot is None or not values else 1 if values <= STANCES else 2


def _one_per_disagreement(contradictions: list[Contradiction], comparison: Comparison) -> list[Contradiction]:
    """One contradiction per two values of one slot of one happening (an incident, or a
    fact), shown by the earliest article that tells both sides (else the earliest that tells
    one): a ministry's 120 revised to 75 told
    in three articles is one disagreement, and so is one army blaming the rebels and the
    rebels the army, however many articles restate both (the values are its fingerprint, as
    they are an agency copy's). Values that only take a stance ("asserted", "denied") tell
    nothing apart: those contradictions stay, each about what its claims tell."""
    incident_of = {account.id: incident.id for incident in comparison.incidents for account in incident.accounts}
    seen: set[tuple[str, str, frozenset[str]]] = set()
    shown: set[str] = set()
    for contradiction in sorted(contradictions, key=lambda c: (not _in_one_article(c, comparison), _told_first(c, comparison))):
        values = [v for v in (contradiction.value_a, contradiction.value_b) if v]
        if contradiction.type == "numeric":
            told = frozenset(numerals(v) for v in values)
        else:
            told = frozenset(v.casefold() for v in values)
        happening = contradiction.fact or incident_of.get(contradiction.a)
        if contradiction.slot is None or happening is None or len(told) != 2 or "" in told or told <= STANCES:
            shown.add(contradiction.id)
            continue
        key = (happening, contradiction.slot, told)
        if key not in seen:
            seen.add(key)
            shown.add(contradiction.id)
    return [c for c in contradictions if c.id in shown]


def _in_one_article(contradiction: Contradiction, comparison: Comparison) -> bool:
    """Whether one article tells both sides of a contradiction, setting them against each other."""
    return len({comparison.claims[c].doc for c in (contradiction.a, contradiction.b) if c in comparison.claims}) == 1


def _told_first(contradiction: Contradiction, comparison: Comparison) -> str:
    """The earliest publication day of the articles that tell a contradiction ("~", after
    every day, when none is known)."""
    docs = [comparison.claims[c].doc for c in (contradiction.a, contradiction.b) if c in comparison.claims]
    return min((comparison.published(doc)[1] or comparison.published(doc)[0] or "~" for doc in docs), default="~")


def _not_relayed(contradictions: list[Contradiction], comparison: Comparison) -> list[Contradiction]:
    """The contradictions without those whose two sides restate, word for word or nearly, the
    two sides of one told in another article published no later, with the same values: the
    same disagreement relayed. Two articles' own disagreements worded alike but over other
    figures ("120 against 40", "150 against 60") are two."""
    def words(claim_id: str) -> frozenset[str]:
        claim = comparison.claims.get(claim_id)
        return text_words(claim.text) if claim else frozenset()

    def told(contradiction: Contradiction) -> tuple[str | None, frozenset[str | None]]:
        return contradiction.slot, frozenset((contradiction.value_a, contradiction.value_b))

    kept: list[tuple[Contradiction, frozenset[str], frozenset[str], frozenset[str]]] = []
    for contradiction in sorted(contradictions, key=lambda c: _told_first(c, comparison)):
        a, b = words(contradiction.a), words(contradiction.b)
        docs = frozenset(comparison.claims[c].doc for c in (contradiction.a, contradiction.b) if c in comparison.claims)
        # relayed: the same kind, the same values for the same slot, both sides restated
        if a and b and any(other.type == contradiction.type and told(other) == told(contradiction) and not docs & other_docs
                           and ((_restates(a, first) and _restates(b, second)) or (_restates(a, second) and _restates(b, first)))
                           for other, first, second, other_docs in kept):
            continue
        kept.append((contradiction, a, b, docs))
    shown = {id(c) for c, *_ in kept}
    return [c for c in contradictions if id(c) in shown]


def _restates(a: frozenset[str], b: frozenset[str]) -> bool:
    # a side of a relayed disagreement may be short ("Ruvia denied it"): the words alone tell,
    # since the other side and the values must match too
    return restates(a, b, min_words=0)
