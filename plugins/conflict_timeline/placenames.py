"""Place names -> places, without context: the curator's places.yml over the worldwide index (:mod:`geoindex`).

Which namesake a bare name stands for: the curator's, then a shipped region or division, then a town of the
article's countries (``prefer``), of the timeline's countries, then the most populous. Display names are unique, so an
entry's ``Places:`` line resolves back to the same point: a town that is not the first namesake of its name is shown
as "Tripoli, Libya" (or "Name, Province, Country"), a site as "al-Quds hospital, Aleppo" unless its own name already
says where it is ("Baiji refinery").
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from . import placecues, sites
from .countries import country_code, country_name, country_names
from .errors import RegistryError
from .geoindex import POINT_KINDS, Index, key
from .models import Place, km

DEFAULT_COUNTRIES: tuple[str, ...] = ("SY", "IQ", "LB", "JO", "TR")
# GeoNames alternate spellings of villages are matched only here; in neighbouring countries they are mostly historic
# Arabic or Kurdish names that collide with personal names (Bakr, Sultan, Noureddin): main names only there.
DEFAULT_CORE_COUNTRIES: tuple[str, ...] = ("SY", "IQ")
QUARTER_KM = 30  # a shipped quarter stands for a text's quarter of that name within this of the town it is put in
SITE_KM = 150  # ... a shipped site (a dam, a base: a name of its own) within this of the place its sentence names


class PlaceNames:
    """Lookup by name; :class:`~conflict_timeline.gazetteer.Gazetteer` adds the search in running text."""

    def __init__(self, index: Index, curated: Sequence[dict] = (), countries: Sequence[str] = DEFAULT_COUNTRIES,
                 core: Sequence[str] = DEFAULT_CORE_COUNTRIES, source: str | None = None):
        self._index = index
        self._timeline = frozenset(countries)
        self._core = frozenset(core)
        self._made: dict[int, Place] = {}
        self._display: dict[int, str] = {}  # GeoNames row -> the curator's display name
        self._pinned: dict[str, int] = {}  # key -> GeoNames row the curator pinned
        self._curated: dict[str, Place] = {}  # key -> the curator's own place or region
        self._provinces: dict[str, Place] = {}  # key of a bare name -> the curator's province
        self._by_name: dict[str, Place] = {}
        self._division_keys_by_country: dict[str, list[tuple[str, int]]] | None = None  # made when first needed
        self._province_codes: dict[tuple[str, str], str] | None = None  # likewise
        self._countries = frozenset(key(n) for names in country_names().values() for n in names)
        for row in curated:
            if row.get("geonameid") is not None:
                found = index.row(int(row["geonameid"]))
                if found is None:
                    raise RegistryError(f"place '{row['name']}': geonameid {row['geonameid']} is not in GeoNames "
                                        "cities500", source)
                self._display[found] = row["name"]
                for name in (row["name"], *(row.get("aliases") or ())):
                    self._pinned.setdefault(key(name), found)
                continue
            kind = row.get("kind", "city")
            place = Place(row["name"], float(row["lat"]), float(row["lon"]), str(row["country"]), kind)
            self._by_name.setdefault(place.name, place)
            self._curated.setdefault(key(place.name), place)
            for alias in row.get("aliases") or ():
                (self._provinces if kind == "province" else self._curated).setdefault(key(alias), place)
            if kind == "province":
                self._provinces.setdefault(key(place.name), place)
        self._spelt: dict[str, int] = {}  # key -> GeoNames row, from the shipped news spellings ('Mai Kadra')
        for name, found in index.spellings:
            k = key(name)
            if k not in self._pinned and k not in self._curated:
                self._spelt.setdefault(k, found)
                self._display.setdefault(found, name)  # the town is shown as the news spell it
        for gid_row, name in self._display.items():
            self._by_name.setdefault(name, self._place(gid_row))

    # ---- lookup by name ----------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._index.names) + len(self._index.regions) + len(self._index.divisions) + len(self._curated)

    @functools.cached_property
    def _names(self) -> list[str]:
        idx = self._index
        found = set(self._by_name) | {r[0] for r in idx.regions} | {d[0] for d in idx.divisions}
        found.update(idx.names[i] for i, cc in enumerate(idx.country) if cc in self._timeline)
        return sorted(found)

    @property
    def names(self) -> list[str]:
        """Display names to suggest from: the curator's, regions, divisions and the timeline countries' towns."""
        return self._names

    def get(self, name: str, prefer: Sequence[str] = ()) -> Place | None:
        """The place a display name or any spelling of it stands for (no context: the first namesake)."""
        name = " ".join(name.split())
        if name in self._by_name:
            return self._by_name[name]
        if "," in name:
            return self._qualified(name, tuple(prefer))
        k = key(name)
        found = self._named(k, tuple(prefer))
        if found is not None:
            return found
        return sites.parse_name(name, self)

    def dateline_place(self, dateline: str) -> Place | None:
        """Where a story was filed from: 'TRIPOLI, Libya' is Libya's Tripoli, whatever the timeline prefers;
        'DUBAI/ADEN' (two desks) the first; a date after the place ('BAGHDAD, Aug 4') is no qualifier."""
        parts = [p.strip() for p in dateline.split(",")]
        head = parts[0].split("/")[0].strip()
        code = country_code(parts[1]) if len(parts) > 1 else None
        return (self._qualified(f"{head}, {parts[1]}", ()) if code else None) or self.get(head)

    def province(self, name: str, prefer: Sequence[str] = ()) -> Place | None:
        """The province (curated first, then a shipped first-level division) a bare name stands for."""
        return self._division(key(name), tuple(prefer))

    def is_country(self, words: str) -> bool:
        return key(words) in self._countries

    @property
    def timeline_countries(self) -> frozenset[str]:
        return self._timeline

    def population(self, place: Place) -> int:
        if place.geonameid is None:
            return 0
        row = self._index.row(place.geonameid)
        return 0 if row is None else int(self._index.population[row])

    def division_of(self, place: Place) -> tuple[str, str] | None:
        """(country, GeoNames first-level division code) a place lies in: a town's own, a province's, a site's or
        neighbourhood's town's. None where GeoNames does not say (a region, a curator's own place)."""
        if place.geonameid is not None:
            row = self._index.row(place.geonameid)
            code = self._index.admin1[row] if row is not None else ""
            return (place.country, code) if code else None
        if place.kind == "province":
            if self._province_codes is None:
                self._province_codes = self._codes_of_provinces()
            code = self._province_codes.get((place.name, place.country))
            return (place.country, code) if code else None
        n = self._shipped_point(place)
        if n is not None:
            code = self._index.region_admin1[n]
            return (place.country, code) if code else None
        if place.kind in ("site", "neighbourhood", "district"):
            # 'al-Quds hospital, Aleppo': its town's; 'Atmeh refugee camp': the town its own name holds
            parent = self.get(place.name.rsplit(", ", 1)[1]) if ", " in place.name else sites.parse_name_town(
                place.name, self)
            return self.division_of(parent) if parent is not None and parent != place else None
        return None

    def city_of_quarter(self, place: Place) -> str | None:
        """The city a shipped quarter, district or site lies in ('Baghdad' for Karrada), None for anything else."""
        n = self._shipped_point(place)
        return (self._index.region_city[n] or None) if n is not None else None

    def is_shipped(self, place: Place) -> bool:
        """Whether the place is one of the shipped regions, villages, quarters or sites (not a town of GeoNames)."""
        return self._shipped_point(place) is not None

    def _shipped_named(self, name: str) -> Place | None:
        """The shipped place of this display name ('Achrafieh, Beirut', not Aleppo's Ashrafiyeh)."""
        n = self._shipped_row(name)
        return None if n is None else self._region(n)

    def _shipped_point(self, place: Place) -> int | None:
        """The row of a shipped region this place is (by name and country), if it is one."""
        return None if place.geonameid is not None else self._shipped_row(place.name, place.country)

    def _shipped_row(self, name: str, country: str | None = None) -> int | None:
        """The shipped region whose display name this is ('Sukkari, Aleppo' is found by 'Sukkari')."""
        regions = self._index.regions
        return next((n for n in self._index.region_keys.get(key(name.split(", ", 1)[0]), ())
                     if regions[n][0] == name and country in (None, regions[n][2])), None)

    def _codes_of_provinces(self) -> dict[tuple[str, str], str]:
        """(display name, country) -> division code, for the shipped divisions and the curator's provinces (matched
        to a shipped division of their country by any of their names)."""
        codes = {(name, country): code for name, country, _, _, _, _, code in self._index.divisions if code}
        for k, place in self._provinces.items():
            for n in self._index.division_keys.get(k, ()):
                name, country, *_, code = self._index.divisions[n]
                if country == place.country and code:
                    codes.setdefault((place.name, place.country), code)
        return codes

    def place_named(self, words: str, parent: Place, kind: str) -> Place:
        """A site or neighbourhood at its parent's point, named so that :meth:`get` finds it again. A site the
        shipped data knows ('Kweres airbase' for the Kweires Air Base) is that site."""
        if parent.kind == "site" and ", " not in parent.name:
            return parent
        words = sites.canonical(words)
        known = self._named_region(key(words), (parent.country,))
        if known is not None and known.country == parent.country and known.kind in POINT_KINDS \
                and km(known, parent) <= (SITE_KM if known.kind == "site" else QUARTER_KM):
            return known  # 'the Karrada district' of Baghdad, 'the Tabqa Dam' near Raqqa: the shipped one
        plain = Place(words, parent.lat, parent.lon, parent.country, kind)
        if sites.parse_name(words, self) == plain:
            return plain
        return Place(f"{words}, {parent.name}", parent.lat, parent.lon, parent.country, kind)

    def _named(self, k: str, prefer: tuple[str, ...]) -> Place | None:
        if k in self._pinned:
            return self._place(self._pinned[k])
        if k in self._curated:
            return self._curated[k]
        if k in self._spelt:
            return self._place(self._spelt[k])
        idx = self._index
        for found, make in ((idx.region_keys.get(k), self._region), (idx.division_names.get(k), self._division_place)):
            if found:
                return make(min(found, key=lambda n: self._order(make, n, prefer)))
        rows = self._plain_rows(k, prefer)
        return self._place(rows[0] >> 1) if rows else None

    def _named_region(self, k: str, prefer: tuple[str, ...]) -> Place | None:
        if k in self._curated and self._curated[k].kind != "city":
            return self._curated[k]
        found = self._index.region_keys.get(k)
        return self._region(min(found, key=lambda n: self._order(self._region, n, prefer))) if found else None

    def _qualified(self, name: str, prefer: tuple[str, ...]) -> Place | None:
        """'Tripoli, Libya', 'Tal Abyad, Raqqa, Syria', 'al-Quds hospital, Aleppo'."""
        parts = [p.strip() for p in name.split(",") if p.strip()]
        shipped = self._shipped_named(", ".join(parts))
        if shipped is not None:
            return shipped  # a shipped quarter's display name: 'Sukkari, Aleppo'
        code = country_code(parts[-1]) if len(parts) > 1 else None
        if code is not None:
            head, admin = parts[0], parts[1] if len(parts) == 3 else None
            codes = {self._index.divisions[n][6] for n in self._index.division_keys.get(key(admin), ())
                     if self._index.divisions[n][1] == code} if admin else None
            rows = [e for e in self._rows(key(head), (code,)) if self._index.country[e >> 1] == code
                    and (codes is None or self._index.admin1[e >> 1] in codes)]
            if rows:
                return self._place(rows[0] >> 1)
            found = self._named(key(head), (code,))
            if found is not None and found.country == code:
                return found
            if len(parts) < 3:
                return None
            # 'Taslih academy, Al Mansurah, Syria': a site in a village that needs its country to be told apart
        parent = self.get(", ".join(parts[1:]), prefer)
        if parent is None:
            return None
        return Place(f"{sites.canonical(parts[0])}, {parent.name}", parent.lat, parent.lon, parent.country,
                     sites.kind_of(parts[0]))

    # ---- the parts ---------------------------------------------------------------------------------------------

    def _pinned_or_curated(self, k: str) -> Place:
        return self._place(self._pinned[k]) if k in self._pinned else self._curated[k]

    def _rows(self, k: str, prefer: tuple[str, ...]) -> list[int]:
        idx = self._index
        entries = idx.candidates(k)
        if len(entries) < 2:
            return list(entries)

        def order(entry: int) -> tuple:
            # The article's countries first, then the timeline's, then the rest, each by population; a city of
            # 100,000 or more outranks a namesake of a better tier ten times smaller: Donetsk, Ukraine over Donetsk,
            # Russia in a story that names Russia first; Geneva, Switzerland over Geneva, New York. Tripoli,
            # Lebanon (a timeline country) stays ahead of Tripoli, Libya unless the story is about Libya.
            row = entry >> 1
            country, population = idx.country[row], idx.population[row]
            if country in prefer:
                bonus = 1.0 - 0.1 * min(prefer.index(country), 5)
            else:
                bonus = 0.8 if country in self._timeline else 0.0
                if population < placecues.BIG_POP:
                    bonus -= 3.0  # a small place never outranks one of a better tier
            if entry & 1:
                bonus -= 1.5  # a town's own name before another's alternate spelling ('Maan' is Ma'an, not Amman)
            return (-(math.log10(population + 10) + bonus), entry & 1, row)

        return sorted(entries, key=order)

    def _order(self, make, n: int, prefer: tuple[str, ...]) -> tuple:
        country, population = (self._index.regions[n][2], 0) if make == self._region else \
            (self._index.divisions[n][1], self._index.divisions[n][4])
        return (prefer.index(country) if country in prefer else len(prefer), country not in self._timeline,
                -population, n)

    def _division(self, k: str, prefer: tuple[str, ...]) -> Place | None:
        if k in self._provinces:
            return self._provinces[k]
        found = self._index.division_keys.get(k)
        if not found:
            return None
        return self._division_place(min(found, key=lambda n: self._order(self._division_place, n, prefer)))

    def _near_division(self, k: str, prefer: tuple[str, ...]) -> Place | None:
        """A division of the article's own country misspelt by one letter ("Sagiaing region", "Bornu state"):
        asked only for a name followed by a division word, and found only when the name's first letter is right
        and exactly one of those countries' divisions is one letter away."""
        if len(k) < 5 or not prefer:
            return None
        if self._division_keys_by_country is None:
            by_country: dict[str, list[tuple[str, int]]] = {}
            for name, found in self._index.division_keys.items():
                for n in found:
                    by_country.setdefault(self._index.divisions[n][1], []).append((name, n))
            self._division_keys_by_country = by_country
        near = {n for country in prefer[:2] for name, n in self._division_keys_by_country.get(country, ())
                if name[0] == k[0] and abs(len(name) - len(k)) <= 1
                and Levenshtein.distance(name, k, score_cutoff=1) <= 1}
        return self._division_place(near.pop()) if len(near) == 1 else None

    def _division_place(self, n: int) -> Place:
        name, country, lat, lon, _population, bare, _code = self._index.divisions[n]
        for alias in bare:  # the curator's province of the same name stands for it
            curated = self._provinces.get(key(alias))
            if curated is not None and curated.country == country:
                return curated
        return Place(name, lat, lon, country, "province")

    def _region(self, n: int) -> Place:
        name, kind, country, lat, lon = self._index.regions[n]
        curated = self._curated.get(key(name))
        return curated if curated is not None and curated.country == country else Place(name, lat, lon, country, kind)

    def _place(self, row: int) -> Place:
        place = self._made.get(row)
        if place is None:
            idx = self._index
            name = self._display.get(row) or self._unique_name(row)
            place = Place(name, idx.lat[row], idx.lon[row], idx.country[row], "city", int(idx.geonameid[row]))
            self._made[row] = place
        return place

    def _plain_rows(self, k: str, prefer: tuple[str, ...]) -> list[int]:
        """The towns a name alone may stand for: in the timeline's (or the given) countries, or cities of 100,000 or
        more. A village abroad is 'Rutshuru, DR Congo': else any typo would be some village somewhere."""
        idx = self._index
        return [e for e in self._rows(k, prefer) if idx.country[e >> 1] in self._timeline
                or idx.country[e >> 1] in prefer or idx.population[e >> 1] >= placecues.BIG_POP]

    def _unique_name(self, row: int) -> str:
        idx = self._index
        base, country = idx.names[row], idx.country[row]
        k = key(base)
        plain = k not in self._pinned and k not in self._curated and k not in idx.region_keys \
            and k not in idx.division_names and k not in self._countries
        rows = self._plain_rows(k, ())
        if plain and rows and rows[0] >> 1 == row:
            return base
        same = [e >> 1 for e in self._rows(k, ()) if idx.country[e >> 1] == country]
        if same and same[0] == row:
            return f"{base}, {country_name(country)}"
        division = next((d for d in idx.divisions if d[1] == country and d[6] == idx.admin1[row]), None)
        return f"{base}, {division[5][0]}, {country_name(country)}" if division else f"{base}, {country_name(country)}"
