"""The search index: one Pagefind bundle per year of entries, built while Pelican writes the site.

One index of the whole site took Pagefind 8.4 s and 660 MB at 10,000 entries, and was redone whole when one entry
changed. A year's bundle (about 1,200 entries) takes about 1 s and 90 MB, so here:

- each year's entries become ``pagefind/<year>/`` (a year with more than ``MAX_PAGES`` entries is split into parts,
  ``2017``, ``2017-2``: memory stays bounded however the entries spread), and ``pagefind/bundles.json`` lists the
  bundles oldest first; the search page merges them in the browser (Pagefind's ``mergeIndex``);
- Pagefind reads each entry's record (search_records.py), not its page: the records exist as soon as the entries
  are read, so a second process (``start``) indexes them while Pelican writes the site, on the core Pelican leaves
  idle while it sorts and links the entries; ``WORKERS`` Pagefind processes at a time, one thread each (the build
  keeps two processes busy meanwhile: on two cores a second Pagefind made the build 5-10% slower, not faster);
- a year whose records are the same as at the last build keeps its bundle (a manifest of record digests in
  ``CACHE_PATH``), so a warm rebuild after one edit re-indexes one year.

Records are written to a folder of their own under ``CACHE_PATH`` at the entry pages' paths (``--site``), so result
URLs are the pages' own (``/entries/...``). pelican_hooks.py feeds it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from importlib import metadata
from pathlib import Path

from . import parallel
from .incremental import read_json, write_json

log = logging.getLogger(__name__)

FOLDER = "pagefind"  # under the output folder: one bundle per year, and the list of them
LISTING = "bundles.json"  # pagefind/bundles.json: {"bundles": ["2012", "2013", ...]}, oldest first
MAX_PAGES = 2000  # pages per bundle: Pagefind's memory grows with what one process indexes (~90 MB per 1,200)
CORES = os.cpu_count() or 2
WORKERS = max(1, min(8, CORES - 2))  # Pagefind processes at a time beside the build, one thread each (RAYON_NUM_THREADS)
WORKERS_ALONE = max(2, min(8, CORES))  # ... and when the index is built after the site, in the build's own process
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
            "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")  # ~420 KB a bundle
FORMAT = 3  # bump when the bundles' layout changes: every year is indexed again


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


def records_digest(records: dict[str, str]) -> str:
    """What a bundle is made of: its records' paths and text."""
    digest = hashlib.sha256()
    for path, html in records.items():
        digest.update(f"{path}\0{html}\0".encode())
    return digest.hexdigest()[:24]


def _stage(records: dict[str, str], stage: Path) -> None:
    """The records as files, laid out as the pages are in the output."""
    shutil.rmtree(stage, ignore_errors=True)
    folders: set[Path] = set()
    for path, html in records.items():
        target = stage / path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_text(html, encoding="utf-8")


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
    """This build's search index. ``records`` makes {bundle: {page path: record}}, oldest bundle first; it is called
    where the index is built: ``start()`` it in a second process and ``wait()`` for it, or ``finish()`` it here."""

    def __init__(self, output_path: str | Path, cache_path: str | Path,
                 records: Callable[[], dict[str, dict[str, str]]]) -> None:
        self.output = Path(os.path.abspath(output_path))
        self.folder = self.output / FOLDER
        self._records = records
        self.records: dict[str, dict[str, str]] = {}
        cache = Path(os.path.abspath(cache_path))
        self.stages = cache / "timeline-search"
        self.manifest_path = cache / f"timeline-search-{hashlib.sha256(str(self.output).encode()).hexdigest()[:16]}.json"
        self._child: tuple[int, int] | None = None  # (pid, read end of its pipe) once started

    def _index(self, name: str, previous: dict) -> tuple[str, dict | None, str]:
        """("unchanged" | "indexed" | "failed", what the manifest keeps, what went wrong) for one bundle."""
        records, bundle = self.records[name], self.folder / name
        kept = {"records": records_digest(records)}
        if (bundle / "pagefind-entry.json").exists() and previous.get(name, {}).get("records") == kept["records"]:
            return "unchanged", kept, ""
        stage, fresh = self.stages / name, self.folder / f".{name}.new"
        shutil.rmtree(fresh, ignore_errors=True)
        try:
            _stage(records, stage)
            result = _run(pagefind_command(stage, fresh))
        except (OSError, subprocess.TimeoutExpired) as error:
            return "failed", None, f"{self.output}: search index of {name} not built: {error}"
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        if result.returncode != 0 or not (fresh / "pagefind-entry.json").exists():
            shutil.rmtree(fresh, ignore_errors=True)
            return "failed", None, (f"{self.output}: search index of {name} not built (pagefind exit "
                                    f"{result.returncode}): {(result.stderr or result.stdout).strip()[-500:]}")
        for ui in UI_FILES:  # search.js draws its own results: Pagefind's ready-made interfaces are never loaded
            (fresh / ui).unlink(missing_ok=True)
        _replace(fresh, bundle)
        return "indexed", kept, ""

    def _build(self, workers: int) -> dict:
        """Index the bundles, ``workers`` at a time, drop those of years gone (and stale files), list the bundles;
        what to log."""
        self.records = self._records()
        if not self.records:
            shutil.rmtree(self.folder, ignore_errors=True)
            return {"info": [f"{self.output}: no entry pages to index; the search page says so"], "errors": []}
        started = time.perf_counter()
        manifest = read_json(self.manifest_path)
        previous = manifest.get("bundles", {}) if manifest.get("key") == _key() else {}
        self.folder.mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pagefind") as pool:
            outcomes = dict(zip(self.records, pool.map(lambda name: self._index(name, previous), self.records)))
        built = [name for name in self.records if (self.folder / name / "pagefind-entry.json").exists()]
        for path in self.folder.iterdir():  # years gone, an older layout, leftovers
            if path.name not in built and not (built and path.name == LISTING):
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
        if built:
            write_json(self.folder / LISTING, {"bundles": built}, "the search page cannot find its indexes")
        write_json(self.manifest_path, {"key": _key(), "bundles": {name: kept for name, (outcome, kept, _)
                                                                   in outcomes.items() if outcome != "failed"}},
                   "the next build indexes every year again")
        indexed = sum(outcome == "indexed" for outcome, _, _ in outcomes.values())
        failed = sum(outcome == "failed" for outcome, _, _ in outcomes.values())
        unchanged = len(self.records) - indexed - failed
        summary = (f"timeline: Pagefind indexed {indexed} of {len(self.records)} bundles in {self.folder} "
                   f"({unchanged} unchanged) in {time.perf_counter() - started:.1f} s")
        return {"info": [summary],
                "errors": [problem for _, _, problem in outcomes.values() if problem]}

    @staticmethod
    def _report(result: dict) -> None:
        for line in result.get("info", []):
            log.info("%s", line)
        for line in result.get("errors", []):
            log.error("%s", line)

    def finish(self) -> None:
        """Build the index in this process."""
        self._report(self._build(WORKERS_ALONE))

    def start(self) -> None:
        """Build the index in a second process (``wait`` for it); where there is none, ``wait`` builds it."""
        read, write = os.pipe()

        def work() -> None:
            os.close(read)
            result = self._build(WORKERS)
            with os.fdopen(write, "w", encoding="utf-8") as pipe:
                json.dump(result, pipe)

        pid = parallel.start(work, "building the search index", here=False)
        os.close(write)
        if pid is None:
            os.close(read)
        else:
            self._child = (pid, read)

    def wait(self) -> None:
        if self._child is None:
            self.finish()
            return
        (pid, read), self._child = self._child, None
        with os.fdopen(read, "r", encoding="utf-8") as pipe:
            said = pipe.read()
        if not parallel.succeeded(pid) or not said:
            log.error("%s: the search index was not built (see the error above)", self.output)
            return
        self._report(json.loads(said))
