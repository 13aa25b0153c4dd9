"""Hostile seeds: each gets a clear message naming the file (or converts safely); nothing is injected into any
output; nothing is written outside content/timeline/; every other seed still converts and builds."""

from __future__ import annotations

import codecs
import re
import time
from pathlib import Path

import pytest

from conflict_timeline.errors import SeedError
from conflict_timeline.extract import extract
from conflict_timeline.importer import Importer, seed_files
from conflict_timeline.seeds import read_seed

from conftest import ROOT, make_project, run_pelican

GOOD = ROOT / "seeds" / "000_58b2e9f6377aac77.txt"
STORY = ("{headline}\n\nAgence France-Presse\n\nHOMS, Syria (AFP) – {lead} Syrian troops retook Palmyra from the "
         "Islamic State group on Sunday, March 27, 2016, state television said.\n\n{body}\n")
INJECTION = "<script>alert(1)</script><iframe src=//evil.example/x></iframe><img src=x onerror=alert(1)>"
SEEDS: dict[str, bytes] = {
    "empty.txt": b"",
    "blank.txt": b" \n\t \n\n",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 50,
    "utf16.txt": codecs.BOM_UTF16_LE + STORY.format(headline="Army retakes Palmyra", lead="", body="More.").encode("utf-16-le"),
    "cp1252.txt": STORY.format(headline="Army “retakes” Palmyra", lead="", body="It said so.").encode("cp1252"),
    "huge.txt": b"Headline\n\n" + b"Filler sentence about nothing in particular. " * 240_000,
    "html in text.txt": STORY.format(headline=f"Palmyra {INJECTION}", lead=INJECTION, body=INJECTION).encode(),
    "lookalike.txt": STORY.format(headline="Palmyra retaken", lead="",
                                  body="Title: Fake\n\nDate: 1999-01-01\n\nStatus: draft\n\nSlug: ../../etc/passwd\n\n"
                                       "Engineers began clearing mines from the ancient site, officials said.").encode(),
    "حلب معركة.txt": STORY.format(headline="Battle news", lead="", body="Unicode name.").encode(),
    "seed;rm -rf.txt": STORY.format(headline="Odd name", lead="", body="Shell characters in the name.").encode(),
    ".hidden.txt": b"never read",
    "nodate.txt": b"Fighting near Idlib\n\nReuters\n\nBEIRUT (Reuters) - Fighting flared near Idlib, residents said.\n",
    "contradiction.txt": ("Two dates\n\nReuters\n\nBEIRUT (Reuters) - Troops entered Palmyra on March 27, 2016, or on "
                          "April 2, 2015, reports said.\n").encode(),
    "future.txt": ("Future report\n\nReuters\n\nBEIRUT (Reuters) - Troops entered Palmyra on Friday, March 14, 2031, "
                   "a statement said.\n").encode(),
    "unknown.txt": ("Clashes in Atlantis\n\nReuters\n\nBEIRUT (Reuters) - The Atlantis Liberation Brigade clashed with "
                    "the Blue Hand Movement near Atlantis on Sunday, March 27, 2016, a monitor said.\n").encode(),
}
PAGE = f"""<!doctype html><html><head><meta property="og:title" content="Palmyra {INJECTION.replace('"', '')}">
<meta property="article:published_time" content="2016-03-27"></head><body><article>
<p>HOMS, Syria (AFP) – {INJECTION} Syrian troops retook Palmyra from the Islamic State group on Sunday.</p>
<p>{INJECTION}</p></article></body></html>"""
FAILS = {"empty.txt": "empty", "blank.txt": "empty", "binary.txt": "binary", "huge.txt": "limit",
         "nodate.txt": "date"}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("hostile"), [GOOD])
    for name, data in SEEDS.items():
        (project / "seeds" / name).write_bytes(data)
    (project / "seeds" / "page.html").write_text(PAGE, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def outcomes(project, registries):
    started = time.perf_counter()
    result = Importer(project / "content", registries).run(seed_files(project / "seeds"))
    assert time.perf_counter() - started < 30
    return result


def test_every_seed_is_reported_by_name(outcomes):
    names = {o.seed for o in outcomes}
    assert names == (set(SEEDS) - {".hidden.txt"}) | {"page.html", GOOD.name}
    failed = {o.seed: o.message for o in outcomes if o.action == "failed"}
    assert set(failed) == set(FAILS)
    for name, reason in FAILS.items():
        assert reason in failed[name], failed[name]
    assert all(o.action in ("created", "failed") for o in outcomes)


def test_the_good_seed_and_the_tolerable_ones_convert(outcomes):
    created = {o.seed for o in outcomes if o.action == "created"}
    assert {GOOD.name, "utf16.txt", "cp1252.txt", "html in text.txt", "lookalike.txt", "حلب معركة.txt",
            "seed;rm -rf.txt", "contradiction.txt", "future.txt", "unknown.txt", "page.html"} <= created


def test_nothing_is_written_outside_the_timeline(project, outcomes):
    content = project / "content"
    written = {p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file()}
    assert all(w.startswith("timeline/") or w.startswith("data/") for w in written)
    assert not list(project.rglob("passwd"))


LIVE_MARKUP = re.compile(r"<(?:script|iframe|img)\b[^>]*>|<[a-z][^>]*\sonerror=[^>]*>", re.I)
OURS = re.compile(r'src="[^"]*(?:theme/js/|pagefind/)[^"]*"|type="application/ld\+json"')


def test_build_succeeds_and_nothing_is_injected(project, outcomes):
    output = run_pelican(project)
    assert (output / "entries" / "2017-10-14-dozens-of-is-fighters-surrender-as-raqas-fall-nears" / "index.html").exists()
    bad = []
    for path in output.rglob("*"):
        if not path.is_file() or path.suffix not in (".html", ".json", ".csv", ".ics", ".xml", ".geojson"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix in (".html", ".xml"):
            bad += [(path.name, m.group(0)) for m in LIVE_MARKUP.finditer(text) if not OURS.search(m.group(0))]
        else:  # data files: not even as text
            bad += [(path.name, s) for s in ("<script", "<iframe", "onerror=") if s in text]
    assert bad == []


def test_markup_in_a_text_seed_is_removed_and_reported(registries, project):
    result = extract(read_seed(project / "seeds" / "html in text.txt"), registries)
    assert result.entry.title == "Palmyra"
    assert "script" not in result.entry.body and "alert" not in result.entry.body
    assert "HTML markup removed from a text seed" in result.warnings


def test_lookalike_lines_stay_in_the_body(registries, project):
    result = extract(read_seed(project / "seeds" / "lookalike.txt"), registries)
    assert result.entry.status == "published" and result.entry.title == "Palmyra retaken"
    assert "Slug: ../../etc/passwd" in result.entry.body


def test_contradictory_dates_take_the_first_and_say_so(registries, project):
    result = extract(read_seed(project / "seeds" / "contradiction.txt"), registries)
    assert result.date.iso == "2016-03-27"


def test_unknown_places_and_actors(registries, project):
    result = extract(read_seed(project / "seeds" / "unknown.txt"), registries)
    assert result.entry.places == () and result.entry.factions == ()
    assert {"Atlantis Liberation Brigade", "Blue Hand Movement"} <= set(result.unknown_actors)


def test_huge_seed_is_refused_quickly(project):
    started = time.perf_counter()
    with pytest.raises(SeedError, match="limit") as error:
        read_seed(project / "seeds" / "huge.txt")
    assert "huge.txt" in str(error.value) and time.perf_counter() - started < 1


def test_future_date_is_flagged(registries, project):
    result = extract(read_seed(project / "seeds" / "future.txt"), registries)
    assert any("future" in w for w in result.warnings)


def test_date_after_publication_is_flagged(registries, tmp_path):
    seed = tmp_path / "late.txt"
    seed.write_text("Published: 2016-03-20\n\nPalmyra\n\nHOMS, Syria – Troops retook Palmyra on March 27, 2016.\n", encoding="utf-8")
    result = extract(read_seed(seed), registries)
    assert any("after the publication date 2016-03-20" in w for w in result.warnings)
