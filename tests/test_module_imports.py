"""The plugin's modules import one another in no circle: each can be read, tested and changed from the bottom up.
Imports needed only for type hints (under ``if TYPE_CHECKING:``) do not count; imports inside functions do."""

from __future__ import annotations

import ast

from conftest import ROOT

PACKAGE = ROOT / "plugins" / "conflict_timeline"


def _type_checking_only(tree: ast.Module) -> set[int]:
    """ids of the import nodes under ``if TYPE_CHECKING:``."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            skipped |= {id(sub) for sub in ast.walk(node)}
    return skipped


def imports() -> dict[str, set[str]]:
    """module -> the package's modules it imports when it runs (``from .x import y``, ``from . import x``)."""
    modules = {path.stem for path in PACKAGE.glob("*.py")}
    edges: dict[str, set[str]] = {}
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_checking_only(tree)
        found: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and id(node) not in skipped:
                names = [node.module.split(".")[0]] if node.module else [alias.name for alias in node.names]
                found |= {name for name in names if name in modules}
        edges[path.stem] = found - {path.stem}
    return edges


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every module that can reach itself, with one path that shows how."""
    found = []
    for start in sorted(edges):
        stack, seen = [(start, [start])], set()
        while stack:
            module, path = stack.pop()
            for target in sorted(edges.get(module, ())):
                if target == start:
                    found.append([*path, start])
                    stack = []
                    break
                if target not in seen:
                    seen.add(target)
                    stack.append((target, [*path, target]))
    return found


def test_the_circle_finder_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"], ["b", "c", "a", "b"],
                                                                         ["c", "a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_the_plugin_s_modules_import_in_no_circle():
    edges = imports()
    assert {"extract", "gazetteer", "sites", "placing", "pelican_hooks"} <= set(edges)  # the walk sees the package
    assert "gazetteer" in edges["placing"]  # and its imports
    assert circles(edges) == []
