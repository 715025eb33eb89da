"""What the reader links: the entity of each mention in a document, and which of its claims
an analyst has reviewed."""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.store import Store

__all__ = ["MentionLink", "mention_links", "reviewed_claims"]


@dataclass(frozen=True)
class MentionLink:
    """The entity a mention (its start and end in the document) belongs to."""

    start: int
    end: int
    entity: str
    name: str


def mention_links(store: Store, doc_id: str) -> list[MentionLink]:
    rows = store.connection.execute(
        'SELECT m.start, m."end", k.entity_id, e.name FROM mentions m JOIN entity_keys k ON k.key = m.key AND k.type = m.type '
        'JOIN entities e ON e.id = k.entity_id WHERE m.doc_id = ? ORDER BY m.start, m."end"', (doc_id,))
    return [MentionLink(row["start"], row["end"], row["entity_id"], row["name"]) for row in rows]


def reviewed_claims(store: Store, doc_id: str) -> set[str]:
    rows = store.connection.execute("SELECT r.claim_id FROM claim_reviews r JOIN claims c ON c.id = r.claim_id WHERE c.doc_id = ?", (doc_id,))
    return {row[0] for row in rows}
