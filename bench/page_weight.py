"""What a reader's browser loads from a built site, computed from its files (tests/test_first_view.py checks the
figures against what Chromium transfers): the index's first view, everything it loads before any interaction,
and one filter application, what the filters fetch to show the faction with the most entries."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path


class _Loads(HTMLParser):
    """The files a page loads by itself: stylesheets, icons, scripts, images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and {"stylesheet", "icon"} & set((found.get("rel") or "").split()):
            self.urls.append(found.get("href") or "")
        elif tag in ("script", "img") and found.get("src"):
            self.urls.append(found["src"] or "")


def _file(site: Path, page: Path, url: str, site_url: str = "") -> Path:
    if site_url and url.startswith(site_url + "/"):
        return site / url[len(site_url) + 1:]
    return page.parent / url.split("?")[0]


def first_view(site: Path, site_url: str = "") -> dict[str, int]:
    """{file: bytes} of the index and what it references (deferred scripts included: they load before any input)."""
    site, page = site.resolve(), site.resolve() / "index.html"
    parser = _Loads()
    parser.feed(page.read_text(encoding="utf-8"))
    files = [page] + [_file(site, page, url, site_url).resolve() for url in parser.urls]
    return {path.relative_to(site).as_posix(): path.stat().st_size for path in files}


def biggest_faction(site: Path) -> str:
    """The file name (slug) of the faction with the most entries: the heaviest single filter."""
    counts = {path.stem: len(json.loads(path.read_text(encoding="utf-8"))["ids"])
              for path in (site / "filter" / "faction").glob("*.json")}
    return max(sorted(counts), key=counts.get)


def one_filter(site: Path) -> dict[str, int]:
    """{file: bytes} the filters load to show the biggest faction: their script, its list, its first rows."""
    slug = biggest_faction(site)
    files = ["theme/js/filter-results.js", f"filter/faction/{slug}.json", f"filter/faction/{slug}/1.json"]
    return {name: (site / name).stat().st_size for name in files}
