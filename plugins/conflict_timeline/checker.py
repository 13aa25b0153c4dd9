"""`timeline check`: every entry in content/ parses and names only places and factions the registries know."""

from __future__ import annotations

from pathlib import Path

from .context import resolve_names
from .entries import parse
from .errors import EntryError
from .extract import Registries


def check_content(content: Path, registries: Registries) -> tuple[list[str], int]:
    """(problems, number of entries checked). Each problem names the file."""
    problems: list[str] = []
    slugs: dict[str, Path] = {}
    paths = sorted((content / "timeline").rglob("*.md"))
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            entry = parse(text, str(path))
        except EntryError as error:
            problems.append(str(error))
            continue
        if entry.date is None and entry.status != "skip":
            problems.append(f"{path}: needs a date: add a 'Date:' line (YYYY-MM-DD, YYYY-MM or YYYY); until then the "
                            "entry is not built")
        metadata = {"places": ";".join(entry.places), "factions": ";".join(entry.factions),
                    "dateline": entry.dateline, "precision": entry.precision}
        problems += [f"{path}: {problem}" for problem in resolve_names(metadata, registries).problems]
        slug = entry.slug or path.stem
        if slug in slugs:
            problems.append(f"{path}: slug '{slug}' is also used by {slugs[slug]}")
        slugs[slug] = path
    return problems, len(paths)
