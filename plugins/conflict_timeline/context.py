"""Pelican articles -> what templates need: resolved places and factions, dates at their precision, grouping.

The only data logic for templates lives here; templates just loop and print.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from markupsafe import Markup
from rapidfuzz import fuzz, process

from .casualties import killed_range
from .dateformat import MONTH_NAMES, display_date, iso_date
from .entries import slugify
from .export import safe_json
from .extract import Registries
from .models import PRECISIONS, Faction, Place

def time_html(value: dt.date, precision: str = "day") -> Markup:
    """The ``<time>`` element lists and pages show for an entry's date (digits and month names: nothing to escape)."""
    return Markup(f'<time datetime="{iso_date(value, precision)}">{display_date(value, precision)}</time>')


FILTERS: dict[str, Any] = {"display_date": display_date, "iso_date": iso_date, "slugify": slugify}


@dataclass(frozen=True)
class ResolvedNames:
    places: tuple[Place, ...]
    dateline: Place | None
    factions: tuple[Faction, ...]
    problems: tuple[str, ...]


def _split(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        value = ";".join(str(v) for v in value)
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def closest(name: str, choices: Sequence[str], limit: int = 3) -> list[str]:
    return [match for match, _score, _ in process.extract(name, choices, scorer=fuzz.WRatio, limit=limit)]


def resolve_names(metadata: dict[str, Any], reg: Registries) -> ResolvedNames:
    """Look up an entry's Places, Dateline and Factions; unknown names come back as problems with suggestions."""
    problems: list[str] = []
    places: list[Place] = []
    for name in _split(metadata.get("places")):
        place = reg.gazetteer.get(name)
        if place is None:
            problems.append(f"unknown place '{name}' (closest known: {', '.join(closest(name, reg.gazetteer.names))})")
        elif place not in places:
            places.append(place)
    dateline = reg.gazetteer.get(str(metadata["dateline"])) if metadata.get("dateline") else None
    factions: list[Faction] = []
    names = [f.name for f in reg.factions.actors]
    for name in _split(metadata.get("factions")):
        faction = reg.factions.get(name)
        if faction is None or faction.monitor:
            why = "is a monitor (a source), not a faction" if faction else \
                f"(closest known: {', '.join(closest(name, names))})"
            problems.append(f"unknown faction '{name}' {why}")
        elif faction not in factions:
            factions.append(faction)
    precision = metadata.get("precision", "day")
    if precision not in PRECISIONS:
        problems.append(f"Precision '{precision}' is not one of {', '.join(PRECISIONS)}")
    return ResolvedNames(tuple(places), dateline, tuple(factions), tuple(problems))


def timeline_groups(articles: Iterable[Any]) -> list[tuple[int, list[tuple[str, str, list[Any]]]]]:
    """Articles (already in date order) grouped by year, then month: [(2017, [('2017-10', 'October 2017', [...])])].
    An entry known only to its year stands under the year itself ('2014', key '2014'), never under January: before
    the year's months, or after them when the articles come newest first."""
    years = []
    for year, in_year_iter in groupby(articles, key=lambda a: a.date.year):
        in_year = list(in_year_iter)
        year_only = [a for a in in_year if getattr(a, "precision", "day") == "year"]
        months = []
        for month, in_month in groupby((a for a in in_year if getattr(a, "precision", "day") != "year"),
                                       key=lambda a: a.date.month):
            months.append((f"{year:04d}-{month:02d}", f"{MONTH_NAMES[month - 1]} {year}", list(in_month)))
        if year_only:
            newest_first = in_year[0].date > in_year[-1].date
            months.insert(len(months) if newest_first else 0, (f"{year:04d}", f"{year}", year_only))
        years.append((year, months))
    return years


@dataclass(frozen=True)
class Facet:
    """A faction or a place with its entries: one page and one feed each."""

    kind: str  # "faction" | "place"
    name: str
    slug: str
    item: Any  # Faction | Place
    articles: tuple[Any, ...]
    names: tuple[str, ...] = ()  # every name this page stands for: names that share a slug share its page

    @property
    def url(self) -> str:
        return f"{self.kind}s/{self.slug}/"

    @property
    def feed(self) -> str:
        return f"feeds/{self.kind}s/{self.slug}.atom.xml"


def facets(articles: Sequence[Any], kind: str) -> list[Facet]:
    """Factions (attribute faction_list) or places (place_list) with their articles, most entries first."""
    groups: dict[str, tuple[Any, list[Any], dict[str, None]]] = {}
    for article in articles:
        for item in getattr(article, f"{kind}_list", ()):
            # two names one URL ('Al-Waer, Homs', 'al-Waer, Homs'): one page, where two would overwrite each other
            group = groups.setdefault(slugify(item.name), (item, [], {}))
            group[2][item.name] = None
            if not group[1] or group[1][-1] is not article:
                group[1].append(article)
    result = [Facet(kind, item.name, slug, item, tuple(found), tuple(names))
              for slug, (item, found, names) in groups.items()]
    return sorted(result, key=lambda f: (-len(f.articles), f.name))


def neighbours(articles: Sequence[Any]) -> None:
    """Set prev_entry/next_entry on each article (already in date order)."""
    for before, current, after in zip([None, *articles[:-1]], articles, [*articles[1:], None]):
        current.prev_entry, current.next_entry = before, after


def related(article: Any, by_faction: dict[str, Facet], by_place: dict[str, Facet], positions: dict[tuple[str, str, int], int],
            limit: int = 5, window: int = 6) -> list[Any]:
    """Entries sharing places or factions, nearest in time first (places count double).

    Only the ``window`` neighbours on each side within each facet are considered, so the cost per entry stays
    constant however large a facet grows. ``positions`` maps (kind, name, id(article)) to the index in the facet.
    """
    scores: dict[int, tuple[int, Any]] = {}
    for weight, kind, table, items in ((2, "place", by_place, article.place_list), (1, "faction", by_faction, article.faction_list)):
        for item in items:
            found = table[item.name].articles
            at = positions[(kind, item.name, id(article))]
            for other in found[max(0, at - window):at + window + 1]:
                if other is not article:
                    score, _ = scores.get(id(other), (0, other))
                    scores[id(other)] = (score + weight, other)
    ranked = sorted(scores.values(), key=lambda pair: (-pair[0], abs((pair[1].date - article.date).days), pair[1].slug))
    return [other for _, other in ranked[:limit]]


def facet_positions(groups: Sequence[Facet]) -> dict[tuple[str, str, int], int]:
    return {(f.kind, name, id(a)): i for f in groups for name in (f.names or (f.name,)) for i, a in enumerate(f.articles)}


def month_groups(articles: Iterable[Any]) -> list[tuple[str, str, list[Any]]]:
    """[('2017-10', 'October 2017', [...]), ...] for articles in date order."""
    return [group for _, months in timeline_groups(articles) for group in months]


def event_jsonld(article: Any, site_url: str) -> str:
    """schema.org Event for an entry page, safe to place inside a <script> element."""
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event", "name": article.title,
        "startDate": iso_date(article.date, getattr(article, "precision", "day")),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "url": f"{site_url}/{article.href}",
    }
    places = [{"@type": "Place", "name": p.name, "geo": {"@type": "GeoCoordinates", "latitude": p.lat, "longitude": p.lon},
               "address": {"@type": "PostalAddress", "addressCountry": p.country}} for p in article.place_list]
    if places:
        data["location"] = places if len(places) > 1 else places[0]
    if article.faction_list:
        data["performer"] = [{"@type": "Organization", "name": f.name} for f in article.faction_list]
    if getattr(article, "teaser", ""):
        data["description"] = article.teaser
    return safe_json(data).rstrip("\n")


def _plain(html: str) -> str:
    """Text of an HTML fragment: block tags become spaces, inline tags vanish, entities are decoded."""
    import re
    from html import unescape

    text = re.sub(r"</?(?:p|br|li|ul|ol|h\d|div|blockquote|tr|td|th)\b[^>]*>", " ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", text)).split())


def faction_css(factions: Iterable[Faction]) -> str:
    """One rule per faction colour: the site's CSP forbids inline style attributes."""
    rules = [f".swatch-{slugify(f.name)} {{ background: {f.colour}; }}" for f in factions if f.colour]
    return "\n".join(sorted(rules)) + "\n"


def chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [items]


FILTERS["months"] = month_groups
FILTERS["casualty_summary"] = killed_range


def site_entry(article: Any) -> "SiteEntry":
    """A built article as the exports see it."""
    from .models import Entry, SiteEntry

    entry = Entry(
        title=article.title, date=article.date.date(), precision=getattr(article, "precision", "day"),
        places=tuple(p.name for p in article.place_list), factions=tuple(f.name for f in article.faction_list),
        event_type=article.metadata.get("event") or None, sources=tuple(getattr(article, "source_list", ())),
        status=article.status, slug=article.slug, casualties=article.metadata.get("casualties") or None)
    text = getattr(article, "teaser", "") or teaser(article)
    return SiteEntry(entry, article.href, tuple(article.place_list), tuple(article.faction_list), text)


def teaser(article: Any, limit: int = 220) -> str:
    """Plain text for lists: the entry's Summary, else the start of its text, cut at a word."""
    # The HTML as read: Pelican's .content rewrites intra-site links on every access, and tags are dropped here.
    html = getattr(article, "_content", None)
    text = _plain(article.metadata.get("summary") or "") or _plain(article.content if html is None else html)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"
