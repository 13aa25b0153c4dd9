"""Gazetteer and faction registry: spellings meet, aliases resolve, monitors are not actors, bad YAML is named."""

from __future__ import annotations

import pytest

from conflict_timeline.errors import RegistryError
from conflict_timeline.factions import load_factions
from conflict_timeline.gazetteer import key, read_places_yml


@pytest.mark.parametrize(
    ("spelling", "name"),
    [("Raqa", "Raqqa"), ("Ar Raqqah", "Raqqa"), ("RAQQA", "Raqqa"), ("Mayadeen", "Al Mayadin"), ("al-Mayadin", "Al Mayadin"),
     ("Deir Ezzor", "Deir ez-Zor"), ("Deir ez-Zor", "Deir ez-Zor"), ("Kobane", "Kobani"), ("KOBANE", "Kobani"),
     ("Menbij", "Manbij"), ("Jarablus", "Jarabulus"), ("Palmyra", "Palmyra"), ("Tadmur", "Palmyra"), ("Mosul", "Mosul")],
)
def test_spellings_meet(registries, spelling, name):
    assert registries.gazetteer.get(spelling).name == name


def test_key_is_spelling_tolerant():
    assert key("Ar Raqqah") == key("Raqa") == key("raqqa")
    assert key("Deir ez-Zor") == key("Deir Ezzor")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("fighting in Deir Ezzor province", ["Deir ez-Zor Governorate"]),
     ("the city of Deir Ezzor", ["Deir ez-Zor"]),
     ("Ali Hassan said in Tal Abyad that Khan Shaykhun was hit", ["Tal Abyad", "Khan Shaykhun"]),
     ("A source said. I think Center Main Road is calm", []),
     ("BEIRUT A car bomb", ["Beirut"])],
)
def test_find_in_text(registries, text, expected):
    assert [m.place.name for m in registries.gazetteer.find(text)] == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [("IS fighters and ISIS and Daesh", ["Islamic State"] * 3),
     ("this is what the army is", []),  # lower-case 'is' is never IS; 'the army' alone names nobody
     ("Syria’s Russian-backed army took the town", ["Syrian Arab Army"]),
     ("the Kurdish People's Protection Units (YPG)", ["People's Protection Units"] * 2),
     ("Hayat Tahrir al-Sham (HTS) and the jihadists", ["Hayat Tahrir al-Sham"] * 3),
     ("IS and HTS: the jihadists", ["Islamic State", "Hayat Tahrir al-Sham"]),  # claimed by both: nobody
     ("the jihadists", []),  # a generic phrase alone names nobody
     ("the Syrian Observatory for Human Rights said", ["Syrian Observatory for Human Rights"])],
)
def test_faction_mentions(registries, text, names):
    assert [m.faction.name for m in registries.factions.find(text)] == names


def test_monitor_is_not_an_actor(registries):
    sohr = registries.factions.get("Syrian Observatory for Human Rights")
    assert sohr.monitor and sohr not in registries.factions.actors


def test_registry_covers_the_main_actors(registries):
    for name in ("Islamic State", "Syrian Arab Army", "Syrian Democratic Forces", "People's Protection Units",
                 "US-led coalition", "Free Syrian Army", "Hayat Tahrir al-Sham", "Al-Nusra Front", "Hezbollah",
                 "Russian Armed Forces", "Turkish Armed Forces", "Iraqi Security Forces", "Popular Mobilization Forces",
                 "Peshmerga", "Kurdistan Workers' Party"):
        faction = registries.factions.get(name)
        assert faction is not None and faction.colour and faction.type, name
    assert registries.factions.get("People's Protection Units").parent == "Syrian Democratic Forces"


def test_unknown_actor_candidates(registries):
    text = "Fighters of the Liwa al-Qasas brigade and the Raqqa Hawks Brigade clashed with IS and the Syrian army."
    known = registries.factions.find(text)
    assert registries.factions.unknown_actors(text, known) == ["Liwa al-Qasas", "Raqqa Hawks Brigade"]


@pytest.mark.parametrize(
    ("yaml_text", "complaint"),
    [("factions: [", "not valid YAML"), ("- a\n- b\n", "top-level 'factions:'"),
     ("factions:\n  - name: A\n    colour: red\n", "colour 'red'"),
     ("factions:\n  - name: A\n    type: army\n", "type 'army'"),
     ("factions:\n  - name: A\n    parent: B\n", "parent 'B'"),
     ("factions:\n  - name: A\n  - name: A\n", "unique")],
)
def test_bad_faction_registry_is_named(tmp_path, yaml_text, complaint):
    path = tmp_path / "factions.yml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(RegistryError, match=complaint) as error:
        load_factions(path)
    assert str(path) in str(error.value)


def test_bad_places_file_is_named(tmp_path):
    path = tmp_path / "places.yml"
    path.write_text("places:\n  - name: Somewhere\n    lat: 1\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="Somewhere"):
        read_places_yml(path)
