"""Temporal expressions: forms, precision, year inference from the weekday, contradictions flagged."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_timeline.dates import find_dates, mentioned_years, parse_published, resolve
from conflict_timeline.errors import DateError

ANCHOR = dt.date(2017, 10, 14)  # a Saturday


@pytest.mark.parametrize(
    ("text", "anchor", "years", "iso", "precision"),
    [
        ("said Saturday, October 14, as", None, [2014], "2017-10-14", "day"),  # 2006/2017/2023 fit; >= 2014
        ("Saturday, October 14", None, [2004], "2006-10-14", "day"),
        ("Saturday, October 14", None, [2018], "2023-10-14", "day"),
        ("on Oct. 3 the army", None, [2016], "2016-10-03", "day"),
        ("on 3 October 2016", None, [], "2016-10-03", "day"),
        ("on October 3, 2016", None, [], "2016-10-03", "day"),
        ("Wed 05 Apr 2017", None, [], "2017-04-05", "day"),
        ("the 1st of May", ANCHOR, [], "2017-05-01", "day"),
        ("on Dec. 30", ANCHOR, [], "2016-12-30", "day"),  # after the anchor's day: the year before
        ("in June", ANCHOR, [], "2017-06", "month"),
        ("since March 2011", None, [], "2011-03", "month"),
        ("in 2014", None, [], "2014", "year"),
        ("on Friday", ANCHOR, [], "2017-10-13", "day"),
        ("on Saturday", ANCHOR, [], "2017-10-14", "day"),  # the anchor's own weekday is that day
        ("yesterday", ANCHOR, [], "2017-10-13", "day"),
        ("last month", ANCHOR, [], "2017-09", "month"),
        ("last year", ANCHOR, [], "2016", "year"),
        ("2017-10-14", None, [], "2017-10-14", "day"),
    ],
)
def test_forms(text, anchor, years, iso, precision):
    mention = find_dates(text)[0]
    resolved = resolve(mention, anchor, years)
    assert (resolved.iso, resolved.precision) == (iso, precision)


def test_last_week_is_approximate():
    resolved = resolve(find_dates("an attack last week")[0], ANCHOR, [])
    assert resolved.value == dt.date(2017, 10, 7)
    assert any("approximate" in w for w in resolved.warnings)


def test_weekday_contradicting_the_date_is_flagged():
    resolved = resolve(find_dates("on Friday, October 14, 2017")[0], None, [])
    assert resolved.value == dt.date(2017, 10, 14)
    assert any("weekday" in w and "Saturday" in w for w in resolved.warnings)


@pytest.mark.parametrize("text", ["on Saturday", "yesterday"])
def test_relative_without_anchor_is_an_error(text):
    with pytest.raises(DateError):
        resolve(find_dates(text)[0], None, [])


def test_no_year_anywhere_is_an_error_listing_candidates():
    with pytest.raises(DateError, match=r"year.*candidates: \d{4}"):
        resolve(find_dates("Saturday, October 14")[0], None, [])


@pytest.mark.parametrize(
    "text",
    ["it may still be trapped", "around 90% of the city", "within the past 24 hours", "some 1,500 civilians",
     "Up to 150 foreign jihadists", "a march towards the city"],
)
def test_not_dates(text):
    assert find_dates(text) == []


def test_mentioned_years_skips_counts():
    assert mentioned_years("In 2014 some 2000 fighters, and 2,015 men; by 2016, 3000 troops") == [2014, 2016]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2016-10-03", dt.date(2016, 10, 3)), ("3 October 2016", dt.date(2016, 10, 3)),
     ("Monday, October 3, 2016", dt.date(2016, 10, 3)), ("2016-10-03T08:15:00Z", dt.date(2016, 10, 3)),
     ("nonsense", None)],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected
