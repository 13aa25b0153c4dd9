"""The `timeline` command, through click's CliRunner."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conflict_timeline.cli import main

from conftest import ROOT, make_project

SEED = ROOT / "seeds" / "000_58b2e9f6377aac77.txt"
FIELDS = {"seed", "title", "date", "precision", "source", "places", "factions", "events", "warnings"}


def test_extract_json_shape():
    result = CliRunner().invoke(main, ["extract", "--json", "--content", str(ROOT / "content"), str(SEED)])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert len(records) == 1
    record = records[0]
    assert FIELDS <= set(record)
    assert (record["seed"], record["date"], record["precision"], record["source"]) == \
        (SEED.name, "2017-10-14", "day", "Agence France-Presse")
    assert {"name", "lat", "lon", "country", "role"} == set(record["places"][0])
    assert {p["role"] for p in record["places"]} == {"primary", "mentioned", "dateline"}
    assert record["factions"][0] == {"name": "Islamic State"}
    assert sorted(e["date"] for e in record["events"]) == ["2014", "2017-06", "2017-10-14"]
    assert FIELDS - {"seed", "source", "events"} <= set(record["events"][0])


def test_extract_reports_a_bad_seed_and_still_prints_the_others(tmp_path):
    bad = tmp_path / "nothing.txt"
    bad.write_text("\n\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--json", "--content", str(ROOT / "content"), str(SEED), str(bad)])
    assert result.exit_code == 1
    records = json.loads(result.output)
    assert records[0]["date"] == "2017-10-14"
    assert records[1]["seed"] == "nothing.txt" and "empty" in records[1]["error"]


def test_import_then_check(tmp_path):
    project = make_project(tmp_path, [SEED])
    content = str(project / "content")
    runner = CliRunner()
    first = runner.invoke(main, ["import", str(project / "seeds"), "--content", content])
    assert first.exit_code == 0, first.output
    assert "4 created" in first.output
    again = runner.invoke(main, ["import", str(project / "seeds"), "--content", content])
    assert "4 unchanged" in again.output
    checked = runner.invoke(main, ["check", "--content", content])
    assert checked.exit_code == 0, checked.output
    assert "4 entries checked: 0 problems" in checked.output


def test_check_lists_problems_and_exits_1(tmp_path):
    project = make_project(tmp_path, [], {
        "timeline/2017/a.md": "Title: A\nDate: 2017-13-45\n\nx\n",
        "timeline/2017/b.md": "Title: B\nDate: 2017-10-01\nPlaces: Atlantis\nFactions: Islamic Stat\n\nx\n",
    })
    result = CliRunner().invoke(main, ["check", "--content", str(project / "content")])
    assert result.exit_code == 1
    assert "a.md" in result.output and "Date" in result.output
    assert "b.md: unknown place 'Atlantis'" in result.output
    assert "b.md: unknown faction 'Islamic Stat'" in result.output and "Islamic State" in result.output


def test_new_scaffolds_an_entry_that_checks(tmp_path):
    project = make_project(tmp_path)
    content = str(project / "content")
    result = CliRunner().invoke(main, ["new", "--content", content, "--title", "Turkish troops enter Jarablus",
                                       "--date", "2016-08-24", "--places", "Jarablus", "--factions",
                                       "Turkish Armed Forces; Free Syrian Army", "--source", "Reuters"])
    assert result.exit_code == 0, result.output
    path = project / "content" / "timeline" / "2016" / "2016-08-24-turkish-troops-enter-jarablus.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("Title: Turkish troops enter Jarablus\nDate: 2016-08-24\nStatus: draft\n")
    # every key a curator fills is there, and the placeholder stays a draft until they publish it
    for line in ("Event: \n", "Places: Jarablus\n", "Factions: Turkish Armed Forces; Free Syrian Army\n",
                 "Sources: Reuters\n", "Summary: \n"):
        assert line in text, line
    assert CliRunner().invoke(main, ["check", "--content", content]).exit_code == 0


def test_stats(tmp_path):
    project = make_project(tmp_path, [SEED])
    runner = CliRunner()
    runner.invoke(main, ["import", str(project / "seeds"), "--content", str(project / "content")])
    result = runner.invoke(main, ["stats", "--content", str(project / "content")])
    assert "entries: 4 (3 draft, 1 published)" in result.output
    assert "Raqqa (3)" in result.output


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in main.commands:
        assert f"timeline {command}" in readme, command


def test_review_lists_drafts_by_reason_with_the_fix(tmp_path):
    project = make_project(tmp_path, [], {
        "timeline/2017/weekday.md": "Title: A\nDate: 2017-10-14\nStatus: draft\nPlaces: Raqqa\nFactions: Islamic State\n"
                                    "Warnings: weekday mismatch: 'Friday' but 2017-10-14 was a Saturday\n\nx\n",
        "timeline/undated/undated-b.md": "Title: B\nStatus: draft\nPlaces: Raqqa\nFactions: Islamic State\n"
                                         "Warnings: needs a date: 'Tuesday' names only a weekday\n\nx\n",
        "timeline/2017/c.md": "Title: C\nDate: 2017-10-15\nStatus: draft\nPlaces: Raqqa\n\nx\n",
        "timeline/2017/live.md": "Title: D\nDate: 2017-10-16\nPlaces: Raqqa\nFactions: Islamic State\n\nx\n",
    })
    result = CliRunner().invoke(main, ["review", "--content", str(project / "content")])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "weekday mismatch (1): check the date" in out and "weekday.md" in out
    assert "needs a date (1): add 'Published: YYYY-MM-DD'" in out and "undated-b.md" in out
    assert "no faction (1)" in out and "c.md" in out
    assert "live.md" not in out and "3 drafts waiting" in out
