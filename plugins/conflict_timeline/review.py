"""Which imported entries go live and which wait for a curator, and why: the review queue's rules, in one place.

An entry is published only when its date came from its lead or its page's date line, its primary place and its
factions resolved, and nothing was flagged. Anything else is a draft whose ``Warnings:`` say why; ``timeline
review`` lists drafts by reason with the fix for each. Notes that change nothing about the facts (a file read as
Windows-1252, markup removed from a pasted text) never hold an entry back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .models import Entry

INFORMATIONAL = ("not UTF-8", "not valid UTF-16", "HTML markup removed", "source URL ignored")
NO_PLACE = "no place: the text names none the gazetteer knows"
NO_FACTION = "no faction: the text names no armed actor the registry knows"

# reason (a warning's opening words) -> what the curator does about it
FIXES: tuple[tuple[str, str], ...] = (
    ("needs a date", "add 'Published: YYYY-MM-DD' as the seed's first line, or a Date: line to the entry"),
    ("weekday mismatch", "check the date against the text and correct the Date: line"),
    ("date ", "a date after the publication date or in the future: check the Date: line"),
    ("the lead also names", "two dates in the lead: check which one is the event's"),
    ("year of", "the year was inferred from other years in the text: confirm it"),
    ("approximate date", "the day is approximate ('last week'): set the precision you can vouch for"),
    ("cannot read the publication date", "fix the seed's Published: line"),
    ("unknown actor", "add the group to factions.yml (or ignore it) and list it under Factions:"),
    ("no place", "add a Places: line, or the place to places.yml"),
    ("no faction", "add a Factions: line, or the actor to factions.yml"),
    ("possible duplicate", "if it reports the same event as the entry named, add 'Same-as: <that slug>' (its report "
                           "becomes a source of that entry); if not, add 'Not-same-as: <that slug>'"),
    ("proposed", "check the sentence it quotes against the article, then publish it or set Status: skip"),
)


def held_back(entry: Entry) -> tuple[str, ...]:
    """Why an imported entry waits for a curator (empty: it can be published)."""
    reasons = [w for w in entry.warnings if not w.startswith(INFORMATIONAL)]
    for missing, reason in ((not entry.places, NO_PLACE), (not entry.factions, NO_FACTION)):
        if missing and reason not in reasons:
            reasons.append(reason)
    return tuple(reasons)


def reason_of(warning: str) -> str:
    """The group a warning belongs to, as `timeline review` lists them."""
    return next((prefix.strip() for prefix, _ in FIXES if warning.startswith(prefix)), "other")


def fix_for(reason: str) -> str:
    return next((fix for prefix, fix in FIXES if prefix.strip() == reason), "read the warning and decide")


SHOWN = 100  # drafts a reason lists on the review page; 10,000 entries must not make it heavy


def site_groups(drafts: Iterable[Any]) -> list[tuple[str, str, list[tuple[Any, str]], int]]:
    """[(reason, fix, the first SHOWN (draft article, its warnings of that reason), how many in all)] for the build's
    review page, from each draft's Warnings: line ("possible duplicate of <slug>": the slug to write in Same-as:);
    `timeline review` lists them all."""
    grouped: dict[str, list[tuple[Any, str]]] = {}
    for article in drafts:
        warnings = [w.strip() for w in str(article.metadata.get("warnings") or "").split(";") if w.strip()]
        by_reason: dict[str, list[str]] = {}
        for warning in warnings:
            if not warning.startswith(INFORMATIONAL):
                by_reason.setdefault(reason_of(warning), []).append(warning)
        for reason, said in sorted((by_reason or {"proposed": []}).items()):
            specific = [w for w in said if w not in (NO_PLACE, NO_FACTION)]  # the heading already says those
            grouped.setdefault(reason, []).append((article, "; ".join(specific)))
    return [(reason, fix_for(reason), found[:SHOWN], len(found)) for reason, found in sorted(grouped.items())]


def queue(drafts: Iterable[tuple[str, Entry]]) -> dict[str, list[tuple[str, str]]]:
    """{reason: [(file, warning), ...]} for draft entries, each reason's files in order."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for path, entry in drafts:
        for warning in held_back(entry) or ("proposed: another event the article reports, or held back by hand",):
            grouped.setdefault(reason_of(warning), []).append((path, warning))
    return dict(sorted(grouped.items()))
