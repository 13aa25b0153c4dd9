"""A larger site (600 synthetic entries) built for a sub-path: every link stays under SITEURL, lists are split,
and the first view of the timeline stays under 100 KB including its CSS and JavaScript."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import make_project, run_pelican

SITE = "https://example.org/timeline"
PLACES = ["Raqqa", "Aleppo", "Mosul", "Palmyra", "Idlib", "Deir ez-Zor", "Kobani", "Manbij", "Homs", "Daraa",
          "Fallujah", "Tikrit", "Afrin", "Douma", "Hama Governorate"]
FACTIONS = ["Islamic State", "Syrian Arab Army", "Syrian Democratic Forces", "Free Syrian Army", "Hayat Tahrir al-Sham",
            "Russian Armed Forces", "Turkish Armed Forces", "Iraqi Security Forces", "US-led coalition"]
N = 600


def synthetic_entries(n: int, seed: int = 7) -> dict[str, str]:
    rng = random.Random(seed)
    entries = {}
    for i in range(n):
        day = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(2900))
        precision = rng.choice(["day"] * 8 + ["month", "year"])
        date = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
        places = rng.sample(PLACES, rng.randint(1, 3))
        factions = rng.sample(FACTIONS, rng.randint(1, 3))
        title = f"{factions[0]} report fighting near {places[0]} ({i})"
        entries[f"timeline/{day.year}/e{i:05d}.md"] = (
            f"Title: {title}\nDate: {date}\nPlaces: {'; '.join(places)}\nFactions: {'; '.join(factions)}\n"
            f"Event: Battles\nSummary: Clashes were reported near {places[0]}, a monitor said.\n\n"
            + "Fighting was reported, officials said. " * 20 + "\n")
    return entries


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("scale"), entries=synthetic_entries(N))
    return run_pelican(project, SITEURL=SITE, FEED_DOMAIN=SITE, RELATIVE_URLS=False)


def test_every_internal_link_stays_under_the_sub_path(site):
    bad = []
    for page in site.rglob("*.html"):
        for attr in re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
            if attr.startswith("/") or (attr.startswith("http") and not attr.startswith(SITE + "/")):
                bad.append((page.relative_to(site).as_posix(), attr))
    assert bad == []


def test_first_view_is_under_100_kb(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(index, "html.parser")
    assets = [t["href"] for t in soup.find_all("link", rel="stylesheet")] + [t["src"] for t in soup.find_all("script", src=True)]
    sizes = [len(index.encode("utf-8"))] + [(site / a.removeprefix(SITE + "/")).stat().st_size for a in assets]
    assert sum(sizes) < 100_000, sizes
    assert len(soup.select("ol.timeline > li")) == 50  # one page of the timeline, not all 600


def test_lists_are_split(site):
    assert (site / "page" / "12" / "index.html").exists()
    faction = BeautifulSoup((site / "factions" / "islamic-state" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(faction.select("ol.timeline > li")) == 100
    assert (site / "factions" / "islamic-state" / "2" / "index.html").exists()


def test_no_page_is_heavy(site):
    heaviest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    assert heaviest.stat().st_size < 200_000, heaviest


def test_a_busy_month_is_split_into_pages(tmp_path):
    """230 entries in one month: the month archive lists them 100 a page, each page linking the others."""
    entries = {f"timeline/2016/m{i:03d}.md": (f"Title: Shelling in Aleppo ({i})\nDate: 2016-08-{1 + i % 28:02d}\n"
                                              f"Places: Aleppo\nFactions: Syrian Arab Army\n\nShelling was reported.\n")
               for i in range(230)}
    site = run_pelican(make_project(tmp_path, entries=entries))
    month = site / "timeline" / "2016" / "08"
    pages = [month / "index.html", month / "2" / "index.html", month / "3" / "index.html"]
    assert all(p.exists() for p in pages) and not (month / "4").exists()
    counts = []
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        counts.append(len(soup.select("ol.timeline > li")))
        assert "230 entries." in soup.get_text()
        assert len(soup.select("nav.pager li")) == 3 and soup.select_one("nav.pager [aria-current=page]")
    assert counts == [100, 100, 30]
