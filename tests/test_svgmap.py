"""Offline SVG maps: well-formed, accessible, linked, projected the right way round, no inline styles."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from conflict_timeline.models import Place
from conflict_timeline.svgmap import Marker, clip_ring, entry_map, load_boundaries, region_map

NS = {"svg": "http://www.w3.org/2000/svg"}
ALEPPO = Place("Aleppo", 36.20124, 37.16117, "SY")
RAQQA = Place("Raqqa", 35.95283, 39.00788, "SY")
ROME = Place("Rome", 41.9, 12.5, "IT")


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_region_map_is_accessible_and_linked():
    svg = region_map([Marker(RAQQA, "places/raqqa/", 12), Marker(ALEPPO, "places/aleppo/", 1), Marker(ROME, "x", 3)],
                     title="Places with entries")
    root = parse(svg)
    assert root.get("role") == "group"  # it holds links, so it cannot be a single image
    for ref in root.get("aria-labelledby").split():
        assert root.find(f".//*[@id='{ref}']") is not None
    links = root.findall("svg:a", NS)
    assert [a.get("href") for a in links] == ["places/raqqa/", "places/aleppo/"]  # biggest first; Rome is outside
    assert [a.find("svg:circle/svg:title", NS).text for a in links] == ["Raqqa: 12 entries", "Aleppo"]
    raqqa, aleppo = (a.find("svg:circle", NS) for a in links)
    assert float(raqqa.get("cx")) > float(aleppo.get("cx"))  # east is right
    assert float(raqqa.get("cy")) > float(aleppo.get("cy"))  # south is down
    assert float(raqqa.get("r")) > float(aleppo.get("r"))


def test_no_inline_styles_and_deterministic():
    svg = region_map([Marker(RAQQA, "a", 2)], title="t")
    assert "style" not in svg
    assert svg == region_map([Marker(RAQQA, "a", 2)], title="t")


def test_entry_map_frames_its_place():
    root = parse(entry_map([RAQQA], title="Where: Raqqa"))
    _, _, width, height = map(float, root.get("viewBox").split())
    circle = root.find(".//svg:circle", NS)
    assert 0 < float(circle.get("cx")) < width and 0 < float(circle.get("cy")) < height
    assert root.find("svg:a", NS) is None and root.get("role") == "img"  # no links on an entry's own map
    assert len(entry_map([RAQQA], title="x")) < 5000


def test_boundaries_ship_syria_and_iraq():
    ids = {c["id"] for c in load_boundaries()["countries"]}
    assert {"760", "368"} <= ids


def test_clip_ring_keeps_the_inside():
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    clipped = clip_ring(square, (5, 5, 20, 20))
    assert {(round(x), round(y)) for x, y in clipped} == {(5, 5), (10, 5), (10, 10), (5, 10)}
    assert clip_ring(square, (20, 20, 30, 30)) == []


def test_text_is_escaped():
    svg = region_map([Marker(Place("<b>&", 36, 38, "SY"), "a?b=1&c=2")], title="<script>")
    assert "<script>" not in svg and "&lt;b&gt;&amp;" in svg and 'href="a?b=1&amp;c=2"' in svg
    assert re.search(r"<title id=\"[^\"]+\">&lt;script&gt;</title>", svg)


def test_places_beyond_the_outlines_get_no_broken_map():
    """A Yemen entry on a site whose outlines cover Syria and Iraq: no map rather than one with a negative height."""
    from conflict_timeline.svgmap import LazyMap, within_outlines

    aden = Place("Aden", 12.78, 45.04, "YE")
    raqqa = Place("Raqqa", 35.95, 39.01, "SY")
    assert not within_outlines(aden) and within_outlines(raqqa)
    assert str(LazyMap([aden])) == "" and not LazyMap([aden])
    both = str(LazyMap([aden, raqqa]))
    assert "Raqqa" in both and "Aden" not in both and 'viewBox="0 0 320 -' not in both
