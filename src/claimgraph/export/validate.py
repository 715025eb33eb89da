"""Checking a JSONL export against the contract: each line against the JSON Schema shipped
in the package (`export/data/contract-v1.schema.json`), then the references between records
(a claim's document, an event's claims and entities, a contradiction's claims and fact) and
the uniqueness of ids. Streams the file: what it keeps is the ids it has seen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

SCHEMA_FILE = "data/contract-v1.schema.json"

# (kind, field, the kind it refers to): a field holding one id or a list of ids.
_REFERENCES = (
    ("claim", "doc", "document"), ("claim", "entities", "entity"), ("claim", "dates", "date"), ("claim", "quantities", "quantity"),
    ("date", "doc", "document"), ("quantity", "doc", "document"),
    ("event", "actors", "entity"), ("event", "targets", "entity"), ("event", "location", "entity"), ("event", "claims", "claim"),
    ("fact", "claims", "claim"), ("contradiction", "a", "claim"), ("contradiction", "b", "claim"), ("contradiction", "fact", "fact"),
)


def contract_schema() -> dict[str, Any]:
    """The JSON Schema of one record of the export contract."""
    return json.loads(resources.files("claimgraph.export").joinpath(SCHEMA_FILE).read_text("utf-8"))  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Problem:
    line: int  # 0 for a reference that no line resolves
    message: str


@dataclass
class ValidationReport:
    """What a check found: records of each kind, and the problems (the first `limit` kept)."""

    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0

    @property
    def valid(self) -> bool:
        return self.problem_count == 0


def validate_export(lines: Iterable[str], *, limit: int = 100) -> ValidationReport:
    """Check the lines of a JSONL export; every problem counted, the first `limit` kept."""
    import jsonschema  # type: ignore[import-untyped]

    validator = jsonschema.Draft202012Validator(contract_schema())
    report = ValidationReport()
    seen: dict[str, set[str]] = {}
    pending: list[tuple[int, str, str, str]] = []  # (line, kind.field, target kind, id): references to later lines

    def problem(line: int, message: str) -> None:
        report.problem_count += 1
        if len(report.problems) < limit:
            report.problems.append(Problem(line, message))

    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problem(number, f"not JSON: {exc.msg}")
            continue
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))
        for error in errors:
            where = ".".join(str(p) for p in error.absolute_path) or "record"
            problem(number, f"{record.get('kind', '?') if isinstance(record, dict) else '?'} {where}: {error.message}")
        if errors or not isinstance(record, dict):
            continue
        kind = record["kind"]
        report.counts[kind] = report.counts.get(kind, 0) + 1
        identifier = record.get("id")
        if isinstance(identifier, str):
            if identifier in seen.setdefault(kind, set()):
                problem(number, f"{kind} {identifier}: id used twice")
            seen[kind].add(identifier)
        for source_kind, name, target in _REFERENCES:
            if kind == source_kind and record.get(name) is not None:
                values = record[name] if isinstance(record[name], list) else [record[name]]
                pending += [(number, f"{kind}.{name}", target, value) for value in values if value not in seen.get(target, ())]
        if "start" in record and "end" in record and record["start"] > record["end"]:
            problem(number, f"{kind} {identifier}: start after end")
    for number, where, target, value in pending:
        if value not in seen.get(target, ()):
            problem(number, f"{where}: no {target} {value}")
    return report
