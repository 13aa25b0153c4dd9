"""Maps as inline SVG, drawn at build time from Natural Earth outlines shipped in the package: no tile server,
no API key, no request to anyone. Markers are links with text titles; styling comes from the site's CSS classes
(``map``, ``land``, ``marker``) because the site runs under ``Content-Security-Policy: default-src 'self'``."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from xml.sax.saxutils import escape, quoteattr

from .entries import slugify
from .models import Place

BBox = tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True)
class Marker:
    place: Place
    href: str | None = None
    count: int = 1

    @property
    def label(self) -> str:
        return f"{self.place.name}: {self.count} entries" if self.count > 1 else self.place.name


@functools.lru_cache(maxsize=1)
def load_boundaries() -> dict:
    with (resources.files(__package__) / "data" / "boundaries.json").open("r", encoding="utf-8") as handle:
        return json.load(handle)


class _Projection:
    """Equirectangular, with longitudes shrunk by cos(mid-latitude) so shapes keep their proportions."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Projection) and self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)

    def __init__(self, bbox: BBox, width: int):
        self._key = (tuple(bbox), width)
        self.west, self.south, self.east, self.north = bbox
        self.kx = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = width / ((self.east - self.west) * self.kx)
        self.width = width
        self.height = round((self.north - self.south) * self.scale)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale

    def contains(self, place: Place) -> bool:
        return self.west <= place.lon <= self.east and self.south <= place.lat <= self.north


def clip_ring(points: Sequence[Sequence[float]], bbox: BBox) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the part of a closed ring of (lon, lat) points inside ``bbox``."""
    west, south, east, north = bbox
    ring = [(float(x), float(y)) for x, y in points]
    for axis, limit, sign in ((0, west, 1.0), (0, east, -1.0), (1, south, 1.0), (1, north, -1.0)):
        clipped: list[tuple[float, float]] = []
        previous = ring[-1] if ring else None
        for current in ring:
            now_in = (current[axis] - limit) * sign >= 0
            was_in = (previous[axis] - limit) * sign >= 0  # type: ignore[index]
            if now_in != was_in:
                t = (limit - previous[axis]) / (current[axis] - previous[axis])  # type: ignore[index]
                clipped.append((previous[0] + t * (current[0] - previous[0]), previous[1] + t * (current[1] - previous[1])))  # type: ignore[index]
            if now_in:
                clipped.append(current)
            previous = current
        ring = clipped
        if not ring:
            break
    return ring


@functools.lru_cache(maxsize=1)
def _rings() -> tuple[tuple[str, tuple[tuple[BBox, tuple[tuple[float, float], ...]], ...]], ...]:
    """Each country's rings with their bounding boxes, so a map clips only the rings that cross its edge."""
    return tuple(
        (country["name"], tuple(((min(x for x, _ in r), min(y for _, y in r), max(x for x, _ in r), max(y for _, y in r)),
                                 tuple((x, y) for x, y in r)) for r in country["rings"]))
        for country in load_boundaries()["countries"])


def _points(projection: _Projection, ring) -> list[str]:
    """Path points; on small maps whole pixels are enough (a third smaller), consecutive repeats dropped."""
    digits = 0 if projection.width <= 400 else 1
    points, last = [], None
    for lon, lat in ring:
        x, y = projection(lon, lat)
        point = f"{x:.{digits}f} {y:.{digits}f}"
        if point != last:
            points.append(point)
        last = point
    return points


@functools.lru_cache(maxsize=2048)
def _land(projection: _Projection) -> str:
    box = (projection.west, projection.south, projection.east, projection.north)
    paths = []
    for name, rings in _rings():
        kept = []
        for (w, s, e, n), ring in rings:
            if e < box[0] or w > box[2] or n < box[1] or s > box[3]:
                continue  # wholly outside
            inside = w >= box[0] and e <= box[2] and s >= box[1] and n <= box[3]
            clipped = ring if inside else clip_ring(ring, box)
            if len(clipped) >= 3:
                kept.append(clipped)
        if kept:
            d = "".join("M" + "L".join(_points(projection, ring)) + "Z" for ring in kept)
            paths.append(f'<path class="land" d="{d}"><title>{escape(name)}</title></path>')
    return "".join(paths)


def _svg(projection: _Projection, title: str, describe: str, id_prefix: str, body: str, linked: bool) -> str:
    """A map with links is a labelled group (its links stay reachable); one without is a single image."""
    ids = f"{id_prefix}-{slugify(title, 40)}"
    role = "group" if linked else "img"
    return (f'<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {projection.width} {projection.height}" '
            f'role="{role}" aria-labelledby="{ids}-t {ids}-d"><title id="{ids}-t">{escape(title)}</title>'
            f'<desc id="{ids}-d">{escape(describe or title)}</desc>'
            f'<rect class="sea" width="{projection.width}" height="{projection.height}"/>{body}</svg>')


def _radius(count: int) -> float:
    return round(min(14.0, max(3.0, 3 * math.sqrt(count))), 1)


def region_map(markers: Sequence[Marker], *, title: str, width: int = 800, bbox: BBox | None = None,
               describe: str = "", id_prefix: str = "map") -> str:
    """The whole region with one linked marker per place, larger for more entries; big ones draw first."""
    projection = _Projection(bbox or tuple(load_boundaries()["bbox"]), width)  # type: ignore[arg-type]
    parts = []
    for marker in sorted(markers, key=lambda m: (-m.count, m.place.name)):
        if not projection.contains(marker.place):
            continue
        x, y = projection(marker.place.lon, marker.place.lat)
        circle = (f'<circle class="marker" cx="{x:.1f}" cy="{y:.1f}" r="{_radius(marker.count)}">'
                  f'<title>{escape(marker.label)}</title></circle>')
        if marker.href:
            parts.append(f'<a href={quoteattr(marker.href)} data-place={quoteattr(marker.place.name)}>{circle}</a>')
        else:
            parts.append(f'<g data-place={quoteattr(marker.place.name)}>{circle}</g>')
    linked = any(m.href for m in markers)
    return _svg(projection, title, describe, id_prefix, _land(projection) + "".join(parts), linked)


def entry_map(places: Sequence[Place], *, title: str, width: int = 320, id_prefix: str = "entry-map") -> str:
    """A small map around an entry's places (at least 4 x 3 degrees), markers without links."""
    return _entry_map(tuple(places), title, width, id_prefix)


@functools.lru_cache(maxsize=4096)
def _entry_map(places: tuple[Place, ...], title: str, width: int, id_prefix: str) -> str:
    west, south, east, north = load_boundaries()["bbox"]
    lons, lats = [p.lon for p in places], [p.lat for p in places]
    cx, cy = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    half_w = max(2.0, (max(lons) - min(lons)) / 2 + 1.5)
    half_h = max(1.5, (max(lats) - min(lats)) / 2 + 1.5)
    # Frames snap to a half-degree grid, so entries near each other share one drawing of the outlines.
    snap = lambda v, up: (math.ceil(v * 2) if up else math.floor(v * 2)) / 2  # noqa: E731
    box = (max(west, snap(cx - half_w, False)), max(south, snap(cy - half_h, False)),
           min(east, snap(cx + half_w, True)), min(north, snap(cy + half_h, True)))
    describe = "Located: " + ", ".join(p.name for p in places)
    return region_map([Marker(p) for p in places], title=title, width=width, bbox=box, describe=describe,
                      id_prefix=id_prefix)


def within_outlines(place: Place) -> bool:
    """Whether the shipped outlines cover the place (they cover the region of the Syrian and Iraqi wars)."""
    west, south, east, north = load_boundaries()["bbox"]
    return west <= place.lon <= east and south <= place.lat <= north


class LazyMap:
    """An entry's small map, drawn only if a page that shows it is rendered (warm rebuilds skip most pages). Places
    beyond the shipped outlines are left off; an entry with none inside them has no map rather than a broken one."""

    def __init__(self, places: Sequence[Place]):
        self.places = tuple(p for p in places if within_outlines(p))

    def __bool__(self) -> bool:
        return bool(self.places)

    def __str__(self) -> str:
        names = ", ".join(p.name for p in self.places)
        return entry_map(self.places, title=f"Where: {names}") if self.places else ""

    __html__ = __str__
