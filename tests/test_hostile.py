"""Hostile seeds, one by one and all together.

Each case is a seed file a curator (or an attacker who can drop files into seeds/) might produce. For every case:
the importer never raises, reports the seed by name as created or failed (with the reason), and the good seed beside
it still converts. Then one real Pelican build over all of them: it succeeds, no output carries live markup from a
seed, and nothing is written outside content/timeline/ (plus the import ledger) and output/.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conflict_timeline.entries import is_untouched, parse, render
from conflict_timeline.errors import SeedError
from conflict_timeline.extract import extract
from conflict_timeline.importer import LEDGER, Importer, seed_files, summarize
from conflict_timeline.seeds import MAX_SEED_BYTES, read_seed

from conftest import ROOT, make_project, run_pelican

GOOD = ROOT / "seeds" / "000_58b2e9f6377aac77.txt"
GOOD_MAIN = "timeline/2017/2017-10-14-dozens-of-is-fighters-surrender-as-raqas-fall-nears.md"

SCRIPT = "<script>alert(1)</script>"
IFRAME = "<iframe src=//evil.example>"  # unclosed, as copied from a page
IMG = "<img src=x onerror=alert(1)>"
# What must never reach any output file in raw form (escaped forms such as &lt;script&gt; are fine).
RAW = ("<script>alert", "<iframe", "onerror=")


def wire(headline: str, lead: str, *paras: str, outlet: str = "Agence France-Presse") -> str:
    """A seed as wire copy is pasted: headline, outlet, dateline lead, further paragraphs."""
    return "\n\n".join((headline, outlet, lead, *paras)) + "\n"


PALMYRA = wire(
    "Syrian troops retake Palmyra from Islamic State",
    "HOMS, Syria (AFP) – Syrian troops backed by Russian air strikes recaptured the ancient city of Palmyra from the "
    "Islamic State group on Sunday, March 27, 2016, state television said.",
    "The jihadists had held the desert city since May 2015 and blew up several of its best-known monuments, including "
    "the Temple of Bel.",
    "“Our units are now clearing mines from the historic site,” a military source told AFP.",
)
IDLIB = wire(
    "Russian jets pound rebel-held towns south of Idlib",
    "IDLIB, Syria (AFP) – Russian warplanes struck rebel-held towns south of Idlib on Tuesday, February 4, 2020, "
    "killing at least nine civilians, the Syrian Observatory for Human Rights said.",
    "Tens of thousands of people have fled north towards the Turkish border since December, the United Nations says.",
)
CP1252 = wire(
    "Army says “Palmyra is free” after jihadist retreat",
    "HOMS, Syria (AFP) – The Syrian army said on Sunday, March 27, 2016, that “Palmyra is free” after Islamic State "
    "fighters pulled back into the desert east of the city.",
    "Officers told AFP the ‘last pockets’ of resistance in the old town had been cleared overnight – a claim that "
    "could not be independently verified.",
)
HTML_TEXT = wire(
    f"Kurdish-led forces enter Manbij {SCRIPT} {IFRAME} {IMG}",
    f"MANBIJ, Syria (AFP) – {SCRIPT}Kurdish-led fighters pushed into the centre of Manbij on Friday, August 12, 2016, "
    f"{IMG}after a two-month siege, a monitor said.",
    f"{IFRAME}Hundreds of civilians fled the old city as the last jihadists withdrew, residents said.",
    f"The town lies on the main road from Raqa to the Turkish border, {IMG} officials noted.",
)
# A classic filter evasion: stripping the inner tags once reassembles the outer one.
NESTED = wire(
    "Rebels shell <scr<b>ipt>alert(1)</scr</b>ipt> government-held Aleppo",
    "ALEPPO, Syria (AFP) – Rebels shelled government-held districts of Aleppo on Wednesday, August 24, 2016, "
    "<ifr<i>ame src=//evil.example>killing at least six people, state media said.",
    "<im<b>g src=x onerror=alert(1)>Schools in the western districts were closed, residents said.",
)
ENTITIES = wire(
    "Hackers deface ministry site with &lt;script&gt;alert(1)&lt;/script&gt;",
    "DAMASCUS, Syria (AFP) – Hackers defaced a government ministry website on Sunday, March 18, 2018, leaving only the "
    "text &lt;script&gt;alert(1)&lt;/script&gt; on its front page, state media said.",
    "The site was back online within hours, officials said.",
)
ONLY_MARKUP = f"{SCRIPT}\n{IFRAME}</iframe>\n<style>body {{ display: none }}</style>\n{IMG}\n"
LOOKALIKE = wire(
    "Engineers clear mines in Palmyra",
    "HOMS, Syria (AFP) – Syrian army engineers began clearing mines from the ancient city of Palmyra on Monday, March 28, "
    "2016, a day after it was recaptured, state media said.",
    "Title: Fake", "Date: 1999-01-01", "Status: draft", "Slug: ../../etc/passwd", "Save_as: ../../../pwned.html",
    "The work was expected to take weeks, officials said.",
)
# The same lines above the headline: not header keys a seed may set, so they are text, never entry metadata.
LOOKALIKE_TOP = "Status: draft\nSlug: ../../etc/passwd\n\n" + wire(
    "Mine clearing resumes in Palmyra",
    "HOMS, Syria (AFP) – Syrian army engineers resumed clearing mines from Palmyra on Monday, March 28, 2016, state media "
    "said.",
)
KOBANE = wire(
    "Kurdish fighters drive Islamic State out of Kobane",
    "KOBANE, Syria (AFP) – Kurdish fighters drove Islamic State group jihadists out of the Syrian border town of Kobane "
    "on Monday, January 26, 2015, after more than four months of fighting, a monitor said.",
    "Turkish television showed celebrations on the border as the news spread.",
)
ALEPPO = wire(
    "Last buses leave east Aleppo",
    "ALEPPO, Syria (AP) — The last convoy of buses carrying rebels and civilians left the ruined eastern districts of "
    "Aleppo on Thursday, Dec. 22, 2016, the Syrian army said.",
    "The evacuation deal was brokered by Russia and Turkey.",
    outlet="Associated Press",
)
DEIR_EZZOR = wire(
    "Army breaks siege of Deir Ezzor",
    "DEIR EZZOR, Syria (AFP) – Syrian troops broke a nearly three-year Islamic State siege of Deir Ezzor on Tuesday, "
    "September 5, 2017, state television said.",
    "Residents poured into the streets to greet the soldiers, a correspondent said.",
)
RAQQA = wire(
    "US-backed forces declare victory in Raqa",
    "RAQA, Syria (AFP) – US-backed forces declared victory over the Islamic State group in Raqa on Tuesday, "
    "October 17, 2017, after a four-month battle for the city.",
    "Fighters raised their flag over the stadium, the last jihadist position, a commander said.",
)
NO_DATE = wire(
    "Fighting flares near Idlib",
    "BEIRUT (Reuters) - Fighting flared between government forces and rebels near the city of Idlib, residents and a "
    "war monitor said.",
    "There was no immediate word on casualties.",
    outlet="Reuters",
)
CONTRADICTION = wire(
    "Conflicting accounts of Palmyra recapture",
    "HOMS, Syria (AFP) – Syrian troops entered Palmyra on Sunday, March 27, 2016, state television said, but a military "
    "source told AFP the army had taken the city on Thursday, March 24, 2016.",
    "Engineers began clearing mines from the ancient site, the source said.",
)
FUTURE = wire(
    "Troops enter Palmyra",
    "HOMS, Syria (AFP) – Syrian troops entered Palmyra on Friday, March 14, 2031, state television said.",
    "Engineers began clearing mines from the ancient site, the source said.",
)
UNKNOWN = wire(
    "Yemen separatists seize port district from Houthi rebels",
    "ADEN, Yemen (Reuters) - Fighters of the Abyan Coast Brigades and the Security Belt Forces seized the port district of "
    "Mualla from Houthi rebels on Tuesday, June 13, 2023, residents and a local official said.",
    "The fighting around the Zinjibar road left at least 14 dead, medics in Lahij said.",
    outlet="Reuters",
)


def _ld(data: dict) -> str:
    """JSON-LD as pages embed it: '<' escaped, so the script element cannot be closed from inside."""
    return json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e")


PAGE_OG = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Syrian army retakes Palmyra | Example News</title>
<meta property="og:title" content="Syrian army retakes Palmyra {SCRIPT}{IFRAME}{IMG}">
<meta property="og:site_name" content="Example News {SCRIPT}">
<meta property="article:published_time" content="2016-03-27T09:12:00Z">
<link rel="canonical" href="javascript:alert(1)">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Syrian army retakes Palmyra</h1>
<p>HOMS, Syria (AFP) – {SCRIPT}Syrian government forces recaptured the ancient city of Palmyra from the Islamic State
group on Sunday, March 27, 2016, {IMG}state television said.</p>
<p>&lt;script&gt;alert(1)&lt;/script&gt; Army engineers were clearing mines from the old city, a military source said.</p>
<p>{IFRAME}The jihadists withdrew east towards Deir Ezzor, the Observatory said.</p>
</article>
<footer>Copyright Example News</footer>
</body></html>
"""
PAGE_LD = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Government forces enter Douma</title>
<script type="application/ld+json">{_ld({
    "@context": "https://schema.org", "@type": "NewsArticle",
    "headline": f"Government forces enter Douma {SCRIPT}{IFRAME}{IMG}",
    "datePublished": "2018-04-12T14:00:00Z",
    "publisher": {"@type": "Organization", "name": f"Reuters {IMG}"},
    "author": {"@type": "Person", "name": f"Staff {SCRIPT}"},
    "url": "javascript:alert(1)",
})}</script>
</head><body>
<main><div itemprop="articleBody">
<p>BEIRUT (Reuters) - Syrian government forces entered the town of Douma on Thursday, April 12, 2018, {SCRIPT}state
media said, after the last rebels left for the north.</p>
<p>{IMG}Russian military police deployed in the town, Russia's defence ministry said.</p>
</div></main>
</body></html>
"""

# JSON-LD that is valid JSON but not the shape schema.org promises, before a well-formed og:title.
PAGE_BAD_LD = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<script type="application/ld+json">{"@type": {"name": "NewsArticle"}, "headline": "Not this one"}</script>
<script type="application/ld+json">[{"@graph": 7}, {"@type": ["NewsArticle", ["Article"]], "headline": [{"y": 1}, null]}]</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": {"@type": "WebSite", "name": 5}}</script>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": null, "datePublished": {"@value": 2017}}</script>
<meta property="og:title" content="Turkish-backed rebels take Afrin">
<meta property="og:site_name" content="Anadolu Agency">
</head><body><article>
<p>AFRIN, Syria (AA) – Turkish-backed Syrian rebels took full control of the Kurdish-held town of Afrin on Sunday,
March 18, 2018, the Turkish military said.</p>
<p>Thousands of residents had fled the town in the days before the assault, a monitor said.</p>
</article></body></html>
"""
PAGE_NO_HEADLINE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta property="og:title" content="<script>alert(1)</script>"></head><body>
<p>BEIRUT (Reuters) - Syrian government forces entered the town of Douma on Thursday, April 12, 2018, state media
said, after the last rebels left for the north.</p>
<p>Russian military police deployed in the town, Russia's defence ministry said.</p>
</body></html>
"""


@dataclass(frozen=True)
class Case:
    name: str  # the file name in seeds/
    data: bytes
    fails: str | None = None  # words the failure message must contain; None: the seed converts
    ignored: bool = False  # not a seed at all (never read, never reported)
    undated: str | None = None  # converts, but its entry waits for a date: words its 'needs a date' warning holds
    held: str | None = None  # converts, but waits in the review queue: words of the reason it is held back for

    def __str__(self) -> str:
        return self.name


HUGE = PALMYRA.encode() + b"\n" + ("Filler paragraph from a runaway copy and paste, repeated. " * 180_000).encode()
assert len(HUGE) > 10_000_000

CASES = (
    Case("empty.txt", b"", "empty"),
    Case("whitespace.txt", b" \n\t\r\n   \n\n\t", "empty"),
    Case("raqqa_screenshot.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x04\x00\x00\x00\x03\x00\x08\x06"
         + bytes(range(256)) * 8, "binary"),
    Case("utf16le.txt", codecs.BOM_UTF16_LE + PALMYRA.encode("utf-16-le")),
    Case("utf16be.txt", codecs.BOM_UTF16_BE + IDLIB.encode("utf-16-be")),
    Case("utf16_truncated.txt", (codecs.BOM_UTF16_LE + PALMYRA.replace("Palmyra from", "Tadmur from")
                                  .encode("utf-16-le"))[:-1]),  # a download cut off half-way through a character
    Case("cp1252.txt", CP1252.encode("cp1252")),
    Case("huge.txt", HUGE, f"the limit is {MAX_SEED_BYTES:,}"),
    Case("markup.txt", HTML_TEXT.encode()),
    Case("nested_markup.txt", NESTED.encode()),
    Case("entities.txt", ENTITIES.encode(), held="no place"),
    Case("only_markup.txt", ONLY_MARKUP.encode(), "no article text"),
    Case("page_og.html", PAGE_OG.encode()),
    Case("page_ld.html", PAGE_LD.encode()),
    Case("page_bad_jsonld.html", PAGE_BAD_LD.encode()),
    Case("page_no_headline.html", PAGE_NO_HEADLINE.encode()),  # its only title is markup: the lead gives one
    Case("lookalike.txt", LOOKALIKE.encode()),
    Case("lookalike_top.txt", LOOKALIKE_TOP.encode()),
    Case("Kobane report (AFP) 26 Jan.txt", KOBANE.encode()),
    Case("حلب معركة.txt", ALEPPO.encode()),
    Case(".hidden.txt", DEIR_EZZOR.encode(), ignored=True),
    Case("seed;rm -rf.txt", RAQQA.encode()),
    Case("nodate.txt", NO_DATE.encode(), undated="the lead names no date"),
    Case("contradiction.txt", CONTRADICTION.encode(), held="the lead also names"),
    Case("future.txt", FUTURE.encode(), held="in the future"),
    Case("unknown.txt", UNKNOWN.encode(), held="unknown actor"),
)
BY_NAME = {case.name: case for case in CASES}


def files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def raw_markup(output: Path) -> list[tuple[str, str]]:
    """(file, string) for every raw hostile string in a built file of the kinds a reader or a script consumes."""
    found = []
    for path in sorted(output.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".ics", ".xml", ".geojson"):
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [(path.relative_to(output).as_posix(), s) for s in (*RAW, "javascript:") if s in text]
    return found


# ---- unit level: read_seed and extract, one case at a time ----------------------------------------------------


@pytest.mark.parametrize("case", [c for c in CASES if not c.ignored], ids=str)
def test_read_and_extract_convert_or_fail_with_the_reason(case, tmp_path, registries):
    path = tmp_path / case.name
    path.write_bytes(case.data)
    if case.fails:
        with pytest.raises(SeedError) as error:
            extract(read_seed(path), registries)
        assert case.fails in error.value.message
        assert str(error.value).startswith(f"{case.name}: ")
        return
    result = extract(read_seed(path), registries)
    seed, entry = result.seed, result.entry
    assert seed.headline and seed.headline == " ".join(seed.headline.split())
    assert seed.body and all(p and p == p.strip() for p in seed.body)
    if case.undated:  # everything else is kept; the entry is a draft until a curator dates it
        assert entry.date is None and entry.status == "draft" and entry.places
        assert any(w.startswith("needs a date") and case.undated in w for w in entry.warnings)
        return
    assert entry.seed == case.name and entry.precision == "day"
    if case.held:  # the review queue: a draft, and its warnings say why
        assert entry.status == "draft" and any(case.held in w for w in entry.warnings), entry.warnings
    else:
        assert entry.status == "published", entry.warnings
    for item in (result, *result.events):
        text = "\n".join([item.entry.title, item.entry.body, item.entry.summary or "",
                          *(f"{e.label} {e.words}" for e in item.entry.evidence),
                          *(s.name for s in item.entry.sources), *(s.url or "" for s in item.entry.sources)])
        assert not [s for s in (*RAW, "javascript:") if s in text], text


def test_huge_seed_is_refused_quickly_naming_file_and_limit(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(HUGE)
    started = time.perf_counter()
    with pytest.raises(SeedError) as error:
        read_seed(path)
    assert time.perf_counter() - started < 1
    assert str(error.value).startswith("huge.txt: ")
    assert f"{len(HUGE):,} bytes" in error.value.message and f"{MAX_SEED_BYTES:,}" in error.value.message


@pytest.mark.parametrize("name", ["utf16le.txt", "utf16be.txt"])
def test_utf16_with_bom_reads_like_utf8(name, tmp_path):
    path = tmp_path / name
    path.write_bytes(BY_NAME[name].data)
    (tmp_path / "same.txt").write_text(PALMYRA if name == "utf16le.txt" else IDLIB, encoding="utf-8")
    seed, plain = read_seed(path), read_seed(tmp_path / "same.txt")
    parts = lambda s: (s.headline, s.body, s.source, s.dateline)  # noqa: E731
    assert parts(seed) == parts(plain)
    assert seed.warnings == ()


def test_truncated_utf16_converts_with_a_warning(tmp_path, registries):
    path = tmp_path / "utf16_truncated.txt"
    path.write_bytes(BY_NAME["utf16_truncated.txt"].data)
    result = extract(read_seed(path), registries)
    assert result.entry.title == "Syrian troops retake Tadmur from Islamic State"
    assert result.seed.body[-1].endswith("told AFP.\ufffd")  # the half character is marked, not dropped silently
    assert "not valid UTF-16: undecodable bytes replaced" in result.warnings


def test_malformed_json_ld_is_skipped_for_the_page_s_other_headline(tmp_path, registries):
    path = tmp_path / "page_bad_jsonld.html"
    path.write_bytes(BY_NAME["page_bad_jsonld.html"].data)
    result = extract(read_seed(path), registries)
    assert result.entry.title == "Turkish-backed rebels take Afrin" and result.entry.date.isoformat() == "2018-03-18"
    assert result.seed.source == "Anadolu Agency" and "Afrin" in result.entry.places


def test_cp1252_keeps_its_curly_quotes_and_says_so(tmp_path, registries):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(BY_NAME["cp1252.txt"].data)
    result = extract(read_seed(path), registries)
    assert result.entry.title == "Army says “Palmyra is free” after jihadist retreat"
    assert "‘last pockets’" in result.seed.body[1] and "–" in result.seed.body[1]
    assert "\ufffd" not in result.entry.body
    assert any("Windows-1252" in w for w in result.warnings)
    assert result.entry.date.isoformat() == "2016-03-27"


def test_markup_in_a_text_seed_is_removed_words_kept_and_reported(tmp_path, registries):
    path = tmp_path / "markup.txt"
    path.write_bytes(BY_NAME["markup.txt"].data)
    result = extract(read_seed(path), registries)
    assert result.entry.title == "Kurdish-led forces enter Manbij"
    # An unclosed <iframe> takes no words with it: every paragraph of the article is still there.
    assert result.seed.body == (
        "Kurdish-led fighters pushed into the centre of Manbij on Friday, August 12, 2016, after a two-month siege, a "
        "monitor said.",
        "Hundreds of civilians fled the old city as the last jihadists withdrew, residents said.",
        "The town lies on the main road from Raqa to the Turkish border, officials noted.",
    )
    assert result.entry.date.isoformat() == "2016-08-12" and "Manbij" in result.entry.places
    assert "HTML markup removed from a text seed" in result.warnings


def test_markup_reassembled_by_stripping_is_stripped_too(tmp_path, registries):
    path = tmp_path / "nested_markup.txt"
    path.write_bytes(BY_NAME["nested_markup.txt"].data)
    seed = read_seed(path)
    text = "\n".join((seed.headline, *seed.body))
    assert not [s for s in ("<script", "<iframe", "<img", "onerror", "alert(1)") if s in text], text
    assert "HTML markup removed from a text seed" in seed.warnings


def test_escaped_markup_stays_text_and_is_never_unescaped(tmp_path, registries):
    path = tmp_path / "entities.txt"
    path.write_bytes(BY_NAME["entities.txt"].data)
    result = extract(read_seed(path), registries)
    assert result.entry.title == "Hackers deface ministry site with &lt;script&gt;alert(1)&lt;/script&gt;"
    assert "&amp;lt;script&amp;gt;" in result.entry.body  # shown as the words, never parsed as a tag
    assert result.seed.warnings == ()


@pytest.mark.parametrize("name, headline", [("page_og.html", "Syrian army retakes Palmyra"),
                                            ("page_ld.html", "Government forces enter Douma")])
def test_markup_in_a_saved_page_is_removed_from_headline_body_and_source(name, headline, tmp_path, registries):
    path = tmp_path / name
    path.write_bytes(BY_NAME[name].data)
    result = extract(read_seed(path), registries)
    seed = result.seed
    assert seed.headline == headline
    assert "HTML markup removed from the page's text" in seed.warnings
    assert all(p == " ".join(p.split()) for p in seed.body)
    assert seed.url is None  # a javascript: URL is no source link
    assert seed.source in ("Example News", "Reuters")
    assert result.entry.date.isoformat() in ("2016-03-27", "2018-04-12")


def test_a_source_url_that_is_no_web_address_is_dropped_and_reported(tmp_path):
    path = tmp_path / "url.txt"
    path.write_text("URL: javascript:alert(1)\n\n" + PALMYRA, encoding="utf-8")
    seed = read_seed(path)
    assert seed.url is None and "source URL ignored: not an http(s) address" in seed.warnings
    path.write_text("URL: https://www.example.com/palmyra\n\n" + PALMYRA, encoding="utf-8")
    assert read_seed(path).url == "https://www.example.com/palmyra"


def test_lookalike_metadata_lines_stay_text(tmp_path, registries):
    path = tmp_path / "lookalike.txt"
    path.write_bytes(BY_NAME["lookalike.txt"].data)
    result = extract(read_seed(path), registries)
    entry = result.entry
    assert entry.title == "Engineers clear mines in Palmyra"
    assert (entry.date.isoformat(), entry.status) == ("2016-03-28", "published")
    assert entry.slug == "2016-03-28-engineers-clear-mines-in-palmyra"
    for line in ("Title: Fake", "Date: 1999-01-01", "Status: draft", "Slug: ../../etc/passwd"):
        assert line in result.seed.body
    # In the entry file they are body text after the header, never header lines.
    header = render(entry).split("\n\n", 1)[0]
    assert "Fake" not in header and "1999" not in header and "passwd" not in header and "Save_as" not in header
    again = parse(render(entry))
    assert (again.title, again.date, again.status, again.slug) == (entry.title, entry.date, "published", entry.slug)


def test_lookalike_lines_above_the_headline_set_nothing(tmp_path, registries):
    path = tmp_path / "lookalike_top.txt"
    path.write_bytes(BY_NAME["lookalike_top.txt"].data)
    entry = extract(read_seed(path), registries).entry
    assert entry.status == "published" and entry.date.isoformat() == "2016-03-28"
    assert "/" not in entry.slug and ".." not in entry.slug


@pytest.mark.parametrize("name", ["Kobane report (AFP) 26 Jan.txt", "حلب معركة.txt", "seed;rm -rf.txt"])
def test_odd_file_names_convert_and_are_recorded_as_written(name, tmp_path, registries):
    path = tmp_path / name
    path.write_bytes(BY_NAME[name].data)
    entry = extract(read_seed(path), registries).entry
    assert entry.seed == name
    assert parse(render(entry)).seed == name


def test_a_leading_dot_file_is_not_a_seed(tmp_path):
    for name in (".hidden.txt", "visible.txt"):
        (tmp_path / name).write_bytes(DEIR_EZZOR.encode())
    assert [p.name for p in seed_files(tmp_path)] == ["visible.txt"]


def test_no_date_is_held_back_with_a_hint(tmp_path, registries):
    path = tmp_path / "nodate.txt"
    path.write_bytes(BY_NAME["nodate.txt"].data)
    entry = extract(read_seed(path), registries).entry
    assert entry.date is None and entry.status == "draft"
    assert any("Published: YYYY-MM-DD" in w for w in entry.warnings)


def test_contradictory_lead_dates_take_the_first(tmp_path, registries):
    path = tmp_path / "contradiction.txt"
    path.write_bytes(BY_NAME["contradiction.txt"].data)
    result = extract(read_seed(path), registries)
    assert (result.date.iso, result.date.precision) == ("2016-03-27", "day")
    assert result.date.evidence == "Sunday, March 27, 2016"


def test_contradictory_lead_dates_are_reported(tmp_path, registries):
    path = tmp_path / "contradiction.txt"
    path.write_bytes(BY_NAME["contradiction.txt"].data)
    result = extract(read_seed(path), registries)
    assert any("2016-03-24" in w or "March 24, 2016" in w for w in result.warnings)


def test_future_date_converts_and_waits_for_review(tmp_path, registries):
    path = tmp_path / "future.txt"
    path.write_bytes(BY_NAME["future.txt"].data)
    result = extract(read_seed(path), registries)
    assert result.entry.date.isoformat() == "2031-03-14" and result.entry.status == "draft"
    assert any("future" in w for w in result.entry.warnings)


def test_future_date_is_flagged_even_when_the_publication_date_agrees(tmp_path, registries):
    path = tmp_path / "future.txt"
    path.write_text("Published: 2031-03-14\n\n" + FUTURE, encoding="utf-8")
    result = extract(read_seed(path), registries)
    assert result.seed.published.isoformat() == "2031-03-14"
    assert any("future" in w for w in result.warnings)


def test_unknown_places_and_actors(tmp_path, registries):
    path = tmp_path / "unknown.txt"
    path.write_bytes(BY_NAME["unknown.txt"].data)
    result = extract(read_seed(path), registries)
    entry = result.entry
    assert entry.date.isoformat() == "2023-06-13"
    assert all(registries.gazetteer.get(name) is not None for name in entry.places)
    assert all(registries.factions.get(name) is not None for name in entry.factions)
    assert entry.places[0] == "Mualla"  # the port district seized (Al Ma'alla to GeoNames), not the dateline's city
    assert "Aden" not in entry.places and "Lahij" not in entry.places  # where the story was filed, where medics spoke
    unknown = [w for w in result.warnings if w.startswith("unknown actor: ")]
    assert any("Abyan Coast Brigades" in w for w in unknown) and not any("Security Belt" in w for w in unknown)
    assert {"Security Belt Forces", "Houthis"} <= set(entry.factions)  # known from the starter registry


# ---- the importer: each case beside the good seed ------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=str)
def test_importer_reports_each_seed_and_the_good_one_still_converts(case, tmp_path, registries, caplog):
    project = make_project(tmp_path, [GOOD])
    (project / "seeds" / case.name).write_bytes(case.data)
    before = files_under(tmp_path)
    caplog.set_level(logging.WARNING, logger="conflict_timeline")
    started = time.perf_counter()
    outcomes = Importer(project / "content", registries).run(seed_files(project / "seeds"))
    assert time.perf_counter() - started < 10

    assert {o.action for o in outcomes} <= {"created", "failed"}
    mine = [o for o in outcomes if o.seed == case.name]
    good = [o for o in outcomes if o.seed == GOOD.name]
    assert len(mine) + len(good) == len(outcomes)
    assert [o.action for o in good] == ["created"] * 4 and GOOD_MAIN in {o.path for o in good}
    if case.ignored:
        assert mine == []
    elif case.fails:
        assert len(mine) == 1 and mine[0].action == "failed" and mine[0].path is None
        assert case.fails in mine[0].message and case.name in mine[0].line()
        assert any(r.levelno == logging.ERROR and r.getMessage().startswith(f"{case.name}: ") for r in caplog.records)
    elif case.undated:  # written (nothing is lost), reported as needing a date, not as failed
        assert [(o.action, o.needs_date) for o in mine] == [("created", True)]
        assert mine[0].path.startswith("timeline/undated/") and case.undated in mine[0].message
        assert summarize(outcomes).get("need a date") == 1
    else:
        assert mine and {o.action for o in mine} == {"created"}

    after = files_under(tmp_path)
    changed = {p for p in after if before.get(p) != after[p]}
    assert not set(before) - set(after)  # nothing deleted
    ledger = f"project/content/{LEDGER.as_posix()}"
    written = changed - {ledger}
    assert written and all(p.startswith("project/content/timeline/") for p in written), written
    timeline = (project / "content" / "timeline").resolve()
    for relative in written:
        path = (tmp_path / relative).resolve()
        assert path.is_relative_to(timeline) and path.suffix == ".md"
        text = path.read_text(encoding="utf-8")
        assert is_untouched(text)
        assert parse(text).seed in (case.name, GOOD.name)
    assert {o.path for o in outcomes if o.path} == {Path(p).relative_to("project/content").as_posix() for p in written}
    records = json.loads((tmp_path / ledger).read_text(encoding="utf-8"))
    assert set(records) == ({GOOD.name} | ({case.name} if not case.ignored else set()))


# ---- all of them together, and a real build ------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, registries):
    """Every case plus the good seed: imported once, built once. Returns (root, project, outcomes, output, files
    before the build)."""
    root = tmp_path_factory.mktemp("hostile_site")
    project = make_project(root, [GOOD])
    for case in CASES:
        (project / "seeds" / case.name).write_bytes(case.data)
    before_import = files_under(root)
    outcomes = Importer(project / "content", registries).run(seed_files(project / "seeds"))
    before_build = files_under(root)
    output = run_pelican(project)
    return root, project, outcomes, output, before_import, before_build


def test_all_together_every_seed_is_reported_once_by_name(hostile_site):
    _, _, outcomes, _, _, _ = hostile_site
    failed = {o.seed: o.message for o in outcomes if o.action == "failed"}
    created = {o.seed for o in outcomes if o.action in ("created", "merged")}  # several seeds tell one event
    assert {o.action for o in outcomes} == {"created", "merged", "failed"}
    assert len([o for o in outcomes if o.action == "merged"]) < len(created) / 2
    assert {o.seed for o in outcomes if o.needs_date} == {c.name for c in CASES if c.undated}
    assert failed.keys() == {c.name for c in CASES if c.fails}
    assert all(BY_NAME[name].fails in message for name, message in failed.items())
    assert created == {c.name for c in CASES if not c.fails and not c.ignored} | {GOOD.name}
    assert GOOD_MAIN in {o.path for o in outcomes}


def test_all_together_nothing_is_written_outside_the_timeline(hostile_site):
    root, project, _, _, before_import, before_build = hostile_site
    written = {p for p, data in before_build.items() if before_import.get(p) != data}
    entries = written - {f"project/content/{LEDGER.as_posix()}"}
    assert not set(before_import) - set(before_build)
    assert entries and all(p.startswith("project/content/timeline/") and p.endswith(".md") for p in entries)
    after = files_under(root)
    built = {p for p, data in after.items() if before_build.get(p) != data}
    assert not set(before_build) - set(after)  # the build deleted nothing
    assert all(p.startswith(("project/output/", "project/cache/")) for p in built), sorted(built)[:20]
    assert not [p for p in after if Path(p).name in ("passwd", "pwned.html")]
    assert not list(root.parent.glob("pwned.html")) and not list(root.parent.parent.glob("pwned.html"))
    output = (project / "output").resolve()
    assert all((root / p).resolve().is_relative_to(output) for p in built if p.startswith("project/output/"))


def test_all_together_the_build_has_every_entry_and_no_raw_markup(hostile_site):
    _, project, outcomes, output, _, _ = hostile_site
    assert (output / "index.html").exists()
    pages = {p.stem for p in (output / "entries").glob("*.html")}
    created = [project / "content" / o.path for o in outcomes if o.action == "created"]
    published = {p.stem for p in created if parse(p.read_text(encoding="utf-8")).status == "published"}
    merged = {o.seed for o in outcomes if o.action == "merged"}  # the same text in two encodings: one event
    assert merged and len(published) + len(merged) == sum(not (c.fails or c.ignored or c.undated or c.held)
                                                          for c in CASES) + 1  # one per seed, or a source of one
    assert published <= pages, published - pages
    assert raw_markup(output) == []
    # The escaped words of entities.txt are shown as words, and the lookalike lines as text.
    entities = next((output / "drafts").glob("2018-03-18-hackers*.html"))  # no place, no faction: in review
    assert "&amp;lt;script&amp;gt;" in entities.read_text(encoding="utf-8")
    lookalike = (output / "entries" / "2016-03-28-engineers-clear-mines-in-palmyra.html").read_text("utf-8")
    assert "Slug: ../../etc/passwd" in lookalike and "Save_as: ../../../pwned.html" in lookalike


def test_the_good_seed_builds_as_it_does_alone(hostile_site):
    _, project, _, output, _, _ = hostile_site
    page = output / "entries" / "2017-10-14-dozens-of-is-fighters-surrender-as-raqas-fall-nears.html"
    assert "Dozens of IS fighters surrender as Raqa’s fall nears" in page.read_text(encoding="utf-8")
    assert os.path.getsize(page) > 1000
