"""`plover`: events as PLOVER JSON lines, one record per event, with the article and the
claims that report it (`cite_info`).

Internal: reached through `claimgraph.export.export()` and `claimgraph export --format`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, TextIO

from claimgraph.export import export_format
from claimgraph.query import (
    DocumentBrief,
    EntityBrief,
    Store,
    StoredEvent,
    claim_briefs,
    document_brief,
    entity_briefs,
    iter_events,
)


def plover_records(store: Store) -> Iterator[dict[str, Any]]:
    """PLOVER records: `event`, `mode`, `context`, `actor`, `recipient`, `date`, `event_loc`,
    `event_text` and `cite_info` (the article and the claims that report the event)."""
    document = lru_cache(maxsize=64)(lambda doc_id: document_brief(store, doc_id))
    for event in iter_events(store):
        yield _plover_record(store, event, document(event.doc))


def _plover_record(store: Store, event: StoredEvent, document: DocumentBrief | None) -> dict[str, Any]:
    entities = entity_briefs(store, [*event.actors, *event.targets, *([event.location] if event.location else [])])
    return {
        "id": event.id,
        "event": event.plover,
        "mode": event.mode,
        "context": event.context,
        "actor": [entities[i].name for i in event.actors if i in entities],
        "actor_ids": list(event.actors),
        "recipient": [entities[i].name for i in event.targets if i in entities],
        "recipient_ids": list(event.targets),
        "date": event.date,
        "date_basis": event.date_basis,
        "event_loc": _event_loc(entities.get(event.location) if event.location else None, event.location_basis),
        "event_text": event.text.strip(),
        "trigger": event.trigger,
        "status": event.status,
        "claimgraph_type": event.type,
        "fatalities": {"low": event.fatalities_low, "best": event.fatalities_best, "high": event.fatalities_high},
        "cite_info": {
            "doc": event.doc,
            "title": document.title if document else None,
            "outlet": document.outlet if document else None,
            "url": document.url if document else None,
            "published": document.published if document else None,
            "claims": [{"id": c.id, "source": c.source, "source_kind": c.source_kind, "stance": c.stance, "modality": c.modality}
                       for c in claim_briefs(store, event.claims)],
        },
    }


def _event_loc(place: EntityBrief | None, basis: str | None) -> dict[str, Any] | None:
    if place is None:
        return None
    located = place.place
    return {
        "name": place.name,
        "entity": place.id,
        "lat": located.lat if located else None,
        "lon": located.lon if located else None,
        "country": located.country if located else None,
        "geonameid": located.gazetteer_id if located else None,
        "precision": located.precision if located else None,
        "basis": basis,
    }


@export_format("plover", "PLOVER JSON lines of events")
def write_plover(store: Store, out: TextIO) -> dict[str, int]:
    """One PLOVER JSON record per line."""
    count = 0
    for record in plover_records(store):
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        count += 1
    return {"event": count}
