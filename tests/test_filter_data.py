"""What the index shows and what its filters fetch, in a real build: the choices are in the page, entry data lives in
small files under filter/ (one list per faction, place and type, rows in pages), entries read at a glance, and the
timeline is also built newest first."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conflict_timeline.filterdata import PAGE, gaps
from conftest import make_project, run_pelican

ENTRIES = {
    "timeline/2016/qamishli.md": """Title: Truck bomb kills dozens at a Qamishli market
Date: 2016-07-27
Event: Explosions/Remote violence
Places: Qamishli
Factions: Islamic State; People's Protection Units
Sources: Reuters; Agence France-Presse; Associated Press
Casualties: Reuters: killed 31; Agence France-Presse: killed at least 44; Associated Press: killed 40
Summary: A truck bomb tore through a market in the Kurdish-held city, three agencies reported.

Three reports of one blast.
""",
    "timeline/2016/palmyra.md": """Title: Government forces retake Palmyra
Date: 2016-03
Event: Battles
Places: Tadmur
Factions: Syrian Arab Army; Russian Armed Forces; Islamic State
Sources: Curator summary of wire reports

Written by a curator from several reports.
""",
    "timeline/2016/year.md": """Title: Sieges spread across Syria
Date: 2016
Places: Aleppo

A year known only to its year.
""",
    "timeline/2017/mayadin.md": """Title: Syrian army captures Mayadin
Date: 2017-10-14
Event: Battles
Places: Al Mayadin
Factions: Syrian Arab Army; Islamic State
Sources: Agence France-Presse
Casualties: killed at least 20; wounded 35

Text.
""",
}
OLDEST_FIRST = ["Sieges spread across Syria", "Government forces retake Palmyra",
                "Truck bomb kills dozens at a Qamishli market", "Syrian army captures Mayadin"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return run_pelican(make_project(tmp_path_factory.mktemp("filters"), entries=ENTRIES))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def read(site: Path, name: str):
    return json.loads((site / "filter" / name).read_text(encoding="utf-8"))


def ungap(values: list[int]) -> list[int]:
    out, n = [], 0
    for value in values:
        n += value
        out.append(n)
    return out


def test_gaps_write_ascending_numbers_as_differences():
    assert gaps([3, 4, 18]) == [3, 1, 14] and gaps([]) == [] and ungap(gaps([0, 7, 7, 9])) == [0, 7, 7, 9]


def test_the_index_carries_the_choices_and_loads_no_entry_data(site):
    index = soup(site / "index.html")
    options = {name: [o.get_text() for o in index.select(f"#f-{name} option")][1:] for name in ("faction", "place", "type")}
    assert options["faction"] == ["Islamic State", "People's Protection Units", "Russian Armed Forces", "Syrian Arab Army"]
    assert options["place"] == ["Al Mayadin", "Aleppo", "Palmyra", "Qamishli"]
    assert options["type"] == ["Battles", "Explosions/Remote violence"]  # the vocabulary's order, only types in use
    assert [s["src"] for s in index.find_all("script", src=True)] == ["./theme/js/filters.js"]
    assert ".json" not in (site / "theme" / "js" / "filters.js").read_text(encoding="utf-8")  # it loads no data
    assert not (site / "entries.json").exists()  # the old index of everything, fetched on every first view
    details = index.select_one("details#filter-panel")
    assert details.find("summary").get_text() == "Filter the timeline" and not details.has_attr("open")
    assert index.select_one("form#filters").has_attr("hidden")  # shown by the script; the links serve readers without
    links = [a["href"] for a in index.select("#filter-browse a")]
    assert "./factions/islamic-state/" in links and "./places/" in links and "./timeline/2016/" in links


def test_a_facet_has_its_entry_numbers_and_its_rows(site):
    ids = ungap(read(site, "faction/islamic-state.json")["ids"])
    assert ids == [1, 2, 3]  # Palmyra, Qamishli, Mayadin in timeline order; the year-only entry has no faction
    rows = read(site, "faction/islamic-state/1.json")
    assert [r[1] for r in rows] == OLDEST_FIRST[1:]
    url, _title, date, kind, sources, casualties, places, factions, summary = rows[1]
    assert (url, date, kind, sources) == ("entries/qamishli.html", "2016-07-27", "Explosions/Remote violence", 3)
    assert casualties == "31\u201344 killed, by source" and places == ["Qamishli"]
    assert factions == ["Islamic State", "People's Protection Units"] and summary.startswith("A truck bomb")
    assert ungap(read(site, "faction/people-s-protection-units.json")["ids"]) == [2]  # the script's slug, too
    assert ungap(read(site, "type/explosions-remote-violence.json")["ids"]) == [2]
    assert [r[1] for r in read(site, "all/1.json")] == OLDEST_FIRST and len(read(site, "all/1.json")) <= PAGE
    assert ungap(read(site, "places.json")["Palmyra"]) == [1]  # for the map's markers


def test_dates_give_each_entry_its_first_day_and_precision(site):
    dates = read(site, "dates.json")
    days = ungap(dates["days"])
    assert [str(dt.date(1970, 1, 1) + dt.timedelta(days=d)) for d in days] == \
        ["2016-01-01", "2016-03-01", "2016-07-27", "2017-10-14"]
    assert dates["precision"] == "ymdd"


def test_entries_read_at_a_glance(site):
    index = soup(site / "index.html")
    assert [h.name for h in index.select("main h1, main h2, main h3")][:1] == ["h1"]
    months = index.select("section.month")
    assert [s.find("h2").get_text() for s in months] == ["2016", "March 2016", "July 2016", "October 2017"]
    assert all(h.name == "h3" for h in index.select("section.month .entry-title"))
    qamishli = months[2].select_one("li.entry")
    assert qamishli.select_one("time")["datetime"] == "2016-07-27"
    assert qamishli.select_one(".entry-facts").get_text() == "Explosions/Remote violence · 3 sources · 31\u201344 killed, by source"
    assert [ul["aria-label"] for ul in qamishli.select("ul.labels")] == ["Places", "Factions"]
    palmyra = months[1].select_one("li.entry")
    assert palmyra.select_one("time").get_text() == "March 2016"  # at its true precision
    assert palmyra.select_one(".entry-facts").get_text() == "Battles · 1 source"
    mayadin = months[3].select_one("li.entry")
    assert mayadin.select_one(".entry-facts").get_text() == "Battles · 1 source · killed at least 20, wounded 35"
    assert months[0].select_one("li.entry .entry-facts") is None  # nothing to say: no empty line


def test_newest_first_is_a_built_listing(site):
    newest = soup(site / "newest" / "index.html")
    assert [a.get_text() for a in newest.select("ol.timeline .entry-title a")] == OLDEST_FIRST[::-1]
    assert [s.find("h2").get_text() for s in newest.select("section.month")] == \
        ["October 2017", "July 2016", "March 2016", "2016"]  # the year-only group after its year's months
    assert newest.select_one("#filters")["data-order"] == "newest"
    order = newest.select_one("#order")
    assert order.find("a").get_text() == "Oldest first" and order.find("a")["href"] == "../"
    assert order.find(attrs={"aria-current": "page"}).get_text() == "Newest first"
    index = soup(site / "index.html")
    assert index.select_one("#order a")["href"] == "./newest/"


def test_newest_first_pages_name_their_direction(tmp_path, build_site):
    output = build_site(make_project(tmp_path, entries=ENTRIES), DEFAULT_PAGINATION=2)
    first, second = soup(output / "newest" / "index.html"), soup(output / "newest" / "page" / "2" / "index.html")
    assert first.select_one(".pager a[rel=next]").get_text() == "Earlier entries"
    assert second.select_one(".pager a[rel=prev]").get_text() == "Later entries"
    assert [a.get_text() for a in second.select(".entry-title a")] == OLDEST_FIRST[1::-1]
    assert soup(output / "index.html").select_one(".pager a[rel=next]").get_text() == "Later entries"
