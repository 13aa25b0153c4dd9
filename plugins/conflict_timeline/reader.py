"""Pelican's Markdown reader, taught that an entry's date may be partial ("2017-06", "2014").

Stock Pelican fills a missing month or day from *today*, which would make a month-precision entry move with the
calendar and break byte-identical rebuilds. Here a partial date means its first day, and ``Precision`` is set
from the form unless the file states it.
"""

from __future__ import annotations

from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime

from .entries import parse_date


class TimelineMarkdownReader(MarkdownReader):
    def read(self, source_path):
        self._implied_precision = None
        content, metadata = super().read(source_path)
        if self._implied_precision and "precision" not in metadata:
            metadata["precision"] = self._implied_precision
        return content, metadata

    def process_metadata(self, name, value):
        if name == "date" and isinstance(value, str):
            try:
                date, precision = parse_date(value)
            except ValueError:
                return super().process_metadata(name, value)
            if precision != "day":
                self._implied_precision = precision
                return SafeDatetime(date.year, date.month, date.day)
        return super().process_metadata(name, value)
