"""Exports read back by real parsers: json (TimelineJS shape), geojson, csv, icalendar; feeds by feedparser."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import feedparser
import geojson
import icalendar
import pytest

from conflict_timeline.export import CSV_COLUMNS, events_csv, events_geojson, events_ics, timeline_json
from conflict_timeline.models import Entry, Faction, Place, SiteEntry, Source

from conftest import ROOT, make_project, run_pelican

RAQQA = Place("Raqqa", 35.95283, 39.00788, "SY", "city", 172955)
ALEPPO_GOV = Place("Aleppo Governorate", 36.2, 37.5, "SY", "province")
HALAB = Place("Ḥalab", 36.20124, 37.16117, "SY")
IS = Faction("Islamic State", colour="#2b2b2b")
SDF = Faction("Syrian Democratic Forces", colour="#d13c05")
SITE = "https://example.org/timeline"


def site_entry(slug, title, date, precision="day", places=(), factions=(), status="published", text="Summary."):
    entry = Entry(title=title, date=date, precision=precision, places=tuple(p.name for p in places),
                  factions=tuple(f.name for f in factions), event_type="Battles", status=status, slug=slug,
                  sources=(Source("Agence France-Presse"), Source("Reuters", "https://example.com/r")))
    return SiteEntry(entry, f"entries/{slug}.html", tuple(places), tuple(factions), text)


ENTRIES = [
    site_entry("2017-10-17-sdf-take-raqqa", "SDF take Raqqa", dt.date(2017, 10, 17), places=(RAQQA,), factions=(SDF, IS)),
    site_entry("2017-06-sdf-enter-raqqa", "SDF enter Raqqa", dt.date(2017, 6, 1), "month", (RAQQA, ALEPPO_GOV), (SDF,)),
    site_entry("2014-is-takes-raqqa", "IS takes Raqqa", dt.date(2014, 1, 1), "year", (RAQQA,), (IS,)),
    site_entry("2016-12-22-x", "<script>alert(1)</script>, Aleppo; \"quoted\"\nline", dt.date(2016, 12, 22), places=(HALAB,),
               text="=HYPERLINK(\"http://evil\") and, commas; semicolons"),
    site_entry("2015-01-01-no-place", "No place known", dt.date(2015, 1, 1)),
    site_entry("2017-10-14-draft", "A draft", dt.date(2017, 10, 14), status="draft", places=(RAQQA,)),
]
PUBLISHED = 5


def test_timeline_json_shape_and_escaping():
    data = json.loads(timeline_json(ENTRIES, SITE, "Timeline", "About it"))
    events = data["events"]
    assert len(events) == PUBLISHED and data["title"]["text"]["headline"] == "Timeline"
    assert [e["unique_id"] for e in events][0] == "2014-is-takes-raqqa"
    assert len({e["unique_id"] for e in events}) == PUBLISHED
    by_id = {e["unique_id"]: e for e in events}
    assert by_id["2014-is-takes-raqqa"]["start_date"] == {"year": 2014, "display_date": "2014"}
    assert by_id["2017-06-sdf-enter-raqqa"]["start_date"] == {"year": 2017, "month": 6, "display_date": "June 2017"}
    assert by_id["2017-10-17-sdf-take-raqqa"]["start_date"]["day"] == 17
    assert "<script>" not in json.dumps(data) and "&lt;script&gt;" in by_id["2016-12-22-x"]["text"]["headline"]
    assert f"{SITE}/entries/2017-10-17-sdf-take-raqqa.html" in by_id["2017-10-17-sdf-take-raqqa"]["text"]["text"]


def test_geojson_is_valid_rfc7946():
    collection = geojson.loads(events_geojson(ENTRIES, SITE))
    assert collection.is_valid and collection["type"] == "FeatureCollection" and "crs" not in collection
    features = collection["features"]
    assert len(features) == 5  # one per (published entry, place); the place-less entry has none
    first = next(f for f in features if f["properties"]["id"] == "2017-10-17-sdf-take-raqqa#0")
    assert first["geometry"]["coordinates"] == [39.00788, 35.95283]  # lon, lat
    assert first["properties"]["factions"] == ["Syrian Democratic Forces", "Islamic State"]
    assert all(-180 <= f["geometry"]["coordinates"][0] <= 180 and -90 <= f["geometry"]["coordinates"][1] <= 90 for f in features)


def test_csv_has_the_promised_columns():
    rows = list(csv.DictReader(io.StringIO(events_csv(ENTRIES, SITE))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == PUBLISHED
    row = next(r for r in rows if r["event_id_cnty"] == "2017-06-sdf-enter-raqqa")
    assert (row["event_date"], row["time_precision"], row["actor1"], row["location"], row["geo_precision"]) == \
        ("2017-06-01", "2", "Syrian Democratic Forces", "Raqqa", "1")
    assert (row["latitude"], row["longitude"]) == ("35.95283", "39.00788")
    tricky = next(r for r in rows if r["event_id_cnty"] == "2016-12-22-x")
    assert tricky["notes"].startswith("'=HYPERLINK")  # no formula for spreadsheets
    assert tricky["location"] == "Ḥalab"
    assert next(r for r in rows if r["event_id_cnty"] == "2015-01-01-no-place")["latitude"] == ""


def test_ics_parses_with_icalendar():
    text = events_ics(ENTRIES, SITE, "Timeline")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert len(events) == PUBLISHED
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == PUBLISHED
    year = by_uid["2014-is-takes-raqqa@example.org"]
    assert (year.decoded("DTSTART"), year.decoded("DTEND")) == (dt.date(2014, 1, 1), dt.date(2015, 1, 1))
    month = by_uid["2017-06-sdf-enter-raqqa@example.org"]
    assert (month.decoded("DTSTART"), month.decoded("DTEND")) == (dt.date(2017, 6, 1), dt.date(2017, 7, 1))
    tricky = by_uid["2016-12-22-x@example.org"]
    assert str(tricky["SUMMARY"]) == "<script>alert(1)</script>, Aleppo; \"quoted\"\nline"  # escaped and round-tripped
    assert str(by_uid["2017-10-17-sdf-take-raqqa@example.org"]["URL"]) == f"{SITE}/entries/2017-10-17-sdf-take-raqqa.html"


@pytest.mark.parametrize("export", [
    lambda e: timeline_json(e, SITE, "T", "D"), lambda e: events_geojson(e, SITE), lambda e: events_csv(e, SITE),
    lambda e: events_ics(e, SITE, "T")])
def test_exports_are_deterministic_and_order_free(export):
    assert export(ENTRIES) == export(list(reversed(ENTRIES)))


def test_built_site_exports_and_feeds_read_back(tmp_path):
    output = run_pelican(make_project(tmp_path, real_content=True), SITEURL=SITE, FEED_DOMAIN=SITE, RELATIVE_URLS=False)
    timeline = json.loads((output / "timeline.json").read_text(encoding="utf-8"))
    assert len(timeline["events"]) == 4  # drafts are not exported
    assert geojson.loads((output / "events.geojson").read_text(encoding="utf-8")).is_valid
    rows = list(csv.DictReader(io.StringIO((output / "events.csv").read_text(encoding="utf-8"))))
    assert {r["event_date"] for r in rows} == {"2012-07-01", "2016-03-27", "2017-07-10", "2017-10-14"}
    assert len(icalendar.Calendar.from_ical((output / "events.ics").read_text(encoding="utf-8")).walk("VEVENT")) == 4
    feed = feedparser.parse((output / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == 4
    assert all(e.link.startswith(SITE + "/entries/") for e in feed.entries)
    assert feed.entries[0].title == "Dozens of IS fighters surrender as Raqa’s fall nears"  # newest first
    faction_feed = feedparser.parse((output / "feeds" / "factions" / "islamic-state.atom.xml").read_bytes())
    assert not faction_feed.bozo and {e.title for e in faction_feed.entries} >= {"Dozens of IS fighters surrender as Raqa’s fall nears"}
    place_feed = feedparser.parse((output / "feeds" / "places" / "raqqa.atom.xml").read_bytes())
    assert not place_feed.bozo and len(place_feed.entries) == 1
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE}/entries/2017-07-10-iraq-declares-mosul-retaken.html</loc>" in sitemap
