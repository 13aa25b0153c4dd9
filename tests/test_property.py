"""Property-based tests (Hypothesis): seed parsing never crashes, dates come back, entries survive Markdown."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_timeline.context import MONTH_NAMES
from conflict_timeline.dates import WEEKDAY_NAMES, find_dates, resolve
from conflict_timeline.entries import parse, render
from conflict_timeline.errors import SeedError
from conflict_timeline.models import Entry, Evidence, Source
from conflict_timeline.seeds import decode, parse_text

FULL_MONTHS = list(MONTH_NAMES)
FAST = settings(max_examples=150, deadline=None)


@FAST
@given(st.text(max_size=2000))
def test_any_text_parses_or_fails_cleanly(text):
    try:
        seed = parse_text(text, "x.txt")
    except SeedError:
        return
    assert seed.headline.strip() and seed.body
    assert all(p and p == p.strip() for p in seed.body)


@FAST
@given(st.binary(max_size=3000))
def test_any_bytes_decode_or_fail_cleanly(data):
    try:
        text, _ = decode(data, "x.txt")
    except SeedError:
        return
    assert text.strip()


@FAST
@given(headline=st.text(st.characters(categories=["L", "N", "Zs"]), min_size=3, max_size=60).filter(str.strip),
       paragraphs=st.lists(st.text(st.characters(categories=["L", "N", "Zs", "P"]), min_size=1, max_size=200)
                           .filter(str.strip), min_size=1, max_size=6),
       dateline=st.sampled_from(["", "BEIRUT (Reuters) - ", "KOBANE, Syria – ", "Erbil, Iraq — "]))
def test_structured_seeds_keep_their_text(headline, paragraphs, dateline):
    text = f"{headline}\n\n" + "\n\n".join(f"{dateline}{p}" if i == 0 else p for i, p in enumerate(paragraphs)) + "\n"
    try:
        seed = parse_text(text, "x.txt")
    except SeedError:
        return
    assert all(p == p.strip() for p in seed.body)


DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@FAST
@given(day=DATES, form=st.integers(0, 2))
def test_written_dates_come_back(day, form):
    month = FULL_MONTHS[day.month - 1]
    text = [f"on {WEEKDAY_NAMES[day.weekday()]}, {month} {day.day}, {day.year}", f"on {day.day} {month} {day.year}",
            f"on {month[:3]}. {day.day}, {day.year}"][form]
    if month == "May" and form == 2:
        text = f"on May {day.day}, {day.year}"
    resolved = resolve(find_dates(text)[0], None, [])
    assert (resolved.value, resolved.precision, resolved.warnings) == (day, "day", ())


@FAST
@given(day=DATES, shift=st.integers(1, 6))
def test_a_wrong_weekday_is_always_flagged(day, shift):
    wrong = WEEKDAY_NAMES[(day.weekday() + shift) % 7]
    resolved = resolve(find_dates(f"on {wrong}, {FULL_MONTHS[day.month - 1]} {day.day}, {day.year}")[0], None, [])
    assert resolved.value == day and any("weekday" in w for w in resolved.warnings)


@FAST
@given(anchor=DATES, weekday=st.integers(0, 6))
def test_weekday_alone_is_the_last_such_day_up_to_the_anchor(anchor, weekday):
    resolved = resolve(find_dates(f"fighting on {WEEKDAY_NAMES[weekday]}")[0], anchor, [])
    assert resolved.value.weekday() == weekday and 0 <= (anchor - resolved.value).days < 7


@FAST
@given(day=DATES, latest=st.integers(1990, 2035))
def test_inferred_year_has_the_weekday_and_is_not_before_the_text_years(day, latest):
    text = f"{WEEKDAY_NAMES[day.weekday()]}, {FULL_MONTHS[day.month - 1]} {day.day}"
    resolved = resolve(find_dates(text)[0], None, [latest])
    if not resolved.warnings:
        assert resolved.value.weekday() == day.weekday() and resolved.value.year >= latest


# Header values are single lines without ';' (the list separator) and without the evidence quotes “ ”: render
# folds white space to single spaces, which test_entries.py documents; here values are generated already folded.
WORD = st.text(st.characters(categories=["L", "N"], include_characters="'-.,()"), min_size=1, max_size=12)
VALUE = st.lists(WORD, min_size=1, max_size=6).map(" ".join)


@FAST
@given(title=VALUE, day=DATES, precision=st.sampled_from(["day", "month", "year"]),
       places=st.lists(VALUE, max_size=4, unique=True), factions=st.lists(VALUE, max_size=4, unique=True),
       status=st.sampled_from(["published", "draft", "hidden", "skip"]),
       event=st.sampled_from([None, "Battles", "Protests", "Explosions/Remote violence"]),
       summary=st.none() | VALUE, sources=st.lists(VALUE.map(Source), max_size=3),
       evidence=st.lists(st.tuples(VALUE, VALUE).map(lambda t: Evidence(*t)), max_size=4),
       body=st.text(st.characters(categories=["L", "N", "P", "Zs"]), max_size=300).map(str.strip),
       seed=st.none() | st.just("seed.txt"))
def test_entry_markdown_round_trip(title, day, precision, places, factions, status, event, summary, sources,
                                   evidence, body, seed):
    first = {"day": day, "month": day.replace(day=1), "year": day.replace(month=1, day=1)}[precision]
    entry = Entry(title=title, date=first, precision=precision, places=tuple(places), factions=tuple(factions),
                  event_type=event, sources=tuple(sources), status=status, summary=summary, evidence=tuple(evidence),
                  seed=seed, seed_hash="abc" if seed else None, body=body)
    assert parse(render(entry)) == entry


@FAST
@given(st.text(max_size=500))
def test_ics_folding_keeps_text_and_the_75_octet_limit(line):
    from conflict_timeline.export import _fold

    folded = _fold(line)
    assert "".join(folded.split("\r\n ")) == line
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
