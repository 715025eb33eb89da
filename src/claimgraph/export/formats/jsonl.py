"""`jsonl`: the export contract, one JSON object a line.

Internal: reached through `claimgraph.export.export()` and `claimgraph export --format`.
"""

from __future__ import annotations

import json
from typing import TextIO

from claimgraph.export import export_format
from claimgraph.export.contract import contract_records
from claimgraph.query import Store


@export_format("jsonl", "the export contract")
def write_jsonl(store: Store, out: TextIO) -> dict[str, int]:
    """Write all records, one JSON object per line; return the count of each kind."""
    counts: dict[str, int] = {}
    for record in contract_records(store):
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        counts[record["kind"]] = counts.get(record["kind"], 0) + 1
    return counts
