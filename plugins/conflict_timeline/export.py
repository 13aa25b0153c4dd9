"""Machine-readable shapes of our data. Scripts rely on these: keep them stable.

``extraction_record`` is the object `timeline extract --json` prints per seed.
"""

from __future__ import annotations

from typing import Any

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
        "date": extraction.date.iso,
        "precision": extraction.date.precision,
        "status": entry.status,
        "event_type": entry.event_type,
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
