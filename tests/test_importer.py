"""Curator workflow: idempotent re-import, edits never overwritten, rejected entries stay rejected, bad seeds named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflict_timeline.importer import Importer, seed_files, write_atomic

from conftest import ROOT, make_project

SEED = ROOT / "seeds" / "000_58b2e9f6377aac77.txt"


def run(project: Path, registries, dry_run: bool = False):
    return Importer(project / "content", registries, dry_run).run(seed_files(project / "seeds"))


def tree(project: Path) -> dict[str, bytes]:
    root = project / "content"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, [SEED])


def test_import_creates_main_entry_and_drafts(project, registries):
    outcomes = run(project, registries)
    assert [o.action for o in outcomes] == ["created"] * 4
    files = sorted(p.relative_to(project / "content").as_posix() for p in (project / "content" / "timeline").rglob("*.md"))
    assert files == [
        "timeline/2014/2014-islamic-state-captured-raqqa.md",
        "timeline/2017/2017-06-syrian-democratic-forces-broke-into-raqqa.md",
        "timeline/2017/2017-10-14-dozens-of-is-fighters-surrender-as-raqas-fall-nears.md",
        "timeline/2017/2017-10-14-syrian-arab-army-captured-al-mayadin.md",
    ]


def test_three_imports_give_a_byte_identical_tree(project, registries):
    run(project, registries)
    first = tree(project)
    for _ in range(2):
        assert {o.action for o in run(project, registries)} == {"unchanged"}
        assert tree(project) == first


def test_curator_edit_survives_reimport_byte_for_byte(project, registries):
    run(project, registries)
    path = project / "content" / "timeline" / "2017" / "2017-10-14-syrian-arab-army-captured-al-mayadin.md"
    edited = path.read_text(encoding="utf-8").replace("Status: draft", "Status: published") + "\nConfirmed by SANA.\n"
    path.write_text(edited, encoding="utf-8")
    outcomes = {o.path: o for o in run(project, registries)}
    assert outcomes["timeline/2017/2017-10-14-syrian-arab-army-captured-al-mayadin.md"].action == "kept"
    assert path.read_text(encoding="utf-8") == edited


def test_deleted_entry_does_not_come_back(project, registries):
    run(project, registries)
    path = project / "content" / "timeline" / "2014" / "2014-islamic-state-captured-raqqa.md"
    path.unlink()
    outcomes = {o.path: o.action for o in run(project, registries)}
    assert outcomes["timeline/2014/2014-islamic-state-captured-raqqa.md"] == "rejected"
    assert not path.exists()


def test_changed_seed_updates_untouched_entries_only(project, registries):
    run(project, registries)
    seed = project / "seeds" / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("Dozens of IS fighters surrender", "Scores of IS fighters surrender", 1),
                    encoding="utf-8")
    actions = [o.action for o in run(project, registries)]
    assert actions.count("updated") == 4  # the title and the seed hash changed; file names stay stable
    ledger = json.loads((project / "content" / "data" / "imports.json").read_text(encoding="utf-8"))
    main = project / "content" / ledger[SEED.name]["files"]["main"]
    assert main.read_text(encoding="utf-8").startswith("Title: Scores of IS fighters surrender")


def test_bad_seed_is_named_and_the_rest_still_import(project, registries):
    (project / "seeds" / "empty.txt").write_text("   \n", encoding="utf-8")
    (project / "seeds" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (project / "seeds" / ".hidden.txt").write_text("ignored", encoding="utf-8")
    outcomes = run(project, registries)
    failed = {o.seed: o.message for o in outcomes if o.action == "failed"}
    assert set(failed) == {"empty.txt", "binary.txt"}
    assert "empty" in failed["empty.txt"] and "binary" in failed["binary.txt"]
    assert sum(o.action == "created" for o in outcomes) == 4


def test_dry_run_writes_nothing(project, registries):
    before = tree(project)
    outcomes = run(project, registries, dry_run=True)
    assert {o.action for o in outcomes} == {"created"}
    assert tree(project) == before


def test_name_clash_with_a_hand_written_file_gets_a_new_name(project, registries):
    mine = project / "content" / "timeline" / "2014" / "2014-islamic-state-captured-raqqa.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("Title: Islamic State captured Raqqa\nDate: 2014\n\nMy own words.\n", encoding="utf-8")
    run(project, registries)
    assert mine.read_text(encoding="utf-8").endswith("My own words.\n")
    assert (mine.parent / "2014-islamic-state-captured-raqqa-2.md").exists()


def test_write_atomic_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "a.md"
    target.write_text("old", encoding="utf-8")

    def explode(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", explode)
    with pytest.raises(OSError):
        write_atomic(target, "new text")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_unchanged_seeds_are_not_extracted_again(project, registries, monkeypatch):
    run(project, registries)
    calls = []
    monkeypatch.setattr("conflict_timeline.importer.extract", lambda *a, **k: calls.append(a) or None)
    (project / "content" / "timeline" / "2014" / "2014-islamic-state-captured-raqqa.md").unlink()
    outcomes = run(project, registries)
    assert calls == []
    assert sorted(o.action for o in outcomes) == ["rejected", "unchanged", "unchanged", "unchanged"]


def test_the_first_ledger_format_is_still_read(project, registries):
    run(project, registries)
    path = project / "content" / "data" / "imports.json"
    ledger = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({seed: record["files"] for seed, record in ledger.items()}), encoding="utf-8")
    assert {o.action for o in run(project, registries)} == {"unchanged"}
    assert json.loads(path.read_text(encoding="utf-8")) == ledger


def test_a_crash_half_way_leaves_whole_files_and_a_rerun_finishes_cleanly(project, registries, monkeypatch):
    import conflict_timeline.importer as importer

    real = importer.write_atomic
    calls = []

    def crash_on_third(path, text):
        calls.append(path)
        if len(calls) == 3:
            raise KeyboardInterrupt("power cut")
        real(path, text)

    monkeypatch.setattr(importer, "write_atomic", crash_on_third)
    with pytest.raises(KeyboardInterrupt):
        run(project, registries)
    monkeypatch.setattr(importer, "write_atomic", real)
    timeline = project / "content" / "timeline"
    assert not [p for p in project.rglob("*.tmp")]
    assert all(p.read_text(encoding="utf-8").startswith("Title: ") for p in timeline.rglob("*.md"))
    assert not (project / "content" / "data" / "imports.json").exists()  # the ledger is written last
    outcomes = run(project, registries)
    assert sorted(o.action for o in outcomes) == ["created", "created", "unchanged", "unchanged"]
    assert len(list(timeline.rglob("*.md"))) == 4  # no "-2" duplicates of the files written before the crash


def test_a_deleted_ledger_is_rebuilt_without_duplicates(project, registries):
    run(project, registries)
    (project / "content" / "data" / "imports.json").unlink()
    assert {o.action for o in run(project, registries)} == {"unchanged"}
    assert len(list((project / "content" / "timeline").rglob("*.md"))) == 4


def test_stamps_spare_reading_unchanged_seeds_and_notice_a_changed_one(project, registries, monkeypatch):
    stamps: dict = {}
    first = Importer(project / "content", registries, quick=True, stamps=stamps).run(seed_files(project / "seeds"))
    assert [o.action for o in first] == ["created"] * 4 and set(stamps) == {SEED.name, "/entries"}

    read: list[str] = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or original(self))
    opened: list[str] = []
    monkeypatch.setattr("builtins.open", lambda file, *a, _open=open, **k: opened.append(str(file)) or _open(file, *a, **k))
    again = Importer(project / "content", registries, quick=True, stamps=stamps).run(seed_files(project / "seeds"))
    assert [o.action for o in again] == ["unchanged"] * 4 and SEED.name not in read
    assert not [f for f in opened if f.endswith(".md")]  # nor the entries: their notes are cached by size and time

    # The same size, new words and a new modification time: read again, and converted again.
    seed = project / "seeds" / SEED.name
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("Saturday", "Saturdax", 1), encoding="utf-8")
    assert seed.stat().st_size == SEED.stat().st_size
    changed = Importer(project / "content", registries, quick=True, stamps=stamps).run(seed_files(project / "seeds"))
    assert SEED.name in read and "unchanged" not in {o.action for o in changed[:1]}
