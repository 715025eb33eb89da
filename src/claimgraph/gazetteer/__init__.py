"""An offline gazetteer: GeoNames places and their names in an indexed SQLite file."""

from claimgraph.gazetteer.db import (
    AREA_KINDS,
    Gazetteer,
    GazetteerMissing,
    GazetteerPlace,
    LoadReport,
    NamedPlace,
    build_gazetteer,
    default_gazetteer_path,
    great_capital,
    load_geonames_file,
    open_gazetteer,
)
from claimgraph.gazetteer.names import place_key

__all__ = [
    "AREA_KINDS",
    "Gazetteer",
    "GazetteerMissing",
    "GazetteerPlace",
    "LoadReport",
    "NamedPlace",
    "build_gazetteer",
    "default_gazetteer_path",
    "great_capital",
    "load_geonames_file",
    "open_gazetteer",
    "place_key",
]
