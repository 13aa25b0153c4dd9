"""Entry <-> Markdown: fixed key order, round trip, ownership hash, escaping of seed text."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_timeline.entries import escape_markdown, is_untouched, parse, render, slugify
from conflict_timeline.errors import EntryError
from conflict_timeline.models import Entry, Evidence, Source

ENTRY = Entry(
    title="Syrian army captures Mayadin", date=dt.date(2017, 10, 14), precision="day",
    places=("Al Mayadin", "Deir ez-Zor Governorate"), dateline="Beirut", factions=("Syrian Arab Army", "Islamic State"),
    event_type="Battles", sources=(Source("Reuters", "https://example.org/a?b=1"), Source("Agence France-Presse")),
    status="draft", summary="Government forces took the town.",
    evidence=(Evidence("date", "on Saturday"), Evidence("Al Mayadin", "Mayadeen, al-Mayadin")),
    warnings=("weekday mismatch: x",), seed="a.txt", seed_hash="abc", slug="2017-10-14-x", body="Body *text*.\n\nMore.",
)


def test_round_trip_is_identity():
    assert parse(render(ENTRY)) == ENTRY


@pytest.mark.parametrize("precision,date,written", [("month", dt.date(2017, 6, 1), "2017-06"), ("year", dt.date(2014, 1, 1), "2014")])
def test_coarse_dates_are_written_at_their_precision(precision, date, written):
    entry = Entry(title="t", date=date, precision=precision)
    text = render(entry)
    assert f"Date: {written}\n" in text
    assert parse(text) == entry


def test_keys_in_fixed_order():
    keys = [line.split(":")[0] for line in render(ENTRY).split("\n\n")[0].splitlines()]
    assert keys == ["Title", "Date", "Precision", "Status", "Event", "Places", "Dateline", "Factions", "Sources",
                    "Summary", "Evidence", "Warnings", "Seed", "Seed-Hash", "Slug", "Entry-Hash"]


def test_hash_detects_any_edit():
    text = render(ENTRY)
    assert is_untouched(text)
    assert not is_untouched(text.replace("Status: draft", "Status: published"))
    assert not is_untouched(text + "A curator's note.\n")


def test_hand_written_entry_minimal():
    entry = parse("Title: Syrian army captures Mayadin\nDate: 2017-10-14\nPlaces: Mayadin\n"
                  "Factions: Syrian Arab Army; Islamic State\n\nBody text in Markdown.\n")
    assert entry.places == ("Mayadin",) and entry.factions == ("Syrian Arab Army", "Islamic State")
    assert entry.precision == "day" and entry.status == "published" and entry.body == "Body text in Markdown."
    assert not is_untouched("Title: x\nDate: 2017\n")  # no hash: not ours


@pytest.mark.parametrize(
    "text,complaint",
    [("Date: 2017-10-14\n\nx", "Title"), ("Title: x\nDate: 14/10/2017\n\nx", "Date"),
     ("Title: x\nDate: 2017\nPrecision: week\n\nx", "Precision"), ("Title: x\nDate: 2017\nStatus: maybe\n\nx", "Status"),
     ("Title: x\nDate: 2017\nEvent: Skirmish\n\nx", "Event")],
)
def test_invalid_entries_name_the_field(text, complaint):
    with pytest.raises(EntryError, match=complaint) as error:
        parse(text, "content/timeline/x.md")
    assert "content/timeline/x.md" in str(error.value)


def test_an_entry_without_a_date_waits_for_one(tmp_path, registries):
    """No Date: line is no error in the file (the importer writes such entries), but `timeline check` lists it and
    the build leaves it out until a curator dates it."""
    from conflict_timeline.checker import check_content

    entry = parse("Title: Army takes Manbij\nStatus: draft\n\nText.")
    assert entry.date is None and entry.iso_date == ""
    (tmp_path / "timeline" / "undated").mkdir(parents=True)
    (tmp_path / "timeline" / "undated" / "undated-army-takes-manbij.md").write_text(render(entry), encoding="utf-8")
    problems, count = check_content(tmp_path, registries)
    assert count == 1 and len(problems) == 1 and "needs a date" in problems[0]


def test_metadata_lookalikes_and_html_in_body_stay_text():
    body = escape_markdown("Status: unclear, officials said.\n<script>alert(1)</script> & <b>\n# not a heading\n1. no list")
    entry = parse(render(Entry(title="t", date=dt.date(2017, 1, 1), body="Intro.\n\n" + body)))
    assert entry.status == "published"
    assert "<script>" not in entry.body and "&lt;script&gt;" in entry.body
    assert "\\# not a heading" in entry.body and "1\\. no list" in entry.body


def test_header_values_cannot_break_lines():
    entry = Entry(title="Two\nlines: Status: draft", date=dt.date(2017, 1, 1))
    assert parse(render(entry)).title == "Two lines: Status: draft"


@pytest.mark.parametrize("title,slug", [("Raqa’s fall nears", "raqas-fall-nears"), ("Ḥalab: Ḍay 1", "halab-day-1"),
                                        ("!!!", "entry"), ("الرقة", "entry")])
def test_slugify(title, slug):
    assert slugify(title) == slug
