"""The files the timeline's filters fetch, and only once a reader uses a filter: the index itself carries the choices
(factions, places, event types) in its HTML and loads no data.

Entries are numbered in the timeline's order (oldest first, as ``articles``). Under ``filter/``:

- ``<kind>/<slug>.json`` (kind: faction, place, type): ``{"ids": [...]}``, the numbers of the entries with that
  faction, place or type, written as gaps ([3, 1, 14] is entries 3, 4 and 18): a few bytes an entry.
- ``<kind>/<slug>/<n>.json`` and ``all/<n>.json``: the rows a filter shows, ``PAGE`` a file, in timeline order:
  ``[url, title, date (ISO at its precision), event type, sources, casualties, places, factions, summary]``.
  A filter reads its rows from the shortest list it uses, so a rare place costs one small file and a common
  faction its first page, never a scan of the whole timeline.
- ``dates.json``: each entry's first day (days since 1970-01-01, as gaps) and precision (a letter: d, m, y), read
  only for a date range.
- ``places.json``: each place's entry numbers (gaps), for the map's markers.

At 10,000 entries one file of everything weighed 1.26 MB; here one filter reads tens of KB (``bench/run.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from .casualties import killed_range
from .context import Facet, iso_date
from .entries import slugify
from .export import safe_json
from .models import EVENT_TYPES

PAGE = 50  # rows a file: what the script shows before "Show more"
EPOCH = dt.date(1970, 1, 1)
FIELDS = ("url", "title", "date", "type", "sources", "casualties", "places", "factions", "summary")


def gaps(numbers: Iterable[int]) -> list[int]:
    """Ascending numbers as the first and then the differences: [3, 4, 18] -> [3, 1, 14]."""
    out, last = [], 0
    for n in numbers:
        out.append(n - last)
        last = n
    return out


def row(article: Any) -> list[Any]:
    """What a filtered list shows of an entry (``FIELDS``); the script renders it as the timeline's macro does."""
    return [article.href, article.title, iso_date(article.date, getattr(article, "precision", "day")),
            article.metadata.get("event") or "", len(getattr(article, "source_list", ())),
            killed_range(article.metadata.get("casualties")) or "", [p.name for p in article.place_list],
            [f.name for f in article.faction_list], getattr(article, "teaser", "")]


def type_groups(articles: Sequence[Any]) -> list[tuple[str, list[Any]]]:
    """(event type, its entries) for the types the entries use, in the vocabulary's order."""
    found: dict[str, list[Any]] = {}
    for article in articles:
        kind = article.metadata.get("event")
        if kind:
            found.setdefault(kind, []).append(article)
    order = {name: i for i, name in enumerate(EVENT_TYPES)}
    return sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))


def _pages(folder: str, rows: Sequence[list[Any]]) -> dict[str, str]:
    return {f"{folder}/{n}.json": _json(rows[i:i + PAGE]) for n, i in enumerate(range(0, len(rows), PAGE), 1)}


def _json(data: Any) -> str:
    return safe_json(data, separators=(",", ":"))


def filter_files(articles: Sequence[Any], factions: Sequence[Facet], places: Sequence[Facet]) -> dict[str, str]:
    """Every file under ``filter/``: {path relative to it: JSON text}. Deterministic: same entries, same bytes."""
    number = {id(a): i for i, a in enumerate(articles)}
    rows = [row(a) for a in articles]
    files = _pages("all", rows)
    lists = [("faction", f.slug, f.articles) for f in factions] + [("place", p.slug, p.articles) for p in places]
    lists += [("type", slugify(kind), found) for kind, found in type_groups(articles)]
    for kind, slug, found in lists:
        ids = sorted(number[id(a)] for a in found if id(a) in number)
        files[f"{kind}/{slug}.json"] = _json({"ids": gaps(ids)})
        files.update(_pages(f"{kind}/{slug}", [rows[i] for i in ids]))
    days = [(a.date.date() if isinstance(a.date, dt.datetime) else a.date) - EPOCH for a in articles]
    files["dates.json"] = _json({"days": gaps(d.days for d in days),
                                 "precision": "".join(getattr(a, "precision", "day")[0] for a in articles)})
    files["places.json"] = _json({name: gaps(sorted(number[id(a)] for a in p.articles if id(a) in number))
                                  for p in places for name in (p.names or (p.name,))})
    return files
