"""The reader's first view of a timeline of 1,500 generated entries, in Chromium: on a phone the overview and an
entry are on the first screen; the first view weighs under 100 KB and one filter under 300 KB more (bench/run.py
gives the same figures at 10,000 entries); nothing moves when scripts load or the filters open; axe finds nothing
with the filters open or closed; newest first survives in the address; print shows the list without the tools."""

from __future__ import annotations

import datetime as dt
import random
from urllib.parse import urlsplit

import pytest

from browser import axe_violations, base_url, browser  # noqa: F401 (base_url, browser: fixtures)
from conflict_timeline.models import EVENT_TYPES
from conftest import ROOT, make_project, run_pelican

N = 1500
PHONE = {"width": 390, "height": 844}
PLACES = ["Raqqa", "Aleppo", "Mosul", "Palmyra", "Idlib", "Deir ez-Zor", "Kobani", "Manbij", "Homs", "Daraa",
          "Deir ez-Zor province", "Hama Governorate",
          "Fallujah", "Tikrit", "Afrin", "Douma", "Qamishli", "Al Mayadin"]
FACTIONS = ["Syrian Arab Army", "Syrian Democratic Forces", "Free Syrian Army", "Hayat Tahrir al-Sham",
            "Russian Armed Forces", "Turkish Armed Forces", "Iraqi Security Forces", "US-led coalition",
            "People's Protection Units"]
SOURCES = ["Reuters", "Agence France-Presse", "Associated Press"]
VERBS = ["shell", "push into", "besiege", "retake", "strike near", "clash outside"]


def generated(n: int, seed: int = 11) -> list[dict]:
    """n entries over eight years: Islamic State in about two in five, the rest spread; some merged from several
    reports with a toll per source."""
    rng = random.Random(seed)
    entries = []
    for i in range(n):
        day = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(2920))
        precision = rng.choice(["day"] * 8 + ["month", "year"])
        factions = (["Islamic State"] if rng.random() < .4 else []) + rng.sample(FACTIONS, rng.randint(1, 2))
        places = rng.sample(PLACES, rng.randint(1, 3))
        sources = rng.sample(SOURCES, rng.choice([1, 1, 2, 3]))
        tolls = [rng.randint(2, 60) for _ in sources]
        casualties = "" if rng.random() < .6 else "; ".join(
            f"{s}: killed {t}" for s, t in zip(sources, tolls)) if len(sources) > 1 else f"killed {tolls[0]}"
        entries.append({"i": i, "day": day, "precision": precision, "factions": factions, "places": places,
                        "event": rng.choice([*EVENT_TYPES, None]), "sources": sources, "casualties": casualties,
                        "title": f"{factions[-1]} {rng.choice(VERBS)} {places[0]} ({i})"})
    return entries


def markdown(entry: dict) -> str:
    date = {"day": entry["day"].isoformat(), "month": entry["day"].isoformat()[:7],
            "year": str(entry["day"].year)}[entry["precision"]]
    lines = [f"Title: {entry['title']}", f"Date: {date}", f"Places: {'; '.join(entry['places'])}",
             f"Factions: {'; '.join(entry['factions'])}", f"Sources: {'; '.join(entry['sources'])}"]
    lines += [f"Event: {entry['event']}"] if entry["event"] else []
    lines += [f"Casualties: {entry['casualties']}"] if entry["casualties"] else []
    lines += [(f"Summary: Fighting was reported near {entry['places'][0]}, where residents said shelling had "
               f"continued through the night and families were leaving for safer districts.")]
    return "\n".join(lines) + "\n\nReports from the area could not be independently verified.\n"


ENTRIES = generated(N)


def span(entry: dict) -> tuple[dt.date, dt.date]:
    start = entry["day"] if entry["precision"] == "day" else entry["day"].replace(day=1)
    if entry["precision"] == "year":
        return start.replace(month=1), start.replace(month=12, day=31)
    if entry["precision"] == "month":
        return start, (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return start, start


def timeline_order(entry: dict) -> tuple[dt.date, int]:
    """The timeline's order: by the first day of each entry's span (a month or a year starts on its first day)."""
    return span(entry)[0], entry["i"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    files = {f"timeline/{e['day'].year}/g{e['i']:05d}.md": markdown(e) for e in ENTRIES}
    return run_pelican(make_project(tmp_path_factory.mktemp("first-view"), entries=files))


@pytest.fixture
def open_page(browser, base_url):
    contexts = []

    def make(path: str = "/", **options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.errors = []  # type: ignore[attr-defined]
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.transfers = {}  # type: ignore[attr-defined]  # URL -> bytes on the wire (headers and body)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        urls: dict[str, str] = {}
        cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: page.transfers.__setitem__(
            urlsplit(urls.get(e["requestId"], "")).path, e["encodedDataLength"]))
        page.add_init_script(CLS_OBSERVER)
        page.goto(base_url + path, wait_until="networkidle")
        return page

    yield make
    for context in contexts:
        context.close()


# Every layout shift, those just after an input included (CLS leaves those out): nothing may move at all.
CLS_OBSERVER = """window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(e => window.__shifts.push(e.value)))
  .observe({type: "layout-shift", buffered: true});"""


def shown(page) -> list[dict]:
    return page.eval_on_selector_all("#entry-list li.entry", """els => els.map(li => ({
        title: li.querySelector('.entry-title').textContent, datetime: li.querySelector('time').dateTime}))""")


def test_a_phone_sees_the_overview_and_an_entry_on_its_first_screen(open_page):
    page = open_page("/", viewport=PHONE)
    overview = page.locator("figure.overview").bounding_box()
    entry = page.locator("#entry-list li.entry").first.bounding_box()
    assert 0 <= overview["y"] and overview["y"] + overview["height"] <= PHONE["height"]
    assert 0 <= entry["y"] and entry["y"] + entry["height"] <= PHONE["height"], entry  # the whole entry
    assert not page.locator("#filters").is_visible()  # in the closed disclosure
    assert page.locator("#filter-panel summary").is_visible()


def page_weight():
    import importlib
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    return importlib.import_module("page_weight")


def over_the_wire(files: dict[str, int], transfers: dict[str, int]) -> bool:
    """The browser loaded as many files as bench/page_weight.py counts, and as many bytes, give or take headers."""
    loaded = {url: size for url, size in transfers.items() if url.startswith("/")}  # not the date input's icon
    return len(loaded) == len(files) and 0 <= sum(loaded.values()) - sum(files.values()) < 400 * len(files)


def test_the_first_view_and_one_filter_stay_within_their_budgets(site, open_page):
    page = open_page("/", viewport=PHONE)
    page.wait_for_timeout(300)
    first = dict(page.transfers)
    assert "/" in first
    assert not [u for u in first if u.startswith("/filter/") or u.endswith(".json") or "filter-results" in u]
    assert sum(first.values()) < 100_000, first
    weights = page_weight()
    assert over_the_wire(weights.first_view(site), first), (weights.first_view(site), first)  # what the bench reports
    page.transfers.clear()
    page.click("#filter-panel summary")  # opening the disclosure loads what the filters do
    page.locator("#filters[data-ready]").wait_for(state="attached")
    page.select_option("#f-faction", "Islamic State")
    page.click("#filters button[type=submit]")
    expected = sorted((e for e in ENTRIES if "Islamic State" in e["factions"]), key=timeline_order)
    page.wait_for_function("() => document.getElementById('filter-status').textContent !== ''")
    page.wait_for_load_state("networkidle")
    assert page.locator("#filter-status").inner_text() == f"{len(expected)} matching entries"
    assert len(shown(page)) == 50 and page.locator(".more button").is_visible()
    used = dict(page.transfers)
    assert sorted(u for u in used if u.startswith("/filter/")) == ["/filter/faction/islamic-state.json",
                                                                    "/filter/faction/islamic-state/1.json"]
    assert sum(used.values()) < 300_000, used
    again = {u: n for u, n in used.items() if u != "/theme/favicon.svg"}  # asked again as the address changes
    assert weights.biggest_faction(site) == "islamic-state" and over_the_wire(weights.one_filter(site), again)
    assert page.url.endswith("/?faction=Islamic+State") and page.errors == []


def test_nothing_moves_when_scripts_load_or_the_filters_open(open_page):
    for viewport in (PHONE, {"width": 1280, "height": 900}):
        page = open_page("/", viewport=viewport)
        page.wait_for_timeout(500)
        before = page.locator("#entry-list li.entry").first.bounding_box()
        page.click("#filter-panel summary")
        page.locator("#filters").wait_for(state="visible")  # the script showed the form: the panel is full
        page.wait_for_timeout(300)
        assert page.locator("#entry-list li.entry").first.bounding_box() == before  # it opens over the list
        assert page.evaluate("window.__shifts") == [] and page.errors == []
    shared = open_page("/?faction=Islamic+State", viewport=PHONE)  # a shared filter: its list replaces the first
    shared.wait_for_function("() => document.getElementById('filter-status').textContent !== ''")
    assert shared.evaluate("window.__shifts") == [] and shared.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("opened", [False, True])
def test_the_index_has_no_axe_violations_with_the_filters_open_or_closed(open_page, scheme, opened):
    page = open_page("/", viewport=PHONE, color_scheme=scheme)
    if opened:
        page.click("#filter-panel summary")
        page.locator("#filters").wait_for(state="visible")
    assert axe_violations(page) == []


def test_two_filters_read_the_shorter_list_and_match_both(open_page):
    page = open_page("/?faction=Islamic+State&place=Palmyra")
    page.wait_for_function("() => document.getElementById('filter-status').textContent !== ''")
    expected = [e for e in sorted(ENTRIES, key=timeline_order)
                if "Islamic State" in e["factions"] and "Palmyra" in e["places"]]
    assert page.locator("#filter-status").inner_text() == f"{len(expected)} matching entries"
    assert {r["title"] for r in shown(page)} == {e["title"] for e in expected[:50]}
    assert "/filter/place/palmyra/1.json" in page.transfers and not any(
        u.startswith("/filter/faction/islamic-state/") for u in page.transfers)
    # the strip above counts every entry, and says so while the list is filtered
    assert page.locator(".ov-filtered").is_visible()
    assert not open_page("/").locator(".ov-filtered").is_visible()


def test_a_date_range_meets_each_entry_s_span(open_page):
    start, end = dt.date(2015, 3, 10), dt.date(2015, 6, 1)
    page = open_page(f"/?from={start}&to={end}")
    page.wait_for_function("() => document.getElementById('filter-status').textContent !== ''")
    expected = [e for e in ENTRIES if span(e)[1] >= start and span(e)[0] <= end]
    assert page.locator("#filter-status").inner_text() == f"{len(expected)} matching entries"
    assert {"2015", "2015-03"} <= {r["datetime"] for r in shown(page)}  # a year and a month that meet the range


def test_newest_first_survives_in_the_address(open_page, base_url):
    page = open_page("/?faction=Islamic+State&order=newest")
    page.wait_for_function("() => document.getElementById('filter-status').textContent !== ''")
    assert page.locator("#filter-status").inner_text().endswith(", newest first")
    newest = sorted((e for e in ENTRIES if "Islamic State" in e["factions"]), key=timeline_order)[::-1]
    assert shown(page)[0]["title"] == newest[0]["title"]
    page.click(".more button")
    page.wait_for_function("() => document.querySelectorAll('#entry-list li.entry').length === 100")
    assert [r["title"] for r in shown(page)] == [e["title"] for e in newest[:100]]
    built = open_page("/newest/?faction=Islamic+State")  # the built newest-first listing takes the same filter
    built.wait_for_function("() => document.getElementById('filter-status').textContent !== ''")
    assert shown(built)[0]["title"] == newest[0]["title"]
    assert built.locator("#order a").get_attribute("href") == base_url + "/?faction=Islamic+State"
    assert page.errors == [] and built.errors == []


def test_printing_shows_the_list_without_the_tools(open_page):
    page = open_page("/")
    page.emulate_media(media="print")
    for tool in (".site-header nav", ".toolbar", ".years", ".pager"):
        assert not page.locator(tool).is_visible(), tool
    assert page.locator("#entry-list li.entry").first.is_visible()
    assert page.locator("h1").is_visible()


@pytest.mark.parametrize("path", ["/", "/places/", "/factions/", "/map/", "/search/?q=Raqqa", "/newest/"])
def test_no_page_is_wider_than_a_small_phone(open_page, path):
    # a province's long name in the places table, a long place in the search filters: the page must not scroll sideways
    page = open_page(path, viewport={"width": 320, "height": 640})
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
