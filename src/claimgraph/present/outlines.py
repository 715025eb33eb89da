"""Country outlines for the map, from the `countryinfo` package (no tile server, no CDN).

Internal: the web app's own module.
"""

from __future__ import annotations

import json

from countryinfo import all_countries


def world_outlines() -> bytes:
    """One GeoJSON FeatureCollection of every country outline, coordinates rounded to 0.01°
    (the app makes it once and keeps it, see `create_app`)."""
    features = []
    for country in all_countries():
        info = country.info()
        for feature in (info.get("geoJSON") or {}).get("features", []):
            geometry = feature.get("geometry")
            if geometry:
                features.append({"type": "Feature", "properties": {"name": info.get("name")},
                                 "geometry": {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])}})
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")).encode()


def _rounded(value: object) -> object:
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return round(value, 2) if isinstance(value, float) else value
