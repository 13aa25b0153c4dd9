"""`make bench`: measure the pipeline at N = 2,000 and 10,000 generated seeds and on the real corpus; print a table.

Cold builds (ours, ours with the search index as `pelican` builds it, and stock) are the best of three runs each,
alternating which goes first. Builds run in subprocesses (`bench/_pelican.py`) so each one's peak memory is its own. Stock Pelican builds the
same Markdown with its default theme and no plugins in the same run, as the yardstick.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from conflict_timeline.errors import TimelineError  # noqa: E402
from conflict_timeline.extract import extract  # noqa: E402
from conflict_timeline.importer import Importer, seed_files  # noqa: E402
from conflict_timeline.overview import Overview  # noqa: E402
from conflict_timeline.search_index import WORKERS  # noqa: E402
from conflict_timeline.seeds import parse_text, read_seed  # noqa: E402
from conflict_timeline.settings import TimelineSettings  # noqa: E402
import page_weight  # noqa: E402
import same_events  # noqa: E402
from corpus import corpus_texts, fakes_crowd_dates, fakes_crowd_governorates  # noqa: E402
from seedgen import generate  # noqa: E402

OURS = """import sys
sys.path.insert(0, {root!r})
from pelicanconf import *
PATH = {content!r}
THEME = {root!r} + "/theme"
PLUGIN_PATHS = [{root!r} + "/plugins"]
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = {cache!r}
TIMELINE_SEARCH = {search}
"""
STOCK = """PATH = {content!r}
ARTICLE_PATHS = ["timeline"]
TIMEZONE = "UTC"
SITENAME = "Stock"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


INDEXED = re.compile(r"Pagefind indexed \d+ of \d+ bundles .*?in ([\d.]+) s")
indexing: list[float] = []  # seconds the search process of each build with the index took (its own log line)


def pelican(settings: Path, output: Path) -> tuple[float, float, float]:
    """(seconds, peak MB, CPU seconds) of one build in its own process."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "_pelican.py"), str(settings), str(output)],
                            capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed ({settings}):\n{result.stderr[-2000:]}")
    indexing.extend(float(s) for s in INDEXED.findall(" ".join((result.stdout + result.stderr).split())))
    peak_kb, cpu = result.stdout.strip().splitlines()[-1].split()
    return seconds, float(peak_kb) / 1024, float(cpu)


def bundle_times(folder: Path) -> dict[str, int]:
    """Each search bundle's pagefind-entry.json -> its modification time: which bundles a build indexed again."""
    return {p.parent.name: p.stat().st_mtime_ns for p in (folder / "pagefind").glob("*/pagefind-entry.json")}


def tree_size(folder: Path) -> tuple[int, int, Path]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    heaviest = max(pages, key=lambda p: p.stat().st_size)
    return sum(p.stat().st_size for p in files), heaviest.stat().st_size, heaviest.relative_to(folder)


def measure(count: int, work: Path) -> dict[str, str]:
    registries = TimelineSettings.from_mapping({"PATH": str(ROOT / "content")}).registries()
    project = work / f"n{count}"
    (project / "content" / "data").mkdir(parents=True)
    for name in ("factions.yml", "places.yml"):
        shutil.copy(ROOT / "content" / "data" / name, project / "content" / "data" / name)
    seeds = generate(project / "seeds", count, registries)

    started = time.perf_counter()
    dated = []  # (date, precision, event type) of every dated entry, drafts included: what the overview counts
    for path in seeds:
        result = extract(read_seed(path), registries)
        dated += [(e.date, e.precision, e.event_type) for e in (result.entry, *(r.entry for r in result.events)) if e.date]
    extraction = count / (time.perf_counter() - started)

    started = time.perf_counter()
    links = {(d.year, d.month): f"timeline/{d:%Y/%m}/" for d, precision, _ in dated if precision != "year"}
    overview = len(Overview(dated, links).svg("."))
    drawing = (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    outcomes = Importer(project / "content", registries).run(seed_files(project / "seeds"))
    importing = time.perf_counter() - started
    entries = sum(o.action == "created" for o in outcomes)

    ours, indexed, stock = project / "ours.py", project / "ours-search.py", project / "stock.py"
    # Best of three for both cold builds, each into a folder that never existed, the order swapped from run to
    # run, and nothing deleted until the end: on ext4, creating files just after deleting thousands of others
    # costs several seconds of system time (inode allocation skips recently freed inodes), which would be charged
    # to whichever build ran next.
    # The full build (search index included, as `pelican` runs it) alternates with the other two.
    ours_runs, indexed_runs, stock_runs = [], [], []
    indexing.clear()
    for attempt in range(3):
        builds = [(ours_runs, ours, f"out-{attempt}", f"cache-{attempt}"),
                  (indexed_runs, indexed, f"search-out-{attempt}", f"search-cache-{attempt}"),
                  (stock_runs, stock, f"stock-out-{attempt}", "")]
        for runs, settings, folder, cache in builds if attempt % 2 == 0 else builds[::-1]:
            settings.write_text((STOCK if settings == stock else OURS).format(
                root=str(ROOT), content=str(project / "content"), cache=str(project / cache), search=settings == indexed))
            runs.append(pelican(settings, project / folder))
    search = min(indexing, default=float("nan"))  # the search process's own time in the cold full builds
    cold, cold_mb, _ = min(ours_runs)
    stock_s, stock_mb, _ = min(stock_runs)
    cold_cpu, stock_cpu = min(r[2] for r in ours_runs), min(r[2] for r in stock_runs)
    full, full_cpu = min(indexed_runs)[0], min(r[2] for r in indexed_runs)
    full_mb = max(r[1] for r in indexed_runs)  # the largest process in any of the three runs, Pagefind's included
    print(f"  N = {count:,}: cold builds, wall s: ours {[round(r[0], 1) for r in ours_runs]}, "
          f"ours with the search index {[round(r[0], 1) for r in indexed_runs]}, "
          f"stock {[round(r[0], 1) for r in stock_runs]}", file=sys.stderr, flush=True)
    out = project / "out-2"  # the last cold build of ours, whose cache ours.py names: the warm rebuild reuses both
    edited = next((project / "content" / "timeline").rglob("*.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA curator's note.\n", encoding="utf-8")
    warm, _, _ = pelican(ours, out)
    searched = project / "search-out-2"  # likewise for the full build: its bundles and manifest
    before = bundle_times(searched)
    warm_full, warm_full_mb, _ = pelican(indexed, searched)
    again = sum(before.get(name) != mtime for name, mtime in bundle_times(searched).items())
    total, heaviest, heaviest_page = tree_size(out)
    first_view, one_filter = sum(page_weight.first_view(out).values()), sum(page_weight.one_filter(out).values())
    return {
        "seeds / entries written": f"{count:,} / {entries:,}",
        "extraction, seeds/s (one core)": f"{extraction:,.0f}",
        "time to draw the overview, ms": f"{drawing:.0f} ({len(dated):,} entries, {overview / 1000:.0f} KB)",
        "import (extract + write), s": f"{importing:.1f}",
        "our build, cold, s": f"{cold:.1f}",
        "stock Pelican, same Markdown, s": f"{stock_s:.1f}",
        "ratio ours / stock": f"{cold / stock_s:.2f}",
        "CPU s, ours / stock (ratio)": f"{cold_cpu:.1f} / {stock_cpu:.1f} ({cold_cpu / stock_cpu:.2f})",
        "warm rebuild after one edit, s": f"{warm:.1f} ({warm / cold:.2f} of cold)",
        "Pagefind indexing, s": f"{search:.1f} ({len(before)} bundles, {WORKERS} at a time, while the site is written)",
        "full build with the search index, cold, s": f"{full:.1f} (CPU {full_cpu:.1f} s)",
        "ratio full build / stock": f"{full / stock_s:.2f}",
        "peak memory with the search index (largest process), MB": f"{full_mb:.0f}",
        "warm rebuild with the search index after one edit, s":
            f"{warm_full:.1f} ({warm_full / full:.2f} of cold; {again} of {len(before)} bundles indexed again; "
            f"{warm_full_mb:.0f} MB)",
        "peak memory, ours / stock, MB": f"{cold_mb:.0f} / {stock_mb:.0f}",
        "output size, MB": f"{total / 1e6:.1f}",
        "heaviest page, KB": f"{heaviest / 1000:.0f} ({heaviest_page.parent.parent.name or heaviest_page.name})",
        "first view of the index, KB": f"{first_view / 1000:.0f}",
        "one filter application, KB": f"{one_filter / 1000:.0f} (the biggest faction: {page_weight.biggest_faction(out)})",
    }


def corpus(registries) -> dict[str, str]:
    root = ROOT.parent / "shared" / "corpus"
    texts = list(corpus_texts(root))
    crowd = fakes_crowd_dates(root)
    governorates = fakes_crowd_governorates(root)
    counts = {"converted": 0, "day": 0, "undated": 0, "place": 0, "faction": 0, "agree": 0, "governorate": 0}
    slowest = (0.0, "")
    started = time.perf_counter()
    for name, text in texts:
        begun = time.perf_counter()
        try:
            result = extract(parse_text(text, name), registries)
        except TimelineError:
            continue
        finally:
            slowest = max(slowest, (time.perf_counter() - begun, name))
        counts["converted"] += 1
        counts["undated"] += result.date is None
        counts["day"] += result.date is not None and result.date.precision == "day"
        counts["agree"] += result.date is not None and result.date.precision == "day" and crowd.get(name) == result.date.value
        counts["place"] += bool(result.entry.places)
        primary = next((m.place for m in result.places if m.role == "primary"), None)
        division = registries.gazetteer.division_of(primary) if primary is not None else None
        # Damascus city's suburbs are Rif Dimashq to GeoNames and often "damascus" to the crowd
        wanted = {governorates.get(name)} | ({"08"} if governorates.get(name) == "13" else set())
        counts["governorate"] += division is not None and division[0] == "SY" and division[1] in wanted
        counts["faction"] += bool(result.entry.factions)
    elapsed = time.perf_counter() - started
    n = len(texts)
    return {
        "texts (FA-KES + re3d)": f"{n}",
        "converted (an entry, dated or not)": f"{counts['converted']} ({counts['converted'] / n:.0%})",
        "day-precision date": f"{counts['day']} ({counts['day'] / n:.0%})",
        "need a date (held back)": f"{counts['undated']}",
        "FA-KES: day agrees with the crowd's date": f"{counts['agree']} of {len(crowd)}",
        "at least one place": f"{counts['place']} ({counts['place'] / n:.0%})",
        "FA-KES: primary place in the crowd's governorate": f"{counts['governorate']} of {len(governorates)}",
        "at least one faction": f"{counts['faction']} ({counts['faction'] / n:.0%})",
        "throughput, texts/s": f"{n / elapsed:,.0f}",
        "slowest text": f"{slowest[1]} ({slowest[0] * 1000:.1f} ms)",
    }


def table(title: str, columns: list[str], rows: dict[str, list[str]]) -> str:
    """A Markdown table, columns padded to their widest cell."""
    header = ["measure", *columns]
    body = [[k, *vs] for k, vs in rows.items()]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return "\n".join([f"\n{title}", line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
                     + [line(row) for row in body])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="2000,10000", help="comma-separated seed counts")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    registries = TimelineSettings.from_mapping({"PATH": str(ROOT / "content")}).registries()
    results = {}
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as work:
        for size in sizes:
            print(f"measuring N = {size:,} ...", file=sys.stderr, flush=True)
            results[size] = measure(size, Path(work))
    targets = {"extraction, seeds/s (one core)": ">= 200", "ratio ours / stock": "<= 1.0 at 10k",
               "warm rebuild after one edit, s": "<= 0.5 of cold", "peak memory, ours / stock, MB": "<= 400",
               "ratio full build / stock": "<= 1.0", "peak memory with the search index (largest process), MB": "<= 400",
               "warm rebuild with the search index after one edit, s": "one bundle indexed again",
               "first view of the index, KB": "< 100", "one filter application, KB": "< 300"}
    columns = [f"N = {s:,}" for s in sizes] + ["target"]
    rows = {k: [results[s][k] for s in sizes] + [targets.get(k, "")] for k in results[sizes[0]]}
    print(table("Generated seeds", columns, rows))
    real = corpus(registries)
    print(table("Real corpus (../shared/corpus)", ["value"], {k: [v] for k, v in real.items()}))
    same = same_events.report(registries)
    print(table("One event, many reports (FA-KES imported)", ["value"], {k: [v] for k, v in same.items()}))
    real.update(same)
    if args.json:
        args.json.write_text(json.dumps({"generated": results, "corpus": real}, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
