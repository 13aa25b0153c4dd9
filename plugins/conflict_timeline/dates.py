"""Temporal expressions in wire copy -> ResolvedDate(value, precision, evidence).

Candidates are found with our own patterns (fast, and they keep the weekday, which dateparser ignores);
dateparser only reads free-form ``Published:`` values. A date without a year takes the year from the seed's
anchor (its publication date) or else the earliest year, not before the latest year the text mentions, in which
the stated weekday is true. A weekday that contradicts the date is reported, never silently accepted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .errors import DateError
from .models import ResolvedDate

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
            ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sept", "Sep"),
            ("October", "Oct"), ("November", "Nov"), ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("Monday", "Mon"), ("Tuesday", "Tues", "Tue"), ("Wednesday", "Wed"), ("Thursday", "Thurs", "Thur", "Thu"),
            ("Friday", "Fri"), ("Saturday", "Sat"), ("Sunday", "Sun"),
        )
    )
    for name in names
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_MON_FULL = "|".join(name for name in MONTHS if len(name) > 3 or name == "May")
_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_WD_FULL = "|".join(WEEKDAY_NAMES)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_PREP = r"(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|[Ff]rom|[Bb]efore|[Aa]fter|[Tt]hroughout|[Ll]ast|[Tt]his|[Ee]nd of|[Bb]eginning of|[Oo]f)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(rf"\b(?P<year>{_YEAR})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?:\b|(?=T\d))")),
    # Day-first numeric dates (24.08.2013, 6-09-2013), as non-US outlets stamp them; slashes are ambiguous: skipped.
    ("numeric", re.compile(rf"(?<![\d.-])(?P<day>[0-3]?\d)(?P<sep>[.-])(?P<mon>[01]?\d)(?P=sep)(?P<year>{_YEAR})(?!\d)")),
    ("month_day", re.compile(
        rf"(?:\b(?P<wd>{_WD})\.?,?\s+)?\b(?P<mon>{_MON})\.?\s+(?P<day>[0-3]?\d){_ORD}\b(?!\s*(?:%|,\d))"
        rf"(?:,?\s+(?P<year>{_YEAR})\b)?")),
    # "Apr 232017": a day and a year run together by a copy-paste that lost the comma and the space
    ("month_day_glued", re.compile(rf"\b(?P<mon>{_MON})\.?\s+(?P<day>[0-3]?\d)(?P<year>{_YEAR})\b")),
    ("day_month", re.compile(
        rf"(?:\b(?P<wd>{_WD})\.?,?\s+)?\b(?:the\s+)?(?P<day>[0-3]?\d){_ORD}\s+(?:of\s+)?(?P<mon>{_MON})\b\.?"
        rf"(?:,?\s+(?P<year>{_YEAR})\b)?")),
    ("month_year", re.compile(rf"\b(?P<mon>{_MON_FULL}|{_MON})\.?,?\s+(?:of\s+)?(?P<year>{_YEAR})\b")),
    ("month", re.compile(rf"\b{_PREP}\s+(?:the\s+)?(?:month\s+of\s+)?(?P<mon>{_MON_FULL})\b(?!\s+\d)")),
    ("year", re.compile(rf"\b{_PREP}\s+(?:the\s+)?(?:year\s+|summer\s+(?:of\s+)?|spring\s+(?:of\s+)?|autumn\s+(?:of\s+)?|winter\s+(?:of\s+)?)?(?P<year>{_YEAR})\b(?!\d|,\d|%)")),
    # "Tuesdays attack": a possessive whose apostrophe a copy lost (not "on Tuesdays and Fridays")
    ("weekday", re.compile(rf"\b(?:(?P<last>[Ll]ast)\s+)?(?P<wd>{_WD_FULL})(?:s(?=\s+[a-z])(?!\s+(?:and|or|to)\b))?\b")),
    ("relative", re.compile(
        r"\b(?P<rel>today|tonight|yesterday|last\s+(?:night|week|month|year)|this\s+(?:morning|afternoon|evening)|"
        r"(?P<n>two|three|four|five|six|\d+)\s+(?P<unit>days|weeks)\s+ago)\b",
        re.IGNORECASE)),
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNT_NOUNS = re.compile(
    r"\s+(?:people|fighters|civilians|troops|soldiers|militants|men|women|children|families|refugees|residents|"
    r"members|homes|dead|killed|wounded|km|kilometres|kilometers|miles|metres|meters|tonnes|dollars)\b")
_ANY_YEAR = re.compile(rf"(?<![\d,.$])\b(?P<year>19[5-9]\d|20[0-4]\d)\b(?!\d|,\d|%)")


@dataclass(frozen=True)
class DateMention:
    """A temporal expression as found in the text; fields the text does not give are None."""

    start: int
    end: int
    words: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    relative: str | None = None

    @property
    def has_day(self) -> bool:
        """Names a day: a date, a weekday, or a day counted from the page's date ('yesterday'; not 'last week')."""
        if self.kind == "relative":
            return not re.search(r"week|month|year", self.relative or "")
        return self.day is not None or self.kind == "weekday"


def _mention(kind: str, match: re.Match[str]) -> DateMention | None:
    groups = {k: v for k, v in match.groupdict().items() if v and k != "sep"}
    year = int(groups["year"]) if "year" in groups else None
    mon = groups.get("mon")
    month = (int(mon) if mon.isdigit() else MONTHS[mon]) if mon else None
    day = int(groups["day"]) if "day" in groups else None
    weekday = WEEKDAYS[groups["wd"]] if "wd" in groups else None
    if (day is not None and not 1 <= day <= 31) or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None and month is not None:
        try:
            dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February stays possible
        except ValueError:
            return None
    rel = groups.get("rel") or ("last" if groups.get("last") else None)
    return DateMention(match.start(), match.end(), match.group(0).strip(), kind, year, month, day, weekday,
                       " ".join(rel.lower().split()) if rel else None)


def find_dates(text: str) -> list[DateMention]:
    """Every temporal expression in ``text``, in reading order, without overlaps (longest wins)."""
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            mention = _mention(kind, match)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[DateMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return [m for m in kept if not _names_something(text, m)]


# "the March 23 Movement", "the June 30 Revolution": a day and month without a year, then a name's next word
_NAME_AFTER = re.compile(rf"[ \t]+(?!(?:{_WD}|{_MON})\b)[A-Z][a-z]+")


def _names_something(text: str, mention: DateMention) -> bool:
    return mention.year is None and mention.day is not None and mention.month is not None \
        and bool(_NAME_AFTER.match(text, mention.end))


def mentioned_years(text: str) -> list[int]:
    """Four-digit years the text names (not counts such as '2000 fighters')."""
    years = []
    for match in _ANY_YEAR.finditer(text):
        if _COUNT_NOUNS.match(text, match.end()):
            continue
        years.append(int(match.group("year")))
    return years


def _weekday_warning(value: dt.date, weekday: int | None, words: str) -> tuple[str, ...]:
    if weekday is None or value.weekday() == weekday:
        return ()
    return (
        f"weekday mismatch: '{words}' says {WEEKDAY_NAMES[weekday]} but {value.isoformat()} "
        f"was a {WEEKDAY_NAMES[value.weekday()]}",
    )


def _year_for(month: int, day: int, weekday: int | None, anchor: dt.date | None,
              years: Sequence[int], words: str) -> tuple[int, tuple[str, ...]]:
    if anchor is not None:
        year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
        return year, ()
    if not years:
        candidates = _weekday_years(month, day, weekday, dt.date.today().year, -1, 3) if weekday is not None else []
        listed = f" (candidates: {', '.join(map(str, candidates))})" if candidates else ""
        raise DateError(f"cannot infer the year of '{words}': the text names no year{listed}")
    floor = max(years)
    if weekday is None:
        return floor, (f"year of '{words}' taken from the latest year the text mentions ({floor})",)
    # the first year from the latest the text names in which the day falls on that weekday, but never one still to
    # come: a weekday that fits only a future year is a mismatch ('Nov 27 ... Saturday' naming 2022 is not 2027)
    matching = [y for y in _weekday_years(month, day, weekday, floor, 1, 1) if y <= dt.date.today().year]
    if not matching:
        return floor, _weekday_warning(_safe_date(floor, month, day), weekday, words)
    return matching[0], ()


def _safe_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29 February in a common year
        return dt.date(year, month, 28)


def _weekday_years(month: int, day: int, weekday: int | None, start: int, step: int, count: int) -> list[int]:
    years: list[int] = []
    year = start
    while len(years) < count and abs(year - start) <= 40:
        try:
            if dt.date(year, month, day).weekday() == weekday:
                years.append(year)
        except ValueError:
            pass
        year += step
    return years


def resolve(mention: DateMention, anchor: dt.date | None, years: Sequence[int]) -> ResolvedDate:
    """Turn one mention into a date. ``anchor`` is the publication (or main) date; ``years`` those the text names.

    Raises DateError when the mention cannot be placed in time.
    """
    words = mention.words
    if mention.kind == "relative":
        return _resolve_relative(mention, anchor)
    if mention.kind == "weekday":
        if anchor is None:
            raise DateError(f"'{words}' names only a weekday and the seed has no date to count from")
        back = (anchor.weekday() - mention.weekday) % 7  # type: ignore[operator]
        if mention.relative == "last":  # "last Thursday" in a paper of a Thursday is a week earlier
            back = back or 7
        elif back == 6:  # "on Tuesday" on a page dated Monday: the page shows its first version's date, not 6 days on
            return ResolvedDate(anchor + dt.timedelta(days=1), "day", words,
                                (f"'{words}' is the day after the page's date {anchor.isoformat()}: counted forward",))
        return ResolvedDate(anchor - dt.timedelta(days=back), "day", words)
    if mention.month is None:
        return ResolvedDate(dt.date(mention.year, 1, 1), "year", words)  # type: ignore[arg-type]
    warnings: tuple[str, ...] = ()
    year = mention.year
    if mention.day is None:
        if year is None:
            year, warnings = _year_for(mention.month, 1, None, anchor, years, words)
        return ResolvedDate(dt.date(year, mention.month, 1), "month", words, warnings)
    if year is None:
        year, warnings = _year_for(mention.month, mention.day, mention.weekday, anchor, years, words)
    value = _safe_date(year, mention.month, mention.day)
    warnings += _weekday_warning(value, mention.weekday, words)
    return ResolvedDate(value, "day", words, tuple(dict.fromkeys(warnings)))


def _resolve_relative(mention: DateMention, anchor: dt.date | None) -> ResolvedDate:
    words, rel = mention.words, mention.relative or ""
    if anchor is None:
        raise DateError(f"'{words}' is relative and the seed has no date to count from")
    if rel in ("today", "tonight") or rel.startswith("this "):
        return ResolvedDate(anchor, "day", words)
    if rel in ("yesterday", "last night"):
        return ResolvedDate(anchor - dt.timedelta(days=1), "day", words)
    if rel == "last month":
        first = anchor.replace(day=1) - dt.timedelta(days=1)
        return ResolvedDate(first.replace(day=1), "month", words)
    if rel == "last year":
        return ResolvedDate(dt.date(anchor.year - 1, 1, 1), "year", words)
    amount = 1
    number = rel.split()[0]
    if number.isdigit() or number in _NUMBERS:
        amount = int(number) if number.isdigit() else _NUMBERS[number]
    days = amount * 7 if "week" in rel else amount
    return ResolvedDate(anchor - dt.timedelta(days=days), "day", words,
                        (f"approximate date: '{words}' counted back from {anchor.isoformat()}",) if "week" in rel else ())


def parse_published(value: str) -> dt.date | None:
    """A free-form publication date ('2016-10-03', '3 October 2016', 'Wed 05 Apr 2017', '10/03/2016')."""
    for mention in find_dates(value):
        if mention.year and mention.month and mention.day:
            return dt.date(mention.year, mention.month, mention.day)
    import dateparser  # imported late: it costs ~80 ms and most seeds never need it

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True,
                                                                  "PREFER_DATES_FROM": "past"})
    return parsed.date() if parsed else None


def first_resolvable(mentions: Iterable[DateMention], anchor: dt.date | None, years: Sequence[int],
                     need_day: bool = False) -> ResolvedDate | None:
    """The first mention that resolves (optionally only those naming a day); DateErrors of later ones are skipped."""
    first_error: DateError | None = None
    for mention in mentions:
        if need_day and not mention.has_day:
            continue
        try:
            return resolve(mention, anchor, years)
        except DateError as error:
            first_error = first_error or error
    if first_error is not None:
        raise first_error
    return None
