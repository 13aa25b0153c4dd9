"""Faction registry: aliases in running text -> canonical factions (and monitors, which are sources, not actors).

Matching rules (documented for curators at the top of factions.yml): an alias written all in capitals (IS, SDF)
matches case-sensitively as a whole word, and one of four letters or more also in the title case some papers
write it in ("Isis", "Iswap") unless it is part of a person's name there ("Lady Isis"); any other alias matches
case-insensitively; apostrophes and hyphen/space are interchangeable; modifiers such as "Russian-backed" may stand
between an alias's words; "..." in an alias stands for up to four words ("forces loyal to ... Assad"), and
"forces loyal to" also reads "troops allied to", "fighters aligned with". A descriptive alias ending in a plural
("US airstrikes", "Russian missiles") also matches its singular; an alias followed by "-led" still names its faction
("Houthi-led").
An alias several factions claim ("SNA", "coalition warplanes") goes to the one whose theatre holds the article's
country, else to the first in the registry (the curator's before the starter's).
A ``generic`` phrase ("the jihadists", "government forces") goes to the one faction claiming it that the text also
names outright; when the text names none of its claimants, to the one claimant whose theatre holds the article's
first country; otherwise it is evidence of nothing.
The wording around a mention (head nouns, descriptions, nationalities: faction_words.py) decides the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from .faction_loader import FACTION_TYPES, STARTER_PATH, StarterChoice, read_factions
from .faction_words import (
    actor_like_names,
    coordinated,
    head_end,
    inside_a_name,
    is_head_noun,
    not_an_actor_here,
    of_faction_at,
    only_a_voice,
    only_describes,
)
from .models import Faction, FactionMention

__all__ = ["FACTION_TYPES", "STARTER_PATH", "FactionRegistry", "load_factions"]

_SEP = r"(?:[\s\-‐–]+(?:[\w'’]+-(?:backed|led|allied|supported|trained|funded|aligned)\s+)*)"
_ELLIPSIS = r"\s+(?:[\w'’.\-]+\s+){0,4}?(?:(?:al|el|as|ash|ad|an|ar|at|az)[\-‐])?"  # "..." in an alias: up to four words


def _word_pattern(word: str) -> str:
    if word in ("...", "…"):
        return _ELLIPSIS
    if word.isalpha() and word.isupper() and 2 <= len(word) <= 5:  # an acronym may be written U.S. or US
        return r"(?:" + r"\.".join(word) + r"\.?|" + word + ")"  # "U.S." or "US", but "IS." keeps no full stop
    return re.sub(r"['’‘]", lambda _: "['’‘]?", re.escape(word))  # "Kata'ib", "Kata’ib", "Kataib"


# "forces loyal to ... Haftar" is how the registry writes what reporters also call "troops allied to" or "fighters
# aligned with" him: the head noun and the link word vary, the leader does not.
_LOYAL_HEADS = ("forces", "troops", "fighters", "soldiers", "units")
_LOYAL_LINK = r"(?:loyal|allied|aligned)[\s\-]+(?:to|with)"


def _loyal_to(words: Sequence[str]) -> bool:
    return len(words) > 3 and words[0].lower() in _LOYAL_HEADS and [w.lower() for w in words[1:3]] == ["loyal", "to"]


def _singular(word: str) -> str | None:
    """The pattern of a plural common noun that also reads as its singular ("airstrikes": "airstrike"), else None.
    Not for people or groups: one soldier is often a victim or a speaker ("a former American soldier"), one group
    the one the text names ("Syrian rebel group Ahrar al-Sham") or a political body ("the main opposition group"),
    where a strike or a missile is still the force's act."""
    if (word.islower() and word.isalpha() and len(word) > 3 and word.endswith("s")
            and not word.endswith(("ss", "us", "is")) and not is_head_noun(word) and word not in ("groups", "factions")):
        return re.escape(word[:-1]) + "s?"
    return None


def _alias_pattern(alias: str, descriptive: bool = False) -> str:
    """``descriptive``: an alias made of common words after a name ("Russian missiles"), whose last word, a plural,
    may be singular in the text ("a Russian missile"); a proper name ("Hamas") never loses its "s"."""
    words = [w for w in re.split(r"[\s\-‐–]+", alias.strip().replace("…", " ... ")) if w]
    pattern = ""
    if _loyal_to(words):
        pattern, words = rf"(?:{'|'.join(_LOYAL_HEADS)})[\s\-]+{_LOYAL_LINK}", words[3:]
    for i, word in enumerate(words):
        if (i or pattern) and word != "..." and (not i or words[i - 1] != "..."):
            pattern += _SEP
        last = descriptive and i == len(words) - 1 and i > 0 and _singular(word)
        pattern += last or _word_pattern(word)
    return pattern


def _title_form(alias: str) -> str | None:
    """"Isis", "Iswap": how some papers write an acronym of four letters or more that can be said as a word."""
    first = re.split(r"[\s\-‐–]+", alias.strip())[0]
    return alias.title() if alias.isupper() and first.isalpha() and len(first) >= 4 else None


_WORD = re.compile(r"[\w'’‘]+")
_QUOTES = str.maketrans("’‘", "''")


def _first_word(alias: str) -> str:
    return re.split(r"[\s\-‐–]+", alias.strip())[0].lower().translate(_QUOTES).replace("'", "")


def _keys(word: str) -> list[str]:
    """Index keys a word of the text may start an alias under: "People's" and "Peoples" alike, and "Hezbollah's"
    also as "Hezbollah" (a possessive)."""
    lowered = word.lower().translate(_QUOTES)
    keys = [lowered.replace("'", "")]
    if "'" in lowered and lowered.split("'")[0] not in keys:
        keys.append(lowered.split("'")[0])
    return keys


def _key(alias: str) -> str:
    """Aliases that match the same text share a key: case (unless all capitals), quotes and hyphens do not count."""
    spaced = " ".join(re.split(r"[\s\-‐–]+", alias.strip().translate(_QUOTES)))
    return spaced if alias.isupper() else spaced.lower()


class _Pattern:
    """An alias's pattern, compiled the first time a text has its first word: a registry of a thousand aliases
    compiled them all at every load (half a second), though a build meets a few dozen."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int):
        self._source, self._flags, self._compiled = source, flags, None

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self._get().match(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self._get().fullmatch(text)


# "the army" is also the army of "an army camp", "army positions": the noun used before what it owns.
_ARMY_OWNS = ("camp", "base", "post", "outpost", "barracks", "checkpoint", "positions", "convoy", "patrol")


def _attributive(generic: Sequence[str]) -> list[str]:
    extra = [f"army {thing}" for thing in _ARMY_OWNS] if "the army" in generic else []
    return [*generic, *extra]


# A candidate alias at one word: (anchored pattern, the factions claiming it, generic?, written in lower case?,
# an acronym's title-case form, which a capitalised word beside it makes part of a name?)
_Candidate = tuple[_Pattern, tuple[int, ...], bool, bool, bool]
# After an alias: not a word, nor a hyphen unless it makes the faction a leader ("Houthi-led", "Haftar-led").
_ALIAS_END = r"(?!\w|-(?!led\b))"


class FactionRegistry:
    """Aliases are indexed by their first word, so a text is scanned word by word and only the few aliases that
    can start at a word are tried there (one big alternation tried at every character was 40x slower)."""

    def __init__(self, factions: Sequence[Faction]):
        self.factions = tuple(factions)
        self.by_name = {f.name: f for f in self.factions}
        owners: dict[tuple[str, bool, bool], list[int]] = {}  # (key, generic?, title-case form?) -> factions
        written: dict[tuple[str, bool, bool], str] = {}
        for i, faction in enumerate(self.factions):
            claims = [(a, False, False) for a in dict.fromkeys([faction.name, *faction.aliases])]
            claims += [(t, False, True) for t in dict.fromkeys(map(_title_form, (faction.name, *faction.aliases))) if t]
            claims += [(g, True, False) for g in dict.fromkeys(_attributive(faction.generic))]
            for alias, generic, title in claims:
                if alias.strip():
                    slot = (_key(alias), generic, title)
                    written.setdefault(slot, alias.strip())
                    if i not in owners.setdefault(slot, []):
                        owners[slot].append(i)
        self._index: dict[str, list[_Candidate]] = {}
        for slot, indexes in sorted(owners.items(), key=lambda kv: (-len(kv[0][0]), kv[0])):
            alias, generic, title = written[slot], slot[1], slot[2]
            descriptive = not generic and alias.split()[-1].islower() and len(alias.split()) > 1
            if generic:
                source = _alias_pattern(alias) + r"(?![\w-])"
            else:
                source = _alias_pattern(alias, descriptive) + _ALIAS_END
            pattern = _Pattern(source, 0 if alias.isupper() or title else re.IGNORECASE)
            first = _first_word(alias)
            keys = {first, *(_LOYAL_HEADS if _loyal_to(alias.split()) else ())}  # "troops allied to" starts at "troops"
            if first.isalpha() and 2 <= len(first) <= 5 and alias.split()[0].split("-")[0].isupper():
                keys.add(first[0])  # "U.S.-led": the scanner sees the word "U"
            for word in keys:
                self._index.setdefault(word, []).append((pattern, tuple(indexes), generic, alias[:1].islower(), title))

    def get(self, name: str) -> Faction | None:
        return self.by_name.get(name)

    @property
    def actors(self) -> list[Faction]:
        return [f for f in self.factions if not f.monitor]

    @property
    def theatres(self) -> list[str]:
        """Every country some faction's theatre names, sorted."""
        return sorted({c for f in self.factions for c in f.theatre})

    def with_parents(self, names: Iterable[str]) -> list[str]:
        """``names`` with, after each unit (an air force, a police force), the force it is a branch of; in order,
        without repeats. Affiliates (a parent that is not a unit's) are not added: the YPG is not the SDF."""
        result: list[str] = []
        for name in names:
            chain, seen = [name], {name}
            faction = self.by_name.get(name)
            while faction is not None and faction.unit and faction.parent and faction.parent not in seen:
                chain.append(faction.parent)
                seen.add(faction.parent)
                faction = self.by_name.get(faction.parent)
            result += [n for n in chain if n not in result]
        return result

    def find(self, text: str, named: Iterable[str] = (), theatre: Sequence[str] = ()) -> list[FactionMention]:
        """Every faction or monitor named in ``text``, in order (longest alias wins where two start together).

        ``named``: factions the surrounding article names outright, so that a generic phrase in one of its
        sentences ("government forces") can resolve to them. ``theatre``: the ISO codes of the countries the article
        is about, most important first, e.g. ('SY', 'TR'); they decide shared aliases and unclaimed generic phrases.
        The country the factions named here and in ``named`` point to (``implied_theatre``) goes first when it is
        one of them, and stands in for a theatre not given.
        """
        plain: list[tuple[int, int, tuple[int, ...]]] = []
        spans: list[tuple[int, int]] = []  # text that names a faction, or only describes one
        generic: list[tuple[int, str, tuple[int, ...], bool]] = []
        end = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < end or (start and (text[start - 1].isalnum() or text[start - 1] in "-_")):
                continue
            best: tuple[re.Match[str], tuple[int, ...]] | None = None
            for key in _keys(word.group(0)):
                for pattern, indexes, is_generic, lower, title in self._index.get(key, ()):
                    match = pattern.match(text, start)
                    if match is None or (title and inside_a_name(text, start, match.end())):
                        continue
                    if is_generic:  # never consumes text: "the Army of Islam" must still be read from "Army"
                        generic.append((start, match.group(0), indexes, lower))
                        continue
                    if best is None or match.end() > best[0].end():
                        best = (match, indexes)
                    break  # candidates are longest first
            if best is not None:
                match, indexes = best
                end = head_end(text, match.end())
                spans.append((start, end))
                if not only_describes(text, start, match.end()) and not only_a_voice(text, start, end):
                    plain.append((start, end, indexes))
        named = set(named)
        implied = self.implied_theatre([self.factions[i[0]] for _, _, i in plain if len(i) == 1]
                                       + [self.by_name[n] for n in sorted(named) if n in self.by_name])
        if not theatre:
            theatre = implied
        elif implied and implied[0] in theatre:  # "BEIRUT, Lebanon" on a story about Hama: the factions know better
            theatre = (implied[0], *[c for c in theatre if c != implied[0]])
        found = [FactionMention(self._owner(indexes, theatre), text[start:end], start) for start, end, indexes in plain]
        found += self._coordinated(text, found, theatre, spans)
        named |= {m.faction.name for m in found}
        # Acronyms first ("RSF", "ADF"): once resolved they name their faction for the phrases ("the rebels").
        for start, words, indexes, lower in sorted(generic, key=lambda g: (not g[1].isupper(), g[0], -len(g[1]))):
            stop = start + len(words)
            if any(s < stop and start < e for s, e in spans) or (lower and self._qualified(text, start, stop, spans)):
                continue
            spans.append((start, stop))
            faction = self._claimant(indexes, named, theatre)
            if faction is not None:
                found.append(FactionMention(faction, words, start))
                if words.isupper():
                    named.add(faction.name)
        return sorted(found, key=lambda m: m.start)

    @staticmethod
    def implied_theatre(factions: Iterable[Faction]) -> tuple[str, ...]:
        """The countries the named factions point to, most pointed to first ("the Houthis": Yemen). Each faction
        shares one vote among its theatre, however often it is named: four "Israeli airstrikes" on a Syrian village
        do not outvote the Syrian militia they hit. So a faction of several wars decides nothing alone; a tie at the
        top is no answer (an article naming only the Islamic State may be about Syria or Iraq)."""
        votes: dict[str, float] = {}
        for faction in {f.name: f for f in factions}.values():
            for country in faction.theatre if not faction.monitor else ():
                votes[country] = votes.get(country, 0.0) + 1 / len(faction.theatre)
        ranked = sorted(votes, key=lambda c: (-votes[c], c))
        if not ranked or (len(ranked) > 1 and votes[ranked[0]] - votes[ranked[1]] < 1e-9):
            return ()
        return tuple(ranked)

    def _owner(self, indexes: tuple[int, ...], theatre: Sequence[str]) -> Faction:
        """Of the factions sharing an alias: the first whose theatre holds the earliest-listed country, else the first."""
        for country in theatre:
            local = [i for i in indexes if country in self.factions[i].theatre]
            if local:
                return self.factions[local[0]]
        return self.factions[indexes[0]]

    def _claimant(self, indexes: tuple[int, ...], named: set[str], theatre: Sequence[str]) -> Faction | None:
        claimants = [self.factions[i] for i in indexes]
        outright = [f for f in claimants if f.name in named]
        if outright:
            return outright[0] if len(outright) == 1 else None
        local = [f for f in claimants if theatre and theatre[0] in f.theatre]
        return local[0] if len(local) == 1 else None

    @staticmethod
    def _qualified(text: str, start: int, stop: int, spans: Sequence[tuple[int, int]]) -> bool:
        """A generic phrase that belongs to a faction named beside it ("Taliban police", "rebels of the Free Syrian
        Army"), or that names no actor of this war (faction_words.not_an_actor_here)."""
        if any(e <= start and not text[e:start].strip(" \t-") for _, e in spans):
            return True
        of = of_faction_at(text, stop)
        return (of is not None and any(s == of for s, _ in spans)) or not_an_actor_here(text, start, stop)

    def _coordinated(self, text: str, found: Sequence[FactionMention], theatre: Sequence[str],
                     spans: list[tuple[int, int]]) -> list[FactionMention]:
        """"Russian and Syrian air strikes": the head noun is shared, so "Russian air strikes" is named too."""
        extra: list[FactionMention] = []
        for mention in found:
            first, _, rest = mention.words.partition(" ")
            if not rest or not first[:1].isupper():
                continue
            for start, word in coordinated(text, mention.start):
                if any(s <= start < e for s, e in spans):
                    continue
                for pattern, indexes, is_generic, _, _ in self._index.get(_keys(word)[0], ()):
                    if not is_generic and pattern.fullmatch(f"{word} {rest}") is not None:
                        owner = self._owner(indexes, theatre)
                        if owner.name != mention.faction.name:
                            extra.append(FactionMention(owner, text[start:mention.start + len(mention.words)], start))
                            spans.append((start, start + len(word)))
                        break
        return extra

    def unknown_actors(self, text: str, known: Sequence[FactionMention]) -> list[str]:
        """Names that look like armed actors but are not in the registry: candidates for the curator."""
        taken = [(m.start, m.start + len(m.words)) for m in known]
        names: list[str] = []
        for start, end, name in actor_like_names(text):
            if any(s < end and start < e for s, e in taken):
                continue
            if name not in names and not self._known(name):
                names.append(name)
        return names

    def _known(self, name: str) -> bool:
        """A candidate that is a registry name after all, where the text only described it ("Nusra-linked")."""
        bare = re.sub(r"-(?:linked|affiliated|aligned|allied|led|backed|held|controlled)$", "", name)
        return any(m.start == 0 and len(m.words) >= len(bare) for m in self.find(bare))


def load_factions(path: Path, starter: StarterChoice = False, starter_path: Path = STARTER_PATH) -> FactionRegistry:
    """The curator's registry at ``path``, over the shipped starter entries ``starter`` selects (True: all; ISO codes:
    those theatres; False: none). Raises RegistryError naming the file and the problem."""
    return FactionRegistry(read_factions(path, starter, starter_path))
