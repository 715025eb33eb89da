"""The query layer: every read that the web app, the CLI and the exporters make of a built
knowledge base, as typed records.

It is the read model over the store: each function takes an open `Store` and returns
records (the store's `StoredX` types, `claimgraph.records` types, or the small records
defined here for what has no type elsewhere). Callers above it (present/, cli, export/)
read only through it, never with SQL of their own; corrections go through
`claimgraph.query.corrections`. Lists are bounded by a `limit`; `iter_*` functions stream.

Modules: `documents` (briefs, search, one document's markup), `entities`, `claims`,
`events`, `facts` (and contradictions), `timeline` (dated events and claims), `places`
(geocoded entities and located events), `stats`, `corrections`, `knowledge_base`.
"""

from claimgraph.query.claims import (
    ClaimBrief,
    StoredClaim,
    claim_briefs,
    claim_exists,
    claims_by_id,
    iter_claims,
)
from claimgraph.query.documents import (
    MATCH_END,
    MATCH_START,
    DocumentBrief,
    DocumentMarkup,
    SearchHit,
    bracketed,
    document_brief,
    document_briefs,
    document_markup,
    get_document,
    iter_documents,
    search,
)
from claimgraph.query.entities import (
    EntityBrief,
    EntityCount,
    EntityDetail,
    EntityLink,
    MentionInContext,
    StoredEntity,
    StoredPlace,
    all_entity_merges,
    entity_briefs,
    entity_detail,
    entity_exists,
    entity_forms,
    entity_links,
    entity_merges,
    find_entity_ids,
    iter_entities,
    top_entities,
)
from claimgraph.query.events import StoredEvent, iter_events
from claimgraph.query.facts import (
    Contradiction,
    StoredFact,
    contradiction_kinds,
    contradictions,
    iter_contradictions,
    iter_facts,
)
from claimgraph.query.health import (
    SkippedInput,
    database_error,
    iter_skipped_inputs,
    repaired_inputs,
    resolution_pending,
)
from claimgraph.query.knowledge_base import KnowledgeBase
from claimgraph.query.places import (
    LocatedEvent,
    PlacedEntity,
    located_events,
    placed_entities,
)
from claimgraph.query.stats import (
    StoreStats,
    geocoded_places,
    record_counts,
    store_stats,
)
from claimgraph.query.timeline import DatedClaim, DatedEvent, dated_claims, dated_events
from claimgraph.store import (
    Store,
    StoredDate,
    StoredDocument,
    StoredQuantity,
    iter_dates,
    iter_quantities,
)

__all__ = [
    "MATCH_END",
    "MATCH_START",
    "ClaimBrief",
    "Contradiction",
    "DatedClaim",
    "DatedEvent",
    "DocumentBrief",
    "DocumentMarkup",
    "EntityBrief",
    "EntityCount",
    "EntityDetail",
    "EntityLink",
    "KnowledgeBase",
    "LocatedEvent",
    "MentionInContext",
    "PlacedEntity",
    "SearchHit",
    "SkippedInput",
    "Store",
    "StoreStats",
    "StoredClaim",
    "StoredDate",
    "StoredDocument",
    "StoredEntity",
    "StoredEvent",
    "StoredFact",
    "StoredPlace",
    "StoredQuantity",
    "all_entity_merges",
    "bracketed",
    "claim_briefs",
    "claim_exists",
    "claims_by_id",
    "contradiction_kinds",
    "contradictions",
    "database_error",
    "dated_claims",
    "dated_events",
    "document_brief",
    "document_briefs",
    "document_markup",
    "entity_briefs",
    "entity_detail",
    "entity_exists",
    "entity_forms",
    "entity_links",
    "entity_merges",
    "find_entity_ids",
    "geocoded_places",
    "get_document",
    "iter_claims",
    "iter_contradictions",
    "iter_dates",
    "iter_documents",
    "iter_entities",
    "iter_events",
    "iter_facts",
    "iter_quantities",
    "iter_skipped_inputs",
    "located_events",
    "placed_entities",
    "record_counts",
    "repaired_inputs",
    "resolution_pending",
    "search",
    "store_stats",
    "top_entities",
]
