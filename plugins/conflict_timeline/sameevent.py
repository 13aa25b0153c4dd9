"""Which reports tell the same event: one entry per event, however many outlets reported it.

Two reports are candidates when they fall on the same day (or the same month or year, at that precision) and their
first places are the same, near each other (25 km), or one names the other's (within 80 km). Among candidates, a score from 0 to 1
weighs how alike their headlines and leads are, whether their death tolls agree, and whether their actors and event
types do. At ``SAME`` or above they merge; between ``POSSIBLE`` and ``SAME`` the smaller (or later) group is a draft "possible
duplicate" for a curator to settle; below, they are different events. Curators settle any pair with ``Same-as:``
and ``Not-same-as:``, which always win.

Grouping is complete-link: a report joins a group only if it scores ``JOIN`` with every member, so a chain of
near-misses never fuses three different events. Pure: no files; the importer stores each report in its ledger.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field

from rapidfuzz import fuzz

from .casualties import parse_casualties
from .models import Entry, Extraction, Place

SAME = 0.55  # merge
JOIN = 0.4  # a group takes a report only if it scores at least this with every member
POSSIBLE = 0.3  # flag for a curator
NEAR_KM = 25.0
NAMED_KM = 80.0

# Words every report of this war shares; they say nothing about which event it is.
_COMMON = frozenset("""
a an the of in on at to for from by with and or as is are was were be been has have had it its into after over near
says said say told report reports reported monitor monitoring group state media tv news agency syria syrian syrias
people killed kill kills killing dead death deaths toll least more than dozens scores least including among who
which that this their they them new day week city town province region northern southern eastern western north
south east west central rural countryside area areas updated
""".split())
_WORD = re.compile(r"[a-z0-9]+")


def content_words(text: str) -> str:
    """The words that tell events apart, lower case, a plural's 's' dropped: 'Twin blasts kill 30 in Hasakah' ->
    'twin blast 30 hasakah'. Kept as a string so the ledger stays readable."""
    words = []
    for word in _WORD.findall(text.lower().replace("'", "").replace("’", "")):
        if word in _COMMON or (len(word) < 3 and not word.isdigit()):
            continue
        word = word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word
        if word not in words:
            words.append(word)
    return " ".join(words)


@dataclass(frozen=True)
class Report:
    """One seed's main entry, as matching sees it."""

    seed: str
    date: str  # ISO at the entry's precision: 2016-07-27, 2016-07 or 2016
    place: str
    lat: float | None = None
    lon: float | None = None
    places: tuple[str, ...] = ()
    factions: tuple[str, ...] = ()
    event_type: str | None = None
    title: str = ""
    words: str = ""  # content words of the headline and the lead
    killed: int | None = None
    casualties: str | None = None  # 'killed at least 15; wounded 20'
    casualty_words: str | None = None  # the words they came from
    date_words: str | None = None  # the words its date came from
    source: str | None = None
    url: str | None = None
    published: str | None = None
    clean: bool = True  # nothing holds its own entry back
    handmade: bool = False  # an entry a curator wrote: it can gain sources only by the curator's hand

    def to_json(self) -> dict:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items()
                if v not in (None, (), "", False) or k in ("seed", "date", "place")}

    @classmethod
    def from_json(cls, data: Mapping) -> "Report":
        known = {k: (tuple(v) if isinstance(v, list) else v) for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    @property
    def rank(self) -> tuple:
        """Which report speaks for a group: a hand-written entry, then one nothing holds back, then the earliest
        published, then by seed name (so the choice never depends on import order)."""
        return (not self.handmade, not self.clean, self.published or "9999", self.seed)


def distance_km(a: Report, b: Report) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _place_cost(a: Report, b: Report) -> float | None:
    """0 for the same first place, a small cost for a near or named one, None when the places rule a match out."""
    if a.place == b.place:
        return 0.0
    distance = distance_km(a, b)
    if distance <= NEAR_KM:
        return 0.05
    if (a.place in b.places or b.place in a.places) and distance <= NAMED_KM:
        return 0.1  # a town and its province's capital ('Khan Shaykhun' and 'Idlib'), both named by one report
    return None


def similarity(a: Report, b: Report) -> float:
    """How surely ``a`` and ``b`` report one event, 0..1 (0: not candidates at all)."""
    if a.date != b.date or (cost := _place_cost(a, b)) is None:
        return 0.0
    words_a, words_b = set(a.words.split()), set(b.words.split())
    if not words_a or not words_b:
        return 0.0
    shared = len(words_a & words_b) / min(len(words_a), len(words_b))
    headline = fuzz.token_set_ratio(content_words(a.title), content_words(b.title)) / 100
    score = 0.5 * shared + 0.5 * headline - cost
    if a.killed is not None and b.killed is not None:
        low, high = sorted((a.killed, b.killed))
        score += 0.15 if low == high else 0.05 if high <= 1.5 * low else -0.15 if high > 3 * max(low, 1) else 0.0
    if a.factions and b.factions and not set(a.factions) & set(b.factions):
        score -= 0.15
    if a.event_type and b.event_type and a.event_type != b.event_type:
        score -= 0.05
    return max(0.0, min(1.0, score))


@dataclass
class Grouping:
    """The outcome: groups of seeds (each sorted, speaker first) and the possible duplicates to flag."""

    groups: list[list[str]] = field(default_factory=list)
    possible: dict[str, str] = field(default_factory=dict)  # seed -> a seed of the group it may duplicate

    def group_of(self, seed: str) -> list[str]:
        return next((g for g in self.groups if seed in g), [seed])


def group(reports: Iterable[Report], same: Iterable[tuple[str, str]] = (),
          different: Iterable[tuple[str, str]] = ()) -> Grouping:
    """Group ``reports`` into events. ``same``/``different``: pairs of seeds a curator settled."""
    by_seed = {r.seed: r for r in reports}
    parent = {seed: seed for seed in by_seed}

    def root(seed: str) -> str:
        while parent[seed] != seed:
            parent[seed] = parent[parent[seed]]
            seed = parent[seed]
        return seed

    apart = {frozenset(p) for p in different if p[0] != p[1] and p[0] in by_seed and p[1] in by_seed}
    members: dict[str, set[str]] = {seed: {seed} for seed in by_seed}

    def join(x: str, y: str) -> None:
        x, y = root(x), root(y)
        if x != y:
            parent[y] = x
            members[x] |= members.pop(y)

    for a, b in sorted(tuple(sorted(p)) for p in same):
        if a in by_seed and b in by_seed and frozenset((a, b)) not in apart:
            join(a, b)
    settled = {frozenset(p) for p in same} | apart
    scores = _candidate_scores(by_seed)
    for score, a, b in sorted(((s, a, b) for (a, b), s in scores.items() if s >= SAME), key=lambda t: (-t[0], t[1], t[2])):
        x, y = root(a), root(b)
        if x == y:
            continue
        cross = [(p, q) for p in members[x] for q in members[y]]
        if any(frozenset(pair) in apart for pair in cross):
            continue
        if all(scores.get(tuple(sorted(pair)), 0.0) >= JOIN or frozenset(pair) in settled for pair in cross):
            join(x, y)
    result = Grouping()
    for seeds in members.values():
        result.groups.append(sorted(seeds, key=lambda s: by_seed[s].rank))
    result.groups.sort(key=lambda g: by_seed[g[0]].rank)
    group_index = {seed: i for i, g in enumerate(result.groups) for seed in g}
    for (a, b), score in sorted(scores.items()):
        if score < POSSIBLE or group_index[a] == group_index[b] or frozenset((a, b)) in settled:
            continue
        if any(frozenset((p, q)) in apart for p in result.groups[group_index[a]] for q in result.groups[group_index[b]]):
            continue
        # the smaller group (the later, if equal) waits for the curator, never a curator's own entry
        later, earlier = sorted((a, b), key=lambda s: (by_seed[result.groups[group_index[s]][0]].handmade,
                                                        len(result.groups[group_index[s]]), -group_index[s]))
        speaker = result.groups[group_index[later]][0]
        if speaker not in result.possible:
            result.possible[speaker] = result.groups[group_index[earlier]][0]
    return result


def _candidate_scores(by_seed: Mapping[str, Report]) -> dict[tuple[str, str], float]:
    """Scores of every pair of reports on the same day (month, year): one bucket per date keeps this linear."""
    buckets: dict[str, list[Report]] = {}
    for report in by_seed.values():
        buckets.setdefault(report.date, []).append(report)
    scores: dict[tuple[str, str], float] = {}
    for bucket in buckets.values():
        bucket.sort(key=lambda r: r.seed)
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                if a.handmade and b.handmade:
                    continue  # two entries a curator wrote are what the curator says they are
                score = similarity(a, b)
                if score > 0:
                    scores[(a.seed, b.seed)] = score
    return scores


def handmade_report(key: str, entry: Entry, place: Place | None) -> Report | None:
    """The report a curator's own entry makes (``key``: 'entry:' and its file), so a seed can join it as a source."""
    if entry.date is None or not entry.places or entry.status == "skip":
        return None
    found = parse_casualties(entry.casualties)
    lead = next((p for p in entry.body.split("\n\n") if p.strip() and not p.startswith("#")), "")
    return Report(
        seed=key, date=entry.iso_date, place=entry.places[0], lat=round(place.lat, 4) if place else None,
        lon=round(place.lon, 4) if place else None, places=entry.places, factions=entry.factions,
        event_type=entry.event_type, title=entry.title, words=content_words(f"{entry.title} {entry.summary or lead}"),
        killed=found.killed.count if found and found.killed else None, casualties=entry.casualties, handmade=True)


def report_of(extraction: Extraction) -> Report | None:
    """The report a seed's main entry makes, or None when it has no date or no place to match on."""
    entry = extraction.entry
    primary = next((m.place for m in extraction.places if m.role == "primary"), None)
    if entry.date is None or not entry.places or primary is None:
        return None
    found = extraction.casualties
    source = entry.sources[0] if entry.sources else None
    return Report(
        seed=entry.seed or "", date=entry.iso_date, place=entry.places[0], lat=round(primary.lat, 4),
        lon=round(primary.lon, 4), places=entry.places, factions=entry.factions, event_type=entry.event_type,
        title=entry.title, words=content_words(f"{entry.title} {extraction.seed.body[0] if extraction.seed.body else ''}"),
        killed=found.killed.count if found and found.killed else None, casualties=entry.casualties,
        casualty_words="; ".join(f.words for f in (found.killed, found.wounded) if f) if found else None,
        date_words=extraction.date.evidence if extraction.date else None,
        source=source.name if source else None, url=source.url if source else None,
        published=extraction.seed.published.isoformat() if extraction.seed.published else None,
        clean=entry.status == "published")
