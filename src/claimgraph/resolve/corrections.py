"""An analyst's corrections, applied at once and only where they change something.

A merge or a split is stored on mention keys (`entity_corrections`, kept across rebuilds:
every later resolution applies it) and then applied to the store without resolving the
corpus again from scratch:

1. entities: the mention keys are grouped again in memory with the new correction (the
   grouping rules look at the whole corpus: "the only person with that surname" may change
   when two people become one), and only the entities that differ from the stored ones are
   written: their keys repointed, their names, aliases and merge reasons recomputed;
2. places: geocoding reads each name in the context of its documents (their focus, the
   places beside it), so only the place entities linked to the changed ones through shared
   documents are geocoded again, with the same context as a full resolution gives them;
3. facts and contradictions are built again (they are cheap next to geocoding, and their
   anchors' names and the comparisons across facts reach beyond the changed entities).

The result is the one a full resolution with the correction gives (tests/test_corrections.py).
A store whose entities are stale (documents added but not resolved) is resolved whole.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from claimgraph.errors import CorrectionRefused, UnknownRecord
from claimgraph.gazetteer import Gazetteer
from claimgraph.records import Correction, Entity, StoredEntity
from claimgraph.resolve.corpus import (
    PLACE_TYPES,
    cluster_mentions,
    country_lookup,
    geocode_places,
    resolve_corpus,
)
from claimgraph.resolve.cross_source import resolve_facts
from claimgraph.store import Store, iter_entities
from claimgraph.store.claims import add_claim_review, has_claim, remove_claim_review
from claimgraph.store.entities import (
    add_corrections,
    entity_spellings,
    iter_resolved_entities,
    replace_some_entities,
)
from claimgraph.store.places import replace_places, replace_places_of
from claimgraph.taxonomy import load_taxonomy


def merge_entities(store: Store, first: str, second: str, *, note: str | None = None, gazetteer: Gazetteer | None = None) -> str:
    """Merge two entities (by id) for good; returns the id of the entity they became.
    Refused when they are one entity already, when an id is unknown (`UnknownRecord`) or
    when an earlier split keeps their names apart."""
    first_key, second_key = _main_key(store, first), _main_key(store, second)
    if first_key == second_key:
        raise CorrectionRefused(f"{first} and {second} are one entity already")
    correction = Correction("merge", first_key, second_key)
    regrouped = cluster_mentions(store, gazetteer, extra=[correction])
    merged = _holding(regrouped, first_key)
    if second_key not in {key for key, _ in merged.keys}:
        raise CorrectionRefused(f"{first} and {second} cannot be merged: a split made earlier keeps them apart")
    _apply(store, [correction], regrouped, note=note, gazetteer=gazetteer)
    return merged.id


def split_entity(store: Store, entity_id: str, aliases: Sequence[str], *, note: str | None = None,
                 gazetteer: Gazetteer | None = None) -> list[str]:
    """Take spellings (compared without case) out of an entity for good: their mention keys
    never join the entity's other keys again. Returns the ids of the entities that hold its
    spellings afterwards, the one that keeps its most frequent spelling first. Refused when
    the entity is unknown (`UnknownRecord`), no spelling given is the entity's, or nothing
    would be left."""
    forms = entity_spellings(store, entity_id)
    if not forms:
        raise UnknownRecord(f"no entity {entity_id}")
    wanted = {alias.casefold() for alias in aliases}
    out = {form.key for form in forms if form.text.casefold() in wanted}
    kept = {form.key for form in forms} - out
    if not out:
        raise CorrectionRefused(f"none of {', '.join(map(repr, aliases))} is a spelling of {entity_id}")
    if not kept:
        raise CorrectionRefused("that would take out every spelling; nothing is left to split from")
    corrections = [Correction("split", a, b) for a in sorted(out) for b in sorted(kept)]
    regrouped = cluster_mentions(store, gazetteer, extra=corrections)
    _apply(store, corrections, regrouped, note=note, gazetteer=gazetteer)
    main = next(form.key for form in forms if form.key in kept)
    return list(dict.fromkeys(_holding(regrouped, key).id for key in (main, *sorted(kept - {main}), *sorted(out))))


def review_claim(store: Store, claim_id: str) -> None:
    """Record that an analyst reviewed a claim; `UnknownRecord` for a claim the store lacks."""
    if not has_claim(store, claim_id):
        raise UnknownRecord(f"no claim {claim_id}")
    add_claim_review(store, claim_id)


def unreview_claim(store: Store, claim_id: str) -> None:
    """Take back an analyst's review of a claim (nothing happens when it was not reviewed)."""
    remove_claim_review(store, claim_id)


def _main_key(store: Store, entity_id: str) -> str:
    """The most frequent mention key of an entity: what a correction is stored on."""
    forms = entity_spellings(store, entity_id)
    if not forms:
        raise UnknownRecord(f"no entity {entity_id}")
    return forms[0].key


def _holding(entities: Iterable[Entity], key: str) -> Entity:
    return next(entity for entity in entities if any(k == key for k, _ in entity.keys))


def _apply(store: Store, corrections: list[Correction], regrouped: list[Entity], *, note: str | None,
           gazetteer: Gazetteer | None) -> None:
    """Store the corrections, then write what they change (a stale store is resolved whole)."""
    # Imported here: extraction loads spaCy, which a correction does not otherwise need.
    from claimgraph.extract.places import load_place_lexicon

    stale = store.entities_stale()
    add_corrections(store, corrections, note=note)  # stale until applied: a run killed halfway resolves again
    not_place_names = load_place_lexicon().not_place_names
    if stale:
        resolve_corpus(store, gazetteer, not_place_names=not_place_names)
        return
    before = {entity.id: entity for entity in iter_resolved_entities(store)}
    after = {entity.id: entity for entity in regrouped}
    removed = [i for i, entity in before.items() if after.get(i) != entity]
    added = [entity for i, entity in after.items() if before.get(i) != entity]
    replace_some_entities(store, removed, added)
    if gazetteer is None:
        replace_places(store, [])  # as a resolution without a gazetteer leaves them: none
    else:
        # The changed entities hold the keys the removed ones held, so the documents of those
        # keys are every document whose places' context changed.
        documents_of = store.key_documents()
        documents = {doc for entity in added for key, _ in entity.keys for doc in documents_of.get(key, ())}
        _geocode_again(store, gazetteer, documents, removed, not_place_names=not_place_names)
    resolve_facts(store, country_lookup(gazetteer) if gazetteer is not None else None, taxonomy=load_taxonomy())
    store.mark_entities_resolved()


def _geocode_again(store: Store, gazetteer: Gazetteer, documents: set[str], removed: list[str], *,
                   not_place_names: frozenset[str]) -> None:
    """Geocode again the place entities of the changed documents and all those linked to them
    through the documents they share: geocoding one reads the others in its documents only,
    so the rest keep the places they have."""
    entities = [e for e in iter_entities(store) if e.type in PLACE_TYPES]
    linked = _linked_by_documents(entities, documents)
    places = geocode_places([e for e in entities if e.id in linked], store, gazetteer, not_place_names=not_place_names)
    replace_places_of(store, linked | set(removed), places)


def _linked_by_documents(entities: list[StoredEntity], documents: set[str]) -> set[str]:
    """The ids of the entities mentioned in `documents`, and of every entity linked to them
    through a document both are mentioned in, transitively."""
    by_document: dict[str, list[StoredEntity]] = defaultdict(list)
    for entity in entities:
        for doc in {m.doc for m in entity.mentions}:
            by_document[doc].append(entity)
    linked: set[str] = set()
    seen, waiting = set(documents), list(documents)
    while waiting:
        for entity in by_document.get(waiting.pop(), []):
            if entity.id in linked:
                continue
            linked.add(entity.id)
            for doc in {m.doc for m in entity.mentions} - seen:
                seen.add(doc)
                waiting.append(doc)
    return linked
