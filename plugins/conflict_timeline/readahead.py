"""Entries read by a second process while Pelican reads the others: a cold build's first half uses both cores.

Converting Markdown is most of a cold build's first half, where Pelican uses one core (9.5 s of the 14 s before the
first page is written, at 10,000 entries). With TIMELINE_PARALLEL a second process (``os.fork``) reads the entries
too: on a cold build it starts while the seeds are imported (``early``), else when Pelican is about to read the
entries its caches do not hold (``for_generator``). The reader (reader.py) asks it for each entry (``take``).
"""

from __future__ import annotations

import logging
import mmap
import os
import pickle
import shutil
import signal
import struct
import tempfile
from collections.abc import Callable
from pathlib import Path

from pelican.generators import Generator
from pelican.readers import Readers

from . import parallel
from .reader import TimelineMarkdownReader

log = logging.getLogger(__name__)

READ_AHEAD_MIN = 400  # entries to read below which a second process is not worth starting
READ_AHEAD_CHUNK = 100  # entries per file it hands over


def _stamp(path: str) -> tuple[int, int, int]:
    stat = os.stat(path)
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


class _Kept(logging.Handler):
    """In the second process: what reading an entry logs, kept for the build's own process to log."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # arguments may not survive pickling
        if record.exc_info:
            record.exc_text, record.exc_info = logging.Formatter().formatException(record.exc_info), None
        self.records.append(record)


class ReadAhead:
    """Pelican reads the entries from the first, in its order; the second process reads them from the last, in
    chunks it hands over as files (each renamed into place when complete): what ``read`` returns and what it logged.
    When Pelican comes to an entry of a chunk handed over, it takes the chunk; otherwise it reads the entry itself,
    and the second process, which looks where Pelican has come before each chunk, stops where they meet. Neither
    ever waits for the other, whatever the load on either core. An entry changed after the second process read it
    (a new inode, size or modification time) is read again. Same content and metadata either way (the tests
    compare)."""

    @classmethod
    def start(cls, settings: dict, paths: list[str]) -> ReadAhead | None:
        """A second process reading ``paths`` (absolute, in the order Pelican reads them) from the last; None when
        they are too few to be worth it, or it could not start."""
        if len(paths) < READ_AHEAD_MIN:
            return None
        ahead = cls(settings, paths)
        return ahead if ahead._pid is not None else None

    def __init__(self, settings: dict, paths: list[str]) -> None:
        self._position = {path: number for number, path in enumerate(paths)}
        self._count = len(paths)
        self._reached = mmap.mmap(-1, 8)  # shared with the second process: how far Pelican has come in ``paths``
        self._folder = Path(tempfile.mkdtemp(prefix="timeline-read-"))
        self._results: dict[str, tuple] = {}
        self._loaded: set[int] = set()
        self._pid = parallel.start(lambda: self._read(settings, paths), "reading entries ahead", here=False)
        if self._pid is None:
            self.close()

    def _chunk(self, number: int) -> range:
        """Chunk 0 is the last READ_AHEAD_CHUNK entries, chunk 1 the ones before, and so on."""
        end = self._count - number * READ_AHEAD_CHUNK
        return range(max(0, end - READ_AHEAD_CHUNK), end)

    def _read(self, settings: dict, paths: list[str]) -> None:
        root, kept = logging.getLogger(), _Kept()
        handlers, root.handlers = root.handlers, [kept]
        reader = TimelineMarkdownReader(settings)
        try:
            for number in range(-(-self._count // READ_AHEAD_CHUNK)):
                chunk = self._chunk(number)
                if struct.unpack("q", self._reached[:8])[0] > chunk.start:
                    return  # Pelican has come this far: it reads the rest itself
                results = {}
                for path in (paths[n] for n in chunk):
                    kept.records = []
                    try:
                        stamp = _stamp(path)
                        content, metadata = reader.read(path)
                    except Exception:  # noqa: BLE001, S112 - the build's own process reads it again and reports the error
                        continue
                    results[path] = (stamp, content, metadata, kept.records)
                partial = self._folder / f"{number}.part"
                with partial.open("wb") as file:
                    pickle.dump(results, file, protocol=pickle.HIGHEST_PROTOCOL)
                partial.rename(self._folder / str(number))
        finally:
            root.handlers = handlers

    def take(self, source_path: str) -> tuple[str, dict] | None:
        """(content, metadata) of an entry the second process read, its log replayed here; None: read it here."""
        position = self._position.get(source_path)
        if position is None:
            return None
        number = (self._count - 1 - position) // READ_AHEAD_CHUNK
        if number not in self._loaded:
            path = self._folder / str(number)
            if not path.exists():  # not handed over (yet): read here, and say how far Pelican has come
                self._reached[:8] = struct.pack("q", position + 1)
                return None
            self._loaded.add(number)
            try:
                with path.open("rb") as file:
                    self._results.update(pickle.load(file))
            except Exception as error:  # noqa: BLE001 - its entries are read here instead
                log.warning("entries read ahead could not be loaded (%s); reading them here", error)
            path.unlink(missing_ok=True)
        found = self._results.pop(source_path, None)
        if found is None or found[0] != _stamp(source_path):  # not read there, or changed since (by the import)
            return None
        _, content, metadata, records = found
        for record in records:
            logging.getLogger(record.name).handle(record)
        return content, metadata

    def close(self) -> None:
        """Stop the second process (Pelican has read every entry) and clean up."""
        if self._pid is not None:
            self._reached[:8] = struct.pack("q", self._count)
            try:
                if not os.waitpid(self._pid, os.WNOHANG)[0]:
                    os.kill(self._pid, signal.SIGTERM)
                    os.waitpid(self._pid, 0)
            except ChildProcessError:
                pass
            self._pid = None
        self._position, self._results = {}, {}
        shutil.rmtree(self._folder, ignore_errors=True)


class _Files:
    """What Pelican's ``Generator.get_files`` needs, before Pelican has made its generators."""

    get_files = Generator.get_files
    _include_path = Generator._include_path

    def __init__(self, settings: dict) -> None:
        self.settings, self.path, self.readers = settings, settings["PATH"], Readers(settings)


def entry_paths(settings: dict, files, unread: Callable[[str, str], bool] = lambda name, path: True) -> list[str]:
    """The Markdown entries Pelican's article generator reads (absolute paths), in the order it reads them."""
    return [path for name in files.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
            if (path := os.path.abspath(os.path.join(files.path, name))).rpartition(".")[2]
            in TimelineMarkdownReader.file_extensions and unread(name, path)]


def early(settings: dict) -> ReadAhead | None:
    """A cold build (no content cache to load) reads every entry: start reading them now, before the seeds are
    imported; an entry the import then writes or rewrites is read by Pelican."""
    cache = Path(settings["CACHE_PATH"])
    if settings.get("LOAD_CONTENT_CACHE") and any((cache / name).exists()
                                                  for name in ("ArticlesGenerator-Readers", "ArticlesGenerator")):
        return None
    return ReadAhead.start(settings, entry_paths(settings, _Files(settings)))


def for_generator(generator) -> ReadAhead | None:
    """The entries Pelican's article generator is about to read that neither of its caches holds."""
    return ReadAhead.start(generator.settings, entry_paths(generator.settings, generator, lambda name, path: (
        generator.get_cached_data(name, None) is None
        and generator.readers.get_cached_data(path, (None, None))[0] is None)))
