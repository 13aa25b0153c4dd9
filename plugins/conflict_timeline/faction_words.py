"""The English around a faction's name: what decides whether a matched alias or generic phrase names an actor.

Pure text rules, used by factions.FactionRegistry: a head noun after a name belongs to it ("YPG militia"); a name that
only describes another group names no actor ("al-Qaeda's Syrian affiliate"); a generic phrase after a nationality
is that nation's ("Turkish police"), one that qualifies a thing is no actor ("police station") and one capitalised
inside a longer name is part of it ("the Aleppo Police Command"); "Russian and Syrian jets" shares its head noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_HEAD = re.compile(
    r"[ \t]+(?:(?:rebel|jihadist|Islamist|militia|armed|security)\s+)?(?:rebels?|fighters?|militants?|jihadists?|"
    r"insurgents?|militia(?:s|men)?|forces|troops|soldiers|gunmen|guerrillas?|separatists|secessionists|members|"
    r"units?|paramilitar(?:y|ies)|commandos|mercenaries|loyalists|extremists|group|cells?|elements|operatives|"
    r"combatants|personnel)\b(?!['’\-])", re.IGNORECASE)
_DESCRIBES_AFTER = re.compile(
    r"(?:['’]s(?:\s+[\w\-]+){0,2}?\s+|\s+)(?:affiliates?|offshoots?|off-shoots?|franchises?|branch|wing|"
    r"splinter group)\b", re.IGNORECASE)
_DESCRIBES_BEFORE = re.compile(
    r"\b(?:linked\s+(?:to|with)|affiliated\s+(?:to|with)|aligned\s+(?:to|with)|ties\s+(?:to|with)|tied\s+to|"
    r"(?:an?\s+)?off-?shoot\s+of|splinter\s+(?:group\s+)?of|allegiance\s+to|inspired\s+by)\s+(?:the\s+)?$",
    re.IGNORECASE)
DEMONYMS = (
    "Afghan|African|Algerian|American|Armenian|Assyrian|Australian|Azerbaijani|Bahraini|Baloch|Bangladeshi|Belgian|"
    "British|Burkinabe|Burmese|Cameroonian|Canadian|Chadian|Chinese|Christian|Congolese|Druze|Egyptian|Emirati|"
    "Eritrean|Ethiopian|European|French|German|Indian|Iranian|Iraqi|Israeli|Italian|Jordanian|Kachin|Karen|Kenyan|"
    "Kurdish|Kuwaiti|Lebanese|Libyan|Malian|Mauritanian|Moroccan|Nigerian|Nigerien|Oromo|Pakistani|Palestinian|Qatari|"
    "Rakhine|Russian|Rwandan|Saudi|Shan|Somali|Sudanese|Syrian|Tigrayan|Amhara|Tuareg|Tunisian|Turkish|Ugandan|"
    "Ukrainian|Western|Yazidi|Yemeni|US|U\\.S\\.|UK|UN|NATO"
)
_OTHER_COUNTRY = re.compile(
    rf"(?:\b(?:{DEMONYMS}|[Ll]ocal|[Mm]unicipal|[Tt]raffic|[Pp]rivate|[Ii]nternal)[\s\-]+|"
    r"\b(?:[Pp]ro|[Aa]nti)-[\w'’\-]+\s+|-(?:linked|affiliated|aligned|inspired|allied)\s+)$")
_MODIFIES = re.compile(
    r"[ \t]+(?:stations?|headquarters|HQ|buildings?|uniforms?|academy|academies|cars?|vehicles?|compounds?|"
    r"spokes(?:man|men|woman|person)|sources?|statements?|officials?|chiefs?|offices?)\b", re.IGNORECASE)
_OF = re.compile(r"\s+(?:of|from|belonging\s+to)\s+(?:the\s+)?")
_COORDINATED = re.compile(r"\b([A-Z][\w'’.]*(?:(?:,\s+|\s+)[A-Z][\w'’.]*)*?)(?:,)?\s+(?:and|or|&)\s+$")

_ACTOR_WORDS = (
    r"Brigades?|Battalions?|Front|Forces|Army|Movement|Units|Division|Militias?|Corps|Regiment|Legion|"
    r"Mobili[sz]ation|Guards?|Resistance|Mujahideen|Fighters|Group"
)
_ACTOR_PREFIX = r"Liwa|Liwaa|Jaish|Jaysh|Kataib|Kata'ib|Kata’ib|Harakat|Ansar|Jabhat|Faylaq|Saraya|Firqat|Katibat"
_NAME_WORD = r"(?:[A-Z][\w'’\-]*|al-[A-Z][\w'’\-]*|al|el|of|the|for|and|ash|ibn|bin|Abu)"
_ACTOR_LIKE = re.compile(
    rf"\b(?:(?:{_ACTOR_PREFIX})(?:\s+{_NAME_WORD}){{1,4}}|[A-Z][\w'’\-]*(?:\s+{_NAME_WORD}){{0,4}}?\s+(?:{_ACTOR_WORDS}))\b"
)
_NOT_A_NAME = ("The", "A", "An", "Meanwhile", "However", "Also", "But", "And", "Later", "Earlier", "Then", "When",
               "While", "After", "Before", "Both")
_GENERIC_ACTOR = re.compile(rf"^(?:The|A|An|Its|Their|His|Her|Arab|Armed|Foreign|Local|Special|Security|Government|"
                            rf"Opposition|Rebel|Islamist|{DEMONYMS})(?:\s+\w+)?$")


def head_end(text: str, end: int) -> int:
    """Where a mention ending at ``end`` really ends: after a head noun that follows it ("Houthi rebels")."""
    head = _HEAD.match(text, end)
    return head.end() if head else end


def only_describes(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] only describes another group: "al-Qaeda's wing", "linked to al-Qaeda"."""
    return bool(_DESCRIBES_AFTER.match(text, end) or _DESCRIBES_BEFORE.search(text, max(0, start - 40), start))


def not_an_actor_here(text: str, start: int, end: int) -> bool:
    """A generic phrase (written in lower case in the registry) at text[start:end] that names no actor of this
    war: capitalised inside a longer name, qualifying a thing or a voice, or after another nation's name."""
    if text[start:start + 1].isupper() and _in_name(text, start, end):
        return True
    return bool(_MODIFIES.match(text, end) or _OTHER_COUNTRY.search(text, max(0, start - 40), start))


def of_faction_at(text: str, end: int) -> int | None:
    """"rebels of the Free Syrian Army": where the name after "of"/"from" would start, else None."""
    match = _OF.match(text, end)
    return match.end() if match else None


def coordinated(text: str, start: int) -> Iterator[tuple[int, str]]:
    """Capitalised words coordinated with the one at ``start``: "Russian" in "Russian and Syrian jets"."""
    before = _COORDINATED.search(text, max(0, start - 60), start)
    if before is not None:
        for part in re.finditer(r"[A-Z][\w'’.]*", before.group(1)):
            yield before.start(1) + part.start(), part.group(0)


def actor_like_names(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of every name shaped like an armed group's ("Liwa al-Qasas", "Raqqa Hawks Brigade")."""
    for match in _ACTOR_LIKE.finditer(text):
        name = match.group(0).strip()
        if _GENERIC_ACTOR.match(name):
            continue
        if name.split()[0] in _NOT_A_NAME and len(name.split()) > 2:
            name = name.split(" ", 1)[1]
        yield match.start(), match.end(), name


def _in_name(text: str, start: int, end: int) -> bool:
    """Words at text[start:end], capitalised, belong to a longer proper name ("Aleppo Police Command"), unless the
    whole line is in title case (a headline: "Rebels Seize Base")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    long_words = re.findall(r"[^\W\d_][\w'’]{3,}", line)
    if long_words and sum(w[0].isupper() for w in long_words) / len(long_words) > 0.6:
        return False
    before = text[line_start:start].rstrip()
    sentence_start = not before or before[-1] in ".!?:;\"“‘'(—–-"
    after = re.match(r"[ \t]+([^\W\d_])", text[end:end + 3])
    return (not sentence_start and bool(re.search(r"(?:^|\s)[A-Z][\w'’]*$", before))) or bool(after and after.group(1).isupper())
