"""Casualty figures (ACLED's core number) from a report's headline and lead: a number with its kind, never a number
made up from "dozens"; events.csv's fatalities is the lowest confirmed figure. Texts written for this project."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from conflict_timeline.casualties import find_casualties, parse_casualties
from conflict_timeline.export import events_csv, events_geojson, timeline_json
from conflict_timeline.extract import extract
from conflict_timeline.models import Entry, Place, SiteEntry
from conflict_timeline.seeds import parse_text

from conftest import make_project


@pytest.mark.parametrize(
    ("text", "expected", "fatalities"),
    [("A truck bomb in central Baghdad killed 115 people and wounded nearly 200 others, officials said.",
      "killed 115; wounded about 200", 115),
     ("Air strikes killed at least 23 civilians in the town, a monitor said.", "killed at least 23", 23),
     ("More than 90 people were killed in the shelling, activists said.", "killed at least 90", 90),
     ("Four soldiers were killed and 11 more wounded in the ambush.", "killed 4; wounded 11", 4),
     ("The death toll rose to 44 on Thursday.", "killed 44", 44),
     ("Some 30 fighters died in the clashes.", "killed about 30", None),  # 'about' is no confirmed floor
     ("Dozens were killed and scores wounded in the blast.", None, None),  # never a number made up from 'dozens'
     ("Gunmen killed a 35-year-old teacher on March 4, police said.", None, None),
     ("A car bomb killed eight people 30 km north of the city.", "killed 8", 8),
     ("A suicide bomber killed 30 people injured 90 on Monday", "killed 30; wounded 90", 30)],  # lost its comma
)
def test_figures_and_their_kind(text, expected, fatalities):
    found = find_casualties(text)
    assert (str(found) if found else None) == expected
    assert (found.fatalities if found else None) == fatalities
    if found:
        assert parse_casualties(str(found)) == parse_casualties(expected)  # the entry's line reads back


def test_the_entry_carries_the_leads_figures(registries):
    seed = parse_text("Car bomb kills 20 in Azaz\n\nBEIRUT (AFP) - A car bomb killed at least 20 people and wounded 35 "
                      "in the town of Azaz on Sunday, March 12, 2017, a monitor said.\n", "azaz.txt")
    assert extract(seed, registries).entry.casualties == "killed at least 20; wounded 35"


def test_exports_carry_the_figures():
    azaz = Place("Azaz", 36.58662, 37.04628, "SY")
    entries = [SiteEntry(Entry(title=t, date=dt.date(2017, 3, d), places=("Azaz",), slug=f"e{d}", casualties=c),
                         f"entries/e{d}.html", (azaz,), (), "x")
               for t, d, c in (("Bomb", 12, "killed at least 20; wounded 35"), ("Clash", 13, "killed about 30"),
                               ("Protest", 14, None))]
    rows = list(csv.DictReader(io.StringIO(events_csv(entries, "https://example.org"))))
    assert [r["fatalities"] for r in rows] == ["20", "", ""]
    feature = json.loads(events_geojson(entries, "https://example.org"))["features"][0]["properties"]
    assert feature["casualties"] == {"killed": 20, "killed_kind": "at least", "wounded": 35, "wounded_kind": "exact",
                                     "fatalities": 20}
    events = json.loads(timeline_json(entries, "https://example.org", "T", "D"))["events"]
    assert events[1]["casualties"] == {"killed": 30, "killed_kind": "about", "fatalities": None}


def test_the_entry_page_shows_them(tmp_path, build_site):
    entries = {"timeline/2017/bomb.md": "Title: Bomb in Azaz\nDate: 2017-03-12\nPlaces: Azaz\n"
                                        "Casualties: killed at least 20; wounded 35\n\nText.\n"}
    page = (build_site(make_project(tmp_path, [], entries)) / "entries" / "bomb.html").read_text(encoding="utf-8")
    assert '<span class="casualties">killed at least 20, wounded 35</span>' in page
