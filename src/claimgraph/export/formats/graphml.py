"""`graphml`: the entity graph as GraphML (Gephi, Cytoscape, yEd, networkx): typed entity
nodes and weighted typed edges (co-mention, event, tie); see `claimgraph/export/graph.py`.

Internal: reached through `claimgraph.export.export()` and `claimgraph export --format`.
"""

from __future__ import annotations

from typing import TextIO

from claimgraph.export import export_format
from claimgraph.export.graph import write_graphml as _write
from claimgraph.query import Store


@export_format("graphml", "GraphML of the entity graph (co-mentions, events, ties)")
def write_graphml(store: Store, out: TextIO) -> dict[str, int]:
    """The entity graph as GraphML; the count of nodes and edges written."""
    return _write(store, out)
