"""Entries per month, stacked by event type: the strip that heads the timeline, faction, place and year pages.

Drawn at build time as inline SVG (no script, no request). The x axis runs month by month, so a month without
entries is a gap. One path per event type draws every bar's share of that type, and one link per month (its
``<title>`` names the month, the count and the types) makes the bar a target: no element per entry, so 10,000
entries over eight years weigh 20-32 KB (4-6 KB gzipped; the titles are most of it) and draw in a few ms.
Colours come from the site's CSS (light and dark); each type also has a pattern of its own. Entries known only to
their year belong to no month: they are counted in the table and the summary, not in a bar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from markupsafe import Markup

from .context import MONTH_NAMES
from .models import EVENT_TYPES

Month = tuple[int, int]  # (year, month)
Item = tuple[dt.date, str, "str | None"]  # (date, precision, event type)
LABELS: tuple[str, ...] = (*EVENT_TYPES, "No type")  # stacking order, bottom first
_COLUMN = {name: i for i, name in enumerate(EVENT_TYPES)}  # anything else (none, a typo) counts as "No type"
# Marks drawn over each type's colour in a 6 x 6 tile, so the types differ without colour too: solid, diagonal
# stripes, dots, horizontal stripes, a cross, the other diagonal, a grid.
MARKS = ("", "M-1 1l2-2M0 6l6-6M5 7l2-2", "M3 2.2v1.6", "M0 1.5h6M0 4.5h6", "M0 0l6 6M6 0l-6 6",
         "M-1 5l2 2M0 0l6 6M5-1l2 2", "M0 3h6M3 0v6")
WIDTH, TOP, PLOT = 720, 4, 60  # viewBox width; the tallest bar runs from TOP to the baseline, PLOT units
BASE = TOP + PLOT
LABEL_GAP = 40  # fewest units between two axis labels ("2017" is about 28 units wide at the CSS's 12px)
STEPS = (1, 2, 5, 10, 20, 50, 100)


@dataclass(frozen=True)
class Tally:
    """Entries per month and per type (LABELS order); entries known only to their year, per year."""

    months: Mapping[Month, tuple[int, ...]]
    years: Mapping[int, tuple[int, ...]]


def tally(items: Iterable[Item]) -> Tally:
    """Count entries: day and month precision in their month, year precision apart (in no month)."""
    months: dict[Month, list[int]] = {}
    years: dict[int, list[int]] = {}
    for day, precision, kind in items:
        row = years.setdefault(day.year, [0] * len(LABELS)) if precision == "year" else \
            months.setdefault((day.year, day.month), [0] * len(LABELS))
        row[_COLUMN.get(kind or "", len(EVENT_TYPES))] += 1
    return Tally({k: tuple(v) for k, v in sorted(months.items())}, {k: tuple(v) for k, v in sorted(years.items())})


def article_items(articles: Iterable[Any]) -> list[Item]:
    """(date, precision, event type) of built Pelican articles."""
    return [(a.date, getattr(a, "precision", "day"), a.metadata.get("event")) for a in articles]


def span(counts: Tally, first: Month | None = None, last: Month | None = None) -> list[Month]:
    """Every month from the first to the last entry (a year-only entry stretches it to its whole year)."""
    ends = [*counts.months, *((y, 1) for y in counts.years), *((y, 12) for y in counts.years)]
    if not ends and (first is None or last is None):
        return []
    (year, month), last = first or min(ends), last or max(ends)
    months = []
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_label(month: Month) -> str:
    return f"{MONTH_NAMES[month[1] - 1]} {month[0]}"


def describe(label: str, counts: Sequence[int]) -> str:
    """'March 2017: 12 entries (Battles 5, No type 7)'."""
    total = sum(counts)
    parts = ", ".join(f"{LABELS[i]} {n}" for i, n in enumerate(counts) if n)
    return f"{label}: {total} entr{'y' if total == 1 else 'ies'} ({parts})"


def _num(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _axis(months: Sequence[Month], slot: float) -> tuple[str, list[str], int]:
    """(year ticks path, text labels, height below the baseline): month names when bars are wide, else years,
    every 1, 2, 5, 10 ... years so that labels stay LABEL_GAP apart."""
    texts: list[str] = []
    row = BASE + 14
    if slot >= 30:
        texts += [f'<text x="{_num((i + .5) * slot)}" y="{row}" text-anchor="middle">{MONTH_NAMES[m - 1][:3]}</text>'
                  for i, (_, m) in enumerate(months)]
        row += 14
    starts = [i for i, (_, m) in enumerate(months) if m == 1 or i == 0]
    step = next((s for s in STEPS if s * 12 * slot >= LABEL_GAP), STEPS[-1])
    chosen = [i for i in starts if months[i][1] == 1 and months[i][0] % step == 0 and i * slot <= WIDTH - 30]
    if starts[0] not in chosen and (not chosen or chosen[0] * slot >= LABEL_GAP):
        chosen.insert(0, starts[0])  # the axis's own first year, when there is room for it
    texts += [f'<text x="{_num(i * slot + 2)}" y="{row}">{months[i][0]}</text>' for i in chosen]
    ticks = "".join(f"M{_num(i * slot)} {BASE}v{8 if i in chosen else 4}" for i in starts)
    return ticks, texts, row + 4


def draw(counts: Tally, months: Sequence[Month], links: Mapping[Month, str], *, title: str, describe_as: str,
         ids: str = "ov") -> str:
    """The strip's SVG: a column per month of ``months``, its bar stacked by type, linked where ``links`` says."""
    slot = WIDTH / len(months)
    bar = min(36.0, slot * .75 if slot >= 4 else slot)
    scale = PLOT / max([sum(c) for c in counts.months.values()] or [1])
    strokes: list[list[str]] = [[] for _ in LABELS]
    columns: list[str] = []
    for i, month in enumerate(months):
        row = counts.months.get(month)
        if not row:
            continue
        x, below, y0 = _num((i + .5) * slot), 0, str(BASE)
        last = max(k for k, n in enumerate(row) if n)
        for kind, n in enumerate(row):
            if n:
                below += n  # the whole bar is at least a unit tall, so a month with entries is never blank
                y1 = str(min(round(BASE - below * scale), BASE - 1) if kind == last else round(BASE - below * scale))
                if y1 != y0:
                    strokes[kind].append(f"M{x} {y0}V{y1}")
                y0 = y1
        name = f"<title>{escape(describe(month_label(month), row))}</title><path d=\"M{x} {BASE}V{TOP}\"/>"
        href = links.get(month)
        columns.append(f"<a href={quoteattr(href)}>{name}</a>" if href else f"<g>{name}</g>")
    ticks, labels, height = _axis(months, slot)
    used = [k for k in range(len(LABELS)) if any(row[k] for row in counts.months.values())]  # the legend's types
    marks = [f'<path class="ov-m" d="{d}"/>' if d else "" for d in MARKS]
    patterns = "".join(f'<pattern id="{ids}-{k}" width="6" height="6" patternUnits="userSpaceOnUse">'
                       f'<rect class="ov-c{k}" width="6" height="6"/>{marks[k]}</pattern>' for k in used)
    bars = "".join(f'<path stroke="url(#{ids}-{k})" d="{"".join(strokes[k])}"/>' for k in used if strokes[k])
    return (f'<svg class="ov-svg" viewBox="0 0 {WIDTH} {height}" role="group" '
            f'aria-labelledby="{ids}-t" aria-describedby="{ids}-d"><title id="{ids}-t">{escape(title)}</title>'
            f'<desc id="{ids}-d">{escape(describe_as)}</desc><defs>{patterns}</defs>'
            f'<g class="ov-hit" stroke-width="{_num(slot)}">{"".join(columns)}</g>'
            f'<g fill="none" stroke-width="{_num(bar)}" pointer-events="none" aria-hidden="true">{bars}</g>'
            f'<g class="ov-axis" aria-hidden="true"><path d="M0 {BASE}H{WIDTH}{ticks}"/>{"".join(labels)}</g></svg>')


def summary(counts: Tally, months: Sequence[Month]) -> str:
    """What the strip shows, in words: its span, its gaps, the entries no bar holds."""
    full = sum(1 for m in months if m in counts.months)
    start = MONTH_NAMES[months[0][1] - 1] if months[0][0] == months[-1][0] else month_label(months[0])
    text = (f"Each bar is a month, from {start} to {month_label(months[-1])}: {full} of {len(months)} "
            f"{'has' if full == 1 else 'have'} entries" + ("." if full == len(months) else "; the others are gaps."))
    if counts.years:
        alone = sum(sum(c) for c in counts.years.values())
        where = ", ".join(f"{y} ({sum(c)})" for y, c in counts.years.items())
        text += (f" {alone} entr{'y is' if alone == 1 else 'ies are'} known only to the year and in no bar: "
                 f"{where}.")
    return text


class Overview:
    """One page's strip and the table of its counts, computed when a page first shows them (a warm rebuild
    renders few pages). ``links`` maps a month to a site-relative URL; ``subject`` (" for Islamic State") goes
    into the titles; ``year`` fixes the axis to that year's twelve months and counts the table by month."""

    def __init__(self, items: Iterable[Item], links: Mapping[Month, str], *, subject: str = "", year: int | None = None):
        self._items, self._links, self.year = items, links, year
        self.period = "Month" if year is not None else "Year"
        self.title = f"Entries{subject} per month, by event type"
        self.table_title = f"Entries{subject} per {self.period.lower()}, by event type"
        self._svg: dict[str, Markup] = {}

    @cached_property
    def counts(self) -> Tally:
        return tally(self._items)

    @cached_property
    def months(self) -> list[Month]:
        ends = ((self.year, 1), (self.year, 12)) if self.year is not None else (None, None)
        return span(self.counts, *ends)

    def __bool__(self) -> bool:
        return bool(self.months)

    @cached_property
    def summary(self) -> str:
        return summary(self.counts, self.months)

    def svg(self, siteurl: str) -> Markup:
        """The SVG for a page whose SITEURL is ``siteurl`` (links are relative in a relative build)."""
        if siteurl not in self._svg:
            links = {m: f"{siteurl}/{url}" for m, url in self._links.items()}
            self._svg[siteurl] = Markup(draw(self.counts, self.months, links, title=self.title,
                                             describe_as=self.summary))
        return self._svg[siteurl]

    @cached_property
    def used(self) -> list[int]:
        rows = [*self.counts.months.values(), *self.counts.years.values()]
        return [k for k in range(len(LABELS)) if any(r[k] for r in rows)]

    @property
    def key(self) -> list[tuple[str, str]]:
        """(pattern id, label) for the legend: the types some bar shows."""
        return [(f"ov-{k}", LABELS[k]) for k in self.used if any(r[k] for r in self.counts.months.values())]

    @property
    def columns(self) -> list[str]:
        return [LABELS[k] for k in self.used]

    @cached_property
    def rows(self) -> list[tuple[str, int, list[int]]]:
        """(period, entries, entries per type in ``columns``) per year, or per month on a year's page, where the
        entries known only to the year have a row of their own."""
        groups: dict[str, list[int]] = {}
        for (year, month), row in self.counts.months.items():
            label = MONTH_NAMES[month - 1] if self.year is not None else str(year)
            groups[label] = [a + b for a, b in zip(groups.get(label, [0] * len(LABELS)), row)]
        for year, row in self.counts.years.items():
            label = "Known only to the year" if self.year is not None else str(year)
            groups[label] = [a + b for a, b in zip(groups.get(label, [0] * len(LABELS)), row)]
        order = list(groups) if self.year is not None else sorted(groups)  # years: a year-only one may come first
        return [(g, sum(groups[g]), [groups[g][k] for k in self.used]) for g in order]
