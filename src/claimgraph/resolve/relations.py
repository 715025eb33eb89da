"""Ties between parties across sources: facts of who is tied to whom, and of the denials.

Relations that tie the same two parties (as anchors: a country and its institutions are
one) are one fact, whatever word states the tie ("with links to", "under the control of",
"funded by"); how two parties stand (cooperation or tension, extract/standings.py, and
accusations between states) makes facts of its own, one per pair of states and tone,
which no denial meets. Denials are facts of their own, one per denier and what they deny
a tie with; a private armed force named by kind ("private firms") stands for every
organisation that is one. Where a denial meets the fact of the tie it denies is the
`denied_tie` comparator's (comparators/denied_ties.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from claimgraph.records import Fact, StoredClaim, StoredRelation
from claimgraph.resolve.anchors import AnchoredEvent, Anchors
from claimgraph.resolve.facts import fact_id, narrowest_claims
from claimgraph.resolve.origins import Agencies, count_origins

PRIVATE_FORCE = "force:private"
ANYONE = "*"
VERBAL_CONFLICT = frozenset({"ACCUSATION"})  # events between two states that tell of tension
STANDING_KINDS = frozenset({"cooperation", "tension"})  # how two parties stand (extract/standings.py); else ties
_CERTAINTY = {"fact": 0, "reported": 1, "alleged": 2, "speculative": 3}


@dataclass(frozen=True)
class Tie:
    """Derived, never stored: two parties tied, or a tie denied, as facts group them: from a
    stored relation (its parties read as anchors) or from an accusation between two states.
    Each party is its anchors, its own first, then what it also stands for (its country, a
    private force)."""

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


def stated_ties(relations: Iterable[StoredRelation], anchors: Anchors) -> Iterator[Tie]:
    """The ties the stored relations state, their parties as anchors; a relation whose party's
    entity is gone, or that no claim carries, is none."""
    for relation in relations:
        subject = party_anchors(relation.subject_entity, relation.subject.force, anchors)
        other_force = relation.object.force if relation.object is not None else None
        other = party_anchors(relation.object_entity, other_force, anchors)
        named_other = relation.object is not None and (relation.object.key or relation.object.force)
        if not relation.claims or not subject or (not other and named_other):
            continue  # a party whose entity is gone: never read a named denial as "any ties"
        yield Tie(id=relation.id, doc=relation.doc, kind=relation.kind, polarity=relation.polarity,
                  subject=subject, object=other, quoted=relation.quoted, claims=relation.claims)


def accusation_standings(events: Iterable[AnchoredEvent]) -> Iterator[Tie]:
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
            yield Tie(id=f"{event.id}/tension", doc=event.doc, kind="tension", polarity="asserted", subject=(accusers[0],),
                               object=(accused[0],), claims=event.claims, background=event.background)


def relation_facts(relations: list[Tie], claims: dict[str, StoredClaim], *, outlet_of: Callable[[str], str],
                   name_of: Callable[[str], str], agencies: Agencies) -> tuple[list[Fact], dict[str, Fact]]:
    """The facts the relations state, and the fact of each relation. A tie told only as a
    speculation ("it is unclear whether X is funded by Y") states nothing."""
    groups: dict[tuple[str, ...], list[Tie]] = defaultdict(list)
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
            groups[("denied", relation.kind, relation.subject[0], denied_party(relation))].append(relation)
    facts, fact_of = [], {}
    for key, group in groups.items():
        claim_ids = narrowest_claims((c for r in group for c in r.claims if c in claims), claims)
        if not claim_ids:
            continue
        origins = count_origins(group, claims, outlet_of, agencies, lambda a, b: False, own_view=True)
        status = "corroborated" if len(origins) >= 2 else "single_source"
        fact = Fact(fact_id(r.id for r in group), _about(key, name_of), claim_ids, (), origins, status)
        facts.append(fact)
        fact_of.update({r.id: fact for r in group})
    return facts, fact_of


def _state(party: tuple[str, ...]) -> str:
    return next((anchor for anchor in party if anchor.startswith("country:")), party[0])


def denied_party(relation: Tie) -> str:
    if not relation.object:
        return ANYONE
    return PRIVATE_FORCE if PRIVATE_FORCE in relation.object else relation.object[0]


def _about(key: tuple[str, ...], name_of: Callable[[str], str]) -> str:
    def name(anchor: str) -> str:
        return "private armed forces" if anchor == PRIVATE_FORCE else name_of(anchor)

    # A denial is worded by whose tie it denies, not by who speaks: "the imam said Ruvia has
    # nothing to do with it" is the imam's denial of Ruvia's ties.
    if key[0] == "asserted":
        return f"{key[1] if key[1] in STANDING_KINDS else 'ties'} between {name(key[2])} and {name(key[3])}"
    if key[3] == ANYONE:
        return f"denied: any ties of {name(key[2])}"
    return f"denied: ties between {name(key[2])} and {name(key[3])}"


def certainty(relation: Tie, claims: dict[str, StoredClaim]) -> int:
    """How firmly a relation's claim states it (a claim told as fact first, a speculation last)."""
    return _CERTAINTY.get(_modality(relation.claims[0], claims), 3)


def _modality(claim_id: str, claims: dict[str, StoredClaim]) -> str:
    claim = claims.get(claim_id)
    return claim.modality if claim else "speculative"
