"""The built site in a real browser: axe on every page type in both colour schemes, search, filters, no JS."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import CHROMIUM, FLAGS, axe_violations, require_chromium, serve
from conftest import make_project, run_pelican

PAGES = {
    "timeline": "/",
    "entry": "/entries/2017-10-14-dozens-of-is-fighters-surrender-as-raqas-fall-nears.html",
    "draft": "/drafts/2014-islamic-state-captured-raqqa.html",
    "hand-written entry": "/entries/2012-07-battle-for-aleppo-begins.html",
    "factions": "/factions/",
    "faction": "/factions/islamic-state/",
    "places": "/places/",
    "place": "/places/raqqa/",
    "year": "/timeline/2017/",
    "month": "/timeline/2017/10/",
    "map": "/map/",
    "search": "/search/",
    "about": "/about/",
    "review queue": "/review/",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return run_pelican(make_project(tmp_path_factory.mktemp("browser"), real_content=True), TIMELINE_SEARCH=True)


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.foreign = []  # type: ignore[attr-defined]
    host = urlsplit(base_url).netloc
    page.on("request", lambda r: urlsplit(r.url).netloc not in ("", host) and r.url.startswith("http")
            and page.foreign.append(r.url))
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_axe_has_no_violations(page, base_url, name, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + PAGES[name], wait_until="networkidle")
    assert page.title()
    assert axe_violations(page) == []
    assert page.foreign == [] and page.errors == []


def test_search_finds_mayadin(page, base_url):
    page.goto(base_url + "/search/", wait_until="networkidle")
    page.fill(".pagefind-ui__search-input", "Mayadin")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=15000)
    titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
    assert "Dozens of IS fighters surrender as Raqa’s fall nears (14 October 2017)" in titles  # title and date
    assert page.foreign == []


def test_filters_live_in_the_url(page, base_url):
    page.goto(base_url + "/?faction=Iraqi+Security+Forces", wait_until="networkidle")
    page.locator("#filters").wait_for(state="visible")
    assert page.locator("#f-faction").input_value() == "Iraqi Security Forces"
    assert page.locator("#results .entry-title").all_inner_texts() == ["Iraq declares Mosul retaken from the Islamic State"]
    page.select_option("#f-faction", "")
    page.select_option("#f-place", "Aleppo")
    page.click("#filters button[type=submit]")
    assert "place=Aleppo" in page.url
    assert page.locator("#results .entry-title").all_inner_texts() == ["Fighting reaches Aleppo as rebels push into the city"]
    page.go_back()
    assert page.locator("#results .entry-title").all_inner_texts() == ["Iraq declares Mosul retaken from the Islamic State"]


def test_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/")
    assert page.locator("#filters").is_hidden()
    titles = page.locator("ol.timeline .entry-title").all_inner_texts()
    assert titles[0] == "Fighting reaches Aleppo as rebels push into the city" and len(titles) == 4
    assert page.locator("time[datetime='2012-07']").inner_text() == "July 2012"
    context.close()


def test_skip_link_is_first_and_focus_is_visible(page, base_url):
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle]")
    assert focused == ["skip-link", "solid"]


STRICT = "default-src 'self'"
# Pagefind's engine is WebAssembly (Chromium runs it only with 'wasm-unsafe-eval') and its stylesheet draws the
# search icon as a data: image. Only the search page needs these two additions; the README says so.
SEARCH = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:"


def _violations(browser, site, policy, visit) -> list[str]:
    with serve(site, {"Content-Security-Policy": policy}) as url:
        context = browser.new_context()
        page = context.new_page()
        messages: list[str] = []
        page.on("console", lambda m: messages.append(m.text))
        visit(page, url)
        context.close()
    return [m for m in messages if "Content Security Policy" in m or "Refused to" in m or "violates" in m]


def test_every_page_but_search_works_under_default_src_self(browser, site):
    def visit(page, url):
        for name, path in PAGES.items():
            if name != "search":
                page.goto(url + path, wait_until="networkidle")
        page.goto(url + "/?faction=Islamic+State", wait_until="networkidle")
        page.locator("#filter-status").wait_for()
        assert page.locator("#filter-status").inner_text() == "3 matching entries"
        page.goto(url + "/entries/2017-10-14-dozens-of-is-fighters-surrender-as-raqas-fall-nears.html", wait_until="networkidle")

    assert _violations(browser, site, STRICT, visit) == []


def test_search_works_under_the_documented_policy(browser, site):
    def visit(page, url):
        page.goto(url + "/search/", wait_until="networkidle")
        page.fill(".pagefind-ui__search-input", "Palmyra")
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)

    assert _violations(browser, site, SEARCH, visit) == []


def test_filters_apply_to_the_map(page, base_url):
    page.goto(base_url + "/map/?faction=Iraqi+Security+Forces", wait_until="networkidle")
    page.locator("#filters").wait_for(state="visible")
    shown = [a.get_attribute("data-place") for a in page.locator("#map a[data-place]").all() if a.is_visible()]
    assert sorted(shown) == ["Mosul", "Nineveh Governorate"]


def test_search_can_be_narrowed_by_faction_and_place(page, base_url):
    page.goto(base_url + "/search/", wait_until="networkidle")
    page.fill(".pagefind-ui__search-input", "Raqqa")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    filters = page.locator(".pagefind-ui__filter-name").all_inner_texts()
    assert {"faction", "place"} <= {f.strip().lower() for f in filters}


def test_under_default_src_self_search_says_it_cannot_run(browser, site):
    with serve(site, {"Content-Security-Policy": STRICT}) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + "/search/", wait_until="networkidle")
        assert page.locator("#search-unavailable").is_visible()
        context.close()
