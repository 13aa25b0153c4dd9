"""Named sites and neighbourhoods, found by their shape in running text and placed at their parent place.

'Baiji refinery', 'the al-Omari mosque in ... Daraa', 'Hotel Sahafi', 'Tripoli's Abu Salim suburb', 'the
district of Karada in Baghdad', 'eastern Mosul'. Coordinates are those of the place the site's name contains, else
of the place that follows it ('in/near/of/outside Y'), else of the nearest place named in the same sentence; with
none of these the site is dropped (unknown is None, never a guess). A city named only inside a site's name is not
also a mention of the city: the site takes its span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .geoindex import POINT_KINDS
from .models import Place, PlaceMatch

if TYPE_CHECKING:  # the gazetteer imports this module; this one only calls it back
    from .gazetteer import Gazetteer

_SITE_WORDS = (r"air force base|air base|airbase|air field|airfield|airport|military airport|military base|army base|"
               r"naval base|base|refinery|dam|border crossing|crossing|hospital|displacement camp|refugee camp|"
               r"IDP camp|army camp|military camp|camp|prison|jail|mosque|church|cathedral|shrine|square|bridge|"
               r"stadium|university|palace|barracks|checkpoint|oil field|oilfield|gas field|power station|"
               r"power plant|market|citadel|fortress|castle|museum|roundabout|hotel|school|academy")
_QUARTER_WORDS = r"neighbou?rhood|suburb|quarter|district"
_WORD = r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez)-)?[A-Z][\w'’]*(?:-[\w'’]+)*"
_NAME = rf"{_WORD}(?:[ ](?:(?:al|el|bin|ibn|de|du|la|le|of)[ ])?{_WORD}){{0,4}}"
_SITE = re.compile(rf"(?P<name>{_NAME})\s+(?P<word>(?i:{_SITE_WORDS}))s?\b")
_SITE_FIRST = re.compile(rf"\b(?P<word>Hotel|Camp|Fort)\s+(?P<name>{_NAME})")
_QUARTER = re.compile(rf"(?P<name>{_NAME})\s+(?P<word>(?i:{_QUARTER_WORDS}))\b")
_QUARTER_OF = re.compile(rf"\b(?i:the\s+)?(?P<word>(?i:{_QUARTER_WORDS}))\s+of\s+(?P<name>{_NAME})")
# "the eastern suburbs of Zamalka, Arbeen and Ein Tarma": several quarters after one plural word
_QUARTERS_OF = re.compile(rf"\b(?P<word>(?i:neighbou?rhoods|suburbs|quarters|districts))\s+of\s+"
                          rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+and\s+{_NAME})")
_HALF = re.compile(r"\b(?P<word>eastern|western|northern|southern|central|east|west|north|south)\s+$")
_AFTER = re.compile(r"\s*,\s*|\s*,?\s*(?:in|near|of|outside|at|inside|on the outskirts of|(?:\d+\s*(?:km|kilometres|kilometers|"
                    r"miles)\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of)\s+"
                    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?(?:(?:city|town|village|province|district|capital)\s+of\s+"
                    r"(?:the\s+)?)?$")
_NAME_END = re.compile(rf"^(?P<name>.+?)\s+(?P<word>(?i:{_SITE_WORDS}))$")
_NAME_FIRST = re.compile(r"^(?P<word>Hotel|Camp|Fort)\s+(?P<name>.+)$")
_NAME_QUARTER = re.compile(rf"^(?P<name>.+?)\s+(?P<word>(?i:{_QUARTER_WORDS}))$")
_HALF_OF = re.compile(r"\b(?P<word>eastern|western|northern|southern|east|west|north|south)\s+(?:half|side|part|parts|"
                      r"bank|sector|districts|neighbou?rhoods)\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)
_NAME_HALF = re.compile(r"^(?P<word>eastern|western|northern|southern|central|east|west|north|south)\s+(?P<name>.+)$")
# Leading words a name pattern picks up that are not part of any site's name.
_LEADING = frozenset("""the a an on in at by for from to with after before during this that these those its their his
    her our and but or as of when while where monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december yesterday today overnight
    last next some many several two three four five six seven eight nine ten dozens hundreds""".split())
_HELD = re.compile(r"-(?:held|controlled|run|besieged|dominated|majority)$", re.IGNORECASE)
# Words that alone name no particular site ('the Government hospital', 'a Rebel camp', 'Kurdish district').
_GENERIC = frozenset("""government military army rebel rebels main central national police security civilian local
    regional federal state city town provincial old new kurdish arab arabic christian sunni shiite shia alawite druze
    yazidi turkmen assyrian jewish muslim islamic jihadist jihadi opposition regime coalition nato un us uk eu is isis
    isil international field border refugee displacement idp air naval army's western eastern northern southern
    north south east west big small large largest biggest general public private royal presidential interior
    defence defense republican municipal world american british french russian iranian turkish syrian iraqi israeli""".split())
_ADJECTIVAL = re.compile(r"-(?:held|controlled|backed|led|run|based|style|era|owned|funded)$")
QUARTER_TOWN = 20_000  # a place named only near a quarter is its town if it has at least this many people
BIG_CITY = 1_000_000  # 'eastern Mosul', 'southern Tripoli'; in a smaller town's name it means its countryside


def kind_of(name: str) -> str:
    """'site', 'district' or 'neighbourhood', from the shape of a site's name."""
    if _NAME_END.match(name) or _NAME_FIRST.match(name):
        return "site"
    if name.lower().endswith(" district") or _NAME_HALF.match(name):
        return "district"
    return "neighbourhood"


_ARTICLE_START = re.compile(r"^(?:Al|El|Ad|Ar|As|Ash|At|Az|An|Ed|Es|Ez)-(?=[A-Z])")
_SITE_WORD = re.compile(rf"\b(?i:{_SITE_WORDS}|{_QUARTER_WORDS})\b")


def canonical(label: str) -> str:
    """One spelling of a site's name however the text cased it: 'Al-Waer' and 'al-Waer' are 'al-Waer', 'Umayyad
    square' and 'Umayyad Square' are 'Umayyad Square' (a site's own word is capitalised, a quarter's is not)."""
    label = _ARTICLE_START.sub(lambda m: m.group(0).lower(), " ".join(label.split()))

    def word(match: re.Match[str]) -> str:
        text = match.group(0)
        return text.lower() if re.fullmatch(_QUARTER_WORDS, text, re.IGNORECASE) else text.title()
    return _SITE_WORD.sub(word, label)


def parse_name(name: str, gazetteer: "Gazetteer") -> Place | None:
    """A site's display name back to its place: 'Baiji refinery' -> at Baiji, 'eastern Mosul' -> at Mosul."""
    inner = parse_name_town(name, gazetteer)
    return None if inner is None else Place(canonical(name), inner.lat, inner.lon, inner.country, kind_of(name))


def parse_name_town(name: str, gazetteer: "Gazetteer") -> Place | None:
    """The town a site's own name holds: Baiji for 'Baiji refinery', Mosul for 'eastern Mosul'."""
    for pattern in (_NAME_END, _NAME_FIRST, _NAME_QUARTER, _NAME_HALF):
        match = pattern.match(name)
        if match is None:
            continue
        inner = gazetteer.get(match.group("name"))
        if inner is not None and inner.kind not in ("site", "district", "neighbourhood"):
            return inner
    return None


def _clean(name: str, gazetteer: "Gazetteer") -> str | None:
    """The name without leading filler ('On Monday', 'the Russian'); None when what is left names nothing."""
    words = name.split(" ")
    while words and (words[0].lower() in _LEADING or gazetteer.is_country(words[0].rstrip("'’s"))
                     or _HELD.search(words[0])):  # 'the Kurdish-held Sheikh Maqsoud district'
        words = words[1:]
    while words and words[-1].lower() in _LEADING:  # "the neighbourhood of Duma August 21"
        words = words[:-1]
    if not words or all(w.lower().strip("'’") in _GENERIC for w in words):
        return None
    if words[-1].endswith(("'s", "’s")):
        return None  # "Kirkuk's oilfield": a place's thing, not a site's name
    if _ADJECTIVAL.search(words[-1]) or all(gazetteer.is_country(part) for part in re.split(r"[-\s]", " ".join(words))):
        return None  # 'the Kurdish-held district', 'the Syrian-Turkish border crossing'
    if all(w.isupper() and len(w) <= 4 for w in words):
        return None  # 'UN base', 'SDF checkpoint'
    return " ".join(words)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(stop, 0, start) for stop in (". ", "! ", "? ", "\n")) + 1
    rights = [p for p in (text.find(stop, end) for stop in (". ", "! ", "? ", "\n")) if p >= 0]
    return left, min(rights) if rights else len(text)


def _title_case(text: str, start: int) -> bool:
    """A headline written In Title Case: every word capitalised, so a site's shape cannot be seen."""
    left = max(text.rfind("\n", 0, start), 0)
    right = text.find("\n", start)
    words = re.findall(r"[A-Za-z]{4,}", text[left:right if right >= 0 else len(text)])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


def _parent(text: str, start: int, end: int, name_start: int, name_end: int, base: Sequence[PlaceMatch],
            local: frozenset[str], town: Callable[[PlaceMatch], bool] | None = None) -> PlaceMatch | None:
    """The place inside the name, else the one that follows ('in Y'), else the nearest in the sentence (for a
    quarter, ``town``: only a place that can have quarters, not a village the sentence also names).

    A place inside the name counts only in the article's or the timeline's countries: the 'al-Quds hospital' of
    an Aleppo story is not in Jerusalem."""
    inside = [m for m in base if name_start <= m.start and m.end <= name_end and m.place.country in local]
    if inside:
        return inside[-1]
    following = next((m for m in base if m.start >= end), None)
    if following is not None and following.start - end <= 80 and _AFTER.fullmatch(text, end, following.start):
        return following
    left, right = _sentence(text, start, end)
    near = [m for m in base if left <= m.start and m.end <= right and not (start <= m.start < end)
            and (town is None or town(m))]
    return min(near, key=lambda m: min(abs(m.start - end), abs(start - m.end))) if near else None


def find_sites(text: str, base: list[PlaceMatch], gazetteer: "Gazetteer", local: frozenset[str],
               orphans: list[tuple[int, int, str, str]] | None = None) -> list[PlaceMatch]:
    """``base`` (the gazetteer's matches) with named sites and neighbourhoods added; a site takes the span of
    any place inside its name. ``local``: the article's and the timeline's countries. ``orphans``, when given,
    collects (start, end, name, kind) of sites whose sentence names no place: the caller may know the story's city."""
    found: list[PlaceMatch] = []

    def town(match: PlaceMatch) -> bool:  # a place with quarters: a town of some size (or one GeoNames gives none)
        if match.place.kind in POINT_KINDS and gazetteer.is_shipped(match.place):
            return False  # a shipped village, quarter or site has no quarters of its own (a curator's town may)
        return match.place.kind != "city" or match.place.geonameid is None or \
            gazetteer.population(match.place) >= QUARTER_TOWN

    def add(start: int, end: int, name_start: int, name_end: int, label: str, kind: str,
            parent: PlaceMatch | None) -> None:
        if parent is None:
            if orphans is not None:
                orphans.append((start, end, label, kind))
            return
        place = gazetteer.place_named(label, parent.place, kind)
        found.append(PlaceMatch(start, end, text[start:end], place))

    for pattern, word_first in ((_SITE, False), (_SITE_FIRST, True)):
        for match in pattern.finditer(text):
            name = _clean(match.group("name"), gazetteer)
            if name is None or (word_first and name != match.group("name")) or _title_case(text, match.start()):
                continue
            name_end = match.end("name")
            name_start = name_end - len(name) if not word_first else match.start("name")
            if word_first:
                name_end = name_start + len(name)
            start, end = min(name_start, match.start("word")), max(name_end, match.end("word"))
            label = f"{match.group('word')} {name}" if word_first else f"{name} {match.group('word')}"
            add(start, end, name_start, name_end, " ".join(label.split()), "site",
                _parent(text, start, end, name_start, name_end, base, local))
    for pattern in (_QUARTER, _QUARTER_OF):
        for match in pattern.finditer(text):
            raw = match.group("name")
            owner, _, rest = raw.rpartition("'s ") if "'s " in raw else raw.rpartition("’s ")
            name = _clean(rest or raw, gazetteer)
            if name is None or _title_case(text, match.start()):
                continue
            name_start = match.start("name") + (raw.index(name) if name in raw else 0)
            name_end = name_start + len(name)
            if any(m.start <= name_start and name_end <= m.end for m in base):
                continue  # the quarter is a place the gazetteer knows: it keeps its own point
            start = min(name_start, match.start("word"))
            end = max(name_end, match.end("word"))
            word = match.group("word").lower()
            label = f"{name} district" if word == "district" else name
            kind = "district" if word == "district" else "neighbourhood"
            owned = next((m for m in base if owner and m.end <= name_start and name_start - m.end <= 3), None)
            # a quarter's own name says nothing of its city ('Tariq al-Bab' is in Aleppo, not in al-Bab)
            add(start, end, name_start, name_end, label, kind,
                owned or _parent(text, start, end, name_end, name_end, base, local, town))
    for match in _QUARTERS_OF.finditer(text):
        if _title_case(text, match.start()):
            continue
        for part in re.finditer(_NAME, match.group("names")):
            name = _clean(part.group(0), gazetteer)
            name_start = match.start("names") + part.start()
            name_end = name_start + len(part.group(0))
            if name is None or any(m.start <= name_start and name_end <= m.end for m in base):
                continue  # a quarter the gazetteer knows keeps its own point
            add(name_start, name_end, name_start, name_end, name, "neighbourhood",
                _parent(text, match.start(), match.end(), name_end, name_end, base, local, town))
    for match in base:
        if match.place.kind != "city" or gazetteer.population(match.place) < BIG_CITY:
            continue
        half = _HALF.search(text, max(0, match.start - 12), match.start)
        half_of = _HALF_OF.search(text, max(0, match.start - 50), match.start)
        if half is not None:
            label = f"{half.group('word')} {match.words}"
            found.append(PlaceMatch(half.start("word"), match.end, label,
                                    gazetteer.place_named(label, match.place, "district")))
        elif half_of is not None:  # 'the western half of Mosul', 'the eastern side of Aleppo': 'western Mosul'
            word = half_of.group("word").lower()
            label = f"{word if word.endswith('ern') else word + 'ern'} {match.words}"
            found.append(PlaceMatch(half_of.start("word"), match.end, text[half_of.start("word"):match.end],
                                    gazetteer.place_named(label, match.place, "district")))
    if not found:
        return base
    chosen: list[PlaceMatch] = []
    for site in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if all(site.end <= other.start or site.start >= other.end for other in chosen):
            chosen.append(site)
    kept = [m for m in base if all(m.end <= s.start or m.start >= s.end for s in chosen)]
    return sorted(kept + chosen, key=lambda m: m.start)
