"""Machine-readable shapes of our data. Scripts rely on these: keep them stable.

``extraction_record`` is the object `timeline extract --json` prints per seed.
"""

from __future__ import annotations

import json
from typing import Any

from .casualties import lowest_fatalities, parse_by_source
from .dateformat import display_date
from .models import Extraction


def _places(extraction: Extraction) -> list[dict[str, Any]]:
    return [
        {"name": m.place.name, "lat": m.place.lat, "lon": m.place.lon, "country": m.place.country, "role": m.role}
        for m in extraction.places
    ]


def _record(extraction: Extraction) -> dict[str, Any]:
    entry = extraction.entry
    return {
        "title": entry.title,
        "date": extraction.date.iso if extraction.date else None,
        "precision": extraction.date.precision if extraction.date else None,
        "status": entry.status,
        "event_type": entry.event_type,
        "casualties": entry.casualties,
        "places": _places(extraction),
        "factions": [{"name": name} for name in entry.factions],
        "evidence": {e.label: e.words for e in entry.evidence},
        "warnings": list(entry.warnings),
    }


def extraction_record(extraction: Extraction) -> dict[str, Any]:
    record = {"seed": extraction.seed.path, **_record(extraction)}
    record.update({
        "source": extraction.seed.source,
        "url": extraction.seed.url,
        "dateline": next((m.place.name for m in extraction.places if m.role == "dateline"), None)
        or extraction.entry.dateline,
        "monitors": sorted({m.faction.name for m in extraction.factions if m.faction.monitor}),
        "unknown_actors": list(extraction.unknown_actors),
        "events": [_record(event) for event in extraction.events],
    })
    return record


def failure_record(seed: str, error: str) -> dict[str, Any]:
    return {"seed": seed, "error": error}


# ---- site exports: TimelineJS JSON, GeoJSON, ACLED-like CSV, iCalendar ----------------------------------------
# Inputs are SiteEntry objects in any order; only published entries are exported, in (date, slug) order, and the
# same inputs always give the same bytes (no build time anywhere, not even in iCalendar's DTSTAMP).

CSV_COLUMNS = ("event_id_cnty", "event_date", "time_precision", "event_type", "actor1", "actor2", "location", "country",
               "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "url")
# ACLED's fatalities: the lowest confirmed number of dead; an entry whose reports give none (or only "dozens", or
# "about 30") leaves the cell empty rather than guess.
# ACLED's time_precision: 1 = the day is known, 2 = within a week or month, 3 = only the month or a wider span.
# Ours maps day -> 1, month -> 2, year -> 3.
TIME_PRECISION = {"day": 1, "month": 2, "year": 3}


def safe_json(data: Any, **options: Any) -> str:
    """JSON with <, > and & escaped (\\u003c ...): the same data, and safe to inline or to hand to a naive page."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, **options)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def _published(entries) -> list:
    chosen = [e for e in entries if e.entry.status == "published"]
    return sorted(chosen, key=lambda e: (e.entry.date, e.entry.slug or e.url))


def _link(site_url: str, url: str) -> str:
    return f"{site_url}/{url}" if site_url else url


def _iso(entry) -> str:
    return entry.iso_date


def timeline_json(entries, site_url: str, title: str, description: str) -> str:
    """TimelineJS3's JSON format: one event per published entry, coarse dates with a display_date."""
    from html import escape

    events = []
    for item in _published(entries):
        entry = item.entry
        start: dict[str, Any] = {"year": entry.date.year}
        if entry.precision in ("day", "month"):
            start["month"] = entry.date.month
        if entry.precision == "day":
            start["day"] = entry.date.day
        start["display_date"] = display_date(entry.date, entry.precision)
        link = _link(site_url, item.url)
        event: dict[str, Any] = {
            "start_date": start,
            "text": {"headline": escape(entry.title),
                     "text": f"<p>{escape(item.text)}</p><p><a href=\"{escape(link)}\">Read the entry</a></p>"},
            "unique_id": entry.slug or item.url.strip("/").replace("/", "-"),
        }
        if entry.event_type:
            event["group"] = entry.event_type
        if entry.casualties:
            event["casualties"] = _figures(entry.casualties)  # TimelineJS ignores it; scripts reading the file do not
        events.append(event)
    data = {"title": {"text": {"headline": escape(title), "text": f"<p>{escape(description)}</p>"}}, "events": events}
    # Compact: with indent, json falls back to its pure-Python encoder (a third of a second at 10,000 entries).
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"  # HTML: TimelineJS's


def events_geojson(entries, site_url: str) -> str:
    """RFC 7946 FeatureCollection: one Point per (entry, place)."""
    features = []
    for item in _published(entries):
        entry = item.entry
        for index, place in enumerate(item.places):
            features.append({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [round(place.lon, 5), round(place.lat, 5)]},
                "properties": {
                    "id": f"{entry.slug}#{index}", "title": entry.title, "date": _iso(entry),
                    "precision": entry.precision, "event_type": entry.event_type, "place": place.name,
                    "place_kind": place.kind, "country": place.country, "factions": [f.name for f in item.factions],
                    "url": _link(site_url, item.url), "status": entry.status,
                    **({"casualties": _figures(entry.casualties)} if entry.casualties else {}),
                },
            })
    return safe_json({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


def _counts(found) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for label in ("killed", "wounded"):
        figure = getattr(found, label) if found else None
        if figure is not None:
            figures[label], figures[f"{label}_kind"] = figure.count, figure.kind
    return figures


def _figures(casualties: str) -> dict[str, Any]:
    """{'killed': 15, 'killed_kind': 'at least', 'wounded': 20, 'wounded_kind': 'exact', 'fatalities': 15}; an entry
    merged from several reports has instead 'killed_min', 'killed_max' and 'by_source': [{'source': 'Reuters',
    'killed': 31, 'killed_kind': 'exact'}, ...]; 'fatalities' is always the lowest confirmed figure."""
    reports = parse_by_source(casualties)
    figures: dict[str, Any] = {"fatalities": lowest_fatalities(casualties)}
    if len(reports) == 1:
        return {**figures, **_counts(reports[0][1])}
    killed = [found.killed for _, found in reports if found.killed]
    if killed:
        figures["killed_min"], figures["killed_max"] = min(f.count for f in killed), max(f.count for f in killed)
    figures["by_source"] = [{"source": source, **_counts(found)} for source, found in reports]
    return figures


def _fatalities(casualties: str | None) -> Any:
    lowest = lowest_fatalities(casualties)
    return "" if lowest is None else lowest


def _cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def events_csv(entries, site_url: str) -> str:
    """ACLED-like columns (see CSV_COLUMNS), one row per published entry; the first place is the location."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in _published(entries):
        entry = item.entry
        place = item.places[0] if item.places else None
        factions = [f.name for f in item.factions]
        writer.writerow([_cell(v) for v in (
            entry.slug, entry.date.isoformat(), TIME_PRECISION[entry.precision], entry.event_type or "",
            factions[0] if factions else "", factions[1] if len(factions) > 1 else "",
            place.name if place else "", place.country if place else "",
            f"{place.lat:.5f}" if place else "", f"{place.lon:.5f}" if place else "",
            (1 if place.kind == "city" else 2) if place else "",
            "; ".join(s.name for s in entry.sources), item.text, _fatalities(entry.casualties),
            _link(site_url, item.url))])
    return out.getvalue()


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 folding: lines of at most 75 octets, continuation lines start with a space, never inside a
    UTF-8 sequence."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while len(raw) - start > limit:
        cut = start + limit
        while raw[cut] & 0xC0 == 0x80:  # a continuation byte: step back to the character's start
            cut -= 1
        parts.append(raw[start:cut].decode("utf-8"))
        start, limit = cut, 74
    parts.append(raw[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def _span(entry) -> tuple[Any, Any]:
    import datetime as dt

    start = entry.date
    if entry.precision == "year":
        return start, dt.date(start.year + 1, 1, 1)
    if entry.precision == "month":
        return start, dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start, start + dt.timedelta(days=1)


def events_ics(entries, site_url: str, calendar_name: str) -> str:
    """RFC 5545 calendar: all-day events; month and year entries span their month or year."""
    from urllib.parse import urlsplit

    host = urlsplit(site_url).hostname or "conflict-timeline"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//conflict-timeline//EN", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_ics_text(calendar_name)}"]
    for item in _published(entries):
        entry = item.entry
        start, end = _span(entry)
        lines += ["BEGIN:VEVENT", f"UID:{entry.slug}@{host}", f"DTSTAMP:{start:%Y%m%d}T000000Z",
                  f"DTSTART;VALUE=DATE:{start:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}",
                  f"SUMMARY:{_ics_text(entry.title)}",
                  f"DESCRIPTION:{_ics_text((item.text + ' ' + _link(site_url, item.url)).strip())}"]
        if site_url.startswith(("http://", "https://")):
            lines.append(f"URL:{_link(site_url, item.url)}")
        if item.places:
            lines.append(f"LOCATION:{_ics_text(', '.join(p.name for p in item.places))}")
            lines.append(f"GEO:{item.places[0].lat:.5f};{item.places[0].lon:.5f}")
        if entry.event_type:
            lines.append(f"CATEGORIES:{_ics_text(entry.event_type)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
