"""The floors of docgen/: commands on top, engines in the middle, plumbing at the bottom.

Every import inside docgen/ (at module level or inside a function) is an edge between two
packages; the test fails on an edge that goes up or sideways where the layout forbids it, and
on any cycle between packages.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "docgen"

# What each package may import (besides itself). "cli" and "commands" sit on top.
ALLOWED = {
    "__main__": {"cli"},  # python -m docgen
    "cli": {"commands", "plumbing", "cli_messages", "docgen"},
    "cli_messages": set(),
    "commands": {"spec", "model", "render", "check", "distribute", "tasks", "nd30", "plumbing", "docgen"},
    "tasks": {"spec", "model", "render", "nd30", "plumbing"},
    "distribute": {"spec", "model", "render", "nd30", "plumbing"},
    "check": {"nd30", "plumbing"},
    "render": {"spec", "model", "nd30", "plumbing"},
    "model": {"spec", "nd30", "plumbing"},
    "spec": {"nd30", "plumbing"},
    "nd30": set(),
    "plumbing": set(),
    "docgen": set(),  # docgen/__init__.py: the version
}


def _package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "docgen"


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Absolute docgen module names imported anywhere in the file."""
    module = _module_name(path)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                if not is_package:
                    base = base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "docgen" or target.startswith("docgen."):
                for alias in node.names:  # `from . import rules`: a name may itself be a module
                    sub = PACKAGE.parent.joinpath(*f"{target}.{alias.name}".split("."))
                    found.add(f"{target}.{alias.name}" if sub.with_suffix(".py").exists() or sub.is_dir() else target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("docgen"))
    return found


def _edges() -> dict[tuple[str, str], list[str]]:
    edges: dict[tuple[str, str], list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _module_name(path)
        for target in _imports(path):
            a, b = _package_of(source), _package_of(target)
            if a != b:
                edges.setdefault((a, b), []).append(f"{source} → {target}")
    return edges


def test_every_package_is_placed():
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    modules = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    assert packages | modules <= set(ALLOWED), "a new package or top-level module needs its floor in ALLOWED"


def test_no_forbidden_edge():
    bad = [f"{a} → {b}: {', '.join(where[:3])}" for (a, b), where in _edges().items() if b not in ALLOWED.get(a, set())]
    assert not bad, "imports that break the floors:\n" + "\n".join(bad)


def test_no_cycle_between_packages():
    graph: dict[str, set[str]] = {}
    for a, b in _edges():
        graph.setdefault(a, set()).add(b)
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                pytest.fail("cycle between packages: " + " → ".join(path[path.index(nxt):] + [node, nxt])
                            if nxt in path else f"cycle: {node} → {nxt}")
            if nxt not in state:
                visit(nxt, path + [node])
        state[node] = 2

    for node in list(graph):
        if node not in state:
            visit(node, [])


@pytest.mark.parametrize("edge", [("check", "render"), ("render", "distribute"), ("render", "check"),
                                  ("nd30", "spec"), ("plumbing", "render"), ("spec", "commands")])
def test_the_forbidden_edges_of_the_issue_are_forbidden(edge):
    """The rule table itself keeps the edges the layout names as forbidden."""
    a, b = edge
    assert b not in ALLOWED[a]


def test_the_test_sees_imports(tmp_path):
    """The reader resolves relative imports, including those inside functions."""
    probe = PACKAGE / "check" / "fix.py"
    assert "docgen.plumbing.ooxml" in _imports(probe)
    assert any(t.startswith("docgen.check") for t in _imports(probe))


def test_no_module_over_about_400_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 470}
    assert not long, f"modules to split by job: {long}"
