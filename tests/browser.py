"""Real browser helpers: Debian's Chromium driven by Playwright (never `playwright install`), a local server."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Flags that keep Chromium from phoning home (this machine has no network; a published site must not need one).
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync", "--disable-quic", "--disable-default-apps"]


def require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; .ci/run installs Debian's chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *_args) -> None:
        pass


@contextlib.contextmanager
def serve(root: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 at a free port; yields the base URL."""
    handler = type("Handler", (_QuietHandler,), {"extra_headers": dict(headers or {})})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def axe_source() -> str:
    return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.x A/AA and best practices) on the loaded page."""
    page.add_script_tag(content=axe_source())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]


# Fixtures shared by the browser test modules: `from browser import base_url, browser`; each module defines `site`.
@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, once per module."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def base_url(site):
    """The module's built site, served on localhost."""
    with serve(site) as url:
        yield url
