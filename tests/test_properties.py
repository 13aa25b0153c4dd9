"""Properties (Hypothesis): seed parsing fails only with SeedError, written dates come back exactly, and an entry
survives render -> parse. Each normalisation render applies has its own explicit test at the end of the file."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conflict_timeline.dates import MONTHS, WEEKDAY_NAMES, WEEKDAYS, find_dates, mentioned_years, resolve
from conflict_timeline.entries import STATUSES, parse, render
from conflict_timeline.errors import SeedError
from conflict_timeline.models import EVENT_TYPES, Entry, Evidence, Source
from conflict_timeline.seeds import OUTLETS, decode, parse_text

PROPERTY = settings(max_examples=200, deadline=None)
FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
# AP style: "Sept. 5", "Dec. 22"; May has no abbreviation. Weekdays: "Tues.", "Thu.".
SHORT_MONTHS = {n: [f"{name}." for name, number in MONTHS.items() if number == n and name not in FULL_MONTHS] or ["May"]
                for n in range(1, 13)}
SHORT_WEEKDAYS = {n: [f"{name}." for name, number in WEEKDAYS.items() if number == n and name != WEEKDAY_NAMES[n]]
                  for n in range(7)}


def body_is_clean(paragraphs) -> bool:
    return all(isinstance(p, str) and p and p == p.strip() and "\n" not in p for p in paragraphs)


# ---- seed parsing ----------------------------------------------------------------------------------------------


@PROPERTY
@given(st.text(max_size=3000))
def test_parse_text_returns_a_clean_seed_or_raises_seed_error(text):
    try:
        seed = parse_text(text, "any.txt")
    except SeedError as error:
        assert error.path == "any.txt"
        return
    assert seed.headline and body_is_clean([seed.headline])
    assert seed.body and body_is_clean(seed.body)
    assert seed.path == "any.txt"


@PROPERTY
@given(st.lists(st.text(max_size=300), min_size=2, max_size=8).map("\n\n".join))
def test_parse_text_of_any_paragraphs_returns_a_clean_seed_or_raises_seed_error(text):
    try:
        seed = parse_text(text, "paragraphs.txt")
    except SeedError:
        return
    assert seed.headline and body_is_clean([seed.headline])
    assert seed.body and body_is_clean(seed.body)


# Text that looks like a seed: lines of words, punctuation, markup, header keys, datelines and blank lines.
_PIECES = st.sampled_from([
    "\n", "\n\n", " ", "\t", "\r\n", "\u00a0", "\ufeff", ". ", ", ", "“", "”", "’", " – ", " — ", " - ", ":", "(AFP)",
    "(Reuters)", "BEIRUT", "KOBANE, Syria", "Oct. 14", "Saturday", "2017", "Published: ", "Title: ", "Date: ",
    "Source: ", "By Jane Doe", "Reuters", "Share this", "Advertisement", "Read more", "<p>", "</p>", "<script>",
    "</script>", "<iframe src=//evil.example>", "<b", ">", "&amp;", "Troops", "entered", "the", "city", "said",
])
SEEDLIKE = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=80).map("".join)


@PROPERTY
@given(SEEDLIKE)
@example("(AFP)\n – ")  # found by this test: a lone dash after the headline left an empty body paragraph
def test_parse_text_on_seed_like_noise_returns_a_clean_seed_or_raises_seed_error(text):
    try:
        seed = parse_text(text, "noise.txt")
    except SeedError:
        return
    assert seed.headline and body_is_clean([seed.headline])
    assert seed.body and body_is_clean(seed.body)


WORDS = ("troops", "rebels", "fighters", "the", "city", "town", "village", "near", "border", "government", "forces",
         "entered", "shelled", "residents", "officials", "monitor", "reported", "after", "heavy", "fighting", "in",
         "north", "of", "district", "convoy", "aid", "civilians", "fled", "hospital", "local")
CAP_WORDS = ("Syrian", "Kurdish", "Turkish", "Army", "Rebels", "Troops", "Aid", "Fighting", "Convoy", "Civilians")
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=8, max_size=30).map(
    lambda ws: " ".join([ws[0].capitalize(), *ws[1:]]) + ", officials said.")
HEADLINE = st.lists(st.sampled_from(CAP_WORDS + WORDS), min_size=2, max_size=10).map(
    lambda ws: " ".join([ws[0].capitalize(), *ws[1:]]))
DATELINES = [("BEIRUT (Reuters) - ", "BEIRUT", "Reuters"), ("KOBANE, Syria – ", "KOBANE, Syria", None),
             ("ERBIL, Iraq (AP) — ", "ERBIL, Iraq", "AP"), ("Aleppo, Syria (AFP) — ", "Aleppo, Syria", "AFP"),
             ("DEIR EZZOR, Syria, Oct. 14 (AFP) – ", "DEIR EZZOR, Syria, Oct. 14", "AFP")]


@PROPERTY
@given(headline=HEADLINE, outlet=st.none() | st.sampled_from(sorted(OUTLETS)), dateline=st.sampled_from(DATELINES),
       paragraphs=st.lists(SENTENCE, min_size=1, max_size=8, unique=True), wrap=st.booleans(), crlf=st.booleans())
def test_wire_copy_is_split_into_its_parts(headline, outlet, dateline, paragraphs, wrap, crlf):
    prefix, place, agency = dateline
    blocks = [headline, *([outlet] if outlet else []), prefix + paragraphs[0], *paragraphs[1:]]
    if wrap:  # hard-wrapped at the last space before column 60, as some wires send it
        blocks = [re.sub(r"(.{20,60}) (?=[a-z])", "\\1\n", block) for block in blocks]
    text = "\n\n".join(blocks) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    seed = parse_text(decode(text.encode(), "wire.txt")[0], "wire.txt")
    assert seed.headline == headline
    assert seed.body == tuple(paragraphs) and body_is_clean(seed.body)
    assert seed.dateline == place
    assert seed.source == (OUTLETS.get(outlet, outlet) if outlet else OUTLETS.get(agency, agency) if agency else None)


# Saved pages: JSON-LD is valid JSON of any shape, not always the shape schema.org promises.
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
    | st.sampled_from(["NewsArticle", "Article", "WebPage", "2017-10-14", "Reuters", "<script>alert(1)</script>"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["@type", "headline", "@graph", "datePublished", "publisher", "author", "url", "name"])
        | st.text(max_size=5), children, max_size=6),
    max_leaves=25)
_HTML_PIECES = st.sampled_from([
    "<p>", "</p>", "<article>", "</article>", "<h1>", "</h1>", "<main>", "<div class='share'>", "</div>",
    "<time datetime='", "2017-10-14", "'>", "<meta property='og:title' content='", "<title>", "</title>", "<script>",
    "</script>", "<script type='application/ld+json'>", '{"@type": "NewsArticle", "headline": ', '"H"', "}",
    "<iframe src=x>", "&lt;", "<li>", "<blockquote>", "BEIRUT (Reuters) - ",
    "Troops entered the city on Saturday, officials said. ", "\n", " ",
])
HTML_NOISE = st.lists(st.one_of(_HTML_PIECES, st.text(max_size=10)), max_size=60).map("".join)


def seed_or_seed_error(parse, *args):
    try:
        seed = parse(*args)
    except SeedError:
        return None
    assert seed.headline and body_is_clean([seed.headline]) and seed.body and body_is_clean(seed.body)
    return seed


@settings(max_examples=150, deadline=None)
@given(ld=JSON, og=st.none() | st.just("Troops enter Raqa"), paragraphs=st.lists(SENTENCE, min_size=1, max_size=3))
def test_a_page_with_any_json_ld_gives_a_clean_seed_or_seed_error(ld, og, paragraphs):
    from conflict_timeline.webpage import parse_html

    script = json.dumps(ld).replace("<", "\\u003c")
    meta = f'<meta property="og:title" content="{og}">' if og else ""
    text = (f'<!doctype html><html><head><script type="application/ld+json">{script}</script>{meta}</head><body>'
            f'<article>{"".join(f"<p>{p}</p>" for p in paragraphs)}</article></body></html>')
    seed = seed_or_seed_error(parse_html, text, "page.html")
    if og:
        assert seed is not None  # a page with a headline and an article always converts


@settings(max_examples=150, deadline=None)
@given(HTML_NOISE)
def test_any_page_gives_a_clean_seed_or_seed_error(text):
    from conflict_timeline.webpage import parse_html

    seed_or_seed_error(parse_html, text, "noise.html")


@PROPERTY
@given(st.binary(max_size=4000))
def test_decode_raises_only_seed_error(data):
    try:
        text, warnings = decode(data, "bytes.txt")
    except SeedError as error:
        assert error.path == "bytes.txt"
        return
    assert text.strip() and not {"\r", "\ufeff", "\u00a0"} & set(text)
    assert warnings in ((), ("not UTF-8: read as Windows-1252",), ("not valid UTF-16: undecodable bytes replaced",))


@PROPERTY
@given(st.binary(max_size=300), st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]))
def test_decode_of_bytes_behind_a_bom_raises_only_seed_error(data, bom):
    try:
        text, _ = decode(bom + data, "bom.txt")
    except SeedError:
        return
    assert text.strip()


@PROPERTY
@given(st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=500))
def test_utf8_utf8_bom_and_utf16_read_the_same(text):
    results = []
    for data in (text.encode("utf-8"), codecs.BOM_UTF8 + text.encode("utf-8"),
                 codecs.BOM_UTF16_LE + text.encode("utf-16-le"), codecs.BOM_UTF16_BE + text.encode("utf-16-be")):
        try:
            results.append(decode(data, "same.txt"))
        except SeedError as error:
            results.append(error.message)
    assert results[1:] == results[:1] * 3


# ---- dates -----------------------------------------------------------------------------------------------------

DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


def render_date(day: dt.date, form: str, weekday: int | None = None, variant: int | None = None) -> str:
    """``day`` as wire copy writes it; ``variant`` picks an abbreviation ("Tues.", "Sept.") where there is one."""
    weekday = day.weekday() if weekday is None else weekday
    wd = WEEKDAY_NAMES[weekday] if variant is None else SHORT_WEEKDAYS[weekday][variant % len(SHORT_WEEKDAYS[weekday])]
    mon = SHORT_MONTHS[day.month][(variant or 0) % len(SHORT_MONTHS[day.month])]
    month = FULL_MONTHS[day.month - 1]
    return {
        "weekday, month d, yyyy": f"{wd}, {month} {day.day}, {day.year}",
        "d month yyyy": f"{day.day} {month} {day.year}",
        "mon. d, yyyy": f"{mon} {day.day}, {day.year}",
        "month d": f"{month} {day.day}",
        "weekday, month d": f"{wd}, {month} {day.day}",
    }[form]


def only_mention(text: str):
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


@PROPERTY
@given(day=DATES, form=st.sampled_from(["weekday, month d, yyyy", "d month yyyy", "mon. d, yyyy"]),
       variant=st.none() | st.integers(0, 2))
def test_a_full_written_date_comes_back(day, form, variant):
    text = f"Troops entered the town on {render_date(day, form, variant=variant)}, officials said."
    resolved = resolve(only_mention(text), None, mentioned_years(text))
    assert (resolved.value, resolved.precision, resolved.warnings) == (day, "day", ())


@PROPERTY
@given(day=DATES, form=st.sampled_from(["month d", "weekday, month d"]))
def test_a_date_without_year_takes_it_from_a_year_in_the_text(day, form):
    text = f"The offensive began in {day.year}. Troops entered the town on {render_date(day, form)}, officials said."
    mention = next(m for m in find_dates(text) if m.day is not None)
    resolved = resolve(mention, None, mentioned_years(text))
    assert (resolved.value, resolved.precision) == (day, "day")
    assert not any("weekday" in w for w in resolved.warnings)


@PROPERTY
@given(day=DATES, days_later=st.integers(0, 364), form=st.sampled_from(["month d", "weekday, month d"]))
def test_a_date_without_year_is_the_last_such_day_up_to_the_anchor(day, days_later, form):
    anchor = day + dt.timedelta(days=days_later)
    text = f"Troops entered the town on {render_date(day, form)}, officials said."
    resolved = resolve(only_mention(text), anchor, [])
    assert (resolved.value, resolved.precision, resolved.warnings) == (day, "day", ())


@PROPERTY
@given(day=DATES, shift=st.integers(1, 6), variant=st.none() | st.integers(0, 2))
def test_a_wrong_weekday_keeps_the_date_and_warns(day, shift, variant):
    wrong = (day.weekday() + shift) % 7
    text = f"Troops entered the town on {render_date(day, 'weekday, month d, yyyy', wrong, variant)}, officials said."
    resolved = resolve(only_mention(text), None, [])
    assert resolved.value == day and any("weekday" in w for w in resolved.warnings)


@PROPERTY
@given(day=DATES, shift=st.integers(1, 6), days_later=st.integers(0, 364))
def test_a_wrong_weekday_with_an_anchor_warns(day, shift, days_later):
    wrong = (day.weekday() + shift) % 7
    text = f"Troops entered the town on {render_date(day, 'weekday, month d', wrong)}, officials said."
    resolved = resolve(only_mention(text), day + dt.timedelta(days=days_later), [])
    assert resolved.value == day and any("weekday" in w for w in resolved.warnings)


@PROPERTY
@given(anchor=DATES, weekday=st.integers(0, 6))
def test_a_weekday_alone_is_within_the_six_days_up_to_the_anchor_or_the_day_after(anchor, weekday):
    text = f"Troops entered the town on {WEEKDAY_NAMES[weekday]}, officials said."
    resolved = resolve(only_mention(text), anchor, [])
    assert resolved.precision == "day" and resolved.value.weekday() == weekday
    assert -1 <= (anchor - resolved.value).days < 6  # the day after: a page showing its first version's date
    assert bool(resolved.warnings) == (resolved.value > anchor)


# ---- entries: render -> parse ----------------------------------------------------------------------------------
# render writes every header value on one line with white space folded (_one_line), drops empty values, joins
# lists with "; ", writes evidence as  label “words”  with “ ” ; replaced, turns ";" in warnings into ",", and
# writes a partial date as 2017-06 or 2017. The strategies below generate only values render keeps as they are;
# each rule is shown by its own test further down.

TEXT = st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=40)
ONE_LINE = TEXT.map(lambda s: " ".join(s.split()))
VALUE = ONE_LINE.filter(bool)  # a header value: one line, no outer or doubled white space, not empty


def without(chars: str):
    return VALUE.filter(lambda s: not set(chars) & set(s))


ITEM = without(";")  # a list item: ';' separates items
URL = st.text(st.characters(exclude_categories=["Cc", "Cs", "Zs", "Zl", "Zp"], exclude_characters=";<>"), min_size=1,
              max_size=30)  # no white space, no ';' and no angle brackets: see the source test below
SOURCE = st.builds(Source, without(";<>"), st.none() | URL)
EVIDENCE = st.builds(Evidence, without("“”;"), ONE_LINE.filter(lambda s: not set("“”;") & set(s)))
BODY = st.text(st.characters(exclude_categories=["Cs"]), max_size=300).map(lambda s: s.strip("\n"))


@st.composite
def entries(draw):
    precision = draw(st.sampled_from(["day", "month", "year"]))
    day = draw(st.dates())
    day = {"day": day, "month": day.replace(day=1), "year": day.replace(month=1, day=1)}[precision]
    seed = draw(st.none() | VALUE)
    return Entry(
        title=draw(VALUE), date=day, precision=precision,
        places=tuple(draw(st.lists(ITEM, max_size=4))), dateline=draw(st.none() | VALUE),
        factions=tuple(draw(st.lists(ITEM, max_size=4))), event_type=draw(st.none() | st.sampled_from(EVENT_TYPES)),
        sources=tuple(draw(st.lists(SOURCE, max_size=3))), status=draw(st.sampled_from(STATUSES)),
        summary=draw(st.none() | VALUE), evidence=tuple(draw(st.lists(EVIDENCE, max_size=4))),
        warnings=tuple(draw(st.lists(ITEM, max_size=3))), seed=seed,
        seed_hash=draw(st.none() | VALUE) if seed else None, slug=draw(st.none() | VALUE), body=draw(BODY),
    )


@PROPERTY
@given(entries())
def test_an_entry_survives_render_and_parse(entry):
    assert parse(render(entry)) == entry


# ---- each normalisation render applies, shown once --------------------------------------------------------------

BASE = Entry(title="Army retakes Palmyra", date=dt.date(2016, 3, 27))


def round_trip(**changes) -> Entry:
    from dataclasses import replace

    return parse(render(replace(BASE, **changes)))


def test_header_values_are_folded_to_one_line():
    again = round_trip(title="  Army\tretakes\n\nPalmyra\u00a0 ", summary="Troops\r\nentered.", dateline=" Homs ",
                       places=("Deir  ez-Zor\nGovernorate",), sources=(Source("Agence\nFrance-Presse"),))
    assert again.title == "Army retakes Palmyra" and again.summary == "Troops entered." and again.dateline == "Homs"
    assert again.places == ("Deir ez-Zor Governorate",) and again.sources == (Source("Agence France-Presse"),)


def test_a_newline_in_a_value_never_starts_a_header_line():
    again = round_trip(title="Palmyra\nStatus: skip\nSlug: ../../etc/passwd", summary="x\n\nInjected body")
    assert again.status == "published" and again.slug is None and again.body == ""
    assert again.title == "Palmyra Status: skip Slug: ../../etc/passwd" and again.summary == "x Injected body"


def test_empty_and_blank_values_read_back_as_absent():
    again = round_trip(summary="", dateline="   ", places=("",), factions=(" ", "SDF"), slug="\n")
    assert (again.summary, again.dateline, again.places, again.factions, again.slug) == (None, None, (), ("SDF",), None)


def test_a_semicolon_inside_a_list_item_splits_it():
    again = round_trip(places=("Raqqa; Tabqa",), factions=("SDF;YPG",), sources=(Source("AFP; Reuters"),))
    assert again.places == ("Raqqa", "Tabqa") and again.factions == ("SDF", "YPG")
    assert again.sources == (Source("AFP"), Source("Reuters"))


def test_a_semicolon_in_a_warning_becomes_a_comma():
    assert round_trip(warnings=("weekday mismatch; check the date",)).warnings == ("weekday mismatch, check the date",)


def test_evidence_quotes_and_semicolons_are_replaced():
    again = round_trip(evidence=(Evidence("date; place", "the “last” day;  of  it"), Evidence("Raqqa", "")))
    assert again.evidence == (Evidence("date, place", 'the "last" day, of it'), Evidence("Raqqa", ""))


def test_an_evidence_item_without_a_label_is_dropped():
    assert round_trip(evidence=(Evidence("", "words"), Evidence("date", "March 27"))).evidence == (
        Evidence("date", "March 27"),)


def test_a_source_name_ending_in_angle_brackets_reads_back_as_its_link():
    assert round_trip(sources=(Source("Reuters <wire>"),)).sources == (Source("Reuters", "wire"),)
    assert round_trip(sources=(Source("Reuters", "https://a.example/x y"),)).sources == (
        Source("Reuters <https://a.example/x y>"),)  # a URL with a space is not a link


@pytest.mark.parametrize("precision, written, read", [("month", "2017-06", dt.date(2017, 6, 1)),
                                                       ("year", "2014", dt.date(2014, 1, 1))])
def test_a_partial_date_is_written_partially_and_read_as_its_first_day(precision, written, read):
    text = render(Entry(title="t", date=dt.date(read.year, read.month, 17), precision=precision))
    assert f"Date: {written}\n" in text and parse(text).date == read


def test_outer_newlines_of_the_body_are_dropped():
    assert round_trip(body="\n\nFirst paragraph.\n\nSecond.\n\n").body == "First paragraph.\n\nSecond."
    assert round_trip(body="  indented first line\n").body == "  indented first line"


# ---- exports ---------------------------------------------------------------------------------------------------

@PROPERTY
@given(st.text(max_size=500))
def test_ics_folding_keeps_text_and_the_75_octet_limit(line):
    from conflict_timeline.export import _fold

    folded = _fold(line)
    assert "".join(folded.split("\r\n ")) == line
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))


# ---- the reader's shortcut for one-line prose fields -------------------------------------------------------------

PLAIN = list("abcXYZ éüحلب 19.,;:'\"“”‘’()-–%/?")
MARKED = PLAIN + ["*", "_", "`", "[", "]", "<", ">", "&", "#", "!", "|", "\\", "{", "}", "\t", "\u2028", "  "]
PROSE = st.one_of(st.lists(st.sampled_from(PLAIN), max_size=40), st.lists(st.sampled_from(MARKED), max_size=40))


@PROPERTY
@given(PROSE.map("".join))
@example("Russian air strikes had seized Idlib in August 2015.")
@example("IS captured Raqa in 2014, seizing it from the “caliphate.”")
def test_the_prose_shortcut_gives_what_markdown_gives(text):
    from markdown import Markdown
    from pelican.settings import DEFAULT_CONFIG

    from conflict_timeline.reader import prose_paragraph

    fast = prose_paragraph(text)
    if fast is not None:
        assert fast == Markdown(**DEFAULT_CONFIG["MARKDOWN"]).convert(text)


def test_the_prose_shortcut_leaves_markdown_to_markdown():
    from conflict_timeline.reader import prose_paragraph

    assert prose_paragraph("IS captured Raqa in 2014.") == "<p>IS captured Raqa in 2014.</p>"
    for text in ("2014. IS captured Raqa", "- a list", "# heading", "> quoted", "    code", "*stress*", "a & b",
                 "see [the map](x)", "line\u2028break", "trailing  "):
        assert prose_paragraph(text) is None, text
