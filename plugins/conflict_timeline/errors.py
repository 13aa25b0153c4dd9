"""One base error; the CLI turns each into a one-line message with a fix hint."""

from __future__ import annotations


class TimelineError(Exception):
    """Base error. ``path`` names the file, ``hint`` says how to fix it."""

    hint: str = ""

    def __init__(self, message: str, path: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        fix = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}{self.message}{fix}"


class SeedError(TimelineError):
    """A seed that cannot be read or converted."""


class DateError(SeedError):
    hint = "add a line 'Published: YYYY-MM-DD' at the top of the seed"


class RegistryError(TimelineError):
    """A broken factions.yml / places.yml."""

    hint = "fix the YAML file named above; see the comment block at its top"


class SettingsError(TimelineError):
    hint = "fix the TIMELINE_* setting in pelicanconf.py"


class EntryError(TimelineError):
    """A Markdown entry that cannot be parsed or fails validation."""
