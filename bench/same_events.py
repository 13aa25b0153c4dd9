"""Same-event merging on the real corpus: FA-KES imported as seeds, then how many published entries still share a
day and a first place with another published entry, and how precise the merges are against our own labels.

How the labels (``bench/same_event_labels.csv``) were made: every pair of FA-KES articles that the importer put in
one entry (all 155 pairs, 2026-12-02; 25 more merged after later place and caption rules, and 6 more after the
lead and date rules of the next session, judged the same day) was judged by one of us from both headlines, first places, dates and tolls,
and from both leads where those left a doubt (about a dozen pairs). ``same``: one incident (one attack, strike or
day of a battle in one place), whatever the tolls; ``different``: anything else, including a single incident
against a round-up of a day's attacks that may contain it. A pair merged later that is not in the file counts as
unlabelled: label it before trusting the figure.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tests"))

from conflict_timeline.entries import parse  # noqa: E402
from conflict_timeline.importer import Importer, seed_files  # noqa: E402
from conflict_timeline.merging import POSSIBLE_DUPLICATE  # noqa: E402
from conflict_timeline.settings import TimelineSettings  # noqa: E402
from corpus import corpus_texts  # noqa: E402

LABELS = ROOT / "bench" / "same_event_labels.csv"


def import_fakes(work: Path, registries) -> Path:
    seeds, content = work / "seeds", work / "content"
    seeds.mkdir(parents=True, exist_ok=True)
    for name, text in corpus_texts(ROOT.parent / "shared" / "corpus"):  # read from ../shared, never copied
        if name.startswith("fakes-"):
            (seeds / name).write_text(text, encoding="utf-8")
    Importer(content, registries).run(seed_files(seeds))
    return content


def entries(content: Path) -> list:
    return [parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted((content / "timeline").rglob("*.md"))]


def duplicate_share(found: list) -> tuple[int, int]:
    """(published entries sharing a day and first place with another published entry, published entries)."""
    published = [e for e in found if e.status == "published" and e.date and e.places]
    keys = Counter((e.iso_date, e.places[0]) for e in published)
    return sum(1 for e in published if keys[(e.iso_date, e.places[0])] > 1), len(published)


def merged_pairs(found: list) -> set[tuple[str, str]]:
    """Pairs of seeds the importer put in one entry."""
    pairs = set()
    for entry in found:
        seeds = sorted(s.strip() for s in (entry.seed or "").split(";") if s.strip())
        pairs |= {(a, b) for i, a in enumerate(seeds) for b in seeds[i + 1:]}
    return pairs


def labels() -> dict[tuple[str, str], str]:
    if not LABELS.exists():
        return {}
    with LABELS.open(encoding="utf-8", newline="") as handle:
        return {tuple(sorted((row["seed_a"], row["seed_b"]))): row["judgement"] for row in csv.DictReader(handle)}


def report(registries) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="timeline-same-") as work:
        found = entries(import_fakes(Path(work), registries))
    shared, published = duplicate_share(found)
    pairs = merged_pairs(found)
    judged = labels()
    labelled = [judged[p] for p in pairs if p in judged]
    same = sum(1 for j in labelled if j == "same")
    flagged = sum(1 for e in found if any(w.startswith(POSSIBLE_DUPLICATE) for w in e.warnings))
    return {
        "FA-KES published entries": f"{published}",
        "sharing day and first place with another": f"{shared} ({shared / max(published, 1):.1%})",
        "merged seed pairs": f"{len(pairs)}",
        "held back as possible duplicates (review)": f"{flagged}",
        "merge precision on labelled pairs": f"{same} of {len(labelled)}" + (f" ({same / len(labelled):.0%})" if labelled else ""),
    }


if __name__ == "__main__":
    import logging

    logging.disable(logging.WARNING)
    reg = TimelineSettings.from_mapping({"PATH": str(ROOT / "content")}).registries()
    for key, value in report(reg).items():
        print(f"{key}: {value}")
