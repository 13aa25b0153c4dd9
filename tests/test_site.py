"""A real Pelican build: the seed's entry, drafts, hand-written entries, warnings, determinism."""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT, make_project

SEED = ROOT / "seeds" / "000_58b2e9f6377aac77.txt"
HAND = """Title: Government forces retake Palmyra
Date: 2016-03
Places: Tadmur
Factions: Syrian Arab Army; Russian Armed Forces

Written by a curator from several reports.
"""
UNKNOWN = """Title: Clashes near Raqqa
Date: 2017-07-02
Places: Raqqa Citadelle; Raqa; Deir Ezzor
Factions: Syrian Democratic Forcez

Text.
"""


def digest(output: Path) -> dict[str, str]:
    return {p.relative_to(output).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(output.rglob("*")) if p.is_file()}


def test_seed_builds_into_a_dated_entry_with_places_and_factions(tmp_path, build_site):
    output = build_site(make_project(tmp_path, [SEED]))
    page = output / "entries" / "2017-10-14-dozens-of-is-fighters-surrender-as-raqas-fall-nears.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    time = soup.find("time")
    assert (time["datetime"], time.get_text()) == ("2017-10-14", "14 October 2017")
    places = [li.get_text(strip=True) for li in soup.select(".places li")]
    assert places == ["Raqqa", "Deir ez-Zor Governorate", "Al Mayadin", "Mosul", "Euphrates Valley"]
    factions = {li.get_text(strip=True) for li in soup.select(".factions li")}
    assert factions == {"Islamic State", "US-led coalition", "Syrian Arab Army", "Syrian Democratic Forces",
                        "People's Protection Units", "Syrian rebels"}
    assert "reported from Kobani" in soup.get_text()
    drafts = sorted(p.stem for p in (output / "drafts").glob("*.html"))
    assert drafts == ["2014-islamic-state-captured-raqqa", "2017-06-syrian-democratic-forces-broke-into-raqqa",
                      "2017-10-14-syrian-arab-army-captured-al-mayadin"]
    index = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a.get_text() for a in index.select("ol.timeline .entry-title a")] == ["Dozens of IS fighters surrender as Raqa’s fall nears"]


def test_hand_written_entry_builds_beside_generated_ones(tmp_path, build_site):
    project = make_project(tmp_path, [SEED], {"timeline/2016/palmyra.md": HAND})
    output = build_site(project)
    index = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    times = [(t["datetime"], t.get_text()) for t in index.select("ol.timeline time")]
    assert times == [("2016-03", "March 2016"), ("2017-10-14", "14 October 2017")]
    entry = BeautifulSoup((output / "entries" / "palmyra.html").read_text(encoding="utf-8"), "html.parser")
    assert [li.get_text(strip=True) for li in entry.select(".places li")] == ["Palmyra"]


def test_unknown_names_warn_with_file_and_closest_names(tmp_path, build_site, caplog):
    build_site(make_project(tmp_path, [], {"timeline/2017/unknown.md": UNKNOWN}))
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    place = next(w for w in warnings if "unknown place 'Raqqa Citadelle'" in w)
    assert "unknown.md" in place and "Raqqa" in place.split("closest known:")[1]
    assert not any("'Raqa'" in w or "'Deir Ezzor'" in w for w in warnings)  # known spellings resolve quietly
    faction = next(w for w in warnings if "unknown faction 'Syrian Democratic Forcez'" in w)
    assert "Syrian Democratic Forces" in faction


def test_an_undated_seed_is_kept_and_held_back_and_the_rest_build(tmp_path, build_site, caplog):
    project = make_project(tmp_path, [SEED])
    (project / "seeds" / "undated-idlib.txt").write_text(  # a name of its own: Pelican logs a message once
        "Clashes in Idlib\n\nReuters\n\nBEIRUT (Reuters) - Fighting raged in Idlib province, a monitor said.\n",
        encoding="utf-8")
    caplog.set_level(logging.WARNING, logger="conflict_timeline")
    output = build_site(project)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("undated-idlib.txt" in w and "needs a date" in w for w in warnings)
    entry = project / "content" / "timeline" / "undated" / "undated-clashes-in-idlib.md"
    assert "Places: Idlib Governorate" in entry.read_text(encoding="utf-8")  # everything else was extracted
    assert not [p for p in output.rglob("*clashes-in-idlib*")]  # held back from the site until it has a date
    assert (output / "entries" / "2017-10-14-dozens-of-is-fighters-surrender-as-raqas-fall-nears.html").exists()


def test_two_builds_are_byte_identical(tmp_path, build_site):
    project = make_project(tmp_path, [SEED], {"timeline/2016/palmyra.md": HAND})
    first = digest(build_site(project))
    import shutil

    shutil.rmtree(project / "output")
    assert digest(build_site(project)) == first


def test_no_third_party_requests_in_pages(tmp_path, build_site):
    """Nothing a page loads (src, <link href>, CSS url()) comes from another host; <a> links to sources are fine."""
    output = build_site(make_project(tmp_path, [SEED]))
    pages = list(output.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        loads = [t.get("src") for t in soup.find_all(src=True)] + [t.get("href") for t in soup.find_all("link")]
        assert not [u for u in loads if re.match(r"(?:[a-z]+:)?//", u or "")], page
    for css in output.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(?:[a-z]+:)?//", css.read_text(encoding="utf-8")), css


def test_relative_build_has_no_root_absolute_links(tmp_path, build_site):
    """Opened from a folder or any sub-path, a default (relative) build must not link to '/...'."""
    output = build_site(make_project(tmp_path, [SEED], {"timeline/2016/palmyra.md": HAND}))
    for page in output.rglob("*.html"):
        links = re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8"))
        assert not [u for u in links if u.startswith("/")], page


def test_entry_pages_carry_schema_org_event(tmp_path, build_site):
    import json

    output = build_site(make_project(tmp_path, [SEED]))
    page = output / "entries" / "2017-10-14-dozens-of-is-fighters-surrender-as-raqas-fall-nears.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert (data["@type"], data["startDate"], data["name"]) == ("Event", "2017-10-14", "Dozens of IS fighters surrender as Raqa’s fall nears")
    assert [p["name"] for p in data["location"]][0] == "Raqqa"
    assert {"name": "Islamic State", "@type": "Organization"} in data["performer"]
    assert not soup.find_all("script", src=False, type=lambda t: t != "application/ld+json")  # no inline code


def test_the_second_process_writes_what_one_process_writes(tmp_path, build_site):
    """TIMELINE_PARALLEL: the plugin's pages are written by a forked process; the tree is byte-identical."""
    project = make_project(tmp_path, [SEED], {"timeline/2016/palmyra.md": HAND})
    parallel = digest(build_site(project))
    import shutil

    shutil.rmtree(project / "output")
    alone = digest(build_site(project, TIMELINE_PARALLEL=False))
    assert alone == parallel
    assert {"factions/index.html", "feeds/all.atom.xml", "timeline.json", "timeline/2017/10/index.html"} <= set(alone)


def read_ahead_project(tmp_path, monkeypatch, head_start: bool = True):
    """Entries enough for a second process to read them, in chunks of two; one has no date (a warning). With a
    ``head_start`` Pelican waits until the second process has read them all; without, they meet where they meet."""
    import os

    from conflict_timeline import readahead

    monkeypatch.setattr(readahead, "READ_AHEAD_MIN", 1)
    monkeypatch.setattr(readahead, "READ_AHEAD_CHUNK", 2)
    if head_start:
        start = readahead.ReadAhead.start.__func__

        def started(cls, settings, paths):
            ahead = start(cls, settings, paths)
            os.waitpid(ahead._pid, 0)
            return ahead

        monkeypatch.setattr(readahead.ReadAhead, "start", classmethod(started))
    entries = {f"timeline/2016/palmyra-{n}.md": HAND.replace("Palmyra", f"Palmyra ({n})") for n in range(5)}
    entries["timeline/2017/clashes.md"] = UNKNOWN
    entries["timeline/2017/undated.md"] = "Title: A report of shelling\nPlaces: Raqqa\n\nText.\n"
    return make_project(tmp_path, [SEED], entries)


def test_entries_read_by_a_second_process_build_the_same_site(tmp_path, build_site, monkeypatch, caplog):
    """TIMELINE_PARALLEL: a second process reads entries while Pelican reads the others (readahead.py): the
    same tree, the same warnings (logged by the build's own process), and nothing left behind."""
    import shutil
    import tempfile

    from conflict_timeline.readahead import ReadAhead

    taken = {}
    take = ReadAhead.take
    monkeypatch.setattr(ReadAhead, "take", lambda self, path: taken.setdefault(path, take(self, path)))
    project = read_ahead_project(tmp_path, monkeypatch)
    written = sorted(p.as_posix() for p in (project / "content" / "timeline").rglob("*.md"))
    before = set(Path(tempfile.gettempdir()).glob("timeline-read-*"))
    ahead = digest(build_site(project))
    imported = sorted(p.as_posix() for p in (project / "content" / "timeline").rglob("*.md") if p.as_posix() not in written)
    assert len(written) == 7 and len(imported) == 4  # the seed's entries, written by the import the build began with
    assert sorted(taken) == sorted(written + imported)
    assert all(taken[path] for path in written)  # read by the second process, while the seed was imported
    assert not any(taken[path] for path in imported)  # not there yet when it began: read by Pelican
    assert "undated.md: needs a date" in caplog.text and "unknown faction 'Syrian Democratic Forcez'" in caplog.text
    assert set(Path(tempfile.gettempdir()).glob("timeline-read-*")) == before
    shutil.rmtree(project / "output")
    assert digest(build_site(project, TIMELINE_PARALLEL=False)) == ahead


def test_an_entry_changed_after_the_second_process_read_it_is_read_again(tmp_path, build_site, monkeypatch):
    """The second process starts before the seeds are imported: what the import rewrites, Pelican reads."""
    from conflict_timeline import pelican_hooks
    from conflict_timeline.readahead import ReadAhead

    project = read_ahead_project(tmp_path, monkeypatch)
    entry = project / "content" / "timeline/2016/palmyra-0.md"
    import_seeds = pelican_hooks.import_seeds

    def rewriting(pelican):  # what an import that updates an entry does
        entry.write_text(entry.read_text(encoding="utf-8").replace("Palmyra (0)", "Palmyra, again"), encoding="utf-8")
        import_seeds(pelican)

    monkeypatch.setattr(pelican_hooks, "import_seeds", rewriting)
    taken = {}
    take = ReadAhead.take
    monkeypatch.setattr(ReadAhead, "take", lambda self, path: taken.setdefault(path, take(self, path)))
    output = build_site(project)
    assert taken[entry.as_posix()] is None and taken[entry.with_name("palmyra-1.md").as_posix()]
    assert "Government forces retake Palmyra, again" in (output / "entries" / "palmyra-0.html").read_text(encoding="utf-8")


def test_pelican_and_the_second_process_meet_where_they_meet(tmp_path, build_site, monkeypatch):
    import shutil

    project = read_ahead_project(tmp_path, monkeypatch, head_start=False)
    ahead = digest(build_site(project))
    shutil.rmtree(project / "output")
    assert digest(build_site(project, TIMELINE_PARALLEL=False)) == ahead


def test_a_second_process_that_cannot_read_only_costs_time(tmp_path, build_site, monkeypatch):
    import shutil

    from conflict_timeline.readahead import ReadAhead

    project = read_ahead_project(tmp_path, monkeypatch)
    alone = digest(build_site(project, TIMELINE_PARALLEL=False))

    def broken(self, settings, chunks):
        raise OSError("no space left")

    monkeypatch.setattr(ReadAhead, "_read", broken)
    shutil.rmtree(project / "output")
    assert digest(build_site(project)) == alone


def test_a_failure_in_the_second_process_fails_the_build(tmp_path, build_site, monkeypatch):
    import pytest

    from conflict_timeline.errors import TimelineError
    from conflict_timeline.generator import TimelineGenerator

    def broken(self):
        raise ValueError("exports broke")

    monkeypatch.setattr(TimelineGenerator, "write_exports", broken)
    with pytest.raises(TimelineError, match="TIMELINE_PARALLEL = False"):
        build_site(make_project(tmp_path, [SEED]))


def test_the_same_settings_build_twice_with_their_archives(tmp_path):
    """The plugin takes Pelican's year and month archive settings over once; a second run (autoreload) keeps them."""
    import shutil

    from pelican import Pelican
    from pelican.settings import read_settings

    project = make_project(tmp_path, [SEED])
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(project / "content"), "OUTPUT_PATH": str(project / "output"), "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")], "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
        "CACHE_PATH": str(project / "cache"), "TIMELINE_SEARCH": False})
    for _ in range(2):
        shutil.rmtree(project / "output", ignore_errors=True)
        Pelican(settings).run()
        assert (project / "output" / "timeline" / "2017" / "10" / "index.html").exists()
        assert (project / "output" / "timeline" / "2017" / "index.html").exists()


def test_two_spellings_of_one_name_share_one_page(tmp_path, build_site):
    """'al-Waer, Homs' and 'Al-Waer, Homs' in two hand-written entries: one page (two would collide and stop the
    build), listing both entries."""
    entries = {f"timeline/2017/{n}.md": f"Title: Shelling {n}\nDate: 2017-03-0{n}\nPlaces: {spelling}\n\nText.\n"
               for n, spelling in ((1, "al-Waer, Homs"), (2, "Al-Waer district, Homs"), (3, "Al-Waer, Homs"))}
    output = build_site(make_project(tmp_path, [], entries))
    pages = sorted(p.parent.name for p in (output / "places").glob("*/index.html"))
    assert pages.count("al-waer-homs") == 1
    page = (output / "places" / "al-waer-homs" / "index.html").read_text(encoding="utf-8")
    assert "Shelling 1" in page and "Shelling 3" in page


def test_a_file_name_that_starts_like_a_date_is_not_read_as_one(tmp_path, build_site):
    """'2016-05-40-dead-in-clashes.md' (month precision, a title starting with a number): Pelican read a date into
    the name and dropped the entry with 'Could not process'."""
    entries = {"timeline/2016/2016-05-40-dead-in-clashes.md": "Title: 40 dead in clashes\nDate: 2016-05\n"
                                                              "Places: Aleppo\n\nText.\n"}
    output = build_site(make_project(tmp_path, [], entries))
    page = output / "entries" / "2016-05-40-dead-in-clashes.html"
    assert '<time datetime="2016-05">May 2016</time>' in page.read_text(encoding="utf-8")


def test_a_year_is_listed_under_its_year_never_under_january(tmp_path, build_site):
    entries = {"timeline/1967/war.md": "Title: Six-Day War ends\nDate: 1967\nPlaces: Quneitra\n\nText.\n",
               "timeline/1967/jan.md": "Title: Border shelling\nDate: 1967-01-15\nPlaces: Quneitra\n\nText.\n"}
    output = build_site(make_project(tmp_path, [], entries))
    soup = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    sections = {s.find(["h2", "h3"]).get_text(strip=True): s.get_text(" ", strip=True) for s in soup.select("section.month")}
    assert "Six-Day War ends" in sections["1967"] and "Six-Day War ends" not in sections["January 1967"]
    january = (output / "timeline" / "1967" / "01" / "index.html").read_text(encoding="utf-8")
    assert "Border shelling" in january and "Six-Day War ends" not in january


def test_the_year_page_lists_what_is_known_only_to_the_year(tmp_path, build_site):
    entries = {"timeline/1967/war.md": "Title: Six-Day War ends\nDate: 1967\nPlaces: Quneitra\n\nText.\n",
               "timeline/1967/jan.md": "Title: Border shelling\nDate: 1967-01-15\nPlaces: Quneitra\n\nText.\n"}
    output = build_site(make_project(tmp_path, [], entries))
    year = BeautifulSoup((output / "timeline" / "1967" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a.get_text() for a in year.select("ul.months a")] == ["January 1967"]
    assert "Six-Day War ends" in year.select_one("ol.timeline").get_text()


def test_the_review_page_lists_drafts_by_reason_and_stays_out_of_sight(tmp_path, build_site):
    entries = {"timeline/2017/a.md": "Title: Clash near Raqqa\nDate: 2017-10-14\nStatus: draft\nPlaces: Raqqa\n"
                                     "Warnings: unknown actor: Liwa al-Example\n\nx\n",
               "timeline/2017/b.md": "Title: Raqqa falls\nDate: 2017-10-17\nPlaces: Raqqa\n"
                                     "Factions: Syrian Democratic Forces\n\nx\n"}
    output = build_site(make_project(tmp_path, [], entries))
    page = BeautifulSoup((output / "review" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    section = page.select_one("section.review")
    assert section.find("h2").get_text().startswith("Unknown actor (1)") and "Clash near Raqqa" in section.get_text()
    assert "Raqqa falls" not in page.get_text()
    assert "/review/" not in (output / "index.html").read_text(encoding="utf-8")  # in no menu
    assert "review" not in (output / "sitemap.xml").read_text(encoding="utf-8")


def test_the_review_page_stays_light(tmp_path, build_site):
    from conflict_timeline.review import SHOWN

    entries = {f"timeline/2017/d{n}.md": f"Title: Draft {n}\nDate: 2017-10-14\nStatus: draft\nPlaces: Raqqa\n"
                                         "Warnings: unknown actor: Liwa al-Example\n\nx\n" for n in range(SHOWN + 5)}
    page = (build_site(make_project(tmp_path, [], entries)) / "review" / "index.html").read_text(encoding="utf-8")
    assert f"Unknown actor ({SHOWN + 5})" in page and page.count('class="entry compact"') == SHOWN
    assert "And 5 more" in page


def test_a_theme_without_the_review_template_still_builds(tmp_path, build_site, caplog):
    import shutil

    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "templates" / "review.html").unlink()
    output = build_site(make_project(tmp_path, [SEED]), THEME=str(theme), TIMELINE_PARALLEL=False)  # logs here
    assert (output / "index.html").exists() and not (output / "review").exists()
    assert any("no review.html template" in r.getMessage() for r in caplog.records)
