"""The cross-source stage: facts and contradictions over the whole resolved corpus.

Runs after entities and places are resolved (its anchors are their ids), reads small views
of events and claims from the store, and writes facts and contradictions back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from importlib import resources

from claimgraph.resolve.contradictions import (
    QuantityView,
    contradictions_by_fact,
    find_contradictions,
    interval,
)
from claimgraph.resolve.facts import EventView, build_facts, group_events
from claimgraph.resolve.money import stated_sum
from claimgraph.resolve.origins import is_cited, load_agencies
from claimgraph.resolve.relations import (
    accusation_standings,
    relation_contradictions,
    relation_facts,
)
from claimgraph.resolve.status_conflicts import status_conflicts
from claimgraph.store import Store
from claimgraph.store.facts import (
    Anchors,
    claim_views,
    entity_anchors,
    event_views,
    outlets,
    publication_dates,
    quantity_views,
    replace_facts,
)
from claimgraph.store.relations import relation_views

_TYPE_WORDS = {
    "DEPLOY": "deployment", "ARMS_TRANSFER": "arms transfer", "AGREEMENT": "agreement", "PAYMENT": "payment",
    "ATTACK": "attack", "MASS_KILLING": "mass killing", "COUP": "coup", "WITHDRAWAL": "withdrawal",
    "BASE_HANDOVER": "base handover", "ACCUSATION": "accusation", "DENIAL": "denial", "MEDIA_BAN": "media ban",
    "VISIT_MEETING": "visit or meeting", "AIRCRAFT_DOWNED": "aircraft downed", "VETO": "veto", "TRAINING": "training",
    "SURVEILLANCE_FLIGHT": "surveillance flight", "OTHER": "event",
}


def load_rates() -> dict[str, float]:
    data = json.loads(resources.files("claimgraph.resolve").joinpath("data/currencies.json").read_text("utf-8"))
    return dict(data["usd_per_unit"])


def resolve_facts(store: Store, country_of: Callable[[str], str | None] | None) -> tuple[int, int]:
    """Group events, and ties between parties, into facts; count their origins, find
    contradictions; returns the counts."""
    anchors = entity_anchors(store, country_of)
    events = list(event_views(store, anchors))
    quantities = quantity_views(store, [e.quantity for e in events if e.quantity])
    rates = load_rates()
    events = [_sized(e, quantities.get(e.quantity), rates) if e.quantity else e for e in events]
    claims = claim_views(store)
    outlet_of, agencies = outlets(store), load_agencies()
    facts = build_facts(group_events(events), claims, outlet_of, lambda group: describe(group, anchors), agencies)
    by_id = {e.id: e for e in events}
    contradictions = find_contradictions(facts, by_id, quantities, rates, anchors.name,
                                         lambda claim: claim in claims and is_cited(claims[claim]))
    fact_of = {e: fact for fact in facts for e in fact.events}
    contradictions += status_conflicts(events, fact_of, publication_dates(store))
    relations = list(relation_views(store, anchors)) + list(accusation_standings(events))
    tie_facts, fact_of_relation = relation_facts(relations, claims, outlet_of=outlet_of, name_of=anchors.name, agencies=agencies)
    facts += tie_facts
    contradictions += relation_contradictions(relations, fact_of_relation, claims, name_of=anchors.name)
    touched = contradictions_by_fact(contradictions)
    facts = [replace(f, status="contested") if f.id in touched else f for f in facts]
    return replace_facts(store, facts, contradictions)


def _sized(event: EventView, quantity: QuantityView | None, rates: dict[str, float]) -> EventView:
    """The event with the count or the sum its quantity gives (a share is neither)."""
    if quantity is None or quantity.unit == "%":
        return event
    if quantity.unit.split("/")[0].isupper():  # a currency, known or not
        return replace(event, paid=stated_sum(quantity.value, quantity.value_max, quantity.unit, rates))
    return replace(event, size=quantity.value, size_range=interval(quantity))


def describe(group: list[EventView], anchors: Anchors) -> str:
    """'deployment by Ruvia to Kessa at Gao': the fact's type, parties and place, as told."""
    first = group[0]
    actors = sorted({anchors.name(a) for e in group for a in e.actors})
    targets = sorted({anchors.name(t) for e in group for t in e.targets} - set(actors))
    places = sorted({anchors.name(e.place) for e in group if e.place})
    kind, _, plover = first.type.partition("/")
    text = plover.lower() if kind == "OTHER" else _TYPE_WORDS.get(kind, kind.lower())
    if actors:
        text += " by " + ", ".join(actors[:3])
    if targets:
        text += " involving " + ", ".join(targets[:3])
    if places:
        text += " at " + ", ".join(places[:2])
    return text
