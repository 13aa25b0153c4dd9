"""Seed -> Extraction: the main entry plus secondary events proposed as drafts. Pure: no files, no Pelican."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .dates import find_dates, mentioned_years, resolve
from .entries import escape_markdown, file_stem
from .errors import DateError
from .casualties import Casualties, find_casualties
from .article import after_headline
from .eventdate import event_date, lead_text, sentence_ends
from .factions import FactionRegistry
from .gazetteer import Gazetteer, PlaceMatch
from .models import Entry, Evidence, Extraction, PlaceMention, ResolvedDate, Seed, Source
from .placing import Document, place_mentions
from .review import held_back

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


def _article_countries(seed: Seed, doc: Document, reg: Registries) -> tuple[str, ...]:
    """The article's countries, most named first, then its dateline's ('BEIRUT (AFP) - Russian jets struck Saraqeb'
    names only Russia; the dateline says the story is told from the region)."""
    countries = list(reg.gazetteer.countries_named(f"{seed.dateline or ''}\n{doc.text}"))
    filed_from = reg.gazetteer.dateline_place(seed.dateline) if seed.dateline else None
    if filed_from is not None and filed_from.country not in countries:
        countries.append(filed_from.country)
    return tuple(countries)


def casualties_of(seed: Seed) -> Casualties | None:
    """The figures the lead gives (the headline's when the lead gives none), with the words they came from."""
    return find_casualties(lead_text(seed.body[0])) or find_casualties(seed.headline)


def _summary(seed: Seed) -> str:
    """What the lead reports: its first sentences, up to about sixty words (not the headline a text that lost its
    line breaks repeats at its start)."""
    lead = after_headline(seed.body[0], seed.headline)
    summary, start = "", 0
    for end in sentence_ends(lead):
        if summary and len((summary + lead[start:end]).split()) > 60:
            break
        summary, start = summary + lead[start:end], end
    return " ".join(summary.split()) or lead


def extract(seed: Seed, reg: Registries, seed_hash: str | None = None) -> Extraction:
    """Everything one seed says. A seed whose event cannot be dated still yields its entry: undated, a draft held
    back from the site, with the reason and the fix in its warnings."""
    doc = Document.of(seed)
    years = mentioned_years(doc.text)
    countries = _article_countries(seed, doc, reg)
    orphans: list[tuple[int, int, str, str]] = []  # sites no sentence places: placing may know the story's city
    matches = reg.gazetteer.find(doc.text, prefer=countries, orphans=orphans)
    if not countries:  # 'in Konduga, Borno State' in a text naming no country: its provinces say which it is about
        countries = tuple(dict.fromkeys(m.place.country for m in matches if m.place.kind == "province"))
        if countries:
            orphans = []
            matches = reg.gazetteer.find(doc.text, prefer=countries, orphans=orphans)
    theatre = countries or tuple(dict.fromkeys(m.place.country for m in matches))
    mentioned = [m for m in reg.factions.find(doc.text, theatre=theatre) if not doc.within(doc.captions, m.start)]
    # a province names its country ('Paletwa, in southern Chin State' in a story that says only India and Bangladesh)
    local = tuple(dict.fromkeys((*countries, *(m.place.country for m in matches if m.place.kind == "province"))))
    places, dateline = place_mentions(seed, doc, reg.gazetteer, matches,
                                      [(m.start, m.start + len(m.words)) for m in mentioned], local, orphans)
    in_lead = {m.place.name for m in matches if doc.within(doc.headline, m.start) or doc.within(doc.lead, m.start)}
    date, undated = event_date(seed, years, lambda caption: bool(
        {m.place.name for m in reg.gazetteer.find(caption, prefer=countries)} & in_lead))
    actors = [m for m in mentioned if not m.faction.monitor]
    faction_names = reg.factions.with_parents(dict.fromkeys(m.faction.name for m in actors))  # a unit brings its force
    unknown = [name for name in reg.factions.unknown_actors(doc.text[:doc.body[1]], mentioned) if "\n" not in name]
    warnings = seed.warnings + (date.warnings + _time_warnings(date, seed) if date else (f"needs a date: {undated}",)) \
        + tuple(f"unknown actor: {name}" for name in unknown)
    evidence = ((Evidence("date", date.evidence),) if date else ()) + _words_by_label(
        [(m.place.name, m.words) for m in places] + ([(dateline.place.name, seed.dateline or "")] if dateline else [])
        + [(m.faction.name, m.words) for m in actors])
    sources = (Source(seed.source or "unknown", seed.url),) if seed.source or seed.url else ()
    found = casualties_of(seed)
    entry = Entry(
        title=seed.headline, date=date.value if date else None, precision=date.precision if date else "day",
        places=tuple(m.place.name for m in places),
        dateline=dateline.place.name if dateline else None, factions=tuple(faction_names),
        event_type=event_type(seed.headline) or event_type(seed.body[0]), sources=sources,
        casualties=str(found) if found else None, status="published" if date else "draft", summary=escape_markdown(_summary(seed)), evidence=evidence, warnings=warnings,
        seed=seed.path, seed_hash=seed_hash, body=_body_markdown(seed),
    )
    reasons = held_back(entry)
    if reasons:  # the review queue: a curator confirms it first, the reasons stand in its warnings
        warnings = entry.warnings + tuple(r for r in reasons if r not in entry.warnings)
        entry = replace(entry, status="draft", warnings=warnings)
    entry = _with_slug(entry)
    main = Extraction(seed, entry, date, tuple(places) + ((dateline,) if dateline and dateline.place.name not in
                                                          entry.places else ()), tuple(mentioned),
                      unknown_actors=tuple(unknown), warnings=warnings)
    events = secondary_events(seed, reg, main, years, theatre)
    return Extraction(main.seed, entry, date, main.places, main.factions, events, main.unknown_actors, warnings, found)


def _time_warnings(date: ResolvedDate, seed: Seed) -> tuple[str, ...]:
    """A report cannot describe a day after it was published, nor (without a publication date) after today."""
    if seed.published is not None and date.value > seed.published:
        return (f"date {date.iso} is after the publication date {seed.published.isoformat()}",)
    if date.value > dt.date.today():
        return (f"date {date.iso} is in the future",)
    return ()


def _with_slug(entry: Entry) -> Entry:
    return replace(entry, slug=file_stem(entry))


def secondary_events(seed: Seed, reg: Registries, main: Extraction, years: Sequence[int],
                     theatre: Sequence[str] = ()) -> tuple[Extraction, ...]:
    """Other dated events the article reports ('In June, the SDF broke into Raqa'), as drafts to confirm."""
    anchor = seed.published or (main.date.value if main.date else None)
    primary = next((m.place.name for m in main.places if m.role == "primary"), None)
    seen = {(main.date.iso if main.date else None, primary)}
    events: list[Extraction] = []
    for para in seed.body:
        start = 0
        for end in sentence_ends(para):  # the lead's own sentence ends: not after 'Aug.' or 'U.S.'
            sentence, start = para[start:end].strip(), end
            event = _sentence_event(sentence, seed, reg, main, anchor, years, theatre)
            if event is None:
                continue
            key = (event.date.iso, event.entry.places[0])
            if key in seen:
                continue
            seen.add(key)
            events.append(event)
    return tuple(events)


def _sentence_event(sentence: str, seed: Seed, reg: Registries, main: Extraction, anchor, years,
                    theatre: Sequence[str]) -> Extraction | None:
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
    factions = reg.factions.find(sentence, named={m.faction.name for m in main.factions}, theatre=theatre)
    supporters = {m.start for m in factions if _SUPPORT.search(sentence[max(0, m.start - 25):m.start])}
    actor = next((m for m in reversed(factions)
                  if m.start < verb.start() and not m.faction.monitor and m.start not in supporters), None)
    if actor is None:
        return None
    taken = [(m.start, m.start + len(m.words)) for m in factions]
    matches: list[PlaceMatch] = [m for m in reg.gazetteer.find(sentence, prefer=theatre)
                                 if not any(s <= m.start < e for s, e in taken)]
    target = next((m for m in matches if m.start > verb.start()), matches[0] if matches else None)
    if target is None:
        return None
    others = [m for m in matches if m.place.name != target.place.name]
    places = [PlaceMention(target.place, "primary", target.words, target.start)] + [
        PlaceMention(m.place, "mentioned", m.words, m.start) for m in others]
    kind = next(_EVENT_VERBS[int(name[1:])][1] for name, value in verb.groupdict().items() if value)
    names = reg.factions.with_parents(dict.fromkeys([actor.faction.name] + [m.faction.name for m in factions
                                                                          if not m.faction.monitor]))
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
