"""Real clients read our output: TimelineJS (npm) renders timeline.json in Chromium; the Nu HTML Checker (npm
vnu-jar, on the machine's Java) finds no error on any page type. Both come from package.json, test-only."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from browser import CHROMIUM, FLAGS, require_chromium, serve
from conftest import ROOT, make_project, run_pelican

NODE = ROOT / "node_modules"
TIMELINEJS = NODE / "@knight-lab" / "timelinejs" / "dist"
VNU = NODE / "vnu-jar" / "build" / "dist" / "vnu.jar"
HARNESS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="tl/css/timeline.css"></head>
<body><div id="timeline-embed" style="width: 900px; height: 600px"></div>
<script src="tl/js/timeline.js"></script><script src="embed.js"></script></body></html>"""
EMBED = """fetch("timeline.json").then(function (r) { return r.json(); }).then(function (data) {
  window.timeline = new TL.Timeline("timeline-embed", data, {script_path: new URL("tl/js/", window.location.href).href, language: "en"});
  window.timeline.on("loaded", function () { document.body.setAttribute("data-loaded", "yes"); });
});"""


def require(path) -> None:
    if not path.exists():
        if shutil.which("npm") is None:
            pytest.skip("npm is not installed; `make test` installs package.json's clients with npm ci")
        pytest.fail(f"{path} is missing: run `npm ci` (make test does)")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return run_pelican(make_project(tmp_path_factory.mktemp("clients"), real_content=True))


def test_timelinejs_renders_one_slide_per_published_entry(site, tmp_path):
    require_chromium()
    require(TIMELINEJS)
    from playwright.sync_api import sync_playwright

    shutil.copytree(TIMELINEJS, tmp_path / "tl")
    shutil.copy(site / "timeline.json", tmp_path / "timeline.json")
    (tmp_path / "index.html").write_text(HARNESS, encoding="utf-8")
    (tmp_path / "embed.js").write_text(EMBED, encoding="utf-8")
    events = json.loads((site / "timeline.json").read_text(encoding="utf-8"))["events"]
    with sync_playwright() as playwright, serve(tmp_path) as url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        blocked: list[str] = []  # TimelineJS's own CSS asks Google Fonts for its typefaces; nothing leaves here
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url)
                   else (blocked.append(route.request.url), route.abort()))
        page.goto(url + "/index.html")
        page.wait_for_selector("body[data-loaded=yes]", state="attached", timeout=20000)
        slides = page.locator(".tl-slide:not(.tl-slide-titleslide)").count()
        headlines = page.locator(".tl-slide:not(.tl-slide-titleslide) .tl-headline").all_text_contents()
        browser.close()
    assert len(events) == 4 and slides == len(events)
    assert "Dozens of IS fighters surrender as Raqa’s fall nears" in [h.strip() for h in headlines]
    assert all(u.startswith("https://fonts.gstatic.com/") for u in blocked)
    assert errors == ["Failed to load resource: net::ERR_FAILED"] * len(blocked)  # only the blocked fonts


def test_nu_html_checker_finds_no_errors(site):
    require(VNU)
    if shutil.which("java") is None:
        pytest.skip("Java is not installed")
    pages = [site / "index.html", site / "newest" / "index.html", site / "about" / "index.html", site / "factions" / "index.html",
             site / "factions" / "islamic-state" / "index.html", site / "places" / "index.html",
             site / "places" / "raqqa" / "index.html", site / "map" / "index.html", site / "search" / "index.html",
             site / "timeline" / "2017" / "index.html", site / "timeline" / "2017" / "10" / "index.html",
             next((site / "entries").glob("*.html")), next((site / "drafts").glob("*.html"))]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    assert [(m.get("url", "").rsplit("/output/", 1)[-1], m["message"]) for m in messages] == []
