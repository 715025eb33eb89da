"""The administrative divisions of geocoded places (ACLED's admin1, PLOVER's event_loc), read
from the gazetteer that geocoded them. A database does not keep its places' divisions, so an
export asks the gazetteer file; without one (or for a place it does not hold) the division
is unknown (None), never guessed."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Self

from claimgraph.gazetteer import Gazetteer, default_gazetteer_path
from claimgraph.store import StoredPlace

__all__ = ["AdminAreas"]


class AdminAreas:
    """First-level divisions of places, by gazetteer id; open it, ask, close it."""

    def __init__(self, gazetteer_path: Path | None = None) -> None:
        path = gazetteer_path or default_gazetteer_path()
        self._gazetteer = Gazetteer(path) if path.exists() else None
        self._known: dict[str, str | None] = {}

    def admin1(self, place: StoredPlace | None) -> str | None:
        """The first-level division a place lies in: the place itself when it is one (a
        province or state), none for a country or an area spanning divisions."""
        if place is None or self._gazetteer is None or not place.gazetteer_id or place.kind in ("country", "continent", "area"):
            return None
        if place.gazetteer_id not in self._known:
            found = self._gazetteer.place(place.gazetteer_id)
            name = None
            if found is not None and found.kind == "region" and found.country:
                name = found.name
            elif found is not None and found.country and found.admin1:
                name = self._gazetteer.division_name(found.country, found.admin1)
            self._known[place.gazetteer_id] = name
        return self._known[place.gazetteer_id]

    def close(self) -> None:
        if self._gazetteer is not None:
            self._gazetteer.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
