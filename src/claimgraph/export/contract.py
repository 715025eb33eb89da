"""The JSONL export contract (../shared/contract/README.md, version 1): every record of a
knowledge base in contract shape, kind by kind.

The web API serves these records too (paginated); the `jsonl` format writes them all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from claimgraph.query import (
    Contradiction,
    Store,
    StoredClaim,
    StoredDate,
    StoredDocument,
    StoredEntity,
    StoredEvent,
    StoredFact,
    StoredPlace,
    StoredQuantity,
    all_entity_merges,
    iter_claims,
    iter_contradictions,
    iter_dates,
    iter_documents,
    iter_entities,
    iter_events,
    iter_facts,
    iter_quantities,
)
from claimgraph.records import Merge

CONTRACT_VERSION = 1


def document_record(document: StoredDocument) -> dict[str, Any]:
    return {
        "kind": "document",
        "id": document.id,
        "source": document.source,
        "title": document.title,
        "outlet": document.outlet,
        "url": document.url,
        "language": document.language,
        "published": {"value": document.published_value, "basis": document.published_basis},
        "published_not_before": document.published_not_before,
        "text": document.text,
        "removed": list(document.removed),
        "duplicate_of": document.duplicate_of,
    }


def entity_record(entity: StoredEntity, merges: list[Merge] | None = None) -> dict[str, Any]:
    """The contract's entity, plus `merged`: why each name joined it (see `claimgraph entities show`)."""
    return {
        "kind": "entity",
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "mentions": [{"doc": m.doc, "start": m.start, "end": m.end, "text": m.text} for m in entity.mentions],
        "place": _place(entity.place),
        "merged": [{"key": m.key, "into": m.into, "reason": m.reason} for m in merges or []],
    }


def _place(place: StoredPlace | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"lat": place.lat, "lon": place.lon, "country": place.country, "kind": place.kind,
            "gazetteer_id": place.gazetteer_id, "precision": place.precision, "name": place.name}


def claim_record(claim: StoredClaim) -> dict[str, Any]:
    return {
        "kind": "claim",
        "id": claim.id,
        "doc": claim.doc,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "source": {"name": claim.source_name, "entity": claim.source_entity, "kind": claim.source_kind},
        "cue": claim.cue,
        "stance": claim.stance,
        "modality": claim.modality,
        "via": list(claim.via),
        "entities": list(claim.entities),
        "dates": list(claim.dates),
        "quantities": list(claim.quantities),
    }


def date_record(mention: StoredDate) -> dict[str, Any]:
    return {"kind": "date", **asdict(mention)}  # field names are the contract's (plus `type`)


def quantity_record(quantity: StoredQuantity) -> dict[str, Any]:
    return {"kind": "quantity", **asdict(quantity)}


def event_record(event: StoredEvent) -> dict[str, Any]:
    """The contract's fields, then how the event is told: status, trigger, where the place and
    date come from, and its magnitude."""
    fatalities = None
    if (event.fatalities_low, event.fatalities_best, event.fatalities_high) != (None, None, None):
        fatalities = {"low": event.fatalities_low, "best": event.fatalities_best, "high": event.fatalities_high}
    return {
        "kind": "event",
        "id": event.id,
        "type": event.type,
        "plover": event.plover,
        "mode": event.mode,
        "actors": list(event.actors),
        "targets": list(event.targets),
        "location": event.location,
        "date": event.date,
        "claims": list(event.claims),
        "doc": event.doc,
        "trigger": {"start": event.start, "end": event.end, "text": event.trigger},
        "status": event.status,
        "location_basis": event.location_basis,
        "date_basis": event.date_basis,
        "quantity": event.quantity,
        "fatalities": fatalities,
    }


def fact_record(fact: StoredFact) -> dict[str, Any]:
    return {"kind": "fact", "id": fact.id, "about": fact.about, "claims": list(fact.claims),
            "independent_origins": list(fact.independent_origins), "status": fact.status}


def contradiction_record(contradiction: Contradiction) -> dict[str, Any]:
    return {"kind": "contradiction", "id": contradiction.id, "type": contradiction.type, "a": contradiction.a,
            "b": contradiction.b, "explanation": contradiction.explanation, "fact": contradiction.fact,
            "slot": contradiction.slot, "values": [contradiction.value_a, contradiction.value_b] if contradiction.value_a else None,
            "caveat": contradiction.caveat, "strength": contradiction.strength}


def contract_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every record of the store, in contract shape: documents, entities, dates, quantities,
    claims, events, facts and contradictions."""
    for document in iter_documents(store):
        yield document_record(document)
    merges = all_entity_merges(store)
    for entity in iter_entities(store):
        yield entity_record(entity, merges.get(entity.id))
    for mention in iter_dates(store):
        yield date_record(mention)
    for quantity in iter_quantities(store):
        yield quantity_record(quantity)
    for claim in iter_claims(store):
        yield claim_record(claim)
    for event in iter_events(store):
        yield event_record(event)
    for fact in iter_facts(store):
        yield fact_record(fact)
    for contradiction in iter_contradictions(store):
        yield contradiction_record(contradiction)
