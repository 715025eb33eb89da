"""`plover`: events as PLOVER JSON lines, one record per event, in the data fields of the
PLOVER specification (Open Event Data Alliance), with the article and the claims that report
the event (`cite_info`).

- `date` is a full YYYY-MM-DD day (the middle of a week or month the text names), with
  `date_precision` (day, week, month) and the TIMEX3 value as written in `date_raw`;
- `event` is the PLOVER category, `mode` its mode (or null), `context` a list;
- `actor` and `recipient` are entity objects (`name`, `entity`, `type`, `country` as ISO
  3166-1 alpha-3 for a state); `actors` and `recipients` list every party;
- `event_loc` has `name`, `geonameid` (an integer, for GeoNames places), `lat`, `lon`,
  `country` (ISO alpha-3), `admin1`, `admin2`, then ours (`entity`, `precision`, `basis`);
- `cite_info` has `source` (the outlet), `title`, `url`, `pub_date`, `doc_id`, `text` (the
  sentence) and `claims` (who reports it, and how).

Internal: reached through `claimgraph.export.export()` and `claimgraph export --format`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from claimgraph.export import export_format
from claimgraph.export.calendar import calendar_date
from claimgraph.export.countries import Countries, load_countries
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
from claimgraph.query.admin import AdminAreas

PLOVER_VERSION = "claimgraph PLOVER export, v2"


def plover_records(store: Store) -> Iterator[dict[str, Any]]:
    """PLOVER records, streamed in document order."""
    countries = load_countries()
    documents: dict[str, DocumentBrief | None] = {}
    with AdminAreas() as admin:
        for event in iter_events(store):
            if event.doc not in documents:
                if len(documents) > 256:  # events come in document order: keep the last documents only
                    documents.clear()
                documents[event.doc] = document_brief(store, event.doc)
            yield _plover_record(store, event, documents[event.doc], countries, admin)


def _plover_record(store: Store, event: StoredEvent, document: DocumentBrief | None, countries: Countries,
                   admin: AdminAreas) -> dict[str, Any]:
    entities = entity_briefs(store, [*event.actors, *event.targets, *([event.location] if event.location else [])])
    actors = [_party(entities[i], countries) for i in event.actors if i in entities]
    recipients = [_party(entities[i], countries) for i in event.targets if i in entities]
    day = calendar_date(event.date)
    fatalities = None
    if (event.fatalities_low, event.fatalities_best, event.fatalities_high) != (None, None, None):
        fatalities = {"low": event.fatalities_low, "best": event.fatalities_best, "high": event.fatalities_high}
    return {
        "id": event.id,
        "date": day.day.isoformat() if day else None,
        "date_precision": day.precision_name if day else None,
        "date_raw": event.date,
        "event": event.plover,
        "mode": event.mode,
        "context": [event.context] if event.context else [],
        "actor": actors[0] if actors else None,
        "recipient": recipients[0] if recipients else None,
        "actors": actors,
        "recipients": recipients,
        "event_loc": _event_loc(entities.get(event.location) if event.location else None, event.location_basis, countries, admin),
        "event_text": event.text.strip(),
        "trigger": event.trigger,
        "status": event.status,
        "claimgraph_type": event.type,
        "fatalities": fatalities,
        "cite_info": {
            "source": document.name if document else None,
            "title": document.title if document else None,
            "url": document.url if document else None,
            "pub_date": document.published if document else None,
            "doc_id": event.doc,
            "text": event.text.strip(),
            "claims": [{"id": c.id, "source": c.source, "source_kind": c.source_kind, "stance": c.stance, "modality": c.modality}
                       for c in claim_briefs(store, event.claims)],
        },
        "version": PLOVER_VERSION,
    }


def _party(entity: EntityBrief, countries: Countries) -> dict[str, Any]:
    """An actor or recipient: its name and entity, and its country's alpha-3 code when it is a state."""
    state = countries.get(entity.place.country) if entity.place is not None and entity.place.kind == "country" else None
    return {"name": entity.name, "entity": entity.id, "type": entity.type, "country": state.alpha3 if state else None}


def _event_loc(place: EntityBrief | None, basis: str | None, countries: Countries, admin: AdminAreas) -> dict[str, Any] | None:
    if place is None:
        return None
    located = place.place
    country = countries.get(located.country) if located else None
    geonameid = None
    if located is not None and located.gazetteer_id and located.gazetteer_id.startswith("geonames:"):
        geonameid = int(located.gazetteer_id.split(":", 1)[1])
    return {
        "name": place.name,
        "geonameid": geonameid,
        "lat": located.lat if located else None,
        "lon": located.lon if located else None,
        "country": country.alpha3 if country else None,
        "admin1": admin.admin1(located),
        "admin2": None,
        "entity": place.id,
        "gazetteer_id": located.gazetteer_id if located else None,
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
