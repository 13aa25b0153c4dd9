"""Pelican's Markdown reader, taught that an entry's date may be partial ("2017-06", "2014").

Stock Pelican fills a missing month or day from *today*, which would make a month-precision entry move with the
calendar and break byte-identical rebuilds. Here a partial date means its first day, and ``Precision`` is set
from the form unless the file states it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Protocol

from markdown import Markdown
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import SafeDatetime, pelican_open

from .entries import parse_date

log = logging.getLogger(__name__)

# One line of prose that Markdown would only wrap in <p>: it starts with a letter (so it is no list, heading, quote
# block or code), has no character Markdown gives meaning to, and no line break or other separator.
_PROSE = re.compile(r"[^\W\d_][^*_`\[\]<>&\\#!|~=+{}]*")


def prose_paragraph(text: str) -> str | None:
    """Markdown's HTML for ``text`` when it is a single line of plain prose; None when Markdown has to decide.

    Generated drafts carry a one-sentence Summary, and converting 3,000 of them cost ~0.8 s of a 10,000-entry build.
    """
    if text == text.strip() and text.isprintable() and _PROSE.fullmatch(text):
        return f"<p>{text}</p>"
    return None


class ReadElsewhere(Protocol):
    """Entries another process has read (readahead.py): (content, metadata) of one, or None to read it here."""

    def take(self, source_path: str) -> tuple[str, dict] | None: ...


class TimelineMarkdownReader(MarkdownReader):
    """Also reuses two Markdown instances for the whole build (reset between files) where Pelican builds a new one
    per file: at 10,000 entries that setup alone cost ~6 s of a ~57 s profiled build."""

    _documents: Markdown | None = None
    _fields: Markdown | None = None
    ahead: ReadElsewhere | None = None  # entries a second process reads (set by pelican_hooks.read_ahead)

    def read(self, source_path):
        if self.ahead is not None:
            found = self.ahead.take(source_path)
            if found is not None:
                return found
        self._implied_precision = None
        self._source_path = source_path
        if self._documents is None:
            self._documents = Markdown(**self.settings["MARKDOWN"])
            self._fields = Markdown(**self.settings["MARKDOWN"])
            self._fields.preprocessors.deregister("meta")  # formatted fields are Markdown, never a header
        self._documents.reset()
        with pelican_open(source_path) as text:
            content = self._documents.convert(text)
        metadata = self._metadata(getattr(self._documents, "Meta", {}))
        if self._implied_precision and "precision" not in metadata:
            metadata["precision"] = self._implied_precision
        if "date" not in metadata and metadata.get("status") != "skip" and self._is_entry(source_path):
            # An entry the importer could not date waits for its curator: held back from the site, not guessed.
            log.warning("%s: needs a date (add a 'Date:' line); not built until then", source_path)
            metadata["status"] = "skip"
        return content, metadata

    def _is_entry(self, source_path) -> bool:
        return "timeline" in Path(source_path).parts

    def _metadata(self, meta):
        """Pelican's MarkdownReader._parse_metadata, with the formatted fields on the reused instance."""
        output = {}
        for name, value in meta.items():
            name = name.lower()
            if name in self.settings["FORMATTED_FIELDS"]:
                text = "\n".join(value)
                html = prose_paragraph(text)
                if html is None:
                    self._fields.reset()
                    html = self._fields.convert(text)
                output[name] = self.process_metadata(name, html)
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True) or len(value) == 1:
                output[name] = self.process_metadata(name, value[0])
            else:
                output[name] = self.process_metadata(name, value)
        return output

    def process_metadata(self, name, value):
        if name == "date" and isinstance(value, str):
            try:
                date, precision = parse_date(value)
            except ValueError:
                return super().process_metadata(name, value)
            if precision != "day":
                self._implied_precision = precision
            if precision != "day" or len(value.strip()) == 10:  # a bare date: no time or zone for dateutil to read
                return SafeDatetime(date.year, date.month, date.day)
        return super().process_metadata(name, value)
