"""The analyst's corrections, applied: merge two entities, take spellings out of one, mark a
claim as reviewed.

A merge or split is stored on mention keys (which do not change when the corpus is rebuilt),
so every later resolution keeps it; here it is also applied at once.

Internal: callers reach these through `claimgraph.query.corrections`.

This body re-resolves the whole corpus after a merge or split (the behaviour of
`claimgraph entities merge|split` and of the web app so far); an incremental version that
applies one correction in place replaces it, with the same signatures and errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from claimgraph.errors import CorrectionRefused
from claimgraph.gazetteer import Gazetteer, open_gazetteer
from claimgraph.records import Correction
from claimgraph.store import Store
from claimgraph.store.entities import add_corrections, entity_key_forms


def merge_entities(store: Store, first: str, second: str, *, note: str | None = None, gazetteer: Gazetteer | None = None) -> str:
    """Merge two entities (ids) for good; returns the id of the entity they now are.

    Raises `CorrectionRefused` when an id is unknown or both are one entity already."""
    key_a, key_b = _main_key(store, first), _main_key(store, second)
    if key_a == key_b:
        raise CorrectionRefused(f"{first} and {second} are one entity already")
    add_corrections(store, [Correction("merge", key_a, key_b)], note=note)
    _resolve_again(store, gazetteer)
    return _entity_of_key(store, key_a) or first


def split_entity(store: Store, entity_id: str, aliases: Sequence[str], *, note: str | None = None,
                 gazetteer: Gazetteer | None = None) -> list[str]:
    """Take spellings (compared without case) out of an entity for good: they never join it
    again. Returns the ids of the entities that hold its spellings afterwards, the one that
    keeps its most frequent spelling first.

    Raises `CorrectionRefused` when the id is unknown, no spelling given is the entity's, or
    nothing would be left."""
    forms = entity_key_forms(store, entity_id)
    if not forms:
        raise CorrectionRefused(f"no entity {entity_id}")
    wanted = {alias.casefold() for alias in aliases}
    out = {key for key, text, _ in forms if text.casefold() in wanted}
    kept = {key for key, _, _ in forms} - out
    if not out:
        raise CorrectionRefused(f"none of {', '.join(map(repr, aliases))} is a spelling of {entity_id}")
    if not kept:
        raise CorrectionRefused("that would take out every spelling; nothing is left to split from")
    add_corrections(store, [Correction("split", a, b) for a in sorted(out) for b in sorted(kept)], note=note)
    _resolve_again(store, gazetteer)
    main = next(key for key, _, _ in forms if key in kept)
    found = [_entity_of_key(store, key) for key in (main, *sorted(kept - {main}), *sorted(out))]
    return list(dict.fromkeys(entity for entity in found if entity is not None))


def review_claim(store: Store, claim_id: str) -> None:
    """Mark a claim as reviewed by an analyst (again: the time is updated).

    Raises `CorrectionRefused` for an unknown claim."""
    if store.connection.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is None:
        raise CorrectionRefused(f"no claim {claim_id}")
    with store.transaction():
        store.connection.execute("INSERT OR REPLACE INTO claim_reviews (claim_id, reviewed_at) VALUES (?, ?)",
                                 (claim_id, datetime.now(UTC).isoformat(timespec="seconds")))


def unreview_claim(store: Store, claim_id: str) -> None:
    """Take back an analyst's review of a claim (nothing happens when it was not reviewed)."""
    with store.transaction():
        store.connection.execute("DELETE FROM claim_reviews WHERE claim_id = ?", (claim_id,))


def _main_key(store: Store, entity_id: str) -> str:
    """The most frequent mention key of an entity."""
    forms = entity_key_forms(store, entity_id)
    if not forms:
        raise CorrectionRefused(f"no entity {entity_id}")
    return forms[0][0]


def _entity_of_key(store: Store, key: str) -> str | None:
    row = store.connection.execute("SELECT entity_id FROM entity_keys WHERE key = ? ORDER BY type LIMIT 1", (key,)).fetchone()
    return row["entity_id"] if row else None


def _resolve_again(store: Store, gazetteer: Gazetteer | None) -> None:
    """The whole corpus resolved again (entities, places, facts), with every correction."""
    # Imported here: the pipeline loads spaCy, which a correction does not otherwise need.
    from claimgraph.extract.places import load_place_lexicon
    from claimgraph.pipeline import resolve_corpus

    opened = open_gazetteer() if gazetteer is None else None
    try:
        resolve_corpus(store, gazetteer or opened, not_place_names=load_place_lexicon().not_place_names)
    finally:
        if opened is not None:
            opened.close()
