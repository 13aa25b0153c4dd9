"""`timeline`: import, extract, check, new, stats. A thin click adapter; the work is in the core modules."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import sys
from collections import Counter
from pathlib import Path

import click

from .checker import check_content
from .entries import file_stem
from .errors import TimelineError
from .export import extraction_record, failure_record
from .extract import extract
from .importer import Importer, seed_files, summarize, write_atomic
from .models import Entry
from .seeds import read_seed
from .settings import TimelineSettings

CONTENT = click.option("--content", "content", type=click.Path(file_okay=False, path_type=Path), default="content",
                       show_default=True, help="The Pelican content folder (holds timeline/ and data/).")


def _settings(content: Path, seeds: Path | None = None) -> TimelineSettings:
    settings = TimelineSettings.from_mapping({"PATH": str(content)})
    if seeds is not None:
        settings = dataclasses.replace(settings, seeds_path=seeds.resolve())
    return settings


def _fail(error: TimelineError) -> None:
    click.echo(f"error: {error}", err=True)
    sys.exit(2)


@click.group(help=__doc__)
@click.option("-v", "--verbose", is_flag=True, help="Log every warning.")
def main(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(levelname)s %(message)s")


@main.command("import")
@click.argument("seeds", required=False, type=click.Path(file_okay=False, path_type=Path))
@CONTENT
@click.option("--dry-run", is_flag=True, help="Report what would happen; write nothing.")
def import_command(seeds: Path | None, content: Path, dry_run: bool) -> None:
    """Convert SEEDS (default: seeds/ beside the content folder) into content/timeline/."""
    try:
        settings = _settings(content, seeds)
        files = seed_files(settings.seeds_path)
        importer = Importer(settings.content_path, settings.registries(), dry_run=dry_run)
        with click.progressbar(length=len(files), label="Importing", file=sys.stderr) as bar:
            outcomes = importer.run(files, progress=lambda _: bar.update(1))
    except TimelineError as error:
        _fail(error)
    for outcome in outcomes:
        if outcome.action != "unchanged":
            click.echo(outcome.line())
    counts = summarize(outcomes)
    summary = ", ".join(f"{n} {action}" for action, n in counts.items()) or "no seeds"
    click.echo(f"{len(files)} seeds from {settings.seeds_path}: {summary}{' (dry run)' if dry_run else ''}")
    sys.exit(1 if counts.get("failed") else 0)


@main.command("extract")
@click.argument("seeds", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@CONTENT
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, one object per seed.")
def extract_command(seeds: tuple[Path, ...], content: Path, as_json: bool) -> None:
    """Show what each SEED yields, without writing anything."""
    try:
        registries = _settings(content).registries()
    except TimelineError as error:
        _fail(error)
    records, failed = [], False
    for path in seeds:
        try:
            data = path.read_bytes()
            record = extraction_record(extract(read_seed(path), registries, hashlib.sha256(data).hexdigest()[:16]))
        except TimelineError as error:
            failed = True
            record = failure_record(path.name, str(error))
        records.append(record)
    if as_json:
        click.echo(json.dumps(records, indent=2, ensure_ascii=False, sort_keys=True))
    else:
        for record in records:
            if "error" in record:
                click.echo(f"{record['seed']}: FAILED {record['error']}")
                continue
            places = ", ".join(f"{p['name']} ({p['role']})" for p in record["places"])
            click.echo(f"{record['seed']}: {record['date']} ({record['precision']}) {record['title']}\n"
                       f"  places: {places}\n  factions: {', '.join(f['name'] for f in record['factions'])}\n"
                       f"  drafts: {len(record['events'])}; warnings: {'; '.join(record['warnings']) or 'none'}")
    sys.exit(1 if failed else 0)


@main.command("check")
@CONTENT
def check_command(content: Path) -> None:
    """Validate every entry in the content folder; exit 1 with a list when something is wrong."""
    try:
        problems, count = check_content(content, _settings(content).registries())
    except TimelineError as error:
        _fail(error)
    for problem in problems:
        click.echo(problem)
    click.echo(f"{count} entries checked: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
    sys.exit(1 if problems else 0)


@main.command("new")
@CONTENT
@click.option("--title", prompt=True, help="What happened, as a headline.")
@click.option("--date", "date_", prompt="Date (YYYY-MM-DD, YYYY-MM or YYYY)", help="When it happened.")
@click.option("--places", default="", help="Places, separated by ';'.")
@click.option("--factions", default="", help="Factions, separated by ';'.")
@click.option("--source", default="", help="Outlet (and <URL>) the entry relies on.")
def new_command(content: Path, title: str, date_: str, places: str, factions: str, source: str) -> None:
    """Scaffold a hand-written entry in content/timeline/YEAR/."""
    from .entries import parse_date
    from .models import Source

    try:
        date, precision = parse_date(date_)
    except ValueError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    split = lambda text: tuple(p.strip() for p in text.split(";") if p.strip())  # noqa: E731
    entry = Entry(title=title.strip(), date=date, precision=precision, places=split(places), factions=split(factions),  # type: ignore[arg-type]
                  sources=(Source(source.strip()),) if source.strip() else (), status="draft")
    path = content / "timeline" / f"{date.year:04d}" / f"{file_stem(entry)}.md"
    if path.exists():
        click.echo(f"error: {path} already exists; choose another title", err=True)
        sys.exit(2)
    write_atomic(path, _scaffold(entry))
    click.echo(f"created {path} (a draft: fill it in, then change 'Status: draft' to 'Status: published')")


def _scaffold(entry: Entry) -> str:
    """A hand-written entry to fill in: every key a curator sets, a draft until they publish it (so a forgotten
    placeholder never reaches the site)."""
    sources = "; ".join(f"{s.name} <{s.url}>" if s.url else s.name for s in entry.sources)
    return (f"Title: {entry.title}\nDate: {entry.iso_date}\nStatus: draft\nEvent: \nPlaces: {'; '.join(entry.places)}\n"
            f"Factions: {'; '.join(entry.factions)}\nSources: {sources}\nSummary: \n\n"
            "What happened, in your words. Cite the sources above.\n")


@main.command("review")
@CONTENT
def review_command(content: Path) -> None:
    """List the drafts waiting for a curator, grouped by why they wait, with the fix for each."""
    from .entries import parse
    from .review import fix_for, queue

    drafts = []
    for path in sorted((content / "timeline").rglob("*.md")):
        try:
            entry = parse(path.read_text(encoding="utf-8"), str(path))
        except TimelineError as error:
            click.echo(f"{path}: cannot read: {error}")
            continue
        if entry.status == "draft" or entry.date is None:
            drafts.append((str(path), entry))
    for reason, items in queue(drafts).items():
        click.echo(f"\n{reason} ({len({path for path, _ in items})}): {fix_for(reason)}")
        for path, warning in items:
            click.echo(f"  {path}: {warning}")
    click.echo(f"\n{len(drafts)} draft{'s' if len(drafts) != 1 else ''} waiting; publish one by changing its "
               "'Status: draft' line to 'Status: published'")


@main.command("stats")
@CONTENT
def stats_command(content: Path) -> None:
    """Entries per year, faction and place."""
    from .entries import parse

    years: Counter[int | str] = Counter()
    factions: Counter[str] = Counter()
    places: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    for path in sorted((content / "timeline").rglob("*.md")):
        try:
            entry = parse(path.read_text(encoding="utf-8"), str(path))
        except TimelineError:
            continue
        years[entry.date.year if entry.date else "undated"] += 1
        statuses[entry.status] += 1
        factions.update(entry.factions)
        places.update(entry.places)
    click.echo(f"entries: {sum(years.values())} ({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))})")
    click.echo("by year: " + ", ".join(f"{y}: {n}" for y, n in sorted(years.items(), key=lambda kv: str(kv[0]))))
    click.echo("top factions: " + ", ".join(f"{f} ({n})" for f, n in factions.most_common(10)))
    click.echo("top places: " + ", ".join(f"{p} ({n})" for p, n in places.most_common(10)))
