"""The functions ``register()`` connects to Pelican's signals. Thin: the work happens in the core modules."""

from __future__ import annotations

import functools
import gc
import logging
from pathlib import Path

from pelican.urlwrappers import Category

from . import incremental, readahead
from .context import FILTERS, event_jsonld, resolve_names, teaser, time_html, timeline_groups
from .entries import parse_evidence, parse_sources
from .entryscan import CACHE_KEY as ENTRY_STAMPS
from .generator import ARTICLES_GENERATOR, TimelineGenerator
from .importer import Importer, seed_files, summarize
from .reader import TimelineMarkdownReader
from .search_index import SearchIndexer, bundle_groups
from .search_records import article_record
from .settings import ARCHIVES, TimelineSettings
from .svgmap import LazyMap

log = logging.getLogger(__name__)


def import_seeds(pelican) -> None:
    settings = TimelineSettings.from_mapping(pelican.settings)
    if not settings.import_on_build:
        return
    seeds = seed_files(settings.seeds_path)
    stamps_path = Path(pelican.settings["CACHE_PATH"]) / "timeline-seeds.json"
    stamps = incremental.read_json(stamps_path)
    outcomes = Importer(settings.content_path, settings.registries(), quick=True, stamps=stamps).run(seeds)
    kept = {seed.name: stamps[seed.name] for seed in seeds if seed.name in stamps}
    if ENTRY_STAMPS in stamps:
        kept[ENTRY_STAMPS] = stamps[ENTRY_STAMPS]  # the entries' notes (entryscan), by size and modification time
    incremental.write_json(stamps_path, kept, "the next build reads every seed and entry again")
    for outcome in outcomes:
        if outcome.action in ("kept", "rejected"):
            log.info("%s", outcome.line())
    counts = summarize(outcomes)
    log.info("timeline: %d seeds from %s: %s", len(seeds), settings.seeds_path,
             ", ".join(f"{n} {action}" for action, n in counts.items()) or "nothing to do")


def take_over_period_archives(pelican) -> None:
    """The plugin writes the year and month archives from one pass over the entries (generator.py). Pelican's own
    grouping compares every entry with every period's list (about 2 s at 10,000 entries), so its formats are moved
    here and blanked for Pelican; YEAR_ARCHIVE_SAVE_AS and friends keep their meaning."""
    settings = pelican.settings
    if ARCHIVES in settings:
        return  # taken over already (the same settings built twice, as `pelican --autoreload` does)
    settings[ARCHIVES] = {kind: (settings.get(f"{kind}_ARCHIVE_URL", ""), settings.get(f"{kind}_ARCHIVE_SAVE_AS", ""))
                          for kind in ("YEAR", "MONTH")}
    for kind in ("YEAR", "MONTH"):
        settings[f"{kind}_ARCHIVE_SAVE_AS"] = ""


PELICAN_FILENAME_METADATA = r"(?P<date>\d{4}-\d{2}-\d{2}).*"


def dates_from_headers_only(pelican) -> None:
    """An entry's date is its Date: line. Pelican's default also reads one from a file name that starts like a date,
    and '2016-05-40-dead-in-clashes.md' (May 2016, a title starting with a number) then failed to build."""
    if pelican.settings.get("FILENAME_METADATA") == PELICAN_FILENAME_METADATA:
        pelican.settings["FILENAME_METADATA"] = r"(?!)"  # a pattern that matches no name


def install_reader(readers) -> None:
    for extension in TimelineMarkdownReader.file_extensions:
        readers.reader_classes[extension] = TimelineMarkdownReader


_early: readahead.ReadAhead | None = None  # entries read while the seeds are imported (a cold build)


def read_ahead_early(pelican) -> None:
    global _early
    if _early is not None:  # a build that ended before reading its entries
        _early.close()
    _early = readahead.early(pelican.settings) if TimelineSettings.from_mapping(pelican.settings).parallel else None


def read_ahead(generator) -> None:
    """The entries a second process reads for Pelican's readers: started early, or now (TIMELINE_PARALLEL)."""
    global _early
    ahead, _early = _early, None
    readers = [r for r in generator.readers.readers.values() if isinstance(r, TimelineMarkdownReader)]
    if not readers or not TimelineSettings.from_mapping(generator.settings).parallel:
        if ahead is not None:
            ahead.close()
        return
    ahead = ahead or readahead.for_generator(generator)
    for reader in readers:
        reader.ahead = ahead


def add_filters(generator) -> None:
    generator.env.filters.update(FILTERS)


@functools.cache
def _settled(cls: type) -> type:
    """``cls`` (Pelican's Article) whose ``url`` and ``save_as`` are the ones computed once, ``href`` and ``target``:
    Pelican formats both from the settings on every access, five to ten times an entry (the entry's page, its
    feeds, links to it), about 1 s of a 10,000-entry build. What only the entry's own page shows is made when it is
    rendered: a warm rebuild renders one. Same name, so Pelican's lookups by class name hold."""
    return type(cls.__name__, (cls,), {
        "url": property(lambda self: self.href), "save_as": property(lambda self: self.target),
        "jsonld": functools.cached_property(lambda self: event_jsonld(self, self.settings.get("SITEURL", ""))),
        "evidence_list": functools.cached_property(lambda self: parse_evidence(self.metadata.get("evidence"))),
        "__module__": cls.__module__})


def resolve_articles(generator) -> None:
    aheads = {id(r.ahead): r.ahead for r in generator.readers.readers.values() if getattr(r, "ahead", None)}
    for ahead in aheads.values():  # every entry is read: the second process has ended, or is stopped
        ahead.close()
    for reader in generator.readers.readers.values():
        reader.ahead = None
    registries = TimelineSettings.from_mapping(generator.settings).registries()
    # Every entry is read and lives until the build ends: the collector need not look at them again (each full
    # collection walked them all), and the processes forked from here on leave their pages shared.
    gc.freeze()
    plan_search(generator, registries)
    for article in [*generator.articles, *generator.drafts, *generator.translations, *generator.drafts_translations]:
        resolved = resolve_names(article.metadata, registries)
        article.precision = article.metadata.get("precision", "day")
        article.time_html = time_html(article.date, article.precision)
        article.place_list = resolved.places
        article.dateline_place = resolved.dateline
        article.faction_list = resolved.factions
        article.source_list = parse_sources(article.metadata.get("sources"))
        # Computed once: Pelican recomputes .url and .summary on every access, and lists show both many times.
        article.href = article.url
        article.target = article.save_as
        article.__class__ = _settled(type(article))  # ... and Pelican's own writers and feeds use these too
        article.teaser = teaser(article)
        article.map_svg = LazyMap(article.place_list)
        if not hasattr(article, "category"):  # Pelican 4.12 writes drafts with article.category even when
            article.category = Category(generator.settings["DEFAULT_CATEGORY"], generator.settings)  # unused
        for problem in resolved.problems:
            log.warning("%s: %s", article.source_path, problem)
    generator.context["timeline_years"] = timeline_groups(generator.articles)
    if not generator.settings.get("AUTHOR_SAVE_AS"):
        generator.authors = []  # no author pages: Pelican would still match every entry against each author
    generator.context["timeline_registries"] = registries
    generator.context[ARTICLES_GENERATOR] = generator  # the plugin's second process writes the drafts' pages
    plan_writes(generator, registries)


def plan_writes(generator, registries) -> None:
    """Decide whether this build may render only the entries whose text changed (see incremental.py)."""
    settings = generator.settings
    if not TimelineSettings.from_mapping(settings).incremental:
        settings[incremental.PLAN] = None
        return
    everything = [*generator.articles, *generator.drafts, *generator.translations, *generator.drafts_translations,
                  *generator.hidden_articles]
    key = incremental.build_key(settings, registries.fingerprint, [a.source_path for a in everything])
    manifest, selected = incremental.plan(settings, key, everything)
    settings[incremental.PLAN] = selected
    settings[incremental.MANIFEST] = manifest
    if selected is not None:
        log.info("timeline: warm rebuild, rendering %d changed entr%s", len(selected), "y" if len(selected) == 1 else "ies")


def get_writer(_pelican):
    return incremental.SelectiveWriter


def save_manifest(pelican) -> None:
    manifest = pelican.settings.get(incremental.MANIFEST)
    if manifest is not None:
        incremental.save(pelican.settings, manifest)


def get_generators(_pelican):
    return TimelineGenerator


_search: SearchIndexer | None = None  # this build's search index, built while the site is written


def plan_search(generator, registries) -> None:
    """Each published entry's record (search_records.py) in its year's bundle: a second process makes them and
    indexes them from now on, while Pelican links the entries and writes the site."""
    global _search
    _search = None
    if not TimelineSettings.from_mapping(generator.settings).search:
        return
    published = [*generator.articles, *generator.translations]
    lang = generator.settings.get("DEFAULT_LANG", "en")

    def records() -> dict[str, dict[str, str]]:
        by_page = {a.save_as: a for a in published}
        made = {}
        for name, pages in bundle_groups((a.date, page) for page, a in by_page.items()).items():
            made[name] = {}
            for page in pages:  # resolved again here, not taken from resolve_articles: this process starts first
                resolved = resolve_names(by_page[page].metadata, registries)
                made[name][page] = article_record(by_page[page], lang, resolved.places, resolved.factions)
        return made

    _search = SearchIndexer(generator.output_path, generator.settings["CACHE_PATH"], records)
    _search.start()


def build_search(_pelican) -> None:
    global _search
    search, _search = _search, None
    if search is not None:
        search.wait()


def release_entries(_pelican) -> None:
    gc.unfreeze()
