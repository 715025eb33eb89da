"""Events in the formats of the event-data field: an ACLED-style CSV and PLOVER JSON lines.

Both are views of the same stored events. A date is the event's own TIMEX3 value from its
sentence, never the article's publication date: an event whose sentence gives no date has
an empty date, and a partial date stays partial ("2020-08", with ACLED time_precision 3).
Events that did not happen as told (negated, planned, possible, conditional) are kept and
say so in `status`; filter on it for a strict ACLED-like table.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO

from claimgraph.store import Store, StoredDocument, get_document
from claimgraph.store.events import (
    EntityBrief,
    StoredEvent,
    claim_briefs,
    entity_briefs,
    iter_events,
)

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities",
    "claimgraph_type", "plover", "mode", "status", "timex", "claims",
)
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")  # "-WE": the weekend of that week
_MONTH_OR_YEAR = re.compile(r"^(\d{4})(-\d{2}|-(?:SP|SU|FA|WI|Q\d|H\d))?$")


def _acled_tables() -> tuple[dict[str, list[str]], dict[str, int]]:
    data = json.loads(resources.files("claimgraph.export").joinpath("data/acled.json").read_text("utf-8"))
    return data["types"], data["geo_precision"]


def acled_date(timex: str | None) -> tuple[str, str, int | None]:
    """(event_date, year, time_precision) of a TIMEX3 value: 1 a day, 2 a week, 3 a month,
    season or year. Values without a year ('XXXX-08-30', 'PAST_REF') give no date."""
    if not timex:
        return "", "", None
    for pattern, precision in ((_DAY, 1), (_WEEK, 2), (_MONTH_OR_YEAR, 3)):
        if (match := pattern.match(timex)) and _real(match, precision):
            return timex, match.group(1), precision
    return "", "", None


def _real(match: re.Match[str], precision: int) -> bool:
    """A calendar value that exists ("2021-02-30" and "2021-13" do not)."""
    try:
        if precision == 1:
            date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        elif precision == 2:
            return 1 <= int(match.group(2)) <= 53
        elif match.group(2) and match.group(2)[1:].isdigit():
            return 1 <= int(match.group(2)[1:]) <= 12
    except ValueError:
        return False
    return True


def write_acled(store: Store, out: TextIO) -> dict[str, int]:
    """One CSV row per event, ACLED's columns first, then ours (type, PLOVER, status, claims)."""
    types, precisions = _acled_tables()
    document = lru_cache(maxsize=64)(lambda doc_id: get_document(store, doc_id))
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    count = 0
    for event in iter_events(store):
        writer.writerow(_acled_row(store, event, document(event.doc), types, precisions))
        count += 1
    return {"event": count}


def _acled_row(store: Store, event: StoredEvent, document: StoredDocument | None,
               types: dict[str, list[str]], precisions: dict[str, int]) -> dict[str, Any]:
    entities = entity_briefs(store, [*event.actors, *event.targets, *([event.location] if event.location else [])])
    names = lambda ids: [entities[i].name for i in ids if i in entities]  # noqa: E731
    actors, targets = names(event.actors), names(event.targets)
    event_type, sub_event_type = types.get(f"{event.type}/{event.mode}") or types.get(event.type) or ["", ""]
    place = entities.get(event.location) if event.location else None
    event_date, year, time_precision = acled_date(event.date)
    geo_precision = None
    if place is not None and place.place is not None:
        geo_precision = 3 if event.location_basis in ("document", "context") else precisions.get(place.place.precision)
    fatalities = next((n for n in (event.fatalities_low, event.fatalities_best) if n is not None), "")
    return {
        "event_id_cnty": event.id,
        "event_date": event_date,
        "year": year,
        "time_precision": time_precision or "",
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actors[0] if actors else "",
        "assoc_actor_1": "; ".join(actors[1:]),
        "actor2": targets[0] if targets else "",
        "assoc_actor_2": "; ".join(targets[1:]),
        "country": place.place.country if place and place.place else "",
        "location": place.name if place else "",
        "latitude": place.place.lat if place and place.place and place.place.lat is not None else "",
        "longitude": place.place.lon if place and place.place and place.place.lon is not None else "",
        "geo_precision": geo_precision or "",
        "source": _source_name(document),
        "notes": event.text.strip(),
        "fatalities": fatalities,
        "claimgraph_type": event.type,
        "plover": event.plover,
        "mode": event.mode or "",
        "status": event.status,
        "timex": event.date or "",
        "claims": " ".join(event.claims),
    }


def _source_name(document: StoredDocument | None) -> str:
    if document is None:
        return ""
    return document.outlet or document.title or document.source


def plover_records(store: Store) -> Iterator[dict[str, Any]]:
    """PLOVER records: `event`, `mode`, `context`, `actor`, `recipient`, `date`, `event_loc`,
    `event_text` and `cite_info` (the article and the claims that report the event)."""
    document = lru_cache(maxsize=64)(lambda doc_id: get_document(store, doc_id))
    for event in iter_events(store):
        yield _plover_record(store, event, document(event.doc))


def _plover_record(store: Store, event: StoredEvent, document: StoredDocument | None) -> dict[str, Any]:
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
            "published": document.published_value if document else None,
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


def write_plover(store: Store, out: TextIO) -> dict[str, int]:
    """One PLOVER JSON record per line."""
    count = 0
    for record in plover_records(store):
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        count += 1
    return {"event": count}
