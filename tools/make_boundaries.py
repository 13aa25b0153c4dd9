"""Regenerate plugins/conflict_timeline/data/boundaries.json: country outlines for the offline SVG map.

Source: Natural Earth 1:50m admin-0 countries (public domain), as TopoJSON in npm's `world-atlas` 2.0.2.
Run once by hand, never at build time:

    d=$(mktemp -d) && (cd "$d" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
    .venv/bin/python tools/make_boundaries.py "$d/package/countries-50m.json"

The rings are decoded from TopoJSON arcs, clipped to the region's box and rounded to 0.01 degree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from conflict_timeline.svgmap import clip_ring  # noqa: E402  (the map clips with the same function)

BBOX = (33.5, 28.5, 49.5, 38.5)  # west, south, east, north: Syria, Iraq and their neighbours
OUT = Path(__file__).resolve().parent.parent / "plugins" / "conflict_timeline" / "data" / "boundaries.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(geometry["type"], [])
        rings = []
        for polygon in polygons:
            for indexes in polygon[:1]:  # outer rings only: lakes and holes do not matter at this scale
                points = clip_ring(ring(indexes, arcs), BBOX)
                rounded = [[round(x, 2), round(y, 2)] for x, y in points]
                rounded = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
                if len(rounded) >= 4:
                    rings.append(rounded)
        if rings:
            countries.append({"id": geometry.get("id"), "name": geometry["properties"]["name"], "rings": rings})
    data = {"source": "Natural Earth 1:50m admin-0 countries via world-atlas 2.0.2", "license": "public domain (Natural Earth)",
            "bbox": list(BBOX), "countries": sorted(countries, key=lambda c: c["name"])}
    OUT.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
