"""A seed file -> Seed: bytes decoded, optional header lines read, the text laid out by ``article``.

Plain text goes through the page-furniture and layout rules; a saved web page goes through ``webpage`` first.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .article import assemble, paragraphs, split_dateline
from .dates import parse_published
from .errors import SeedError
from .furniture import OUTLETS, is_furniture, page_date, strip_markup
from .models import Seed
from .webpage import parse_html

__all__ = ["MAX_SEED_BYTES", "OUTLETS", "decode", "is_furniture", "parse_text", "read_seed", "split_dateline"]

MAX_SEED_BYTES = 2_000_000
_HEADER_KEYS = ("published", "date", "source", "url", "author", "title", "headline")
_HEADER_LINE = re.compile(rf"^({'|'.join(_HEADER_KEYS)})\s*:\s*(.+)$", re.IGNORECASE)


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
    paras = paragraphs("\n".join(lines[index:]))
    published_words = header.get("published") or header.get("date")
    if published_words:
        _, paras = page_date(paras, None)  # the header says it; a date line on the page is still furniture
    else:
        published_words, paras = page_date(paras, header.get("url"))
    published = parse_published(published_words) if published_words else None
    if published_words and published is None:
        warnings += (f"cannot read the publication date '{published_words}'",)
    headline = header.get("title") or header.get("headline")
    if not paras or (headline and not [p for p in paras if not is_furniture(p)]):
        raise SeedError("no article text after the headline", name, "a seed needs a headline line and the article text")
    return assemble(name, paras, header, published, published_words, warnings, headline=headline)


def read_seed(path: Path) -> Seed:
    """Read one seed file (.txt or a saved .html page). Raises SeedError with the reason."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SeedError(f"cannot read: {error.strerror}", name) from error
    text, warnings = decode(data, name)
    if path.suffix.lower() in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        return parse_html(text, name, warnings)
    return parse_text(text, name, warnings)
