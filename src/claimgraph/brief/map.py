"""A small static map of the brief's places: an SVG drawn from country outlines (the
`countryinfo` package) and the places' points, in an equirectangular projection cropped to
the places (no tiles, no network: it prints and renders to PDF as it is)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from xml.sax.saxutils import escape

from claimgraph.brief.model import PlaceEntry

WIDTH, HEIGHT = 640, 360


def map_svg(places: Sequence[PlaceEntry]) -> str | None:
    """The SVG of the places (None when there is none)."""
    if not places:
        return None
    west, east, south, north = _extent(places)
    scale = min(WIDTH / (east - west), HEIGHT / (north - south))
    x = lambda lon: (lon - west) * scale
    y = lambda lat: (north - lat) * scale
    width, height = round((east - west) * scale), round((north - south) * scale)
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'role="img" aria-label="map of the places in the brief" class="brief-map">'),
             f'<rect width="{width}" height="{height}" fill="#eef3f7"/>']
    for ring in _rings(west, east, south, north):
        points = " ".join(f"{x(lon):.1f},{y(lat):.1f}" for lon, lat in ring)
        parts.append(f'<polygon points="{points}" fill="#fbfaf6" stroke="#b9b4a8" stroke-width="0.6"/>')
    for number, place in enumerate(places, 1):
        cx, cy = x(place.lon), y(place.lat)
        radius = 3 + min(place.claims, 30) ** 0.5
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}" fill="#b3261e" fill-opacity="0.75" stroke="#fff" stroke-width="1">'
                     f'<title>{number}. {escape(place.name)}</title></circle>')
        label = f'x="{cx + radius + 2:.1f}" y="{cy + 4:.1f}" font-family="sans-serif" font-size="11"'
        # a white halo drawn under the label (paint-order is not rendered everywhere: WeasyPrint)
        parts.append(f'<text {label} fill="#fff" stroke="#fff" stroke-width="3">{number}</text>')
        parts.append(f'<text {label} fill="#222">{number}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _extent(places: Sequence[PlaceEntry]) -> tuple[float, float, float, float]:
    """West, east, south, north: the places with a margin, at least 12° wide, in the map's shape."""
    lons, lats = [p.lon for p in places], [p.lat for p in places]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    span = max(east - west, (north - south) * WIDTH / HEIGHT, 12.0) * 1.2
    middle_lon, middle_lat = (west + east) / 2, (south + north) / 2
    half_lon, half_lat = span / 2, span * HEIGHT / WIDTH / 2
    return middle_lon - half_lon, middle_lon + half_lon, middle_lat - half_lat, middle_lat + half_lat


def _rings(west: float, east: float, south: float, north: float) -> Iterator[list[tuple[float, float]]]:
    """The outer rings of the country outlines that overlap the extent."""
    from countryinfo import all_countries  # type: ignore[import-untyped]

    for country in all_countries():
        for feature in (country.info().get("geoJSON") or {}).get("features", []):
            geometry = feature.get("geometry") or {}
            polygons = [geometry.get("coordinates", [])] if geometry.get("type") == "Polygon" else geometry.get("coordinates", [])
            for polygon in polygons:
                ring = [(float(p[0]), float(p[1])) for p in polygon[0]] if polygon else []
                if ring and _overlaps(ring, west, east, south, north):
                    yield ring


def _overlaps(ring: list[tuple[float, float]], west: float, east: float, south: float, north: float) -> bool:
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    return min(lons) <= east and max(lons) >= west and min(lats) <= north and max(lats) >= south
