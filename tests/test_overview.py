"""The overview strip (entries per month, stacked by event type): counts, drawing, the built pages, scale."""

from __future__ import annotations

import datetime as dt
import gzip
import random
from itertools import pairwise
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from conflict_timeline.models import EVENT_TYPES
from conflict_timeline.overview import BASE, LABEL_GAP, LABELS, Overview, draw, span, summary, tally
from conftest import make_project, run_pelican

D = dt.date
TITLE = re.compile(r"^(?P<month>\w+ \d{4}): (?P<total>\d+) entr(?:y|ies) \((?P<parts>.*)\)$")


def bars(svg: BeautifulSoup) -> dict[str, tuple[int, dict[str, int], str | None]]:
    """Each month's bar as the page shows it: {'January 2016': (3, {'Battles': 2, ...}, href)}, read from the
    title that names the bar's link (the accessible name a screen reader announces)."""
    found = {}
    for column in svg.select(".ov-hit > a, .ov-hit > g"):
        match = TITLE.match(column.find("title").get_text())
        assert match, column
        parts = dict(part.rsplit(" ", 1) for part in match["parts"].split(", "))
        found[match["month"]] = (int(match["total"]), {k: int(v) for k, v in parts.items()}, column.get("href"))
    return found


# --- counting -----------------------------------------------------------------------------------------------

def test_counts_per_month_and_type_with_month_precision_and_year_only_apart():
    counts = tally([(D(2016, 1, 5), "day", "Battles"), (D(2016, 1, 1), "month", "Battles"),
                    (D(2016, 1, 20), "day", "Protests"), (D(2016, 4, 2), "day", None),
                    (D(2016, 1, 1), "year", "Riots"), (D(2017, 2, 11), "day", "Shelling")])
    battles, protests, riots, none = (LABELS.index(n) for n in ("Battles", "Protests", "Riots", "No type"))
    assert set(counts.months) == {(2016, 1), (2016, 4), (2017, 2)}  # no January for the year-only entry
    assert counts.months[(2016, 1)][battles] == 2 and counts.months[(2016, 1)][protests] == 1
    assert sum(counts.months[(2016, 1)]) == 3
    assert counts.months[(2016, 4)][none] == 1 and counts.months[(2017, 2)][none] == 1  # an unknown type: none
    assert {y: sum(c) for y, c in counts.years.items()} == {2016: 1} and counts.years[2016][riots] == 1


def test_the_axis_runs_month_by_month_and_a_year_only_entry_stretches_it_to_its_year():
    counts = tally([(D(2016, 11, 5), "day", None), (D(2017, 2, 1), "month", None)])
    assert span(counts) == [(2016, 11), (2016, 12), (2017, 1), (2017, 2)]  # December and January: gaps
    with_year = tally([(D(2016, 11, 5), "day", None), (D(2018, 1, 1), "year", None)])
    months = span(with_year)
    assert (months[0], months[-1], len(months)) == ((2016, 11), (2018, 12), 26)
    assert span(tally([]), (2017, 1), (2017, 12)) == [(2017, m) for m in range(1, 13)]
    assert span(tally([])) == [] and not Overview([], {})


def test_summary_names_the_span_the_gaps_and_the_year_only_entries():
    counts = tally([(D(2016, 11, 5), "day", None), (D(2017, 2, 1), "day", None), (D(2015, 1, 1), "year", None)])
    text = summary(counts, span(counts, (2016, 11)))
    assert text.startswith("Each bar is a month, from November 2016 to February 2017: 2 of 4 have entries; the "
                           "others are gaps.")
    assert text.endswith("1 entry is known only to the year and in no bar: 2015 (1).")


# --- drawing ------------------------------------------------------------------------------------------------

def test_one_linked_column_per_month_with_entries_titles_name_counts_and_types_and_gaps_stay_empty():
    counts = tally([(D(2017, 3, d), "day", t) for d, t in
                    [(1, "Battles"), (2, "Battles"), (3, "Explosions/Remote violence"), (4, None)]]
                   + [(D(2017, 5, 1), "day", "Battles"), (D(2017, 1, 1), "year", "Riots")])
    months = span(counts, (2017, 1), (2017, 12))
    svg = BeautifulSoup(draw(counts, months, {(2017, 3): "timeline/2017/03/"}, title="t", describe_as="d"),
                        "html.parser")
    assert bars(svg) == {"March 2017": (4, {"Battles": 2, "Explosions/Remote violence": 1, "No type": 1},
                                        "timeline/2017/03/"),
                         "May 2017": (1, {"Battles": 1}, None)}  # no page to link to: a plain group
    assert svg.select_one(".ov-hit title").get_text() == \
        "March 2017: 4 entries (Battles 2, Explosions/Remote violence 1, No type 1)"
    # stacked segments: one path per type, each bar's segments add up to its height; March (4) is the tallest
    heights: Counter = Counter()
    for path in svg.select("g[pointer-events] path"):
        for x, y0, y1 in re.findall(r"M([\d.]+) (\d+)V(\d+)", path["d"]):
            heights[x] += int(y0) - int(y1)
    march, may = sorted(heights.items(), key=lambda kv: float(kv[0]))
    assert march[1] == BASE - 4 and round(may[1]) == round((BASE - 4) / 4)
    assert len(svg.select("pattern")) == 3  # Battles, Explosions, No type: only the types drawn
    assert "Riots" not in str(svg.select_one(".ov-hit"))  # the year-only entry is in no bar


def test_every_type_in_the_legend_has_its_pattern_even_when_its_share_is_too_thin_to_draw():
    overview = Overview([(D(2017, 3, 1), "day", "Battles")] * 500 + [(D(2017, 3, 2), "day", "Riots")], {})
    svg = BeautifulSoup(str(overview.svg("")), "html.parser")
    assert [label for _, label in overview.key] == ["Battles", "Riots"]
    assert {p["id"] for p in svg.select("pattern")} == {pattern for pattern, _ in overview.key}
    assert "Riots 1" in svg.select_one(".ov-hit title").get_text()  # undrawn, still named


def test_year_labels_thin_out_over_many_years_and_stay_apart():
    def labels(first: int, last: int) -> list[tuple[float, str]]:
        counts = tally([(D(y, m, 1), "day", None) for y in range(first, last + 1) for m in (1, 7)])
        svg = BeautifulSoup(draw(counts, span(counts), {}, title="t", describe_as="d"), "html.parser")
        return [(float(t["x"]), t.get_text()) for t in svg.select(".ov-axis text")]

    eight = labels(2012, 2019)
    assert [text for _, text in eight] == [str(y) for y in range(2012, 2020)]  # 96 months: every year
    thirty = labels(1990, 2019)
    years = [int(text) for _, text in thirty]
    assert 4 <= len(years) <= 16 and years[0] == 1990 and years[-1] <= 2019
    assert all(b[0] - a[0] >= LABEL_GAP for a, b in pairwise(thirty))
    assert len({b - a for a, b in pairwise(years[1:])}) <= 1  # a regular step after the first
    one_year = labels(2017, 2017)  # wide bars: month names, then the year
    assert [text for _, text in one_year] == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "2017"]


def synthetic(count: int, first: int = 2012, years: int = 8, seed: int = 9) -> list:
    rng = random.Random(seed)
    days = (D(first + years, 1, 1) - D(first, 1, 1)).days
    return [(D(first, 1, 1) + dt.timedelta(days=rng.randrange(days)), rng.choices(["day", "month", "year"], [90, 8, 2])[0],
             rng.choice([*EVENT_TYPES, None])) for _ in range(count)]


# Budget at 10,000 entries over 96 months, every month holding all seven types (the longest titles): 36 KB as
# written, 7 KB gzipped (what a server sends). The titles name every type in words; they are most of the bytes.
RAW_BUDGET, GZIP_BUDGET = 36_000, 7_000


def test_ten_thousand_entries_over_eight_years_stay_within_the_byte_budget_and_draw_the_same_every_time():
    items = synthetic(10_000)
    links = {(y, m): f"timeline/{y}/{m:02d}/" for y in range(2012, 2020) for m in range(1, 13)}
    svg = Overview(items, links).svg(".")
    data = str(svg).encode()
    assert len(data) <= RAW_BUDGET and len(gzip.compress(data, 9)) <= GZIP_BUDGET, (len(data), len(gzip.compress(data)))
    soup = BeautifulSoup(data, "html.parser")
    assert len(soup.select(".ov-hit > a")) == 96 and len(soup.find_all(["rect", "circle", "line"])) <= 7
    assert len(soup.find_all("path")) <= 96 + 7 + 7 + 1  # columns, a path per type, pattern marks, the axis
    assert sum(n for n, _, _ in bars(soup).values()) == sum(1 for _, p, _ in items if p != "year")
    assert [t.get_text() for t in soup.select(".ov-axis text")] == [str(y) for y in range(2012, 2020)]
    shuffled = items[:]
    random.Random(1).shuffle(shuffled)
    assert str(Overview(shuffled, dict(reversed(links.items()))).svg(".")) == str(svg)  # deterministic


def test_ten_thousand_entries_over_forty_years_thin_their_year_labels():
    items = synthetic(10_000, first=1980, years=40)
    svg = BeautifulSoup(str(Overview(items, {}).svg("")), "html.parser")
    years = [int(t.get_text()) for t in svg.select(".ov-axis text")]
    assert len(svg.select(".ov-hit > g")) == 480 and 4 <= len(years) <= 20 and years[1] % 5 == 0


# --- the built site -----------------------------------------------------------------------------------------

def entry(title: str, date: str, factions: str, event: str | None = None, status: str = "published") -> str:
    return (f"Title: {title}\nDate: {date}\nPlaces: Aleppo\nFactions: {factions}\nStatus: {status}\n"
            + (f"Event: {event}\n" if event else "") + "\nText.\n")


ENTRIES = {
    "timeline/2016/a.md": entry("Clashes in Aleppo", "2016-01-05", "Islamic State", "Battles"),
    "timeline/2016/b.md": entry("Army advances", "2016-01-20", "Syrian Arab Army", "Battles"),
    "timeline/2016/c.md": entry("Shelling in January", "2016-01", "Islamic State", "Explosions/Remote violence"),
    "timeline/2016/d.md": entry("A report", "2016-03-02", "Syrian Arab Army"),
    "timeline/2016/e.md": entry("A year of sieges", "2016", "Islamic State", "Battles"),
    "timeline/2016/f.md": entry("Unconfirmed deal", "2016-06-10", "Islamic State", "Strategic developments", "draft"),
    "timeline/2017/g.md": entry("Executions reported", "2017-02-11", "Islamic State", "Violence against civilians"),
    "timeline/2017/h.md": entry("Shells fall", "2017-02-12", "Syrian Arab Army", "Shelling"),
}


def expected(faction: str | None = None) -> dict[str, tuple[int, dict[str, int]]]:
    """What the content says: published entries with a day or month, per month and type."""
    months: dict[str, Counter] = {}
    for text in ENTRIES.values():
        head = dict(line.split(": ", 1) for line in text.split("\n\n")[0].splitlines())
        if head["Status"] != "published" or len(head["Date"]) == 4 or (faction and faction not in head["Factions"]):
            continue
        year, month = head["Date"].split("-")[:2]
        label = f"{dt.date(int(year), int(month), 1):%B} {year}"
        kind = head.get("Event") if head.get("Event") in EVENT_TYPES else "No type"
        months.setdefault(label, Counter())[kind] += 1
    return {m: (sum(c.values()), dict(c)) for m, c in months.items()}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return run_pelican(make_project(tmp_path_factory.mktemp("overview"), [], ENTRIES), TIMELINE_PARALLEL=False)


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_the_index_strip_matches_the_published_entries_and_links_each_month_page(site):
    figure = page(site, "index.html").select_one("main figure.overview")
    shown = bars(figure.svg)
    assert {m: (n, kinds) for m, (n, kinds, _) in shown.items()} == expected()
    assert set(shown) == {"January 2016", "March 2016", "February 2017"}  # the draft's June is a gap
    for total, _, href in shown.values():
        assert href.startswith("./timeline/") and (site / href / "index.html").exists()
    assert page(site, shown["January 2016"][2] + "index.html").h1.get_text() == "2016 January"  # its month page
    text = figure.get_text(" ", strip=True)
    assert "from January 2016 to February 2017: 3 of 14 have entries" in text
    assert "1 entry is known only to the year and in no bar: 2016 (1)" in text
    assert [li.get_text() for li in figure.select(".ov-key li")] == \
        ["Battles", "Explosions/Remote violence", "Violence against civilians", "No type"]
    rows = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in figure.select("table tr")]
    assert rows[0] == ["Year", "Entries", *[li.get_text() for li in figure.select(".ov-key li")]]
    assert rows[1:] == [["2016", "5", "3", "1", "0", "1"], ["2017", "2", "0", "0", "1", "1"]]  # year-only counted


def test_a_faction_page_strip_counts_that_factions_entries_and_opens_its_own_list(site):
    faction = page(site, "factions/islamic-state/index.html")
    shown = bars(faction.select_one("figure.overview svg"))
    assert {m: (n, kinds) for m, (n, kinds, _) in shown.items()} == expected("Islamic State")
    for _, _, href in shown.values():
        target, anchor = href.split("#")
        assert faction.find(id=anchor) or page(site, target.replace("../../", "") + "index.html").find(id=anchor)
    assert shown["January 2016"][2] == "../../factions/islamic-state/#m2016-01"


def test_a_year_page_shows_its_twelve_months(site):
    year = page(site, "timeline/2016/index.html").select_one("figure.overview")
    assert [t.get_text() for t in year.select(".ov-axis text")][:12] == \
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    assert set(bars(year.svg)) == {"January 2016", "March 2016"}
    assert "from January to December 2016: 2 of 12 have entries" in year.get_text(" ", strip=True)
    assert not page(site, "timeline/2016/01/index.html").select("figure.overview")  # a month page has none
