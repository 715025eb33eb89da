"""The ids of stored records, in one place: each is a hash of what tells the record apart
(its document, its span and, where one span holds several, its kind or speaker), so that
the same article gives the same ids build after build."""

from __future__ import annotations

import hashlib

from claimgraph.records import Claim, DateMention, Event, Quantity, Relation


def span_id(prefix: str, doc: str, start: int, end: int) -> str:
    """The id of the one record of its kind at a span of a document."""
    return f"{prefix}_" + hashlib.sha1(f"{doc}:{start}:{end}".encode()).hexdigest()[:16]


def date_id(date: DateMention) -> str:
    return span_id("dat", date.doc, date.start, date.end)


def quantity_id(quantity: Quantity) -> str:
    return quantity_span_id(quantity.doc, quantity.start, quantity.end)


def quantity_span_id(doc: str, start: int, end: int) -> str:
    """The id of the quantity at a span (an event names the quantity giving its size by span)."""
    return span_id("qty", doc, start, end)


def claim_id(claim: Claim) -> str:
    """One span may hold a claim per speaker ("Ruvia and Kessa deny ...")."""
    return "clm_" + hashlib.sha1(f"{claim.doc}:{claim.start}:{claim.end}:{claim.source.name}".encode()).hexdigest()[:16]


def event_id(event: Event) -> str:
    """One trigger may be read as events of two types."""
    return "evt_" + hashlib.sha1(f"{event.doc}:{event.start}:{event.end}:{event.type}".encode()).hexdigest()[:16]


def relation_id(relation: Relation) -> str:
    return "rel_" + hashlib.sha1(f"{relation.doc}:{relation.start}:{relation.end}:{relation.kind}".encode()).hexdigest()[:16]
