"""An article's paragraphs -> Seed: headline, page date line, dateline, lead, standfirst, captions and body.

Shared by text seeds and saved pages. What pages put above a story (section labels, site names, bylines, a date
line, photo captions, a repeated headline) is recognised by its shape; the lead is the first paragraph that opens
with a dateline, else the first sentence-like paragraph.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import find_dates
from .errors import SeedError
from .countries import country_code
from .furniture import OUTLETS, inline_captions, is_caption, is_furniture, is_label, is_sentence, without_ads
from .models import Seed

_TERMINAL = ".!?:;\"”’)»…"
_AGENCY = r"[A-Za-z][A-Za-z0-9 .&\-]{0,30}"
_DASH = r"(?:[–—-]{1,2}|:|•)"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\-/ ]{1,40}?|[A-Z][a-z’'\-]+(?:[ -][A-Za-z’'\-]+){0,3}?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z. ]{1,30}?))?"
    r"(?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)))?"
    rf"\s*(?:\((?P<agency>{_AGENCY})\)\s*(?:(?P<dash>{_DASH})\s*)?|(?P<bare_dash>{_DASH})\s+)(?P<rest>\S.*)$",
    re.DOTALL,
)
# "MOSCOW, December 11. /TASS/. Russian jets ...": TASS's own shape.
_SLASHED_AGENCY = re.compile(r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}),\s*(?P<date>[A-Z][a-z]+\.?\s+\d{1,2})\.\s*"
                             r"/(?P<agency>[A-Z][A-Za-z]+)/\.?\s+(?P<rest>\S.*)$", re.DOTALL)
# "(BEIRUT) — ...", "(Reuters) - ...": a place or an agency in brackets.
_BRACKETED = re.compile(rf"^\((?P<inner>{_AGENCY})\)\s*{_DASH}\s+(?P<rest>\S.*)$", re.DOTALL)
# "AKCAKALE, Turkey Turkish troops ...": capitals, a country, and the lead with no dash at all.
_UNDASHED = re.compile(r"^(?P<place>[A-Z][A-Z.'’\-]{2,}(?: [A-Z][A-Z.'’\-]{2,}){0,2}),\s*(?P<region>[A-Z][a-z]+)\s+"
                       r"(?P<rest>[A-Z][a-z]+\s.*)$", re.DOTALL)
# "BEIRUT A Russian helicopter was shot down ...", "JISREEN Syria At least four ...": a dateline that lost its dash
# and its comma (a text that lost its punctuation), then a whole sentence.
_BARE = re.compile(r"^(?P<place>[A-Z][A-Z'’\-]{3,}(?: [A-Z][A-Z'’\-]{2,}){0,2})(?: (?P<region>[A-Z][a-z]+))?"
                   r" (?P<rest>(?:A|An|The|At|In|On|[A-Z][a-z]+) .*)$", re.DOTALL)
_NOT_PLACES = {"UPDATE", "NOTE", "WARNING", "EXCLUSIVE", "ANALYSIS", "WATCH", "PHOTO", "VIDEO", "FILE", "CORRECTION",
               "EDITOR", "BREAKING", "LIVE", "OPINION", "COMMENT", "FACTBOX", "EXPLAINER", "READ", "SOURCE", "PHOTOS",
               "ISIS", "ISIL", "DAESH", "NATO", "HAMAS"}  # capitals that open a lead as an actor, not as a dateline
_HEADLINE_TAGS = re.compile(r"^(?:UPDATE\s*\d*\s*[-–:]\s*|EXCLUSIVE\s*[-–:]\s*)|\s*\((?:fixes|adds|updates|corrects|recasts|"
                            r"changes|rewrites|repeats)\b[^)]*\)\s*$", re.IGNORECASE)


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was cut at, when most of its long lines end near one width."""
    lengths = sorted(len(line) for line in lines if len(line) >= 40)
    if len(lengths) < 5 or lengths[len(lengths) * 9 // 10] > 100:
        return None
    width = lengths[len(lengths) * 9 // 10]
    near = sum(1 for n in lengths if n >= width - 20)
    return width if near >= len(lengths) * 0.6 else None


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs. Hard-wrapped lines are joined: a line without end punctuation whose next line starts in
    lower case, and in a text wrapped at a fixed width, any line that reaches that width."""
    lines = [" ".join(raw.split()) for raw in text.split("\n")]
    width = _wrap_width(lines)
    result: list[str] = []
    joinable = wrapped = False
    for line in lines:
        if not line:
            joinable = wrapped = False
            continue
        if result and ((joinable and line[0].islower()) or wrapped):
            result[-1] = f"{result[-1]} {line}"
        else:
            result.append(line)
        joinable = result[-1][-1] not in _TERMINAL
        wrapped = width is not None and len(line) >= width - 15 and line[-1:] not in _TERMINAL
    return result


def _norm(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def source_from_line(line: str) -> tuple[str | None, str | None]:
    """(outlet, author) when a header line names them, else (None, None)."""
    text = line.strip().rstrip(".")
    byline = re.match(r"^By\s+(?P<author>[^,|~]+?)(?:\s*[,|~]\s*(?P<outlet>.+))?$", text)
    if byline:
        outlet = byline.group("outlet")
        return (OUTLETS.get(outlet.strip(), outlet.strip()) if outlet else None), byline.group("author").strip()
    if text in OUTLETS:
        return OUTLETS[text], None
    words = text.split()
    if 1 <= len(words) <= 5 and all(w[:1].isupper() or w in ("of", "the", "de") for w in words) and \
            text[-1:] not in _TERMINAL and not find_dates(text) and "/" not in text:  # "Jane Roe/The Daily": a photo credit
        return text, None
    return None, None


def split_dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    """('KOBANE, Syria', agency or None, rest of paragraph) when it opens with a dateline, in any wire shape."""
    bracketed = _BRACKETED.match(paragraph)
    if bracketed:
        inner = bracketed.group("inner").strip()
        if inner in OUTLETS or inner.title() in OUTLETS:
            return None, inner, bracketed.group("rest").strip()
        if inner.isupper() and inner.upper() not in _NOT_PLACES:
            return inner, None, bracketed.group("rest").strip()
        return None, None, paragraph
    slashed = _SLASHED_AGENCY.match(paragraph)
    if slashed:
        return f"{slashed.group('place')}, {slashed.group('date')}", slashed.group("agency"), slashed.group("rest").strip()
    match = _DATELINE.match(paragraph)
    if match:
        place = match.group("place").strip()
        rest = match.group("rest").strip()
        title_case = not place.isupper()
        if not re.search(r"\b[a-z][a-z'’-]+\b", rest):  # "SYRIA - ARMY - DARAA": a label, not a story
            return None, None, paragraph
        if set(place.upper().split()) & _NOT_PLACES or len(place.split()) > 4 or is_caption(paragraph):
            return None, None, paragraph
        agency = (match.group("agency") or "").strip()
        # 'MOSCOW (Sputnik) The ...', 'Akcakale, Turkey (CNN)Turkish forces ...': an outlet's credit, then the lead
        wire = (place.isupper() or bool(match.group("region"))) and (agency in OUTLETS or agency.title() in OUTLETS) \
            and rest[:1].isupper()
        if not (match.group("dash") or match.group("bare_dash") or match.group("date") or wire):
            # "Sanaa, Mar 8 (IANS) ...", "MOSCOW (Sputnik) The ..." need no dash; "The army (SAA) said" is no dateline
            return None, None, paragraph
        if title_case and not (match.group("region") or match.group("agency")):
            # "Beirut: A suspected gas attack ..." - a one- or two-word name, then a whole sentence
            if not ((match.group("bare_dash") or "") in (":", "-", "–", "—") and len(place.split()) <= 2
                    and is_sentence(rest) and rest[:1].isupper()):
                return None, None, paragraph
        dateline = ", ".join(part for part in (place, match.group("region"), match.group("date")) if part)
        return dateline, match.group("agency"), rest
    undashed = _UNDASHED.match(paragraph)
    if undashed and undashed.group("place") not in _NOT_PLACES and is_sentence(undashed.group("rest")):
        return f"{undashed.group('place')}, {undashed.group('region')}", None, undashed.group("rest").strip()
    bare = _BARE.match(paragraph)
    if bare and not set(bare.group("place").split()) & _NOT_PLACES and is_sentence(bare.group("rest")) \
            and (bare.group("region") is None or country_code(bare.group("region"))):
        place = ", ".join(p for p in (bare.group("place"), bare.group("region")) if p)
        return place, None, bare.group("rest").strip()
    return None, None, paragraph


def _alone_dateline(paragraph: str) -> bool:
    """'Kiev -', 'BEIRUT —' or 'Tripoli (AFP)' alone on its line, the lead on the next."""
    return bool(_ALONE.fullmatch(paragraph)) and paragraph.split()[0].upper() not in _NOT_PLACES \
        and paragraph.split()[0] not in ("The", "A", "An")


_ALONE = re.compile(r"(?:[A-Z][A-Za-z.'’\-]+)(?: [A-Z][A-Za-z.'’\-]+){0,2}(?:, [A-Z][A-Za-z. ]+)?\s*"
                    rf"(?:[–—-]{{1,2}}|\((?:{'|'.join(map(re.escape, OUTLETS))})\)\s*[–—-]{{0,2}})")


def after_headline(paragraph: str, headline: str) -> str:
    """'Factbox: Syrias city of Hama site of new assault. Syrian tanks shelled ...': a text that lost its line
    breaks opens its first paragraph with the headline again; its summary starts after it (when a whole sentence is
    left). The extractor still reads the repeat: in such texts it is the best summary of the lead there is."""
    wanted, seen = _norm(headline), ""
    for token in re.finditer(r"\S+", paragraph):
        seen += _norm(token.group(0))
        if len(seen) >= len(wanted):
            rest = paragraph[token.end():].lstrip(" .:;,-–—|")
            return rest if seen == wanted and wanted and len(rest.split()) >= 8 else paragraph
    return paragraph


def _headline_from_lead(lead: str) -> str:
    """A title for a page that has none: the lead's first clause, at most ~16 words."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", lead.strip())[0].rstrip(".")
    words = sentence.split()
    if len(words) <= 16:
        return sentence
    clause = re.split(r",\s+", sentence)
    text = clause[0]
    return text if 6 <= len(text.split()) <= 20 else " ".join(words[:16])


def _is_lead(para: str) -> bool:
    """Story text, never a headline: a dateline opens it, or it is a long sentence, or simply long."""
    words = len(para.split())
    return bool(split_dateline(para)[0] or split_dateline(para)[1]) or (is_sentence(para) and words > 20) or words > 40


def _undated_lead(paras: list[str], start: int) -> int:
    """The lead of a page with no dateline: the first sentence paragraph after the headline, unless it is a short
    standfirst (25 words at most) followed within a few paragraphs by a full-length one: then the paragraph after
    the standfirst, however short (a 20-word lead is common; skipping it too would lose the story's first facts)."""
    sentences = [i for i in range(start, len(paras)) if (is_sentence(paras[i]) or len(paras[i].split()) > 40)
                 and not is_caption(paras[i])]
    if not sentences:
        return start
    first = sentences[0]
    if len(paras[first].split()) <= 25:
        longer = next((i for i in sentences[1:] if i <= first + 4 and len(paras[i].split()) > 25), None)
        if longer is not None:
            return sentences[1]
    return first


def site_suffix(line: str) -> tuple[str, str | None]:
    """'Dozens dead as car bomb hits evacuees | Jordan Times' -> (the headline, the site); 'Car bomb kills 45 in Homs
    - Region - World - Ahram Online' -> (the headline, 'Ahram Online'); a menu is left alone."""
    left, bar, right = line.partition(" | ")
    if bar and "|" not in right and len(left.split()) >= 4 and 1 <= len(right.split()) <= 5:
        return left.strip(), right.strip()
    parts = line.split(" - ")
    trail = 0
    while trail < len(parts) - 1 and len(parts[-1 - trail].split()) <= 3 and parts[-1 - trail][:1].isupper():
        trail += 1
    if (trail >= 2 or (trail == 1 and parts[-1].strip() in OUTLETS)) and len(" - ".join(parts[:-trail]).split()) >= 3:
        return " - ".join(parts[:-trail]).strip(), parts[-1].strip()
    return line, None


def _choose_headline(top: list[str]) -> str | None:
    """The headline among the paragraphs above the lead: one the page repeats, else the first that reads as one."""
    top = [site_suffix(p)[0] for p in top]
    candidates = [p for p in top if not is_label(p) and not is_caption(p) and not any(source_from_line(p))
                  and not _is_lead(p)]
    counts: dict[str, int] = {}
    for para in top:
        counts[_norm(para)] = counts.get(_norm(para), 0) + 1
    repeated = [p for p in candidates if counts[_norm(p)] > 1 and not is_sentence(p)]
    chosen = repeated[0] if repeated else next((p for p in candidates if p[-1:] != "."), None)
    if chosen is None:  # a short headline ("Talks stall") rather than none: any line that is not furniture
        chosen = next((p for p in top if len(p.split()) >= 2 and "|" not in p and not p.isupper() and not is_caption(p)
                       and p not in OUTLETS and not p.startswith("By ") and not _is_lead(p) and p[-1:] not in ".:"),
                      None)
    return _HEADLINE_TAGS.sub("", chosen).strip() if chosen else None


def assemble(name: str, paras: list[str], header: dict[str, str], published: dt.date | None,
             published_words: str | None, warnings: tuple[str, ...], url: str | None = None,
             headline: str | None = None) -> Seed:
    """Find headline (unless the page gave it), dateline, lead, standfirst, source and captions."""
    paras = [p for p in paras if not is_furniture(p)]
    merged: list[str] = []
    for para in paras:  # "Kiev -" alone on its line opens the next paragraph
        if merged and _alone_dateline(merged[-1]):
            dash = "" if re.search(r"[–—-]$", merged[-1]) else " -"  # 'Tripoli (AFP)': its line break was its dash
            merged[-1] = f"{merged[-1]}{dash} {para}"
        else:
            merged.append(para)
    paras = merged
    lead_at = next((i for i, p in enumerate(paras[:15]) if split_dateline(p)[0] or split_dateline(p)[1]), None)
    if lead_at is None:
        start = 0
        first_lead = next((i for i, p in enumerate(paras[:10]) if (_is_lead(p) or is_sentence(p)) and not is_caption(p)),
                          10)
        chosen = _choose_headline(paras[:first_lead]) if headline is None else None
        if chosen:
            start = next((i + 1 for i, p in enumerate(paras[:10]) if _HEADLINE_TAGS.sub("", p).strip() == chosen), 0)
        lead_at = _undated_lead(paras, start)
    before, body = paras[:lead_at], list(paras[lead_at:])
    if headline is None:
        headline = _choose_headline(before)
    source, author = header.get("source"), header.get("author")
    dateline = agency = None
    if body:
        dateline, agency, body[0] = split_dateline(body[0])
    from_lead = not headline and bool(body)
    if from_lead:
        headline = _headline_from_lead(body[0])
    if not headline or not headline.strip():
        raise SeedError("no headline", name, "put the headline on the first line, or save the page with its <title>")
    standfirst = weak_source = None
    captions: list[str] = []
    for line in before:
        if site_suffix(line)[1] and site_suffix(line)[0] == headline:  # "Headline | Site": the site may be the outlet
            weak_source = weak_source or site_suffix(line)[1]
            continue
        if _norm(line) == _norm(headline) or "|" in line or (line.isupper() and line not in OUTLETS):
            continue
        outlet, byline = source_from_line(line)
        if outlet and not byline and line.strip().rstrip(".") not in OUTLETS:  # "World News": maybe a section label
            weak_source = weak_source or outlet
        elif outlet or byline:
            source, author = source or outlet, author or byline
        elif is_label(line):
            continue
        elif is_caption(line) or (is_sentence(line) and any(m.year and m.day for m in find_dates(line))):
            captions.append(line)
        elif standfirst is None and len(line.split()) >= 8:
            standfirst = line
    if not source and agency:
        source = OUTLETS.get(agency.strip(), agency.strip())
    seen = set() if from_lead else {_norm(headline)}
    kept: list[str] = []
    byline_block: list[str] = []
    for index, para in enumerate(body):
        short = len(para.split()) <= 6 and para[-1:] not in ".!?"
        if index and (para == "By" or (para.startswith("By ") and short) or (byline_block and short)):
            byline_block.append(para)  # "By / JANE ROE / and / OMAR KHAN, The Daily Example" under a repeated lead
            continue
        if byline_block:
            outlet, byline = source_from_line(" ".join(byline_block))
            source, author = source or outlet, author or byline
            byline_block = []
        if index and is_caption(para):
            captions.append(para)
        elif _norm(para) not in seen and _norm(split_dateline(para)[2]) not in seen:
            if not kept:  # the headline and the lead, if the page repeats them (a lead again under a byline)
                seen.add(_norm(para))
            kept.append(para)
    if not kept and body and not is_caption(body[0]):  # a news flash: the text repeats its headline, and nothing else
        kept = body[:1]
    body = []
    for para in kept:  # a text that lost its line breaks carries its photos' captions inside its paragraphs
        para, inline = inline_captions(without_ads(para))
        captions += inline
        if para.strip():
            body.append(para.strip())
    source = source or weak_source
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
                url, author, warnings, tuple(captions))
