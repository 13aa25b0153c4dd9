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

from . import entryscan
from .entries import decisions, is_untouched, parse, render, split_header
from .entryscan import HANDMADE
from .errors import TimelineError
from .extract import Registries, extract
from .merging import merged, possible_duplicate
from .models import Entry, Extraction
from .sameevent import Report, group, report_of
from .seeds import read_seed

log = logging.getLogger(__name__)

SEED_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
LEDGER = Path("data") / "imports.json"
ENTRY_DIR = Path("timeline")


@dataclass(frozen=True)
class Outcome:
    """What happened to one seed or one of its entries."""

    seed: str
    action: str  # created | updated | unchanged | merged | kept | rejected | failed
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
                             "pelican_hooks.py", "reader.py", "svgmap.py", "overview.py", "entryscan.py", "checker.py", "dateformat.py",
                             "filterdata.py", "search_index.py", "search_records.py", "readahead.py", "boundaries.json", "README.md"})


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
    return {seed: ({**record, "fingerprint": record.get("fingerprint", ""), "files": dict(record["files"])}
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
        self._fresh: dict[str, Entry] = {}  # seeds extracted in this run: their main entries
        self._failed: set[str] = set()
        self._paths: dict[str, Path] = {}
        self._in_use: set[str] = set()  # files some event of this run is written to
        self._written: dict[Path, str | None] = {}  # entry files this run wrote (their text) or removed (None)
        self._scan = entryscan.Scan(set(), [], True)
        self._existing: set[str] = set()  # entry files under content/, as this run left them

    def _write(self, path: Path, text: str) -> None:
        write_atomic(path, text)
        self._written[path] = text
        self._existing.add(path.relative_to(self.content_dir).as_posix())

    def run(self, seeds: Iterable[Path], progress: Callable[[Path], None] | None = None) -> list[Outcome]:
        seeds = list(seeds)
        self._scan = entryscan.scan(self.content_dir, self.registries.gazetteer.get, self.stamps,
                                    self.registries.fingerprint)
        self._existing = self._scan.existing  # one stat per entry, made once
        others: dict[str, list[Outcome]] = {}
        for seed in seeds:
            others[seed.name] = self.import_seed(seed)
            if progress:
                progress(seed)
        mains = self._settle([s.name for s in seeds if s.name not in self._failed])
        outcomes = [o for seed in seeds for o in ([mains[seed.name]] if seed.name in mains else []) + others[seed.name]]
        if self._written and self.stamps is not None:  # what this run wrote is known: no need to read it next time
            entryscan.refresh(self.content_dir, self._written, self.registries.gazetteer.get, self.stamps)
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
        """Extract a new or changed seed and write its secondary events; its main entry waits for ``_settle``, which
        sees every seed's report and merges reports of one event."""
        self._paths[path.name] = path
        try:
            seed_hash = self._seed_hash(path)
        except OSError as error:
            log.error("%s: cannot read: %s", path, error.strerror)
            self._failed.add(path.name)
            return [Outcome(path.name, "failed", None, f"cannot read: {error.strerror}")]
        fingerprint = f"{seed_hash}-{self.registries.fingerprint}-{extractor_fingerprint()}"
        if path.name not in self.ledger:
            self._dirty = True
        record = self.ledger.setdefault(path.name, {"fingerprint": "", "files": {}})
        if record["files"] and record["fingerprint"] == fingerprint:
            return [self._check_only(path.name, relative) for key, relative in record["files"].items() if key != "main"]
        try:
            extraction = self._extract(path, seed_hash)
        except TimelineError as error:
            if not error.path:
                error.path = path.name
            log.error("%s", error)
            self._failed.add(path.name)
            return [Outcome(path.name, "failed", None, f"{error.message}{f' (hint: {error.hint})' if error.hint else ''}")]
        self._fresh[path.name] = extraction.entry
        report = report_of(extraction)
        event = report.to_json() if report else None
        if record.get("event") != event and not self.dry_run:
            record["event"] = event
            self._dirty = True
        outcomes = []
        for index, item in enumerate(extraction.events, start=1):
            outcomes.append(self._place_entry(path.name, record["files"], _entry_key(item, index), item.entry))
        for warning in extraction.entry.warnings:
            log.warning("%s: %s", path.name, warning)
        if not self.dry_run:
            self._dirty |= record["fingerprint"] != fingerprint
            record["fingerprint"] = fingerprint
        return outcomes

    def _extract(self, path: Path, seed_hash: str | None = None) -> Extraction:
        if seed_hash is None:
            seed_hash = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        return extract(read_seed(path), self.registries, seed_hash)

    def _speaker(self, seed: str) -> Entry | None:
        """A seed's own main entry: from this run's extraction, else extracted again (its report joined a new group)."""
        if seed not in self._fresh:
            try:
                self._fresh[seed] = self._extract(self._paths[seed]).entry
            except (OSError, TimelineError) as error:
                log.error("%s: %s", seed, error)
                return None
        return self._fresh[seed]

    def _settle(self, seeds: list[str]) -> dict[str, Outcome]:
        """Group the seeds' reports into events and write one entry per event: {seed: what happened to its main}."""
        if (unchanged := self._as_before(seeds)) is not None:
            return unchanged
        reports = {name: Report.from_json(self.ledger[name]["event"]) for name in seeds if self.ledger[name].get("event")}
        pointers, same, different, handmade = self._scan_entries(reports)
        reports.update(handmade)
        grouping = group(reports.values(), same, different)
        groups = grouping.groups + [[name] for name in seeds if name not in reports]
        paths: list[str | None] = []
        taken: set[str] = set()
        for members in groups:  # an event keeps the file one of its reports already has, else gets a new one
            recorded = [m.removeprefix(HANDMADE) for m in members if m.startswith(HANDMADE)] + [
                p for m in members if not m.startswith(HANDMADE) and (p := self.ledger[m]["files"].get("main"))
                and p not in pointers]
            path = next((p for p in recorded if p not in taken), None)
            if path is None and (entry := self._speaker(members[0])) is not None:
                path = self._adoptable(members[0], entry) or self._target(entry)
                self._claimed.add(path)
            if path is not None:
                taken.add(path)
            paths.append(path)
        index = {seed: i for i, members in enumerate(groups) for seed in members}
        self._in_use = taken
        outcomes: dict[str, Outcome] = {}
        for members, path in zip(groups, paths):
            if path is None:
                outcomes.update({m: Outcome(m, "failed", None, "cannot read the seed again") for m in members})
                continue
            twin = grouping.possible.get(members[0])
            twin_slug = Path(paths[index[twin]] or "").stem if twin else None
            if members[0].startswith(HANDMADE):
                outcomes.update(self._join_handmade(members, path, reports))
            else:
                outcomes.update(self._write_event(members, path, twin_slug, reports))
        return outcomes

    def _as_before(self, seeds: list[str]) -> dict[str, Outcome] | None:
        """When no seed was read again, no curator's note changed and the seeds are the same ones, the events are
        those of the last import: report their files without grouping again (a warm rebuild). None otherwise."""
        if self._fresh or self._scan.changed:
            return None
        present = set(seeds)
        records = [self.ledger[name] for name in seeds]
        if any(not set(r.get("group") or ()) <= present for r in records) or any(
                "main" not in r["files"] and not r.get("group") for r in records):
            return None
        members = {m for r in records for m in r.get("group") or ()}
        if any(r.get("group") and name not in r["group"] for name, r in zip(seeds, records)) or not members <= present:
            return None
        outcomes = {}
        for name, record in zip(seeds, records):
            group_ = record.get("group")
            if group_ and group_[0].startswith(HANDMADE):
                return None  # a curator's own entry: its reports are named again each time
            if group_ and group_[0] != name:
                outcomes[name] = Outcome(name, "merged", record["files"]["main"], f"another report of the event "
                                                                                  f"{group_[0]} reports")
            else:
                outcomes[name] = self._check_only(name, record["files"]["main"])
        return outcomes

    def _join_handmade(self, members: list[str], path: str, reports: dict[str, Report]) -> dict[str, Outcome]:
        """Reports of an event a curator wrote by hand: the curator's file is never rewritten, so each report is
        named for the curator to add as a source; a file the importer had written for it before is retired."""
        outcomes = {}
        for member in members[1:]:
            record = self.ledger[member]
            old = record["files"].get("main")
            if old and old != path and old not in self._in_use:
                self._retire(member, old, path)
            if not self.dry_run and (old or record.get("group") != members):
                record["files"].pop("main", None)
                record["group"] = members
                self._dirty = True
            report = reports[member]
            source = " ".join(filter(None, (report.source, f"<{report.url}>" if report.url else None))) or member
            outcomes[member] = Outcome(member, "kept", path, f"reports the event of the hand-written entry; add "
                                                             f"'{source}' to its Sources by hand")
        return outcomes

    def _write_event(self, members: list[str], path: str, twin: str | None, reports: dict[str, Report]) -> dict[str, Outcome]:
        speaker = members[0]
        state = {"group": members if len(members) > 1 else None, "possible": twin}
        records = [self.ledger[m] for m in members]
        unchanged = not any(m in self._fresh for m in members) and all(
            r["files"].get("main") == path and r.get("group") == state["group"] and r.get("possible") == twin
            for r in records)
        if unchanged:
            main = self._check_only(speaker, path)
        else:
            entry = self._speaker(speaker)
            if entry is None:
                return {m: Outcome(m, "failed", None, "cannot read the seed again") for m in members}
            if len(members) > 1:
                entry = merged(entry, [reports[m] for m in members])
            if twin:
                entry = possible_duplicate(entry, twin)
            before = {m for m, r in zip(members, records) if r["files"].get("main") == path}
            main = self._place_main(speaker, path, entry, [m for m in members if m not in before], bool(before))
            for member, record in zip(members, records):
                old = record["files"].get("main")
                if old and old != path and old not in self._in_use:  # its old file is no other event's
                    self._retire(member, old, path)
                if not self.dry_run and main.action != "failed":
                    record["files"]["main"] = path
                    for key, value in state.items():
                        if value:
                            record[key] = value
                        else:
                            record.pop(key, None)
                    self._dirty = True
        outcomes = {speaker: main}
        if self.ledger[speaker].get("event") is None and self._fresh.get(speaker) and self._fresh[speaker].date is None:
            reason = next((w for w in self._fresh[speaker].warnings if w.startswith("needs a date")), "needs a date")
            outcomes[speaker] = replace(main, needs_date=True, message=main.message or reason)
        for member in members[1:]:
            outcomes[member] = Outcome(member, "merged", path, f"another report of the event {speaker} reports")
        return outcomes

    def _place_main(self, seed: str, relative: str, entry: Entry, joining: list[str], recorded: bool) -> Outcome:
        extra = [s for s in joining if s != seed]
        note = f"; new reports of this event to add by hand: {', '.join(extra)}" if extra else ""
        return self._put(seed, relative, entry, recorded, note)

    def _put(self, seed: str, relative: str, entry: Entry, recorded: bool, kept_note: str = "") -> Outcome:
        """Write ``entry`` at ``relative``: created if new; never again if a curator deleted the file it had
        (``recorded``); never over a curator's edit; rewritten with the curator's decision lines kept."""
        path = self.content_dir / relative
        if relative not in self._existing and not path.exists():
            if recorded:
                return Outcome(seed, "rejected", relative, "deleted by a curator; not written again")
            if not self.dry_run:
                self._write(path, render(_with_slug(entry, path.stem)))
            return Outcome(seed, "created", relative)
        current = path.read_text(encoding="utf-8")
        if not is_untouched(current):
            return Outcome(seed, "kept", relative, f"edited by a curator; not overwritten{kept_note}")
        same_as, not_same_as = decisions(split_header(current)[0])
        text = render(replace(entry, slug=path.stem, same_as=same_as, not_same_as=not_same_as))
        if current == text:
            return Outcome(seed, "unchanged", relative)
        if not self.dry_run:
            self._write(path, text)
        return Outcome(seed, "updated", relative)

    def _retire(self, seed: str, old: str, new: str) -> None:
        """A seed's former entry, now that its report belongs to the event at ``new``: removed if the importer's own
        and unedited; kept as a skipped pointer if a curator's Same-as line is in it; kept as it is if edited."""
        path = self.content_dir / old
        if self.dry_run or not path.exists() or old == new:
            return
        current = path.read_text(encoding="utf-8")
        if not is_untouched(current):
            log.warning("%s: its entry %s was edited by a curator and is kept; the event is now %s", seed, old, new)
            return
        if decisions(split_header(current)[0])[0]:  # a Same-as line: the file keeps the curator's decision
            entry = parse(current, str(path))
            self._write(path, render(replace(entry, status="skip", body=f"Merged into {Path(new).stem} by a curator's "
                                                                      f"Same-as line.", warnings=())))
        else:
            path.unlink()
            self._written[path] = None
            self._existing.discard(old)
            self._claimed.discard(old)

    def _scan_entries(self, reports: dict[str, Report]) -> tuple[set[str], list[tuple[str, str]],
                                                                  list[tuple[str, str]], dict[str, Report]]:
        """What curators wrote in the entries: see :mod:`entryscan`."""
        seeds_of_stem: dict[str, set[str]] = {}
        for seed, record in self.ledger.items():
            if (main := record["files"].get("main")):
                seeds_of_stem.setdefault(Path(main).stem, set()).add(seed)
        return entryscan.curators_say(self._scan.notes, self._claimed, seeds_of_stem, reports)

    def _check_only(self, seed: str, relative: str) -> Outcome:
        """An unchanged seed: report the state of the file it produced without extracting again."""
        if relative not in self._existing:
            return Outcome(seed, "rejected", relative, "deleted by a curator; not written again")
        if not self.quick and not is_untouched((self.content_dir / relative).read_text(encoding="utf-8")):
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
        seeds = [s.strip() for s in header.get("Seed", "").split(";")]
        return relative if is_untouched(text) and seed in seeds else None

    def _place_entry(self, seed: str, files: dict[str, str], key: str, entry: Entry) -> Outcome:
        previous = files.get(key)
        if previous is None and (adopted := self._adoptable(seed, entry)) is not None:
            files[key] = previous = adopted
            self._dirty = True
            self._claimed.add(adopted)
        if previous is not None:
            return self._put(seed, previous, entry, recorded=True)
        relative = self._target(entry)
        self._claimed.add(relative)
        if not self.dry_run:
            files[key] = relative
            self._dirty = True
        return self._put(seed, relative, entry, recorded=False)


def _with_slug(entry: Entry, slug: str) -> Entry:
    return entry if entry.slug == slug else replace(entry, slug=slug)


def summarize(outcomes: Iterable[Outcome]) -> dict[str, int]:
    """Outcomes by action; entries written without a date are counted apart, as needing one (not as failed)."""
    counts: dict[str, int] = {}
    for outcome in outcomes:
        action = "need a date" if outcome.needs_date and outcome.action != "failed" else outcome.action
        counts[action] = counts.get(action, 0) + 1
    return dict(sorted(counts.items()))
