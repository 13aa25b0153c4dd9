"""Raw article text -> Seed: headline, source, dateline, body; site furniture removed by its shape."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .dates import find_dates, parse_published
from .errors import SeedError
from .models import Seed

MAX_SEED_BYTES = 2_000_000
OUTLETS = {
    "AFP": "Agence France-Presse", "Agence France-Presse": "Agence France-Presse", "Agence France Presse": "Agence France-Presse",
    "Reuters": "Reuters", "AP": "Associated Press", "Associated Press": "Associated Press", "The Associated Press": "Associated Press",
    "Al Jazeera": "Al Jazeera", "BBC": "BBC", "BBC News": "BBC", "SANA": "SANA", "Anadolu": "Anadolu Agency",
    "Anadolu Agency": "Anadolu Agency", "AA": "Anadolu Agency", "Xinhua": "Xinhua", "dpa": "dpa", "DPA": "dpa",
    "Rudaw": "Rudaw", "Kurdistan24": "Kurdistan24", "Enab Baladi": "Enab Baladi", "Syria Direct": "Syria Direct",
    "Middle East Eye": "Middle East Eye", "The Guardian": "The Guardian", "Al Arabiya": "Al Arabiya",
    "Sputnik": "Sputnik", "TASS": "TASS", "UPI": "UPI", "Daily Sabah": "Daily Sabah", "Ahram Online": "Ahram Online",
}
_HEADER_KEYS = ("published", "date", "source", "url", "author", "title", "headline")
_HEADER_LINE = re.compile(rf"^({'|'.join(_HEADER_KEYS)})\s*:\s*(.+)$", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?|[A-Z][a-z’'\-]+(?:[ -][A-Za-z’'\-]+){0,3}?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z. ]{1,30}?))?"
    r"(?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)))?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&\-]{0,30})\))?\s*(?P<dash>[–—-]{1,2}|:)\s+(?P<rest>\S.*)$",
    re.DOTALL,
)
_FURNITURE = re.compile(
    r"""^(?:
      (?:add|post|leave|write|view|show|load|hide|read)\b.{0,40}\bcomments?\b
    | comments?\s*(?:\(\d+\)|\d+)?\s*$
    | there\ are\ no\ comments
    | sort\ by\b
    | share\b(?:\s+(?:this|on|via|the|article|story|to)\b.*)?\s*$
    | (?:sign|log)\s*(?:up|in)\b
    | subscribe\b | .*\bnewsletter\b
    | advertisement\s*$ | advert\s*$ | sponsored\b | promoted\b
    | read\ (?:more|next|also)\b
    | related(?:\s+(?:articles?|coverage|stories|content|news|topics|reading))?\s*(?::|$)
    | recommended\b | most\ (?:read|popular|viewed)\b | trending\b
    | follow\ us\b | click\ here\b | download\ (?:our|the)\ app
    | listen\ to\ (?:this|the)\ (?:article|story)
    | (?:photo|image|picture|video|file\ photo|photograph)\s*(?::|/|by\b|credit)
    | (?:©|\(c\)\s|copyright\b) | .*all\ rights\ reserved
    | summari[sz]e\b.*\bAI\b
    | .*\bAI[-\ ]generated\b | .*\bgenerated\ (?:by|with|using)\ (?:an\ )?AI\b
    | this\ (?:article|content|summary|text|story)\ (?:was|is|has\ been|may)\b.*\b(?:AI|automated|machine)\b
    | for\ context,\ always\ refer
    | (?:print|email|e-mail|whatsapp|facebook|twitter|x|telegram|linkedin|reddit)(?:\s+this)?(?:\s+(?:article|story|page))?\s*$
    | (?:previous|next)\ (?:article|story|post)\b
    | tags?\s*:
    | \(?(?:additional\ )?(?:reporting|writing|editing|compiled|translated)\ by\b
    | (?:updated|last\ updated|published)\s*:?\s*(?:\d|[A-Z][a-z]+\ \d)
    | (?:you\ may\ also\ like|more\ (?:from|on)\ this|in\ pictures|watch:)\b
    | follow\b.{0,60}\bcoverage\b | .*\bcontributed\ to\ this\ report | our\ standards\b | (?:the\ )?trust\ principles\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_TERMINAL = ".!?:;\"”’)»…"
# What may stand before a publication date that opens the text: "Posted on", "Date of publication", ...
_STAMP = re.compile(r"^\s*(?:(?:print this page|posted|published|updated|last updated|date of publication|date)"
                    r"(?:\s+(?:on|at))?\s*:?\s*)?$", re.IGNORECASE)


def decode(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """Bytes -> text. UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; binary is refused."""
    if len(data) > MAX_SEED_BYTES:
        raise SeedError(f"seed is {len(data):,} bytes; the limit is {MAX_SEED_BYTES:,}", name,
                        "split the text or keep only the article")
    warnings: tuple[str, ...] = ()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:  # a truncated file (odd length) or a broken surrogate pair
            text = data.decode("utf-16", errors="replace")
            warnings = ("not valid UTF-16: undecodable bytes replaced",)
    elif data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif b"\x00" in data:
        raise SeedError("binary file, not text", name, "save the article as plain text (.txt) or a web page (.html)")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings = ("not UTF-8: read as Windows-1252",)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\t")
    if controls > max(8, len(text) // 100):
        raise SeedError("binary file, not text", name, "save the article as plain text (.txt) or a web page (.html)")
    if not text.strip():
        raise SeedError("empty seed: no text in it", name, "paste the article into the file or delete it")
    return text, warnings


def is_furniture(line: str) -> bool:
    return len(line.split()) <= 30 and bool(_FURNITURE.match(line.strip()))


def is_sentence(line: str) -> bool:
    return len(line.split()) >= 8 and line.rstrip()[-1:] in _TERMINAL


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs; hard-wrapped lines (no end punctuation, next starts lower case) are joined."""
    result: list[str] = []
    joinable = False
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            joinable = False
            continue
        if joinable and result and line[0].islower():
            result[-1] = f"{result[-1]} {line}"
        else:
            result.append(line)
        joinable = result[-1][-1] not in _TERMINAL
    return result


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a).lower() == re.sub(r"\W+", "", b).lower()


def source_from_line(line: str) -> tuple[str | None, str | None]:
    """(outlet, author) when a header line names them, else (None, None)."""
    text = line.strip().rstrip(".")
    byline = re.match(r"^By\s+(?P<author>[^,|]+?)(?:\s*[,|]\s*(?P<outlet>.+))?$", text)
    if byline:
        outlet = byline.group("outlet")
        return (OUTLETS.get(outlet.strip(), outlet.strip()) if outlet else None), byline.group("author").strip()
    if text in OUTLETS:
        return OUTLETS[text], None
    words = text.split()
    if 1 <= len(words) <= 5 and all(w[:1].isupper() or w in ("of", "the", "de") for w in words) and \
            text[-1:] not in _TERMINAL and not find_dates(text):
        return text, None
    return None, None


def split_dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    """('KOBANE, Syria', agency or None, rest of paragraph) when it opens with a dateline."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None, None, paragraph
    place = match.group("place").strip()
    title_case = not place.isupper()
    if title_case and not (match.group("region") or match.group("agency")):
        return None, None, paragraph
    if len(place.split()) > 4 or place.upper() in ("UPDATE", "NOTE", "WARNING", "EXCLUSIVE", "ANALYSIS"):
        return None, None, paragraph
    dateline = ", ".join(part for part in (place, match.group("region"), match.group("date")) if part)
    return dateline, match.group("agency"), match.group("rest").strip()


def _leading_date(paras: list[str]) -> tuple[str | None, list[str]]:
    """A full date opening the text ('Wed 05 Apr 2017' on its own line, or before the headline or the lead) is
    the publication date; it is taken off the text."""
    for index in range(min(2, len(paras))):
        found = find_dates(paras[index][:70])
        if found and found[0].day and found[0].year and found[0].month and \
                _STAMP.match(paras[index][:found[0].start]):
            rest = paras[index][found[0].end:].strip(" .,-–—|")
            paras = [*paras[:index], *([rest] if rest else []), *paras[index + 1:]]
            return found[0].words, paras
    return None, paras


# A closed block goes with its contents; an unclosed opening tag (an <iframe ...> copied alone) is only a tag: it
# must not take the rest of the article with it.
_BLOCK_MARKUP = re.compile(r"<(script|style|iframe|object|embed|svg)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")


def strip_markup(text: str) -> tuple[str, bool]:
    """A text seed carries no markup: scripts, frames and tags copied along with the words are removed."""
    cleaned, previous = text, None
    while cleaned != previous:  # until stable: removing '<b>' from '<scr<b>ipt>' must not leave a '<script>'
        previous, cleaned = cleaned, _TAG.sub("", _BLOCK_MARKUP.sub("", cleaned))
    return cleaned, cleaned != text


def parse_text(text: str, name: str, warnings: tuple[str, ...] = ()) -> Seed:
    text, stripped = strip_markup(text)
    if stripped:
        warnings += ("HTML markup removed from a text seed",)
    lines = text.split("\n")
    header: dict[str, str] = {}
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        match = _HEADER_LINE.match(line)
        if not line:
            index += 1
        elif match:
            header.setdefault(match.group(1).lower(), match.group(2).strip())
            index += 1
        else:
            break
    paras = [p for p in paragraphs("\n".join(lines[index:])) if not is_furniture(p)]
    published_words = header.get("published") or header.get("date")
    if not published_words:
        published_words, paras = _leading_date(paras)
    published = parse_published(published_words) if published_words else None
    if published_words and published is None:
        warnings += (f"cannot read the publication date '{published_words}'",)
    headline = header.get("title") or header.get("headline") or (paras.pop(0) if paras else "")
    if not headline or not paras:
        raise SeedError("no article text after the headline", name, "a seed needs a headline line and the article text")
    return assemble(name, headline, paras, header, published, published_words, warnings)


def assemble(name: str, headline: str, paras: list[str], header: dict[str, str], published, published_words,
             warnings: tuple[str, ...], url: str | None = None) -> Seed:
    """Find the dateline, split header furniture from the body, take source and standfirst."""
    if not headline.strip():
        raise SeedError("no headline", name, "a web page needs a <title>, an <h1> or an og:title")
    lead_at = next((i for i, p in enumerate(paras[:15]) if split_dateline(p)[0]), None)
    source = header.get("source")
    author = header.get("author")
    dateline = agency = None
    if lead_at is None:
        lead_at = 0
        while lead_at < len(paras) - 1 and not is_sentence(paras[lead_at]):
            lead_at += 1
    before, body = paras[:lead_at], list(paras[lead_at:])
    if body:
        dateline, agency, rest = split_dateline(body[0])
        body[0] = rest
    standfirst = None
    for line in before:
        if _same(line, headline):
            continue
        outlet, byline = source_from_line(line)
        if outlet or byline:
            source, author = source or outlet, author or byline
        elif is_sentence(line) or len(line.split()) >= 8:
            standfirst = line
    if not source and agency:
        source = OUTLETS.get(agency.strip(), agency.strip())
    body = [p for p in body if not _same(p, headline)]
    while len(body) > 1 and body[-1][-1:] not in _TERMINAL and len(body[-1].split()) <= 10:
        body.pop()  # trailing furniture the patterns did not know
    if body:
        body[-1] = re.sub(r"\s*[–—-]+\s*$", "", body[-1])
        if not body[-1]:  # the paragraph was nothing but a dash
            body.pop()
    if not body:
        raise SeedError("no article text after the headline", name, "a seed needs a headline line and the article text")
    url = url or header.get("url")
    if url and not re.match(r"https?://", url, re.IGNORECASE):  # javascript:, data:, a relative path: no link
        warnings += ("source URL ignored: not an http(s) address",)
        url = None
    return Seed(name, headline.strip(), tuple(body), source, dateline, standfirst, published, published_words,
                url, author, warnings)


def read_seed(path: Path) -> Seed:
    """Read one seed file (.txt or a saved .html page). Raises SeedError with the reason."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SeedError(f"cannot read: {error.strerror}", name) from error
    text, warnings = decode(data, name)
    if path.suffix.lower() in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        from .webpage import parse_html

        return parse_html(text, name, warnings)
    return parse_text(text, name, warnings)
