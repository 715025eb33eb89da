"""The event taxonomy (data/event_types.json): every event type with its PLOVER category,
its ACLED event and sub-event type, its roles and magnitude slots, and the properties the
stages read ("violent", "located", ...). Every module asks it; none keeps its own set.

Load once per run with `load_taxonomy()` and pass it down (or call it where a run starts:
it is read from package data, never at import time).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

_FLAGS = ("violent", "located", "national", "needs_party", "party_defined", "movement", "departure", "destination", "on_the_ground", "of_forces", "spoken")


@dataclass(frozen=True)
class EventType:
    """One type of the taxonomy."""

    name: str
    label: str  # how a sentence names it: "mass killing"
    plover: str | None  # default PLOVER category (a trigger or the classifier may refine it)
    mode: str | None
    acled: tuple[str, str] | None  # (event_type, sub_event_type); None for statements
    acled_by_mode: dict[str, tuple[str, str]] = field(default_factory=dict)
    roles: tuple[str, ...] = ("actor", "target", "location")
    magnitude: tuple[str, ...] = ()  # slots a figure can fill: killed, injured, missing, displaced, arrested, size, sum
    flags: frozenset[str] = frozenset()

    def has(self, flag: str) -> bool:
        """Whether the type has a property of the taxonomy ("violent", "located", ...)."""
        if flag not in _FLAGS:
            raise KeyError(f"no such event-type property: {flag!r} (known: {', '.join(_FLAGS)})")
        return flag in self.flags

    def acled_types(self, mode: str | None) -> tuple[str, str] | None:
        """ACLED's (event_type, sub_event_type) for an event of this type and PLOVER mode."""
        if mode is not None and mode in self.acled_by_mode:
            return self.acled_by_mode[mode]
        return self.acled


@dataclass(frozen=True)
class Taxonomy:
    types: dict[str, EventType]
    magnitude_slots: dict[str, str]  # slot -> what it counts
    plover_types: dict[str, str] = field(default_factory=dict)  # PLOVER category -> the type of an event known by it alone

    def type_for_category(self, plover: str) -> str:
        """The type of an event the detector found by its PLOVER category ("ASSAULT": ATTACK);
        OTHER where no type stands for the category."""
        return self.plover_types.get(plover, "OTHER")

    def __getitem__(self, name: str) -> EventType:
        return self.types[name]

    def __contains__(self, name: object) -> bool:
        return name in self.types

    def __iter__(self) -> Iterator[EventType]:
        return iter(self.types.values())

    def names(self) -> tuple[str, ...]:
        return tuple(self.types)

    def with_flag(self, flag: str) -> frozenset[str]:
        """The names of the types that have a property: `with_flag("violent")`."""
        return frozenset(t.name for t in self if t.has(flag))

    def label(self, name: str, plover: str | None = None) -> str:
        """How a sentence names an event of this type: an `OTHER` event by its PLOVER category."""
        if name == "OTHER" and plover:
            return plover.lower()
        found = self.types.get(name)
        return found.label if found is not None else name.lower()


def load_taxonomy() -> Taxonomy:
    data = json.loads(resources.files("claimgraph").joinpath("data/event_types.json").read_text("utf-8"))
    return Taxonomy(
        types={name: _event_type(name, raw) for name, raw in data["types"].items()},
        magnitude_slots=dict(data["magnitude_slots"]),
        plover_types=dict(data.get("plover_types", {})),
    )


def _event_type(name: str, raw: dict[str, Any]) -> EventType:
    unknown = set(raw) - {"label", "plover", "mode", "acled", "acled_by_mode", "roles", "magnitude", *_FLAGS}
    if unknown:
        raise ValueError(f"event type {name}: unknown keys {sorted(unknown)}")
    acled = raw.get("acled")
    return EventType(
        name=name,
        label=raw["label"],
        plover=raw.get("plover"),
        mode=raw.get("mode"),
        acled=(acled[0], acled[1]) if acled else None,
        acled_by_mode={mode: (pair[0], pair[1]) for mode, pair in raw.get("acled_by_mode", {}).items()},
        roles=tuple(raw.get("roles", ("actor", "target", "location"))),
        magnitude=tuple(raw.get("magnitude", ())),
        flags=frozenset(flag for flag in _FLAGS if raw.get(flag)),
    )
