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
         "rescuers said.\n", "Maaret al-Numan"),
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
                                               "said they targeted the Hotel Qasr Amin because officials met there.\n")
    assert primary == "Mogadishu" and "Hotel Qasr Amin, Mogadishu" in places


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
                                         "the eastern suburbs of Bayt Qadim, Kafr Hamid and Ein Zafar, a monitor "
                                         "said.\n")
    assert {"Bayt Qadim, Damascus", "Kafr Hamid, Damascus", "Ein Zafar, Damascus"} <= set(places)
    # suburbs the shipped data knows keep their own points, and a shipped town has no suburbs of its own
    _, places, _ = places_of(registries, "Gas attack near Damascus\n\nBEIRUT (AFP) - Rockets hit rebel-held areas "
                                         "near the capital Damascus on Wednesday, activists said.\n\nThe shelling hit "
                                         "the eastern suburbs of Zamalka, Arbeen and Ein Tarma, a monitor said.\n")
    assert {"Zamalka", "Ain Tarma"} <= set(places)


# A text copied without its paragraph breaks: one paragraph, whose opening sentences are the lead.
_ONE_PARAGRAPH = (
    "Blast kills nine in Azaz\n\nNine people were killed on Sunday when a car bomb went off at a crowded market in "
    "the town of Azaz near the Turkish border, a monitor and local medics said. The Syrian Observatory for Human "
    "Rights said the dead included three children and that at least twenty people were wounded in the blast, which "
    "set several stalls on fire. No group claimed the attack. Elsewhere on Sunday government shells struck the "
    "Jobar district of Damascus and the Salaheddine neighbourhood of Aleppo, activists said, without giving a toll. "
    "Talks on a ceasefire are due to resume in Geneva next week.\n")


def test_in_a_text_without_paragraph_breaks_a_later_sentence_s_neighbourhood_is_not_the_site(registries):
    primary, places, _ = places_of(registries, _ONE_PARAGRAPH)
    assert primary == "Azaz"
    assert "Salaheddine, Aleppo" in places and any(p.startswith("Jobar") for p in places)  # still mentioned


def test_a_site_of_the_lead_s_town_named_further_on_in_its_paragraph_refines_it(registries):
    text = ("Shelling in Aleppo\n\nGovernment artillery pounded rebel-held parts of Aleppo on Tuesday, killing at "
            "least eleven civilians and wounding dozens more as the army pressed a weeks-long offensive on the city, "
            "a monitor said. The monitor said the toll was likely to rise because many of the wounded were in a "
            "serious condition and hospitals were short of blood and fuel. Residents said most of the shells fell on "
            "the Salaheddine neighbourhood of Aleppo, where a bakery was hit during the morning queue.\n")
    assert places_of(registries, text)[0] == "Salaheddine, Aleppo"


def test_a_province_s_town_is_one_geonames_puts_in_that_province_not_merely_one_nearby(registries):
    # Aleppo is 60 km from Idlib: near, but not in Idlib province. Saraqeb is in it.
    base = ("Raids on Idlib villages\n\nAir strikes hit villages in Idlib province on Friday, killing at least "
            "seven civilians, rescuers said.\n\n{}\n")
    elsewhere = "In Aleppo, the city council met to discuss water supplies for the coming summer months."
    inside = "Most of the dead were in the town of Saraqeb, where a clinic was damaged, rescuers said."
    assert places_of(registries, base.format(elsewhere))[0] == "Idlib Governorate"
    assert places_of(registries, base.format(inside))[0] == "Saraqib"


def test_a_story_whose_only_place_is_a_reference_point_far_in_still_has_a_primary(registries):
    text = ("Families killed in raid\n\nAt least twelve members of three families were killed overnight when "
            "gunmen stormed their homes, a monitoring group said on Saturday, adding that women and children were "
            "among the dead and that several houses had been set on fire before the attackers withdrew. The group "
            "said the raid took place in a farming village some ten kilometres north of Aleppo.\n")
    assert places_of(registries, text)[0] == "Aleppo"


@pytest.mark.parametrize(("text", "primary", "absent"), [
    # where a statement was made is not where the event was
    ("Jets hit Idlib market\n\nThe foreign minister told reporters in Paris on Monday that jets had struck a market "
     "in Idlib, killing nine people.\n", "Idlib", None),
    ("Ceasefire breached\n\nSpeaking at a news conference in Geneva, the envoy said shells had hit Daraa overnight.\n",
     "Daraa", None),
    ("Strikes near Aleppo\n\nAir strikes killed 20 people west of Aleppo on Monday, a monitor said. In Washington "
     "the Pentagon confirmed eight strikes in the area.\n", "Aleppo", None),
    ("Truce breached\n\nThe Russian coordination centre in Hmeimim stated that shells had hit Aleppo on Monday.\n",
     "Aleppo", None),
    ("Envoy urges calm\n\nThe minister said on a visit to Amman that shelling had killed ten people in Daraa.\n",
     "Daraa", None),
    ("Gas attack\n\nAn emergency meeting of the UN Security Council in New York heard that gas had killed dozens in "
     "Douma.\n", "Douma", None),
    # a clause the event only follows or is set against
    ("Helicopter downed\n\nA Russian helicopter was shot down over Idlib province on Monday after delivering aid to "
     "Aleppo, the defence ministry said.\n", "Idlib Governorate", None),
    ("Shelling kills eight\n\nShelling killed eight people in Douma on Tuesday. It came as talks opened in Astana, "
     "a monitor said.\n", "Douma", None),
    ("Air base falls\n\nMilitants stormed the Tabqa air base on Sunday after a battle that had raged since Tuesday "
     "in the fight over Tabqa air base, a monitor said.\n", "Tabqa Air Base", None),
    # a name after 'bin' is a person's, though a Turkish town is called Sultan
    ("Arms for rebels\n\nWeapons sent by Prince Bandar bin Sultan reached rebels in Daraa, a report said on Monday.\n",
     "Daraa", "Sultan"),
])
def test_a_speaker_s_venue_and_a_person_s_name_are_not_the_site(registries, text, primary, absent):
    found, places, _ = places_of(registries, text)
    assert found == primary
    assert absent is None or absent not in places


@pytest.mark.parametrize(("text", "primary"), [
    ("Shells hit square\n\nMortar shells struck the Umayyad Square in the capital on Monday, killing two people, "
     "Syrian state media said. Fighting also continued in Aleppo.\n", "Umayyad Square, Damascus"),
    ("Shelling in Damascus\n\nShells struck the Mazzeh neighbourhood of the Syrian capital on Monday, killing two, "
     "state media said. Clashes went on in Homs.\n", "Mezzeh, Damascus"),
    ("Market blast\n\nA car bomb exploded in a market in the Iraqi capital on Tuesday, killing 12 people, police "
     "said.\n", "Baghdad"),
    # no country named: 'the capital' of nowhere in particular stays unknown, and the story's town stands
    ("Shells hit square\n\nMortar shells struck a square in the capital on Monday. Fighting went on in Aleppo.\n",
     "Aleppo"),
])
def test_the_capital_is_the_national_capital_of_the_country_named(registries, text, primary):
    assert places_of(registries, text)[0] == primary


def test_a_sentence_saying_what_a_town_is_the_capital_of_names_no_capital(registries):
    text = ("Ramadi falls\n\nIraqi forces left Ramadi on Sunday. The army plans a new push into Anbar province, of "
            "which Ramadi is the capital, officials said.\n")
    primary, places, _ = places_of(registries, text)
    assert primary == "Ramadi" and "Baghdad" not in places


def test_a_quarter_belongs_to_the_story_s_town_not_to_a_village_its_sentence_also_names(registries):
    # Al Mazra'ah is a village in Suwayda province: named beside Damascus's quarters, it does not own them
    text = ("Shells hit Damascus\n\nMortar shells fired by militants hit Damascus on Monday. The shells hit the "
            "neighbourhoods of al-Mazzeh and Ruken Eddin and the al-Mazra area, state media in Syria said.\n")
    _, places, _ = places_of(registries, text)
    assert "Mezzeh, Damascus" in places and not any(", Al Mazra" in p for p in places)  # the shipped quarter


@pytest.mark.parametrize(("text", "primary"), [
    ("Bus blast\n\nA bomb exploded inside a bus in down town Damascus on Monday, killing six, state media in Syria "
     "said.\n", "Damascus"),  # 'down town', as some pages write it, is a place's word, not a government's
    ("Car bomb toll rises\n\nA car bomb in the western Syrian city of Homs has claimed the lives of 40 people, the "
     "governor said on Sunday.\n", "Homs"),  # a town that 'claimed the lives' of people is no government speaking
])
def test_a_town_is_a_place_though_a_verb_of_speech_follows_it(registries, text, primary):
    assert places_of(registries, text)[0] == primary


@pytest.mark.parametrize(
    ("text", "not_there"),
    [  # Aleppo's Al Hadir is not the Hader 'in Quneitra province' (a village the data lacks)
        ("Shells hit Hader\n\nDAMASCUS (SANA) - Shells fired by militants hit the town of Hader on Monday. They "
         "fell at the entrance of Hader in Quneitra province, wounding three people.\n", "Al Hadir"),
        # ... nor the village 'and two nearby hilltops in the northern Hama countryside'
        ("Rebels advance\n\nBEIRUT (AFP) - Rebels captured the village of Tal Malah and two nearby hilltops in the "
         "northern Hama countryside on Monday, a monitor said.\n", "Malah"),
        # Suwayda's Malah is not the farms 'in Aleppo northern countryside'
        ("Attack repelled\n\nDAMASCUS (SANA) - Army units repelled an attack on Mallah farms in Aleppo northern "
         "countryside on Sunday, killing dozens of militants.\n", "Malah"),
    ],
)
def test_a_namesake_its_own_sentence_puts_elsewhere_is_no_place(registries, text, not_there):
    primary, places, _ = places_of(registries, text)
    assert not_there not in places and primary != not_there


def test_a_village_in_the_province_its_sentence_names_stays(registries):
    primary, places, _ = places_of(registries, "Strikes on Khan Shaykhun\n\nBEIRUT (AFP) - Air strikes hit Khan "
                                               "Shaykhun in Idlib province on Monday, a monitor said.\n")
    assert primary == "Khan Shaykhun"


@pytest.mark.parametrize(
    ("text", "wanted", "not_there"),
    [  # a named site's bare name at the end of a longer name, or after 'the town of', is that other place
        ("Barrel bomb kills five\n\nALEPPO (SANA) - A barrel bomb hit the Bab al-Nayrab neighbourhood of Aleppo on "
         "Monday, killing five people.\n", "Bab al-Nairab, Aleppo", "Nayrab Air Base"),
        ("Rockets hit Izraa\n\nDAMASCUS (SANA) - Militants positioned in Busr al-Harir fired rockets on Izraa on "
         "Sunday, wounding three civilians.\n", "Izra', Syria", "Harir Air Base"),
        ("Jets strike Abu al-Duhur\n\nBEIRUT (AFP) - Jets struck the town of Abu al-Duhur in Idlib province on "
         "Monday, a monitor said.\n", None, "Abu al-Duhur Air Base"),
        # a number word opens no site's name
        ("Schools hit\n\nBEIRUT (AFP) - Three schools were hit by shells in the town of Ain Jara near Aleppo on "
         "Tuesday, a monitor said.\n", None, "Three School, Aleppo"),
    ],
)
def test_a_sites_bare_name_inside_another_name_is_not_the_site(registries, text, wanted, not_there):
    primary, places, _ = places_of(registries, text)
    assert not_there not in places
    if wanted:
        assert wanted in places


def test_a_lead_naming_only_a_reference_point_keeps_it_over_a_far_site_named_later(registries):
    text = ("Bomb hits evacuees\n\nBEIRUT (AFP) - A car bomb hit buses carrying evacuees at a transit point west of "
            "Aleppo on Saturday, killing dozens of people, a monitor said.\n\nThe evacuation was part of a deal that "
            "also covered the town of Douma, where residents had been besieged for two years.\n")
    assert places_of(registries, text)[0] == "Aleppo"
    # a site the next paragraph names by the reference point is still the site
    near = text.replace("The evacuation was part", "The blast struck the town of Atarib. The evacuation was part")
    assert places_of(registries, near)[0] == "Al Atarib"


def test_two_acts_in_one_sentence_do_not_place_the_first_by_the_second(registries):
    _, places, _ = places_of(registries, "Offensive begins\n\nTurkey began its offensive on Wednesday with air strikes "
                                         "on Ras al-Ain and shelling near Tal Abyad, officials said.\n")
    assert places == ["Ras al-Ain", "Tal Abyad"]


def test_a_far_place_in_a_city_that_names_its_province_means_the_province(registries):
    text = ("Siege broken\n\nSyrian troops broke the siege of Kweires airbase in Aleppo on Tuesday, state media said. "
            "The base lies east of the city, in Aleppo province.\n")
    _, places, _ = places_of(registries, text)
    assert "Aleppo" not in places and "Aleppo Governorate" in places
    # a quarter in the city is in the city
    near = "Shells hit Salaheddine\n\nShells hit the Salaheddine district in Aleppo on Tuesday, killing four.\n"
    assert "Aleppo" in places_of(registries, near)[1]


def test_a_capital_a_road_links_is_a_place_not_its_government(registries):
    text = ("Army pushes on corridor\n\nThe army wants control of a corridor through Homs province which links "
            "Damascus to the coast, an official said.\n")
    assert "Damascus" in places_of(registries, text)[1]
    assert "Damascus" in places_of(registries, "Army moves south\n\nAfter securing Damascus in May, the army turned "
                                               "south towards Daraa on Monday, state media said.\n")[1]
    # 'Damascus denied' is still its government
    assert "Damascus" not in places_of(registries, "Talks\n\nDamascus denied the report on Monday.\n")[1]


@pytest.mark.parametrize(("words", "area"), [("the western half of Mosul", "western Mosul"),
                                             ("the eastern side of the city of Aleppo", "eastern Aleppo"),
                                             ("the south part of Baghdad", "southern Baghdad")])
def test_a_half_of_a_big_city_is_that_part_of_it(registries, words, area):
    primary, _, _ = places_of(registries, f"Push begins\n\nIraqi and Syrian forces launched an assault on {words} on "
                                          "Sunday, officials said.\n")
    assert primary == area


@pytest.mark.parametrize(("text", "primary"), [
    # 'English' (a language in news pages) names no country: the Syrian town stays a town of the story's country
    ("Shells hit Izraa\n\nThree civilians were wounded when rockets hit the town of Izraa in Daraa province on "
     "Sunday, state media said.\n\nEnglish Bulletin\n", "Izra', Syria"),
    # a province's seat building is in its city
    ("Troops take building\n\nIraqi forces took control of the Kirkuk governorate building on Monday after Kurdish "
     "forces withdrew, officials said.\n", "Kirkuk"),
    # a sentence opening 'In X,' before a monitor (not a government's seat) keeps X as the site
    ("Strikes kill 20\n\nIn Aleppo, the Syrian Observatory said 20 people were killed in air strikes on Monday. "
     "Clashes also went on in Idlib province.\n", "Aleppo"),
], ids=["English", "seat-building", "In-X-monitor"])
def test_the_primary_place_in_more_shapes(registries, text, primary):
    assert places_of(registries, text)[0] == primary
