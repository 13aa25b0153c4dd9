"""Page furniture recognised by its shape: what a news page puts around an article, never part of its story.

The one home of these rules, for text seeds and saved pages alike: comment and share prompts, section labels,
bylines, photo captions, the page's own date line ("Published 20.10.2017 23:59", "Tue Jun 10, 2014 13:51:14",
"NewsMarch 24, 2011") and markup copied along with the words.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import DateMention, find_dates

OUTLETS = {
    "AFP": "Agence France-Presse", "Agence France-Presse": "Agence France-Presse", "Agence France Presse": "Agence France-Presse",
    "Reuters": "Reuters", "REUTERS": "Reuters", "AP": "Associated Press", "Associated Press": "Associated Press",
    "The Associated Press": "Associated Press", "Al Jazeera": "Al Jazeera", "BBC": "BBC", "BBC News": "BBC", "SANA": "SANA",
    "Anadolu": "Anadolu Agency", "Anadolu Agency": "Anadolu Agency", "AA": "Anadolu Agency", "Xinhua": "Xinhua", "dpa": "dpa",
    "DPA": "dpa", "IANS": "IANS", "CNN": "CNN", "Rudaw": "Rudaw", "Kurdistan24": "Kurdistan24",
    "Kurdistan 24": "Kurdistan24",
    "Enab Baladi": "Enab Baladi", "Syria Direct": "Syria Direct", "Middle East Eye": "Middle East Eye",
    "The Guardian": "The Guardian", "Al Arabiya": "Al Arabiya", "Sputnik": "Sputnik", "TASS": "TASS", "UPI": "UPI",
    "Daily Sabah": "Daily Sabah", "Ahram Online": "Ahram Online",
}
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
    | follow\ us\b | click\ here\b | download\ (?:our|the)\ app | skip\ to\ (?:main\ )?content\b
    | listen\ to\ (?:this|the)\ (?:article|story) | remote\ video\ url\b | \d+\ min(?:ute)?s?\ read\s*$
    | (?:photo|image|picture|video|file\ photo|photograph)\s*(?::|/|by\b|credit)
    | (?:©|\(c\)\s|copyright\b) | .*all\ rights\ reserved
    | summari[sz]e\b.*\bAI\b
    | .*\bAI[-\ ]generated\b | .*\bgenerated\ (?:by|with|using)\ (?:an\ )?AI\b
    | this\ (?:article|content|summary|text|story)\ (?:was|is|has\ been|may)\b.*\b(?:AI|automated|machine)\b
    | for\ context,\ always\ refer
    | (?:print|email|e-mail|whatsapp|facebook|twitter|x|telegram|linkedin|reddit)(?:\s+this)?(?:\s+(?:article|story|page))?\s*$
    | (?:previous|next)\ (?:article|story|post)\b
    | (?:tags?|topics?|keywords?)\s*:
    | tags?(?:\s+[\w'’-]+){0,15}\s*$
    | \(?(?:additional\ )?(?:reporting|writing|editing|compiled|translated)\ by\b
    | (?:updated|last\ updated?|published|posted)(?:\ on)?\s*:?\s*(?:\d|[A-Z][a-z]+\ \d)
    | (?:posted|updated|published)(?:\s+(?:posted|updated|published))*\s*$
    | update\s*[:,]?\s*\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*$
    | (?:you\ may\ also\ like|more\ (?:from|on)\ this|in\ pictures|watch:)\b
    | follow\b.{0,60}\bcoverage\b | .*\bcontributed\ to\ this\ report | our\ standards\b | (?:the\ )?trust\ principles\b
    | \d{1,2}:\d\d\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:ET|GMT|UTC|EST|EDT|BST|CET)?\s*$
    | \((?:fixes|adds|updates|corrects|recasts|changes|rewrites|repeats)\b[^)]{0,80}\)\s*$
    | [\w'’&.-]+(?:\ [\w'’&.-]+){0,2}(?:\ [>›»]\ (?-i:[A-Z])[^>›»]{0,80}){1,6}$  # 'Home > News > Middle East'
    | \*.{0,120}\b(?:banned|outlawed|prohibited)\ in\b.*  # Sputnik's, TASS's footnote on a group 'banned in Russia'
    | (?:https?://|www\.)\S+\s*$ | [a-z0-9-]+\.(?:ly|co|gl|me|to|io)/\S+\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_TERMINAL = ".!?:;\"”’)»…"

# A photo caption: a credit at its end ("Photo / AP", "[AFP]", "AFP PHOTO / NAME", "Rodi Said—Reuters", "Source: Getty
# Images") or a caption's own opening ("FILE PHOTO:", "FILE - In this ... file photo", BBC's "Image caption").
_CREDIT = re.compile(
    r"(?:\b(?:photo|picture|image|pics?|credit|source)\s*[:/|]\s*[^.]{0,60}|\bAFP\s+PHOTO\b[^.]{0,60}|"
    r"[\[(][^\[\]()]{0,40}(?:AFP|Reuters|REUTERS|AP|Getty Images|EPA|Anadolu)[\])]|"
    r"[—–/]\s*(?:AFP|Reuters|REUTERS|AP|EPA)|\bGetty Images|\(AP Photo\b[^)]*\)?|\(The Associated Press\)|"
    # "REUTERS/Goran Tomasevic", "© Nazeer Al-khatib, AFP", "(AA Photo)"
    r"\b(?:REUTERS|Reuters|AFP|EPA)/[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|©[^.]{0,60}|"
    r"\([^()]{0,20}\bPhoto\))\s*\.?\s*$",
    re.IGNORECASE,
)
_CAPTION_OPENING = re.compile(r"^(?:FILE\b|File photo\b|PHOTO\s*:|Photo\s*:|Image\s*:|Picture\s*:|In this (?:\w+ )?photo\b|"
                              r"Image (?:caption|copyright)\b|Caption\s*:|"
                              r"This (?:picture|photo|image) (?:taken|shows)\b)")
# The date a file photo was taken says nothing of the story: "In this Nov. 28, 2016 file photo", "This picture taken
# on August 24, 2016 shows".
FILE_PHOTO = re.compile(r"\bfile (?:photo|picture|image)\b|^FILE\b|\bthis (?:picture|photo|image) taken on\b", re.IGNORECASE)

# Words a page's date line may hold besides the date: "Published on 12:00 AM", "Updated", "date", "- Source:".
_STAMP_WORDS = re.compile(
    r"\bsource\s*:.*$|\b[ap]\.m\.|"
    r"\b(?:first|published|updated|last|modified|update|posted|on|at|date|of|publication|by|time|news|world|am|pm|"
    r"et|edt|est|gmt|utc|bst|cet|cest|local|ago|hours?|minutes?|mins?|days?|weeks?|months?|years?|read)\b|"
    r"\d{1,2}[:h.]\d\d(?::\d\d)?|"
    r"['’]s\b|[^\w'’]+|\d+|_",
    re.IGNORECASE,
)
_OUTLET_WORDS = frozenset(w for name in OUTLETS for w in name.split())
# Capitals glued to a word by a copy-paste ("NewsMarch 24, 2011"): split before reading a date line.
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def is_furniture(line: str) -> bool:
    """Furniture: a short line of a known shape. A long 'FILE PHOTO: ...' line is a caption (its places count)."""
    words = len(line.split())
    return words <= 30 and bool(_FURNITURE.match(line.strip())) and not (words > 8 and is_caption(line))


# An AFP caption's shape: "... on August 19, 2019. - A Turkish military convoy ..."
_AFP_CAPTION = re.compile(r"\b\d{4}\.\s+[-–—]\s+[A-Z]")


def is_caption(line: str) -> bool:
    """A photo caption, by its credit, its opening or its shape."""
    text = line.strip()
    return bool(_CAPTION_OPENING.match(text) or (len(text.split()) >= 4 and _CREDIT.search(text[-90:]))
                or _AFP_CAPTION.search(text))


_SENTENCE_END = re.compile(r"[.!?…][\"”’')»]*$")

# A photo's credit inside a paragraph, the story going on after it: "... after the attack. (Reuters) Western powers
# say ...", "(TRT World and Agencies)". Not "(With AFP and Reuters)", which credits the story itself.
_INLINE_CREDIT = re.compile(r"\s*\((?!With\b)[^()]{0,40}\b(?:AFP|Reuters|REUTERS|AP|EPA|Getty Images|Anadolu|Agencies)"
                            r"\b[^()]{0,15}\)\s+(?=[A-Z\"“])")
# the words before a full stop that ends no sentence: 'Thursday Oct. 27 2016', 'Maj. Gen. Igor', 'U.S.-backed'
_ABBREVIATED = re.compile(r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Brig|Sgt|"
                          r"Capt|Rep|Sen|Gov|St|No|Jr|Sr)|(?<![\w.])[A-Z](?:\.[A-Z])*)$")


def abbreviation_at(text: str, stop: int) -> bool:
    """Whether the full stop at ``text[stop]`` closes an abbreviation ('Aug.', 'U.S.'), not a sentence."""
    return bool(_ABBREVIATED.search(text, max(0, stop - 8), stop))


_BEFORE_CAPTION = re.compile(r"[.!?…][\"”’')»]*\s+(?=\S)")


# "... on Sunday, Advertisement security officials said": an advert's label copied into the middle of a paragraph
_INLINE_AD = re.compile(r"(?<=\S)\s+(?:Advertisement|ADVERTISEMENT|Story continues below advertisement)\s+(?=\S)")


def without_ads(paragraph: str) -> str:
    return _INLINE_AD.sub(" ", paragraph)


def inline_captions(paragraph: str) -> tuple[str, list[str]]:
    """(the paragraph without them, the photo captions a text that lost its line breaks carries inside a paragraph):
    a caption is the words from the last sentence end before a credit to the credit."""
    captions: list[str] = []
    for credit in reversed(list(_INLINE_CREDIT.finditer(paragraph))):
        before = paragraph[:credit.start()]
        word = before.split()[-1] if before.split() else ""
        if word.isupper() or len(before.split()) < 4:
            continue  # "BEIRUT (Reuters) The army ...": a dateline, not a caption
        ends = [m.end() for m in _BEFORE_CAPTION.finditer(before.rstrip()[:-1])
                if not abbreviation_at(before, m.start())]
        start = ends[-1] if ends else 0
        caption = paragraph[start:credit.end()].strip()
        if not 4 <= len(caption.split()) <= 60 or start == 0 and credit.end() >= len(paragraph.rstrip()):
            continue
        captions.insert(0, caption)
        paragraph = f"{paragraph[:start]}{paragraph[credit.end():]}"
    return paragraph, captions


def is_sentence(line: str) -> bool:
    """Eight words or more ending as a sentence ends ('.', '?"', '.)'); a headline's '(2)' or 'said:' does not."""
    return len(line.split()) >= 8 and bool(_SENTENCE_END.search(line.rstrip()))


def date_line(line: str) -> DateMention | None:
    """The full date of a page's own date line ('Published 20.10.2017 23:59', 'Monday, January 26, 2015',
    '— 13th July 2018', 'date 2017-06-06 World', '2019-11-10 00:00:00 - Source: kurdistan 24', 'JUNE 14, 2020 /
    9:41 AM'), or None.

    A date line is short and is almost nothing but its date: a caption or a sentence that names a date is not one."""
    text = _GLUED.sub(" ", line.strip()).replace("،", ",")  # an Arabic comma: '9 November، 2017'
    if " | " in text:  # 'By Jane Roe | July 26, 2018 | @janeroe': a byline's part that is nothing but its date
        found = next((d for d in map(date_line, text.split(" | ")) if d is not None), None)
        if found is not None:
            return found  # its offsets are within its part: only its words are read
    if not text or len(text) > 90:
        return None
    if not re.search(r"[a-z]", text):  # 'APRIL 7, 2019 / 2:15 PM / UPDATED 5 HOURS AGO': a page's capitals
        text = text.title()
    found = [m for m in find_dates(text) if m.year and m.month and m.day] or _slashed(text)
    if not found:
        return None
    rest = text[:found[0].start] + " " + text[found[0].end:]
    words = [w for w in _STAMP_WORDS.sub(" ", rest).split() if w not in _OUTLET_WORDS]
    # What is left is a section label or an outlet's name ("The Sun News"), never prose ("The offensive began")
    return found[0] if len(words) <= 3 and all(w[:1].isupper() for w in words) else None


def _slashed(text: str) -> list[DateMention]:
    """'Last Update: 14/02/2017': a slashed date, only where the order is certain (one part above 12)."""
    match = re.search(r"(?<![\d/])([0-3]?\d)/([01]?\d|[0-3]\d)/((?:19|20)\d\d)(?![\d/])", text)
    if not match:
        return []
    first, second, year = (int(g) for g in match.groups())
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return []
    try:
        dt.date(year, month, day)
    except ValueError:
        return []
    return [DateMention(match.start(), match.end(), match.group(0), "numeric", year, month, day)]


def print_edition_date(text: str) -> DateMention | None:
    """'A version of this article appears in print on April 3, 2016' / '... appeared in the print edition of ... on
    April 3, 2016': the day the paper printed it."""
    match = re.search(r"\b(?:appear(?:s|ed)\s+in\s+(?:the\s+)?print|print\s+edition)\b[^.]{0,120}?\bon\s+", text, re.IGNORECASE)
    if not match:
        return None
    found = find_dates(text[match.end():match.end() + 40])
    return found[0] if found and found[0].year and found[0].month and found[0].day else None


def url_date(url: str) -> tuple[int, int, int] | None:
    """A date in an article address: /2016/10/03/, /2015/0425/, /20161003/, -2015-01-26."""
    for pattern in (r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:/|$)", r"/((?:19|20)\d\d)/([01]\d)([0-3]\d)(?:/|$)",
                    r"[/_-]((?:19|20)\d\d)([01]\d)([0-3]\d)(?:[/_.-]|$)", r"[/_-]((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?:[/_.-]|$)"):
        match = re.search(pattern, url)
        if match:
            year, month, day = (int(g) for g in match.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                return year, month, day
    return None


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


def is_label(line: str) -> bool:
    """A section label or site name above a headline: 'WORLD', 'SYRIA - ARMY - DARAA', 'World News', 'X', a menu."""
    text = line.strip()
    words = text.split()
    if not words or "|" in text:
        return True
    if text.isupper() and len(words) <= 8 and not re.search(r"\d", text):
        return True
    return len(words) < 4 and text[-1:] not in ".!?"


# What may stand before a date that opens the text: "Posted on", "Date of publication", "date", ...
_STAMP = re.compile(r"^\s*(?:(?:print this page|posted|published|updated|last updated|date of publication|date)"
                    r"(?:\s+(?:on|at))?\s*:?\s*)?$", re.IGNORECASE)


def _date_words(mention: DateMention) -> str:
    """A page date's words as the date parser reads them: a slashed date ("14/02/2017") in ISO form, its order
    settled."""
    return mention.words if find_dates(mention.words) else f"{mention.year:04d}-{mention.month:02d}-{mention.day:02d}"


def leading_date(paras: list[str]) -> tuple[str | None, list[str]]:
    """A full date opening the text ('date 2018-03-16 DOUMA: ...', 'Wed 05 Apr 2017' before the headline) is the
    page's date; it is taken off the paragraph it opens."""
    for index in range(min(3, len(paras))):
        found = find_dates(paras[index][:70])
        if not (found and found[0].day and found[0].year and found[0].month):
            found = _slashed(paras[index][:40])  # "Published 16/04/2017 BEIRUT (Reuters) - ...": one part above 12
            if not found or not paras[index][:found[0].start].strip():
                continue  # a bare slashed date opening a paragraph may be the story's: only after a stamp word
        if _STAMP.match(paras[index][:found[0].start]):
            rest = re.sub(r"^\s*(?:\d{1,2}:\d\d(?::\d\d)?\s*)?", "", paras[index][found[0].end:].lstrip(" .,-–—|")).strip()
            paras = [*paras[:index], *([rest] if rest else []), *paras[index + 1:]]
            return _date_words(found[0]), paras
    return None, paras


_CREDIT_STAMP = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True))
                           + r")\s+(?=[A-Z0-9])")


def credited_date(paras: list[str]) -> tuple[str | None, list[str]]:
    """'... kills six, says monitoring group AFP Friday 23 Aug 2013 A suicide bombing in ...': an agency's credit and
    a full date in the first lines of a text that lost its line breaks is the page's stamp. The stamp goes; what stood
    before it (the headline again, a standfirst) stays, ended as a sentence."""
    for index, para in enumerate(paras[:3]):
        for credit in _CREDIT_STAMP.finditer(para[:500]):
            found = find_dates(para[credit.end():credit.end() + 40])
            if found and found[0].start == 0 and found[0].year and found[0].month and found[0].day:
                before, rest = para[:credit.start()].strip(), para[credit.end() + found[0].end:].strip()
                if not rest:
                    continue
                joined = f"{before.rstrip('.')}. {rest}" if before else rest
                return _date_words(found[0]), [*paras[:index], joined, *paras[index + 1:]]
    return None, paras


# An entry's own header keys written into the text ("Date: 1999-01-01"): words of the story, never the page's date
_LOOKALIKE = re.compile(r"^(?:title|date|status|slug|save_as|url|template)\s*:", re.IGNORECASE)


def page_date(paras: list[str], url: str | None) -> tuple[str | None, list[str]]:
    """The page's own date: a date line near the top, a print-edition note, a dated address. The date line is taken
    out of the paragraphs (it is furniture)."""
    sentences = 0
    for index, para in enumerate(paras[:14]):
        sentences += is_sentence(para)
        if sentences >= 2:  # past the lead: a dated line there is the story's, not the page's
            break
        found = None if _LOOKALIKE.match(para) else date_line(para)
        if found is not None:
            return _date_words(found), [p for i, p in enumerate(paras) if i != index]
    words, paras = leading_date(paras)
    if words:
        return words, paras
    words, paras = credited_date(paras)
    if words:
        return words, paras
    printed = print_edition_date("\n".join(paras))
    if printed is not None:
        return printed.words, paras
    for candidate in [url or "", *(p for p in paras if re.match(r"^(?:\S+:\s*)?(?:https?://|www\.)", p))]:
        found_url = url_date(candidate)
        if found_url:
            year, month, day = found_url
            return f"{year:04d}-{month:02d}-{day:02d}", paras
    return None, paras
