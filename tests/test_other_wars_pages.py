"""Other wars' pages with default settings: towns the press spells as GeoNames lists them among other names, datelines
that name their country or two desks, and a dateline town that is also the story's site.

Every text is written for this project in the style of wire copy.
"""

from __future__ import annotations

import pytest

from conflict_timeline.extract import extract
from conflict_timeline.seeds import parse_text


def extracted(registries, text: str):
    return extract(parse_text(text, "story.txt"), registries)


def primary_of(registries, text: str) -> tuple[str, str] | None:
    result = extracted(registries, text)
    place = next((m.place for m in result.places if m.role == "primary"), None)
    return (place.name, place.country) if place else None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [  # the press's spelling is one GeoNames lists for the town, with the same spelling key as its main name
        ("Oil field seized\n\nTRIPOLI, Libya (Reuters) - Fighters loyal to Khalifa Haftar seized an oil field near "
         "the southern Libyan town of Murzuq on Tuesday, residents said.\n", "Murzuk, Libya", "LY"),
        ("Clashes in Misrata\n\nTRIPOLI (AFP) - Rival Libyan militias clashed in the port city of Misrata overnight, "
         "a hospital official said.\n", "Misratah", "LY"),
        ("Market hit\n\nADEN, Yemen (AP) - A coalition air strike hit a market in the northern Yemeni town of Saada "
         "on Monday, medics said.\n", "Saadah", "YE"),  # GeoNames: Sa'dah
        # Sada in Spain is spelt exactly as written; the text is about Yemen, whose Sa'dah GeoNames also spells 'Sada'
        ("Strike in the north\n\nSANAA, Yemen (Reuters) - Houthi fighters said a drone struck the town of Sada in "
         "northern Yemen on Sunday.\n", "Saadah", "YE"),  # GeoNames: Sa'dah
        # a city of 500,000 people whose key is two letters
        ("Shelling in Ibb\n\nSANAA, Yemen (Reuters) - Houthi fighters shelled the city of Ibb on Sunday, killing four "
         "civilians, officials said.\n", "Ibb", "YE"),
        # a text that names no country: its province says which
        ("Bombers kill 30 at viewing centre\n\nAt least 30 people were killed when three suicide bombers blew themselves "
         "up outside a hall where fans were watching football in Konduga, Borno State, on Sunday night, emergency "
         "officials said.\n", "Konduga, Nigeria", "NG"),
        # a neighbourhood of a city abroad, not a village of its name 200 km away
        ("Shell kills children in Taiz\n\nTwo children were killed when a shell hit the al-Rawdah neighbourhood of "
         "Yemen's third-largest city, Taiz, on Saturday, local officials said.\n", "al-Rawdah, Taiz", "YE"),
    ],
    ids=["Murzuq", "Misrata", "Saada", "Sada-not-Spain", "Ibb", "Borno-State", "al-Rawdah"],
)
def test_the_primary_place_abroad(registries, text, name, country):
    assert primary_of(registries, text) == (name, country)


def test_the_datelines_country_decides_its_town(registries):
    text = ("Talks stall\n\nTRIPOLI, Libya (Reuters) - Libya's rival governments failed to agree on a budget on "
            "Wednesday, officials said.\n")
    result = extracted(registries, text)
    dateline = next(m.place for m in result.places if m.role == "dateline")
    assert (dateline.name, dateline.country) == ("Tripoli, Libya", "LY")
    # without a country the timeline's own namesake stays the reading
    plain = extracted(registries, text.replace("TRIPOLI, Libya (Reuters)", "TRIPOLI (Reuters)"))
    assert next(m.place.country for m in plain.places if m.role == "dateline") == "LB"


def test_a_dateline_of_two_desks_is_a_dateline(registries):
    text = ("Port attacked\n\nDUBAI/ADEN (Reuters) - Houthi forces fired missiles at the port of Mokha on Thursday, "
            "a Yemeni military official said.\n")
    result = extracted(registries, text)
    assert result.entry.dateline == "Dubai"
    assert result.places[0].role == "primary" and result.places[0].place.name.startswith("Mocha")
    assert not any(m.place.name.startswith("Aden") and m.role != "dateline" for m in result.places)


def test_the_dateline_town_is_the_site_when_the_lead_names_none(registries):
    text = ("Rockets hit station\n\nKRAMATORSK, Ukraine (AP) - A rocket attack on a crowded railway station killed "
            "at least 30 people on Friday, Ukrainian officials said.\n\nHundreds of people had been waiting on the "
            "platforms in Kramatorsk, a city in the Donetsk region, to board evacuation trains.\n")
    assert primary_of(registries, text) == ("Kramatorsk", "UA")
    # a lead that names its own site keeps it: the desk's town named later is not the site
    other = text.replace("on a crowded railway station", "on a crowded railway station in Druzhkivka")
    assert primary_of(registries, other) == ("Druzhkivka, Ukraine", "UA")


@pytest.mark.parametrize("owner", ["Somalia's", "Somalia’s", "the Somali"])
def test_a_countrys_capital_by_its_possessive(registries, owner):
    text = (f"Blast at checkpoint\n\nA car bomb exploded at a busy checkpoint in {owner} capital on Saturday, killing "
            "at least nine people, police said.\n")
    assert primary_of(registries, text) == ("Mogadishu", "SO")


def test_its_capital_or_a_persons_names_no_place(registries):
    text = "Ruler defiant\n\nThe province and its capital were calm on Sunday, and Assad's capital was quiet.\n"
    assert primary_of(registries, text) is None


def test_an_outlets_name_is_no_place(registries):
    text = ("Army raises flag in Daraa\n\nGovernment troops raised the national flag in Daraa on Thursday, "
            "state media said.\n\nSOURCE: Al Jazeera and news agencies\n")
    assert [m.place.name for m in extracted(registries, text).places] == ["Daraa"]


