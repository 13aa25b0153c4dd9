"""Warm rebuilds render only what changed, and their output is byte-identical to a full build's."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

from conftest import make_project, run_pelican

ENTRY = Path("timeline") / "2016" / "2016-03-27-government-forces-retake-palmyra.md"


def digest(output: Path) -> dict[str, str]:
    return {p.relative_to(output).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(output.rglob("*")) if p.is_file()}


def build(project: Path, caplog=None) -> tuple[dict[str, str], list[str]]:
    """Build; returns the output's digest and the pages (re)written by this build, by modification time."""
    output = project / "output"
    before = {p: p.stat().st_mtime_ns for p in output.rglob("*.html")} if output.exists() else {}
    time.sleep(0.01)
    run_pelican(project, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True)
    written = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html")
                     if before.get(p) != p.stat().st_mtime_ns)
    return digest(output), written


def edit(project: Path, old: str, new: str) -> None:
    path = project / "content" / ENTRY
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def fresh(project: Path, tmp_path: Path) -> dict[str, str]:
    """The same content built from nothing, in another folder."""
    copy = tmp_path / "fresh"
    shutil.copytree(project / "content", copy / "project" / "content")
    shutil.copytree(project / "seeds", copy / "project" / "seeds")
    return digest(run_pelican(copy / "project"))


def test_body_edit_renders_one_entry_and_matches_a_full_build(tmp_path, caplog):
    project = make_project(tmp_path, real_content=True)
    build(project, caplog)
    edit(project, "ancient monuments", "ancient temples and tombs")  # past the teaser that lists show
    tree, written = build(project, caplog)
    assert written == ["entries/2016-03-27-government-forces-retake-palmyra.html"]
    assert tree == fresh(project, tmp_path)


def test_title_edit_builds_in_full(tmp_path, caplog):
    project = make_project(tmp_path, real_content=True)
    build(project, caplog)
    edit(project, "Title: Government forces retake Palmyra", "Title: Syrian army retakes Palmyra")
    tree, written = build(project, caplog)
    assert len(written) > 20
    assert tree == fresh(project, tmp_path)


def test_nothing_changed_renders_no_page(tmp_path, caplog):
    project = make_project(tmp_path, real_content=True)
    first, _ = build(project, caplog)
    tree, written = build(project, caplog)
    assert written == []
    assert tree == first


def test_an_edit_inside_the_teaser_rebuilds_the_lists(tmp_path):
    project = make_project(tmp_path, real_content=True)
    build(project)
    edit(project, "three-week offensive", "three-week offensive backed by militias")  # lists show this text
    tree, written = build(project)
    assert "index.html" in written and "timeline/2016/03/index.html" in written
    assert tree == fresh(project, tmp_path)
