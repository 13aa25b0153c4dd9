"""What Pagefind reads: only entry pages, and in them only the entry's text; title, date and labels as metadata."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from conflict_timeline.pelican_hooks import entry_glob
from conftest import make_project

ENTRY = "entries/2017-10-14-dozens-of-is-fighters-surrender-as-raqas-fall-nears.html"


@pytest.mark.parametrize("save_as, glob", [
    ("entries/{slug}.html", "entries/**/*.html"),
    ("timeline/entries/{slug}/index.html", "timeline/entries/**/*.html"),
    ("entries/{date:%Y}/{slug}.html", "entries/**/*.html"),
    ("{date:%Y}/{slug}.html", "**/*.html"),
    ("{slug}.html", "**/*.html"),
])
def test_pagefind_reads_the_folder_entry_pages_are_written_to(save_as, glob):
    assert entry_glob(save_as) == glob


def test_entry_pages_give_pagefind_their_text_and_their_facts_apart(tmp_path, build_site):
    output = build_site(make_project(tmp_path, real_content=True))
    soup = BeautifulSoup((output / ENTRY).read_text(encoding="utf-8"), "html.parser")
    bodies = soup.select("[data-pagefind-body]")
    assert [b.name for b in bodies] == ["div"] and bodies[0]["class"] == ["body"]  # the entry's own text, nothing else
    assert not bodies[0].select("[data-pagefind-meta], [data-pagefind-filter], time, h1")
    title = soup.select_one("h1[data-pagefind-meta]")
    assert title.get_text() == "Dozens of IS fighters surrender as Raqa’s fall nears"
    assert title["data-pagefind-meta"] == "title, date:14 October 2017"
    article = soup.select_one("article")
    assert article["data-pagefind-meta"] == "datetime:2017-10-14"
    assert article["data-pagefind-sort"] == "date:2017-10-14"
    assert soup.select_one("ul.places")["data-pagefind-meta"].startswith("places:Raqqa, ")
    assert "Islamic State" in soup.select_one("ul.factions")["data-pagefind-meta"]
    filters = {(el["data-pagefind-filter"], el.get_text()) for el in soup.select("[data-pagefind-filter]")}
    assert {("place", "Raqqa"), ("faction", "Islamic State"), ("type", "Strategic developments")} <= filters
    assert not soup.select("[hidden][data-pagefind-meta]")  # no hidden copies of the date or title
    for draft in (output / "drafts").glob("*.html"):  # drafts are not searchable
        assert "data-pagefind-body" not in draft.read_text(encoding="utf-8")


def test_pagefind_indexes_exactly_the_published_entries(tmp_path, build_site, caplog):
    output = build_site(make_project(tmp_path, real_content=True), TIMELINE_SEARCH=True)
    entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert [language["page_count"] for language in entry["languages"].values()] == [
        len(list((output / "entries").glob("*.html")))]
    assert "Pagefind indexed" in caplog.text


def test_a_site_with_no_entry_yet_builds_without_a_search_index(tmp_path, build_site, caplog):
    output = build_site(make_project(tmp_path), TIMELINE_SEARCH=True)
    assert (output / "search" / "index.html").exists() and not (output / "pagefind").exists()
    assert "no entry pages" in caplog.text and "search index not built" not in caplog.text
