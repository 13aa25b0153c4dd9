"""Warm rebuilds: after a curator edits the text of an entry, only that entry's page (and the feeds) are rendered.

Pelican renders every page on every build. Here a manifest of the last build (in Pelican's CACHE_PATH) records a
key for everything that shapes all pages (theme, settings, plugin code, registries, the set of files) and, per
entry, a hash of its text and header and of what other pages show of it (title, date, places, factions, status,
teaser, URL, sources, casualties). When only entry files changed and nothing other pages show of them did, every
other page would come out byte-identical, so the writer skips it. Any other change (a new file, a new title, a
theme edit) builds in full.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from pelican.writers import Writer

log = logging.getLogger(__name__)
PLAN = "_timeline_write_plan"  # settings key shared with the writer: the save_as paths to render, or None (all)
MANIFEST = "_timeline_manifest"  # this build's manifest, saved when the build has finished


def _digest(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:20]


def _tree_digest(folder: Path, pattern: str = "*") -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _manifest_path(settings: dict) -> Path:
    name = hashlib.sha256(os.path.abspath(settings["OUTPUT_PATH"]).encode()).hexdigest()[:16]
    return Path(settings["CACHE_PATH"]) / f"timeline-build-{name}.json"


def _plain(value: Any) -> bool:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return True
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def code_digest() -> str:
    """The plugin's own code: a change to any module may change any page."""
    return _tree_digest(Path(__file__).parent, "*.py")


def build_key(settings: dict, registries: str, sources: list[str]) -> str:
    """Everything that shapes every page: plain settings, plugin code, registries, theme, non-entry content."""
    watched = {k: v for k, v in settings.items() if k.isupper() and _plain(v)}
    content = Path(settings["PATH"])
    pages = [_tree_digest(content / folder) for folder in settings.get("PAGE_PATHS", []) if (content / folder).is_dir()]
    return _digest(watched, code_digest(), registries, sorted(sources), _tree_digest(Path(settings["THEME"])), pages)


def listing_key(article: Any) -> str:
    return _digest(article.title, article.date, getattr(article, "precision", "day"), article.status, article.href,
                   article.slug, [p.name for p in article.place_list], [f.name for f in article.faction_list],
                   article.metadata.get("event"), getattr(article, "teaser", ""), article.metadata.get("sources"),
                   article.metadata.get("casualties"))


def _target(article: Any) -> str:
    """The page's save_as, computed once by the plugin (Pelican formats it anew, at some cost, on every access)."""
    target = getattr(article, "target", None)
    return target if target is not None else article.save_as


def page_key(article: Any) -> str:
    """What the entry's own page is made of: its rendered text and every header field (read already, so no file
    is opened again; the resolved names follow from these and the registries, which are in the build key)."""
    return _digest(article._content, sorted((k, str(v)) for k, v in article.metadata.items()))


def plan(settings: dict, key: str, articles: list[Any]) -> tuple[dict, set[str] | None]:
    """(manifest of this build, the save_as paths to render or None for all)."""
    pages = {a.source_path: {"file": page_key(a),
                             "listing": listing_key(a),
                             "save_as": _target(a)} for a in articles}
    manifest = {"key": key, "entries": pages}
    previous = read_json(_manifest_path(settings))
    if (previous.get("key") != key or set(previous.get("entries", {})) != set(pages)
            or not (Path(settings["OUTPUT_PATH"]) / "index.html").exists()):
        return manifest, None
    old = previous["entries"]
    if any(old[path]["listing"] != page["listing"] for path, page in pages.items()):
        return manifest, None
    return manifest, {page["save_as"] for path, page in pages.items() if old[path]["file"] != page["file"]}


def save(settings: dict, manifest: dict) -> None:
    write_json(_manifest_path(settings), manifest, "the next build will be a full one")


def read_json(path: Path) -> dict:
    """A JSON object the build cached; {} when it is missing or unreadable (the build then does the work)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_json(path: Path, data: dict, otherwise: str) -> None:
    """Save a build cache (sorted, rewritten only when it changed); ``otherwise`` says what failing costs."""
    text = json.dumps(data, sort_keys=True) + "\n"
    try:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except OSError as error:
        log.warning("%s: cannot save the build cache (%s); %s", path, error, otherwise)


class SelectiveWriter(Writer):
    """Renders only the pages the plan names, and only the feeds holding a changed entry; with no plan,
    everything, as Pelican does."""

    def write_file(self, name, template, context, *args, **kwargs):
        selected = self.settings.get(PLAN)
        if selected is not None and name and name not in selected:
            return None
        return super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        if path == self.settings.get("FEED_ALL_ATOM") and not kwargs.get("override_output"):
            return None  # Pelican's oldest-first site feed: the plugin writes the newest entries there instead
        selected = self.settings.get(PLAN)
        if selected is not None and not any(_target(e) in selected for e in elements):
            return None  # a feed shows only its elements: none of them changed
        return super().write_feed(elements, context, path, *args, **kwargs)
