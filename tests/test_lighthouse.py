"""Lighthouse (from npm, offline, on Debian's Chromium) at its mobile settings on the index, an entry page and the map
of a 600-entry site: performance at least 0.98, accessibility 1.0, layout shift under 0.05."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from browser import CHROMIUM, require_chromium, serve
from conftest import ROOT, make_project, run_pelican
from test_scale import synthetic_entries

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "index": "/",
    "entry": "/entries/2017-10-14-dozens-of-is-fighters-surrender-as-raqas-fall-nears.html",
    "map": "/map/",
}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    require_chromium()
    if not LIGHTHOUSE.exists():
        if os.environ.get("CI"):
            pytest.fail("Lighthouse is missing: `make test` installs it with `npm ci`")
        pytest.skip("Lighthouse is not installed (npm ci)")
    project = make_project(tmp_path_factory.mktemp("lighthouse"), real_content=True, entries=synthetic_entries(600))
    with serve(run_pelican(project)) as url:
        yield url


def lighthouse(url: str, report: Path) -> dict:
    """One Lighthouse run at its default (mobile) settings: the categories' scores and the audits."""
    command = [str(LIGHTHOUSE), url, "--only-categories=performance,accessibility", "--output=json",
               f"--output-path={report}", "--quiet", "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
               "--disable-background-networking --disable-component-update --no-first-run"]
    subprocess.run(command, check=True, timeout=180, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", PAGES)
def test_lighthouse_on_a_phone(served, name, tmp_path):
    result = lighthouse(served + PAGES[name], tmp_path / "report.json")
    assert not result.get("runtimeError"), result.get("runtimeError")
    scores = {key: category["score"] for key, category in result["categories"].items()}
    failing = [audit["id"] for audit in result["audits"].values()
               if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0]
    assert scores["accessibility"] == 1.0, failing
    shift = result["audits"]["cumulative-layout-shift"]["numericValue"]
    assert shift < 0.05, shift
    assert scores["performance"] >= 0.98, {k: result["audits"][k]["displayValue"] for k in (
        "first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index")}
