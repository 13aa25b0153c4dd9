"""Casualty figures in a report's headline and lead: killed and wounded, each with its kind and the words it came from.

"killed at least 15", "115 people were killed", "a death toll of 44", "six civilians killed": a number. "dozens
killed", "scores wounded": no number (never invented from a word), so no figure. Kinds: ``exact`` ("15 killed"),
``at least`` ("at least 15", "more than 90", which are floors) and ``about`` ("nearly 200", "some 30", "up to 15").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMBER = (r"\d{1,3}(?:[,\s ]\d{3})+|\d+|(?:" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")(?:-(?:"
           + "|".join(_UNITS[1:10]) + r"))?|" + "|".join(sorted(_UNITS[1:], key=len, reverse=True)) + r"|a hundred")
_QUALIFIER = r"at least|more than|over|nearly|almost|around|about|some|up to|roughly|approximately|an estimated"
_WHO = r"(?:(?:people|persons|civilians|soldiers|troops|fighters|militants|rebels|members|children|policemen|" \
       r"police officers|officers|residents|others|jihadists|insurgents|combatants|of them)\s+)?"
_FILLER = r"(?:(?!(?:and|or|but|who|which|that|were|was|in|on|at|by|as)\b)[a-z-]+\s+){0,2}?"  # "more", "Syrian"
_KILLED = r"killed|dead|died|were killed|have been killed|had been killed|lost their lives|slain"
_WOUNDED = r"wounded|injured|hurt|were wounded|were injured|have been wounded|have been injured"
_AFTER_VERB = r"(?:killing|killed|kills|kill|leaving)"
_PATTERNS = (
    ("killed", re.compile(rf"\b(?:(?P<q>{_QUALIFIER})\s+)?(?P<n>{_NUMBER})\s+{_FILLER}{_WHO}"
                          rf"(?:(?:were|have been|had been|are)\s+)?(?:{_KILLED})\b", re.IGNORECASE)),
    ("killed", re.compile(rf"\b{_AFTER_VERB}\s+(?:(?P<q>{_QUALIFIER})\s+)?(?P<n>{_NUMBER})\b(?!\s*(?:%|per\s*cent|km|"
                          rf"kilomet|miles))", re.IGNORECASE)),
    ("killed", re.compile(rf"\bdeath\s+toll\s+(?:of|rose\s+to|climbed\s+to|stood\s+at|reached|at)\s+(?:(?P<q>"
                          rf"{_QUALIFIER})\s+)?(?P<n>{_NUMBER})\b", re.IGNORECASE)),
    ("wounded", re.compile(rf"\b(?:(?P<q>{_QUALIFIER})\s+)?(?P<n>{_NUMBER})\s+{_FILLER}{_WHO}"
                           rf"(?:(?:were|have been|had been|are)\s+)?(?:{_WOUNDED})\b", re.IGNORECASE)),
    ("wounded", re.compile(rf"\b(?:wounding|injuring|wounded|injured)\s+(?:(?P<q>{_QUALIFIER})\s+)?(?P<n>{_NUMBER})\b",
                           re.IGNORECASE)),
)
_KIND = {"at least": "at least", "more than": "at least", "over": "at least"}


@dataclass(frozen=True)
class Figure:
    count: int
    kind: str  # exact | at least | about
    words: str

    def __str__(self) -> str:
        return f"{self.kind} {self.count}" if self.kind != "exact" else str(self.count)


@dataclass(frozen=True)
class Casualties:
    killed: Figure | None = None
    wounded: Figure | None = None

    def __str__(self) -> str:
        """'killed at least 15; wounded 20': the entry's Casualties: line."""
        return "; ".join(f"{label} {figure}" for label, figure in (("killed", self.killed), ("wounded", self.wounded))
                         if figure)

    @property
    def fatalities(self) -> int | None:
        """ACLED's fatalities: the lowest confirmed number, so a floor or an exact count; 'about' gives none."""
        return self.killed.count if self.killed and self.killed.kind != "about" else None


def number(words: str) -> int | None:
    text = words.lower().replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if text.isdigit():
        return int(text)
    if text == "ahundred":
        return 100
    if text in _UNITS:
        return _UNITS.index(text)
    tens, _, unit = text.partition("-")
    if tens in _TENS:
        return _TENS[tens] + (_UNITS.index(unit) if unit in _UNITS else 0)
    return None


def find_casualties(text: str) -> Casualties | None:
    """The first killed and the first wounded figure ``text`` gives (a headline, a lead), or None. One number is
    never both: in "killed 30 people injured 90" the 30 are the dead."""
    found: dict[str, list[tuple[int, tuple[int, int], Figure]]] = {"killed": [], "wounded": []}
    for label, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            count = number(match.group("n"))
            if count is None or count > 100_000 or _is_a_date_or_age(text, match):
                continue
            qualifier = (match.group("q") or "").lower()
            kind = _KIND.get(qualifier, "about" if qualifier else "exact")
            found[label].append((match.start(), match.span("n"), Figure(count, kind, " ".join(match.group(0).split()))))
    killed = min(found["killed"], key=lambda f: f[0], default=None)
    wounded = min((f for f in found["wounded"] if killed is None or f[1] != killed[1]), key=lambda f: f[0], default=None)
    if killed is None and wounded is None:
        return None
    return Casualties(killed[2] if killed else None, wounded[2] if wounded else None)


def _is_a_date_or_age(text: str, match: re.Match[str]) -> bool:
    """'on March 4 killed', 'a 35-year-old ... killed', '2014 killed': no count of the dead."""
    before = text[max(0, match.start("n") - 12):match.start("n")]
    after = text[match.end("n"):match.end("n") + 10]
    return bool(re.search(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$", before)
                or re.match(r"-year|\s*years?\b", after) or (len(match.group("n")) == 4 and match.group("n")[:2] in ("19", "20")))


def parse_casualties(value: str | None) -> Casualties | None:
    """An entry's 'killed at least 15; wounded 20' back to figures (None when it names none)."""
    if not value:
        return None
    figures: dict[str, Figure] = {}
    for part in value.split(";"):
        match = re.match(r"^\s*(killed|wounded)\s+(?:(at least|about)\s+)?(\d+)\s*$", part, re.IGNORECASE)
        if match:
            figures[match.group(1).lower()] = Figure(int(match.group(3)), (match.group(2) or "exact").lower(), part.strip())
    return Casualties(figures.get("killed"), figures.get("wounded")) if figures else None


def parse_by_source(value: str | None) -> list[tuple[str | None, Casualties]]:
    """An entry's Casualties: line as [(source, figures)]. One source's 'killed 31; wounded 20' gives [(None, ...)];
    an entry merged from several reports gives each its figures: 'Reuters: killed 44, wounded 100; AFP: killed 31'."""
    if not value or ":" not in value:
        found = parse_casualties(value)
        return [(None, found)] if found else []
    reports = []
    for part in value.split(";"):
        source, _, figures = part.rpartition(":")
        found = parse_casualties(figures.replace(",", ";"))
        if found:
            reports.append((source.strip() or None, found))
    return reports


def by_source_line(reports: list[tuple[str, Casualties]]) -> str | None:
    """[(source, figures)] -> the Casualties: line of a merged entry (sources without figures left out)."""
    parts = [f"{source.replace(';', ',').replace(':', ' ')}: {str(found).replace('; ', ', ')}" for source, found in reports
             if found and str(found)]
    return "; ".join(parts) or None


def killed_range(value: str | None) -> str | None:
    """What a reader sees first: 'killed at least 15, wounded 20' for one source; '31–44 killed, by source' when
    several reports give different tolls ('44 killed, by 3 sources' when they agree)."""
    reports = parse_by_source(value)
    if not reports:
        return None
    if len(reports) == 1:
        return str(reports[0][1]).replace("; ", ", ")
    counts = sorted({found.killed.count for _, found in reports if found.killed})
    if not counts:
        return f"wounded, by {len(reports)} sources"
    span = f"{counts[0]}" if len(counts) == 1 else f"{counts[0]}\u2013{counts[-1]}"
    return f"{span} killed, by {len(reports)} sources" if len(counts) == 1 else f"{span} killed, by source"


def lowest_fatalities(value: str | None) -> int | None:
    """ACLED's fatalities across sources: the lowest confirmed figure (an exact count or a floor, never 'about')."""
    counts = [found.fatalities for _, found in parse_by_source(value) if found.fatalities is not None]
    return min(counts) if counts else None
