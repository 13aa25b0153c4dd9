"""The gazetteer worldwide: other wars' places with default settings, the article's countries preferred, provinces
and regions everywhere, named sites, and no flood of villages named like people or words. Texts are self-written."""

from __future__ import annotations

import math

import pytest

from conflict_timeline.countries import countries_named
from conflict_timeline.gazetteer import key


def found(registries, text, prefer=None):
    return [(m.place.name, m.place.kind, m.place.country) for m in registries.gazetteer.find(text, prefer=prefer)]


def _km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [("ADEN, Yemen (AFP) - Separatists seized the presidential palace in Aden on Sunday.", "Aden", "YE"),
     ("Fighting raged in Tripoli, the Libyan capital, as LNA units advanced.", "Tripoli, Libya", "LY"),
     ("Ukrainian troops pulled back as separatists shelled Luhansk, eastern Ukraine.", "Luhansk", "UA"),
     ("Ukrainian officials said rockets hit Lugansk overnight.", "Luhansk", "UA"),
     ("Pro-Russian rebels attacked Donetsk, Ukraine's officials said.", "Donetsk", "UA"),
     ("Air raid sirens sounded across Kiev, the Ukrainian capital.", "Kyiv", "UA"),
     ("Taliban fighters stormed Ghazni, Afghan officials said.", "Ghazni", "AF"),
     ("Boko Haram fighters attacked a village near Maiduguri, Nigeria's army said.", "Maiduguri", "NG"),
     ("A car bomb exploded in Mogadishu, Somalia, on Friday.", "Mogadishu", "SO"),
     ("Sudan's RSF shelled El-Fasher for a third day.", "El Fasher", "SD"),
     ("Sudanese troops held El Fasher airport.", "El Fasher Airport", "SD"),
     ("Congolese troops entered Goma after M23 withdrew.", "Goma", "CD"),
     ("Congolese troops retook the town of Rutshuru on Tuesday.", "Rutshuru, DR Congo", "CD")],
)
def test_other_wars_places_with_default_settings(registries, text, name, country):
    assert (name, country) in [(n, c) for n, _kind, c in found(registries, text)]


def test_the_articles_country_decides_a_shared_name(registries):
    text = "Shelling hit Tripoli overnight."
    assert found(registries, text, prefer=("LY",)) == [("Tripoli, Libya", "city", "LY")]
    assert found(registries, text, prefer=("LB",)) == [("Tripoli", "city", "LB")]
    assert found(registries, text) == [("Tripoli", "city", "LB")]  # no country named: the timeline's own
    assert found(registries, "Libyan forces shelled Tripoli, a Libyan spokesman said.")[0][2] == "LY"
    # a bigger namesake in a later-named country wins over a much smaller one in the first-named
    assert found(registries, "Russia denied that Russian units shelled Donetsk, Ukraine said.")[0][2] == "UA"


def test_people_and_words_are_not_villages(registries):
    text = ("President Vladimir Putin and Donald Trump spoke on Monday. UN envoy Ghassan Salame and Martin Kobler met "
            "at the Hotel. Sami said the Bakr family had fled Raqqa, Lambert Mende told reporters. The Battle for "
            "Victory began, said Young, a spokesman. Bali also said civilians fled.")
    assert found(registries, text) == [("Raqqa", "city", "SY")]


def test_a_foreign_namesake_needs_more_than_a_capital_letter(registries):
    # 'Mende' is a French town of 15,000 and a Congolese minister's name
    assert found(registries, "Mende said the army held the border.") == []
    assert ("Mende, France", "FR") in [(n, c) for n, _k, c in found(registries, "Pilgrims gathered in the town of Mende, France.")]


def test_countries_and_world_regions_are_never_places(registries):
    text = "Jordan and Lebanon closed their borders, Georgia and Chad did too, and the Middle East held its breath."
    assert found(registries, text) == []


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [("reinforcements from Marib province", "Marib Governorate", "YE"),
     ("clashes in Abyan province", "Abyan Governorate", "YE"),
     ("a district of Ghazni province", "Ghazni Province", "AF"),
     ("the province of Helmand", "Helmand Province", "AF"),
     ("an army camp in the Mopti region", "Mopti Region", "ML"),
     ("fighting across Sagaing Region", "Sagaing Region", "MM"),
     ("El-Fasher, capital of North Darfur state", "North Darfur State", "SD"),
     ("rebels in North Kivu province", "North Kivu Province", "CD"),
     ("rebels in North Kivu", "North Kivu Province", "CD"),
     ("Nineveh province", "Nineveh Governorate", "IQ"),
     ("Anbar province", "Anbar Governorate", "IQ"),
     ("Sanliurfa province", "Sanliurfa Province", "TR"),
     ("Gaziantep province", "Gaziantep Province", "TR"),
     ("southwest of Erbil Province", "Erbil Governorate", "IQ"),
     ("attacks in Nineveh, Anbar, Diyala and Baghdad provinces", "Diyala Governorate", "IQ")],
)
def test_provinces_worldwide(registries, text, name, country):
    assert (name, "province", country) in found(registries, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Junta jets struck villages across the Sagiaing region of Myanmar on Friday.", ("Sagaing Region", "MM")),
     ("Gunmen raided a market in Bornu state, northeast Nigeria, police said.", ("Borno State", "NG")),
     ("Militants attacked a checkpoint in Diyalah province, Iraq, officials said.", ("Diyala Governorate", "IQ")),
     ("Shelling hit Idleb province in northwest Syria.", ("Idlib Governorate", "SY"))],
)
def test_a_division_misspelt_by_a_letter_is_still_found_before_its_division_word(registries, text, expected):
    assert [(name, country) for name, kind, country in found(registries, text) if kind == "province"] == [expected]


@pytest.mark.parametrize("text", [
    "Clashes in the Sagaingx region were reported.",  # the article names no country: no guess
    "Jets struck the Zagaing region of Myanmar.",  # a wrong first letter is another name
    "Fighters of the Islamic state of Myanmar"])  # a capitalised word before "state" is not a division
def test_a_misspelling_is_not_guessed_without_the_article_s_country_and_the_first_letter(registries, text):
    assert not [kind for _, kind, _ in found(registries, text) if kind == "province"]


@pytest.mark.parametrize(("text", "seat", "lat", "lon"), [
    ("Mortars hit a market in Diyala province.", "Baqubah", 33.75, 44.61),  # not Khanaqin, its biggest town
    ("Troops cleared villages in Salahuddin province.", "Tikrit", 34.61, 43.68),
    ("Air strikes hit villages in Sagaing Region.", "Monywa", 22.11, 95.14),  # not Kale
    ("Gunmen stormed a school in Yobe state.", "Damaturu", 11.75, 11.96)])
def test_a_province_is_drawn_at_its_seat(registries, text, seat, lat, lon):
    province = next(m.place for m in registries.gazetteer.find(text) if m.place.kind == "province")
    assert abs(province.lat - lat) < 0.05 and abs(province.lon - lon) < 0.05, seat


def test_a_bare_province_name_stays_the_city(registries):
    assert found(registries, "Fighting in Aleppo and in Aleppo province") == [
        ("Aleppo", "city", "SY"), ("Aleppo Governorate", "province", "SY")]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [("shelling in the Donbass", "Donbas", "region"),
     ("villages of Jabal al-Zawiya", "Jabal al-Zawiya", "mountain"),
     ("across the Ghab plain", "Ghab Plain", "plain"),
     ("IS cells hid in the Hamrin mountains", "Hamrin Mountains", "mountain"),
     ("Yazidis fled to Mount Sinjar", "Sinjar Mountains", "region"),  # the curator's places.yml says region
     ("IS cells in the Makhmour mountains", "Qarachogh Mountain", "mountain"),
     ("villages in the Euphrates River valley", "Euphrates Valley", "valley"),
     ("the war in Darfur", "Darfur", "region"),
     ("militias in Ituri", "Ituri", "region"),
     ("jihadists in Liptako-Gourma", "Liptako-Gourma", "region"),
     ("the Syrian Desert", "Syrian Desert", "desert")],
)
def test_named_regions(registries, text, name, kind):
    assert [(n, k) for n, k, _c in found(registries, text)] == [(name, kind)]


def test_sites_are_placed_at_the_place_they_name_or_follow(registries):
    g = registries.gazetteer
    text = ("Iraqi forces reached the Baiji refinery on Saturday. Police stormed the al-Omari mosque in the southern "
            "city of Daraa. A bomb hit the district of Bab Hamid in Baghdad, and fighting raged in eastern Mosul.")
    matches = g.find(text)
    names = [(m.place.name, m.place.kind) for m in matches]
    assert names == [("Baiji Refinery", "site"), ("al-Omari Mosque, Daraa", "site"), ("Daraa", "city"),
                     ("Bab Hamid district, Baghdad", "district"), ("Baghdad", "city"), ("eastern Mosul", "district")]
    baiji, mosque, daraa = matches[0].place, matches[1].place, matches[2].place
    assert _km(baiji, g.get("Baiji")) < 10 and (mosque.lat, mosque.lon) == (daraa.lat, daraa.lon)  # the shipped site
    assert all(g.get(m.place.name) == m.place for m in matches)  # an entry's Places: line resolves back


def test_a_site_without_a_place_in_its_sentence_is_dropped(registries):
    assert found(registries, "Gunmen attacked the Hotel Qasr Amin on Friday.") == []
    assert found(registries, "Gunmen attacked the Hotel Sahafi in Mogadishu, Somalia.") == [
        ("Hotel Sahafi, Mogadishu", "site", "SO"), ("Mogadishu", "city", "SO")]


def test_neighbourhoods(registries):
    assert found(registries, "Rockets hit Tripoli's Qasr Hamid suburb, Libyan officials said.") == [
        ("Tripoli, Libya", "city", "LY"), ("Qasr Hamid, Tripoli, Libya", "neighbourhood", "LY")]
    # a quarter the shipped data knows is that quarter, at its own point
    assert found(registries, "Rockets hit Tripoli's Abu Salim suburb, Libyan officials said.") == [
        ("Tripoli, Libya", "city", "LY"), ("Abu Salim, Tripoli", "district", "LY")]
    assert ("Shaar, Aleppo", "neighbourhood", "SY") in found(registries, "Barrel bombs hit the Shaar neighbourhood in Aleppo.")


def test_a_site_named_after_a_far_city_is_not_placed_there(registries):
    # 'al-Quds' is also Jerusalem; in an Aleppo story the hospital is in Aleppo
    assert found(registries, "Air strikes destroyed the al-Quds hospital in Aleppo.") == [
        ("al-Quds Hospital, Aleppo", "site", "SY"), ("Aleppo", "city", "SY")]


def test_display_names_resolve_back_to_the_same_point(registries):
    g = registries.gazetteer
    for text in ("Shelling hit Tripoli, Libya.", "Shelling hit Tripoli, Lebanon.", "Talks opened in Geneva, Switzerland."):
        for match in g.find(text):
            assert g.get(match.place.name) == match.place
    assert g.get("Tripoli, Libya").country == "LY" and g.get("Tripoli").country == "LB"
    # a village abroad needs its country: a bare name (or a typo) is not taken for any village on earth
    assert g.get("Rutshuru") is None and g.get("Rutshuru, DR Congo").country == "CD"
    assert g.get("Atlantis") is None


@pytest.mark.parametrize(
    ("text", "codes"),
    [("Syrian troops entered Raqqa; Syria's army and Turkish forces, a Syrian official said.", ["SY", "TR"]),
     ("Yemeni forces and Yemen's separatists", ["YE"]),
     ("The DRC army and Congolese officials, and Rwanda", ["CD", "RW"]),
     ("Burma, also called Myanmar", ["MM"]),
     ("South Sudan and Sudan; Sudanese refugees", ["SD", "SS"]),
     ("Niger and Nigeria, Nigerien troops", ["NE", "NG"]),
     ("no country at all", [])],
)
def test_countries_named(text, codes):
    assert countries_named(text) == codes


def test_spelling_key_folds_turkish_letters():
    assert key("Şanlıurfa") == key("Sanliurfa")
    assert key("Bakır") != key("Bakr")  # the dotless i is a letter, not a gap


def test_names_inside_longer_names_are_not_places(registries):
    text = ("Troops entered Daraa al-Balad, Daily Sabah reported, as President Bashar al-Assad spoke to the Syrian "
            "Observatory for Human Rights and Mayadeen television. AFP PHOTO / BULENT KILIC")
    assert found(registries, text) == [("Daraa al-Balad", "district", "SY")]  # a shipped district


def test_a_town_abroad_followed_by_its_state(registries):
    assert found(registries, "Sgt Jane Roe, 24, of Cibolo, Texas, died in a US raid, the United States army said.") == [
        ("Cibolo, United States", "city", "US"), ("Texas State", "province", "US")]


@pytest.mark.parametrize("text", ["Shelling hit Bint Jbeil in southern Lebanon.",  # not Jbeil, which is Byblos
                                  "Militants loyal to Hamza Bin Laden attacked a base in Yemen."])
def test_a_name_after_bin_ibn_or_bint_is_no_town_of_its_own(registries, text):
    assert not [name for name, kind, _ in found(registries, text) if name in ("Byblos", "Laden")]


def test_a_mosque_named_after_a_person_stands_where_the_sentence_puts_it(registries):
    assert ("Abu Ubaidah Ibn al-Jarrah Mosque, Hama", "site", "SY") in found(
        registries, "The Abu Ubaidah Ibn al-Jarrah mosque north of Hama city was hit.")
