"""The original seed (an AFP story datelined KOBANE) comes out as a careful human would write it."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_timeline.entries import render
from conflict_timeline.extract import extract
from conflict_timeline.seeds import read_seed

from conftest import ROOT

SEED = ROOT / "seeds" / "000_58b2e9f6377aac77.txt"


@pytest.fixture(scope="module")
def result(registries):
    return extract(read_seed(SEED), registries, "0" * 16)


def test_seed_is_the_original_unchanged():
    original = ROOT.parent / "shared" / "seed" / SEED.name
    if not original.exists():
        pytest.skip("shared/seed is not beside the checkout")
    assert SEED.read_bytes() == original.read_bytes()


def test_title_source_and_body_without_furniture(result):
    entry = result.entry
    assert entry.title == "Dozens of IS fighters surrender as Raqa’s fall nears"
    assert [s.name for s in entry.sources] == ["Agence France-Presse"]
    assert entry.body.startswith("Dozens of Islamic State (IS) group fighters have surrendered")
    for furniture in ("AI generated summarization", "Add a comment", "Sort by", "There are no comments yet",
                      "Summarize this article with AI", "KOBANE, Syria –"):
        assert furniture not in entry.body
    assert entry.body.count("Dozens of IS fighters surrender as Raqa’s fall nears") == 0
    assert not entry.body.rstrip().endswith("–")
    assert entry.body.rstrip().endswith("in the Euphrates River valley.")


def test_date_is_saturday_14_october_2017(result):
    assert result.date.value == dt.date(2017, 10, 14)
    assert result.date.precision == "day"
    assert result.date.evidence == "Saturday, October 14"
    assert result.date.warnings == ()


def test_places_with_roles_and_one_name_per_place(result):
    roles = {m.place.name: m.role for m in result.places}
    assert roles == {"Raqqa": "primary", "Al Mayadin": "mentioned", "Deir ez-Zor Governorate": "mentioned",
                     "Mosul": "mentioned", "Kobani": "dateline",
                     "Euphrates Valley": "mentioned"}
    raqqa = next(m.place for m in result.places if m.place.name == "Raqqa")
    assert (round(raqqa.lat, 1), round(raqqa.lon, 1), raqqa.country) == (36.0, 39.0, "SY")
    assert result.entry.dateline == "Kobani"
    assert "Kobani" not in result.entry.places


def test_factions_and_not_the_monitor(result):
    assert set(result.entry.factions) == {"Islamic State", "Syrian Democratic Forces", "People's Protection Units",
                                          "US-led coalition", "Syrian Arab Army", "Syrian rebels"}
    monitors = {m.faction.name for m in result.factions if m.faction.monitor}
    assert "Syrian Observatory for Human Rights" not in result.entry.factions
    assert monitors == {"Syrian Observatory for Human Rights"}


def test_secondary_events_are_drafts(result):
    events = {(e.entry.title, e.date.iso, e.date.precision, e.entry.status) for e in result.events}
    assert events == {
        ("Syrian Arab Army captured Al Mayadin", "2017-10-14", "day", "draft"),
        ("Syrian Democratic Forces broke into Raqqa", "2017-06", "month", "draft"),
        ("Islamic State captured Raqqa", "2014", "year", "draft"),
    }


def test_evidence_names_the_words(result):
    evidence = {e.label: e.words for e in result.entry.evidence}
    assert evidence["date"] == "Saturday, October 14"
    assert evidence["Raqqa"] == "Raqa"
    assert evidence["Al Mayadin"] == "Mayadeen"
    assert evidence["Deir ez-Zor Governorate"] == "Deir Ezzor province"
    assert "Daesh" in evidence["Islamic State"] and "the jihadists" in evidence["Islamic State"]
    assert evidence["Syrian Arab Army"].startswith("Syria’s army")
    assert evidence["People's Protection Units"] == "Kurdish People’s Protection Units"


def test_entry_markdown_matches_golden(result, golden):
    golden("seed-entry.md", render(result.entry))
    golden("seed-events.md", "\n----\n".join(render(e.entry) for e in result.events))
