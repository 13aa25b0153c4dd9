"""Where the story happened: the places an article names, with their roles (primary, mentioned, dateline).

The primary place is the site of the lead's event: the most specific place the headline and lead name (a site over
its town, a town over its province), not a reference point ("near the capital Damascus", "30 km north of Homs") and
not the dateline, which is where the reporter filed from. A lead that names no place hands over to the next
paragraphs. A national capital standing for its government ("Ankara said", "Baghdad's authority") is no place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .eventdate import lead_end
from .furniture import OUTLETS
from .gazetteer import Gazetteer, PlaceMatch, key
from .models import Place, PlaceMention, Seed, km
from .placecues import BIG_POP, capital_keys, organisation_after

SPECIFICITY = {"site": 0, "neighbourhood": 0, "district": 1, "city": 2, "town": 2, "village": 2, "region": 3,
               "valley": 3, "mountain": 3, "plain": 3, "desert": 3, "province": 4}
_REFERENCE = re.compile(
    r"\b(?:(?:flying|flown|took\s+off|taking\s+off|launched|fired|operating|based|stationed)\s+(?:from|at|out\s+of|in)|"
    r"near|nearby|outside|close\s+to|towards?|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|"
    r"(?:km|kilomet(?:er|re)s?|miles)\b[^.;]{0,25}?\b(?:of|from)|"
    # where an attack set out from: 'launched an offensive from the town of Shuqrah'
    r"(?:launched|launching|mounted|advanced|advancing|pushed|moved)\s+(?:[\w-]+\s+){1,3}?(?:from|out\s+of)|"
    # where people came from, not where the event was: 'buses carrying evacuees from the towns of Foua and Kefraya'
    r"(?:evacuees|evacuated|residents|convoys?)\s+(?:[\w-]+\s+){0,3}?from)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}(?:capital|city|cities|towns?|villages?)\s+(?:of\s+)?)?"
    r"(?:[A-Z][\w'’-]*\s+(?:and|or)\s+)?$", re.IGNORECASE)
_LOCATIVE = re.compile(
    r"\b(?i:in|at|near|outside|over|into|around|across|inside|to|toward|towards|from|of|via|through|reached|entered|"
    r"captured|seized|took|hit|struck|shelled|attacked|besieged|links?|linking|connects?|connecting|secured|securing|"
    r"retook|retaking|recaptured|recapturing|liberated|encircled|surrounded|bombed|bombarded|raided|fled)\s+(?i:the\s+)?"
    r"(?:(?:[A-Z][\w'’-]*|down\s?town|central|greater|old|besieged|embattled|(?:north|south|east|west)(?:ern)?)\s+){0,2}"
    r"(?:(?:capital|city)\s+(?:of\s+)?)?$")


@dataclass(frozen=True)
class Document:
    """The article's parts in one string, so the registries scan it once; spans say which part is which."""

    text: str
    headline: tuple[int, int]
    lead: tuple[int, int]
    body: tuple[int, int]  # the whole body, lead included
    captions: tuple[int, int]

    @staticmethod
    def of(seed: Seed) -> "Document":
        parts = [seed.headline, "\n\n".join(seed.body), seed.standfirst or "", "\n\n".join(seed.captions)]
        starts, offset = [], 0
        for part in parts:
            starts.append(offset)
            offset += len(part) + 2
        body_start = starts[1]
        # The lead is the first paragraph's opening sentences, as for dates: a text that lost its paragraph breaks is
        # one paragraph, and a neighbourhood its fifth sentence names is not the site of its lead's event.
        lead = lead_end(seed.body[0])
        return Document("\n\n".join(parts), (0, len(seed.headline)), (body_start, body_start + lead),
                        (body_start, body_start + len(parts[1])), (starts[3], starts[3] + len(parts[3])))

    def within(self, span: tuple[int, int], position: int) -> bool:
        return span[0] <= position < span[1]

    def paragraph_end(self, position: int) -> int:
        end = self.text.find("\n\n", position)
        return len(self.text) if end < 0 else end


def _metonym(text: str, match: PlaceMatch) -> bool:
    """'Ankara against', 'Damascus did not say', 'Baghdad's authority': a capital standing for its government."""
    if match.place.kind not in ("city", "town") or key(match.words) not in capital_keys():
        return False
    return not _LOCATIVE.search(text[max(0, match.start - 40):match.start])


def is_reference(text: str, match: PlaceMatch) -> bool:
    """A reference point ('30 km north of Homs'), or where someone spoke ('told reporters in Paris'): not the site."""
    before = text[max(0, match.start - 60):match.start]
    return bool(_REFERENCE.search(before) or _VENUE.search(before) or _ASIDE.search(before)
                or (_SEAT_IN.search(before) and _SPEAKS_AFTER.match(text, match.end, match.end + 60))
                or (_OPENING_IN.search(before) and _SEAT_SPEAKS_AFTER.match(text, match.end, match.end + 60)))


# A clause the lead's event only follows or is set against: "since the battle for eastern Aleppo", "came as peace
# talks opened in Astana", "hours after a gas attack in Khan Sheikhun", "after delivering aid to Aleppo"
_ASIDE = re.compile(r"\b(?:since\s+(?:the|its|their|a|an)\b|(?:came|comes|come)\s+as|(?:hours|days|weeks)\s+after|"
                    r"after\s+(?:delivering|dropping|taking\s+off|leaving|visiting))\b[^.;,]*$", re.IGNORECASE)


# Where a statement was made, not where the event was: "told reporters in Paris", "at a news conference in Geneva".
_VENUE = re.compile(
    r"\b(?:said|says|told\s+\w+(?:\s+\w+)?|announced|declared|speaking|spoke|(?:news|press)\s+conference|summit|"
    r"talks|meeting|interview|met(?:\s+\w+){0,3}?)(?:\s+on\s+\w+)?\s+(?:here\s+)?in\s+"
    r"(?:the\s+(?:\w+\s+)?(?:capital|city)\s+(?:of\s+)?)?$"
    # "said on a visit to Ramallah", "a meeting of the UN Security Council in New York", "talks on Syria in Geneva"
    r"|\b(?:on|during)\s+an?\s+(?:\w+\s+)?visit\s+to\s+$|\bvisiting\s+$"
    r"|\b(?:meeting|talks|summit|conference|session)\s+(?:(?:of|on|with|between)\s+)(?:[\w.'’-]+\s+){1,5}?in\s+$",
    re.IGNORECASE)
# "In Washington, the Pentagon confirmed ...", "the Russian coordination centre in Hmeimim stated ...": a speaker's seat
# (not "In Aleppo, rescuers said 20 were killed": a sentence opening "In X" is a seat only before a government's
# or an agency's own name)
_SEAT_IN = re.compile(r"\b(?:cent(?:er|re)|office|headquarters|embassy|ministry|command)\s+in\s+$")
_OPENING_IN = re.compile(r"(?:^|[.!?]\s+|\n)In\s+$")
_SPEAKS = r"(?:said|says|stated|confirmed|announced|told|denied|warned|added)\b"
_SPEAKS_AFTER = re.compile(rf",?\s+(?:(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){{1,5}})?{_SPEAKS}")
_SEAT_SPEAKS_AFTER = re.compile(
    r",?\s+(?:the\s+)?(?:Pentagon|White\s+House|Kremlin|State\s+Department|Foreign\s+Office|[EÉ]lys[eé]e|"
    r"Downing\s+Street|United\s+Nations|UN|U\.N\.|Security\s+Council|(?:[A-Z][a-z]+\s+)?(?:Foreign|Defen[cs]e|Interior)\s+"
    rf"Ministry)(?:\s+[A-Z][\w.'’-]*){{0,2}}\s+{_SPEAKS}")


def _rank(match: PlaceMatch) -> int:
    return SPECIFICITY.get(match.place.kind, 2)


Within = Callable[[Place, Place], bool]  # whether a town lies in a province or region


def choose_primary(doc: Document, matches: Sequence[PlaceMatch], dateline_keys: frozenset[str] = frozenset(),
                   within: Within | None = None) -> PlaceMatch | None:
    """The lead event's site: the most specific non-reference place of the headline and lead (a town the lead names
    only by its province: the town in it named next; a town the lead names: a site of that town named further on
    in the lead's own paragraph); else of the next three paragraphs; else a reference point of the lead; else the
    headline's place; else the first place the rest of the story names."""
    def pick(candidates: list[PlaceMatch]) -> PlaceMatch | None:
        return min(candidates, key=lambda m: (_rank(m), m.start)) if candidates else None

    within = within or _near

    body_matches = [m for m in matches if doc.within(doc.body, m.start)]
    lead = [m for m in body_matches if doc.within(doc.lead, m.start)]
    headline = [m for m in matches if doc.within(doc.headline, m.start)]
    named_in_headline = {m.place.name for m in headline}
    lead_sites = [m for m in lead if not is_reference(doc.text, m)]
    chosen = pick(lead_sites)
    # the dateline's town named again further on is where the desk is, unless the lead names no site at all
    # ('KRAMATORSK, Ukraine (AP) - A rocket attack ... killed 50' and then 'the platforms in Kramatorsk')
    following = [m for m in _next_paragraphs(doc, body_matches, 3, not chosen) if not is_reference(doc.text, m)
                 and (key(m.words) not in dateline_keys or m.place.name in named_in_headline or not lead)]
    if chosen is None:
        # a lead that names only a reference point ('west of Aleppo', 'near the capital'): a site named next counts
        # when it lies by that point ('the suburb of Douma'), not one from a story told further on
        points = [m for m in lead if m not in lead_sites]
        chosen = pick([m for m in following if not points or any(
            within(m.place, p.place) if _rank(p) >= 3 else km(m.place, p.place) <= _NEAR_KM for p in points)])
    elif _rank(chosen) >= 3:  # the lead names only a province or region: a town in it named next is the site
        inside = [m for m in following if _rank(m) <= 2 and within(m.place, chosen.place)
                  and _bare(m.words) != _bare(chosen.words)]
        chosen = pick(inside) or chosen
    elif _rank(chosen) == 2:  # a town: a site or neighbourhood of it, named later in the lead's paragraph
        rest = (doc.lead[1], doc.paragraph_end(doc.lead[0]))
        inside = [m for m in following if _rank(m) <= 1 and doc.within(rest, m.start)
                  and (m.place.name.endswith(f", {chosen.place.name}")
                       or (m.place.country == chosen.place.country and km(m.place, chosen.place) <= _IN_TOWN_KM))]
        chosen = pick(inside) or chosen
    if chosen or lead or headline:
        return chosen or pick(lead) or pick(headline)
    later = [m for m in body_matches if key(m.words) not in dateline_keys]  # the first the story names, however far in;
    sites = [m for m in later if not is_reference(doc.text, m)]  # a reference point ('north of Aleppo') if only that
    return min(sites or later, key=lambda m: m.start) if later else None


_OUTLET_KEYS = frozenset(key(name) for name in OUTLETS)
_WITHIN_KM = 150  # a town 'in' a province or region when nothing better says: its point is within this of the area's
_IN_TOWN_KM = 12  # a shipped site this close to a town the lead names is a site of that town ('Mezzeh Air Base')
_REGION_KM = 60  # ... for a region (a plain, a valley: centres are rough, and regions are small beside provinces)


def _near(town: Place, area: Place) -> bool:
    return km(town, area) <= (_WITHIN_KM if area.kind == "province" else _REGION_KM)


def within_by(gazetteer: Gazetteer) -> Within:
    """A town is in a province when GeoNames puts it in that first-level division; where it says nothing (a
    curator's place, a region), by distance."""
    def within(town: Place, area: Place) -> bool:
        if area.kind == "province":
            inside, of_area = gazetteer.division_of(town), gazetteer.division_of(area)
            if inside is not None and of_area is not None:
                return inside == of_area
        return _near(town, area)
    return within


_AREA_WORDS = re.compile(r"[\s-]+(?:province|governorate|region|countryside|state|district)s?\b|^(?:the\s+)?(?:province|"
                         r"governorate|region)\s+of\s+", re.IGNORECASE)
_AREA_BEFORE = re.compile(r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?ern|rural|the\s+countryside\s+of)\s+$",
                          re.IGNORECASE)
_AREA_AFTER = re.compile(r"['’]s\s+(?:health|provincial|governor|council|directorate|countryside)", re.IGNORECASE)


def _bare(words: str) -> str:
    """'Idlib province' -> key('Idlib'): the name an area shares with its capital."""
    return key(_AREA_WORDS.sub(" ", words).strip())


def _province_not_city(text: str, matches: Sequence[PlaceMatch]) -> set[str]:
    """Cities named only as their province's area: 'southern Idlib', 'rural Aleppo', 'Idlib's health authority', or
    a far place 'in' them ('Kweires airbase in Aleppo', 38 km out), in a text that names 'Idlib province' or 'Aleppo
    province', mean the province."""
    areas = {_bare(m.words) for m in matches if _rank(m) >= 3}
    cities: dict[str, list[PlaceMatch]] = {}
    for m in matches:
        if _rank(m) == 2 and key(m.words) in areas:
            cities.setdefault(m.place.name, []).append(m)

    def far_in(m: PlaceMatch) -> bool:
        before = next((b for b in reversed(matches) if b.end <= m.start), None)
        return before is not None and bool(_IN_IT.fullmatch(text, before.end, m.start)) \
            and _rank(before) <= 2 and km(before.place, m.place) > _CITY_KM

    return {name for name, found in cities.items()
            if all(_AREA_BEFORE.search(text[max(0, m.start - 30):m.start]) or _AREA_AFTER.match(text, m.end)
                   or far_in(m) for m in found)}


_IN_IT = re.compile(r"\s+in\s+(?:the\s+)?")
_CITY_KM = 25


def _in_the_storys_city(orphans: Sequence[tuple[int, int, str, str]], primary: PlaceMatch | None,
                        gazetteer: Gazetteer, taken: Sequence[tuple[int, int]]) -> list[PlaceMatch]:
    """Sites no sentence places ('the Hotel Sahafi', 'Martyrs' Square'), in a story whose event site is a city: a
    site the story names in passing is in the city it is about. Without such a city they stay unknown."""
    if primary is None or primary.place.kind not in ("city", "town", "village") or gazetteer.is_shipped(primary.place):
        return []  # a shipped village ('Zamalka') is no city with sites and quarters of its own
    return [PlaceMatch(start, end, words, gazetteer.place_named(words, primary.place, kind))
            for start, end, words, kind in orphans if not any(s <= start < e for s, e in taken)]


# what may stand between a village and the area its sentence puts it in: 'Hader in Quneitra province', 'Mallah Farms
# in Aleppo northern countryside', 'Tal Malah and two nearby hilltops in the northern Hama countryside', 'Safsafah
# near Al Tabqah'
_PUT_IN = re.compile(r"^(?:\s+(?!and\b|or\b)[\w'’-]+){0,2}(?P<also>\s+(?:and|or)(?:\s+[a-z][\w'’-]*){1,3})?\s*,?\s+"
                     r"(?P<how>in|near|outside)\s+(?:the\s+)?(?:[a-z]+(?:-[a-z]+)?\s+){0,2}$")
_NEAR_KM = 60


def _contradicted(match: PlaceMatch, matches: Sequence[PlaceMatch], text: str, gazetteer: Gazetteer,
                  within: Within) -> bool:
    """A village its own sentence puts in a province or beside a town where this namesake is not ('Hader in
    Quneitra province' read as Aleppo's Al Hadir): the village meant is another of that name, which the data lacks,
    and the namesake is no place of the story. Towns of 100,000 people or more are not second-guessed."""
    if _rank(match) != 2 or match.place.kind not in ("city", "town", "village") \
            or gazetteer.population(match.place) >= BIG_POP:
        return False
    area = next((m for m in matches if match.end <= m.start <= match.end + 60), None)
    put = _PUT_IN.match(text[match.end:area.start]) if area is not None else None
    if area is None or put is None or area.place.country != match.place.country \
            or (put.group("also") and put.group("how") != "in"):  # 'strikes on X and shelling near Y': two acts
        return False
    if put.group("how") == "in" and area.place.kind == "province":  # a region's bounds are too rough to say
        return not within(match.place, area.place)
    if _rank(area) == 2 and area.place.kind in ("city", "town", "village"):
        near = km(match.place, area.place) <= _NEAR_KM
        same = gazetteer.division_of(match.place) == gazetteer.division_of(area.place)
        return not (near or (put.group("how") == "in" and same))
    return False


def _coarse_site(match: PlaceMatch, gazetteer: Gazetteer) -> bool:
    """A site known only to lie somewhere in a province or region ('Dioura army camp, Mopti Region'): its point would
    be the province's, which is no point of the site's."""
    if match.place.kind not in ("site", "neighbourhood", "district") or ", " not in match.place.name:
        return False
    parent = gazetteer.get(match.place.name.rsplit(", ", 1)[1])
    return parent is not None and _rank(PlaceMatch(0, 0, "", parent)) >= 3


def _next_paragraphs(doc: Document, matches: Sequence[PlaceMatch], count: int, first_only: bool) -> list[PlaceMatch]:
    """Places of the paragraphs after the lead (up to ``count``; only the first that names one if ``first_only``).
    The rest of a lead's paragraph comes first, in lead-sized parts: a text without paragraph breaks has no other."""
    found: list[PlaceMatch] = []
    end = doc.lead[1]
    paragraph_end = doc.paragraph_end(doc.lead[0])
    while count:
        if end < paragraph_end:  # the lead's own paragraph goes on
            start = end
            end = min(max(start + lead_end(doc.text[start:paragraph_end]), start + 1), paragraph_end)
        else:
            start = end + 2
            if start >= doc.body[1]:
                break
            end = doc.paragraph_end(start)
        if len(doc.text[start:end].split()) < 6:  # a crosshead or a stray byline line is no paragraph of the story
            continue
        count -= 1
        found += [m for m in matches if start <= m.start < end]
        if found and first_only:
            break
    return found


def _far_and_small(match: PlaceMatch, gazetteer: Gazetteer, local: frozenset[str]) -> bool:
    """A village (or a site in one) in a country neither the article nor the timeline names: in a Syrian story,
    'Al-Bayan hospital' is no hospital in a Chinese village called Bayan."""
    if match.place.country in local or match.place.kind in ("province", "region", "valley", "mountain", "plain",
                                                             "desert"):
        return False
    parent = gazetteer.get(match.place.name.split(", ", 1)[1]) if ", " in match.place.name else match.place
    return gazetteer.population(parent or match.place) < BIG_POP


def _lone_quarters(matches: Sequence[PlaceMatch], gazetteer: Gazetteer, dateline: Place | None) -> set[str]:
    """Shipped quarters whose city the story names nowhere, the dateline included ('Karrada' in a story that never
    says Baghdad): there the name is more often a namesake village, a street or a person than that quarter."""
    named = {m.place.name for m in matches} | ({dateline.name} if dateline else set())
    lone = set()
    for match in matches:
        city = gazetteer.city_of_quarter(match.place)
        if city is not None and key(city) not in key(match.words):  # 'El Fasher airport' names its city
            place = gazetteer.get(city, (match.place.country,))
            if place is None or place.name not in named:
                lone.add(match.place.name)
    return lone


def place_mentions(seed: Seed, doc: Document, gazetteer: Gazetteer, matches: Sequence[PlaceMatch],
                   taken: Sequence[tuple[int, int]], countries: Sequence[str] = (),
                   orphans: Sequence[tuple[int, int, str, str]] = ()) -> tuple[list[PlaceMention], PlaceMention | None]:
    """(each place once, the primary first; the dateline's place or None). ``taken``: spans of faction names, whose
    place words ("Deir ez-Zor Military Council") are no places; ``countries``: those the article names;
    ``orphans``: named sites whose sentence names no place ("the Hotel Sahafi"), placed in the story's city."""
    local = frozenset(countries) | gazetteer.timeline_countries
    kept = [m for m in matches if not any(s <= m.start < e for s, e in taken) and not _metonym(doc.text, m)
            and key(m.words) not in _OUTLET_KEYS  # 'SOURCE: Al Jazeera and news agencies': an outlet, no place
            and not organisation_after(doc.text, m.end) and not _far_and_small(m, gazetteer, local)]
    provinces = _province_not_city(doc.text, kept)
    within = within_by(gazetteer)
    elsewhere = {m.place.name for m in kept if _contradicted(m, kept, doc.text, gazetteer, within)}  # every mention
    dateline = None
    dateline_keys: frozenset[str] = frozenset()
    if seed.dateline:
        words = seed.dateline.split(",")[0].strip()
        dateline_keys = frozenset(key(desk) for desk in words.split("/"))
        place = gazetteer.dateline_place(seed.dateline)
        if place is not None:
            dateline = PlaceMention(place, "dateline", words)
    lone = _lone_quarters(kept, gazetteer, dateline.place if dateline else None)
    kept = [m for m in kept if m.place.name not in provinces | elsewhere | lone and not _coarse_site(m, gazetteer)]
    primary = choose_primary(doc, kept, dateline_keys, within)
    # A headline's words are loose ("Idlib town" for a town in Idlib): its places count where the text names them too
    named = {m.place.name for m in kept if not doc.within(doc.headline, m.start)}
    kept = [m for m in kept if m.place.name in named or m is primary]
    kept += _in_the_storys_city(orphans, primary, gazetteer, taken)
    mentions: dict[str, PlaceMention] = {}
    for match in ([primary] if primary else []) + [m for m in kept if m is not primary]:
        if match.place.name not in mentions:
            role = "primary" if match is primary else "mentioned"
            mentions[match.place.name] = PlaceMention(match.place, role, match.words, match.start)  # type: ignore[arg-type]
    return list(mentions.values()), dateline
