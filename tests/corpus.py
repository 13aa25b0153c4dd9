"""The shared real-text corpus (FA-KES CSV, re3d JSON lines) as seed texts. Read from ../shared/corpus, never copied."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path


def corpus_texts(root: Path) -> Iterator[tuple[str, str]]:
    """(name, seed text) for every FA-KES article and re3d document: headline, blank line, text."""
    fakes = root / "fa-kes" / "FA-KES-Dataset.csv"
    if fakes.exists():
        with fakes.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield f"fakes-{row['unit_id']}.txt", f"{row['article_title']}\n\n{row['article_content']}\n"
    for documents in sorted((root / "re3d").glob("*/documents.json")):
        with documents.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    doc = json.loads(line)
                    yield f"re3d-{documents.parent.name}-{doc['_id'][:12]}.txt", f"{doc['title']}\n\n{doc['text']}\n"


def fakes_crowd_dates(root: Path) -> dict[str, dt.date]:
    """{seed name: the main event's date as FA-KES's crowd workers labelled it} (a rough check, not the truth)."""
    fakes = root / "fa-kes" / "FA-KES-Dataset.csv"
    if not fakes.exists():
        return {}
    with fakes.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    month_day_year = ((row["unit_id"], [int(part) for part in row["date"].split("/")]) for row in rows)
    return {f"fakes-{unit}.txt": dt.date(year, month, day) for unit, (month, day, year) in month_day_year}


# FA-KES's `location` labels (a governorate, lower case) -> GeoNames first-level division codes of Syria.
FAKES_GOVERNORATES = {"hasakeh": "01", "lattakia": "02", "quneitra": "03", "raqqa": "04", "daraa": "06",
                      "deir ezzor": "07", "aleppo": "09", "hama": "10", "homs": "11", "idlib": "12", "damascus": "13",
                      "tartous": "14"}


def fakes_crowd_governorates(root: Path) -> dict[str, str]:
    """{seed name: GeoNames division code of the governorate FA-KES's crowd workers gave for the main event}."""
    fakes = root / "fa-kes" / "FA-KES-Dataset.csv"
    if not fakes.exists():
        return {}
    with fakes.open(encoding="utf-8", newline="") as handle:
        return {f"fakes-{row['unit_id']}.txt": FAKES_GOVERNORATES[row["location"].strip().lower()]
                for row in csv.DictReader(handle) if row["location"].strip().lower() in FAKES_GOVERNORATES}
