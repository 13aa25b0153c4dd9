"""Where the story happened: the primary place is the lead event's site, not the dateline, a reference point, a
province when the text names the town, a capital standing for its government, or an outlet named after a town.

Texts are written for this project in the style of wire copy.
"""

from __future__ import annotations

import pytest

from conflict_timeline.extract import extract
from conflict_timeline.seeds import parse_text


def places_of(registries, text: str) -> tuple[str | None, list[str], str | None]:
    """(primary place, every place in order, dateline place)."""
    result = extract(parse_text(text, "story.txt"), registries)
    primary = next((m.place.name for m in result.places if m.role == "primary"), None)
    return primary, list(result.entry.places), result.entry.dateline


@pytest.mark.parametrize(
    ("text", "primary"),
    [  # the town over its province
        ("Army takes Mayadeen\n\nDAMASCUS (AFP) - Government forces captured the town of Mayadeen in Deir Ezzor "
         "province on Saturday, state media said.\n", "Al Mayadin"),
        # a distance names a reference point, not the site
        ("Car bomb kills eight\n\nBEIRUT (Reuters) - A car bomb killed eight people 30 km north of Aleppo in the "
         "town of Azaz on Monday, a monitor said.\n", "Azaz"),
        # a lead that names only a reference point hands over to the next paragraph
        ("Shelling near the capital\n\nBEIRUT (AFP) - Heavy shelling hit rebel-held areas near the capital Damascus "
         "on Tuesday, activists said.\n\nThe bombardment struck the suburb of Douma hardest, killing at least 12 people "
         "and wounding dozens.\n", "Douma"),
        # a province in the lead and a town inside it named next
        ("Strikes hit rebel area\n\nBEIRUT (AFP) - Air strikes killed at least 16 civilians in Idlib province on "
         "Sunday, a monitor said.\n\nMost of the dead were in the town of Maarat al-Numan, where a market was hit, "
         "rescuers said.\n", "Ma'arrat an Nu'man"),
    ],
)
def test_the_primary_place_is_the_lead_events_site(registries, text, primary):
    assert places_of(registries, text)[0] == primary


def test_the_dateline_is_where_the_reporter_filed_from(registries):
    primary, places, dateline = places_of(registries, "Strikes on Idlib\n\nBEIRUT (Reuters) - Air strikes hit the "
                                                      "city of Idlib on Friday, residents said.\n")
    assert (primary, dateline) == ("Idlib", "Beirut")
    assert "Beirut" not in places


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [  # a capital standing for its government is no place; a capital where something happens is one
        ("Turkish jets strike Afrin\n\nISTANBUL (Reuters) - Turkish jets struck the Syrian town of Afrin on Sunday. "
         "Ankara said the operation would go on, and pits Ankara against Washington.\n", "Ankara", "Afrin"),
        ("Talks open\n\nGENEVA (AFP) - Delegates met in Ankara on Monday to discuss the fighting in Afrin, "
         "officials said.\n", None, "Ankara"),
        # an outlet named after a town
        ("Army advances\n\nBEIRUT (AFP) - Government forces advanced on the town of Tadef on Monday, Mayadeen "
         "television reported.\n", "Al Mayadin", "Tadif"),
        # 'southern Idlib' in a text about Idlib province is the province, not the city
        ("Rebels pull back\n\nBEIRUT (AFP) - Rebels withdrew from positions in Idlib province on Tuesday, a monitor "
         "said.\n\nFighting went on in southern Idlib and on the edge of the town of Saraqeb, activists said.\n",
         "Idlib", "Saraqib"),
    ],
)
def test_words_that_name_no_place_of_the_story(registries, text, absent, present):
    _, places, _ = places_of(registries, text)
    assert present in places
    if absent:
        assert absent not in places


def test_a_place_only_in_the_headline_is_no_place_of_the_story(registries):
    _, places, _ = places_of(registries, "Hama town braces for attack\n\nBEIRUT (AFP) - Rebels shelled "
                                         "government positions around Homs on Monday, a monitor said.\n")
    assert places == ["Homs"]


def test_a_site_no_sentence_places_stands_in_the_storys_city(registries):
    primary, places, _ = places_of(registries, "Car bombs hit hotel\n\nMOGADISHU (Reuters) - Two car bombs exploded "
                                               "outside a hotel in Mogadishu on Friday, police said.\n\nThe militants "
                                               "said they targeted the Hotel Shamo because officials met there.\n")
    assert primary == "Mogadishu" and "Hotel Shamo, Mogadishu" in places


def test_a_site_no_sentence_places_stays_unknown_when_the_story_has_no_city(registries):
    _, places, _ = places_of(registries, "Strikes in Idlib\n\nBEIRUT (AFP) - Air strikes hit Idlib province on "
                                         "Sunday, a monitor said.\n\nOne strike destroyed the Rahma hospital, "
                                         "rescuers said.\n")
    assert not [p for p in places if "Rahma" in p]


def test_well_known_bases_stand_where_they_are(registries):
    primary, places, _ = places_of(registries, "Jets strike rebels\n\nBEIRUT (AFP) - Russian jets flying from the "
                                               "Hmeimim air base struck rebel positions in the town of Saraqeb on "
                                               "Monday, a monitor said.\n")
    assert primary == "Saraqib"
    base = registries.gazetteer.get("Hmeimim Air Base")
    assert "Hmeimim Air Base" in places and (round(base.lat), round(base.lon)) == (35, 36)  # on the coast, not in Idlib


def test_several_quarters_after_one_word(registries):
    _, places, _ = places_of(registries, "Gas attack near Damascus\n\nBEIRUT (AFP) - Rockets hit rebel-held areas "
                                         "near the capital Damascus on Wednesday, activists said.\n\nThe shelling hit "
                                         "the eastern suburbs of Zamalka, Arbeen and Ein Tarma, a monitor said.\n")
    assert {"Zamalka, Damascus", "Arbeen, Damascus", "Ein Tarma, Damascus"} <= set(places)
