"""The functions ``register()`` connects to Pelican's signals. Thin: the work happens in the core modules."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from pathlib import Path

from pelican.urlwrappers import Category

from . import incremental
from .context import FILTERS, event_jsonld, resolve_names, teaser, time_html, timeline_groups
from .entries import parse_evidence, parse_sources
from .entryscan import CACHE_KEY as ENTRY_STAMPS
from .importer import Importer, seed_files, summarize
from .reader import TimelineMarkdownReader
from .settings import TimelineSettings
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


ARCHIVES = "_timeline_period_archives"  # settings key: the year and month archive (url, save_as) formats


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


def add_filters(generator) -> None:
    generator.env.filters.update(FILTERS)


def resolve_articles(generator) -> None:
    registries = TimelineSettings.from_mapping(generator.settings).registries()
    for article in [*generator.articles, *generator.drafts, *generator.translations, *generator.drafts_translations]:
        resolved = resolve_names(article.metadata, registries)
        article.precision = article.metadata.get("precision", "day")
        article.time_html = time_html(article.date, article.precision)
        article.place_list = resolved.places
        article.dateline_place = resolved.dateline
        article.faction_list = resolved.factions
        article.source_list = parse_sources(article.metadata.get("sources"))
        article.evidence_list = parse_evidence(article.metadata.get("evidence"))
        # Computed once: Pelican recomputes .url and .summary on every access, and lists show both many times.
        article.href = article.url
        article.target = article.save_as
        article.teaser = teaser(article)
        article.jsonld = event_jsonld(article, generator.settings.get("SITEURL", ""))
        article.map_svg = LazyMap(article.place_list)
        if not hasattr(article, "category"):  # Pelican 4.12 writes drafts with article.category even when
            article.category = Category(generator.settings["DEFAULT_CATEGORY"], generator.settings)  # unused
        for problem in resolved.problems:
            log.warning("%s: %s", article.source_path, problem)
    generator.context["timeline_years"] = timeline_groups(generator.articles)
    if not generator.settings.get("AUTHOR_SAVE_AS"):
        generator.authors = []  # no author pages: Pelican would still match every entry against each author
    generator.context["timeline_registries"] = registries
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
    from .generator import TimelineGenerator

    return TimelineGenerator


def entry_glob(article_save_as: str) -> str:
    """The Pagefind glob for entry pages: the folder ``ARTICLE_SAVE_AS`` writes to (``entries/{slug}.html`` gives
    ``entries/**/*.html``), or the whole site when that folder depends on the entry (``{date:%Y}/{slug}.html``)."""
    folder = article_save_as.split("{", 1)[0].rpartition("/")[0]
    return f"{folder}/**/*.html" if folder else "**/*.html"


def pagefind_command(output_path: str, glob: str) -> list[str]:
    """Pagefind reads only the entry pages; within them, only the entry's text (``data-pagefind-body``)."""
    return [sys.executable, "-m", "pagefind", "--site", output_path, "--glob", glob, "--silent"]


def build_search(pelican) -> None:
    settings = TimelineSettings.from_mapping(pelican.settings)
    if not settings.search:
        return
    glob = entry_glob(pelican.settings.get("ARTICLE_SAVE_AS", "{slug}.html"))
    if not any(Path(pelican.output_path).glob(glob)):
        log.info("%s: no entry pages (%s) to index; the search page says so", pelican.output_path, glob)
        return
    started = time.perf_counter()
    command = pagefind_command(pelican.output_path, glob)
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        log.error("%s: search index not built: %s", pelican.output_path, error)
        return
    if result.returncode != 0:
        log.error("%s: search index not built (pagefind exit %d): %s", pelican.output_path, result.returncode,
                  (result.stderr or result.stdout).strip()[-500:])
        return
    log.info("timeline: Pagefind indexed %s in %.1f s", pelican.output_path, time.perf_counter() - started)
