"""Seed -> Extraction: the main entry plus secondary events proposed as drafts. Pure: no files, no Pelican."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .dates import find_dates, first_resolvable, mentioned_years, resolve
from .entries import escape_markdown, file_stem
from .errors import DateError
from .factions import FactionRegistry
from .gazetteer import Gazetteer, PlaceMatch
from .models import Entry, Evidence, Extraction, FactionMention, PlaceMention, ResolvedDate, Seed, Source

_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’]?|$)")
_EVENT_VERBS: tuple[tuple[str, str], ...] = (
    (r"launched (?:an?|its|their|the) (?:\w+ )?(?:offensive|assault|attack|campaign) (?:on|against|to (?:retake|capture|take))",
     "Battles"),
    (r"drove|ousted|expelled|took control of|took over|broke into|pushed into|overran|stormed|recaptured|retook|"
     r"re-?took|captured|"
     r"seized|liberated|entered|besieged|encircled|clashed with|ambushed|attacked|fought", "Battles"),
    (r"shelled|bombed|bombarded|struck|air ?strikes? (?:on|hit)|hit|blew up|detonated|fired (?:rockets|missiles|mortars)",
     "Explosions/Remote violence"),
    (r"executed|massacred|beheaded|abducted|kidnapped", "Violence against civilians"),
    (r"withdrew from|pulled out of|surrendered|handed (?:over|themselves in)|declared|announced|agreed", "Strategic developments"),
    (r"protested|demonstrated|rallied", "Protests"),
    (r"rioted", "Riots"),
)
_SUPPORT = re.compile(r"\b(?:backed|supported|aided|helped|assisted) by(?: the)?\s*$|\bwith the (?:help|support) of(?: the)?\s*$")
_VERB = re.compile(r"\b(?:" + "|".join(f"(?P<v{i}>{p})" for i, (p, _) in enumerate(_EVENT_VERBS)) + r")\b")
_HEADLINE_TYPES: tuple[tuple[str, str], ...] = (
    (r"air ?strikes?|bomb|shell|rocket|missile|explosion|blast|drone|mortar|barrel", "Explosions/Remote violence"),
    (r"massacre|execut|abduct|kidnap|civilians? killed", "Violence against civilians"),
    (r"protest|demonstrat|rally", "Protests"),
    (r"riot", "Riots"),
    (r"captur|seiz|retak|recaptur|offensive|battle|clash|fight(?!er)|assault|attack|storm|siege|advanc|break into|broke into", "Battles"),
    (r"surrender|withdraw|ceasefire|truce|deal|agree|evacuat|talks", "Strategic developments"),
)


@dataclass(frozen=True)
class Registries:
    gazetteer: Gazetteer
    factions: FactionRegistry
    fingerprint: str = ""  # changes when a registry file or the covered countries change


def event_type(text: str) -> str | None:
    """The ACLED event type of the earliest event word in ``text`` (a headline or a lead), or None."""
    lowered = text.lower()
    found = [(m.start(), kind) for pattern, kind in _HEADLINE_TYPES for m in [re.search(rf"\b(?:{pattern})", lowered)] if m]
    return min(found)[1] if found else None


def _with_weekday(mentions: list) -> list:
    """"BAGHDAD, Jan 24 ... on Tuesday": a day and month without year or weekday take the weekday the same
    passage names, so the year can be inferred from it."""
    weekday = next((m for m in mentions if m.kind == "weekday"), None)
    if weekday is None:
        return mentions
    return [replace(m, weekday=weekday.weekday, words=f"{m.words} … {weekday.words}")
            if m.day is not None and m.year is None and m.weekday is None else m for m in mentions]


def _note_other_dates(found: ResolvedDate, mentions: list) -> ResolvedDate:
    """A lead that names a second, different full date: the first is used, and the curator is told."""
    others = [m.words for m in mentions if m.day and m.month and m.year
              and (m.year, m.month, m.day) != (found.value.year, found.value.month, found.value.day)]
    if not others:
        return found
    note = f"the lead also names {others[0]}; {found.iso} ('{found.evidence}') was used"
    return replace(found, warnings=found.warnings + (note,))


def main_date(seed: Seed, years: Sequence[int]) -> ResolvedDate:
    """The date of the lead's event; the publication date when the lead names no day."""
    anchor = seed.published
    lead = f"{seed.dateline or ''}\n{seed.body[0]}"
    errors: list[DateError] = []

    def attempt(text: str, need_day: bool) -> ResolvedDate | None:
        try:
            return first_resolvable(_with_weekday(find_dates(text)), anchor, years, need_day)
        except DateError as error:
            errors.append(error)
            return None

    found = attempt(lead, True)
    if found and "…" in found.evidence and years and found.value.year > max(years) + 1:
        # The weekday pointed years away from the text's own: more likely "on Monday" was another day than the
        # dateline's. Use the dateline's date alone.
        errors.clear()
        try:
            found = first_resolvable(find_dates(lead), anchor, years, True)
        except DateError:
            found = None
    if found:
        return _note_other_dates(found, find_dates(lead))
    if anchor is not None:
        return ResolvedDate(anchor, "day", f"Published: {seed.published_words}")
    body = "\n".join(seed.body)
    found = attempt(lead, False) or attempt(body, True) or attempt(body, False)
    if found:
        return ResolvedDate(found.value, found.precision, found.evidence,
                            found.warnings + (f"the lead names no date; '{found.evidence}' was taken from the body",))
    if errors:
        raise errors[0]
    raise DateError("no date found: neither the text nor a Published: line gives one")


def _places(text: str, lead_len: int, seed: Seed, reg: Registries, factions: Sequence[FactionMention]
            ) -> tuple[list[PlaceMention], PlaceMention | None]:
    taken = [(m.start, m.start + len(m.words)) for m in factions]
    matches = [m for m in reg.gazetteer.find(text) if not any(s <= m.start < e for s, e in taken)]
    dateline = None
    if seed.dateline:
        words = seed.dateline.split(",")[0].strip()
        place = reg.gazetteer.get(words)
        if place is not None:
            dateline = PlaceMention(place, "dateline", words)
    # The place the headline names is where the story happened, when the text names it too; else the lead's first.
    in_headline = [m.place.name for m in reg.gazetteer.find(seed.headline)]
    primary = next((m for name in in_headline for m in matches if m.place.name == name), None) \
        or next((m for m in matches if m.start < lead_len), None)
    mentions: dict[str, PlaceMention] = {}
    ordered = ([primary] if primary else []) + [m for m in matches if m is not primary]
    for match in ordered:
        name = match.place.name
        if name in mentions:
            continue
        mentions[name] = PlaceMention(match.place, "primary" if match is primary else "mentioned", match.words, match.start)
    return list(mentions.values()), dateline


def _words_by_label(items: Sequence[tuple[str, str]]) -> tuple[Evidence, ...]:
    grouped: dict[str, list[str]] = {}
    for label, words in items:
        bucket = grouped.setdefault(label, [])
        if words.lower() not in (w.lower() for w in bucket):
            bucket.append(words)
    return tuple(Evidence(label, ", ".join(words)) for label, words in grouped.items())


def _body_markdown(seed: Seed) -> str:
    blocks = []
    for para in seed.body:
        crosshead = len(para.split()) <= 8 and para[-1:] not in ".!?:;\"”’)"
        blocks.append(f"## {escape_markdown(para)}" if crosshead else escape_markdown(para))
    return "\n\n".join(blocks)


def extract(seed: Seed, reg: Registries, seed_hash: str | None = None) -> Extraction:
    """Everything one seed says. Raises SeedError (with the seed's name) when it cannot be dated."""
    text = "\n\n".join(seed.body)
    years = mentioned_years(f"{seed.headline}\n{seed.standfirst or ''}\n{text}")
    try:
        date = main_date(seed, years)
    except DateError as error:
        raise type(error)(error.message, seed.path) from error
    all_factions = reg.factions.find(text)
    places, dateline = _places(text, len(seed.body[0]), seed, reg, all_factions)
    mentioned = reg.factions.find(f"{seed.headline}\n") + all_factions
    actors = [m for m in mentioned if not m.faction.monitor]
    faction_names = list(dict.fromkeys(m.faction.name for m in actors))
    unknown = reg.factions.unknown_actors(text, all_factions)
    warnings = seed.warnings + date.warnings + _time_warnings(date, seed) + tuple(f"unknown actor: {name}" for name in unknown)
    evidence = (Evidence("date", date.evidence),) + _words_by_label(
        [(m.place.name, m.words) for m in places] + ([(dateline.place.name, seed.dateline or "")] if dateline else [])
        + [(m.faction.name, m.words) for m in actors])
    sources = (Source(seed.source or "unknown", seed.url),) if seed.source or seed.url else ()
    entry = Entry(
        title=seed.headline, date=date.value, precision=date.precision, places=tuple(m.place.name for m in places),
        dateline=dateline.place.name if dateline else None, factions=tuple(faction_names),
        event_type=event_type(seed.headline) or event_type(seed.body[0]), sources=sources, status="published",
        summary=seed.standfirst, evidence=evidence, warnings=warnings, seed=seed.path, seed_hash=seed_hash,
        body=_body_markdown(seed),
    )
    entry = _with_slug(entry)
    main = Extraction(seed, entry, date, tuple(places) + ((dateline,) if dateline and dateline.place.name not in
                                                          entry.places else ()), tuple(mentioned),
                      unknown_actors=tuple(unknown), warnings=warnings)
    events = secondary_events(seed, reg, main, years)
    return Extraction(main.seed, entry, date, main.places, main.factions, events, main.unknown_actors, warnings)


def _time_warnings(date: ResolvedDate, seed: Seed) -> tuple[str, ...]:
    """A report cannot describe a day after it was published, nor (without a publication date) after today."""
    if seed.published is not None and date.value > seed.published:
        return (f"date {date.iso} is after the publication date {seed.published.isoformat()}",)
    if date.value > dt.date.today():
        return (f"date {date.iso} is in the future",)
    return ()


def _with_slug(entry: Entry) -> Entry:
    from dataclasses import replace

    return replace(entry, slug=file_stem(entry))


def secondary_events(seed: Seed, reg: Registries, main: Extraction, years: Sequence[int]) -> tuple[Extraction, ...]:
    """Other dated events the article reports ('In June, the SDF broke into Raqa'), as drafts to confirm."""
    anchor = seed.published or main.date.value
    primary = next((m.place.name for m in main.places if m.role == "primary"), None)
    seen = {(main.date.iso, primary)}
    events: list[Extraction] = []
    for para in seed.body:
        for sentence_match in _SENTENCE.finditer(para):
            sentence = sentence_match.group(0).strip()
            event = _sentence_event(sentence, seed, reg, main, anchor, years)
            if event is None:
                continue
            key = (event.date.iso, event.entry.places[0])
            if key in seen:
                continue
            seen.add(key)
            events.append(event)
    return tuple(events)


def _sentence_event(sentence: str, seed: Seed, reg: Registries, main: Extraction, anchor, years) -> Extraction | None:
    verb = _VERB.search(sentence)
    if verb is None:
        return None
    mentions = [m for m in find_dates(sentence) if m.kind != "relative" or m.relative != "today"]
    if not mentions:
        return None
    try:
        date = resolve(mentions[0], anchor, years)
    except DateError:
        return None
    factions = reg.factions.find(sentence, named={m.faction.name for m in main.factions})
    supporters = {m.start for m in factions if _SUPPORT.search(sentence[max(0, m.start - 25):m.start])}
    actor = next((m for m in reversed(factions)
                  if m.start < verb.start() and not m.faction.monitor and m.start not in supporters), None)
    if actor is None:
        return None
    taken = [(m.start, m.start + len(m.words)) for m in factions]
    matches: list[PlaceMatch] = [m for m in reg.gazetteer.find(sentence) if not any(s <= m.start < e for s, e in taken)]
    target = next((m for m in matches if m.start > verb.start()), matches[0] if matches else None)
    if target is None:
        return None
    others = [m for m in matches if m.place.name != target.place.name]
    places = [PlaceMention(target.place, "primary", target.words, target.start)] + [
        PlaceMention(m.place, "mentioned", m.words, m.start) for m in others]
    kind = next(_EVENT_VERBS[int(name[1:])][1] for name, value in verb.groupdict().items() if value)
    names = list(dict.fromkeys([actor.faction.name] + [m.faction.name for m in factions if not m.faction.monitor]))
    title = f"{actor.faction.name} {verb.group(0)} {target.place.name}"
    evidence = (Evidence("date", date.evidence),) + _words_by_label(
        [(m.place.name, m.words) for m in places] + [(m.faction.name, m.words) for m in factions if not m.faction.monitor])
    body = (f"> {escape_markdown(sentence)}\n\nReported in “{escape_markdown(main.entry.title)}”"
            f"{' (' + escape_markdown(seed.source) + ')' if seed.source else ''}. "
            "Proposed by the importer: check the date and places, then change `Status: draft` to `Status: published`.")
    entry = _with_slug(Entry(
        title=title, date=date.value, precision=date.precision, places=tuple(dict.fromkeys(p.place.name for p in places)),
        factions=tuple(names), event_type=kind, sources=main.entry.sources, status="draft", summary=sentence,
        evidence=evidence, warnings=date.warnings, seed=seed.path, seed_hash=main.entry.seed_hash, body=body))
    return Extraction(seed, entry, date, tuple(places), tuple(factions))
