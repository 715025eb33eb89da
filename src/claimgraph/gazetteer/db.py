"""The gazetteer: an indexed SQLite file of places and every name they go by.

It is built once from packaged GeoNames data (``claimgraph gazetteer build``, about half a
minute) and can take in a full GeoNames dump a user brings (``claimgraph gazetteer load``).
Lookups go by name key (gazetteer/names.py); fuzzy lookups are limited to the names of
a few countries at a time, the ones a document is about.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import ClaimgraphError
from claimgraph.gazetteer.geonames_points import read_geonames_extract
from claimgraph.gazetteer.names import place_key
from claimgraph.gazetteer.sources import (
    DumpProblem,
    PlaceRow,
    continents,
    countries,
    descriptive_words,
    first_level_divisions,
    geonames_dump,
    load_feature_kinds,
    packaged_cities,
    regions,
    us_counties,
    us_states,
    us_zip_points,
)
from claimgraph.progress import SILENT, Progress

# Bump when the schema or the packaged sources change: the default file name carries it, so an
# old cached gazetteer is never read by a newer claimgraph.
SCHEMA_VERSION = "10"

# Kinds of place that are a wide area, neither a country nor a settlement: named as a place,
# they say little about where exactly ("in the Sahel"), and they are LOC, not GPE.
AREA_KINDS = frozenset({"continent", "region", "area"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id TEXT PRIMARY KEY,          -- geonames:<id>, or claimgraph:region/<name> for our own regions
    name TEXT NOT NULL,
    lat REAL,
    lon REAL,
    country TEXT,                 -- ISO 3166-1 alpha-2; NULL for regions spanning countries
    kind TEXT NOT NULL,           -- country, continent, region, area, district, city, town, village, airport...
    population INTEGER NOT NULL DEFAULT 0,
    admin1 TEXT,
    source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL,
    place_id TEXT NOT NULL,
    is_primary INTEGER NOT NULL,  -- an official or English name, not a translation or variant
    PRIMARY KEY (key, place_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS places_country ON places(country);
CREATE INDEX IF NOT EXISTS names_place ON names(place_id);  -- a country's names, for fuzzy matching
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class GazetteerMissing(ClaimgraphError):
    """No gazetteer file where one was expected."""


@dataclass(frozen=True)
class GazetteerPlace:
    id: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    kind: str
    population: int
    admin1: str | None


@dataclass(frozen=True)
class NamedPlace:
    """A place found under a name, and whether that name is one of its primary names."""

    place: GazetteerPlace
    primary: bool


@dataclass(frozen=True)
class LoadReport:
    places: int
    names: int
    problems: tuple[DumpProblem, ...]


GREAT_CAPITAL_POPULATION = 1_000_000  # a capital this large is known by its name alone; smaller ones share names with people


def great_capital(found: Iterable[NamedPlace]) -> GazetteerPlace | None:
    """The one national capital of a million people or more among a name's places ("Peking":
    Beijing), which news names alone for the city and for the government seated there."""
    found = list(found)
    capitals = {n.place.id: n for n in found if n.place.kind == "capital" and n.place.population >= GREAT_CAPITAL_POPULATION}
    if len(capitals) != 1:
        return None
    (capital,) = capitals.values()
    # a name the capital has only among others ("Victoria" for Hong Kong) but another place
    # has as its own name (the Australian state) is that place's
    if not capital.primary and any(n.primary and n.place.id != capital.place.id for n in found):
        return None
    return capital.place


def default_gazetteer_path() -> Path:
    """$CLAIMGRAPH_GAZETTEER, else gazetteer-v<schema>.sqlite in the user's cache folder."""
    if explicit := os.environ.get("CLAIMGRAPH_GAZETTEER"):
        return Path(explicit)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "claimgraph" / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def open_gazetteer(path: Path | None = None, *, on_build: Callable[[str], None] = lambda _: None,
                   steps: Progress = SILENT) -> Gazetteer:
    """The gazetteer at ``path`` (default: ``default_gazetteer_path()``), built there first if
    missing (`steps` shows the building's progress)."""
    path = Path(path) if path is not None else default_gazetteer_path()
    if not path.exists():
        on_build(f"building the gazetteer at {path} (once; about 25 seconds)")
        build_gazetteer(path, steps=steps)
    return Gazetteer(path)


def build_gazetteer(path: Path, *, progress: Callable[[str], None] = lambda _: None, steps: Progress = SILENT) -> LoadReport:
    """Write the default gazetteer to ``path`` (replacing it only once complete). `progress`
    hears notices; `steps` the places read and written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Each builder writes a partial file of its own: builds started together on a new
    # machine (parallel jobs, a test run beside a build) each finish a whole gazetteer, and
    # the atomic rename lets the last one stand, instead of all writing one file at once.
    handle, name = tempfile.mkstemp(prefix=path.name + ".", suffix=".partial", dir=path.parent)
    os.close(handle)
    partial = Path(name)
    kinds = load_feature_kinds()
    connection = sqlite3.connect(partial)
    try:
        connection.executescript(_SCHEMA)
        city_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        admin_population: dict[tuple[str, str], int] = defaultdict(int)
        cities = []
        steps.start("gazetteer: reading places")
        for row in packaged_cities(kinds):
            if row.lat is not None and row.lon is not None:
                city_points[row.country or ""].append((row.lat, row.lon))
            admin_population[(row.country or "", row.admin1 or "")] += row.population
            cities.append(row)
        progress(f"{len(cities):,} populated places")
        geonames = read_geonames_extract(descriptive_words())
        country_rows = {row.country: row for row in countries(city_points, geonames.points) if row.country}
        zip_points = us_zip_points()
        rows = [*country_rows.values(), *continents(), *regions(country_rows), *us_states(zip_points, admin_population, geonames.points),
                *first_level_divisions(), *geonames.regions, *us_counties(zip_points), *cities]
        steps.finish("gazetteer: reading places")
        steps.start("gazetteer: writing places", total=len(rows), unit="place")
        places, names = _insert(connection, rows, source="packaged", steps=steps)
        steps.finish("gazetteer: writing places")
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        connection.commit()
    except BaseException:
        connection.close()
        partial.unlink(missing_ok=True)
        raise
    connection.close()
    os.replace(partial, path)
    return LoadReport(places, names, ())


def load_geonames_file(path: Path, dump: Path) -> LoadReport:
    """Add (or update) the places of a GeoNames dump in the gazetteer at ``path``."""
    if not path.exists():
        raise GazetteerMissing(f"{path}: no gazetteer here; run `claimgraph gazetteer build` first")
    problems: list[DumpProblem] = []
    connection = sqlite3.connect(path)
    try:
        places, names = _insert(connection, geonames_dump(dump, load_feature_kinds(), problems), source=dump.name)
        connection.commit()
    finally:
        connection.close()
    return LoadReport(places, names, tuple(problems))


def _insert(connection: sqlite3.Connection, rows: Iterable[PlaceRow], *, source: str, steps: Progress = SILENT) -> tuple[int, int]:
    """Insert rows in batches (a GeoNames dump is streamed); returns (places, names)."""
    places = names = 0
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, 5000)):  # itertools.batched needs 3.12
        names += _insert_batch(connection, batch, source)
        places += len(batch)
        steps.advance("gazetteer: writing places", len(batch))
    return places, names


def _insert_batch(connection: sqlite3.Connection, rows: list[PlaceRow], source: str) -> int:
    connection.executemany(
        "INSERT OR REPLACE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(r.id, r.name, r.lat, r.lon, r.country, r.kind, r.population, r.admin1, source) for r in rows],
    )
    name_rows = []
    for row in rows:
        primary = {place_key(n) for n in row.primary_names} - {""}
        others = {place_key(n) for n in row.other_names} - primary - {""}
        name_rows += [(key, row.id, 1) for key in primary] + [(key, row.id, 0) for key in others]
    connection.executemany(
        "INSERT INTO names VALUES (?, ?, ?) ON CONFLICT (key, place_id) DO UPDATE SET is_primary = max(is_primary, excluded.is_primary)",
        name_rows,
    )
    return len(name_rows)


_PLACE_COLUMNS = "p.id, p.name, p.lat, p.lon, p.country, p.kind, p.population, p.admin1"


class Gazetteer:
    """Read-only lookups in a gazetteer file."""

    def __init__(self, path: Path) -> None:
        if not Path(path).exists():
            raise GazetteerMissing(f"{path}: no gazetteer here; run `claimgraph gazetteer build`")
        self.path = Path(path)
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._by_key: dict[str, tuple[NamedPlace, ...]] = {}
        self._country_names: dict[str, tuple[tuple[str, GazetteerPlace], ...]] = {}
        self._country_keys: dict[str, tuple[str, ...]] = {}
        self._country_index: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._divisions: dict[tuple[str, str], str | None] = {}

    def close(self) -> None:
        self._db.close()

    def places_named(self, name: str) -> tuple[NamedPlace, ...]:
        key = place_key(name)
        if key not in self._by_key:
            rows = self._db.execute(
                f"SELECT {_PLACE_COLUMNS}, n.is_primary FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ?",
                (key,),
            ).fetchall()
            self._by_key[key] = tuple(NamedPlace(GazetteerPlace(*row[:8]), bool(row[8])) for row in rows)
        return self._by_key[key]

    def place(self, place_id: str) -> GazetteerPlace | None:
        row = self._db.execute(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.id = ?", (place_id,)).fetchone()
        return GazetteerPlace(*row) if row else None

    def country(self, code: str) -> GazetteerPlace | None:
        row = self._db.execute(
            f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.country = ? AND p.kind = 'country'", (code,)
        ).fetchone()
        return GazetteerPlace(*row) if row else None

    def division_name(self, country: str, admin1: str) -> str | None:
        """The name of the first-level division whose GeoNames admin1 code is `admin1`. A US
        state carries the code itself; elsewhere the packaged divisions carry none, so it is
        the division named like one of the biggest places with the code (a region is mostly
        named after its chief town), else the one whose point is nearest their middle."""
        if (country, admin1) not in self._divisions:
            self._divisions[(country, admin1)] = self._division_name(country, admin1)
        return self._divisions[(country, admin1)]

    def _division_name(self, country: str, admin1: str) -> str | None:
        row = self._db.execute("SELECT name FROM places WHERE country = ? AND admin1 = ? AND kind = 'region'", (country, admin1)).fetchone()
        if row is not None:
            return str(row[0])
        divisions = self._db.execute("SELECT name, lat, lon FROM places WHERE country = ? AND kind = 'region' AND id LIKE 'countrystatecity:%'",
                                     (country,)).fetchall()
        towns = self._db.execute("SELECT name, lat, lon FROM places WHERE country = ? AND admin1 = ? AND lat IS NOT NULL "
                                 "ORDER BY population DESC LIMIT 50", (country, admin1)).fetchall()
        if not divisions or not towns:
            return None
        by_key = {place_key(name): name for name, _, _ in divisions}
        for name, _, _ in towns[:3]:
            if place_key(name) in by_key:
                return str(by_key[place_key(name)])
        lat, lon = sum(t[1] for t in towns) / len(towns), sum(t[2] for t in towns) / len(towns)
        return str(min(divisions, key=lambda d: (d[1] - lat) ** 2 + (d[2] - lon) ** 2)[0])

    def names_in_country(self, code: str) -> tuple[tuple[str, GazetteerPlace], ...]:
        """Every (name key, place) of one country: the search space of fuzzy matching."""
        if code not in self._country_names:
            rows = self._db.execute(
                # CROSS JOIN keeps the country's places first: scanning every name is 100 times slower.
                f"SELECT n.key, {_PLACE_COLUMNS} FROM places p CROSS JOIN names n ON n.place_id = p.id WHERE p.country = ?",
                (code,),
            ).fetchall()
            self._country_names[code] = tuple((row[0], GazetteerPlace(*row[1:])) for row in rows)
        return self._country_names[code]

    def name_index_of_country(self, code: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The name keys of one country's places and, in the same order, their place ids: what
        fuzzy matching searches, read without building a record per name (in the order of
        ``names_in_country``)."""
        if code not in self._country_index:
            rows = self._db.execute(  # the statement of names_in_country, so that the rows come in its order
                f"SELECT n.key, {_PLACE_COLUMNS} FROM places p CROSS JOIN names n ON n.place_id = p.id WHERE p.country = ?",
                (code,),
            ).fetchall()
            self._country_index[code] = (tuple(row[0] for row in rows), tuple(row[1] for row in rows))
        return self._country_index[code]

    def name_keys_in_country(self, code: str) -> tuple[str, ...]:
        """The keys of ``names_in_country(code)``, in the same order."""
        if code not in self._country_keys:
            self._country_keys[code] = tuple(key for key, _ in self.names_in_country(code))
        return self._country_keys[code]

    def describe(self) -> dict[str, object]:
        kinds = dict(self._db.execute("SELECT kind, count(*) FROM places GROUP BY kind ORDER BY 2 DESC").fetchall())
        sources = dict(self._db.execute("SELECT source, count(*) FROM places GROUP BY source").fetchall())
        names = self._db.execute("SELECT count(*) FROM names").fetchone()[0]
        return {"path": str(self.path), "bytes": self.path.stat().st_size, "places": sum(kinds.values()),
                "names": names, "kinds": kinds, "sources": sources}
