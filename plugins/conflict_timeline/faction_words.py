"""The English around a faction's name: what decides whether a matched alias or generic phrase names an actor.

Pure text rules, used by factions.FactionRegistry: a head noun after a name belongs to it ("YPG militia"); a name that
only describes another group names no actor ("al-Qaeda's Syrian affiliate"); a generic phrase after a nationality
is that nation's ("Turkish police"), one that qualifies a thing is no actor ("police station") and one capitalised
inside a longer name is part of it ("the Aleppo Police Command"); "Russian and Syrian jets" shares its head noun; a
name that only says who is speaking ("a Somali military officer said") names no actor.
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
    r"splinter group|team|club|football|players|fans|stadium)\b", re.IGNORECASE)  # 'al-Shabab team': a sports club
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
# "A Somali military officer said", "said an Iraqi army source": one person's voice, not the force acting. Only with
# "a"/"an" before and a verb of saying beside it: "a Syrian army officer was killed" still involves the army.
_VOICE = r"[ \t]+(?:officials?|officers?|spokes(?:man|men|woman|person)|sources?)\b"
_VOICE_BEFORE = re.compile(r"(?:^|[^\w-])(?:[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal)\s+$")
_VOICE_SAYS = re.compile(_VOICE + r"(?:,[^.;,\n]{1,80},)?[ \t]+(?:said|says|told)\b")
_VOICE_SAID = re.compile(r"\b(?:said|says|told\s+[\w.]+(?:\s+[\w.]+)?|according\s+to)\s+(?:[Aa]n?|[Oo]ne)\s+$")
_NAMED_BEFORE = re.compile(r"(?:\b[A-Z][\w'’]*[ \t]+of|\b[Gg]oddess)[ \t]+$")
_OF = re.compile(r"\s+(?:of|from|belonging\s+to)\s+(?:the\s+)?")
_COORDINATED = re.compile(r"\b([A-Z][\w'’.]*(?:(?:,\s+|\s+)[A-Z][\w'’.]*)*?)(?:,)?\s+(?:and|or|&)\s+$")

_ACTOR_WORDS = (
    r"Brigades?|Battalions?|Front|Forces|Army|Movements?|Units|Division|Militias?|Corps|Regiment|Legion|"
    r"Mobili[sz]ation|Guards?|Resistance|Mujahideen|Fighters|Group|"
    # words that also sit inside other names: only at a name's end ("Haqqani Network", "Derna Protection Force"), not
    # where it goes on ("Air Force Intelligence", "Syrian Network for Human Rights"). Not "Coordination": a name ending
    # in it is an activists' committee ("Local Coordination"); the Azawad coalitions end in "Movements" or are known.
    r"(?:Force|Framework|Network)(?!\s+(?:of|for)\b|[ \t]+[A-Z])"
)
_ACTOR_PREFIX = r"Liwa|Liwaa|Jaish|Jaysh|Kataib|Kata'ib|Kata’ib|Harakat|Ansar|Jabhat|Faylaq|Saraya|Firqat|Katibat"
_NAME_WORD = r"(?:[A-Z][\w'’\-]*|al-[A-Z][\w'’\-]*|al|el|of|the|for|and|ash|ibn|bin|Abu)"
_ACTOR_LIKE = re.compile(
    rf"\b(?:(?:{_ACTOR_PREFIX})(?:\s+{_NAME_WORD}){{1,4}}|[A-Z][\w'’\-]*(?:\s+{_NAME_WORD}){{0,4}}?\s+(?:{_ACTOR_WORDS}))\b"
)
_NOT_A_NAME = ("The", "A", "An", "Meanwhile", "However", "Also", "But", "And", "Later", "Earlier", "Then", "When",
               "While", "After", "Before", "Both")
_STARTS_NO_NAME = re.compile(rf"{'|'.join(_NOT_A_NAME)}|{DEMONYMS}|.*['’]s")  # a word before that is no given name
_MEDIA = re.compile(r"\b(?:News|Media|Press|TV|Television|Radio|Agency|Channel|Live)\b")  # an outlet, not an actor
_GENERIC_ACTOR = re.compile(rf"^(?:The|A|An|Its|Their|His|Her|Arab|Armed|Foreign|Local|Special|Security|Government|"
                            rf"Opposition|Rebel|Islamist|Air|Task|{DEMONYMS})(?:\s+\w+)?$")


def is_head_noun(word: str) -> bool:
    """``word`` is a head noun that names people ("fighters", "troops", "militants")."""
    return _HEAD.fullmatch(" " + word) is not None


def head_end(text: str, end: int) -> int:
    """Where a mention ending at ``end`` really ends: after a head noun that follows it ("Houthi rebels")."""
    head = _HEAD.match(text, end)
    return head.end() if head else end


def only_describes(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] only describes another group: "al-Qaeda's wing", "linked to al-Qaeda"."""
    return bool(_DESCRIBES_AFTER.match(text, end) or _DESCRIBES_BEFORE.search(text, max(0, start - 40), start))


def only_a_voice(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] only says who is speaking: "a Somali military officer said", "according to a
    Syrian army source"."""
    before = text[max(0, start - 40):start]
    if not _VOICE_BEFORE.search(before):
        return False
    return bool(_VOICE_SAYS.match(text, end) or (_VOICE_SAID.search(before) and re.match(_VOICE, text[end:])))


def inside_a_name(text: str, start: int, end: int) -> bool:
    """The capitalised word at text[start:end] is part of a longer name, a person's ("Lady Isis", "Isis Smith") or a
    place's ("Temple of Isis"), or is the goddess's. "The", "Syrian" or "Nigeria's" before it start no name."""
    if _NAMED_BEFORE.search(text, max(0, start - 40), start):
        return True
    if _headline(text, start, end):
        return False
    if re.match(r"[ \t]+[A-Z]", text[end:end + 2]):
        return True
    before = re.search(r"(?<![\w'’])([A-Z][\w'’]*)[ \t]+$", text[max(0, start - 40):start])
    return before is not None and not _STARTS_NO_NAME.fullmatch(before.group(1))


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
        name = re.split(r"\s+The\s+", name)[-1]  # "Aid Reaches Hama The Air Force": a headline run into the text
        if name.split()[0] in _NOT_A_NAME and len(name.split()) > 2:
            name = name.split(" ", 1)[1]
        if _GENERIC_ACTOR.match(name) or _MEDIA.search(name):  # "The Air Force", "Al-Alam News Network"
            continue
        yield match.start(), match.end(), name


def _headline(text: str, start: int, end: int) -> bool:
    """The line holding text[start:end] is in title case ("Rebels Seize Base"), where capitals mark no name."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    long_words = re.findall(r"[^\W\d_][\w'’]{3,}", line)
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) > 0.6


def _in_name(text: str, start: int, end: int) -> bool:
    """Words at text[start:end], capitalised, belong to a longer proper name ("Aleppo Police Command"), unless the
    whole line is in title case (a headline: "Rebels Seize Base")."""
    if _headline(text, start, end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].rstrip()
    sentence_start = not before or before[-1] in ".!?:;\"“‘'(—–-"
    after = re.match(r"[ \t]+([^\W\d_])", text[end:end + 3])
    return (not sentence_start and bool(re.search(r"(?:^|\s)[A-Z][\w'’]*$", before))) or bool(after and after.group(1).isupper())
