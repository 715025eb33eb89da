"""`acled`: events as a CSV in the ACLED codebook's columns and values, one row per event
that ACLED would code.

Columns are the codebook's, in its order (`event_id_cnty` ... `timestamp`), then ours
(`claimgraph_id`, `claimgraph_type`, `plover`, `mode`, `status`, `timex`, `claims`). Values
follow the codebook:

- only event types ACLED has (the taxonomy's `acled` mapping, `data/event_types.json`):
  statements (accusations, denials, vetoes, meetings) are left out, and so are events that
  did not take place as told (negated, planned, possible, conditional) or are only the
  content of a denial; events told as happened or alleged are kept (`status` says which);
- `event_date` is a full day (YYYY-MM-DD): the middle of the week or month the text names,
  with `time_precision` 1 (day), 2 (week) or 3 (month, season); an undated event, a date
  without a year and a bare year leave it empty (`timex` keeps the raw TIMEX3);
- `country` is the country's name, `iso` its ISO 3166-1 numeric code, `region` ACLED's region,
  `admin1` the first-level division from the gazetteer (`admin2`, `admin3`: the gazetteer has
  none);
- `inter1`/`inter2` are ACLED's actor types found from the actors' names
  (`export/data/acled.json`; empty when no word names a type), `interaction` their
  two-digit combination, `civilian_targeting` set when civilians are the target;
- `source_scale` is "National" when the outlet's country domain is the event's country,
  "International" when it is another's, else empty; `timestamp` is when the document was
  stored (Unix time).

Internal: reached through `claimgraph.export.export()` and `claimgraph export --format`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from claimgraph.export import export_format
from claimgraph.export.calendar import calendar_date, is_bare_year, year_of
from claimgraph.export.countries import Countries, Country, acled_data, load_countries
from claimgraph.query import (
    DocumentBrief,
    EntityBrief,
    Store,
    StoredEvent,
    document_brief,
    entity_briefs,
    iter_events,
)
from claimgraph.query.admin import AdminAreas
from claimgraph.query.sources import document_added
from claimgraph.taxonomy import Taxonomy, load_taxonomy

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    "claimgraph_id", "claimgraph_type", "plover", "mode", "status", "timex", "claims",
)
CIVILIANS = 7


def acled_date(timex: str | None) -> tuple[str, str, int | None]:
    """(event_date, year, time_precision) of a TIMEX3 value: a full day, the middle of a week
    (2) or of a month or season (3); a bare year gives the year alone; values without a year
    ('XXXX-08-30', 'PAST_REF') and days that do not exist give nothing."""
    found = calendar_date(timex)
    if found is not None:
        return found.day.isoformat(), str(found.day.year if found.precision == 1 else year_of(timex)), found.precision
    if is_bare_year(timex):
        return "", str(year_of(timex)), None
    return "", "", None


def acled_types(taxonomy: Taxonomy, event_type: str, mode: str | None) -> tuple[str, str]:
    """ACLED's (event_type, sub_event_type) of an event; empty for a type that is no ACLED
    event (a statement: accusation, denial, veto, meeting) or not in the taxonomy."""
    found = taxonomy.types.get(event_type)
    return (found.acled_types(mode) if found is not None else None) or ("", "")


@dataclass(frozen=True)
class _Codebook:
    """What the rows are coded with: the taxonomy, export/data/acled.json, the countries."""

    taxonomy: Taxonomy
    countries: Countries
    geo_precision: dict[str, int]
    kept: frozenset[str]
    disorder: dict[str, str]
    disorder_by_sub: dict[str, str]
    inter_words: list[tuple[int, tuple[str, ...]]]
    civilian_targeting: str

    @classmethod
    def load(cls) -> _Codebook:
        data = acled_data()
        inter = data["inter_codes"]
        return cls(
            taxonomy=load_taxonomy(), countries=load_countries(),
            geo_precision={name: int(value) for name, value in data["geo_precision"].items()},
            kept=frozenset(data["statuses"]["kept"]),
            disorder=data["disorder_types"]["by_event_type"], disorder_by_sub=data["disorder_types"]["by_sub_event_type"],
            inter_words=[(int(code), tuple(inter["words"][code])) for code in inter["order"]],
            civilian_targeting=data["civilian_targeting"]["value"],
        )

    def inter(self, entity: EntityBrief | None, country: str | None) -> int | None:
        """ACLED's actor type of an actor: a country's state is 1 at home and 8 abroad; else
        the first type a word of its name names; None when none does."""
        if entity is None:
            return None
        if entity.place is not None and entity.place.kind == "country":
            return 1 if country is None or entity.place.country == country else 8
        name = entity.name.casefold()
        for code, words in self.inter_words:
            if any(re.search(rf"\b{re.escape(word)}\b", name) for word in words):
                return 1 if code == 1 and country is None else code
        return None


@export_format("acled", "ACLED CSV of events (the codebook's columns)")
def write_acled(store: Store, out: TextIO) -> dict[str, int]:
    """One CSV row per event that ACLED codes, the codebook's columns first, then ours."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    count = 0
    for row in acled_rows(store):
        writer.writerow(row)
        count += 1
    return {"event": count}


def acled_rows(store: Store) -> Iterator[dict[str, Any]]:
    """The rows, streamed in document order."""
    codebook = _Codebook.load()
    documents: dict[str, tuple[DocumentBrief | None, int | None]] = {}
    with AdminAreas() as admin:
        for event in iter_events(store):
            event_type, sub_event_type = acled_types(codebook.taxonomy, event.type, event.mode)
            if not event_type or event.status not in codebook.kept:
                continue
            if event.doc not in documents:
                if len(documents) > 256:  # the documents of the last events only: events come in document order
                    documents.clear()
                documents[event.doc] = (document_brief(store, event.doc), document_added(store, [event.doc]).get(event.doc))
            yield _acled_row(store, event, (event_type, sub_event_type), documents[event.doc], codebook, admin)


def _acled_row(store: Store, event: StoredEvent, types: tuple[str, str], document: tuple[DocumentBrief | None, int | None],
               codebook: _Codebook, admin: AdminAreas) -> dict[str, Any]:
    entities = entity_briefs(store, [*event.actors, *event.targets, *([event.location] if event.location else [])])
    actors = [entities[i] for i in event.actors if i in entities]
    targets = [entities[i] for i in event.targets if i in entities]
    place = entities.get(event.location) if event.location else None
    located = place.place if place is not None else None
    country = codebook.countries.get(located.country if located else None)
    code = country.code if country else None
    event_date, year, time_precision = acled_date(event.date)
    inter1 = codebook.inter(actors[0] if actors else None, code)
    inter2 = codebook.inter(targets[0] if targets else None, code)
    event_type, sub_event_type = types
    civilian = event_type == "Violence against civilians" or inter2 == CIVILIANS
    geo_precision = None
    if located is not None:
        geo_precision = 3 if event.location_basis in ("document", "context") else codebook.geo_precision.get(located.precision)
    fatalities = next((n for n in (event.fatalities_low, event.fatalities_best) if n is not None), 0)
    brief, added = document
    return {
        "event_id_cnty": f"{country.alpha3 if country else 'XXX'}-{event.id}",
        "event_date": event_date,
        "year": year,
        "time_precision": time_precision or "",
        "disorder_type": codebook.disorder_by_sub.get(sub_event_type) or codebook.disorder.get(event_type, ""),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actors[0].name if actors else "",
        "assoc_actor_1": "; ".join(a.name for a in actors[1:]),
        "inter1": inter1 if inter1 is not None else "",
        "actor2": targets[0].name if targets else "",
        "assoc_actor_2": "; ".join(t.name for t in targets[1:]),
        "inter2": inter2 if inter2 is not None else "",
        "interaction": _interaction(inter1, inter2, has_actor2=bool(targets)),
        "civilian_targeting": codebook.civilian_targeting if civilian else "",
        "iso": country.numeric if country else "",
        "region": (country.region or "") if country else "",
        "country": country.name if country else "",
        "admin1": admin.admin1(located) or "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": located.lat if located and located.lat is not None else "",
        "longitude": located.lon if located and located.lon is not None else "",
        "geo_precision": geo_precision or "",
        "source": _source_name(brief),
        "source_scale": _source_scale(brief, country),
        "notes": event.text.strip(),
        "fatalities": fatalities,
        "tags": "crowd size=no report" if event_type == "Protests" and event.quantity is None else "",
        "timestamp": added if added is not None else "",
        "claimgraph_id": event.id,
        "claimgraph_type": event.type,
        "plover": event.plover,
        "mode": event.mode or "",
        "status": event.status,
        "timex": event.date or "",
        "claims": " ".join(event.claims),
    }


def _interaction(inter1: int | None, inter2: int | None, *, has_actor2: bool) -> str:
    """ACLED's interaction: the two actor types, lower first ("17"); one actor alone is its
    type and 0 ("10"); empty when an actor's type is unknown."""
    if inter1 is None or (has_actor2 and inter2 is None):
        return ""
    if inter2 is None:
        return f"{inter1}0"
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


def _source_name(document: DocumentBrief | None) -> str:
    if document is None:
        return ""
    return document.outlet or document.title or document.source


def _source_scale(document: DocumentBrief | None, country: Country | None) -> str:
    """National when the outlet's web address is in the event country's domain, International
    when in another country's; unknown (empty) for .com and the like, or without an address."""
    if document is None or country is None:
        return ""
    host = re.sub(r"^[a-z]+://", "", (document.url or document.outlet or "").casefold()).split("/")[0]
    suffix = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(suffix) != 2 or suffix in ("io", "tv", "fm", "co", "me"):
        return ""
    return "National" if suffix == country.code.casefold() or (suffix == "uk" and country.code == "GB") else "International"
