"""One event, many reports: seeds that report one event become sources of one entry; curators settle the rest.

Fixtures (tests/fixtures/same_event/, written for this project): three outlets on the Qamishli twin bombing with
tolls 44, 31 and 40 and two spellings of the city; two different events in Aleppo on one day.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflict_timeline.casualties import killed_range, lowest_fatalities, parse_by_source
from conflict_timeline.entries import is_untouched, parse, split_header
from conflict_timeline.export import events_csv, timeline_json
from conflict_timeline.importer import Importer, seed_files
from conflict_timeline.sameevent import Report, content_words, group, similarity

from conftest import ROOT, make_project

FIXTURES = ROOT / "tests" / "fixtures" / "same_event"
QAMISHLI = ("qamishli_afp.txt", "qamishli_daily.txt", "qamishli_state_tv.txt")


def run(project: Path, registries):
    return Importer(project / "content", registries).run(seed_files(project / "seeds"))


def entries(project: Path) -> dict[str, tuple[str, str]]:
    """{file: (text, status)} of every entry written."""
    root = project / "content" / "timeline"
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.md"))}


def tree(project: Path) -> dict[str, bytes]:
    root = project / "content"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, sorted(FIXTURES.glob("*.txt")))


def _by_seed(project: Path) -> dict[str, str]:
    found = {}
    for name, text in entries(project).items():
        header, _ = split_header(text)
        for seed in header.get("Seed", "").split(";"):
            found[seed.strip()] = name
    return found


def test_three_outlets_on_one_event_make_one_entry_with_every_source(project, registries):
    outcomes = run(project, registries)
    files = _by_seed(project)
    assert files["qamishli_afp.txt"] == files["qamishli_state_tv.txt"] == files["qamishli_daily.txt"]
    assert sorted(o.action for o in outcomes if o.seed in QAMISHLI) == ["created", "merged", "merged"]
    entry = parse(entries(project)[files["qamishli_afp.txt"]])
    assert entry.status == "published" and entry.date.isoformat() == "2016-07-27" and entry.places[0] == "Qamishli"
    assert {s.name for s in entry.sources} == {"Agence France-Presse", "Reuters"}
    tolls = {source: found.killed.count for source, found in parse_by_source(entry.casualties)}
    assert tolls == {"Agence France-Presse": 44, "Reuters": 31, "qamishli_daily.txt": 40}
    assert killed_range(entry.casualties) == "31\u201344 killed, by source"
    assert lowest_fatalities(entry.casualties) == 31  # ACLED: the lowest confirmed figure
    # every report is listed with its headline, date and the words its figure came from
    assert "“Twin bombing kills 31 in Kamishli, Syrian state TV says”: killed 31 (“killed 31”)" in entry.body
    assert "2016-07-28, “Islamic State truck bomb kills at least 40 in Qamishli”" in entry.body
    assert "dated by “Wednesday, July 27”" in entry.body  # each report keeps the words its date came from


def test_two_different_events_on_one_day_in_one_city_stay_apart(project, registries):
    run(project, registries)
    files = _by_seed(project)
    assert files["aleppo_market.txt"] != files["aleppo_rockets.txt"]
    for seed in ("aleppo_market.txt", "aleppo_rockets.txt"):
        assert "possible duplicate" not in entries(project)[files[seed]]


def test_reimport_three_times_is_byte_identical(project, registries):
    run(project, registries)
    first = tree(project)
    for _ in range(3):
        outcomes = run(project, registries)
        assert {o.action for o in outcomes} <= {"unchanged", "merged"}
        assert tree(project) == first


def test_import_order_does_not_change_the_result(tmp_path, registries):
    """The speaker of an event is chosen by its reports, never by which seed was imported first."""
    forward = make_project(tmp_path / "a", sorted(FIXTURES.glob("*.txt")))
    Importer(forward / "content", registries).run(seed_files(forward / "seeds"))
    backward = make_project(tmp_path / "b", sorted(FIXTURES.glob("*.txt")))
    Importer(backward / "content", registries).run(list(reversed(seed_files(backward / "seeds"))))
    assert entries(forward) == entries(backward)


def test_a_late_report_joins_the_entry_already_on_the_timeline(tmp_path, registries):
    project = make_project(tmp_path, [FIXTURES / "qamishli_afp.txt"])
    run(project, registries)
    [name] = list(entries(project))
    (project / "seeds" / "qamishli_state_tv.txt").write_bytes((FIXTURES / "qamishli_state_tv.txt").read_bytes())
    outcomes = {o.seed: o for o in run(project, registries)}
    assert outcomes["qamishli_state_tv.txt"].action == "merged"
    assert list(entries(project)) == [name]  # the same file, now with two sources
    assert "Reuters: killed 31" in entries(project)[name] and is_untouched(entries(project)[name])


def test_a_curators_edit_is_never_overwritten_by_a_merge(tmp_path, registries):
    project = make_project(tmp_path, [FIXTURES / "qamishli_afp.txt"])
    run(project, registries)
    [(name, text)] = entries(project).items()
    path = project / "content" / "timeline" / name
    path.write_text(text.replace("Status: published", "Status: published\nNote: checked by hand"), encoding="utf-8")
    edited = path.read_bytes()
    (project / "seeds" / "qamishli_state_tv.txt").write_bytes((FIXTURES / "qamishli_state_tv.txt").read_bytes())
    outcomes = {o.seed: o for o in run(project, registries)}
    assert path.read_bytes() == edited
    assert outcomes["qamishli_afp.txt"].action == "kept"
    assert "qamishli_state_tv.txt" in outcomes["qamishli_afp.txt"].message  # reported for the curator to add


def test_not_same_as_splits_a_report_out_and_survives_reimports(project, registries):
    run(project, registries)
    name = _by_seed(project)["qamishli_state_tv.txt"]
    path = project / "content" / "timeline" / name
    path.write_text(path.read_text(encoding="utf-8").replace("Status: published\n", "Status: published\n"
                                                             "Not-same-as: qamishli_state_tv.txt\n"), encoding="utf-8")
    run(project, registries)
    files = _by_seed(project)
    assert files["qamishli_state_tv.txt"] != files["qamishli_afp.txt"] == files["qamishli_daily.txt"]
    merged = entries(project)[files["qamishli_afp.txt"]]
    assert "Not-same-as: qamishli_state_tv.txt" in merged and is_untouched(merged)  # a decision is not an edit
    assert "Reuters" not in split_header(merged)[0]["Sources"]
    split = entries(project)[files["qamishli_state_tv.txt"]]
    assert "possible duplicate" not in split  # the curator settled it
    settled = tree(project)
    run(project, registries)
    assert tree(project) == settled


def test_same_as_merges_what_the_importer_was_unsure_of(tmp_path, registries):
    project = make_project(tmp_path, [FIXTURES / "aleppo_market.txt", FIXTURES / "aleppo_rockets.txt"])
    run(project, registries)
    files = _by_seed(project)
    target = Path(files["aleppo_market.txt"]).stem
    path = project / "content" / "timeline" / files["aleppo_rockets.txt"]
    path.write_text(path.read_text(encoding="utf-8").replace("\n\n", f"\nSame-as: {target}\n\n", 1), encoding="utf-8")
    run(project, registries)
    after = entries(project)
    market = after[files["aleppo_market.txt"]]
    assert "Seed: aleppo_market.txt; aleppo_rockets.txt" in market
    pointer = parse(after[files["aleppo_rockets.txt"]])  # kept, so the decision stays, but never built
    assert pointer.status == "skip" and pointer.same_as == (target,)
    settled = tree(project)
    run(project, registries)
    assert tree(project) == settled


def test_a_close_but_unsure_match_is_a_draft_naming_the_entry(registries):
    base = {"date": "2016-07-27", "place": "Qamishli", "lat": 37.05, "lon": 41.23, "factions": ("Islamic State",),
            "event_type": "Explosions/Remote violence"}
    a = Report(seed="a.txt", title="Twin bombing kills 44 in Qamishli", killed=44,
               words=content_words("Twin bombing kills 44 in Qamishli truck bomb security headquarters"), **base)
    b = Report(seed="b.txt", title="Fatalities expected to rise after Qamishli blast", killed=48,
               words=content_words("Fatalities expected to rise after blast truck Qamishli claimed rescuers"), **base)
    far = Report(seed="c.txt", title="Twin bombing kills 44 in Qamishli", killed=44, words=a.words,
                 **{**base, "place": "Aleppo", "lat": 36.2, "lon": 37.16})
    assert 0.3 <= similarity(a, b) < 0.55
    assert similarity(a, far) == 0.0  # 300 km apart: never the same event
    grouping = group([a, b, far])
    assert grouping.possible == {"b.txt": "a.txt"} and all(len(g) == 1 for g in grouping.groups)
    assert group([a, b], different=[("a.txt", "b.txt")]).possible == {}
    assert [sorted(g) for g in group([a, b], same=[("b.txt", "a.txt")]).groups] == [["a.txt", "b.txt"]]


def test_a_chain_of_near_misses_never_fuses_three_events():
    base = {"date": "2016-08-03", "place": "Aleppo", "lat": 36.2, "lon": 37.16}
    a, b, c = (Report(seed=f"{seed}.txt", title=words, words=words, **base) for seed, words in (
        ("a", "market strike vegetable civilian rubble stall"), ("b", "market strike vegetable rocket government district"),
        ("c", "rocket government district hamdaniyeh fire building")))
    assert similarity(a, b) >= 0.55 and similarity(b, c) >= 0.55 and similarity(a, c) < 0.4
    assert len(group([a, b, c]).groups) == 2


def test_exports_carry_every_sources_figure(project, registries, tmp_path):
    from conflict_timeline.models import SiteEntry

    run(project, registries)
    entry = parse(entries(project)[_by_seed(project)["qamishli_afp.txt"]])
    site = [SiteEntry(entry=entry, url="entries/qamishli.html", text="t")]
    figures = json.loads(timeline_json(site, "https://example.org", "T", "D"))["events"][0]["casualties"]
    assert figures["fatalities"] == 31 and (figures["killed_min"], figures["killed_max"]) == (31, 44)
    assert {s["source"]: s["killed"] for s in figures["by_source"]} == {
        "Agence France-Presse": 44, "Reuters": 31, "qamishli_daily.txt": 40}
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(events_csv(site, "https://example.org"))))
    assert rows[0]["fatalities"] == "31"


def test_a_report_of_an_event_a_curator_wrote_by_hand_is_named_for_the_curator_to_add(tmp_path, registries):
    handmade = ("Title: Truck bombs kill dozens in Qamishli\nDate: 2016-07-27\nPlaces: Qamishli\n"
                "Factions: Islamic State; People's Protection Units\nEvent: Explosions/Remote violence\n"
                "Casualties: killed at least 44\n\nA twin bombing by the Islamic State group killed at least 44 people "
                "near a security headquarters of the People's Protection Units in Qamishli.\n")
    project = make_project(tmp_path, [FIXTURES / "qamishli_afp.txt", FIXTURES / "aleppo_market.txt"],
                           entries={"timeline/2016/qamishli-by-hand.md": handmade})
    outcomes = {o.seed: o for o in run(project, registries)}
    assert outcomes["qamishli_afp.txt"].action == "kept"
    assert outcomes["qamishli_afp.txt"].path == "timeline/2016/qamishli-by-hand.md"
    assert "Agence France-Presse" in outcomes["qamishli_afp.txt"].message
    assert (project / "content" / "timeline" / "2016" / "qamishli-by-hand.md").read_text(encoding="utf-8") == handmade
    assert set(entries(project)) == {"2016/qamishli-by-hand.md", "2016/2016-08-03-air-strikes-on-aleppo-market-kill-12.md"}
    assert {o.action for o in run(project, registries)} == {"kept", "unchanged"}  # and so on every re-import


def test_the_review_page_names_the_entry_a_possible_duplicate_may_repeat():
    from types import SimpleNamespace

    from conflict_timeline.review import NO_FACTION, site_groups

    flagged = SimpleNamespace(metadata={"warnings": ("possible duplicate of 2016-07-27-twin-bombing: same day and "
                                                     "place, similar report; ") + NO_FACTION})
    groups = {reason: drafts for reason, _, drafts, _ in site_groups([flagged])}
    assert groups["possible duplicate"] == [(flagged, "possible duplicate of 2016-07-27-twin-bombing: same day and "
                                                      "place, similar report")]
    assert groups["no faction"] == [(flagged, "")]  # the heading says it all


def test_a_warm_build_reports_the_same_events_and_still_sees_a_curators_new_line(project, registries):
    """A build keeps stamps: with nothing changed it does not group again, yet reports exactly what a full import
    does; a decision line added since is seen at once."""
    stamps: dict = {}

    def build():
        return Importer(project / "content", registries, quick=True, stamps=stamps).run(seed_files(project / "seeds"))

    build()
    warm = [o.line() for o in build()]
    assert warm == [o.line() for o in run(project, registries)]  # stamps=None: the full path
    name = _by_seed(project)["qamishli_state_tv.txt"]
    path = project / "content" / "timeline" / name
    path.write_text(path.read_text(encoding="utf-8").replace("Status: published\n", "Status: published\n"
                                                             "Not-same-as: qamishli_state_tv.txt\n"), encoding="utf-8")
    build()
    assert _by_seed(project)["qamishli_state_tv.txt"] != _by_seed(project)["qamishli_afp.txt"]
