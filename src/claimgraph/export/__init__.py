"""Export: the store written out in the public interchange formats."""

from claimgraph.export.jsonl import CONTRACT_VERSION, contract_records, write_jsonl

__all__ = ["CONTRACT_VERSION", "contract_records", "write_jsonl"]
