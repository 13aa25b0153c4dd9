"""Conflict timeline: a Pelican plugin that turns news articles (seeds) into dated, geocoded, faction-tagged entries.

``register()`` connects every Pelican signal the plugin uses, in one place.
"""

from __future__ import annotations

from pelican import signals


def register() -> None:
    from . import pelican_hooks as hooks

    # A cold build: a second process starts reading the entries while the seeds are imported (TIMELINE_PARALLEL).
    signals.initialized.connect(hooks.read_ahead_early)
    # Convert seeds/ into content/timeline/ before Pelican reads content: plain `pelican` does the import.
    signals.initialized.connect(hooks.import_seeds)
    # Year and month archives are written by the plugin in one pass (Pelican's grouping is quadratic).
    signals.initialized.connect(hooks.take_over_period_archives)
    # Dates come from each entry's Date: line, never from its file name (a title may start with "40").
    signals.initialized.connect(hooks.dates_from_headers_only)
    # Read partial dates ("2017-06", "2014") as their first day with the matching precision, never today's day.
    signals.readers_init.connect(hooks.install_reader)
    # ... and reads the entries Pelican reads, from the last, while Pelican reads them from the first.
    signals.article_generator_init.connect(hooks.read_ahead)
    # Template filters (dates at their precision) for every generator's Jinja environment.
    signals.generator_init.connect(hooks.add_filters)
    # Resolve each entry's places and factions against the registries, warn about unknown names, build context;
    # plan which pages a warm rebuild renders and which search bundle each entry page goes to.
    signals.article_generator_finalized.connect(hooks.resolve_articles)
    # Faction and place pages, map, search page, per-facet feeds, filter index, exports.
    signals.get_generators.connect(hooks.get_generators)
    # A writer that, on a warm rebuild, renders only the entries whose text changed; the manifest for the next one.
    signals.get_writer.connect(hooks.get_writer)
    signals.finalized.connect(hooks.save_manifest)
    # Search: one Pagefind bundle per year of entries, made from the entries' records by a second process while the
    # site is written, and waited for here (a year whose records did not change keeps its bundle), so plain
    # `pelican` also yields a working search page.
    signals.finalized.connect(hooks.build_search)
    # The entries were set aside from garbage collection for the build (resolve_articles): hand them back, for a
    # process that builds again (pelican --autoreload, a test run).
    signals.finalized.connect(hooks.release_entries)
