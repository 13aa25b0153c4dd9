"""Entry <-> Markdown file in Pelican's ``Key: value`` header format, with a fixed key order.

Generated files carry ``Entry-Hash``: a hash of the file's own text without that line. If the text no longer
matches its hash, a curator edited the file and the importer leaves it alone. A curator's decision lines
(``Same-as:``, ``Not-same-as:``) are not counted: adding one settles a question without taking the file over, and
the importer keeps them whenever it rewrites the file.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata

from .errors import EntryError
from .models import EVENT_TYPES, PRECISIONS, Entry, Evidence, Source

KEYS: tuple[str, ...] = (
    "Title", "Date", "Precision", "Status", "Same-as", "Not-same-as", "Event", "Places", "Dateline", "Factions", "Casualties", "Sources", "Summary",
    "Evidence", "Warnings", "Seed", "Seed-Hash", "Slug", "Entry-Hash",
)
STATUSES: tuple[str, ...] = ("published", "draft", "hidden", "skip")  # skip: rejected, never built
_HASH_LINE = re.compile(r"^Entry-Hash:.*\n?", re.MULTILINE)
_DECISION_LINE = re.compile(r"^(?:Same-as|Not-same-as):.*\n?", re.MULTILINE | re.IGNORECASE)
_EVIDENCE = re.compile(r"(?P<label>[^“;]+?)\s*“(?P<words>[^”]*)”")
_SOURCE = re.compile(r"^(?P<name>.*?)\s*(?:<(?P<url>[^<>\s]+)>)?$")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@functools.lru_cache(maxsize=65536)
def slugify(text: str, limit: int = 70) -> str:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "entry"


def file_stem(entry: Entry) -> str:
    """``2017-10-14-syrian-army-captures-mayadin`` (``undated-...`` until a curator dates it): sorts by date, safe on
    every file system."""
    return f"{entry.iso_date or 'undated'}-{slugify(entry.title)}"


def escape_markdown(text: str) -> str:
    """Seed text as literal Markdown: no HTML, no accidental lists, headings or emphasis."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`*_\[\]])", r"\\\1", text)
    return re.sub(r"^(\s*)(?:([#+\-=])|(\d+)([.)]))(?=\s|$)",
                  lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4)),
                  text, flags=re.MULTILINE)


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _evidence_text(items: tuple[Evidence, ...]) -> str:
    clean = lambda s: _one_line(s).replace("“", '"').replace("”", '"').replace(";", ",")  # noqa: E731
    return "; ".join(f"{clean(e.label)} “{clean(e.words)}”" for e in items)


def render(entry: Entry) -> str:
    """The Markdown file for ``entry``, ending with its own Entry-Hash line."""
    values = {
        "Title": entry.title,
        "Date": entry.iso_date,
        "Precision": entry.precision if entry.date else None,
        "Status": entry.status,
        "Same-as": "; ".join(entry.same_as),
        "Not-same-as": "; ".join(entry.not_same_as),
        "Event": entry.event_type,
        "Places": "; ".join(entry.places),
        "Dateline": entry.dateline,
        "Factions": "; ".join(entry.factions),
        "Casualties": entry.casualties,
        "Sources": "; ".join(f"{s.name} <{s.url}>" if s.url else s.name for s in entry.sources),
        "Summary": entry.summary,
        "Evidence": _evidence_text(entry.evidence),
        "Warnings": "; ".join(w.replace(";", ",") for w in entry.warnings),
        "Seed": entry.seed,
        "Seed-Hash": entry.seed_hash,
        "Slug": entry.slug,
    }
    header = "".join(f"{k}: {_one_line(v)}\n" for k, v in values.items() if v)
    body = entry.body.strip("\n")
    text = f"{header}\n{body}\n" if body else header
    if entry.seed:
        digest = content_hash(_DECISION_LINE.sub("", text))
        text = text.replace("\n\n", f"\nEntry-Hash: {digest}\n\n", 1) if body else f"{text}Entry-Hash: {digest}\n"
    return text


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Pelican's header: ``Key: value`` lines up to the first blank line. Keys are returned as written."""
    header: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines) and lines[index].strip():
        match = re.match(r"^([A-Za-z][\w-]*):\s*(.*)$", lines[index])
        if not match:
            break
        header[match.group(1)] = match.group(2).strip()
        index += 1
    return header, "\n".join(lines[index:]).strip("\n")


def stored_hash(text: str) -> str | None:
    match = re.search(r"^Entry-Hash:\s*(\S+)", text, re.MULTILINE)
    return match.group(1) if match else None


def is_untouched(text: str) -> bool:
    """True when the file is exactly what the importer wrote (its hash still matches)."""
    expected = stored_hash(text)
    return expected is not None and content_hash(_DECISION_LINE.sub("", _HASH_LINE.sub("", text, count=1))) == expected


def decisions(header: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A header's (Same-as, Not-same-as) references: entry slugs or seed file names."""
    fields = {k.lower(): v for k, v in header.items()}
    return _list(fields.get("same-as")), _list(fields.get("not-same-as"))


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(";") if part.strip())


def parse_sources(value: str | None) -> tuple[Source, ...]:
    """``Reuters <https://...>; Agence France-Presse`` -> Sources."""
    sources = []
    for item in _list(value):
        match = _SOURCE.match(item)
        sources.append(Source(match.group("name"), match.group("url")) if match else Source(item))
    return tuple(sources)


def parse_evidence(value: str | None) -> tuple[Evidence, ...]:
    return tuple(Evidence(m.group("label").strip(), m.group("words")) for m in _EVIDENCE.finditer(value or ""))


def parse_date(value: str) -> tuple[dt.date, str]:
    """``2017-10-14`` (day), ``2017-06`` (month) or ``2014`` (year); a time part is ignored."""
    value = value.strip()
    for pattern, precision in ((r"(\d{4})-(\d{1,2})-(\d{1,2})", "day"), (r"(\d{4})-(\d{1,2})", "month"), (r"(\d{4})", "year")):
        match = re.match(pattern + r"(?:$|[ T])", value)
        if match:
            parts = [int(p) for p in match.groups()] + [1] * (3 - len(match.groups()))
            return dt.date(*parts), precision
    raise ValueError(f"'{value}' is not a date like 2017-10-14, 2017-06 or 2014")


def parse(text: str, path: str | None = None) -> Entry:
    """A Markdown entry -> Entry. Raises EntryError naming the file and the bad field."""
    header, body = split_header(text)
    fields = {k.lower(): v for k, v in header.items()}
    if not fields.get("title"):
        raise EntryError("no 'Title:' line", path, "start the file with 'Title: ...'")
    date: dt.date | None = None
    implied = "day"
    if fields.get("date"):  # no Date: an entry waiting for a curator to date it (`timeline check` lists it)
        try:
            date, implied = parse_date(fields["date"])
        except ValueError as error:
            raise EntryError(f"Date: {error}", path, "write the date as YYYY-MM-DD, YYYY-MM or YYYY") from error
    precision = fields.get("precision", implied)
    if precision not in PRECISIONS:
        raise EntryError(f"Precision: '{precision}' is not one of {', '.join(PRECISIONS)}", path)
    status = fields.get("status", "published")
    if status not in STATUSES:
        raise EntryError(f"Status: '{status}' is not one of {', '.join(STATUSES)}", path)
    event = fields.get("event") or None
    if event is not None and event not in EVENT_TYPES:
        raise EntryError(f"Event: '{event}' is not one of {', '.join(EVENT_TYPES)}", path)
    sources = parse_sources(fields.get("sources"))
    evidence = parse_evidence(fields.get("evidence"))
    return Entry(
        title=fields["title"], date=date, precision=precision, places=_list(fields.get("places")),  # type: ignore[arg-type]
        dateline=fields.get("dateline") or None, factions=_list(fields.get("factions")), event_type=event,
        sources=sources, status=status, casualties=fields.get("casualties") or None,
        summary=fields.get("summary") or None, evidence=evidence,
        warnings=_list(fields.get("warnings")), seed=fields.get("seed") or None,
        seed_hash=fields.get("seed-hash") or None, slug=fields.get("slug") or None, body=body,
        same_as=_list(fields.get("same-as")), not_same_as=_list(fields.get("not-same-as")),
    )
