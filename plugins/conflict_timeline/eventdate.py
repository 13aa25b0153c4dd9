"""The date of the headline's event: read in the lead, counted from the page's own date, never from the background.

Order of trust: a day the lead names (a date, a weekday or "yesterday" counted back from the page's date line);
the page's date itself when the lead names no day. A weekday with no page date may still be placed by a caption
that shows the same story (same place) and gives a full date: the weekday nearest to it. Otherwise the date is
unknown, and the reason says what the curator can add. Dates in later paragraphs, in file photos' captions, or
after "since" / "launched on" are the background's, not the event's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from .dates import DateMention, find_dates, resolve
from .errors import DateError
from .furniture import FILE_PHOTO, abbreviation_at
from .models import ResolvedDate, Seed

# "said on Sunday", "told AFP on Sunday", "a monitor said Monday": the day of the report, not of the event.
_REPORT = re.compile(r"\b(?:said|says|told\b[^.;]{0,40}?|reported|announced|confirmed|added|stated|claimed|"
                     r"according\s+to\b[^.;]{0,40}?)\s*,?\s*(?:(?:late|early)\s+)?(?:on\s+)?$", re.IGNORECASE)
# "since March 4", "launched the offensive on March 4", "after June 3": another time than the lead's event.
_BACKGROUND = re.compile(
    r"\b(?:(?:since|until|till|before|after|following|began|begun|started|earlier|from|as\s+of)\s+(?:on\s+|in\s+)?"
    r"(?:the\s+)?(?:(?:early|late|mid-?)\s+)?"
    r"|since\b[^.;]{0,50}?\s(?:in|on)\s+(?:(?:early|late|mid-?)\s+)?)$",
    re.IGNORECASE)
# A month or a year is the lead event's only at its opening ("In June, the SDF broke into Raqa"), not further on
_COARSE_WITHIN = 40
# "earlier this week", "last week", "over the weekend" in the lead's first sentence: its event has a time, but no day
# ("this week", "in recent days", "during the past week" are as often a period the story sums up: not these)
_VAGUE = re.compile(r"\b(?:earlier\s+this|last)\s+(?:week(?:end)?|month)\b|\bover\s+the\s+weekend\b", re.IGNORECASE)
# ... unless it dates a clause the event only follows ('After Kurdish militia expelled them last month, Al-Qaeda ...',
# 'talks over the weekend failed') or the sentence counts the last day ('killed in the last 24 hours')
_VAGUE_ASIDE = re.compile(r"\b(?:after|since|following|before|when|until|talks|meeting)\b[^,;]*$", re.IGNORECASE)
_LAST_DAY = re.compile(r"\b(?:last|past)\s+24\s+hours\b|\b(?:today|overnight|yesterday)\b", re.IGNORECASE)
_HINT = "add a line 'Published: YYYY-MM-DD' at the top of the seed, or a 'Date:' line to the entry"
_NEAREST_DAYS = 3


def _in_background(text: str, mention: DateMention) -> bool:
    return bool(_BACKGROUND.search(text[max(0, mention.start - 60):mention.start]))


# "The army on Monday admitted that its drone bombed a village on Sunday": the day of the report, before its verb
_REPORT_AFTER = re.compile(r"\s*,?\s*(?:said|says|admitted|announced|confirmed|reported|claimed|denied|stated|told|"
                           r"acknowledged|added|warned)\b", re.IGNORECASE)


def _reported(text: str, mention: DateMention) -> bool:
    return bool(_REPORT.search(text[max(0, mention.start - 60):mention.start])
                or _REPORT_AFTER.match(text, mention.end))


def _with_weekday(mentions: list[DateMention]) -> list[DateMention]:
    """"BAGHDAD, Jan 24 ... on Tuesday": a day and month without year or weekday take the weekday the same
    passage names, so the year can be inferred from it."""
    weekday = next((m for m in mentions if m.kind == "weekday"), None)
    if weekday is None:
        return mentions
    return [replace(m, weekday=weekday.weekday, words=f"{m.words} … {weekday.words}")
            if m.day is not None and m.year is None and m.weekday is None else m for m in mentions]


_LEAD_WORDS = 70
_LEAD_SENTENCE = 25  # a first sentence this long is the whole lead


def lead_text(paragraph: str) -> str:
    """A paragraph's first sentences, up to about seventy words: a text that lost its paragraph breaks is one huge
    'paragraph', and only its opening is the lead."""
    return paragraph[:lead_end(paragraph)]


def lead_end(paragraph: str) -> int:
    """Where the lead's sentences end in the paragraph (an offset into it): see :func:`lead_text`."""
    end, words = 0, 0
    for sentence_end in sentence_ends(paragraph):
        if words >= _LEAD_SENTENCE:
            break
        words += len(paragraph[end:sentence_end].split())
        if end and words > _LEAD_WORDS:
            break
        end = sentence_end
    return end or len(paragraph)


_STOP = re.compile(r"[.!?]+[\"”’)]?(?=\s|$)")


def sentence_ends(paragraph: str) -> list[int]:
    """Where the paragraph's sentences end (offsets), its last end included; not after 'Aug.', 'U.S.', 'Gen.'."""
    ends = [m.end() for m in _STOP.finditer(paragraph) if not abbreviation_at(paragraph, m.start())]
    return ends if ends and ends[-1] >= len(paragraph.rstrip()) else [*ends, len(paragraph)]


def _lead_mentions(seed: Seed) -> tuple[list[DateMention], list[DateMention]]:
    """(the lead's event days, its report days): day-naming mentions of the lead (the next paragraph too when the
    first names no day), in reading order; background mentions left out."""
    texts = [lead_text(seed.body[0]), *(lead_text(p) for p in seed.body[1:2])]  # a dateline's date: see _filed_day
    events: list[DateMention] = []
    reports: list[DateMention] = []
    for number, text in enumerate(texts):
        for mention in _with_weekday(find_dates(text)):
            if not mention.has_day or _in_background(text, mention):
                continue
            if number and mention.day is not None and mention.weekday is None:
                continue  # past the lead a bare date ("launched the offensive on March 4") is the background's
            (reports if _reported(text, mention) else events).append(mention)
        if events:  # a lead whose only day is the report's ("told AFP on Sunday"): the next paragraph may date the event
            break
    return events, reports


def _spoken(reports: list[DateMention], anchor: dt.date | None, years: Sequence[int]) -> dt.date | None:
    """The day the lead's source spoke ('a monitor said on Saturday'), counted from the page's date: the event's
    weekday counts back from it, not from the page's ('said on Saturday Tuesday's executions', in a Monday paper)."""
    for mention in reports if anchor is not None else ():
        if mention.kind in ("weekday", "relative"):
            try:
                day = resolve(mention, anchor, years).value
            except DateError:
                continue
            return day if day <= anchor else None
    return None


def _filed_day(seed: Seed, years: Sequence[int]) -> ResolvedDate | None:
    """The day a wire dateline gives ('OUAGADOUGOU, Nov 27 (Reuters)'): the day the story was filed, which the lead's
    weekdays count back from, as from a page's date. Its year is the page date's, one the text names, or the one in
    which it falls on the weekday the lead names ('BAGHDAD, Aug 25 ... on Thursday')."""
    days = [m for m in find_dates(seed.dateline or "") if m.day is not None and m.month is not None]
    if not days:
        return None
    weekday = next((m for m in find_dates(lead_text(seed.body[0])) if m.kind == "weekday"), None)
    tries = [days[0]] if weekday is None else [
        replace(days[0], weekday=weekday.weekday, words=f"{days[0].words} … {weekday.words}"), days[0]]
    for mention in tries:
        try:
            found = resolve(mention, seed.published, years)
        except DateError:
            continue
        if not any(w.startswith("weekday mismatch") for w in found.warnings):
            return found
    return None


def _coarse_candidate(seed: Seed) -> DateMention | None:
    """A month or a year the lead gives for its event ("in June"), when it names no day."""
    text = f"{seed.dateline or ''}\n{lead_text(seed.body[0])}"
    opening = len(seed.dateline or "") + 1 + _COARSE_WITHIN
    return next((m for m in find_dates(text) if not m.has_day and m.kind != "relative" and (m.month or m.year)
                 and m.start < opening and not _in_background(text, m)), None)


def caption_anchors(seed: Seed, shares_place: Callable[[str], bool]) -> list[tuple[dt.date, str]]:
    """Full dates from captions that show the lead's story (a place in common). A file photo's own date never
    counts: in a file photo's caption only what follows its first sentence (the news it is filed with) is read."""
    anchors = []
    for caption in seed.captions:
        if not shares_place(caption):
            continue
        text = caption
        if FILE_PHOTO.search(caption):
            parts = re.split(r"(?<=[a-z0-9)\]][.!?])\s+(?=[A-Z])", caption, maxsplit=1)
            text = parts[1] if len(parts) > 1 else ""
        for mention in find_dates(text):
            if mention.year and mention.month and mention.day:
                anchors.append((dt.date(mention.year, mention.month, mention.day), mention.words))
    return anchors


_COMING_DAYS = 60


def _coming(mention: DateMention, anchor: dt.date | None) -> bool:
    """'a rally for the June 3 poll' in a page of May 23: a day soon after the page's, of no year, is one still to
    come (the poll), not the same day almost a year before."""
    if anchor is None or mention.year is not None or mention.day is None or mention.month is None:
        return False
    try:
        ahead = (dt.date(anchor.year, mention.month, mention.day) - anchor).days
    except ValueError:  # 29 February
        return False
    return 0 < ahead <= _COMING_DAYS


def _nearest(weekday: int, anchors: Sequence[tuple[dt.date, str]]) -> tuple[dt.date, str] | None:
    for day, words in anchors:
        for shift in sorted(range(-_NEAREST_DAYS, _NEAREST_DAYS + 1), key=abs):
            candidate = day + dt.timedelta(days=shift)
            if candidate.weekday() == weekday:
                return candidate, words
    return None


def event_date(seed: Seed, years: Sequence[int], shares_place: Callable[[str], bool]
               ) -> tuple[ResolvedDate | None, str | None]:
    """(the lead event's date, None) or (None, why it is unknown and what to add)."""
    filed = _filed_day(seed, years)
    anchor = filed.value if filed else seed.published
    reasons: list[str] = []
    events, reports = _lead_mentions(seed)
    candidates = [*events, *reports]
    spoken = _spoken(reports, anchor, years)
    for mention in candidates:
        if _coming(mention, anchor):
            continue
        base = spoken if spoken is not None and mention.kind == "weekday" and mention in events else anchor
        try:
            return _note_other_dates(resolve(mention, base, years), seed), None
        except DateError as error:
            reasons.append(error.message)
    for mention in candidates if anchor is None else ():  # a bare weekday, placed by a caption of the same story
        if mention.weekday is not None and mention.day is None and mention.relative is None:
            near = _nearest(mention.weekday, caption_anchors(seed, shares_place))
            if near:
                return ResolvedDate(near[0], "day", f"{mention.words} (caption: {near[1]})"), None
    opening = seed.body[0][:sentence_ends(seed.body[0])[0]]
    vague = _VAGUE.search(opening)
    if vague is not None and anchor is not None and not _VAGUE_ASIDE.search(opening[:vague.start()]) \
            and not _LAST_DAY.search(opening):  # not the page's day: the month 'last month' gives, else unknown
        month = next((m for m in find_dates(vague.group(0)) if m.relative == "last month"), None)
        if month is not None:
            return resolve(month, anchor, years), None
        return None, f"the lead dates its event only as '{vague.group(0)}' (set the day in the entry's 'Date:' line)"
    if filed is not None:
        return replace(filed, evidence=f"dateline: {seed.dateline}"), None
    if anchor is not None:
        return ResolvedDate(anchor, "day", f"Published: {seed.published_words}"), None
    coarse = _coarse_candidate(seed)
    if coarse is not None:
        try:
            return resolve(coarse, None, years), None
        except DateError as error:
            reasons.append(error.message)
    reason = reasons[0] if reasons else "the lead names no date and the page gives none"
    return None, f"{reason} ({_HINT})"


def _note_other_dates(found: ResolvedDate, seed: Seed) -> ResolvedDate:
    """A lead that names a second, different full date: the first is used, and the curator is told."""
    mentions = find_dates(f"{seed.dateline or ''}\n{lead_text(seed.body[0])}")
    others = [m.words for m in mentions if m.day and m.month and m.year
              and (m.year, m.month, m.day) != (found.value.year, found.value.month, found.value.day)]
    if not others:
        return found
    note = f"the lead also names {others[0]}; {found.iso} ('{found.evidence}') was used"
    return replace(found, warnings=found.warnings + (note,))
