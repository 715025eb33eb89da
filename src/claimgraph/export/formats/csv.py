"""`csv`: the export contract as a folder of CSV files, one per kind of record, for
spreadsheets and data frames (`pandas.read_csv` reads each with typed columns).

Files: `documents.csv`, `entities.csv` (with the place's columns), `mentions.csv` (one row
per mention of an entity), `merges.csv` (why names joined an entity), `dates.csv`,
`quantities.csv`, `claims.csv`, `events.csv` (with `event_date`, a full day, and
`date_precision`), `facts.csv` and `contradictions.csv`. Nested objects become columns
joined by `_` (`source_name`, `place_lat`, `fatalities_low`); lists of ids are joined by
`;`; lists of free text (aliases, origins, removed lines) are JSON arrays. A field a record
kind gains later (a contradiction's slot or strength) becomes a column of its own. Written
as UTF-8, or UTF-8 with a byte-order mark for Excel (`claimgraph export --bom`).

Internal: reached through `claimgraph.export.export()` and `claimgraph export --format`.
"""

from __future__ import annotations

import csv
import json
from contextlib import ExitStack
from typing import Any, TextIO

from claimgraph.export import OutputFolder, export_format
from claimgraph.export.calendar import calendar_date
from claimgraph.export.contract import contract_records
from claimgraph.query import Store

# Each kind's file and its columns, in order; a record's other fields are added after them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "document": ("id", "source", "title", "outlet", "url", "language", "published_value", "published_basis", "published_not_before",
                 "duplicate_of", "text", "removed"),
    "entity": ("id", "name", "type", "aliases", "mentions", "place_lat", "place_lon", "place_country", "place_kind", "place_gazetteer_id",
               "place_precision", "place_name"),
    "mention": ("entity", "doc", "start", "end", "text"),
    "merge": ("entity", "key", "into", "reason"),
    "date": ("id", "doc", "start", "end", "text", "value", "type", "anchor"),
    "quantity": ("id", "doc", "start", "end", "text", "value", "value_max", "unit", "qualifier", "about"),
    "claim": ("id", "doc", "start", "end", "text", "source_name", "source_entity", "source_kind", "cue", "stance", "modality", "via",
              "entities", "dates", "quantities"),
    "event": ("id", "type", "plover", "mode", "doc", "trigger_start", "trigger_end", "trigger_text", "status", "actors", "targets",
              "location", "location_basis", "date", "event_date", "date_precision", "date_basis", "quantity", "fatalities_low",
              "fatalities_best", "fatalities_high", "claims"),
    "fact": ("id", "about", "status", "independent_origins", "origins", "claims"),
    "contradiction": ("id", "type", "a", "b", "explanation", "fact"),
}
FILES = {"document": "documents.csv", "entity": "entities.csv", "mention": "mentions.csv", "merge": "merges.csv", "date": "dates.csv",
         "quantity": "quantities.csv", "claim": "claims.csv", "event": "events.csv", "fact": "facts.csv",
         "contradiction": "contradictions.csv"}
_TEXT_LISTS = frozenset({"aliases", "removed", "independent_origins", "via"})  # free text: JSON arrays
_OBJECTS = frozenset({"place", "fatalities", "trigger", "published", "source"})  # objects or null: a null leaves their columns empty


@export_format("csv", "a folder of CSV files, one per kind of record", folder=True)
def write_csv(store: Store, folder: OutputFolder) -> dict[str, int]:
    """One CSV file per kind of record in `folder`; the count of each kind written."""
    counts = dict.fromkeys(FILES, 0)
    writers: dict[str, csv.DictWriter[str]] = {}
    with ExitStack() as files:
        def writer(kind: str, first: dict[str, Any]) -> csv.DictWriter[str]:
            if kind not in writers:
                handle: TextIO = files.enter_context(folder.open(FILES[kind]))
                extra = [column for column in first if column not in COLUMNS[kind]]
                writers[kind] = csv.DictWriter(handle, fieldnames=[*COLUMNS[kind], *extra], extrasaction="ignore")
                writers[kind].writeheader()
            return writers[kind]

        for record in contract_records(store):
            for kind, row in _rows(record):
                writer(kind, row).writerow(row)
                counts[kind] += 1
        for kind in FILES:  # every file is there, with its header, even when no record is of its kind
            if kind not in writers:
                writer(kind, {})
    return counts


def _rows(record: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The rows one contract record gives: an entity its own, its mentions and its merges."""
    kind = record["kind"]
    if kind == "entity":
        rows: list[tuple[str, dict[str, Any]]] = [("mention", {"entity": record["id"], **m}) for m in record["mentions"]]
        rows += [("merge", {"entity": record["id"], **m}) for m in record.get("merged") or []]
        flat = _flat({k: v for k, v in record.items() if k not in ("mentions", "merged", "kind")})
        return [("entity", {**flat, "mentions": len(record["mentions"])}), *rows]
    flat = _flat({k: v for k, v in record.items() if k != "kind"})
    if kind == "event":
        day = calendar_date(record.get("date"))
        flat["event_date"] = day.day.isoformat() if day else ""
        flat["date_precision"] = day.precision_name if day else ""
    elif kind == "fact":
        flat["origins"] = len(record.get("independent_origins") or [])
    return [(kind, flat)]


def _flat(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects as `parent_child` columns; lists of ids joined by ';', of free text as JSON."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        column = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flat(value, f"{column}_"))
        elif isinstance(value, list | tuple):
            simple = all(isinstance(v, str) and ";" not in v and " " not in v for v in value)
            flat[column] = ";".join(value) if simple and key not in _TEXT_LISTS else json.dumps(list(value), ensure_ascii=False)
        elif value is None:
            if key not in _OBJECTS:
                flat[column] = ""
        else:
            flat[column] = value
    return flat
