"""Export: the store written out in the public interchange formats."""

from collections.abc import Callable
from typing import TextIO

from claimgraph.export.events import write_acled, write_plover
from claimgraph.export.jsonl import CONTRACT_VERSION, contract_records, write_jsonl
from claimgraph.store import Store

# Format name (the CLI's --format) -> writer returning the count of each kind written.
EXPORTERS: dict[str, Callable[[Store, TextIO], dict[str, int]]] = {
    "jsonl": write_jsonl,
    "acled": write_acled,
    "plover": write_plover,
}

__all__ = ["CONTRACT_VERSION", "EXPORTERS", "contract_records", "write_acled", "write_jsonl", "write_plover"]
