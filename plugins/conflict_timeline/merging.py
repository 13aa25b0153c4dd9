"""Several reports of one event -> one entry: the first report speaks (title, date, text), every report is a source.

The entry lists each report (outlet, date, headline, link) with its casualty figures and the words they came from,
in a "Reports" section under the text, and its ``Casualties:`` line gives each source's figures, so the site can
show the range ("31–44 killed, by source") and the exports each figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .casualties import by_source_line, parse_casualties
from .entries import escape_markdown
from .models import Entry, Source
from .sameevent import Report

POSSIBLE_DUPLICATE = "possible duplicate of"


def source_label(report: Report) -> str:
    """How a report is named among its event's sources: its outlet, or its seed's file name if none is known."""
    return report.source or report.seed


def merged(speaker: Entry, reports: Sequence[Report]) -> Entry:
    """``speaker``'s entry with every report in ``reports`` (the speaker's own first) as a source."""
    if len(reports) < 2:
        return speaker
    sources = tuple(dict.fromkeys(Source(r.source or "unknown", r.url) for r in reports if r.source or r.url))
    places = tuple(dict.fromkeys([*speaker.places, *(r.place for r in reports)]))
    factions = tuple(dict.fromkeys([*speaker.factions, *(f for r in reports for f in r.factions)]))
    labels = _unique_labels(reports)
    casualties = by_source_line([(label, found) for label, r in zip(labels, reports)
                                 if (found := parse_casualties(r.casualties))])
    return replace(speaker, sources=sources, places=places, factions=factions, casualties=casualties,
                   seed="; ".join(r.seed for r in reports), body=f"{speaker.body.rstrip()}\n\n{_reports_section(reports, labels)}")


def _unique_labels(reports: Sequence[Report]) -> list[str]:
    """Outlet names, numbered when one outlet gave several reports ('Jordan Times (2)')."""
    labels, seen = [], {}
    for report in reports:
        label = source_label(report)
        seen[label] = seen.get(label, 0) + 1
        labels.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return labels


def _reports_section(reports: Sequence[Report], labels: Sequence[str]) -> str:
    lines = ["## Reports", "", f"{len(reports)} reports of this event, merged by the importer:", ""]
    for label, report in zip(labels, reports):
        headline = f"“{escape_markdown(report.title)}”"
        if report.url:
            headline = f"[{headline}]({report.url.replace(' ', '%20').replace('(', '%28').replace(')', '%29')})"
        when = f", {report.published}" if report.published else ""
        figures = f": {escape_markdown(str(parse_casualties(report.casualties)).replace('; ', ', '))}" \
            f" (“{escape_markdown(report.casualty_words or '')}”)" if report.casualties else ": no figures"
        dated = f"; dated by “{escape_markdown(report.date_words)}”" if report.date_words else ""
        lines.append(f"- **{escape_markdown(label)}**{when}, {headline}{figures}{dated}")
    return "\n".join(lines)


def possible_duplicate(entry: Entry, slug: str) -> Entry:
    """``entry`` held back as a possible duplicate of the entry ``slug``, for a curator to settle."""
    warning = f"{POSSIBLE_DUPLICATE} {slug}: same day and place, similar report"
    if warning in entry.warnings:
        return entry
    return replace(entry, status="draft", warnings=(*entry.warnings, warning))
