"""Faction recognition beyond Syria and Iraq: the shipped starter registry, theatre-scoped generic names, units
and their parents, and the curator's registry winning over the starter. Texts are short wire-style lines written
for these tests."""

from __future__ import annotations

import pytest

from conflict_timeline.errors import RegistryError, SettingsError
from conflict_timeline.faction_loader import FACTION_TYPES, STARTER_PATH, contrast_with_white
from conflict_timeline.factions import load_factions
from conflict_timeline.settings import TimelineSettings

from conftest import ROOT

CURATED = ROOT / "content" / "data" / "factions.yml"


def names(registries, text, theatre=(), named=()):
    return [m.faction.name for m in registries.factions.find(text, named=named, theatre=theatre)
            if not m.faction.monitor]


# --- the starter registry ------------------------------------------------------------------------------------------

def test_starter_registry_is_valid_and_looks_right_beside_the_curated_one():
    starter = load_factions(STARTER_PATH)
    merged = load_factions(CURATED, starter=True)
    for faction in starter.factions:
        assert faction.type in FACTION_TYPES and faction.description and faction.theatre, faction.name
        assert faction.colour and contrast_with_white(faction.colour) >= 4.5, faction.name
    colours = [f.colour.lower() for f in merged.factions if f.colour]
    assert len(colours) == len(set(colours)), "two factions of the merged registry share a colour"


@pytest.mark.parametrize("name", [
    "Houthis", "Yemeni government forces", "Saudi-led coalition", "Southern Transitional Council",
    "Security Belt Forces", "United Arab Emirates armed forces", "Al-Qaeda in the Arabian Peninsula",
    "Government of National Accord forces", "Libyan National Army", "Wagner Group", "Ukrainian Armed Forces",
    "Russian Armed Forces", "Pro-Russian separatists", "Taliban", "Afghan National Security Forces", "Afghan Air Force",
    "Afghan National Police", "National Directorate of Security", "Islamic State Khorasan Province",
    "United States Armed Forces", "Malian Armed Forces", "Jama'at Nasr al-Islam wal Muslimin",
    "Islamic State Sahel Province", "French armed forces", "MINUSMA", "G5 Sahel Joint Force", "Nigerian Army",
    "Boko Haram", "Islamic State West Africa Province", "Civilian Joint Task Force", "Al-Shabaab",
    "Somali security forces", "AMISOM", "Sudanese Armed Forces", "Rapid Support Forces", "Myanmar military",
    "People's Defence Force", "Kachin Independence Army", "Arakan Army", "Myanmar National Democratic Alliance Army",
    "Ta'ang National Liberation Army", "Armed Forces of the DRC", "M23", "Allied Democratic Forces", "MONUSCO",
    "Israel Defense Forces", "Hamas", "Palestinian Islamic Jihad", "Ethiopian National Defense Force",
    "Tigray People's Liberation Front", "Fano"])
def test_starter_covers_the_main_actors_of_recent_wars(registries, name):
    assert registries.factions.get(name) is not None


@pytest.mark.parametrize(("text", "expected"), [
    ("Houthi rebels fired a missile at Marib on Sunday.", ["Houthis"]),
    ("Ansar Allah said its forces downed a drone.", ["Houthis"]),
    ("Haftar's Libyan National Army shelled the airport.", ["Libyan National Army"]),
    ("The Tatmadaw bombed a village in Sagaing.", ["Myanmar military"]),
    ("Fighters of the People's Defense Force ambushed a convoy.", ["People's Defence Force"]),
    ("Al Shabaab claimed the attack on the hotel.", ["Al-Shabaab"]),
    ("ISWAP fighters overran a base near Monguno.", ["Islamic State West Africa Province"]),
    ("FARDC soldiers retook the town from the M23.", ["Armed Forces of the DRC", "M23"]),
])
def test_other_wars_are_named(registries, text, expected):
    assert names(registries, text) == expected


# --- generic names resolve to the theatre's actor --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "theatre", "expected"), [
    ("Government forces shelled the port on Tuesday.", ("YE",), ["Yemeni government forces"]),
    ("Government forces shelled the port on Tuesday.", ("SD",), ["Sudanese Armed Forces"]),
    ("Government forces shelled the port on Tuesday.", ("SY", "TR"), ["Syrian Arab Army"]),
    ("Government forces shelled the port on Tuesday.", ("IQ",), ["Iraqi Security Forces"]),
    ("Government forces shelled the port on Tuesday.", (), []),  # no theatre, nobody named: evidence of nothing
    ("Rebels fired rockets at the airport.", ("SY",), ["Syrian rebels"]),
    ("Rebels fired rockets at the airport.", ("YE",), ["Houthis"]),
    ("Rebels fired rockets at the airport.", ("UA",), ["Pro-Russian separatists"]),
    ("Rebels fired rockets at the airport.", ("MM",), []),  # several ethnic armed groups could be meant
    ("Separatists took over the government compound in Aden.", ("YE",), ["Southern Transitional Council"]),
    ("The junta's jets bombed a school.", ("MM",), ["Myanmar military"]),
    ("Resistance forces seized the police station.", ("MM",), ["People's Defence Force"]),
    ("Opposition fighters pulled out of the town.", ("SY",), ["Syrian rebels"]),
    ("Security forces opened fire on the crowd.", ("SY",), ["Syrian security forces"]),
    ("Regime forces advanced overnight.", ("SY",), ["Syrian Arab Army"]),
    ("Regime forces advanced overnight.", ("MM",), ["Myanmar military"]),  # an alias both wars' registries claim
    # "the army" also owns what it is written before: an army camp, army positions
    ("Gunmen stormed an army camp at dawn.", ("ML",), ["Malian Armed Forces"]),
    ("A bomber struck an army checkpoint.", ("SY",), ["Syrian Arab Army"]),
    ("Free Syrian Army positions came under fire.", ("SY",), ["Free Syrian Army"]),  # not the Syrian army's
])
def test_generic_phrases_resolve_to_the_theatres_actor(registries, text, theatre, expected):
    assert names(registries, text, theatre) == expected


def test_without_a_theatre_the_named_factions_imply_one(registries):
    assert names(registries, "The Houthis said government forces shelled the port.") == [
        "Houthis", "Yemeni government forces"]
    assert names(registries, "Kachin Independence Army fighters and the junta clashed.") == [
        "Kachin Independence Army", "Myanmar military"]
    # the Islamic State fights in Syria and Iraq: naming it alone implies neither, so the police stay unattributed
    assert names(registries, "Islamic State militants bombed a market; policemen were among the dead.") == [
        "Islamic State"]


def test_the_named_factions_put_their_country_first(registries):
    text = "Rebels and jihadists clashed with Hayat Tahrir al-Sham near Hama, a monitor in Beirut said."
    assert names(registries, text, ("LB", "SY")) == ["Syrian rebels", "Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"]
    # a faction of several wars decides nothing: the Lebanese army is nobody's generic here
    assert names(registries, "The army fought Islamic State militants near Arsal.", ("LB", "SY")) == ["Islamic State"]


def test_a_named_claimant_wins_over_the_theatre(registries):
    text = "The ADF attacked a village; the rebels then withdrew into the forest."
    assert names(registries, text, ("CD",)) == ["Allied Democratic Forces", "Allied Democratic Forces"]
    both = "M23 and ADF fighters clashed; the rebels lost ground."
    assert names(registries, both, ("CD",)) == ["M23", "Allied Democratic Forces"]  # two named claimants: nobody


def test_country_phrases_are_plain_aliases(registries):
    for text, name in (("Iraqi troops entered the district.", "Iraqi Security Forces"),
                       ("Afghan forces repelled the attack.", "Afghan National Security Forces"),
                       ("Malian soldiers were killed.", "Malian Armed Forces"),
                       ("Congolese troops shelled the hills.", "Armed Forces of the DRC"),
                       ("Nigerian soldiers repelled the raid.", "Nigerian Army")):
        assert names(registries, text) == [name]


@pytest.mark.parametrize(("text", "theatre", "expected"), [
    ("Free Syrian Army rebels took the hill.", ("SY",), ["Free Syrian Army"]),
    ("YPG militia and IS jihadists clashed.", ("SY",), ["People's Protection Units", "Islamic State"]),
    ("M23 rebels withdrew from Bunagana.", ("CD",), ["M23"]),
    ("Turkish-backed Syrian opposition forces captured the village.", ("SY",), ["Syrian National Army"]),
    ("Turkey-backed rebels and Turkish-backed rebels advanced.", ("SY",), ["Syrian National Army"] * 2),
    ("the Free Syrian Army said", ("SY",), ["Free Syrian Army"]),
    ("The Syrian Observatory said rebels retreated.", ("SY",), ["Syrian rebels"]),
    ("A source at the Aleppo Police Command said shells fell.", ("SY",), []),  # inside a name
    ("A bomb hit a police station in the capital.", ("SY",), []),  # a building, not an actor
    ("Turkish police detained two men; Lebanese soldiers stood by.", ("SY",), []),  # another country's
    ("Taliban police stopped the convoy.", ("AF",), ["Taliban"]),
    ("Rebels of the Free Syrian Army said their positions were hit.", ("SY",), ["Free Syrian Army"]),
])
def test_a_head_noun_or_a_larger_name_adds_no_second_faction(registries, text, theatre, expected):
    assert names(registries, text, theatre) == expected


@pytest.mark.parametrize(("text", "theatre", "expected"), [
    ("SNA troops retook the district.", ("SO",), ["Somali security forces"]),
    ("SNA troops retook the district.", ("SY",), ["Syrian National Army"]),
    ("SNA troops retook the district.", (), ["Syrian National Army"]),  # the curator's entry comes first
    ("Islamic State fighters attacked a mosque.", ("AF",), ["Islamic State Khorasan Province"]),
    ("Islamic State fighters attacked a mosque.", ("NG",), ["Islamic State West Africa Province"]),
    ("Islamic State fighters attacked a mosque.", ("IQ",), ["Islamic State"]),
    ("Coalition warplanes struck the port.", ("YE",), ["Saudi-led coalition"]),
    ("Coalition warplanes struck the port.", ("SY",), ["US-led coalition"]),
])
def test_an_alias_two_factions_share_goes_by_theatre(registries, text, theatre, expected):
    assert names(registries, text, theatre) == expected


@pytest.mark.parametrize(("text", "theatre", "expected"), [
    ("The RSF shelled El Fasher.", ("SD",), ["Rapid Support Forces"]),
    ("Reporters Without Borders (RSF) condemned the arrest.", ("SY",), []),
    ("The Rapid Support Forces (RSF) said the RSF holds the camp.", (), ["Rapid Support Forces"] * 3),
    ("Download the PDF of the report.", ("SY",), []),
    ("Two soldiers were listed as KIA.", ("SY",), []),
    ("the rsf and the pdf", ("SD",), []),  # all-capital aliases match only in capitals
])
def test_ambiguous_acronyms_count_only_in_their_war(registries, text, theatre, expected):
    assert names(registries, text, theatre) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Hezbollah's fighters and the SDF's units advanced.", ["Hezbollah", "Syrian Democratic Forces"]),
    ("the Kurdish Peoples Protection Units and Kataib Hezbollah", ["People's Protection Units", "Kata'ib Hezbollah"]),
    ("IS's last stronghold fell.", ["Islamic State"]),
])
def test_possessives_and_lost_apostrophes(registries, text, expected):
    assert names(registries, text) == expected


def test_forces_loyal_to_a_leader(registries):
    assert names(registries, "Forces loyal to President Bashar al-Assad advanced.") == ["Syrian Arab Army"]
    text = "Troops loyal to Fayez al-Serraj's UN-backed Government of National Accord held the line."
    assert names(registries, text) == ["Government of National Accord forces"]


def test_shared_head_nouns_name_both(registries):
    text = "Russian and Syrian warplanes pounded the town."
    assert names(registries, text, ("SY",)) == ["Russian Aerospace Forces", "Syrian Air Force"]


def test_a_group_described_by_its_parent_names_no_parent(registries):
    assert names(registries, "Al-Shabaab, which is linked to al-Qaeda, claimed it.", ("SO",)) == ["Al-Shabaab"]
    assert names(registries, "HTS, a former al-Qaeda affiliate, denied it.", ("SY",)) == ["Hayat Tahrir al-Sham"]
    assert names(registries, "Al-Qaeda fighters attacked the town.", ("SY",)) == ["Al-Qaeda"]


# --- units and their parents -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "unit", "parent"), [
    ("The Golden Division entered the old city.", "Counter Terrorism Service", "Iraqi Security Forces"),
    ("Iraqi police manned the checkpoint.", "Iraqi Police", "Iraqi Security Forces"),
    ("The Afghan air force bombed Taliban positions.", "Afghan Air Force", "Afghan National Security Forces"),
    ("The NDS said it arrested two men.", "National Directorate of Security", "Afghan National Security Forces"),
    ("Russian warplanes struck the town.", "Russian Aerospace Forces", "Russian Armed Forces"),
    ("Syrian helicopters dropped barrel bombs.", "Syrian Air Force", "Syrian Arab Army"),
    ("Syrian police fired on protesters.", "Syrian security forces", "Syrian Arab Army"),
])
def test_units_are_filed_with_their_parent(registries, text, unit, parent):
    found = names(registries, text, ("AF",) if "Afghan" in text or "NDS" in text else ())
    assert unit in found and parent not in found
    assert registries.factions.with_parents([unit]) == [unit, parent]


def test_affiliates_are_not_units(registries):
    assert registries.factions.with_parents(["People's Protection Units", "Al-Nusra Front", "Islamic State"]) == [
        "People's Protection Units", "Al-Nusra Front", "Islamic State"]
    assert registries.factions.with_parents(["Afghan Air Force", "Afghan National Security Forces", "Taliban"]) == [
        "Afghan Air Force", "Afghan National Security Forces", "Taliban"]


# --- what stays true -----------------------------------------------------------------------------------------------

def test_monitors_and_lower_case_words_are_never_actors(registries):
    text = "It is what it is, the Syrian Observatory for Human Rights said; this is no aa battery."
    assert names(registries, text, ("SY",)) == []
    assert [m.faction.name for m in registries.factions.find(text)] == ["Syrian Observatory for Human Rights"]


def test_unknown_actor_candidates_with_the_starter_loaded(registries):
    text = "The Kawlin Brigade and the Houthis clashed; the Zaraniq Tribal Forces joined them."
    known = registries.factions.find(text, theatre=("YE",))
    assert registries.factions.unknown_actors(text, known) == ["Kawlin Brigade", "Zaraniq Tribal Forces"]


# --- settings and the curator's registry ------------------------------------------------------------------------------

def test_a_theatre_selection_keeps_its_factions_and_their_parents():
    yemen = TimelineSettings.from_mapping({"PATH": str(ROOT / "content"), "TIMELINE_STARTER_FACTIONS": ["YE"]})
    registry = load_factions(yemen.factions_path, yemen.starter_factions)
    assert registry.get("Houthis") and registry.get("Security Belt Forces") and not registry.get("Taliban")
    assert registry.get("Al-Qaeda in the Arabian Peninsula").parent == "Al-Qaeda"
    none = load_factions(CURATED, False)
    assert none.get("Houthis") is None and none.get("Syrian Arab Army") is not None


@pytest.mark.parametrize("value", ["YE", ["ye"], ["YEM"], 3, None, [1]])
def test_starter_setting_is_validated(value):
    with pytest.raises(SettingsError, match="TIMELINE_STARTER_FACTIONS"):
        TimelineSettings.from_mapping({"PATH": "content", "TIMELINE_STARTER_FACTIONS": value})


def test_the_curators_entry_wins_and_can_switch_one_off(tmp_path):
    path = tmp_path / "factions.yml"
    path.write_text(
        "factions:\n"
        "  - name: Houthis\n    aliases: [Ansarullah fighters]\n    colour: '#123456'\n    theatre: [YE]\n"
        "  - name: Al-Qaeda\n    disabled: true\n"
        "  - name: Wagner Group\n    disabled: true\n", encoding="utf-8")
    registry = load_factions(path, starter=True)
    assert registry.get("Houthis").colour == "#123456" and registry.get("Houthis").aliases == ("Ansarullah fighters",)
    assert [m.faction.name for m in registry.find("Ansarullah fighters and Ansar Allah")] == ["Houthis"]
    assert registry.get("Wagner Group") is None and registry.get("Al-Qaeda") is None
    assert registry.get("Al-Shabaab").parent is None  # its parent was switched off


@pytest.mark.parametrize(("yaml_text", "complaint"), [
    ("factions:\n  - name: A\n    theatre: [Syria]\n", "theatre"),
    ("factions:\n  - name: A\n    unit: true\n", "unit"),
    ("factions:\n  - name: A\n    alias: [B]\n", "unknown key 'alias'"),
    ("factions:\n  - name: A\n  - name: A\n    disabled: true\n", "unique"),
])
def test_bad_new_fields_are_named(tmp_path, yaml_text, complaint):
    path = tmp_path / "factions.yml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(RegistryError, match=complaint) as error:
        load_factions(path, starter=True)
    assert str(path) in str(error.value)
