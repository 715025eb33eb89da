"""Corpus-level resolution, the stage after every build that added or removed documents:
entities from all stored mentions (with the analyst's corrections), their places, then facts
and contradictions across sources. Reads and writes through the store's typed API."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable

from claimgraph.gazetteer import Gazetteer, great_capital
from claimgraph.progress import SILENT, Progress
from claimgraph.records import Correction, Entity, ResolvedPlace, StoredEntity
from claimgraph.resolve.changes import Changes
from claimgraph.resolve.cross_source import resolve_facts
from claimgraph.resolve.entities import resolve_entities
from claimgraph.resolve.places import FUZZY_RULES, FuzzyMatches, geocode_entities
from claimgraph.store import Store, iter_entities
from claimgraph.store.entities import (
    entity_corrections,
    iter_resolved_entities,
    replace_resolved_entities,
    replace_some_entities,
)
from claimgraph.store.places import iter_place_cues, replace_places
from claimgraph.store.state import read_state, write_state
from claimgraph.taxonomy import Taxonomy, load_taxonomy

RESOLVING = "resolving entities, places, facts"  # the step progress shows
PLACE_TYPES = ("GPE", "LOC", "FAC")  # the entity types geocoding places
_MAJOR_KINDS = frozenset({"country", "continent", "region"})
_MAJOR_POPULATION = 100_000


def resolve_corpus(store: Store, gazetteer: Gazetteer | None, *, not_place_names: frozenset[str] = frozenset(),
                   taxonomy: Taxonomy | None = None, documents: Collection[str] | None = None,
                   progress: Progress = SILENT) -> tuple[int, int | None]:
    """Entities from all stored mentions (with the analyst's corrections), their places, then
    facts and contradictions across sources. Returns (entities, geocoded places or None
    without a gazetteer). `taxonomy`: the event taxonomy, loaded here when not given;
    `documents`: the documents the build stored (None: unknown), handed to the facts stage
    with the entities that changed; `progress` sees its three steps.

    Only the entities that differ from the stored ones are written again, and places reuse
    the close spellings matched by earlier builds: the result is a full resolution's."""
    taxonomy = taxonomy or load_taxonomy()
    progress.start(RESOLVING, total=3, unit="step")
    entities, changed = update_entities(store, gazetteer)
    progress.advance(RESOLVING)
    places = None
    if gazetteer is not None:
        resolved = geocode_places(list(iter_entities(store)), store, gazetteer, not_place_names=not_place_names)
        places = replace_places(store, resolved)
    progress.advance(RESOLVING)
    resolve_facts(store, country_lookup(gazetteer) if gazetteer is not None else None, taxonomy=taxonomy,
                  changed=Changes(documents=frozenset(documents) if documents is not None else None, entities=changed))
    progress.advance(RESOLVING)
    progress.finish(RESOLVING)
    store.mark_entities_resolved()
    return entities, places


def update_entities(store: Store, gazetteer: Gazetteer | None) -> tuple[int, frozenset[str]]:
    """Regroup every stored mention key and write only the entities that changed (their keys,
    names and merge reasons); the others stay as they are. Returns (how many entities there
    are, the ids of those added, removed or changed)."""
    before = {entity.id: entity for entity in iter_resolved_entities(store)}
    after = {entity.id: entity for entity in cluster_mentions(store, gazetteer)}
    removed = [i for i, entity in before.items() if after.get(i) != entity]
    added = [entity for i, entity in after.items() if before.get(i) != entity]
    replace_some_entities(store, removed, added)
    return len(after), frozenset(removed) | {entity.id for entity in added}


def resolve_store_entities(store: Store, gazetteer: Gazetteer | None = None) -> int:
    """Rebuild the corpus-level entities from all stored mentions."""
    return replace_resolved_entities(store, cluster_mentions(store, gazetteer))


def cluster_mentions(store: Store, gazetteer: Gazetteer | None, *, extra: Iterable[Correction] = ()) -> list[Entity]:
    """The corpus's entities, held in memory (not written): every stored mention key grouped,
    with the analyst's stored corrections and then the `extra` ones not stored yet."""
    country_of = country_lookup(gazetteer) if gazetteer is not None else None
    return resolve_entities(store.mention_forms(), country_of=country_of, corrections=[*entity_corrections(store), *extra],
                            docs_of=store.key_documents(),
                            is_major_place=major_place_lookup(gazetteer) if gazetteer is not None else None,
                            capital_of=capital_lookup(gazetteer) if gazetteer is not None else None)


def geocode_places(entities: list[StoredEntity], store: Store, gazetteer: Gazetteer, *,
                   not_place_names: frozenset[str]) -> list[ResolvedPlace]:
    """Places for the entities of a place type among `entities` (in id order), with the
    stored place cues as context, and the close spellings earlier builds matched in this
    gazetteer (kept with the database, added to)."""
    fuzzy = _stored_fuzzy_matches(store, gazetteer)
    places = geocode_entities([e for e in entities if e.type in PLACE_TYPES], list(iter_place_cues(store)), gazetteer,
                              not_place_names=not_place_names, fuzzy=fuzzy)
    write_state(store, _FUZZY_STATE, json.dumps({"gazetteer": _gazetteer_version(gazetteer), "matches": fuzzy}, ensure_ascii=False))
    return places


_FUZZY_STATE = "fuzzy_place_matches"


def _stored_fuzzy_matches(store: Store, gazetteer: Gazetteer) -> FuzzyMatches:
    """The close spellings stored by earlier builds, if they were matched in this same gazetteer."""
    stored = json.loads(read_state(store, _FUZZY_STATE) or "{}")
    return dict(stored.get("matches", {})) if stored.get("gazetteer") == _gazetteer_version(gazetteer) else {}


def _gazetteer_version(gazetteer: Gazetteer) -> str:
    """The gazetteer file as it is now (a GeoNames dump loaded into it changes it), and the
    rules the matches were made by."""
    found = gazetteer.path.stat()
    return f"{gazetteer.path.resolve()}:{found.st_size}:{found.st_mtime_ns}; {FUZZY_RULES}"


def major_place_lookup(gazetteer: Gazetteer) -> Callable[[str], bool]:
    """Whether a name is, by its primary name, a region, country or city of 100,000 people."""
    def is_major_place(name: str) -> bool:
        return any(f.primary and (f.place.kind in _MAJOR_KINDS or f.place.population >= _MAJOR_POPULATION)
                   for f in gazetteer.places_named(name))

    return is_major_place


def capital_lookup(gazetteer: Gazetteer) -> Callable[[str], str | None]:
    """The gazetteer entry of the one great capital a name stands for ("Peking" and "Beijing": one)."""
    cache: dict[str, str | None] = {}

    def capital_of(name: str) -> str | None:
        if name not in cache:
            capital = great_capital(gazetteer.places_named(name))
            cache[name] = capital.id if capital is not None else None
        return cache[name]

    return capital_of


def country_lookup(gazetteer: Gazetteer) -> Callable[[str], str | None]:
    """The ISO code of the one country a name or demonym stands for ("Испания", "Spanish")."""
    cache: dict[str, str | None] = {}

    def country_of(name: str) -> str | None:
        if name not in cache:
            found = gazetteer.places_named(name)
            countries = [f for f in found if f.place.kind == "country"]
            codes = {f.place.country for f in countries}
            # "England" names a part of the United Kingdom too: not the country itself.
            parts = {f.place.country for f in found if f.place.kind == "region"}
            if len(codes) > 1 and not any(f.primary for f in countries):
                # A demonym shared with dependencies ("French"): the largest country's.
                codes = {max(countries, key=lambda f: f.place.population).place.country}
            cache[name] = codes.pop() if len(codes) == 1 and not codes & parts else None
        return cache[name]

    return country_of
