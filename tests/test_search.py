"""What Pagefind reads: one record per published entry, its text as text and title, date and labels as metadata.
One Pagefind bundle per year of entries; a rebuild indexes again only the years whose entries changed."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest
from bs4 import BeautifulSoup

from conflict_timeline import search_index
from conflict_timeline.search_index import bundle_groups
from conflict_timeline.search_records import record_html
from conftest import make_project

ENTRY = "entries/2017-10-14-dozens-of-is-fighters-surrender-as-raqas-fall-nears.html"


@pytest.mark.parametrize("pages, limit, groups", [
    ([], 10, {}),
    ([("2017-10-14", "b.html"), ("2016-03-27", "a.html"), ("2017-01-02", "c.html")], 10,
     {"2016": ["a.html"], "2017": ["c.html", "b.html"]}),  # oldest year first, each in date order
    ([("2017-01-01", "x.html"), ("2017-01-01", "w.html")], 10, {"2017": ["w.html", "x.html"]}),  # same day: by path
    ([("2017-%02d-01" % m, f"{m}.html") for m in range(1, 6)], 2,  # a year bigger than a bundle: parts, in order
     {"2017": ["1.html", "2.html"], "2017-2": ["3.html", "4.html"], "2017-3": ["5.html"]}),
    ([("0950-01-01", "old.html")], 10, {"0950": ["old.html"]}),
])
def test_entry_pages_are_grouped_by_year_into_bundles(pages, limit, groups):
    dated = [(dt.date.fromisoformat(day), save_as) for day, save_as in pages]
    assert bundle_groups(dated, limit) == groups
    assert list(bundle_groups(dated, limit)) == list(groups)  # the order search.js merges them in


def indexed(output) -> dict[str, dict]:
    """What Pagefind stored for each page, by URL: its fragments (gzip, a 12-byte signature, then JSON)."""
    found = {}
    for fragment in (output / "pagefind").glob("*/fragment/*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])
        found[data["url"]] = data
    return found


def test_pagefind_gets_each_entry_s_text_and_its_facts_apart(tmp_path, build_site):
    output = build_site(make_project(tmp_path, real_content=True), TIMELINE_SEARCH=True)
    pages = indexed(output)
    assert sorted(pages) == sorted(f"/entries/{p.name}" for p in (output / "entries").glob("*.html"))
    record = pages["/" + ENTRY]
    assert record["meta"]["title"] == "Dozens of IS fighters surrender as Raqa’s fall nears"
    assert record["meta"]["date"] == "14 October 2017" and record["meta"]["datetime"] == "2017-10-14"
    assert record["meta"]["places"].startswith("Raqqa, ") and "Islamic State" in record["meta"]["factions"]
    assert {"Raqqa"} <= set(record["filters"]["place"]) and "Islamic State" in record["filters"]["faction"]
    assert record["filters"]["type"] == ["Strategic developments"]
    page = BeautifulSoup((output / ENTRY).read_text(encoding="utf-8"), "html.parser")
    words = page.select_one("div.body").get_text(" ").split()
    # the entry's own text, and nothing else: no title, date, label, map title or navigation fused into it
    assert record["content"].split()[:40] == words[:40] and record["word_count"] == pytest.approx(len(words), rel=0.05)
    assert "14 October 2017" not in record["content"] and "Where:" not in record["content"]
    assert not record["content"].startswith(record["meta"]["title"])
    assert not any(url.startswith("/drafts/") for url in pages)  # drafts are not searchable


def page_counts(output) -> dict[str, int]:
    """Pages in each Pagefind bundle the search page loads (pagefind/bundles.json), by bundle."""
    bundles = json.loads((output / "pagefind" / "bundles.json").read_text(encoding="utf-8"))["bundles"]
    counts = {}
    for name in bundles:
        entry = json.loads((output / "pagefind" / name / "pagefind-entry.json").read_text(encoding="utf-8"))
        counts[name] = sum(language["page_count"] for language in entry["languages"].values())
    return counts


def test_pagefind_indexes_exactly_the_published_entries(tmp_path, build_site, caplog):
    output = build_site(make_project(tmp_path, real_content=True), TIMELINE_SEARCH=True)
    entries = sorted(p.name for p in (output / "entries").glob("*.html"))
    assert page_counts(output) == {year: sum(name.startswith(year) for name in entries) for year in ("2012", "2016", "2017")}
    assert sorted(p.name for p in (output / "pagefind").iterdir()) == ["2012", "2016", "2017", "bundles.json"]
    assert "Pagefind indexed 3 of 3 bundles" in caplog.text
    shipped = {p.name for p in (output / "pagefind").glob("*/*") if p.is_file()}
    assert "pagefind.js" in shipped and not shipped & set(search_index.UI_FILES)  # no unused interface, ~420 KB each
    assert not (tmp_path / "project" / "cache" / "timeline-search").exists() or not any(
        (tmp_path / "project" / "cache" / "timeline-search").iterdir())  # the pages' links are gone


def hand_written(year: int, title: str, words: str) -> str:
    return f"Title: {title}\nDate: {year}-05-0{year % 9 + 1}\nPlaces: Kobani\nFactions: Islamic State\n\n{words}\n"


TWO_YEARS = {"timeline/2015/siege.md": hand_written(2015, "Siege of Kobani broken", "The siege of Kobani was broken."),
             "timeline/2018/raid.md": hand_written(2018, "Raid near Kobani", "A raid near Kobani killed two."),
             "timeline/2018/march.md": hand_written(2018, "March in Kobani", "A march in Kobani marked the day.")}


def bundle_files(output, name: str) -> dict[str, int]:
    """Every file of a bundle -> its modification time (ns)."""
    folder = output / "pagefind" / name
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_a_rebuild_indexes_again_only_the_year_whose_entry_pages_changed(tmp_path, build_site, caplog):
    project = make_project(tmp_path, entries=TWO_YEARS)
    output = build_site(project, TIMELINE_SEARCH=True)
    assert page_counts(output) == {"2015": 1, "2018": 2}
    before = {year: bundle_files(output, year) for year in ("2015", "2018")}
    manifest = next((project / "cache").glob("timeline-search-*.json"))
    digests = {name: kept["records"] for name, kept in json.loads(manifest.read_text(encoding="utf-8"))["bundles"].items()}
    assert sorted(digests) == ["2015", "2018"]

    caplog.clear()
    build_site(project, TIMELINE_SEARCH=True)  # nothing changed: nothing indexed
    assert "Pagefind indexed 0 of 2 bundles" in caplog.text and "(2 unchanged)" in caplog.text
    assert {year: bundle_files(output, year) for year in ("2015", "2018")} == before
    page = (output / "entries" / "siege.html").stat().st_mtime_ns
    build_site(project, TIMELINE_SEARCH=True, TIMELINE_INCREMENTAL=False)  # every page written again, the same bytes
    assert (output / "entries" / "siege.html").stat().st_mtime_ns != page
    assert {year: bundle_files(output, year) for year in ("2015", "2018")} == before  # (Pelican logs a line once)

    (project / "content" / "timeline/2018/raid.md").write_text(
        hand_written(2018, "Raid near Kobani", "A raid near Kobani killed two fighters."), encoding="utf-8")
    caplog.clear()
    build_site(project, TIMELINE_SEARCH=True)
    assert "Pagefind indexed 1 of 2 bundles" in caplog.text
    assert bundle_files(output, "2015") == before["2015"]  # the year nothing changed in: not touched
    assert bundle_files(output, "2018") != before["2018"]
    after = json.loads(manifest.read_text(encoding="utf-8"))["bundles"]
    assert after["2015"]["records"] == digests["2015"] and after["2018"]["records"] != digests["2018"]
    assert page_counts(output) == {"2015": 1, "2018": 2}


def test_a_year_without_entries_loses_its_bundle_and_stale_files_go(tmp_path, build_site, caplog):
    project = make_project(tmp_path, entries=TWO_YEARS)
    output = build_site(project, TIMELINE_SEARCH=True)
    (output / "pagefind" / "pagefind-entry.json").write_text("{}", encoding="utf-8")  # a one-bundle site's file
    (output / "pagefind" / ".2018.new").mkdir()  # what an interrupted build may leave
    (project / "content" / "timeline/2015/siege.md").unlink()
    build_site(project, TIMELINE_SEARCH=True)
    assert sorted(p.name for p in (output / "pagefind").iterdir()) == ["2018", "bundles.json"]
    assert json.loads((output / "pagefind" / "bundles.json").read_text(encoding="utf-8")) == {"bundles": ["2018"]}


def test_a_site_with_no_entry_yet_builds_without_a_search_index(tmp_path, build_site, caplog):
    output = build_site(make_project(tmp_path), TIMELINE_SEARCH=True)
    assert (output / "search" / "index.html").exists() and not (output / "pagefind").exists()
    assert "no entry pages" in caplog.text and "search index not built" not in caplog.text


def test_a_record_keeps_the_facts_out_of_the_text_and_escapes_what_curators_type():
    html = record_html(title="Shelling of Tal Abyad & Ain Issa <update>", body="<p>Shells fell on the market.</p>",
                       date=dt.date(2019, 10, 1), precision="month", lang="ar",
                       places=["Tal Abyad", "Ain Issa"], factions=["Syrian National Army"], event="Battles")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "ar" and soup.body["data-pagefind-sort"] == "date:2019-10"
    meta = {el["data-pagefind-meta"]: el.get_text() for el in soup.select("[data-pagefind-meta]")}
    assert meta == {"title": "Shelling of Tal Abyad & Ain Issa <update>", "date": "October 2019",
                    "datetime": "2019-10", "places": "Tal Abyad, Ain Issa", "factions": "Syrian National Army"}
    filters = sorted((el["data-pagefind-filter"], el.get_text()) for el in soup.select("[data-pagefind-filter]"))
    assert filters == [("faction", "Syrian National Army"), ("place", "Ain Issa"), ("place", "Tal Abyad"),
                       ("type", "Battles")]
    body = soup.select_one("[data-pagefind-body]")
    assert body.get_text() == "Shells fell on the market." and not body.select("[data-pagefind-meta]")
    assert "<update>" not in html  # escaped, not a tag


def test_a_failed_index_is_named_by_the_build_and_the_site_still_builds(tmp_path, build_site, caplog, monkeypatch):
    monkeypatch.setattr(search_index, "pagefind_command", lambda site, out: ["false", str(site), str(out)])
    output = build_site(make_project(tmp_path, entries=TWO_YEARS), TIMELINE_SEARCH=True)
    assert (output / "entries" / "siege.html").exists() and (output / "search" / "index.html").exists()
    assert "search index of 2015 not built (pagefind exit 1)" in caplog.text  # said by the second process
    assert "search index of 2018 not built" in caplog.text and not (output / "pagefind" / "2015").exists()
