"""Frozen dataclasses passed between the modules. Unknown is ``None``, never a guess."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .casualties import Casualties

Precision = Literal["day", "month", "year"]
PRECISIONS: tuple[str, ...] = ("day", "month", "year")
Role = Literal["primary", "mentioned", "dateline"]

EVENT_TYPES: tuple[str, ...] = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)


@dataclass(frozen=True)
class Seed:
    """A raw article split into its parts; furniture already removed."""

    path: str
    headline: str
    body: tuple[str, ...]
    source: str | None = None
    dateline: str | None = None  # "KOBANE, Syria" as written
    standfirst: str | None = None
    published: dt.date | None = None
    published_words: str | None = None
    url: str | None = None
    author: str | None = None
    warnings: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()  # photo captions and dated lines above the lead: their places count, their dates don't


@dataclass(frozen=True)
class ResolvedDate:
    value: dt.date  # first day of the month/year for coarser precision
    precision: Precision
    evidence: str  # the words the date came from
    warnings: tuple[str, ...] = ()

    @property
    def iso(self) -> str:
        """``2017-10-14``, ``2017-06`` or ``2014`` depending on precision."""
        full = self.value.isoformat()
        return {"day": full, "month": full[:7], "year": full[:4]}[self.precision]


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    country: str
    kind: str = "city"  # city | province | region
    geonameid: int | None = None


def km(a: Place, b: Place) -> float:
    """Great-circle distance between two places' points."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


@dataclass(frozen=True)
class PlaceMatch:
    """A place found in a text: where (offsets), the words, and the place they name."""

    start: int
    end: int
    words: str
    place: Place


@dataclass(frozen=True)
class PlaceMention:
    place: Place
    role: Role
    words: str
    start: int = 0  # offset in the text the mention was found in


@dataclass(frozen=True)
class Faction:
    name: str
    aliases: tuple[str, ...] = ()
    type: str | None = None
    colour: str | None = None
    parent: str | None = None
    description: str | None = None
    monitor: bool = False  # a source that reports on the war, never an actor
    generic: tuple[str, ...] = ()  # phrases ("the jihadists") that count only where the faction is named outright
    # (or, failing that, in an article about a country of its theatre)
    theatre: tuple[str, ...] = ()  # ISO codes of the countries whose war it is a main party of, most important first
    unit: bool = False  # a branch of its parent (air force, police, special forces): reported with the parent


@dataclass(frozen=True)
class FactionMention:
    faction: Faction
    words: str
    start: int = 0


@dataclass(frozen=True)
class Evidence:
    label: str  # "date", a place name or a faction name
    words: str


@dataclass(frozen=True)
class Source:
    name: str
    url: str | None = None


@dataclass(frozen=True)
class Entry:
    """One timeline entry, exactly what its Markdown file holds."""

    title: str
    date: dt.date | None  # None: the seed gave no date a careful reader could pin; the entry waits for a curator
    precision: Precision = "day"
    places: tuple[str, ...] = ()
    dateline: str | None = None
    factions: tuple[str, ...] = ()
    event_type: str | None = None
    sources: tuple[Source, ...] = ()
    status: str = "published"
    casualties: str | None = None  # "killed at least 15; wounded 20", as the report's headline and lead give them
    summary: str | None = None
    evidence: tuple[Evidence, ...] = ()
    warnings: tuple[str, ...] = ()
    seed: str | None = None
    seed_hash: str | None = None
    slug: str | None = None
    body: str = ""
    same_as: tuple[str, ...] = ()  # a curator's decisions: this entry reports the same event as these (slugs or seeds)
    not_same_as: tuple[str, ...] = ()  # ... and not the same as these

    @property
    def iso_date(self) -> str:
        """``2017-10-14``, ``2017-06``, ``2014``, or "" when the entry has no date yet."""
        return ResolvedDate(self.date, self.precision, "").iso if self.date else ""


@dataclass(frozen=True)
class Extraction:
    """What one seed yields: the main entry, draft secondary events, and what the curator should know."""

    seed: Seed
    entry: Entry
    date: ResolvedDate | None
    places: tuple[PlaceMention, ...]
    factions: tuple[FactionMention, ...]
    events: tuple["Extraction", ...] = ()
    unknown_actors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    casualties: Casualties | None = None  # the figures behind entry.casualties, with the words they came from


@dataclass(frozen=True)
class SiteEntry:
    """An entry as the built site shows it: the Markdown entry plus what the registries resolved."""

    entry: Entry
    url: str  # site-relative URL of its page, e.g. "entries/2017-10-14-army-retakes-palmyra.html"
    places: tuple[Place, ...] = ()
    factions: tuple[Faction, ...] = ()
    text: str = ""  # plain-text summary, no markup
