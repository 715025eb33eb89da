"""`acled`: events as an ACLED-style CSV, one row per event.

A date is the event's own TIMEX3 value from its sentence, never the article's publication
date: an event whose sentence gives no date has an empty date, and a partial date stays
partial ("2020-08", with ACLED time_precision 3). Events that did not happen as told
(negated, planned, possible, conditional) are kept and say so in `status`; filter on it for
a strict ACLED-like table. Event types map to ACLED's event_type and sub_event_type through
the event taxonomy (`claimgraph/data/event_types.json`).

Internal: reached through `claimgraph.export.export()` and `claimgraph export --format`.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO

from claimgraph.export import export_format
from claimgraph.query import (
    DocumentBrief,
    Store,
    StoredEvent,
    document_brief,
    entity_briefs,
    iter_events,
)
from claimgraph.taxonomy import Taxonomy, load_taxonomy

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities",
    "claimgraph_type", "plover", "mode", "status", "timex", "claims",
)
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")  # "-WE": the weekend of that week
_MONTH_OR_YEAR = re.compile(r"^(\d{4})(-\d{2}|-(?:SP|SU|FA|WI|Q\d|H\d))?$")


def _geo_precisions() -> dict[str, int]:
    """ACLED's geo_precision of each place precision."""
    data = json.loads(resources.files("claimgraph.export").joinpath("data/acled.json").read_text("utf-8"))
    return {name: int(value) for name, value in data["geo_precision"].items()}


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


@export_format("acled", "ACLED-style CSV of events")
def write_acled(store: Store, out: TextIO) -> dict[str, int]:
    """One CSV row per event, ACLED's columns first, then ours (type, PLOVER, status, claims)."""
    taxonomy, precisions = load_taxonomy(), _geo_precisions()
    document = lru_cache(maxsize=64)(lambda doc_id: document_brief(store, doc_id))
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    count = 0
    for event in iter_events(store):
        writer.writerow(_acled_row(store, event, document(event.doc), taxonomy, precisions))
        count += 1
    return {"event": count}


def acled_types(taxonomy: Taxonomy, event_type: str, mode: str | None) -> tuple[str, str]:
    """ACLED's (event_type, sub_event_type) of an event; empty for a type that is no ACLED
    event (a statement: accusation, denial, veto, meeting) or not in the taxonomy."""
    found = taxonomy.types.get(event_type)
    return (found.acled_types(mode) if found is not None else None) or ("", "")


def _acled_row(store: Store, event: StoredEvent, document: DocumentBrief | None,
               taxonomy: Taxonomy, precisions: dict[str, int]) -> dict[str, Any]:
    entities = entity_briefs(store, [*event.actors, *event.targets, *([event.location] if event.location else [])])
    names = lambda ids: [entities[i].name for i in ids if i in entities]
    actors, targets = names(event.actors), names(event.targets)
    event_type, sub_event_type = acled_types(taxonomy, event.type, event.mode)
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


def _source_name(document: DocumentBrief | None) -> str:
    if document is None:
        return ""
    return document.outlet or document.title or document.source
