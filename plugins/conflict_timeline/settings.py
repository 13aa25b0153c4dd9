"""TIMELINE_* settings: defaults, validation, and the registries they point to (loaded once per change)."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import SettingsError
from .extract import Registries
from .factions import STARTER_PATH, load_factions
from .gazetteer import DEFAULT_CORE_COUNTRIES, DEFAULT_COUNTRIES, load_gazetteer

DEFAULTS: dict[str, Any] = {
    "TIMELINE_SEEDS_PATH": "seeds",  # relative to the folder that holds PATH (the project root)
    "TIMELINE_IMPORT_ON_BUILD": True,  # plain `pelican` converts new seeds first
    "TIMELINE_SEARCH": True,  # index the built site with Pagefind
    "TIMELINE_INCREMENTAL": True,  # warm rebuilds render only entries whose text changed
    "TIMELINE_PARALLEL": True,  # write faction/place/archive pages, feeds and exports in a second process
    "TIMELINE_FACTIONS": "data/factions.yml",  # relative to PATH (content/)
    "TIMELINE_PLACES": "data/places.yml",
    # Places are found worldwide; these ISO codes are the timeline's own countries: their villages need no cue and
    # win a shared name after the article's own countries.
    "TIMELINE_COUNTRIES": list(DEFAULT_COUNTRIES),
    "TIMELINE_CORE_COUNTRIES": list(DEFAULT_CORE_COUNTRIES),  # ... whose villages' alternate spellings match too
    # The shipped starter registry of recent wars' main actors, under the curator's factions.yml: True (every
    # theatre), False (none) or the ISO codes of the theatres to use, e.g. ['YE'].
    "TIMELINE_STARTER_FACTIONS": True,
}
# Not a setting one writes: where the plugin keeps the year and month archive (url, save_as) formats it takes over
# from Pelican (pelican_hooks.take_over_period_archives) for the generator that writes those archives.
ARCHIVES = "_timeline_period_archives"


@dataclass(frozen=True)
class TimelineSettings:
    content_path: Path
    seeds_path: Path
    factions_path: Path
    places_path: Path
    countries: tuple[str, ...]
    core_countries: tuple[str, ...] = DEFAULT_CORE_COUNTRIES
    import_on_build: bool = True
    search: bool = True
    incremental: bool = True
    parallel: bool = True
    starter_factions: bool | tuple[str, ...] = True

    @classmethod
    def from_mapping(cls, settings: Mapping[str, Any]) -> "TimelineSettings":
        """Validate Pelican's settings (or any mapping holding PATH and TIMELINE_* keys)."""
        merged = {**DEFAULTS, **{k: v for k, v in settings.items() if k.startswith("TIMELINE_")}}
        unknown = sorted(set(merged) - set(DEFAULTS))
        if unknown:
            raise SettingsError(f"unknown setting {unknown[0]}; known: {', '.join(sorted(DEFAULTS))}")
        for key in ("TIMELINE_SEEDS_PATH", "TIMELINE_FACTIONS", "TIMELINE_PLACES"):
            if not isinstance(merged[key], (str, Path)) or not str(merged[key]):
                raise SettingsError(f"{key} = {merged[key]!r}: expected a path (a non-empty string)")
        for key in ("TIMELINE_IMPORT_ON_BUILD", "TIMELINE_SEARCH", "TIMELINE_INCREMENTAL", "TIMELINE_PARALLEL"):
            if not isinstance(merged[key], bool):
                raise SettingsError(f"{key} = {merged[key]!r}: expected True or False")
        for key in ("TIMELINE_COUNTRIES", "TIMELINE_CORE_COUNTRIES"):
            codes = merged[key]
            if isinstance(codes, str) or not all(isinstance(c, str) and len(c) == 2 and c.isupper() for c in codes):
                raise SettingsError(f"{key} = {codes!r}: expected a list of two-letter ISO codes, e.g. ['SY', 'IQ']")
        starter = merged["TIMELINE_STARTER_FACTIONS"]
        if not isinstance(starter, bool) and (isinstance(starter, str) or not isinstance(starter, (list, tuple)) or not all(
                isinstance(c, str) and len(c) == 2 and c.isupper() for c in starter)):
            raise SettingsError(f"TIMELINE_STARTER_FACTIONS = {starter!r}: expected True (every theatre), False (none) "
                                "or a list of two-letter ISO codes, e.g. ['YE', 'SD']")
        content = Path(settings.get("PATH") or "content").resolve()
        return cls(
            content_path=content,
            seeds_path=(content.parent / merged["TIMELINE_SEEDS_PATH"]).resolve(),
            factions_path=content / merged["TIMELINE_FACTIONS"],
            places_path=content / merged["TIMELINE_PLACES"],
            countries=tuple(sorted(merged["TIMELINE_COUNTRIES"])),
            core_countries=tuple(sorted(merged["TIMELINE_CORE_COUNTRIES"])),
            import_on_build=merged["TIMELINE_IMPORT_ON_BUILD"],
            search=merged["TIMELINE_SEARCH"],
            incremental=merged["TIMELINE_INCREMENTAL"],
            parallel=merged["TIMELINE_PARALLEL"],
            starter_factions=starter if isinstance(starter, bool) else tuple(sorted(set(starter))),
        )

    def registries(self) -> Registries:
        return _registries(self.factions_path, _mtime(self.factions_path), self.places_path,
                           _mtime(self.places_path), self.countries, self.core_countries, self.starter_factions)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


@functools.lru_cache(maxsize=4)
def _registries(factions: Path, _fm: float, places: Path, _pm: float, countries: tuple[str, ...],
                core: tuple[str, ...], starter: bool | tuple[str, ...] = True) -> Registries:
    digest = hashlib.sha256(json.dumps([countries, core, starter]).encode())
    for path in (factions, places, STARTER_PATH):
        digest.update(path.read_bytes() if path.exists() else b"-")
    return Registries(load_gazetteer(places, countries, core), load_factions(factions, starter),
                      digest.hexdigest()[:16])
