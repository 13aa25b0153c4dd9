"""What curators wrote in content/timeline/ that the importer must respect: their Same-as / Not-same-as lines and
the entries they wrote by hand (a seed that reports one of those events must not become a second entry).

Every entry is read once per import; with a cache (the build keeps one beside the seed stamps), only files whose
size or modification time changed are read again, so 10,000 entries cost 10,000 stat calls, not 10,000 reads.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .entries import decisions, parse, split_header
from .errors import TimelineError
from .models import Place
from .sameevent import Report, handmade_report

HANDMADE = "entry:"  # how a curator's own entry stands among the seeds' reports
CACHE_KEY = "/entries"  # its place in the stamps cache (no seed file name starts with '/')


@dataclass(frozen=True)
class EntryNotes:
    """One entry file, as same-event matching sees it."""

    relative: str  # path under content/
    seeds: tuple[str, ...] = ()  # its Seed: line; empty for an entry a curator wrote
    same_as: tuple[str, ...] = ()
    not_same_as: tuple[str, ...] = ()
    report: dict | None = None  # a hand-written entry's report (Report.to_json)

    def to_json(self) -> list:
        return [list(self.seeds), list(self.same_as), list(self.not_same_as), self.report]

    @classmethod
    def from_json(cls, relative: str, data: list) -> EntryNotes:
        return cls(relative, tuple(data[0]), tuple(data[1]), tuple(data[2]), data[3])


def entry_files(root: Path) -> list[tuple[str, str]]:
    """(path under content/, full path) of every Markdown file under content/timeline/, in a stable order."""
    found = []
    timeline = root / "timeline"
    for folder, dirs, files in os.walk(timeline):
        dirs.sort()
        base = os.path.relpath(folder, root).replace(os.sep, "/")
        found += [(f"{base}/{name}", os.path.join(folder, name)) for name in sorted(files) if name.endswith(".md")]
    return found


def read_notes(relative: str, raw: bytes, lookup: Callable[[str], Place | None]) -> EntryNotes:
    text = raw.decode("utf-8", "replace")
    header, _ = split_header(text)
    seeds = tuple(s.strip() for s in header.get("Seed", "").split(";") if s.strip())
    same_as, not_same_as = decisions(header)
    report = None
    if not seeds:
        try:
            entry = parse(text, relative)
        except TimelineError:
            entry = None  # `timeline check` names what is wrong with it
        if entry is not None:
            found = handmade_report(HANDMADE + relative, entry, lookup(entry.places[0]) if entry.places else None)
            report = found.to_json() if found else None
    return EntryNotes(relative, seeds, same_as, not_same_as, report)


@dataclass
class Scan:
    """Every entry file under content/timeline/, and the notes of those that matter to matching."""

    existing: set[str]
    notes: list[EntryNotes]
    changed: bool  # some file's notes differ from the last scan's (or there was no last scan)


def _matters(item: EntryNotes) -> bool:
    return bool(item.same_as or item.not_same_as or not item.seeds)


def scan(root: Path, lookup: Callable[[str], Place | None], cache: dict[str, Any] | None = None,
         fingerprint: str = "") -> Scan:
    """Stat every entry; read those new or changed since the cached scan. ``cache``: a dict kept between runs
    ({CACHE_KEY: ...} is written into it); ``fingerprint``: the registries', since a hand-written entry's
    coordinates come from them. A file the importer wrote, with no decision in it, is cached as 0."""
    known = (cache or {}).get(CACHE_KEY) or {}
    files = known.get("files", {}) if known.get("registries") == fingerprint else {}
    fresh: dict[str, list] = {}
    notes = []
    changed = not files
    for relative, full in entry_files(root):
        stat = os.stat(full)
        stamp = [stat.st_size, stat.st_mtime_ns]
        cached = files.get(relative)
        if cached and cached[:2] == stamp:
            value = cached[2]
        else:
            with open(full, "rb") as handle:
                item = read_notes(relative, handle.read(), lookup)
            value = item.to_json() if _matters(item) else 0
            changed |= cached is None or cached[2] != value
        fresh[relative] = [*stamp, value]
        if value:
            notes.append(EntryNotes.from_json(relative, value))
    changed |= len(fresh) != len(files)
    if cache is not None:
        cache[CACHE_KEY] = {"registries": fingerprint, "files": fresh}
    return Scan(set(fresh), notes, changed)


def curators_say(notes: list[EntryNotes], claimed: set[str], seeds_of_stem: dict[str, set[str]],
                 reports: dict[str, Report]) -> tuple[set[str], list[tuple[str, str]], list[tuple[str, str]],
                                                      dict[str, Report]]:
    """(files that only point elsewhere, pairs of seeds a curator called the same, pairs called different, the
    reports of hand-written entries). A hand-written entry is one the importer never wrote and with no Seed: line."""
    by_stem = seeds_of_stem  # the caller's own map, added to
    handmade: dict[str, Report] = {}
    for item in notes:
        if item.relative not in claimed and not item.seeds:
            by_stem.setdefault(Path(item.relative).stem, set()).add(HANDMADE + item.relative)
            if item.report:
                handmade[HANDMADE + item.relative] = Report.from_json(item.report)
    known = {**reports, **handmade}

    def resolve(ref: str) -> set[str]:
        return {ref} if ref in known else by_stem.get(ref.removesuffix(".md"), set())

    pointers, same, different = set(), [], []
    for item in notes:
        if not item.same_as and not item.not_same_as:
            continue
        own = set(item.seeds) | by_stem.get(Path(item.relative).stem, set())
        if item.same_as:
            pointers.add(item.relative)
        same += [(a, b) for ref in item.same_as for a in own for b in resolve(ref) if a != b]
        different += [(a, b) for ref in item.not_same_as for a in own for b in resolve(ref) if a != b]
    return pointers, same, different, handmade


def refresh(root: Path, written: dict[Path, str | None], lookup: Callable[[str], Place | None],
            cache: dict[str, Any]) -> None:
    """Bring the cached notes of the files an import just wrote ({path: its text}) or removed (None) up to date."""
    files = (cache.get(CACHE_KEY) or {}).get("files")
    if files is None:
        return
    for path, text in written.items():
        relative = path.relative_to(root).as_posix()
        if text is None or not path.exists():
            files.pop(relative, None)
            continue
        stat = path.stat()
        item = read_notes(relative, text.encode("utf-8"), lookup)
        files[relative] = [stat.st_size, stat.st_mtime_ns, item.to_json() if _matters(item) else 0]
