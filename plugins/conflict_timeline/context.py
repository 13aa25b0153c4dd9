"""Pelican articles -> what templates need: resolved places and factions, dates at their precision, grouping.

The only data logic for templates lives here; templates just loop and print.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from rapidfuzz import fuzz, process

from .entries import slugify
from .extract import Registries
from .models import PRECISIONS, Faction, Place

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


def display_date(value: dt.date, precision: str = "day") -> str:
    """'14 October 2017', 'June 2017' or '2014': never a fake day for a coarse date."""
    if precision == "year":
        return f"{value.year}"
    if precision == "month":
        return f"{MONTH_NAMES[value.month - 1]} {value.year}"
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def iso_date(value: dt.date, precision: str = "day") -> str:
    """The ``<time datetime>`` value at the entry's precision: 2017-10-14, 2017-06 or 2014."""
    full = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    return {"year": full[:4], "month": full[:7]}.get(precision, full)


FILTERS = {"display_date": display_date, "iso_date": iso_date, "slugify": slugify}


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
    """Articles (already in date order) grouped by year, then month: [(2017, [('2017-10', 'October 2017', [...])])]."""
    years = []
    for year, in_year in groupby(articles, key=lambda a: a.date.year):
        months = []
        for month, in_month in groupby(in_year, key=lambda a: a.date.month):
            months.append((f"{year:04d}-{month:02d}", f"{MONTH_NAMES[month - 1]} {year}", list(in_month)))
        years.append((year, months))
    return years
