"""Entities: the corpus-level entities with their spellings, merge reasons and places; the
most mentioned; one entity in detail; how entities are linked."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from claimgraph.records import MentionForm, Merge
from claimgraph.store import (
    Store,
    StoredClaim,
    StoredEntity,
    StoredPlace,
    find_entity_ids,
    iter_entities,
)
from claimgraph.store.claims import claims_by_id
from claimgraph.store.entities import all_entity_merges, entity_merges
from claimgraph.store.events import EntityBrief, entity_briefs
from claimgraph.store.params import placeholders
from claimgraph.store.read import place_from_row

__all__ = [
    "EntityBrief",
    "EntityCount",
    "EntityDetail",
    "EntityLink",
    "MentionInContext",
    "StoredEntity",
    "StoredPlace",
    "all_entity_merges",
    "entity_briefs",
    "entity_detail",
    "entity_exists",
    "entity_forms",
    "entity_links",
    "entity_merges",
    "find_entity_ids",
    "iter_entities",
    "top_entities",
]

# Mentions per entity: its (key, type) pairs joined to the mentions under them.
_MENTIONS_OF_ENTITY = "JOIN entity_keys k ON k.entity_id = e.id JOIN mentions m ON m.key = k.key AND m.type = k.type"


@dataclass(frozen=True)
class EntityCount:
    """An entity and how often it is mentioned."""

    id: str
    name: str
    type: str
    mentions: int


def top_entities(store: Store, *, limit: int) -> list[EntityCount]:
    """The most mentioned entities, most first (ties by name)."""
    rows = store.connection.execute(
        f"SELECT e.id, e.name, e.type, COUNT(*) AS n FROM entities e {_MENTIONS_OF_ENTITY} GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?",
        (limit,),
    )
    return [EntityCount(row["id"], row["name"], row["type"], row["n"]) for row in rows]


def entity_exists(store: Store, entity_id: str) -> bool:
    return store.connection.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,)).fetchone() is not None


def entity_forms(store: Store, entity_id: str) -> list[MentionForm]:
    """An entity's spellings: each surface text under each mention key, most frequent first
    (ties by text). `type` is the mentions' type (the first by name if one spelling has two)."""
    rows = store.connection.execute(
        "SELECT m.key, MIN(m.type) AS type, m.text, COUNT(*) AS n FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type "
        "WHERE k.entity_id = ? GROUP BY m.key, m.text ORDER BY n DESC, m.text",
        (entity_id,),
    )
    return [MentionForm(row["key"], row["type"], row["text"], row["n"]) for row in rows]


@dataclass(frozen=True)
class MentionInContext:
    """A mention with its document's title and the sentence it is in."""

    doc: str
    start: int
    end: int
    text: str
    title: str | None
    sentence: str | None


@dataclass(frozen=True)
class EntityDetail:
    """One entity as its page shows it: spellings, why they are one entity, where it is
    mentioned, the claims it makes and the claims about it (each list bounded)."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    place: StoredPlace | None
    merges: list[Merge]
    forms: list[MentionForm]  # most frequent first
    mentions: list[MentionInContext]  # in document order
    claims_by: list[StoredClaim]  # it is their source
    claims_about: list[StoredClaim]  # it is named in them


def entity_detail(store: Store, entity_id: str, *, limit: int = 100) -> EntityDetail | None:
    """An entity in detail; `limit` bounds its mentions and each list of claims."""
    row = store.connection.execute(
        "SELECT e.*, p.gazetteer_id, p.lat, p.lon, p.precision, p.name AS place_name, p.country, p.kind FROM entities e "
        "LEFT JOIN entity_places p ON p.entity_id = e.id WHERE e.id = ?", (entity_id,)
    ).fetchone()
    if row is None:
        return None
    forms = store.connection.execute(
        "SELECT m.text, m.key, MIN(m.type) AS type, COUNT(*) AS n FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type "
        "WHERE k.entity_id = ? GROUP BY m.text, m.key ORDER BY n DESC", (entity_id,)
    ).fetchall()
    mentions = store.connection.execute(
        'SELECT m.doc_id, m.start, m."end", m.text, d.title, substr(d.text, s.start + 1, s."end" - s.start) AS sentence '
        "FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type JOIN documents d ON d.id = m.doc_id "
        "LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence WHERE k.entity_id = ? ORDER BY m.doc_id, m.start LIMIT ?",
        (entity_id, limit),
    ).fetchall()
    by_source = store.connection.execute(
        "SELECT c.id FROM claims c JOIN entity_keys k ON k.key = c.source_key AND k.type = c.source_type "
        "WHERE k.entity_id = ? ORDER BY c.doc_id, c.start LIMIT ?", (entity_id, limit)
    ).fetchall()
    about = store.connection.execute(
        "SELECT DISTINCT c.id FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type "
        'JOIN claims c ON c.doc_id = m.doc_id AND c.start <= m.start AND m."end" <= c."end" '
        "WHERE k.entity_id = ? LIMIT ?", (entity_id, limit)
    ).fetchall()
    return EntityDetail(
        id=row["id"], name=row["name"], type=row["type"], aliases=tuple(json.loads(row["aliases"])), place=place_from_row(row),
        merges=entity_merges(store, entity_id),
        forms=[MentionForm(f["key"], f["type"], f["text"], f["n"]) for f in forms],
        mentions=[MentionInContext(m["doc_id"], m["start"], m["end"], m["text"], m["title"], m["sentence"]) for m in mentions],
        claims_by=claims_by_id(store, [r["id"] for r in by_source]),
        claims_about=claims_by_id(store, [r["id"] for r in about]),
    )


@dataclass(frozen=True)
class EntityLink:
    """Two entities named together: in one sentence (`co-occurrence`, `weight` sentences) or
    as actor and target of one event (`event`, `weight` events; `source` is the actor)."""

    source: str
    target: str
    kind: str  # co-occurrence | event
    weight: int


def entity_links(store: Store, ids: Sequence[str]) -> list[EntityLink]:
    """The links among some entities: co-occurrences (each pair once), then events."""
    if not ids:
        return []
    ids = list(ids)
    marks = placeholders(ids)
    links = [EntityLink(row["a"], row["b"], "co-occurrence", row["n"]) for row in store.connection.execute(
        f"SELECT ka.entity_id AS a, kb.entity_id AS b, COUNT(DISTINCT ma.doc_id || ':' || ma.sentence) AS n FROM mentions ma "
        f"JOIN entity_keys ka ON ka.key = ma.key AND ka.type = ma.type AND ka.entity_id IN ({marks}) "
        f"JOIN mentions mb ON mb.doc_id = ma.doc_id AND mb.sentence = ma.sentence "
        f"JOIN entity_keys kb ON kb.key = mb.key AND kb.type = mb.type AND kb.entity_id IN ({marks}) "
        "WHERE ka.entity_id < kb.entity_id GROUP BY a, b", ids + ids
    )]
    links += [EntityLink(row["a"], row["b"], "event", row["n"]) for row in store.connection.execute(
        f"SELECT ka.entity_id AS a, kb.entity_id AS b, COUNT(DISTINCT x.event_id) AS n FROM event_arguments x "
        f"JOIN event_arguments y ON y.event_id = x.event_id AND x.role = 'actor' AND y.role = 'target' "
        f"JOIN entity_keys ka ON ka.key = x.key AND ka.type = x.type AND ka.entity_id IN ({marks}) "
        f"JOIN entity_keys kb ON kb.key = y.key AND kb.type = y.type AND kb.entity_id IN ({marks}) "
        "WHERE ka.entity_id != kb.entity_id GROUP BY a, b", ids + ids
    )]
    return links
