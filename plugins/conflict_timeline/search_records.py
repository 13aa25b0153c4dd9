"""What Pagefind reads of an entry: a small page of its own, made from the entry's facts, not from its rendered page.

An entry page carries a map, the navigation, related entries and the evidence table; Pagefind parsed all of it to
keep the entry's text. A record holds only what search shows and filters on: the text as the entry's Markdown
made it (in ``data-pagefind-body``), and title, date, places, factions and event type as metadata and filters,
never fused into the text. Records need no page to be written, so the index is built while Pelican is still
writing the site (search_index.py), and a year's digest of its records tells whether its bundle must be rebuilt.
"""

from __future__ import annotations

from html import escape, unescape

from .dateformat import display_date, iso_date


def _text(value: str) -> str:
    """Text for an HTML element, whether or not the value came escaped (titles are written as curators type)."""
    return escape(unescape(value), quote=False)


def record_html(*, title: str, body: str, date, precision: str, lang: str, places: list[str] = (),
                factions: list[str] = (), event: str = "") -> str:
    """The page Pagefind indexes for one entry (its URL is the entry page's: the record sits at the same path)."""
    day = iso_date(date, precision)
    parts = [(f'<!doctype html><html lang="{escape(lang)}"><head><meta charset="utf-8"><title>{_text(title)}</title>'
              f'</head><body data-pagefind-sort="date:{day}">'),
             f'<h1 data-pagefind-meta="title">{_text(title)}</h1>',
             f'<p data-pagefind-meta="date">{display_date(date, precision)}</p>',
             f'<p data-pagefind-meta="datetime">{day}</p>']
    for key, names in (("places", places), ("factions", factions)):
        if names:
            parts.append(f'<p data-pagefind-meta="{key}">{_text(", ".join(names))}</p>')
    filters = [("place", name) for name in places] + [("faction", name) for name in factions]
    filters += [("type", event)] if event else []
    parts += [f'<p data-pagefind-filter="{key}">{_text(name)}</p>' for key, name in filters]
    parts.append(f"<div data-pagefind-body>{body}</div></body></html>\n")
    return "".join(parts)


def article_record(article, default_lang: str, places=(), factions=()) -> str:
    """An entry's record, from Pelican's article and its resolved places and factions. The body is the
    Markdown's HTML before Pelican rewrites its internal links: search shows text, not links, and the links can only
    be rewritten once every generator has run, after this is needed."""
    return record_html(title=article.title, body=getattr(article, "_content", None) or article.content,
                       date=article.date, precision=article.metadata.get("precision", "day"),
                       lang=getattr(article, "lang", None) or default_lang,
                       places=[p.name for p in places], factions=[f.name for f in factions],
                       event=article.metadata.get("event", ""))
