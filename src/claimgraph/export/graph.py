"""The entity graph as GraphML and GEXF, written element by element as the query layer
streams nodes and edges (no graph is built in memory).

Nodes are entities: `label` (name), `type` (PERSON, ORG, GPE...), `mentions`, `documents`,
and for places `lat`, `lon`, `country`, `place_kind`. Edges are directed and typed
(`kind`): `co-mention` (named in one sentence; from the lower id to the higher; `weight`
sentences), `event` (actor to target; `weight` events; `label` the event types) and `tie`
(a stated or denied tie from subject to object; `weight` statements; `label`
"affiliation/asserted"...). Two entities can have one edge of each kind.

Internal: the `graphml` and `gexf` formats' shared writer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO
from xml.sax.saxutils import quoteattr

from claimgraph.query import Store
from claimgraph.query.graph import (
    GraphEdge,
    GraphNode,
    iter_graph_edges,
    iter_graph_nodes,
)

# (attribute, GraphML type, GEXF type) of nodes and of edges.
NODE_ATTRIBUTES = (("type", "string", "string"), ("mentions", "int", "integer"), ("documents", "int", "integer"),
                   ("lat", "double", "double"), ("lon", "double", "double"), ("country", "string", "string"),
                   ("place_kind", "string", "string"))
EDGE_ATTRIBUTES = (("kind", "string", "string"), ("label", "string", "string"))


def _node_values(node: GraphNode) -> dict[str, object]:
    place = node.place
    values: dict[str, object] = {"type": node.type, "mentions": node.mentions, "documents": node.documents}
    if place is not None:
        values |= {"lat": place.lat, "lon": place.lon, "country": place.country, "place_kind": place.kind}
    return {name: value for name, value in values.items() if value is not None}


def _edge_values(edge: GraphEdge) -> dict[str, object]:
    return {"kind": edge.kind, "label": edge.label}


def _edges(store: Store) -> Iterator[tuple[int, GraphEdge]]:
    return enumerate(iter_graph_edges(store))


def write_graphml(store: Store, out: TextIO) -> dict[str, int]:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    out.write('  <key id="label" for="node" attr.name="label" attr.type="string"/>\n')
    out.writelines(f'  <key id="{name}" for="node" attr.name="{name}" attr.type="{kind}"/>\n' for name, kind, _ in NODE_ATTRIBUTES)
    out.write('  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n')
    out.writelines(f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>\n' for name, kind, _ in EDGE_ATTRIBUTES)
    out.write('  <graph id="entities" edgedefault="directed">\n')
    counts = {"node": 0, "edge": 0}
    for node in iter_graph_nodes(store):
        data = "".join(f'<data key="{k}">{_text(v)}</data>' for k, v in {"label": node.name, **_node_values(node)}.items())
        out.write(f"    <node id={quoteattr(node.id)}>{data}</node>\n")
        counts["node"] += 1
    for number, edge in _edges(store):
        data = f'<data key="weight">{edge.weight}</data>' + "".join(
            f'<data key="e_{k}">{_text(v)}</data>' for k, v in _edge_values(edge).items())
        out.write(f'    <edge id="e{number}" source={quoteattr(edge.source)} target={quoteattr(edge.target)}>{data}</edge>\n')
        counts["edge"] += 1
    out.write("  </graph>\n</graphml>\n")
    return counts


def write_gexf(store: Store, out: TextIO) -> dict[str, int]:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
              '  <meta><creator>claimgraph</creator><description>entities and their co-mentions, events and ties</description></meta>\n'
              '  <graph defaultedgetype="directed" mode="static">\n    <attributes class="node">\n')
    out.writelines(f'      <attribute id="{number}" title="{name}" type="{kind}"/>\n' for number, (name, _, kind) in enumerate(NODE_ATTRIBUTES))
    out.write('    </attributes>\n    <attributes class="edge">\n')
    out.writelines(f'      <attribute id="{number}" title="{name}" type="{kind}"/>\n' for number, (name, _, kind) in enumerate(EDGE_ATTRIBUTES))
    out.write("    </attributes>\n    <nodes>\n")
    node_ids = {name: number for number, (name, _, _) in enumerate(NODE_ATTRIBUTES)}
    edge_ids = {name: number for number, (name, _, _) in enumerate(EDGE_ATTRIBUTES)}
    counts = {"node": 0, "edge": 0}
    for node in iter_graph_nodes(store):
        values = "".join(f'<attvalue for="{node_ids[k]}" value={quoteattr(str(v))}/>' for k, v in _node_values(node).items())
        out.write(f"      <node id={quoteattr(node.id)} label={quoteattr(node.name)}><attvalues>{values}</attvalues></node>\n")
        counts["node"] += 1
    out.write("    </nodes>\n    <edges>\n")
    for number, edge in _edges(store):
        values = "".join(f'<attvalue for="{edge_ids[k]}" value={quoteattr(str(v))}/>' for k, v in _edge_values(edge).items())
        out.write(f'      <edge id="e{number}" source={quoteattr(edge.source)} target={quoteattr(edge.target)} '
                  f'weight="{edge.weight}"><attvalues>{values}</attvalues></edge>\n')
        counts["edge"] += 1
    out.write("    </edges>\n  </graph>\n</gexf>\n")
    return counts


def _text(value: object) -> str:
    from xml.sax.saxutils import escape

    return escape(str(value))
