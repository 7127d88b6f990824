"""The shape of the code, checked: no import cycles, no private names across modules, the page checker
free of the assessment store, no Streamlit in the domain, and only screens in ``pages/``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import linkwijzer

ROOT = Path(linkwijzer.__file__).resolve().parent
REPO = ROOT.parent


def _name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(("linkwijzer",) + tuple(p for p in parts if p != "__init__"))


def _imports() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Module -> (imported module, names) for every import, function-level ones included."""
    out = {}
    for path in ROOT.rglob("*.py"):
        module, found = _name(path), []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("linkwijzer"):
                found.append((node.module, tuple(a.name for a in node.names)))
            elif isinstance(node, ast.Import):
                found += [(a.name, ()) for a in node.names if a.name.startswith("linkwijzer")]
        out[module] = found
    return out


IMPORTS = _imports()
MODULES = set(IMPORTS)


def _edges(module: str) -> set[str]:
    targets = set()
    for imported, names in IMPORTS[module]:
        for name in names:  # "from linkwijzer.store import fetch_cache" imports a module
            if f"{imported}.{name}" in MODULES:
                targets.add(f"{imported}.{name}")
        if imported in MODULES:
            targets.add(imported)
    return targets - {module}


def test_no_import_cycles():
    graph = {m: _edges(m) for m in MODULES}
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            # A package's __init__ re-exporting its own module is not a cycle worth naming.
            if len(component) > 1 and not all(m.startswith(min(component, key=len)) for m in component):
                cycles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    assert cycles == []


def test_no_private_names_across_modules():
    leaks = [(module, imported, name) for module, found in IMPORTS.items() for imported, names in found
             for name in names
             if name.startswith("_") and f"{imported}.{name}" not in MODULES]  # a private *module* of a package is fine
    assert leaks == []


def _closure(start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += _edges(module)
    return seen


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("linkwijzer.inspect")))
def test_the_page_checker_needs_neither_the_assessment_store_nor_the_verdict_engine(module):
    reached = _closure(module)
    assert "linkwijzer.store.assessments" not in reached
    assert not any(m.startswith("linkwijzer.questionnaire") for m in reached)


def test_the_domain_never_imports_streamlit():
    for path in ROOT.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not any(str(n).split(".")[0] == "streamlit" for n in names), path


def test_pages_holds_only_screens():
    """Streamlit lists every ``pages/*.py`` as a page on its own: helpers live in ``pages/parts/``."""
    app = (REPO / "app.py").read_text(encoding="utf-8")
    screens = sorted(p.name for p in (REPO / "pages").glob("*.py"))
    routed = sorted(set(__import__("re").findall(r'st\.Page\("pages/([a-z_]+\.py)"', app)))
    assert screens == routed
