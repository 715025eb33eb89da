"""Geocode place entities with the gazetteer, reading each name in its documents' context.

Resolution runs in rounds, the surest first, and each round's results become the
context of the next:

1. countries, continents and regions named by one of their primary names;
2. every document's focus: how much of its place talk is about each country;
3. towns, villages and sites: candidates under the name, ranked by the focus of the
   documents that name them, explicit parents ("X, in Y"), proximity to places the text
   puts them near or beside, and population as the prior; a small namesake in a country
   the documents never mention is refused rather than guessed;
4. names not in the gazetteer: a close spelling among the focus countries' places;
5. what is left falls back on the text's own relations: a facility takes the place it is
   named after, "X near Y" takes Y (precision ``near_town``), "X, in the Y region" takes Y.

Every result says how precise it is, in the spirit of ACLED's geo_precision: ``town``
(the place itself), ``near_town``, ``region`` or ``country``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from rapidfuzz import fuzz, process

from claimgraph.gazetteer import Gazetteer, GazetteerPlace, NamedPlace, place_key
from claimgraph.records import PlaceCue, ResolvedPlace, StoredEntity

# In order of preference under one name; a division and a named area that is none (GeoNames
# RGN: "Kurdistan", "the Levant") rank together, by population.
BROAD_TIERS = (("country",), ("region", "area"), ("continent",))
BROAD_KINDS = tuple(kind for tier in BROAD_TIERS for kind in tier)
_REGION_KINDS = frozenset({"region", "area"})
_SETTLEMENT_KINDS = frozenset({"capital", "city", "town", "village", "neighbourhood"})
_TOWN_OVER_DIVISION_POPULATION = 20_000  # a town this big outranks the province named after it
_FOREIGN_NAMESAKE_POPULATION = 100_000  # below this, a namesake abroad is not a guess worth making
_NEAR_KM = 150.0
_NEIGHBOUR_KM = 400.0
_MIN_FOCUS = 0.2  # a country the documents mention this much (relative to their main one) is in focus
_FUZZY_MIN_SCORE = 88.0
_FUZZY_MIN_LENGTH = 6


# A close spelling found in a country's names, by "country key": [score, population, place id],
# or None for no match. A pure function of the gazetteer's names, so kept across builds
# (resolve/corpus.py stores it): matching a name against every name of a country is most of
# geocoding's time.
FuzzyMatches = dict[str, list[Any] | None]
# What the kept matches were matched by: kept matches made under other rules are not reused.
FUZZY_RULES = f"rapidfuzz ratio >= {_FUZZY_MIN_SCORE}, country name index v1"


def geocode_entities(entities: Sequence[StoredEntity], cues: Sequence[PlaceCue], gazetteer: Gazetteer, *,
                     not_place_names: frozenset[str] = frozenset(), known_places: bool = False,
                     fuzzy: FuzzyMatches | None = None) -> list[ResolvedPlace]:
    """Places for the entities that can be placed; ``not_place_names`` (name keys such as
    "west") are ordinary words first and are never looked up.

    ``known_places``: every entity is known to be a place (gold toponyms in a benchmark), so
    one the gazetteer lacks falls back on its document's main place, with ``region``
    precision. Off for extracted names, where an unknown name is left without coordinates
    rather than guessed. `fuzzy`: close spellings matched before (FuzzyMatches), read and
    added to."""
    # Ordinary words and lower-case phrases ("metro stations" labelled FAC) are not place names.
    entities = [e for e in entities if not any(place_key(n) in not_place_names for n in e.aliases)
                and any(n[:1].isupper() or not n[:1].isascii() for n in e.aliases)]
    context = _Context(entities, cues, gazetteer, {} if fuzzy is None else fuzzy)
    for entity in entities:
        if place := _broad_place(context.candidates[entity.id]):
            context.resolve(entity, place, _precision(place))
    context.compute_focus()
    for _ in range(2):  # a second pass sees the places the first one resolved
        for entity in entities:
            if entity.id not in context.resolved and (place := _best_candidate(entity, context)):
                context.resolve(entity, place, _precision(place))
    for entity in entities:
        if (place := _region_in_focus(entity, context)) is not None:
            context.resolve(entity, place, _precision(place))
    for entity in entities:
        if entity.id not in context.resolved and (place := _fuzzy_candidate(entity, context)):
            context.resolve(entity, place, _precision(place))
    for _ in range(2):  # facilities before the places near them, and chains of "near"
        for entity in entities:
            if entity.id not in context.resolved:
                _fall_back_on_cues(entity, context)
    if known_places:
        main = {doc: _main_place(doc, context) for doc in context.places_in_doc}
        for entity in entities:
            doc = context.docs_of[entity.id].most_common(1)[0][0]
            if entity.id not in context.resolved and (fallback := main[doc]) is not None:
                context.resolved[entity.id] = ResolvedPlace(entity.id, fallback.gazetteer_id, fallback.name, fallback.lat, fallback.lon,
                                                            fallback.country, fallback.kind, "region")
    return sorted(context.resolved.values(), key=lambda r: r.entity_id)


def _main_place(doc: str, context: _Context) -> ResolvedPlace | None:
    """The document's most-mentioned settlement, else its most-mentioned place."""
    counted = []
    for entity_id in context.places_in_doc[doc]:
        if (resolved := context.resolved.get(entity_id)) is not None and resolved.lat is not None:
            count = context.docs_of[entity_id][doc]
            counted.append((resolved.precision in {"town", "near_town"}, count, entity_id, resolved))
    return max(counted)[3] if counted else None


class _Context:
    """What is known while resolving: candidates, cues between entities, resolutions, focus."""

    def __init__(self, entities: Sequence[StoredEntity], cues: Sequence[PlaceCue], gazetteer: Gazetteer, fuzzy: FuzzyMatches) -> None:
        self.gazetteer = gazetteer
        self.fuzzy = fuzzy
        self.by_span = {(m.doc, m.start, m.end): e.id for e in entities for m in e.mentions}
        self.entities = {e.id: e for e in entities}
        self.candidates = {e.id: _candidates(e, gazetteer) for e in entities}
        self.cues: dict[str, list[tuple[str, str]]] = defaultdict(list)  # entity -> [(relation, anchor entity)]
        for cue in cues:
            subject = self.by_span.get((cue.doc, cue.start, cue.end))
            anchor = self.by_span.get((cue.doc, cue.anchor_start, cue.anchor_end))
            if subject and anchor and subject != anchor:
                self.cues[subject].append((cue.relation, anchor))
        self.docs_of = {e.id: Counter(m.doc for m in e.mentions) for e in entities}
        self.places_in_doc: dict[str, set[str]] = defaultdict(set)
        for entity in entities:
            for doc in self.docs_of[entity.id]:
                self.places_in_doc[doc].add(entity.id)
        self.resolved: dict[str, ResolvedPlace] = {}
        self.focus: dict[str, Counter[str]] = {}

    def resolve(self, entity: StoredEntity, place: GazetteerPlace, precision: str) -> None:
        self.resolved[entity.id] = ResolvedPlace(entity.id, place.id, place.name, place.lat, place.lon,
                                                 place.country, place.kind, precision, place.admin1)

    def close_spelling(self, key: str, country: str) -> tuple[float, int, GazetteerPlace] | None:
        """The best close spelling of `key` among the country's names: (score, population, place)."""
        memo = f"{country} {key}"
        if memo not in self.fuzzy:
            keys, place_ids = self.gazetteer.name_index_of_country(country)
            match = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_MIN_SCORE)
            matched = self.gazetteer.place(place_ids[match[2]]) if match else None
            self.fuzzy[memo] = [match[1], matched.population, matched.id] if match and matched else None
        found = self.fuzzy[memo]
        place = self.gazetteer.place(found[2]) if found is not None else None
        return (found[0], found[1], place) if found is not None and place is not None else None

    def compute_focus(self) -> None:
        """Per document, mentions of each country: of the country itself, or of places that
        can only be in it (one candidate country, or a big city)."""
        for doc, members in self.places_in_doc.items():
            counts: Counter[str] = Counter()
            for entity_id in members:
                weight = sum(1 for m in self.entities[entity_id].mentions if m.doc == doc)
                if (resolved := self.resolved.get(entity_id)) and resolved.country:
                    counts[resolved.country] += weight
                    continue
                countries = {c.place.country for c in self.candidates[entity_id] if c.place.country}
                if len(countries) == 1:
                    counts[countries.pop()] += 0.5 * weight  # type: ignore[assignment]  # half weights: Counter adds floats too
            self.focus[doc] = counts

    def focus_share(self, entity: StoredEntity, country: str | None) -> float:
        """How much the documents naming the entity are about the country (0..1)."""
        total = weight = 0.0
        for doc, count in self.docs_of[entity.id].items():
            focus = self.focus.get(doc, Counter())
            top = max(focus.values(), default=0.0)
            total += count
            weight += count * (focus.get(country, 0.0) / top if top and country else 0.0)
        return weight / total if total else 0.0

    def focus_known(self, entity: StoredEntity) -> bool:
        return any(self.focus.get(doc) for doc in self.docs_of[entity.id])

    def others(self, entity: StoredEntity) -> Iterator[ResolvedPlace]:
        """The other places resolved so far in the documents naming the entity (once per document)."""
        for doc in self.docs_of[entity.id]:
            for other in self.places_in_doc[doc]:
                if other != entity.id and (resolved := self.resolved.get(other)) is not None:
                    yield resolved

    def divisions(self, entity: StoredEntity) -> Counter[tuple[str | None, str]]:
        """The first-level divisions of the other resolved places named with the entity."""
        return Counter((p.country, p.admin1) for p in self.others(entity) if p.admin1 and p.kind not in ("country", "continent"))

    def neighbours(self, entity: StoredEntity) -> list[ResolvedPlace]:
        """Resolved settlements and sites named in the same documents."""
        return [p for p in self.others(entity) if p.precision in {"town", "near_town"} and p.lat is not None]


def _candidates(entity: StoredEntity, gazetteer: Gazetteer) -> list[NamedPlace]:
    seen: dict[str, NamedPlace] = {}
    for name in entity.aliases:
        for named in gazetteer.places_named(name):
            if named.place.id not in seen or named.primary:
                seen[named.place.id] = named
    return list(seen.values())


def _broad_place(candidates: list[NamedPlace]) -> GazetteerPlace | None:
    """A country, region or continent under one of its primary names; under another name
    (a translation, a demonym) only when no place has it as a primary name. A province
    yields to a town of its name in its country ("Washington", a region named after its
    capital): news names the town far more often, and "the X region" says so when not."""
    has_primary = any(c.primary for c in candidates)
    for primary in (True, False) if not has_primary else (True,):
        for kinds in BROAD_TIERS:
            matches = [c.place for c in candidates if c.place.kind in kinds and c.primary == primary
                       and not (c.place.kind in _REGION_KINDS and _namesake_town(c.place, candidates))]
            if matches:  # ties: the region spanning countries ("the Levant") over a province of its name
                best = max(matches, key=lambda p: (p.population, p.country is None))
                return _constituent_region(best, candidates) or best
    return None


def _constituent_region(country: GazetteerPlace, candidates: list[NamedPlace]) -> GazetteerPlace | None:
    """"England", "Wales": names of a country's part, which the country's data also lists
    as its names; the part is meant. (The country's own name, "Mexico", stays the country.)"""
    if country.kind != "country":
        return None
    own_name = place_key(country.name)
    parts = [c.place for c in candidates if c.primary and c.place.kind == "region" and c.place.country == country.country
             and place_key(c.place.name) != own_name]
    return parts[0] if len(parts) == 1 else None


def _region_in_focus(entity: StoredEntity, context: _Context) -> GazetteerPlace | None:
    """"Georgia" among Atlanta and Marietta is the state, not the country: a country taken
    by its name yields to a province of that name in the country whose towns and provinces
    the documents name, when they name none in the country itself."""
    resolved = context.resolved.get(entity.id)
    if resolved is None or resolved.kind != "country":
        return None
    # Towns and provinces, two at least, and no national capital: "Washington" says nothing
    # of Georgia, nor "Lagos" alone of Niger.
    inner: dict[str | None, set[str | None]] = defaultdict(set)
    for place in context.others(entity):
        if place.kind not in ("country", "continent", "capital"):
            inner[place.country].add(place.gazetteer_id)
    if resolved.country in inner:
        return None
    regions = [c.place for c in context.candidates[entity.id]
               if c.primary and c.place.kind == "region" and len(inner.get(c.place.country, ())) >= 2 and c.place.lat is not None]
    return regions[0] if len(regions) == 1 else None


def _namesake_town(division: GazetteerPlace, candidates: list[NamedPlace]) -> bool:
    """Whether a town of the division's name may be meant instead: one in its country that
    news names more often, or a city abroad known under that very name (the documents'
    focus then decides between them)."""
    if any(c.primary and c.place.kind in _SETTLEMENT_KINDS and c.place.country != division.country
           and c.place.population >= max(_FOREIGN_NAMESAKE_POPULATION, 0.2 * division.population) for c in candidates):
        return True  # (not a small city abroad against a populous state: Virginia is the state)
    return division.country is not None and any(
        # "Washington" is a name of "Washington, D.C.", "New York" one of New York City.
        (c.primary or c.place.kind == "capital" or (division.population > 0 and c.place.population >= 0.2 * division.population))
        and c.place.country == division.country and c.place.kind in _SETTLEMENT_KINDS
        # A big town for its province ("Kano"), not Oregon, Ohio against the state of Oregon.
        and (c.place.kind == "capital" or c.place.population >= max(_TOWN_OVER_DIVISION_POPULATION, 0.05 * division.population))
        for c in candidates)


def _precision(place: GazetteerPlace) -> str:
    if place.kind == "country":
        return "country"
    return "region" if place.kind in {"region", "area", "continent", "district"} else "town"


def _best_candidate(entity: StoredEntity, context: _Context) -> GazetteerPlace | None:
    scored = []
    anchors = [(relation, context.resolved.get(anchor)) for relation, anchor in context.cues.get(entity.id, [])]
    neighbours = context.neighbours(entity)
    divisions = context.divisions(entity)
    top_division = max(divisions.values(), default=0)
    candidates = context.candidates[entity.id]
    # Against a capital or a big town abroad ("Paris", "Havana"), a town or two of Texas in
    # view are not enough to make it Paris, Texas; three are.
    in_view = {country for country, _ in divisions}
    needed = 3 if any(c.place.kind == "capital" or (c.place.kind in _SETTLEMENT_KINDS and c.place.country not in in_view
                                                    and c.place.population >= _FOREIGN_NAMESAKE_POPULATION)
                      for c in candidates) else 1
    # Countries whose settlement bears the name as its own ("Tunis"): there the country's
    # other name yields to it.
    towns_named = {c.place.country for c in candidates if c.primary and c.place.kind in _SETTLEMENT_KINDS}
    for named in candidates:
        place = named.place
        if place.lat is None or (place.kind in _REGION_KINDS and _namesake_town(place, candidates)):
            continue  # the province yields to its namesake town here too
        if place.kind in BROAD_KINDS and not named.primary and place.country in towns_named:
            continue  # "Tunis" is a name of Tunisia, but first the name of its capital
        focus = context.focus_share(entity, place.country)
        parent = any(a is not None and relation in {"in", "comma"} and _contains(a, place) for relation, a in anchors)
        near = any(a is not None and relation in {"near", "in", "comma"} and a.lat is not None
                   and distance_km(place, a) <= _NEAR_KM for relation, a in anchors)
        close = sum(1 for n in neighbours if distance_km(place, n) <= _NEIGHBOUR_KM) / max(1, len(neighbours))
        if any(a is not None and relation in {"in", "comma"} and a.kind == "country" and a.country != place.country
               for relation, a in anchors):
            continue  # "X, <Country>": never a namesake elsewhere
        if not (focus >= _MIN_FOCUS or parent or near) and place.population < _FOREIGN_NAMESAKE_POPULATION and context.focus_known(entity):
            continue  # a small namesake in a country the documents never mention
        # Population weighs most: news names London, England far more often than London,
        # Kentucky, whatever else the article is about; explicit parents and "near" outweigh it.
        # The state (first-level division) the other places are in: "Henry County" among
        # towns of Georgia is Georgia's.
        count = divisions[(place.country, place.admin1)] if place.admin1 else 0
        division = count / top_division if count >= needed else 0.0
        score = (0.25 * focus + 0.3 * parent + 0.3 * near + 0.15 * close + 0.3 * division
                 + 0.6 * _population_prior(place) + 0.1 * named.primary)
        scored.append((score, place.population, place.id, place))
    return max(scored)[3] if scored else None


def _contains(parent: ResolvedPlace, place: GazetteerPlace) -> bool:
    """Whether a resolved country or first-level region contains the candidate."""
    if not parent.country or parent.country != place.country:
        return False
    return parent.kind == "country" or (parent.admin1 is not None and parent.admin1 == place.admin1)


def _population_prior(place: GazetteerPlace) -> float:
    """0 for a hamlet of 1,000 people or fewer, 1 for a city of 10 million, log-linear between."""
    return max(0.0, min(1.0, (math.log10(place.population + 1) - 3.0) / 4.0))


def _fuzzy_candidate(entity: StoredEntity, context: _Context) -> GazetteerPlace | None:
    """A close spelling ("Tinzawaten" for "Tinzaouaten") among the places of the country the
    documents are most about."""
    if context.candidates[entity.id]:
        return None
    focus = sum((context.focus.get(d, Counter()) for d in context.docs_of[entity.id]), Counter())
    # The most talked-about country; between equals the first by code, never a set's order.
    countries = [min(focus.items(), key=lambda item: (-item[1], item[0]))[0]] if focus else []
    best: tuple[float, int, GazetteerPlace] | None = None
    for name in entity.aliases:
        key = place_key(name)
        if len(key) < _FUZZY_MIN_LENGTH:
            continue
        for country in countries:
            found = context.close_spelling(key, country)
            if found and (best is None or found[:2] > best[:2]):
                best = found
    return best[2] if best else None


def _fall_back_on_cues(entity: StoredEntity, context: _Context) -> None:
    for wanted in ("at", "near", "in"):
        for relation, anchor_id in context.cues.get(entity.id, []):
            anchor = context.resolved.get(anchor_id)
            if relation != wanted or anchor is None:
                continue
            precision = anchor.precision
            if relation == "near" and precision == "town":
                precision = "near_town"
            elif relation == "in" and precision == "town":  # "X, a village in the Y region"
                precision = "region"
            context.resolved[entity.id] = ResolvedPlace(entity.id, anchor.gazetteer_id, anchor.name, anchor.lat,
                                                        anchor.lon, anchor.country, anchor.kind, precision)
            return


def distance_km(a: GazetteerPlace | ResolvedPlace, b: GazetteerPlace | ResolvedPlace) -> float:
    """Great-circle distance between two placed records (callers compare only places with
    coordinates), in kilometres."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        raise ValueError(f"no distance between {a.name!r} and {b.name!r}: one has no coordinates")
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
