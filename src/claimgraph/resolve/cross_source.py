"""The cross-source stage: facts and contradictions over the whole resolved corpus.

Runs after entities and places are resolved (its anchors are their ids), reads the stored
events, claims and relations through the store's typed API (never the articles' texts),
groups events and ties into facts, runs the registered comparators over them
(resolve/comparison.py) and writes facts and contradictions back.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace

from claimgraph.gazetteer import AREA_KINDS
from claimgraph.records import (
    Contradiction,
    Fact,
    StoredClaim,
    StoredEntity,
    StoredPlace,
    StoredQuantity,
)
from claimgraph.resolve.accounts import incidents
from claimgraph.resolve.anchors import (
    AnchoredEvent,
    Anchors,
    anchored_events,
    entity_anchors,
    sized,
)
from claimgraph.resolve.changes import Changes
from claimgraph.resolve.comparison import (
    Comparison,
    ToldDate,
    ToldValue,
    all_comparators,
    find_contradictions,
)
from claimgraph.resolve.contradictions import contradictions_by_fact
from claimgraph.resolve.facts import build_facts, group_events
from claimgraph.resolve.figures import counts_a_group
from claimgraph.resolve.incident_facts import incident_facts
from claimgraph.resolve.money import currency, load_rates
from claimgraph.resolve.origins import citations, index_documents, load_agencies
from claimgraph.resolve.relations import (
    accusation_standings,
    relation_facts,
    stated_ties,
)
from claimgraph.resolve.statements import statement_facts
from claimgraph.store import (
    Store,
    iter_claims,
    iter_documents,
    iter_entities,
    iter_events,
)
from claimgraph.store.facts import replace_facts
from claimgraph.store.read import iter_dates, iter_quantities, quantities_by_id
from claimgraph.store.relations import iter_relations
from claimgraph.taxonomy import Taxonomy


def resolve_facts(store: Store, country_of: Callable[[str], str | None] | None, *, taxonomy: Taxonomy,
                  changed: Changes | None = None) -> tuple[int, int]:
    """Group events, and ties between parties, into facts; count their origins, find
    contradictions; returns the counts. `changed`: what the build changed (None: unknown),
    the boundary at which this stage can recompute only the blocks of events whose members
    changed; it recomputes all of them for now (0.5 to 2 s on 2,225 articles)."""
    entities = list(iter_entities(store))
    anchors = entity_anchors(entities, country_of)
    comparison = compare_corpus(store, anchors, _places(entities), taxonomy=taxonomy, settings=document_settings(entities, anchors),
                                country_of=country_of)
    facts = ([f for f in comparison.facts if f.id not in comparison.unshown] + comparison.tie_facts + comparison.incident_facts
             + comparison.statement_facts)
    contradictions = [_placed(replace(c, fact=None) if c.fact in comparison.unshown else c, facts)
                      for c in find_contradictions(comparison, all_comparators())]
    touched = contradictions_by_fact(contradictions)
    # A fact holding both sides of a contradiction is contested, whichever fact it was told of.
    touched_both = {f.id for f in facts for c in contradictions if {c.a, c.b} <= set(f.claims)}
    facts = [replace(f, status="contested") if f.id in touched or f.id in touched_both else f for f in facts]
    return replace_facts(store, facts, contradictions)


def _placed(contradiction: Contradiction, facts: list[Fact]) -> Contradiction:
    """A contradiction between accounts (found without a fact) told of the fact that holds
    its first side, else its second: where an analyst reading that fact finds it contested."""
    if contradiction.fact is not None:
        return contradiction
    for side in (contradiction.a, contradiction.b):
        holding = next((f for f in facts if side in f.claims), None)
        if holding is not None:
            return replace(contradiction, fact=holding.id)
    return contradiction


def compare_corpus(store: Store, anchors: Anchors, places: dict[str, StoredPlace | None], *, taxonomy: Taxonomy,
                   settings: dict[str, tuple[str, ...]] | None = None,
                   country_of: Callable[[str], str | None] | None = None) -> Comparison:
    """The corpus as the comparators read it: its events anchored and sized, grouped into
    facts with their origins counted, and its ties gathered into facts of their own."""
    settings = settings or {}
    stored = list(iter_entities(store))
    kinds = {entity.id: entity.type for entity in stored}
    events = list(anchored_events(iter_events(store), anchors, places, taxonomy=taxonomy))
    quantities = quantities_by_id(store, [e.quantity for e in events if e.quantity])
    rates = load_rates()
    events = [sized(e, quantities.get(e.quantity), rates) if e.quantity else e for e in events]
    claims = named_sources({claim.id: claim for claim in iter_claims(store)}, stored)
    documents, agencies = index_documents(iter_documents(store)), load_agencies()
    entity_names = {entity.id: entity.name for entity in stored}
    cites = citations(claims.values(), entity_names, lambda entity: kinds.get(entity) in _SOURCES)
    facts = build_facts(group_events(events, taxonomy=taxonomy), claims, documents.outlet_of,
                        lambda group: describe(group, anchors, taxonomy=taxonomy), agencies, cites)
    figures: dict[str, StoredQuantity] = {}
    counts: list[StoredQuantity] = []
    told_values: dict[str, list[ToldValue]] = defaultdict(list)
    for quantity in iter_quantities(store):
        told_values[quantity.doc].append((quantity.start, quantity.end, "figure", quantity.text, _amount_told(quantity)))
        if quantity.slot:
            figures[quantity.id] = quantity
        elif counts_a_group(quantity):
            counts.append(quantity)
    told_dates: dict[str, list[ToldDate]] = defaultdict(list)
    for date in iter_dates(store):
        told_dates[date.doc].append((date.start, date.end, date.text, date.value))
        # a date read from the article's own day ("Thursday") means what its article makes of
        # it: two copies published apart resolve it apart; only a date told whole is compared
        told_values[date.doc].append((date.start, date.end, "date", date.text, date.value if date.anchor == "absolute" else ""))
    told = incidents(events, claims, figures, anchors, documents.publication_dates, taxonomy=taxonomy, outlet_of=documents.outlet_of,
                     settings=settings, can_act=lambda anchor: anchor.startswith("country:") or kinds.get(anchor) in _PARTIES,
                     site_of=_sites(places, anchors, kinds).get, counts=counts)
    told_facts = [fact for incident in told for fact in incident_facts(incident, claims, documents.outlet_of, agencies, anchors.name, cites)]
    # An incident's accounts are told by its facts (figures, blame, denials): the facts of
    # their events, and the tension an accusation of its harm tells, would tell them twice
    # (the events' facts are still compared: "destroyed" against "was not destroyed"). An
    # event told only as another's setting ("the blast that killed forty") is no account: a
    # fact of accounts and such settings is told by the incident's facts all the same.
    gathered = {e.id for incident in told for account in incident.accounts for e in account.events}
    setting = {e.id for e in events if e.background}
    unshown = frozenset(f.id for f in facts if set(f.events) - setting <= gathered and set(f.events) & gathered)
    ties = list(stated_ties(iter_relations(store), anchors)) + list(accusation_standings(e for e in events if e.id not in gathered))
    tie_facts, fact_of_tie = relation_facts(ties, claims, outlet_of=documents.outlet_of, name_of=anchors.name, agencies=agencies)
    shown = [f for f in facts if f.id not in unshown] + tie_facts + told_facts
    quoted_facts = statement_facts(claims, shown, documents.outlet_of, agencies, state_of=_state_speaking(anchors, kinds), cites=cites)
    return Comparison(facts=facts, events={e.id: e for e in events}, fact_of={e: fact for fact in facts for e in fact.events},
                      ties=ties, tie_facts=tie_facts, fact_of_tie=fact_of_tie, claims=claims, quantities=quantities, rates=rates,
                      name_of=anchors.name, published=documents.publication_dates, taxonomy=taxonomy, incidents=told,
                      incident_facts=told_facts, statement_facts=quoted_facts, entity_names=entity_names, unshown=unshown,
                      anchor_of=anchors.anchor, told_values={doc: tuple(sorted(values)) for doc, values in told_values.items()},
                      told_dates={doc: tuple(dates) for doc, dates in told_dates.items()},
                      country_of=country_of or (lambda name: None))


def named_sources(claims: dict[str, StoredClaim], entities: list[StoredEntity]) -> dict[str, StoredClaim]:
    """The claims, each source that is a proper name of one entity of the corpus resting on
    that entity, where the tagger found no mention in the source itself ("Bamako said ...",
    where the article never tags "Bamako" but others do): a name the corpus knows is that
    entity. Descriptions an entity was also called ("the Malian capital") are no names."""
    named: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity.type in _SPEAKING:
            for name in {entity.name, *entity.aliases}:
                if _proper(name):  # a name, not a description the entity was also called ("the company")
                    named[_bare(name)].add(entity.id)
    found = {}
    for claim_id, claim in claims.items():
        if claim.source_entity is None and claim.source_kind in ("person", "organization", "media"):
            match = named.get(_bare(claim.source_name), set())
            if len(match) == 1:
                claim = replace(claim, source_entity=next(iter(match)))
        found[claim_id] = claim
    return found


def _proper(name: str) -> bool:
    """Whether a name is a proper name: every word capitalised but for short joining words
    ("Bank of Kessa", "Amadou Keita"), after a leading article."""
    words = re.sub(r"^(?:the|The)\s+", "", name.strip()).split()
    return bool(words) and words[0][:1].isupper() and all(w[:1].isupper() or len(w) <= 3 for w in words)


def _bare(name: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(name.casefold().replace("’", "'").split()))


_SPEAKING = frozenset({"PERSON", "ORG", "GPE", "NORP", "MEDIA"})


def _state_speaking(anchors: Anchors, kinds: dict[str, str]) -> Callable[[StoredClaim], str | None]:
    """The state a claim's source stands for when the source is a place ("Bamako warned",
    "the palace said": the government seated there), as an origin key; else None."""
    def state_of(claim: StoredClaim) -> str | None:
        entity = claim.source_entity
        if entity is None or kinds.get(entity) not in _PLACE_TYPES:
            return None
        return next((f"state:{a}" for a in sorted(anchors.anchors([entity], acting=True)) if a.startswith("country:")), None)
    return state_of


def _amount_told(quantity: StoredQuantity) -> str:
    """What a figure says, for comparing two copies of one text: its numerals as written (or
    its value, when spelled out) and its currency. "£9.4 million" and "£94 million", "4
    million euros" and "$4 million" differ; "42.7 teraflops" and "42.7 trillion calculations",
    "2.4 million barrels" and "2.4 million bpd", "10,000" and "10 000" are one figure told in
    other words."""
    # digits grouped by commas or spaces ("10,000", "10 000") are one numeral; "2.0" is 2
    grouped = re.sub(r"(?<=\d)[,\s\u202f](?=\d{3}(?!\d))", "", quantity.text)
    numerals = [f"{float(n):g}" for n in re.findall(r"\d+(?:\.\d+)?", grouped)]
    money = currency(quantity.unit)
    return f"{' '.join(numerals) or f'{quantity.value:g}'} {money[0] if money else ''}"


_PARTIES = frozenset({"PERSON", "ORG", "NORP"})  # who can be held responsible, besides states
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})  # a place speaking is the government seated there
_SOURCES = frozenset({"PERSON", "ORG", "MEDIA"})  # who a source can say it has its figures from
_SETTING_PLACES = 2  # an article's main places: the two specific places it names most, each at least twice


def document_settings(entities: list[StoredEntity], anchors: Anchors) -> dict[str, tuple[str, ...]]:
    """Each article's main specific places (towns, districts, facilities: not countries or
    wide areas), as anchors, most named first: where its incident is when no event says."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for entity in entities:
        if _specific(entity):
            for mention in entity.mentions:
                counts[mention.doc][anchors.anchor(entity.id)] += 1
    return {doc: tuple(a for a, n in sorted(found.items(), key=lambda item: (-item[1], item[0]))[:_SETTING_PLACES] if n >= 2)
            for doc, found in counts.items()}


def _specific(entity: StoredEntity) -> bool:
    if entity.type == "FAC":
        return True
    place = entity.place
    return entity.type in ("GPE", "LOC") and place is not None and place.kind not in ("country", "continent", "area")


def _sites(places: dict[str, StoredPlace | None], anchors: Anchors, kinds: dict[str, str]) -> dict[str, tuple[str, bool]]:
    """Where each specific place anchor lies: its gazetteer entry (not a country's or a wide
    area's), and whether it is a facility placed there."""
    return {anchors.anchor(entity_id): (place.gazetteer_id, kinds.get(entity_id) == "FAC") for entity_id, place in places.items()
            if place is not None and place.gazetteer_id and place.kind != "country" and place.kind not in AREA_KINDS}


def _places(entities: list[StoredEntity]) -> dict[str, StoredPlace | None]:
    return {entity.id: entity.place for entity in entities}


def describe(group: list[AnchoredEvent], anchors: Anchors, *, taxonomy: Taxonomy) -> str:
    """'deployment by Ruvia to Kessa at Gao': the fact's type, parties and place, as told."""
    first = group[0]
    actors = sorted({anchors.name(a) for e in group for a in e.actors})
    targets = sorted({anchors.name(t) for e in group for t in e.targets} - set(actors))
    places = sorted({anchors.name(e.place) for e in group if e.place})
    kind, _, plover = first.type.partition("/")
    # an event the taxonomy has no type for is known by its PLOVER category and mode: "coerce (arrest)"
    mode = next((e.event.mode for e in group if e.event.mode), None)
    text = (plover.lower() + (f" ({mode})" if mode else "")) if kind == "OTHER" else taxonomy.label(kind)
    if actors:
        text += " by " + ", ".join(actors[:3])
    if targets:
        text += " involving " + ", ".join(targets[:3])
    if places:
        text += " at " + ", ".join(places[:2])
    return text
