"""Factions in reports of other wars, with the default settings (the curator's registry over the whole starter): a
curator's entry that extends the starter's, the common ways reporters name these actors, the actors of the Sahel,
Libya, Yemen, Somalia and Myanmar the starter lacked, unknown-actor candidates and a speaker who is not an actor.
Texts are short wire-style lines written for these tests."""

from __future__ import annotations

import pytest

from conflict_timeline.errors import RegistryError
from conflict_timeline.factions import load_factions

from conftest import ROOT

CURATED = ROOT / "content" / "data" / "factions.yml"


def names(registries, text, theatre=()):
    return [m.faction.name for m in registries.factions.find(text, theatre=theatre) if not m.faction.monitor]


# --- a curator's entry of a starter faction's name --------------------------------------------------------------------

def test_an_extending_entry_keeps_the_starters_aliases_and_countries(tmp_path):
    path = tmp_path / "factions.yml"
    path.write_text(
        "factions:\n"
        "  - name: Russian Armed Forces\n    extend: true\n    aliases: [Russian paratroopers]\n"
        "    theatre: [SY]\n    colour: '#123456'\n    description: Russia's forces in Syria.\n"
        "  - name: Houthis\n    aliases: [Ansarullah fighters]\n", encoding="utf-8")
    registry = load_factions(path, starter=True)
    russia = registry.get("Russian Armed Forces")
    assert russia.aliases[0] == "Russian paratroopers" and "Russian missiles" in russia.aliases
    assert russia.theatre == ("SY", "UA")  # the curator's countries first
    assert (russia.colour, russia.description) == ("#123456", "Russia's forces in Syria.")
    assert russia.type == "foreign state forces"  # a key the entry leaves out is the starter's
    assert [m.faction.name for m in registry.find("Russian paratroopers landed; Russian shelling went on.")] == [
        "Russian Armed Forces", "Russian Armed Forces"]
    # without `extend` the curator's entry still replaces the starter's whole
    assert registry.get("Houthis").aliases == ("Ansarullah fighters",)
    # with the starter off there is nothing to extend
    assert load_factions(path, starter=False).get("Russian Armed Forces").aliases == ("Russian paratroopers",)


def test_extend_must_be_true_or_false(tmp_path):
    path = tmp_path / "factions.yml"
    path.write_text("factions:\n  - name: Houthis\n    extend: 'yes'\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="'extend' must be true or false"):
        load_factions(path, starter=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian missiles hit a power plant near Kharkiv overnight.", ["Russian Armed Forces"]),
    ("Russian shelling killed two people in Kherson on Tuesday.", ["Russian Armed Forces"]),
    ("Russian occupation forces detained the town's mayor.", ["Russian Armed Forces"]),
    ("Russian invasion forces crossed the border before dawn.", ["Russian Armed Forces"]),
])
def test_the_curated_russian_entry_keeps_the_starters_aliases(registries, text, expected):
    assert names(registries, text, ("UA",)) == expected


def test_the_curated_us_entry_keeps_its_description_and_gains_the_starters_countries(registries):
    us = registries.factions.get("United States Armed Forces")
    assert {"SO", "YE"} <= set(us.theatre) and us.theatre[:2] == ("SY", "IQ")
    assert "Islamic State" in us.description and "coalition air campaign" in us.description  # the curator's words


# --- how reporters name them -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "theatre", "expected"), [
    ("The United States military said it carried out the raid near Jilib.", ("SO",), ["United States Armed Forces"]),
    ("U.S. Africa Command (AFRICOM) said the strike killed four fighters.", ("SO",),
     ["United States Armed Forces", "United States Armed Forces"]),
    ("A US airstrike hit a vehicle south of the capital on Friday.", ("SO",), ["United States Armed Forces"]),
    ("An American drone strike killed two men in Marib.", ("YE",), ["United States Armed Forces"]),
    ("A Russian missile struck an apartment block in Dnipro.", ("UA",), ["Russian Armed Forces"]),
    ("Russian occupiers shelled the village again overnight.", ("UA",), ["Russian Armed Forces"]),
    ("Backed by Russian air power, government troops pushed into the town.", ("SY",),
     ["Russian Aerospace Forces", "Syrian Arab Army"]),
    ("Troops allied to the Tripoli-based government pushed the attackers back.", ("LY",),
     ["Government of National Accord forces"]),
    ("Fighters aligned with the GNA retook the crossroads south of the city.", ("LY",),
     ["Government of National Accord forces"]),
    ("GNU forces clashed with a rival armed group in the capital.", ("LY",), ["Government of National Accord forces"]),
    ("Haftar-led forces shelled the airport overnight.", ("LY",), ["Libyan National Army"]),
    ("A Houthi-led assault on the port was repelled, officials said.", ("YE",), ["Houthis"]),
    ("Israel's military said it struck a rocket launcher in the north.", ("PS",), ["Israel Defense Forces"]),
    ("An Israeli helicopter strike killed two men in the camp.", ("PS",), ["Israel Defense Forces"]),
    ("Opposition factions shelled a government-held district of the city.", ("SY",), ["Syrian rebels"]),
    ("NUG forces said they had seized a police station.", ("MM",), ["People's Defence Force"]),
])
def test_common_phrasings_name_the_actor(registries, text, theatre, expected):
    assert names(registries, text, theatre) == expected


@pytest.mark.parametrize(("text", "theatre", "expected"), [
    ("Isis fighters attacked a checkpoint west of the city at dawn.", ("IQ",), ["Islamic State"]),
    ("The offensive against Isis entered its third week on Monday.", ("IQ",), ["Islamic State"]),
    ("The Isis militants withdrew towards the desert.", ("SY",), ["Islamic State"]),
    ("Iswap fighters overran a military base in Borno state.", ("NG",), ["Islamic State West Africa Province"]),
    ("Isis-K claimed the bombing at the airport.", ("AF",), ["Islamic State Khorasan Province"]),
    # a person's name, the goddess, a temple's name: not the group named beside them
    ("The nurse, Isis Moreno, said Isis fighters had shelled the clinic.", ("SY",), ["Islamic State"]),
    ("A statue of the goddess Isis survived; Isis fighters had smashed the rest.", ("IQ",), ["Islamic State"]),
    ("Tourists once queued at the Temple of Isis, before Isis seized the town.", ("IQ",), ["Islamic State"]),
    ("His sister, Lady Isis, said it is what it is and that Isis had held the village.", ("SY",), ["Islamic State"]),
])
def test_title_case_acronyms_and_names_that_are_not_them(registries, text, theatre, expected):
    assert names(registries, text, theatre) == expected


def test_a_plural_proper_name_keeps_its_s(registries):
    # the singular reading is for descriptive aliases only: "Hamas" is no "Hama"
    assert names(registries, "Shells fell on Hama; Hamas fighters crossed the fence; a Hamas rocket fell short.",
                 ("PS",)) == ["Hamas", "Hamas"]
    assert names(registries, "Russian airstrike and US strike", ("SY",)) == [
        "Russian Aerospace Forces", "United States Armed Forces"]


# --- actors the starter lacked ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "theatre", "expected"), [
    ("Burkinabe soldiers repelled an attack on a base near Djibo.", ("BF",), ["Armed Forces of Burkina Faso"]),
    ("Volunteers for the Defence of the Homeland fought alongside the army near Kaya.", ("BF",),
     ["Volunteers for the Defence of the Homeland", "Armed Forces of Burkina Faso"]),
    ("Nigerien troops said they had killed several attackers near Tillaberi.", ("NE",), ["Niger Armed Forces"]),
    ("The CSP-DPA said its fighters shot down a drone near Kidal.", ("ML",),
     ["Strategic Framework for the Defence of the People of Azawad"]),
    ("The Coordination of Azawad Movements (CMA) accused the army of breaking the truce.", ("ML",),
     ["Coordination of Azawad Movements", "Coordination of Azawad Movements", "Malian Armed Forces"]),
    ("Africa Corps troops arrived at the airport in Bamako.", ("ML",), ["Africa Corps"]),
    ("Kenyan troops serving with the African Union killed militants near Kismayo.", ("SO",),
     ["Kenya Defence Forces", "Al-Shabaab"]),
    ("The Karenni Nationalities Defence Force said it seized an army post.", ("MM",),
     ["Karenni Nationalities Defence Force", "Myanmar military"]),
    ("The Karen National Liberation Army overran a junta outpost near the border.", ("MM",),
     ["Karen National Liberation Army", "Myanmar military"]),
    ("The Derna Protection Force, formerly the Derna Mujahideen Shura Council, fought the LNA.", ("LY",),
     ["Derna Protection Force", "Derna Protection Force", "Libyan National Army"]),
    ("The UAE-backed Giants Brigades, known as al-Amaliqa, advanced in Shabwa.", ("YE",),
     ["Giants Brigades", "Giants Brigades"]),
    ("The SPLM-N shelled the outskirts of Kadugli.", ("SD",), ["Sudan People's Liberation Movement-North"]),
    ("The National Resistance Front said it ambushed a Taliban patrol.", ("AF",),
     ["National Resistance Front of Afghanistan", "Taliban"]),
    ("Officials blamed the Haqqani network for the bombing.", ("AF",), ["Haqqani Network"]),
])
def test_actors_the_starter_lacked(registries, text, theatre, expected):
    assert names(registries, text, theatre) == expected


def test_new_units_and_affiliates_have_their_parents(registries):
    assert registries.factions.with_parents(["Africa Corps"]) == ["Africa Corps", "Russian Armed Forces"]
    assert registries.factions.get("Volunteers for the Defence of the Homeland").parent == "Armed Forces of Burkina Faso"
    assert registries.factions.get("Haqqani Network").parent == "Taliban"


def test_ambiguous_new_acronyms_count_only_in_their_war(registries):
    text = "The CMA fined the firm; the KDF and the GNU were mentioned in the report."
    assert names(registries, text, ("GB",)) == []
    assert names(registries, "KDF soldiers patrolled the border.", ("SO",)) == ["Kenya Defence Forces"]


# --- unknown actors --------------------------------------------------------------------------------------------------

def test_unknown_actor_names_ending_in_force_framework_network(registries):
    text = ("The Wadi Zarqa Protection Force and the Tessit Self-Defence Network claimed the ambush; the Gao Patriotic "
            "Framework denied any role. The Air Force said it flew no sorties, the Deir Hafer Revolution Coordination "
            "posted photos, the Sham Horizon News Network filmed the convoy and the UN Office for the Coordination of "
            "Humanitarian Affairs said aid was blocked.")
    known = registries.factions.find(text, theatre=("ML",))
    # not an outlet, an activists' committee, the air force of the story's own war or a name that goes on
    assert registries.factions.unknown_actors(text, known) == [
        "Wadi Zarqa Protection Force", "Tessit Self-Defence Network", "Gao Patriotic Framework"]


# --- which war the named factions point to ---------------------------------------------------------------------------

def test_a_faction_named_often_gets_one_vote_for_the_theatre(registries):
    text = ("Israeli airstrikes hit two villages near Quneitra on Wednesday. Israeli strikes also hit a car, and Israeli "
            "drones circled overhead. Five pro-regime forces and a National Defence Forces commander were killed.")
    # the article names Israel first; the Syrian militia, named once, still makes "pro-regime forces" Syria's army
    assert names(registries, text, ("IL", "SY")) == [
        "Israel Defense Forces", "Israel Defense Forces", "Israel Defense Forces", "Syrian Arab Army",
        "National Defence Forces"]


# --- a speaker is not an actor ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "theatre", "expected"), [
    ("A Somali military officer, Captain Ali Nur, said the fighters fled.", ("SO",), []),
    ("Al-Shabaab fighters stormed the town, a Somali army officer told reporters.", ("SO",), ["Al-Shabaab"]),
    ("The jihadists withdrew at dusk, according to a Malian army officer.", ("ML",), []),
    ("Two Nigerian military officials said the base was overrun by ISWAP.", ("NG",),
     ["Islamic State West Africa Province"]),
    # the force is involved when its officer is hurt, or when it is named again
    ("A Somali army officer was killed in the blast, a Somali military official said.", ("SO",),
     ["Somali security forces"]),
    ("A Somali army officer said Somali troops retook the village.", ("SO",), ["Somali security forces"]),
])
def test_a_source_attribution_names_no_actor(registries, text, theatre, expected):
    assert names(registries, text, theatre) == expected


def test_a_sports_club_named_like_a_group_is_no_actor(registries):
    text = "Militants beheaded three members of the al-Shabab team in Raqqa, a monitor said."
    assert "Al-Shabaab" not in names(registries, text, ("SY",))
