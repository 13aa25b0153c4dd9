"""seeds/ -> content/timeline/: idempotent, atomic, never overwrites a curator's edit, reports every seed.

A ledger (``content/data/imports.json``) remembers which files each seed produced, and a fingerprint of what
produced them (the seed's bytes, the registries, the extractor's code): a seed whose fingerprint is unchanged is
not read again, so a rebuild of 10,000 seeds costs file checks, not extractions. A generated file that a curator
deleted counts as rejected and is not written again; one a curator edited (its Entry-Hash no longer matches) is
kept as it is and reported.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from .entries import is_untouched, render, split_header
from .errors import TimelineError
from .extract import Registries, extract
from .models import Entry, Extraction
from .seeds import read_seed

log = logging.getLogger(__name__)

SEED_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
LEDGER = Path("data") / "imports.json"
ENTRY_DIR = Path("timeline")


@dataclass(frozen=True)
class Outcome:
    """What happened to one seed or one of its entries."""

    seed: str
    action: str  # created | updated | unchanged | kept | rejected | failed
    path: str | None = None
    message: str = ""

    needs_date: bool = False  # written, but held back from the site until a curator gives it a date

    def line(self) -> str:
        where = f" -> {self.path}" if self.path else ""
        why = f": {self.message}" if self.message else ""
        return f"{self.action:9} {self.seed}{where}{why}"


def seed_files(seeds_dir: Path) -> list[Path]:
    """Seed files in a stable order. Hidden files, backups and README files are not seeds."""
    if not seeds_dir.is_dir():
        return []
    return sorted(
        (p for p in seeds_dir.iterdir()
         if p.is_file() and p.suffix.lower() in SEED_SUFFIXES and not p.name.startswith((".", "~"))
         and p.stem.upper() != "README"),
        key=lambda p: p.name,
    )


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and a rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@functools.lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """Changes whenever the code that turns a seed into entries changes, so improved output reaches old seeds."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.glob("*.py"), *(package / "data").glob("*")]):  # the code and the data it ships
        if path.name not in _NOT_EXTRACTION:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# The site's side of the package: changing it never changes what a seed yields.
_NOT_EXTRACTION = frozenset({"cli.py", "context.py", "export.py", "generator.py", "incremental.py", "parallel.py",
                             "pelican_hooks.py", "reader.py", "svgmap.py", "checker.py", "boundaries.json", "README.md"})


def read_ledger(content_dir: Path) -> dict[str, dict]:
    """{seed name: {"fingerprint": str, "files": {entry key: path relative to content/}}}."""
    path = content_dir / LEDGER
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, json.JSONDecodeError) as error:
        raise TimelineError(f"the import ledger is unreadable ({error})", str(path),
                            "restore it from version control, or delete it to start afresh") from error
    return {seed: ({"fingerprint": record.get("fingerprint", ""), "files": dict(record["files"])}
                   if "files" in record else {"fingerprint": "", "files": dict(record)})  # the first ledger format
            for seed, record in data.items()}


def _entry_key(extraction: Extraction, index: int) -> str:
    return "main" if index == 0 else f"event {extraction.entry.iso_date} {extraction.entry.places[0]}"


def _folder(entry: Entry) -> str:
    return f"{entry.date.year:04d}" if entry.date else "undated"


class Importer:
    def __init__(self, content_dir: Path, registries: Registries, dry_run: bool = False, quick: bool = False,
                 stamps: dict[str, list] | None = None):
        """``quick``: for unchanged seeds, check only that their files exist (a build needs no more: it writes
        nothing for them either way); `timeline import` also tells edited files from untouched ones.

        ``stamps``: {seed name: [size, mtime_ns, hash]}, a cache kept outside content/ (the build keeps it in
        CACHE_PATH) that spares reading a seed whose size and modification time are unchanged; updated in place."""
        self.content_dir = content_dir
        self.stamps = stamps
        self.quick = quick
        self.registries = registries
        self.dry_run = dry_run
        self.ledger = read_ledger(content_dir)
        self._claimed: set[str] = {p for record in self.ledger.values() for p in record["files"].values()}
        self._dirty = False  # the ledger changed: write it (serialising 10,000 records costs more than the check)

    def run(self, seeds: Iterable[Path], progress: Callable[[Path], None] | None = None) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for seed in seeds:
            outcomes.extend(self.import_seed(seed))
            if progress:
                progress(seed)
        path = self.content_dir / LEDGER
        if not self.dry_run and (self._dirty or not path.exists()):
            text = json.dumps(self.ledger, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                write_atomic(path, text)
        return outcomes

    def _seed_hash(self, path: Path) -> str:
        """The seed's content hash; from the stamps when its size and modification time are those recorded."""
        if self.stamps is None:
            return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        stat = path.stat()
        stamp = [stat.st_size, stat.st_mtime_ns]
        known = self.stamps.get(path.name)
        if isinstance(known, list) and len(known) == 3 and known[:2] == stamp:
            return known[2]
        seed_hash = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        self.stamps[path.name] = [*stamp, seed_hash]
        return seed_hash

    def import_seed(self, path: Path) -> list[Outcome]:
        try:
            seed_hash = self._seed_hash(path)
        except OSError as error:
            log.error("%s: cannot read: %s", path, error.strerror)
            return [Outcome(path.name, "failed", None, f"cannot read: {error.strerror}")]
        fingerprint = f"{seed_hash}-{self.registries.fingerprint}-{extractor_fingerprint()}"
        if path.name not in self.ledger:
            self._dirty = True
        record = self.ledger.setdefault(path.name, {"fingerprint": "", "files": {}})
        if record["files"] and record["fingerprint"] == fingerprint:
            return [self._check_only(path.name, relative) for relative in record["files"].values()]
        try:
            extraction = extract(read_seed(path), self.registries, seed_hash)
        except TimelineError as error:
            if not error.path:
                error.path = path.name
            log.error("%s", error)
            return [Outcome(path.name, "failed", None, f"{error.message}{f' (hint: {error.hint})' if error.hint else ''}")]
        outcomes = []
        for index, item in enumerate((extraction, *extraction.events)):
            outcome = self._place_entry(path.name, record["files"], _entry_key(item, index), item.entry)
            if item.entry.date is None:
                reason = next((w for w in item.entry.warnings if w.startswith("needs a date")), "needs a date")
                outcome = replace(outcome, needs_date=True, message=outcome.message or reason)
                log.warning("%s: %s", path.name, reason)
            outcomes.append(outcome)
            for warning in item.entry.warnings if index == 0 else ():
                log.warning("%s: %s", path.name, warning)
        if not self.dry_run:
            self._dirty |= record["fingerprint"] != fingerprint
            record["fingerprint"] = fingerprint
        return outcomes

    def _check_only(self, seed: str, relative: str) -> Outcome:
        """An unchanged seed: report the state of the file it produced without extracting again."""
        path = self.content_dir / relative
        if not path.exists():
            return Outcome(seed, "rejected", relative, "deleted by a curator; not written again")
        if not self.quick and not is_untouched(path.read_text(encoding="utf-8")):
            return Outcome(seed, "kept", relative, "edited by a curator; not overwritten")
        return Outcome(seed, "unchanged", relative)

    def _target(self, entry: Entry) -> str:
        stem = entry.slug or "entry"
        for n in range(1, 1000):
            candidate = (ENTRY_DIR / _folder(entry) / (stem if n == 1 else f"{stem}-{n}")).as_posix() + ".md"
            if candidate not in self._claimed and not (self.content_dir / candidate).exists():
                return candidate
        raise TimelineError(f"no free file name for '{stem}'", str(self.content_dir / ENTRY_DIR))

    def _adoptable(self, seed: str, entry: Entry) -> str | None:
        """A file at this entry's own name that the importer wrote for this seed, unedited, though the ledger does
        not list it (an import that crashed before saving the ledger, or a deleted ledger): it is ours again."""
        relative = (ENTRY_DIR / _folder(entry) / f"{entry.slug}.md").as_posix()
        path = self.content_dir / relative
        if relative in self._claimed or not path.exists():
            return None
        text = path.read_text(encoding="utf-8")
        header, _ = split_header(text)
        return relative if is_untouched(text) and header.get("Seed") == seed else None

    def _place_entry(self, seed: str, files: dict[str, str], key: str, entry: Entry) -> Outcome:
        previous = files.get(key)
        if previous is None and (adopted := self._adoptable(seed, entry)) is not None:
            files[key] = previous = adopted
            self._dirty = True
            self._claimed.add(adopted)
        if previous is not None:
            path = self.content_dir / previous
            if not path.exists():
                return Outcome(seed, "rejected", previous, "deleted by a curator; not written again")
            current = path.read_text(encoding="utf-8")
            if not is_untouched(current):
                return Outcome(seed, "kept", previous, "edited by a curator; not overwritten")
            stem = Path(previous).stem
            text = render(_with_slug(entry, stem))
            if current == text:
                return Outcome(seed, "unchanged", previous)
            if not self.dry_run:
                write_atomic(path, text)
            return Outcome(seed, "updated", previous)
        relative = self._target(entry)
        self._claimed.add(relative)
        text = render(_with_slug(entry, Path(relative).stem))
        if not self.dry_run:
            write_atomic(self.content_dir / relative, text)
            files[key] = relative
            self._dirty = True
        return Outcome(seed, "created", relative)


def _with_slug(entry: Entry, slug: str) -> Entry:
    from dataclasses import replace

    return entry if entry.slug == slug else replace(entry, slug=slug)


def summarize(outcomes: Iterable[Outcome]) -> dict[str, int]:
    """Outcomes by action; entries written without a date are counted apart, as needing one (not as failed)."""
    counts: dict[str, int] = {}
    for outcome in outcomes:
        action = "need a date" if outcome.needs_date and outcome.action != "failed" else outcome.action
        counts[action] = counts.get(action, 0) + 1
    return dict(sorted(counts.items()))
