"""The search index: one Pagefind bundle per year of entries, indexed in parallel once the site is written.

One index of the whole site took Pagefind 8.4 s and 660 MB at 10,000 entries, and was redone whole when one entry
changed. A year's bundle (about 1,200 entry pages) takes about 1 s and 90 MB, so here:

- each year's entry pages become ``pagefind/<year>/`` (a year with more than ``MAX_PAGES`` pages is split into
  parts, ``2017``, ``2017-2``: memory stays bounded however the entries spread), and ``pagefind/bundles.json``
  lists the bundles oldest first; the search page merges them in the browser (Pagefind's ``mergeIndex``);
- ``WORKERS`` Pagefind processes index them side by side, one thread each. (Starting a year as soon as its pages
  were written, at a lowered priority, gained no time: the build's own two processes keep both cores busy while
  they write, and it cost 0.3-2.5 s more CPU.)
- a year whose pages are byte-identical to the last build's keeps its bundle (a manifest of page digests in
  ``CACHE_PATH``), so a warm rebuild after one edit re-indexes one year.

Pagefind reads a year's pages through hard links in a folder of their own under ``CACHE_PATH`` (``--site``), so
result URLs are the pages' own (``/entries/...``) whatever the pages are named. pelican_hooks.py feeds it.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from importlib import metadata
from pathlib import Path

from .incremental import read_json, write_json

log = logging.getLogger(__name__)

FOLDER = "pagefind"  # under the output folder: one bundle per year, and the list of them
LISTING = "bundles.json"  # pagefind/bundles.json: {"bundles": ["2012", "2013", ...]}, oldest first
MAX_PAGES = 2000  # pages per bundle: Pagefind's memory grows with what one process indexes (~90 MB per 1,200)
WORKERS = max(2, min(8, os.cpu_count() or 2))  # Pagefind processes at a time, one thread each (RAYON_NUM_THREADS)
FORMAT = 1  # bump when the bundles' layout changes: every year is indexed again


def bundle_groups(pages: Iterable[tuple[date, str]], limit: int = MAX_PAGES) -> dict[str, list[str]]:
    """(date, save_as) of each entry page -> {bundle name: its pages in date order}, oldest bundle first: one per
    year ("2017"); a year with more than ``limit`` pages in parts of at most ``limit`` ("2017", "2017-2")."""
    by_year: dict[int, list[tuple[date, str]]] = {}
    for day, save_as in pages:
        by_year.setdefault(day.year, []).append((day, save_as))
    groups: dict[str, list[str]] = {}
    for year in sorted(by_year):
        ordered = [save_as for _, save_as in sorted(by_year[year], key=lambda p: (p[0], p[1]))]
        for part, start in enumerate(range(0, len(ordered), limit), 1):
            groups[f"{year:04d}" if part == 1 else f"{year:04d}-{part}"] = ordered[start:start + limit]
    return groups


@functools.lru_cache(maxsize=1)
def pagefind_binary() -> list[str]:
    """Pagefind's binary, as its Python package finds it (``python -m pagefind`` costs a Python start per bundle)."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return [sys.executable, "-m", "pagefind"]  # then the error message comes from there
    binary = get_executable()
    return [str(binary)] if binary is not None else [sys.executable, "-m", "pagefind"]


def pagefind_command(site: Path, output: Path) -> list[str]:
    """Pagefind on one bundle's pages (``site``: their links, laid out as in the output); within each page it reads
    only the entry's text (``data-pagefind-body``), and title, date and labels as its metadata and filters."""
    return [*pagefind_binary(), "--site", str(site), "--output-path", str(output), "--silent"]


def pages_digest(output: Path, pages: list[str], stamps: bool = False) -> str | None:
    """What a bundle is made of: its pages' paths and bytes (or, with ``stamps``, their sizes and modification
    times, which a warm rebuild leaves alone on pages it does not write). None when a page is missing."""
    digest = hashlib.sha256()
    try:
        for page in pages:
            if stamps:
                stat = (output / page).stat()
                digest.update(f"{page}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
            else:
                digest.update(page.encode() + b"\0" + (output / page).read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()[:24]


def _stage(output: Path, pages: list[str], stage: Path) -> None:
    """Hard links to the pages, laid out as in the output (a copy where links cannot be made)."""
    shutil.rmtree(stage, ignore_errors=True)
    for page in pages:
        target = stage / page
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(output / page, target)
        except OSError:
            shutil.copyfile(output / page, target)


def _replace(fresh: Path, bundle: Path) -> None:
    old = bundle.with_name(f".{bundle.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if bundle.exists():
        bundle.rename(old)
    fresh.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)


def _run(command: list[str]) -> subprocess.CompletedProcess:
    # One thread each: several run at once, and more threads than cores cost Pagefind system time, not wall time.
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False,
                          env={"RAYON_NUM_THREADS": "1", **os.environ})


def _key() -> str:
    try:
        version = metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        version = "?"
    return f"{FORMAT}/{version}/{MAX_PAGES}"


class SearchIndexer:
    """This build's search index: ``finish()`` once the site is written."""

    def __init__(self, output_path: str | Path, cache_path: str | Path, groups: dict[str, list[str]],
                 workers: int = WORKERS) -> None:
        self.output = Path(os.path.abspath(output_path))
        self.folder = self.output / FOLDER
        self.groups = groups
        cache = Path(os.path.abspath(cache_path))
        self.stages = cache / "timeline-search"
        self.manifest_path = cache / f"timeline-search-{hashlib.sha256(str(self.output).encode()).hexdigest()[:16]}.json"
        previous = read_json(self.manifest_path)
        self.key = _key()
        self.previous: dict[str, dict] = previous.get("bundles", {}) if previous.get("key") == self.key else {}
        self.workers = workers

    def _index(self, name: str) -> tuple[str, dict | None]:
        """("unchanged" | "indexed" | "failed", what the manifest keeps of its pages) for one bundle."""
        pages, bundle, previous = self.groups[name], self.folder / name, self.previous.get(name) or {}
        kept = {"stamps": pages_digest(self.output, pages, stamps=True)}
        if (bundle / "pagefind-entry.json").exists():
            if kept["stamps"] is not None and previous.get("stamps") == kept["stamps"]:
                return "unchanged", {**previous, **kept}  # not one of its pages was written again
            kept["bytes"] = pages_digest(self.output, pages)
            if kept["bytes"] is not None and previous.get("bytes") == kept["bytes"]:
                return "unchanged", kept  # written again, byte for byte the same
        else:
            kept["bytes"] = pages_digest(self.output, pages)
        stage, fresh = self.stages / name, self.folder / f".{name}.new"
        shutil.rmtree(fresh, ignore_errors=True)
        try:
            _stage(self.output, pages, stage)
            result = _run(pagefind_command(stage, fresh))
        except (OSError, subprocess.TimeoutExpired) as error:
            log.error("%s: search index of %s not built: %s", self.output, name, error)
            return "failed", None
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        if result.returncode != 0 or not (fresh / "pagefind-entry.json").exists():
            log.error("%s: search index of %s not built (pagefind exit %d): %s", self.output, name, result.returncode,
                      (result.stderr or result.stdout).strip()[-500:])
            shutil.rmtree(fresh, ignore_errors=True)
            return "failed", None
        _replace(fresh, bundle)
        return "indexed", kept

    def finish(self) -> None:
        """Index the bundles side by side, drop those of years gone (and stale files), list the bundles."""
        if not self.groups:
            log.info("%s: no entry pages to index; the search page says so", self.output)
            shutil.rmtree(self.folder, ignore_errors=True)
            return
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="pagefind") as pool:
            outcomes = dict(zip(self.groups, pool.map(self._index, self.groups)))
        built = [name for name in self.groups if (self.folder / name / "pagefind-entry.json").exists()]
        for path in self.folder.iterdir() if self.folder.is_dir() else ():  # years gone, an older layout, leftovers
            if path.name not in built and not (built and path.name == LISTING):
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
        if built:
            write_json(self.folder / LISTING, {"bundles": built}, "the search page cannot find its indexes")
        write_json(self.manifest_path, {"key": self.key, "bundles": {name: kept for name, (outcome, kept)
                                                                     in outcomes.items() if outcome != "failed"}},
                   "the next build indexes every year again")
        indexed = sum(outcome == "indexed" for outcome, _ in outcomes.values())
        log.info("timeline: Pagefind indexed %d of %d bundles in %s (%d unchanged) in %.1f s", indexed,
                 len(self.groups), self.folder, len(self.groups) - indexed - sum(
                     outcome == "failed" for outcome, _ in outcomes.values()), time.perf_counter() - started)
