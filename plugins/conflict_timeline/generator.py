"""A Pelican generator for what Pelican has none for: faction and place pages, the map, the search page,
per-facet Atom feeds, the newest-first listing, the filters' data and the exports. Data logic lives in context.py
(and filterdata.py); this only writes."""

from __future__ import annotations

import logging
from xml.sax.saxutils import escape
from functools import partial
from pathlib import Path

from pelican.generators import Generator, PelicanTemplateNotFound

from .context import (MONTH_NAMES, chunks, facet_positions, faction_css, facets, neighbours, related, site_entry)
from .export import events_csv, events_geojson, events_ics, timeline_json
from .filterdata import PAGE as FILTER_PAGE, filter_files, type_groups
from . import parallel
from .incremental import PLAN, SelectiveWriter
from .overview import Month, Overview, article_items
from .settings import ARCHIVES, TimelineSettings
from .review import site_groups
from .svgmap import Marker, entry_map, region_map, within_outlines

class Related:
    """An entry's related entries, found when a page first shows them: a warm rebuild renders one page, not all."""

    def __init__(self, article, by_faction, by_place, positions) -> None:
        self._args = (article, by_faction, by_place, positions)
        self._found: list | None = None

    def _entries(self) -> list:
        if self._found is None:
            self._found = related(*self._args)
        return self._found

    def __iter__(self):
        return iter(self._entries())

    def __len__(self) -> int:
        return len(self._entries())

    def __bool__(self) -> bool:
        return bool(self._entries())


ARTICLES_GENERATOR = "timeline_articles_generator"  # context key: Pelican's articles generator (resolve_articles)
FACET_PAGE_SIZE = 100  # entries per faction or place page: 10,000 entries never make one page heavy
ARCHIVE_PAGE_SIZE = 100  # entries per month archive page


def numbered(url: str, save_as: str, number: int) -> tuple[str, str]:
    """(url, save_as) of page ``number`` of a split list: timeline/2017/10/ then timeline/2017/10/2/."""
    if number == 1:
        return url, save_as
    if save_as.endswith("index.html"):
        return f"{url}{number}/", f"{save_as[:-len('index.html')]}{number}/index.html"
    (stem, dot, ext), (url_stem, url_dot, url_ext) = save_as.rpartition("."), url.rpartition(".")
    return f"{url_stem}-{number}{url_dot}{url_ext}", f"{stem}-{number}{dot}{ext}"

log = logging.getLogger(__name__)


def facet_months(articles, urls: list[str]) -> dict[Month, str]:
    """Each month of a faction's or place's entries -> the page of its list where that month begins, at the
    month's heading (the id ``grouped`` gives it), so a bar of the facet's strip opens its own entries."""
    links: dict[Month, str] = {}
    for i, article in enumerate(articles):
        month = (article.date.year, article.date.month)
        if getattr(article, "precision", "day") != "year" and month not in links:
            links[month] = f"{urls[i // FACET_PAGE_SIZE]}#m{month[0]:04d}-{month[1]:02d}"
    return links


class TimelineGenerator(Generator):
    def generate_context(self) -> None:
        articles = list(self.context.get("articles", []))
        neighbours(articles)
        self.factions = facets(articles, "faction")
        self.places = facets(articles, "place")
        by_faction = {name: f for f in self.factions for name in (f.names or (f.name,))}
        by_place = {name: f for f in self.places for name in (f.names or (f.name,))}
        positions = facet_positions([*self.factions, *self.places])
        for article in articles:
            article.related_entries = Related(article, by_faction, by_place, positions)
        self.month_pages = self.month_links(articles)
        self.context.update(timeline_factions=self.factions, timeline_places=self.places,
                            timeline_faction_pages=by_faction, timeline_place_pages=by_place,
                            timeline_overview=Overview(article_items(articles), self.month_pages),
                            timeline_types=[kind for kind, _ in type_groups(articles)],
                            timeline_filter_page=FILTER_PAGE)
        self.articles = articles

    def month_links(self, articles) -> dict[Month, str]:
        """Each month with entries -> the URL of its archive page (none when the site has no month pages)."""
        url, save_as = self.settings.get(ARCHIVES, {}).get("MONTH", ("", ""))
        links: dict[Month, str] = {}
        for article in articles if save_as else ():
            month = (article.date.year, article.date.month)
            if getattr(article, "precision", "day") != "year" and month not in links:
                links[month] = url.format(date=article.date)
        return links

    _child: int | None = None
    _started = False

    def refresh_metadata_intersite_links(self) -> None:
        """Pelican calls this once every generator's context is final and links are refreshed, just before any page
        is written: the plugin's own pages can be written from here on, in a second process (parallel.py)."""
        if TimelineSettings.from_mapping(self.settings).parallel:
            self._started = True
            articles = self.context.get(ARTICLES_GENERATOR)
            self._child = parallel.start(lambda: self.write_all(SelectiveWriter(self.output_path, self.settings),
                                                                drafts=articles))
            if articles is not None:  # the drafts' pages are the second process's too: the two end closer together
                articles.generate_drafts = lambda write: None

    def generate_output(self, writer) -> None:
        if self._started:
            self._started = False
            parallel.wait(self._child, "writing the faction, place and archive pages, feeds and exports")
        else:
            self.write_all(writer)

    def write_all(self, writer, drafts=None) -> None:
        """Every page and file of the plugin's; with ``drafts`` (Pelican's articles generator), its drafts' pages
        too, which Pelican would write after the entries in the build's own process."""
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        if drafts is not None:
            drafts.generate_drafts(write)
        for kind, groups in (("faction", self.factions), ("place", self.places)):
            write(f"{kind}s/index.html", self.get_template(f"{kind}s"), self.context, facets=groups, url=f"{kind}s/")
            for facet in groups:
                pages = chunks(facet.articles, FACET_PAGE_SIZE)
                urls = [facet.url] + [f"{facet.url}{n}/" for n in range(2, len(pages) + 1)]
                overview = Overview(article_items(facet.articles), facet_months(facet.articles, urls),
                                    subject=f" for {facet.name}")
                for number, (entries, url) in enumerate(zip(pages, urls), 1):
                    place_map = entry_map([facet.item], title=f"Where: {facet.name}") \
                        if kind == "place" and within_outlines(facet.item) else ""
                    write(f"{url}index.html", self.get_template(kind), self.context, facet=facet, facet_entries=entries,
                          page_number=number, numbered_pages=list(enumerate(urls, 1)), url=url, place_map=place_map,
                          overview=overview if number == 1 else None)
                writer.write_feed(list(reversed(facet.articles)), self.context, facet.feed,
                                  feed_title=facet.name)
        markers = [Marker(f.item, f"{self.root('map/')}/{f.url}", len(f.articles)) for f in self.places]
        if self.settings.get("FEED_ALL_ATOM"):  # Pelican's own takes the first items of our oldest-first order
            writer.write_feed(list(reversed(self.articles)), self.context, self.settings["FEED_ALL_ATOM"],
                              override_output=True)
        write("map/index.html", self.get_template("map"), self.context, url="map/", region_map=region_map(
            markers, title="Places with entries", describe=f"{len(markers)} places; larger markers have more entries."))
        write("search/index.html", self.get_template("search"), self.context, url="search/")
        try:
            review = self.get_template("review")
        except PelicanTemplateNotFound:  # a theme of one's own without the curators' page: the rest still builds
            log.warning("the theme has no review.html template: no review page written (timeline review lists drafts)")
        else:
            write("review/index.html", review, self.context, url="review/",
                  review_groups=site_groups(self.context.get("drafts", [])))
        self.write_period_archives(write)
        self.write_newest_first(write)
        if self.settings.get(PLAN) is not None:
            return  # a warm rebuild: nothing the files below show has changed
        for name, text in filter_files(self.articles, self.factions, self.places).items():
            self._write_text(f"filter/{name}", text)
        # Colours of the factions some page shows (every page loads this file: the registry's 150 would weigh 6 KB)
        shown = {f.name for a in [*self.articles, *self.context.get("drafts", [])] for f in a.faction_list}
        registries = self.context.get("timeline_registries")
        self._write_text("factions.css", faction_css([f for f in registries.factions.actors if f.name in shown]
                                                     if registries else [f.item for f in self.factions]))
        self._write_text("sitemap.xml", self.sitemap())
        self.write_exports()

    def write_newest_first(self, write) -> None:
        """The timeline newest first, paginated as the index is (``newest/``, ``newest/page/2/``): the order a
        reader chooses works without JavaScript too."""
        if "index" not in self.settings.get("DIRECT_TEMPLATES", ()):
            return
        newest = self.articles[::-1]
        write("newest/index.html", self.get_template("index"), self.context,
              paginated={"articles": newest, "dates": newest}, template_name="index", url="newest/", order="newest")

    def write_period_archives(self, write) -> None:
        """Year and month archives, at YEAR_ARCHIVE_SAVE_AS and MONTH_ARCHIVE_SAVE_AS (taken over from Pelican)."""
        formats = self.settings.get(ARCHIVES, {})
        (year_url, year_save), (month_url, month_save) = formats.get("YEAR", ("", "")), formats.get("MONTH", ("", ""))
        template = self.get_template("period_archives")
        for year, months in self.context.get("timeline_years", []):
            in_year = [a for _, _, in_month in months for a in in_month]
            if year_save:
                overview = Overview(article_items(in_year), {m: u for m, u in self.month_pages.items() if m[0] == year},
                                    subject=f" in {year}", year=year)
                self._write_period(write, template, year_url, year_save, in_year, (year,), (year,), overview=overview)
            for key, _label, in_month in months if month_save else ():
                if len(key) == 4:
                    continue  # entries known only to their year: on the year's page, in no month's
                number = in_month[0].date.month
                self._write_period(write, template, month_url, month_save, in_month, (year, MONTH_NAMES[number - 1]),
                                   (year, number), split=True)

    def _write_period(self, write, template, url, save_as, entries, period, period_num, split=False,
                      overview=None) -> None:
        """One archive page; a month's list is split into pages of ARCHIVE_PAGE_SIZE (a busy month stays light)."""
        day = entries[0].date
        dates = entries[::-1] if self.settings.get("NEWEST_FIRST_ARCHIVES", True) else entries  # as Pelican orders
        url, save_as = url.format(date=day), save_as.format(date=day)
        pages = chunks(dates, ARCHIVE_PAGE_SIZE) if split else [dates]
        targets = [numbered(url, save_as, n) for n in range(1, len(pages) + 1)]
        for number, (shown, (page_url, page_save_as)) in enumerate(zip(pages, targets), 1):
            write(page_save_as, template, self.context, period=period, period_num=period_num, articles=entries,
                  dates=shown, template_name="period_archives", blog=True, url=page_url, all_articles=self.articles,
                  page_number=number, numbered_pages=[(n, u) for n, (u, _) in enumerate(targets, 1)],
                  overview=overview)

    def write_exports(self) -> None:
        entries = [site_entry(a) for a in self.articles]
        site, name = self.settings.get("SITEURL", ""), self.settings["SITENAME"]
        self._write_text("timeline.json", timeline_json(entries, site, name, self.settings.get("SITESUBTITLE", "")))
        self._write_text("events.geojson", events_geojson(entries, site))
        self._write_text("events.csv", events_csv(entries, site))
        self._write_text("events.ics", events_ics(entries, site, name))

    def sitemap(self) -> str:
        site = self.settings.get("SITEURL", "")
        urls = ["", "factions/", "places/", "map/", "search/"]
        urls += [p.url for p in self.context.get("pages", [])]
        urls += [a.href for a in self.articles] + [f.url for f in [*self.factions, *self.places]]
        rows = "".join(f"<url><loc>{escape(site + '/' + u)}</loc></url>\n" for u in dict.fromkeys(urls))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</urlset>\n')

    def root(self, url: str) -> str:
        """The site root as seen from the page at ``url``: relative ("..") or SITEURL, as Pelican links."""
        if self.settings["RELATIVE_URLS"]:
            return "/".join([".."] * url.count("/")) or "."
        return self.settings.get("SITEURL", "")

    def _write_text(self, name: str, text: str) -> None:
        path = Path(self.output_path) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        log.info("Writing %s", path)
