"""Anchors: what the cross-source stage compares events and ties by.

Entities become anchors (a country and its demonym are one anchor, and a country's
institution or capital also stands for its country); a stored event becomes an
`AnchoredEvent`, the stored record kept whole with what is derived from it for comparing:
its parties and place as anchors, its figure as a count or a sum.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources

from claimgraph.gazetteer import AREA_KINDS
from claimgraph.records import StoredEntity, StoredEvent, StoredPlace, StoredQuantity
from claimgraph.resolve.figures import interval
from claimgraph.resolve.forces import names_private_force
from claimgraph.resolve.money import Sum, stated_sum
from claimgraph.taxonomy import Taxonomy

_COUNTRY_TYPES = frozenset({"GPE", "NORP"})


@dataclass(frozen=True)
class Anchors:
    """How entities become comparable anchors: a country and its demonym are one anchor, and
    a country's institution ("the Ruvian military") or its capital ("Lima announced") is also
    an anchor of its country."""

    anchor_of: dict[str, str]
    extra: dict[str, str]  # entity id -> its country's anchor, for institutions named by it
    names: dict[str, str]  # anchor -> display name
    capitals: dict[str, str] = field(default_factory=dict)  # entity id -> its country's anchor, as an actor
    private_forces: frozenset[str] = frozenset()  # entity ids whose names say they are a private armed force

    def anchor(self, entity_id: str) -> str:
        return self.anchor_of.get(entity_id, entity_id)

    def anchors(self, entity_ids: Iterable[str], *, acting: bool = False) -> frozenset[str]:
        """The anchors of some entities; `acting`: as doers, where a capital is its state
        ("Lima asked Kessa for help"), not the place it is as a target ("troops sent to Lima")."""
        found = set()
        for entity_id in entity_ids:
            found.add(self.anchor(entity_id))
            if entity_id in self.extra:
                found.add(self.extra[entity_id])
            if acting and entity_id in self.capitals:
                found.add(self.capitals[entity_id])
        return frozenset(found)

    def name(self, anchor: str) -> str:
        return self.names.get(anchor, anchor)


def entity_anchors(entities: Iterable[StoredEntity], country_of: Callable[[str], str | None] | None) -> Anchors:
    """The anchors of the corpus's entities (read in id order: the first entity of an anchor
    names it, unless a country's own name does)."""
    anchor_of: dict[str, str] = {}
    extra: dict[str, str] = {}
    capitals: dict[str, str] = {}
    names: dict[str, str] = {}
    private_forces: set[str] = set()
    seats = _seats_of_government()
    for entity in entities:
        place = entity.place
        if entity.type == "ORG" and names_private_force([entity.name, *entity.aliases]):
            private_forces.add(entity.id)
        code = place.country if place is not None and place.kind == "country" else None
        if code is None and entity.type in _COUNTRY_TYPES and country_of is not None:
            code = country_of(entity.name)
        anchor = f"country:{code}" if code else entity.id
        anchor_of[entity.id] = anchor
        if anchor not in names or (entity.type == "GPE" and code):
            names[anchor] = entity.name
        words = entity.name.replace("\u2019", "'").split()
        if place is not None and place.kind == "capital" and place.country:
            capitals[entity.id] = f"country:{place.country}"
        elif (seat := seats.get(_bare_name(entity.name))) is not None:  # "the Kremlin" stands for Russia's state
            extra[entity.id] = f"country:{seat}"
        elif entity.type == "ORG" and len(words) >= 2 and country_of is not None:
            owner = country_of(words[0].removesuffix("'s"))
            if owner:
                extra[entity.id] = f"country:{owner}"
    return Anchors(anchor_of, extra, names, capitals, frozenset(private_forces))


def _seats_of_government() -> dict[str, str]:
    data = json.loads(resources.files("claimgraph.resolve").joinpath("data/seats_of_government.json").read_text("utf-8"))
    return {_bare_name(name): code for name, code in data["seats"].items()}


def _bare_name(name: str) -> str:
    words = name.replace("\u2019", "'").casefold().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


@dataclass(frozen=True)
class AnchoredEvent:
    """Derived, never stored: a stored event as the cross-source stage compares it. The
    stored event is kept whole (`event`); what is added is read from it and the entities:
    the type compared, its parties and place as anchors, its figure as a count or a sum."""

    event: StoredEvent
    type: str  # the type compared: an `OTHER` event's carries its PLOVER category ("OTHER/REQUEST")
    actors: frozenset[str]  # anchors: entity ids, or "country:XX" for a country or its demonym
    targets: frozenset[str]
    place: str | None = None  # anchor of a specific (not country-wide) place
    point: tuple[float, float] | None = None
    country: str | None = None  # anchor of the country the text places it in ("a coup in Kessa")
    setting: str | None = None  # the country it is in, also when only the article's country says so
    states: frozenset[str] = frozenset()  # country anchors of parties named as states ("Kessa", "Lima"), not by a demonym
    force: str | None = None  # "private" when a party is a private armed force (by its own words or its name)
    size: float | None = None  # the count it reports ("1,000 contractors"), not a sum of money
    size_range: tuple[float, float] | None = None  # what the count allows ("at least 300": 300 to infinity)
    paid: Sum | None = None  # the sum it reports, in approximate US dollars

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def doc(self) -> str:
        return self.event.doc

    @property
    def status(self) -> str:
        return self.event.status

    @property
    def date(self) -> str | None:
        return self.event.date

    @property
    def claims(self) -> tuple[str, ...]:
        return self.event.claims

    @property
    def quantity(self) -> str | None:
        return self.event.quantity

    @property
    def denies(self) -> str | None:
        return self.event.denies

    @property
    def background(self) -> bool:
        return self.event.background

    @property
    def level(self) -> tuple[float, str, str] | None:
        return self.event.level

    @property
    def kind_words(self) -> frozenset[str]:
        return frozenset(self.event.kind_words)

    @property
    def another(self) -> bool:
        return self.event.another


def has_flag(taxonomy: Taxonomy, event_type: str, flag: str) -> bool:
    """Whether the taxonomy gives a compared type a property ("violent", "national", ...); an
    `OTHER/<PLOVER>` type has none."""
    return event_type in taxonomy and taxonomy[event_type].has(flag)


# (place anchor, point, country the text places it in, country it is in) of a location
_Located = tuple[str | None, tuple[float, float] | None, str | None, str | None]


def anchored_events(events: Iterable[StoredEvent], anchors: Anchors, places: Mapping[str, StoredPlace | None], *,
                    taxonomy: Taxonomy) -> Iterator[AnchoredEvent]:
    """Events as fact grouping compares them; `places` gives each entity's place. An `OTHER`
    event's type carries its PLOVER category: a request and a threat are not one fact."""
    national = taxonomy.with_flag("national")
    located: dict[tuple[str, bool], _Located] = {}
    for event in events:
        place, point, country, setting = None, None, None, None
        if event.location:
            # The country an event is in counts when the text says it, or for a coup (national).
            told = event.location_basis in ("clause", "sentence") or event.type in national
            if (event.location, told) not in located:
                located[(event.location, told)] = _located(event.location, places.get(event.location), told, anchors)
            place, point, country, setting = located[(event.location, told)]
        yield AnchoredEvent(
            event=event, type=event.type if event.type != "OTHER" else f"OTHER/{event.plover}",
            actors=anchors.anchors(event.actors, acting=True), targets=anchors.anchors(event.targets),
            place=place, point=point, country=country, setting=setting,
            states=frozenset(a for a in anchors.anchors(event.states, acting=True) if a.startswith("country:")),
            force=event.force or ("private" if any(a in anchors.private_forces for a in event.actors) else None),
        )


def _located(entity_id: str, place: StoredPlace | None, told: bool, anchors: Anchors) -> _Located:
    specific = place is not None and place.kind != "country" and place.kind not in AREA_KINDS
    setting = f"country:{place.country}" if place is not None and place.country else None
    country = setting if told else None  # a coup in Lima is a coup in Peru
    point = (place.lat, place.lon) if specific and place is not None and place.lat is not None and place.lon is not None else None
    return (anchors.anchor(entity_id) if specific else None, point, country, setting)


def sized(event: AnchoredEvent, quantity: StoredQuantity | None, rates: dict[str, float]) -> AnchoredEvent:
    """The event with the count or the sum its quantity gives (a share is neither)."""
    if quantity is None or quantity.unit == "%":
        return event
    if quantity.unit.split("/")[0].isupper():  # a currency, known or not
        return replace(event, paid=stated_sum(quantity.value, quantity.value_max, quantity.unit, rates))
    return replace(event, size=quantity.value, size_range=interval(quantity))
