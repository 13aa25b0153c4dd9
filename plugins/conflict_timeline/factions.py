"""Faction registry: aliases in running text -> canonical factions (and monitors, which are sources, not actors).

Matching rules (documented for curators at the top of factions.yml): an alias written all in capitals (IS, SDF)
matches case-sensitively as a whole word; any other alias matches case-insensitively; apostrophes and
hyphen/space are interchangeable; modifiers such as "Russian-backed" may stand between an alias's words.
A ``generic`` phrase ("the jihadists") counts only in a text that also names the faction outright, and only when
exactly one such faction claims it: otherwise it is evidence of nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml

from .errors import RegistryError
from .models import Faction, FactionMention

FACTION_TYPES: tuple[str, ...] = (
    "state forces", "foreign state forces", "rebel group", "jihadist group", "kurdish-led forces", "militia",
    "coalition",
)
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_SEP = r"(?:[\s\-‐–]+(?:[\w'’]+-(?:backed|led|allied|supported|trained|funded|aligned)\s+)*)"
_ACTOR_WORDS = (
    r"Brigades?|Battalions?|Front|Forces|Army|Movement|Units|Division|Militias?|Corps|Regiment|Legion|"
    r"Mobili[sz]ation|Guards?|Resistance|Mujahideen|Fighters|Group"
)
_ACTOR_PREFIX = r"Liwa|Liwaa|Jaish|Jaysh|Kataib|Kata'ib|Kata’ib|Harakat|Ansar|Jabhat|Faylaq|Saraya|Firqat|Katibat"
_NAME_WORD = r"(?:[A-Z][\w'’\-]*|al-[A-Z][\w'’\-]*|al|el|of|the|for|and|ash|ibn|bin|Abu)"
_UNKNOWN_ACTOR = re.compile(
    rf"\b(?:(?:{_ACTOR_PREFIX})(?:\s+{_NAME_WORD}){{1,4}}|[A-Z][\w'’\-]*(?:\s+{_NAME_WORD}){{0,4}}?\s+(?:{_ACTOR_WORDS}))\b"
)
_GENERIC_ACTOR = re.compile(r"^(?:The|A|An|Its|Their|His|Her|Kurdish|Arab|Syrian|Iraqi|Turkish|Russian|Iranian|"
                            r"Foreign|Local|Special|Security|Government|Opposition|Rebel|Islamist)(?:\s+\w+)?$")


def _word_pattern(word: str) -> str:
    if word.isalpha() and word.isupper() and 2 <= len(word) <= 5:  # an acronym may be written U.S. or US
        return r"(?:" + r"\.".join(word) + r"\.?|" + word + ")"  # "U.S." or "US", but "IS." keeps no full stop
    return re.sub(r"['’‘]", lambda _: "['’‘]", re.escape(word))


def _alias_pattern(alias: str) -> str:
    words = re.split(r"[\s\-‐–]+", alias.strip())
    return _SEP.join(_word_pattern(w) for w in words if w)


_WORD = re.compile(r"[\w'’‘]+")
_QUOTES = str.maketrans("’‘", "''")


def _first_word(alias: str) -> str:
    return re.split(r"[\s\-‐–]+", alias.strip())[0].lower().translate(_QUOTES)


# A candidate alias at one word: (compiled anchored pattern, faction indexes, generic?)
_Candidate = tuple[re.Pattern[str], tuple[int, ...], bool]


class FactionRegistry:
    """Aliases are indexed by their first word, so a text is scanned word by word and only the few aliases that
    can start at a word are tried there (one big alternation tried at every character was 40x slower)."""

    def __init__(self, factions: Sequence[Faction]):
        self.factions = tuple(factions)
        self.by_name = {f.name: f for f in self.factions}
        owners: dict[tuple[str, bool, bool], list[int]] = {}
        for i, faction in enumerate(self.factions):
            for alias in {faction.name, *faction.aliases}:
                if alias.strip():
                    owners.setdefault((alias.strip(), alias.isupper(), False), []).append(i)
            for phrase in faction.generic:
                owners.setdefault((phrase.strip().lower(), False, True), []).append(i)
        self._index: dict[str, list[_Candidate]] = {}
        for (alias, exact, generic), indexes in sorted(owners.items(), key=lambda kv: (-len(kv[0][0]), kv[0])):
            pattern = re.compile(_alias_pattern(alias) + r"(?![\w-])", 0 if exact else re.IGNORECASE)
            first = _first_word(alias)
            keys = {first}
            if first.isalpha() and 2 <= len(first) <= 5 and alias.split()[0].split("-")[0].isupper():
                keys.add(first[0])  # "U.S.-led": the scanner sees the word "U"
            for word in keys:
                self._index.setdefault(word, []).append((pattern, tuple(indexes), generic))

    def get(self, name: str) -> Faction | None:
        return self.by_name.get(name)

    @property
    def actors(self) -> list[Faction]:
        return [f for f in self.factions if not f.monitor]

    def find(self, text: str, named: Iterable[str] = ()) -> list[FactionMention]:
        """Every faction or monitor named in ``text``, in order, without overlaps (longest wins).

        ``named``: factions the surrounding article names outright, so that a generic phrase in one of its
        sentences ("government forces") can resolve to them.
        """
        found: list[FactionMention] = []
        generic: list[tuple[int, str, tuple[int, ...]]] = []
        end = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < end or (start and (text[start - 1].isalnum() or text[start - 1] in "-_")):
                continue
            for pattern, indexes, is_generic in self._index.get(word.group(0).lower().translate(_QUOTES), ()):
                match = pattern.match(text, start)
                if match is None:
                    continue
                if is_generic:  # never consumes text: "the Army of Islam" must still be read from "Army"
                    generic.append((start, match.group(0), indexes))
                    continue
                found.append(FactionMention(self.factions[indexes[0]], match.group(0), start))
                end = match.end()
                break  # candidates are longest first
        named = {m.faction.name for m in found} | set(named)
        spans = [(m.start, m.start + len(m.words)) for m in found]
        for start, words, indexes in sorted(generic, key=lambda g: (g[0], -len(g[1]))):
            if any(s < start + len(words) and start < e for s, e in spans):
                continue
            spans.append((start, start + len(words)))
            claimants = [i for i in indexes if self.factions[i].name in named]
            if len(claimants) == 1:
                found.append(FactionMention(self.factions[claimants[0]], words, start))
        return sorted(found, key=lambda m: m.start)

    def unknown_actors(self, text: str, known: Sequence[FactionMention]) -> list[str]:
        """Names that look like armed actors but are not in the registry: candidates for the curator."""
        taken = [(m.start, m.start + len(m.words)) for m in known]
        names: list[str] = []
        for match in _UNKNOWN_ACTOR.finditer(text):
            name = match.group(0).strip()
            if any(s < match.end() and match.start() < e for s, e in taken) or _GENERIC_ACTOR.match(name):
                continue
            if name.split()[0] in ("The", "A", "An") and len(name.split()) > 2:
                name = name.split(" ", 1)[1]
            if name not in names:
                names.append(name)
        return names


def load_factions(path: Path) -> FactionRegistry:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise RegistryError(f"cannot read the faction registry: {error.strerror}", str(path)) from error
    except yaml.YAMLError as error:
        raise RegistryError(f"not valid YAML: {error}", str(path)) from error
    if not isinstance(data, dict) or not isinstance(data.get("factions"), list):
        raise RegistryError("expected a top-level 'factions:' list", str(path))
    factions = [_faction(row, str(path), monitor=False) for row in data["factions"]]
    factions += [_faction(row, str(path), monitor=True) for row in data.get("monitors") or []]
    names = [f.name for f in factions]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise RegistryError(f"faction names must be unique; repeated: {', '.join(duplicates)}", str(path))
    for faction in factions:
        if faction.parent and faction.parent not in names:
            raise RegistryError(f"faction '{faction.name}': parent '{faction.parent}' is not in the registry", str(path))
    return FactionRegistry(factions)


def _faction(row: object, path: str, monitor: bool) -> Faction:
    if not isinstance(row, dict) or not row.get("name"):
        raise RegistryError("every faction needs a 'name'", path)
    name = str(row["name"])
    colour = row.get("colour")
    if colour is not None and not _HEX.match(str(colour)):
        raise RegistryError(f"faction '{name}': colour {colour!r} is not a #rrggbb hex colour", path)
    kind = row.get("type")
    if not monitor and kind is not None and kind not in FACTION_TYPES:
        raise RegistryError(f"faction '{name}': type {kind!r} is not one of {', '.join(FACTION_TYPES)}", path)
    aliases = row.get("aliases") or []
    generic = row.get("generic") or []
    if not isinstance(aliases, list) or not isinstance(generic, list):
        raise RegistryError(f"faction '{name}': 'aliases' and 'generic' must be lists", path)
    return Faction(name, tuple(str(a) for a in aliases), kind, colour, row.get("parent"), row.get("description"),
                   monitor, tuple(str(g) for g in generic))
