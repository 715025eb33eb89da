"""Ties between parties across sources: facts of who is tied to whom, and the denials that meet them.

Relations that tie the same two parties (as anchors: a country and its institutions are
one) are one fact, whatever word states the tie ("with links to", "under the control of",
"funded by"); how two parties stand (cooperation or tension, extract/standings.py, and
accusations between states) makes facts of its own, one per pair of states and tone,
which no denial meets. Denials are facts of their own, one per denier and what they deny
a tie with; a private armed force named by kind ("private firms") stands for every
organisation that is one. A denial meets the best supported fact, told in another
article, that ties the denier to what it denies (or to anyone, when it names no one:
"has denied any such links"): one contradiction per denial fact, never one per report,
told with the denier's own words where a quotation gives them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimgraph.records import Contradiction, Fact
from claimgraph.resolve.contradictions import contradiction_id
from claimgraph.resolve.facts import ClaimView, EventView, fact_id
from claimgraph.resolve.origins import Agencies, count_origins

if TYPE_CHECKING:
    from claimgraph.store.facts import Anchors

PRIVATE_FORCE = "force:private"
_ANYONE = "*"
VERBAL_CONFLICT = frozenset({"ACCUSATION"})  # events between two states that tell of tension
STANDING_KINDS = frozenset({"cooperation", "tension"})  # how two parties stand (extract/standings.py); else ties
_CERTAINTY = {"fact": 0, "reported": 1, "alleged": 2, "speculative": 3}


@dataclass(frozen=True)
class RelationView:
    """What fact grouping reads of a stored relation: its parties as anchors (the first is the
    party's own, the others what it also stands for: its country, a private force)."""

    id: str
    doc: str
    kind: str
    polarity: str  # asserted | denied
    subject: tuple[str, ...]
    object: tuple[str, ...]  # empty when a denial names no one
    claims: tuple[str, ...]
    quoted: bool = False  # stated inside a quotation: the speaker's own words
    background: bool = False  # a tie is never the setting of another report; origin counting reads it


def party_anchors(entity_id: str | None, force: str | None, anchors: Anchors) -> tuple[str, ...]:
    """A party's anchors, its own first: an entity's, then its country's for an institution or a
    seat of government, then the private force it is; a force named by kind is that force."""
    if entity_id is None:
        return (PRIVATE_FORCE,) if force == "private" else ()
    found = [anchors.anchor(entity_id), *sorted(anchors.anchors([entity_id], acting=True) - {anchors.anchor(entity_id)})]
    if entity_id in anchors.private_forces:
        found.append(PRIVATE_FORCE)
    return tuple(found)


def accusation_standings(events: Iterable[EventView]) -> Iterator[RelationView]:
    """One state accusing another tells how they stand, as "strained ties" does: each accusation
    between two countries named as states (a minister's counts for his state; "a British
    group" is no state) is a claim of tension between them, gathered with the standings the
    text states."""
    for event in events:
        if event.type not in VERBAL_CONFLICT or event.status != "happened" or not event.claims:
            continue
        accusers = sorted(event.actors & event.states)
        accused = sorted(t for t in event.targets & event.states if t not in event.actors)
        if accusers and accused:
            # Its own id: the accusation's event fact must not share the tension fact's
            yield RelationView(id=f"{event.id}/tension", doc=event.doc, kind="tension", polarity="asserted", subject=(accusers[0],),
                               object=(accused[0],), claims=event.claims, background=event.background)


def relation_facts(relations: list[RelationView], claims: dict[str, ClaimView], *, outlet_of: Callable[[str], str],
                   name_of: Callable[[str], str], agencies: Agencies) -> tuple[list[Fact], dict[str, Fact]]:
    """The facts the relations state, and the fact of each relation. A tie told only as a
    speculation ("it is unclear whether X is funded by Y") states nothing."""
    groups: dict[tuple[str, ...], list[RelationView]] = defaultdict(list)
    for relation in relations:
        if relation.polarity == "asserted" and all(_modality(c, claims) == "speculative" for c in relation.claims):
            continue
        if relation.polarity == "asserted" and relation.object and relation.kind in STANDING_KINDS:
            # How states stand: a capital or an institution stands for its country, and never with itself
            pair = sorted((_state(relation.subject), _state(relation.object)))
            if pair[0] != pair[1]:
                groups[("asserted", relation.kind, *pair)].append(relation)
        elif relation.polarity == "asserted" and relation.object:
            groups[("asserted", relation.kind, *sorted((relation.subject[0], relation.object[0])))].append(relation)
        elif relation.polarity == "denied":
            groups[("denied", relation.kind, relation.subject[0], _denied_party(relation))].append(relation)
    facts, fact_of = [], {}
    for key, group in groups.items():
        claim_ids = tuple(dict.fromkeys(c for r in group for c in r.claims if c in claims))
        if not claim_ids:
            continue
        origins = count_origins(group, claims, outlet_of, agencies, lambda a, b: False)
        status = "corroborated" if len(origins) >= 2 else "single_source"
        fact = Fact(fact_id(r.id for r in group), _about(key, name_of), claim_ids, (), origins, status)
        facts.append(fact)
        fact_of.update({r.id: fact for r in group})
    return facts, fact_of


def _state(party: tuple[str, ...]) -> str:
    return next((anchor for anchor in party if anchor.startswith("country:")), party[0])


def _denied_party(relation: RelationView) -> str:
    if not relation.object:
        return _ANYONE
    return PRIVATE_FORCE if PRIVATE_FORCE in relation.object else relation.object[0]


def _about(key: tuple[str, ...], name_of: Callable[[str], str]) -> str:
    def name(anchor: str) -> str:
        return "private armed forces" if anchor == PRIVATE_FORCE else name_of(anchor)

    # A denial is worded by whose tie it denies, not by who speaks: "the imam said Ruvia has
    # nothing to do with it" is the imam's denial of Ruvia's ties.
    if key[0] == "asserted":
        return f"{key[1] if key[1] in STANDING_KINDS else 'ties'} between {name(key[2])} and {name(key[3])}"
    if key[3] == _ANYONE:
        return f"denied: any ties of {name(key[2])}"
    return f"denied: ties between {name(key[2])} and {name(key[3])}"


def relation_contradictions(relations: list[RelationView], fact_of: dict[str, Fact], claims: dict[str, ClaimView], *,
                            name_of: Callable[[str], str]) -> list[Contradiction]:
    """Each denial fact against the best supported fact, told elsewhere, of the tie it denies."""
    # Only an affiliation is denied: "strained ties" between two parties is no tie a denial meets.
    asserted = [r for r in relations if r.polarity == "asserted" and r.kind == "affiliation" and r.object and r.id in fact_of]
    denials: dict[str, list[RelationView]] = defaultdict(list)
    for relation in relations:
        if relation.polarity == "denied" and relation.id in fact_of:
            denials[fact_of[relation.id].id].append(relation)
    found = []
    for denial_group in denials.values():
        matching: dict[str, list[tuple[RelationView, RelationView]]] = defaultdict(list)
        for denial in denial_group:
            for relation in asserted:
                if relation.doc != denial.doc and _meets(denial, relation):
                    matching[fact_of[relation.id].id].append((denial, relation))
        if not matching:
            continue
        pairs = max(matching.values(), key=lambda group: (len(fact_of[group[0][1].id].independent_origins),
                                                          len(fact_of[group[0][1].id].claims), fact_of[group[0][1].id].id))
        relation = min((r for _, r in pairs), key=lambda r: (_certainty(r, claims), r.id))
        # The denier's own words first (a quotation), then the most firmly told.
        denial = min((d for d, _ in pairs), key=lambda d: (not d.quoted, _certainty(d, claims), d.id))
        fact = fact_of[relation.id]
        claim_a, claim_b = relation.claims[0], denial.claims[0]
        # Its own key ("tie" and the fact): an event contradiction may pair the same two claims.
        identifier = contradiction_id("tie", fact.id, *sorted((claim_a, claim_b)))
        denied = "any tie of " + name_of(denial.subject[0]) if not denial.object else "the tie"
        explanation = (f"{fact.about[0].upper()}{fact.about[1:]}: one source states the tie, the other denies {denied}; "
                       "the denial may concern another time or another kind of tie than the report.")
        found.append(Contradiction(identifier, "assert_vs_deny", claim_a, claim_b, explanation, fact.id))
    return found


def _meets(denial: RelationView, relation: RelationView) -> bool:
    """Whether an asserted tie is one the denial denies: the denier is one party, and the
    other is what it denies a tie with (anyone, when it names no one)."""
    for mine, theirs in ((relation.subject, relation.object), (relation.object, relation.subject)):
        if denial.subject[0] in mine and (not denial.object or _denied_party(denial) in theirs or denial.object[0] in theirs):
            return True
    return False


def _certainty(relation: RelationView, claims: dict[str, ClaimView]) -> int:
    """How firmly a relation's claim states it (a claim told as fact first, a speculation last)."""
    return _CERTAINTY.get(_modality(relation.claims[0], claims), 3)


def _modality(claim_id: str, claims: dict[str, ClaimView]) -> str:
    claim = claims.get(claim_id)
    return claim.modality if claim else "speculative"
