"""The entity graph, streamed for the exporters: entities as typed nodes with their mention
counts and places, and weighted typed edges between them: named in one sentence
(`co-mention`), tied by a stated tie (`tie`: affiliation, cooperation or tension, stated or
denied) and taking part in one event as actor and target (`event`). Each function streams
rows from one query (SQLite does the grouping): nothing here holds the corpus."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from claimgraph.store import Store, StoredPlace
from claimgraph.store.read import place_from_row

__all__ = ["GraphEdge", "GraphNode", "Tie", "iter_graph_edges", "iter_graph_nodes", "iter_ties"]


@dataclass(frozen=True)
class GraphNode:
    """An entity as a node: its name, type, how often it is mentioned, in how many documents,
    and its place when geocoded."""

    id: str
    name: str
    type: str
    mentions: int
    documents: int
    place: StoredPlace | None


@dataclass(frozen=True)
class GraphEdge:
    """A weighted typed edge: `kind` co-mention (sentences naming both; `source` < `target`),
    event (events with `source` among the actors and `target` among the targets; `label` the
    event types) or tie (statements of a tie; `label` its kind and polarity)."""

    source: str
    target: str
    kind: str  # co-mention | event | tie
    weight: int
    label: str  # event types ("ATTACK DEPLOY"), a tie's "affiliation/asserted", "" for co-mentions


@dataclass(frozen=True)
class Tie:
    """A tie stated (or denied) between two entities in one sentence: `subject` and `object`
    are entity ids (`object` None when a denial names no other party)."""

    id: str
    doc: str
    start: int
    end: int
    trigger: str
    kind: str  # affiliation | cooperation | tension
    polarity: str  # asserted | denied
    subject: str
    object: str | None
    subject_text: str
    object_text: str | None


def iter_graph_nodes(store: Store) -> Iterator[GraphNode]:
    """Every entity with at least one mention, by id."""
    rows = store.connection.execute(
        "SELECT e.id, e.name, e.type, COUNT(*) AS n, COUNT(DISTINCT m.doc_id) AS docs, "
        "p.gazetteer_id, p.name AS place_name, p.lat, p.lon, p.country, p.kind, p.precision FROM entities e "
        "JOIN entity_keys k ON k.entity_id = e.id JOIN mentions m ON m.key = k.key AND m.type = k.type "
        "LEFT JOIN entity_places p ON p.entity_id = e.id GROUP BY e.id ORDER BY e.id")
    for row in rows:
        yield GraphNode(row["id"], row["name"], row["type"], row["n"], row["docs"], place_from_row(row))


def iter_graph_edges(store: Store) -> Iterator[GraphEdge]:
    """Co-mention edges, then event edges, then tie edges, each kind in (source, target) order."""
    for row in store.connection.execute(
        "SELECT ka.entity_id AS a, kb.entity_id AS b, COUNT(DISTINCT ma.doc_id || ':' || ma.sentence) AS n FROM mentions ma "
        "JOIN entity_keys ka ON ka.key = ma.key AND ka.type = ma.type "
        "JOIN mentions mb ON mb.doc_id = ma.doc_id AND mb.sentence = ma.sentence "
        "JOIN entity_keys kb ON kb.key = mb.key AND kb.type = mb.type "
        "WHERE ka.entity_id < kb.entity_id GROUP BY a, b ORDER BY a, b"
    ):
        yield GraphEdge(row["a"], row["b"], "co-mention", row["n"], "")
    for row in store.connection.execute(
        "SELECT ka.entity_id AS a, kb.entity_id AS b, COUNT(DISTINCT x.event_id) AS n, "
        "GROUP_CONCAT(DISTINCT ev.type) AS types FROM event_arguments x "
        "JOIN event_arguments y ON y.event_id = x.event_id AND x.role = 'actor' AND y.role = 'target' "
        "JOIN events ev ON ev.id = x.event_id "
        "JOIN entity_keys ka ON ka.key = x.key AND ka.type = x.type JOIN entity_keys kb ON kb.key = y.key AND kb.type = y.type "
        "WHERE ka.entity_id != kb.entity_id GROUP BY a, b ORDER BY a, b"
    ):
        yield GraphEdge(row["a"], row["b"], "event", row["n"], " ".join(sorted(set(row["types"].split(",")))))
    for row in store.connection.execute(
        "SELECT s.entity_id AS a, o.entity_id AS b, r.kind, r.polarity, COUNT(*) AS n FROM relations r "
        "JOIN entity_keys s ON s.key = r.subject_key AND s.type = r.subject_type "
        "JOIN entity_keys o ON o.key = r.object_key AND o.type = r.object_type "
        "WHERE s.entity_id != o.entity_id GROUP BY a, b, r.kind, r.polarity ORDER BY a, b, r.kind, r.polarity"
    ):
        yield GraphEdge(row["a"], row["b"], "tie", row["n"], f"{row['kind']}/{row['polarity']}")


def iter_ties(store: Store) -> Iterator[Tie]:
    """Every tie whose subject is a resolved entity, in document order."""
    for row in store.connection.execute(
        'SELECT r.id, r.doc_id, r.start, r."end", r.trigger, r.kind, r.polarity, r.subject_text, r.object_text, '
        "s.entity_id AS subject, o.entity_id AS object FROM relations r "
        "JOIN entity_keys s ON s.key = r.subject_key AND s.type = r.subject_type "
        "LEFT JOIN entity_keys o ON o.key = r.object_key AND o.type = r.object_type ORDER BY r.doc_id, r.start, r.id"
    ):
        yield Tie(row["id"], row["doc_id"], row["start"], row["end"], row["trigger"], row["kind"], row["polarity"], row["subject"],
                  row["object"], row["subject_text"], row["object_text"])
