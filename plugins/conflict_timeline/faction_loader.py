"""Faction registry files -> validated Faction records: the curator's factions.yml merged over the shipped starter.

The starter registry (``data/starter_factions.yml``) names the main armed actors of recent wars, each with the
countries of its war (``theatre``). A timeline uses the starter entries of the theatres its settings name
(TIMELINE_STARTER_FACTIONS: every theatre by default). The curator's factions.yml always wins: an entry of the same
name replaces the starter's entry whole, and an entry ``{name: ..., disabled: true}`` removes it. An entry with
``extend: true`` adds to the starter's entry instead: its aliases, generic phrases and theatre come first and the
starter's follow, and a key it leaves out is the starter's. Replacing stays the default, so that a curator can still
drop a starter alias (by listing the ones to keep); extending is for an entry written to change a description or a
colour, which would otherwise lose every alias and country the starter adds later ("Russian missiles", Somalia for
the US forces). Curator entries come first, so an alias both files claim belongs to the curator's faction unless the
article's theatre says otherwise.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .errors import RegistryError
from .models import Faction
from .yamldata import YAMLError, load_yaml

log = logging.getLogger(__name__)

STARTER_PATH = Path(__file__).resolve().parent / "data" / "starter_factions.yml"
FACTION_TYPES: tuple[str, ...] = (
    "state forces", "foreign state forces", "rebel group", "jihadist group", "kurdish-led forces", "militia",
    "coalition", "armed group", "peacekeeping mission",
)
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_ISO = re.compile(r"^[A-Z]{2}$")
_KEYS = frozenset({"name", "aliases", "generic", "type", "colour", "parent", "description", "theatre", "unit", "disabled",
                   "extend"})
_LISTS = ("aliases", "generic", "theatre")  # what an extending entry adds to rather than replaces

# True: every theatre of the starter registry; False or (): none; ISO codes: the entries of those theatres.
StarterChoice = bool | Sequence[str]


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white text on ``colour`` ('#rrggbb')."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def read_factions(path: Path, starter: StarterChoice = False, starter_path: Path = STARTER_PATH) -> list[Faction]:
    """The curator's registry at ``path`` over the starter entries ``starter`` selects; validated."""
    use_starter = starter is not False and (starter is True or len(starter))
    shipped_rows, shipped_monitors, _ = _rows(starter_path) if use_starter else ([], [], set())
    rows, monitors, disabled = _rows(Path(path))
    by_name = {str(row["name"]): row for row in shipped_rows if isinstance(row, dict) and row.get("name")}
    rows = [_extended(row, by_name.get(str(row.get("name")))) if isinstance(row, dict) else row for row in rows]
    own = _factions(rows, monitors, str(path))
    names = [f.name for f in own]
    duplicates = sorted({n for n in names if names.count(n) > 1} | (disabled & set(names)))
    if duplicates:
        raise RegistryError(f"faction names must be unique; repeated: {', '.join(duplicates)}", str(path))
    factions = own
    if use_starter:
        shipped = _factions(shipped_rows, shipped_monitors, str(starter_path))
        factions = own + _starter_entries(shipped, set(names), disabled, starter)
    known = {f.name for f in factions}
    for faction in factions:
        if faction.parent and faction.parent not in known:
            raise RegistryError(f"faction '{faction.name}': parent '{faction.parent}' is not in the registry", str(path))
    _warn_colours(own, str(path))
    return factions


def _starter_entries(shipped: list[Faction], own: set[str], disabled: set[str], choice: StarterChoice) -> list[Faction]:
    by_name = {f.name: f for f in shipped}
    if choice is True:
        wanted = [f for f in shipped]
    else:
        countries = set(choice)
        wanted = [f for f in shipped if countries & set(f.theatre)]
    chosen: dict[str, Faction] = {}
    for faction in wanted:  # with their parents, so that a unit's or an affiliate's parent always exists
        while faction is not None and faction.name not in chosen:
            chosen[faction.name] = faction
            faction = by_name.get(faction.parent) if faction.parent else None
    result = []
    for faction in shipped:
        if faction.name not in chosen or faction.name in own or faction.name in disabled:
            continue
        if faction.parent in disabled:
            log.info("%s: starter faction '%s' loses its parent '%s', which the curator disabled", STARTER_PATH,
                     faction.name, faction.parent)
            faction = replace(faction, parent=None, unit=False)
        result.append(faction)
    return result


def _factions(rows: list[object], monitors: list[object], path: str) -> list[Faction]:
    return [_faction(row, path, monitor=False) for row in rows] + [_faction(row, path, monitor=True) for row in monitors]


def _extended(row: dict, starter_row: dict | None) -> dict:
    """``row`` over ``starter_row`` when it asks to extend it: its lists first, then the starter's items it lacks;
    any other key it leaves out is the starter's. A list that is not one is left for _faction to complain about."""
    if row.get("extend") is not True or starter_row is None:
        return row
    merged = {**starter_row, **row}
    for key in _LISTS:
        mine, theirs = row.get(key) or [], starter_row.get(key) or []
        if isinstance(mine, list) and isinstance(theirs, list):
            merged[key] = list(dict.fromkeys(str(item) for item in [*mine, *theirs]))
    return merged


def _rows(path: Path) -> tuple[list[object], list[object], set[str]]:
    """The faction rows (without the disabled ones), the monitor rows and the disabled names of one file, as written."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise RegistryError(f"cannot read the faction registry: {error.strerror}", str(path)) from error
    except YAMLError as error:
        raise RegistryError(f"not valid YAML: {error}", str(path)) from error
    if not isinstance(data, dict) or not isinstance(data.get("factions"), list):
        raise RegistryError("expected a top-level 'factions:' list", str(path))
    disabled = {str(row["name"]) for row in data["factions"] if isinstance(row, dict) and row.get("disabled") is True
                and row.get("name")}
    rows = [row for row in data["factions"] if not (isinstance(row, dict) and row.get("disabled") is True)]
    return rows, list(data.get("monitors") or []), disabled


def _faction(row: object, path: str, monitor: bool) -> Faction:
    if not isinstance(row, dict) or not row.get("name"):
        raise RegistryError("every faction needs a 'name'", path)
    name = str(row["name"])
    unknown = sorted(str(k) for k in set(row) - _KEYS)
    if unknown:
        raise RegistryError(f"faction '{name}': unknown key '{unknown[0]}'; known: {', '.join(sorted(_KEYS))}", path)
    colour = row.get("colour")
    if colour is not None and not _HEX.match(str(colour)):
        raise RegistryError(f"faction '{name}': colour {colour!r} is not a #rrggbb hex colour", path)
    kind = row.get("type")
    if not monitor and kind is not None and kind not in FACTION_TYPES:
        raise RegistryError(f"faction '{name}': type {kind!r} is not one of {', '.join(FACTION_TYPES)}", path)
    aliases = row.get("aliases") or []
    generic = row.get("generic") or []
    theatre = row.get("theatre") or []
    if not isinstance(aliases, list) or not isinstance(generic, list):
        raise RegistryError(f"faction '{name}': 'aliases' and 'generic' must be lists", path)
    if not isinstance(theatre, list) or not all(isinstance(c, str) and _ISO.match(c) for c in theatre):
        raise RegistryError(f"faction '{name}': theatre {theatre!r} is not a list of two-letter ISO country codes, "
                            "e.g. [SY, IQ]", path)
    if not isinstance(row.get("extend", False), bool):
        raise RegistryError(f"faction '{name}': 'extend' must be true or false", path)
    unit = row.get("unit", False)
    if not isinstance(unit, bool) or (unit and not row.get("parent")):
        raise RegistryError(f"faction '{name}': 'unit: true' needs a 'parent' (the force it is a branch of)", path)
    return Faction(name, tuple(str(a) for a in aliases), kind, colour, row.get("parent"), row.get("description"),
                   monitor, tuple(str(g) for g in generic), tuple(theatre), unit)


def _warn_colours(factions: Sequence[Faction], path: str) -> None:
    """The site shows each colour as a swatch with white text beside the faction's name: distinct and dark enough."""
    seen: dict[str, str] = {}
    for faction in factions:
        if not faction.colour:
            continue
        colour = faction.colour.lower()
        if colour in seen:
            log.warning("%s: faction '%s' has the same colour %s as '%s'", path, faction.name, colour, seen[colour])
        seen.setdefault(colour, faction.name)
        if contrast_with_white(colour) < 4.5:
            log.warning("%s: faction '%s': colour %s is too light for white text (contrast %.1f, need 4.5)", path,
                        faction.name, colour, contrast_with_white(colour))
